import KraftsamlingKit

/// Scores to select, test or map: a composite index's, or a plain variable's.
struct AreaScores {
  /// The value of each area with one.
  var values: [String: Double]
  /// What they are, for titles and messages.
  var label: String
  /// Whether they come from the bundled illustrative statistics.
  var illustrative: Bool
  /// The index result, when the scores are an index's.
  var index: IndexResult?
  /// Areas whose value must not be shown: a rate over fewer people than
  /// the disclosure control's minimum denominator (`--min-denominator`,
  /// default 10). They are still tested; only their value is hidden.
  var suppressed: Set<String> = []
  /// The disclosure control applied to a variable's rates, if any.
  var disclosure: DisclosureControl? = nil

  init(values: [String: Double], label: String, illustrative: Bool, index: IndexResult?) {
    self.values = values
    self.label = label
    self.illustrative = illustrative
    self.index = index
  }

  /// The values of `variable`: an indicator of the 2025 catalogue (its rate
  /// in %, with the areas whose rate rests on fewer people than the
  /// control's minimum denominator to be shown as `..`) or a plain column
  /// (nothing suppressed: its values are not rates of people that the tool
  /// can recognise).
  ///
  /// - Throws: an unknown variable, located at `option`, with suggestions.
  init(variable: String, option: String, statistics: Inputs.Statistics, disclosure control: DisclosureControl) throws {
    let table = statistics.table
    let catalogue = IndicatorCatalogue.stadskontoret2025
    values = [:]
    illustrative = statistics.isBundled
    if let indicator = catalogue.indicator(id: variable), case .rate(let pair) = indicator.measure,
      let num = table.column(pair.numerator), let den = table.column(pair.denominator)
    {
      for (i, code) in table.codes.enumerated() {
        if let n = num[i], let d = den[i], d > 0 {
          values[code] = n / d * 100
          if control.suppresses(rateWithDenominator: d) { suppressed.insert(code) }
        }
      }
      label = indicator.name + " (%)"
      disclosure = control
      return
    }
    guard let column = table.column(variable) else {
      let known = catalogue.all.map(\.id) + table.columnNames
      var error = NameResolver(entries: known.map { ($0, $0) }, noun: "variable")
        .unknownNameError(variable, at: SourceLocation(field: option))
      if error.diagnostics[0].hint?.hasPrefix("did you mean") != true {
        error.diagnostics[0].hint =
          "use an indicator id (\(catalogue.all.map(\.id).joined(separator: ", "))) or a numeric column of --data"
      }
      throw error
    }
    for (i, code) in table.codes.enumerated() { if let v = column[i] { values[code] = v } }
    label = variable
  }

  /// The value as it may be shown: the control's marker (`..`) for a suppressed area.
  func shown(_ code: String, _ text: String) -> String {
    suppressed.contains(code) ? (disclosure?.marker ?? "..") : text
  }

  /// A note naming the control, when it hid something.
  var disclosureNote: String? {
    guard let d = disclosure, !suppressed.isEmpty else { return nil }
    return
      "disclosure control: the rate of \(suppressed.count) area(s) rests on fewer than \(d.minimumDenominator) people and is not shown "
      + "('\(d.marker)' in tables, cross-hatched on maps; computations still use it; --min-denominator N sets the limit, 0 turns it off): "
      + suppressed.sorted().joined(separator: ", ")
  }
}
