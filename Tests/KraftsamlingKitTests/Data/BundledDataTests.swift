import Testing

@testable import KraftsamlingKit
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
    let names = [
      "Augustenborg", "Heleneholm", "Södra Sofielund", "Gullviksborg", "Hermodsdal", "Herrgården", "Kryddgården",
      "Persborg", "Törnrosen", "Örtagården", "Holma", "Katrinelund",
    ]
    for n in names { #expect(throws: Never.self) { try MalmöData.hierarchy.resolve(n, level: .delområde) } }
    #expect(MalmöData.hierarchy.suggestions(for: "Herrmodsdal", level: .delområde) == ["Hermodsdal"])
  }

  @Test("the embedded files match the shared data byte for byte (after NFC)")
  func embeddedUpToDate() throws {
    let shared = try FileInput.readBytes(path: Fixtures.sharedData + "/malmo/statistik_exempel.csv")
    // The generator normalises line ends to LF (the shared file uses CRLF).
    let text = String(decoding: shared, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
      .joined(separator: "\n")
    #expect(MalmöData.statistikCSV.text + "\n" == text)
  }
}

