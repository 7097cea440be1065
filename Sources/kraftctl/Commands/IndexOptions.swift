import KraftsamlingKit

/// Loading index definitions and applying the override options
/// (`CommonOptions.indexOptions`) that `index`, `compare`, the geography
/// commands and `report` share.
enum IndexOptions {
  /// The definition named by a value: a JSON file (a path, or a name ending
  /// in .json) or a built-in name.
  static func load(_ value: String) throws -> IndexDefinition {
    let looksLikeFile = value.hasSuffix(".json") || value.contains("/") || value == "-"
    if looksLikeFile {
      let bytes = try FileInput.readBytes(path: value)
      return try IndexDefinition(json: bytes, file: FileInput.displayName(value))
    }
    do throws(IndexError) {
      return try IndexDefinitionRegistry.builtIn.make(value)
    } catch {
      throw UsageError("--definition: \(error.message)", hint: error.hint)
    }
  }

  /// The definition `value` names (default: `--definition`, else
  /// `stadskontoret-2025`) with the override options given applied; each
  /// override is recorded in the definition's `modifications`.
  static func definition(_ args: ParsedArguments, value: String? = nil) throws -> IndexDefinition {
    var d = try load(value ?? args[CommonOptions.definition] ?? IndexDefinitionRegistry.defaultName)
    if let n = args[CommonOptions.normalization] { d = d.with(normalization: n) }
    if let a = args[CommonOptions.aggregation] { d = d.with(aggregation: a) }
    if let w = args[CommonOptions.weights] {
      do throws(IndexError) { d = try d.with(weights: w) } catch {
        throw UsageError("--weights: \(error.message)", hint: error.hint)
      }
    }
    if let n = args[CommonOptions.minDenominator] { d = d.with(minDenominator: n) }
    if let m = args[CommonOptions.missing] {
      d = d.with(missingData: MissingDataPolicy(m, minimumAvailability: d.missingData.minimumAvailability))
    }
    return d
  }

  /// A number for tables: fixed places, empty for none.
  static func fixed(_ x: Double?, _ places: Int = 3) -> String {
    x.map { DecimalFormatting.fixed($0, places: places) } ?? ""
  }
}
