import Foundation
import KraftsamlingKit
import KraftsamlingKitData
import Testing

/// `kraftctl utvardering plan|estimate` (issue #20 part 4): the frozen plan,
/// its Swedish Markdown, and the estimate that refuses changed inputs.
@Suite("kraftctl utvardering")
struct UtvarderingCommandTests {
  /// A plan on the bundled data, written once for the suite.
  static let planned: (dir: URL, json: String, markdown: String, plan: Utvärderingsplan)? = {
    guard let dir = try? Run.temporaryDirectory(),
      let r = try? Run.kraftctl(arguments: ["utvardering", "plan", "--out", "plan.json", "--quiet"], cwd: dir),
      r.status == 0,
      let json = try? String(contentsOf: dir.appendingPathComponent("plan.json"), encoding: .utf8),
      let md = try? String(contentsOf: dir.appendingPathComponent("plan.md"), encoding: .utf8),
      let plan = try? JSONCoding.decode(Utvärderingsplan.self, from: Array(json.utf8), file: "plan.json")
    else { return nil }
    return (dir, json, md, plan)
  }()

  /// The bundled panel's rows as (code, year, population, count).
  static func bundledRows() -> [(String, Int, Int, Int)] {
    MalmöData.uvasSeriesCSV.text.split(separator: "\n").dropFirst().compactMap { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard f.count == 4, let y = Int(f[1]), let n = Int(f[2]), let u = Int(f[3]) else { return nil }
      return (f[0], y, n, u)
    }
  }

  /// The bundled panel plus 2024–2030 in which every area's rate is its
  /// 2019–2023 mean minus 0.2 pp a year, and the treated areas' also minus
  /// `effect`; `edit` changes the pre-period rows first.
  static func laterPanel(treated: Set<String>, effect: Double, edit: (inout [(String, Int, Int, Int)]) -> Void = { _ in })
    -> String
  {
    var rows = bundledRows()
    let pre = rows
    edit(&rows)
    var text = "kod,ar,unga_16_29,uvas_16_29\n" + rows.map { "\($0.0),\($0.1),\($0.2),\($0.3)" }.joined(separator: "\n")
    for code in Set(pre.map(\.0)).sorted() {
      let own = pre.filter { $0.0 == code }
      guard let n = own.last?.2, n > 0, own.allSatisfy({ $0.2 > 0 }) else { continue }
      let mean = own.reduce(0) { $0 + Double($1.3) / Double($1.2) } / Double(own.count)
      for y in 2024...2030 {
        let rate = max(0, mean - 0.002 * Double(y - 2023) - (treated.contains(code) ? effect : 0))
        text += "\n\(code),\(y),\(n),\(Int((rate * Double(n)).rounded()))"
      }
    }
    return text + "\n"
  }

