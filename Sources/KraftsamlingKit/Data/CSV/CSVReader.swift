#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// One row of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Hashable {
  /// The cells, unquoted.
  public var fields: [String]
  /// The 1-based line on which the record starts (a quoted cell may span
  /// several lines).
  public var line: Int
  /// Creates a record.
  public init(fields: [String], line: Int) {
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
  public var header: [String]
  /// The data rows.
  public var records: [CSVRecord]
  /// The delimiter that was used.
  public var delimiter: Character
  /// The decimal separator numbers are read with.
  public var decimalSeparator: DecimalSeparator
  /// The encoding the text was decoded from.
  public var encoding: TextEncoding
  /// The missing-value markers in force.
  public var missingMarkers: Set<String>
  /// Remarks made while reading (e.g. a Latin-1 fallback).
  public var notes: [Diagnostic]

  /// The index of a column by exact name, or by case-insensitive name.
  public func columnIndex(_ name: String) -> Int? {
    header.firstIndex(of: name) ?? header.firstIndex { nameKey($0) == nameKey(name) }
  }

  /// The location of a cell, for messages.
  public func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: source, line: line, column: column + 1, field: column < header.count ? header[column] : nil)
  }

  /// Parses a cell as a number in this document's dialect, or returns `nil`
  /// if it is not one. Missing markers are not numbers.
  public func number(_ text: String) -> Double? {
    NumberParser.parse(text, decimal: decimalSeparator == .auto ? (delimiter == "," ? .point : .auto) : decimalSeparator)
  }

  /// Whether a cell is one of the missing-value markers.
  public func isMissing(_ text: String) -> Bool { missingMarkers.contains(text.trimmingWhitespace()) }
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
/// Problems that are errors: an unclosed quote (reported at the line where
/// the quote opened), text after a closing quote, a row with more or fewer
/// cells than the header (*ragged row*), an empty or duplicate column
/// name, an empty file. All of them are collected and thrown together.
///
/// - Complexity: O(*n*) in the size of the file.
public enum CSVReader {
  /// The largest file read by default: 512 MiB.
  public static let defaultMaximumBytes = 512 << 20

  /// Reads and parses a file. The path `-` reads standard input.
  ///
  /// - Throws: ``DataError`` `.unreadable` if the file cannot be read,
  ///   `.invalid` with every problem found otherwise.
  public static func read(
    path: String, dialect: CSVDialect = .auto, maximumBytes: Int = defaultMaximumBytes
  ) throws(DataError) -> CSVDocument {
    let bytes = try FileInput.readBytes(path: path, maximumBytes: maximumBytes)
    return try parse(bytes: bytes, source: FileInput.displayName(path), dialect: dialect)
  }

  /// Parses CSV text.
  public static func parse(_ text: String, source: String? = nil, dialect: CSVDialect = .auto) throws(DataError)
    -> CSVDocument
  {
    try parse(bytes: Array(text.utf8), source: source, dialect: dialect)
  }

