import KraftsamlingCore

// The allocation stage's result tables: one definition each, used by
// `kraftctl allocate` and `kraftctl compare-models` and by the report's
// `tabeller/fordelning.csv` and `tabeller/fordelning-forvaltning.csv`.

extension Fördelning {
  /// One line of ``itemTable(explained:)``: an insats and förvaltning with
  /// their years added up.
  package struct Item: Sendable, Hashable {
    /// The insats.
    package var insats: String
    /// The förvaltning.
    package var förvaltning: String
    /// The requested kronor, all years.
    package var requested: Int64
    /// The allocated kronor, all years.
    package var amount: Int64
    /// The explanation of the item's first row.
    package var explanation: String
  }

  /// The rows added up per (insats, förvaltning), in row order.
  ///
  /// - Complexity: O(*n*) for *n* rows.
  package var items: [Item] {
    var out: [Item] = []
    for r in rows {
      if let last = out.last, last.insats == r.insatsID, last.förvaltning == r.förvaltningID {
        out[out.count - 1].requested += r.requested.kronor
        out[out.count - 1].amount += r.amount.kronor
      } else {
        out.append(
          Item(
            insats: r.insatsID, förvaltning: r.förvaltningID, requested: r.requested.kronor, amount: r.amount.kronor,
            explanation: r.explanation.description))
      }
    }
    return out
  }

  /// The allocation as the documented table:
  /// `insats,forvaltning,requested,amount` in whole kronor, one row per
  /// insats and förvaltning with the years added up, and with `explained`
  /// a fifth column `explanation`.
  ///
  /// - Parameter explained: Whether to add the explanation of every amount.
  package func itemTable(explained: Bool) -> ReportTable {
    var t = ReportTable(
      columns: ["insats", "forvaltning", "requested", "amount"] + (explained ? ["explanation"] : []),
      alignments: [.left, .left, .right, .right] + (explained ? [.left] : []))
    t.kinds[2] = .kronor
    t.kinds[3] = .kronor
    for r in items {
      t.append(
        [r.insats, r.förvaltning, String(r.requested), String(r.amount)] + (explained ? [r.explanation] : []))
    }
    return t
  }

  /// The total per förvaltning: `forvaltning,name,amount` (id, the
  /// catalogue's name or the id, whole kronor), sorted by id; the amounts
  /// add up to ``distributed``.
  ///
  /// - Parameter catalogue: Where the names come from.
  package func totalsTable(catalogue: AktörKatalog) -> ReportTable {
    var t = ReportTable(columns: ["forvaltning", "name", "amount"], alignments: [.left, .left, .right])
    t.kinds[2] = .kronor
    for (id, amount) in totalsByFörvaltning {
      t.append([id, catalogue.aktör(id: id)?.name ?? id, String(amount.kronor)])
    }
    return t
  }
}
