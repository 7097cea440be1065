import KraftsamlingKit

/// `--format xlsx --out FILE.xlsx`: the commands that write their tables as
/// an Excel workbook, one sheet per table, instead of printing them.
///
/// A workbook is never written to standard output: `--format xlsx` needs
/// `--out` with a name ending in `.xlsx`, checked before any work is done
/// (exit 64 otherwise). The file is written like every file kraftctl
/// writes: whole or not at all, replacing only a workbook kraftctl wrote
/// (exit 73 otherwise).
enum WorkbookOutput {
  /// The commands that take `--format xlsx`.
  static let commands = ["index", "allocate", "hotspots", "robustness", "compare", "audit", "px"]

  /// The workbook's path with `--format xlsx`, nil with another format.
  ///
  /// - Parameters:
  ///   - format: The format given.
  ///   - out: `--out` as given.
  ///   - outIsWorkbookOnly: Whether `--out` means nothing but the workbook
  ///     (`robustness --out` is otherwise its chart).
  static func path(format: OutputFormat, out: String?, outIsWorkbookOnly: Bool = true) throws(UsageError) -> String? {
    guard format == .xlsx else {
      if let out, outIsWorkbookOnly || out.lowercased().hasSuffix(".xlsx") {
        throw UsageError("--out \(out): a workbook is written with --format xlsx", hint: "add --format xlsx")
      }
      return nil
    }
    guard let out else {
      throw UsageError(
        "--format xlsx needs --out FILE.xlsx: a workbook is not written to standard output",
        hint: "e.g. --format xlsx --out tabeller.xlsx")
    }
    guard out.lowercased().hasSuffix(".xlsx"), out.count > 5, !out.hasSuffix("/.xlsx") else {
      throw UsageError("--out \(out): the workbook's name must end in .xlsx", hint: "e.g. --out tabeller.xlsx")
    }
    return out
  }

  /// Writes the tables as sheets of one workbook at `path`.
  static func write(_ sheets: [(name: String, table: ReportTable)], to path: String, _ io: inout Output) throws {
    var workbook = Workbook()
    for s in sheets { try workbook.append(sheet: s.name, table: s.table) }
    try OutputFile.write(workbook, to: path)
    let rows = sheets.map(\.table.rows.count).reduce(0, +)
    io.note("wrote \(path) (\(workbook.sheetNames.joined(separator: ", ")); \(rows) rows)")
  }
}
