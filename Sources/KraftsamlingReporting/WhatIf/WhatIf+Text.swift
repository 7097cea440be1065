import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation

// The what-if comparison in words and tables, in Swedish or English: the
// sentences say what changed for a reader; the tables (`kraftctl whatif`)
// give every number.

extension WhatIf {
  /// The comparison in sentences: the areas swapped, the clusters, the
  /// insatser that change verdict and the money that moves.
  ///
  /// - Parameter language: Swedish (default) or English.
  public func summary(in language: ReportLanguage = .sv) -> [String] {
    let L = language
    var out = [selectionSentence(L)]
    let clusterEvents = clusterChanges.filter { $0.kind != .unchanged }
    out += clusterEvents.map { clusterSentence($0, L) }
    if clusterEvents.isEmpty && after.clusters != nil {
      out.append(L.pick("Klustren är desamma som förut, bortsett från de bytta områdena.", "The clusters are the same apart from the swapped areas."))
    }
    out += verdictChanges.map { v in
      let why = v.because.map { $0.reason(in: L) }.joined(separator: " ")
      return L.pick("Insatsen \(v.title) \(outcome(v.before, L)) före ändringen men \(outcome(v.after, L)) efter: \(why)",
                    "The insats \(v.title) \(outcome(v.before, L)) before the change but \(outcome(v.after, L)) after: \(why)")
    }
    out += moneySentences(L)
    return out
  }

  private func name(_ code: String) -> String { after.index.area(code: code)?.name ?? code }

  private func list(_ codes: [String], _ L: ReportLanguage) -> String {
    let names = codes.map(name)
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + L.pick(" och ", " and ") + names.last!
  }

  private func selectionSentence(_ L: ReportLanguage) -> String {
    let added = list(change.adding, L)
    let removed = list(change.removing, L)
    switch (change.adding.isEmpty, change.removing.isEmpty) {
    case (false, false): return L.pick("\(added) kommer med i urvalet och \(removed) lämnar det.", "\(added) joins the selection and \(removed) leaves it.")
    case (false, true): return L.pick("\(added) läggs till i urvalet.", "\(added) is added to the selection.")
    case (true, false): return L.pick("\(removed) tas bort ur urvalet.", "\(removed) is removed from the selection.")
    case (true, true): return L.pick("Urvalet ändras inte.", "The selection does not change.")
    }
  }

  private func clusterSentence(_ c: ClusterChange, _ L: ReportLanguage) -> String {
    let b = c.before.map(String.init).joined(separator: L.pick(" och ", " and "))
    let a = c.after.map(String.init).joined(separator: L.pick(" och ", " and "))
    switch c.kind {
    case .merged: return L.pick("Kluster \(b) slås ihop till kluster \(a).", "Clusters \(b) merge into cluster \(a).")
    case .split: return L.pick("Kluster \(b) delas i kluster \(a).", "Cluster \(b) splits into clusters \(a).")
    case .new: return L.pick("Ett nytt kluster \(a) bildas av \(list(c.added, L)).", "A new cluster \(a) forms from \(list(c.added, L)).")
    case .dissolved: return L.pick("Kluster \(b) upphör.", "Cluster \(b) disappears.")
    case .changed, .unchanged:
      var parts: [String] = []
      if !c.added.isEmpty { parts.append(L.pick("\(list(c.added, L)) tillkommer", "\(list(c.added, L)) joins")) }
      if !c.removed.isEmpty { parts.append(L.pick("\(list(c.removed, L)) faller bort", "\(list(c.removed, L)) leaves")) }
      return L.pick("Kluster \(b) ändras: ", "Cluster \(b) changes: ") + parts.joined(separator: L.pick(" och ", " and ")) + "."
    }
  }

  private func outcome(_ o: RuleOutcome, _ L: ReportLanguage) -> String {
    switch o {
    case .pass: L.pick("uppfyller villkoren", "meets the criteria")
    case .warning: L.pick("uppfyller villkoren med en anmärkning", "meets the criteria with a remark")
    case .fail: L.pick("uppfyller inte villkoren", "does not meet the criteria")
    }
  }

