extension PXCube {
  /// Reads a PC-Axis file (`-` for standard input).
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - limits: Caps on the file's bytes (``InputLimits/maximumBytes``), its
  ///     cells (``InputLimits/maximumCells``) and one string
  ///     (``InputLimits/maximumCellBytes``).
  /// - Throws: ``DataError`` with every problem found, each located by file
  ///   and line with a hint: codes `px.malformed-keyword`,
  ///   `px.unterminated-string`, `px.bad-encoding`, `px.missing-stub-heading`,
  ///   `px.missing-values`, `px.cell-count`, `px.bad-cell`, …; `.unreadable`
  ///   when the file cannot be read.
  public static func read(path: String, limits: InputLimits = .standard) throws(DataError) -> PXCube {
    let bytes = try FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes)
    return try parse(bytes: bytes, source: FileInput.displayName(path), limits: limits)
  }

  /// Parses the bytes of a PC-Axis file; see ``read(path:limits:)``.
  public static func parse(bytes: [UInt8], source: String? = nil, limits: InputLimits = .standard) throws(DataError)
    -> PXCube
  {
    try limits.checkBytes(bytes.count, file: source)
    var lexer = PXLexer(bytes: bytes, source: source, limits: limits)
    try lexer.run()
    var problems = lexer.problems
    let charset = try PXCharset.declared(by: lexer.statements, source: source)
    let statements = decode(lexer.statements, charset: charset, source: source, problems: &problems)
    if problems.containsErrors { throw DataError(diagnostics: problems) }
    var builder = PXCubeBuilder(statements: statements, source: source)
    let dimensions = builder.dimensions()
    problems += builder.problems
    if problems.containsErrors { throw DataError(diagnostics: problems) }
    guard let data = lexer.data else {
      throw DataError(
        code: "px.no-data", "the file has no DATA= block", at: SourceLocation(file: source, line: lexer.line),
        hint: "a PC-Axis file ends with DATA= followed by the cells and a semicolon")
    }
    var cells = PXDataReader(
      bytes: bytes, start: data.offset, line: data.line, source: source, symbols: builder.declaredSymbols(), limits: limits)
    try cells.read(dimensions: dimensions)
    if cells.problems.containsErrors { throw DataError(diagnostics: problems + cells.problems) }
    return PXCube(
      dimensions: dimensions, values: cells.values, symbols: cells.symbols, language: builder.language,
      languages: builder.languages, statements: builder.statements, source: source, charset: charset.rawValue)
  }

  /// Decodes the strings of every statement; a string that is not valid in
  /// the character set is a `px.bad-encoding` problem on its line (one per line).
  private static func decode(
    _ raw: [PXRawStatement], charset: PXCharset, source: String?, problems: inout [Diagnostic]
  ) -> [PXStatement] {
    var badLines = Set<Int>()
    func text(_ b: [UInt8], _ s: PXRawStatement) -> String {
      if let t = charset.decode(b) { return t }
      if badLines.insert(s.line).inserted {
        problems.append(
          Diagnostic(
            .error, code: "px.bad-encoding", "the text of \(s.keyword) is not valid \(charset.rawValue)",
            at: SourceLocation(file: source, line: s.line, field: s.keyword),
            hint: "a file in Windows-1252 (Latin-1) must say CHARSET=\"ANSI\"; otherwise save it as UTF-8"))
      }
      return String(decoding: TextDecoder.transcodeWindows1252(b), as: UTF8.self)
    }
    return raw.map { s in
      var items: [String] = []
      var words: [String] = []
      var depth = 0
      var joinable = false
      for (i, t) in s.tokens.enumerated() {
        switch t {
        case .string(let b):
          let value = text(b, s)
          if joinable, depth == 0, !items.isEmpty { items[items.count - 1] += value } else if depth == 0 { items.append(value) }
          joinable = true
          continue
        case .word(let w):
          words.append(w)
          let call = i + 1 < s.tokens.count && s.tokens[i + 1] == .open
          if depth == 0 && !call { items.append(w) }
        case .open: depth += 1
        case .close: depth = max(0, depth - 1)
        case .comma, .dash: break
        }
        joinable = false
      }
      return PXStatement(
        keyword: s.keyword, language: s.language, arguments: s.arguments.map { text($0, s) }, items: items, words: words,
        line: s.line)
    }
  }
}
