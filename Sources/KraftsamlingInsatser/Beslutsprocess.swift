import KraftsamlingCore

/// The decision process of STK-2024-1374 as a state machine that records
/// who decided, when and why, and refuses illegal steps.
///
/// Each ``Beslut`` moves an insats one step along ``Beslutsstatus``:
/// the arbetsgrupp submits (utkast → inlämnad), the styrgrupp recommends or
/// not (→ tillstyrkt / avstyrkt), kommunstyrelsen grants or refuses
/// (→ beviljad / avslagen), the implementing actors start and end it
/// (→ pågående → avslutad), and the styrgrupp or stadskontoret records the
/// follow-up (→ uppföljd).
///
/// ``record(_:on:context:)`` checks that the step is legal, taken by the
/// right body, dated no earlier than the previous decision and motivated;
/// that a styrgrupp decision is recorded by a member with decision mandate;
/// and that only an insats the ``ruleSet`` finds eligible is tillstyrkt,
/// unless the decision records an override (``Avsteg``) with a reason, to
/// which the failed rules are then added.
///
/// ```swift
/// let process = Beslutsprocess(ruleSet: .stk2024_1374(), styrgrupp: styrgrupp)
/// try process.record(
///   Beslut(from: .utkast, to: .inlämnad, body: .arbetsgrupp,
///          date: CalendarDate("2025-10-01")!, reason: "Förslag från arbetsgruppen"),
///   on: &insats, context: context)
/// insats.status   // .inlämnad
/// try process.record(
///   Beslut(from: .inlämnad, to: .beviljad, body: .kommunstyrelsen,
///          date: CalendarDate("2025-10-02")!, reason: "…"),
///   on: &insats, context: context)
/// // throws InsatsError .illegalTransition: from inlämnad the process allows tillstyrkt or avstyrkt
/// ```
///
/// - Complexity: O(1) per decision, plus the rule set's cost for tillstyrkt.
public struct Beslutsprocess: Sendable {
  /// The rules an insats must pass to be tillstyrkt without an override.
  package var ruleSet: RuleSet
  /// The styrgrupp; when given, styrgrupp decisions must be recorded by
  /// one of its members.
  package var styrgrupp: Styrgrupp?

  /// Creates a process.
  ///
  /// - Parameters:
  ///   - ruleSet: The eligibility rules (e.g. `RuleSet.stk2024_1374()` from KraftsamlingKitData).
  ///   - styrgrupp: The styrgrupp whose members may record its decisions.
  public init(ruleSet: RuleSet, styrgrupp: Styrgrupp? = nil) {
    self.ruleSet = ruleSet
    self.styrgrupp = styrgrupp
  }

  /// Checks a decision against an insats without changing it.
  ///
  /// - Parameters:
  ///   - beslut: The decision.
  ///   - insats: The insats in its current state.
  ///   - context: The context for the eligibility rules.
  /// - Returns: The decision as it will be recorded (an override gets the
  ///   ids of the failed rules).
  /// - Throws: ``InsatsError`` with `.statusMismatch`, `.illegalTransition`,
  ///   `.wrongBody`, `.missingReason`, `.dateOrder`, `.noMandate`,
  ///   `.notMember`, `.notEligible` or `.unexpectedOverride`.
  package func check(_ beslut: Beslut, on insats: Insats, context: EligibilityContext) throws(InsatsError) -> Beslut {
    var b = beslut
    if let problem = Self.structuralProblem(b, current: insats.status, previous: insats.decisions.last) {
      throw InsatsError(problem.code, problem.message, hint: problem.hint, insatsID: insats.id)
    }
    if b.body == .styrgrupp, let styrgrupp, let r = b.representative, !styrgrupp.isMember(r) {
      throw InsatsError(
        .notMember, "\(r.name) (\(r.actor)) is not a member of the styrgrupp",
        hint: "the decision is recorded by a member: \(styrgrupp.members.map(\.description).joined(separator: ", "))",
        insatsID: insats.id)
    }
    if b.to == .tillstyrkt {
      let verdict = ruleSet.evaluate(insats, in: context)
      if verdict.isEligible {
        if b.override != nil { b.override?.failedRules = [] }
      } else {
        let failed = verdict.failures.map(\.ruleID)
        guard var o = b.override else {
          throw InsatsError(
            .notEligible,
            "the insats fails the rule(s) \(failed.joined(separator: ", ")) of \(ruleSet.name) and cannot be tillstyrkt: "
              + verdict.failures.map(\.reason).joined(separator: " "),
            hint: "fix the insats, or record an override (avsteg) with the styrgrupp's reason", insatsID: insats.id)
        }
        o.failedRules = failed
        b.override = o
      }
    }
    return b
  }

