import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// How a tie is broken when two or more recipients have exactly the same
/// claim on the last unit(s) to hand out.
///
/// Ties are decided exactly (integer arithmetic), so a tie is a true tie,
/// never a floating-point accident. The policy is part of every result so
/// that a decision can be re-made:
///
/// - ``error``: refuse; the caller must change the input or the policy
///   (`kraftctl … --ties error`). The result is then independent of the
///   input order whenever it exists.
/// - ``inputOrder``: the tied recipient that comes first in the input wins,
///   exactly as the Python `apportionment` package does with
///   `tiesallowed=True`. Allocation models first sort requests by
///   (insats, förvaltning, year), so there "input order" means that key
///   order and the result does not depend on the order of the input file.
/// - ``seeded(_:)``: a uniformly random choice among the tied recipients,
///   drawn from ``SeededGenerator`` with the given seed (a lottery that can
///   be re-run and audited).
///
/// ```swift
/// let a = try Apportionment(total: 2, weights: [1, 1, 1], method: .hamilton, ties: .inputOrder)
/// a.amounts   // [1, 1, 0]
/// try Apportionment(total: 2, weights: [1, 1, 1], method: .hamilton, ties: .error)  // throws allocation.tie
/// ```
public enum TiePolicy: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Throw ``AllocationError`` with code `.tie`.
  case error
  /// The earliest tied recipient wins.
  case inputOrder
  /// A seeded lottery among the tied recipients.
  case seeded(UInt64)

  /// `error`, `order` or `seed:S`, as `kraftctl --ties` spells it.
  public var description: String {
    switch self {
    case .error: "error"
    case .inputOrder: "order"
    case .seeded(let s): "seed:\(s)"
    }
  }

  /// Parses `error`, `order` (or `input-order`) and `seed:S`.
  /// - Throws: ``AllocationError`` `.invalidParameter`.
  package init(parsing text: String) throws(AllocationError) {
    let t = text.lowercased()
    if t == "error" {
      self = .error
    } else if t == "order" || t == "input-order" {
      self = .inputOrder
    } else if t.hasPrefix("seed:"), let s = UInt64(t.dropFirst(5)) {
      self = .seeded(s)
    } else {
      throw AllocationError(
        .invalidParameter, "unknown tie policy '\(text)'", hint: "use error, order or seed:S (e.g. seed:42)",
        context: "ties")
    }
  }

  /// Chooses `count` of the tied recipient indices (given in increasing
  /// order), or throws for `.error`.
  func choose(_ count: Int, from tied: [Int], what: String) throws(AllocationError) -> [Int] {
    if count >= tied.count { return tied }
    switch self {
    case .error:
      throw AllocationError(
        .tie,
        "tie: recipients \(tied.map { String($0 + 1) }.joined(separator: ", ")) have an equal claim on the last \(count) \(what)",
        hint: "choose a tie policy (order or seed:S) or change the weights", context: "ties")
    case .inputOrder:
      return Array(tied.prefix(count))
    case .seeded(let seed):
      var g = SeededGenerator(seed: seed)
      var pool = tied
      g.shuffle(&pool)
      return Array(pool.prefix(count)).sorted()
    }
  }
}
