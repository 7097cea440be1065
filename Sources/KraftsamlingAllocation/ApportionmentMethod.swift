import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// A rule that divides a whole number of units (seats, kronor, tkr) among
/// recipients in proportion to their weights, so that the parts are whole
/// numbers that add up exactly to the total.
///
/// Built-in methods are offered as static members, so call sites read
/// `method: .dhondt`:
///
/// | member | method | rounding of the quota |
/// |---|---|---|
/// | `.hamilton` | largest remainder (Hare quota) | floor, then leftovers by largest remainder |
/// | `.dhondt` | D'Hondt / Jefferson, *d(k) = k + 1* | down |
/// | `.sainteLague` | Sainte-Laguë / Webster, *d(k) = 2k + 1* | to nearest |
/// | `.swedishSainteLague` | modified Sainte-Laguë, first divisor 1.2 (Sweden since 2018) | |
/// | `.norwegianSainteLague` | modified Sainte-Laguë, first divisor 1.4 (Norway) | |
/// | `.modifiedSainteLague(firstDivisor:)` | any first divisor in (0, 3) | |
/// | `.huntingtonHill` | *d(k) = √(k(k+1))*, d(0) = 0 | geometric mean |
/// | `.adams` | *d(k) = k*, d(0) = 0 | up |
///
/// *k* is the number of units a recipient already holds; a divisor method
/// gives the next unit to the largest *vᵢ / d(kᵢ)*. With *d(0) = 0*
/// (Huntington–Hill, Adams) every recipient with a positive weight first
/// gets one unit — the largest weights first if there are fewer units than
/// such recipients.
///
/// ```swift
/// let a = try Apportionment(total: 10, weights: [651, 349, 50], method: .sainteLague)
/// a.amounts   // [7, 3, 0]: the ten largest of 651/1, 651/3, …, 349/1, 349/3, …, 50/1
/// ```
///
/// Users plug in their own method by conforming and returning
/// ``Apportionment/init(method:total:weights:amounts:ties:)``, which checks
/// that the amounts are non-negative and add up to `total`.
///
/// The semantics follow the Python package `apportionment` (Lackner, v1.0)
/// and Balinski & Young, *Fair Representation* (2nd ed., 2001).
public protocol ApportionmentMethod: Sendable {
  /// The method's name as `kraftctl apportion --method` spells it, e.g.
  /// `hamilton`, `dhondt`, `modified-sainte-lague`.
  var name: String { get }

  /// Whether the method is *house monotone*: a larger total never gives
  /// any recipient fewer units (no Alabama paradox). True for divisor methods.
  var isHouseMonotone: Bool { get }

  /// Apportions `total` units among recipients with the given weights.
  ///
  /// - Parameters:
  ///   - weights: Non-negative weights, not all zero.
  ///   - total: The number of whole units to hand out (≥ 0).
  ///   - ties: What to do when recipients have an equal claim on the last units.
  /// - Returns: The amounts, in input order, summing exactly to `total`.
  /// - Throws: ``AllocationError`` (`.negativeBudget`, `.negativeWeight`,
  ///   `.weightsAllZero`, `.overflow`, `.tie`).
  func apportion(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy) throws(AllocationError)
    -> Apportionment
}

/// The outcome of an apportionment: whole amounts that add up to the total,
/// with the exact quotas they were rounded from and any tie that was broken.
///
/// ```swift
/// let a = try Apportionment(total: 4, weights: [5, 0, 3], method: .hamilton, ties: .inputOrder)
/// a.amounts           // [3, 0, 1]   quotas 5/2, 0, 3/2: floors 2+0+1, the tied
///                     //             remainders 1/2 go to the first in input order
/// a.quotas[0]         // 5/2
/// a.tie?.favoured     // [0]
/// ```
public struct Apportionment: Sendable, Hashable, Codable {
  /// The method's name.
  package var method: String
  /// The number of units handed out.
  package var total: Int64
  /// The weights, in input order.
  package var weights: [ApportionmentWeight]
  /// The units per recipient, in input order; they sum exactly to `total`.
  public package(set) var amounts: [Int64]
  /// The tie policy that was in force.
  package var tiePolicy: TiePolicy
  /// The tie that had to be broken at the last units, if any.
  public package(set) var tie: ApportionmentTie?

