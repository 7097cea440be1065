import KraftsamlingCore

/// A whole consultation round (*remissomgång*): the ``Remiss``, the source
/// documents the references point into, and the answers received.
///
/// This is the unit KraftsamlingKit reads, writes and summarises: one JSON
/// file per round (format `kraftsamling-remiss/1`, see
/// `Documentation/DataFormats.md`). A round with no answers yet (a remiss
/// just sent) is valid; its ``Sammanställning`` lists every recipient as
/// not having answered.
///
/// ```swift
/// let round = try Remissomgång.read(path: "remiss-2025.json", catalogue: nil)   // unchecked
/// round.diagnostics(against: .malmö).errors  // an unknown actor id, …
/// round.nonRespondents                       // recipients who did not answer
/// ```
public struct Remissomgång: Sendable, Hashable, Codable {
  /// The format name and version written to and expected in files.
  package static let formatVersion = "kraftsamling-remiss/1"

  /// The format name and version (`kraftsamling-remiss/1`).
  package var format: String
  /// The remiss.
  public var remiss: Remiss
  /// The source documents the references point into.
  package var documents: [Källdokument]
  /// The answers received, in the order they are listed.
  public var answers: [Remissvar]
  /// Notes on the record as a whole (how it was compiled, caveats).
  package var notes: [String]

  /// Creates a round.
  ///
  /// - Parameters:
  ///   - remiss: The remiss.
  ///   - answers: The answers received.
  ///   - documents: The source documents.
  ///   - notes: Notes on the record.
  public init(remiss: Remiss, answers: [Remissvar] = [], documents: [Källdokument] = [], notes: [String] = []) {
    self.format = Self.formatVersion
    self.remiss = remiss
    self.answers = answers
    self.documents = documents
    self.notes = notes
  }

  /// The answer of a respondent, or `nil`.
  ///
  /// - Complexity: O(a), a the number of answers.
  public func answer(from respondent: String) -> Remissvar? { answers.first { $0.respondent == respondent } }

  /// The recipients who have not answered, in the remiss's order.
  ///
  /// - Complexity: O(r + a).
  public var nonRespondents: [String] {
    let answered = Set(answers.map(\.respondent))
    return remiss.recipients.filter { !answered.contains($0) }
  }

  private enum CodingKeys: String, CodingKey { case format, remiss, documents, answers, notes }

  /// Decodes a round; `documents`, `answers` and `notes` default to empty.
  ///
  /// - Throws: `DecodingError` when `format` names another format or
  ///   version, or a required value is missing.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    format = try c.decode(String.self, forKey: .format)
    guard format == Self.formatVersion else {
      throw DecodingError.dataCorruptedError(
        forKey: .format, in: c,
        debugDescription: "unsupported format '\(format)'; this version reads '\(Self.formatVersion)'")
    }
    remiss = try c.decode(Remiss.self, forKey: .remiss)
    documents = try c.decodeIfPresent([Källdokument].self, forKey: .documents) ?? []
    answers = try c.decodeIfPresent([Remissvar].self, forKey: .answers) ?? []
    notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
  }

  /// Encodes a round; every key is written, lists possibly empty.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(format, forKey: .format)
    try c.encode(remiss, forKey: .remiss)
    try c.encode(documents, forKey: .documents)
    try c.encode(answers, forKey: .answers)
    try c.encode(notes, forKey: .notes)
  }
}
