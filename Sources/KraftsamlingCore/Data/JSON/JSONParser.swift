/// A strict RFC 8259 JSON parser that records the line, column and path of
/// every value.
///
/// It accepts exactly JSON: no comments, no trailing commas, no NaN. It
/// skips a UTF-8 byte-order mark. Nesting deeper than ``maximumDepth`` is an
/// error rather than a stack overflow, so hostile input cannot crash it.
///
/// ```swift
/// let root = try JSONParser.parse(Array(#"{"a": [1, 2.5]}"#.utf8), file: "x.json")
/// root["a"]?.arrayValue?[1].doubleValue   // 2.5
/// root["a"]?.line                          // 1
/// ```
///
/// - Complexity: O(*n*) in the size of the input.
package struct JSONParser {
  /// The deepest nesting of arrays and objects accepted (a fixed cap, the
  /// same as Foundation's `JSONDecoder`; deeper input throws
  /// `limit.maximumDepth`).
  package static let maximumDepth = 512

  private let bytes: [UInt8]
  private let file: String?
  private var pos = 0
  private var line = 1
  private var lineStart = 0
  private var depth = 0

  private init(bytes: [UInt8], file: String?) {
    self.bytes = bytes
    self.file = file
  }

  /// Parses a whole document.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text.
  ///   - file: The name used in error locations.
  /// - Throws: ``DataError`` with the line and column of the first syntax
  ///   error (a syntax error makes the rest of the document unreadable).
  package static func parse(_ bytes: [UInt8], file: String? = nil) throws(DataError) -> JSONNode {
    var p = JSONParser(bytes: bytes, file: file)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      p.pos = 3
      p.lineStart = 3
    }
    p.skipWhitespace()
    let root = try p.parseValue(path: [])
    p.skipWhitespace()
    if p.pos < bytes.count {
      throw p.error("unexpected text after the end of the JSON document", hint: "a file holds one JSON value; remove what follows it")
    }
    return root
  }

  /// Parses a string of JSON text.
  package static func parse(_ text: String, file: String? = nil) throws(DataError) -> JSONNode {
    try parse(Array(text.utf8), file: file)
  }

  private var cachedColumnPos = 0
  private var cachedColumn = 1

  /// The 1-based column of `pos`, counting Unicode scalars. Positions only
  /// move forward, so the count continues from the last call: O(n) overall.
  private var column: Int {
    mutating get {
      if cachedColumnPos < lineStart {
        cachedColumnPos = lineStart
        cachedColumn = 1
      }
      while cachedColumnPos < pos {
        if bytes[cachedColumnPos] & 0xC0 != 0x80 { cachedColumn += 1 }
        cachedColumnPos += 1
      }
      return cachedColumn
    }
  }

  private mutating func error(_ message: String, hint: String? = nil, code: DiagnosticCode = "json.syntax") -> DataError {
    DataError(code: code, message, at: SourceLocation(file: file, line: line, column: column), hint: hint)
  }

  private mutating func skipWhitespace() {
    while pos < bytes.count {
      switch bytes[pos] {
      case 0x20, 0x09, 0x0D: pos += 1
      case 0x0A:
        pos += 1
        line += 1
        lineStart = pos
      default: return
      }
    }
  }

  private mutating func parseValue(path: [JSONPathComponent]) throws(DataError) -> JSONNode {
    guard pos < bytes.count else {
      throw error("unexpected end of the file: a value is missing", hint: "the file may be cut short")
    }
    let startLine = line
    let startColumn = column
    let pathText = JSONPathComponent.render(path)
    func node(_ v: JSONValue) -> JSONNode { JSONNode(v, line: startLine, column: startColumn, path: pathText) }
    switch bytes[pos] {
    case UInt8(ascii: "{"): return node(try parseObject(path: path))
    case UInt8(ascii: "["): return node(try parseArray(path: path))
    case UInt8(ascii: "\""): return node(.string(try parseString()))
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      return node(.bool(true))
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      return node(.bool(false))
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      return node(.null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return node(try parseNumber())
    default:
      throw error(
        "unexpected character '\(printable(bytes[pos]))' where a value was expected",
        hint: "JSON values are objects, arrays, \"strings\", numbers, true, false or null")
    }
  }

  private func printable(_ b: UInt8) -> String {
    b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\u{\(String(b, radix: 16))}"
  }

  private mutating func expectLiteral(_ word: StaticString) throws(DataError) {
    let w = word.withUTF8Buffer { Array($0) }
    let n = w.count
    guard pos + n <= bytes.count, bytes[pos..<pos + n].elementsEqual(w) else {
      throw error("invalid literal; expected '\(word)'")
    }
    pos += n
  }

  private mutating func enter() throws(DataError) {
    depth += 1
    if depth > Self.maximumDepth {
      throw error(
        "JSON nested deeper than \(Self.maximumDepth) levels", hint: "no KraftsamlingKit format nests this deep (the cap is fixed)",
        code: "limit.maximumDepth")
    }
  }

  private mutating func parseObject(path: [JSONPathComponent]) throws(DataError) -> JSONValue {
    try enter()
    pos += 1
    var members: [(key: String, value: JSONNode)] = []
    skipWhitespace()
    if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") {
      pos += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard pos < bytes.count else { throw error("unexpected end of the file inside an object", hint: "a '}' is missing") }
      guard bytes[pos] == UInt8(ascii: "\"") else {
        throw error("expected a member name in double quotes", hint: "object keys are strings; check for a trailing comma")
      }
      let key = try parseString()
      skipWhitespace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':' after the member name \"\(key)\"") }
      pos += 1
      skipWhitespace()
      let value = try parseValue(path: path + [.key(key)])
      members.append((key, value))
      skipWhitespace()
      guard pos < bytes.count else { throw error("unexpected end of the file inside an object", hint: "a '}' is missing") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        depth -= 1
        return .object(members)
      }
      throw error("expected ',' or '}' in an object")
    }
  }

  private mutating func parseArray(path: [JSONPathComponent]) throws(DataError) -> JSONValue {
    try enter()
    pos += 1
    var elements: [JSONNode] = []
    skipWhitespace()
    if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") {
      pos += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(path: path + [.index(elements.count)]))
      skipWhitespace()
      guard pos < bytes.count else { throw error("unexpected end of the file inside an array", hint: "a ']' is missing") }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        depth -= 1
        return .array(elements)
      }
      throw error("expected ',' or ']' in an array")
    }
  }

  private mutating func parseString() throws(DataError) -> String {
    pos += 1  // opening quote
    var out: [UInt8] = []
    while true {
      guard pos < bytes.count else { throw error("unexpected end of the file inside a string", hint: "a closing '\"' is missing") }
      let b = bytes[pos]
      switch b {
      case UInt8(ascii: "\""):
        pos += 1
        guard let s = String(validating: out, as: UTF8.self) else {
          throw error("a string is not valid UTF-8", hint: "save the file as UTF-8")
        }
        return s
      case UInt8(ascii: "\\"):
        pos += 1
        guard pos < bytes.count else { throw error("unexpected end of the file in an escape sequence") }
        let e = bytes[pos]
        pos += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800...0xDBFF).contains(scalar) {
            guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
              throw error("a \\u escape holds an unpaired surrogate")
            }
            pos += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("a \\u escape holds an unpaired surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00...0xDFFF).contains(scalar) {
            throw error("a \\u escape holds an unpaired surrogate")
          }
          guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
          out.append(contentsOf: Array(String(Character(u)).utf8))
        default:
          throw error("invalid escape sequence '\\\(printable(e))'", hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
      case 0x00..<0x20:
        throw error("a control character (such as a newline) inside a string", hint: "write it as an escape such as \\n")
      default:
        out.append(b)
        pos += 1
      }
    }
  }

  private mutating func parseHex4() throws(DataError) -> UInt32 {
    guard pos + 4 <= bytes.count else { throw error("a \\u escape needs four hexadecimal digits") }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[pos]
      let d: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 55)
      default: throw error("a \\u escape needs four hexadecimal digits")
      }
      v = v * 16 + d
      pos += 1
    }
    return v
  }

  private mutating func parseNumber() throws(DataError) -> JSONValue {
    let start = pos
    var isInteger = true
    if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
    guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else {
      throw error("invalid number: a digit must follow '-'")
    }
    if bytes[pos] == UInt8(ascii: "0") {
      pos += 1
      if pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) {
        throw error("invalid number: leading zeros are not allowed in JSON", hint: "write codes with leading zeros as strings, e.g. \"0114\"")
      }
    } else {
      while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
      isInteger = false
      pos += 1
      guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else {
        throw error("invalid number: a digit must follow the decimal point")
      }
      while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
      isInteger = false
      pos += 1
      if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
      guard pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) else {
        throw error("invalid number: the exponent has no digits")
      }
      while pos < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[pos]) { pos += 1 }
    }
    let text = String(decoding: bytes[start..<pos], as: UTF8.self)
    if isInteger, let i = Int64(text) { return .integer(i) }
    guard let d = Double(text), d.isFinite else {
      throw error("number out of range: \(text)")
    }
    return .number(d)
  }
}
