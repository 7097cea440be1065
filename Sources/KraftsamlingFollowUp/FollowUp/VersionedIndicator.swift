import KraftsamlingCore

/// One version of an indicator's definition and the years it applies to.
///
/// A version that `breaksSeries` starts a new series: its values are not
/// comparable with those before `firstYear` (UVAS: 2015).
///
/// ```swift
/// DefinitionVersion(version: "2015.1", firstYear: 2015, definition: "…", breaksSeries: true)
/// ```
package struct DefinitionVersion: Sendable, Hashable, Codable {
  /// The version label, e.g. `2015.1`.
  package var version: String
  /// The first year the definition applies to (`nil`: from the start of the series).
  package var firstYear: Int?
  /// The last year (`nil`: still in use).
  package var lastYear: Int?
  /// The definition in words.
  package var definition: String
  /// Whether values from `firstYear` on are not comparable with earlier ones.
  package var breaksSeries: Bool
  /// A note: what changed, where it is documented.
  package var note: String?

  /// Creates a version.
  ///
  /// - Parameters:
  ///   - version: The label.
  ///   - firstYear: The first year it applies to.
  ///   - lastYear: The last year.
  ///   - definition: The definition.
  ///   - breaksSeries: Whether it starts a new series.
  ///   - note: What changed.
  package init(
    version: String, firstYear: Int? = nil, lastYear: Int? = nil, definition: String, breaksSeries: Bool = false,
    note: String? = nil
  ) {
    self.version = version
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.definition = definition
    self.breaksSeries = breaksSeries
    self.note = note
  }

  /// Whether the version applies to a year.
  package func applies(to year: Int) -> Bool {
    (firstYear.map { year >= $0 } ?? true) && (lastYear.map { year <= $0 } ?? true)
  }
}

/// An indicator with its definition history, series breaks and
/// publication lag: what a time series needs to be followed honestly.
///
/// ```swift
/// let u = VersionedIndicator.uvas
/// u.seriesBreaks                              // [2015]
/// u.breaks(after: 2013, upTo: 2016)           // [2015]: 2013 and 2016 are not comparable
/// u.publicationLag.availability(ofYear: 2030) // 2032-06-30 ... 2032-12-31
/// ```
///
/// - SeeAlso: SCB/MUCF's UVAS statistics (register based; series break 2015).
public struct VersionedIndicator: Sendable, Hashable, Codable, Identifiable {
  /// The indicator (current definition, columns, direction).
  package var indicator: Indicator
  /// The definition versions, oldest first.
  package var versions: [DefinitionVersion]
  /// When values are published.
  public var publicationLag: PublicationLag

  /// Creates a versioned indicator.
  ///
  /// - Parameters:
  ///   - indicator: The indicator.
  ///   - versions: Its definition versions, oldest first.
  ///   - publicationLag: When values are published.
  package init(indicator: Indicator, versions: [DefinitionVersion], publicationLag: PublicationLag) {
    self.indicator = indicator
    self.versions = versions
    self.publicationLag = publicationLag
  }

  /// The indicator's id.
  public var id: String { indicator.id }

  /// The years where a new, non-comparable series starts, ascending.
  package var seriesBreaks: [Int] { versions.filter(\.breaksSeries).compactMap(\.firstYear).sorted() }

  /// The version in force for a year (the last one that applies), or `nil`.
  ///
  /// - Complexity: O(v), v the number of versions.
  package func version(forYear year: Int) -> DefinitionVersion? { versions.last { $0.applies(to: year) } }

  /// The series breaks between two years: break years b with
  /// `from < b <= to`. Values of `from` and `to` are comparable only when
  /// this is empty.
  ///
  /// - Parameters:
  ///   - from: The earlier year.
  ///   - to: The later year.
  public func breaks(after from: Int, upTo to: Int) -> [Int] {
    seriesBreaks.filter { $0 > min(from, to) && $0 <= max(from, to) }
  }

  /// UVAS 16–29 (*unga som varken arbetar eller studerar*): the programme's
  /// yardstick. Two definition versions with a series break in 2015;
  /// published 18–24 months after the year.
  public static let uvas = VersionedIndicator(
    indicator: .uvas,
    versions: [
      DefinitionVersion(
        version: "före 2015", lastYear: 2014,
        definition: "UVAS enligt registerunderlaget före seriebrottet 2015",
        note: "Inte jämförbar med värden från 2015 och framåt."),
      DefinitionVersion(
        version: Indicator.uvas.version, firstYear: 2015, definition: Indicator.uvas.definition, breaksSeries: true,
        note: "Seriebrott 2015: jämför inte värden före och efter."),
    ],
    publicationLag: .uvas)
}
