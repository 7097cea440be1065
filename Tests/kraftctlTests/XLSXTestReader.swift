import Foundation

/// A small reader of the workbooks KraftsamlingKit writes, independent of
/// the writer: it unpacks the ZIP (stored entries only, each checked
/// against its CRC-32, computed here bit by bit), and reads the cells of a
/// sheet, the sheet names and the styles' number formats from the XML.
struct XLSXTestReader {
  /// A cell as the sheet stores it.
  enum Cell: Equatable {
    /// A number: its `<v>` text and the value, with the cell's style.
    case number(String, Double, style: Int)
    /// An inline string, decoded, with the cell's style if any.
    case text(String, style: Int?)
  }

  /// Why the bytes are not a workbook this reader understands.
  struct Problem: Error, CustomStringConvertible {
    var description: String
  }

  /// The entries by name, in archive order.
  private(set) var names: [String] = []
  /// The content of each entry.
  private(set) var entries: [String: [UInt8]] = [:]
  /// The ZIP comment.
  private(set) var comment = ""

  init(_ bytes: [UInt8]) throws {
    func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
    guard let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4B50 }) else {
      throw Problem(description: "no end-of-central-directory record")
    }
    comment = String(decoding: bytes[(end + 22)..<(end + 22 + u16(end + 20))], as: UTF8.self)
    var p = u32(end + 16)
    for _ in 0..<u16(end + 10) {
      guard u32(p) == 0x0201_4B50 else { throw Problem(description: "bad central-directory record at \(p)") }
      let (flags, method, crc, size) = (u16(p + 8), u16(p + 10), u32(p + 16), u32(p + 24))
      let nameLength = u16(p + 28)
      let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
      let local = u32(p + 42)
      guard u32(local) == 0x0403_4B50, method == 0, flags & 0x0800 != 0, u32(local + 18) == size else {
        throw Problem(description: "\(name): not a stored UTF-8 entry matching its local header")
      }
      let start = local + 30 + u16(local + 26) + u16(local + 28)
      let data = Array(bytes[start..<(start + size)])
      guard Self.crc32(data) == crc else { throw Problem(description: "\(name): CRC mismatch") }
      names.append(name)
      entries[name] = data
      p += 46 + nameLength + u16(p + 30) + u16(p + 32)
    }
  }

  /// CRC-32 computed bit by bit (no table), to check the writer's.
  static func crc32(_ bytes: [UInt8]) -> Int {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
      crc ^= UInt32(b)
      for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 0 ? 0 : 0xEDB8_8320) }
    }
    return Int(~crc)
  }

  /// An entry's text.
  func text(_ name: String) -> String? { entries[name].map { String(decoding: $0, as: UTF8.self) } }

  /// The sheet names in `xl/workbook.xml`, in order.
  var sheetNames: [String] {
    Self.elements("sheet", in: text("xl/workbook.xml") ?? "").compactMap { Self.attribute("name", of: $0.tag) }
  }

  /// The cells of sheet `n` (from 1) by reference (`B2`).
  func cells(sheet n: Int) throws -> [String: Cell] {
    guard let xml = text("xl/worksheets/sheet\(n).xml") else { throw Problem(description: "no sheet \(n)") }
    var out: [String: Cell] = [:]
    for c in Self.elements("c", in: xml) {
      guard let ref = Self.attribute("r", of: c.tag) else { throw Problem(description: "a cell without r") }
      let style = Self.attribute("s", of: c.tag).flatMap { Int($0) }
      if Self.attribute("t", of: c.tag) == "inlineStr" {
        guard let t = Self.elements("t", in: c.body).first else { throw Problem(description: "\(ref): no <t>") }
        out[ref] = .text(Self.decoded(t.body), style: style)
      } else {
        guard let v = Self.elements("v", in: c.body).first, let x = Double(v.body), let style else {
          throw Problem(description: "\(ref): not a number cell")
        }
        out[ref] = .number(v.body, x, style: style)
      }
    }
    return out
  }

  /// The number-format code of each cell style (`cellXfs`), by index.
  var styleFormats: [String] {
    let styles = text("xl/styles.xml") ?? ""
    var custom: [String: String] = [:]
    for f in Self.elements("numFmt", in: styles) {
      if let id = Self.attribute("numFmtId", of: f.tag), let code = Self.attribute("formatCode", of: f.tag) {
        custom[id] = Self.decoded(code)
      }
    }
    let builtIn = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0", "9": "0%", "10": "0.00%"]
    let xfs = Self.elements("cellXfs", in: styles).first?.body ?? ""
    return Self.elements("xf", in: xfs).map { xf in
      let id = Self.attribute("numFmtId", of: xf.tag) ?? "0"
      return custom[id] ?? builtIn[id] ?? "?\(id)"
    }
  }

  /// The `<name …>body</name>` and `<name …/>` elements of `xml`, in order
  /// (not nested in each other).
  static func elements(_ name: String, in xml: String) -> [(tag: String, body: String)] {
    var out: [(String, String)] = []
    var rest = xml[...]
    while let open = rest.range(of: "<\(name)") {
      let after = rest[open.upperBound...]
      guard let next = after.first, next == " " || next == ">" || next == "/",
        let close = after.firstIndex(of: ">")
      else {
        rest = after
        continue
      }
      let tag = String(rest[open.lowerBound...close])
      if tag.hasSuffix("/>") {
        out.append((tag, ""))
        rest = rest[rest.index(after: close)...]
      } else if let end = rest[close...].range(of: "</\(name)>") {
        out.append((tag, String(rest[rest.index(after: close)..<end.lowerBound])))
        rest = rest[end.upperBound...]
      } else {
        break
      }
    }
    return out
  }

  /// An attribute's raw value in a start tag.
  static func attribute(_ name: String, of tag: String) -> String? {
    guard let r = tag.range(of: " \(name)=\"") else { return nil }
    let value = tag[r.upperBound...]
    return value.firstIndex(of: "\"").map { String(value[..<$0]) }
  }

  /// Text with XML entities and `_xHHHH_` escapes decoded.
  static func decoded(_ text: String) -> String {
    var s = text
    for (entity, c) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'")] {
      s = s.replacingOccurrences(of: entity, with: c)
    }
    s = s.replacingOccurrences(of: "&amp;", with: "&")
    let scalars = Array(s.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
        let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        out.append(scalar)
        i += 7
      } else {
        out.append(scalars[i])
        i += 1
      }
    }
    return String(out)
  }
}
