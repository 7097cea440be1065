import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("CSVReader")
struct CSVReaderTests {
  @Test("reads RFC 4180: quoted newlines, embedded commas and doubled quotes, CRLF")
  func quotedCells() throws {
    let doc = try CSVReader.read(path: Fixtures.path("csv/quoted.csv"))
    #expect(doc.delimiter == ",")
    #expect(doc.header == ["kod", "namn", "kommentar", "barn_0_18"])
    #expect(doc.records.count == 2)
    #expect(doc.records[0].fields == ["10101", "Västra Hamnen", "rad ett\r\nrad två, med komma", "677"])
    #expect(doc.records[0].line == 2)
    // The first record spans lines 2–3, so the second starts on line 4.
    #expect(doc.records[1].line == 4)
    #expect(doc.records[1].fields[1] == "Inre \"Hamnen\"")
  }

  @Test("reads the Swedish dialect: Latin-1, semicolons, decimal commas, digit grouping, SCB markers")
  func swedishDialect() throws {
    let doc = try CSVReader.read(path: Fixtures.path("csv/scb-latin1.csv"))
    #expect(doc.delimiter == ";")
    #expect(doc.encoding == .latin1)
    #expect(doc.notes.map(\.code) == ["text.latin1-fallback"])
    #expect(doc.records[0].fields[1] == "Västra Hamnen")
    #expect(doc.number("13,3") == 13.3)
    #expect(doc.number("1 204") == 1204)
    #expect(doc.isMissing(".."))
    #expect(doc.isMissing("-"))
    #expect(doc.isMissing(""))
  }

  @Test("a Latin-1 file is an error when UTF-8 is demanded, with the line of the first bad byte")
  func strictUTF8() {
    #expect {
      try CSVReader.read(path: Fixtures.path("csv/scb-latin1.csv"), dialect: CSVDialect(encoding: .utf8))
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "text.invalid-utf8" && d.location.line == 2 && d.hint == "it may be Latin-1: use --encoding latin1"
    }
  }

  @Test("skips a UTF-8 byte-order mark")
  func byteOrderMark() throws {
    let doc = try CSVReader.read(path: Fixtures.path("csv/bom-semicolon.csv"))
    #expect(doc.header == ["kod", "namn", "barn_0_18"])
    #expect(doc.encoding == .utf8)
    #expect(doc.delimiter == ";")
  }

  @Test("reports every problem with its line: ragged rows and an unclosed quote")
  func brokenFile() {
    #expect {
      try CSVReader.read(path: Fixtures.path("csv/broken.csv"))
    } throws: { error in
      let diagnostics = (error as! DataError).diagnostics
      let found = diagnostics.map { "\($0.code):\($0.location.line ?? 0)" }
      return found == ["csv.ragged-row:5", "csv.unclosed-quote:6"]
        && diagnostics[0].message == "row has 3 cells but the header has 4"
        && diagnostics[0].location.file == Fixtures.path("csv/broken.csv")
    }
  }

  @Test("text after a closing quote is an error at its line and column")
  func textAfterQuote() {
    #expect {
      try CSVReader.parse("a,b\n1,\"x\"y\n", source: "t.csv")
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "csv.text-after-quote" && d.location.line == 2 && d.location.column == 2
        && d.description.hasPrefix("t.csv:2:2: error: unexpected text after a closing quote")
    }
  }

  @Test("empty files and duplicate or empty column names are errors")
  func headerProblems() {
    #expect(throws: DataError.self) { try CSVReader.parse("", source: "e.csv") }
    #expect {
      try CSVReader.parse("kod,x,x,\n1,2,3,4\n", source: "h.csv")
    } throws: { error in
      (error as! DataError).diagnostics.map(\.code) == ["csv.duplicate-column", "csv.empty-column-name"]
    }
  }

  @Test("delimiter detection ignores delimiters inside quotes", arguments: [
    ("a;b;c\n1;2;3\n", Character(";")),
    ("\"x;y;z\",b\n1,2\n", Character(",")),
    ("a\tb\n1\t2\n", Character("\t")),
    ("single\n1\n", Character(",")),
  ])
  func detectsDelimiter(text: String, expected: Character) throws {
    #expect(try CSVReader.parse(text).delimiter == expected)
  }

  @Test("a missing file is unreadable, not invalid")
  func missingFile() {
    #expect {
      try CSVReader.read(path: "/nonexistent/x.csv")
    } throws: { error in
      let e = error as! DataError
      return e.kind == .unreadable && e.diagnostics[0].code == "file.not-found"
    }
  }

  @Test("blank lines are skipped and a last line without newline is read")
  func blankLines() throws {
    let doc = try CSVReader.parse("a,b\n\n1,2\n\n3,4")
    #expect(doc.records.map(\.fields) == [["1", "2"], ["3", "4"]])
    #expect(doc.records.map(\.line) == [3, 5])
  }
}
