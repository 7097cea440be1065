// CustomIndex — define your own composite index in code, run it, explain it
// and compare it with Stadskontoret's default.
//
// Run it with:   swift run CustomIndex
//
// The 2023 remissvar asked for an index that can be redefined: other
// indicators (here UVAS, the programme's own yardstick), dimensions with
// their own weights, other normalisations — and for every choice to be
// visible. This program builds such an index step by step on the bundled
// (ILLUSTRATIVE, not official) Malmö statistics.

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

let table = MalmöData.statistik
print("Data: \(MalmöData.illustrativeLabelEnglish)\n")

// 1. The indicators. The four of STK-2024-1374 come with the library; we add
//    UVAS (young people 16–29 neither working nor studying) as a fifth, read
//    from two count columns of the table. Each indicator names a dimension.
var indicators = IndexDefinition.stadskontoret2025.indicators
indicators.append(
  IndexDefinition.WeightedIndicator(
    id: "uvas_16_29", name: "Unga 16–29 som varken arbetar eller studerar",
    numerator: "uvas_16_29", denominator: "unga_16_29", direction: .higherIsWorse, dimension: "arbete"))

// 2. The tree: indicator → dimension → index. Economics counts double.
let dimensions = [
  IndexDefinition.Dimension(id: "utbildning", name: "Utbildning", weight: 1),
  IndexDefinition.Dimension(id: "boende", name: "Boende", weight: 1),
  IndexDefinition.Dimension(id: "ekonomi", name: "Ekonomi", weight: 2),
  IndexDefinition.Dimension(id: "arbete", name: "Arbete", weight: 1),
]

// 3. Every step of the pipeline is a parameter. Here: the IMD exponential
//    rank transform (it limits how much a good value can make up for a bad
//    one), a geometric mean inside each dimension (the transform is always
//    > 0, as the geometric mean needs), an arithmetic mean of dimensions,
//    at least 4 of 5 indicators, and rates over fewer than 20 people
//    treated as missing.
let mine = IndexDefinition(
  id: "utsatthet-med-uvas", version: "0.1", title: "Utsatthet med UVAS (exempel)",
  summary: "STK-2024-1374's four indicators plus UVAS, in four dimensions.",
  indicators: indicators, dimensions: dimensions,
  normalization: .imdExponential, aggregation: .geometric, dimensionAggregation: .arithmetic,
  missingData: MissingDataPolicy(.reweight, minimumAvailability: 0.8),
  smallNumbers: SmallNumberPolicy(minDenominator: 20))

// 4. Run it. Validation happens first and reports every problem at once
//    (try misspelling a column name to see the "did you mean" hint).
let result = try mine.run(on: table, hierarchy: MalmöData.hierarchy)
print("\(result.definition.label): \(result.ranked.count) areas ranked, \(result.excluded.count) not ranked")

// 5. The top ten, with each dimension's score beside the composite.
func fixed(_ x: Double?, _ places: Int = 1) -> String {
  x.map { fixed($0, places: places) } ?? ".."
}
var top = ReportTable(
  columns: ["rank", "area", "score"] + dimensions.map(\.name), alignments: [.right, .left] + dimensions.map { _ in .right } + [.right])
for row in result.ranked.prefix(10) {
  let dims = (0..<dimensions.count).map { fixed(result.dimensionScore($0, row: row.row)) }
  top.append(["\(row.rank!)", row.name, fixed(row.score)] + dims)
}
print()
print(top.text(), terminator: "")

// 6. Why is an area where it is? Rates, normalised values, flags.
let holma = result.area(code: try MalmöData.hierarchy.resolve("Holma", level: .delområde).code)!
print("\n\(holma.name): rank \(holma.rank!), decile \(holma.decile!)")
for cell in holma.indicators {
  let rate = cell.rate.map { fixed(($0) * 100, places: 1) + " %" } ?? ".."
  print("  \(cell.id): \(rate) → \(fixed(cell.normalized)) \(cell.flags.tokens.joined(separator: ","))")
}
if let excluded = result.excluded.first {
  print("Not ranked, e.g. \(excluded.name): \(excluded.exclusion!)")
}

// 7. Compare with the default index: who enters and leaves the top 13?
let standard = try IndexDefinition.stadskontoret2025.run(on: table)
let comparison = try IndexComparison(base: standard, other: result, top: 13)
print("\nTop 13 vs \(standard.definition.label):")
print("  entering: \(comparison.entering.map(\.name).joined(separator: ", "))")
print("  leaving:  \(comparison.leaving.map(\.name).joined(separator: ", "))")
print("  Spearman ρ = \(fixed(comparison.spearman, 3)), mean |rank shift| = \(fixed(comparison.meanAbsoluteShift))")

// 8. A normalisation of your own: conform to `Normalization`. This one
//    expresses each value as a ratio to the median area (×100).
struct RatioToMedian: Normalization {
  var specification: StrategySpecification { StrategySpecification("ratio-to-median") }
  func normalize(_ values: inout [Double], context: NormalizationContext) {
    let median = values.sorted()[values.count / 2]
    guard median != 0 else { return }
    // Oriented values of a higher-is-better indicator are negative: divide
    // by |median| to keep "higher = worse".
    for i in values.indices { values[i] = 100 * values[i] / abs(median) }
  }
}
let custom = try mine.with(normalization: RatioToMedian()).with(aggregation: .arithmetic).run(on: table)
print("\nWith a ratio-to-median normalisation, rank 1 is \(custom.ranked[0].name)")

// 9. Scores of the 14 GeSO: the population-weighted mean of their
//    delområden's scores (never a mean of ranks).
let geso = result.aggregated(to: .geso, hierarchy: MalmöData.hierarchy, population: table.column("befolkning")!)
print("\nMost vulnerable GeSO: \(geso.rows[0].name) (\(geso.rows[0].rankedAreas) delområden)")

// 10. Save the definition as JSON for version control; load it again.
let json = mine.jsonText
let again = try IndexDefinition(json: json)
print("\nThe definition is \(json.split(separator: "\n").count) lines of JSON; round trip equal: \(again == mine)")

// 11. Robustness analyses re-run the index thousands of times with one
//     choice changed. Prepare once, normalise once, then re-score cheaply.
let normalized = try mine.prepare(table, hierarchy: MalmöData.hierarchy).normalized()
var timesInTop13 = [Int](repeating: 0, count: table.count)
var generator = SeededGenerator(seed: 2025)
for _ in 0..<200 {
  let weights = indicators.map { _ in 0.5 + generator.uniform() }  // each weight 0.5–1.5
  let ranks = IndexRanking.ranks(of: normalized.scores(weights: weights))
  for (i, r) in ranks.enumerated() where r > 0 && r <= 13 { timesInTop13[i] += 1 }
}
let robust = timesInTop13.indices.filter { timesInTop13[$0] == 200 }.map { table.displayName(row: $0) }
print("In the top 13 under all 200 random weightings: \(robust.joined(separator: ", "))")
