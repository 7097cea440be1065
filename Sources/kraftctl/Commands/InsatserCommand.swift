import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl insatser`: the register of insatser, filtered, with overlaps.
enum InsatserCommand: Command {
  static let name = "insatser"
  static let abstract = "List the register of insatser by area, actor, theme or status, and report overlaps."
  static let usage = "[FILE] [--area NAME] [--actor NAME] [--theme THEME] [--status S] [--format table|csv|json|markdown]"
  static let discussion = """
    Reads an insats file (default: the bundled sample of invented insatser) and
    lists the insatser matching every filter given: a delområde (name or code),
    an actor (name or id; a nämnd matches its förvaltning), a theme, a status
    (utkast, inlämnad, tillstyrkt, avstyrkt, beviljad, avslagen, pågående,
    avslutad, uppföljd; repeat --status for several). Unknown names exit with
    status 64 and a suggestion.

    After the list comes the overlap report: pairs of insatser of different
    owners that work in the same delområde on the same theme in the same years
    (statuses inlämnad to avslutad), to avoid parallel processes. CSV columns:
    id,title,owner,actors,areas,themes,period,budget_kr,status.
    """
  static let examples: [(command: String, comment: String)] = [
    ("insatser", "The whole sample register and its overlaps"),
    ("insatser --area Holma", "Insatser in Holma"),
    ("insatser --actor Grundskoleförvaltningen --status pågående", "Ongoing insatser of one förvaltning"),
    ("insatser register.json --theme fritid --format csv", "Your register, one theme, as CSV"),
  ]
  static let options: [OptionSpec] = [
    .option("--area", "NAME", "Only insatser in this delområde (name or code)."),
    .option("--actor", "NAME", "Only insatser in which this actor takes part (name or id)."),
    .option("--theme", "THEME", "Only insatser with this theme."),
    .option("--status", "S", "Only insatser with this status (repeatable).", repeatable: true),
    .option("--format", "FORMAT", "table (default), csv, json or markdown."),
    CommonOptions.quiet,
  ]
  static let positionalLimit = 1

  static func run(_ args: Arguments, _ io: inout Output) throws {
    let format = try OutputFormat.parse(args)
    let loaded = try InsatsInputs.load(args.first, &io)
    let register = try InsatsRegister(loaded.insatser, catalogue: .malmö)
    var query = InsatsRegister.Query()
    if let a = args.value("--area") {
      query.area = try MalmöData.hierarchy.resolve(a, level: .delområde, at: SourceLocation(field: "--area")).code
    }
    if let a = args.value("--actor") {
      query.actor = try AktörKatalog.malmö.resolve(a, at: SourceLocation(field: "--actor")).id
    }
    query.theme = args.value("--theme")
    let statusOptions = Beslutsstatus.allCases.flatMap { s in
      [(s.rawValue, s), (s.rawValue.replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "ö", with: "o"), s)]
    }
    var statuses = Set<Beslutsstatus>()
    for raw in args.all("--status") {
      guard let hit = statusOptions.first(where: { $0.0 == raw.lowercased() }) else {
        let s = NameResolver(entries: Beslutsstatus.allCases.map { ($0.rawValue, $0.rawValue) }, noun: "status").suggestions(for: raw)
        throw UsageError(
          "--status must be one of \(Beslutsstatus.allCases.map(\.rawValue).joined(separator: ", ")), got '\(raw)'",
          hint: s.first.map { "did you mean \($0)?" })
      }
      statuses.insert(hit.1)
    }
    if !statuses.isEmpty { query.status = statuses }
    let hits = register.query(query)
    let ids = Set(hits.map(\.id))
    let overlaps = register.overlaps().filter { ids.contains($0.first) || ids.contains($0.second) }
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy)

    var table = ReportTable(
      columns: ["id", "title", "owner", "actors", "areas", "themes", "period", "budget_kr", "status"],
      alignments: [.left, .left, .left, .left, .left, .left, .left, .right, .left])
    for i in hits {
      let total = (try? i.totalBudget()).map { format == .csv ? String($0.kronor) : $0.formatted(.kr) } ?? "overflow"
      let areaText = format == .csv ? i.areas.joined(separator: " ") : i.areas.map { context.areaName($0) }.joined(separator: ", ")
      table.append([
        i.id, i.title, i.owner, i.actorIDs.joined(separator: " "), areaText, i.themes.joined(separator: ", "),
        i.period.description, total, i.status.rawValue,
      ])
    }
    switch format {
    case .csv:
      io.print(table.csv(), terminator: "")
    case .json:
      io.print(
        JSONOutput.string(
          .object(
            JSONOutput.Object([
              ("example", .bool(loaded.isExample)),
              (
                "insatser",
                .array(
                  hits.map { i in
                    .object(
                      JSONOutput.Object([
                        ("id", .string(i.id)), ("title", .string(i.title)), ("owner", .string(i.owner)),
                        ("actors", .array(i.actorIDs.map { .string($0) })), ("areas", .array(i.areas.map { .string($0) })),
                        ("themes", .array(i.themes.map { .string($0) })),
                        ("period", .object(JSONOutput.Object([("from", .integer(Int64(i.period.from))), ("to", .integer(Int64(i.period.to)))]))),
                        ("budget", (try? i.totalBudget()).map { .integer($0.kronor) } ?? .null),
                        ("status", .string(i.status.rawValue)),
                      ]))
                  })
              ),
              (
                "overlaps",
                .array(
                  overlaps.map { o in
                    .object(
                      JSONOutput.Object([
                        ("first", .string(o.first)), ("second", .string(o.second)),
                        ("areas", .array(o.areas.map { .string($0) })), ("themes", .array(o.themes.map { .string($0) })),
                        ("from", .integer(Int64(o.years.lowerBound))), ("to", .integer(Int64(o.years.upperBound))),
                      ]))
                  })
              ),
            ]))), terminator: "")
    case .markdown:
      if loaded.isExample { io.print("*\(SampleInsatser.exampleLabel)*\n") }
      io.print(table.markdown(), terminator: "")
      io.print("\n**Överlapp (overlaps):** " + (overlaps.isEmpty ? "inga" : ""))
      for o in overlaps { io.print("- " + describe(o, context)) }
    default:
      if loaded.isExample { io.print(SampleInsatser.exampleLabelEnglish) }
      io.print(table.text(), terminator: "")
      io.print("\(hits.count) insats(er)")
      io.print()
      io.print(overlaps.isEmpty ? "No overlaps." : "Overlaps (same delområde, theme and years, different owners):")
      for o in overlaps { io.print("  " + describe(o, context)) }
    }
  }

  static func describe(_ o: InsatsOverlap, _ context: EligibilityContext) -> String {
    "\(o.first) and \(o.second) in \(o.areas.map(context.areaName).joined(separator: ", ")) on \(o.themes.joined(separator: ", ")), \(o.years.lowerBound)–\(o.years.upperBound)"
  }
}
