import KraftsamlingCore
import KraftsamlingIndex

extension Regionalization {
  /// The codes the regions get in ``aggregate(_:)``: `R1`, `R2`, ….
  package var regionCodes: [String] { regions.indices.map { "R\($0 + 1)" } }

  /// A table with one row per region: each column summed over the region's
  /// members, so that an index definition's rates (numerator over
  /// denominator) are recomputed from the sums and the index runs on the
  /// regions as on any areas.
  ///
  /// Sum only counts: a column of rates, medians or other non-additive
  /// values means nothing summed, so leave those out of `table` (the
  /// index's value indicators cannot be aggregated this way). A region's
  /// cell is missing when any member's is, since a partial sum would
  /// understate it. Areas left out of every region are not counted.
  ///
  /// ```swift
  /// let regional = try regions.aggregate(statistics)
  /// regional.codes                     // ["R1", "R2", …]
  /// let result = try definition.run(on: regional)
  /// ```
  ///
  /// - Parameter table: Counts per area; it must have a row for every
  ///   member of a region.
  /// - Returns: The region table, rows named after their first member
  ///   (“R1: Augustenborg + 3”).
  /// - Throws: ``GeographyError`` `unknownArea` for a member with no row.
  /// - Complexity: O(*n* · *c*) for *c* columns.
  public func aggregate(_ table: AreaTable) throws(GeographyError) -> AreaTable {
    var rowsOfRegion: [[Int]] = []
    for region in regions {
      var rows: [Int] = []
      for code in region.members {
        guard let row = table.row(ofCode: code) else {
          throw GeographyError(.unknownArea, "area \(code) of a region has no row in the table", areas: [code])
        }
        rows.append(row)
      }
      rowsOfRegion.append(rows)
    }
    let codes = regionCodes
    let names = zip(codes, rowsOfRegion).map { code, rows in
      "\(code): \(table.displayName(row: rows[0]))" + (rows.count > 1 ? " + \(rows.count - 1)" : "")
    }
    var out = AreaTable(codes: codes, names: names, source: table.source)
    for name in table.columnNames {
      guard let column = table.column(name) else { continue }
      let sums = rowsOfRegion.map { rows -> Double? in
        var total = 0.0
        for r in rows {
          guard let v = column[r] else { return nil }
          total += v
        }
        return total
      }
      // One value per region by construction, so this cannot throw.
      try? out.addColumn(name, sums)
    }
    return out
  }
}
