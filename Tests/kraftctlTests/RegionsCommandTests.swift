import Foundation
import KraftsamlingKit
import Testing

@Suite("kraftctl regions")
struct RegionsCommandTests {
  @Test("max-p regions as CSV: every region reaches the floor (notes), same seed same output")
  func maxPCSV() throws {
    let args = ["regions", "--floor-column", "unga_16_29", "--floor", "1000", "--format", "csv", "--constructions", "9"]
    let r = try Kraftctl.run(args)
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "code,name,region")
    #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(",") == false })
    #expect(r.stderr.contains("maxp: "))
    let again = try Kraftctl.run(args + ["--threads", "2"])
    #expect(again.stdout == r.stdout)
  }

  @Test("skater as JSON has k regions; usage errors exit 64")
  func skaterAndErrors() throws {
    let r = try Kraftctl.run(["regions", "--method", "skater", "--k", "6", "--format", "json"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("\"region\": \"R6\""))
    #expect(!r.stdout.contains("\"region\": \"R7\""))
    #expect(try Kraftctl.run(["regions", "--method", "skater"]).status == 64)
    #expect(try Kraftctl.run(["regions", "--floor", "3"]).status == 64)
    #expect(try Kraftctl.run(["regions", "--floor-column", "nope", "--floor", "3"]).status == 64)
  }

  @Test("--map writes an SVG titled in Swedish with one outline per region; a foreign file is not replaced")
  func map() throws {
    let dir = try Run.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("regioner.svg").path
    let args = ["regions", "--method", "skater", "--k", "5", "--format", "csv", "--map", path]
    let r = try Kraftctl.run(args)
    #expect(r.status == 0)
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    #expect(svg.contains("5 regioner (SKATER)"))
    #expect(svg.contains("Region (numrerad; grannregioner har olika färg)"))
    let foreign = dir.appendingPathComponent("egen.svg").path
    try "mine".write(toFile: foreign, atomically: true, encoding: .utf8)
    #expect(try Kraftctl.run(["regions", "--method", "skater", "--k", "5", "--map", foreign]).status != 0)
    #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "mine")
  }
}
