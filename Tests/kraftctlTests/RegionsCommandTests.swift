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
}
