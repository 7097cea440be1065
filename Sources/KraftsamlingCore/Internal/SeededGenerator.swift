#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fast, seedable, splittable pseudo-random number generator
/// (xoshiro256\*\*, seeded through SplitMix64).
///
/// Everything stochastic in KraftsamlingKit (permutation tests, Monte Carlo
/// robustness, random test instances, seeded tie-breaking) draws from this
/// one generator, so that a seed fully determines a result.
///
/// Parallel work never shares a generator: it derives one independent
/// stream per *unit of work* (a replication, an area, a block) with
/// ``stream(_:)``. Because the stream depends only on the seed and the unit's
/// index, never on which thread runs it, results are bit-identical for any
/// number of threads.
///
/// ```swift
/// var g = SeededGenerator(seed: 42)
/// let a = g.next()                      // same value on every run
/// var s = SeededGenerator(seed: 42).stream(7)
/// let x = s.uniform()                   // a Double in [0, 1)
/// ```
///
/// The algorithms are Blackman & Vigna, "Scrambled linear pseudorandom
/// number generators" (2021), and Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators" (2014). Bounded integers use Lemire's
/// nearly-divisionless method (2019), so they do not depend on the standard
/// library's `random(in:)` implementation, which may change between
/// toolchains.
///
/// - Complexity: O(1) per draw.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64
  /// The seed this generator (or its parent stream) was created from.
  package let seed: UInt64

  /// Creates a generator from a 64-bit seed.
  public init(seed: UInt64) {
    self.seed = seed
    var sm = seed
    s0 = Self.splitMix(&sm)
    s1 = Self.splitMix(&sm)
    s2 = Self.splitMix(&sm)
    s3 = Self.splitMix(&sm)
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }
  }

  /// An independent generator for unit of work number `index`, derived from
  /// this generator's seed only (not from its current state).
  ///
  /// - Complexity: O(1).
  public func stream(_ index: UInt64) -> SeededGenerator {
    var sm = seed ^ 0xD1B5_4A32_D192_ED03
    _ = Self.splitMix(&sm)
    var mixed = Self.splitMix(&sm) &+ index &* 0x9E37_79B9_7F4A_7C15
    return SeededGenerator(seed: Self.splitMix(&mixed))
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotl(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotl(s3, 45)
    return result
  }

  /// A uniformly distributed `Double` in [0, 1) with 53 random bits.
  @inlinable
  public mutating func uniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniformly distributed integer in `0..<bound` (Lemire's method).
  ///
  /// - Precondition: `bound > 0`.
  @inlinable
  package mutating func uniform(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let b = UInt64(bound)
    var m = next().multipliedFullWidth(by: b)
    if m.low < b {
      let threshold = (0 &- b) % b
      while m.low < threshold {
        m = next().multipliedFullWidth(by: b)
      }
    }
    return Int(m.high)
  }

  /// A standard normal deviate (Box–Muller, one value per call).
  @inlinable
  package mutating func normal() -> Double {
    var u1 = uniform()
    while u1 <= 0 { u1 = uniform() }
    let u2 = uniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// Shuffles `array` in place (Fisher–Yates) with this generator.
  @inlinable
  package mutating func shuffle<T>(_ array: inout [T]) {
    guard array.count > 1 else { return }
    for i in stride(from: array.count - 1, to: 0, by: -1) {
      let j = uniform(below: i + 1)
      if i != j { array.swapAt(i, j) }
    }
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@inlinable
func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
  (x << k) | (x >> (64 - k))
}
