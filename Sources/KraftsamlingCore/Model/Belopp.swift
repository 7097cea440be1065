/// An exact amount of money in whole Swedish kronor.
///
/// Amounts drive public decisions, so they are never floating point:
/// `Belopp` stores an `Int64` number of kronor, and every arithmetic
/// operation that could overflow *throws* ``MoneyError`` instead of
/// trapping. Display in kr, tkr or MSEK is a matter of formatting
/// (see ``formatted(_:style:)``); the stored value is always kronor.
///
/// ```swift
/// let a = Belopp(kronor: 1_250_000)
/// let b = try Belopp.tkr(750)                 // 750 000 kr
/// let sum = try a + b                         // 2 000 000 kr
/// print(sum)                                  // "2 000 000 kr"
/// print(sum.formatted(.msek))                 // "2 MSEK"
/// let parsed = try Belopp(parsing: "1,5 MSEK") // 1 500 000 kr
/// ```
///
/// JSON: a plain integer number of kronor (`1250000`).
public struct Belopp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The amount in whole kronor. May be negative (a correction), although
  /// budgets and requests are validated to be non-negative.
  public var kronor: Int64

  /// Creates an amount of `kronor` kronor.
  public init(kronor: Int64) { self.kronor = kronor }

  /// Zero kronor.
  package static let zero = Belopp(kronor: 0)

  /// One million kronor, the minimum size of a kraftsamlande insats in
  /// STK-2024-1374.
  public static let enMiljon = Belopp(kronor: 1_000_000)

  /// An amount given in thousands of kronor (tkr).
  /// - Throws: ``MoneyError`` with code `.overflow` if it does not fit.
  public static func tkr(_ thousands: Int64) throws(MoneyError) -> Belopp {
    try Belopp(kronor: 0).adding(units: thousands, of: .tkr)
  }

  /// An amount given in millions of kronor (MSEK).
  /// - Throws: ``MoneyError`` with code `.overflow` if it does not fit.
  public static func msek(_ millions: Int64) throws(MoneyError) -> Belopp {
    try Belopp(kronor: 0).adding(units: millions, of: .msek)
  }

  /// The sum of two amounts.
  /// - Throws: ``MoneyError`` with code `.overflow`.
  public static func + (lhs: Belopp, rhs: Belopp) throws(MoneyError) -> Belopp {
    let (v, o) = lhs.kronor.addingReportingOverflow(rhs.kronor)
    if o { throw MoneyError(.overflow, "\(lhs) + \(rhs) does not fit in 64 bits") }
    return Belopp(kronor: v)
  }

  /// The difference of two amounts.
  /// - Throws: ``MoneyError`` with code `.overflow`.
  public static func - (lhs: Belopp, rhs: Belopp) throws(MoneyError) -> Belopp {
    let (v, o) = lhs.kronor.subtractingReportingOverflow(rhs.kronor)
    if o { throw MoneyError(.overflow, "\(lhs) − \(rhs) does not fit in 64 bits") }
    return Belopp(kronor: v)
  }

  /// The amount multiplied by a whole number.
  /// - Throws: ``MoneyError`` with code `.overflow`.
  package func multiplied(by factor: Int64) throws(MoneyError) -> Belopp {
    let (v, o) = kronor.multipliedReportingOverflow(by: factor)
    if o { throw MoneyError(.overflow, "\(self) × \(factor) does not fit in 64 bits") }
    return Belopp(kronor: v)
  }

  /// The sum of a sequence of amounts.
  /// - Throws: ``MoneyError`` with code `.overflow`.
  /// - Complexity: O(*n*).
  package static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Belopp where S.Element == Belopp {
    var total = Belopp.zero
    for a in amounts { total = try total + a }
    return total
  }

  /// Orders by amount.
  public static func < (lhs: Belopp, rhs: Belopp) -> Bool { lhs.kronor < rhs.kronor }

  /// Whether the amount is a whole number of `unit`s (e.g. whole tkr).
  package func isWhole(in unit: MoneyUnit) -> Bool { kronor % unit.kronor == 0 }

  /// The amount as a number of whole `unit`s, if it is one.
  package func wholeUnits(of unit: MoneyUnit) -> Int64? {
    isWhole(in: unit) ? kronor / unit.kronor : nil
  }

  private func adding(units: Int64, of unit: MoneyUnit) throws(MoneyError) -> Belopp {
    let (v, o) = units.multipliedReportingOverflow(by: unit.kronor)
    if o { throw MoneyError(.overflow, "\(units) \(unit.symbol) does not fit in 64 bits of kronor") }
    return try self + Belopp(kronor: v)
  }

  /// Swedish display in kronor with thin grouping: `"1 250 000 kr"`.
  public var description: String { formatted(.kr) }

  /// Encodes as an integer number of kronor.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(kronor)
  }

  /// Decodes from an integer number of kronor.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    kronor = try c.decode(Int64.self)
  }
}

/// A unit in which amounts are displayed or allocated.
public enum MoneyUnit: String, Sendable, Hashable, Codable, CaseIterable {
  /// Kronor.
  case kr
  /// Thousands of kronor (tusen kronor).
  case tkr
  /// Millions of kronor (miljoner kronor).
  case msek

  /// How many kronor one unit is.
  package var kronor: Int64 {
    switch self {
    case .kr: 1
    case .tkr: 1_000
    case .msek: 1_000_000
    }
  }

  /// The symbol used in displays: `kr`, `tkr`, `MSEK`.
  package var symbol: String {
    switch self {
    case .kr: "kr"
    case .tkr: "tkr"
    case .msek: "MSEK"
    }
  }
}

/// The domain of money's errors: overflow and malformed amounts.
public enum MoneyDomain: StageErrorDomain {}

/// Why a money operation failed.
public typealias MoneyError = StageError<MoneyDomain>

extension StageError.Code where Domain == MoneyDomain {
  /// The result does not fit in 64 bits of kronor.
  package static let overflow = Self(rawValue: "money.overflow")
  /// The text is not an amount.
  package static let invalidFormat = Self(rawValue: "money.invalid-format")
  /// The amount is not a whole number of kronor (or of the unit asked for).
  package static let notWhole = Self(rawValue: "money.not-whole")
  /// A negative amount where only non-negative ones make sense.
  package static let negative = Self(rawValue: "money.negative")
}

