/// One section of a generated report: a heading, paragraphs and an
/// optional table, rendered as Markdown or plain text.
///
/// The consultation summary and the follow-up build their reports as
/// sections, so `kraftctl` prints the same content as an aligned text
/// table or as Markdown to attach to an ärende.
///
/// ```swift
/// var t = ReportTable(columns: ["Aktör", "Antal"], alignments: [.left, .right])
/// t.append(["MKB", "4"])
/// let s = ReportSection(heading: "Samordnande roll", paragraphs: ["Fyra nämner MKB."], table: t)
/// s.markdown(level: 2)    // "## Samordnande roll\n\nFyra nämner MKB.\n\n| Aktör | Antal |\n…"
/// ```
public struct ReportSection: Sendable, Hashable, Codable {
  /// The heading.
  public var heading: String
  /// Paragraphs before the table (plain text; no Markdown markup).
  public var paragraphs: [String]
  /// A table, if any.
  public var table: ReportTable?
  /// Paragraphs after the table (notes, caveats).
  public var notes: [String]

  /// Creates a section.
  ///
  /// - Parameters:
  ///   - heading: The heading.
  ///   - paragraphs: Paragraphs before the table.
  ///   - table: A table.
  ///   - notes: Paragraphs after the table.
  public init(heading: String, paragraphs: [String] = [], table: ReportTable? = nil, notes: [String] = []) {
    self.heading = heading
    self.paragraphs = paragraphs
    self.table = table
    self.notes = notes
  }

  /// The section as GitHub-flavoured Markdown.
  ///
  /// - Parameter level: The heading level (1 = `#`).
  /// - Complexity: O(size of the section).
  public func markdown(level: Int = 2) -> String {
    var out = String(repeating: "#", count: max(1, level)) + " " + heading + "\n\n"
    for p in paragraphs { out += p + "\n\n" }
    if let table, !table.rows.isEmpty { out += table.markdown() + "\n" }
    for n in notes { out += n + "\n\n" }
    return out
  }

  /// The section as plain text: the heading underlined, the table aligned.
  ///
  /// - Complexity: O(size of the section).
  public func text() -> String {
    var out = heading + "\n" + String(repeating: "=", count: heading.count) + "\n"
    for p in paragraphs { out += p + "\n" }
    if let table, !table.rows.isEmpty { out += (paragraphs.isEmpty ? "" : "\n") + table.text() }
    for n in notes { out += n + "\n" }
    return out
  }
}

extension Array where Element == ReportSection {
  /// The sections as one Markdown document under a level-1 title.
  ///
  /// - Parameter title: The document title.
  public func markdown(title: String) -> String {
    "# " + title + "\n\n" + map { $0.markdown(level: 2) }.joined()
  }

  /// The sections as plain text, separated by blank lines.
  public func text() -> String { map { $0.text() }.joined(separator: "\n") }
}
