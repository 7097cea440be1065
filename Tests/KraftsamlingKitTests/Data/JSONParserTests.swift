import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("JSONParser")
struct JSONParserTests {
  @Test("records line, column and path of every value")
  func positions() throws {
    let text = "{\n  \"a\": [1, 2.5],\n  \"b\": {\"c\": \"ö\"}\n}"
    let root = try JSONParser.parse(text, file: "x.json")
    let a = try #require(root["a"])
    #expect(a.line == 2 && a.column == 8 && a.path == "a")
    let second = try #require(a.arrayValue?[1])
    #expect(second.doubleValue == 2.5 && second.path == "a[1]" && second.column == 12)
    #expect(root["b"]?["c"]?.stringValue == "ö")
    #expect(root["b"]?["c"]?.path == "b.c")
  }

  @Test("integers stay exact beyond 2^53")
  func exactIntegers() throws {
    let root = try JSONParser.parse("[9007199254740993, 1.0, -0]")
    #expect(root.arrayValue?[0].int64Value == 9_007_199_254_740_993)
    #expect(root.arrayValue?[1].int64Value == 1)
    #expect(root.arrayValue?[2].int64Value == 0)
  }

  @Test("decodes escapes and surrogate pairs")
  func escapes() throws {
    let root = try JSONParser.parse(#"["a\"b\\c\n", "\u00e5\ud83d\ude00"]"#)
    #expect(root.arrayValue?[0].stringValue == "a\"b\\c\n")
    #expect(root.arrayValue?[1].stringValue == "å😀")
  }

  @Test("syntax errors name the line and column", arguments: [
    ("{\"a\": 1,}", 1, 9, "expected a member name in double quotes"),
    ("[1,\n 2,\n ]", 3, 2, "unexpected character ']' where a value was expected"),
    ("[01]", 1, 3, "invalid number: leading zeros are not allowed in JSON"),
    ("{\"a\": tru}", 1, 7, "invalid literal; expected 'true'"),
    ("[1] x", 1, 5, "unexpected text after the end of the JSON document"),
    ("\"abc", 1, 5, "unexpected end of the file inside a string"),
  ])
  func syntaxErrors(text: String, line: Int, column: Int, message: String) {
    #expect {
      try JSONParser.parse(text, file: "f.json")
    } throws: { error in
      let d = (error as! DataError).diagnostics[0]
      return d.location.line == line && d.location.column == column && d.message == message && d.location.file == "f.json"
    }
  }

  @Test("deep nesting is an error, not a stack overflow")
  func deepNesting() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect {
      try JSONParser.parse(text)
    } throws: { error in
      (error as! DataError).diagnostics[0].message == "JSON nested deeper than 512 levels"
    }
  }

  @Test("finds the deepest node along a coding path")
  func deepest() throws {
    let root = try JSONParser.parse("{\"a\": [{\"b\": 1}]}")
    let n = root.deepest(along: [.key("a"), .index(0), .key("b")])
    #expect(n.path == "a[0].b")
    let missing = root.deepest(along: [.key("a"), .index(3)])
    #expect(missing.path == "a")
  }
}
