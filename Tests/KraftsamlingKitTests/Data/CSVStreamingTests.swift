import Foundation
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("CSV streaming and limits")
struct CSVStreamingTests {
  /// Writes `bytes` to a fresh temporary file and returns its path.
  func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kk-\(UUID().uuidString).csv").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// A CSV of about 110 kB whose quoted multi-line cells straddle the 4 kB chunk boundaries of the test.
  func bigCSV(latin1: Bool) -> [UInt8] {
    var text = "kod;namn;kommentar;värde\r\n"
    var g = SeededGenerator(seed: 5)
    for i in 0..<2_000 {
      text += "\(i);Område \(i);\"rad ett\r\nrad \"\"två\"\"; slut\";\(g.uniform(below: 1000)),\(g.uniform(below: 10))\r\n"
    }
    return latin1 ? text.unicodeScalars.map { UInt8($0.value) } : Array(text.utf8)
  }

  @Test("streaming a file across chunk boundaries gives the same records as parsing it in memory", arguments: [false, true])
  func sameAsInMemory(latin1: Bool) throws {
    let bytes = bigCSV(latin1: latin1)
    #expect(bytes.count > 25 * 4096)
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let streamed = try CSVReader.read(path: path, dialect: .auto, limits: .standard, chunkSize: 4096)
    let memory = try CSVReader.parse(bytes: bytes, source: path)
    // Odd chunk sizes split quotes, CRLF pairs and multi-byte characters everywhere.
    let tiny = try CSVReader.parse(bytes: bytes, source: path, dialect: .auto, limits: .standard, chunkSize: 7)
    #expect(tiny.records == memory.records)
    #expect(streamed.records == memory.records)
    #expect(streamed.header == ["kod", "namn", "kommentar", "värde"])
    #expect(streamed.records.count == 2_000)
    #expect(streamed.records[1_999].line == 2 + 2 * 1_999)
    #expect(streamed.records[7].fields[2] == "rad ett\r\nrad \"två\"; slut")
    #expect(streamed.encoding == (latin1 ? .latin1 : .utf8))
    let (table, _) = try AreaTable.read(path: path)
    #expect(table.count == 2_000)
    #expect(table.columnNames == ["värde"])
  }

  @Test("the row, column and cell limits give clear errors")
  func limits() throws {
    let path = try temporaryFile(Array("a,b\n1,2\n3,4\n5,6\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try CSVReader.read(path: path, limits: InputLimits(maximumRows: 2))
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "limit.maximumRows" && d.location.line == 4
        && d.message == "the input has more rows than the limit of 2"
    }
    #expect {
      try CSVReader.read(path: path, limits: InputLimits(maximumColumns: 1))
    } throws: { error in (error as! DataError).diagnostics[0].code == "limit.maximumColumns" }
    let runaway = try temporaryFile(Array(("a,b\n1,\"" + String(repeating: "x", count: 5000)).utf8))
    defer { try? FileManager.default.removeItem(atPath: runaway) }
    #expect {
      try CSVReader.read(path: runaway, limits: InputLimits(maximumCellBytes: 1000))
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.code == "limit.maximumCellBytes" && d.location.line == 2 && d.location.column == 2
    }
    #expect {
      try CSVReader.read(path: path, limits: InputLimits(maximumBytes: 10))
    } throws: { error in (error as! DataError).diagnostics[0].code == "limit.maximumBytes" }
  }

  @Test("a UTF-16 file is rejected with a hint")
  func utf16() throws {
    let path = try temporaryFile([0xFF, 0xFE, 0x61, 0x00])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try CSVReader.read(path: path)
    } throws: { error in (error as! DataError).diagnostics[0].code == "text.utf16" }
  }

  @Test("a CR-only file and a file without final newline stream correctly")
  func lineEnds() throws {
    let path = try temporaryFile(Array("a,b\r1,2\r3,4".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let doc = try CSVReader.read(path: path)
    #expect(doc.records.map(\.fields) == [["1", "2"], ["3", "4"]])
    #expect(doc.records.map(\.line) == [2, 3])
  }
}
