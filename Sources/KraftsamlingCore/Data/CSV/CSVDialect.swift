/// Which character separates the integer part of a number from its
/// fraction.
package enum DecimalSeparator: String, Sendable, Hashable, Codable, CaseIterable {
  /// A comma when the file's delimiter is `;` or a tab (the Swedish
  /// spreadsheet dialect), otherwise a point. Both `12,5` and `12.5` are
  /// read as 12.5 in a `;`-separated file.
  case auto
  /// Only `.` (`12.5`).
  case point
  /// Only `,` (`12,5`).
  case comma
}

/// How a CSV file is written: delimiter, decimal separator, encoding and the
/// markers that stand for a missing value.
///
/// The default, ``auto``, reads both RFC 4180 files (comma, point, UTF-8)
/// and the Swedish spreadsheet dialect (semicolon, decimal comma, Latin-1)
/// that Excel and SCB's Statistikdatabasen export.
///
/// ```swift
/// var d = CSVDialect.auto
/// d.delimiter = ";"            // force semicolons
/// d.encoding = .latin1         // SCB's ISO-8859-1 files
/// ```
public struct CSVDialect: Sendable, Hashable {
  /// The field delimiter, or `nil` to detect it from the header line
  /// (the most frequent of `,`, `;`, tab and `|` outside quotes; comma on a tie).
  package var delimiter: Character?
  /// The decimal separator of numeric cells.
  package var decimalSeparator: DecimalSeparator
  /// The file's encoding.
  package var encoding: TextEncoding
  /// Cell texts (after trimming spaces) that mean "no value": by default the
  /// empty cell, SCB's `..` (not available or too uncertain), `.`
  /// (not applicable), `-` and `–` (SCB: nothing to report).
  package var missingMarkers: Set<String>

  /// Creates a dialect.
  package init(
    delimiter: Character? = nil, decimalSeparator: DecimalSeparator = .auto, encoding: TextEncoding = .auto,
    missingMarkers: Set<String> = CSVDialect.defaultMissingMarkers
  ) {
    self.delimiter = delimiter
    self.decimalSeparator = decimalSeparator
    self.encoding = encoding
    self.missingMarkers = missingMarkers
  }

  /// The markers of a missing value recognised by default.
  package static let defaultMissingMarkers: Set<String> = ["", "..", ".", "-", "–"]

  /// Detect everything.
  public static let auto = CSVDialect()

  /// RFC 4180: comma, point, UTF-8.
  package static let rfc4180 = CSVDialect(delimiter: ",", decimalSeparator: .point, encoding: .utf8)

  /// The Swedish spreadsheet dialect: semicolon, decimal comma, encoding detected.
  package static let swedishSpreadsheet = CSVDialect(delimiter: ";", decimalSeparator: .comma, encoding: .auto)
}
