import Testing

import KraftsamlingKit
import KraftsamlingKitData
@testable import KraftsamlingCore
@testable import KraftsamlingReporting

/// Every `tabeller/*.csv` of the bundled report, Swedish (excel-sv) and
/// English (rfc4180), read back by ``CSVReader`` with its default dialect,
/// holds the report's data table: equal text, and equal numbers in the
/// numeric columns.
@Suite("The report's CSV tables round-trip through CSVReader")
struct ReportCSVRoundTripTests {
  /// The bundled report with every section that writes a table.
  static func artifacts(_ language: ReportLanguage) throws -> PipelineArtifacts {
    var c = try PipelineFollowUpReportTests.configuration(language: language)
    c.layer = MalmöData.layer
    c.permutations = 99
    c.robustnessReplications = 20
    c.insatser = SampleInsatser.insatser
    c.budget = Belopp(kronor: 6_000_000)
    return try KraftsamlingPipeline.run(c).artifacts()
  }

  /// The cells of `written` that `read` does not give back, as messages.
  static func differences(_ read: CSVDocument, _ written: ReportTable) -> [String] {
    var out: [String] = []
    if read.header != written.columns { out.append("header \(read.header)") }
    if read.records.count != written.rows.count { out.append("\(read.records.count) rows") }
    for (record, row) in zip(read.records, written.rows) {
      for (i, (cell, original)) in zip(record.fields, row).enumerated() {
        let number = written.kinds[i].isNumeric ? NumberParser.parse(original, decimal: .point) : nil
        let same = number.map { read.number(cell) == $0 } ?? (cell == original)
        if !same { out.append("line \(record.line), \(written.columns[i]): '\(cell)' for '\(original)'") }
      }
    }
    return out
  }

  @Test("Swedish: excel-sv; English: rfc4180; every table reads back as its data", arguments: [ReportLanguage.sv, .en])
  func roundTrip(_ language: ReportLanguage) throws {
    let artifacts = try Self.artifacts(language)
    #expect(artifacts.csvStyle == (language == .sv ? .excelSwedish : .rfc4180))
    let files = Dictionary(uniqueKeysWithValues: artifacts.files.map { ($0.path, $0.bytes) })
    #expect(artifacts.tables.count == 13)
    for table in artifacts.tables {
      let bytes = try #require(files[table.fileName])
      #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (language == .sv), "\(table.fileName)")
      let doc = try CSVReader.parse(bytes: bytes, source: table.fileName)
      #expect(doc.delimiter == (language == .sv ? ";" : ","), "\(table.fileName)")
      #expect(Self.differences(doc, table.table) == [], "\(language) \(table.fileName)")
    }
  }

  @Test("data tables: amounts are whole kronor, numeric columns hold numbers, not formatted text")
  func dataTables() throws {
    let artifacts = try Self.artifacts(.sv)
    let tables = Dictionary(uniqueKeysWithValues: artifacts.tables.map { ($0.fileName, $0.table) })
    let totals = try #require(tables["tabeller/fordelning-forvaltning.csv"])
    #expect(totals.columns == ["forvaltning", "name", "amount"])
    #expect(totals.rows.allSatisfy { Int64($0[2]) != nil })
    for table in artifacts.tables {
      for (i, kind) in table.table.kinds.enumerated() where kind.isNumeric {
        for row in table.table.rows where !["", ".."].contains(row[i]) {
          // No grouping spaces, units or percent signs: a plain number.
          #expect(Double(row[i]) != nil, "\(table.fileName) \(table.table.columns[i]): '\(row[i])'")
        }
      }
    }
  }
}
