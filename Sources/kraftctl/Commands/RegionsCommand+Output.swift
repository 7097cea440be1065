import KraftsamlingKit

/// A regionalisation in each of `kraftctl regions`'s formats.
struct RegionsRendering {
  var result: Regionalization
  var names: [String: String]
  var floorColumn: String?

  /// Eight colours that tell neighbouring regions apart.
  static let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]

  func print(format: OutputFormat, _ io: inout Output) {
    if format == .json {
      io.print(json: json())
      return
    }
    io.print(areaTable(), as: format)
  }

  /// code,name,region — one row per area, in the graph's order.
  func areaTable() -> ReportTable {
    var t = ReportTable(columns: ["code", "name", "region"])
    let codes = result.regionCodes
    for (i, id) in result.ids.enumerated() {
      t.append([id, names[id] ?? id, result.regionOfArea[i].map { codes[$0] } ?? ""])
    }
    return t
  }

  /// region,areas,floor_total,heterogeneity,members.
  func regionTable(numbers: ReportTable.Numbers) -> ReportTable {
    var t = ReportTable(
      columns: ["region", "areas", "floor_total", "heterogeneity", "members"],
      alignments: [.left, .right, .right, .right, .left])
    for (code, r) in zip(result.regionCodes, result.regions) {
      t.append([
        code, String(r.members.count), numbers.format(r.floorTotal, places: 0),
        numbers.format(r.heterogeneity, places: 3), r.members.joined(separator: " "),
      ])
    }
    return t
  }

  /// One line per region and the total on standard error.
  func notes(_ io: inout Output) {
    let floor = floorColumn ?? "areas"
    io.note(
      "\(result.method.rawValue): \(result.regions.count) regions, heterogeneity (within-region SSD of the standardised attributes) \(DecimalFormatting.fixed(result.objective, places: 4))"
    )
    for (code, r) in zip(result.regionCodes, result.regions) {
      io.note(
        "  \(code): \(r.members.count) areas, \(floor) \(DecimalFormatting.shortest(r.floorTotal)), SSD \(DecimalFormatting.fixed(r.heterogeneity, places: 3))"
      )
    }
  }

  func json() -> JSON {
    let codes = result.regionCodes
    return [
      "method": .string(result.method.rawValue), "objective": .number(result.objective),
      "floor_column": JSON(floorColumn), "warnings": .array(result.warnings.map(JSON.string)),
      "areas": .array(
        result.ids.indices.map { i in
          ["code": .string(result.ids[i]), "region": JSON(result.regionOfArea[i].map { codes[$0] })]
        }),
      "regions": .array(
        zip(codes, result.regions).map { code, r in
          [
            "region": .string(code), "members": .array(r.members.map(JSON.string)),
            "floor_total": .number(r.floorTotal), "heterogeneity": .number(r.heterogeneity),
          ]
        }),
    ]
  }

  /// The regions outlined and coloured so neighbouring regions differ (greedy colouring).
  func writeMap(layer: AreaLayer, to path: String, _ io: inout Output) throws {
    let method = result.method == .skater ? "SKATER" : "max-p"
    var map = AreaMap(layer: layer, title: "\(result.regions.count) regioner (\(method))")
    let colours = regionColours(layer: layer)
    let codes = result.regionCodes
    for (i, id) in result.ids.enumerated() {
      guard let r = result.regionOfArea[i] else { continue }
      map.fills[id] = Self.palette[colours[r] % Self.palette.count]
      map.tooltips[id] = "\(codes[r]) – \(names[id] ?? id)"
    }
    map.outlines = result.regions.map(\.members)
    map.outlineLabel = "Region (numrerad; grannregioner har olika färg)"
    let svg = map.svg()
    try OutputFile.write(svg, to: path)
    io.note("wrote \(path) (\(svg.utf8.count) bytes)")
  }

  /// A colour index per region, the smallest not used by a touching region.
  private func regionColours(layer: AreaLayer) -> [Int] {
    let graph = (try? layer.contiguity(.queen).graph)
    var touching = [Set<Int>](repeating: [], count: result.regions.count)
    if let graph {
      var regionOfCode: [String: Int] = [:]
      for (i, id) in result.ids.enumerated() { regionOfCode[id] = result.regionOfArea[i] }
      for (i, id) in result.ids.enumerated() {
        guard let r = result.regionOfArea[i], let row = graph.index(of: id) else { continue }
        for j in graph.neighbours(of: row) {
          if let s = regionOfCode[graph.ids[j]], s != r { touching[r].insert(s) }
        }
      }
    }
    var colour = [Int](repeating: -1, count: result.regions.count)
    for r in colour.indices {
      let used = Set(touching[r].map { colour[$0] })
      colour[r] = (0...).first { !used.contains($0) }!
    }
    return colour
  }
}
