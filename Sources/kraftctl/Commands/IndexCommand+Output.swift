import KraftsamlingKit

extension IndexCommand {
  /// The result of `kraftctl index` in each format.
  struct Rendering {
    var result: IndexResult
    var disclosure: DisclosureControl
    var bundled: Bool
    /// `--top N`: only the areas ranked N or better.
    var top: Int?

    /// The areas with the documented columns (``IndexResult/table(disclosure:numbers:top:)``), or the JSON document.
    func print(format: OutputFormat, _ io: inout Output) {
      switch format {
      case .json:
        var rows = result.rows
        if let top { rows = rows.filter { ($0.rank ?? .max) <= top } }
        io.print(json: json(rows))
      case .csv, .xlsx:
        io.print(result.table(disclosure: disclosure, numbers: .exact, top: top), as: .csv)
      case .table, .markdown:
        let t = result.table(disclosure: disclosure, numbers: .rounded, top: top)
        io.print(format == .table ? t.text() : t.markdown(), terminator: "")
        io.print(
          "\(result.rankedCount) areas ranked, \(result.excluded.count) not ranked; definition \(result.definition.label)"
        )
        if bundled { io.print(Inputs.illustrative) }
      }
    }

    func json(_ rows: [IndexResult.AreaRow]) -> JSON {
      let d = result.definition
      let summaries = (result.summaries + result.breakdownByKön.map(\.summary)).map { s -> JSON in
        [
          "id": .string(s.id), "count": JSON(s.count), "missing": JSON(s.missing), "mean": JSON(s.mean),
          "sd": JSON(s.standardDeviation), "min": JSON(s.minimum), "q1": JSON(s.q1), "median": JSON(s.median),
          "q3": JSON(s.q3), "max": JSON(s.maximum), "pooled": JSON(s.pooled),
        ]
      }
      return [
        "definition": .string(d.id), "version": .string(d.version), "modifications": JSON(d.modifications),
        "normalization": .string(d.normalization.specification.description),
        "indicator_normalizations": .object(
          d.indicators.compactMap { wi in wi.normalization.map { (wi.id, .string($0.specification.description)) } }),
        "aggregation": .string(d.aggregation.specification.description),
        "dimension_aggregation": d.dimensions.isEmpty ? .null : .string(d.dimensionAggregation.specification.description),
        "dimensions": .array(
          d.dimensions.map { ["id": .string($0.id), "weight": .number($0.weight), "transform": .string($0.transform.rawValue)] }),
        "ranked": JSON(result.rankedCount),
        "data": .string(bundled ? Inputs.illustrative : "user data"),
        "disclosure": [
          "min_count": JSON(disclosure.minimumCount), "min_denominator": JSON(disclosure.minimumDenominator),
          "marker": .string(disclosure.marker),
        ],
        "areas": .array(rows.map(json)), "indicators": .array(summaries),
        "warnings": JSON(result.warnings.map(\.locatedMessage)),
        "weighting": result.weighting.map(Self.json) ?? .null,
      ]
    }

    /// A weighting record: the rule as the definition writes it (method,
    /// level, inputs), the items' weights and what the method found.
    static func json(_ w: WeightingRecord) -> JSON {
      let rule = (try? JSONCoding.encodeString(IndexDefinition.WeightingRule(method: w.method, level: w.level)))
        .flatMap { try? JSONParser.parse($0) }
      return [
        "rule": rule.map { JSON($0.value) } ?? .null,
        "weights": .object(zip(w.ids, w.weights).map { ($0, .number($1)) }),
        "diagnostics": .object(w.diagnostics.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }),
        "notes": JSON(w.notes),
      ]
    }

    func json(_ r: IndexResult.AreaRow) -> JSON {
      let indicators = r.indicators.map { c -> (key: String, value: JSON) in
        let denominator = c.denominator.map { d -> JSON in
          disclosure.suppresses(count: d) ? .string(disclosure.marker) : .number(d)
        }
        let cell: JSON = [
          "rate": disclosure.suppresses(c) ? .null : JSON(c.rate), "denominator": denominator ?? .null,
          "normalized": JSON(c.normalized), "contribution": JSON(c.contribution),
        ]
        return (c.id, cell)
      }
      return [
        "code": .string(r.code), "name": .string(r.name), "score": JSON(r.score), "rank": JSON(r.rank),
        "decile": JSON(r.decile), "class": JSON(r.class), "flags": JSON(r.flags),
        "suppressed": JSON(r.isDisclosureControlled), "excluded": JSON(r.exclusion?.description),
        "indicators": .object(indicators),
      ]
    }

    /// The GeSO of `--by geso`.
    func print(_ geso: IndexResult.ParentAggregate, format: OutputFormat, _ io: inout Output) {
      if format == .json {
        var rows = geso.rows
        if let top { rows = rows.filter { ($0.rank ?? .max) <= top } }
        io.print(
          json: .array(
            rows.map { r in
              [
                "code": .string(r.code), "name": .string(r.name), "score": JSON(r.score), "rank": JSON(r.rank),
                "population": disclosure.suppresses(count: r.population)
                  ? .string(disclosure.marker) : .number(r.population),
                "areas": JSON(r.areas), "ranked_areas": JSON(r.rankedAreas),
              ]
            }))
        return
      }
      io.print(geso.table(disclosure: disclosure, numbers: format.numbers, top: top), as: format)
      if format == .table {
        io.print("Population-weighted mean of the delområden's scores; definition \(result.definition.label)")
        if bundled { io.print(Inputs.illustrative) }
      }
    }
  }
}

extension JSONWriter.Value {
  /// A parsed JSON value, written back as it was (member order kept).
  init(_ value: JSONValue) {
    switch value {
    case .null: self = .null
    case .bool(let b): self = .bool(b)
    case .integer(let i): self = .integer(i)
    case .number(let d): self = .number(d)
    case .string(let s): self = .string(s)
    case .array(let a): self = .array(a.map { Self($0.value) })
    case .object(let o): self = .object(o.map { ($0.key, Self($0.value.value)) })
    }
  }
}
