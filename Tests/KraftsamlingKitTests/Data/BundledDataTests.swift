import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting
import KraftsamlingKitData

@Suite("Bundled Malmö data")
struct BundledDataTests {
  @Test("136 delområden in 14 GeSO, geometry and statistics agree")
  func consistent() {
    #expect(MalmöData.delområden.count == 136)
    #expect(Set(MalmöData.delområden.map(\.geso.code)).count == 14)
    #expect(MalmöData.layer.features.count == 136)
    #expect(Set(MalmöData.layer.ids) == Set(MalmöData.delområden.map(\.code)))
    #expect(Set(MalmöData.statistik.codes) == Set(MalmöData.layer.ids))
  }

  @Test("the bundled statistics pass validation with warnings only")
  func validates() {
    let found = StatisticsValidator(indicators: IndicatorCatalogue.stadskontoret2025.all)
      .validate(MalmöData.statistik, geometry: MalmöData.layer)
    #expect(found.errors.isEmpty)
    #expect(found.warnings.allSatisfy { $0.code == "statistics.zero-denominator" })
  }

  @Test("the twelve delområden named in STK-2024-1374 exist (one of them as Hermodsdal)")
  func publishedSelection() throws {
    let selection = PublishedSelection.stk2024_1374
    #expect(selection.delområden.count == 12)
    for c in selection.clusters {
      for (name, code) in zip(c.names, c.codes) {
        #expect(try MalmöData.hierarchy.resolve(name, level: .delområde).code == code)
      }
    }
    #expect(MalmöData.hierarchy.suggestions(for: "Herrmodsdal", level: .delområde) == ["Hermodsdal"])
  }

  @Test("the embedded files match Data/ (regenerate with Scripts/generate-bundled-data.py)")
  func embeddedUpToDate() throws {
    for (source, embedded) in [
      ("malmo/delomraden.geojson", MalmöData.geoJSON),
      ("malmo/delomraden.csv", MalmöData.catalogueCSV),
      ("malmo/statistik_exempel.csv", MalmöData.statistikCSV),
      ("malmo/uvas_tidsserie_exempel.csv", MalmöData.uvasSeriesCSV),
    ] {
      let bytes = try Fixtures.contents(ofFile: Fixtures.dataPath(source))
      // The generator normalises line ends to LF (the CSV files use CRLF) and
      // drops one final line end; String equality is canonical, so NFC is moot.
      var text = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
        .joined(separator: "\n")
      if text.hasSuffix("\n") { text.removeLast() }
      let same = embedded.text == text  // not inside #expect: it would print both files
      #expect(same, "Data/\(source) differs from the embedded \(embedded.name)")
    }
  }
}

