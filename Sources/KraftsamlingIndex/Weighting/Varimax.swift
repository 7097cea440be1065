#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore

/// Kaiser's varimax rotation of a loading matrix, with Kaiser normalisation:
/// each row is scaled to unit length, the factors are rotated pair by pair
/// by the angle that maximises the variance of the squared loadings
/// (tan 4φ = (D − 2AB/p)/(C − (A² − B²)/p), Harman 1976, §14.4), sweep after
/// sweep until no angle exceeds 10⁻¹⁴, and the rows are scaled back.
///
/// R's `varimax` and `factor_analyzer`'s `Rotator` reach the same optimum by
/// another route (an SVD per step); the rotated factors are unique up to
/// their order and sign.
///
/// ```swift
/// let rotated = Varimax.rotate([[0.8, 0.3], [0.7, 0.4], [0.3, -0.8], [0.4, -0.7]]).loadings
/// ```
///
/// - Complexity: O(*p*·*r*²) per sweep for *p* items and *r* factors.
package enum Varimax {
  /// The rotated loadings (same shape as the input) and the sweeps taken.
  ///
  /// - Parameter loadings: One row per item, one column per factor.
  package static func rotate(_ loadings: [[Double]]) -> (loadings: [[Double]], sweeps: Int) {
    let r = loadings.first?.count ?? 0
    guard r >= 2 else { return (loadings, 0) }
    let norms = loadings.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    var x = zip(loadings, norms).map { row, h in h > 0 ? row.map { $0 / h } : row }
    var sweeps = 0
    while sweeps < 1000 {
      sweeps += 1
      var largest = 0.0
      for j in 0..<r {
        for k in (j + 1)..<r { largest = max(largest, abs(rotatePair(&x, j, k))) }
      }
      if largest < 1e-14 { break }
    }
    return (zip(x, norms).map { row, h in h > 0 ? row.map { $0 * h } : row }, sweeps)
  }

  /// Rotates factors j and k by the varimax angle; returns the angle.
  static func rotatePair(_ x: inout [[Double]], _ j: Int, _ k: Int) -> Double {
    var a = 0.0, b = 0.0, c = 0.0, d = 0.0
    for row in x {
      let u = row[j] * row[j] - row[k] * row[k]
      let v = 2 * row[j] * row[k]
      a += u
      b += v
      c += u * u - v * v
      d += 2 * u * v
    }
    let p = Double(x.count)
    let phi = atan2(d - 2 * a * b / p, c - (a * a - b * b) / p) / 4
    guard phi != 0 else { return 0 }
    let (cs, sn) = (cos(phi), sin(phi))
    for i in x.indices {
      let (xj, xk) = (x[i][j], x[i][k])
      x[i][j] = cs * xj + sn * xk
      x[i][k] = -sn * xj + cs * xk
    }
    return phi
  }

  /// The varimax criterion Σ_c [Σᵢ x⁴ᵢc − (Σᵢ x²ᵢc)²/p] of row-normalised loadings: what the rotation maximises.
  package static func criterion(_ loadings: [[Double]]) -> Double {
    let x = loadings.map { row -> [Double] in
      let h = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return h > 0 ? row.map { $0 / h } : row
    }
    let p = Double(x.count)
    return (0..<(x.first?.count ?? 0)).reduce(0.0) { total, c in
      let squares = x.map { $0[c] * $0[c] }
      return total + squares.reduce(0) { $0 + $1 * $1 } - squares.reduce(0, +) * squares.reduce(0, +) / p
    }
  }
}
