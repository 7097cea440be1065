// kraftbench — times KraftsamlingKit's heavy computations in a release build.
//
//   swift run -c release kraftbench [--quick] [--only NAME] [--repetitions R]
//                                   [--geometry FILE --id-property NAME] [--quiet]
//
// Prints one JSON line per workload: {"workload": …, "n": …, "seconds": …},
// the best of several runs, timing the computation only (inputs are generated
// deterministically and parsed before the clock starts). See
// Documentation/Performance.md for the figures and how to reproduce them.

import Foundation
import KraftsamlingKit

var quick = false
var quiet = false
var only: Set<String> = []
var repetitions = 5
var geometryPath: String? = nil
var idProperty = "do_kod"
var args = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("kraftbench: error: \(message)\n".utf8))
  exit(64)
}
while !args.isEmpty {
  let a = args.removeFirst()
  switch a {
  case "--quick": quick = true
  case "--quiet": quiet = true
  case "--only":
    guard !args.isEmpty else { fail("--only needs a workload name") }
    only.formUnion(args.removeFirst().split(separator: ",").map(String.init))
  case "--repetitions":
    guard let r = args.first.flatMap({ Int($0) }), r > 0 else { fail("--repetitions needs a positive number") }
    repetitions = r
    args.removeFirst()
  case "--geometry":
    guard !args.isEmpty else { fail("--geometry needs a file") }
    geometryPath = args.removeFirst()
  case "--id-property":
    guard !args.isEmpty else { fail("--id-property needs a name") }
    idProperty = args.removeFirst()
  case "--help", "-h":
    print("""
      USAGE: swift run -c release kraftbench [--quick] [--only NAME[,NAME…]] [--repetitions R]
                                             [--geometry FILE --id-property NAME] [--quiet]
      Workloads: \(Workloads.names(quick: quick).joined(separator: ", "))
      Prints one JSON line per workload: {"workload": …, "n": …, "seconds": …, "cpu_seconds": …}
      (best of R runs; default 5, 2 with --quick). Progress goes to standard error when it is a
      terminal; --quiet silences it.
      """)
    exit(0)
  default: fail("unknown option '\(a)'; see --help")
  }
}

#if DEBUG
  FileHandle.standardError.write(Data("kraftbench: warning: this is a debug build; use 'swift run -c release kraftbench'\n".utf8))
#endif

let unknown = only.subtracting(Workloads.names(quick: quick))
if !unknown.isEmpty { fail("unknown workload(s) \(unknown.sorted().joined(separator: ", ")); see --help") }
let runner = BenchmarkRunner(repetitions: quick ? min(repetitions, 2) : repetitions, quiet: quiet)
do {
  let selected = Workloads.all(quick: quick, geometryPath: geometryPath, idProperty: idProperty)
    .filter { only.isEmpty || only.contains($0.name) }
  for (i, w) in selected.enumerated() {
    try runner.run(w, index: i, of: selected.count)
  }
} catch {
  FileHandle.standardError.write(Data("kraftbench: error: \(error)\n".utf8))
  exit(65)
}
