/// How the strings of a PC-Axis file are encoded: from `CHARSET` and
/// `CODEPAGE`.
///
/// `CHARSET="ANSI"` means Windows-1252 (read as the superset of
/// ISO-8859-1, as the CSV reader does), unless `CODEPAGE` names another;
/// `CODEPAGE="iso-8859-15"` is Latin-9; without `CHARSET`, or with
/// `CODEPAGE="utf-8"`, the text is UTF-8.
enum PXCharset: String, Sendable, Hashable {
  case utf8 = "UTF-8"
  case windows1252 = "Windows-1252"
  case latin9 = "ISO-8859-15"

  /// The character set declared by the statements (read before decoding:
  /// their values are ASCII).
  ///
  /// - Throws: `px.unknown-codepage` for a code page that is not one of
  ///   UTF-8, Windows-1252, ISO-8859-1 or ISO-8859-15.
  static func declared(by statements: [PXRawStatement], source: String?) throws(DataError) -> PXCharset {
    let charset = statements.last { $0.keyword == "CHARSET" }.flatMap { asciiValue($0) }
    if let page = statements.last(where: { $0.keyword == "CODEPAGE" }), let name = asciiValue(page) {
      let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
      switch key {
      case "utf8": return .utf8
      case "iso88591", "latin1", "windows1252", "cp1252", "1252", "ansi": return .windows1252
      case "iso885915", "latin9": return .latin9
      default:
        throw DataError(
          code: "px.unknown-codepage", "unknown CODEPAGE \"\(name)\"", at: SourceLocation(file: source, line: page.line, field: "CODEPAGE"),
          hint: "use \"utf-8\", \"windows-1252\", \"iso-8859-1\" or \"iso-8859-15\"")
      }
    }
    return charset?.uppercased() == "ANSI" ? .windows1252 : .utf8
  }

  /// The first string or word of a statement, read as ASCII.
  private static func asciiValue(_ s: PXRawStatement) -> String? {
    for t in s.tokens {
      switch t {
      case .string(let b): return String(decoding: b.filter { $0 < 0x80 }, as: UTF8.self)
      case .word(let w): return w
      default: continue
      }
    }
    return nil
  }

  /// ISO-8859-15's characters where it differs from ISO-8859-1.
  private static let latin9Differences: [UInt8: UInt32] = [
    0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
  ]

  /// Decodes a string's bytes, or nil when they are not valid in this
  /// character set (only UTF-8 can be invalid).
  func decode(_ bytes: [UInt8]) -> String? {
    if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
    switch self {
    case .utf8:
      return TextDecoder.firstInvalidUTF8(bytes) == nil ? String(decoding: bytes, as: UTF8.self) : nil
    case .windows1252:
      return String(decoding: TextDecoder.transcodeWindows1252(bytes), as: UTF8.self)
    case .latin9:
      var s = String.UnicodeScalarView()
      for b in bytes { s.append(Unicode.Scalar(Self.latin9Differences[b] ?? UInt32(b)).map { $0 } ?? "?") }
      return String(s)
    }
  }
}
