/// The character encoding of a text file.
package enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
  /// UTF-8 if the bytes are valid UTF-8, otherwise Windows-1252/ISO-8859-1
  /// (with a note saying so). The default.
  case auto
  /// UTF-8, with or without a byte-order mark. Invalid bytes are an error.
  case utf8
  /// ISO-8859-1 (Latin-1), as SCB's and many spreadsheets' exports. The
  /// bytes 0x80–0x9F are read as Windows-1252 (€, –, ”…), the superset
  /// that Swedish Excel actually writes; å, ä, ö are the same in both.
  case latin1
}

/// UTF-8 validation and Windows-1252 transcoding for the CSV reader.
enum TextDecoder {
  /// The offset of the first byte that is not part of valid UTF-8, or nil.
  static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
    var i = 0
    let n = b.count
    while i < n {
      let c = b[i]
      if c < 0x80 {
        i += 1
        continue
      }
      let len: Int
      var minScalar: UInt32
      if c & 0xE0 == 0xC0 {
        len = 2
        minScalar = 0x80
      } else if c & 0xF0 == 0xE0 {
        len = 3
        minScalar = 0x800
      } else if c & 0xF8 == 0xF0 {
        len = 4
        minScalar = 0x10000
      } else {
        return i
      }
      guard i + len <= n else { return i }
      var scalar = UInt32(c) & (0xFF >> (len + 1))
      for k in 1..<len {
        let cc = b[i + k]
        guard cc & 0xC0 == 0x80 else { return i }
        scalar = (scalar << 6) | UInt32(cc & 0x3F)
      }
      if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
      minScalar = 0
      i += len
    }
    return nil
  }

  /// Windows-1252's characters for 0x80–0x9F (0 where undefined → kept as Latin-1 C1).
  private static let cp1252: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  static func transcodeWindows1252(_ b: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(b.count + b.count / 8)
    for c in b {
      if c < 0x80 {
        out.append(c)
        continue
      }
      let scalar: UInt32 = (0x80...0x9F).contains(c) ? cp1252[Int(c - 0x80)] : UInt32(c)
      if scalar < 0x800 {
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return out
  }
}
