import Foundation

/// Paths of the test fixtures, found relative to this source file so tests
/// need no resource bundle.
enum Fixtures {
  static let directory: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures").path
  }()

  /// The path of a fixture, e.g. `path("csv/quoted.csv")`.
  static func path(_ relative: String) -> String { directory + "/" + relative }

  /// The shared data folder beside the repository (`../shared/data`).
  static let sharedData: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("shared/data").path
  }()
}
