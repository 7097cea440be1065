import KraftsamlingKit
import KraftsamlingKitData

/// The problem `kraftctl regions` solves: the areas with every value, their
/// contiguity (islands attached or not), attributes and floor.
struct RegionsInput {
  var problem: RegionalizationProblem

  /// The layer rows to regionalise: all, or with `--from-selection` the
  /// selected areas and their neighbours.
  static func areas(_ args: ParsedArguments, layer: AreaLayer, statistics: Inputs.Statistics, _ io: inout Output)
    throws -> [Int]
  {
    guard args[RegionsCommand.fromSelection] else { return Array(layer.features.indices) }
    var scores: AreaScores?
    let selection: AreaSelection
    if let s = try GeographySupport.selection(args, layer: layer, scores: {
      let s = try GeographySupport.scores(args, variable: nil, &io)
      scores = s
      return s
    }) {
      selection = s
    } else {
      let s = try GeographySupport.scores(args, variable: nil, &io)
      scores = s
      io.note("no selection given: the \(ClustersCommand.defaultTop) best-ranked areas by \(s.label)")
      selection = try s.index.map { try AreaSelection.top(ClustersCommand.defaultTop, of: $0) }
        ?? AreaSelection.top(ClustersCommand.defaultTop, of: s.values)
    }
    if let warning = GeographySupport.tieWarning(selection, k: args[GeographySupport.top]) { io.warn(warning) }
    _ = scores
    let graph = try GeographySupport.contiguity(layer, args).graph
    var chosen = Set<Int>()
    for code in selection.codes {
      guard let i = graph.index(of: code) else { continue }
      chosen.insert(i)
      chosen.formUnion(graph.neighbours(of: i))
    }
    io.note("\(selection.members.count) selected areas and their neighbours: \(chosen.count) areas to regionalise")
    return chosen.sorted()
  }

  init(_ args: ParsedArguments, layer: AreaLayer, areas: [Int], statistics: Inputs.Statistics, _ io: inout Output)
    throws
  {
    let names = args[RegionsCommand.attributes] ?? IndexDefinition.stadskontoret2025.indicators.map(\.indicator.id)
    let columns = try names.map { name in
      try AreaScores(
        variable: name, option: RegionsCommand.attributes.name, statistics: statistics, disclosure: .init(minimumCount: 0, minimumDenominator: 0)
      ).values
    }
    let floorValues = try Self.floorColumn(args, statistics.table)
    var kept: [Int] = [], missing: [String] = []
    for i in areas {
      let code = layer.features[i].id
      let complete = columns.allSatisfy { $0[code] != nil } && (floorValues.map { $0[code] != nil } ?? true)
      if complete { kept.append(i) } else { missing.append(code) }
    }
    if !missing.isEmpty {
      io.warn("\(missing.count) area(s) lack an attribute or floor value and are left out: \(missing.prefix(10).joined(separator: ", "))\(missing.count > 10 ? ", …" : "")")
    }
    let graph = try Self.graph(args, layer: layer, rows: kept, &io)
    let codes = graph.ids
    let floor: RegionalizationProblem.Floor? = args[RegionsCommand.floor].map { minimum in
      .init(values: codes.map { floorValues?[$0] ?? 1 }, minimum: minimum)
    }
    problem = try RegionalizationProblem(
      graph: graph, attributes: columns.map { c in codes.map { c[$0]! } }, floor: floor)
  }

  /// The values of `--floor-column` by code, or `nil` without one.
  static func floorColumn(_ args: ParsedArguments, _ table: AreaTable) throws -> [String: Double]? {
    guard let name = args[RegionsCommand.floorColumn] else { return nil }
    guard let column = table.column(name) else {
      let hint = NameResolver(entries: table.columnNames.map { ($0, $0) }, noun: "column").suggestions(for: name).first
      throw UsageError(
        "--floor-column: the data has no column '\(name)'", hint: hint.map { "did you mean \($0)?" })
    }
    var out: [String: Double] = [:]
    for (i, code) in table.codes.enumerated() { if let v = column[i] { out[code] = v } }
    return out
  }

  /// The contiguity among `rows`, with separate parts linked to the largest
  /// unless `--islands leave`.
  static func graph(_ args: ParsedArguments, layer: AreaLayer, rows: [Int], _ io: inout Output) throws
    -> NeighbourGraph
  {
    let full = try GeographySupport.contiguity(layer, args).graph
    var position: [Int: Int] = [:]
    for (k, i) in rows.enumerated() { position[i] = k }
    let lists = rows.map { i in full.neighbours(of: i).compactMap { position[$0] } }
    let graph = try NeighbourGraph(ids: rows.map { layer.features[$0].id }, neighbours: lists)
    let parts = graph.components().count
    guard parts > 1 else { return graph }
    guard args[RegionsCommand.islands] ?? true else {
      io.warn("the areas form \(parts) separate parts (islands); left alone (--islands leave)")
      return graph
    }
    let centroids = rows.map { layer.features[$0].geometry.polygons.first?.centroid ?? Coordinate(x: 0, y: 0) }
    let joined = graph.joiningComponents(centroids: centroids)
    let links = joined.links.map { "\($0.0)–\($0.1)" }.joined(separator: ", ")
    io.warn("the areas form \(parts) separate parts (islands); linked to the nearest area by centroid: \(links)")
    return joined.graph
  }
}
