import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A way to cut a map's values into classes: a strategy for
/// ``ClassBreaks``.
///
/// Two are public, with the definitions of PySAL's `mapclassify`
/// (version 2.x), so a map drawn here and one drawn with
/// `geopandas.plot(scheme=…)` agree:
/// - ``Quantiles`` (`.quantiles`): classes holding about equally many
///   areas (`mapclassify.Quantiles`);
/// - ``NaturalBreaks`` (`.naturalBreaks`): Fisher–Jenks optimal classes
///   that minimise the within-class sum of squared deviations
///   (`mapclassify.FisherJenks`).
///
/// Equal intervals (`mapclassify.EqualInterval`, `EqualIntervals`) are
/// offered by `kraftctl map --classes equal` only (`package`).
///
/// A classification returns *upper bounds*: class *i* holds the values
/// *v* with `upperBounds[i − 1] < v ≤ upperBounds[i]`, the first class
/// everything up to `upperBounds[0]`; the last bound is the maximum. When
/// the data have too few distinct values, fewer classes come back (as in
/// mapclassify).
public protocol Classification: Sendable {
  /// A short name: `quantile`, `equal`, `jenks`.
  var name: String { get }
  /// The upper bounds of at most `classes` classes for `sorted`, finite
  /// values in ascending order (at least one value; `classes` ≥ 1).
  func upperBounds(sorted: [Double], classes: Int) -> [Double]
}

extension Classification where Self == Quantiles {
  /// Classes with about equally many values.
  public static var quantiles: Quantiles { Quantiles() }
}

extension Classification where Self == EqualIntervals {
  /// Classes of equal width.
  package static var equalIntervals: EqualIntervals { EqualIntervals() }
}

extension Classification where Self == NaturalBreaks {
  /// Fisher–Jenks optimal classes.
  public static var naturalBreaks: NaturalBreaks { NaturalBreaks() }
}

/// The classification called `quantile`, `equal` or `jenks` (also
/// `quantiles`, `equal-interval`, `natural-breaks`, `fisher-jenks`), for
/// command lines.
package func classification(named name: String) -> (any Classification)? {
  switch name.lowercased() {
  case "quantile", "quantiles": Quantiles()
  case "equal", "equal-interval", "equal-intervals": EqualIntervals()
  case "jenks", "natural-breaks", "fisher-jenks", "naturalbreaks": NaturalBreaks()
  default: nil
  }
}

/// Quantile classes: the upper bounds are the 100/*k*, 200/*k*, … 100th
/// percentiles with linear interpolation between order statistics (NumPy's
/// default, as `mapclassify.Quantiles` uses); repeated bounds are merged.
///
/// ```swift
/// Quantiles().upperBounds(sorted: [1, 2, 3, 4, 5], classes: 4)   // [2, 3, 4, 5]
/// ```
///
/// - Complexity: O(*k*) on sorted input.
public struct Quantiles: Classification, Sendable, Hashable, Codable {
  /// Creates the classification.
  package init() {}
  /// `quantile`.
  public var name: String { "quantile" }
  /// The percentiles 100·i/k, i = 1…k, merged when equal.
  public func upperBounds(sorted x: [Double], classes k: Int) -> [Double] {
    var out: [Double] = []
    for i in 1...k {
      let p = Double(i) / Double(k)
      let pos = p * Double(x.count - 1)
      let lo = Int(pos.rounded(.down))
      let hi = Swift.min(lo + 1, x.count - 1)
      let v = i == k ? x[x.count - 1] : x[lo] + (x[hi] - x[lo]) * (pos - Double(lo))
      if out.last != v { out.append(v) }
    }
    return out
  }
}

