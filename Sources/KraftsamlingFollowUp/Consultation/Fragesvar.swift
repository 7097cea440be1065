import KraftsamlingCore

/// What one respondent said about one question of a ``Remiss``.
///
/// `positions` are short labels to tally across respondents (e.g. the
/// areas named, or `positive` for a question about the model); `summary`
/// is the answer in a sentence or two.
///
/// ```swift
/// let a = Frågesvar(question: 3, summary: "Tillstyrker modellen.", positions: ["positive"])
/// a.status    // .answered
/// ```
public struct Frågesvar: Sendable, Hashable, Codable {
  /// Whether and how a question was answered.
  public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// The respondent answered the question (`answered`).
    case answered
    /// The respondent explicitly chose not to answer (`declined`), e.g.
    /// *Frågan lämnas obesvarad* or *yttrar sig inte i frågan*.
    case declined
    /// The answer does not address the question (`not-addressed`).
    case notAddressed = "not-addressed"
  }

  /// The question's number.
  public var question: Int
  /// Whether it was answered.
  public var status: Status
  /// The answer in brief.
  public var summary: String?
  /// Short position labels, tallied per question by ``Sammanställning``.
  public var positions: [String]
  /// Where the answer is in the source.
  public var sources: [Källhänvisning]

  /// Creates an answer to one question.
  ///
  /// - Parameters:
  ///   - question: The question's number.
  ///   - status: Whether it was answered (default: answered).
  ///   - summary: The answer in brief.
  ///   - positions: Short labels to tally.
  ///   - sources: Where it is in the source.
  public init(
    question: Int, status: Status = .answered, summary: String? = nil, positions: [String] = [],
    sources: [Källhänvisning] = []
  ) {
    self.question = question
    self.status = status
    self.summary = summary
    self.positions = positions
    self.sources = sources
  }

  private enum CodingKeys: String, CodingKey { case question, status, summary, positions, sources }

  /// Decodes an answer; `status` defaults to `answered`, lists to empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    question = try c.decode(Int.self, forKey: .question)
    status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .answered
    summary = try c.decodeIfPresent(String.self, forKey: .summary)
    positions = try c.decodeIfPresent([String].self, forKey: .positions) ?? []
    sources = try c.decodeIfPresent([Källhänvisning].self, forKey: .sources) ?? []
  }

  /// Encodes an answer, leaving out empty lists.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(question, forKey: .question)
    try c.encode(status, forKey: .status)
    try c.encodeIfPresent(summary, forKey: .summary)
    if !positions.isEmpty { try c.encode(positions, forKey: .positions) }
    if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
  }
}
