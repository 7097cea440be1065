import Foundation
import Testing

/// The library owns its result tables: a table that both a `kraftctl`
/// command and `kraftctl report` write is the same file, byte for byte,
/// when they are given the same options.
@Suite("kraftctl report: tabeller/*.csv are the commands' CSV")
struct ReportTablesTests {
  /// Each report table with the command that writes the same CSV, for a
  /// report run with `options`.
  struct Pair: CustomStringConvertible {
    var file: String
    var command: [String]
    var description: String { "\(file) = kraftctl \(command.joined(separator: " "))" }
  }

  /// Runs the report and every paired command; returns the mismatches.
  /// A Swedish report's tables are compared with the commands' excel-sv
  /// CSV, an English report's with their RFC 4180 CSV.
  func mismatches(report options: [String], pairs: [Pair]) throws -> [String] {
    let english = zip(options, options.dropFirst()).contains { $0 == "--lang" && $1 == "en" }
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("rapport")
    let report = try Run.kraftctl(arguments: ["report", "--out", out.path, "--quiet"] + options)
    #expect(report.status == 0, "\(report.stderr)")
    var wrong: [String] = []
    for pair in pairs {
      let file = [UInt8](try Data(contentsOf: out.appendingPathComponent(pair.file)))
      let r = try Run.kraftctl(
        arguments: pair.command + ["--format", "csv", "--csv-dialect", english ? "rfc4180" : "excel-sv"])
      #expect(r.status == 0, "\(pair): \(r.stderr)")
      #expect(!file.isEmpty)
      if Array(r.stdout.utf8) != file { wrong.append("\(pair)") }
    }
    return wrong
  }

  @Test("the bundled data with the default options: index, top, robustness, clusters, hot spots, allocation")
  func defaults() throws {
    let pairs = [
      Pair(file: "tabeller/index.csv", command: ["index"]),
      Pair(file: "tabeller/index-topp.csv", command: ["index", "--top", "20"]),
      Pair(file: "tabeller/robusthet.csv", command: ["robustness", "--quiet"]),
      Pair(file: "tabeller/granskning-korrelation.csv", command: ["audit"]),
      Pair(file: "tabeller/granskning-vikter.csv", command: ["audit", "--part", "importance"]),
      Pair(file: "tabeller/granskning-pca.csv", command: ["audit", "--part", "pca"]),
      Pair(file: "tabeller/granskning-alfa.csv", command: ["audit", "--part", "alpha"]),
      Pair(file: "tabeller/kluster.csv", command: ["clusters", "--quiet"]),
      // The report's seed (2025) is also its hot-spot seed; hotspots' own default is 12345.
      Pair(file: "tabeller/lisa.csv", command: ["hotspots", "--seed", "2025", "--quiet"]),
      // The report allocates the sample's 6 MSEK need-weighted, explained.
      Pair(
        file: "tabeller/fordelning.csv",
        command: ["allocate", "--budget", "6 MSEK", "--model", "need-weighted", "--explain", "--quiet"]),
    ]
    #expect(try mismatches(report: [], pairs: pairs) == [])
  }

  @Test("other options give the same files too")
  func options() throws {
    let options = [
      "--lang", "en", "--definition", "scb-regso", "--min-denominator", "30", "--top", "8", "--seed", "7",
      "--permutations", "99", "--rule", "queen", "--budget", "5 MSEK", "--model", "pro-rata",
    ]
    let index = ["--definition", "scb-regso", "--min-denominator", "30"]
    let pairs = [
      Pair(file: "tabeller/index.csv", command: ["index"] + index),
      Pair(file: "tabeller/index-topp.csv", command: ["index", "--top", "20"] + index),
      Pair(file: "tabeller/kluster.csv", command: ["clusters", "--top", "8", "--rule", "queen", "--quiet"] + index),
      Pair(
        file: "tabeller/lisa.csv",
        command: ["hotspots", "--seed", "7", "--permutations", "99", "--rule", "queen", "--quiet"] + index),
      Pair(
        file: "tabeller/fordelning.csv",
        command: ["allocate", "--budget", "5 MSEK", "--model", "pro-rata", "--explain", "--quiet"]),
    ]
    #expect(try mismatches(report: options, pairs: pairs) == [])
    // robustness has no --min-denominator: compare without it.
    let robustness = [
      Pair(
        file: "tabeller/robusthet.csv",
        command: ["robustness", "--definition", "scb-regso", "--top", "8", "--seed", "7", "--quiet"])
    ]
    #expect(
      try mismatches(report: ["--definition", "scb-regso", "--top", "8", "--seed", "7"], pairs: robustness) == [])
  }

  @Test("every table of the report is CSV with fixed English headers: excel-sv in Swedish, RFC 4180 in English")
  func machineReadable() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var headers: [String: [String: String]] = [:]
    for lang in ["sv", "en"] {
      let out = dir.appendingPathComponent(lang)
      #expect(try Run.kraftctl(arguments: ["report", "--out", out.path, "--lang", lang, "--quiet"]).status == 0)
      let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("tabeller").path)
      #expect(files.count == 13)
      for f in files {
        let url = out.appendingPathComponent("tabeller/" + f)
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        if lang == "sv" {
          // UTF-8 with a byte-order mark, ';' and CRLF; the header as in English.
          text = try #require(try excelSwedishText(url), "\(f) has no byte-order mark")
          #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(f)")
          headers[lang, default: [:]][f] = text.prefix { $0 != "\r\n" }.replacingOccurrences(of: ";", with: ",")
        } else {
          #expect(!text.hasPrefix("\u{FEFF}") && !text.contains("\r"), "\(f)")
          headers[lang, default: [:]][f] = String(text.prefix { $0 != "\n" })
        }
        // No percent signs or quoted numbers: numbers are read back by programs.
        #expect(!text.contains(" %"), "\(lang)/\(f)")
        #expect(text.range(of: #""\d+,\d+""#, options: .regularExpression) == nil, "\(lang)/\(f)")
      }
    }
    #expect(headers["sv"] == headers["en"])
    #expect(headers["sv"]?["indikatorer.csv"] == "indicator,name,numerator,denominator,rate,areas")
    #expect(headers["sv"]?["stodberattigande.csv"] == "id,title,status,eligible,failed_rules,warnings")
    #expect(headers["sv"]?["fordelning-forvaltning.csv"] == "forvaltning,name,amount")
    #expect(headers["sv"]?["kluster.csv"] == "cluster,code,name")
    #expect(headers["sv"]?["lisa.csv"] == "code,name,value,statistic,quadrant,p,label")
  }
}
