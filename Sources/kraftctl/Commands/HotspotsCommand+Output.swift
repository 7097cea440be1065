import KraftsamlingKit

extension HotspotsCommand {
  /// The areas of a hot-spot analysis, by code, in each format; a value
  /// hidden by disclosure control is its marker, and so is its statistic.
  struct Rendering {
    var analysis: HotSpotAnalysis
    var scores: AreaScores
    var names: [String: String]
    /// What was tested, for the JSON document.
    var variable: String
    var rule: String

    var order: [Int] {
      let areas = analysis.local.areas
      return areas.indices.sorted { areas[$0].id < areas[$1].id }
    }

    func print(format: OutputFormat, _ io: inout Output) {
      if format == .json {
        io.print(json: json())
        return
      }
      io.print(table(numbers: format.numbers), as: format)
    }

    /// The areas as the documented table, a hidden value shown as its marker.
    func table(numbers: ReportTable.Numbers) -> ReportTable {
      analysis.table(
        names: names, suppressed: scores.suppressed, marker: scores.disclosure?.marker ?? "..", numbers: numbers)
    }

    /// The JSON document: settings, global Moran's I and one object per area.
    func json() -> JSON {
      let local = analysis.local
      let global = analysis.global
      return [
        "statistic": .string(local.kind.rawValue), "variable": .string(variable),
        "definition": JSON(scores.index?.definition.label), "rule": .string(rule),
        "transformation": .string(local.transformation.rawValue), "permutations": JSON(local.permutations),
        "seed": local.seed.map { .integer(Int64(clamping: $0)) } ?? .null, "alternative": .string(local.alternative),
        "alpha": .number(local.alpha), "fdr": JSON(local.falseDiscoveryRate), "threshold": .number(local.threshold),
        "global_moran": [
          "I": .number(global.statistic), "expected": .number(global.expected),
          "z_randomisation": JSON(global.zRandomisation),
          "p_randomisation": JSON(global.pRandomisation), "z_sim": JSON(global.simulatedZScore),
          "p_sim": JSON(global.pValue),
        ],
        "areas": .array(order.map { json(local.areas[$0]) }),
      ]
    }

    func json(_ a: LocalSpatialStatistics.Area) -> JSON {
      // A suppressed value could be recovered from its own statistic and z-scores.
      let hidden = scores.suppressed.contains(a.id)
      return [
        "code": .string(a.id), "name": .string(names[a.id] ?? a.id), "value": hidden ? .null : .number(a.value),
        "suppressed": JSON(hidden), "statistic": hidden ? .null : .number(a.statistic),
        "quadrant": JSON(a.quadrant?.code), "p": JSON(a.pValue), "label": .string(a.label.rawValue),
        "neighbors": JSON(a.neighbourCount), "expected": .number(a.expected), "variance": .number(a.variance),
        "z": hidden ? .null : JSON(a.zScore), "z_sim": hidden ? .null : JSON(a.simulatedZScore),
      ]
    }
  }
}
