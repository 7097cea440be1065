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

  /// Runs one workload (number `index` of `count`, for the progress line).
  ///
  /// Besides the wall-clock `seconds` of the best run, the line gives that
  /// run's `cpu_seconds` (user + system time of the process, all threads):
  /// on a busy machine the wall-clock time grows with the load, the CPU
  /// time much less.
  func run(_ workload: Workload, index: Int = 0, of count: Int = 1) throws {
    let showProgress = !quiet && isatty(2) == 1
    func progress(_ text: String) {
      guard showProgress else { return }
      FileHandle.standardError.write(Data("\r\u{1B}[K[\(index + 1)/\(count)] \(workload.name) \(text)".utf8))
    }
    progress("preparing…")
    let body = try workload.prepare()
    var best = Double.infinity
    var bestCPU = Double.infinity
    for r in 0..<repetitions {
      progress("run \(r + 1) of \(repetitions)…")
      let cpuStart = Self.processCPUSeconds()
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      let end = DispatchTime.now().uptimeNanoseconds
      let cpu = Self.processCPUSeconds() - cpuStart
      let wall = Double(end - start) / 1e9
      if wall < best {
        best = wall
        bestCPU = cpu
      }
    }
    if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    var fields = ["\"workload\": \"\(workload.name)\"", "\"n\": \(workload.n)"]
    for (k, v) in workload.details { fields.append("\"\(k)\": \(v)") }
    fields.append("\"seconds\": \(DecimalFormatting.fixed(best, places: 6))")
    fields.append("\"cpu_seconds\": \(DecimalFormatting.fixed(bestCPU, places: 6))")
    print("{" + fields.joined(separator: ", ") + "}")
    fflush(nil)
  }

  /// User + system CPU time of the process so far.
  static func processCPUSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
  }
}

/// Keeps a value alive so the optimiser cannot remove the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
  withExtendedLifetime(value) {}
}
