import KraftsamlingKit

/// The output of `kraftctl weights`: the weights with each method's
/// per-item numbers, then its diagnostics, notes and the `--weights` line.
enum WeightsReport {
  /// The per-item numbers shown as columns, by method (the record's keys).
  static let detailColumns: [String: [String]] = [
    "budget": ["standardDeviation", "minimum", "maximum"],
    "pca": ["component", "scaledLoading", "componentShare"],
    "optimised": ["effective", "target"],
    "regression": ["coefficient"],
  ]

  /// One row per item: id, name, weight and the method's numbers.
  static func table(_ record: WeightingRecord) -> ReportTable {
    let keys = detailColumns[record.methodName] ?? []
    var table = ReportTable(
      columns: ["id", "name", "weight"] + keys.map(snakeCase),
      alignments: [.left, .left] + Array(repeating: .right, count: keys.count + 1))
    for (i, id) in record.ids.enumerated() {
      let numbers = [record.weights[i]] + keys.map { record.details[$0]?[i] ?? .nan }
      table.append([id, record.names[i]] + numbers.map { $0.isNaN ? "" : format($0) })
    }
    return table
  }

  /// The lines after the table: diagnostics, notes, and how to use the weights.
  static func summary(_ record: WeightingRecord, definition: IndexDefinition) -> [String] {
    var lines = [""]
    lines += record.diagnostics.keys.sorted().map { "\(snakeCase($0)): \(format(record.diagnostics[$0]!))" }
    lines += record.notes.map { "note: \($0)" }
    // Tiny weights in full, so that none reads as 0 where 0 is refused.
    let weights = record.weights.map { $0 > 0 && $0 < 1e-6 ? "\($0)" : format($0) }.joined(separator: ",")
    if record.weights.contains(where: { $0 <= 0 }) {
      lines.append("A weight of 0 leaves its item out: remove it from the definition, then weight the rest.")
    } else if record.level == .dimensions {
      lines.append("Dimension weights \(weights): write the weighted definition with --out FILE and pass --definition FILE.")
    } else {
      lines.append("kraftctl index --weights \(weights)")
      if !definition.dimensions.isEmpty {
        lines.append("(each dimension's weight becomes the sum of its indicators': --out FILE writes both)")
      }
    }
    return lines
  }

  /// Six decimals, trailing zeros kept for alignment; whole counts without.
  static func format(_ x: Double) -> String {
    x == x.rounded() && abs(x) >= 1 && abs(x) < 1e9 ? String(Int(x)) : DecimalFormatting.fixed(x, places: 6)
  }

  /// `standardDeviation` → `standard_deviation`.
  static func snakeCase(_ key: String) -> String {
    key.reduce(into: "") { s, c in s += c.isUppercase ? "_" + c.lowercased() : String(c) }
  }
}
