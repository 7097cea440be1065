import Dispatch
import KraftsamlingCore
import KraftsamlingIndex

/// The conditional randomisation engine shared by the local statistics
/// (esda `crand`).
///
/// For every site *i* with *kᵢ* other neighbours and weights *wᵢ₁ … wᵢₖ*,
/// and every permutation *r*, it forms the permuted lag
///
///     accᵣ = Σ_c wᵢ_c · x[shift(M[r, c])],   shift(j) = j + (j ≥ i ? 1 : 0),
///
/// (read from a per-thread copy of the values without site *i*, so no shift
/// is computed in the loop),
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
  /// Progress: worker 0 reports its blocks × the number of workers (the
  /// interleaved split keeps the workers within a block of each other), so
  /// no state is shared between threads.
  var progress: ProgressReporter = .none

  /// esda's directed rule and the upper tail are counted inline; other
  /// rules get the buffer of simulated values.
  enum Rule { case directed, greater, custom }
  var rule: Rule {
    switch alternative {
    case is DirectedAlternative: .directed
    case is GreaterAlternative: .greater
    default: .custom
    }
  }

  /// Per-site results; `nil` for islands (no neighbours) and when there
  /// are no permutations.
  struct Output {
    var pValue: [Double?]
    var mean: [Double?]
    var standardDeviation: [Double?]
  }

  /// Sites per block in the interleaved split.
  static let blockSize = 16
  /// Permutations per tile: 2,048 lags (16 KB) stay in the L1 cache.
  static let tileSize = 2_048

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
  ///
  /// The worker keeps `others`, the values without site *i*
  /// (`others[j] = x[j < i ? j : j + 1]`), so that a matrix index needs no
  /// shift: moving from site *i* to *i + 1* only changes `others[i]` to `x[i]`.
  private func runWorker(_ t: Int, of workers: Int, blocks: Int, out: OutputPointers) {
    let permutations = matrix.rows
    let n = x.count
    let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: permutations)
    defer { scratch.deallocate() }
    let others = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(n - 1, 1))
    defer { others.deallocate() }
    x.withUnsafeBufferPointer { xp in
      matrix.columnMajor.withUnsafeBufferPointer { mp in
        var block = t
        while block < blocks {
          let lo = block * Self.blockSize
          let hi = min(lo + Self.blockSize, n)
          // others for site lo: x without element lo.
          for j in 0..<lo { others[j] = xp[j] }
          for j in lo..<(n - 1) { others[j] = xp[j + 1] }
          for i in lo..<hi {
            if i > lo { others[i - 1] = xp[i - 1] }
            site(i, x: xp, others: UnsafeBufferPointer(others), matrix: mp, scratch: scratch, out: out)
          }
          if t == 0 && progress.isActive { progress.report(completed: min(hi * workers, n), of: n) }
          block += workers
        }
      }
    }
  }

  /// The pseudo p-value, mean and standard deviation of the simulated
  /// statistics of site `i`; nothing for an island.
  @inline(__always)
  private func site(
    _ i: Int, x xp: UnsafeBufferPointer<Double>, others: UnsafeBufferPointer<Double>,
    matrix mp: UnsafeBufferPointer<Int32>, scratch acc: UnsafeMutableBufferPointer<Double>, out: OutputPointers
  ) {
    let start = offsets[i]
    let k = offsets[i + 1] - start
    guard k > 0 else { return }  // island: left as NaN → nil
    let permutations = acc.count
    let ab = acc.baseAddress!
    let xi = xp[i]
    let si = selfWeights[i]
    let obs = observed[i]
    var sum = 0.0
    var shift = 0.0
    var squares = 0.0
    var atLeast = 0
    // Tiles of permutations keep the lags in the L1 cache.
    var lo = 0
    while lo < permutations {
      let hi = min(lo + Self.tileSize, permutations)
      permutedLags(
        start: start, count: k, lo, hi, permutations: permutations, others: others.baseAddress!, matrix: mp.baseAddress!,
        into: ab)
      // Turn the lags into statistics and reduce them in the same pass:
      // the sum, the sum of squares about a shift (the first simulated value,
      // which keeps the one-pass variance accurate) and the upper-tail count.
      switch formula {
      case .moran(let scaling):
        reduce(MoranStatistic(xi: xi, si: si, scaling: scaling), ab, lo, hi, obs, &shift, &sum, &squares, &atLeast)
      case .getisOrd(let total):
        reduce(GetisOrdStatistic(denominator: total - xi), ab, lo, hi, obs, &shift, &sum, &squares, &atLeast)
      case .getisOrdStar(let total):
        reduce(GetisOrdStarStatistic(selfTerm: si * xi, total: total), ab, lo, hi, obs, &shift, &sum, &squares, &atLeast)
      }
      lo = hi
    }
    let p = Double(permutations)
    let m = sum / p
    let offset = m - shift
    out.mean[i] = m
    out.sd[i] = max(squares / p - offset * offset, 0).squareRoot()
    switch rule {
    case .directed:
      let smaller = permutations - atLeast
      out.p[i] = (Double(smaller < atLeast ? smaller : atLeast) + 1) / (p + 1)
    case .greater:
      out.p[i] = (Double(atLeast) + 1) / (p + 1)
    case .custom:
      out.p[i] = alternative.pValue(observed: obs, simulated: acc)
    }
  }

  /// Writes the permuted lags `Σ_c w_c · others[M[r, c]]` of the site
  /// whose `count` neighbours start at `start`, for permutations
  /// `lo..<hi`, into `ab`. The columns are added in groups of up to four,
  /// accumulating in registers strictly left to right (Σ_c in column
  /// order, as esda's dot product).
  @inline(__always)
  private func permutedLags(
    start: Int, count k: Int, _ lo: Int, _ hi: Int, permutations: Int, others ob: UnsafePointer<Double>,
    matrix mb: UnsafePointer<Int32>, into ab: UnsafeMutablePointer<Double>
  ) {
    var c = 0
    while c < k {
      let g = min(4, k - c)
      let c0 = mb + c * permutations
      let w0 = weights[start + c]
      let first = c == 0
      switch g {
      case 4:
        let c1 = c0 + permutations, c2 = c1 + permutations, c3 = c2 + permutations
        let w1 = weights[start + c + 1], w2 = weights[start + c + 2], w3 = weights[start + c + 3]
        for r in lo..<hi {
          var v = first ? w0 * ob[Int(c0[r])] : ab[r] + w0 * ob[Int(c0[r])]
          v += w1 * ob[Int(c1[r])]
          v += w2 * ob[Int(c2[r])]
          v += w3 * ob[Int(c3[r])]
          ab[r] = v
        }
      case 3:
        let c1 = c0 + permutations, c2 = c1 + permutations
        let w1 = weights[start + c + 1], w2 = weights[start + c + 2]
        for r in lo..<hi {
          var v = first ? w0 * ob[Int(c0[r])] : ab[r] + w0 * ob[Int(c0[r])]
          v += w1 * ob[Int(c1[r])]
          v += w2 * ob[Int(c2[r])]
          ab[r] = v
        }
      case 2:
        let c1 = c0 + permutations
        let w1 = weights[start + c + 1]
        for r in lo..<hi {
          var v = first ? w0 * ob[Int(c0[r])] : ab[r] + w0 * ob[Int(c0[r])]
          v += w1 * ob[Int(c1[r])]
          ab[r] = v
        }
      default:
        for r in lo..<hi {
          ab[r] = first ? w0 * ob[Int(c0[r])] : ab[r] + w0 * ob[Int(c0[r])]
        }
      }
      c += g
    }
  }

  /// Replaces the lags `ab[lo..<hi]` by simulated statistics and adds them
  /// to the running sum, shifted sum of squares and count of values ≥ `obs`.
  /// Generic so that each formula gets its own specialised loop.
  @inline(__always)
  private func reduce<F: SimulatedStatistic>(
    _ f: F, _ ab: UnsafeMutablePointer<Double>, _ lo: Int, _ hi: Int, _ obs: Double,
    _ shift: inout Double, _ sum: inout Double, _ squares: inout Double, _ atLeast: inout Int
  ) {
    if lo == 0 { shift = f(ab[0]) }
    let k = shift
    var s = sum
    var q = squares
    var c = atLeast
    for r in lo..<hi {
      let v = f(ab[r])
      ab[r] = v
      s += v
      let d = v - k
      q += d * d
      c &+= v >= obs ? 1 : 0
    }
    sum = s
    squares = q
    atLeast = c
  }
}