  /// Records a decision: checks it (see ``check(_:on:context:)``), appends
  /// it to the insats's decision log and moves the insats to its new status.
  ///
  /// - Parameters:
  ///   - beslut: The decision.
  ///   - insats: The insats, changed only when the decision is legal.
  ///   - context: The context for the eligibility rules.
  /// - Throws: ``InsatsError`` as ``check(_:on:context:)``.
  public func record(_ beslut: Beslut, on insats: inout Insats, context: EligibilityContext) throws(InsatsError) {
    let b = try check(beslut, on: insats, context: context)
    insats.decisions.append(b)
    insats.status = b.to
  }

  /// Checks a decision log as read from a file: every step legal and taken
  /// by the right body, motivated, in date order, styrgrupp steps recorded
  /// by a representative with mandate, overrides only on tillstyrkt with a
  /// reason, and the last step ending in the insats's status (an insats
  /// without decisions must be an utkast). Eligibility is not re-judged.
  ///
  /// - Parameter insats: The insats.
  /// - Returns: Every problem, each with the index of its decision.
  /// - Complexity: O(*d*) for *d* decisions.
  public static func logProblems(of insats: Insats) -> [(index: Int?, error: InsatsError)] {
    var out: [(index: Int?, error: InsatsError)] = []
    var status = Beslutsstatus.utkast
    var previous: Beslut? = nil
    for (i, b) in insats.decisions.enumerated() {
      if let p = structuralProblem(b, current: status, previous: previous) {
        out.append((i, InsatsError(p.code, p.message, hint: p.hint, insatsID: insats.id)))
      }
      status = b.to
      previous = b
    }
    if status != insats.status {
      out.append(
        (
          nil,
          InsatsError(
            .statusMismatch,
            insats.decisions.isEmpty
              ? "the status is \(insats.status) but no decision is recorded"
              : "the status is \(insats.status) but the last decision leads to \(status)",
            hint: "record every decision from utkast to \(insats.status) in \"decisions\", or correct the status",
            insatsID: insats.id)
        ))
    }
    return out
  }

  /// The checks that need no rule set or styrgrupp.
  static func structuralProblem(_ b: Beslut, current: Beslutsstatus, previous: Beslut?) -> (
    code: InsatsError.Code, message: String, hint: String?
  )? {
    if b.from != current {
      return (
        .statusMismatch, "the decision moves from \(b.from), but the insats is \(current)",
        "a decision starts from the insats's current status"
      )
    }
    if !b.from.canMove(to: b.to) {
      let allowed = b.from.successors.map(\.rawValue)
      return (
        .illegalTransition, "cannot go from \(b.from) to \(b.to)",
        allowed.isEmpty
          ? "\(b.from) is a final status" : "from \(b.from) the process allows \(allowed.joined(separator: " or "))"
      )
    }
    if !b.to.decidedBy.contains(b.body) {
      return (
        .wrongBody, "\(b.body) cannot decide \(b.from) → \(b.to)",
        "this step is decided by \(b.to.decidedBy.map(\.rawValue).joined(separator: " or "))"
      )
    }
    if b.reason.trimmingWhitespace().isEmpty {
      return (.missingReason, "the decision \(b.from) → \(b.to) gives no reason", "record why (\"reason\")")
    }
    if let previous, b.date < previous.date {
      return (
        .dateOrder, "the decision \(b.from) → \(b.to) of \(b.date) is dated before the previous decision (\(previous.date))",
        "decisions are recorded in date order"
      )
    }
    if b.body == .styrgrupp {
      guard let r = b.representative else {
        return (
          .noMandate, "the styrgrupp's decision \(b.from) → \(b.to) names no representative",
          "record the member who took the decision (\"representative\")"
        )
      }
      if !r.hasMandate {
        return (
          .noMandate, "\(r.name) (\(r.actor)) has no decision mandate",
          "a styrgrupp decision is recorded by a representative with mandate for their nämnd and förvaltning"
        )
      }
    }
    if let o = b.override {
      if b.to != .tillstyrkt {
        return (.unexpectedOverride, "an override (avsteg) is recorded on \(b.from) → \(b.to)", "only tillstyrkt can override the rules")
      }
      if o.reason.trimmingWhitespace().isEmpty {
        return (.missingReason, "the override (avsteg) gives no reason", "say why the styrgrupp departs from the rules")
      }
    }
    return nil
  }
}
