import KraftsamlingKit

/// `kraftctl neighbours`: spatial weights (grannar) of a layer — contiguity,
/// k nearest, distance band or kernel — as a link list.
enum NeighboursCommand: Command {
  static let name = "neighbours"
  static let abstract =
    "List each area's neighbours (grannar) and weights: contiguity, k nearest, distance band or kernel."
  static let discussion = """
    Builds spatial weights with libpysal's semantics: --type rook or queen
    contiguity (as kraftctl contiguity), knn (the --k nearest areas, default 6;
    ties at the k-th distance go to the area earlier in the file), distance
    (areas within --threshold D, inclusive; binary, or d^A with --exponent A) or
    kernel (--kernel triangular, uniform, quadratic, quartic or gaussian; a
    fixed bandwidth from the --k-th neighbour distance, a given --bandwidth H,
    or --adaptive; each area is its own neighbour with weight K(0), as in
    libpysal). Distances are between area centroids (or --points label-point):
    great-circle in km for a longitude/latitude layer, euclidean in layer
    units for a projected one, unless --distance says otherwise; the choice is
    printed on standard error. --order K keeps neighbours of order K (with
    --lower-orders, of orders 1…K). Islands (areas without neighbours) are
    listed on standard error; --link-islands links each to its nearest area.
    CSV: code,neighbor,weight — one row per ordered pair, sorted by code then
    neighbor. See Documentation/SpatialWeights.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("neighbours --type knn --k 6 --format csv", "Six nearest delområden by centroid distance (km)"),
    ("neighbours --type distance --threshold 1.5 --exponent -1", "Inverse-distance weights within 1.5 km"),
    ("neighbours --type kernel --kernel gaussian --k 8 --adaptive", "Adaptive Gaussian kernel weights"),
    ("neighbours --type rook --order 2 --lower-orders --link-islands", "Rook neighbours up to order 2, no islands"),
  ]
  static let kind = NeighbourOptions.kind("--type")
  static let format = CommonOptions.format([.table, .csv, .json, .markdown])
  static let options: [any OptionDeclaration] =
    [CommonOptions.geometry, CommonOptions.idProperty, kind] + NeighbourOptions.shared + [
      GeographySupport.tolerance, format, CommonOptions.csvDialect, CommonOptions.quiet,
    ]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    guard let type = args[kind] else {
      throw UsageError("neighbours needs --type", hint: "e.g. --type knn --k 6, or --type rook")
    }
    let (layer, _) = try Inputs.layer(args)
    let built = try NeighbourOptions.build(type, layer: layer, args)
    report(built, names: layer.displayNames, &io)
    if args[format] == .json {
      io.print(json: json(built))
    } else {
      io.print(table(built.weights), as: args[format] ?? .table)
    }
  }

  /// Notes and warnings: the metric, islands, links added, counts.
  static func report(_ built: NeighbourOptions.Built, names: [String: String], _ io: inout Output) {
    for note in built.notes { io.note(note) }
    for id in built.islands { io.warn("area \(id) (\(names[id] ?? id)) has no neighbours (island)") }
    for l in built.links { io.note("linked island \(l.island) to its nearest area \(l.neighbour)") }
    let w = built.weights
    io.note("\(w.count) areas, \(w.neighbourIndices.count) links, \(built.islands.count) island(s); \(built.label)")
  }

  /// One row per link, sorted by code and neighbour.
  static func table(_ w: SpatialWeights) -> ReportTable {
    var t = ReportTable(columns: ["code", "neighbor", "weight"], alignments: [.left, .left, .right])
    for (i, j, v) in sortedLinks(w) { t.append([w.ids[i], w.ids[j], DecimalFormatting.shortest(v)]) }
    return t
  }

  static func sortedLinks(_ w: SpatialWeights) -> [(Int, Int, Double)] {
    var links: [(Int, Int, Double)] = []
    for i in 0..<w.count {
      for (j, v) in zip(w.neighbours(of: i), w.weights(of: i)) { links.append((i, j, v)) }
    }
    return links.sorted { w.ids[$0.0] != w.ids[$1.0] ? w.ids[$0.0] < w.ids[$1.0] : w.ids[$0.1] < w.ids[$1.1] }
  }

  static func json(_ built: NeighbourOptions.Built) -> JSON {
    let w = built.weights
    var rows: [String: [(key: String, value: JSON)]] = [:]
    for (i, j, v) in sortedLinks(w) { rows[w.ids[i], default: []].append((w.ids[j], .number(v))) }
    let neighbours = w.ids.sorted().map { (key: $0, value: JSON.object(rows[$0] ?? [])) }
    return [
      "weights": .string(built.label), "areas": JSON(w.count), "links": JSON(w.neighbourIndices.count),
      "islands": JSON(built.islands), "linked_islands": .array(built.links.map { JSON([$0.island, $0.neighbour]) }),
      "neighbors": .object(neighbours),
    ]
  }
}
