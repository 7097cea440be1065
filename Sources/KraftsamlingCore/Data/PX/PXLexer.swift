/// Splits the bytes of a PC-Axis file into statements, and finds the
/// `DATA` block (read later, once the dimensions are known).
///
/// Works on bytes: the syntax is ASCII, and the strings are decoded only
/// when `CHARSET`/`CODEPAGE` have been read.
struct PXLexer {
  let bytes: [UInt8]
  let source: String?
  let limits: InputLimits
  private(set) var position = 0
  private(set) var line = 1
  /// The statements before `DATA=`, in order.
  private(set) var statements: [PXRawStatement] = []
  /// Where the data block starts (after `DATA=`) and its line, if found.
  private(set) var data: (offset: Int, line: Int)?
  /// Problems that do not stop the reading (a malformed statement is skipped).
  private(set) var problems: [Diagnostic] = []

  init(bytes: [UInt8], source: String?, limits: InputLimits) {
    self.bytes = bytes
    self.source = source
    self.limits = limits
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  private func location(_ line: Int, _ field: String? = nil) -> SourceLocation {
    SourceLocation(file: source, line: line, field: field)
  }

  /// Reads statements up to `DATA=` or the end.
  ///
  /// - Throws: `px.unterminated-string` (the rest of the file cannot be
  ///   split reliably) and limits.
  mutating func run() throws(DataError) {
    while true {
      skipSpace()
      guard position < bytes.count else { return }
      let start = line
      guard let head = statementHead() else {
        problems.append(
          Diagnostic(
            .error, code: "px.malformed-keyword", "this line is not a KEYWORD=value; statement", at: location(start),
            hint: "each statement is KEYWORD=value; or KEYWORD(\"dimension\")=value; ending with a semicolon"))
        try skipStatement()
        continue
      }
      if head.keyword == "DATA" {
        data = (position, start)
        return
      }
      let tokens = try valueTokens(keyword: head.keyword)
      statements.append(
        PXRawStatement(keyword: head.keyword, language: head.language, arguments: head.arguments, tokens: tokens, line: start))
    }
  }

  private mutating func skipSpace() {
    while position < bytes.count {
      let b = bytes[position]
      if b == UInt8(ascii: "\n") {
        line += 1
      } else if b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") && b != UInt8(ascii: "\r") {
        return
      }
      position += 1
    }
  }

  private static func isKeywordByte(_ b: UInt8) -> Bool {
    (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
      || b == UInt8(ascii: "_")
  }

  /// `KEYWORD[lang]("a","b")=`, or nil when the text is not of this form
  /// (the position is then somewhere inside it).
  private mutating func statementHead() -> (keyword: String, language: String?, arguments: [[UInt8]])? {
    let start = position
    while position < bytes.count, Self.isKeywordByte(bytes[position]) { position += 1 }
    guard position > start, position - start <= 64 else { return nil }
    let keyword = String(decoding: bytes[start..<position], as: UTF8.self).uppercased()
    var language: String? = nil
    if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
      let s = position + 1
      position = s
      while position < bytes.count, Self.isKeywordByte(bytes[position]) { position += 1 }
      guard position < bytes.count, bytes[position] == UInt8(ascii: "]"), position > s else { return nil }
      language = String(decoding: bytes[s..<position], as: UTF8.self)
      position += 1
    }
    var arguments: [[UInt8]] = []
    if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
      position += 1
      guard let args = headArguments() else { return nil }
      arguments = args
    }
    skipInlineSpace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return nil }
    position += 1
    return (keyword, language, arguments)
  }

  /// The quoted arguments after `(` up to `)`, on one line.
  private mutating func headArguments() -> [[UInt8]]? {
    var arguments: [[UInt8]] = []
    while true {
      skipInlineSpace()
      guard position < bytes.count else { return nil }
      let b = bytes[position]
      if b == UInt8(ascii: ")") {
        position += 1
        return arguments
      }
      if b == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard b == UInt8(ascii: "\"") else { return nil }
      let s = position + 1
      guard let end = bytes[s...].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }),
        bytes[end] == UInt8(ascii: "\"")
      else { return nil }
      arguments.append(Array(bytes[s..<end]))
      position = end + 1
    }
  }

  private mutating func skipInlineSpace() {
    while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
      position += 1
    }
  }

  /// Skips to after the next `;` outside quotes (after a malformed head).
  private mutating func skipStatement() throws(DataError) {
    while position < bytes.count {
      let b = bytes[position]
      if b == UInt8(ascii: ";") {
        position += 1
        return
      }
      if b == UInt8(ascii: "\"") {
        _ = try quoted()
        continue
      }
      if b == UInt8(ascii: "\n") { line += 1 }
      position += 1
    }
  }

  /// A quoted string at the position; it must close on its line.
  mutating func quoted() throws(DataError) -> [UInt8] {
    let s = position + 1
    var end = s
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n") { end += 1 }
    guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
      throw DataError(
        code: "px.unterminated-string", "a quoted string is not closed on its line", at: location(line),
        hint: "close the string with \" before the end of the line; a long text continues as a new \"…\" on the next line")
    }
    if end - s > limits.maximumCellBytes {
      throw InputLimits.exceeded("bytes in one string", limit: limits.maximumCellBytes, at: location(line), setting: "maximumCellBytes")
    }
    position = end + 1
    return Array(bytes[s..<end])
  }

  /// The tokens of a value up to its `;` (or the end of the file).
  private mutating func valueTokens(keyword: String) throws(DataError) -> [PXToken] {
    var tokens: [PXToken] = []
    while true {
      skipSpace()
      guard position < bytes.count else { return tokens }
      let b = bytes[position]
      switch b {
      case UInt8(ascii: ";"):
        position += 1
        return tokens
      case UInt8(ascii: "\""): tokens.append(.string(try quoted()))
      case UInt8(ascii: ","): tokens.append(.comma); position += 1
      case UInt8(ascii: "("): tokens.append(.open); position += 1
      case UInt8(ascii: ")"): tokens.append(.close); position += 1
      default:
        let s = position
        while position < bytes.count, Self.isWordByte(bytes[position]) { position += 1 }
        if position == s {
          throw DataError(
            code: "px.malformed-keyword", "unexpected character in the value of \(keyword)", at: location(line, keyword),
            hint: "a value is quoted strings, numbers or words separated by commas, ending with ;")
        }
        let word = String(decoding: bytes[s..<position], as: UTF8.self)
        tokens.append(word == "-" ? .dash : .word(word))
      }
      if tokens.count > limits.maximumCells {
        throw InputLimits.exceeded("values in one statement", limit: limits.maximumCells, at: location(line, keyword), setting: "maximumCells")
      }
    }
  }

  private static func isWordByte(_ b: UInt8) -> Bool {
    isKeywordByte(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "+")
  }
}
