import KraftsamlingKit
import Testing

@Suite("RobustnessResult: rank statistics")
struct RobustnessResultTests {
  /// Three areas, five injected replications, K = 1.
  static let five = RobustnessResult(
    codes: ["A", "B", "C"], names: ["Ana", "Bo", nil], nominalRanks: [1, 2, 3],
    replicationRanks: [[1, 2, 3], [2, 1, 3], [1, 3, 2], [3, 1, 2], [1, 2, 3]], top: 1)

  @Test("median, 5th and 95th percentile (type 7), mean, best, worst, selection")
  func handComputed() {
    let a = Self.five.areas
    #expect(a.map(\.code) == ["A", "B", "C"])
    // A: ranks 1, 2, 1, 3, 1 → sorted 1, 1, 1, 2, 3 (c = 5).
    //   median: h = 1 + 4·0.5 = 3 → x₃ = 1
    //   p05: h = 1 + 4·0.05 = 1.2 → 0.8·x₁ + 0.2·x₂ = 1
    //   p95: h = 1 + 4·0.95 = 4.8 → 0.2·x₄ + 0.8·x₅ = 0.2·2 + 0.8·3 = 2.8
    //   mean 8/5 = 1.6; selected (rank 1) in replications 1, 3, 5 → 3/5
    #expect(a[0].medianRank == 1)
    #expect(a[0].p05Rank == 1)
    #expect(close(a[0].p95Rank, 2.8))
    #expect(close(a[0].meanRank, 1.6))
    #expect(a[0].bestRank == 1 && a[0].worstRank == 3)
    #expect(close(a[0].selectionProbability, 0.6))
    #expect(a[0].isNominallySelected && a[0].displayName == "Ana")
    // B: 2, 1, 3, 1, 2 → 1, 1, 2, 2, 3: median 2, p05 1, p95 0.2·2 + 0.8·3 = 2.8, mean 9/5, selected 2/5.
    #expect(a[1].medianRank == 2 && a[1].p05Rank == 1 && close(a[1].p95Rank, 2.8))
    #expect(close(a[1].meanRank, 1.8) && close(a[1].selectionProbability, 0.4))
    // C: 3, 3, 2, 2, 3 → 2, 2, 3, 3, 3: median 3, p05 2, p95 3, mean 13/5, never selected.
    #expect(a[2].medianRank == 3 && a[2].p05Rank == 2 && a[2].p95Rank == 3)
    #expect(close(a[2].meanRank, 2.6) && a[2].selectionProbability == 0)
    #expect(!a[2].isNominallySelected && a[2].displayName == "C")
  }

  @Test("mean absolute rank shift per replication and overall")
  func shifts() {
    // |r − nominal| summed over A, B, C, divided by 3:
    // r1 0; r2 1 + 1 + 0 = 2; r3 0 + 1 + 1 = 2; r4 2 + 1 + 1 = 4; r5 0.
    #expect(close(Self.five.replicationShifts, [0, 2.0 / 3, 2.0 / 3, 4.0 / 3, 0]))
    // (0 + 2/3 + 2/3 + 4/3 + 0)/5 = 8/15
    #expect(close(Self.five.meanAbsoluteRankShift, 8.0 / 15))
  }

  @Test("a replication without a score is left out of the quantiles and counts as not selected")
  func unscored() {
    let r = RobustnessResult(
      codes: ["A", "B"], nominalRanks: [1, 2], replicationRanks: [[1, 2], [0, 1], [2, 1], [1, 2]], top: 1)
    let a = r.areas[0]
    // A scored in 3 replications: 1, 2, 1 → sorted 1, 1, 2.
    //   median x₂ = 1; p05: h = 1 + 2·0.05 = 1.1 → 1; p95: h = 2.9 → 0.1·1 + 0.9·2 = 1.9
    #expect(a.scoredReplications == 3)
    #expect(a.medianRank == 1 && a.p05Rank == 1 && close(a.p95Rank, 1.9))
    // selected in replications 1 and 4 of 4
    #expect(close(a.selectionProbability, 0.5))
    // replication 2: only B is ranked in both: |1 − 2| / 1 = 1
    #expect(close(r.replicationShifts, [0, 1, 1, 0]))
  }

