/// Caps on the size of inputs, so that a broken or hostile file gives a
/// clear error instead of exhausting memory or time.
///
/// Every reader takes a `limits` parameter (default ``standard``); a tool
/// that expects larger inputs raises the caps it needs.
///
/// ```swift
/// var limits = InputLimits.standard
/// limits.maximumRows = 10_000            // a kommun's DeSO, with margin
/// let (table, _) = try AreaTable.read(path: "deso.csv", limits: limits)
/// ```
public struct InputLimits: Sendable, Hashable, Codable {
  /// The largest file, in bytes. Default 1 GiB.
  public var maximumBytes: Int
  /// The most data rows in a CSV file. Default 5,000,000.
  public var maximumRows: Int
  /// The most columns in a CSV file. Default 10,000.
  public var maximumColumns: Int
  /// The longest single CSV cell, in bytes (a runaway quoted cell is the
  /// usual cause). Default 1 MiB.
  public var maximumCellBytes: Int
  /// The most features in a GeoJSON layer. Default 1,000,000.
  public var maximumFeatures: Int
  /// The most vertices in one polygon (all its rings). Default 1,000,000.
  public var maximumVerticesPerPolygon: Int
  /// The most permutations a permutation test may run. Default 1,000,000.
  public var maximumPermutations: Int
  /// The most data cells in a PC-Axis (`.px`) cube, and the most values in
  /// one of its statements. Default 10,000,000.
  public var maximumCells: Int

  /// Creates limits; every cap has a default.
  package init(
    maximumBytes: Int = 1 << 30, maximumRows: Int = 5_000_000, maximumColumns: Int = 10_000,
    maximumCellBytes: Int = 1 << 20, maximumFeatures: Int = 1_000_000, maximumVerticesPerPolygon: Int = 1_000_000,
    maximumPermutations: Int = 1_000_000, maximumCells: Int = 10_000_000
  ) {
    self.maximumBytes = maximumBytes
    self.maximumRows = maximumRows
    self.maximumColumns = maximumColumns
    self.maximumCellBytes = maximumCellBytes
    self.maximumFeatures = maximumFeatures
    self.maximumVerticesPerPolygon = maximumVerticesPerPolygon
    self.maximumPermutations = maximumPermutations
    self.maximumCells = maximumCells
  }

  private enum CodingKeys: String, CodingKey {
    case maximumBytes, maximumRows, maximumColumns, maximumCellBytes, maximumFeatures, maximumVerticesPerPolygon
    case maximumPermutations, maximumCells
  }

  /// Decodes limits; a cap the JSON does not name keeps its default, so
  /// limits saved before a cap was added still read.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = InputLimits()
    func value(_ key: CodingKeys, _ fallback: Int) throws -> Int { try c.decodeIfPresent(Int.self, forKey: key) ?? fallback }
    self.init(
      maximumBytes: try value(.maximumBytes, d.maximumBytes), maximumRows: try value(.maximumRows, d.maximumRows),
      maximumColumns: try value(.maximumColumns, d.maximumColumns),
      maximumCellBytes: try value(.maximumCellBytes, d.maximumCellBytes),
      maximumFeatures: try value(.maximumFeatures, d.maximumFeatures),
      maximumVerticesPerPolygon: try value(.maximumVerticesPerPolygon, d.maximumVerticesPerPolygon),
      maximumPermutations: try value(.maximumPermutations, d.maximumPermutations),
      maximumCells: try value(.maximumCells, d.maximumCells))
  }

  /// The default caps: generous for any Swedish municipality or all of
  /// Sweden's DeSO, small enough to fail fast on garbage.
  public static let standard = InputLimits()

  /// Throws `limit.maximumBytes` when an in-memory input is larger than
  /// ``maximumBytes`` (readers of files check the size before reading).
  package func checkBytes(_ count: Int, file: String?) throws(DataError) {
    if count > maximumBytes {
      throw Self.exceeded("bytes", limit: maximumBytes, at: SourceLocation(file: file), setting: "maximumBytes")
    }
  }

  /// The error for an exceeded cap.
  static func exceeded(_ what: String, limit: Int, at location: SourceLocation, setting: String) -> DataError {
    DataError(
      code: DiagnosticCode(rawValue: "limit.\(setting)"), "the input has more \(what) than the limit of \(limit)",
      at: location, hint: "raise InputLimits.\(setting) if the input really is this large")
  }
}
