/// Writes a ZIP archive whose entries are stored, not compressed: the
/// container of an Office Open XML workbook.
///
/// Each entry has a local header, its bytes and a central-directory record
/// with its CRC-32; names are flagged as UTF-8. Every entry carries the
/// same fixed time stamp (1980-01-01 00:00, the earliest a ZIP can say), so
/// the same entries give the same bytes on every run. The archive has no
/// ZIP64 records: entries and the whole archive stay below 4 GiB and
/// 65,535 entries, which ``Workbook`` checks before it gets here.
///
/// ```swift
/// var zip = ZipWriter()
/// zip.add("mimetype", Array("text/plain".utf8))
/// let bytes = zip.archive(comment: "made by us")
/// ```
package struct ZipWriter: Sendable {
  /// The largest size or offset a ZIP without ZIP64 records can hold.
  package static let sizeLimit = Int(UInt32.max)
  /// The most entries a ZIP without ZIP64 records can hold.
  package static let entryLimit = Int(UInt16.max)

  /// The DOS date of 1980-01-01 (year 0, month 1, day 1).
  private static let dosDate: UInt16 = 1 << 5 | 1
  /// Bit 11 of the flags: the name is UTF-8.
  private static let utf8Flag: UInt16 = 1 << 11
  /// Version 2.0 of the format, enough for stored entries and folders.
  private static let version: UInt16 = 20

  private var body: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0

  /// An empty archive.
  package init() {}

  /// Adds an entry.
  ///
  /// - Parameters:
  ///   - name: The path inside the archive, with `/` between folders.
  ///   - bytes: The content, stored as it is.
  /// - Precondition: the archive stays within ``sizeLimit`` and ``entryLimit``.
  package mutating func add(_ name: String, _ bytes: [UInt8]) {
    precondition(count < Self.entryLimit && body.count + bytes.count < Self.sizeLimit, "ZIP without ZIP64 is full")
    let nameBytes = Array(name.utf8)
    let crc = CRC32.checksum(bytes)
    let offset = UInt32(body.count)
    body.append32(0x0403_4B50)
    body += Self.commonFields(nameBytes: nameBytes, crc: crc, size: UInt32(bytes.count))
    body += nameBytes
    body += bytes
    directory.append32(0x0201_4B50)
    directory.append16(Self.version)  // made by: MS-DOS, 2.0
    directory += Self.commonFields(nameBytes: nameBytes, crc: crc, size: UInt32(bytes.count))
    directory.append16(0)  // comment length
    directory.append16(0)  // disk number
    directory.append16(0)  // internal attributes
    directory.append32(0)  // external attributes
    directory.append32(offset)
    directory += nameBytes
    count += 1
  }

  /// The fields a local header and a central-directory record share, from
  /// "version needed" to "extra field length".
  private static func commonFields(nameBytes: [UInt8], crc: UInt32, size: UInt32) -> [UInt8] {
    var out: [UInt8] = []
    out.append16(version)
    out.append16(utf8Flag)
    out.append16(0)  // method: stored
    out.append16(0)  // time 00:00:00
    out.append16(dosDate)
    out.append32(crc)
    out.append32(size)  // compressed size
    out.append32(size)  // uncompressed size
    out.append16(UInt16(nameBytes.count))
    out.append16(0)  // extra field length
    return out
  }

  /// The archive: the entries, the central directory and the end record
  /// with `comment` (at most 65,535 bytes of UTF-8).
  package func archive(comment: String = "") -> [UInt8] {
    let commentBytes = Array(comment.utf8.prefix(Int(UInt16.max)))
    var out = body
    out += directory
    out.append32(0x0605_4B50)
    out.append16(0)  // this disk
    out.append16(0)  // the disk where the directory starts
    out.append16(UInt16(count))
    out.append16(UInt16(count))
    out.append32(UInt32(directory.count))
    out.append32(UInt32(body.count))
    out.append16(UInt16(commentBytes.count))
    out += commentBytes
    return out
  }
}

extension [UInt8] {
  /// Appends a little-endian 16-bit value.
  mutating func append16(_ v: UInt16) {
    append(UInt8(v & 0xFF))
    append(UInt8(v >> 8))
  }

  /// Appends a little-endian 32-bit value.
  mutating func append32(_ v: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
  }
}
