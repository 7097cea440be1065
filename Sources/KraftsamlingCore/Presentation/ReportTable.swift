/// A table of text cells that can be written as an aligned text table, CSV
/// (RFC 4180 or the Swedish Excel dialect) or Markdown.
///
/// Every `kraftctl` command that prints a table builds one of these, so that
/// `--format table|csv|markdown` behave the same everywhere.
///
/// ```swift
/// var t = ReportTable(columns: ["code", "name", "score"], alignments: [.left, .left, .right])
/// t.append(["25611", "Holma", "2.31"])
/// print(t.csv())        // code,name,score\n25611,Holma,2.31\n
/// print(t.text())       // aligned columns with a rule under the header
/// ```
public struct ReportTable: Sendable, Hashable, Codable {
  /// How a column's cells are aligned in text and Markdown output.
  public enum Alignment: String, Sendable, Hashable, Codable {
    /// Left-aligned (text).
    case left
    /// Right-aligned (numbers).
    case right
  }

  /// The column names (the CSV header).
  package private(set) var columns: [String]
  /// The alignment of each column.
  package var alignments: [Alignment]
  /// What each column holds, for writers that keep types (see ``ColumnKind``).
  package var kinds: [ColumnKind]
  /// The rows; each has one cell per column.
  package private(set) var rows: [[String]]

  /// Creates an empty table.
  ///
  /// - Parameters:
  ///   - columns: The header.
  ///   - alignments: One per column; by default all left-aligned.
  public init(columns: [String], alignments: [Alignment]? = nil) {
    self.columns = columns
    self.alignments = alignments ?? Array(repeating: .left, count: columns.count)
    self.kinds = self.alignments.map(ColumnKind.default(for:))
    self.rows = []
  }

  /// Appends a row.
  ///
  /// - Precondition: the row has one cell per column.
  public mutating func append(_ row: [String]) {
    precondition(row.count == columns.count, "a row needs \(columns.count) cells, got \(row.count)")
    rows.append(row)
  }

  /// RFC 4180 CSV: comma-separated, header first, cells quoted when they
  /// contain a comma, quote, line break or leading/trailing space; lines end
  /// with `\n`. The same as `csv(.rfc4180)`; ``csv(_:)`` also writes the
  /// dialect Swedish Excel opens.
  ///
  /// - Complexity: O(total size).
  package func csv() -> String { csv(.rfc4180) }

  /// An aligned plain-text table with a rule under the header.
  public func text() -> String {
    var widths = columns.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (i, c) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[i] - c.count)
        let last = i == cells.count - 1
        parts.append(alignments[i] == .right ? pad + c : (last ? c : c + pad))
      }
      return parts.joined(separator: "  ")
    }
    var out = line(columns) + "\n"
    out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for r in rows { out += line(r) + "\n" }
    return out
  }

  /// A GitHub-flavoured Markdown table (pipes in cells escaped).
  package func markdown() -> String {
    func esc(_ s: String) -> String { s.replacingAll("|", with: "\\|").replacingAll("\n", with: " ") }
    var out = "| " + columns.map(esc).joined(separator: " | ") + " |\n"
    out += "|" + alignments.map { $0 == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for r in rows { out += "| " + r.map(esc).joined(separator: " | ") + " |\n" }
    return out
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (no Foundation needed).
  package func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.range(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    return out + rest
  }
}

extension Substring {
  /// The range of the first occurrence of `target`.
  func range(of target: String) -> Range<Substring.Index>? {
    let t = Array(target)
    guard let first = t.first else { return nil }
    var i = startIndex
    while i < endIndex {
      if self[i] == first {
        var j = i
        var k = 0
        while k < t.count && j < endIndex && self[j] == t[k] {
          j = index(after: j)
          k += 1
        }
        if k == t.count { return i..<j }
      }
      i = index(after: i)
    }
    return nil
  }
}
