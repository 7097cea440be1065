import KraftsamlingCore
import Testing

@testable import KraftsamlingFollowUp
@testable import KraftsamlingIndex

@Suite("SimplexLeastSquares")
struct SimplexLeastSquaresTests {
  @Test("a target beyond a segment's end goes to that end")
  func vertex() {
    let fit = SimplexLeastSquares(columns: [[0, 0], [1, 0]], [2, 0])
    #expect(fit.solution == [0, 1])
    #expect(abs(fit.residualNorm - 1) < 1e-15)
  }

  @Test("a target beside a segment projects onto it: (0.3, 1) → weights (0.7, 0.3)")
  func edge() {
    let fit = SimplexLeastSquares(columns: [[0, 0], [1, 0]], [0.3, 1])
    #expect(abs(fit.solution[0] - 0.7) < 1e-14 && abs(fit.solution[1] - 0.3) < 1e-14)
    #expect(abs(fit.residualNorm - 1) < 1e-14)
  }

  @Test("a target inside a triangle is reproduced exactly by its barycentric coordinates")
  func interior() {
    let fit = SimplexLeastSquares(columns: [[0, 0], [4, 0], [0, 4]], [1, 2])
    // (1, 2) = 0.25·(0, 0) + 0.25·(4, 0) + 0.5·(0, 4).
    let expected = [0.25, 0.25, 0.5]
    #expect(zip(fit.solution, expected).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(fit.residualNorm < 1e-14)
  }

  @Test("a target outside the hull of four points projects onto the nearest edge, the far point unused")
  func outside() {
    let fit = SimplexLeastSquares(columns: [[0, 0], [4, 0], [0, 4], [1, 1]], [3, 3])
    // The nearest point of the hull to (3, 3) is (2, 2), halfway along the edge (4, 0)–(0, 4).
    #expect(zip(fit.solution, [0, 0.5, 0.5, 0]).allSatisfy { abs($0 - $1) < 1e-14 })
    #expect(abs(fit.residualNorm - 2.0.squareRoot()) < 1e-14)
  }

  @Test("on seeded random problems the KKT conditions hold: g ≤ ν off the support, g = ν on it")
  func kkt() {
    for seed in 0..<40 {
      var g = SeededGenerator(seed: UInt64(seed))
      let m = 3 + g.uniform(below: 8)
      let p = 2 + g.uniform(below: 25)
      let a = (0..<p).map { _ in (0..<m).map { _ in g.normal() } }
      let b = (0..<m).map { _ in 2 * g.normal() }
      let w = SimplexLeastSquares(columns: a, b).solution
      #expect(w.allSatisfy { $0 >= 0 } && abs(w.reduce(0, +) - 1) < 1e-12)
      let gradient = NonNegativeLeastSquares.gradient(a, b, w)
      let support = w.indices.filter { w[$0] > 0 }
      let nu = support.reduce(0) { $0 + gradient[$1] } / Double(support.count)
      #expect(support.allSatisfy { abs(gradient[$0] - nu) < 1e-9 }, "seed \(seed)")
      #expect(gradient.allSatisfy { $0 <= nu + 1e-9 }, "seed \(seed)")
    }
  }
}
