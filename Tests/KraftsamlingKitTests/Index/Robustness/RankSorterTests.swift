import Foundation
import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting
import Testing

@Suite("RankSorter")
struct RankSorterTests {
  static func ranks(_ x: [Double]) -> [Int] {
    var sorter = RankSorter()
    var out = [Int32](repeating: -1, count: x.count)
    x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in _ = sorter.rank(xp, into: op) } }
    return out.map(Int.init)
  }

  @Test("competition ranks, 1 = highest, NaN = 0", arguments: [
    ([0.5, 2, 2, .nan, 1], [4, 1, 1, 0, 3]),
    ([], []),
    ([.nan, .nan], [0, 0]),
    ([3, 3, 3], [1, 1, 1]),
    ([1, 2, 3, 4], [4, 3, 2, 1]),
    ([-0.0, 0.0, 1], [2, 2, 1]),
    ([.infinity, 1, -.infinity, 1], [1, 2, 4, 2]),
  ] as [([Double], [Int])])
  func small(_ x: [Double], _ expected: [Int]) {
    #expect(Self.ranks(x) == expected)
  }

  @Test("the same ranks as IndexRanking on seeded data with ties, NaN and skew")
  func matchesIndexRanking() {
    var g = SeededGenerator(seed: 9)
    for n in [2, 17, 1_000, 6_160] {
      var x = [Double](repeating: 0, count: n)
      for i in 0..<n {
        switch g.uniform(below: 10) {
        case 0: x[i] = .nan
        case 1, 2: x[i] = Double(g.uniform(below: 5))  // many ties
        case 3: x[i] = exp(8 * g.normal())  // heavy tail: crowded buckets
        default: x[i] = g.normal()
        }
      }
      #expect(Self.ranks(x) == IndexRanking.ranks(of: x))
    }
  }

  @Test("colliding keys are ordered exactly: a far outlier, scores closer than the key resolution")
  func collisions() {
    var g = SeededGenerator(seed: 4)
    // One score 10¹² and 3,000 in [0, 1): those share a handful of 24-bit keys.
    var x = [1e12] + (0..<3_000).map { _ in g.uniform() }
    x[17] = x[18]  // a tie inside a run
    #expect(Self.ranks(x) == IndexRanking.ranks(of: x))
    // Distinct scores 10⁻¹² apart, and −0 beside +0.
    let y = (0..<2_000).map { 1 + Double($0 % 7) * 1e-12 } + [-0.0, 0.0, 2]
    #expect(Self.ranks(y) == IndexRanking.ranks(of: y))
  }

  @Test("buffers are reused between calls of different sizes")
  func reuse() {
    var sorter = RankSorter()
    for x in [[3.0, 1, 2], [5.0, 5], [1.0, 2, 3, 4, 5, 6], [2.0]] {
      var out = [Int32](repeating: 0, count: x.count)
      x.withUnsafeBufferPointer { xp in out.withUnsafeMutableBufferPointer { op in _ = sorter.rank(xp, into: op) } }
      #expect(out.map(Int.init) == IndexRanking.ranks(of: x))
    }
  }
}
