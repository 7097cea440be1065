// RobustSelection — how much does the choice of delområden depend on the
// index's arbitrary choices? A Monte Carlo uncertainty analysis and a
// variance-based sensitivity analysis of the utsatthetsindex.
//
// Run it with:   swift run RobustSelection
//
// STK-2024-1374 lets the index inform the selection of areas for
// kraftsamlande insatser, but does not fix how its four indicators are
// combined. The weights, the normalisation and even which indicators count
// could reasonably have been chosen otherwise. This program re-runs the
// index a thousand times with those choices drawn at random and asks: which
// areas are in the top 12 whatever we choose, and which only by the grace
// of one particular choice? The data are the bundled ILLUSTRATIVE (not
// official) Malmö statistics.

import KraftsamlingKit
import KraftsamlingKitData

/// `x` rounded to `places` decimals, with a decimal point (what the
/// library writes in CSV and JSON).
func fixed(_ x: Double, places: Int) -> String {
  guard x.isFinite else { return "NaN" }
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let n = Int((abs(x) * scale).rounded(.toNearestOrAwayFromZero))
  var digits = String(n)
  while digits.count <= places { digits = "0" + digits }
  let cut = digits.index(digits.endIndex, offsetBy: -places)
  let text = places > 0 ? digits[..<cut] + "." + digits[cut...] : digits
  return (x < 0 && n > 0 ? "-" : "") + text
}

let definition = IndexDefinition.stadskontoret2025
let table = MalmöData.statistik
print("Data: \(MalmöData.illustrativeLabelEnglish)\n")

// 1. What is uncertain. Each line is one "factor":
//    - the weights, drawn from a Dirichlet distribution centred on the
//      nominal (equal) weights; concentration 20 lets a weight of 1 wander
//      roughly between 0.6 and 1.4;
//    - the normalisation: z-scores, min-max or ranks, each equally likely;
//    - one indicator left out, or none, each with probability 1/5.
//    The aggregation stays the definition's arithmetic mean. (A geometric
//    mean cannot take z-scores ≤ 0: the analysis refuses such a mix up front.)
var space = UncertaintySpace(weights: .dirichlet(concentration: 20))
space.normalizations = [ZScore(), .minMax, .rank]
space.dropsIndicator = true
print("Varied: \(space)\n")

// 2. The analysis: 1,000 replications from seed 2025, the top 12 selected.
//    Replication r draws from its own random stream r, so the result is the
//    same on every machine and for any number of threads.
let analysis = RobustnessAnalysis(space: space, replications: 1_000, seed: 2025, selection: .top(12))
let result = try analysis.run(definition, on: table, hierarchy: MalmöData.hierarchy)

// 3. Per area: the nominal rank (the definition's own choices), the median
//    and the 5th–95th percentile of its ranks over the replications, and
//    how often it was in the top 12.
print("rank  delområde            median  5–95 %     in top 12")
for a in result.areas.prefix(16) {
  let name = a.displayName.rightPadded(20)
  let interval = "\(Int(a.p05Rank))–\(Int(a.p95Rank))".rightPadded(9)
  let share = fixed((a.selectionProbability) * 100, places: 0)
  print("\(String(a.nominalRank).leftPadded(4))  \(name) \(fixed(a.medianRank, places: 1).leftPadded(6))  \(interval) \(share.leftPadded(5)) %")
}

// 4. The stable part of the selection: nominally in the top 12 and in the
//    top 12 in at least 90 % of replications.
let stable = result.stable(probability: 0.9)
print("\n\(stable.count) of the nominal top 12 are stable:", stable.map(\.displayName).joined(separator: ", "))
let doubtful = result.areas.filter { $0.isNominallySelected && $0.selectionProbability < 0.9 }
print("less certain:", doubtful.map { "\($0.displayName) (\(fixed(($0.selectionProbability) * 100, places: 0)) %)" })

// 5. Which choice matters? The mean absolute rank shift from nominal when
//    only that choice varies (every other choice nominal).
print("\nMean absolute rank shift, each choice alone:")
for effect in result.factorEffects {
  print("  \(effect.factor): \(fixed(effect.aloneShift ?? .nan, places: 2))")
  for option in effect.options where option.aloneShift != 0 {
    print("      \(option.label): \(fixed(option.aloneShift ?? .nan, places: 2))")
  }
}

// 6. Variance-based sensitivity (Saltelli's design, N·(d + 2) runs): the
//    share of the variance of the mean absolute rank shift due to each
//    choice alone (first order, Sᵢ) and including its interactions (total
//    effect, S_Tᵢ), with 95 % bootstrap intervals.
let samples = 500
let sobol = try analysis.sensitivity(definition, on: table, hierarchy: MalmöData.hierarchy, samples: samples)
let runs = samples * (sobol.factors.count + 2)
print("\nSobol indices of the \(RobustnessAnalysis.SensitivityOutput.meanAbsoluteRankShift) (N = \(samples), \(runs) runs):")
for f in sobol.factors {
  let lo = fixed(f.totalEffectLower ?? .nan, places: 2)
  let hi = fixed(f.totalEffectUpper ?? .nan, places: 2)
  print("  \(f.name): S = \(fixed(f.firstOrder, places: 2)), S_T = \(fixed(f.totalEffect, places: 2)) [\(lo), \(hi)]")
}

// 7. The chart: a rank interval per area, the top-12 cut-off dashed. Open
//    the file in a browser; Swedish labels, marked as illustrative data.
let svg = RankIntervalChart(result, illustrative: true).svg()
print("\nThe rank-interval chart: \(svg.utf8.count) bytes of SVG (kraftctl robustness --out FILE.svg writes it).")

extension String {
  /// Pads on the left to a width, for aligned columns.
  func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
  /// Pads on the right to a width.
  func rightPadded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
