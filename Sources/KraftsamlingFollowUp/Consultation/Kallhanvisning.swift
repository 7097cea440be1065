import KraftsamlingCore

/// A reference into a source document: a document id and an inclusive
/// span of line numbers (*källhänvisning*).
///
/// The document id names an entry of ``Remissomgång/documents``, so a
/// reader can find the original wording; line numbers are 1-based and
/// refer to the text version of the document.
///
/// ```swift
/// let ref = Källhänvisning(document: "004", lines: 3453...3465)
/// ref.description    // "004:3453–3465"
/// ```
///
/// JSON: `{"document": "004", "lines": [3453, 3465], "note": "…"}`.
public struct Källhänvisning: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The id of the source document.
  package var document: String
  /// The first line, 1-based.
  package var firstLine: Int
  /// The last line (inclusive).
  package var lastLine: Int
  /// What the reference supports, if it is not obvious.
  package var note: String?

  /// Creates a reference.
  ///
  /// - Parameters:
  ///   - document: The source document's id.
  ///   - lines: The inclusive line span, 1-based.
  ///   - note: What the lines support.
  package init(document: String, lines: ClosedRange<Int>, note: String? = nil) {
    self.document = document
    self.firstLine = lines.lowerBound
    self.lastLine = lines.upperBound
    self.note = note
  }

  /// `DOC:FIRST–LAST`, or `DOC:LINE` for one line.
  public var description: String {
    firstLine == lastLine ? "\(document):\(firstLine)" : "\(document):\(firstLine)–\(lastLine)"
  }

  private enum CodingKeys: String, CodingKey { case document, lines, note }

  /// Decodes `{"document", "lines": [first, last], "note"}`.
  ///
  /// - Throws: `DecodingError.dataCorrupted` unless `lines` has two numbers.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    document = try c.decode(String.self, forKey: .document)
    let lines = try c.decode([Int].self, forKey: .lines)
    guard lines.count == 2 else {
      throw DecodingError.dataCorruptedError(
        forKey: .lines, in: c, debugDescription: "'lines' must be [first, last], e.g. [98, 104]")
    }
    firstLine = lines[0]
    lastLine = lines[1]
    note = try c.decodeIfPresent(String.self, forKey: .note)
  }

  /// Encodes `{"document", "lines": [first, last], "note"}`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(document, forKey: .document)
    try c.encode([firstLine, lastLine], forKey: .lines)
    try c.encodeIfPresent(note, forKey: .note)
  }
}

/// A source document the references of a ``Remissomgång`` point into.
///
/// ```swift
/// Källdokument(id: "004", title: "Inkomna remissyttranden i sin helhet (STK-2023-137)")
/// ```
public struct Källdokument: Sendable, Hashable, Codable, Identifiable {
  /// The id references use.
  public var id: String
  /// The document's title.
  package var title: String
  /// A note: file name, version, how the lines were counted.
  package var note: String?

  /// Creates a document entry.
  ///
  /// - Parameters:
  ///   - id: The id references use.
  ///   - title: The title.
  ///   - note: File name, version or line-counting note.
  package init(id: String, title: String, note: String? = nil) {
    self.id = id
    self.title = title
    self.note = note
  }
}
