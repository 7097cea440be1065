import KraftsamlingCore

/// The insats's total budget is at least a minimum (STK-2024-1374: *minst
/// en miljon kr*).
///
/// The total is the exact sum of the budget lines (all of them, or only
/// the requested money with `source: .sökta`). The boundary is inclusive:
/// 1 000 000 kr passes, 999 999 kr fails.
///
/// ```swift
/// let rule: BuiltInRule = .minimumBudget()             // 1 000 000 kr, all lines
/// rule.evaluate(insats, in: context).outcome           // .fail for 999 999 kr
/// let higher: BuiltInRule = .minimumBudget(try .msek(2), source: .sökta)
/// ```
///
/// Rule-set file: `{"id": "minsta-belopp", "minimum": 1000000, "source": "sökta"}`.
///
/// - Complexity: O(*b*) for *b* budget lines.
package struct MinimumBudgetRule: EligibilityRule, Hashable {
  /// The id in rule-set files: `minsta-belopp`.
  package static let ruleID = "minsta-belopp"
  /// `minsta-belopp`.
  package var id: String { Self.ruleID }
  /// The smallest total that passes.
  package var minimum: Belopp
  /// Count only the lines of this source; `nil` counts all lines.
  package var source: Insats.Finansiering?

  /// Creates the rule.
  ///
  /// - Parameters:
  ///   - minimum: The smallest total that passes (default 1 000 000 kr).
  ///   - source: Count only this source (default: all lines).
  package init(minimum: Belopp = .enMiljon, source: Insats.Finansiering? = nil) {
    self.minimum = minimum
    self.source = source
  }

  /// "Total budget at least 1 000 000 kr".
  package var title: String {
    "Total budget at least \(minimum)" + (source == .sökta ? " requested" : source == .egna ? " own money" : "")
  }

  /// "Budget på minst 1 000 000 kr".
  package var swedishTitle: String {
    (source == .sökta ? "Sökt belopp" : source == .egna ? "Egen finansiering" : "Budget") + " på minst \(minimum)"
  }

  /// Passes when the total is at least ``minimum``.
  package func evaluate(_ insats: Insats, in context: EligibilityContext) -> RuleResult {
    let what = source == .sökta ? "requested budget (sökta medel)" : source == .egna ? "own budget (egna medel)" : "total budget"
    let vad = source == .sökta ? "sökta medel" : source == .egna ? "egna medel" : "totala budget"
    let total: Belopp
    do {
      total = try insats.totalBudget(source: source)
    } catch {
      return fail("The budget lines do not add up: \(error.message).", swedish: "Budgetraderna går inte att summera: \(error.message).")
    }
    if total >= minimum {
      return pass(
        "The \(what) is \(total), at least the minimum \(minimum).",
        swedish: "Insatsens \(vad) är \(total), minst det lägsta beloppet \(minimum).")
    }
    let short = Belopp(kronor: minimum.kronor - total.kronor)
    let stk = minimum == .enMiljon
    return fail(
      "The \(what) is \(total), \(short) short of the minimum \(minimum)" + (stk ? " (STK-2024-1374: at least 1 million kr)." : "."),
      swedish: "Insatsens \(vad) är \(total), \(short) under det lägsta beloppet \(minimum)" + (stk ? " (STK-2024-1374: minst en miljon kr)." : "."))
  }
}

extension EligibilityRule where Self == BuiltInRule {
  /// The total budget is at least `minimum` (`minsta-belopp`), the boundary
  /// inclusive: with the default, 1 000 000 kr passes and 999 999 kr fails.
  ///
  /// - Parameters:
  ///   - minimum: The smallest total that passes (default 1 000 000 kr).
  ///   - source: Count only this source (default: all lines).
  public static func minimumBudget(_ minimum: Belopp = .enMiljon, source: Insats.Finansiering? = nil) -> BuiltInRule {
    BuiltInRule(MinimumBudgetRule(minimum: minimum, source: source))
  }
}
