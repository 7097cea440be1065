import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("SpatialWeights subsets")
struct SpatialWeightsSubsetTests {
  @Test("restricted(to:) drops the other areas and their links, keeping weights and order")
  func restricted() throws {
    // 0 – 1 – 2 – 3 in a row, weights 1, 2, 3 on the links (as given).
    let w = try SpatialWeights(
      ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1, 3], [2]], weights: [[1], [1, 2], [2, 3], [3]])
    let k = w.restricted(to: [0, 2, 3])
    #expect(k.ids == ["a", "c", "d"])
    #expect(k.offsets == [0, 0, 1, 2])
    #expect(k.neighbourIndices == [2, 1])
    #expect(k.weightValues == [3, 3])
    #expect(k.islands == [0])
  }

  @Test("aligned(_:) picks the areas with a value, in weights order")
  func aligned() throws {
    let w = SyntheticSpatialData.lattice(rows: 2, columns: 2)
    let (rows, y) = w.aligned(["1,1": 4, "0,0": 1, "9,9": 7])
    #expect(rows == [0, 3])
    #expect(y == [1, 4])
  }
}
