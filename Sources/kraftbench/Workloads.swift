import KraftsamlingKit

/// The workloads of kraftbench. Each stage adds its own in a
/// `Workloads+Stage.swift` file and lists it in `all`.
enum Workloads {
  static func names(quick: Bool) -> [String] {
    var seen: Set<String> = []
    return all(quick: quick, geometryPath: nil, idProperty: "").map(\.name).filter { seen.insert($0).inserted }
  }

  static func all(quick: Bool, geometryPath: String?, idProperty: String) -> [Workload] {
    var w: [Workload] = []
    w += csvWorkloads(quick: quick)
    w += indexWorkloads(quick: quick)
    w += robustnessWorkloads(quick: quick)
    w += contiguityWorkloads(quick: quick, geometryPath: geometryPath, idProperty: idProperty)
    w += lisaWorkloads(quick: quick, geometryPath: geometryPath, idProperty: idProperty)
    w += weightsWorkloads(quick: quick)
    w += regionWorkloads(quick: quick)
    w += apportionmentWorkloads(quick: quick)
    w += allocationWorkloads(quick: quick)
    w += allocationRobustnessWorkloads(quick: quick)
    return w
  }

  /// Reading a statistics CSV of N areas × 10 columns (Swedish dialect).
  static func csvWorkloads(quick: Bool) -> [Workload] {
    let n = quick ? 6_160 : 50_000
    return [
      Workload(name: "csv-read", n: n) {
        var text = "kod;namn;" + (0..<10).map { "c\($0)" }.joined(separator: ";") + "\n"
        var g = SeededGenerator(seed: 1)
        for i in 0..<n {
          text += "\(100_000 + i);Område \(i)"
          for _ in 0..<10 { text += ";" + String(g.uniform(below: 5000)) + "," + String(g.uniform(below: 10)) }
          text += "\n"
        }
        let bytes = Array(text.utf8)
        return { blackHole(try AreaTable.read(CSVReader.parse(bytes: bytes, source: "bench.csv"))) }
      }
    ]
  }
}
