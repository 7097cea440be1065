import KraftsamlingKit

/// The neighbour options shared by `neighbours` (`--type`) and `hotspots`
/// (`--neighbours`): what links areas and how the links are weighted.
enum NeighbourOptions {
  /// The kinds of neighbours (grannar) kraftctl builds.
  enum Kind: String, CaseIterable, Sendable {
    case rook, queen, knn, distance, kernel
    var isContiguity: Bool { self == .rook || self == .queen }
  }

  /// `--type` (neighbours) or `--neighbours` (hotspots).
  static func kind(_ name: String) -> Option<Kind> {
    Option.choice(
      name, "TYPE",
      "Neighbours: rook or queen contiguity, knn (k nearest), distance (band, binary or inverse) or kernel.",
      Kind.allCases.map { ($0.rawValue, $0) })
  }
  static let k = Option.integer(
    "--k", "K", "knn: neighbours per area (default 6); kernel: the k-th neighbour sets the bandwidth (default 6).",
    in: 1...10_000)
  static let threshold = Option.number(
    "--threshold", "D", "distance: the band's largest distance (inclusive), in layer units or km (great-circle).",
    "must be a positive number", where: { $0.isFinite && $0 > 0 })
  static let exponent = Option.number(
    "--exponent", "A", "distance: inverse-distance weights d^A (e.g. -1 or -2; libpysal alpha) instead of binary ones.",
    "must be a finite number", where: { $0.isFinite })
  static let kernel = Option<KernelFunction>.choice(
    "--kernel", "NAME", "kernel: triangular (default), uniform, quadratic, quartic or gaussian.",
    KernelFunction.allCases.map { ($0.rawValue, $0) })
  static let bandwidth = Option.number(
    "--bandwidth", "H", "kernel: a fixed bandwidth H (default: the largest k-th neighbour distance).",
    "must be a positive number", where: { $0.isFinite && $0 > 0 })
  static let adaptive = Flag("--adaptive", "kernel: each area's bandwidth is its own k-th neighbour distance.")
  static let order = Option.integer(
    "--order", "K", "Neighbours of order K (shortest path of K links; rook, queen, knn, binary distance).", in: 1...50)
  static let lowerOrders = Flag("--lower-orders", "With --order: also keep the neighbours of orders 1 … K−1.")
  static let distance = Option<String>.choice(
    "--distance", "METRIC",
    "euclidean (layer units) or great-circle (km on a 6371 km sphere); default: great-circle for longitude/latitude.",
    [("euclidean", "euclidean"), ("great-circle", "great-circle")])
  static let points = Option<AreaPoint>.choice(
    "--points", "POINT", "The point of each area for distances: centroid (default) or label-point.",
    AreaPoint.allCases.map { ($0.rawValue, $0) })
  static let linkIslands = Flag("--link-islands", "Link each island to its nearest area (weight 1, both ways).")

  /// The options besides the kind, in help order.
  static let shared: [any OptionDeclaration] = [
    k, threshold, exponent, kernel, bandwidth, adaptive, order, lowerOrders, distance, points, linkIslands,
  ]

  /// Weights built from a layer, with what the command reports.
  struct Built {
    var weights: SpatialWeights
    /// A short description: `knn (k = 6, euclidean)`.
    var label: String
    var islands: [String]
    var links: [(island: String, neighbour: String)]
    var notes: [String]
  }
}
