import Testing

@testable import KraftsamlingCore
@testable import KraftsamlingGeography
@testable import KraftsamlingIndex
import KraftsamlingKitData

@Suite struct RegionTableTests {
  @Test func sumsCountsAndMissingStaysMissing() throws {
    let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]])
    let problem = try RegionalizationProblem(graph: g, attributes: [[1, 1.2, 5, 5.1]])
    let r = try Regionalization.skater(problem, regions: 2)
    var t = AreaTable(codes: ["d", "c", "b", "a"], names: ["Dd", "Cc", "Bb", "Aa"])
    try t.addColumn("n", [1, 2, 3, 4])
    try t.addColumn("m", [10, nil, 30, 40])
    let regional = try r.aggregate(t)
    #expect(regional.codes == ["R1", "R2"])
    #expect(regional.names == ["R1: Aa + 1", "R2: Cc + 1"])
    #expect(regional.column("n") == [7, 3])
    #expect(regional.column("m") == [70, nil])
    var short = AreaTable(codes: ["a"])
    try short.addColumn("n", [1])
    #expect(throws: GeographyError.self) { try r.aggregate(short) }
  }

  /// The index runs on regions: Malmö's delområden in SKATER regions, the
  /// 2025 index on their summed counts.
  @Test func indexRunsOnRegions() throws {
    let table = MalmöData.statistik
    let graph = try MalmöData.layer.contiguity(.rook).graph
    let joined = graph.joiningComponents(centroids: MalmöData.layer.features.map { $0.geometry.polygons[0].centroid })
    let rows = joined.graph.ids.map { table.row(ofCode: $0)! }
    let people = try #require(table.column(table.columnNames[0]))
    let problem = try RegionalizationProblem(
      graph: joined.graph, attributes: [rows.map { people[$0] ?? 0 }])
    let r = try Regionalization.skater(problem, regions: 12)
    let regional = try r.aggregate(table)
    let result = try IndexDefinition.stadskontoret2025.run(on: regional)
    #expect(regional.count == 12)
    #expect(result.rows.count == 12)
    let column = table.columnNames[0]
    let total = table.column(column)!.reduce(0) { $0 + ($1 ?? 0) }
    let regionalTotal = regional.column(column)!.reduce(0) { $0 + ($1 ?? 0) }
    #expect(abs(total - regionalTotal) < 1e-9)
  }
}
