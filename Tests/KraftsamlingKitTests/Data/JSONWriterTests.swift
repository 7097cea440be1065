import Testing

import KraftsamlingKit
@testable import KraftsamlingCore

@Suite("JSONWriter")
struct JSONWriterTests {
  @Test("objects keep their members' order; two-space indentation; a final newline")
  func layout() {
    let v: JSONWriter.Value = ["z": 1, "a": ["b": true, "c": [], "d": [:]], "list": ["x", .null]]
    #expect(
      JSONWriter.text(v) == """
        {
          "z": 1,
          "a": {
            "b": true,
            "c": [],
            "d": {}
          },
          "list": [
            "x",
            null
          ]
        }

        """)
  }

  @Test(
    "numbers in their shortest exact form, not-finite as null",
    arguments: [(0.1, "0.1"), (2.0, "2"), (-1.5, "-1.5"), (.nan, "null"), (.infinity, "null")])
  func numbers(_ x: Double, _ text: String) {
    #expect(JSONWriter.render(.number(x), indent: 0) == text)
  }

  @Test(
    "strings escape quotes, backslashes and control characters, not slashes or non-ASCII",
    arguments: [
      ("a\"b", #""a\"b""#), ("a\\b", #""a\\b""#), ("a/b", #""a/b""#), ("två\nrader", #""två\nrader""#),
      ("\t\r", #""\t\r""#), ("\u{1}", #""\u0001""#), ("Malmö", #""Malmö""#),
    ])
  func strings(_ s: String, _ json: String) {
    #expect(JSONWriter.quote(s) == json)
  }

  @Test("optional values become null; a table becomes an array of objects keyed by column")
  func conveniences() {
    #expect(JSONWriter.render(JSONWriter.Value(nil as Int?), indent: 0) == "null")
    #expect(JSONWriter.render(JSONWriter.Value(3 as Int?), indent: 0) == "3")
    #expect(JSONWriter.render(JSONWriter.Value(nil as String?), indent: 0) == "null")
    var t = ReportTable(columns: ["code", "name"])
    t.append(["1", "Västra Hamnen"])
    #expect(
      JSONWriter.text(JSONWriter.Value(rows: t))
        == "[\n  {\n    \"code\": \"1\",\n    \"name\": \"Västra Hamnen\"\n  }\n]\n")
  }

  @Test("the text parses back to the same structure")
  func roundTrip() throws {
    let v: JSONWriter.Value = ["name": "a \"quoted\" / name", "n": .number(0.25), "i": .integer(-7), "ok": false]
    let node = try JSONParser.parse(Array(JSONWriter.text(v).utf8), file: nil)
    guard case .object(let members) = node.value else {
      Issue.record("not an object")
      return
    }
    #expect(members.map(\.key) == ["name", "n", "i", "ok"])
    #expect(members[0].value.value == .string("a \"quoted\" / name"))
    #expect(members[1].value.value == .number(0.25))
    #expect(members[2].value.value == .integer(-7))
    #expect(members[3].value.value == .bool(false))
  }
}
