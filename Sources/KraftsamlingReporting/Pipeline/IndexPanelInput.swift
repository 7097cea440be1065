import KraftsamlingCore

/// The statistics of several years for the report's section on the index
/// over time: one table per year, the reference year of the scale and an
/// optional map of changed area codes.
package struct IndexPanelInput: Sendable {
  /// One table per year.
  package var tables: [Int: AreaTable]
  /// The year whose normalisation parameters every year uses.
  package var reference: Int
  /// Area codes that changed between the years.
  package var codeMap: AreaCodeMap?

  /// Creates the input.
  package init(tables: [Int: AreaTable], reference: Int, codeMap: AreaCodeMap? = nil) {
    self.tables = tables
    self.reference = reference
    self.codeMap = codeMap
  }
}
