#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// How one replication scores the areas of a flat index: the built-in
/// aggregations as specialised loops (the same arithmetic, in the same
/// order, as their `aggregate`), anything else through the protocol.
///
/// The arithmetic and geometric means run column by column over cached,
/// zero-filled columns — out[k] += wⱼ·zⱼ[k], a loop the compiler
/// vectorises — with the sum of the available weights alongside when some
/// values are missing. Adding wⱼ·0 for a missing value leaves a sum
/// unchanged, so the result is bit for bit the row-by-row one. The others
/// walk the row-major matrix.
enum ScoringKernel: Sendable {
  /// Σwⱼzⱼ/Σwⱼ over cached columns.
  case arithmeticColumns(ColumnCache)
  /// exp(Σwⱼ·ln(zⱼ + offset)/Σwⱼ) − offset over cached log columns.
  case geometricColumns(offset: Double, logs: ColumnCache)
  case arithmetic
  /// Row-major, logs computed on the fly (noisy data).
  case geometric(offset: Double)
  case harmonic
  case minimum
  case count(threshold: Double)
  case generic(any Aggregation)

  /// The kernel of an aggregation; with `normalized`, column kernels over
  /// its cached values (built once per engine), without, row kernels.
  init(_ aggregation: any Aggregation, normalized: NormalizedIndex?) {
    switch aggregation {
    case is WeightedArithmeticMean:
      self = normalized.map { .arithmeticColumns(ColumnCache($0.columns)) } ?? .arithmetic
    case let g as WeightedGeometricMean:
      if let normalized {
        let logs = normalized.columns.map { c in c.map { $0.isNaN ? .nan : log($0 + g.offset) } }
        self = .geometricColumns(offset: g.offset, logs: ColumnCache(logs))
      } else {
        self = .geometric(offset: g.offset)
      }
    case is WeightedHarmonicMean: self = .harmonic
    case is MinimumAggregation: self = .minimum
    case let c as ThresholdCount: self = .count(threshold: c.threshold)
    default: self = .generic(aggregation)
    }
  }
}

/// Columns of normalised values (or their logs) over the ranked areas,
/// column-major, with 0 for a missing value and a 1/0 availability column
/// beside each — none when no value is missing.
struct ColumnCache: Sendable {
  /// m·n values, column j at j·n.
  let values: [Double]
  /// m·n availabilities (1 or 0); empty when ``complete``.
  let available: [Double]
  /// Whether no value is missing.
  let complete: Bool

  init(_ columns: [[Double]]) {
    var values: [Double] = []
    var available: [Double] = []
    var complete = true
    for c in columns {
      for v in c {
        values.append(v.isNaN ? 0 : v)
        available.append(v.isNaN ? 0 : 1)
        if v.isNaN { complete = false }
      }
    }
    self.values = values
    self.available = complete ? [] : available
    self.complete = complete
  }
}

/// One drawn combination of the uncertain choices.
struct Scenario: Sendable, Hashable {
  /// Index into the engine's normalisation cache.
  var normalization = 0
  /// Index into the engine's aggregations.
  var aggregation = 0
  /// The indicator left out, or −1.
  var dropped = -1
  /// The seed of the weight draw, or `nil` for the nominal weights.
  var weightSeed: UInt64? = nil
  /// The seed of the binomial noise, or `nil` for none.
  var noiseSeed: UInt64? = nil
  /// The option drawn for each discrete factor (−1 when the factor is off).
  var normalizationOption = -1
  var aggregationOption = -1
  var droppedOption = -1
}

/// A worker's reusable buffers.
struct Scratch {
  var scores: [Double]
  var ranks: [Int32]
  var rowScores: [Double]
  var weights: [Double]
  var dimensionWeights: [Double]
  var values: [Double] = []
  var valueWeights: [Double] = []
  var weightSums: [Double]
  var factorValues: [Double]
  var sorter = RankSorter()
  var noContributions: [[Double]] = []
  var noDimensionScores: [[Double]] = []

