import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl areas`: the areas known to kraftctl, with GeSO and population.
enum AreasCommand: Command {
  static let name = "areas"
  static let abstract = "List the delområden (or the areas of --geometry/--data) with GeSO and population."
  static let discussion = """
    Without --geometry or --data, lists Malmö's 136 bundled delområden with their
    geografiska statistikområde (GeSO), former stadsdel and population (the
    population column of the bundled data is illustrative). Names are matched
    case-insensitively; an unknown name exits with status 64 and suggests the
    nearest names. CSV columns: code,name,geso,geso_name,stadsdel,population.
    Populations below 5 are shown as '..' (disclosure control; see --min-count).
    """
  static let examples: [(command: String, comment: String)] = [
    ("areas --format csv", "All 136 delområden as CSV"),
    ("areas --name hermodsdal", "One area, case-insensitively"),
    ("areas --geso \"Rosengård\"", "The delområden of one GeSO"),
  ]
  static let areaName = Option<String>("--name", "NAME", "Show only the area with this name or code.")
  static let geso = Option<String>("--geso", "NAME", "Show only the delområden of this GeSO (name or number).")
  static let nameProperty = Option<String>(
    "--name-property", "NAME", "GeoJSON property holding the area name (default: name, namn, kommun…).")
  static let format = CommonOptions.format
  static let options: [any OptionDeclaration] =
    [areaName, geso, CommonOptions.geometry, CommonOptions.idProperty, nameProperty] + CommonOptions.dataInput
    + CommonOptions.disclosure + [format, CommonOptions.csvDialect]

  struct Row {
    var code: String
    var name: String
    var geso: String?
    var gesoName: String?
    var stadsdel: String?
    var population: Double?
  }

  static func run(_ args: ParsedArguments, _ io: inout Output) throws {
    let listed = try list(args, &io)
    var rows = listed.rows
    if let wanted = args[areaName] {
      let resolver = NameResolver(entries: rows.flatMap { [($0.name, $0.code), ($0.code, $0.code)] }, noun: "area")
      let code = try resolver.resolve(wanted, at: SourceLocation(field: areaName.name))
      rows = rows.filter { $0.code == code }
    }
    if let wanted = args[geso] {
      guard rows.contains(where: { $0.geso != nil }) else {
        throw UsageError("--geso works with the bundled Malmö areas only")
      }
      let gesos = Dictionary(
        rows.compactMap { r in r.geso.map { ($0, r.gesoName ?? $0) } }, uniquingKeysWith: { a, _ in a })
      let resolver = NameResolver(entries: gesos.flatMap { [($0.value, $0.key), ($0.key, $0.key)] }, noun: "GeSO")
      let code = try resolver.resolve(wanted, at: SourceLocation(field: geso.name))
      rows = rows.filter { $0.geso == code }
    }
    let format = args[Self.format] ?? .table
    print(rows, disclosure: Inputs.disclosure(args), format: format, &io)
    if format == .table {
      io.print(
        "\(rows.count) area(s)" + (listed.populationIsIllustrative ? "; population: \(Inputs.illustrative)" : ""))
    }
  }

  /// The rows with the documented columns; a population below `--min-count` is the marker.
  static func print(_ rows: [Row], disclosure: DisclosureControl, format: OutputFormat, _ io: inout Output) {
    if format == .json {
      io.print(
        json: .array(
          rows.map { r in
            [
              "code": .string(r.code), "name": .string(r.name), "geso": JSON(r.geso), "geso_name": JSON(r.gesoName),
              "stadsdel": JSON(r.stadsdel),
              "population": r.population.map {
                disclosure.suppresses(count: $0) ? .string(disclosure.marker) : JSON(Int64($0))
              } ?? .null,
            ]
          }))
      return
    }
    var table = ReportTable(
      columns: ["code", "name", "geso", "geso_name", "stadsdel", "population"],
      alignments: [.left, .left, .right, .left, .left, .right])
    for r in rows {
      table.append([
        r.code, r.name, r.geso ?? "", r.gesoName ?? "", r.stadsdel ?? "",
        r.population.map { disclosure.count($0) } ?? "",
      ])
    }
    io.print(table, as: format)
  }

  /// The areas of `--geometry`, of `--data`, or the bundled delområden,
  /// with the population of the statistics.
  static func list(_ args: ParsedArguments, _ io: inout Output) throws -> (rows: [Row], populationIsIllustrative: Bool)
  {
    var rows: [Row] = []
    var populationIsIllustrative = false
    let geometry = args.isGiven(CommonOptions.geometry)
    let statistics = args.isGiven(CommonOptions.data) || !geometry ? try Inputs.statistics(args) : nil
    if let s = statistics { io.report(s.diagnostics.filter { $0.severity == .note }) }
    if geometry {
      let (layer, _) = try Inputs.layer(args)
      let nameKeys = args[nameProperty].map { [$0] } ?? ["name", "namn", "kommun", "NAMN", "Name"]
      for f in layer.features {
        rows.append(Row(code: f.id, name: nameKeys.lazy.compactMap { f.properties[$0] }.first ?? f.id))
      }
    } else if let s = statistics, !s.isBundled {
      for (i, code) in s.table.codes.enumerated() { rows.append(Row(code: code, name: s.table.displayName(row: i))) }
    } else {
      for d in MalmöData.delområden {
        rows.append(Row(code: d.code, name: d.name, geso: d.geso.code, gesoName: d.geso.name, stadsdel: d.stadsdel))
      }
      populationIsIllustrative = true
    }
    if let s = statistics, let population = s.table.column("befolkning") {
      for i in rows.indices { rows[i].population = s.table.row(ofCode: rows[i].code).flatMap { population[$0] } }
    }
    return (rows, populationIsIllustrative)
  }
}
