#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The marker a directory written by ``OutputDirectory`` carries: the list
/// of the files the writer put there.
///
/// It is stored as `.kraftsamling-manifest.json` in the directory. Only a
/// directory with a manifest may be replaced without `force`, and only the
/// files it lists are ever removed. Its format is stable:
///
/// ```json
/// {
///   "files" : ["index.html", "rapport.md", "tabeller/index.csv"],
///   "format" : "kraftsamling-output/1",
///   "generator" : "kraftctl 0.1.0"
/// }
/// ```
package struct OutputManifest: Sendable, Hashable, Codable {
  /// The file name of the manifest inside the directory.
  package static let fileName = ".kraftsamling-manifest.json"
  /// The format tag this version writes and reads.
  package static let currentFormat = "kraftsamling-output/1"
  /// The largest manifest read (1 MiB); a larger one is treated as foreign.
  static let maximumBytes = 1 << 20

  /// The format tag, ``currentFormat``.
  package let format: String
  /// The program and version that wrote the directory, e.g. `kraftctl 0.1.0`.
  package let generator: String
  /// The files written, relative to the directory, in writing order.
  package let files: [String]

  /// Creates a manifest of the given files.
  package init(generator: String, files: [String]) {
    self.format = Self.currentFormat
    self.generator = generator
    self.files = files
  }

  /// The manifest in `directory`, or nil when there is none or it is not a
  /// manifest this version understands (too large, not JSON, unknown
  /// format, or a path that could leave the directory). A directory whose
  /// manifest cannot be read is treated as one kraftctl did not write.
  static func read(in directory: String) -> OutputManifest? {
    let path = directory + "/" + fileName
    guard FileSystem.kind(of: path) == .file,
      let bytes = try? FileInput.readBytes(path: path, maximumBytes: maximumBytes),
      let manifest = try? JSONCoding.decode(OutputManifest.self, from: bytes, file: path),
      manifest.format == currentFormat,
      manifest.files.allSatisfy(RelativePath.isSafe)
    else { return nil }
    return manifest
  }

  /// The manifest as JSON text.
  var json: String {
    // Encoding three plain fields cannot fail.
    (try? JSONCoding.encodeString(self)) ?? "{}\n"
  }
}

/// Checks of relative paths inside an output directory.
enum RelativePath {
  /// Whether `path` stays inside the directory: not empty, not absolute,
  /// no empty, `.` or `..` component, no NUL.
  static func isSafe(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0") else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { c in
      !c.isEmpty && c != "." && c != ".."
    }
  }

  /// The folders leading to `path`, outermost first: `a/b/c.svg` → `a`, `a/b`.
  static func parents(of path: String) -> [String] {
    let parts = path.split(separator: "/")
    return parts.indices.dropLast().map { parts[...$0].joined(separator: "/") }
  }
}
