/// The two passes of ``CSVReader``'s one reading path: the encoding check
/// (pass 1) and tokenising with the checks of the header and the rows
/// (pass 2).
extension CSVReader {
  /// Pass 1, unless Latin-1 is forced: the encoding is UTF-8 when every
  /// byte is valid UTF-8, otherwise Latin-1 with a note (or an error when
  /// UTF-8 was asked for). The source is rewound for pass 2; standard input
  /// is kept in memory instead.
  ///
  /// - Returns: The encoding and, for a source that cannot rewind, its chunks.
  static func detectEncoding(
    of src: any ChunkSource, dialect: CSVDialect, limits: InputLimits, notes: inout [Diagnostic]
  ) throws(DataError) -> (encoding: TextEncoding, buffered: [[UInt8]]?) {
    guard dialect.encoding != .latin1 else { return (.latin1, nil) }
    var (invalidLine, chunks) = try scanUTF8(src, limits: limits)
    let encoding: TextEncoding
    if let bad = invalidLine {
      if dialect.encoding == .utf8 {
        throw DataError(
          code: "text.invalid-utf8", "the file is not valid UTF-8", at: SourceLocation(file: src.displayName, line: bad),
          hint: "it may be Latin-1: use --encoding latin1")
      }
      notes.append(
        Diagnostic(
          .note, code: "text.latin1-fallback",
          "the file is not valid UTF-8 (first at line \(bad)); read as Latin-1 (Windows-1252)",
          at: SourceLocation(file: src.displayName), hint: "use --encoding utf8 to make this an error"))
      encoding = .latin1
      if !src.isRewindable {
        // Read the rest of standard input to re-decode it all.
        while true {
          let chunk = try src.next()
          if chunk.isEmpty { break }
          chunks.append(chunk)
        }
      }
    } else {
      encoding = .utf8
    }
    if src.isRewindable {
      src.rewind()
      return (encoding, nil)
    }
    return (encoding, chunks)
  }

  /// Reads the source up to its end or its first invalid UTF-8 byte,
  /// refusing UTF-16 and more than the byte limit, and skipping a UTF-8
  /// byte-order mark.
  ///
  /// - Returns: The line of the first invalid byte, if any, and the chunks
  ///   read (kept only for a source that cannot rewind).
  private static func scanUTF8(_ src: any ChunkSource, limits: InputLimits) throws(DataError) -> (
    invalidLine: Int?, chunks: [[UInt8]]
  ) {
    var validator = UTF8Validator()
    var chunks: [[UInt8]] = []
    var first = true
    var total = 0
    while true {
      var chunk = try src.next()
      if first {
        first = false
        if chunk.starts(with: [0xFF, 0xFE]) || chunk.starts(with: [0xFE, 0xFF]) {
          throw DataError(
            code: "text.utf16", "the file is UTF-16 encoded", at: SourceLocation(file: src.displayName, line: 1),
            hint: "save it as 'CSV UTF-8' (or Latin-1) in your spreadsheet program")
        }
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
      }
      total += chunk.count
      if total > limits.maximumBytes {
        throw InputLimits.exceeded("bytes", limit: limits.maximumBytes, at: SourceLocation(file: src.displayName), setting: "maximumBytes")
      }
      let ok = validator.feed(chunk, isLast: chunk.isEmpty)
      if !src.isRewindable { chunks.append(chunk) }
      if chunk.isEmpty || !ok { break }
    }
    return (validator.invalidLine, chunks)
  }

  /// Pass 2: feeds the text chunk by chunk (Latin-1 transcoded to UTF-8)
  /// to a tokenizer whose delimiter is given or detected from the first
  /// line, and each record through `checker` to `header` and `record`.
  ///
  /// - Returns: The tokenizer's problems.
  static func tokenize(
    _ src: any ChunkSource, buffered: [[UInt8]]?, encoding: TextEncoding, dialect: CSVDialect, limits: InputLimits,
    checker: inout CSVRecordChecker, header: (CSVHeader) throws(DataError) -> Void,
    record: (CSVRecord) throws(DataError) -> Void
  ) throws(DataError) -> [Diagnostic] {
    func emit(_ r: CSVRecord, broken: Bool) throws(DataError) {
      try checker.handle(r, broken: broken, onHeader: header, onRecord: record)
    }
    var tokenizer: CSVTokenizer? = nil
    var problems: [Diagnostic] = []
    var chunkIndex = 0
    var bytesSeen = 0
    while true {
      var chunk: [UInt8]
      if let b = buffered {
        chunk = chunkIndex < b.count ? b[chunkIndex] : []
        chunkIndex += 1
      } else {
        chunk = try src.next()
      }
      bytesSeen += chunk.count
      if buffered == nil && encoding == .latin1 && bytesSeen > limits.maximumBytes {
        throw InputLimits.exceeded("bytes", limit: limits.maximumBytes, at: SourceLocation(file: src.displayName), setting: "maximumBytes")
      }
      if encoding == .latin1 { chunk = TextDecoder.transcodeWindows1252(chunk) }
      if tokenizer == nil {
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
        let delimiter = try chooseDelimiter(dialect, firstChunk: chunk)
        checker.delimiter = delimiter
        tokenizer = CSVTokenizer(delimiter: delimiter, source: src.displayName, maximumCellBytes: limits.maximumCellBytes)
      }
      if chunk.isEmpty { break }
      var tokenProblems: [Diagnostic] = []
      try tokenizer!.feed(chunk, problems: &tokenProblems, emit: emit)
      problems += tokenProblems
    }
    var tokenProblems: [Diagnostic] = []
    try tokenizer!.finish(problems: &tokenProblems, emit: emit)
    problems += tokenProblems
    return problems
  }