  @Test("quantiles of 1…20 match R's quantile(1:20, c(0.05, 0.5, 0.95)) = 1.95, 10.5, 19.05")
  func twenty() {
    let r = RobustnessResult(codes: ["A"], nominalRanks: [1], replicationRanks: (1...20).map { [$0] }, top: 5)
    #expect(close(r.areas[0].p05Rank, 1.95))
    #expect(close(r.areas[0].medianRank, 10.5))
    #expect(close(r.areas[0].p95Rank, 19.05))
    #expect(close(r.areas[0].selectionProbability, 0.25))
  }

  @Test("one and two replications", arguments: [
    ([[3]], 3.0, 3.0, 3.0),
    // sorted 1, 2: p05 h = 1.05 → 0.95·1 + 0.05·2 = 1.05; median 1.5; p95 h = 1.95 → 1.95
    ([[2], [1]], 1.05, 1.5, 1.95),
  ] as [([[Int]], Double, Double, Double)])
  func tiny(_ ranks: [[Int]], _ p05: Double, _ median: Double, _ p95: Double) {
    let r = RobustnessResult(codes: ["A"], nominalRanks: [1], replicationRanks: ranks, top: 1)
    #expect(close(r.areas[0].p05Rank, p05) && close(r.areas[0].medianRank, median) && close(r.areas[0].p95Rank, p95))
  }

  @Test("a rank range much wider than the replications takes the sorting path, with the same definition")
  func wideRange() {
    let r = RobustnessResult(codes: ["A"], nominalRanks: [1], replicationRanks: [[1], [500]], top: 1)
    // sorted 1, 500: median h = 1.5 → 250.5; p05 h = 1.05 → 0.95·1 + 0.05·500 = 25.95; p95 h = 1.95 → 475.05
    #expect(close(r.areas[0].medianRank, 250.5))
    #expect(close(r.areas[0].p05Rank, 25.95))
    #expect(close(r.areas[0].p95Rank, 475.05))
  }

  @Test("stable selection: nominally selected and selected often enough")
  func stable() {
    let r = RobustnessResult(
      codes: ["A", "B", "C"], nominalRanks: [1, 2, 3],
      replicationRanks: [[1, 2, 3], [1, 3, 2], [1, 2, 3], [2, 1, 3]], top: 2)
    // K = 2: A selected 4/4, B 3/4, C 1/4.
    #expect(r.stable(probability: 0.9).map(\.code) == ["A"])
    #expect(r.stable(probability: 0.75).map(\.code) == ["A", "B"])
    #expect(r.nominallySelectedCount == 2)
    #expect(r.area(code: "C")?.selectionProbability == 0.25)
  }

  @Test("summary lines in Swedish and English")
  func summary() {
    // K = 2 over four replications: A 4/4, B 3/4, C 1/4.
    let r = RobustnessResult(
      codes: ["A", "B", "C"], names: ["Ana", "Bo", "Cilla"], nominalRanks: [1, 2, 3],
      replicationRanks: [[1, 2, 3], [1, 3, 2], [1, 2, 3], [2, 1, 3]], top: 2, seed: 7)
    #expect(
      r.summaryLines(language: .en) == [
        "4 replications, seed 7; varied: nothing",
        "1 of the 2 areas of the nominal top 2 are selected in at least 90 % of replications",
        "less certain: Bo (75 %)",
        "outside the top 2 but selected in at least 10 %: Cilla (25 %)",
        // shifts 0, 2/3, 0, 2/3 → mean 1/3
        "mean absolute rank shift from nominal: 0.33",
      ])
    #expect(r.summaryLines()[1] == "1 av de 2 områdena i den nominella topp 2 väljs i minst 90 % av replikationerna")
    #expect(r.summaryLines().last == "genomsnittlig absolut rangförskjutning från nominell: 0,33")
  }
}
