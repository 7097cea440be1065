// HotSpots — where do the most vulnerable delområden cluster, beyond chance?
//
// The 2025 proposal grouped high-scoring neighbouring areas by eye. Spatial
// statistics ask the sharper question: is a high score surrounded by high
// scores more often than a random arrangement of the same scores would give?
// This program answers it for the utsatthetsindex on Malmö's delområden:
//
//   1. compute the index (stadskontoret-2025) on the bundled statistics;
//   2. compute rook contiguity from the real delområde polygons;
//   3. run a hot-spot analysis of the index score: global Moran's I (is the
//      whole map autocorrelated?) and Local Moran's I per area (LISA) with
//      999 conditional permutations from a fixed seed;
//   4. print the HH areas — high scores among high scores — and compare them
//      with the index's top 12;
//   5. write the LISA cluster map as SVG (only when given a file name).
//
// The statistics are illustrative, not official. Run it with:
//   swift run HotSpots               (prints the analysis)
//   swift run HotSpots lisa.svg      (also writes the map)

import KraftsamlingKit
import KraftsamlingKitData

#if canImport(FoundationEssentials)
  import FoundationEssentials  // only to write the SVG file
#else
  import Foundation
#endif

// 1. The index: z-scores of STK-2024-1374's four indicators, equal weights,
//    arithmetic mean. Rank 1 is the most vulnerable area.
let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
print("\(result.definition.title): \(result.ranked.count) delområden ranked, \(result.excluded.count) not ranked")

// 2. Neighbours: rook contiguity (a shared border of positive length).
let layer = MalmöData.layer
let rook = try layer.contiguity(.rook)

// 3. The analysis. The seed makes it reproducible: the same seed gives the
//    same p-values on any machine and with any number of threads. Areas the
//    index did not rank (too few residents) are left out of the weights.
let inference = PermutationInference(permutations: 999, seed: 12_345)
let hot = try HotSpotAnalysis(result, contiguity: rook, inference: inference, alpha: 0.05)
let names = layer.displayNames

let global = hot.global
print("\nGlobal Moran's I = \(rounded(global.statistic)) (expected under no autocorrelation: \(rounded(global.expected)))")
print("  pseudo p = \(global.pValue.map { "\($0)" } ?? "–") from \(global.permutations) permutations: "
  + ((global.pValue ?? 1) < 0.05 ? "high scores sit next to high scores more than chance would give" : "no clear pattern"))
print("  \(hot.untested.count) areas left out (not ranked by the index), \(hot.local.areas.count) tested")

// 4. Local Moran's I: each area's quadrant (is it high or low, are its
//    neighbours high or low?) and whether that is significant (p < 0.05).
print("\nLISA labels: " + hot.labelCounts.map { "\($0.label) \($0.count)" }.joined(separator: ", "))
let hh = hot.areas(labelled: .highHigh).sorted { $0.value > $1.value }
print("HH — high scores among high scores (\(hh.count) areas):")
for a in hh {
  let rank = result.area(code: a.id)?.rank.map(String.init) ?? "–"
  print("  \(names[a.id] ?? a.id) (\(a.id)): score \(rounded(a.value)), rank \(rank), Iᵢ = \(rounded(a.statistic)), p = \(a.pValue ?? 1)")
}

// The index's top 12 and the HH areas answer different questions: a
// top-ranked area alone among better-off neighbours is HL (a high outlier),
// not HH. Both views belong in the decision.
let top = try AreaSelection.top(12, of: result)
let hhCodes = Set(hh.map(\.id))
let inBoth = top.codes.filter(hhCodes.contains).map { names[$0] ?? $0 }
print("\nOf the index's top 12, \(inBoth.count) are HH: \(inBoth.joined(separator: ", "))")
let outliers = hot.areas(labelled: .highLow).map { names[$0.id] ?? $0.id }
if !outliers.isEmpty { print("HL (high among low): \(outliers.joined(separator: ", "))") }

// 5. The LISA cluster map, with the top 12 labelled and their clusters
//    outlined. Written only when a file name is given.
if CommandLine.arguments.count > 1 {
  var map = try AreaMap.hotSpots(hot, layer: layer, title: "LISA-kluster: \(result.definition.title)",
                                 credits: AreaMap.credits(geometry: "Malmö stad", illustrative: true))
  let clusters = try layer.clusters(of: top)
  map.labels = top.codes
  map.outlines = clusters.clusters.map(\.codes)
  let path = CommandLine.arguments[1]
  try Data(map.svg().utf8).write(to: URL(fileURLWithPath: path))
  print("\nWrote \(path)")
}
print("\nIllustrative data – not official statistics.")

/// A number rounded to three decimals, for printing.
func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
