import Dispatch

/// The conditional randomisation engine shared by the local statistics
/// (esda `crand`).
///
/// For every site *i* with *kᵢ* other neighbours and weights *wᵢ₁ … wᵢₖ*,
/// and every permutation *r*, it forms the permuted lag
///
///     accᵣ = Σ_c wᵢ_c · x[shift(M[r, c])],   shift(j) = j + (j ≥ i ? 1 : 0),
///
/// from the shared matrix *M* (so the *kᵢ* values are drawn without
/// replacement from the *n − 1* other observations), turns it into a
/// simulated statistic with the site's formula, and reduces the *P*
/// simulated values to a pseudo p-value, their mean and standard deviation.
///
/// Sites are independent, so the work is split over threads by sites only
/// (interleaved blocks); each site's arithmetic is the same on any thread,
/// which makes the output bit-identical for any thread count.
///
/// - Complexity: O(*P* · *m*) time for *m* links, O(*P*) scratch memory
///   per thread.
struct ConditionalPermutationEngine {
  /// How a permuted lag becomes a simulated statistic at site *i*.
  enum Formula {
    /// Local Moran: `(xᵢ · (acc + sᵢ·xᵢ)) · scaling`, scaling = (n − 1) / Σz².
    case moran(scaling: Double)
    /// Getis–Ord Gᵢ: `acc / (total − xᵢ)`.
    case getisOrd(total: Double)
    /// Getis–Ord Gᵢ*: `(acc + sᵢ·xᵢ) / total`.
    case getisOrdStar(total: Double)
  }

  /// The values that are permuted (standardised z for Moran, raw y for G).
  var x: [Double]
  /// CSR rows of the *other* neighbours (no self-links).
  var offsets: [Int]
  var neighbours: [Int]
  var weights: [Double]
  /// The self-weight of every site (0 except for Gᵢ* or kernel weights).
  var selfWeights: [Double]
  /// The observed statistic of every site.
  var observed: [Double]
  var formula: Formula
  var matrix: PermutationMatrix
  var alternative: any PermutationAlternative
  var threads: Int

  /// Per-site results; `nil` for islands (no neighbours) and when there
  /// are no permutations.
  struct Output {
    var pValue: [Double?]
    var mean: [Double?]
    var standardDeviation: [Double?]
  }

  /// Sites per block in the interleaved split.
  static let blockSize = 16

  func run() -> Output {
    let n = x.count
    var p = [Double](repeating: .nan, count: n)
    var mean = [Double](repeating: .nan, count: n)
    var sd = [Double](repeating: .nan, count: n)
    let permutations = matrix.rows
    if permutations > 0 && n > 0 {
      p.withUnsafeMutableBufferPointer { pp in
        mean.withUnsafeMutableBufferPointer { mp in
          sd.withUnsafeMutableBufferPointer { sp in
            let out = OutputPointers(p: pp, mean: mp, sd: sp)
            let blocks = (n + Self.blockSize - 1) / Self.blockSize
            let workers = min(threads, blocks)
            if workers <= 1 {
              runWorker(0, of: 1, blocks: blocks, out: out)
            } else {
              DispatchQueue.concurrentPerform(iterations: workers) { t in
                runWorker(t, of: workers, blocks: blocks, out: out)
              }
            }
          }
        }
      }
    }
    func optional(_ v: [Double]) -> [Double?] { v.map { $0.isNaN ? nil : $0 } }
    return Output(pValue: optional(p), mean: optional(mean), standardDeviation: optional(sd))
  }

  /// Processes blocks `t, t + workers, t + 2·workers, …`.
  private func runWorker(_ t: Int, of workers: Int, blocks: Int, out: OutputPointers) {
    let permutations = matrix.rows
    let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: permutations)
    defer { scratch.deallocate() }
    x.withUnsafeBufferPointer { xp in
      matrix.columnMajor.withUnsafeBufferPointer { mp in
        var block = t
        while block < blocks {
          let lo = block * Self.blockSize
          let hi = min(lo + Self.blockSize, xp.count)
          for i in lo..<hi {
            site(i, x: xp, matrix: mp, scratch: scratch, out: out)
          }
          block += workers
        }
      }
    }
  }

  @inline(__always)
  private func site(
    _ i: Int, x xp: UnsafeBufferPointer<Double>, matrix mp: UnsafeBufferPointer<Int32>,
    scratch acc: UnsafeMutableBufferPointer<Double>, out: OutputPointers
  ) {
    let start = offsets[i]
    let k = offsets[i + 1] - start
    guard k > 0 else { return }  // island: left as NaN → nil
    let permutations = acc.count
    let xb = xp.baseAddress!
    let ab = acc.baseAddress!
    // Column 0 initialises the lags, the other columns add to them.
    do {
      let w = weights[start]
      let col = mp.baseAddress!
      for r in 0..<permutations {
        let j = Int(col[r])
        acc[r] = w * xb[j &+ (j >= i ? 1 : 0)]
      }
    }
    var c = 1
    while c < k {
      let w = weights[start + c]
      let col = mp.baseAddress! + c * permutations
      for r in 0..<permutations {
        let j = Int(col[r])
        ab[r] += w * xb[j &+ (j >= i ? 1 : 0)]
      }
      c += 1
    }
    let xi = xb[i]
    let si = selfWeights[i]
    switch formula {
    case .moran(let scaling):
      for r in 0..<permutations { ab[r] = xi * (ab[r] + si * xi) * scaling }
    case .getisOrd(let total):
      let den = total - xi
      for r in 0..<permutations { ab[r] = ab[r] / den }
    case .getisOrdStar(let total):
      for r in 0..<permutations { ab[r] = (ab[r] + si * xi) / total }
    }
    var sum = 0.0
    for r in 0..<permutations { sum += ab[r] }
    let m = sum / Double(permutations)
    var ss = 0.0
    for r in 0..<permutations {
      let d = ab[r] - m
      ss += d * d
    }
    out.mean[i] = m
    out.sd[i] = (ss / Double(permutations)).squareRoot()
    out.p[i] = alternative.pValue(observed: observed[i], simulated: acc)
  }
}

/// The output buffers, written at disjoint indices by the workers.
private struct OutputPointers: @unchecked Sendable {
  let p: UnsafeMutableBufferPointer<Double>
  let mean: UnsafeMutableBufferPointer<Double>
  let sd: UnsafeMutableBufferPointer<Double>
}
