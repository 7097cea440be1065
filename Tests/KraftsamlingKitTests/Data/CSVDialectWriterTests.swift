import Testing

import KraftsamlingKit
@testable import KraftsamlingCore

/// `ReportTable.csv(_:)`: the bytes of both dialects, and that
/// ``CSVReader`` reads them back as written.
@Suite("CSV writing dialects: rfc4180 and excel-sv")
struct CSVDialectWriterTests {
  /// Codes with leading zeros, a name with the delimiter, negative and
  /// exponent numbers, `..`, empty cells, and a text column that looks
  /// numeric.
  static var sample: ReportTable {
    var t = ReportTable(columns: ["kod", "namn", "andel", "belopp", "not"], alignments: [.left, .left, .right, .right, .left])
    t.kinds[3] = .kronor
    t.append(["0180", "Stockholm", "0.125", "1666667", "1.5"])
    t.append(["01", "Malmö; centrum", "-2.5", "-3", "a \"b\""])
    t.append(["25611", "Holma, norra", "..", "", " x"])
    t.append(["007", "rad\nbrytning", "1.2345e-15", "1e+20", ""])
    return t
  }

  @Test("rfc4180: comma, point, LF, no byte-order mark; the same as csv()")
  func rfc4180() {
    let expected =
      "kod,namn,andel,belopp,not\n" + "0180,Stockholm,0.125,1666667,1.5\n" + "01,Malmö; centrum,-2.5,-3,\"a \"\"b\"\"\"\n"
      + "25611,\"Holma, norra\",..,,\" x\"\n" + "007,\"rad\nbrytning\",1.2345e-15,1e+20,\n"
    #expect(Self.sample.csv(.rfc4180) == expected)
    #expect(Self.sample.csv() == expected)
  }

  @Test("excel-sv: BOM, ';', decimal comma in numeric columns only, CRLF, quoting")
  func excelSwedish() {
    let text = Self.sample.csv(.excelSwedish)
    let expected =
      "kod;namn;andel;belopp;not\r\n" + "0180;Stockholm;0,125;1666667;1.5\r\n"
      + "01;\"Malmö; centrum\";-2,5;-3;\"a \"\"b\"\"\"\r\n" + "25611;\"Holma, norra\";..;;\" x\"\r\n"
      + "007;\"rad\nbrytning\";1,2345e-15;1e+20;\r\n"
    #expect(Array(text.utf8).prefix(3) == [0xEF, 0xBB, 0xBF])
    #expect(String(text.dropFirst()) == expected)
  }

  @Test("a cell with a CRLF line break is quoted in both dialects")
  func crlfInCell() {
    var t = ReportTable(columns: ["a", "b"])
    t.append(["x\r\ny", "z"])
    #expect(t.csv(.rfc4180) == "a,b\n\"x\r\ny\",z\n")
    #expect(t.csv(.excelSwedish) == "\u{FEFF}a;b\r\n\"x\r\ny\";z\r\n")
  }

  @Test("an exact number is never written with a point and an exponent in excel-sv", arguments: [
    1.5e-7, -2.25e-9, 1.2345e-15, 6.02e23, 1e-7, 0.1 + 0.2, 1e15 + 0.5,
  ])
  func exponents(_ value: Double) throws {
    var t = ReportTable(columns: ["x", "y"], alignments: [.left, .right])
    t.append(["a", ReportTable.Numbers.exact.format(value, places: 3)])
    let cell = String(t.csv(.excelSwedish).split(separator: "\r\n")[1].split(separator: ";")[1])
    #expect(!cell.contains("."))
    let doc = try CSVReader.parse(t.csv(.excelSwedish))
    #expect(doc.number(doc.records[0].fields[1]) == value)
  }

  @Test("both dialects read back with the default (auto) dialect to the same cells and numbers")
  func roundTrip() throws {
    let table = Self.sample
    for style in ReportTable.CSVStyle.allCases {
      let doc = try CSVReader.parse(bytes: Array(table.csv(style).utf8), source: style.rawValue)
      #expect(doc.header == table.columns, "\(style)")
      #expect(doc.delimiter == (style == .rfc4180 ? "," : ";"))
      #expect(doc.records.count == table.rows.count)
      for (record, row) in zip(doc.records, table.rows) {
        for (i, (read, written)) in zip(record.fields, row).enumerated() {
          if table.kinds[i].isNumeric, let number = NumberParser.parse(written, decimal: .point) {
            #expect(doc.number(read) == number, "\(style) \(table.columns[i]): \(read)")
          } else {
            #expect(read == written, "\(style) \(table.columns[i])")
          }
        }
      }
    }
  }
}