  init(engine: RobustnessEngine) {
    scores = [Double](repeating: .nan, count: engine.n)
    ranks = [Int32](repeating: 0, count: engine.n)
    weightSums = [Double](repeating: 0, count: engine.n)
    rowScores = engine.isTree ? [Double](repeating: .nan, count: engine.prepared.areaCount) : []
    weights = engine.nominalWeights
    dimensionWeights = engine.nominalDimensionWeights
    values.reserveCapacity(engine.m)
    valueWeights.reserveCapacity(engine.m)
    factorValues = [Double](repeating: 0, count: engine.factors.count)
  }
}

/// Everything the replications share, prepared once: the normalised
/// matrices of every normalisation in the space, the scoring kernels of
/// every (normalisation, aggregation) pair, the nominal ranks.
struct RobustnessEngine: Sendable {
  let prepared: PreparedIndex
  let table: AreaTable?
  let hierarchy: AreaHierarchy?
  let space: UncertaintySpace
  let factors: [UncertainFactor]
  /// Ranked areas (dense positions over `prepared.includedRows`) and indicators.
  let n: Int
  let m: Int
  let isTree: Bool
  /// Distinct normalisations; [0] is the definition's.
  let normalizations: [NormalizedIndex]
  /// Cache index of each option of the normalisation factor.
  let normalizationOptions: [Int]
  /// Distinct aggregations; [0] is the definition's.
  let aggregations: [any Aggregation]
  /// Aggregation index of each option of the aggregation factor.
  let aggregationOptions: [Int]
  /// Kernel of (cache c, aggregation a) at c·aggregations.count + a; `nil`
  /// when the aggregation cannot take that normalisation's values.
  let kernels: [ScoringKernel?]
  let nominalWeights: [Double]
  let nominalDimensionWeights: [Double]
  /// Numerator column → denominator column of the rate indicators (noise).
  let noiseColumns: [(numerator: String, denominator: String)]
  private(set) var nominalScores: [Double] = []
  private(set) var nominalRanks: [Int32] = []

  /// Prepares the engine.
  ///
  /// - Throws: ``RobustnessError`` for a bad setting, or
  ///   `robustness.incompatible-choices` when a normalisation and an
  ///   aggregation of the space cannot be combined.
  init(prepared: PreparedIndex, table: AreaTable?, hierarchy: AreaHierarchy?, space: UncertaintySpace) throws(RobustnessError) {
    self.prepared = prepared
    self.table = table
    self.hierarchy = hierarchy
    self.space = space
    self.factors = space.factors
    let def = prepared.definition
    n = prepared.includedRows.count
    m = prepared.indicatorCount
    isTree = !def.dimensions.isEmpty
    nominalWeights = def.indicators.map(\.weight)
    nominalDimensionWeights = def.dimensions.map(\.weight)
    try Self.validate(space, hasTable: table != nil)

    // Distinct normalisations and aggregations, the definition's first.
    let (norms, normOptions) = Self.distinct(def.normalization, space.normalizations) { $0.specification }
    let (aggs, aggOptions) = Self.distinct(def.aggregation, space.aggregations) { $0.specification }
    normalizations = norms.map { prepared.normalized(with: $0) }
    normalizationOptions = normOptions
    aggregations = aggs
    aggregationOptions = aggOptions

    // Kernels, and the check that every pair the draws can meet is valid.
    kernels = Self.kernels(normalizations, aggs, isTree: isTree)
    try Self.checkDrawnPairs(
      kernels, normalizations, aggs, normalizationOptions: normOptions, aggregationOptions: aggOptions)
    noiseColumns = space.binomialNoise ? Self.rateColumns(def) : []

    // Nominal scores and ranks.
    var scratch = Scratch(engine: self)
    _ = evaluate(Scenario(), &scratch)
    nominalScores = scratch.scores
    nominalRanks = scratch.ranks
  }

