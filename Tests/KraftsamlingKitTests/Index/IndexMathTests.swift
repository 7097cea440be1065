import KraftsamlingKit
import Testing

@Suite("Ranking and deciles")
struct IndexRankingTests {
  @Test func ranksAreCompetitionRanksWithTheHighestFirst() {
    // 2, 2 share rank 1; 1 is third (1-1-3), 0.5 fourth; NaN is unranked (0)
    #expect(IndexRanking.ranks(of: [0.5, 2, 2, .nan, 1]) == [4, 1, 1, 0, 3])
    // 1-2-2-4
    #expect(IndexRanking.ranks(of: [9, 5, 5, 1]) == [1, 2, 2, 4])
  }

  @Test(arguments: [(1, 136, 1), (13, 136, 1), (14, 136, 2), (136, 136, 10), (1, 5, 2), (5, 5, 10), (3, 3, 10), (1, 1, 10)])
  func decileIsTheCeilingOfTenRankOverN(rank: Int, count: Int, decile: Int) {
    // e.g. ⌈10·14/136⌉ = ⌈1.03⌉ = 2
    #expect(IndexRanking.decile(rank: rank, of: count) == decile)
  }
}
