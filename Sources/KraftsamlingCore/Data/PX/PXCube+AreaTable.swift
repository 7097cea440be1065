extension PXCube {
  /// Reshapes the cube to a table with one row per area.
  ///
  /// The values of the `area` dimension become the rows: their codes
  /// (`CODES`, e.g. SCB's DeSO, RegSO or kommun codes) the area codes, their
  /// texts the names. Every other dimension that still has more than one
  /// value makes columns, one per combination of values, named by the
  /// value codes joined with `_` (`BE0101N1_2023`). When no other dimension
  /// varies, the one column is named by the codes of the remaining values.
  /// A missing cell is nil, its symbol kept as the table's missing marker.
  ///
  /// ```swift
  /// let table = try cube.selecting("år", ["2023"]).areaTable(area: "region")
  /// ```
  ///
  /// - Parameters:
  ///   - area: The dimension of the areas (name in any language, or code).
  ///   - columns: The dimensions that may vary and make columns; nil for
  ///     every dimension that has more than one value. A dimension not
  ///     listed that has several values is an error: select one first.
  ///   - language: The language of the names (the default when nil).
  /// - Throws: ``DataError`` `px.unknown-dimension`, `px.not-selected` (a
  ///   dimension has several values where one is needed) or
  ///   `px.duplicate-column`.
  public func areaTable(area: String, columns: [String]? = nil, language: String? = nil) throws(DataError) -> AreaTable {
    let a = try dimensionIndex(area)
    var allowed: Set<Int>? = nil
    if let columns {
      var set = Set<Int>()
      for c in columns { set.insert(try dimensionIndex(c)) }
      allowed = set
    }
    let others = dimensions.indices.filter { $0 != a }
    for d in others where dimensions[d].count > 1 && allowed.map({ !$0.contains(d) }) == true {
      let dim = dimensions[d]
      throw DataError(
        code: "px.not-selected", "the dimension '\(dim.name)' has \(dim.count) values where one is needed",
        at: SourceLocation(file: source, field: dim.name),
        hint: "select one, e.g. \(dim.code)=\(dim.valueCodes.last ?? "")")
    }
    let varying = others.filter { dimensions[$0].count > 1 }
    let named = varying.isEmpty ? others : varying
    let areaDimension = dimensions[a]
    var table = AreaTable(codes: areaDimension.valueCodes, names: areaDimension.valueTexts(language: language), source: source)
    var indices = Array(repeating: 0, count: dimensions.count)
    let combinations = varying.reduce(1) { $0 * dimensions[$1].count }
    for combination in 0..<combinations {
      var rest = combination
      for d in varying.reversed() {
        indices[d] = rest % dimensions[d].count
        rest /= dimensions[d].count
      }
      let name = named.isEmpty ? "value" : named.map { dimensions[$0].valueCodes[indices[$0]] }.joined(separator: "_")
      if table.hasColumn(name) {
        throw DataError(
          code: "px.duplicate-column", "two combinations of values make the column name '\(name)'",
          at: SourceLocation(file: source, field: name), hint: "select values so that the column names differ")
      }
      var column: [Double?] = []
      var markers: [Int: String] = [:]
      for row in 0..<areaDimension.count {
        indices[a] = row
        let cell = cellIndex(indices)
        column.append(values[cell])
        if let s = symbols[cell] { markers[row] = s }
      }
      try table.addColumn(name, column)
      if !markers.isEmpty { table.missingMarkers[name] = markers }
    }
    return table
  }
}
