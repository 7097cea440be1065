extension Delområde {
  /// Reads a delområde catalogue: one row per delområde with columns
  /// `do_kod`, `name`, `name_official`, `stadsdel_2012`, `geso_2022_code`,
  /// `geso_2022_name`, `area_m2`, `label_lon`, `label_lat` (the layout of
  /// Malmö's open area layers; see `Documentation/DataFormats.md`).
  /// `name_official`, `stadsdel_2012`, `area_m2` and the label point are
  /// optional columns.
  ///
  /// - Throws: ``DataError`` with every problem: missing required columns,
  ///   empty or duplicate codes, non-numeric areas or coordinates.
  package static func readCatalogue(_ doc: CSVDocument) throws(DataError) -> [Delområde] {
    var problems: [Diagnostic] = []
    func column(_ name: String, required: Bool) -> Int? {
      let i = doc.columnIndex(name)
      if i == nil && required {
        problems.append(
          Diagnostic(.error, code: "areas.missing-column", "the area catalogue has no column '\(name)'",
            at: SourceLocation(file: doc.source, line: 1)))
      }
      return i
    }
    let code = column("do_kod", required: true)
    let name = column("name", required: true)
    let gesoCode = column("geso_2022_code", required: true)
    let gesoName = column("geso_2022_name", required: true)
    let official = column("name_official", required: false)
    let stadsdel = column("stadsdel_2012", required: false)
    let area = column("area_m2", required: false)
    let lon = column("label_lon", required: false)
    let lat = column("label_lat", required: false)
    guard let code, let name, let gesoCode, let gesoName else { throw DataError(diagnostics: problems) }
    var out: [Delområde] = []
    var seen: [String: Int] = [:]
    for r in doc.records {
      let c = r.fields[code].trimmingWhitespace()
      if c.isEmpty {
        problems.append(Diagnostic(.error, code: "areas.empty-code", "the area code is empty", at: doc.location(line: r.line, column: code)))
        continue
      }
      if let first = seen[c] {
        problems.append(
          Diagnostic(.error, code: "areas.duplicate-code", "area code \(c) appears again (first on line \(first))",
            at: doc.location(line: r.line, column: code)))
        continue
      }
      seen[c] = r.line
      func number(_ i: Int?) -> Double? {
        guard let i else { return nil }
        let t = r.fields[i].trimmingWhitespace()
        if doc.isMissing(t) { return nil }
        guard let v = doc.number(t) else {
          problems.append(
            Diagnostic(.error, code: "areas.non-numeric", "cell is not a number: '\(t)'", at: doc.location(line: r.line, column: i)))
          return nil
        }
        return v
      }
      let label: Coordinate? = {
        guard let x = number(lon), let y = number(lat) else { return nil }
        return Coordinate(x: x, y: y)
      }()
      let text = { (i: Int?) -> String? in
        guard let i else { return nil }
        let t = r.fields[i].trimmingWhitespace()
        return t.isEmpty ? nil : t
      }
      out.append(
        Delområde(
          code: c, name: r.fields[name].trimmingWhitespace(), officialName: text(official),
          geso: GeSO(code: r.fields[gesoCode].trimmingWhitespace(), name: r.fields[gesoName].trimmingWhitespace()),
          stadsdel: text(stadsdel), areaSquareMetres: number(area), labelPoint: label))
    }
    if problems.containsErrors { throw DataError(diagnostics: problems) }
    return out
  }
}

extension AreaHierarchy {
  /// A hierarchy of delområden with their GeSO as parents (and the GeSO as
  /// areas of their own), so that names resolve at both levels.
  public init(delområden: [Delområde]) throws(DataError) {
    var gesos: [GeSO] = []
    for d in delområden where !gesos.contains(where: { $0.code == d.geso.code }) { gesos.append(d.geso) }
    let gesoAreas = gesos.map { Area(code: $0.code, name: $0.name, level: .geso) }
    try self.init(areas: delområden.map(\.area) + gesoAreas)
  }
}
