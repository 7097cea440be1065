/// A small linear program, minimise c·x subject to linear constraints and
/// x ≥ 0, solved by a dense two-phase simplex method with Bland's rule.
///
/// Built for the smallest-change search of ``WeightSensitivity``: programs
/// with a few dozen variables and at most a few hundred constraints.
/// Bland's rule (the entering variable is the lowest-numbered one with a
/// negative reduced cost, the leaving one the lowest-numbered basic
/// variable among the tied ratios) cannot cycle, so the method ends; it is
/// deterministic — the same program always gives the same vertex.
///
/// ```swift
/// // min −x − y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6
/// var lp = LinearProgram(objective: [-1, -1])
/// lp.add([1, 2], .lessOrEqual, 4)
/// lp.add([3, 1], .lessOrEqual, 6)
/// lp.minimize()   // .optimal(x: [1.6, 1.2], value: −2.8)
/// ```
package struct LinearProgram: Sendable {
  /// How a constraint's left-hand side compares with its right-hand side.
  package enum Relation: Sendable, Hashable {
    case lessOrEqual, equal, greaterOrEqual
  }

  /// One constraint a·x (relation) b.
  package struct Constraint: Sendable, Hashable {
    package var coefficients: [Double]
    package var relation: Relation
    package var bound: Double
  }

  /// What the simplex method found.
  package enum Outcome: Sendable, Equatable {
    /// An optimal vertex and the objective's value there.
    case optimal(x: [Double], value: Double)
    /// No x ≥ 0 meets every constraint.
    case infeasible
    /// The objective decreases without limit.
    case unbounded
    /// The pivot limit was reached (rounding made the method stall).
    case stalled

    /// The solution, when optimal.
    package var solution: (x: [Double], value: Double)? {
      if case .optimal(let x, let v) = self { return (x, v) }
      return nil
    }
  }

  /// The objective's coefficients, one per variable.
  package var objective: [Double]
  /// The constraints.
  package var constraints: [Constraint] = []
  /// The tolerance for a reduced cost, a pivot and phase 1's residual.
  package var tolerance = 1e-11

  /// A program over `objective.count` variables, without constraints yet.
  package init(objective: [Double]) {
    self.objective = objective
  }

  /// Adds the constraint `coefficients`·x (relation) `bound`.
  ///
  /// - Precondition: one coefficient per variable.
  package mutating func add(_ coefficients: [Double], _ relation: Relation, _ bound: Double) {
    precondition(coefficients.count == objective.count, "one coefficient per variable")
    constraints.append(Constraint(coefficients: coefficients, relation: relation, bound: bound))
  }

  /// Solves the program.
  ///
  /// - Complexity: each pivot is O(rows · columns); Bland's rule needs at
  ///   most exponentially many pivots in theory, a few times the number of
  ///   constraints in practice.
  package func minimize() -> Outcome {
    var t = SimplexTableau(self)
    if t.artificialCount > 0 {
      t.setPhaseOneObjective()
      guard t.run(allowArtificial: true) == .optimal else { return .stalled }
      guard t.objectiveValue < tolerance * t.scale else { return .infeasible }
      t.driveOutArtificials()
    }
    t.setObjective(objective)
    switch t.run(allowArtificial: false) {
    case .optimal:
      let x = t.solution(variables: objective.count)
      return .optimal(x: x, value: zip(objective, x).reduce(0.0) { $0 + $1.0 * $1.1 })
    case .unbounded: return .unbounded
    case .stalled: return .stalled
    }
  }
}

/// The dense tableau of a ``LinearProgram``: one row per constraint (right-
/// hand side made ≥ 0) over the variables, then a slack or surplus per
/// inequality, then an artificial per ≥ or = row; the last row holds the
/// reduced costs and minus the objective's value.
struct SimplexTableau {
  enum Step { case optimal, unbounded, stalled }

  var rows: [[Double]]
  var cost: [Double]
  var basis: [Int]
  let width: Int
  let firstArtificial: Int
  let tolerance: Double
  /// The largest coefficient, for a tolerance relative to the data.
  let scale: Double

  var artificialCount: Int { width - firstArtificial }
  var objectiveValue: Double { -cost[width] }

