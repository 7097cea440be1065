// LoadMalmoData — a first look at KraftsamlingKit's bundled data.
//
// Run it with:   swift run LoadMalmoData
//
// It loads Malmö's 136 delområden (real geometry from Malmö stad) and the
// illustrative statistics, checks them, and shows name lookup with a
// suggestion for a misspelt name.

import KraftsamlingKit
import KraftsamlingKitData

// 1. The areas: delområden grouped into 14 GeSO.
let delområden = MalmöData.delområden
let gesoCount = Set(delområden.map(\.geso.code)).count
print("\(delområden.count) delområden in \(gesoCount) GeSO")

// 2. The statistics (illustrative!) and the indicators of STK-2024-1374.
let table = MalmöData.statistik
let catalogue = IndicatorCatalogue.stadskontoret2025
print("statistics: \(table.count) areas × \(table.columnNames.count) columns — \(MalmöData.illustrativeLabelEnglish)")
print("indicators: \(catalogue.all.map(\.id).joined(separator: ", "))")

// 3. The data check finds every problem, once; the bundled data has only
//    warnings (areas with no children, so some shares are undefined). It is
//    the check `kraftctl validate`, `demo` and `report` count with.
let check = StatisticsCheck(table: table, geometry: MalmöData.layer)
print("validation: \(check.diagnostics.errors.count) errors, \(check.diagnostics.warnings.count) warnings")

// 4. A share computed by hand from the counts: ekonomiskt bistånd in Holma.
let holma = try MalmöData.hierarchy.resolve("holma", level: .delområde)
if let row = table.row(ofCode: holma.code),
  let n = table.value("ekonomiskt_bistand_20_64", row: row),
  let d = table.value("befolkning_20_64", row: row)
{
  print("\(holma.name): \(Int(n)) of \(Int(d)) aged 20–64 receive ekonomiskt bistånd")
}

// 5. Name lookup forgives case and suggests the nearest name for a typo —
//    the 2025 proposal itself writes "Herrmodsdal".
do {
  _ = try MalmöData.hierarchy.resolve("Herrmodsdal", level: .delområde)
} catch {
  print(error.diagnostics[0].locatedMessage)
}
