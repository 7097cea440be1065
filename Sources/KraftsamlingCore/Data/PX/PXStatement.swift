/// One `KEYWORD[lang]("sub", …)=value;` statement of a PC-Axis file, as
/// written: its strings still bytes until the file's character set is known.
struct PXRawStatement: Sendable {
  /// The keyword in upper case, e.g. `VALUES`.
  var keyword: String
  /// The language in brackets (`TITLE[en]`), if any.
  var language: String?
  /// The quoted arguments in parentheses (`VALUES("region")`), as bytes.
  var arguments: [[UInt8]]
  /// The tokens of the value, up to the terminating semicolon.
  var tokens: [PXToken]
  /// The line the statement starts on.
  var line: Int
}

/// A token of a statement's value.
enum PXToken: Sendable, Hashable {
  /// A quoted string (without the quotes), as bytes.
  case string([UInt8])
  /// An unquoted word or number: `YES`, `1`, `TLIST`, `A1`.
  case word(String)
  /// `,`
  case comma
  /// `-` between two strings, as in `TLIST(A1, "2020"-"2023")`.
  case dash
  /// `(`
  case open
  /// `)`
  case close
}

/// A statement with its strings decoded.
package struct PXStatement: Sendable, Hashable {
  /// The keyword in upper case.
  var keyword: String
  /// The language, `nil` for the file's default language.
  var language: String?
  /// The arguments in parentheses.
  var arguments: [String]
  /// The value as a list: quoted strings continued on the next line are
  /// joined; items are separated by commas; words are kept as written.
  var items: [String]
  /// The unquoted words of the value, in order (`YES`, `TLIST`, `A1`).
  var words: [String]
  /// The line the statement starts on.
  var line: Int
}
