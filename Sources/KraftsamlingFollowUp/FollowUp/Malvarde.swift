import KraftsamlingCore

/// A target value set by the user (*målvärde*): the share an indicator
/// should reach in a year, e.g. UVAS 8.5 % in 2030.
///
/// STK-2024-1374 sets follow-up years (2030 and 2035) but **no numeric
/// target**; KraftsamlingKit never invents one. Values are proportions
/// (0.085 for 8.5 %).
///
/// ```swift
/// let t = try Målvärde(parsing: "2030:8,5")   // year 2030, value 0.085
/// t.description                               // "2030: 8.5 %"
/// ```
public struct Målvärde: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The target year.
  public var year: Int
  /// The target share (0…1).
  public var value: Double

  /// Creates a target.
  ///
  /// - Parameters:
  ///   - year: The target year.
  ///   - value: The share, 0…1.
  public init(year: Int, value: Double) {
    self.year = year
    self.value = value
  }

  /// Parses `YEAR:PERCENT` (decimal point or comma; a trailing `%` is allowed).
  ///
  /// ```swift
  /// try Målvärde(parsing: "2035:7.0%").value   // 0.07
  /// ```
  ///
  /// - Parameter text: e.g. `2030:8,5`.
  /// - Throws: ``FollowUpError`` `followup.bad-target` when the text is
  ///   malformed or the percentage is outside 0–100.
  public init(parsing text: String) throws(FollowUpError) {
    let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespace() }
    var percent = parts.count == 2 ? parts[1] : ""
    if percent.hasSuffix("%") { percent = String(percent.dropLast()).trimmingWhitespace() }
    guard parts.count == 2, let year = Int(parts[0]), (1900...2200).contains(year),
      let v = NumberParser.parse(percent, decimal: .auto), v >= 0, v <= 100
    else {
      throw FollowUpError(
        .badTarget, "'\(text)' is not a target", hint: "write YEAR:PERCENT, e.g. 2030:8,5 for 8.5 % in 2030",
        context: text)
    }
    self.init(year: year, value: v / 100)
  }

  /// `2030: 8.5 %`.
  public var description: String { "\(year): \(DecimalFormatting.percent(value, places: 1)) %" }
}

/// A published value of an indicator for a whole unit (a city, the
/// nation), with its source: the real figures a follow-up is anchored in.
///
/// ```swift
/// ReferenceValue(year: 2023, value: 0.095, source: "STK-2024-1374")
/// ReferenceValue.malmö2023.value     // 0.095 (KraftsamlingKitData)
/// ```
public struct ReferenceValue: Sendable, Hashable, Codable {
  /// The reference year.
  public var year: Int
  /// The share (0…1).
  public var value: Double
  /// Where it is published.
  package var source: String

  /// Creates a reference value.
  ///
  /// - Parameters:
  ///   - year: The year.
  ///   - value: The share, 0…1.
  ///   - source: Where it is published.
  public init(year: Int, value: Double, source: String) {
    self.year = year
    self.value = value
    self.source = source
  }

  /// Parses `YEAR:PERCENT` (as ``Målvärde/init(parsing:)``).
  ///
  /// - Parameters:
  ///   - text: e.g. `2024:9,2`.
  ///   - source: Where it is published.
  /// - Throws: ``FollowUpError`` `followup.bad-reference`.
  package init(parsing text: String, source: String) throws(FollowUpError) {
    do {
      let t = try Målvärde(parsing: text)
      self.init(year: t.year, value: t.value, source: source)
    } catch {
      throw FollowUpError(.badReference, "'\(text)' is not a published value", hint: "write YEAR:PERCENT, e.g. 2024:9,2", context: text)
    }
  }
}
