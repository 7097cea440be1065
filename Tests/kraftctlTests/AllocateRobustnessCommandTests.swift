import Foundation
import Testing

@Suite("kraftctl allocate --robustness")
struct AllocateRobustnessCommandTests {
  static let base = ["allocate", "--budget", "4000000", "--model", "need-weighted", "--quiet"]

  /// The CSV rows as dictionaries keyed by column.
  static func rows(_ csv: String) -> [[String: String]] {
    let lines = csv.split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(header, cells))
    }
  }

  @Test("1 and 2 threads print identical CSV; nominal within [min, max]; the förvaltningar add up to the budget")
  func threadsAndRanges() throws {
    let args = Self.base + ["--robustness", "200", "--seed", "11", "--format", "csv"]
    let one = try Run.kraftctl(arguments: args + ["--threads", "1"])
    let two = try Run.kraftctl(arguments: args + ["--threads", "2"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout == two.stdout)
    #expect(one.stdout.hasPrefix("level,id,nominal,min,p05,median,p95,max,p_funded,main_choice,s1_weights,"))
    let rows = Self.rows(one.stdout)
    #expect(rows.contains { $0["level"] == "insats" } && rows.contains { $0["level"] == "forvaltning" })
    var nominalTotal: Int64 = 0
    for row in rows {
      let nominal = Int64(row["nominal"]!)!
      #expect(Int64(row["min"]!)! <= nominal && nominal <= Int64(row["max"]!)!, "\(row)")
      let p = Double(row["p_funded"]!)!
      #expect(p >= 0 && p <= 1)
      if row["level"] == "forvaltning" { nominalTotal += nominal }
    }
    #expect(nominalTotal == 4_000_000)
  }

  @Test("the table says every replication added up, and how the quantiles are defined")
  func table() throws {
    let r = try Run.kraftctl(arguments: Self.base + ["--robustness", "50", "--threads", "2"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("add up to the budget 4 000 000 kr to the krona"))
    #expect(r.stdout.contains("type-7 quantiles (numpy's default linear interpolation)"))
  }

  @Test("JSON holds the exact quantiles and the factors")
  func json() throws {
    let r = try Run.kraftctl(arguments: Self.base + ["--robustness", "30", "--format", "json", "--vary", "drop"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"factors\" : [\n    \"dropped-indicator\"\n  ]") || r.stdout.contains("\"dropped-indicator\""))
    #expect(r.stdout.contains("\"fundedProbability\""))
  }

  @Test("bad R, robustness options without --robustness, --need low-income and --explain are usage errors (64)")
  func usage() throws {
    for bad in ["0", "-3", "abc", "2.5"] {
      let r = try Run.kraftctl(arguments: Self.base + ["--robustness", bad])
      #expect(r.status == 64, "\(bad): \(r.stderr)")
      #expect(r.stderr.contains("--robustness"))
    }
    let seedAlone = try Run.kraftctl(arguments: Self.base + ["--seed", "3"])
    #expect(seedAlone.status == 64)
    #expect(seedAlone.stderr.contains("--seed only applies with --robustness"))
    let lowIncome = try Run.kraftctl(arguments: Self.base + ["--robustness", "10", "--need", "low-income"])
    #expect(lowIncome.status == 64)
    let explain = try Run.kraftctl(arguments: Self.base + ["--robustness", "10", "--explain"])
    #expect(explain.status == 64)
  }
}
