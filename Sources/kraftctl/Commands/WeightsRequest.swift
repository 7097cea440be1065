import KraftsamlingKit
import KraftsamlingKitData

/// What `kraftctl weights` was asked for: the method with its inputs (read
/// and checked from `--input` for budget and AHP) and the level.
struct WeightsRequest {
  var method: WeightingMethod
  var level: WeightingLevel
  var definition: IndexDefinition
  /// The judgements file, for budget and AHP.
  var input: WeightsInput?

  init(_ args: ParsedArguments, definition: IndexDefinition) throws {
    self.definition = definition
    let name = args[WeightsCommand.method] ?? "optimised"
    level = args[WeightsCommand.level] ?? .indicators
    switch name {
    case "budget", "ahp":
      guard let path = args[WeightsCommand.input] else {
        throw UsageError("--method \(name) needs --input FILE", hint: "see 'kraftctl weights --help' and Documentation/Weighting.md")
      }
      let file = try WeightsInput.read(path, key: name == "ahp" ? "matrix" : "points")
      if args[WeightsCommand.level] == nil, Set(file.items) == Set(definition.dimensions.map(\.id)), !file.items.isEmpty {
        level = .dimensions
      }
      let rows = try Self.checked(file, name: name, definition: definition, level: level)
      method =
        name == "ahp"
        ? .analyticHierarchy(
          matrix: rows, randomIndex: args[WeightsCommand.randomIndex] ?? .saaty, force: args[WeightsCommand.force])
        : .budgetAllocation(points: rows)
      input = file
    case "pca":
      method = .principalComponents(
        minimumEigenvalue: args[WeightsCommand.minEigenvalue] ?? 1, minimumShare: args[WeightsCommand.minShare] ?? 0.1)
    case "regression":
      guard let text = args[WeightsCommand.outcome] else {
        throw UsageError("--method regression needs --outcome COLUMN", hint: "e.g. --outcome uvas_16_29/unga_16_29")
      }
      let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
      method = .regression(outcome: parts[0], denominator: parts.count > 1 ? parts[1] : nil)
    default:
      method = .optimised(target: args[WeightsCommand.target])
    }
  }

  /// The file's numbers, checked (every problem located) and put in the
  /// definition's order of the level's items.
  static func checked(_ file: WeightsInput, name: String, definition: IndexDefinition, level: WeightingLevel) throws
    -> [[Double]]
  {
    let problems =
      name == "ahp"
      ? AnalyticHierarchy.problems(in: file.rows) + rowLabelProblems(file)
      : BudgetAllocation.problems(in: file.rows, total: 100)
    let ids = level == .indicators ? definition.indicators.map(\.id) : definition.dimensions.map(\.id)
    let located =
      file.itemProblems(for: ids, noun: level == .indicators ? "indicator" : "dimension") + file.diagnostics(problems)
    if !located.isEmpty { throw DataError(diagnostics: located) }
    let order = ids.map { id in file.items.firstIndex(of: id)! }
    return name == "ahp"
      ? order.map { i in order.map { j in file.rows[i][j] } }
      : file.rows.map { row in order.map { row[$0] } }
  }

  /// An AHP matrix in CSV must label its rows with the header's items, in order.
  static func rowLabelProblems(_ file: WeightsInput) -> [WeightingInputProblem] {
    file.rowLocations.enumerated().compactMap { i, place in
      guard place.line != nil, i < file.items.count, place.field != file.items[i] else { return nil }
      return WeightingInputProblem(
        row: i, column: nil, message: "row \(i + 1) is labelled '\(place.field ?? "")', not '\(file.items[i])'",
        hint: "list the rows in the order of the header's columns")
    }
  }

  /// Derives the weights, locating an inconsistent AHP matrix at its file.
  func derive(on table: AreaTable) throws -> WeightingRecord {
    do throws(IndexError) {
      return try definition.weightingRecord(method, level: level, table: table, hierarchy: MalmöData.hierarchy)
    } catch where error.code == .inconsistentComparisons {
      throw IndexError(
        error.code, error.message, hint: "revise the comparisons that contradict each other, or pass --force",
        location: SourceLocation(file: input?.file))
    }
  }
}
