import KraftsamlingKit
import KraftsamlingKitData

/// Loading index definitions and applying the override options shared by
/// `kraftctl index` and `kraftctl compare`.
enum IndexOptions {
  static let definition = OptionSpec.option(
    "--definition", "NAME|FILE",
    "Index definition: a built-in name (stadskontoret-2025, scb-regso, threshold-count) or a JSON file.")
  static let normalization = OptionSpec.option(
    "--normalization", "METHOD", "Override the normalisation: zscore, minmax, rank, percentile, imd-exp or distance.")
  static let aggregation = OptionSpec.option(
    "--aggregation", "METHOD", "Override the aggregation: arithmetic, geometric, harmonic, minimum or count.")
  static let weights = OptionSpec.option("--weights", "W1,W2,…", "Override the indicator weights, in definition order.")
  static let minDenominator = OptionSpec.option(
    "--min-denominator", "N", "Rates over fewer than N people count as missing (default: the definition's, 10).")
  static let missing = OptionSpec.option(
    "--missing", "POLICY", "Override the missing-data policy: exclude, mean, median or reweight.")

  /// The definition named by a value: a JSON file (a path, or a name ending
  /// in .json) or a built-in name.
  static func load(_ value: String) throws -> IndexDefinition {
    let looksLikeFile = value.hasSuffix(".json") || value.contains("/") || value == "-"
    if looksLikeFile {
      let bytes = try FileInput.readBytes(path: value)
      return try IndexDefinition(json: bytes, file: FileInput.displayName(value))
    }
    return try IndexDefinitionRegistry.builtIn.definition(named: value)
  }

  /// The definition of `--definition` (default `stadskontoret-2025`) with the
  /// override options applied; each override is recorded in the
  /// definition's `modifications`.
  static func definition(_ args: Arguments, value: String? = nil) throws -> IndexDefinition {
    var d = try load(value ?? args.value("--definition") ?? IndexDefinitionRegistry.defaultName)
    let catalog = IndexStrategyCatalog.builtIn
    let normalizations = ["zscore", "minmax", "rank", "percentile", "imd-exp", "distance"]
    if let n: String = try args.choice("--normalization", normalizations.map { ($0, $0) }) {
      d = d.with(normalization: try catalog.normalization(StrategySpecification(n)))
    }
    let aggregations = ["arithmetic", "geometric", "harmonic", "minimum", "count"]
    if let a: String = try args.choice("--aggregation", aggregations.map { ($0, $0) }) {
      d = d.with(aggregation: try catalog.aggregation(StrategySpecification(a)))
    }
    if let raw = args.value("--weights") {
      var w: [Double] = []
      for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
        guard let x = Double(part.filter { $0 != " " }) else {
          throw UsageError("--weights must be numbers separated by commas, got '\(part)'", hint: "e.g. --weights 2,1,1,1")
        }
        w.append(x)
      }
      d = try d.with(weights: w)
    }
    if let n = try args.double("--min-denominator") {
      guard n >= 0 else { throw UsageError("--min-denominator must be ≥ 0, got \(n)") }
      d = d.with(minDenominator: n)
    }
    if let m: MissingDataPolicy.Method = try args.choice(
      "--missing", MissingDataPolicy.Method.allCases.map { ($0.rawValue, $0) })
    {
      d = d.with(missingData: MissingDataPolicy(m, minimumAvailability: d.missingData.minimumAvailability))
    }
    return d
  }

  /// A number for tables: fixed places, `..` for none.
  static func fixed(_ x: Double?, _ places: Int = 3) -> String {
    x.map { DecimalFormatting.fixed($0, places: places) } ?? ""
  }

  /// A number for CSV: the shortest exact form, empty for none.
  static func exact(_ x: Double?) -> String { x.map(DecimalFormatting.shortest) ?? "" }
}