  /// Creates a result without checks (the built-in methods; a method of your
  /// own uses the checked ``init(method:total:weights:amounts:ties:)``).
  package init(
    method: String, total: Int64, weights: [ApportionmentWeight], amounts: [Int64], tiePolicy: TiePolicy,
    tie: ApportionmentTie? = nil
  ) {
    self.method = method
    self.total = total
    self.weights = weights
    self.amounts = amounts
    self.tiePolicy = tiePolicy
    self.tie = tie
  }

  /// Apportions `total` units by `method`.
  ///
  /// - Parameters:
  ///   - total: Units to hand out (≥ 0).
  ///   - weights: Non-negative weights, not all zero.
  ///   - method: The apportionment method, e.g. `.hamilton` or `.dhondt`.
  ///   - ties: The tie policy (default `.error`).
  /// - Throws: ``AllocationError``.
  /// - Complexity: O(*n* log *n*) for *n* recipients, independent of `total`.
  public init(
    total: Int64, weights: [ApportionmentWeight], method: some ApportionmentMethod, ties: TiePolicy = .error
  ) throws(AllocationError) {
    self = try method.apportion(weights, total: total, ties: ties)
  }

  /// The exact quota of each recipient, *vᵢ · total / V*: what it would get
  /// if units could be divided.
  public var quotas: [ExactFraction] {
    guard let scaled = try? ApportionmentWeight.scaled(weights) else {
      return weights.map { _ in .zero }
    }
    return scaled.values.map { ExactFraction.quota($0, times: UInt64(total), over: scaled.sum) }
  }
}

/// A tie broken at the last units of an apportionment.
public struct ApportionmentTie: Sendable, Hashable, Codable {
  /// The recipients (0-based input positions) with an equal claim.
  public package(set) var tied: [Int]
  /// Those among them that received the contested units.
  public package(set) var favoured: [Int]
  /// Creates a tie report.
  package init(tied: [Int], favoured: [Int]) {
    self.tied = tied
    self.favoured = favoured
  }
}

extension ApportionmentMethod {
  /// The checks every built-in method makes before apportioning: the total
  /// must not be negative, and with no recipients only a total of zero can
  /// be apportioned.
  ///
  /// - Returns: The empty apportionment when there are no recipients and the
  ///   total is zero; `nil` when there is work to do.
  /// - Throws: `negativeBudget` or `weightsAllZero`.
  func trivialApportionment(_ weights: [ApportionmentWeight], total: Int64, ties: TiePolicy) throws(AllocationError)
    -> Apportionment?
  {
    if total < 0 {
      throw AllocationError(
        .negativeBudget, "the total to apportion is negative (\(total))", hint: "give a total of zero or more units",
        context: "total")
    }
    guard weights.isEmpty else { return nil }
    if total == 0 { return Apportionment(method: name, total: 0, weights: [], amounts: [], tiePolicy: ties) }
    throw AllocationError(
      .weightsAllZero, "there are no recipients to apportion \(total) units to", hint: "give at least one recipient",
      context: "weights")
  }
}

extension ApportionmentMethod where Self == LargestRemainder {
  /// The largest remainder method with the Hare quota (Hamilton, Hare–Niemeyer).
  package static var hamilton: LargestRemainder { LargestRemainder() }
}

