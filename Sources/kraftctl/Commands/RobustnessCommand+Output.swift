import KraftsamlingKit

extension RobustnessCommand {
  /// The result of `kraftctl robustness` in each format.
  struct Rendering {
    var result: RobustnessResult
    var sobol: SobolIndices?
    var bundled: Bool

    func print(format: OutputFormat, _ io: inout Output) {
      switch format {
      case .csv:
        io.print(result.table(numbers: .exact), as: .csv)
      case .json:
        io.print(json: json())
      default:
        io.print(result.table(numbers: .rounded).text(), terminator: "")
        io.print(result.summaryLines(language: .en).joined(separator: "\n"))
        io.print()
        io.print(result.effectsTable().text(), terminator: "")
        if let sobol {
          io.print()
          io.print(sobol.table().text(), terminator: "")
        }
        if bundled { io.print(Inputs.illustrative) }
      }
    }

    /// The workbook's sheets: the areas, the choices' effects and, with
    /// `--sensitivity`, the Sobol indices.
    var sheets: [(name: String, table: ReportTable)] {
      [("robustness", result.table(numbers: .exact)), ("effects", result.effectsTable())]
        + (sobol.map { [("sensitivity", $0.table())] } ?? [])
    }

    func json() -> JSON {
      var k: JSON = .null
      if case .top(let top) = result.selection { k = JSON(top) }
      return [
        "definition": .string(result.definition), "replications": JSON(result.replications),
        "seed": .integer(Int64(clamping: result.seed)), "top": k, "varied": JSON(result.factors.map(\.rawValue)),
        "space": .string(result.space), "mean_absolute_rank_shift": JSON(result.meanAbsoluteRankShift),
        "stable_at_90": JSON(result.stable(probability: 0.9).count),
        "data": .string(bundled ? Inputs.illustrative : "user data"), "areas": .array(result.areas.map(json)),
        "not_ranked": JSON(result.notRanked), "effects": .array(result.factorEffects.map(json)),
        "sensitivity": sobol.map(json) ?? .null,
      ]
    }

    func json(_ a: RobustnessResult.Area) -> JSON {
      [
        "code": .string(a.code), "name": .string(a.displayName), "rank": JSON(a.nominalRank),
        "score": JSON(a.nominalScore), "median_rank": JSON(a.medianRank), "p05_rank": JSON(a.p05Rank),
        "p95_rank": JSON(a.p95Rank), "mean_rank": JSON(a.meanRank), "best_rank": JSON(a.bestRank),
        "worst_rank": JSON(a.worstRank), "p_selected": .number(a.selectionProbability),
        "nominally_selected": JSON(a.isNominallySelected), "scored_replications": JSON(a.scoredReplications),
      ]
    }

    func json(_ e: RobustnessResult.FactorEffect) -> JSON {
      let options = e.options.map { o -> JSON in
        [
          "option": .string(o.label), "alone_shift": JSON(o.aloneShift), "replications": JSON(o.replications),
          "mean_shift": JSON(o.meanShift),
        ]
      }
      return [
        "choice": .string(e.factor.rawValue), "alone_shift": JSON(e.aloneShift), "alone_draws": JSON(e.aloneDraws),
        "options": .array(options),
      ]
    }

    func json(_ s: SobolIndices) -> JSON {
      let factors = s.factors.map { f -> JSON in
        [
          "choice": .string(f.name), "first_order": JSON(f.firstOrder), "first_order_lower": JSON(f.firstOrderLower),
          "first_order_upper": JSON(f.firstOrderUpper), "total_effect": JSON(f.totalEffect),
          "total_effect_lower": JSON(f.totalEffectLower), "total_effect_upper": JSON(f.totalEffectUpper),
        ]
      }
      return [
        "output": .string(s.output), "samples": JSON(s.samples), "runs": JSON(s.runs), "variance": JSON(s.variance),
        "bootstrap": JSON(s.bootstrapSamples), "confidence": .number(s.confidence), "factors": .array(factors),
      ]
    }
  }
}
