import KraftsamlingKit
import KraftsamlingKitData

/// Options and helpers shared by `contiguity`, `clusters` and `map`.
enum GeographySupport {
  static let rule = OptionSpec.option("--rule", "RULE", "Contiguity rule: rook (default, shared border) or queen (shared point).")
  static let tolerance = OptionSpec.option(
    "--tolerance", "T", "Match borders within T layer units instead of exact vertices (e.g. 1e-6 for degrees).")
  static let select = OptionSpec.option("--select", "NAMES", "Select areas by name or code, comma-separated (numbered by first appearance).")
  static let top = OptionSpec.option("--top", "K", "Select the K areas with the highest --variable values.")
  static let minScore = OptionSpec.option("--min-score", "S", "Select every area whose --variable value is at least S.")
  static let variable = OptionSpec.option(
    "--variable", "NAME", "Score for --top/--min-score: an indicator id (a rate in %, e.g. ekonomiskt_bistand_20_64) or a numeric column of --data.")

  /// The rule from `--rule` (default rook).
  static func rule(_ args: Arguments) throws(UsageError) -> any ContiguityRule {
    guard let name = args.value("--rule") else { return Rook() }
    guard let r = contiguityRule(named: name) else {
      throw UsageError("--rule must be rook or queen, got '\(name)'")
    }
    return r
  }

  /// The matching from `--tolerance` (default exact).
  static func matching(_ args: Arguments) throws(UsageError) -> BoundaryMatching {
    guard let t = try args.double("--tolerance") else { return .exact }
    guard t.isFinite, t >= 0 else { throw UsageError("--tolerance must be a non-negative number, got \(t)") }
    return .tolerance(t)
  }

  /// Values per area code from `--variable`: an indicator of the 2025 catalogue (its rate) or a plain column.
  static func values(_ args: Arguments, variable: String) throws -> (values: [String: Double], label: String, illustrative: Bool) {
    let stats = try Inputs.statistics(args)
    let table = stats.table
    var out: [String: Double] = [:]
    if let indicator = IndicatorCatalogue.stadskontoret2025.indicator(id: variable), case .rate(let pair) = indicator.measure,
      let num = table.column(pair.numerator), let den = table.column(pair.denominator)
    {
      for (i, code) in table.codes.enumerated() {
        if let n = num[i], let d = den[i], d > 0 { out[code] = n / d * 100 }
      }
      return (out, indicator.name + " (%)", stats.isBundled)
    }
    guard let column = table.column(variable) else {
      let known = IndicatorCatalogue.stadskontoret2025.all.map(\.id) + table.columnNames
      let resolver = NameResolver(entries: known.map { ($0, $0) }, noun: "variable")
      var error = resolver.unknownNameError(variable, at: SourceLocation(field: "--variable"))
      if error.diagnostics[0].hint?.hasPrefix("did you mean") != true {
        error.diagnostics[0].hint = "use an indicator id (\(IndicatorCatalogue.stadskontoret2025.all.map(\.id).joined(separator: ", "))) or a numeric column of --data"
      }
      throw error
    }
    for (i, code) in table.codes.enumerated() { if let v = column[i] { out[code] = v } }
    return (out, variable, stats.isBundled)
  }

  /// The selection from `--select`, `--top` or `--min-score` (exactly one), or `nil` when none is given.
  static func selection(_ args: Arguments, layer: AreaLayer) throws -> AreaSelection? {
    let given = ["--select", "--top", "--min-score"].filter { args.value($0) != nil }
    guard given.count <= 1 else { throw UsageError("use only one of \(given.joined(separator: ", "))") }
    if let list = args.value("--select") {
      let names = list.split(separator: ",").map(String.init)
      return try AreaSelection.list(names, resolver: layer.nameResolver(), source: "--select")
    }
    guard given.count == 1 else { return nil }
    guard let variable = args.value("--variable") else {
      throw UsageError("\(given[0]) ranks areas by a score: name it with --variable (an indicator id or a column)")
    }
    let scores = try values(args, variable: variable).values
    if let k = try args.int("--top", in: 1...1_000_000) { return try AreaSelection.top(k, of: scores) }
    guard let s = try args.double("--min-score") else { return nil }
    return try AreaSelection.threshold(s, of: scores)
  }
}
