import KraftsamlingCore
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation

extension WhatIf {
  /// What happened to clusters: one entry per cluster after the change
  /// (new, merged, split from one before, changed or unchanged) and one per
  /// cluster before that has no area left in any cluster (dissolved).
  public struct ClusterChange: Sendable, Hashable, Codable {
    /// The kind of change.
    public enum Kind: String, Sendable, Hashable, Codable {
      /// The same areas before and after.
      case unchanged
      /// One cluster before, one after, with areas added or removed.
      case changed
      /// Two or more clusters before joined into one.
      case merged
      /// One cluster before divided into two or more.
      case split
      /// A cluster of areas none of which was in a cluster before.
      case new
      /// A cluster none of whose areas is in a cluster after.
      case dissolved
    }

    /// The kind.
    public let kind: Kind
    /// The numbers of the clusters before that are involved.
    public let before: [Int]
    /// The numbers of the clusters after that are involved.
    public let after: [Int]
    /// Area codes in the clusters after but not in those before.
    public let added: [String]
    /// Area codes in the clusters before but not in those after.
    public let removed: [String]

    /// The events between two lists of clusters.
    ///
    /// - Complexity: O(*b* · *a* · *m*) for *b* and *a* clusters of at most *m* areas.
    package static func changes(from old: [SelectionClusters.Cluster], to new: [SelectionClusters.Cluster]) -> [ClusterChange] {
      let oldSets = old.map { Set($0.codes) }
      let newSets = new.map { Set($0.codes) }
      func touching(_ s: Set<String>, _ sets: [Set<String>]) -> [Int] { sets.indices.filter { !sets[$0].isDisjoint(with: s) } }
      var out: [ClusterChange] = []
      var reportedSplits: Set<Int> = []
      for (a, set) in newSets.enumerated() {
        let bs = touching(set, oldSets)
        if bs.count == 1, touching(oldSets[bs[0]], newSets).count > 1 {
          guard reportedSplits.insert(bs[0]).inserted else { continue }
          out.append(event(.split, old: bs, new: touching(oldSets[bs[0]], newSets), old, new))
          continue
        }
        let kind: Kind = bs.isEmpty ? .new : bs.count > 1 ? .merged : (oldSets[bs[0]] == set ? .unchanged : .changed)
        out.append(event(kind, old: bs, new: [a], old, new))
      }
      for (b, set) in oldSets.enumerated() where touching(set, newSets).isEmpty {
        out.append(event(.dissolved, old: [b], new: [], old, new))
      }
      return out
    }

    private static func event(
      _ kind: Kind, old b: [Int], new a: [Int], _ old: [SelectionClusters.Cluster], _ new: [SelectionClusters.Cluster]
    ) -> ClusterChange {
      let before = b.flatMap { old[$0].codes }
      let after = a.flatMap { new[$0].codes }
      let beforeSet = Set(before)
      let afterSet = Set(after)
      return ClusterChange(
        kind: kind, before: b.map { old[$0].number }, after: a.map { new[$0].number },
        added: after.filter { !beforeSet.contains($0) }, removed: before.filter { !afterSet.contains($0) })
    }
  }

  /// An insats whose verdict differs between the two runs.
  public struct VerdictChange: Sendable, Hashable, Codable {
    /// The insats's id.
    public let insatsID: String
    /// The insats's title.
    package let title: String
    /// The verdict before: the worst outcome of its rules.
    public let before: RuleOutcome
    /// The verdict after.
    public let after: RuleOutcome
    /// The rule results after the change whose outcome differs from before:
    /// why the verdict changed, with a reason in English and Swedish.
    public let because: [RuleResult]

    /// The insatser whose verdict differs, in the order of `new`.
    package static func changes(from old: [EligibilityVerdict], to new: [EligibilityVerdict]) -> [VerdictChange] {
      let oldByID = Dictionary(old.map { ($0.insatsID, $0) }, uniquingKeysWith: { a, _ in a })
      return new.compactMap { v in
        guard let o = oldByID[v.insatsID], o.outcome != v.outcome else { return nil }
        let oldOutcome = Dictionary(o.results.map { ($0.ruleID, $0.outcome) }, uniquingKeysWith: { a, _ in a })
        return VerdictChange(
          insatsID: v.insatsID, title: v.title, before: o.outcome, after: v.outcome,
          because: v.results.filter { oldOutcome[$0.ruleID] != $0.outcome })
      }
    }
  }

  /// Money for one förvaltning or insats before and after.
  public struct MoneyChange: Sendable, Hashable, Codable {
    /// The förvaltning's or insats's id.
    public let id: String
    /// Its name (förvaltning) or title (insats).
    package let name: String
    /// The amount before.
    public let before: Belopp
    /// The amount after.
    public let after: Belopp
    /// After minus before, in kronor (negative when money moved away).
    public let difference: Int64

    /// One entry per id of either list: ids of `old` first in their order,
    /// then ids only in `new`. An id missing from a list has 0 kr there.
    ///
    /// - Throws: `AllocationError` if a difference overflows.
    package static func changes(
      _ old: [(String, Belopp)], _ new: [(String, Belopp)], name: (String) -> String
    ) throws(AllocationError) -> [MoneyChange] {
      let oldByID = Dictionary(old, uniquingKeysWith: { a, _ in a })
      let newByID = Dictionary(new, uniquingKeysWith: { a, _ in a })
      var ids = old.map(\.0)
      ids += new.map(\.0).filter { oldByID[$0] == nil }
      return try ids.map { (id: String) throws(AllocationError) -> MoneyChange in
        let b = oldByID[id] ?? Belopp(kronor: 0)
        let a = newByID[id] ?? Belopp(kronor: 0)
        let (d, overflow) = a.kronor.subtractingReportingOverflow(b.kronor)
        if overflow { throw AllocationError(.overflow, "the change of the amount does not fit in 64 bits", context: id) }
        return MoneyChange(id: id, name: name(id), before: b, after: a, difference: d)
      }
    }
  }
}
