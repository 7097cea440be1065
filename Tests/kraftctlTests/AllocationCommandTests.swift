import Foundation
import Testing

@Suite("kraftctl apportion")
struct ApportionCommandTests {
  static let austria = "name,weight\nOEVP,1305956\nSPOE,903151\nFPOE,650114\nGRUENE,532193\nNEOS,319024\n"

  @Test("D'Hondt from standard input: name,weight,amount in input order")
  func dhondt() throws {
    let r = try Run.kraftctl("apportion", "--method", "dhondt", "--total", "18", stdin: Self.austria)
    #expect(r.status == 0)
    #expect(r.stdout == "name,weight,amount\nOEVP,1305956,7\nSPOE,903151,5\nFPOE,650114,3\nGRUENE,532193,2\nNEOS,319024,1\n")
  }

  @Test("weights from a file, decimal commas, the first divisor")
  func file() throws {
    let dir = try Run.temporaryDirectory()
    let path = dir.appendingPathComponent("vikter.csv").path
    try "name;weight\nA;70\nB;13\n".write(toFile: path, atomically: true, encoding: .utf8)
    // 4 units over 70, 13: Sweden's 1.2 gives 3 + 1 (13/1.2 > 70/7), Norway's 1.4 gives 4 + 0.
    let se = try Run.kraftctl("apportion", "--method", "modified-sainte-lague", "--total", "4", "--weights", path)
    #expect(se.stdout == "name,weight,amount\nA,70,3\nB,13,1\n")
    let no = try Run.kraftctl(
      "apportion", "--method", "modified-sainte-lague", "--first-divisor", "1,4", "--total", "4", "--weights", path)
    #expect(no.stdout == "name,weight,amount\nA,70,4\nB,13,0\n")
  }

  @Test("ties: an error by default, input order or a seeded lottery on request")
  func ties() throws {
    let csv = "name,weight\nA,1\nB,1\nC,1\n"
    let e = try Run.kraftctl("apportion", "--method", "hamilton", "--total", "2", stdin: csv)
    #expect(e.status == 65)
    #expect(e.stderr.contains("tie: A, B, C have an equal claim on the last 2 unit(s)"))
    let o = try Run.kraftctl("apportion", "--method", "hamilton", "--total", "2", "--ties", "order", stdin: csv)
    #expect(o.status == 0)
    #expect(o.stdout == "name,weight,amount\nA,1,1\nB,1,1\nC,1,0\n")
    let s1 = try Run.kraftctl("apportion", "--method", "hamilton", "--total", "2", "--ties", "seed:7", stdin: csv)
    let s2 = try Run.kraftctl("apportion", "--method", "hamilton", "--total", "2", "--ties", "seed:7", stdin: csv)
    #expect(s1.status == 0 && s1.stdout == s2.stdout)
  }

  @Test("JSON with exact quotas and the Alabama check")
  func json() throws {
    let r = try Run.kraftctl(
      "apportion", "--method", "hamilton", "--total", "10", "--format", "json", stdin: "name,weight\nA,6\nB,6\nC,2\n")
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"quota\": \"30/7\""))
    #expect(r.stdout.contains("\"alabamaLosersAtNextTotal\": [\n    \"C\"\n  ]"))
    #expect(r.stderr.contains("Alabama paradox: with 11 units C would get fewer"))
  }

  @Test("bad option values exit 64, whatever the option", arguments: [
    (["--method", "hamiltn", "--total", "3"], "name,weight\nA,1\n", Int32(64), "did you mean hamilton?"),
    (["--total", "3"], "name,weight\nA,1\n", Int32(64), "--method is required"),
    (["--method", "adams"], "name,weight\nA,1\n", Int32(64), "--total is required"),
    (["--method", "adams", "--total", "3", "--ties", "coin"], "name,weight\nA,1\n", Int32(64), "--ties must be"),
    (["--method", "adams", "--total", "-3"], "name,weight\nA,1\n", Int32(64), "--total must be a whole number ≥ 0"),
    (["--method", "adams", "--total", "3"], "name,weight\nA,0\nB,0\n", Int32(65), "weights are zero"),
    (["--method", "adams", "--total", "3"], "name,weight\nA,x\n", Int32(65), "<stdin>:2:2 (field weight): weight 'x'"),
  ])
  func badInput(_ args: [String], _ stdin: String, _ status: Int32, _ message: String) throws {
    let r = try Run.kraftctl(arguments: ["apportion"] + args, stdin: stdin)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }
}

