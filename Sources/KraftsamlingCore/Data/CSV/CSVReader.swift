#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One row of a CSV file, with the line it starts on.
package struct CSVRecord: Sendable, Hashable {
  /// The cells, unquoted.
  package var fields: [String]
  /// The 1-based line on which the record starts (a quoted cell may span
  /// several lines).
  package var line: Int
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
  package var source: String?
  /// The column names from the first line.
  package var header: [String]
  /// The data rows.
  package var records: [CSVRecord]
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
  package func number(_ text: String) -> Double? {
    NumberParser.parse(text, decimal: decimalSeparator == .auto ? (delimiter == "," ? .point : .auto) : decimalSeparator)
  }

  /// Whether a cell is one of the missing-value markers.
  package func isMissing(_ text: String) -> Bool { missingMarkers.contains(text.trimmingWhitespace()) }
}

/// The first line of a CSV file, as the streaming reader reports it before
/// any record.
package struct CSVHeader: Sendable, Hashable {
  /// The column names, trimmed.
  package var columns: [String]
  /// The delimiter in use.
  package var delimiter: Character
  /// The decimal separator numbers are read with.
  package var decimalSeparator: DecimalSeparator
  /// The encoding the text is decoded from.
  package var encoding: TextEncoding
  /// The file name used in messages.
  package var source: String?
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
  package static func forEachRecord(
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
    let (encoding, buffered) = try detectEncoding(of: src, dialect: dialect, limits: limits, notes: &notes)
    var checker = CSVRecordChecker(dialect: dialect, limits: limits, encoding: encoding, source: src.displayName)
    var problems = try tokenize(
      src, buffered: buffered, encoding: encoding, dialect: dialect, limits: limits, checker: &checker, header: header,
      record: record)
    problems = (problems + checker.problems).sorted { ($0.location.line ?? 0) < ($1.location.line ?? 0) }
    guard let h = checker.header else {
      problems.append(
        Diagnostic(.error, code: "csv.empty", "the file is empty", at: SourceLocation(file: src.displayName, line: 1),
          hint: "the first line must name the columns"))
      throw DataError(diagnostics: notes + problems)
    }
    if problems.containsErrors { throw DataError(diagnostics: notes + problems) }
    notes += problems
    return h
  }

  /// Parses CSV text.
  public static func parse(_ text: String, source: String? = nil, dialect: CSVDialect = .auto, limits: InputLimits = .standard)
    throws(DataError) -> CSVDocument
  {
    try parse(bytes: Array(text.utf8), source: source, dialect: dialect, limits: limits)
  }

  /// Parses CSV bytes in the given dialect (the same reading path as files).
  package static func parse(bytes raw: [UInt8], source: String? = nil, dialect: CSVDialect = .auto, limits: InputLimits = .standard)
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

  /// Splits the bytes into cells and records, passing each record to
  /// `emit` and collecting problems; the state carries over to the next chunk.
  mutating func feed(_ bytes: [UInt8], problems: inout [Diagnostic], emit: Emit) throws(DataError) {
    let quote = UInt8(ascii: "\"")
    for b in bytes {
      if skipLF {
        skipLF = false
        if b == 0x0A { continue }
      }
      recordHasContent = true
      if inQuotes {
        if try quotedByte(b) { continue }
        // b is handled below as the byte after a closing quote.
      }
      if afterQuote {
        try byteAfterQuote(b, problems: &problems, emit: emit)
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

  /// A byte inside a quoted cell: a doubled quote, the closing quote, or
  /// content (line ends counted).
  ///
  /// - Returns: Whether the byte was consumed; `false` for the byte after
  ///   a closing quote, which the caller handles as such.
  @inline(__always)
  private mutating func quotedByte(_ b: UInt8) throws(DataError) -> Bool {
    let quote = UInt8(ascii: "\"")
    if quotePending {
      quotePending = false
      if b == quote {
        field.append(quote)
        return true
      }
      inQuotes = false
      afterQuote = true
      return false
    }
    if b == quote {
      quotePending = true
      return true
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
    return true
  }

  /// A byte after a closing quote: a delimiter or a line end, or else text
  /// that is reported (once per cell) and kept.
  @inline(__always)
  private mutating func byteAfterQuote(_ b: UInt8, problems: inout [Diagnostic], emit: Emit) throws(DataError) {
    if b == delimiter {
      endField()
      return
    }
    if b == 0x0A || b == 0x0D {
      try endRecord(emit)
      if b == 0x0D { skipLF = true }
      return
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
