import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("AreaTable reading")
struct AreaTableReaderTests {
  @Test("a Latin-1, semicolon, decimal-comma file with SCB markers becomes a table with explicit missing values")
  func swedishFile() throws {
    let (table, diagnostics) = try AreaTable.read(path: Fixtures.path("csv/scb-latin1.csv"))
    #expect(table.codes == ["10101", "50306", "80203"])
    #expect(table.names == ["Västra Hamnen", "Hermodsdal", "Holma"])
    #expect(table.column("barn_0_18") == [677, 1204, 2310])
    #expect(table.column("trangbodda_0_18") == [90, nil, nil])
    #expect(table.column("andel") == [13.3, 41.7, nil])
    #expect(table.missingMarkers["trangbodda_0_18"] == [1: "..", 2: "-"])
    #expect(table.lines == [2, 3, 4])
    let warnings = diagnostics.warnings.map { "\($0.location.line!):\($0.location.field!):\($0.message)" }
    #expect(warnings == [
      "3:trangbodda_0_18:missing value '..'", "4:trangbodda_0_18:missing value '-'", "4:andel:missing value (empty cell)",
    ])
  }

  @Test("reports every problem: non-numeric cell, duplicate code, ragged row, unclosed quote")
  func brokenFile() {
    #expect {
      try AreaTable.read(path: Fixtures.path("csv/broken.csv"))
    } throws: { error in
      // CSV-level problems and the cells' problems come together, in line order.
      (error as! DataError).diagnostics.map(\.code)
        == ["table.non-numeric", "table.duplicate-code", "csv.ragged-row", "csv.unclosed-quote"]
    }
    let text = "kod,namn,barn_0_18,trangbodda_0_18\n10101,A,677,90\n10102,B,tolv,10\n10101,C,5,1\n"
    #expect {
      try AreaTable.read(CSVReader.parse(text, source: "s.csv"))
    } throws: { error in
      let d = (error as! DataError).diagnostics
      return d.map { $0.description } == [
        "s.csv:3:3 (field barn_0_18): error: cell is not a number: 'tolv' (hint: write numbers with a decimal point, or use ';' as delimiter for decimal commas)",
        "s.csv:4:1 (field kod): error: area code 10101 appears again (first on line 2) (hint: each area must have exactly one row)",
      ]
    }
  }

  @Test("a mostly-text column is skipped with a note")
  func textColumn() throws {
    let doc = try CSVReader.parse("kod,kommentar,x\n1,bra,1\n2,dålig,2\n3,,3\n")
    let (table, diagnostics) = try AreaTable.read(doc)
    #expect(table.columnNames == ["x"])
    #expect(diagnostics.contains { $0.code == "table.text-column" && $0.location.field == "kommentar" })
  }

  @Test("an unknown id column is an error with a suggestion")
  func unknownIDColumn() {
    #expect {
      try AreaTable.read(CSVReader.parse("kod,x\n1,2\n", source: "a.csv"), options: AreaTableReadOptions(idColumn: "kood"))
    } throws: { error in
      (error as! DataError).diagnostics[0].hint == "did you mean kod?"
    }
  }

  @Test("tables round-trip through JSON with explicit nulls")
  func jsonRoundTrip() throws {
    var t = AreaTable(codes: ["a", "b"], names: ["A", nil])
    try t.addColumn("x", [1.5, nil])
    let data = try JSONCoding.encoder().encode(t)
    let back = try JSONCoding.decoder().decode(AreaTable.self, from: data)
    #expect(back == t)
    #expect(back.column("x") == [1.5, nil])
  }
}
