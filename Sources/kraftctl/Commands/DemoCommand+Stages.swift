import KraftsamlingKit
import KraftsamlingKitData

extension DemoSteps {
  /// The demo's budget: 6 MSEK over the eligible sample insatser.
  static let demoBudget = Belopp(kronor: 6_000_000)

  /// Divides a sample budget over the eligible sample insatser with the
  /// need-weighted model (need = the index score of their areas).
  static func allocation(_ io: inout Output) throws {
    let args = try Arguments(
      ["--budget", String(demoBudget.kronor), "--quiet"],
      specs: AllocationSupport.options + [CommonOptions.quiet], positionalLimit: 0, command: "allocate")
    var quietIO = Output()
    quietIO.quiet = true
    let loaded = try AllocationSupport.load(args, &quietIO)
    let fördelning = try NeedWeightedModel().allocate(loaded.input)
    io.print(
      "   \(demoBudget) over the eligible sample insatser, need-weighted (need = index score of their areas × children 0–18):")
    var t = ReportTable(columns: ["förvaltning", "amount"], alignments: [.left, .right])
    for (id, amount) in fördelning.totalsByFörvaltning {
      t.append([AktörKatalog.malmö.aktör(id: id)?.name ?? id, amount.description])
    }
    t.append(["total", fördelning.distributed.description])
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
    io.print("   every krona accounted for: \(fördelning.distributed) distributed, \(fördelning.undistributed) left")
  }

  /// How stable the top 12 are when the index's choices vary.
  static func robustness(_ io: inout Output) throws {
    io.print(RobustnessCommand.demoSummary(), terminator: "")
  }

  /// The clusters of the index's selection, compared with the published one.
  static func clusters(_ io: inout Output) throws {
    for line in try ClustersCommand.demoLines(top: 12) { io.print(line) }
  }

  /// The follow-up status of UVAS on the bundled (illustrative) series.
  static func followUp(_ io: inout Output) throws {
    for line in try UppfoljningCommand.demoLines(language: .en) { io.print(wrap(line)) }
  }

  /// The headline of the 2023 consultation and the state of the 2025 remiss.
  static func consultation(_ io: inout Output) throws {
    for line in RemissvarCommand.demoLines(language: .en) { io.print(wrap(line)) }
  }

  /// Wraps a paragraph at 88 columns with a three-space indent.
  static func wrap(_ text: String, width: Int = 88) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width - 3 {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { "   " + $0 }.joined(separator: "\n")
  }
}
