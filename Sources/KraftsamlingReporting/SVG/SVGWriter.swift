import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A small writer of SVG 1.1 text: elements with escaped attributes and
/// text, and compact path data, written into one growing byte buffer.
///
/// It is all KraftsamlingKit needs to draw maps without a dependency; the
/// output is plain UTF-8 SVG that browsers, Inkscape and office programs
/// open directly.
///
/// ```swift
/// var svg = SVGWriter(width: 200, height: 100)
/// svg.element("rect", ["x": "0", "y": "0", "width": "200", "height": "100", "fill": "#eee"])
/// svg.text("Malmö & Lund <2025>", x: 10, y: 50, attributes: ["font-size": "12"])
/// let text = svg.finish()   // "<?xml version=\"1.0\" …<text …>Malmö &amp; Lund &lt;2025&gt;</text></svg>\n"
/// ```
///
/// - Complexity: O(*n*) in the size of the output.
package struct SVGWriter: Sendable {
  private var bytes: [UInt8] = []
  private var open: [String] = []

  /// Starts a document of the given size in pixels (also its `viewBox`).
  package init(width: Double, height: Double) {
    bytes.reserveCapacity(1 << 16)
    append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
    number(width, decimals: 0)
    append("\" height=\"")
    number(height, decimals: 0)
    append("\" viewBox=\"0 0 ")
    number(width, decimals: 0)
    append(" ")
    number(height, decimals: 0)
    append("\">\n")
  }

  /// Escapes text for XML content and attribute values: `&`, `<`, `>`,
  /// `"` and `'` become entities; control characters other than tab and
  /// newline (not allowed in XML 1.0) are dropped.
  ///
  /// ```swift
  /// SVGWriter.escape("a < b & \"c\"")   // "a &lt; b &amp; &quot;c&quot;"
  /// ```
  package static func escape(_ text: String) -> String { XMLText.escaped(text, controls: .drop) }

  /// Appends raw, already-valid SVG text (no escaping).
  package mutating func raw(_ text: String) { append(text) }

  /// Opens an element that will contain others; close it with ``close()``.
  package mutating func open(_ tag: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    startTag(tag, attributes)
    append(">\n")
    open.append(tag)
  }

  /// Opens an element with attributes given as an array (for computed lists).
  package mutating func open(_ tag: String, attributeList: [(String, String)]) {
    startTag(tag, attributeList)
    append(">\n")
    open.append(tag)
  }

  /// Closes the innermost open element.
  package mutating func close() {
    guard let tag = open.popLast() else { return }
    append("</\(tag)>\n")
  }

  /// An empty element such as `<rect …/>`.
  package mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String>) {
    startTag(tag, attributes)
    append("/>\n")
  }

  /// An element with escaped text content, such as `<title>`.
  package mutating func element(_ tag: String, _ attributes: KeyValuePairs<String, String>, text: String) {
    startTag(tag, attributes)
    append(">")
    append(Self.escape(text))
    append("</\(tag)>\n")
  }

  /// A `<text>` element at (x, y).
  package mutating func text(
    _ content: String, x: Double, y: Double, attributes: KeyValuePairs<String, String> = [:]
  ) {
    append("<text x=\"")
    number(x, decimals: 1)
    append("\" y=\"")
    number(y, decimals: 1)
    append("\"")
    for (k, v) in attributes { attribute(k, v) }
    append(">")
    append(Self.escape(content))
    append("</text>\n")
  }

  /// A `<path>` whose `d` is given as bytes (from ``SVGPathData``), with
  /// an optional `<title>` tooltip.
  package mutating func path(_ d: SVGPathData, attributes: [(String, String)], title: String? = nil) {
    append("<path d=\"")
    bytes.append(contentsOf: d.bytes)
    append("\"")
    for (k, v) in attributes { attribute(k, v) }
    if let title {
      append("><title>")
      append(Self.escape(title))
      append("</title></path>\n")
    } else {
      append("/>\n")
    }
  }

  /// Closes every open element and the document, and returns the text.
  package mutating func finish() -> String {
    while !open.isEmpty { close() }
    append("</svg>\n")
    return String(decoding: bytes, as: UTF8.self)
  }

  private mutating func startTag<S: Sequence>(_ tag: String, _ attributes: S) where S.Element == (String, String) {
    append("<")
    append(tag)
    for (k, v) in attributes { attribute(k, v) }
  }

  private mutating func startTag(_ tag: String, _ attributes: KeyValuePairs<String, String>) {
    append("<")
    append(tag)
    for (k, v) in attributes { attribute(k, v) }
  }

  private mutating func attribute(_ key: String, _ value: String) {
    append(" ")
    append(key)
    append("=\"")
    append(Self.escape(value))
    append("\"")
  }

  private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

  private mutating func number(_ v: Double, decimals: Int) {
    SVGPathData.write(v, decimals: decimals, into: &bytes)
  }
}

