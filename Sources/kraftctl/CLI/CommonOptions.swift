import Foundation
import KraftsamlingKit

/// The options shared by several commands, each declared once: its name,
/// placeholder, help line and the check of its value. A command lists the
/// ones it takes (with `.help(_:)` where its help line says more) and reads
/// them with `args[CommonOptions.data]`.
enum CommonOptions {
  // MARK: Statistics input

  static let data = Option<String>(
    "--data", "FILE", "Statistics CSV, or a PC-Axis .px file with --area (default: the bundled illustrative Malmö data).")
  static let idColumn = Option<String>(
    "--id-column", "NAME", "CSV column holding the area code (default: kod, code, do_kod… or the first).")
  static let delimiter = Option<Character>("--delimiter", "CHAR", "CSV delimiter: , ; tab or | (default: detected).") {
    text throws(UsageError) in
    switch text {
    case ",", ";", "|": return Character(text)
    case "tab", "\\t", "\t": return "\t"
    default: throw UsageError("--delimiter must be , ; tab or |, got '\(text)'")
    }
  }
  static let encoding = Option<TextEncoding>.choice(
    "--encoding", "ENC", "CSV encoding: auto (default), utf8 or latin1.",
    [("auto", .auto), ("utf8", .utf8), ("latin1", .latin1)], aliases: [("utf-8", .utf8), ("iso-8859-1", .latin1)])
  /// `--select DIM=VALUE` of a PC-Axis cube (repeatable; values of one dimension add up).
  static let select = Option<PXSelection>(
    "--select", "DIM=VALUE", "PC-Axis: keep this value (code or text) of a dimension (repeatable)."
  ) { text throws(UsageError) in
    guard let eq = text.firstIndex(of: "="), eq != text.startIndex, text.index(after: eq) != text.endIndex else {
      throw UsageError("--select must be DIMENSION=VALUE, got '\(text)'", hint: "e.g. --select år=2023")
    }
    return PXSelection(dimension: String(text[..<eq]), value: String(text[text.index(after: eq)...]))
  }.repeatable
  /// `--area DIM`: the dimension of a PC-Axis cube whose values are the areas.
  static let area = Option<String>(
    "--area", "DIM", "PC-Axis: the dimension whose value codes are the area codes (e.g. region).")
  /// `--lang` of a PC-Axis file: any language it declares.
  static let pxLanguage = Option<String>(
    "--lang", "LANG", "PC-Axis: the language of the texts, one of the file's LANGUAGES (default: its LANGUAGE).")
  /// The options that read a statistics file.
  static let dataInput: [any OptionDeclaration] = [data, idColumn, delimiter, encoding, select, area]
  /// The same for the commands whose `--select` names areas (`clusters`,
  /// `map`): a PC-Axis file there is read with `--area` alone, so its other
  /// dimensions must have one value each or make columns.
  static let dataInputWithoutCubeSelection: [any OptionDeclaration] = dataInput.filter { $0.name != select.name }

  // MARK: Geometry

  static let geometry = Option<String>("--geometry", "FILE", "Area polygons as GeoJSON (default: Malmö's delområden).")
  static let idProperty = Option<String>(
    "--id-property", "NAME", "GeoJSON property holding the area code (default: do_kod).")

  // MARK: Output

