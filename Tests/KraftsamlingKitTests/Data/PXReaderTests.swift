import Foundation
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore

/// The cells the reference reader pyaxis (0.4.3) gives for a fixture, in the
/// file's order: `Fixtures/px/*.pyaxis.json`, written by pyaxis with its
/// missing-value patterns switched off so that every symbol is kept as written.
private struct PyaxisCells: Decodable {
  struct Cell: Decodable {
    var values: [String]
    var value: Double?
    var symbol: String?
  }
  var language: String?
  var dimensions: [String]
  var cells: [Cell]

  static func load(_ name: String) throws -> PyaxisCells {
    try JSONDecoder().decode(PyaxisCells.self, from: Fixtures.contents(ofFile: Fixtures.path("px/\(name)")))
  }
}

@Suite("PC-Axis reader")
struct PXReaderTests {
  /// Compares every cell of a cube with pyaxis's: the value texts of each
  /// dimension, the number and the missing symbol.
  private func expectSameCells(_ cube: PXCube, _ expected: PyaxisCells, language: String?) {
    #expect(cube.dimensions.map { $0.name(language: language) } == expected.dimensions)
    #expect(cube.count == expected.cells.count)
    for (i, cell) in expected.cells.enumerated() where i < cube.count {
      let indices = cube.valueIndices(ofCell: i)
      let texts = zip(cube.dimensions, indices).map { d, k in d.valueTexts(language: language)[k] }
      #expect(texts == cell.values, "cell \(i)")
      #expect(cube.values[i] == cell.value, "cell \(i)")
      #expect(cube.symbols[i] == cell.symbol, "cell \(i)")
    }
  }

