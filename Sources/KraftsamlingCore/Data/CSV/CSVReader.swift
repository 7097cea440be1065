#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One row of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Hashable {
  /// The cells, unquoted.
  package var fields: [String]
  /// The 1-based line on which the record starts (a quoted cell may span
  /// several lines).
  public var line: Int
  /// Creates a record.
  package init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }
}

/// A parsed CSV file: its header, its records and the dialect that was
/// detected.
public struct CSVDocument: Sendable, Hashable {
  /// The file name used in messages (or `<stdin>`).
  public var source: String?
  /// The column names from the first line.
  package var header: [String]
  /// The data rows.
  public var records: [CSVRecord]
  /// The delimiter that was used.
  package var delimiter: Character
  /// The decimal separator numbers are read with.
  package var decimalSeparator: DecimalSeparator
  /// The encoding the text was decoded from.
  package var encoding: TextEncoding
  /// The missing-value markers in force.
  package var missingMarkers: Set<String>
  /// Remarks made while reading (e.g. a Latin-1 fallback).
  package var notes: [Diagnostic]

  /// The index of a column by exact name, or by case-insensitive name.
  package func columnIndex(_ name: String) -> Int? {
    header.firstIndex(of: name) ?? header.firstIndex { nameKey($0) == nameKey(name) }
  }

  /// The location of a cell, for messages.
  package func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: source, line: line, column: column + 1, field: column < header.count ? header[column] : nil)
  }

  /// Parses a cell as a number in this document's dialect, or returns `nil`
  /// if it is not one. Missing markers are not numbers.
  public func number(_ text: String) -> Double? {
    NumberParser.parse(text, decimal: decimalSeparator == .auto ? (delimiter == "," ? .point : .auto) : decimalSeparator)
  }

  /// Whether a cell is one of the missing-value markers.
  package func isMissing(_ text: String) -> Bool { missingMarkers.contains(text.trimmingWhitespace()) }
}

/// The first line of a CSV file, as the streaming reader reports it before
/// any record.
public struct CSVHeader: Sendable, Hashable {
  /// The column names, trimmed.
  public var columns: [String]
  /// The delimiter in use.
  package var delimiter: Character
  /// The decimal separator numbers are read with.
  package var decimalSeparator: DecimalSeparator
  /// The encoding the text is decoded from.
  package var encoding: TextEncoding
  /// The file name used in messages.
  public var source: String?
}

/// Reads CSV files: RFC 4180 (quoted cells with embedded delimiters, quotes
/// and newlines; CRLF, LF or CR line ends) and the Swedish spreadsheet
/// dialect (semicolons, decimal commas, Latin-1), with every problem
/// reported with its line.
///
/// ```swift
/// let doc = try CSVReader.parse("kod;andel\n101;12,5\n", source: "a.csv")
/// doc.delimiter                    // ";"
/// doc.records[0].fields            // ["101", "12,5"]
/// doc.number(doc.records[0].fields[1])  // 12.5
/// ```
///
/// Files are read in 1 MiB chunks: ``forEachRecord(path:dialect:limits:header:record:)``
/// streams records without holding the file in memory (``read(path:dialect:limits:)``
/// collects them). With `encoding: .auto` a file is first scanned for
/// invalid UTF-8 (it is then read as Latin-1); standard input is buffered
/// for that scan.
///
/// Problems that are errors: an unclosed quote (reported at the line where
/// the quote opened), text after a closing quote, a row with more or fewer
/// cells than the header (*ragged row*), an empty or duplicate column
/// name, an empty file, and inputs beyond ``InputLimits``. All of them
/// except exceeded limits are collected and thrown together.
///
/// - Complexity: O(*n*) time in the size of the file; O(size of one record)
///   memory when streaming.
public enum CSVReader {
  /// Reads and parses a file. The path `-` reads standard input.
  ///
  /// - Throws: ``DataError`` `.unreadable` if the file cannot be read,
  ///   `.invalid` with every problem found otherwise.
  public static func read(path: String, dialect: CSVDialect = .auto, limits: InputLimits = .standard)
    throws(DataError) -> CSVDocument
  {
    try read(path: path, dialect: dialect, limits: limits, chunkSize: ByteSource.defaultChunkSize)
  }

  /// ``read(path:dialect:limits:)`` with a chosen chunk size (for tests).
  static func read(path: String, dialect: CSVDialect, limits: InputLimits, chunkSize: Int) throws(DataError)
    -> CSVDocument
  {
    var records: [CSVRecord] = []
    var notes: [Diagnostic] = []
    let header = try forEachRecord(
      path: path, dialect: dialect, limits: limits, chunkSize: chunkSize, notes: &notes, header: { _ throws(DataError) in },
      record: { r throws(DataError) in records.append(r) })
    return CSVDocument(
      source: header.source, header: header.columns, records: records, delimiter: header.delimiter,
      decimalSeparator: header.decimalSeparator, encoding: header.encoding, missingMarkers: dialect.missingMarkers,
      notes: notes)
  }

