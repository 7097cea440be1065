/// Reads the `DATA=` block of a PC-Axis file: numbers and missing symbols in
/// row-major order (the first dimension varies slowest).
///
/// The block runs to the end of the file (`DATA` is the last keyword). Its
/// cells are separated by spaces, tabs, line breaks, commas or semicolons:
/// the specification lets a writer mix these delimiters, and Statistics
/// Spain (INE) ends every row with `;`.
struct PXDataReader {
  let bytes: [UInt8]
  let source: String?
  /// The symbols a cell may hold instead of a number.
  let allowedSymbols: Set<String>
  let limits: InputLimits
  private var position: Int
  private var line: Int
  private let startLine: Int
  private(set) var values: [Double?] = []
  /// The missing symbol of each cell, nil for a number.
  private(set) var symbols: [String?] = []
  private(set) var problems: [Diagnostic] = []

  init(bytes: [UInt8], start: Int, line: Int, source: String?, symbols: Set<String>, limits: InputLimits) {
    self.bytes = bytes
    self.position = start
    self.line = line
    self.startLine = line
    self.source = source
    self.allowedSymbols = symbols
    self.limits = limits
  }

  /// The product of the dimensions' sizes, checked against the cell limit.
  static func expectedCount(_ dimensions: [PXCube.Dimension], limits: InputLimits, at location: SourceLocation)
    throws(DataError) -> Int
  {
    var n = 1
    for d in dimensions {
      let (product, overflow) = n.multipliedReportingOverflow(by: d.count)
      if overflow || product > limits.maximumCells {
        throw InputLimits.exceeded("cells", limit: limits.maximumCells, at: location, setting: "maximumCells")
      }
      n = product
    }
    return n
  }

  /// Reads every cell; problems (a cell that is neither a number nor a
  /// symbol, the wrong number of cells) are collected in ``problems``.
  ///
  /// - Throws: An exceeded cell limit, an unterminated quoted cell.
  mutating func read(dimensions: [PXCube.Dimension]) throws(DataError) {
    let expected = try Self.expectedCount(dimensions, limits: limits, at: SourceLocation(file: source, line: startLine, field: "DATA"))
    values.reserveCapacity(expected)
    symbols.reserveCapacity(expected)
    var count = 0
    while let (token, quoted) = try nextToken() {
      count += 1
      if count > limits.maximumCells {
        throw InputLimits.exceeded("cells", limit: limits.maximumCells, at: SourceLocation(file: source, line: line, field: "DATA"), setting: "maximumCells")
      }
      guard count <= expected else { continue }
      cell(token, quoted: quoted)
    }
    if count != expected {
      let sizes = dimensions.map { "\($0.name) \($0.count)" }.joined(separator: " × ")
      problems.append(
        Diagnostic(
          .error, code: "px.cell-count", "DATA has \(count) cells but the dimensions (\(sizes)) make \(expected)",
          at: SourceLocation(file: source, line: startLine, field: "DATA"),
          hint: "one cell per combination of values, a number or a symbol such as \"..\"; check VALUES and the DATA block"))
    }
  }

  /// Stores one cell.
  private mutating func cell(_ token: String, quoted: Bool) {
    if allowedSymbols.contains(token) {
      values.append(nil)
      symbols.append(token)
    } else if let x = Self.number(token), x.isFinite {
      values.append(x)
      symbols.append(nil)
    } else {
      values.append(nil)
      symbols.append(nil)
      if problems.count < 100 {
        problems.append(
          Diagnostic(
            .error, code: "px.bad-cell", "data cell \(values.count) is not a number or a missing symbol: '\(token)'",
            at: SourceLocation(file: source, line: line, field: "DATA"),
            hint: "write numbers with a decimal point (12.5) and missing values as \"..\", \".\", \"-\" or a declared DATASYMBOL"))
      }
    }
  }

  /// A number as PC-Axis writes it: digits, an optional sign, a decimal point, an exponent.
  static func number(_ s: String) -> Double? {
    guard !s.isEmpty, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 })
    else { return nil }
    return Double(s)
  }

  /// The next cell's text and whether it was quoted, or nil at the end of the file.
  private mutating func nextToken() throws(DataError) -> (String, Bool)? {
    while position < bytes.count {
      let b = bytes[position]
      switch b {
      case UInt8(ascii: "\n"): line += 1; position += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ","), UInt8(ascii: ";"): position += 1
      case UInt8(ascii: "\""):
        let s = position + 1
        var end = s
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n"), end - s <= 1024 { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "\"") else {
          throw DataError(
            code: "px.unterminated-string", "a quoted data cell is not closed on its line",
            at: SourceLocation(file: source, line: line, field: "DATA"), hint: "write missing values as \"..\" with both quotes")
        }
        position = end + 1
        return (String(decoding: bytes[s..<end], as: UTF8.self), true)
      default:
        let s = position
        while position < bytes.count, !Self.separators.contains(bytes[position]) { position += 1 }
        return (String(decoding: bytes[s..<min(position, s + 1024)], as: UTF8.self), false)
      }
    }
    return nil
  }

  private static let separators: Set<UInt8> = [0x20, 0x09, 0x0D, 0x0A, 0x2C, 0x3B, 0x22]
}
