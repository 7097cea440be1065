import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// A divisor (highest averages) method: the next unit goes to the recipient
/// with the largest *vᵢ / d(kᵢ)*, where *kᵢ* is the number of units it
/// already has. Equivalently, every recipient gets the number of divisors
/// *d(k)* below *vᵢ/λ* for a common multiplier *λ* chosen so the parts add up
/// to the total.
///
/// | kind | d(0), d(1), d(2), … | rounds the quota |
/// |---|---|---|
/// | D'Hondt / Jefferson | 1, 2, 3, … | down |
/// | Sainte-Laguë / Webster | 1, 3, 5, … (∝ ½, 1½, 2½) | to nearest |
/// | modified Sainte-Laguë | *f*, 3, 5, … (*f* = 1.2 in Sweden, 1.4 in Norway) | |
/// | Huntington–Hill | 0, √2, √6, … (√(k(k+1))) | at the geometric mean |
/// | Adams | 0, 1, 2, … | up |
///
/// With *d(0) = 0* the first unit of a recipient with positive weight has
/// an infinite claim: every such recipient gets one unit before anyone gets
/// a second, and if there are fewer units than such recipients the largest
/// weights get them (as the `apportionment` package does).
///
/// ```swift
/// let a = try Apportionment(total: 18, weights: [1305956, 903151, 650114, 532193, 319024], method: .dhondt)
/// a.amounts   // [7, 5, 3, 2, 1]  (Austria, European Parliament 2019)
/// ```
///
/// **Exactness.** Claims are compared by cross-multiplication with 256-bit
/// intermediates: *vᵢ·N(kⱼ)* against *vⱼ·N(kᵢ)* for the rational divisors
/// *N(k)/M*, and *vᵢ²·kⱼ(kⱼ+1)* against *vⱼ²·kᵢ(kᵢ+1)* for Huntington–Hill,
/// so no square root or floating-point number decides anything.
///
/// **Speed.** Units are not handed out one at a time. The method starts
/// from the threshold *t = V/h* (the Hare quota), gives each recipient the
/// number of its claims *vᵢ/d(k)* that exceed *t* (an exact count found
/// from a floating-point guess corrected by exact comparisons), and then
/// adds or removes the few units (at most about *n*) by which that
/// differs from *h* with a priority queue. See `DivisorEngine` for the
/// proof that this equals the one-at-a-time definition.
///
/// - Complexity: O(*n* log *n*) for *n* recipients, independent of the total.
/// - Reference: Balinski & Young, *Fair Representation* (2001);
///   `apportionment.methods.divisor` (Lackner, v1.0).
public struct DivisorMethod: ApportionmentMethod, Hashable, Codable {
  /// Which divisor sequence.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// D'Hondt / Jefferson.
    case dhondt
    /// Sainte-Laguë / Webster.
    case sainteLague = "sainte-lague"
    /// Modified Sainte-Laguë with a settable first divisor.
    case modifiedSainteLague = "modified-sainte-lague"
    /// Huntington–Hill.
    case huntingtonHill = "huntington-hill"
    /// Adams.
    case adams
  }

  /// Which divisor sequence.
  package let kind: Kind
  /// The first divisor of modified Sainte-Laguë (in the scale 1, 3, 5, …).
  package let firstDivisor: ApportionmentWeight?

  // d(k) = N(k)/M with N(0) = first, N(k) = slope·k + intercept for k ≥ 1,
  // scaled so that d(k) lies between k and k + 1.
  let first: UInt64
  let slope: UInt64
  let intercept: UInt64
  let scale: UInt64
  var geometric: Bool { kind == .huntingtonHill }

  /// Creates one of the fixed-sequence kinds (not `.modifiedSainteLague`,
  /// which needs a first divisor: use ``modifiedSainteLague(firstDivisor:)``).
  public init(_ kind: Kind) {
    self.kind = kind
    firstDivisor = nil
    switch kind {
    case .dhondt: (first, slope, intercept, scale) = (1, 1, 1, 1)
    case .sainteLague, .modifiedSainteLague: (first, slope, intercept, scale) = (1, 2, 1, 2)
    case .huntingtonHill: (first, slope, intercept, scale) = (0, 1, 0, 1)
    case .adams: (first, slope, intercept, scale) = (0, 1, 0, 1)
    }
  }

  /// Modified Sainte-Laguë with divisors *f*, 3, 5, 7, ….
  /// - Throws: `.invalidParameter` unless 0 < *f* < 3 with at most 4 decimals.
  package init(modifiedSainteLagueFirstDivisor f: ApportionmentWeight) throws(AllocationError) {
    guard f.decimals <= 4, f.mantissa > 0 else {
      throw AllocationError(
        .invalidParameter, "first divisor \(f) must be positive with at most 4 decimals",
        hint: "use e.g. 1.2 (Sweden) or 1.4 (Norway)", context: "first-divisor")
    }
    var q: Int64 = 1
    for _ in 0..<f.decimals { q *= 10 }
    let p = f.mantissa
    guard p < 3 * q else {
      throw AllocationError(
        .invalidParameter, "first divisor \(f) must be below 3 so that the divisors increase",
        hint: "use e.g. 1.2 (Sweden) or 1.4 (Norway)", context: "first-divisor")
    }
    var g = p
    var r = q
    while r != 0 { (g, r) = (r, g % r) }
    kind = .modifiedSainteLague
    firstDivisor = f
    first = UInt64(p / g)
    slope = UInt64(2 * (q / g))
    intercept = UInt64(q / g)
    scale = UInt64(2 * (q / g))
  }

  /// The method's name, e.g. `dhondt`.
  public var name: String { kind.rawValue }
  /// True: divisor methods never show the Alabama paradox.
  public var isHouseMonotone: Bool { true }

  /// Apportions by this divisor method. See ``ApportionmentMethod/apportion(_:total:ties:)``.
  public func apportion(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy) throws(AllocationError)
    -> Apportionment
  {
    if let empty = try trivialApportionment(weights, total: total, ties: ties) { return empty }
    let (v, sum) = try ApportionmentWeight.scaled(weights)
    let engine = DivisorEngine(method: self, weights: v, sum: sum)
    let (amounts, tie) = try engine.run(total: UInt64(total), ties: ties)
    return Apportionment(method: name, total: total, weights: weights, amounts: amounts, tiePolicy: ties, tie: tie)
  }

  /// The divisor sequence as text, e.g. `1.2, 3, 5, 7, …`.
  package var divisorsDescription: String {
    switch kind {
    case .dhondt: "1, 2, 3, 4, …"
    case .sainteLague: "1, 3, 5, 7, …"
    case .modifiedSainteLague: "\(firstDivisor?.description ?? "?"), 3, 5, 7, …"
    case .huntingtonHill: "0, √2, √6, √12, … (√(k(k+1)))"
    case .adams: "0, 1, 2, 3, …"
    }
  }
}
