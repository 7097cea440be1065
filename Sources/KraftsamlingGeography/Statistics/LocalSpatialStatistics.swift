import KraftsamlingCore
import KraftsamlingIndex

/// Local indicators of spatial association — Local Moran's *Iᵢ*
/// (LISA) or Getis–Ord *Gᵢ* / *Gᵢ\** — for every area, with analytical
/// moments, conditional-permutation pseudo p-values and cluster labels.
///
/// Create one with ``moran(values:weights:transformation:inference:alpha:falseDiscoveryRate:)``
/// or ``getisOrd(values:weights:star:transformation:inference:alpha:falseDiscoveryRate:)``
/// (or ``compute(_:values:weights:transformation:inference:alpha:falseDiscoveryRate:)``
/// to choose the statistic at run time). The semantics are esda's
/// `Moran_Local` and `G_Local`; `Documentation/SpatialStatistics.md` gives
/// the formulas, the permutation scheme and where we differ.
///
/// ```swift
/// // A 3 × 3 rook lattice with a high corner:  6 6 2 / 6 2 2 / 2 0 1
/// let w = try SpatialWeights(ids: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
///                            neighbours: [[1, 3], [0, 2, 4], [1, 5], [0, 4, 6], [1, 3, 5, 7],
///                                         [2, 4, 8], [3, 7], [4, 6, 8], [5, 7]])
/// let y: [Double] = [6, 6, 2, 6, 2, 2, 2, 0, 1]
/// let lisa = try LocalSpatialStatistics.moran(values: y, weights: w,
///                                             inference: .init(permutations: 999, seed: 1))
/// lisa.areas[0].statistic   // 1.6363… = 18/11
/// lisa.areas[0].quadrant    // .highHigh
/// lisa.areas[0].pValue      // 0.041
/// lisa.labels               // [.highHigh, .notSignificant, … (8 × ns)]
/// ```
///
/// The result is `Codable`: encode it to JSON to keep or share it; it
/// records everything needed to reproduce it (statistic, transformation,
/// permutations, seed, alternative, α and whether FDR was used).
public struct LocalSpatialStatistics: Sendable, Hashable, Codable {
  /// Which local statistic.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Local Moran's *Iᵢ* (Anselin 1995; esda `Moran_Local`).
    case moran = "moran"
    /// Getis–Ord *Gᵢ*, without the area itself (esda `G_Local(star=False)`).
    case getisOrd = "getis-ord"
    /// Getis–Ord *Gᵢ\**, including the area itself (esda `G_Local(star=True)`).
    case getisOrdStar = "getis-ord-star"
  }

  /// The result for one area.
  ///
  /// Fields that are undefined for the area are `nil`: the permutation
  /// fields when no permutations were run or the area is an island (it has
  /// no neighbours to permute), the *z*-scores when a variance is 0.
  public struct Area: Sendable, Hashable, Codable {
    /// The area code (from the weights' ids).
    public package(set) var id: String
    /// The value *yᵢ* as given.
    public package(set) var value: Double
    /// The standardised value *zᵢ = (yᵢ − ȳ)/σ* with the population σ.
    package var standardisedValue: Double
    /// The spatial lag: *(Wz)ᵢ* for Local Moran, *(Wy)ᵢ* for Getis–Ord
    /// (including the self-weight for *Gᵢ\**), with the transformed weights.
    package var spatialLag: Double
    /// The number of neighbours (not counting the area itself).
    package var neighbourCount: Int
    /// The local statistic *Iᵢ* or *Gᵢ*.
    public package(set) var statistic: Double
    /// The Moran-scatterplot quadrant (Local Moran only; `nil` for Getis–Ord).
    public package(set) var quadrant: Quadrant?
    /// The analytical expected value of the statistic under the null: for
    /// Local Moran under total randomisation (esda `EI`), for Getis–Ord esda's `EGs`.
    package var expected: Double
    /// The analytical variance (esda `VI` / `VGs`).
    package var variance: Double
    /// `(statistic − expected) / √variance` (esda `Zs` for Getis–Ord).
    package var zScore: Double?
    /// Local Moran: the expectation under conditional randomisation (esda `EIc`).
    package var conditionalExpected: Double?
    /// Local Moran: the variance under conditional randomisation (esda `VIc`).
    package var conditionalVariance: Double?
    /// The mean of the simulated statistics (esda `EI_sim` / `EG_sim`).
    package var simulatedMean: Double?
    /// Their population standard deviation (esda `seI_sim` / `seG_sim`).
    package var simulatedStandardDeviation: Double?
    /// `(statistic − simulatedMean) / simulatedStandardDeviation` (esda `z_sim`).
    public package(set) var simulatedZScore: Double?
    /// The pseudo p-value `(M + 1)/(P + 1)` (esda `p_sim`).
    public package(set) var pValue: Double?
    /// The label at the result's significance threshold.
    package var label: SpatialClusterLabel
  }

  /// The statistic computed.
  package var kind: Kind
  /// One entry per area, in the order of the weights' ids.
  public package(set) var areas: [Area]
  /// The weights transformation applied before computing.
  package var transformation: WeightsTransformation
  /// *P*, the number of permutations (0: none).
  public package(set) var permutations: Int
  /// The seed of the permutation matrix; `nil` when a matrix was injected
  /// or no permutations were run.
  package var seed: UInt64?
  /// The alternative's name (`"directed"`, …).
  package var alternative: String
  /// The significance level α.
  package var alpha: Double
  /// Whether the threshold was adjusted for the false discovery rate.
  package var falseDiscoveryRate: Bool
  /// The p-value cut-off the labels use: an area is significant when its
  /// pseudo p-value is strictly below it (α, or esda's `fdr` cut-off).
  public package(set) var threshold: Double

  /// The labels of all areas, in order.
  public var labels: [SpatialClusterLabel] { areas.map(\.label) }
  /// The statistics of all areas, in order.
  package var statistics: [Double] { areas.map(\.statistic) }
  /// The pseudo p-values of all areas, in order.
  package var pValues: [Double?] { areas.map(\.pValue) }
  /// The areas with a significant label.
  package var significantAreas: [Area] { areas.filter { $0.label != .notSignificant } }
}
