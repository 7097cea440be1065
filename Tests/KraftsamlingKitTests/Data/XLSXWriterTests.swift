import Testing

@testable import KraftsamlingCore

/// The parts of the workbook writer, each against values worked out by
/// hand or published: the checksum, the ZIP records, XML escaping, number
/// cells, number formats and sheet names. The whole workbook is read back
/// by an independent reader in `kraftctlTests/XLSXRoundTripTests`.
@Suite("XLSX writer parts")
struct XLSXWriterTests {
  @Test("CRC-32 of the standard check vectors")
  func crc() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
    #expect(CRC32.checksum(Array("a".utf8)) == 0xE8B7_BE43)
    #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
  }

  /// A little-endian field of `bytes`.
  func field(_ bytes: [UInt8], _ at: Int, _ width: Int) -> Int {
    (0..<width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
  }

  @Test("a ZIP entry is stored with a UTF-8 name, its CRC, a fixed date and a central record")
  func zipStructure() {
    var zip = ZipWriter()
    zip.add("tabeller/å.xml", Array("123456789".utf8))
    let bytes = zip.archive(comment: "stämpel")
    let name = Array("tabeller/å.xml".utf8)
    #expect(field(bytes, 0, 4) == 0x0403_4B50)
    #expect(field(bytes, 6, 2) == 0x0800)  // UTF-8 name
    #expect(field(bytes, 8, 2) == 0)  // stored
    #expect(field(bytes, 10, 2) == 0 && field(bytes, 12, 2) == 0x21)  // 1980-01-01 00:00
    #expect(field(bytes, 14, 4) == 0xCBF4_3926)
    #expect(field(bytes, 18, 4) == 9 && field(bytes, 22, 4) == 9)
    #expect(Array(bytes[30..<(30 + name.count)]) == name)
    #expect(Array(bytes[(30 + name.count)..<(39 + name.count)]) == Array("123456789".utf8))
    let central = 39 + name.count
    #expect(field(bytes, central, 4) == 0x0201_4B50)
    #expect(field(bytes, central + 42, 4) == 0)  // the local header's offset
    let end = central + 46 + name.count
    #expect(field(bytes, end, 4) == 0x0605_4B50)
    #expect(field(bytes, end + 8, 2) == 1 && field(bytes, end + 10, 2) == 1)
    #expect(field(bytes, end + 12, 4) == 46 + name.count && field(bytes, end + 16, 4) == central)
    #expect(Array(bytes[(end + 22)...]) == Array("stämpel".utf8))
    #expect(bytes.count == end + 22 + "stämpel".utf8.count)
  }

  @Test("XML text: markup characters as entities, control characters as _xHHHH_, a literal _xHHHH_ kept")
  func escaping() {
    #expect(XMLText.escaped("a<b & \"c\" > 'd'") == "a&lt;b &amp; &quot;c&quot; &gt; &apos;d&apos;")
    #expect(XMLText.escaped("Rosengård\tMöllevången\n") == "Rosengård\tMöllevången\n")
    #expect(XMLText.escaped("\u{0B}\u{00}\r\u{1F}") == "_x000B__x0000__x000D__x001F_")
    #expect(XMLText.escaped("\u{FFFE}") == "_xFFFE_")
    #expect(XMLText.escaped("_x0041_ and _x12_") == "_x005F_x0041_ and _x12_")
    #expect(XMLText.needsPreservedSpace(" a") && XMLText.needsPreservedSpace("a\n") && !XMLText.needsPreservedSpace("a b"))
  }

  @Test("number cells: plain decimals only, shortest text, integers exact")
  func numbers() {
    #expect(CellNumber("0.30000000000000004")?.value == 0.1 + 0.2)
    #expect(CellNumber("0.30000000000000004")?.xml == "0.30000000000000004")
    #expect(CellNumber("1374")?.xml == "1374")
    #expect(CellNumber("9007199254740992")?.xml == "9007199254740992")
    #expect(CellNumber("-12")?.value == -12)
    #expect(CellNumber("+3")?.xml == "3")
    #expect(CellNumber("2.50")?.xml == "2.5")
    #expect(CellNumber("1e-07")?.value == 1e-7)
    #expect(CellNumber("1.5E+20")?.xml == "1.5e+20")
    for text in ["", "..", "–", "inf", "nan", "0x10", "1 000", "1,5", ".5", "5.", "1e", "-", "+", "1e400", " 1"] {
      #expect(CellNumber(text) == nil, "\(text)")
    }
  }

  @Test("number formats: built-in ones by number, others as en-US codes")
  func formats() {
    #expect(NumberFormat(.text) == nil)
    #expect(NumberFormat(.number(places: nil)) == .general)
    #expect(NumberFormat(.number(places: 2))?.builtInID == 2)
    #expect(NumberFormat(.number(places: 3))?.code == "0.000")
    #expect(NumberFormat(.integer)?.builtInID == 3)
    #expect(NumberFormat(.percent(places: 1))?.code == "0.0%")
    #expect(NumberFormat(.percent(places: 0))?.builtInID == 9)
    #expect(NumberFormat(.kronor)?.code == "#,##0\" kr\"")
    #expect(NumberFormat(.kronor)?.displayWidth(of: 1_234_567, text: "1234567") == 12)  // 1 234 567 kr
    #expect(NumberFormat(.percent(places: 1))?.displayWidth(of: 0.095, text: "0.095") == 4)  // 9,5 %
    var styles = WorkbookStyles()
    #expect(styles.index(of: NumberFormat(.kronor)!) == 2)
    #expect(styles.index(of: NumberFormat(.integer)!) == 3)
    #expect(styles.index(of: NumberFormat(.kronor)!) == 2)
    #expect(styles.xml().contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0&quot; kr&quot;\"/>"))
  }

  @Test("sheet names: forbidden characters, apostrophes, length, case-insensitive duplicates, History")
  func sheetNames() {
    var names = SheetNames()
    #expect(names.add("Index: 2025/26 [*?\\]") == "Index_ 2025_26 _____")
    #expect(names.add("'citat'") == "citat")
    #expect(names.add("''") == "Sheet")
    #expect(names.add("") == "Sheet (2)")
    #expect(names.add("history") == "history (2)")
    #expect(names.add("CITAT") == "CITAT (2)")
    #expect(names.add("rad\nbrytning") == "rad_brytning")
    let long = String(repeating: "å", count: 40)
    #expect(names.add(long) == String(repeating: "å", count: 31))
    #expect(names.add(long) == String(repeating: "å", count: 27) + " (2)")
    // 16 emoji are 32 UTF-16 units: cut to 15, never inside a surrogate pair.
    #expect(names.add(String(repeating: "😀", count: 16)).utf16.count == 30)
    #expect(names.add(String(repeating: "x", count: 30) + "'") == String(repeating: "x", count: 30))
    for name in names.names {
      #expect(name.utf16.count <= 31 && !name.isEmpty && name.first != "'" && name.last != "'")
      #expect(!name.contains { SheetNames.forbidden.contains($0) })
    }
    #expect(Set(names.names.map { $0.lowercased() }).count == names.names.count)
  }

  @Test("tables larger than an Excel sheet are refused with the sheet named; the workbook is unchanged")
  func limits() throws {
    var workbook = Workbook()
    try workbook.append(sheet: "ok", table: ReportTable(columns: ["a"]))
    let wide = ReportTable(columns: (0...Workbook.columnLimit).map { "c\($0)" })
    #expect(throws: WorkbookError.self) { try workbook.append(sheet: "bred", table: wide) }
    do { try workbook.append(sheet: "bred", table: wide) } catch {
      #expect(error.code == .tooManyColumns)
      #expect(error.description.contains("bred: the table has 16385 columns; an Excel sheet holds 16384"))
    }
    var long = ReportTable(columns: ["text"])
    long.append([String(repeating: "a", count: Workbook.cellLimit + 1)])
    do { try workbook.append(sheet: "lång", table: long) } catch { #expect(error.code == .cellTooLong) }
    var tall = ReportTable(columns: ["n"])
    for _ in 0..<(Workbook.rowLimit) { tall.append([""]) }
    do { try workbook.append(sheet: "hög", table: tall) } catch { #expect(error.code == .tooManyRows) }
    #expect(workbook.sheetNames == ["ok"])
  }

  @Test("the same tables give the same bytes; a workbook without sheets gets one empty sheet")
  func deterministic() throws {
    var t = ReportTable(columns: ["code", "amount"], alignments: [.left, .right])
    t.kinds[1] = .kronor
    t.append(["1", "1000"])
    var a = Workbook()
    var b = Workbook()
    try a.append(sheet: "x", table: t)
    try b.append(sheet: "x", table: t)
    #expect(a.bytes() == b.bytes())
    let empty = String(decoding: Workbook().bytes(), as: UTF8.self)
    #expect(empty.contains("<sheet name=\"Sheet\" sheetId=\"1\" r:id=\"rId1\"/>"))
    #expect(empty.hasSuffix(Workbook.stamp))
  }
}