  init(_ lp: LinearProgram) {
    let n = lp.objective.count
    // Each row with its right-hand side made ≥ 0 (a negative one flips the relation).
    let normalized = lp.constraints.map { c -> (a: [Double], relation: LinearProgram.Relation, b: Double) in
      guard c.bound < 0 else { return (c.coefficients, c.relation, c.bound) }
      let flipped: LinearProgram.Relation =
        c.relation == .lessOrEqual ? .greaterOrEqual : c.relation == .greaterOrEqual ? .lessOrEqual : .equal
      return (c.coefficients.map { -$0 }, flipped, -c.bound)
    }
    let slacks = normalized.filter { $0.relation != .equal }.count
    let artificials = normalized.filter { $0.relation != .lessOrEqual }.count
    width = n + slacks + artificials
    firstArtificial = n + slacks
    tolerance = lp.tolerance
    var scale = 1.0
    for c in normalized { for a in c.a { scale = max(scale, abs(a)) } }
    self.scale = scale
    rows = []
    basis = []
    var slack = n
    var artificial = n + slacks
    for c in normalized {
      var row = [Double](repeating: 0, count: width + 1)
      for j in 0..<n { row[j] = c.a[j] }
      row[width] = c.b
      if c.relation != .equal {
        row[slack] = c.relation == .lessOrEqual ? 1 : -1
        if c.relation == .lessOrEqual { basis.append(slack) }
        slack += 1
      }
      if c.relation != .lessOrEqual {
        row[artificial] = 1
        basis.append(artificial)
        artificial += 1
      }
      rows.append(row)
    }
    cost = [Double](repeating: 0, count: width + 1)
  }

  /// Phase 1: minimise the sum of the artificial variables.
  mutating func setPhaseOneObjective() {
    cost = [Double](repeating: 0, count: width + 1)
    for j in firstArtificial..<width { cost[j] = 1 }
    priceOut()
  }

  /// Phase 2: the program's objective (0 on slacks and artificials).
  mutating func setObjective(_ c: [Double]) {
    cost = [Double](repeating: 0, count: width + 1)
    for j in c.indices { cost[j] = c[j] }
    priceOut()
  }

  /// Makes the reduced costs of the basic variables 0.
  mutating func priceOut() {
    for (r, b) in basis.enumerated() where cost[b] != 0 {
      let f = cost[b]
      for j in 0...width { cost[j] -= f * rows[r][j] }
    }
  }

  /// Pivots by Bland's rule until optimal or unbounded.
  mutating func run(allowArtificial: Bool) -> Step {
    let columns = allowArtificial ? width : firstArtificial
    let limit = 50 * (rows.count + width) + 1000
    for _ in 0..<limit {
      guard let enter = (0..<columns).first(where: { cost[$0] < -tolerance }) else { return .optimal }
      var leave: Int? = nil
      var best = Double.infinity
      for r in rows.indices where rows[r][enter] > tolerance {
        let ratio = rows[r][width] / rows[r][enter]
        let near = 1e-12 * max(1, ratio)
        guard let l = leave else {
          (best, leave) = (ratio, r)
          continue
        }
        if ratio < best - near || (abs(ratio - best) <= near && basis[r] < basis[l]) {
          best = ratio
          leave = r
        }
      }
      guard let r = leave else { return .unbounded }
      pivot(row: r, column: enter)
    }
    return .stalled
  }

  /// Makes `column` basic in `row`.
  mutating func pivot(row r: Int, column c: Int) {
    let p = rows[r][c]
    for j in 0...width { rows[r][j] /= p }
    rows[r][c] = 1
    for i in rows.indices where i != r && rows[i][c] != 0 {
      let f = rows[i][c]
      for j in 0...width { rows[i][j] -= f * rows[r][j] }
      rows[i][c] = 0
    }
    if cost[c] != 0 {
      let f = cost[c]
      for j in 0...width { cost[j] -= f * rows[r][j] }
      cost[c] = 0
    }
    basis[r] = c
  }

  /// After phase 1: replaces each artificial still basic (at 0) by a
  /// non-artificial column of its row; a row without one is redundant and
  /// its artificial stays at 0 (no later pivot touches that row).
  mutating func driveOutArtificials() {
    for r in rows.indices where basis[r] >= firstArtificial {
      if let c = (0..<firstArtificial).first(where: { abs(rows[r][$0]) > tolerance }) { pivot(row: r, column: c) }
    }
  }

  /// The values of the first `variables` columns.
  func solution(variables n: Int) -> [Double] {
    var x = [Double](repeating: 0, count: n)
    for (r, b) in basis.enumerated() where b < n { x[b] = max(0, rows[r][width]) }
    return x
  }
}
