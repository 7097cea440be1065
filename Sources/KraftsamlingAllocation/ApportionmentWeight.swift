import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// A non-negative weight for apportionment, given exactly: a whole number
/// or a decimal with up to 18 decimals (`12`, `0.25`, `1234.5678`).
///
/// Weights are never floating point: `0.1 + 0.2` is exactly `0.3` here.
/// Before apportioning, all weights are scaled to the same number of
/// decimals, so they become integers *vᵢ*; their sum *V* must fit in 64 bits.
///
/// ```swift
/// let w: [ApportionmentWeight] = [12, try ApportionmentWeight(parsing: "2.5"), 3]
/// w[1].description   // "2.5"
/// ```
public struct ApportionmentWeight: Sendable, Hashable, Codable, CustomStringConvertible,
  ExpressibleByIntegerLiteral
{
  /// The digits as an integer: `2.5` has mantissa `25` and 1 decimal.
  package var mantissa: Int64
  /// How many decimals the mantissa has (0…18).
  package var decimals: Int

  /// A weight `mantissa · 10^-decimals`.
  /// - Precondition: `0 ≤ decimals ≤ 18` (programmer error).
  public init(mantissa: Int64, decimals: Int = 0) {
    precondition((0...18).contains(decimals), "decimals must be 0…18")
    self.mantissa = mantissa
    self.decimals = decimals
  }

  /// A whole-number weight.
  package init(_ value: Int64) { self.init(mantissa: value) }

  /// A whole-number weight from a literal.
  public init(integerLiteral value: Int64) { self.init(mantissa: value) }

  /// Parses `12`, `12.5`, `12,5` (Swedish decimal comma), `1 234.5`.
  /// - Throws: ``AllocationError`` `.invalidParameter` for anything else.
  public init(parsing text: String) throws(AllocationError) {
    let cleaned = text.trimmingWhitespace().filter { $0 != " " && $0 != "_" && $0 != "\u{00A0}" && $0 != "\u{202F}" }
    var negative = false
    var body = Substring(cleaned)
    if let f = body.first, f == "-" || f == "−" {
      negative = true
      body = body.dropFirst()
    }
    let pieces = body.split(separator: body.contains(",") ? "," : ".", omittingEmptySubsequences: false)
    guard (1...2).contains(pieces.count), !body.isEmpty,
      pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
      pieces.count == 1 || pieces[1].count <= 18
    else {
      throw AllocationError(
        .invalidParameter, "'\(text)' is not a number", hint: "write a weight such as 12, 12.5 or 12,5", context: "weight")
    }
    let digits = pieces.joined()
    guard let m = Int64(digits.isEmpty ? "0" : String(digits)) else {
      throw AllocationError(
        .overflow, "weight '\(text)' has too many digits", hint: "use at most 18 significant digits", context: "weight")
    }
    self.init(mantissa: negative ? -m : m, decimals: pieces.count == 2 ? pieces[1].count : 0)
  }

  /// The weight as an exact fraction.
  package var exactValue: ExactFraction {
    var d: Int64 = 1
    for _ in 0..<decimals { d *= 10 }
    return ExactFraction(mantissa, d)
  }

  /// The weight in decimal notation, e.g. `2.5`.
  public var description: String {
    if decimals == 0 { return String(mantissa) }
    var digits = String(mantissa.magnitude)
    while digits.count <= decimals { digits = "0" + digits }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    return (mantissa < 0 ? "-" : "") + digits
  }

  /// Scales weights to integers with a common number of decimals.
  ///
  /// - Throws: `.negativeWeight`, `.weightsAllZero`, or `.overflow` when the
  ///   scaled weights or their sum do not fit in 64 bits.
  static func scaled(_ weights: [ApportionmentWeight]) throws(AllocationError) -> (values: [UInt64], sum: UInt64) {
    var maxDecimals = 0
    for (i, w) in weights.enumerated() {
      if w.mantissa < 0 {
        throw AllocationError(
          .negativeWeight, "weight \(w) of recipient \(i + 1) is negative",
          hint: "weights must be zero or positive", context: "weight[\(i + 1)]")
      }
      maxDecimals = max(maxDecimals, w.decimals)
    }
    var values = [UInt64](repeating: 0, count: weights.count)
    var sum: UInt64 = 0
    for (i, w) in weights.enumerated() {
      var v = UInt64(w.mantissa)
      for _ in w.decimals..<maxDecimals {
        let (p, o) = v.multipliedReportingOverflow(by: 10)
        if o { throw overflowError(i) }
        v = p
      }
      let (s, o) = sum.addingReportingOverflow(v)
      if o || s > UInt64(Int64.max) { throw overflowError(i) }
      values[i] = v
      sum = s
    }
    if sum == 0 && !weights.isEmpty {
      throw AllocationError(
        .weightsAllZero, "all \(weights.count) weights are zero, so there is nothing to be proportional to",
        hint: "give at least one recipient a positive weight", context: "weights")
    }
    return (values, sum)
  }

  private static func overflowError(_ i: Int) -> AllocationError {
    AllocationError(
      .overflow, "the weights (scaled to a common number of decimals) add up to more than 9.2·10¹⁸",
      hint: "use fewer decimals or smaller units", context: "weight[\(i + 1)]")
  }
}