/// Equal-interval classes: *k* classes of width (max − min)/*k*; the last
/// bound is the maximum itself (as `mapclassify.EqualInterval`).
///
/// ```swift
/// EqualIntervals().upperBounds(sorted: [0, 1, 10], classes: 2)   // [5, 10]
/// ```
///
/// - Complexity: O(*k*).
package struct EqualIntervals: Classification, Sendable, Hashable, Codable {
  /// Creates the classification.
  package init() {}
  /// `equal`.
  package var name: String { "equal" }
  /// min + i·width for i = 1…k−1, then max.
  package func upperBounds(sorted x: [Double], classes k: Int) -> [Double] {
    let lo = x[0], hi = x[x.count - 1]
    guard hi > lo else { return [hi] }
    let width = (hi - lo) / Double(k)
    return (1..<k).map { lo + Double($0) * width } + [hi]
  }
}

/// Natural breaks by the exact Fisher–Jenks method: the partition of the
/// sorted values into *k* contiguous classes with the smallest total
/// within-class sum of squared deviations from the class means (Fisher
/// 1958, "On grouping for maximum homogeneity"; Jenks 1977).
///
/// The optimum is found exactly by dynamic programming over the sorted
/// values, D(c, j) = min over i of D(c − 1, i − 1) + SSE(i…j), with SSE from
/// prefix sums in O(1). Because the optimal start of the last class is
/// monotone in *j* for squared-deviation costs, each layer is solved by
/// divide and conquer (Grønlund et al. 2017, "Fast exact k-means, k-medians
/// and Bregman divergence clustering in 1D"; the method of R's
/// `Ckmeans.1d.dp`), so the cost is O(*k* · *n* log *n*) time and O(*k* · *n*)
/// memory instead of Jenks's O(*k* · *n*²) — 1.5 ms for *n* = 6 160 areas
/// and *k* = 5 in a release build. The result has the same total SSE as
/// `mapclassify.FisherJenks`; when two partitions tie exactly, the one with
/// the earlier break is chosen (mapclassify's choice between exact ties is
/// an artefact of its loop order).
///
/// Values are centred on their mean before the prefix sums are formed, to
/// avoid cancellation.
///
/// ```swift
/// NaturalBreaks().upperBounds(sorted: [1, 2, 3, 10, 11, 12, 30], classes: 3)   // [3, 12, 30]
/// ```
public struct NaturalBreaks: Classification, Sendable, Hashable, Codable {
  /// Creates the classification.
  package init() {}
  /// `jenks`.
  public var name: String { "jenks" }

  /// The optimal upper bounds.
  public func upperBounds(sorted x: [Double], classes k: Int) -> [Double] {
    var distinct = 1
    for i in 1..<x.count where x[i] != x[i - 1] { distinct += 1 }
    let k = Swift.min(k, distinct)
    let n = x.count
    guard k > 1 else { return [x[n - 1]] }
    let mean = x.reduce(0, +) / Double(n)
    var s1 = [Double](repeating: 0, count: n + 1)
    var s2 = [Double](repeating: 0, count: n + 1)
    for i in 0..<n {
      let v = x[i] - mean
      s1[i + 1] = s1[i] + v
      s2[i + 1] = s2[i] + v * v
    }
    func sse(_ i: Int, _ j: Int) -> Double {
      let m = Double(j - i + 1)
      let s = s1[j + 1] - s1[i]
      return Swift.max(0, (s2[j + 1] - s2[i]) - s * s / m)
    }
    var previous = (0..<n).map { sse(0, $0) }
    var current = [Double](repeating: .infinity, count: n)
    // start[c][j]: first index of the last class in the best c+1-class split of x[0…j].
    var start = [[Int]](repeating: [], count: k)
    for c in 1..<k {
      var argmin = [Int](repeating: 0, count: n)
      // Solve j in lo...hi knowing the optimal start lies in optLo...optHi.
      var stack: [(Int, Int, Int, Int)] = [(c, n - 1, c, n - 1)]
      while let (lo, hi, optLo, optHi) = stack.popLast() {
        guard lo <= hi else { continue }
        let mid = (lo + hi) / 2
        var best = Double.infinity
        var bestI = Swift.max(optLo, c)
        for i in Swift.max(optLo, c)...Swift.min(mid, optHi) {
          let v = previous[i - 1] + sse(i, mid)
          if v < best {
            best = v
            bestI = i
          }
        }
        current[mid] = best
        argmin[mid] = bestI
        stack.append((lo, mid - 1, optLo, bestI))
        stack.append((mid + 1, hi, bestI, optHi))
      }
      start[c] = argmin
      swap(&previous, &current)
      for j in 0..<n { current[j] = .infinity }
    }
    var bounds = [Double](repeating: 0, count: k)
    var end = n - 1
    for c in stride(from: k - 1, through: 1, by: -1) {
      bounds[c] = x[end]
      end = start[c][end] - 1
    }
    bounds[0] = x[end]
    var out: [Double] = []
    for b in bounds where out.last != b { out.append(b) }
    return out
  }
}

