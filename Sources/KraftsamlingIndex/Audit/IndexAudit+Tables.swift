import KraftsamlingCore

// The audit's result tables: one definition each, used by `kraftctl audit`
// (CSV, text, Markdown) and by the report's `tabeller/granskning-*.csv`.

extension IndexAudit {
  /// The ids of the variables of the correlation matrices: indicators,
  /// dimensions, then `index`.
  package var variableIDs: [String] { indicatorIDs + dimensionIDs + ["index"] }

  /// Every pair of variables once (upper triangle, in variable order):
  /// `first,second,pearson,pearson_p,spearman,spearman_p,n`. Coefficients to
  /// 3 decimals and p-values to 4 when rounded; empty where undefined.
  ///
  /// - Complexity: O(*v*²) for *v* variables.
  package func correlationTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["first", "second", "pearson", "pearson_p", "spearman", "spearman_p", "n"],
      alignments: [.left, .left, .right, .right, .right, .right, .right])
    let ids = variableIDs
    for a in ids.indices {
      for b in (a + 1)..<max(a + 1, ids.count) {
        t.append([
          ids[a], ids[b], numbers.format(pearson.coefficients[a][b], places: 3),
          numbers.format(pearson.pValues[a][b], places: 4), numbers.format(spearman.coefficients[a][b], places: 3),
          numbers.format(spearman.pValues[a][b], places: 4), String(pearson.counts[a][b]),
        ])
      }
    }
    return t
  }

  /// Cronbach's alpha per dimension and for all indicators (`index`):
  /// `group,indicators,alpha,standardized_alpha`.
  package func reliabilityTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["group", "indicators", "alpha", "standardized_alpha"], alignments: [.left, .right, .right, .right])
    let sizes = dimensionIDs.indices.map { d in dimensionOf.filter { $0 == d }.count } + [indicatorIDs.count]
    for (g, id) in (dimensionIDs + ["index"]).enumerated() {
      t.append([
        id, String(sizes[g]), numbers.format(alphas[g], places: 3), numbers.format(standardizedAlphas[g], places: 3),
      ])
    }
    return t
  }

  /// The principal components: `component,eigenvalue,explained,cumulative`
  /// and one loading column per indicator.
  package func componentTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["component", "eigenvalue", "explained", "cumulative"] + indicatorIDs,
      alignments: [ReportTable.Alignment](repeating: .right, count: 4 + indicatorIDs.count))
    t.kinds[0] = .text  // "PC1", right-aligned in text tables
    var cumulative = 0.0
    for (c, value) in eigenvalues.enumerated() {
      cumulative += explainedVariance[c]
      t.append(
        ["PC\(c + 1)", numbers.format(value, places: 3), numbers.format(explainedVariance[c], places: 3),
         numbers.format(cumulative, places: 3)] + loadings[c].map { numbers.format($0, places: 3) })
    }
    return t
  }

  /// Nominal and effective importance: `indicator,nominal_share,
  /// effective_share,ratio,r_index,mismatch` (`yes` when the ratio is above 2 or below ½).
  package func importanceTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["indicator", "nominal_share", "effective_share", "ratio", "r_index", "mismatch"],
      alignments: [.left, .right, .right, .right, .right, .left])
    let indexPosition = variableIDs.count - 1
    for (j, id) in indicatorIDs.enumerated() {
      let e = effectiveShares[j]
      let mismatch = e.map { EffectiveImportance.isMismatch(effective: $0, nominal: nominalShares[j]) } ?? false
      t.append([
        id, numbers.format(nominalShares[j], places: 3), numbers.format(e, places: 3),
        numbers.format(e.map { $0 / nominalShares[j] }, places: 2),
        numbers.format(pearson.coefficients[j][indexPosition], places: 3), mismatch ? "yes" : "",
      ])
    }
    return t
  }

  /// The flags: `flag,first,second,value`.
  package func flagTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(columns: ["flag", "first", "second", "value"], alignments: [.left, .left, .left, .right])
    for f in flags { t.append([f.kind, f.first, f.second ?? "", numbers.format(f.value, places: 3)]) }
    return t
  }
}
