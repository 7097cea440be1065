#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

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
  var factorValues: [Double]
  var sorter = RankSorter()
  var noContributions: [[Double]] = []
  var noDimensionScores: [[Double]] = []

  init(engine: RobustnessEngine) {
    scores = [Double](repeating: .nan, count: engine.n)
    ranks = [Int32](repeating: 0, count: engine.n)
    rowScores = engine.isTree ? [Double](repeating: .nan, count: engine.prepared.areaCount) : []
    weights = engine.nominalWeights
    dimensionWeights = engine.nominalDimensionWeights
    factorValues = [Double](repeating: 0, count: engine.factors.count)
  }
}

/// Everything the replications share, prepared once: the normalised
/// matrices of every normalisation in the space (with the column caches
/// of the means drawn), which (normalisation, aggregation) pairs are valid,
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
  /// The normalised values of each cached normalisation, prepared for
  /// the drawn aggregations (column caches for the means of a flat index).
  let matrices: [IndicatorMatrix]
  /// Whether (normalisation c, aggregation a), at c·aggregations.count + a,
  /// can be scored: the aggregation takes every value of the normalisation.
  let valid: [Bool]
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

    // Valid pairs, the matrices scored, and the check that every pair the draws can meet is valid.
    valid = Self.validity(normalizations, aggs)
    matrices = Self.matrices(normalizations, aggs, valid: valid, isTree: isTree)
    try Self.checkDrawnPairs(
      valid, normalizations, aggs, normalizationOptions: normOptions, aggregationOptions: aggOptions)
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

  /// Whether each (normalisation, aggregation) pair, at
  /// c·aggregations.count + a, can be scored: the aggregation takes every
  /// normalised value.
  private static func validity(_ normalizations: [NormalizedIndex], _ aggregations: [any Aggregation]) -> [Bool] {
    normalizations.flatMap { normalized in
      aggregations.map { aggregation in (try? normalized.checkDomain(aggregation)) != nil }
    }
  }

  /// Each normalisation's matrix, with the column caches of the means
  /// (arithmetic, geometric by offset) it is validly drawn with — none for
  /// a tree, whose dimensions are scored by NormalizedIndex.
  private static func matrices(
    _ normalizations: [NormalizedIndex], _ aggregations: [any Aggregation], valid: [Bool], isTree: Bool
  ) -> [IndicatorMatrix] {
    normalizations.indices.map { c in
      let matrix = normalizations[c].indicatorMatrix
      guard !isTree else { return matrix }
      let usable = aggregations.indices.filter { valid[c * aggregations.count + $0] }.map { aggregations[$0] }
      return matrix.preparingColumns(
        arithmetic: usable.contains { $0 is WeightedArithmeticMean },
        geometricOffsets: Set(usable.compactMap { ($0 as? WeightedGeometricMean)?.offset }))
    }
  }

  /// Throws `robustness.incompatible-choices` for the first pair of a
  /// normalisation and an aggregation the draws can meet that is not valid.
  private static func checkDrawnPairs(
    _ valid: [Bool], _ normalizations: [NormalizedIndex], _ aggregations: [any Aggregation],
    normalizationOptions: [Int], aggregationOptions: [Int]
  ) throws(RobustnessError) {
    let drawnNorms = normalizationOptions.isEmpty ? [0] : normalizationOptions
    let drawnAggs = aggregationOptions.isEmpty ? [0] : aggregationOptions
    for c in Set(drawnNorms).sorted() {
      for a in Set(drawnAggs).sorted() where !valid[c * aggregations.count + a] {
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

  /// Whether a cached normalisation and an aggregation can be combined.
  func isValid(_ c: Int, _ a: Int) -> Bool { valid[c * aggregations.count + a] }

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
    // (Noisy values are scored whatever the pair's validity: an area whose
    // value the aggregation cannot take gets NaN.)
    var normalized = normalizations[s.normalization]
    var matrix: IndicatorMatrix? = isValid(s.normalization, s.aggregation) ? matrices[s.normalization] : nil
    if let seed = s.noiseSeed {
      let noisy = noisyIndex(seed: seed, normalization: normalizations[s.normalization].normalization)
      if let noisy { normalized = noisy }
      matrix = noisy?.indicatorMatrix
    }

    if let matrix {
      if isTree {
        scoreTree(normalized, s, &scratch)
      } else {
        aggregations[s.aggregation].aggregate(matrix, weights: scratch.weights, into: &scratch.scores)
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