  /// Checks the space's own settings, and that binomial noise has a table
  /// to redraw from.
  private static func validate(_ space: UncertaintySpace, hasTable: Bool) throws(RobustnessError) {
    try space.weights?.validate()
    do {
      for x in space.normalizations { try x.validate() }
      for x in space.aggregations { try x.validate() }
    } catch {
      throw RobustnessError(error)
    }
    if space.binomialNoise && !hasTable {
      throw RobustnessError(
        .invalidSetting, "binomial noise redraws numerators, so the analysis needs the table, not only the prepared index",
        hint: "call run(_:on:hierarchy:) with the definition and the table")
    }
  }

  /// The distinct strategies among the definition's and the options, the
  /// definition's first (by specification), and the index of each option
  /// among them.
  private static func distinct<S, Key: Equatable>(
    _ nominal: S, _ options: [S], key: (S) -> Key
  ) -> (distinct: [S], optionIndices: [Int]) {
    var keys = [key(nominal)]
    var distinct = [nominal]
    var optionIndices: [Int] = []
    for x in options {
      if let i = keys.firstIndex(of: key(x)) {
        optionIndices.append(i)
      } else {
        keys.append(key(x))
        distinct.append(x)
        optionIndices.append(distinct.count - 1)
      }
    }
    return (distinct, optionIndices)
  }

  /// The kernel of every (normalisation, aggregation) pair, at
  /// c·aggregations.count + a; `nil` where the aggregation cannot take the
  /// normalised values.
  private static func kernels(
    _ normalizations: [NormalizedIndex], _ aggregations: [any Aggregation], isTree: Bool
  ) -> [ScoringKernel?] {
    var kernels: [ScoringKernel?] = []
    for c in normalizations.indices {
      for a in aggregations.indices {
        do {
          try normalizations[c].checkDomain(aggregations[a])
          kernels.append(isTree ? .generic(aggregations[a]) : ScoringKernel(aggregations[a], normalized: normalizations[c]))
        } catch {
          kernels.append(nil)
        }
      }
    }
    return kernels
  }

  /// Throws `robustness.incompatible-choices` for the first pair of a
  /// normalisation and an aggregation the draws can meet that has no kernel.
  private static func checkDrawnPairs(
    _ kernels: [ScoringKernel?], _ normalizations: [NormalizedIndex], _ aggregations: [any Aggregation],
    normalizationOptions: [Int], aggregationOptions: [Int]
  ) throws(RobustnessError) {
    let drawnNorms = normalizationOptions.isEmpty ? [0] : normalizationOptions
    let drawnAggs = aggregationOptions.isEmpty ? [0] : aggregationOptions
    for c in Set(drawnNorms).sorted() {
      for a in Set(drawnAggs).sorted() where kernels[c * aggregations.count + a] == nil {
        var problem = ""
        do { try normalizations[c].checkDomain(aggregations[a]) } catch { problem = error.message }
        throw RobustnessError(
          .incompatibleChoices,
          "the aggregation \(aggregations[a].specification) cannot take values normalised by \(normalizations[c].normalization.specification): \(problem)",
          hint: "draw that aggregation only with normalisations whose values are > 0 (rank, percentile, imd-exp), or leave it out")
      }
    }
  }

  /// Numerator column → denominator column of the definition's rate
  /// indicators, each numerator once.
  private static func rateColumns(_ def: IndexDefinition) -> [(numerator: String, denominator: String)] {
    var columns: [(String, String)] = []
    for wi in def.indicators {
      if case .rate(let pair) = wi.indicator.measure, !columns.contains(where: { $0.0 == pair.numerator }) {
        columns.append((pair.numerator, pair.denominator))
      }
    }
    return columns
  }

  /// The kernel of a cache entry and aggregation, or `nil` when invalid.
  func kernel(_ c: Int, _ a: Int) -> ScoringKernel? { kernels[c * aggregations.count + a] }

