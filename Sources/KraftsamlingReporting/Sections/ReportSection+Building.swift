import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension ReportSection {
  /// A section from the parts the consultation and follow-up reports use:
  /// paragraphs, a table (left out when it has no rows), bullets and notes.
  ///
  /// ```swift
  /// ReportSection(id: "mal", title: "Mål", paragraphs: ["Inga mål är satta."])
  /// ```
  ///
  /// - Parameters:
  ///   - id: The anchor id (ASCII letters, digits, dashes).
  ///   - title: The heading.
  ///   - paragraphs: Paragraphs before the table.
  ///   - table: A table; left out when empty.
  ///   - bullets: A bulleted list after the table.
  ///   - notes: Highlighted notes at the end.
  package init(
    id: String, title: String, paragraphs: [String], table: ReportTable? = nil, bullets: [String] = [], notes: [String] = []
  ) {
    var blocks: [ReportBlock] = paragraphs.map { .paragraph($0) }
    if let table, !table.rows.isEmpty { blocks.append(.table(table, caption: nil)) }
    if !bullets.isEmpty { blocks.append(.bullets(bullets)) }
    blocks += notes.map { .note($0) }
    self.init(id: id, title: title, blocks: blocks)
  }

  /// The section as plain text: the title underlined, tables aligned,
  /// bullets with `- `, notes as paragraphs, figures by caption.
  ///
  /// - Complexity: O(size of the section).
  package func plainText() -> String {
    var out = title + "\n" + String(repeating: "=", count: title.count) + "\n"
    for b in blocks {
      switch b {
      case .paragraph(let t), .note(let t): out += t + "\n"
      case .heading(let t): out += "\n" + t + "\n"
      case .bullets(let items): out += items.map { "- " + $0 + "\n" }.joined()
      case .definitions(let pairs): out += pairs.map { "\($0.term): \($0.value)\n" }.joined()
      case .code(let t, _): out += t + "\n"
      case .figure(_, let caption, let source, _): out += "[\(caption)] \(source)\n"
      case .table(let t, let caption):
        out += "\n" + (caption.map { $0 + "\n" } ?? "") + t.text()
      }
    }
    return out
  }
}

extension Array where Element == ReportSection {
  /// The sections as plain text, separated by blank lines.
  ///
  /// - Complexity: O(size of the sections).
  package func plainText() -> String { map { $0.plainText() }.joined(separator: "\n") }
}
