import Foundation
import KraftsamlingKit

extension ExplainCommand {
  /// The thresholds as sentences, in Swedish or English, with indicator
  /// and area names.
  struct Sentences {
    let analysis: WeightSensitivity
    let language: ReportLanguage
    let top: Int

    /// The area's name, or its code.
    func name(_ code: String) -> String {
      analysis.codes.firstIndex(of: code).flatMap { analysis.names[$0] } ?? code
    }

    /// A list of area names: `A`, `A och B`, `A, B och C`.
    func names(_ codes: [String]) -> String {
      let n = codes.map(name)
      let and = language.pick(" och ", " and ")
      return n.count < 2 ? n.joined() : n.dropLast().joined(separator: ", ") + and + n.last!
    }

    /// A share as a percentage to 0.1 %, rounded up (a lower bound) or down
    /// (an upper bound), so the rounded bound is on the safe side.
    func percent(_ share: Double, roundingUp up: Bool? = nil) -> String {
      var permille = share * 1000
      switch up {
      case true?: permille = (permille - 1e-9).rounded(.up)
      case false?: permille = (permille + 1e-9).rounded(.down)
      case nil: break
      }
      return language.percent(permille / 1000)
    }

    /// The whole text: the area's rank today, one sentence per indicator,
    /// then the stability of the selection.
    func report(
      _ memberships: [WeightSensitivity.Membership], _ stability: [WeightSensitivity.Stability],
      definition: IndexDefinition
    ) -> [String] {
      let m = memberships[0]
      let area = name(m.area)
      let grouped = analysis.indicatorDimensions.contains { $0 != nil }
      var lines = [
        language.pick(
          "\(area) har rang \(m.nominalRank) av \(analysis.codes.count) med dagens vikter (\(definition.title), version \(definition.version)).",
          "\(area) is ranked \(m.nominalRank) of \(analysis.codes.count) with today's weights (\(definition.title), version \(definition.version))."),
        grouped
          ? language.pick(
            "En vikt i taget; en indikators vikt är dess andel av sin dimension, de andra indikatorerna i dimensionen behåller sina inbördes proportioner och dimensionerna sina vikter.",
            "One weight at a time; an indicator's weight is its share of its dimension, the other indicators of the dimension keep their proportions and the dimensions their weights.")
          : language.pick(
            "En vikt i taget; de andra vikterna behåller sina inbördes proportioner.",
            "One weight at a time; the other weights keep their proportions."),
      ]
      if m.tolerance != nil {  // WeightSensitivity.bisectionTolerance = 1e-9 of the share
        lines.append(
          language.pick(
            "Sammanvägningen är inte ett viktat medelvärde, så gränserna är ungefärliga: framtagna genom intervallhalvering, på en miljarddel av vikten när.",
            "The aggregation is not a weighted arithmetic mean, so the thresholds are approximate: found by bisection, to within a billionth of the weight."))
      }
      lines.append("")
      lines += memberships.map(sentence)
      lines += ["", language.pick("Hela urvalet av de \(top):", "The whole selection of the top \(top):")]
      lines += stability.map(sentence)
      return lines
    }

    /// One indicator's sentence for the area.
    func sentence(_ m: WeightSensitivity.Membership) -> String {
      let area = name(m.area)
      let indicator = analysis.indicatorNames[m.indicator]
      let today = language.pick("i dag", "today") + " " + percent(m.nominalShare)
      if let inside = m.intervals.first(where: { $0.contains(m.nominalShare) }), m.isSelected {
        return staying(area, indicator, inside, m, today: today)
      }
      let nearest = m.intervals.min { distance($0, m.nominalShare) < distance($1, m.nominalShare) }
      guard let target = nearest else {
        return language.pick(
          "\(area) kommer inte med bland de \(top) hur vikten för \(indicator) än väljs (\(today)).",
          "\(area) does not enter the top \(top) whatever the weight on \(indicator) (\(today)).")
      }
      let above = target.lower > m.nominalShare
      let edge = above ? target.lower : target.upper
      let b = m.breakpoints.first { $0.share == edge }
      let displaced = (above ? b?.leaving : b?.entering)?.filter { $0 != m.area } ?? []
      let range = bounds(target, from: above ? .lower : .upper)
      var s = language.pick(
        "\(area) kommer med bland de \(top) om vikten för \(indicator) är \(range) (\(today))",
        "\(area) enters the top \(top) if the weight on \(indicator) is \(range) (\(today))")
      if !displaced.isEmpty {
        s += language.pick(
          "; då lämnar \(names(displaced)) urvalet", "; then \(names(displaced)) leave\(displaced.count == 1 ? "s" : "") the selection")
      }
      return s + "."
    }

