import KraftsamlingCore

extension RobustnessAnalysis {
  /// The Monte Carlo loop: replications over the threads, then per-area
  /// summaries and per-factor effects.
  func monteCarlo(_ engine: RobustnessEngine, progress: ProgressReporter) throws(RobustnessError) -> RobustnessResult {
    try validate()
    let n = engine.n
    let wide = n > Int(UInt16.max)
    let (bytes, overflow) = replications.multipliedReportingOverflow(by: n * (wide ? 4 : 2))
    guard !overflow, bytes <= memoryLimit else {
      let mb = overflow ? "more than \(Int.max >> 20)" : "\(bytes >> 20)"
      throw RobustnessError(
        .tooLarge,
        "keeping the ranks of \(replications) replications × \(n) areas needs \(mb) MB, above the limit of \(memoryLimit >> 20) MB",
        hint: "use fewer replications (\(max(1, memoryLimit / (n * (wide ? 4 : 2)))) fit) or raise memoryLimit")
    }
    return wide ? run(UInt32.self, engine, progress) : run(UInt16.self, engine, progress)
  }

  /// The replications, then the rank summary of every area and the effect
  /// of every factor; ranks are kept as `T` (16 bits when the areas fit).
  private func run<T: FixedWidthInteger & UnsignedInteger & Sendable>(
    _: T.Type, _ engine: RobustnessEngine, _ progress: ProgressReporter
  ) -> RobustnessResult {
    let n = engine.n
    let r = replications
    let workers = max(1, min(threads, r))

    // Every cell is written by its replication before it is read.
    var ranks = [T](unsafeUninitializedCapacity: r * n) { _, count in count = r * n }
    var shifts = [Double](repeating: .nan, count: r)
    var drawn = [Int32](repeating: -1, count: 3 * r)  // normalisation, aggregation, dropped option
    var selectedBy = [Int32](repeating: 0, count: workers * n)
    ranks.withUnsafeMutableBufferPointer { rp in
      shifts.withUnsafeMutableBufferPointer { sp in
        drawn.withUnsafeMutableBufferPointer { dp in
          selectedBy.withUnsafeMutableBufferPointer { cp in
            replicate(
              engine, progress, workers: workers, ranks: SharedBuffer(rp), shifts: SharedBuffer(sp),
              drawn: SharedBuffer(dp), selectedBy: SharedBuffer(cp))
          }
        }
      }
    }
    let selected = Self.selectionCounts(selectedBy, workers: workers, areas: n)
    let summaries = ranks.withUnsafeBufferPointer {
      RankSummary.summarize(ranks: $0, replications: r, areas: n, largestRank: n, selected: selected, threads: threads)
    }
    let effects = factorEffects(engine, shifts: shifts, drawn: drawn)
    return result(engine, summaries: summaries, shifts: shifts, effects: effects)
  }

  /// Runs every replication over the workers: draws its scenario and ranks
  /// the areas under it, then records the ranks, the mean shift from the
  /// nominal ranks, the options drawn and, per worker, how often each area
  /// was selected.
  private func replicate<T: FixedWidthInteger & UnsignedInteger & Sendable>(
    _ engine: RobustnessEngine, _ progress: ProgressReporter, workers: Int, ranks out: SharedBuffer<T>,
    shifts shift: SharedBuffer<Double>, drawn options: SharedBuffer<Int32>, selectedBy counts: SharedBuffer<Int32>
  ) {
    let n = engine.n
    let d = engine.factors.count
    let root = SeededGenerator(seed: seed)
    let counter = ProgressCounter(total: replications, reporter: progress)
    let selection = self.selection
    ParallelWork.ranges(count: replications, threads: workers) { worker, range in
      var scratch = Scratch(engine: engine)
      var pending = 0
      let countBase = worker * n
      for rep in range {
        var g = root.stream(UInt64(rep))
        for f in 0..<d { scratch.factorValues[f] = g.uniform() }
        let s = engine.scenario(scratch.factorValues)
        engine.evaluate(s, &scratch)
        let (sum, count) = Self.record(
          scratch, nominal: engine.nominalRanks, selection: selection, into: out.buffer.baseAddress! + rep * n,
          selected: counts.buffer.baseAddress! + countBase)
        shift[rep] = count > 0 ? Double(sum) / Double(count) : .nan
        options[3 * rep] = Int32(s.normalizationOption)
        options[3 * rep + 1] = Int32(s.aggregationOption)
        options[3 * rep + 2] = Int32(s.droppedOption)
        pending += 1
        if pending >= counter.step {
          counter.add(pending)
          pending = 0
        }
      }
      counter.add(pending)
    }
  }

