import Foundation
import Testing

@testable import KraftsamlingCore

/// How pyaxis 0.4.3 reads a real PC-Axis file (`Fixtures/px/real/*.pyaxis.json`,
/// see the README there): per language the dimension names and value texts,
/// and every cell in row order as a number or a missing symbol.
private struct PyaxisCube: Decodable {
  struct Language: Decodable {
    var language: String?
    var dimensions: [String]
    var values: [[String]]
  }

  /// A cell as pyaxis read it, its missing-value patterns switched off.
  enum Cell: Decodable, Equatable {
    case number(Double)
    case symbol(String)

    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let x = try? c.decode(Double.self) { self = .number(x) } else { self = .symbol(try c.decode(String.self)) }
    }
  }

  var file: String
  var languages: [Language]
  var data: [Cell]

  static func load(_ name: String) throws -> PyaxisCube {
    try JSONDecoder().decode(PyaxisCube.self, from: Fixtures.contents(ofFile: Fixtures.path("px/real/\(name)")))
  }
}

/// Where our reading of a file differs from pyaxis's in one language.
private struct Differences {
  /// Names and texts that differ other than by surrounding spaces, and cells
  /// whose number or symbol differs: each a description.
  var real: [String] = []
  /// Names and texts we keep with surrounding spaces that pyaxis trims.
  var trimmedByPyaxis: Set<String> = []

  mutating func compare(_ ours: String, _ theirs: String, _ what: @autoclosure () -> String) {
    if ours == theirs { return }
    if ours.trimmingWhitespace() == theirs { trimmedByPyaxis.insert(ours) } else { real.append("\(what()): '\(ours)' ≠ '\(theirs)'") }
  }
}

@Suite("PC-Axis reader on real files from statistics offices, against pyaxis")
struct PXRealFilesTests {
  /// Compares a cube with pyaxis's reading in one language: the dimension
  /// names, each cell's value texts (pyaxis's rows are the product of its
  /// value lists), its number and its missing symbol.
  private func differences(_ cube: PXCube, _ expected: PyaxisCube, _ language: PyaxisCube.Language) -> Differences {
    var out = Differences()
    let names = cube.dimensions.map { $0.name(language: language.language) }
    guard names.count == language.dimensions.count, cube.count == expected.data.count else {
      out.real.append("shape: \(names) with \(cube.count) cells ≠ \(language.dimensions) with \(expected.data.count)")
      return out
    }
    for (ours, theirs) in zip(names, language.dimensions) { out.compare(ours, theirs, "dimension name") }
    let texts = cube.dimensions.map { $0.valueTexts(language: language.language) }
    for i in 0..<cube.count {
      let indices = cube.valueIndices(ofCell: i)
      var rest = i
      for d in texts.indices.reversed() {
        let theirs = language.values[d]
        out.compare(texts[d][indices[d]], theirs[rest % theirs.count], "cell \(i) text \(d)")
        rest /= theirs.count
      }
      let ours: PyaxisCube.Cell? = cube.values[i].map { .number($0) } ?? cube.symbols[i].map { .symbol($0) }
      if ours != expected.data[i] { out.real.append("cell \(i): \(String(describing: ours)) ≠ \(expected.data[i])") }
    }
    return out
  }

  /// The number of missing cells per symbol.
  private func symbolCounts(_ cube: PXCube) -> [String: Int] {
    cube.symbols.compactMap { $0 }.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }

