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

/// ``OutputDirectory`` and ``OutputFile`` never delete or overwrite a file
/// they did not write, and a failed write leaves everything as it was.
@Suite("Writing reports without losing a user's files")
struct OutputDirectoryTests {
  /// A fresh folder under the temporary directory, with the given files.
  func folder(_ files: [String: String] = [:]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kk-out-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for (path, text) in files { try put(text, at: root + "/" + path) }
    return root
  }

  func put(_ text: String, at path: String) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Every regular file under `root`, relative path → content.
  func snapshot(_ root: String) -> [String: String] {
    var out: [String: String] = [:]
    let e = FileManager.default.enumerator(atPath: root)
    while let p = e?.nextObject() as? String {
      var isDir: ObjCBool = false
      if FileManager.default.fileExists(atPath: root + "/" + p, isDirectory: &isDir), !isDir.boolValue {
        out[p] = (try? String(contentsOfFile: root + "/" + p, encoding: .utf8)) ?? "<binary>"
      }
    }
    return out
  }

  let report = [
    GeneratedFile(path: "index.html", text: "<html>1</html>"),
    GeneratedFile(path: "tabeller/index.csv", text: "kod,rang\n1,1\n"),
  ]

  func code(_ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch let e as OutputError {
      return e.code.rawValue
    } catch {
      return "unexpected \(error)"
    }
  }

  @Test("a new directory is created with the files and a manifest listing them")
  func newDirectory() throws {
    let root = try folder()
    let target = root + "/rapport"
    let manifest = try OutputDirectory(path: target, generator: "test 1").write(report)
    #expect(manifest.files == ["index.html", "tabeller/index.csv"])
    let files = snapshot(target)
    #expect(files["index.html"] == "<html>1</html>")
    #expect(files["tabeller/index.csv"] == "kod,rang\n1,1\n")
    #expect(files[OutputManifest.fileName]?.contains("\"generator\" : \"test 1\"") == true)
    #expect(Set(files.keys) == ["index.html", "tabeller/index.csv", OutputManifest.fileName])
    // Nothing else beside it: no staging folder left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["rapport"])
  }

  @Test("an empty existing directory is written into")
  func emptyDirectory() throws {
    let target = try folder()
    try OutputDirectory(path: target).write(report)
    #expect(snapshot(target)["index.html"] == "<html>1</html>")
  }

  @Test("a non-empty directory without a manifest is refused and untouched")
  func foreignDirectory() throws {
    let target = try folder(["anteckningar.txt": "mina", "budget.xlsx": "x"])
    #expect(code { try OutputDirectory(path: target).write(report) } == "output.not-empty")
    #expect(snapshot(target) == ["anteckningar.txt": "mina", "budget.xlsx": "x"])
  }

  @Test("with force, files are added beside the user's and nothing is removed")
  func forceAddsOnly() throws {
    let target = try folder(["anteckningar.txt": "mina"])
    try OutputDirectory(path: target, force: true).write(report)
    let files = snapshot(target)
    #expect(files["anteckningar.txt"] == "mina")
    #expect(files["index.html"] == "<html>1</html>")
  }

