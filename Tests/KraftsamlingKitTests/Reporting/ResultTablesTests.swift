import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Each result table is defined once, in the stage that owns the result,
/// and the report writes that definition.
@Suite("Result tables: one definition per table, in the owning stage")
struct ResultTablesTests {
  @Test("numbers are exact for CSV and rounded for reading; none is empty")
  func numbers() {
    #expect(ReportTable.Numbers.exact.format(0.1 + 0.2, places: 3) == "0.30000000000000004")
    #expect(ReportTable.Numbers.rounded.format(0.1 + 0.2, places: 3) == "0.300")
    #expect(ReportTable.Numbers.exact.format(2, places: 3) == "2")
    #expect(ReportTable.Numbers.exact.format(nil, places: 3) == "")
    #expect(ReportTable.Numbers.rounded.format(nil, places: 3) == "")
  }

  @Test("the index table: documented columns, the marker for a hidden rate, its flag, --top with ties")
  func indexTable() throws {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let control = DisclosureControl()
    let t = result.table(disclosure: control, numbers: .exact)
    var columns = ["code", "name", "score", "rank", "decile", "flags"]
    for id in result.indicatorIDs { columns += [id, id + ".contribution"] }
    #expect(t.columns == columns)
    #expect(t.rows.count == result.rows.count)
    // A rate over fewer than 10 people is the marker, and the area carries the flag.
    let hidden = try #require(t.rows.first { $0.contains("..") })
    #expect(hidden[5].contains("suppressed:"))
    // The same table whether or not the result was marked first.
    #expect(result.disclosed(by: control).table(disclosure: control, numbers: .exact) == t)
    // Rounded: 3 decimals.
    let rounded = result.table(disclosure: control, numbers: .rounded, top: 12)
    #expect(rounded.rows.count == result.top(12).count)
    #expect(rounded.rows[0][2] == DecimalFormatting.fixed(result.top(1)[0].score!, places: 3))
  }

  @Test("the report's tables are the stages' definitions")
  func reportWritesTheStageTables() throws {
    var c = try PipelineFollowUpReportTests.configuration()
    c.layer = MalmöData.layer
    c.permutations = 99
    c.robustnessReplications = 20
    c.insatser = SampleInsatser.insatser
    c.budget = Belopp(kronor: 6_000_000)
    let r = try KraftsamlingPipeline.run(c)
    let tables = Dictionary(uniqueKeysWithValues: try r.artifacts().tables.map { ($0.fileName, $0.table) })
    #expect(tables.count == 13)
    let disclosure = c.disclosure
    let audit = try IndexAudit(c.definition, on: c.statistics, hierarchy: c.hierarchy)
    #expect(tables["tabeller/granskning-korrelation.csv"] == audit.correlationTable(numbers: .exact))
    #expect(tables["tabeller/granskning-alfa.csv"] == audit.reliabilityTable(numbers: .exact))
    #expect(tables["tabeller/granskning-pca.csv"] == audit.componentTable(numbers: .exact))
    #expect(tables["tabeller/granskning-vikter.csv"] == audit.importanceTable(numbers: .exact))
    #expect(tables["tabeller/index.csv"] == r.index.table(disclosure: disclosure, numbers: .exact))
    #expect(tables["tabeller/index-topp.csv"] == r.index.table(disclosure: disclosure, numbers: .exact, top: 20))
    #expect(tables["tabeller/robusthet.csv"] == r.robustness?.table(numbers: .exact))
    #expect(tables["tabeller/kluster.csv"] == r.clusters?.table())
    let names = Dictionary(uniqueKeysWithValues: r.index.rows.map { ($0.code, $0.name) })
    #expect(tables["tabeller/lisa.csv"] == r.hotSpots?.table(names: names, numbers: .exact))
    #expect(tables["tabeller/stodberattigande.csv"] == EligibilityVerdict.table(r.verdicts, insatser: c.insatser))
    let f = try #require(r.fördelning)
    #expect(tables["tabeller/fordelning.csv"] == f.itemTable(explained: true))
    #expect(tables["tabeller/fordelning-forvaltning.csv"] == f.totalsTable(catalogue: .malmö))
    let indicators = c.definition.indicators.map(\.indicator)
    #expect(tables["tabeller/indikatorer.csv"] == c.statistics.indicatorTable(indicators, numbers: .exact))
    // Amounts are whole kronor and add up to what was distributed.
    let total = f.totalsTable(catalogue: .malmö).rows.reduce(Int64(0)) { $0 + Int64($1[2])! }
    #expect(total == f.distributed.kronor)
    #expect(f.itemTable(explained: false).rows.reduce(Int64(0)) { $0 + Int64($1[3])! } == f.distributed.kronor)
  }

  @Test("indicator totals: Σ numerator / Σ denominator over areas with a positive denominator")
  func indicatorTotals() throws {
    let (table, _) = try AreaTable.read(
      CSVReader.parse("kod,barn_0_18,trangbodda_0_18\nA,10,5\nB,0,0\nC,30,5\nD,,1\n", source: "t.csv"))
    let indicator = try #require(IndicatorCatalogue.stadskontoret2025.indicator(id: "trangbodda_0_18"))
    let totals = table.totals(of: [indicator])
    #expect(totals.count == 1)
    #expect(totals[0].areas == 2)
    #expect(totals[0].rate == 10.0 / 40.0)
    let t = table.indicatorTable([indicator], numbers: .exact)
    #expect(t.csv() == "indicator,name,numerator,denominator,rate,areas\ntrangbodda_0_18,\(indicator.name),trangbodda_0_18,barn_0_18,0.25,2\n")
  }
}