@Suite("CustomAllocationModel example")
struct CustomAllocationModelExampleTests {
  @Test("runs, explains every amount, compares the models and applies a cap")
  func example() throws {
    let r = try Run.product("CustomAllocationModel")
    #expect(r.status == 0)
    #expect(r.stdout.contains("== priority-bonus: 9 000 tkr of 9 000 tkr"))
    #expect(r.stdout.contains("hamilton: ⌊quota⌋ = "))
    #expect(r.stdout.contains("equal-shares"))
    #expect(r.stdout.contains("log: round 1: förvaltning ASF fixed at its cap 2500 tkr"))
    #expect(r.stdout.contains("did you mean need-weighted?"))
  }
}

@Suite("kraftctl allocate and compare-models")
struct AllocateCommandTests {
  @Test("pro rata over the sample insatser: CSV per insats and förvaltning, summing to the budget")
  func allocate() throws {
    let r = try Run.kraftctl("allocate", "--budget", "4 MSEK", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "insats,forvaltning,requested,amount")
    let total = lines.dropFirst().reduce(Int64(0)) { $0 + Int64($1.split(separator: ",").last!)! }
    #expect(total == 4_000_000)
    #expect(r.stderr.contains("Invented examples"))
    // EX-2026-03 asks for 999 999 kr: ineligible, so not allocated (the rules run first).
    #expect(r.stderr.contains("EX-2026-03 is not eligible under stk-2024-1374 (minsta-belopp): not allocated"))
    #expect(!r.stdout.contains("EX-2026-03"))
    // Without the eligibility filter, the minimum rule of the allocation drops it instead.
    let unfiltered = try Run.kraftctl("allocate", "--budget", "4 MSEK", "--rules", "none", "--format", "csv")
    #expect(unfiltered.stderr.contains("EX-2026-03 dropped before allocation"))
  }

  @Test("--explain, JSON, models by name")
  func explainAndJSON() throws {
    let e = try Run.kraftctl("allocate", "--budget", "4000000", "--model", "need-weighted", "--explain", "--format", "csv")
    #expect(e.status == 0)
    #expect(e.stdout.hasPrefix("insats,forvaltning,requested,amount,explanation\n"))
    #expect(e.stdout.contains("need × population"))
    let j = try Run.kraftctl("allocate", "--budget", "4000 tkr", "--unit", "tkr", "--model", "equal-shares", "--format", "json")
    #expect(j.status == 0)
    #expect(j.stdout.contains("\"model\" : \"equal-shares\""))
    #expect(j.stdout.contains("\"unfunded\""))
  }

  @Test("compare-models: one column per model, totals")
  func compare() throws {
    let r = try Run.kraftctl("compare-models", "--budget", "4 MSEK", "--by", "forvaltning", "--format", "csv")
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "forvaltning,requested,pro-rata,need-weighted,equal-per-forvaltning,priority,base-plus-need,equal-shares")
    // 8 599 999 kr requested in all, less EX-2026-03's 999 999 kr (not eligible).
    #expect(lines.last?.hasPrefix("total,7600000,4000000,4000000,4000000,4000000,4000000,") == true)
  }

  @Test("bad input: exit 64 for usage, 65 for data", arguments: [
    (["allocate", "--budget", "4 MSEK", "--model", "pro-rta"], Int32(64), "did you mean pro-rata?"),
    (["allocate"], Int32(64), "--budget is required"),
    (["allocate", "--budget", "-5"], Int32(64), "negative"),
    (["allocate", "--budget", "1500 kr", "--unit", "tkr"], Int32(64), "not a whole number of tkr"),
    (["allocate", "--budget", "fyra"], Int32(64), "not an amount"),
    (["allocate", "--budget", "4 miljoner"], Int32(64), "kraftctl: error: --budget: '4 miljoner' is not an amount"),
    (["compare-models", "--budget", "4 miljoner"], Int32(64), "--budget"),
    (["compare-models", "--budget", "4 MSEK", "--by", "nämnd"], Int32(64), "--by must be one of"),
  ])
  func badInput(_ args: [String], _ status: Int32, _ message: String) throws {
    let r = try Run.kraftctl(arguments: args)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }
}