  /// Parses CSV bytes in the given dialect.
  public static func parse(bytes raw: [UInt8], source: String? = nil, dialect: CSVDialect = .auto) throws(DataError)
    -> CSVDocument
  {
    let decoded = try TextDecoder.decode(raw, encoding: dialect.encoding, file: source)
    let bytes = decoded.bytes
    let delimiter: UInt8
    if let d = dialect.delimiter {
      guard let a = d.asciiValue, a != UInt8(ascii: "\""), a != 0x0A, a != 0x0D else {
        throw DataError(code: "csv.bad-delimiter", "the delimiter must be one ASCII character other than a quote or newline")
      }
      delimiter = a
    } else {
      delimiter = detectDelimiter(bytes)
    }
    var parser = CSVTokenizer(bytes: bytes, delimiter: delimiter, source: source)
    var problems: [Diagnostic] = []
    guard let headerRecord = parser.next(problems: &problems) else {
      problems.append(
        Diagnostic(.error, code: "csv.empty", "the file is empty", at: SourceLocation(file: source, line: 1),
          hint: "the first line must name the columns"))
      throw DataError(diagnostics: problems)
    }
    let header = headerRecord.fields.map { $0.trimmingWhitespace() }
    var seen: [String: Int] = [:]
    for (i, name) in header.enumerated() {
      let loc = SourceLocation(file: source, line: headerRecord.line, column: i + 1)
      if name.isEmpty {
        problems.append(Diagnostic(.error, code: "csv.empty-column-name", "column \(i + 1) has no name", at: loc, hint: "give every column a name in the first line"))
      } else if let first = seen[name] {
        problems.append(
          Diagnostic(.error, code: "csv.duplicate-column", "column name '\(name)' appears twice (columns \(first + 1) and \(i + 1))", at: loc, hint: "rename one of them"))
      } else {
        seen[name] = i
      }
    }
    var records: [CSVRecord] = []
    while let record = parser.next(problems: &problems) {
      if record.fields.count == 1 && record.fields[0].isEmpty { continue }  // blank line
      if parser.lastRecordBroken { continue }
      if record.fields.count != header.count {
        problems.append(
          Diagnostic(
            .error, code: "csv.ragged-row",
            "row has \(record.fields.count) cells but the header has \(header.count)",
            at: SourceLocation(file: source, line: record.line),
            hint: record.fields.count > header.count
              ? "a cell may contain the delimiter '\(Character(UnicodeScalar(delimiter)))': put it in double quotes"
              : "add the missing cells (leave them empty for missing values)"))
        continue
      }
      records.append(record)
    }
    if problems.containsErrors { throw DataError(diagnostics: decoded.notes + problems) }
    return CSVDocument(
      source: source, header: header, records: records, delimiter: Character(UnicodeScalar(delimiter)),
      decimalSeparator: dialect.decimalSeparator == .auto ? (delimiter == UInt8(ascii: ",") ? .point : .auto) : dialect.decimalSeparator,
      encoding: decoded.encoding, missingMarkers: dialect.missingMarkers, notes: decoded.notes + problems)
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

/// Splits UTF-8 bytes into records. Streaming-friendly: it holds only a
/// position into the buffer.
struct CSVTokenizer {
  let bytes: [UInt8]
  let delimiter: UInt8
  let source: String?
  var pos = 0
  var line = 1
  /// Whether the last record returned ended in an unclosed quote (so its
  /// cell count means nothing).
  var lastRecordBroken = false

  init(bytes: [UInt8], delimiter: UInt8, source: String?) {
    self.bytes = bytes
    self.delimiter = delimiter
    self.source = source
  }

  /// The next record, or nil at the end. Problems are appended to `problems`.
  mutating func next(problems: inout [Diagnostic]) -> CSVRecord? {
    guard pos < bytes.count else { return nil }
    lastRecordBroken = false
    let startLine = line
    var fields: [String] = []
    var field: [UInt8] = []
    var fieldStart = true
    var column = 1
    while pos < bytes.count {
      let b = bytes[pos]
      if fieldStart && b == UInt8(ascii: "\"") {
        // A quoted field.
        let quoteLine = line
        pos += 1
        var closed = false
        while pos < bytes.count {
          let c = bytes[pos]
          if c == UInt8(ascii: "\"") {
            if pos + 1 < bytes.count && bytes[pos + 1] == UInt8(ascii: "\"") {
              field.append(c)
              pos += 2
              continue
            }
            pos += 1
            closed = true
            break
          }
          if c == 0x0A {
            line += 1
          } else if c == 0x0D {
            line += 1
            if pos + 1 < bytes.count && bytes[pos + 1] == 0x0A {
              field.append(0x0D)
              pos += 1
              field.append(0x0A)
              pos += 1
              continue
            }
          }
          field.append(c)
          pos += 1
        }
        if !closed {
          problems.append(
            Diagnostic(
              .error, code: "csv.unclosed-quote", "a quoted cell is never closed",
              at: SourceLocation(file: source, line: quoteLine, column: column),
              hint: "add the closing double quote; a quote inside a quoted cell is written twice (\"\")"))
          fields.append(String(decoding: field, as: UTF8.self))
          lastRecordBroken = true
          return CSVRecord(fields: fields, line: startLine)
        }
        fieldStart = false
        // After the closing quote: only a delimiter, a line end or the end.
        if pos < bytes.count {
          let c = bytes[pos]
          if c != delimiter && c != 0x0A && c != 0x0D {
            problems.append(
              Diagnostic(
                .error, code: "csv.text-after-quote", "unexpected text after a closing quote",
                at: SourceLocation(file: source, line: line, column: column),
                hint: "quote the whole cell, and write a quote inside it twice (\"\")"))
            // Skip to the next delimiter or line end to recover.
            while pos < bytes.count && bytes[pos] != delimiter && bytes[pos] != 0x0A && bytes[pos] != 0x0D {
              field.append(bytes[pos])
              pos += 1
            }
          }
        }
        continue
      }
      if b == delimiter {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldStart = true
        column += 1
        pos += 1
        continue
      }
      if b == 0x0A || b == 0x0D {
        pos += 1
        if b == 0x0D && pos < bytes.count && bytes[pos] == 0x0A { pos += 1 }
        line += 1
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(fields: fields, line: startLine)
      }
      field.append(b)
      fieldStart = false
      pos += 1
    }
    fields.append(String(decoding: field, as: UTF8.self))
    return CSVRecord(fields: fields, line: startLine)
  }
}