  /// `--format` among `allowed`; the first is the default. Where `xlsx` is
  /// not allowed, asking for it says which commands write workbooks.
  static func format(_ allowed: [OutputFormat]) -> Option<OutputFormat> {
    var names = allowed.map(\.rawValue)
    names[0] += " (default)"
    let help = "Output format: \(names.spokenList)\(allowed.contains(.xlsx) ? " (with --out FILE.xlsx)" : "")."
    let choice = Option.choice("--format", "FORMAT", help, allowed.map { ($0.rawValue, $0) })
    guard !allowed.contains(.xlsx) else { return choice }
    return Option("--format", "FORMAT", help, choices: choice.choices) { text throws(UsageError) in
      guard text.lowercased() != OutputFormat.xlsx.rawValue else {
        throw UsageError(
          "--format must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), got 'xlsx'",
          hint: "Excel workbooks are written by \(WorkbookOutput.commands.spokenList) (--format xlsx --out FILE.xlsx) "
            + "and by report (tabeller.xlsx)")
      }
      return try choice.value(text)
    }
  }
  /// `--format table|csv|json|markdown`, table by default.
  static let format = format(OutputFormat.text)
  /// The same with `xlsx`, for the commands that write a workbook with `--out`.
  static let formatWithWorkbook = format(OutputFormat.text + [.xlsx])
  /// `--csv-dialect rfc4180|excel-sv`: how `--format csv` is written. Every
  /// command whose `--format` offers csv takes it; with another format it is
  /// refused (see ``checkCSVDialect(_:options:)``).
  static let csvDialect = Option<ReportTable.CSVStyle>.choice(
    "--csv-dialect", "DIALECT",
    "With --format csv: rfc4180 (default; comma, '.' decimals) or excel-sv (';', decimal comma, UTF-8 with BOM, CRLF: opens in Swedish Excel).",
    ReportTable.CSVStyle.allCases.map { ($0.rawValue, $0) })
  /// A directory to write (`report`, `demo`).
  static let outDirectory = Option<String>(
    "--out", "DIR", "The report directory: created, or replaced if kraftctl wrote it.")
  /// A file to write (an SVG chart or map).
  static let outFile = Option<String>("--out", "FILE", "Write the SVG here.")
  /// The workbook of `--format xlsx`.
  static let outWorkbook = Option<String>("--out", "FILE", "With --format xlsx: the workbook to write (FILE.xlsx).")
  static let force = Flag(
    "--force", "Write into a non-empty or protected directory; still removes only files kraftctl wrote.")
  static let quiet = Flag("--quiet", "Print no progress or notes on standard error.")
  static let language = Option<ReportLanguage>.choice(
    "--lang", "LANG", "sv (default) or en.", [("sv", .sv), ("en", .en)])

  // MARK: Disclosure control

  static let minCount = Option.integer(
    "--min-count", "N",
    "Show counts (populations, denominators) below N as '..' (disclosure control; default 5, 0 = off).",
    in: 0...1_000_000)
  /// The small-number limit: one meaning in every command. A fraction
  /// counts as the next whole number of people where rates are hidden.
  static let minDenominator = Option.number(
    "--min-denominator", "N",
    "Rates over fewer than N people count as missing in the index and are shown as '..' (default: the definition's, 10; 0 = off).",
    "must be between 0 and 1000000", where: { (0...1_000_000).contains($0) })
  static let disclosure: [any OptionDeclaration] = [minCount, minDenominator]

  // MARK: The index

