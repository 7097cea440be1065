#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import KraftsamlingCore

/// A file of insatser: the format's name and version, whether the content
/// is an invented example, a note, and the insatser.
///
/// ```json
/// {
///   "format": "kraftsamlingkit.insatser",
///   "version": 1,
///   "example": true,
///   "note": "Påhittade exempel …",
///   "insatser": [ { "id": "INS-2026-01", … } ]
/// }
/// ```
///
/// Read with ``InsatsReader`` (which reports every problem with its JSON
/// path and line); write with ``jsonText()``, which sorts keys so the same
/// content always gives the same bytes.
public struct InsatsFile: Sendable, Hashable, Codable {
  /// The format name written in every file: `kraftsamlingkit.insatser`.
  package static let formatName = "kraftsamlingkit.insatser"
  /// The current format version: 1.
  package static let currentVersion = 1

  /// The format name.
  package var format: String
  /// The format version.
  package var version: Int
  /// Whether the insatser are invented examples, not real proposals.
  package var example: Bool
  /// A note about the file's content.
  package var note: String?
  /// The insatser.
  public var insatser: [Insats]

  /// Creates a file.
  ///
  /// - Parameters:
  ///   - insatser: The insatser.
  ///   - example: Whether they are invented examples.
  ///   - note: A note about the content.
  public init(insatser: [Insats], example: Bool = false, note: String? = nil) {
    self.format = Self.formatName
    self.version = Self.currentVersion
    self.example = example
    self.note = note
    self.insatser = insatser
  }

  /// The file as JSON text: pretty-printed, keys sorted, final newline.
  ///
  /// - Throws: `EncodingError` (only for non-finite indicator values).
  public func jsonText() throws -> String { try JSONCoding.encodeString(self) }
}