  @Test("INE 14001 (Windows-1252, a ';' after every row): pyaxis's 8,064 cells, 'sexo ' kept as written")
  func ineMarriages() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/real/14001.px"))
    let expected = try PyaxisCube.load("14001.pyaxis.json")
    let diff = differences(cube, expected, expected.languages[0])
    #expect(diff.real.isEmpty, "\(diff.real.prefix(5))")
    #expect(diff.trimmedByPyaxis == ["sexo "])
    #expect(cube.charset == "Windows-1252")
    #expect(cube.count == 8064 && symbolCounts(cube) == ["..": 2260])
    #expect(cube.values.prefix(8) == [162743, 131818, 1600, 29325, 162743, 133675, 930, 28138])
    #expect(cube.values.suffix(8) == [28, 6, 6, 16, 10, 4, 2, 4])
    let region = cube.dimensions[0]
    #expect(region.valueCodes.first == "CA00" && region.valueCodes.last == "null")
    #expect(region.valueTexts(language: nil)[9] == "Cataluña")
    #expect(cube.dimensions[1].elimination == "Todas las edades")
    #expect(cube.dimensions[2].name == "sexo ")
    #expect(try cube.selecting("sexo", "Esposas").count == 4032)
    #expect(
      cube.title()
        == "Matrimonios de diferente sexo por Comunidad Autónoma de residencia del matrimonio, edad de los cónyuges, "
        + "sexo  y estado civil anterior de los cónyuges. ")
  }

  @Test("INE 27067 (ISO-8859-15, DATA on the DATA= line): pyaxis's 812 cells with '.' and '..'")
  func inePrices() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/real/27067.px"))
    let expected = try PyaxisCube.load("27067.pyaxis.json")
    let diff = differences(cube, expected, expected.languages[0])
    #expect(diff.real.isEmpty, "\(diff.real.prefix(5))")
    #expect(diff.trimmedByPyaxis.isEmpty)
    #expect(cube.charset == "ISO-8859-15")
    #expect(cube.count == 812 && symbolCounts(cube) == [".": 252, "..": 208])
    #expect(cube.dimensions.map(\.name) == ["Comunidades y Ciudades Autónomas", "Divisiones", "Índice y tasas", "Periodo"])
    #expect(cube.dimensions[0].valueCodes == ["CA06"])
    #expect(cube.keyword("PRECISION", arguments: ["Índice y tasas", "Índice"]) == ["3"])
    let note = try #require(cube.keyword("NOTE")?.first)
    #expect(note.contains("no está cubierta en el IPRI") && note.contains("<A HREF='https://www.ine.es/daco/daco42/daco423/divisiones_ccaa.pdf'"))
  }

  @Test("BFS px-x-0602000000_107 (ISO-8859-15, de/fr/it/en): pyaxis's 60,800 cells in each language")
  func swissMultilingual() throws {
    let cube = try PXCube.read(path: Fixtures.path("px/real/px-x-0602000000_107.px"))
    let expected = try PyaxisCube.load("px-x-0602000000_107.pyaxis.json")
    #expect(cube.language == "de" && cube.languages == ["de", "fr", "it", "en"])
    #expect(expected.languages.map(\.language) == ["de", "fr", "it", "en"])
    for language in expected.languages {
      let diff = differences(cube, expected, language)
      #expect(diff.real.isEmpty, "\(language.language ?? "-"): \(diff.real.prefix(5))")
      #expect(diff.trimmedByPyaxis.isEmpty)
    }
    #expect(cube.count == 60800 && cube.symbols.allSatisfy { $0 == nil })
    #expect(cube.charset == "ISO-8859-15")
    #expect(cube.dimensions.map { $0.name(language: "en") } == ["Economic division", "Education level", "Difficulties", "Weight", "Quarter"])
    #expect(cube.dimensions[0].valueCodes.prefix(3) == ["5-96", "5-43", "10-33"])
    #expect(cube.dimensions[4].timeScale == "Q1" && cube.dimensions[4].valueCodes.first == "2004Q1")
    #expect(cube.values.prefix(3) == [9.1091, 9.2381, 9.8568])
    #expect(cube.title(language: "fr")?.hasPrefix("Etablissements selon le niveau de difficultés de recrutement") == true)
    // The French texts hold byte 0x92, a Windows-1252 apostrophe but a control
    // character in the declared ISO-8859-15: both readers keep U+0092.
    #expect(cube.dimensions[0].valueTexts(language: "fr")[8] == "45-47 Commerce, réparation d\u{92}automobiles et de motocycles")
    let english = try cube.selecting("Quarter", "2004Q1").selecting("Weight", "2").selecting("Education level", "1")
    #expect(english.count == 100 && english.values.first == 9.1091)
  }

  @Test("semicolons between cells are delimiters, as in INE's rows; the data runs to the end of the file")
  func semicolonDelimiters() throws {
    let text = "STUB=\"r\";\nHEADING=\"y\";\nVALUES(\"r\")=\"a\",\"b\";\nVALUES(\"y\")=\"1\",\"2\";\nDATA=\n1 \"..\";\n3;4;;\n"
    let cube = try PXCube.parse(bytes: Array(text.utf8))
    #expect(cube.values == [1, nil, 3, 4])
    #expect(cube.symbols == [nil, "..", nil, nil])
  }
}
