import KraftsamlingCore

/// One point made in a remissvar — a proposed indicator, an area or
/// theme, a view on money, an ongoing programme, a criticism — in the
/// answer's own short words, with optional themes for tallying and
/// references into the source.
///
/// `themes` group differently worded points under one heading, e.g.
/// *upplevd trygghet* and *trygghetsmätningar* under `trygghet`; the
/// indicator-demand matrix of ``Sammanställning`` counts themes.
///
/// ```swift
/// let p = Synpunkt("trygghetsmätningar (t.ex. Polisens)", themes: ["trygghet"],
///                  sources: [Källhänvisning(document: "004", lines: 2372...2374)])
/// p.themes    // ["trygghet"]
/// ```
///
/// JSON: `{"text": "…", "themes": ["…"], "sources": [ … ]}`; `themes` and
/// `sources` may be left out.
public struct Synpunkt: Sendable, Hashable, Codable {
  /// The point in a few words.
  public var text: String
  /// Theme labels for tallying (may be empty).
  public var themes: [String]
  /// Where it is said in the source.
  public var sources: [Källhänvisning]

  /// Creates a point.
  ///
  /// - Parameters:
  ///   - text: The point in a few words.
  ///   - themes: Theme labels for tallying.
  ///   - sources: Where it is said.
  package init(_ text: String, themes: [String] = [], sources: [Källhänvisning] = []) {
    self.text = text
    self.themes = themes
    self.sources = sources
  }

  private enum CodingKeys: String, CodingKey { case text, themes, sources }

  /// Decodes a point; `themes` and `sources` default to empty.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    text = try c.decode(String.self, forKey: .text)
    themes = try c.decodeIfPresent([String].self, forKey: .themes) ?? []
    sources = try c.decodeIfPresent([Källhänvisning].self, forKey: .sources) ?? []
  }

  /// Encodes a point, leaving out empty lists.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(text, forKey: .text)
    if !themes.isEmpty { try c.encode(themes, forKey: .themes) }
    if !sources.isEmpty { try c.encode(sources, forKey: .sources) }
  }
}
