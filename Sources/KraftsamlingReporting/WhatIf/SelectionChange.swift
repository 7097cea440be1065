import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser

/// A change to the selection (urvalet) for a what-if run: delområden added
/// to and removed from the areas the index selects.
///
/// The change applies to everything that depends on the selection: the
/// selected rows, the clusters and the eligibility rule that an insats must
/// target a selected delområde (judged against the selection with the
/// change, and added to the rules if they lack it). The index itself is not
/// changed: scores and ranks stay as computed.
///
/// ```swift
/// let change = SelectionChange(adding: ["1280017"], removing: ["1280004"])
/// let whatIf = try KraftsamlingPipeline.whatIf(configuration, change: change)
/// ```
public struct SelectionChange: Sendable, Hashable, Codable {
  /// Codes of the areas to add; each must be ranked by the index and not
  /// already selected.
  package let adding: [String]
  /// Codes of the areas to remove; each must be selected.
  package let removing: [String]

  /// A change; the order of the codes is kept in outputs.
  public init(adding: [String] = [], removing: [String] = []) {
    self.adding = adding
    self.removing = removing
  }

  /// Whether the change adds and removes nothing.
  package var isEmpty: Bool { adding.isEmpty && removing.isEmpty }

  /// Checks the change against the index and the selection it changes.
  ///
  /// - Throws: `GeographyError` naming every area that is unknown, not
  ///   ranked, added although selected, removed although not selected, or
  ///   both added and removed.
  package func validate(index: IndexResult, selected: Set<String>) throws(GeographyError) {
    var problems: [GeographyError] = []
    func name(_ code: String) -> String { index.area(code: code)?.name ?? code }
    for code in Set(adding).intersection(removing).sorted() {
      problems.append(GeographyError(.invalidParameter, "\(name(code)) (\(code)) is both added and removed", areas: [code]))
    }
    for code in adding {
      guard let row = index.area(code: code) else {
        problems.append(GeographyError(.unknownArea, "the index has no area \(code) to add", areas: [code]))
        continue
      }
      if row.rank == nil {
        problems.append(
          GeographyError(.invalidParameter, "\(name(code)) (\(code)) has no rank (too little data) and cannot be added", areas: [code]))
      } else if selected.contains(code) {
        problems.append(GeographyError(.invalidParameter, "\(name(code)) (\(code)) is already in the selection", areas: [code]))
      }
    }
    for code in removing where !selected.contains(code) {
      problems.append(GeographyError(.invalidParameter, "\(name(code)) (\(code)) is not in the selection, so it cannot be removed", areas: [code]))
    }
    if let error = GeographyError.combining(problems) { throw error }
  }

  /// The selected rows after the change, in rank order (ties by code).
  package func apply(to rows: [IndexResult.AreaRow], index: IndexResult) -> [IndexResult.AreaRow] {
    let removed = Set(removing)
    var out = rows.filter { !removed.contains($0.code) }
    out += adding.compactMap { index.area(code: $0) }
    return out.sorted { ($0.rank ?? .max, $0.code) < ($1.rank ?? .max, $1.code) }
  }

  /// The selection after the change: added areas carry a reason saying so.
  package func apply(to selection: AreaSelection, index: IndexResult) -> AreaSelection {
    let removed = Set(removing)
    var members = selection.members.filter { !removed.contains($0.code) }
    for code in adding {
      guard let row = index.area(code: code), let rank = row.rank else { continue }
      members.append(AreaSelection.Member(code: code, rank: rank, score: row.score, reason: "added in a what-if (rank \(rank))"))
    }
    members.sort { ($0.rank, $0.code) < ($1.rank, $1.code) }
    let summary = selection.summary + "; what-if: +\(adding.count) −\(removing.count)"
    return AreaSelection(method: .list, members: members, summary: summary)
  }

  /// The rules with the rule that an insats must target a selected
  /// delområde judged against `selected` (the selection after the change):
  /// replacing the rule's own list of areas, or added when the rules have
  /// no such rule, so that the verdicts before and after a change are judged
  /// against the two selections compared.
  package func apply(to rules: RuleSet, selected: [String]) -> RuleSet {
    rules.adding(SelectedAreaRule(areas: Set(selected), name: "the selection"))
  }
}