  /// Streams the records of a file (`-` for standard input) to `record`,
  /// after passing the header to `header`. Ragged rows and other problems
  /// are collected; if any is an error, ``DataError`` is thrown at the end
  /// (so a caller that builds something from the records must discard it,
  /// or merge its own problems into the error's). Every well-formed record
  /// is passed on, also after an error.
  ///
  /// - Returns: The header.
  @discardableResult
  public static func forEachRecord(
    path: String, dialect: CSVDialect = .auto, limits: InputLimits = .standard,
    notes: inout [Diagnostic],
    header: (CSVHeader) throws(DataError) -> Void,
    record: (CSVRecord) throws(DataError) -> Void
  ) throws(DataError) -> CSVHeader {
    try forEachRecord(
      path: path, dialect: dialect, limits: limits, chunkSize: ByteSource.defaultChunkSize, notes: &notes, header: header,
      record: record)
  }

  /// ``forEachRecord(path:dialect:limits:notes:header:record:)`` with a chosen chunk size (for tests).
  @discardableResult
  static func forEachRecord(
    path: String, dialect: CSVDialect, limits: InputLimits, chunkSize: Int,
    notes: inout [Diagnostic],
    header: (CSVHeader) throws(DataError) -> Void,
    record: (CSVRecord) throws(DataError) -> Void
  ) throws(DataError) -> CSVHeader {
    try forEachRecord(
      in: try ByteSource(path: path, chunkSize: chunkSize), dialect: dialect, limits: limits, notes: &notes, header: header,
      record: record)
  }