  /// Stores one replication's ranks at `o` and counts its selected areas
  /// into `c`, in one branch-free pass.
  ///
  /// - Returns: The sum and the number of absolute rank shifts from the
  ///   nominal ranks over the areas ranked in both.
  @inline(__always)
  private static func record<T: FixedWidthInteger>(
    _ scratch: Scratch, nominal: [Int32], selection: Selection, into o: UnsafeMutablePointer<T>,
    selected c: UnsafeMutablePointer<Int32>
  ) -> (sum: Int, count: Int) {
    let n = scratch.ranks.count
    var sum = 0
    var count = 0
    scratch.ranks.withUnsafeBufferPointer { rk in
      nominal.withUnsafeBufferPointer { nominal in
        switch selection {
        case .top(let top):
          let limit = Int32(clamping: top)
          for k in 0..<n {
            let x = rk[k]
            let y = nominal[k]
            o[k] = T(truncatingIfNeeded: x)
            let both = x > 0 && y > 0
            let d = x &- y
            sum &+= both ? Int(d < 0 ? 0 &- d : d) : 0
            count &+= both ? 1 : 0
            c[k] &+= x > 0 && x <= limit ? 1 : 0
          }
        case .scoreAtLeast(let v):
          scratch.scores.withUnsafeBufferPointer { sc in
            for k in 0..<n {
              let x = rk[k]
              let y = nominal[k]
              o[k] = T(truncatingIfNeeded: x)
              let both = x > 0 && y > 0
              let d = x &- y
              sum &+= both ? Int(d < 0 ? 0 &- d : d) : 0
              count &+= both ? 1 : 0
              c[k] &+= sc[k] >= v ? 1 : 0
            }
          }
        }
      }
    }
    return (sum, count)
  }

  /// How often each area was selected, over all workers (integer sums, so
  /// the order of workers does not matter).
  private static func selectionCounts(_ selectedBy: [Int32], workers: Int, areas n: Int) -> [Int] {
    var selected = [Int](repeating: 0, count: n)
    for w in 0..<workers {
      for k in 0..<n { selected[k] += Int(selectedBy[w * n + k]) }
    }
    return selected
  }

  /// The result: the summaries under the ranked areas' codes and names,
  /// and the codes of the areas not ranked.
  private func result(
    _ engine: RobustnessEngine, summaries: [RankSummary], shifts: [Double], effects: [RobustnessResult.FactorEffect]
  ) -> RobustnessResult {
    let prepared = engine.prepared
    let rows = prepared.includedRows
    var notRanked: [String] = []
    var isIncluded = [Bool](repeating: false, count: prepared.areaCount)
    for i in rows { isIncluded[i] = true }
    for i in 0..<prepared.areaCount where !isIncluded[i] { notRanked.append(prepared.codes[i]) }
    return RobustnessResult(
      codes: rows.map { prepared.codes[$0] }, names: rows.map { prepared.names[$0] }, nominalRanks: engine.nominalRanks,
      nominalScores: engine.nominalScores, summaries: summaries, replications: replications, seed: seed,
      selection: selection, factors: engine.factors, space: space.description, definition: prepared.definition.label,
      shifts: shifts, effects: effects, notRanked: notRanked)
  }

  /// The effect of each factor: alone (every other choice nominal) and,
  /// for discrete factors, grouped by the option the replications drew.
  func factorEffects(_ engine: RobustnessEngine, shifts: [Double], drawn: [Int32]) -> [RobustnessResult.FactorEffect] {
    let (scenarios, owner) = aloneScenarios(engine)
    let alone = aloneShifts(engine, scenarios)
    return engine.factors.indices.map { f in
      factorEffect(engine, factor: f, owner: owner, alone: alone, shifts: shifts, drawn: drawn)
    }
  }

