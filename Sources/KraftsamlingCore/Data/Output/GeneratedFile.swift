/// One file a tool generates: a relative path and its bytes.
///
/// A report is a list of these, written together by ``OutputDirectory``;
/// a single chart is written with ``write(to:)``.
///
/// ```swift
/// let file = GeneratedFile(path: "figurer/karta.svg", text: map.svg())
/// ```
public struct GeneratedFile: Sendable, Hashable {
  /// The path relative to the output directory, with `/` between folders,
  /// e.g. `tabeller/index.csv`.
  public let path: String
  /// The content.
  public let bytes: [UInt8]

  /// A file with UTF-8 text.
  package init(path: String, text: String) {
    self.path = path
    self.bytes = Array(text.utf8)
  }

  /// A file with the given bytes.
  package init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