    enum Side { case lower, upper }

    /// "minst L", "högst H", "mellan L och H" for an interval, the side
    /// nearest today first.
    func bounds(_ i: WeightSensitivity.Interval, from side: Side) -> String {
      let lo = percent(i.lower, roundingUp: true)
      let hi = percent(i.upper, roundingUp: false)
      switch (i.lower > 0, i.upper < 1) {
      case (true, true):
        return side == .lower
          ? language.pick("minst \(lo) och högst \(hi)", "at least \(lo) and at most \(hi)")
          : language.pick("högst \(hi) och minst \(lo)", "at most \(hi) and at least \(lo)")
      case (true, false): return language.pick("minst \(lo)", "at least \(lo)")
      case (false, true): return language.pick("högst \(hi)", "at most \(hi)")
      case (false, false): return language.pick("vad som helst", "anything")
      }
    }

    /// The sentence for an area selected today: the range it stays in, and
    /// who takes its place beyond each end.
    func staying(
      _ area: String, _ indicator: String, _ inside: WeightSensitivity.Interval, _ m: WeightSensitivity.Membership,
      today: String
    ) -> String {
      guard inside.lower > 0 || inside.upper < 1 else {
        return language.pick(
          "\(area) är med bland de \(top) hur vikten för \(indicator) än väljs (\(today)).",
          "\(area) is in the top \(top) whatever the weight on \(indicator) (\(today)).")
      }
      var s = language.pick(
        "\(area) är med bland de \(top) så länge vikten för \(indicator) är \(bounds(inside, from: .lower)) (\(today))",
        "\(area) stays in the top \(top) as long as the weight on \(indicator) is \(bounds(inside, from: .lower)) (\(today))")
      // Below the lower end the areas that leave as the share rises take its
      // place; above the upper end, those that enter.
      if inside.lower > 0, let b = m.breakpoints.first(where: { $0.share == inside.lower }) {
        let others = b.leaving.filter { $0 != m.area }
        if !others.isEmpty {
          let lo = percent(inside.lower, roundingUp: true)
          s += language.pick("; under \(lo) tar \(names(others)) platsen", "; below \(lo), \(names(others)) take\(others.count == 1 ? "s" : "") its place")
        }
      }
      if inside.upper < 1, let b = m.breakpoints.first(where: { $0.share == inside.upper }) {
        let others = b.entering.filter { $0 != m.area }
        if !others.isEmpty {
          let hi = percent(inside.upper, roundingUp: false)
          s += language.pick("; över \(hi) tar \(names(others)) platsen", "; above \(hi), \(names(others)) take\(others.count == 1 ? "s" : "") its place")
        }
      }
      return s + "."
    }

    /// How far a share is from an interval.
    func distance(_ i: WeightSensitivity.Interval, _ s: Double) -> Double {
      s < i.lower ? i.lower - s : s > i.upper ? s - i.upper : 0
    }
  }
}

