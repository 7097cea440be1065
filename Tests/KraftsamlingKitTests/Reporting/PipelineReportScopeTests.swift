import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingReporting

/// The pipeline's report names what the configuration says: the title,
/// the municipality, and a selection no larger than the areas ranked.
@Suite("Pipeline report: title, municipality and selection")
struct PipelineReportScopeTests {
  /// Five areas of an invented municipality; `k5` has no residents, so
  /// four are ranked (k2, k4, k1, k3 from the highest share down).
  static func configuration() throws -> PipelineConfiguration {
    var t = AreaTable(codes: ["k1", "k2", "k3", "k4", "k5"], names: ["Ett", "Två", "Tre", "Fyra", "Fem"], source: "k.csv")
    try t.addColumn("antal", [5, 12, 2, 9, 0])
    try t.addColumn("bas", [50, 40, 30, 60, 0])
    let definition = IndexDefinition(id: "d", indicators: [.init(id: "andel", numerator: "antal", denominator: "bas")])
    var c = PipelineConfiguration(
      statistics: t, definition: definition, municipality: "Lillby", catalogue: .malmö, rules: .stk2024_1374())
    c.robustnessReplications = 0
    return c
  }

  func summary(_ artifacts: PipelineArtifacts) -> [String] {
    guard case .bullets(let items) = artifacts.document.sections[0].blocks.first else { return [] }
    return items
  }

  @Test("the default title and the city column name the municipality; a set title replaces the title only")
  func titleAndMunicipality() throws {
    var c = try Self.configuration()
    let plain = try KraftsamlingPipeline.run(c).artifacts()
    #expect(plain.document.title == "Kraftsamlande insatser i Lillby")
    // Without insatser, follow-up or consultation the subtitle names only what is there.
    #expect(plain.document.subtitle == "Underlag: utsatthetsindex och urval")
    #expect(plain.document.markdown().contains("| Indikator | Lillby | Områden med data |"))
    c.title = "Lågt valdeltagande i Sverige"
    c.municipality = "kommunen"
    c.language = .en
    let titled = try KraftsamlingPipeline.run(c).artifacts()
    #expect(titled.document.title == "Lågt valdeltagande i Sverige")
    #expect(titled.document.markdown().hasPrefix("# Lågt valdeltagande i Sverige\n"))
    #expect(titled.document.markdown().contains("| Indicator | Kommunen | Areas with data |"))
  }

  @Test("fewer ranked areas than the selection size: the summary names every ranked area as such")
  func selectionHeading() throws {
    var c = try Self.configuration()
    let all = try KraftsamlingPipeline.run(c).artifacts()
    #expect(summary(all).contains("Urval (de 4 rangordnade områdena): Två, Fyra, Ett, Tre."))
    c.selectionSize = 4
    #expect(summary(try KraftsamlingPipeline.run(c).artifacts()).contains("Urval (de 4 högst rankade): Två, Fyra, Ett, Tre."))
    c.selectionSize = 2
    c.language = .en
    #expect(summary(try KraftsamlingPipeline.run(c).artifacts()).contains("Selection (the 2 highest ranked): Två, Fyra."))
  }

  @Test("omission notes end the summary, one line each")
  func omissionNotes() throws {
    var c = try Self.configuration()
    c.omissionNotes = ["Inga insatser angavs.", "Inga remissvar angavs."]
    let items = summary(try KraftsamlingPipeline.run(c).artifacts())
    #expect(Array(items.suffix(2)) == ["Inga insatser angavs.", "Inga remissvar angavs."])
    #expect(!summary(try KraftsamlingPipeline.run(try Self.configuration()).artifacts()).contains { $0.hasPrefix("Inga") })
  }
}