  func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
  }

  @Test("plan: same inputs give byte-identical plan.json and plan.md")
  func deterministic() throws {
    let first = try #require(Self.planned)
    let dir = try Run.temporaryDirectory()
    let r = try Run.kraftctl(arguments: ["utvardering", "plan", "--out", "again.json", "--quiet"], cwd: dir)
    #expect(r.status == 0)
    #expect(try String(contentsOf: dir.appendingPathComponent("again.json"), encoding: .utf8) == first.json)
    #expect(try String(contentsOf: dir.appendingPathComponent("again.md"), encoding: .utf8) == first.markdown)
  }

  @Test("plan: decodes and re-encodes to the same bytes; records the choices and every input's SHA-256")
  func roundTrip() throws {
    let p = try #require(Self.planned)
    #expect(try p.plan.json() == p.json)
    #expect(p.plan.isIntact)
    #expect(p.plan.formatVersion == 1)
    #expect(p.plan.selection.definitionLabel == "stadskontoret-2025@2025.1")
    #expect(p.plan.treated.count == 12)
    #expect(p.plan.comparison.matches.count == 12)
    #expect(p.plan.followUpYears == [2030, 2035])
    #expect(p.plan.preYears.range == 2019...2023)
    #expect(abs(p.plan.syntheticControl.donors.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
    #expect(p.plan.power.map(\.year) == [2030, 2035])
    #expect(p.plan.power[0].minimumDetectableEffect < p.plan.power[1].minimumDetectableEffect)
    #expect(p.plan.inputs.map(\.role) == ["statistics", "geometry", "definition", "panel"])
    let panelHash = SHA256.hex(Array(MalmöData.uvasSeriesCSV.text.utf8))
    #expect(p.plan.inputs[3] == .init(role: "panel", source: "bundled:uvas_tidsserie_exempel.csv", sha256: panelHash))
    #expect(p.json.contains("\"format_version\" : 1"))
    #expect(p.json.contains("\"pre_period_sha256\""))
  }

  @Test("plan.md: Swedish, the MDE sentence with decimal commas, no area codes or file paths")
  func markdown() throws {
    let md = try #require(Self.planned).markdown
    #expect(md.contains("Med dessa 12 områden kan en minskning av UVAS med "))
    #expect(md.contains("upptäckas med 80 % sannolikhet"))
    #expect(md.range(of: #"med \d+,\d procentenheter till 2030"#, options: .regularExpression) != nil)
    #expect(md.contains("## Vad siffrorna inte kan säga"))
    #expect(md.contains("Illustrativa data") || md.contains("illustrativa data"))
    #expect(md.range(of: #"\b\d{5}\b"#, options: .regularExpression) == nil, "an area code")
    #expect(md.range(of: #"\S[/\\]\S|\.(csv|json|geojson)\b|bundled:|sha256"#, options: .regularExpression) == nil)
    #expect(md.range(of: #"\d\.\d"#, options: .regularExpression) == nil, "a decimal point")
  }

  @Test("estimate: a planted reduction of 3 pp in 2024–2030 is recovered by the DiD for 2030")
  func plantedEffect() throws {
    let p = try #require(Self.planned)
    let dir = try Run.temporaryDirectory()
    try FileManager.default.copyItem(at: p.dir.appendingPathComponent("plan.json"), to: dir.appendingPathComponent("plan.json"))
    try write(Self.laterPanel(treated: Set(p.plan.treated.map(\.code)), effect: 0.03), "later.csv", in: dir)
    let r = try Run.kraftctl(
      arguments: ["utvardering", "estimate", "--plan", "plan.json", "--panel", "later.csv", "--format", "json"], cwd: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let e = try JSONCoding.decode(PlanEstimate.self, from: Array(r.stdout.utf8), file: nil)
    #expect(!e.forced && e.warning == nil && e.changes.isEmpty)
    let did = try #require(e.differenceInDifferences.first)
    #expect(did.year == 2030)
    #expect(abs(did.estimate + 0.03) < 0.002, "\(did.estimate)")
    #expect(did.lower < -0.03 + 0.002 && did.upper > -0.03 - 0.002)
    #expect(e.eventStudy.map(\.year) == Array(2019...2030))
    #expect(e.syntheticGaps.map(\.year) == Array(2024...2030))
    #expect(e.placeboPValue > 0 && e.placeboPValue <= 1)
  }

  @Test("estimate: changed pre-period data refused with exit 65 naming the panel; --force marks every format")
  func changedPrePeriod() throws {
    let p = try #require(Self.planned)
    let dir = try Run.temporaryDirectory()
    try FileManager.default.copyItem(at: p.dir.appendingPathComponent("plan.json"), to: dir.appendingPathComponent("plan.json"))
    let victim = p.plan.treated[0].code
    let panel = Self.laterPanel(treated: Set(p.plan.treated.map(\.code)), effect: 0.03) { rows in
      if let i = rows.firstIndex(where: { $0.0 == victim && $0.1 == 2021 }) { rows[i].3 += 5 }
    }
    try write(panel, "later.csv", in: dir)
    let args = ["utvardering", "estimate", "--plan", "plan.json", "--panel", "later.csv"]
    let refused = try Run.kraftctl(arguments: args, cwd: dir)
    #expect(refused.status == 65)
    #expect(refused.stderr.contains("pre-period rows (2019–2023)"))
    #expect(refused.stdout.isEmpty)
    let table = try Run.kraftctl(arguments: args + ["--force"], cwd: dir)
    #expect(table.status == 0)
    #expect(table.stdout.hasPrefix("forced: true — WARNING:"))
    #expect(table.stderr.contains("warning: forced"))
    let json = try Run.kraftctl(arguments: args + ["--force", "--format", "json"], cwd: dir)
    let e = try JSONCoding.decode(PlanEstimate.self, from: Array(json.stdout.utf8), file: nil)
    #expect(e.forced && e.warning != nil && e.changes.count == 1)
    let csv = try Run.kraftctl(arguments: args + ["--force", "--format", "csv"], cwd: dir)
    let lines = csv.stdout.split(separator: "\n").dropFirst()
    #expect(!lines.isEmpty && lines.allSatisfy { $0.split(separator: ",")[1] == "true" })
    let md = try Run.kraftctl(arguments: args + ["--force", "--format", "markdown"], cwd: dir)
    #expect(md.stdout.hasPrefix("forced: true"))
  }

  @Test("estimate: an edited plan is refused; a bad field is named; exit 65")
  func editedPlan() throws {
    let p = try #require(Self.planned)
    let dir = try Run.temporaryDirectory()
    try write(Self.laterPanel(treated: Set(p.plan.treated.map(\.code)), effect: 0), "later.csv", in: dir)
    let match = p.plan.comparison.matches[0]
    let other = try #require(p.plan.syntheticControl.codes.first { $0 != match.comparison })
    try write(p.json.replacingOccurrences(of: "\"comparison\" : \"\(match.comparison)\"", with: "\"comparison\" : \"\(other)\""),
      "edited.json", in: dir)
    let edited = try Run.kraftctl(arguments: ["utvardering", "estimate", "--plan", "edited.json", "--panel", "later.csv"], cwd: dir)
    #expect(edited.status == 65)
    #expect(edited.stderr.contains("the plan itself was edited"))
    try write(p.json.replacingOccurrences(of: "\"format_version\" : 1", with: "\"format_version\" : \"one\""),
      "bad.json", in: dir)
    let bad = try Run.kraftctl(arguments: ["utvardering", "estimate", "--plan", "bad.json", "--panel", "later.csv"], cwd: dir)
    #expect(bad.status == 65)
    #expect(bad.stderr.contains("format_version"))
  }

  @Test("plan --out: a foreign plan.json or plan.md is never replaced (exit 73); its own files are")
  func foreignFiles() throws {
    let dir = try Run.temporaryDirectory()
    try write("{\"mine\": true}\n", "plan.json", in: dir)
    let args = ["utvardering", "plan", "--out", "plan.json", "--quiet"]
    let refused = try Run.kraftctl(arguments: args, cwd: dir)
    #expect(refused.status == 73)
    #expect(try String(contentsOf: dir.appendingPathComponent("plan.json"), encoding: .utf8) == "{\"mine\": true}\n")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan.md").path))
    try FileManager.default.removeItem(at: dir.appendingPathComponent("plan.json"))
    try write("# my notes\n", "plan.md", in: dir)
    let refusedMarkdown = try Run.kraftctl(arguments: args, cwd: dir)
    #expect(refusedMarkdown.status == 73)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plan.json").path))
    try FileManager.default.removeItem(at: dir.appendingPathComponent("plan.md"))
    #expect(try Run.kraftctl(arguments: args, cwd: dir).status == 0)
    #expect(try Run.kraftctl(arguments: args, cwd: dir).status == 0)
  }

  @Test("report: the section 'Går det att se om det fungerade?' has the plan's MDE sentence and placebo figure")
  func reportSection() throws {
    let p = try #require(Self.planned)
    let dir = try Run.temporaryDirectory().appendingPathComponent("r")
    let r = try Run.kraftctl(arguments: ["report", "--out", dir.path, "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let md = try String(contentsOf: dir.appendingPathComponent("rapport.md"), encoding: .utf8)
    let section = try #require(md.components(separatedBy: "## Går det att se om det fungerade?").dropFirst().first)
    let sentence = try #require(p.plan.powerParagraphs().first)
    #expect(section.contains(sentence))
    #expect(section.contains(try #require(p.plan.placeboParagraph())))
  }

  @Test("usage: an action is needed and options of the other action are refused (exit 64)")
  func usage() throws {
    #expect(try Run.kraftctl("utvardering").status == 64)
    #expect(try Run.kraftctl("utvardering", "plan", "--out", "x.json", "--force").status == 64)
    #expect(try Run.kraftctl("utvardering", "estimate", "--plan", "p.json", "--panel", "x.csv", "--top", "3").status == 64)
  }
}
