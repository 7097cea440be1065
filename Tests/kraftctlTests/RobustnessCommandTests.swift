import Foundation
import Testing

@Suite("kraftctl robustness")
struct RobustnessCommandTests {
  @Test("CSV: the documented columns, one row per ranked area in nominal order")
  func csv() throws {
    let r = try Run.kraftctl("robustness", "--replications", "60", "--seed", "3", "--format", "csv", "--quiet")
    #expect(r.status == 0)
    #expect(r.stderr == "")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines[0] == "code,name,rank,median_rank,p05_rank,p95_rank,p_selected")
    let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows.count > 100)
    #expect(rows.map { Int($0[2])! } == rows.map { Int($0[2])! }.sorted())
    for row in rows {
      let p05 = Double(row[4])!
      let median = Double(row[3])!
      let p95 = Double(row[5])!
      let p = Double(row[6])!
      #expect(p05 <= median && median <= p95)
      #expect(p >= 0 && p <= 1)
    }
    // The nominal rank 1 is the index's rank 1.
    let index = try Run.kraftctl("index", "--format", "csv", "--top", "1")
    #expect(index.stdout.split(separator: "\n")[1].hasPrefix(rows[0][0] + ","))
  }

  @Test("the same seed gives the same output with 1 and 2 threads; another seed differs")
  func determinism() throws {
    let args = ["robustness", "--replications", "80", "--seed", "9", "--format", "csv"]
    let one = try Run.kraftctl(arguments: args + ["--threads", "1"])
    let two = try Run.kraftctl(arguments: args + ["--threads", "2"])
    #expect(one.status == 0 && one.stdout == two.stdout)
    let other = try Run.kraftctl("robustness", "--replications", "80", "--seed", "10", "--format", "csv")
    #expect(other.stdout != one.stdout)
  }

  @Test("table: the summary, the effects of each choice and, with --sensitivity, Sobol indices")
  func table() throws {
    let r = try Run.kraftctl("robustness", "--replications", "50", "--top", "5", "--sensitivity", "--vary", "weights,drop")
    #expect(r.status == 0)
    #expect(r.stdout.contains("of the 5 areas of the nominal top 5 are selected in at least 90 % of replications"))
    #expect(r.stdout.contains("dropped-indicator"))
    #expect(r.stdout.contains("first_order"))
    #expect(r.stdout.contains("Illustrative data"))
  }

  @Test("JSON and the SVG chart")
  func jsonAndChart() throws {
    let dir = try Run.temporaryDirectory()
    let svg = dir.appendingPathComponent("rang.svg").path
    let r = try Run.kraftctl("robustness", "--replications", "40", "--format", "json", "--out", svg, "--vary", "noise")
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"varied\": [\n    \"noise\"\n  ]"))
    #expect(r.stdout.contains("\"p_selected\""))
    let text = try #require(unstamped(try String(contentsOfFile: svg, encoding: .utf8)))
    #expect(text.hasPrefix("<svg") && text.contains("Illustrativa data") && text.contains("topp 12"))
  }

  @Test("bad options exit 64, incompatible choices 65", arguments: [
    (["--top", "0"], Int32(64), "--top must be between"),
    (["--vary", "wieghts"], Int32(64), "did you mean weights?"),
    (["--concentration", "-1"], Int32(64), "--concentration must be positive"),
    (["--format", "markdown"], Int32(64), "--format"),
    (["--vary", "aggregation", "--aggregations", "geometric"], Int32(65), "cannot take values normalised by zscore"),
  ])
  func errors(_ extra: [String], _ status: Int32, _ message: String) throws {
    let r = try Run.kraftctl(arguments: ["robustness", "--replications", "10"] + extra)
    #expect(r.status == status)
    #expect(r.stderr.contains(message))
  }

  @Test("the RobustSelection example runs")
  func example() throws {
    let r = try Run.product("RobustSelection")
    #expect(r.status == 0)
    #expect(r.stdout.contains("of the nominal top 12 are stable"))
    #expect(r.stdout.contains("Sobol indices of the mean absolute rank shift"))
  }
}