  /// The one reading path, for files, standard input and memory alike.
  @discardableResult
  static func forEachRecord(
    in src: any ChunkSource, dialect: CSVDialect, limits: InputLimits,
    notes: inout [Diagnostic],
    header: (CSVHeader) throws(DataError) -> Void,
    record: (CSVRecord) throws(DataError) -> Void
  ) throws(DataError) -> CSVHeader {
    do {
      var encoding = dialect.encoding
      var buffered: [[UInt8]]? = nil
      var total = 0
      // Pass 1 (UTF-8 check) unless Latin-1 is forced. Standard input is kept in memory.
      if encoding != .latin1 {
        var validator = UTF8Validator()
        var chunks: [[UInt8]] = []
        var first = true
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
        if let bad = validator.invalidLine {
          if encoding == .utf8 {
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
        if src.isRewindable { src.rewind() } else { buffered = chunks }
      }
      // Pass 2: tokenize.
      var tokenizer: CSVTokenizer? = nil
      var chosenDelimiter = UInt8(ascii: ",")
      var headerInfo: CSVHeader? = nil
      var problems: [Diagnostic] = []
      var rows = 0
      var first = true
      var chunkIndex = 0
      var bytesSeen = 0
      func nextChunk() throws(DataError) -> [UInt8] {
        if let b = buffered {
          defer { chunkIndex += 1 }
          return chunkIndex < b.count ? b[chunkIndex] : []
        }
        return try src.next()
      }
      var rowProblems: [Diagnostic] = []
      func handle(_ r: CSVRecord, broken: Bool) throws(DataError) {
        if headerInfo == nil {
          let columns = r.fields.map { $0.trimmingWhitespace() }
          if columns.count > limits.maximumColumns {
            throw InputLimits.exceeded("columns", limit: limits.maximumColumns, at: SourceLocation(file: src.displayName, line: r.line), setting: "maximumColumns")
          }
          var seen: [String: Int] = [:]
          for (i, name) in columns.enumerated() {
            let loc = SourceLocation(file: src.displayName, line: r.line, column: i + 1)
            if name.isEmpty {
              rowProblems.append(Diagnostic(.error, code: "csv.empty-column-name", "column \(i + 1) has no name", at: loc, hint: "give every column a name in the first line"))
            } else if let f = seen[name] {
              rowProblems.append(Diagnostic(.error, code: "csv.duplicate-column", "column name '\(name)' appears twice (columns \(f + 1) and \(i + 1))", at: loc, hint: "rename one of them"))
            } else {
              seen[name] = i
            }
          }
          let delimiter = chosenDelimiter
          let h = CSVHeader(
            columns: columns, delimiter: Character(UnicodeScalar(delimiter)),
            decimalSeparator: dialect.decimalSeparator == .auto ? (delimiter == UInt8(ascii: ",") ? .point : .auto) : dialect.decimalSeparator,
            encoding: encoding, source: src.displayName)
          headerInfo = h
          try header(h)
          return
        }
        if r.fields.count == 1 && r.fields[0].isEmpty { return }  // blank line
        if broken { return }
        let width = headerInfo!.columns.count
        if r.fields.count != width {
          rowProblems.append(
            Diagnostic(
              .error, code: "csv.ragged-row", "row has \(r.fields.count) cells but the header has \(width)",
              at: SourceLocation(file: src.displayName, line: r.line),
              hint: r.fields.count > width
                ? "a cell may contain the delimiter '\(headerInfo!.delimiter)': put it in double quotes"
                : "add the missing cells (leave them empty for missing values)"))
          return
        }
        rows += 1
        if rows > limits.maximumRows {
          throw InputLimits.exceeded("rows", limit: limits.maximumRows, at: SourceLocation(file: src.displayName, line: r.line), setting: "maximumRows")
        }
        // Well-formed records are passed on even after an error, so that a
        // caller can report the problems of their cells in the same run.
        try record(r)
      }
      while true {
        var chunk = try nextChunk()
        bytesSeen += chunk.count
        if buffered == nil && encoding == .latin1 && bytesSeen > limits.maximumBytes {
          throw InputLimits.exceeded("bytes", limit: limits.maximumBytes, at: SourceLocation(file: src.displayName), setting: "maximumBytes")
        }
        if encoding == .latin1 { chunk = TextDecoder.transcodeWindows1252(chunk) }
        if first {
          first = false
          if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk.removeFirst(3) }
          let delimiter: UInt8
          if let d = dialect.delimiter {
            guard let a = d.asciiValue, a != UInt8(ascii: "\""), a != 0x0A, a != 0x0D else {
              throw DataError(code: "csv.bad-delimiter", "the delimiter must be one ASCII character other than a quote or newline")
            }
            delimiter = a
          } else {
            delimiter = detectDelimiter(chunk)
          }
          chosenDelimiter = delimiter
          tokenizer = CSVTokenizer(delimiter: delimiter, source: src.displayName, maximumCellBytes: limits.maximumCellBytes)
        }
        if chunk.isEmpty { break }
        var tokenProblems: [Diagnostic] = []
        try tokenizer!.feed(chunk, problems: &tokenProblems, emit: handle)
        problems += tokenProblems
      }
      var tokenProblems: [Diagnostic] = []
      try tokenizer!.finish(problems: &tokenProblems, emit: handle)
      problems += tokenProblems
      problems = (problems + rowProblems).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
      guard let h = headerInfo else {
        problems.append(
          Diagnostic(.error, code: "csv.empty", "the file is empty", at: SourceLocation(file: src.displayName, line: 1),
            hint: "the first line must name the columns"))
        throw DataError(diagnostics: notes + problems)
      }
      if problems.containsErrors { throw DataError(diagnostics: notes + problems) }
      notes += problems
      return h
    }
  }

  /// Parses CSV text.
  public static func parse(_ text: String, source: String? = nil, dialect: CSVDialect = .auto, limits: InputLimits = .standard)
    throws(DataError) -> CSVDocument
  {
    try parse(bytes: Array(text.utf8), source: source, dialect: dialect, limits: limits)
  }

  /// Parses CSV bytes in the given dialect (the same reading path as files).
  public static func parse(bytes raw: [UInt8], source: String? = nil, dialect: CSVDialect = .auto, limits: InputLimits = .standard)
    throws(DataError) -> CSVDocument
  {
    try parse(bytes: raw, source: source, dialect: dialect, limits: limits, chunkSize: ByteSource.defaultChunkSize)
  }

  /// ``parse(bytes:source:dialect:limits:)`` with a chosen chunk size (for tests).
  static func parse(bytes raw: [UInt8], source: String?, dialect: CSVDialect, limits: InputLimits, chunkSize: Int)
    throws(DataError) -> CSVDocument
  {
    var records: [CSVRecord] = []
    var notes: [Diagnostic] = []
    let header = try forEachRecord(
      in: MemorySource(bytes: raw, displayName: source, chunkSize: chunkSize), dialect: dialect, limits: limits,
      notes: &notes, header: { _ throws(DataError) in }, record: { r throws(DataError) in records.append(r) })
    return CSVDocument(
      source: source, header: header.columns, records: records, delimiter: header.delimiter,
      decimalSeparator: header.decimalSeparator, encoding: header.encoding, missingMarkers: dialect.missingMarkers,
      notes: notes)
  }

  /// The most frequent of `,` `;` tab `|` outside quotes on the first line
  /// (comma on a tie or when none occurs).
  static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
    let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]
    var counts = [Int](repeating: 0, count: candidates.count)
    var inQuotes = false
    for b in bytes {
      if b == UInt8(ascii: "\"") { inQuotes.toggle() }
      if !inQuotes && (b == 0x0A || b == 0x0D) { break }
      if !inQuotes, let k = candidates.firstIndex(of: b) { counts[k] += 1 }
    }
    var best = 0
    for k in 1..<candidates.count where counts[k] > counts[best] { best = k }
    return candidates[best]
  }
}