extension ExplainCommand.Sentences {
  /// The selection's stability under one indicator's share.
  func sentence(_ s: WeightSensitivity.Stability) -> String {
    let indicator = analysis.indicatorNames[s.indicator]
    let today = language.pick("i dag", "today") + " " + percent(s.nominalShare)
    let i = s.interval
    guard i.lower < i.upper else {
      return language.pick(
        "Vikten för \(indicator): områden delar platsen vid gränsen redan i dag, så varje ändring ändrar urvalet (\(today)).",
        "Weight on \(indicator): areas tie at the cut today, so any change changes the selection (\(today)).")
    }
    let lo = percent(i.lower, roundingUp: true)
    let hi = percent(i.upper, roundingUp: false)
    var text = language.pick(
      "Vikten för \(indicator): urvalet är detsamma från \(lo) till \(hi) (\(today))",
      "Weight on \(indicator): the selection is the same from \(lo) to \(hi) (\(today))")
    if let c = s.lowerChange {
      text += language.pick(
        "; under \(lo) kommer \(name(c.entering)) in i stället för \(name(c.leaving))",
        "; below \(lo), \(name(c.entering)) replaces \(name(c.leaving))")
    }
    if let c = s.upperChange {
      text += language.pick(
        "; över \(hi) kommer \(name(c.entering)) in i stället för \(name(c.leaving))",
        "; above \(hi), \(name(c.entering)) replaces \(name(c.leaving))")
    }
    return text + "."
  }
}

extension ExplainCommand.Sentences {
  /// The smallest change of the whole weight vector as a sentence: each
  /// weight that changes, before → after, the sum of the changes in
  /// percentage points, and whether that sum is proven the least.
  func sentence(_ result: Result<WeightSensitivity.SmallestChange, RobustnessError>, bounds: ClosedRange<Double>?) -> String {
    guard case .success(let c) = result else {
      return language.pick(
        "Den minsta ändringen av alla vikter samtidigt kan inte beräknas här: området saknar värden för någon indikator, eller sammanvägningen är inte ett viktat medelvärde.",
        "The smallest change of all weights together cannot be computed here: the area lacks a value for some indicator, or the aggregation is not a weighted arithmetic mean.")
    }
    let area = name(c.area)
    let within = bounds.map { b in
      language.pick(
        " med varje vikt mellan \(language.number(b.lowerBound, places: 1)) och \(language.number(b.upperBound, places: 1)) gånger dagens",
        " with each weight between \(language.number(b.lowerBound, places: 1)) and \(language.number(b.upperBound, places: 1)) times today's")
    } ?? ""
    let goal = c.entering
      ? language.pick("tar in \(area) bland de \(top)", "brings \(area) into the top \(top)")
      : language.pick("tar \(area) ur urvalet av de \(top)", "takes \(area) out of the top \(top)")
    guard let shares = c.shares, let distance = c.distance else {
      return c.claim == .provenMinimal
        ? language.pick("Ingen ändring av vikterna\(within) \(goal).", "No change of the weights\(within) \(goal).")
        : language.pick(
          "Ingen ändring av vikterna\(within) som \(goal) hittades (det bevisar inte att ingen finns).",
          "No change of the weights\(within) that \(goal) was found (which does not prove there is none).")
    }
    // With dimensions the shares are of the whole index (each dimension keeps its share).
    let changes = analysis.indicatorIDs.indices.filter { abs(shares[$0] - analysis.nominalShares[$0]) >= 5e-5 }.map { k in
      "\(analysis.indicatorNames[k]) \(percent(analysis.nominalShares[k])) → \(percent(shares[k]))"
    }
    let points = language.number(distance * 100, places: 1)
    let claim = c.claim == .provenMinimal
      ? language.pick("bevisat minsta", "proven to be the least")
      : language.pick("en övre gräns: en mindre ändring kan finnas", "an upper bound: a smaller change may exist")
    let rerun = "kraftctl index --weights \(ExplainCommand.weightsOption(shares))"
    return language.pick(
      "Den minsta ändringen av vikterna\(within) som \(goal): \(changes.joined(separator: "; ")); summan av ändringarna är \(points) procentenheter (\(claim)). Pröva: \(rerun)",
      "The smallest change of the weights\(within) that \(goal): \(changes.joined(separator: "; ")); the changes add up to \(points) percentage points (\(claim)). Try: \(rerun)")
  }
}