/// Path data (`d`) for ``SVGWriter/path(_:attributes:title:)``, written
/// compactly: absolute `M`/`L` commands, coordinates with one decimal, a
/// point dropped when it rounds to the same position as the previous one.
///
/// ```swift
/// var d = SVGPathData()
/// d.ring([(0, 0), (10, 0), (10, 10)])
/// String(decoding: d.bytes, as: UTF8.self)   // "M0 0L10 0L10 10Z"
/// ```
package struct SVGPathData: Sendable, Hashable {
  /// The UTF-8 bytes of the path data.
  package private(set) var bytes: [UInt8] = []

  /// Creates empty path data.
  package init() {}

  /// Whether nothing has been added.
  package var isEmpty: Bool { bytes.isEmpty }

  /// Adds a closed subpath through pixel positions (`M … L … Z`); rings
  /// that collapse to fewer than three distinct positions are skipped.
  package mutating func ring<S: Sequence>(_ points: S) where S.Element == (Double, Double) {
    var last = (Int.min, Int.min)
    var written = 0
    let mark = bytes.count
    for (x, y) in points {
      guard x.isFinite, y.isFinite else { continue }
      let q = (Int((x * 10).rounded()), Int((y * 10).rounded()))
      if q == last { continue }
      last = q
      bytes.append(written == 0 ? UInt8(ascii: "M") : UInt8(ascii: "L"))
      Self.writeTenths(q.0, into: &bytes)
      bytes.append(UInt8(ascii: " "))
      Self.writeTenths(q.1, into: &bytes)
      written += 1
    }
    if written < 3 {
      bytes.removeSubrange(mark...)
    } else {
      bytes.append(UInt8(ascii: "Z"))
    }
  }

  /// Writes an integer number of tenths as a decimal (`-12.3`, `40`).
  static func writeTenths(_ t: Int, into out: inout [UInt8]) {
    var v = t
    if v < 0 {
      out.append(UInt8(ascii: "-"))
      v = -v
    }
    writeUnsigned(v / 10, into: &out)
    let f = v % 10
    if f != 0 {
      out.append(UInt8(ascii: "."))
      out.append(UInt8(ascii: "0") + UInt8(f))
    }
  }

  static func writeUnsigned(_ v: Int, into out: inout [UInt8]) {
    if v >= 10 { writeUnsigned(v / 10, into: &out) }
    out.append(UInt8(ascii: "0") + UInt8(v % 10))
  }

  /// Writes a number with at most `decimals` decimals (trailing zeros
  /// dropped).
  static func write(_ v: Double, decimals: Int, into out: inout [UInt8]) {
    guard v.isFinite else {
      out.append(UInt8(ascii: "0"))
      return
    }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    var n = Int((abs(v) * Double(scale)).rounded())
    if v < 0 && n != 0 { out.append(UInt8(ascii: "-")) }
    writeUnsigned(n / scale, into: &out)
    n %= scale
    guard n != 0 else { return }
    out.append(UInt8(ascii: "."))
    var digits: [UInt8] = []
    var d = decimals
    while d > 0 {
      digits.append(UInt8(ascii: "0") + UInt8(n % 10))
      n /= 10
      d -= 1
    }
    while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
    out.append(contentsOf: digits.reversed())
  }
}