/// Class breaks for a set of values: the minimum and the upper bound of
/// every class, and the class of any value.
///
/// ```swift
/// let b = try ClassBreaks(values: [1, 2, 3, 10, 11, 12, 30], classification: .naturalBreaks, classes: 3)
/// b.upperBounds            // [3, 12, 30]
/// b.classIndex(of: 11)     // 1
/// b.counts                 // [3, 3, 1]
/// ```
public struct ClassBreaks: Sendable, Hashable, Codable {
  /// The smallest value.
  public package(set) var minimum: Double
  /// The upper bound of each class, ascending; the last is the maximum.
  public package(set) var upperBounds: [Double]
  /// How many of the values fall in each class.
  public package(set) var counts: [Int]
  /// The classification's name.
  package var method: String

  /// Classifies values, ignoring `NaN` (missing) ones.
  ///
  /// - Parameters:
  ///   - values: The values; `NaN` means missing.
  ///   - classification: `.quantiles` (default), `.naturalBreaks` or your own.
  ///   - classes: The number of classes wanted (≥ 1); fewer come back when
  ///     the values have fewer distinct levels.
  /// - Throws: ``GeographyError`` `invalidParameter` for `classes` < 1, an
  ///   infinite value, or no value at all.
  /// - Complexity: O(*n* log *n*) plus the classification's cost.
  public init(values: [Double], classification: some Classification = .quantiles, classes: Int = 5)
    throws(GeographyError)
  {
    guard classes >= 1 else {
      throw GeographyError(.invalidParameter, "the number of classes must be at least 1 (got \(classes))")
    }
    let finite = values.filter { !$0.isNaN }
    if let bad = finite.first(where: { !$0.isFinite }) {
      throw GeographyError(.invalidParameter, "cannot classify the infinite value \(bad); replace it or mark it missing")
    }
    guard !finite.isEmpty else {
      throw GeographyError(.invalidParameter, "there is no value to classify: every area is missing")
    }
    let sorted = finite.sorted()
    minimum = sorted[0]
    upperBounds = classification.upperBounds(sorted: sorted, classes: classes)
    method = classification.name
    counts = [Int](repeating: 0, count: upperBounds.count)
    for v in sorted { counts[Self.index(of: v, in: upperBounds)] += 1 }
  }

  /// ``init(values:classification:classes:)`` with an existential
  /// classification (e.g. from ``classification(named:)``).
  package init(values: [Double], classifiedBy classification: any Classification, classes: Int = 5)
    throws(GeographyError)
  {
    try self.init(values: values, classification: classification, classes: classes)
  }

  /// The number of classes.
  package var count: Int { upperBounds.count }

  /// The class (0-based) of a value, or `nil` for `NaN`. Values below the
  /// minimum go to the first class, above the maximum to the last.
  public func classIndex(of v: Double) -> Int? {
    v.isNaN ? nil : Self.index(of: v, in: upperBounds)
  }

  private static func index(of v: Double, in bounds: [Double]) -> Int {
    var lo = 0, hi = bounds.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if v <= bounds[mid] { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }
}