  /// The scenarios that vary one factor alone, and the factor and option
  /// (−1 for a continuous factor) each belongs to: the first draws of the
  /// weights and the noise, every option of a discrete factor.
  private func aloneScenarios(_ engine: RobustnessEngine) -> (scenarios: [Scenario], owner: [(factor: Int, option: Int)]) {
    let root = SeededGenerator(seed: seed)
    var scenarios: [Scenario] = []
    var owner: [(factor: Int, option: Int)] = []
    let draws = min(aloneDraws, replications)
    for (f, factor) in engine.factors.enumerated() {
      switch factor {
      case .weights, .noise:
        for rep in 0..<draws {
          var g = root.stream(UInt64(rep))
          var u = 0.0
          for _ in 0...f { u = g.uniform() }  // the f-th factor value of replication rep
          var s = Scenario()
          if factor == .weights { s.weightSeed = RobustnessEngine.seed(u) } else { s.noiseSeed = RobustnessEngine.seed(u) }
          scenarios.append(s)
          owner.append((f, -1))
        }
      case .normalization:
        for (o, c) in engine.normalizationOptions.enumerated() {
          var s = Scenario()
          s.normalization = c
          scenarios.append(s)
          owner.append((f, o))
        }
      case .aggregation:
        for (o, a) in engine.aggregationOptions.enumerated() {
          var s = Scenario()
          s.aggregation = a
          scenarios.append(s)
          owner.append((f, o))
        }
      case .droppedIndicator:
        for o in 0...engine.m {
          var s = Scenario()
          s.dropped = o - 1
          scenarios.append(s)
          owner.append((f, o))
        }
      }
    }
    return (scenarios, owner)
  }

  /// The mean absolute rank shift of each scenario from the nominal ranks,
  /// over the threads; NaN where the scenario's choices cannot be combined.
  private func aloneShifts(_ engine: RobustnessEngine, _ list: [Scenario]) -> [Double] {
    var alone = [Double](repeating: .nan, count: list.count)
    alone.withUnsafeMutableBufferPointer { ap in
      let out = SharedBuffer(ap)
      ParallelWork.ranges(count: list.count, threads: threads) { _, range in
        var scratch = Scratch(engine: engine)
        for i in range {
          let s = list[i]
          if !engine.isValid(s.normalization, s.aggregation) { continue }  // invalid alone: stays NaN
          engine.evaluate(s, &scratch)
          out[i] = engine.meanAbsoluteShift(scratch.ranks)
        }
      }
    }
    return alone
  }

  /// The effect of factor `f`: the mean of its valid alone shifts and, for
  /// a discrete factor, per option its alone shift and the mean shift of
  /// the replications that drew it.
  private func factorEffect(
    _ engine: RobustnessEngine, factor f: Int, owner: [(factor: Int, option: Int)], alone: [Double],
    shifts: [Double], drawn: [Int32]
  ) -> RobustnessResult.FactorEffect {
    let factor = engine.factors[f]
    var labels: [String] = []
    var column = -1
    switch factor {
    case .weights, .noise: break
    case .normalization:
      labels = engine.normalizationOptions.map { engine.normalizations[$0].normalization.specification.description }
      column = 0
    case .aggregation:
      labels = engine.aggregationOptions.map { engine.aggregations[$0].specification.description }
      column = 1
    case .droppedIndicator:
      labels = ["none"] + engine.prepared.definition.indicators.map(\.id)
      column = 2
    }
    var options: [RobustnessResult.FactorEffect.Option] = []
    for (o, label) in labels.enumerated() {
      let i = owner.firstIndex { $0.factor == f && $0.option == o }!
      var count = 0
      var sum = 0.0
      var valid = 0
      for rep in 0..<replications where drawn[3 * rep + column] == Int32(o) {
        count += 1
        if !shifts[rep].isNaN {
          sum += shifts[rep]
          valid += 1
        }
      }
      options.append(
        .init(
          label: label, aloneShift: alone[i].isNaN ? nil : alone[i], replications: count,
          meanShift: valid > 0 ? sum / Double(valid) : nil))
    }
    // The factor alone: the mean over its valid alone evaluations, in order.
    var sum = 0.0
    var valid = 0
    for (i, o) in owner.enumerated() where o.factor == f && !alone[i].isNaN {
      sum += alone[i]
      valid += 1
    }
    return .init(factor: factor, aloneShift: valid > 0 ? sum / Double(valid) : nil, aloneDraws: valid, options: options)
  }
}
