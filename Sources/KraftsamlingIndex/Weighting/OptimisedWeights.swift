#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// The weights whose effective importance comes closest to a target, in
/// the spirit of COINr's `get_opt_weights` (`optype = "balance"`): minimise
/// Σᵢ(eᵢ(w) − tᵢ)² over the simplex, where eᵢ(w) is item i's squared
/// correlation with the index scored with weights w, normalised to sum 1.
///
/// The search is a damped multiplicative fixed-point iteration: from w = t,
/// wᵢ ← wᵢ·(tᵢ/eᵢ)^(α/2), scaled to sum 1 (an item's correlation with the
/// index grows roughly with its weight, so its importance with the square).
/// A step that does not lower the objective is retried with α halved; α
/// doubles again (up to 1) after a step that does. It stops when every
/// |eᵢ − tᵢ| ≤ 10⁻¹², after 2000 steps, or when α falls below 10⁻¹².
/// Every weight stays positive, and the same input gives the same bits.
///
/// - Complexity: O(*n*·*m*) per step (one scoring of the index and *m*
///   correlations over *n* areas).
struct OptimisedWeights {
  /// The weights, summing to 1.
  let weights: [Double]
  /// The target shares, summing to 1.
  let target: [Double]
  /// The effective importance the weights give.
  let effective: [Double]
  /// Steps accepted or tried.
  let iterations: Int

  /// max |eᵢ − tᵢ|.
  var residual: Double { zip(effective, target).reduce(0) { max($0, abs($1.0 - $1.1)) } }
  /// Σ(eᵢ − tᵢ)².
  var sumOfSquares: Double { Self.objective(effective, target) }

  /// Searches for the weights.
  ///
  /// - Throws: ``IndexError`` `index.weights-mismatch` when the target has
  ///   the wrong length, `index.invalid-parameter` when it is not positive,
  ///   `index.empty-data` when an item's correlation with the index is undefined.
  init(_ data: WeightingData, target given: [Double]?) throws(IndexError) {
    let m = data.columns.count
    let t = try Self.target(given, count: m)
    var w = t
    var e = try Self.effective(data, w)
    var f = Self.objective(e, t)
    var alpha = 1.0
    var steps = 0
    while steps < 2000, zip(e, t).contains(where: { abs($0 - $1) > 1e-12 }), alpha >= 1e-12 {
      steps += 1
      let candidate = Self.normalised(w.indices.map { w[$0] * pow(t[$0] / max(e[$0], 1e-300), alpha / 2) })
      let ec = try Self.effective(data, candidate)
      let fc = Self.objective(ec, t)
      if fc < f {
        (w, e, f) = (candidate, ec, fc)
        alpha = min(1, 2 * alpha)
      } else {
        alpha /= 2
      }
    }
    weights = w
    target = t
    effective = e
    iterations = steps
  }

  /// The largest gap between an item's effective importance and its
  /// target that still counts as meeting it.
  static let tolerance = 0.01

  /// Why items end more than ``tolerance`` from their target, one sentence
  /// each: too important even with almost no weight, too little even with
  /// almost all of it, or held back by the balance of the others.
  func shortfalls(ids: [String]) -> [String] {
    weights.indices.filter { abs(effective[$0] - target[$0]) > Self.tolerance }.map { i in
      let e = DecimalFormatting.fixed(effective[i], places: 3)
      let t = DecimalFormatting.fixed(target[i], places: 3)
      if effective[i] > target[i] && weights[i] < 1e-3 {
        return "\(ids[i]) keeps an effective importance of \(e) (target \(t)) even with almost no weight: "
          + "it correlates with the index through the items it is correlated with"
      }
      if effective[i] < target[i] && weights[i] > 1 - 1e-3 {
        return "\(ids[i]) reaches an effective importance of only \(e) (target \(t)) even with almost all the weight: "
          + "the items correlated with it share its importance"
      }
      return "\(ids[i]) ends at an effective importance of \(e) (target \(t)): no weights bring every item to its target, "
        + "and these are the closest found"
    }
  }

  /// The target scaled to sum 1 (equal shares when `nil`).
  static func target(_ given: [Double]?, count m: Int) throws(IndexError) -> [Double] {
    guard let given else { return [Double](repeating: 1 / Double(m), count: m) }
    guard given.count == m else {
      throw IndexError(.weightsMismatch, "\(given.count) target shares given for \(m) items")
    }
    guard given.allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw IndexError(.invalidParameter, "the target shares must be positive numbers", hint: "e.g. 1,1,2,1")
    }
    return normalised(given)
  }

  /// The effective importance at `w`, or an error when a correlation is undefined.
  static func effective(_ data: WeightingData, _ w: [Double]) throws(IndexError) -> [Double] {
    let shares = data.effectiveShares(shares: w)
    var out: [Double] = []
    for (i, s) in shares.enumerated() {
      guard let s else {
        throw IndexError(
          .emptyData, "the correlation of \(data.items.ids[i]) with the index is undefined",
          hint: "an item that is constant over the ranked areas cannot be balanced")
      }
      out.append(s)
    }
    return out
  }

  /// Σ(eᵢ − tᵢ)².
  static func objective(_ e: [Double], _ t: [Double]) -> Double {
    zip(e, t).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
  }

  /// The vector scaled to sum 1.
  static func normalised(_ v: [Double]) -> [Double] {
    let sum = v.reduce(0, +)
    return v.map { $0 / sum }
  }
}
