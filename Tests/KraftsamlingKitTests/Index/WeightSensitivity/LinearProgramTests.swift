import Testing

@testable import KraftsamlingIndex

/// The simplex method on textbook programs with known optima, and on
/// infeasible, unbounded, degenerate and redundant ones.
@Suite("LinearProgram: two-phase simplex with Bland's rule")
struct LinearProgramTests {
  /// The optimum, or a failed expectation.
  func solve(_ lp: LinearProgram) throws -> (x: [Double], value: Double) {
    try #require(lp.minimize().solution)
  }

  func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
  }

  @Test("two ≤ constraints: min −x − y at (1.6, 1.2)")
  func lessOrEqual() throws {
    var lp = LinearProgram(objective: [-1, -1])
    lp.add([1, 2], .lessOrEqual, 4)
    lp.add([3, 1], .lessOrEqual, 6)
    let s = try solve(lp)
    #expect(close(s.x, [1.6, 1.2]))
    #expect(abs(s.value + 2.8) < 1e-9)
  }

  @Test("the Wyndor Glass problem: max 3x + 5y at (2, 6), 36")
  func wyndor() throws {
    var lp = LinearProgram(objective: [-3, -5])
    lp.add([1, 0], .lessOrEqual, 4)
    lp.add([0, 2], .lessOrEqual, 12)
    lp.add([3, 2], .lessOrEqual, 18)
    let s = try solve(lp)
    #expect(close(s.x, [2, 6]))
    #expect(abs(s.value + 36) < 1e-9)
  }

  @Test("≥ constraints need phase 1: min 2x + 3y at (3, 1), 9")
  func greaterOrEqual() throws {
    var lp = LinearProgram(objective: [2, 3])
    lp.add([1, 1], .greaterOrEqual, 4)
    lp.add([1, 3], .greaterOrEqual, 6)
    let s = try solve(lp)
    #expect(close(s.x, [3, 1]))
    #expect(abs(s.value - 9) < 1e-9)
  }

  @Test("an equality, a negative right-hand side and a redundant row")
  func equalityAndNegative() throws {
    var lp = LinearProgram(objective: [1, 0])
    lp.add([1, 1], .equal, 3)
    lp.add([0, 1], .lessOrEqual, 1)
    #expect(close(try solve(lp).x, [2, 1]))
    var negative = LinearProgram(objective: [1, 1])
    negative.add([1, -1], .lessOrEqual, -1)  // y ≥ x + 1
    let n = try solve(negative)
    #expect(close(n.x, [0, 1]) && abs(n.value - 1) < 1e-12)
    var redundant = LinearProgram(objective: [1, -1])
    redundant.add([1, 1], .equal, 2)
    redundant.add([2, 2], .equal, 4)
    let r = try solve(redundant)
    #expect(close(r.x, [0, 2]) && abs(r.value + 2) < 1e-12)
  }

  @Test("Beale's example, which cycles under Dantzig's rule, ends at −5/4")
  func beale() throws {
    var lp = LinearProgram(objective: [-0.75, 20, -0.5, 6])
    lp.add([0.25, -8, -1, 9], .lessOrEqual, 0)
    lp.add([0.5, -12, -0.5, 3], .lessOrEqual, 0)
    lp.add([0, 0, 1, 0], .lessOrEqual, 1)
    let s = try solve(lp)
    #expect(abs(s.value + 1.25) < 1e-9)
    #expect(close(s.x, [1, 0, 1, 0]))
  }

  @Test("infeasible and unbounded programs are reported as such")
  func infeasibleAndUnbounded() {
    var infeasible = LinearProgram(objective: [1, 1])
    infeasible.add([1, 1], .lessOrEqual, 1)
    infeasible.add([1, 1], .greaterOrEqual, 2)
    #expect(infeasible.minimize() == .infeasible)
    var unbounded = LinearProgram(objective: [-1, 0])
    unbounded.add([1, -1], .lessOrEqual, 1)
    #expect(unbounded.minimize() == .unbounded)
    var empty = LinearProgram(objective: [1, 2])
    empty.add([1, 0], .equal, -1)  // x = −1 with x ≥ 0
    #expect(empty.minimize() == .infeasible)
  }

  @Test("the L1 projection onto a half-space of the simplex (the smallest-change program)")
  func l1() throws {
    // s⁰ = (0.5, 0.5), need s₀ − s₁ ≥ 0.2: move 0.1 from the second share to the first, distance 0.2.
    var lp = LinearProgram(objective: [1, 1, 1, 1])
    lp.add([1, 1, -1, -1], .equal, 0)
    lp.add([1, -1, -1, 1], .greaterOrEqual, 0.2)
    let s = try solve(lp)
    #expect(abs(s.value - 0.2) < 1e-12)
    #expect(close([0.5 + s.x[0] - s.x[2], 0.5 + s.x[1] - s.x[3]], [0.6, 0.4]))
  }
}
