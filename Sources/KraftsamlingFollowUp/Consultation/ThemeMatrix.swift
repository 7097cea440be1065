import KraftsamlingCore

/// A demand matrix: themes (rows) × respondents (columns), each cell the
/// respondent's points under that theme — e.g. which respondents ask for
/// indicators of *trygghet*, *tillit* or *barnfattigdom*.
///
/// Rows are ordered by the number of respondents (most first), then by
/// theme; columns keep the order of the answers. Points with no theme are
/// kept apart (and listed in the report) so nothing is silently dropped.
///
/// ```swift
/// let m = ThemeMatrix(answers, points: \.indicators)
/// m.row(for: "tillit")?.respondents     // ["ASN", "FRN", "FSN", "FSKN", "KN", "MN"] in 2023
/// m.row(for: "tillit")?.respondents.contains("GRN")   // false
/// ```
///
/// - Complexity: O(a·p) to build, a answers, p points per answer.
public struct ThemeMatrix: Sendable, Hashable, Codable {
  /// One theme's row.
  public struct Row: Sendable, Hashable, Codable {
    /// The theme.
    public package(set) var theme: String
    /// The respondents with at least one point under the theme, in column order.
    public package(set) var respondents: [String]
    /// Each of those respondents' points under the theme, as written.
    package var mentions: [[String]]
  }

  /// A point without a theme.
  package struct Mention: Sendable, Hashable, Codable {
    /// The respondent.
    package var respondent: String
    /// The point.
    package var text: String
  }

  /// The columns: every respondent, in answer order.
  package var respondents: [String]
  /// The rows, most respondents first.
  public package(set) var rows: [Row]
  /// Points that carry no theme.
  package var unthemed: [Mention]

  /// Builds the matrix from one list of points of each answer.
  ///
  /// - Parameters:
  ///   - answers: The answers.
  ///   - points: Which points to tally, e.g. `\.indicators`.
  package init(_ answers: [Remissvar], points: KeyPath<Remissvar, [Synpunkt]>) {
    respondents = answers.map(\.respondent)
    var order: [String] = []
    var cells: [String: [(String, [String])]] = [:]
    var rest: [Mention] = []
    for a in answers {
      for p in a[keyPath: points] {
        if p.themes.isEmpty { rest.append(Mention(respondent: a.respondent, text: p.text)) }
        for theme in p.themes {
          if cells[theme] == nil {
            order.append(theme)
            cells[theme] = []
          }
          if let i = cells[theme]!.firstIndex(where: { $0.0 == a.respondent }) {
            if !cells[theme]![i].1.contains(p.text) { cells[theme]![i].1.append(p.text) }
          } else {
            cells[theme]!.append((a.respondent, [p.text]))
          }
        }
      }
    }
    rows = order.map { t in Row(theme: t, respondents: cells[t]!.map(\.0), mentions: cells[t]!.map(\.1)) }
      .sorted { $0.respondents.count != $1.respondents.count ? $0.respondents.count > $1.respondents.count : $0.theme < $1.theme }
    unthemed = rest
  }

  /// The row of a theme, or `nil`.
  public func row(for theme: String) -> Row? { rows.first { $0.theme == theme } }

  /// Whether a respondent has a point under a theme.
  package func contains(theme: String, respondent: String) -> Bool {
    row(for: theme)?.respondents.contains(respondent) ?? false
  }
}
