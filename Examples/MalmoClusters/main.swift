// MalmoClusters — the five initial clusters of STK-2024-1374, reproduced.
//
// The 2025 proposal for kraftsamlande insatser named twelve delområden and
// grouped neighbouring ones by hand into five clusters. This program does it
// reproducibly with KraftsamlingKit's geography stage:
//
//   1. load Malmö's delområde polygons (bundled, real geometry: Malmö stad);
//   2. resolve the twelve names as the proposal writes them — including its
//      misspelling "Herrmodsdal", which gets a "did you mean …?" answer;
//   3. compute rook contiguity (a shared border of positive length) and find
//      the connected clusters of the selection;
//   4. do the same under queen contiguity (a shared point is enough) and see
//      two clusters merge, because Augustenborg and Persborg touch at a point;
//   5. cluster the index's own top 12 instead of the published list.
//
// Run it with: swift run MalmoClusters

import KraftsamlingKit
import KraftsamlingKitData

// 1. The geometry: 136 polygons in WGS84, area codes in the property `do_kod`.
let layer = MalmöData.layer
print("Malmö: \(layer.features.count) delområden (\(MalmöData.geometryCredit))")

// 2. The selection. The library records it once, as the area layer spells
//    the names: PublishedSelection.stk2024_1374 (five clusters, names and
//    codes). The proposal itself writes "Herrmodsdal"; type it as written.
let published = PublishedSelection.stk2024_1374
let asWritten = published.delområden.map { $0 == "Hermodsdal" ? "Herrmodsdal" : $0 }
// A resolver knows every name and code of the layer, case-insensitively.
let resolver = layer.nameResolver()
var names = asWritten
do {
  _ = try AreaSelection.list(names, resolver: resolver, source: "proposal")
} catch {
  // Every unknown name is reported at once, with the nearest known names.
  for d in error.diagnostics { print("  \(d.locatedMessage)") }
  // Correct the spelling as the suggestion says.
  names = names.map { $0 == "Herrmodsdal" ? "Hermodsdal" : $0 }
  print("  → corrected to 'Hermodsdal'")
}
// An explicit list numbers clusters by first appearance: the published order.
let selection = try AreaSelection.list(names, resolver: resolver, source: "proposal")

// 3. Rook contiguity, computed from the polygons exactly as libpysal's
//    Rook.from_dataframe does (shared edges, exact vertex coordinates).
let rook = try layer.contiguity(.rook)
print("\nRook contiguity: \(rook.graph.linkCount / 2) neighbour pairs, \(rook.islands.count) islands")
let clusters = try SelectionClusters(selection, contiguity: rook, names: layer.displayNames)
for c in clusters.clusters {
  print("  (\(c.number)) " + c.members.map { $0.name ?? $0.code }.joined(separator: ", "))
}
// The computed clusters are exactly the published ones, codes and numbering included.
let same = clusters.clusters.map(\.codes) == published.clusters.map(\.codes)
print("  The same as \(published.id)'s five clusters: \(same ? "yes" : "no")")
// Every member can explain its place.
if let why = clusters.explanation(of: "48209") { print("  " + why) }

// 4. Queen contiguity: a single shared point is enough.
let queen = try layer.clusters(of: selection, rule: .queen)
print("\nQueen contiguity: \(queen.clusters.count) clusters")
for c in queen.clusters {
  print("  (\(c.number)) " + c.members.map { $0.name ?? $0.code }.joined(separator: ", "))
}
let augustenborg = try resolver.resolve("Augustenborg"), persborg = try resolver.resolve("Persborg")
let touchAtAPoint =
  queen.clusterNumber(of: augustenborg) == queen.clusterNumber(of: persborg)
  && clusters.clusterNumber(of: augustenborg) != clusters.clusterNumber(of: persborg)
print("  Augustenborg and Persborg touch only at a point: \(touchAtAPoint ? "yes" : "no") — clusters (1) and (3) merge")

// 5. The same question from the index: which delområden would the
//    utsatthetsindex pick, and how do they cluster? `AreaSelection.top(_:of:)`
//    takes every area ranked 12 or better (tied areas share a rank and are all
//    in), and clusters are numbered by their best-ranked member.
//    (The bundled statistics are illustrative, so this is a demonstration.)
let index = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
let top = try AreaSelection.top(12, of: index)
let topClusters = try layer.clusters(of: top)
print("\nThe index's top 12 (\(index.definition.id), illustrative data): \(topClusters.clusters.count) rook clusters")
for c in topClusters.clusters {
  print("  (\(c.number)) " + c.members.map { "\($0.name ?? $0.code) [\($0.selection.rank)]" }.joined(separator: ", "))
}
let publishedCodes = Set(published.clusters.flatMap(\.codes))
print("  In both the top 12 and \(published.id): \(top.codes.filter(publishedCodes.contains).count) of 12")
