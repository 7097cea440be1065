import KraftsamlingCore

extension RobustnessAnalysis {
  /// The scalar a sensitivity analysis of an index explains.
  public enum SensitivityOutput: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The mean over areas of |rank − nominal rank| (COINr's target, the
    /// default).
    case meanAbsoluteRankShift
    /// The rank of one area, by code.
    case rank(area: String)
    /// How many nominally selected areas are not selected (the churn of the selection).
    case selectionLosses

    /// A short description.
    public var description: String {
      switch self {
      case .meanAbsoluteRankShift: "mean absolute rank shift"
      case .rank(let area): "rank of \(area)"
      case .selectionLosses: "nominally selected areas not selected"
      }
    }
  }

  /// Variance-based sensitivity of the index to each uncertain choice of
  /// ``space``: first-order and total-effect Sobol indices of an output
  /// (by default the mean absolute rank shift from nominal), estimated from
  /// Saltelli's design with `samples`·(*d* + 2) runs, *d* the number of
  /// enabled factors. Each run maps its point of [0, 1)^d to choices
  /// exactly as the Monte Carlo replications do (see ``UncertaintySpace``).
  ///
  /// ```swift
  /// let s = try RobustnessAnalysis(space: .standard).sensitivity(definition, on: table, samples: 1_000)
  /// for f in s.factors { print(f.name, f.firstOrder, f.totalEffect) }
  /// ```
  ///
  /// - Parameters:
  ///   - definition: The index definition.
  ///   - table: The data.
  ///   - hierarchy: Needed when a policy works within GeSO.
  ///   - samples: *N* (≥ 2).
  ///   - output: The scalar explained (default the mean absolute rank shift).
  ///   - bootstrapSamples: For the intervals (default 1,000).
  ///   - confidence: Of the intervals (default 0.95).
  /// - Returns: The indices, factors named by ``UncertainFactor``.
  /// - Throws: ``RobustnessError``: no factor varies, bad settings, an
  ///   unknown or unranked area for `.rank(area:)`, or the index's error.
  /// - Complexity: *N*·(*d* + 2) scorings and rankings, O(*n*·*m*) and
  ///   O(*n*) expected each, divided over the threads.
  public func sensitivity(
    _ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy? = nil, samples: Int,
    output: SensitivityOutput = .meanAbsoluteRankShift, bootstrapSamples: Int = 1_000, confidence: Double = 0.95
  ) throws(RobustnessError) -> SobolIndices {
    try sensitivity(
      definition, on: table, hierarchy: hierarchy, samples: samples, output: output,
      bootstrapSamples: bootstrapSamples, confidence: confidence, progress: .none)
  }

  /// The same, reporting the runs done to `progress`.
  ///
  /// - Throws: ``RobustnessError``.
  package func sensitivity(
    _ definition: IndexDefinition, on table: AreaTable, hierarchy: AreaHierarchy?, samples: Int,
    output: SensitivityOutput, bootstrapSamples: Int, confidence: Double, progress: ProgressReporter
  ) throws(RobustnessError) -> SobolIndices {
    let prepared: PreparedIndex
    do { prepared = try definition.prepare(table, hierarchy: hierarchy) } catch { throw RobustnessError(error) }
    let engine = try RobustnessEngine(prepared: prepared, table: table, hierarchy: hierarchy, space: space)
    return try sensitivity(
      engine, samples: samples, output: output, bootstrapSamples: bootstrapSamples, confidence: confidence,
      progress: progress)
  }

  /// The same on a prepared index (no binomial noise).
  ///
  /// - Throws: ``RobustnessError``.
  package func sensitivity(
    _ prepared: PreparedIndex, samples: Int, output: SensitivityOutput = .meanAbsoluteRankShift,
    bootstrapSamples: Int = 1_000, confidence: Double = 0.95, progress: ProgressReporter = .none
  ) throws(RobustnessError) -> SobolIndices {
    let engine = try RobustnessEngine(prepared: prepared, table: nil, hierarchy: nil, space: space)
    return try sensitivity(
      engine, samples: samples, output: output, bootstrapSamples: bootstrapSamples, confidence: confidence,
      progress: progress)
  }

  func sensitivity(
    _ engine: RobustnessEngine, samples: Int, output: SensitivityOutput, bootstrapSamples: Int, confidence: Double,
    progress: ProgressReporter
  ) throws(RobustnessError) -> SobolIndices {
    try validate()
    let factors = engine.factors
    guard !factors.isEmpty else {
      throw RobustnessError(
        .invalidSetting, "no choice of the index varies, so there is nothing to attribute",
        hint: "enable at least one factor: weights, normalisations, aggregations, a dropped indicator or noise")
    }
    guard samples >= 2 else {
      throw RobustnessError(.invalidSetting, "the number of samples N is \(samples)", hint: "give N ≥ 2, e.g. 1000")
    }
    guard bootstrapSamples >= 0, confidence > 0, confidence < 1 else {
      throw RobustnessError(
        .invalidSetting, "bootstrap samples \(bootstrapSamples) and confidence \(confidence) are out of range",
        hint: "give 0 or more bootstrap samples and a confidence between 0 and 1, e.g. 0.95")
    }
    var area = -1
    if case .rank(let code) = output {
      let rows = engine.prepared.includedRows
      guard let k = rows.firstIndex(where: { engine.prepared.codes[$0] == code }) else {
        throw RobustnessError(
          .unknownArea, "area \(code) is not ranked by the index", hint: "give the code of a ranked area")
      }
      area = k
    }
    let target = area
    let design = SobolSensitivity(
      samples: samples, seed: seed, bootstrapSamples: bootstrapSamples, confidence: confidence, threads: threads)
    let d = factors.count
    let total = design.runs(factors: d)
    var y = [Double](repeating: .nan, count: total)
    let counter = ProgressCounter(total: total, reporter: progress)
    let selection = self.selection
    let n = engine.n
    y.withUnsafeMutableBufferPointer { yp in
      let out = SharedBuffer(yp)
      ParallelWork.ranges(count: total, threads: threads) { _, range in
        var scratch = Scratch(engine: engine)
        var pending = 0
        for run in range {
          design.point(run: run, into: &scratch.factorValues)
          engine.evaluate(engine.scenario(scratch.factorValues), &scratch)
          switch output {
          case .meanAbsoluteRankShift:
            out[run] = engine.meanAbsoluteShift(scratch.ranks)
          case .rank:
            let r = scratch.ranks[target]
            out[run] = r > 0 ? Double(r) : .nan
          case .selectionLosses:
            var lost = 0
            for k in 0..<n {
              let nominal = engine.nominalRanks[k]
              let r = scratch.ranks[k]
              switch selection {
              case .top(let top):
                if nominal >= 1 && nominal <= top && !(r >= 1 && r <= top) { lost += 1 }
              case .scoreAtLeast(let v):
                if engine.nominalScores[k] >= v && !(scratch.scores[k] >= v) { lost += 1 }
              }
            }
            out[run] = Double(lost)
          }
          pending += 1
          if pending >= counter.step {
            counter.add(pending)
            pending = 0
          }
        }
        counter.add(pending)
      }
    }
    return design.estimate(outputs: y, factors: factors.map(\.rawValue), output: output.description)
  }
}
