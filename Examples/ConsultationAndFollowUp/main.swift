// ConsultationAndFollowUp — the consultation record and the UVAS follow-up.
//
// Two parts of the programme that otherwise live in Word documents and
// spreadsheets:
//
//   1. Remissvar. The 2023 consultation (15 answers to STK-2023-137) is
//      bundled in KraftsamlingKit's JSON format. We summarise it — who
//      proposes which coordinator, which indicators are asked for — and
//      start recording the answers to the 2025 remiss.
//   2. Uppföljning. UVAS (young people neither working nor studying) is the
//      programme's yardstick, followed up in 2030 and 2035. The proposal
//      sets no target value, so we set our own, and compare the selected
//      delområden with the rest of the city.
//
// Run it with:  swift run ConsultationAndFollowUp

import KraftsamlingKit
import KraftsamlingKitData

/// `x` rounded to `places` decimals, with a decimal point (what the
/// library writes in CSV and JSON).
func fixed(_ x: Double, places: Int) -> String {
  guard x.isFinite else { return "NaN" }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let n = Int((abs(x) * scale).rounded(.toNearestOrAwayFromZero))
  var digits = String(n)
  while digits.count <= places { digits = "0" + digits }
  let cut = digits.index(digits.endIndex, offsetBy: -places)
  let text = places > 0 ? digits[..<cut] + "." + digits[cut...] : digits
  return (x < 0 && n > 0 ? "-" : "") + text
}

// MARK: - 1. The 2023 consultation

// A consultation round is a `Remissomgång`: the remiss (diarienummer,
// questions, recipients, deadline) and the answers (`Remissvar`), each with
// line references into the source document.
let round2023 = MalmöData.remissvar2023
print("Remiss \(round2023.remiss.diarienummer): \(round2023.answers.count) answers")
for q in round2023.remiss.questions {
  print("  \(q.number). \(q.label())")
}

// A `Sammanställning` counts respondents (not mentions) per question and
// position, per proposed coordinator (alone or jointly), per indicator theme.
// The actor catalogue names the respondents: Malmö's is `AktörKatalog.malmö`
// (KraftsamlingKitData); another municipality builds its own.
let summary = Sammanställning(round2023, catalogue: .malmö)
print()
print(summary.headline())

// Who proposes MKB, and how? "Alone" means MKB is the proposal's only party.
if let mkb = summary.coordinators.row(for: "MKB") {
  print("MKB named by \(mkb.anyRole.count): alone by \(mkb.alone.joined(separator: ", ")),",
        "jointly by \(mkb.jointly.joined(separator: ", ")); rejected as sole coordinator by \(mkb.rejectedBy.joined(separator: ", "))")
}
print("Name no actor: \(summary.coordinators.namesNoActor.joined(separator: ", "))")

// The indicator-demand matrix: which respondents ask for which theme.
print()
print("Most asked-for indicator themes:")
for row in summary.indicatorDemand.rows.prefix(5) {
  print("  \(row.theme): \(row.respondents.count) (\(row.respondents.joined(separator: ", ")))")
}

// Every fact keeps its source: here, where P-Malmö proposes MKB with FGK.
if let p = round2023.answer(from: "P-MALMO"), let joint = p.coordinatorProposals.first(where: \.isJoint) {
  print()
  print("P-Malmö: \"\(joint.text)\" – see \(joint.sources.map(\.description).joined(separator: ", "))")
}

// MARK: - Recording the 2025 answers

// The 2025 remiss (STK-2024-1374) is bundled with its four questions and 13
// recipients. Record an answer as it arrives (this one is made up for the
// example) and the summary lists who is still missing.
var round2025 = MalmöData.remiss2025
var answer = Remissvar(respondent: "GRN", stance: .positiv, date: CalendarDate(2025, 6, 10))
answer.answers = [
  Frågesvar(question: 2, summary: "Ja, en befintlig styrgrupp kan användas.", positions: ["befintlig styrgrupp"])
]
round2025.answers.append(answer)
let problems = round2025.diagnostics(against: .malmö)
print()
print("2025: \(problems.errors.count) errors; " + Sammanställning(round2025, catalogue: .malmö).headline())
print("Still to answer: \(round2025.nonRespondents.joined(separator: ", "))")

// The Markdown report a nämndsekreterare attaches to the ärende
// (`markdown(language: .en)` for English):
let report = Sammanställning(round2025, catalogue: .malmö).markdown(question: 2)
print(report.split(separator: "\n")[0])

// MARK: - 2. The UVAS follow-up

// The bundled series is ILLUSTRATIVE (synthetic counts per delområde,
// 2019–2023). Real figures: Malmö about 9.5 % and Sweden about 6.8 % in 2023.
let file = MalmöData.uvasSeriesCSV
let panel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel

// The twelve delområden and five clusters of the published initial selection.
let groups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)

// Malmö's follow-up options carry the published 2023 values of the proposal
// (`Uppföljning.Options(cityName:)` starts another city with none).
// Targets are ours to set: here 8.5 % in 2030 and 7.5 % in 2035.
var options = Uppföljning.Options.malmö
options.targets = [try Målvärde(parsing: "2030:8,5"), try Målvärde(parsing: "2035:7,5")]
options.dataLabel = MalmöData.illustrativeLabel
let followUp = try Uppföljning(panel: panel, groups: groups, options: options)

print()
for t in followUp.targets {
  // The required yearly change is linear in percentage points.
  let pp = fixed((t.requiredYearlyChange ?? 0) * 100, places: 2)
  print("Target \(t.target): \(pp) percentage points a year from \(t.latestYear);",
        "the \(t.target.year) value is expected \(t.expectedAvailability.lowerBound) – \(t.expectedAvailability.upperBound)")
}

// Difference in change, selection vs the rest of the city — descriptive only.
if let c = followUp.comparison(for: "STK-2024-1374"), let d = c.differenceInChange, let i = c.interval95 {
  print("\(c.group.name) \(c.fromYear)–\(c.toYear): difference in change",
        fixed(d * 100, places: 1), "pp, 95 % interval",
        fixed(i.lowerBound * 100, places: 1), "to", fixed(i.upperBound * 100, places: 1))
}
print("Caveat: \(Uppföljning.comparisonCaveats(.en)[2])")

// One paragraph for a dashboard, and a chart to save as SVG.
print()
print(followUp.status())
let svg = followUp.chart().svg()
print("Chart: \(svg.utf8.count) bytes of SVG")
