#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The exponential rank transformation of the English Indices of
/// Deprivation: X = −23·ln(1 − R·(1 − e^(−100/23))), where
/// R = (N − rank + 1)/N and rank 1 is the most deprived area.
///
/// The most deprived area gets 100, the least deprived about 0 (for
/// N = 100, 0.044). The transform stretches the deprived end, so that when
/// domains are combined, a very good score in one domain cannot fully make
/// up for a very bad one in another.
///
/// Ranks are competition ranks in *descending* order of the oriented value
/// (ties share the lowest, i.e. most deprived, rank). Flipping: a
/// `higherIsBetter` indicator arrives negated, so its lowest raw value is
/// the most deprived.
///
/// ```swift
/// var v = [0.4, 0.1, 0.2, 0.3]   // ranks 1, 4, 3, 2; R = 1, 1/4, 2/4, 3/4
/// IMDExponential().normalize(&v, context: NormalizationContext())
/// v   // [100, 6.518, 15.647, 31.009]
/// ```
///
/// - Complexity: O(*n* log *n*).
/// - SeeAlso: Ministry of Housing, Communities & Local Government, *The
///   English Indices of Deprivation 2019: Technical report*, §3.
public struct IMDExponential: Normalization, Hashable {
  /// Creates the transform.
  public init() {}
  /// `imd-exp`.
  public var specification: StrategySpecification { StrategySpecification("imd-exp") }
  /// Replaces the values by their exponentially transformed ranks.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let n = values.count
    guard n > 0 else { return }
    var ranks: [Int] = []
    IndexMath.descendingRanks(values, into: &ranks)
    let k = 1 - exp(-100.0 / 23.0)
    for i in values.indices {
      let r = Double(n - ranks[i] + 1) / Double(n)
      values[i] = -23 * log(1 - r * k)
    }
  }
}

extension Normalization where Self == IMDExponential {
  /// The IMD exponential rank transform (0–100, 100 = most deprived).
  public static var imdExponential: IMDExponential { IMDExponential() }
}
