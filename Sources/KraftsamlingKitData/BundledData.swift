import KraftsamlingKit

/// A data file embedded in the package as source text.
public struct EmbeddedFile: Sendable, Hashable {
  /// The file's name, used in messages (`statistik_exempel.csv`).
  package let name: String
  /// The file's content (UTF-8, NFC).
  public let text: String
}

/// Namespace of the generated file constants.
enum EmbeddedFiles {}

/// The data bundled with KraftsamlingKit: Malmö's real delområde geometry and
/// GeSO memberships, and *illustrative* (synthetic, not official) statistics
/// shaped so that the twelve delområden of STK-2024-1374's initial selection
/// score high.
///
/// Everything is parsed on first use and cached. The data is embedded as Swift
/// source, so a copied `kraftctl` binary works anywhere.
///
/// ```swift
/// import KraftsamlingKitData
/// MalmöData.layer.features.count     // 136
/// MalmöData.statistik.count          // 136
/// try MalmöData.hierarchy.resolve("Herrmodsdal", level: .delområde)
/// // throws: unknown delområde 'Herrmodsdal' (hint: did you mean Hermodsdal?)
/// ```
///
/// Credit the geometry as ``geometryCredit`` and label any figure made from
/// the statistics with ``illustrativeLabel``.
public enum MalmöData {
  /// The credit line for the geometry (Swedish).
  public static let geometryCredit = "Geometri: Malmö stad (CC0)"
  /// The credit line for the geometry (English).
  package static let geometryCreditEnglish = "Geometry: City of Malmö (CC0)"
  /// The label every output based on the bundled statistics must carry (Swedish).
  public static let illustrativeLabel = "Illustrativa data – inte officiell statistik"
  /// The label every output based on the bundled statistics must carry (English).
  public static let illustrativeLabelEnglish = "Illustrative data – not official statistics"
  /// The id property of the delområde layer.
  package static let idProperty = "do_kod"

  /// Malmö's 136 delområden as GeoJSON text (WGS84).
  package static var geoJSON: EmbeddedFile { EmbeddedFiles.delomradenGeoJSON }
  /// The delområde catalogue as CSV text.
  package static var catalogueCSV: EmbeddedFile { EmbeddedFiles.delomradenCSV }
  /// The illustrative statistics as CSV text.
  package static var statistikCSV: EmbeddedFile { EmbeddedFiles.statistikExempelCSV }
  /// The illustrative UVAS series 2019–2023 as CSV text (`kod,ar,unga_16_29,uvas_16_29`).
  public static var uvasSeriesCSV: EmbeddedFile { EmbeddedFiles.uvasTidsserieExempelCSV }

  /// The name under which bundled files appear in messages: `bundled:NAME`.
  public static func sourceName(_ file: EmbeddedFile) -> String { "bundled:" + file.name }

  /// Malmö's 136 delområden with their polygons.
  public static let layer: AreaLayer = load {
    try GeoJSONReader.parse(geoJSON.text, idProperty: idProperty, source: sourceName(geoJSON))
  }

  /// The 136 delområden with GeSO, former stadsdel and label point.
  public static let delområden: [Delområde] = load {
    try Delområde.readCatalogue(CSVReader.parse(catalogueCSV.text, source: sourceName(catalogueCSV)))
  }

  /// Delområden and GeSO as a hierarchy with name lookup.
  public static let hierarchy: AreaHierarchy = load { try AreaHierarchy(delområden: delområden) }

  /// The illustrative statistics, one row per delområde (see the columns in
  /// `Documentation/DataFormats.md`).
  public static let statistik: AreaTable = load {
    try AreaTable.read(CSVReader.parse(statistikCSV.text, source: sourceName(statistikCSV))).table
  }

  private static func load<T>(_ body: () throws -> T) -> T {
    do {
      return try body()
    } catch {
      preconditionFailure("KraftsamlingKit's bundled data is broken: \(error)")
    }
  }
}