/// Splits UTF-8 bytes into records, one byte at a time, so input can arrive
/// in chunks of any size.
struct CSVTokenizer {
  let delimiter: UInt8
  let source: String?
  let maximumCellBytes: Int
  private var fields: [String] = []
  private var field: [UInt8] = []
  private var line = 1
  private var recordLine = 1
  private var column = 1
  private var fieldStart = true
  private var inQuotes = false
  private var quotePending = false
  private var afterQuote = false
  private var garbageReported = false
  private var skipLF = false
  private var lastWasCR = false
  private var recordHasContent = false
  private var quoteLine = 1
  private var quoteColumn = 1

  init(delimiter: UInt8, source: String?, maximumCellBytes: Int) {
    self.delimiter = delimiter
    self.source = source
    self.maximumCellBytes = maximumCellBytes
  }

  typealias Emit = (CSVRecord, _ broken: Bool) throws(DataError) -> Void

  private mutating func endField() {
    fields.append(String(decoding: field, as: UTF8.self))
    field.removeAll(keepingCapacity: true)
    column += 1
    fieldStart = true
    afterQuote = false
    garbageReported = false
  }

  private mutating func endRecord(_ emit: Emit, broken: Bool = false) throws(DataError) {
    endField()
    let r = CSVRecord(fields: fields, line: recordLine)
    fields.removeAll(keepingCapacity: true)
    line += 1
    recordLine = line
    column = 1
    recordHasContent = false
    try emit(r, broken)
  }

  mutating func feed(_ bytes: [UInt8], problems: inout [Diagnostic], emit: Emit) throws(DataError) {
    let quote = UInt8(ascii: "\"")
    for b in bytes {
      if skipLF {
        skipLF = false
        if b == 0x0A { continue }
      }
      recordHasContent = true
      if inQuotes {
        if quotePending {
          quotePending = false
          if b == quote {
            field.append(quote)
            continue
          }
          inQuotes = false
          afterQuote = true
          // b is handled below as the byte after a closing quote.
        } else {
          if b == quote {
            quotePending = true
            continue
          }
          if b == 0x0A {
            if !lastWasCR { line += 1 }
            lastWasCR = false
          } else if b == 0x0D {
            line += 1
            lastWasCR = true
          } else {
            lastWasCR = false
          }
          field.append(b)
          if field.count > maximumCellBytes {
            throw InputLimits.exceeded(
              "bytes in one cell (a quote may be unclosed)", limit: maximumCellBytes,
              at: SourceLocation(file: source, line: quoteLine, column: quoteColumn), setting: "maximumCellBytes")
          }
          continue
        }
      }
      if afterQuote {
        if b == delimiter {
          endField()
          continue
        }
        if b == 0x0A || b == 0x0D {
          try endRecord(emit)
          if b == 0x0D { skipLF = true }
          continue
        }
        if !garbageReported {
          garbageReported = true
          problems.append(
            Diagnostic(
              .error, code: "csv.text-after-quote", "unexpected text after a closing quote",
              at: SourceLocation(file: source, line: line, column: column),
              hint: "quote the whole cell, and write a quote inside it twice (\"\")"))
        }
        field.append(b)
        continue
      }
      if b == quote && fieldStart {
        inQuotes = true
        lastWasCR = false
        quoteLine = line
        quoteColumn = column
        fieldStart = false
        continue
      }
      if b == delimiter {
        endField()
        continue
      }
      if b == 0x0A || b == 0x0D {
        try endRecord(emit)
        if b == 0x0D { skipLF = true }
        continue
      }
      field.append(b)
      fieldStart = false
      if field.count > maximumCellBytes {
        throw InputLimits.exceeded(
          "bytes in one cell", limit: maximumCellBytes, at: SourceLocation(file: source, line: line, column: column),
          setting: "maximumCellBytes")
      }
    }
  }

  mutating func finish(problems: inout [Diagnostic], emit: Emit) throws(DataError) {
    if inQuotes && !quotePending {
      problems.append(
        Diagnostic(
          .error, code: "csv.unclosed-quote", "a quoted cell is never closed",
          at: SourceLocation(file: source, line: quoteLine, column: quoteColumn),
          hint: "add the closing double quote; a quote inside a quoted cell is written twice (\"\")"))
      inQuotes = false
      try endRecord(emit, broken: true)
      return
    }
    if recordHasContent { try endRecord(emit) }
  }
}