  /// The scenario of factor values u ∈ [0, 1)^d (one per enabled factor,
  /// in ``factors`` order). A discrete factor with *k* options takes option
  /// ⌊u·k⌋ (COINr's `sample_2_para`); weights and noise take the seed
  /// ⌊u·2⁵³⌋ for their own generator.
  func scenario(_ u: [Double]) -> Scenario {
    var s = Scenario()
    for (f, factor) in factors.enumerated() {
      let x = u[f]
      switch factor {
      case .weights:
        s.weightSeed = Self.seed(x)
      case .normalization:
        let o = Self.option(x, normalizationOptions.count)
        s.normalizationOption = o
        s.normalization = normalizationOptions[o]
      case .aggregation:
        let o = Self.option(x, aggregationOptions.count)
        s.aggregationOption = o
        s.aggregation = aggregationOptions[o]
      case .droppedIndicator:
        let o = Self.option(x, m + 1)
        s.droppedOption = o
        s.dropped = o - 1
      case .noise:
        s.noiseSeed = Self.seed(x)
      }
    }
    return s
  }

  static func option(_ u: Double, _ count: Int) -> Int { min(count - 1, max(0, Int(u * Double(count)))) }
  static func seed(_ u: Double) -> UInt64 { UInt64(u * 0x1p53) }

  /// Scores and ranks the areas under a scenario into the scratch buffers.
  ///
  /// - Returns: The number of areas with a score.
  @discardableResult
  func evaluate(_ s: Scenario, _ scratch: inout Scratch) -> Int {
    // Weights.
    if let seed = s.weightSeed, let perturbation = space.weights {
      var g = SeededGenerator(seed: seed)
      perturbation.perturb(nominalWeights, into: &scratch.weights, using: &g)
      if isTree { perturbation.perturb(nominalDimensionWeights, into: &scratch.dimensionWeights, using: &g) }
    } else {
      for j in 0..<m { scratch.weights[j] = nominalWeights[j] }
      for d in nominalDimensionWeights.indices { scratch.dimensionWeights[d] = nominalDimensionWeights[d] }
    }
    if s.dropped >= 0 { scratch.weights[s.dropped] = 0 }

    // Normalised values: cached, or re-prepared from noisy numerators.
    var normalized = normalizations[s.normalization]
    var kernel = self.kernel(s.normalization, s.aggregation)
    if let seed = s.noiseSeed {
      if let noisy = noisyIndex(seed: seed, normalization: normalizations[s.normalization].normalization) {
        normalized = noisy
        let agg = aggregations[s.aggregation]
        kernel = isTree ? .generic(agg) : ScoringKernel(agg, normalized: nil)
      } else {
        kernel = nil
      }
    }

    if let kernel {
      if isTree {
        scoreTree(normalized, s, &scratch)
      } else {
        scratch.scores.withUnsafeMutableBufferPointer { out in
          normalized.matrix.withUnsafeBufferPointer { mat in
            scratch.weights.withUnsafeBufferPointer { w in
              scratch.weightSums.withUnsafeMutableBufferPointer { sums in
                Self.scoreFlat(
                  kernel, matrix: mat, m: m, weights: w, into: out, weightSums: sums, values: &scratch.values,
                  valueWeights: &scratch.valueWeights)
              }
            }
          }
        }
      }
    } else {
      for k in 0..<n { scratch.scores[k] = .nan }
    }
    return scratch.scores.withUnsafeBufferPointer { sp in
      scratch.ranks.withUnsafeMutableBufferPointer { rp in scratch.sorter.rank(sp, into: rp) }
    }
  }

  /// A tree index through the engine's general scoring loop.
  private func scoreTree(_ normalized: NormalizedIndex, _ s: Scenario, _ scratch: inout Scratch) {
    let rows = prepared.includedRows
    for i in rows { scratch.rowScores[i] = .nan }
    normalized.score(
      weights: scratch.weights, dimensionWeights: scratch.dimensionWeights, aggregation: aggregations[s.aggregation],
      dimensionAggregation: nil, into: &scratch.rowScores, contributions: &scratch.noContributions,
      dimensionScores: &scratch.noDimensionScores, detailed: false)
    for (k, i) in rows.enumerated() { scratch.scores[k] = scratch.rowScores[i] }
  }

