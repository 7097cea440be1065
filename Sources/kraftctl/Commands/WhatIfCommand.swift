import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl whatif`: the selection, clusters, eligible insatser and money
/// with some areas swapped, side by side with the pipeline as it stands.
enum WhatIfCommand: Command {
  static let name = "whatif"
  static let abstract = "What if these areas were (not) selected? Clusters, verdicts and money before and after."
  static let discussion = """
    Runs the pipeline of kraftctl report twice, once as it stands and once with
    the --add areas in the selection (urvalet) and the --remove areas out of it,
    and shows what differs: the clusters (merged, split, new, dissolved or
    changed), the insatser whose verdict changes (the rule that an insats must
    target a selected delområde gets the same additions and removals) and the
    money per förvaltning and per insats, before, after and the difference to
    the krona. The index itself is not changed. Sentences come first, in
    Swedish (--lang en for English); --format json gives both runs' numbers
    with area codes and ids. An area is named by name or code; an unknown name
    exits with status 64 and suggests the nearest; adding a selected area or
    removing one that is not selected exits with status 65. The robustness
    analysis is left out (it does not depend on the selection).
    See Documentation/WhatIf.md.
    """
  static let examples: [(command: String, comment: String)] = [
    ("whatif --add Heleneholm --remove Apelgården", "Swap two areas"),
    ("whatif --add Heleneholm --budget '10 MSEK' --model pro-rata --lang en", "Another budget and model, in English"),
    ("whatif --remove Holma --format json", "Every number as JSON"),
  ]

  static let add = Option<String>("--add", "AREA", "An area to add to the selection (name or code; repeatable).").repeatable
  static let remove = Option<String>("--remove", "AREA", "An area to remove from the selection (name or code; repeatable).")
    .repeatable
  static let format = CommonOptions.format([.table, .markdown, .json])
  static let options: [any OptionDeclaration] =
    [
      add, remove, ReportCommand.top, CommonOptions.definition, CommonOptions.language, format,
      CommonOptions.rule.help("Contiguity for clusters: rook (default) or queen."),
      CommonOptions.insatser.help("Insats file (default: the sample of invented insatser, with the bundled data only)."),
      CommonOptions.rules.help("Eligibility rules (default stk-2024-1374)."),
      CommonOptions.budget.help("Budget to divide (default 6 MSEK on the sample)."),
      CommonOptions.model.help("Fördelningsmodell (default need-weighted)."), ReportCommand.population,
      CommonOptions.geometry, CommonOptions.idProperty, CommonOptions.quiet,
    ] + CommonOptions.dataInputWithoutCubeSelection.filter { $0.name != CommonOptions.area.name }

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    guard !args.all(add).isEmpty || !args.all(remove).isEmpty else {
      throw UsageError("whatif needs --add AREA or --remove AREA", hint: "e.g. kraftctl whatif --add Heleneholm --remove Apelgården")
    }
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    var config = try ReportCommand.configuration(statistics, args, &io)
    try ReportCommand.addInsatser(to: &config, statistics: statistics, args, &io)
    let change = SelectionChange(
      adding: try args.all(add).map { try resolve($0, add, statistics.table) },
      removing: try args.all(remove).map { try resolve($0, remove, statistics.table) })
    let whatIf = try KraftsamlingPipeline.whatIf(config, change: change)
    let L = config.language
    switch args[format] ?? .table {
    case .json: io.print(json: json(whatIf))
    case let f:
      for line in whatIf.summary(in: L) { io.print(line) }
      for (title, table) in tables(whatIf, L) where !table.rows.isEmpty {
        io.print()
        io.print(f == .markdown ? "### \(title)\n" : title)
        io.print(table, as: f)
      }
      if statistics.isBundled { io.print(); io.print(Inputs.illustrative) }
    }
  }

  /// The area code a name or code stands for; an unknown one is a usage error.
  static func resolve(_ wanted: String, _ option: Option<String>, _ table: AreaTable) throws -> String {
    let entries = table.codes.indices.flatMap { i in [(table.displayName(row: i), table.codes[i]), (table.codes[i], table.codes[i])] }
    return try NameResolver(entries: entries, noun: "area").resolve(wanted, at: SourceLocation(field: option.name))
  }

  static func tables(_ w: WhatIf, _ L: ReportLanguage) -> [(String, ReportTable)] {
    [
      (L.pick("Områden som byts (urval)", "Areas swapped (urval)"), w.selectionTable(L, numbers: .rounded)),
      (L.pick("Kluster", "Clusters (kluster)"), w.clusterTable(L)),
      (L.pick("Insatser som ändrar bedömning", "Insatser whose verdict changes"), w.verdictTable(L)),
      (L.pick("Pengar per förvaltning (kr)", "Money per förvaltning (kr)"), w.moneyTable(perInsats: false)),
      (L.pick("Pengar per insats (kr)", "Money per insats (kr)"), w.moneyTable(perInsats: true)),
    ]
  }

  static func json(_ w: WhatIf) -> JSON {
    func codes(_ c: [String]) -> JSON { JSON(c) }
    func money(_ list: [WhatIf.MoneyChange]) -> JSON {
      .array(
        list.map {
          [
            "id": .string($0.id), "name": .string($0.name), "before": .integer($0.before.kronor),
            "after": .integer($0.after.kronor), "difference": .integer($0.difference),
          ]
        })
    }
    let clusters: [JSON] = w.clusterChanges.map {
      [
        "kind": .string($0.kind.rawValue), "before": .array($0.before.map { JSON($0) }),
        "after": .array($0.after.map { JSON($0) }), "added": codes($0.added), "removed": codes($0.removed),
      ]
    }
    let verdicts: [JSON] = w.verdictChanges.map { v in
      [
        "insats": .string(v.insatsID), "before": .string(v.before.rawValue), "after": .string(v.after.rawValue),
        "rules": .array(v.because.map { ["rule": .string($0.ruleID), "outcome": .string($0.outcome.rawValue), "reason": .string($0.reason)] }),
      ]
    }
    return [
      "adding": codes(w.change.adding), "removing": codes(w.change.removing),
      "selection_before": codes(w.before.selection.map(\.code)), "selection_after": codes(w.after.selection.map(\.code)),
      "clusters": .array(clusters), "verdicts": .array(verdicts),
      "budget": JSON(w.after.fördelning?.budget.kronor),
      "forvaltningar": money(w.moneyByFörvaltning), "insatser": money(w.moneyByInsats),
    ]
  }
}
