/// The CRC-32 checksum of ZIP archives (and PNG, gzip, Ethernet): the
/// reflected polynomial 0xEDB88320, starting from all ones and inverted at
/// the end.
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8))   // 0xCBF43926
/// ```
package enum CRC32 {
  /// The remainder of each byte value, computed once.
  private static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// The checksum of `bytes`.
  ///
  /// - Complexity: O(*n*) for *n* bytes.
  package static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    bytes.withUnsafeBufferPointer { buffer in
      for b in buffer { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
