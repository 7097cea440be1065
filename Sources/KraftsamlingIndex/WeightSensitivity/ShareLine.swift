/// One area's score as a function of one indicator's weight share *s*
/// (the other weights keeping their proportions): the ratio
/// (n₀ + n₁·s) / (d₀ + d₁·s) of two affine functions.
///
/// For an area with every indicator the denominator is exactly 1 and the
/// score is the line n₀ + n₁·s. For an area scored over the indicators it
/// has (`reweight`), the denominator is the sum of the weights present.
struct ShareLine: Sendable, Hashable {
  var n0: Double
  var n1: Double
  var d0: Double
  var d1: Double

  /// The numerator at `s`.
  @inline(__always) func numerator(_ s: Double) -> Double { n0 + n1 * s }
  /// The denominator (the sum of the weights the area has) at `s`.
  @inline(__always) func denominator(_ s: Double) -> Double { d0 + d1 * s }

  /// The score at `s`; NaN where the area has no weight at all.
  func score(at s: Double) -> Double {
    let d = denominator(s)
    return d > 0 ? numerator(s) / d : .nan
  }

  /// Whether the area has a score for some share (it has an indicator).
  var isScored: Bool { d0 > 0 || d0 + d1 > 0 }
}

/// The sign of "area *j* scores above area *a*" along the share:
/// g(s) = N_j(s)·D_a(s) − N_a(s)·D_j(s) = c₀ + c₁·s + c₂·s², which has the
/// sign of f_j(s) − f_a(s) because both denominators are positive. For two
/// areas with every indicator c₂ = 0: the crossing of two lines.
struct ShareComparison: Sendable {
  var c0: Double
  var c1: Double
  var c2: Double
  let upper: ShareLine
  let lower: ShareLine

  /// The comparison of `j` over `a`.
  init(_ j: ShareLine, over a: ShareLine) {
    upper = j
    lower = a
    c2 = j.n1 * a.d1 - a.n1 * j.d1
    c1 = j.n0 * a.d1 + j.n1 * a.d0 - a.n0 * j.d1 - a.n1 * j.d0
    c0 = j.n0 * a.d0 - a.n0 * j.d0
  }

  /// g(s).
  func value(at s: Double) -> Double { c0 + s * (c1 + s * c2) }

  /// Whether the two areas tie for every share: all coefficients within `tolerance`.
  func isIdentical(tolerance: Double) -> Bool {
    abs(c0) <= tolerance && abs(c1) <= tolerance && abs(c2) <= tolerance
  }

  /// Whether `j` scores above `a` at `s` by more than the tie tolerance `tau`.
  func isAbove(at s: Double, tolerance tau: Double) -> Bool {
    value(at: s) > tau * upper.denominator(s) * lower.denominator(s)
  }

  /// The distinct shares in [0, 1] where g(s) = 0, ascending: the root of a
  /// line, or of a quadratic by the numerically stable formula.
  func roots() -> [Double] {
    var found: [Double] = []
    if c2 == 0 {
      if c1 != 0 { found = [-c0 / c1] }
    } else {
      let disc = c1 * c1 - 4 * c2 * c0
      if disc >= 0 {
        let q = -0.5 * (c1 + (c1 < 0 ? -1 : 1) * disc.squareRoot())
        found = [q / c2]
        if q != 0 { found.append(c0 / q) }
      } else if disc > -1e-14 * c1 * c1 {
        found = [-c1 / (2 * c2)]  // a double root lost to rounding
      }
    }
    // Snap to the ends: a root within 10⁻¹² of 0 or 1 is there (e.g. the
    // factor 1 − s of an area without the indicator, at 1 − 2⁻⁵³).
    let inRange = found.filter { $0 >= -1e-12 && $0 <= 1 + 1e-12 }
      .map { $0 < 1e-12 ? 0 : $0 > 1 - 1e-12 ? 1 : $0 }.sorted()
    var out: [Double] = []
    for r in inRange where out.last.map({ r - $0 > 1e-14 }) ?? true { out.append(r) }
    return out
  }
}