  private func moneySentences(_ L: ReportLanguage) -> [String] {
    guard after.fördelning != nil || before.fördelning != nil else {
      return [L.pick("Ingen budget fördelas, så inga pengar flyttas.", "No budget is divided, so no money moves.")]
    }
    let moved = moneyByFörvaltning.filter { $0.difference != 0 }
    guard !moved.isEmpty else {
      return [L.pick("Pengarna per förvaltning blir desamma.", "The money per förvaltning stays the same.")]
    }
    return moved.map { m in
      moneySentence(m, L)
    } + undistributedSentence(L)
  }

  /// What is left undistributed after the change, when it differs.
  private func undistributedSentence(_ L: ReportLanguage) -> [String] {
    let old = before.fördelning?.undistributed ?? Belopp(kronor: 0)
    let new = after.fördelning?.undistributed ?? Belopp(kronor: 0)
    guard old != new else { return [] }
    return [
      L.pick(
        "\(L.money(new)) av budgeten blir över efter ändringen (före: \(L.money(old))).",
        "\(L.money(new)) of the budget is left over after the change (before: \(L.money(old))).")
    ]
  }

  private func moneySentence(_ m: MoneyChange, _ L: ReportLanguage) -> String {
      // Both amounts are whole non-negative kronor, so the magnitude fits.
      let d = L.money(Belopp(kronor: Int64(exactly: m.difference.magnitude) ?? .max))
      let more = m.difference > 0
      return L.pick(
        "\(m.name) får \(d) \(more ? "mer" : "mindre") (\(L.money(m.after)) i stället för \(L.money(m.before))).",
        "\(m.name) gets \(d) \(more ? "more" : "less") (\(L.money(m.after)) instead of \(L.money(m.before))).")
  }
}

extension WhatIf {
  /// The areas that change: `code,name,rank,score,change` (`added` or
  /// `removed`; Swedish `tillagd`/`borttagen`).
  package func selectionTable(_ L: ReportLanguage, numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(columns: ["code", "name", "rank", "score", "change"], alignments: [.left, .left, .right, .right, .left])
    t.kinds[2] = .integer
    for (codes, label) in [(change.adding, L.pick("tillagd", "added")), (change.removing, L.pick("borttagen", "removed"))] {
      for code in codes {
        let row = after.index.area(code: code)
        t.append([code, name(code), row?.rank.map(String.init) ?? "", numbers.format(row?.score, places: 3), label])
      }
    }
    return t
  }

  /// The clusters: `kind,before,after,added,removed` (cluster numbers
  /// separated by `+`, area names by `; `).
  package func clusterTable(_ L: ReportLanguage) -> ReportTable {
    var t = ReportTable(columns: ["kind", "before", "after", "added", "removed"])
    for c in clusterChanges {
      t.append([
        c.kind.rawValue, c.before.map(String.init).joined(separator: "+"), c.after.map(String.init).joined(separator: "+"),
        c.added.map(name).joined(separator: "; "), c.removed.map(name).joined(separator: "; "),
      ])
    }
    return t
  }

  /// The insatser that change verdict: `insats,title,before,after,reason`.
  package func verdictTable(_ L: ReportLanguage) -> ReportTable {
    var t = ReportTable(columns: ["insats", "title", "before", "after", "reason"])
    for v in verdictChanges {
      t.append([v.insatsID, v.title, v.before.rawValue, v.after.rawValue, v.because.map { $0.reason(in: L) }.joined(separator: " ")])
    }
    return t
  }

  /// Money before and after: `id,name,before,after,difference` in whole
  /// kronor.
  ///
  /// - Parameter perInsats: Per insats instead of per förvaltning.
  package func moneyTable(perInsats: Bool) -> ReportTable {
    var t = ReportTable(
      columns: [perInsats ? "insats" : "forvaltning", "name", "before", "after", "difference"],
      alignments: [.left, .left, .right, .right, .right])
    for i in 2...4 { t.kinds[i] = .kronor }
    for m in perInsats ? moneyByInsats : moneyByFörvaltning {
      t.append([m.id, m.name, String(m.before.kronor), String(m.after.kronor), String(m.difference)])
    }
    return t
  }
}
