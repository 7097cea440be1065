import KraftsamlingCore

extension RobustnessResult {
  /// A few plain sentences on how stable the selection is, for a report,
  /// a demo or a log: the replications and seed, how many of the nominal
  /// selection are selected in at least `probability` of the replications,
  /// the less certain ones, the areas outside the selection that enter it
  /// at least `entering` of the time, and the mean absolute rank shift.
  ///
  /// ```swift
  /// result.summaryLines(language: .en)
  /// // ["1,000 replications, seed 2025; varied: weights, normalisation, one indicator left out",
  /// //  "11 of the 12 areas of the nominal top 12 are selected in at least 90 % of replications",
  /// //  "less certain: Apelgården (68 %)",
  /// //  "outside the top 12 but selected in at least 10 %: Heleneholm (28 %)",
  /// //  "mean absolute rank shift from nominal: 5.78"]
  /// ```
  ///
  /// - Parameters:
  ///   - language: Swedish (default) or English.
  ///   - probability: The share of replications that makes an area stable (default 0.9).
  ///   - entering: The share above which an area outside the selection is named (default 0.1).
  ///   - limit: The most areas named per line (default 6).
  /// - Returns: Three to five lines, without trailing newlines.
  /// - Complexity: O(*n*).
  public func summaryLines(
    language: ReportLanguage = .sv, probability: Double = 0.9, entering: Double = 0.1, limit: Int = 6
  ) -> [String] {
    let sv = language == .sv
    var cut = nominallySelectedCount
    if case .top(let top) = selection { cut = top }
    let what: String
    switch selection {
    case .top: what = sv ? "topp \(cut)" : "top \(cut)"
    case .scoreAtLeast(let v): what = sv ? "poäng ≥ \(language.number(v, places: 2))" : "score ≥ \(language.number(v, places: 2))"
    }
    let stableAreas = stable(probability: probability)
    let uncertain = areas.filter { $0.isNominallySelected && $0.selectionProbability < probability }
    let outside = areas.filter { !$0.isNominallySelected && $0.selectionProbability >= entering }
    func named(_ list: [Area]) -> String {
      list.prefix(limit).map { "\($0.displayName) (\(language.percent($0.selectionProbability, places: 0)))" }
        .joined(separator: ", ") + (list.count > limit ? ", …" : "")
    }
    let varied = factors.map { f -> String in
      switch f {
      case .weights: sv ? "vikter" : "weights"
      case .normalization: sv ? "normalisering" : "normalisation"
      case .aggregation: sv ? "aggregering" : "aggregation"
      case .droppedIndicator: sv ? "en indikator utelämnad" : "one indicator left out"
      case .noise: sv ? "binomialt brus" : "binomial noise"
      }
    }
    let r = Self.grouped(replications, separator: sv ? " " : ",")
    let p = language.percent(probability, places: 0)
    var lines = [
      sv
        ? "\(r) replikationer, slumpfrö \(seed); varierat: \(varied.isEmpty ? "inget" : varied.joined(separator: ", "))"
        : "\(r) replications, seed \(seed); varied: \(varied.isEmpty ? "nothing" : varied.joined(separator: ", "))",
      sv
        ? "\(stableAreas.count) av de \(nominallySelectedCount) områdena i den nominella \(what) väljs i minst \(p) av replikationerna"
        : "\(stableAreas.count) of the \(nominallySelectedCount) areas of the nominal \(what) are selected in at least \(p) of replications",
    ]
    if !uncertain.isEmpty { lines.append((sv ? "mindre säkra: " : "less certain: ") + named(uncertain)) }
    if !outside.isEmpty {
      let q = language.percent(entering, places: 0)
      lines.append(
        (sv ? "utanför \(what) men valda i minst \(q): " : "outside the \(what) but selected in at least \(q): ")
          + named(outside))
    }
    lines.append(
      (sv ? "genomsnittlig absolut rangförskjutning från nominell: " : "mean absolute rank shift from nominal: ")
        + language.number(meanAbsoluteRankShift, places: 2))
    return lines
  }

  /// 1000 → "1 000" or "1,000".
  static func grouped(_ value: Int, separator: String) -> String {
    let digits = String(value)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += separator }
      out.append(ch)
    }
    return out
  }
}
