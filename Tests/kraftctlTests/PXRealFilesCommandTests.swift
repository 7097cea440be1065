import Foundation
import Testing

@Suite("kraftctl px and index on real PC-Axis files")
struct PXRealFilesCommandTests {
  private let marriages = Run.fixture("px/real/14001.px")
  private let swiss = Run.fixture("px/real/px-x-0602000000_107.px")
  private let region = "Comunidad Autónoma de residencia del matrimonio"

  @Test("px on INE 14001: the cells of one region, 'sexo' found although the file writes 'sexo '")
  func marriagesOfOneRegion() throws {
    let r = try Run.kraftctl(
      "px", marriages, "--select", "sexo=Esposas", "--select", "edad de los cónyuges=Todas las edades", "--select", "\(region)=CA13")
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0].hasPrefix("\(region).code,\(region).text,edad de los cónyuges.code,"))
    #expect(lines[0].contains(",sexo .code,sexo .text,") && lines[0].hasSuffix(",value,symbol"))
    #expect(lines[1].hasPrefix("CA13,\"Madrid, Comunidad de\",") && lines[1].hasSuffix(",Total,Total,23797,"))
    #expect(lines[4].hasSuffix(",Divorciados/as,Divorciados/as,3315,"))
  }

  @Test("px --lang fr --format json on the Swiss file: French names and texts, the published numbers")
  func swissInFrench() throws {
    let r = try Run.kraftctl(
      "px", swiss, "--lang", "fr", "--select", "Trimestre=2004Q1", "--select", "Pondération=2", "--select", "Niveau de formation=1",
      "--select", "Niveau de difficultés=1", "--format", "json")
    #expect(r.status == 0, "\(r.stderr)")
    let cells = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
    #expect(cells.count == 20)
    #expect(cells[1]["Division économique.text"] as? String == "5-43 SECTEUR II")
    #expect(cells[1]["Niveau de formation.text"] as? String == "Haute école")
    #expect(cells[1]["Pondération.text"] as? String == "Pondération selon le nombre d'emplois")
    #expect(cells.prefix(3).map { $0["value"] as? Double } == [9.1091, 9.0637, 11.2343])
  }

  /// The area table of brides (all ages) per region, written from pyaxis's
  /// reading of 14001 (`14001.pyaxis.json`), with the file's region codes.
  private func bridesCSVFromPyaxis() throws -> String {
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Run.fixture("px/real/14001.pyaxis.json"))))
    let root = try #require(json as? [String: Any])
    let languages = try #require(root["languages"] as? [[String: Any]])
    let values = try #require(languages.first?["values"] as? [[String]])
    let data = try #require(root["data"] as? [Any])
    let codes = (0...19).map { "CA" + ($0 < 10 ? "0" : "") + String($0) } + ["null"]
    #expect(values.map(\.count) == [21, 48, 2, 4] && values[1][0] == "Todas las edades" && values[2][1] == "Esposas")
    func cell(_ r: Int, _ c: Int) -> String {
      let x = data[((r * 48 + 0) * 2 + 1) * 4 + c]
      return (x as? Double).map { String(Int($0)) } ?? "\(x)"
    }
    var csv = "code,name," + values[3].joined(separator: ",") + "\n"
    for (r, name) in values[0].enumerated() {
      let quoted = name.contains(",") ? "\"\(name)\"" : name
      csv += ([codes[r], quoted] + (0..<4).map { cell(r, $0) }).joined(separator: ",") + "\n"
    }
    return csv
  }

  private let definition = """
    {
      "format": "kraftsamling-index-definition", "formatVersion": 1, "id": "ine-matrimonios", "version": "1",
      "title": "Brudar som tidigare varit skilda eller änkor (test över INE 14001)",
      "summary": "A test definition over a real INE table: two shares of the brides by their previous civil status.",
      "indicators": [
        {"id": "divorciadas", "name": "Tidigare skilda", "numerator": "Divorciados/as", "denominator": "Total"},
        {"id": "viudas", "name": "Tidigare änkor", "numerator": "Viudos/as", "denominator": "Total"}
      ],
      "normalization": "zscore", "aggregation": "arithmetic",
      "missingData": {"method": "exclude"}, "smallNumbers": {"minDenominator": 10, "shrinkage": "none"}
    }
    """

  @Test("index --data 14001.px --area --select ranks the regions as pyaxis's cells written as CSV")
  func indexFromRealPX() throws {
    let dir = try Run.temporaryDirectory()
    let definitionFile = dir.appendingPathComponent("index.json")
    try Data(definition.utf8).write(to: definitionFile)
    let csvFile = dir.appendingPathComponent("brudar.csv")
    try Data(try bridesCSVFromPyaxis().utf8).write(to: csvFile)
    let csv = try Run.kraftctl("index", "--data", csvFile.path, "--definition", definitionFile.path, "--format", "csv")
    let px = try Run.kraftctl(
      "index", "--data", marriages, "--area", region, "--select", "sexo=Esposas", "--select", "edad de los cónyuges=Todas las edades",
      "--definition", definitionFile.path, "--format", "csv")
    #expect(csv.status == 0 && px.status == 0, "\(csv.stderr) \(px.stderr)")
    #expect(px.stdout == csv.stdout)
    let rows = px.stdout.split(separator: "\n")
    #expect(rows.count == 22)
    #expect(rows[1].hasPrefix("CA18,Ceuta,") && rows[1].contains(",1,1,"))
    let husbands = try Run.kraftctl(
      "index", "--data", marriages, "--area", region, "--select", "sexo=Esposos", "--select", "edad de los cónyuges=Todas las edades",
      "--definition", definitionFile.path, "--format", "csv")
    #expect(husbands.status == 0 && husbands.stdout != px.stdout)
  }
}
