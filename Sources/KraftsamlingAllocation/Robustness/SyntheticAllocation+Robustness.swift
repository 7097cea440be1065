import KraftsamlingCore
import KraftsamlingIndex

extension SyntheticAllocation {
  /// A seeded allocation whose need comes from an index: the synthetic
  /// areas of ``SyntheticData`` (4 rate indicators, population
  /// `befolkning`), and the first `requests` requests of ``input(insatser:förvaltningar:years:budgetShare:seed:)``
  /// over 20 förvaltningar, each insats targeting 1–3 random areas with the
  /// need and population ``IndexNeedSource`` gives them.
  ///
  /// - Parameters:
  ///   - requests: The number of requests.
  ///   - areas: The number of areas.
  ///   - seed: The seed.
  /// - Returns: The input, each insats's areas, the table and the definition.
  /// - Throws: ``IndexError`` (not for these sizes).
  /// - Complexity: O(*requests* + *areas*).
  package static func indexed(
    requests: Int, areas: Int = 136, seed: UInt64
  ) throws(IndexError) -> (input: AllocationInput, areas: [String: [String]], table: AreaTable, definition: IndexDefinition) {
    let table = SyntheticData.areaTable(areas: areas, indicators: 4, seed: seed)
    let definition = SyntheticData.definition(indicators: 4)
    let need = IndexNeedSource(result: try definition.run(on: table), table: table, populationColumn: "befolkning")
    var input = Self.input(insatser: requests / 2 + 1, förvaltningar: 20, seed: seed)
    input.requests = Array(input.requests.prefix(requests))
    var g = SeededGenerator(seed: seed ^ 0xA2EA)
    var targets: [String: [String]] = [:]
    for i in input.requests.indices {
      let id = input.requests[i].insatsID
      if targets[id] == nil {
        targets[id] = (0..<(1 + g.uniform(below: 3))).map { _ in table.codes[g.uniform(below: table.codes.count)] }
      }
      let (n, p) = need.need(ofAreas: targets[id]!)
      input.requests[i].need = n
      input.requests[i].targetPopulation = p
    }
    let total = input.requests.reduce(Int64(0)) { $0 + $1.requested.kronor }
    input.budget = Belopp(kronor: total * 6 / 10 / 1000 * 1000)
    return (input, targets, table, definition)
  }
}