  /// Scores a flat index: one pass over the row-major matrix.
  static func scoreFlat(
    _ kernel: ScoringKernel, matrix mat: UnsafeBufferPointer<Double>, m: Int, weights w: UnsafeBufferPointer<Double>,
    into out: UnsafeMutableBufferPointer<Double>, weightSums: UnsafeMutableBufferPointer<Double>, values: inout [Double],
    valueWeights: inout [Double]
  ) {
    let n = out.count
    switch kernel {
    case .arithmeticColumns(let cache):
      weightedColumnMean(cache, m: m, weights: w, into: out, weightSums: weightSums)
    case .geometricColumns(let offset, let cache):
      weightedColumnMean(cache, m: m, weights: w, into: out, weightSums: weightSums)
      for k in 0..<n where !out[k].isNaN { out[k] = exp(out[k]) - offset }
    case .arithmetic:
      // As NormalizedIndex's specialised loop: Σwᵢxᵢ / Σwᵢ over available values.
      var base = 0
      for k in 0..<n {
        var sum = 0.0
        var wsum = 0.0
        for j in 0..<m {
          let v = mat[base + j]
          if !v.isNaN && w[j] > 0 {
            sum += w[j] * v
            wsum += w[j]
          }
        }
        out[k] = wsum > 0 ? sum / wsum : .nan
        base += m
      }
    case .geometric(let offset):
      var base = 0
      for k in 0..<n {
        var s = 0.0
        var wsum = 0.0
        var undefined = false
        for j in 0..<m {
          let v = mat[base + j]
          if v.isNaN || !(w[j] > 0) { continue }
          guard v + offset > 0 else {
            undefined = true
            break
          }
          s += w[j] * log(v + offset)
          wsum += w[j]
        }
        out[k] = !undefined && wsum > 0 ? exp(s / wsum) - offset : .nan
        base += m
      }
    case .harmonic:
      var base = 0
      for k in 0..<n {
        var r = 0.0
        var wsum = 0.0
        var undefined = false
        for j in 0..<m {
          let v = mat[base + j]
          if v.isNaN || !(w[j] > 0) { continue }
          guard v > 0 else {
            undefined = true
            break
          }
          r += w[j] / v
          wsum += w[j]
        }
        out[k] = !undefined && r > 0 ? wsum / r : .nan
        base += m
      }
    case .minimum:
      var base = 0
      for k in 0..<n {
        var lowest = Double.infinity
        for j in 0..<m {
          let v = mat[base + j]
          if !v.isNaN && w[j] > 0 && v < lowest { lowest = v }
        }
        out[k] = lowest == .infinity ? .nan : lowest
        base += m
      }
    case .count(let threshold):
      var base = 0
      for k in 0..<n {
        var wsum = 0.0
        var count = 0
        for j in 0..<m where !mat[base + j].isNaN && w[j] > 0 {
          wsum += w[j]
          count += 1
        }
        if count == 0 {
          out[k] = .nan
        } else {
          let mean = wsum / Double(count)
          var c = 0.0
          for j in 0..<m {
            let v = mat[base + j]
            if !v.isNaN && w[j] > 0 && v > threshold { c += w[j] / mean }
          }
          out[k] = c
        }
        base += m
      }
    case .generic(let aggregation):
      var base = 0
      for k in 0..<n {
        values.removeAll(keepingCapacity: true)
        valueWeights.removeAll(keepingCapacity: true)
        for j in 0..<m {
          let v = mat[base + j]
          if !v.isNaN && w[j] > 0 {
            values.append(v)
            valueWeights.append(w[j])
          }
        }
        out[k] = values.isEmpty ? .nan : aggregation.aggregate(values, weights: valueWeights)
        base += m
      }
    }
  }

