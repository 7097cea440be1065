import Foundation
import Testing

/// One example of each exit code `kraftctl help` lists (70, an internal
/// error, has no way to be provoked from outside: it would be a bug).
@Suite("kraftctl exit codes")
struct ExitCodeTests {
  @Test("kraftctl help lists every exit code once")
  func listed() throws {
    let help = try Run.kraftctl("help").stdout
    let section = try #require(help.components(separatedBy: "EXIT CODES:\n").last)
    let codes = section.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
    #expect(codes == [0, 1, 64, 65, 66, 70, 73])
    #expect(help.components(separatedBy: "EXIT CODES:").count == 2)
  }

  @Test(
    "one example of each exit code",
    arguments: [
      (["areas", "--name", "Holma"], Int32(0), ""),
      (["check", "--strict"], 1, "not eligible"),
      (["allocate", "--budget", "4 miljoner"], 64, "kraftctl: error: --budget: '4 miljoner' is not an amount"),
      (["index", "--frobnicate"], 64, "unknown option '--frobnicate'"),
      (["index", "--definition", "nope"], 64, "--definition: unknown index definition 'nope'"),
      (["index", "--weights", "1,2"], 64, "--weights: 2 weights given for 4 indicators"),
      (["apportion", "--method", "hamilton", "--total", "-3"], 64, "--total must be a whole number ≥ 0"),
      (["validate", "--data", Run.fixture("csv/broken.csv")], 65, "broken.csv:"),
      (["validate", "--data", "/nonexistent/statistik.csv"], 66, "/nonexistent/statistik.csv: no such file"),
      (["report", "--out", "/dev/null", "--quiet"], 73, "/dev/null: exists and is not a directory; nothing was touched"),
    ])
  func example(_ arguments: [String], _ status: Int32, _ message: String) throws {
    let r = try Run.kraftctl(arguments: arguments)
    #expect(r.status == status, "\(r.stderr)")
    #expect(message.isEmpty || r.stderr.contains(message) || r.stdout.contains(message), "\(r.stderr)")
  }
}
