import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("Indicator")
struct IndicatorTests {
  @Test("JSON is flat and stable, with kön as object keys, and round-trips")
  func json() throws {
    let text = try JSONCoding.encodeString(Indicator.ejBehörigaYrkesprogram)
    #expect(text.contains(#""measure" : {"#))
    #expect(text.contains(#""numerator" : "ej_behoriga_yrkesprogram_ak9""#))
    #expect(text.contains(#""kvinna" : {"#))
    #expect(text.contains(#""direction" : "higher-is-worse""#))
    let back = try JSONCoding.decode(Indicator.self, from: Array(text.utf8), file: "i.json")
    #expect(back == Indicator.ejBehörigaYrkesprogram)
  }

  @Test("a value indicator needs only a column; a missing field is located")
  func valueMeasure() throws {
    let json = #"{"id": "trygghet", "name": "Trygghet", "definition": "Andel trygga", "measure": {"column": "trygghet"}, "direction": "higher-is-better", "kind": "community", "version": "1"}"#
    let i = try JSONCoding.decode(Indicator.self, from: Array(json.utf8), file: "t.json")
    #expect(i.measure == .value(column: "trygghet"))
    #expect(i.columns == ["trygghet"])
    let broken = "{\n \"id\": \"x\", \"name\": \"X\", \"definition\": \"d\",\n \"measure\": {\"numerator\": \"a\"}, \"direction\": \"higher-is-worse\", \"kind\": \"community\", \"version\": \"1\"}"
    #expect {
      try JSONCoding.decode(Indicator.self, from: Array(broken.utf8), file: "b.json")
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "json.missing-field" && d.location.line == 3 && d.location.field == "measure.denominator"
    }
  }

  @Test("the catalogue lists the four index indicators of STK-2024-1374 and UVAS")
  func catalogue() {
    let k = IndicatorCatalogue.stadskontoret2025
    #expect(k.indexIndicators.map(\.id) == [
      "ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18", "ekonomiskt_bistand_20_64", "lag_inkomststandard_0_18",
    ])
    #expect(k.indicator(id: "uvas_16_29")?.ageBand?.description == "16–29")
    #expect(k.all.allSatisfy { $0.direction == .higherIsWorse && $0.kind == .community })
  }
}
