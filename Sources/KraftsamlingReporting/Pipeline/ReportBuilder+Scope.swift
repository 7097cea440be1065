import KraftsamlingCore
import KraftsamlingIndex

/// The texts of the report that follow what the data and the configuration
/// hold: the title, the municipality's column, how many areas the selection
/// has.
extension ReportBuilder {
  /// The configured title, or "Kraftsamlande insatser i <municipality>".
  static func title(of c: PipelineConfiguration) -> String {
    c.title
      ?? c.language.pick(
        "Kraftsamlande insatser i \(c.municipality)", "Concentrated interventions in \(c.municipality)")
  }

  /// The heading of the city-wide column: the municipality, capitalised
  /// ("Malmö", "Kommunen").
  var municipalityColumn: String {
    c.municipality.prefix(1).uppercased() + c.municipality.dropFirst()
  }

  /// Whether fewer areas are ranked than the selection size, so that the
  /// selection is every ranked area.
  var selectsEveryRankedArea: Bool { r.index.rankedCount < c.selectionSize }

  /// What the summary calls the selection: "Urval (de 12 högst rankade): ",
  /// or "Urval (de 9 rangordnade områdena): " when only 9 areas are ranked.
  var selectionHeading: String {
    let ranked = r.index.rankedCount
    guard selectsEveryRankedArea else {
      return L.pick("Urval (de \(c.selectionSize) högst rankade): ", "Selection (the \(c.selectionSize) highest ranked): ")
    }
    switch ranked {
    case 0: return L.pick("Urval (inget område kunde rangordnas): ", "Selection (no area could be ranked): ")
    case 1: return L.pick("Urval (det enda rangordnade området): ", "Selection (the only ranked area): ")
    default: return L.pick("Urval (de \(ranked) rangordnade områdena): ", "Selection (the \(ranked) ranked areas): ")
    }
  }

  /// The index section's sentence on the selection.
  var selectionSentence: String {
    let ranked = r.index.rankedCount
    guard selectsEveryRankedArea else {
      return L.pick(
        "Urvalet är de \(c.selectionSize) högst rankade områdena.",
        "The selection is the \(c.selectionSize) highest-ranked areas.")
    }
    return L.pick(
      "Bara \(ranked) områden kunde rangordnas, färre än \(c.selectionSize): urvalet är alla rangordnade områden.",
      "Only \(ranked) areas could be ranked, fewer than \(c.selectionSize): the selection is every ranked area.")
  }
}