extension ApportionmentMethod where Self == DivisorMethod {
  /// D'Hondt (Jefferson): divisors 1, 2, 3, … — rounds quotas down.
  public static var dhondt: DivisorMethod { DivisorMethod(.dhondt) }
  /// Sainte-Laguë (Webster): divisors 1, 3, 5, … — rounds quotas to nearest.
  package static var sainteLague: DivisorMethod { DivisorMethod(.sainteLague) }
  /// Modified Sainte-Laguë with a settable first divisor, then 3, 5, 7, ….
  ///
  /// - Parameter firstDivisor: A decimal strictly between 0 and 3, e.g.
  ///   `"1.2"`; at most 4 decimals.
  /// - Throws: ``AllocationError`` `.invalidParameter` outside that range.
  public static func modifiedSainteLague(firstDivisor: ApportionmentWeight) throws(AllocationError) -> DivisorMethod {
    try DivisorMethod(modifiedSainteLagueFirstDivisor: firstDivisor)
  }
  /// Sweden's modified Sainte-Laguë (first divisor 1.2, vallagen since 2018).
  package static var swedishSainteLague: DivisorMethod {
    try! DivisorMethod(modifiedSainteLagueFirstDivisor: ApportionmentWeight(mantissa: 12, decimals: 1))
  }
  /// Norway's modified Sainte-Laguë (first divisor 1.4), the variant of the
  /// `apportionment` package's `modified_saintelague`.
  package static var norwegianSainteLague: DivisorMethod {
    try! DivisorMethod(modifiedSainteLagueFirstDivisor: ApportionmentWeight(mantissa: 14, decimals: 1))
  }
  /// Huntington–Hill (equal proportions): *d(k) = √(k(k+1))*, so *d(0) = 0*.
  package static var huntingtonHill: DivisorMethod { DivisorMethod(.huntingtonHill) }
  /// Adams (smallest divisors): *d(k) = k*, so *d(0) = 0*; rounds quotas up.
  package static var adams: DivisorMethod { DivisorMethod(.adams) }
}

/// The apportionment methods by name, for `kraftctl` and configuration files.
public typealias ApportionmentRegistry = Registry<any ApportionmentMethod, AllocationDomain>

extension Registry where Value == any ApportionmentMethod, Domain == AllocationDomain {
  /// An empty registry of apportionment methods.
  package init() { self.init(noun: "apportionment method", unknownCode: .unknownModel) }

  /// The six built-in methods — `hamilton`, `dhondt`, `sainte-lague`,
  /// `modified-sainte-lague` (option `first-divisor`, default 1.2,
  /// Sweden's), `huntington-hill`, `adams` — also found by common aliases
  /// such as `jefferson`, `webster`, `largest-remainder`.
  ///
  /// ```swift
  /// try ApportionmentRegistry.standard.make("jefferson").name   // "dhondt"
  /// try ApportionmentRegistry.standard.make(StrategySpecification("modified-sainte-lague", options: ["first-divisor": "1.4"]))
  /// ```
  public static var standard: ApportionmentRegistry {
    var r = ApportionmentRegistry()
    r.register("hamilton", aliases: ["largest-remainder", "hare-niemeyer", "lrm"], value: LargestRemainder())
    r.register("dhondt", aliases: ["d'hondt", "jefferson"], value: DivisorMethod(.dhondt))
    r.register("sainte-lague", aliases: ["saintelague", "webster"], value: DivisorMethod(.sainteLague))
    r.register("modified-sainte-lague", aliases: ["modified-saintelague"]) { s throws(AllocationError) in
      let first = try s.options["first-divisor"].map { text throws(AllocationError) in try ApportionmentWeight(parsing: text) }
      return try DivisorMethod(modifiedSainteLagueFirstDivisor: first ?? ApportionmentWeight(mantissa: 12, decimals: 1))
    }
    r.register("huntington-hill", aliases: ["huntington", "hill", "equal-proportions"], value: DivisorMethod(.huntingtonHill))
    r.register("adams", aliases: ["smallest-divisor"], value: DivisorMethod(.adams))
    return r
  }
}