  @Test("a user's file in the way is refused even with force, naming the file")
  func conflictEvenWithForce() throws {
    let target = try folder(["index.html": "min egen sida"])
    for force in [false, true] {
      do {
        try OutputDirectory(path: target, force: force).write(report)
        Issue.record("expected a refusal")
      } catch {
        #expect(error.code.rawValue == (force ? "output.conflict" : "output.not-empty"))
        if force { #expect(error.message.hasPrefix("index.html is in the way")) }
      }
    }
    #expect(snapshot(target) == ["index.html": "min egen sida"])
  }

  @Test("a directory with a manifest: its files are replaced, a user's files stay, stale ones go")
  func replaceOwnReport() throws {
    let root = try folder()
    let target = root + "/rapport"
    try OutputDirectory(path: target).write(report + [GeneratedFile(path: "figurer/gammal.svg", text: "<svg/>")])
    try put("mina", at: target + "/anteckningar.txt")
    try put("kopia", at: target + "/tabeller/egen.csv")
    let second = [GeneratedFile(path: "index.html", text: "<html>2</html>")]
    try OutputDirectory(path: target).write(second)
    let files = snapshot(target)
    #expect(files["index.html"] == "<html>2</html>")
    #expect(files["anteckningar.txt"] == "mina")
    #expect(files["tabeller/egen.csv"] == "kopia")
    #expect(files["tabeller/index.csv"] == nil)
    #expect(files["figurer/gammal.svg"] == nil)
    // The emptied folder of the old figure is gone; the one holding the user's file stays.
    #expect(!FileManager.default.fileExists(atPath: target + "/figurer"))
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: target))
      == ["index.html", "anteckningar.txt", "tabeller", OutputManifest.fileName])
  }

  @Test("a folder holding .git is refused whatever its manifest says; force writes into it")
  func gitFolder() throws {
    let root = try folder()
    let target = root + "/repo"
    try OutputDirectory(path: target).write(report)
    try put("[core]", at: target + "/.git/config")
    #expect(code { try OutputDirectory(path: target).write(report) } == "output.protected")
    try OutputDirectory(path: target, force: true).write(report)
    #expect(snapshot(target)[".git/config"] == "[core]")
  }

  @Test("the root of the file system is refused")
  func rootRefused() {
    #expect(code { try OutputDirectory(path: "/").write(report) } == "output.protected")
  }

  @Test("a failure half-way moves everything back", arguments: 0...4)
  func failureHalfWay(after moves: Int) throws {
    let root = try folder()
    let target = root + "/rapport"
    try OutputDirectory(path: target).write(report)
    try put("mina", at: target + "/anteckningar.txt")
    let before = snapshot(target)
    var writer = OutputDirectory(path: target)
    writer.failingAfterMoves = moves
    let next = [GeneratedFile(path: "index.html", text: "<html>2</html>"), GeneratedFile(path: "ny/fil.csv", text: "a\n")]
    #expect(code { try writer.write(next) } == "output.io")
    #expect(snapshot(target) == before)
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: target))
      == ["index.html", "anteckningar.txt", "tabeller", OutputManifest.fileName])
  }

  @Test("a file that cannot be written leaves no directory and no staging folder")
  func failureWhileStaging() throws {
    let root = try folder()
    let tooLong = String(repeating: "x", count: 300) + ".csv"
    let files = report + [GeneratedFile(path: tooLong, text: "a")]
    #expect(code { try OutputDirectory(path: root + "/rapport").write(files) } == "output.io")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
  }

  @Test("paths that leave the directory or repeat are refused before anything is written")
  func invalidPaths() throws {
    let root = try folder()
    for bad in ["../x.csv", "/etc/x", "a//b", "", OutputManifest.fileName] {
      #expect(code { try OutputDirectory(path: root + "/r").write([GeneratedFile(path: bad, text: "")]) } == "output.invalid-path")
    }
    let twice = [GeneratedFile(path: "a", text: "1"), GeneratedFile(path: "a", text: "2")]
    #expect(code { try OutputDirectory(path: root + "/r").write(twice) } == "output.invalid-path")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
  }

  @Test("a manifest naming paths outside the directory is not trusted")
  func hostileManifest() throws {
    let root = try folder(["utanfor.txt": "viktig"])
    let target = root + "/rapport"
    try put(#"{"format": "kraftsamling-output/1", "generator": "x", "files": ["../utanfor.txt"]}"#,
      at: target + "/" + OutputManifest.fileName)
    try put("min", at: target + "/egen.txt")
    #expect(code { try OutputDirectory(path: target).write(report) } == "output.not-empty")
    #expect(snapshot(root)["utanfor.txt"] == "viktig")
  }

  @Test("a path that is a file is refused")
  func notADirectory() throws {
    let root = try folder(["rapport": "en fil"])
    #expect(code { try OutputDirectory(path: root + "/rapport").write(report) } == "output.not-a-directory")
    #expect(snapshot(root) == ["rapport": "en fil"])
  }

  @Test("a single file is stamped, replaced when ours, refused when a user's")
  func singleFile() throws {
    let root = try folder(["egen.svg": "<svg>min</svg>", "data.csv": "a"])
    try OutputFile.write("<svg>1</svg>\n", to: root + "/karta.svg")
    #expect(snapshot(root)["karta.svg"] == "<!-- generated by KraftsamlingKit; a later run may replace this file -->\n<svg>1</svg>\n")
    try OutputFile.write("<svg>2</svg>\n", to: root + "/karta.svg")
    #expect(snapshot(root)["karta.svg"]?.hasSuffix("<svg>2</svg>\n") == true)
    #expect(code { try OutputFile.write("<svg/>", to: root + "/egen.svg") } == "output.exists")
    #expect(code { try OutputFile.write("b", to: root + "/data.csv") } == "output.exists")
    #expect(snapshot(root)["egen.svg"] == "<svg>min</svg>")
    #expect(snapshot(root)["data.csv"] == "a")
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root)) == ["egen.svg", "data.csv", "karta.svg"])
  }

  @Test("an XML declaration stays the first line")
  func stampAfterDeclaration() {
    let text = OutputFile.stamped("<?xml version=\"1.0\"?>\n<svg/>", path: "a.svg")
    #expect(text == "<?xml version=\"1.0\"?>\n<!-- generated by KraftsamlingKit; a later run may replace this file -->\n<svg/>")
    #expect(OutputFile.stamped("a,b\n", path: "t.csv") == "a,b\n")
  }
}
