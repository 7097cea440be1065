import Foundation
import KraftsamlingKit

/// One timed workload: inputs are prepared outside the clock, then `run` is
/// timed several times and the best time reported.
struct Workload {
  var name: String
  var n: Int
  /// Extra fields for the JSON line (e.g. replications, permutations, threads).
  var details: [(String, String)] = []
  /// Prepares the inputs (not timed) and returns the timed body.
  var prepare: () throws -> () throws -> Void
}

/// Runs workloads and prints one JSON line each.
struct BenchmarkRunner {
  var repetitions: Int
  var quiet: Bool

  func run(_ workload: Workload) throws {
    let body = try workload.prepare()
    var best = Double.infinity
    for _ in 0..<repetitions {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      let end = DispatchTime.now().uptimeNanoseconds
      best = min(best, Double(end - start) / 1e9)
    }
    var fields = ["\"workload\": \"\(workload.name)\"", "\"n\": \(workload.n)"]
    for (k, v) in workload.details { fields.append("\"\(k)\": \(v)") }
    fields.append("\"seconds\": \(DecimalFormatting.fixed(best, places: 6))")
    print("{" + fields.joined(separator: ", ") + "}")

  }
}

/// Keeps a value alive so the optimiser cannot remove the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
