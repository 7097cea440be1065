import Foundation
import Testing

/// The repository root, found from this file.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

@Suite("Documentation")
struct DocumentationTests {
  @Test("Documentation/CLI.md is exactly what kraftctl --help prints (regenerate with Scripts/generate-cli-reference.sh)")
  func cliReference() throws {
    let overview = try Run.kraftctl("help").stdout
    var expected = """
      # kraftctl command reference

      Generated from `kraftctl help` and `kraftctl <command> --help` by
      `Scripts/generate-cli-reference.sh`; a test keeps it in step with the tool.

      ```

      """
    expected += overview + "```\n"
    var inCommands = false
    for line in overview.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "COMMANDS:" {
        inCommands = true
        continue
      }
      guard inCommands else { continue }
      if line.isEmpty { break }
      let name = line.split(separator: " ")[0]
      expected += "\n## kraftctl \(name)\n\n```\n" + (try Run.kraftctl(String(name), "--help").stdout) + "```\n"
    }
    let actual = try String(contentsOf: repositoryRoot.appendingPathComponent("Documentation/CLI.md"), encoding: .utf8)
    #expect(actual == expected, "Documentation/CLI.md is out of date: run Scripts/generate-cli-reference.sh")
  }

  @Test("every relative Markdown link in README.md and Documentation/ resolves")
  func links() throws {
    let fm = FileManager.default
    var files = [repositoryRoot.appendingPathComponent("README.md"), repositoryRoot.appendingPathComponent("CONTRIBUTING.md")]
    let docs = repositoryRoot.appendingPathComponent("Documentation")
    for name in try fm.contentsOfDirectory(atPath: docs.path) where name.hasSuffix(".md") {
      files.append(docs.appendingPathComponent(name))
    }
    var broken: [String] = []
    var checked = 0
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      // Links outside code blocks: [text](target)
      var inCode = false
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("```") { inCode.toggle() }
        if inCode { continue }
        var rest = Substring(line)
        while let open = rest.range(of: "](") {
          let after = rest[open.upperBound...]
          guard let close = after.firstIndex(of: ")") else { break }
          let target = String(after[..<close])
          rest = after[after.index(after: close)...]
          if target.hasPrefix("http") || target.hasPrefix("#") || target.hasPrefix("mailto:") || target.contains(" ") { continue }
          let path = String(target.split(separator: "#", maxSplits: 1)[0])
          checked += 1
          let resolved = file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
          if !fm.fileExists(atPath: resolved.path) { broken.append("\(file.lastPathComponent): \(target)") }
        }
      }
    }
    #expect(checked > 20)
    #expect(broken.isEmpty, "broken links: \(broken)")
  }
}
