import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl insatser`: the register of insatser, filtered, with overlaps.
enum InsatserCommand: Command {
  static let name = "insatser"
  static let abstract = "List the register of insatser by area, actor, theme or status, and report overlaps."
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
  static let area = Option<String>("--area", "NAME", "Only insatser in this delområde (name or code).")
  static let actor = Option<String>("--actor", "NAME", "Only insatser in which this actor takes part (name or id).")
  static let theme = Option<String>("--theme", "THEME", "Only insatser with this theme.")
  static let format = CommonOptions.format
  static let options: [any OptionDeclaration] = [
    area, actor, theme, CommonOptions.status, format, CommonOptions.csvDialect, CommonOptions.quiet,
  ]
  static let file = Positional("FILE")
  static let positional: Positional? = file

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let format = args[Self.format] ?? .table
    let loaded = try InsatsInputs.load(args[file], &io)
    let register = try InsatsRegister(loaded.insatser, catalogue: .malmö)
    var query = InsatsRegister.Query()
    if let a = args[area] {
      query.area = try MalmöData.hierarchy.resolve(a, level: .delområde, at: SourceLocation(field: area.name)).code
    }
    if let a = args[actor] { query.actor = try AktörKatalog.malmö.resolve(a, at: SourceLocation(field: actor.name)).id }
    query.theme = args[theme]
    let statuses = args.all(CommonOptions.status)
    if !statuses.isEmpty { query.status = Set(statuses) }
    let hits = register.query(query)
    let ids = Set(hits.map(\.id))
    let overlaps = register.overlaps().filter { ids.contains($0.first) || ids.contains($0.second) }
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy)
    let table = Insats.table(hits, context: context, exact: format == .csv)
    switch format {
    case .csv:
      io.print(table, as: .csv)
    case .json:
      io.print(json: json(hits, overlaps: overlaps, example: loaded.isExample))
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

  static func json(_ hits: [Insats], overlaps: [InsatsOverlap], example: Bool) -> JSON {
    let insatser = hits.map { i -> JSON in
      [
        "id": .string(i.id), "title": .string(i.title), "owner": .string(i.owner), "actors": JSON(i.actorIDs),
        "areas": JSON(i.areas), "themes": JSON(i.themes),
        "period": ["from": JSON(i.period.from), "to": JSON(i.period.to)],
        "budget": JSON((try? i.totalBudget())?.kronor), "status": .string(i.status.rawValue),
      ]
    }
    let overlapping = overlaps.map { o -> JSON in
      [
        "first": .string(o.first), "second": .string(o.second), "areas": JSON(o.areas), "themes": JSON(o.themes),
        "from": JSON(o.years.lowerBound), "to": JSON(o.years.upperBound),
      ]
    }
    return ["example": JSON(example), "insatser": .array(insatser), "overlaps": .array(overlapping)]
  }

  static func describe(_ o: InsatsOverlap, _ context: EligibilityContext) -> String {
    "\(o.first) and \(o.second) in \(o.areas.map(context.areaName).joined(separator: ", ")) on \(o.themes.joined(separator: ", ")), \(o.years.lowerBound)–\(o.years.upperBound)"
  }
}
