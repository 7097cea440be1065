import KraftsamlingCore

extension PipelineArtifacts {
  /// The name of the report's workbook, beside `tabeller/`.
  package static let workbookFileName = "tabeller.xlsx"

  /// Every table of the report in one Excel workbook, `tabeller.xlsx`: a
  /// sheet per CSV file of `tabeller/`, in the same order, named by the
  /// file's name without its folder and `.csv` (`tabeller/index.csv` →
  /// `index`), with the same cells — numbers as numbers.
  ///
  /// Nil when the report has no tables, or when a table is larger than an
  /// Excel sheet holds (over a million rows); the CSV files have every row.
  package var workbook: GeneratedFile? {
    guard !tables.isEmpty else { return nil }
    var workbook = Workbook()
    for t in tables {
      let name = t.fileName.split(separator: "/").last.map(String.init) ?? t.fileName
      let sheet = name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
      do { try workbook.append(sheet: sheet, table: t.table) } catch { return nil }
    }
    return GeneratedFile(path: Self.workbookFileName, bytes: workbook.bytes())
  }
}
