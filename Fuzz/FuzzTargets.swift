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
