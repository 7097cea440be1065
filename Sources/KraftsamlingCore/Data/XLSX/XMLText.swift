/// Text made safe for XML: the parts of a workbook, and SVG.
///
/// XML 1.0 cannot hold most control characters at all, not even as
/// character references, so they are written the way Excel writes them:
/// `_xHHHH_` with the code in hexadecimal (`"\u{0B}"` → `_x000B_`), which
/// Excel, LibreOffice and openpyxl read back as the character. Carriage
/// return is written so too (a parser would turn a bare one into a line
/// feed), and a text that already contains `_xHHHH_` gets its underscore
/// escaped as `_x005F_` so it reads back unchanged.
///
/// ```swift
/// XMLText.escaped("a < b & \"c\"")   // a &lt; b &amp; &quot;c&quot;
/// XMLText.escaped("bell\u{07}")      // bell_x0007_
/// ```
package enum XMLText {
  /// What happens to the characters XML 1.0 does not allow (see
  /// ``mustBeCoded(_:)``).
  package enum ControlCharacters: Sendable {
    /// Written as SpreadsheetML's `_xHHHH_` (and a literal `_xHHHH_` in the
    /// text protected as `_x005F_xHHHH_`), so a spreadsheet shows them.
    case code
    /// Left out (SVG and other XML with no such convention).
    case drop
  }

  /// `text` for element content or a double-quoted attribute value: `&`,
  /// `<`, `>`, `"` and `'` as entities, and the characters XML forbids coded
  /// or dropped.
  ///
  /// - Complexity: O(*n*) for *n* Unicode scalars.
  package static func escaped(_ text: String, controls: ControlCharacters = .code) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (i, s) in scalars.enumerated() {
      switch s {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "_" where controls == .code && looksEscaped(scalars, at: i): out += "_x005F_"
      case _ where mustBeCoded(s): if controls == .code { out += code(s) }
      default: out.unicodeScalars.append(s)
      }
    }
    return out
  }

  /// Whether a scalar cannot appear literally in the text of a part: the
  /// control characters other than tab and line feed, and U+FFFE/U+FFFF.
  package static func mustBeCoded(_ s: Unicode.Scalar) -> Bool {
    (s.value < 0x20 && s != "\t" && s != "\n") || s.value == 0xFFFE || s.value == 0xFFFF
  }

  /// `_xHHHH_`, four upper-case hexadecimal digits.
  private static func code(_ s: Unicode.Scalar) -> String {
    let hex = String(s.value, radix: 16, uppercase: true)
    return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
  }

  /// Whether `_xHHHH_` starts at `i`, so that a reader would decode it.
  private static func looksEscaped(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
    return scalars[(i + 2)..<(i + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
  }

  /// Whether the text needs `xml:space="preserve"` to keep its spaces and
  /// line breaks at the ends.
  package static func needsPreservedSpace(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    return first.properties.isWhitespace || last.properties.isWhitespace
  }
}
