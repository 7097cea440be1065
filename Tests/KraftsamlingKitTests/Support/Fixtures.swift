import Foundation

/// Paths of the test fixtures, found relative to this source file so tests
/// need no resource bundle and nothing outside the repository.
enum Fixtures {
  static let directory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").path
  }()

  /// The path of a fixture, e.g. `path("csv/quoted.csv")`.
  static func path(_ relative: String) -> String { directory + "/" + relative }

  /// The repository root (three folders above this file's folder).
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The path of a source data file in the repository's `Data/` folder
  /// (see `Data/README.md`), e.g. `dataPath("sverige/kommuner.geojson")`.
  static func dataPath(_ relative: String) -> String {
    repositoryRoot.appendingPathComponent("Data").appendingPathComponent(relative).path
  }

  /// The bytes of a file, or a ``FixtureError`` naming it when it is missing
  /// or unreadable, so that a missing fixture fails the test that needs it
  /// instead of stopping the test process.
  static func contents(ofFile path: String) throws -> Data {
    guard FileManager.default.fileExists(atPath: path) else { throw FixtureError.missing(path) }
    guard let data = FileManager.default.contents(atPath: path) else { throw FixtureError.unreadable(path) }
    return data
  }
}

/// A test fixture that is not where the tests expect it.
enum FixtureError: Error, CustomStringConvertible {
  case missing(String)
  case unreadable(String)

  var description: String {
    switch self {
    case .missing(let path): "missing test fixture \(path) (it is part of the repository: is the clone complete?)"
    case .unreadable(let path): "cannot read test fixture \(path)"
    }
  }
}