  static let definition = Option<String>(
    "--definition", "NAME|FILE",
    "Index definition: a built-in name (\(IndexDefinitionRegistry.builtIn.names.joined(separator: ", "))) or a JSON file."
  )
  static let normalization = strategy(
    "--normalization", "Override the normalisation", IndexStrategyCatalog.builtIn.normalizations.names,
    IndexStrategyCatalog.builtIn.normalization)
  static let aggregation = strategy(
    "--aggregation", "Override the aggregation", IndexStrategyCatalog.builtIn.aggregations.names,
    IndexStrategyCatalog.builtIn.aggregation)
  static let weights = Option<[Double]>("--weights", "W1,W2,…", "Override the indicator weights, in definition order.")
  {
    text throws(UsageError) in
    var w: [Double] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let x = Double(part.filter { $0 != " " }) else {
        throw UsageError("--weights must be numbers separated by commas, got '\(part)'", hint: "e.g. --weights 2,1,1,1")
      }
      w.append(x)
    }
    return w
  }
  /// The selection: the areas ranked K or better (ties at the cut included).
  static let top = Option.integer(
    "--top", "K", "The selection: the areas ranked K or better, ties included (default 12).", in: 1...1_000_000)
  static let missing = Option<MissingDataPolicy.Method>.choice(
    "--missing", "POLICY", "Override the missing-data policy: exclude, mean, median or reweight.",
    MissingDataPolicy.Method.allCases.map { ($0.rawValue, $0) })
  /// The options that choose and modify an index, as `kraftctl index` takes them.
  static let indexOptions: [any OptionDeclaration] = [
    definition, normalization, aggregation, weights, minDenominator, missing,
  ]

  /// A strategy of the catalogue by name: the methods that need no parameters.
  private static func strategy<S: Sendable>(
    _ name: String, _ help: String, _ names: [String], _ build: (StrategySpecification) throws(IndexError) -> S
  ) -> Option<S> {
    let built = names.compactMap { n in (try? build(StrategySpecification(n))).map { (n, $0) } }
    return .choice(name, "METHOD", "\(help): \(built.map(\.0).spokenList).", built)
  }

  // MARK: Randomness and geography

  static let seed = Option<UInt64>("--seed", "S", "Seed (default 2025).") { text throws(UsageError) in
    guard let seed = UInt64(text) else { throw UsageError("--seed must be a whole number ≥ 0, got '\(text)'") }
    return seed
  }
  static let permutations = Option.integer(
    "--permutations", "P", "Conditional permutations for the pseudo p-values (default 999; 0 = none).",
    in: 0...1_000_000)
  static let rule = Option<any ContiguityRule>(
    "--rule", "RULE", "Contiguity rule: rook (default, shared border) or queen (shared point).",
    choices: ["rook", "queen"]
  ) { text throws(UsageError) in
    guard let rule = contiguityRule(named: text) else {
      throw UsageError("--rule must be rook or queen, got '\(text)'")
    }
    return rule
  }

  // MARK: Insatser and money

  static let insatser = Option<String>(
    "--insatser", "FILE", "Insats file (default: the bundled sample of invented insatser).")
  static let rules = Option<String>(
    "--rules", "FILE|NAME", "Only eligible insatser are allocated: a rule set (default stk-2024-1374) or 'none'.")
  static let budget = Option<Belopp>("--budget", "KRONOR", "The budget, e.g. 4000000, '4 MSEK' or '4000 tkr'.") {
    try AllocationSupport.budget($0)
  }
  static let model = Option<any Fördelningsmodell>("--model", "NAME", "The fördelningsmodell (default pro-rata).") {
    try AllocationSupport.model($0)
  }
  static let ties = Option<TiePolicy>(
    "--ties", "POLICY", "error (default), order, or seed:S.", choices: ["error", "order", "seed:S"]
  ) { text throws(UsageError) in
    guard let policy = try? TiePolicy(parsing: text) else {
      throw UsageError("--ties must be error, order or seed:S, got '\(text)'")
    }
    return policy
  }
  /// A decision status (`pågående` also as `pagaende`); repeatable.
  static let status = Option<Beslutsstatus>.choice(
    "--status", "S", "Only insatser with this status (repeatable).", Beslutsstatus.allCases.map { ($0.rawValue, $0) },
    aliases: Beslutsstatus.allCases.map { ($0.rawValue.asciiFolded, $0) }, listed: false
  ).repeatable

  // MARK: The report

  static let title = Option<String>(
    "--title", "TEXT", "The report's title (default: Kraftsamlande insatser i KOMMUN).", parse: oneLine("--title"))
  static let kommun = Option<String>(
    "--kommun", "NAME",
    "The municipality: the city-wide column and the default title (default: Malmö for Malmö's area codes, else 'kommunen').",
    parse: oneLine("--kommun"))
  static let remiss = Option<String>(
    "--remiss", "FILE",
    "A consultation round to summarise, kraftsamling-remiss/1 JSON (repeatable; default: the bundled rounds with the bundled data)."
  ).repeatable

  /// The CSV dialect a command line asks for: `--csv-dialect`, or RFC 4180.
  ///
  /// - Throws: ``UsageError`` when `--csv-dialect` is given but the output
  ///   is not CSV (`--format` not csv, or a command whose default format is
  ///   another), so that a script does not silently get something else.
  static func checkCSVDialect(_ args: ParsedArguments, options: [any OptionDeclaration]) throws(UsageError)
    -> ReportTable.CSVStyle
  {
    guard let style = args[csvDialect] else { return .rfc4180 }
    // The format given, or the command's default: the first of its choices.
    let formatOption = options.first { $0.name == format.name } as? Option<OutputFormat>
    let chosen = formatOption.flatMap { args[$0] ?? $0.choices?.first.flatMap(OutputFormat.init(rawValue:)) }
    guard chosen == .csv else {
      throw UsageError(
        "--csv-dialect applies only to CSV output, but the format is \(chosen?.rawValue ?? "not csv")",
        hint: "add --format csv, or leave out --csv-dialect")
    }
    return style
  }

  /// Reads a non-empty text of one line (a title, a name), trimmed.
  private static func oneLine(_ name: String) -> @Sendable (String) throws -> String {
    { text throws(UsageError) in
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { throw UsageError("\(name) must not be empty") }
      guard !trimmed.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 32 } == true }) else {
        throw UsageError("\(name) must be one line of text, without line breaks or control characters")
      }
      return trimmed
    }
  }

  // MARK: Follow-up

  static let target = Option<Målvärde>("--target", "YEAR:PCT", "A target you set, e.g. 2030:8,5 (repeatable).") {
    try Målvärde(parsing: $0)
  }.repeatable
}

extension [String] {
  /// The words as a list in a sentence: `a, b or c`.
  var spokenList: String { count < 2 ? joined() : dropLast().joined(separator: ", ") + " or " + last! }
}

extension String {
  /// Å, ä, ö as a, a, o (for options typed on a keyboard without them).
  var asciiFolded: String {
    String(map { c -> Character in ["å": "a", "ä": "a", "ö": "o"][c] ?? c })
  }
}
