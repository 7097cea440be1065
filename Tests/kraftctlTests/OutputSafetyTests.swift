import Foundation
import Testing

/// kraftctl never deletes or overwrites a file it did not write (issue:
/// "`--out` deletes whatever is in the directory").
@Suite("kraftctl --out keeps the user's files")
struct OutputSafetyTests {
  /// A temporary folder with the given files (path → text).
  func folder(_ files: [String: String]) throws -> URL {
    let dir = try Run.temporaryDirectory()
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return dir
  }

  func listing(_ dir: URL) -> Set<String> {
    Set((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
  }

  func report(_ out: String, _ extra: [String] = [], cwd: URL, home: URL? = nil) throws -> RunResult {
    try Run.product(
      "kraftctl", ["report", "--out", out, "--permutations", "9", "--quiet"] + extra, cwd: cwd,
      environment: home.map { ["HOME": $0.path] } ?? [:])
  }

  @Test("report --out . in a git working tree: exit 73, nothing touched")
  func currentGitDirectory() throws {
    let dir = try folder(["keep.txt": "a\n", "sub/k.txt": "b\n", ".git/HEAD": "ref: refs/heads/main\n"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try report(".", cwd: dir)
    #expect(r.status == 73)
    #expect(r.stderr.contains("kraftctl: error: .: will not write here: it is the current directory; nothing was touched"))
    #expect(r.stderr.contains("--force"))
    #expect(listing(dir) == ["keep.txt", "sub", ".git"])
    // With --force the report is added beside the user's files; none is removed.
    let forced = try report(".", ["--force"], cwd: dir)
    #expect(forced.status == 0)
    #expect(listing(dir).isSuperset(of: ["keep.txt", "sub", ".git", "index.html", ".kraftsamling-manifest.json"]))
    #expect(try String(contentsOf: dir.appendingPathComponent("sub/k.txt"), encoding: .utf8) == "b\n")
  }

  @Test("a folder of someone's files: exit 73 naming it; a report folder: replaced, notes kept")
  func foreignAndOwnFolders() throws {
    let dir = try folder(["mapp/anteckningar.txt": "x", "mapp/budget.xlsx": "y"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let refused = try report("mapp", cwd: dir)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("mapp: will not write here: the directory is not empty"))
    #expect(refused.stderr.contains("'mapp-2'"))
    #expect(listing(dir.appendingPathComponent("mapp")) == ["anteckningar.txt", "budget.xlsx"])

    #expect(try report("rapport", cwd: dir).status == 0)
    try Data("mina".utf8).write(to: dir.appendingPathComponent("rapport/anteckningar.txt"))
    let again = try report("rapport", ["--lang", "en"], cwd: dir)
    #expect(again.status == 0)
    let files = listing(dir.appendingPathComponent("rapport"))
    #expect(files.contains("anteckningar.txt") && files.contains("report.md") && !files.contains("rapport.md"))
  }

  @Test("--out of the home directory or the root is refused")
  func homeAndRoot() throws {
    let home = try folder(["privat.txt": "z"])
    defer { try? FileManager.default.removeItem(at: home) }
    let r = try report(home.path, cwd: FileManager.default.temporaryDirectory, home: home)
    #expect(r.status == 73)
    #expect(r.stderr.contains("it is your home directory"))
    #expect(listing(home) == ["privat.txt"])
    let root = try report("/", cwd: FileManager.default.temporaryDirectory)
    #expect(root.status == 73)
    #expect(root.stderr.contains("it is the root of the file system"))
  }

  @Test("demo follows the same rule")
  func demo() throws {
    let dir = try folder(["kraftsamling-demo/egen.txt": "x"])
    defer { try? FileManager.default.removeItem(at: dir) }
    let r = try Run.product("kraftctl", ["demo", "--quiet"], cwd: dir)
    #expect(r.status == 73)
    #expect(r.stderr.contains("kraftsamling-demo: will not write here"))
    #expect(listing(dir.appendingPathComponent("kraftsamling-demo")) == ["egen.txt"])
  }

  @Test("map --out: replaces its own SVG, refuses a user's file")
  func singleFiles() throws {
    let dir = try folder(["egen.svg": "<svg>min</svg>"])
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try Run.product("kraftctl", ["map", "--out", "karta.svg"], cwd: dir).status == 0)
    #expect(try Run.product("kraftctl", ["map", "--out", "karta.svg", "--value", "barn_0_18"], cwd: dir).status == 0)
    let refused = try Run.product("kraftctl", ["map", "--out", "egen.svg"], cwd: dir)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("egen.svg: a file is already there and was not written by KraftsamlingKit"))
    #expect(try String(contentsOf: dir.appendingPathComponent("egen.svg"), encoding: .utf8) == "<svg>min</svg>")
    #expect(listing(dir) == ["egen.svg", "karta.svg"])
  }
}