/// A local statistic as a function of the permuted lag at one site,
/// evaluated exactly as esda's `stat_func`.
protocol SimulatedStatistic {
  func callAsFunction(_ lag: Double) -> Double
}

/// Local Moran: `zᵢ · (lag + wᵢᵢ zᵢ) · (n − 1)/Σz²`.
struct MoranStatistic: SimulatedStatistic {
  let xi: Double
  let si: Double
  let scaling: Double
  @inline(__always) func callAsFunction(_ lag: Double) -> Double { xi * (lag + si * xi) * scaling }
}

/// Getis–Ord Gᵢ: `lag / (Σy − yᵢ)`.
struct GetisOrdStatistic: SimulatedStatistic {
  let denominator: Double
  @inline(__always) func callAsFunction(_ lag: Double) -> Double { lag / denominator }
}

/// Getis–Ord Gᵢ*: `(lag + wᵢᵢ yᵢ) / Σy`.
struct GetisOrdStarStatistic: SimulatedStatistic {
  let selfTerm: Double
  let total: Double
  @inline(__always) func callAsFunction(_ lag: Double) -> Double { (lag + selfTerm) / total }
}

/// The output buffers, written at disjoint indices by the workers.
private struct OutputPointers: @unchecked Sendable {
  let p: UnsafeMutableBufferPointer<Double>
  let mean: UnsafeMutableBufferPointer<Double>
  let sd: UnsafeMutableBufferPointer<Double>
}
