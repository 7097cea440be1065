import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// An exact rational number, used to explain allocations without rounding:
/// a quota of `12 345 678/7` units is shown as exactly that.
///
/// The value is always reduced (the numerator and denominator have no common
/// factor) with a positive denominator, so equal values are equal fractions.
/// It has arbitrary precision: quotas such as *wᵢ·h/V* can exceed 64 bits
/// in the numerator before reduction.
///
/// ```swift
/// let q = ExactFraction(7, 2)
/// q.description      // "7/2"
/// q.floor            // "3"
/// q.approximation    // 3.5 (for display only)
/// ```
///
/// JSON: the string `"7/2"` (or `"3"` for a whole number).
///
/// - Complexity: Arithmetic is O(1) while numerator and denominator fit in
///   64 bits, and grows with their number of digits beyond that.
public struct ExactFraction: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  var numerator: ExactInteger
  var denominator: ExactInteger

  /// Creates `numerator/denominator`.
  /// - Precondition: `denominator != 0` (programmer error).
  package init(_ numerator: Int64, _ denominator: Int64 = 1) {
    self.init(ExactInteger(numerator), ExactInteger(denominator))
  }

  init(_ numerator: ExactInteger, _ denominator: ExactInteger = .one) {
    precondition(!denominator.isZero, "ExactFraction with a zero denominator")
    var n = numerator
    var d = denominator
    if d.isNegative {
      n = -n
      d = -d
    }
    let g = ExactInteger.gcd(n, d)
    if !(g == .one) && !g.isZero {
      n = n.quotientAndRemainder(dividingBy: g).quotient
      d = d.quotientAndRemainder(dividingBy: g).quotient
    }
    self.numerator = n
    self.denominator = d
  }

  /// A fraction already in lowest terms with a positive denominator.
  init(reduced numerator: ExactInteger, _ denominator: ExactInteger) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The exact quota *v·h/V* (v ≤ V), reduced with 64-bit arithmetic only.
  static func quota(_ v: UInt64, times h: UInt64, over total: UInt64) -> ExactFraction {
    let p = v.multipliedFullWidth(by: h)
    let r = total.dividingFullWidth(p).remainder
    var a = total, b = r
    while b != 0 { (a, b) = (b, a % b) }
    let g = a  // gcd(v·h, V) = gcd(V, v·h mod V)
    let qh = p.high / g
    let ql = g.dividingFullWidth((p.high % g, p.low)).quotient
    return ExactFraction(reduced: ExactInteger(high: qh, low: ql), ExactInteger(total / g))
  }

  /// Zero.
  package static let zero = ExactFraction(0)

  /// The numerator in decimal digits (with a leading `-` when negative).
  package var numeratorText: String { numerator.description }
  /// The (positive) denominator in decimal digits.
  package var denominatorText: String { denominator.description }
  /// Whether the value is a whole number.
  package var isWhole: Bool { denominator == .one }
  /// The largest whole number not above the value, in decimal digits.
  package var floor: String { numerator.floorDivided(by: denominator).description }
  /// The value as a `Double`, for display and charts only: never use it for
  /// decisions.
  package var approximation: Double { numerator.doubleValue / denominator.doubleValue }

  /// `"n/d"`, or `"n"` for a whole number.
  public var description: String {
    isWhole ? numerator.description : "\(numerator)/\(denominator)"
  }

  /// The value rounded to `decimals` decimals (half away from zero), written
  /// with a point, e.g. `"3.33"`; exact, with no floating point involved.
  package func decimalText(decimals: Int) -> String {
    var scale = ExactInteger.one
    for _ in 0..<max(0, decimals) { scale = scale * ExactInteger(Int64(10)) }
    let negative = numerator.isNegative
    let magnitude = negative ? -numerator : numerator
    let twice = magnitude * scale * ExactInteger(Int64(2)) + denominator
    let rounded = twice.quotientAndRemainder(dividingBy: denominator * ExactInteger(Int64(2))).quotient
    var digits = rounded.description
    if decimals > 0 {
      while digits.count <= decimals { digits = "0" + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return (negative && !rounded.isZero ? "-" : "") + digits
  }

  /// The parts as `Int64`s, when both fit.
  @inline(__always)
  var smallParts: (Int64, Int64)? {
    if case .small(let n) = numerator.storage, case .small(let d) = denominator.storage { return (n, d) }
    return nil
  }

  /// A reduced fraction from 64-bit parts (denominator > 0).
  @inline(__always)
  static func small(_ n: Int64, _ d: Int64) -> ExactFraction {
    var a = n.magnitude, b = d.magnitude
    while b != 0 { (a, b) = (b, a % b) }
    if a <= 1 { return ExactFraction(reduced: ExactInteger(n), ExactInteger(d)) }
    let g = Int64(a)
    return ExactFraction(reduced: ExactInteger(n / g), ExactInteger(d / g))
  }

  /// The sum.
  package static func + (a: ExactFraction, b: ExactFraction) -> ExactFraction {
    if let (an, ad) = a.smallParts, let (bn, bd) = b.smallParts {
      if ad == bd {
        let (s, o) = an.addingReportingOverflow(bn)
        if !o { return small(s, ad) }
      } else {
        let (x, o1) = an.multipliedReportingOverflow(by: bd)
        let (y, o2) = bn.multipliedReportingOverflow(by: ad)
        let (d, o3) = ad.multipliedReportingOverflow(by: bd)
        let (s, o4) = x.addingReportingOverflow(y)
        if !(o1 || o2 || o3 || o4) { return small(s, d) }
      }
    }
    if a.denominator == b.denominator { return ExactFraction(a.numerator + b.numerator, a.denominator) }
    return ExactFraction(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  /// The difference.
  package static func - (a: ExactFraction, b: ExactFraction) -> ExactFraction {
    a + ExactFraction(reduced: -b.numerator, b.denominator)
  }
  /// The product.
  package static func * (a: ExactFraction, b: ExactFraction) -> ExactFraction {
    if let (an, ad) = a.smallParts, let (bn, bd) = b.smallParts {
      let (n, o1) = an.multipliedReportingOverflow(by: bn)
      let (d, o2) = ad.multipliedReportingOverflow(by: bd)
      if !(o1 || o2) { return small(n, d) }
    }
    return ExactFraction(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  /// The quotient.
  /// - Precondition: `b` is not zero.
  package static func / (a: ExactFraction, b: ExactFraction) -> ExactFraction {
    if let (an, ad) = a.smallParts, let (bn, bd) = b.smallParts, bn != 0, bn != Int64.min {
      let (n, o1) = an.multipliedReportingOverflow(by: bn < 0 ? -bd : bd)
      let (d, o2) = ad.multipliedReportingOverflow(by: abs(bn))
      if !(o1 || o2) { return small(n, d) }
    }
    return ExactFraction(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  /// Orders by value (exactly, by cross-multiplication).
  public static func < (a: ExactFraction, b: ExactFraction) -> Bool {
    if let (an, ad) = a.smallParts, let (bn, bd) = b.smallParts {
      // an/ad < bn/bd ⇔ an·bd < bn·ad (denominators positive), in 128 bits.
      let l = an.multipliedFullWidth(by: bd)
      let r = bn.multipliedFullWidth(by: ad)
      return l.high != r.high ? l.high < r.high : l.low < r.low
    }
    if a.denominator == b.denominator { return a.numerator < b.numerator }
    return a.numerator * b.denominator < b.numerator * a.denominator
  }

  /// Encodes as the string `"n/d"`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }

  /// Decodes from `"n/d"` or `"n"` (64-bit parts).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    let text = try c.decode(String.self)
    let parts = text.split(separator: "/")
    guard (1...2).contains(parts.count), let n = Int64(parts[0]),
      let d = parts.count == 2 ? Int64(parts[1]) : 1, d != 0
    else {
      throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not a fraction n/d")
    }
    self.init(n, d)
  }
}