  @Test("an ANSI (Windows-1252) file with å, ä, ö gives pyaxis's 32 cells")
  func ansiMatchesPyaxis() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/folkmangd-ansi.px"))
    expectSameCells(cube, try PyaxisCells.load("folkmangd-ansi.pyaxis.json"), language: nil)
    #expect(cube.charset == "Windows-1252")
    #expect(cube.dimensions.map(\.name) == ["region", "ålder", "år"])
    #expect(cube.dimensions.map(\.code) == ["Region", "Alder", "Tid"])
    #expect(cube.dimensions[0].valueCodes.first == "1280")
    #expect(cube.dimensions[0].valueTexts(language: nil)[4] == "1293 Hässleholm")
    #expect(cube.dimensions[1].elimination == "YES")
    #expect(cube.dimensions[2].timeScale == "A1")
    #expect(cube.title() == "Folkmängd efter region, ålder och år")
    #expect(cube.keyword("UNITS") == ["antal"])
    #expect(cube.decimals == 0)
    #expect(cube.values[11] == nil && cube.symbols[11] == "..")
  }

  @Test("a UTF-8 file in Swedish and English gives pyaxis's 48 cells in each language")
  func multilingualMatchesPyaxis() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/deso-flersprakig.px"))
    #expect(cube.language == "sv" && cube.languages == ["sv", "en"])
    #expect(cube.charset == "UTF-8")
    expectSameCells(cube, try PyaxisCells.load("deso-flersprakig.sv.pyaxis.json"), language: "sv")
    expectSameCells(cube, try PyaxisCells.load("deso-flersprakig.en.pyaxis.json"), language: "en")
    #expect(cube.title(language: "en") == "Population and low income standard by region, sex, observations and year")
    #expect(cube.keyword("UNITS", language: "en") == ["number"])
    #expect(cube.keyword("MATRIX", language: "en") == ["HE0110DESO"])
    #expect(cube.dimensions[2].valueCodes == ["Folkmangd", "LagInkStd"])
    #expect(cube.keyword("PRECISION", arguments: ["tabellinnehåll", "Låg inkomststandard, procent"]) == ["1"])
  }

  @Test("every missing symbol and a declared DATASYMBOL are read as pyaxis does; continued strings are joined")
  func symbolsMatchPyaxis() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/behorighet-symboler.px"))
    expectSameCells(cube, try PyaxisCells.load("behorighet-symboler.pyaxis.json"), language: nil)
    #expect(Set(cube.symbols.compactMap { $0 }) == [".", "..", "...", "....", ".....", "......", "-", "*"])
    #expect(cube.values.last == 0)
    #expect(
      cube.title()
        == "Andel elever i årskurs 9 som är behöriga till yrkesprogram efter kommun, kön och läsår. "
        + "Uppgifter som är skyddade av sekretess redovisas med symboler")
    #expect(cube.keyword("NOTE")?.count == 1)
    #expect(cube.dimensions[1].valueCodes == ["F", "P"])
    #expect(cube.dimensions[2].valueCodes == ["2019", "2020", "2021"])
  }

  @Test("an ISO-8859-1 file (CODEPAGE) with codes for the areas gives pyaxis's 150 cells")
  func latin1MatchesPyaxis() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/lillby.px"))
    expectSameCells(cube, try PyaxisCells.load("lillby.pyaxis.json"), language: nil)
    #expect(cube.dimensions[0].valueCodes.first == "LB01")
    #expect(cube.dimensions.map(\.code) == ["område", "ContentsCode", "Tid"])
  }

  private func problems(_ text: String, limits: InputLimits = .standard) -> [String] {
    do {
      _ = try PXCube.parse(bytes: Array(text.utf8), source: "t.px", limits: limits)
      return []
    } catch {
      return error.diagnostics.map { "\($0.code)@\($0.location.line ?? 0)" + ($0.hint == nil ? "" : "+hint") }
    }
  }

  private let header = "STUB=\"r\";\nHEADING=\"y\";\nVALUES(\"r\")=\"a\",\"b\";\nVALUES(\"y\")=\"1\",\"2\";\n"

  @Test("errors are located by line with a hint: cell count, bad cell, keyword line, unterminated string")
  func locatedErrors() {
    #expect(problems(header + "DATA=\n1 2\n3;\n") == ["px.cell-count@5+hint"])
    #expect(problems(header + "DATA=\n1 2\n3 x;\n") == ["px.bad-cell@7+hint"])
    #expect(problems("STUB=\"r\";\n???;\n" + header.dropFirst(9) + "DATA=1 2 3 4;") == ["px.malformed-keyword@2+hint"])
    #expect(problems("STUB=\"r\";\nTITLE=\"open\n;") == ["px.unterminated-string@2+hint"])
    #expect(problems("TITLE=\"x\";\nDATA=1;") == ["px.missing-stub-heading@1+hint"])
    #expect(problems("STUB=\"r\";\nDATA=1;") == ["px.missing-values@1+hint"])
    #expect(problems(header) == ["px.no-data@5+hint"])
    #expect(problems("CODEPAGE=\"ebcdic\";\n" + header + "DATA=1 2 3 4;") == ["px.unknown-codepage@1+hint"])
  }

  @Test("Latin-1 bytes in a file that does not say CHARSET=\"ANSI\" are a bad encoding on their line")
  func badEncoding() {
    var bytes = Array(("STUB=\"r\";\nHEADING=\"y\";\nVALUES(\"r\")=\"Malm").utf8)
    bytes += [0xF6] + Array("\",\"b\";\nVALUES(\"y\")=\"1\";\nDATA=1 2;".utf8)
    #expect {
      try PXCube.parse(bytes: bytes, source: "t.px")
    } throws: { error in
      let d = (error as! DataError).diagnostics
      return d.map(\.code) == ["px.bad-encoding"] && d[0].location.line == 3 && d[0].hint?.contains("ANSI") == true
    }
    #expect((try? PXCube.parse(bytes: Array("CHARSET=\"ANSI\";\n".utf8) + bytes))?.dimensions[0].valueCodes == ["Malmö", "b"])
  }

  @Test("the cell limit and the byte limit give clear errors")
  func limits() {
    #expect(problems(header + "DATA=1 2 3 4;", limits: InputLimits(maximumCells: 3)) == ["limit.maximumCells@5+hint"])
    #expect(problems(header + "DATA=1 2 3 4;", limits: InputLimits(maximumBytes: 10)) == ["limit.maximumBytes@0+hint"])
  }

  @Test("a quoted text continued on the next line is one value; unquoted and comma-separated cells read")
  func continuedValues() throws {
    let text = "STUB=\"r\";\nHEADING=\"y\";\nVALUES(\"r\")=\"Rosen\"\n\"gård\",\"b\";\nVALUES(\"y\")=\"1\",\"2\";\nDATA=\n1,2.5\n.. -3e2;"
    let cube = try PXCube.parse(bytes: Array(text.utf8))
    #expect(cube.dimensions[0].valueCodes == ["Rosengård", "b"])
    #expect(cube.values == [1, 2.5, nil, -300])
    #expect(cube.symbols == [nil, nil, "..", nil])
  }

  @Test("selection by code or text, and reshaping to an area table")
  func selectAndReshape() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/deso-flersprakig.px"))
    let y2023 = try cube.selecting("år", "2023").selecting("kön", ["kvinnor"])
    let table = try y2023.areaTable(area: "region")
    #expect(table.codes == ["1280C1010", "1280C1020", "1280C1390", "1280C1400", "1280C1540", "1280C1550"])
    #expect(table.names[4] == "1280C1540 Holma")
    #expect(table.columnNames == ["Folkmangd", "LagInkStd"])
    // row-major: region, kön, tabellinnehåll, år → cell of (Holma, kvinnor, LagInkStd, 2023)
    let cell = cube.cellIndex([4, 1, 1, 1])
    #expect(table.value("LagInkStd", row: 4) == cube.values[cell])
    let wide = try cube.selecting("kön", "2").areaTable(area: "Region", language: "en")
    #expect(wide.columnNames == ["Folkmangd_2022", "Folkmangd_2023", "LagInkStd_2022", "LagInkStd_2023"])
    #expect(wide.names[0] == "1280C1010 Centre 1")
    #expect(throws: DataError.self) { try cube.areaTable(area: "region", columns: ["tabellinnehåll"]) }
    #expect(try cube.selecting("year", "2022").selecting("sex", "women").areaTable(area: "region", columns: ["observations"]).count == 6)
    for (dimension, value, code) in [("år", "1999", "px.unknown-value"), ("tid", "2023", "px.unknown-dimension")] {
      #expect {
        try cube.selecting(dimension, value)
      } throws: { error in
        (error as! DataError).diagnostics.first?.code.rawValue == code
      }
    }
  }

  @Test("missing cells keep their symbol as the table's missing marker")
  func markers() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/behorighet-symboler.px"))
    let table = try cube.selecting("kön", "flickor").selecting("läsår", "2019").areaTable(area: "kommun")
    #expect(table.columnNames == ["F_2019"])
    #expect(table.codes == ["0114", "0115", "0117", "0120"])
    let t2 = try cube.selecting("kön", "F").selecting("läsår", "2020").areaTable(area: "kommun")
    #expect(t2.column("F_2020") == [nil, nil, nil, nil])
    #expect(t2.missingMarkers["F_2020"] == [0: ".", 1: "...", 2: ".....", 3: "-"])
  }
}
