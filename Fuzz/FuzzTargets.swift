// libFuzzer entry point for KraftsamlingKit's readers.
//
// Compiled together with the library's sources into one module by
// Fuzz/run.sh (so internal APIs are reachable); the target is chosen with the
// environment variable KK_FUZZ_TARGET. Every input must be handled without a
// crash, a hang or a sanitizer report: readers either return a value or throw
// a located DataError.

#if canImport(Glibc)
  import Glibc
#endif

/// The names of the targets, as used by KK_FUZZ_TARGET and Fuzz/corpus/<name>.
let fuzzTargets: [String: @Sendable ([UInt8]) -> Void] = [
  "csv": { bytes in
    // The CSV reader in every dialect, then the area table on top.
    for dialect in [CSVDialect.auto, .swedishSpreadsheet, .rfc4180, CSVDialect(encoding: .latin1)] {
      if let doc = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv", dialect: dialect) {
        _ = try? AreaTable.read(doc)
        if let (table, _) = try? AreaTable.read(doc) {
          _ = StatisticsValidator(indicators: IndicatorCatalogue.stadskontoret2025.all).validate(table)
        }
        if let delområden = try? Delområde.readCatalogue(doc) { _ = try? AreaHierarchy(delområden: delområden) }
      }
    }
  },
  "px": { bytes in
    // The PC-Axis reader, then selection, reshaping and every cell's indices.
    guard let cube = try? PXCube.parse(bytes: bytes, source: "fuzz.px", limits: InputLimits(maximumCells: 100_000)) else {
      return
    }
    _ = cube.title(language: cube.languages.last)
    if cube.count > 0 { _ = cube.valueIndices(ofCell: cube.count - 1) }
    for d in cube.dimensions {
      _ = try? cube.areaTable(area: d.name, language: cube.languages.last)
      if let first = d.valueCodes.first, let selected = try? cube.selecting(d.code, [first, d.valueTexts(language: nil).last ?? ""]) {
        _ = try? selected.areaTable(area: cube.dimensions[0].name, columns: [d.name])
      }
    }
  },
  "geojson": { bytes in
    _ = try? GeoJSONReader.parse(bytes: bytes, idProperty: "do_kod", source: "fuzz.geojson")
    _ = try? GeoJSONReader.parse(bytes: bytes, idProperty: "id", source: "fuzz.geojson")
  },
  "json": { bytes in
    if let root = try? JSONParser.parse(bytes, file: "fuzz.json") {
      _ = root.deepest(along: [.key("a"), .index(0)])
    }
  },
  "models": { bytes in
    // Every JSON model through the located decoder.
    _ = try? JSONCoding.decode(Indicator.self, from: bytes, file: "fuzz.json")
    _ = try? JSONCoding.decode(AreaTable.self, from: bytes, file: "fuzz.json")
    _ = try? JSONCoding.decode([Area].self, from: bytes, file: "fuzz.json")
    _ = try? JSONCoding.decode([Aktör].self, from: bytes, file: "fuzz.json")
    _ = try? JSONCoding.decode(IndicatorCatalogue.self, from: bytes, file: "fuzz.json")
    _ = try? JSONCoding.decode(DisclosureControl.self, from: bytes, file: "fuzz.json")
  },
  "index": { bytes in
    // An index definition (JSON), then — if it reads — validated against and
    // run on a small fixed table with the stadskontoret-2025 columns, so
    // that fuzzed parameters (weights, limits, methods) reach the pipeline.
    guard let definition = try? IndexDefinition(json: bytes, file: "fuzz.json") else { return }
    _ = definition.jsonText
    if let result = try? definition.run(on: FuzzFixtures.table, hierarchy: FuzzFixtures.hierarchy) {
      _ = result.rows
      _ = result.aggregated(to: .geso, hierarchy: FuzzFixtures.hierarchy, population: FuzzFixtures.population)
    }
  },
  "rules": { bytes in
    // A rule-set file, read with no named bases, then with Malmö's bases
    // and rule defaults, without and with an area hierarchy to resolve names
    // against; every rule set that reads is evaluated on two insatser.
    let malmö = RuleSetReader(bases: FuzzFixtures.ruleSets, defaults: FuzzFixtures.fullRules)
    var withAreas = malmö
    withAreas.areas = FuzzFixtures.hierarchy
    let context = EligibilityContext(catalogue: FuzzFixtures.catalogue, areas: FuzzFixtures.hierarchy)
    for reader in [RuleSetReader(), malmö, withAreas] {
      if let (set, _) = try? reader.parse(bytes, file: "fuzz.json") {
        _ = set.evaluate(FuzzFixtures.insatser, in: context)
      }
    }
  },
  "insatser": { bytes in
    // An insats file; every insats that reads is validated, exported and
    // judged by the default rule set.
    guard let (file, _) = try? InsatsReader(catalogue: FuzzFixtures.catalogue, areas: FuzzFixtures.hierarchy).parse(bytes, file: "fuzz.json")
    else {
      _ = try? InsatsReader(catalogue: FuzzFixtures.catalogue, areas: nil).parse(bytes, file: "fuzz.json")
      return
    }
    for insats in file.insatser {
      _ = insats.effektlogik.validate()
      _ = insats.effektlogik.mermaid()
      _ = insats.effektlogik.dot()
      _ = insats.effektlogik.text()
      _ = try? insats.totalBudget()
      _ = try? insats.budgetByActor()
      _ = try? insats.budgetByYear()
    }
    _ = FuzzFixtures.fullRules.evaluate(
      file.insatser, in: EligibilityContext(catalogue: FuzzFixtures.catalogue, otherInsatser: file.insatser))
  },
  "consultation": { bytes in
    // A consultation round (kraftsamling-remiss/1): decoded, validated
    // against Malmö's actors, compiled and reported.
    guard let (round, _) = try? Remissomgång.decode(bytes, file: "fuzz.json", catalogue: FuzzFixtures.catalogue) else {
      _ = try? Remissomgång.decode(bytes, file: "fuzz.json", catalogue: nil)
      return
    }
    let compiled = Sammanställning(round, catalogue: FuzzFixtures.catalogue)
    _ = compiled.markdown()
    _ = compiled.text(language: .en)
  },
  "neighbours": { bytes in
    // A neighbour list (code,neighbor), read as written and with symmetric
    // closure, free and against a fixed list of codes; then components and
    // weights of every graph that reads.
    guard let doc = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv") else { return }
    for ids in [nil, FuzzFixtures.codes] as [[String]?] {
      for closure in [false, true] {
        guard let g = try? NeighbourGraph(csv: doc, ids: ids, symmetricClosure: closure) else { continue }
        _ = g.components()
        _ = g.islands
        _ = g.symmetrized()
        _ = g.weights(.rowStandardised)
      }
    }
  },
  "panel": { bytes in
    // A long-format panel CSV (the UVAS series format), then a follow-up
    // over every area with its report and chart.
    guard let doc = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv"),
      let (panel, _) = try? IndicatorPanel.read(doc)
    else { return }
    let groups = panel.codes.prefix(3).map { AreaGroup(id: $0, name: $0, kind: .delområde, codes: [$0]) }
    if let followUp = try? Uppföljning(panel: panel, groups: groups, options: FuzzFixtures.followUpOptions) {
      _ = followUp.text()
      _ = followUp.chart().svg()
    }
  },
  "apportion": { bytes in
    // The weights input of `kraftctl apportion` (name,weight CSV read with
    // ApportionmentWeight(parsing:)), apportioned by every method; the
    // first byte chooses the total.
    guard let doc = try? CSVReader.parse(bytes: bytes, source: "fuzz.csv"), doc.header.count >= 2 else { return }
    var weights: [ApportionmentWeight] = []
    for r in doc.records {
      guard let w = try? ApportionmentWeight(parsing: r.fields[1]), w.mantissa >= 0 else { return }
      weights.append(w)
    }
    let total = Int64(bytes.first ?? 0) * 1_000_003
    for name in ApportionmentRegistry.standard.names {
      guard let method = try? ApportionmentRegistry.standard.make(name) else { continue }
      if let r = try? method.apportion(weights, total: total, ties: .inputOrder) {
        _ = try? ApportionmentCheck(r, method: method)
      }
    }
  },
  "scalars": { bytes in
    // The small text parsers behind command-line values.
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? ApportionmentWeight(parsing: text)
    _ = try? TiePolicy(parsing: text)
    _ = try? Målvärde(parsing: text)
    _ = try? ReferenceValue(parsing: text, source: "fuzz")
    _ = CalendarDate(text)
    _ = PanelReadOptions.kön(from: text)
  },
  "money": { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? Belopp(parsing: text)
    _ = NumberParser.parse(text, decimal: .auto)
    _ = NumberParser.parse(text, decimal: .comma)
  },
]

private let selectedTarget: @Sendable ([UInt8]) -> Void = {
  let name = getenv("KK_FUZZ_TARGET").map { String(cString: $0) } ?? ""
  guard let t = fuzzTargets[name] else {
    let known = fuzzTargets.keys.sorted().joined(separator: ", ")
    let message = "set KK_FUZZ_TARGET to one of: \(known)\n"
    _ = message.withCString { write(2, $0, strlen($0)) }
    exit(2)
  }
  return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  selectedTarget(bytes)
  return 0
}
