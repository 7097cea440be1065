extension AreaMap {
  /// English for the Swedish words the map factories put into legends and
  /// tooltips (category labels, "poäng", "rang … av …").
  static let englishWords: [(swedish: String, english: String)] = [
    ("Högt bland höga (HH)", "High among high (HH)"), ("Lågt bland höga (LH)", "Low among high (LH)"),
    ("Lågt bland låga (LL)", "Low among low (LL)"), ("Högt bland låga (HL)", "High among low (HL)"),
    ("Het punkt (höga värden)", "Hot spot (high values)"), ("Kall punkt (låga värden)", "Cold spot (low values)"),
    ("Inte signifikant", "Not significant"), ("(inga grannar med värde)", "(no neighbours with a value)"),
    ("poäng ", "score "), ("; rang ", "; rank "), (" av ", " of "), ("inte rangordnat", "not ranked"),
  ]

  /// The map's legend and tooltips in English, for a report in English:
  /// the factories' Swedish words replaced and decimal commas made points.
  mutating func translateToEnglish() {
    func translated(_ text: String) -> String {
      Self.decimalPoints(Self.englishWords.reduce(text) { $0.replacing($1.swedish, with: $1.english) })
    }
    legend = legend.map { LegendEntry(colour: $0.colour, label: translated($0.label)) }
    tooltips = tooltips.mapValues(translated)
    if numberedLabelsTitle == "Numrerade områden" { numberedLabelsTitle = "Numbered areas" }
  }

  /// `text` with every comma between two digits made a point ("−0,70" → "−0.70").
  package static func decimalPoints(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    for (i, c) in chars.enumerated() {
      let between = i > 0 && i + 1 < chars.count && chars[i - 1].isNumber && chars[i + 1].isNumber
      out.append(c == "," && between ? "." : c)
    }
    return out
  }
}
