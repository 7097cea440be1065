import KraftsamlingKit

extension NeighbourOptions {
  /// Builds the weights of `kind` on `layer` with the shared options;
  /// refuses options that do not apply to the kind.
  static func build(_ kind: Kind, layer: AreaLayer, _ args: ParsedArguments) throws -> Built {
    try check(kind, args)
    var notes: [String] = []
    let metric = try metric(layer, args, &notes)
    let points = layer.points(args[self.points] ?? .centroid)
    let ids = layer.features.map(\.id)
    var (weights, label) = try weights(kind, layer: layer, ids: ids, points: points, metric: metric, args)
    if let k = args[order] {
      let graph = try NeighbourGraph(ids: ids, neighbours: (0..<weights.count).map { Array(weights.neighbours(of: $0)) })
      weights = graph.higherOrder(k, includingLowerOrders: args[lowerOrders]).weights()
      label += ", order \(k)\(args[lowerOrders] ? " and lower" : "")"
    }
    let islands = weights.islands.map { weights.ids[$0] }
    var links: [(island: String, neighbour: String)] = []
    if args[linkIslands] {
      (weights, links) = try weights.linkingIslands(points: points, distance: metric)
    }
    return Built(weights: weights, label: label, islands: islands, links: links, notes: notes)
  }

  /// The metric of `--distance`, or the layer's natural one (said in a note).
  private static func metric(_ layer: AreaLayer, _ args: ParsedArguments, _ notes: inout [String]) throws
    -> PointDistance
  {
    switch args[distance] {
    case "euclidean": return .euclidean
    case "great-circle": return .greatCircle(radius: PointDistance.earthRadiusKilometres)
    default:
      let natural = layer.naturalDistance
      notes.append(
        natural == .euclidean
          ? "distances: euclidean in the layer's units (projected layer; --distance to choose)"
          : "distances: great-circle in km on a 6371 km sphere (longitude/latitude layer; --distance to choose)")
      return natural
    }
  }

  private static func weights(
    _ kind: Kind, layer: AreaLayer, ids: [String], points: [Coordinate], metric: PointDistance, _ args: ParsedArguments
  ) throws -> (SpatialWeights, String) {
    let m = metric.label
    switch kind {
    case .rook, .queen:
      let c = try layer.contiguity(
        rule: contiguityRule(named: kind.rawValue) ?? Rook(),
        matching: args[GeographySupport.tolerance].map { .tolerance($0) } ?? .exact)
      return (c.graph.weights(), "\(c.rule) contiguity")
    case .knn:
      let k = args[self.k] ?? 6
      return (try NeighbourGraph.nearestNeighbours(k: k, ids: ids, points: points, distance: metric).weights(), "knn (k = \(k), \(m))")
    case .distance:
      guard let t = args[threshold] else { throw UsageError("--type distance needs --threshold D") }
      guard let a = args[exponent] else {
        return (try NeighbourGraph.distanceBand(threshold: t, ids: ids, points: points, distance: metric).weights(), "distance band ≤ \(DecimalFormatting.shortest(t)) (binary, \(m))")
      }
      let w = try SpatialWeights.inverseDistance(threshold: t, alpha: a, ids: ids, points: points, distance: metric)
      return (w, "distance band ≤ \(DecimalFormatting.shortest(t)) (d^\(DecimalFormatting.shortest(a)), \(m))")
    case .kernel:
      let f = args[kernel] ?? .triangular
      let k = args[self.k] ?? 6
      let h: KernelBandwidth = args[bandwidth].map { .fixed($0) } ?? (args[adaptive] ? .adaptive(k) : .nearest(k))
      let w = try SpatialWeights.kernel(f, bandwidth: h, ids: ids, points: points, distance: metric)
      let how = args[bandwidth].map { "h = \(DecimalFormatting.shortest($0))" } ?? (args[adaptive] ? "adaptive, k = \(k)" : "fixed, k = \(k)")
      return (w, "\(f.rawValue) kernel (\(how), \(m))")
    }
  }

  /// Refuses options that the kind ignores, so a typo does not pass silently.
  private static func check(_ kind: Kind, _ args: ParsedArguments) throws {
    var allowed: Set<String> = [linkIslands.name]
    switch kind {
    case .rook, .queen: allowed.formUnion([order.name, lowerOrders.name, distance.name, points.name])
    case .knn: allowed.formUnion([k.name, order.name, lowerOrders.name, distance.name, points.name])
    case .distance:
      allowed.formUnion([threshold.name, exponent.name, distance.name, points.name])
      if !args.isGiven(exponent) { allowed.formUnion([order.name, lowerOrders.name]) }
    case .kernel: allowed.formUnion([k.name, kernel.name, bandwidth.name, adaptive.name, distance.name, points.name])
    }
    if kind.isContiguity { allowed.insert(GeographySupport.tolerance.name) }
    let wrong = (shared + [GeographySupport.tolerance]).filter { !allowed.contains($0.name) && args.isGiven($0) }
      .map(\.name)
    if !wrong.isEmpty {
      throw UsageError("\(wrong.joined(separator: ", ")) do\(wrong.count == 1 ? "es" : "") not apply to \(kind.rawValue) neighbours")
    }
    if args.isGiven(lowerOrders) && !args.isGiven(order) { throw UsageError("--lower-orders needs --order K") }
    if args.isGiven(bandwidth) && args[adaptive] { throw UsageError("use --bandwidth H or --adaptive, not both") }
  }
}
