import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl compare-models`: the same insatser under every model.
enum CompareModelsCommand: Command {
  static let name = "compare-models"
  static let abstract = "Show the same insatser and budget under every fördelningsmodell side by side."
  static let discussion = """
    Runs every built-in model (pro-rata, need-weighted, equal-per-forvaltning,
    priority, base-plus-need, equal-shares) on the same input as `allocate` and
    prints one column per model: per insats and förvaltning (default) or per
    förvaltning (--by forvaltning), with a total row. A model that cannot run
    on the input (e.g. need-weighted without need data) shows 'error' and the
    reason on standard error.
    """
  static let examples: [(command: String, comment: String)] = [
    ("compare-models --budget '4 MSEK'", "Every model over the sample insatser"),
    ("compare-models --budget '4 MSEK' --by forvaltning --format markdown", "Totals per förvaltning for a report"),
  ]
  static let by = Option<Bool>.choice(
    "--by", "LEVEL", "item (insats and förvaltning; default) or forvaltning.",
    [("item", false), ("forvaltning", true)], aliases: [("förvaltning", true)])
  static let format = CommonOptions.format
  static let options: [any OptionDeclaration] = AllocationSupport.options + [by, format, CommonOptions.csvDialect, CommonOptions.quiet]

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let byFörvaltning = args[by] ?? false
    let loaded = try AllocationSupport.load(args, &io)
    if loaded.isExample { io.note(SampleInsatser.exampleLabelEnglish) }
    let names = FördelningsmodellRegistry.standard.names
    var keys: [String] = []
    var requested: [String: Int64] = [:]
    var amounts: [String: [String: Int64]] = [:]
    var failed = Set<String>()
    for name in names {
      let f: Fördelning
      do { f = try FördelningsmodellRegistry.standard.make(name).allocate(loaded.input) } catch {
        io.warn("\(name): \(error)")
        failed.insert(name)
        continue
      }
      for r in f.items {
        let key = byFörvaltning ? r.förvaltning : "\(r.insats)\t\(r.förvaltning)"
        if requested[key] == nil {
          keys.append(key)
          requested[key] = 0
        }
        if name == names.first(where: { !failed.contains($0) }) { requested[key]! += r.requested }
        amounts[name, default: [:]][key, default: 0] += r.amount
      }
    }
    if byFörvaltning { keys.sort() }
    let lead = byFörvaltning ? ["forvaltning"] : ["insats", "forvaltning"]
    var t = ReportTable(
      columns: lead + ["requested"] + names,
      alignments: lead.map { _ in .left } + Array(repeating: .right, count: names.count + 1))
    for key in keys {
      let parts = key.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      t.append(
        parts + [String(requested[key]!)] + names.map { failed.contains($0) ? "error" : String(amounts[$0]?[key] ?? 0) }
      )
    }
    let totalRequested = requested.values.reduce(0, +)
    t.append(
      (byFörvaltning ? ["total"] : ["total", ""]) + [String(totalRequested)]
        + names.map { n in failed.contains(n) ? "error" : String(amounts[n]?.values.reduce(0, +) ?? 0) })
    io.print(t, as: args[format] ?? .table)
  }
}
