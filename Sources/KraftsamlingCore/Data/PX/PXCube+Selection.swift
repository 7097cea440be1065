extension PXCube {
  /// Keeps only the values of one dimension that match, each matched by its
  /// code or by its text in any language of the file.
  ///
  /// ```swift
  /// let cube2023 = try cube.selecting("år", ["2023"])
  /// ```
  ///
  /// - Parameters:
  ///   - dimension: The dimension's name (in any language) or code.
  ///   - values: The values to keep, in the order given.
  /// - Throws: ``DataError`` `px.unknown-dimension`, `px.unknown-value`, or
  ///   `px.ambiguous-value` when a text names several values; each with a
  ///   hint listing what the cube has.
  public func selecting(_ dimension: String, _ values: [String]) throws(DataError) -> PXCube {
    let d = try dimensionIndex(dimension)
    var kept: [Int] = []
    for v in values {
      for k in try valueIndex(v, in: d) where !kept.contains(k) { kept.append(k) }
    }
    return keeping(dimension: d, values: kept)
  }

  /// Keeps one value of a dimension; see the list form of `selecting`.
  package func selecting(_ dimension: String, _ value: String) throws(DataError) -> PXCube {
    try selecting(dimension, [value])
  }

  /// A name as compared when no name matches exactly: in lower case, without
  /// leading and trailing spaces (INE writes `HEADING="sexo "`).
  private static func folded(_ name: String) -> String { name.trimmingWhitespace().lowercased() }

  /// The position of a dimension named by its name in any language or its
  /// code; failing an exact match, ignoring case and surrounding spaces.
  ///
  /// - Throws: `px.unknown-dimension`.
  package func dimensionIndex(_ name: String) throws(DataError) -> Int {
    if let i = dimensions.firstIndex(where: { $0.name == name || $0.code == name || $0.names.values.contains(name) }) {
      return i
    }
    let folded = Self.folded(name)
    if let i = dimensions.firstIndex(where: { d in Self.folded(d.code) == folded || d.names.values.contains { Self.folded($0) == folded } }) {
      return i
    }
    throw DataError(
      code: "px.unknown-dimension", "the cube has no dimension '\(name)'", at: SourceLocation(file: source, field: name),
      hint: "its dimensions are \(dimensions.map { "'\($0.name)'" }.joined(separator: ", "))")
  }

  /// The one value of a dimension named by its code or a text (failing an
  /// exact match, ignoring case and surrounding spaces).
  ///
  /// - Throws: `px.unknown-value`, `px.ambiguous-value`.
  private func valueIndex(_ text: String, in d: Int) throws(DataError) -> [Int] {
    let dim = dimensions[d]
    if let k = dim.valueCodes.firstIndex(of: text) { return [k] }
    var matches = Set<Int>()
    for texts in dim.valueTexts.values { for (k, t) in texts.enumerated() where t == text { matches.insert(k) } }
    if matches.isEmpty {
      let folded = Self.folded(text)
      for texts in dim.valueTexts.values {
        for (k, t) in texts.enumerated() where Self.folded(t) == folded { matches.insert(k) }
      }
    }
    let location = SourceLocation(file: source, field: dim.name)
    if matches.count > 1 {
      let codes = matches.sorted().map { dim.valueCodes[$0] }.joined(separator: ", ")
      throw DataError(
        code: "px.ambiguous-value", "'\(text)' names several values of '\(dim.name)': \(codes)", at: location,
        hint: "select by code instead")
    }
    guard let k = matches.first else {
      let shown = dim.valueCodes.prefix(8).joined(separator: ", ") + (dim.count > 8 ? ", …" : "")
      throw DataError(
        code: "px.unknown-value", "the dimension '\(dim.name)' has no value '\(text)'", at: location,
        hint: "its values are \(shown)")
    }
    return [k]
  }

  /// The cube with only the given values of one dimension, in that order.
  package func keeping(dimension d: Int, values kept: [Int]) -> PXCube {
    let old = dimensions[d]
    let dim = Dimension(
      name: old.name, code: old.code, valueCodes: kept.map { old.valueCodes[$0] }, names: old.names,
      valueTexts: old.valueTexts.mapValues { texts in kept.map { texts[$0] } }, elimination: old.elimination,
      timeScale: old.timeScale)
    var newDimensions = dimensions
    newDimensions[d] = dim
    let inner = dimensions[(d + 1)...].reduce(1) { $0 * $1.count }
    let outer = dimensions[..<d].reduce(1) { $0 * $1.count }
    var newValues: [Double?] = []
    var newSymbols: [String?] = []
    newValues.reserveCapacity(outer * kept.count * inner)
    newSymbols.reserveCapacity(outer * kept.count * inner)
    for o in 0..<outer {
      for k in kept {
        let base = (o * old.count + k) * inner
        newValues.append(contentsOf: values[base..<base + inner])
        newSymbols.append(contentsOf: symbols[base..<base + inner])
      }
    }
    return PXCube(
      dimensions: newDimensions, values: newValues, symbols: newSymbols, language: language, languages: languages,
      statements: statements, source: source, charset: charset)
  }
}