  /// Σⱼ wⱼ·xⱼ[k] / Σⱼ wⱼ·aⱼ[k] over the indicators with wⱼ > 0, column by
  /// column; NaN where no weighted value is available.
  @inline(__always)
  static func weightedColumnMean(
    _ cache: ColumnCache, m: Int, weights w: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
    weightSums sums: UnsafeMutableBufferPointer<Double>
  ) {
    let n = out.count
    guard let o = out.baseAddress, let ws = sums.baseAddress else { return }
    var active: [Int] = []  // at most m: the indicators with weight > 0, in order
    var total = 0.0
    for j in 0..<m where w[j] > 0 {
      active.append(j)
      total += w[j]
    }
    guard !active.isEmpty else {
      o.update(repeating: .nan, count: n)
      return
    }
    cache.values.withUnsafeBufferPointer { values in
      cache.available.withUnsafeBufferPointer { available in
        // The same additions in the same order as the row-by-row loop:
        // sum = 0 + w₁x₁ + w₂x₂ + …, and likewise the available weights; the
        // first column starts from 0, the last one divides.
        for (t, j) in active.enumerated() {
          let wj = w[j]
          let x = values.baseAddress! + j * n
          let first = t == 0
          let last = t == active.count - 1
          if cache.complete {
            switch (first, last) {
            case (true, true): for k in 0..<n { o[k] = (0 + wj * x[k]) / total }
            case (true, false): for k in 0..<n { o[k] = 0 + wj * x[k] }
            case (false, true): for k in 0..<n { o[k] = (o[k] + wj * x[k]) / total }
            case (false, false): for k in 0..<n { o[k] += wj * x[k] }
            }
          } else {
            let a = available.baseAddress! + j * n
            switch (first, last) {
            case (true, true):
              for k in 0..<n {
                let s = 0 + wj * a[k]
                o[k] = s > 0 ? (0 + wj * x[k]) / s : .nan
              }
            case (true, false):
              for k in 0..<n {
                o[k] = 0 + wj * x[k]
                ws[k] = 0 + wj * a[k]
              }
            case (false, true):
              for k in 0..<n {
                let s = ws[k] + wj * a[k]
                o[k] = s > 0 ? (o[k] + wj * x[k]) / s : .nan
              }
            case (false, false):
              for k in 0..<n {
                o[k] += wj * x[k]
                ws[k] += wj * a[k]
              }
            }
          }
        }
      }
    }
  }

  /// The index re-prepared from numerators redrawn as Binomial(round(d), y/d).
  ///
  /// Cells without a numerator or with a denominator ≤ 0 are left as they
  /// are, so the same areas are ranked as in the nominal index.
  func noisyIndex(seed: UInt64, normalization: any Normalization) -> NormalizedIndex? {
    guard let table else { return nil }
    var g = SeededGenerator(seed: seed)
    var noisy = AreaTable(codes: table.codes, names: table.names, source: table.source)
    var redrawn: [String: [Double?]] = [:]
    for (numerator, denominator) in noiseColumns {
      guard var y = table.column(numerator), let d = table.column(denominator) else { continue }
      for i in 0..<y.count {
        guard let yi = y[i], let di = d[i], di > 0 else { continue }
        let trials = Int(di.rounded())
        guard trials > 0 else { continue }
        let p = min(1, max(0, yi / di))
        y[i] = Double(g.binomial(trials: trials, probability: p))
      }
      redrawn[numerator] = y
    }
    for name in table.columnNames {
      guard let column = redrawn[name] ?? table.column(name) else { continue }
      try? noisy.addColumn(name, column)
    }
    guard let p = try? prepared.definition.prepare(noisy, hierarchy: hierarchy), p.includedRows == prepared.includedRows
    else { return nil }
    return p.normalized(with: normalization)
  }

  /// Σ|rank − nominal rank| over the areas ranked in both, and their count.
  func absoluteShift(_ ranks: [Int32]) -> (sum: Int, count: Int) {
    var sum = 0
    var count = 0
    ranks.withUnsafeBufferPointer { r in
      nominalRanks.withUnsafeBufferPointer { nominal in
        for k in 0..<n where r[k] > 0 && nominal[k] > 0 {
          sum += Int(abs(r[k] - nominal[k]))
          count += 1
        }
      }
    }
    return (sum, count)
  }

  /// The mean absolute rank shift from nominal (NaN when no area is ranked in both).
  func meanAbsoluteShift(_ ranks: [Int32]) -> Double {
    let s = absoluteShift(ranks)
    return s.count > 0 ? Double(s.sum) / Double(s.count) : .nan
  }
}
