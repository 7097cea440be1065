import KraftsamlingKit

/// `kraftctl contiguity`: the neighbour list of a layer.
enum ContiguityCommand: Command {
  static let name = "contiguity"
  static let abstract = "List the neighbours of every area (rook or queen contiguity) and report islands."
  static let discussion = """
    Computes contiguity from the polygons: rook = areas sharing a border of
    positive length, queen = areas sharing at least one point. By default
    vertices are matched exactly, as libpysal's Rook/Queen.from_dataframe do;
    --tolerance T also matches borders whose vertices are not shared, within T
    layer units (degrees for GeoJSON in WGS84: 1e-6 is about 0.1 m), and counts
    overlapping areas as neighbours (reported as warnings).
    CSV: code,neighbor — one row per ordered pair, sorted by code then neighbor.
    Islands (areas without neighbours) are listed on standard error and in JSON.
    """
  static let examples: [(command: String, comment: String)] = [
    ("contiguity > grannar.csv", "Rook neighbours of Malmö's delområden"),
    ("contiguity --rule queen --format json", "Queen neighbours, islands and components as JSON"),
    ("contiguity --geometry kommuner.geojson --id-property kommun_kod", "Sweden's kommuner: reports five islands"),
  ]
  static let format = CommonOptions.format([.csv, .json])
  static let options: [any OptionDeclaration] = [
    CommonOptions.geometry, CommonOptions.idProperty, CommonOptions.rule, GeographySupport.tolerance, format,
    CommonOptions.csvDialect, CommonOptions.quiet,
  ]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let (layer, _) = try Inputs.layer(args)
    let c = try GeographySupport.contiguity(layer, args)
    let names = layer.displayNames
    for id in c.islands { io.warn("area \(id) (\(names[id] ?? id)) has no \(c.rule) neighbours (island)") }
    for p in c.overlaps { io.warn("areas \(p.first) and \(p.second) overlap; counted as neighbours") }
    io.note(
      "\(layer.features.count) areas, \(c.graph.linkCount / 2) \(c.rule) neighbour pairs, \(c.islands.count) island(s), "
        + "\(c.components.count) component(s)")
    if args[format] == .json {
      io.print(json: json(c))
    } else {
      io.print(c.graph.table(), as: .csv)
    }
  }

  static func json(_ c: Contiguity) -> JSON {
    let g = c.graph
    let neighbors = g.ids.indices.sorted { g.ids[$0] < g.ids[$1] }.map { i in
      (key: g.ids[i], value: JSON(g.neighbours(of: i).map { g.ids[$0] }.sorted()))
    }
    return [
      "rule": .string(c.rule), "matching": .string(c.matching.description), "areas": JSON(g.count),
      "pairs": JSON(g.linkCount / 2), "islands": JSON(c.islands), "components": .array(c.components.map { JSON($0) }),
      "overlaps": .array(c.overlaps.map { JSON([$0.first, $0.second]) }), "neighbors": .object(neighbors),
    ]
  }
}
