import KraftsamlingCore
import KraftsamlingFollowUp

// The report's section "Går det att se om det fungerade?" (#20): the
// evaluation design's minimum detectable effect in the sentence of the
// issue, and how much the selected kind of area improves anyway
// (placebo selections). Swedish only for now: the section is omitted from
// an English report.

extension ReportBuilder {
  /// The section, or `nil` without a UVAS panel, for an English report, a
  /// changed selection, or when the design cannot be computed.
  func evaluationSection() -> ReportSection? {
    guard L == .sv, c.selectionChange == nil, let panel = c.followUpPanel else { return nil }
    // Queen contiguity for the spillover buffer, as `kraftctl utvardering plan` uses, so the numbers agree.
    let neighbours = (try? c.layer?.contiguity(.queen))??.graph
    let request = Utvärderingsplan.Request(
      definition: c.definition, index: r.index, top: c.selectionSize, panel: panel, neighbours: neighbours,
      followUpYears: [2030, 2035], seed: c.seed, replications: 0, generator: "report", inputs: [])
    guard let plan = try? Utvärderingsplan(request), !plan.power.isEmpty else { return nil }
    var blocks: [ReportBlock] = [
      .paragraph(
        "Urvalet gjordes för att områdena låg sämst. Därför behövs redan nu ett upplägg som kan visa om UVAS "
          + "sjunker mer i de valda områdena än i liknande områden utan insatser.")
    ]
    blocks += plan.powerParagraphs().map(ReportBlock.paragraph)
    if let placebo = plan.placeboParagraph() { blocks.append(.paragraph(placebo)) }
    blocks.append(
      .bullets([
        "Gränsen säger något om upplägget, inte om insatserna: blir resultatet inte säkerställt betyder det att vi inte kunde veta, inte att insatserna inte fungerade.",
        "Jämförelsen håller bara om de valda områdena och jämförelseområdena hade utvecklats lika utan insatserna, och om insatserna inte når jämförelseområdena.",
        "Upplägget kan låsas i en utvärderingsplan med jämförelseområden och fingeravtryck för alla underlag innan pengarna börjar användas.",
      ]))
    return ReportSection(id: "utvardering", title: "Går det att se om det fungerade?", blocks: blocks)
  }
}
