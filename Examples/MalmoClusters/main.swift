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
//      two clusters merge, because Augustenborg and Persborg touch at a point.
//
// Run it with: swift run MalmoClusters

import KraftsamlingKit
import KraftsamlingKitData

// 1. The geometry: 136 polygons in WGS84, area codes in the property `do_kod`.
let layer = MalmöData.layer
print("Malmö: \(layer.features.count) delområden (\(MalmöData.geometryCredit))")

// 2. The selection, as written in the proposal.
let asWritten = [
  "Augustenborg", "Heleneholm", "Södra Sofielund",
  "Gullviksborg", "Herrmodsdal",
  "Herrgården", "Kryddgården", "Persborg", "Törnrosen", "Örtagården",
  "Holma",
  "Katrinelund",
]
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
