import KraftsamlingKit

extension Workloads {
  /// Queen and rook contiguity from polygons: a jittered 200 × 250 grid
  /// (50,000 cells whose neighbours share vertices exactly, as a layer cut
  /// from one topology), and the `--geometry` layer if given. Timed: the
  /// neighbour graph from the parsed layer (exact vertex matching).
  static func contiguityWorkloads(quick: Bool, geometryPath: String?, idProperty: String) -> [Workload] {
    let (rows, columns) = quick ? (77, 80) : (200, 250)
    let file = geometryPath.map { path in (path, Result { try GeoJSONReader.read(path: path, idProperty: idProperty) }) }
    var w: [Workload] = []
    for (name, rule) in [("queen", Queen() as any ContiguityRule), ("rook", Rook() as any ContiguityRule)] {
      w.append(
        Workload(name: "contiguity-\(name)", n: rows * columns, details: [("source", "\"synthetic grid\"")]) {
          let layer = SyntheticLayer.grid(rows: rows, columns: columns, seed: 7)
          return { blackHole(try layer.contiguity(rule: rule)) }
        })
      if let (path, read) = file {
        w.append(
          Workload(
            name: "contiguity-\(name)", n: (try? read.get())?.features.count ?? 0,
            details: [("source", "\"\(path)\"")]
          ) {
            let layer = try read.get()
            return { blackHole(try layer.contiguity(rule: rule)) }
          })
      }
    }
    return w
  }

  /// Local Moran's I (LISA) with 9,999 conditional permutations on a
  /// 77 × 80 rook lattice (6,160 areas) on 1 and 2 threads, and on the
  /// rook contiguity of the `--geometry` layer (seeded synthetic values
  /// with a spatial trend). Timed: statistics, permutations, p-values.
  /// `--quick`: 999 permutations.
  static func lisaWorkloads(quick: Bool, geometryPath: String?, idProperty: String) -> [Workload] {
    let permutations = quick ? 999 : 9_999
    let file = geometryPath.map { path in (path, Result { try GeoJSONReader.read(path: path, idProperty: idProperty) }) }
    var w: [Workload] = []
    for threads in [1, 2] {
      w.append(
        Workload(
          name: "lisa", n: 6_160,
          details: [("permutations", "\(permutations)"), ("threads", "\(threads)"), ("source", "\"rook lattice 77x80\"")]
        ) {
          let weights = SyntheticSpatialData.lattice(rows: 77, columns: 80)
          let values = SyntheticSpatialData.values(rows: 77, columns: 80, seed: 1)
          let inference = PermutationInference(permutations: permutations, seed: 1, threads: threads)
          return { blackHole(try LocalSpatialStatistics.moran(values: values, weights: weights, inference: inference)) }
        })
    }
    if let (path, read) = file {
      for threads in [1, 2] {
        w.append(
          Workload(
            name: "lisa", n: (try? read.get())?.features.count ?? 0,
            details: [("permutations", "\(permutations)"), ("threads", "\(threads)"), ("source", "\"\(path)\"")]
          ) {
            let layer = try read.get()
            let all = try layer.contiguity(rule: Rook()).graph.weights(.binary)
            // Islands have no neighbours to test against: leave them out.
            let connected = (0..<all.count).filter { all.cardinality($0) > 0 }
            let weights = all.restricted(to: connected)
            var g = SeededGenerator(seed: 1)
            let values = connected.map { i -> Double in
              let c = layer.features[i].geometry.polygons.first?.centroid ?? Coordinate(x: 0, y: 0)
              return c.x / 1_000 + c.y / 2_000 + g.normal()
            }
            let inference = PermutationInference(permutations: permutations, seed: 1, threads: threads)
            return { blackHole(try LocalSpatialStatistics.moran(values: values, weights: weights, inference: inference)) }
          })
      }
    }
    return w
  }
}
