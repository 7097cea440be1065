import Testing

import KraftsamlingKitData

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("AktörKatalog")
struct ActorCatalogueTests {
  @Test("Malmö's catalogue marks the six nämnder with a special mandate")
  func specialMandate() {
    let k = AktörKatalog.malmö
    #expect(k.nämnder.filter(\.särskiltUppdrag).map(\.id) == ["ASN", "FRN", "FSKN", "GRN", "KN", "TN"])
    #expect(k.nämnder.filter(\.kunskapsresurs).map(\.id) == ["GVN"])
    #expect(k.aktör(id: "MKB")?.kind == .bolag)
    #expect(k.aktör(id: "POLIS")?.isMunicipal == false)
    #expect(k.förvaltning(for: "TN")?.name == "Fastighets- och gatukontoret")
    #expect(k.förvaltning(for: "GRF")?.id == "GRF")
    #expect(k.förvaltning(for: "MKB") == nil)
  }

  @Test("actors resolve by id or name, with suggestions")
  func resolve() throws {
    let k = AktörKatalog.malmö
    #expect(try k.resolve("grundskoleförvaltningen").id == "GRF")
    #expect(try k.resolve("mkb").id == "MKB")
    #expect {
      try k.resolve("Grundskoleforvaltningen")
    } throws: { error in
      (error as! DataError).diagnostics[0].hint == "did you mean Grundskoleförvaltningen?"
    }
  }

  @Test("duplicate ids are rejected")
  func duplicate() {
    #expect(throws: DataError.self) {
      try AktörKatalog.malmö.adding(bolag: [Bolag(id: "MKB", name: "Another")])
    }
  }
}