  /// The dialect's delimiter, or the one detected on the first line.
  ///
  /// - Throws: `csv.bad-delimiter` for a delimiter that is not one ASCII
  ///   character other than a quote or a line end.
  private static func chooseDelimiter(_ dialect: CSVDialect, firstChunk chunk: [UInt8]) throws(DataError) -> UInt8 {
    guard let d = dialect.delimiter else { return detectDelimiter(chunk) }
    guard let a = d.asciiValue, a != UInt8(ascii: "\""), a != 0x0A, a != 0x0D else {
      throw DataError(code: "csv.bad-delimiter", "the delimiter must be one ASCII character other than a quote or newline")
    }
    return a
  }
}

/// The checks pass 2 makes of the records: the first is the header (names
/// present and unique, not too many columns); the others are passed on when
/// they have the header's width, and counted against the row limit. Blank
/// lines and records broken by an unclosed quote are skipped.
struct CSVRecordChecker {
  let dialect: CSVDialect
  let limits: InputLimits
  let encoding: TextEncoding
  let source: String?
  /// The delimiter, set by pass 2 before the first record.
  var delimiter = UInt8(ascii: ",")
  /// The header, once read.
  private(set) var header: CSVHeader? = nil
  /// Problems of the header and the rows.
  private(set) var problems: [Diagnostic] = []
  private var rows = 0

  init(dialect: CSVDialect, limits: InputLimits, encoding: TextEncoding, source: String?) {
    self.dialect = dialect
    self.limits = limits
    self.encoding = encoding
    self.source = source
  }

  /// Checks one record and passes it on to `onHeader` (the first) or
  /// `onRecord` (a well-formed row — also after an error, so that a caller
  /// can report the problems of its cells in the same run).
  mutating func handle(
    _ r: CSVRecord, broken: Bool, onHeader: (CSVHeader) throws(DataError) -> Void,
    onRecord: (CSVRecord) throws(DataError) -> Void
  ) throws(DataError) {
    guard let headerInfo = header else {
      let h = try readHeader(r)
      header = h
      try onHeader(h)
      return
    }
    if r.fields.count == 1 && r.fields[0].isEmpty { return }  // blank line
    if broken { return }
    let width = headerInfo.columns.count
    if r.fields.count != width {
      problems.append(
        Diagnostic(
          .error, code: "csv.ragged-row", "row has \(r.fields.count) cells but the header has \(width)",
          at: SourceLocation(file: source, line: r.line),
          hint: r.fields.count > width
            ? "a cell may contain the delimiter '\(headerInfo.delimiter)': put it in double quotes"
            : "add the missing cells (leave them empty for missing values)"))
      return
    }
    rows += 1
    if rows > limits.maximumRows {
      throw InputLimits.exceeded("rows", limit: limits.maximumRows, at: SourceLocation(file: source, line: r.line), setting: "maximumRows")
    }
    try onRecord(r)
  }

  /// The header from the first record; empty and duplicate names are
  /// problems.
  ///
  /// - Throws: When there are more columns than the limit.
  private mutating func readHeader(_ r: CSVRecord) throws(DataError) -> CSVHeader {
    let columns = r.fields.map { $0.trimmingWhitespace() }
    if columns.count > limits.maximumColumns {
      throw InputLimits.exceeded("columns", limit: limits.maximumColumns, at: SourceLocation(file: source, line: r.line), setting: "maximumColumns")
    }
    var seen: [String: Int] = [:]
    for (i, name) in columns.enumerated() {
      let loc = SourceLocation(file: source, line: r.line, column: i + 1)
      if name.isEmpty {
        problems.append(Diagnostic(.error, code: "csv.empty-column-name", "column \(i + 1) has no name", at: loc, hint: "give every column a name in the first line"))
      } else if let f = seen[name] {
        problems.append(Diagnostic(.error, code: "csv.duplicate-column", "column name '\(name)' appears twice (columns \(f + 1) and \(i + 1))", at: loc, hint: "rename one of them"))
      } else {
        seen[name] = i
      }
    }
    return CSVHeader(
      columns: columns, delimiter: Character(UnicodeScalar(delimiter)),
      decimalSeparator: dialect.decimalSeparator == .auto ? (delimiter == UInt8(ascii: ",") ? .point : .auto) : dialect.decimalSeparator,
      encoding: encoding, source: source)
  }
}
