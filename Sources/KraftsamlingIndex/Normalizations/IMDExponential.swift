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
/// IMDExponential.imdExponential.normalize(&v, context: NormalizationContext())
/// v   // [100, 6.518, 15.647, 31.009]
/// ```
///
/// - Complexity: O(*n* log *n*).
/// - SeeAlso: Ministry of Housing, Communities & Local Government, *The
///   English Indices of Deprivation 2019: Technical report*, §3.
public struct IMDExponential: Normalization, Hashable {
  /// Creates the transform.
  package init() {}
  /// `imd-exp`.
  public var specification: StrategySpecification { StrategySpecification("imd-exp") }
  /// Replaces the values by their exponentially transformed ranks.
  public func normalize(_ values: inout [Double], context: NormalizationContext) {
    let n = values.count
    guard n > 0 else { return }
    var ranks: [Int] = []
    IndexMath.descendingRanks(values, into: &ranks)
    for i in values.indices { values[i] = Self.transform(rank: Double(ranks[i]), of: Double(n)) }
  }

  /// −23·ln(1 − R·(1 − e^(−100/23))) with R = (n − rank + 1)/n: the value of
  /// descending rank `rank` (1 = most deprived, may be fractional) among `n`.
  package static func transform(rank: Double, of n: Double) -> Double {
    let r = (n - rank + 1) / n
    return -23 * log(1 - r * (1 - exp(-100.0 / 23.0)))
  }
}

extension Normalization where Self == IMDExponential {
  /// The IMD exponential rank transform (0–100, 100 = most deprived).
  public static var imdExponential: IMDExponential { IMDExponential() }
}
