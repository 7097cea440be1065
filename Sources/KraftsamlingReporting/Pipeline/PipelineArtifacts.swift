import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// Everything a pipeline report consists of: the document (HTML and
/// Markdown), its figures as SVG files, and every table as CSV (and the
/// machine-readable results as JSON).
///
/// The CSV files are in the dialect of the report's language
/// (``csvStyle``): a Swedish report's open in Swedish Excel, an English
/// report's are RFC 4180.
public struct PipelineArtifacts: Sendable {
  /// A figure written beside the report.
  package struct Figure: Sendable, Hashable {
    /// The file name, e.g. `figurer/karta-index.svg`.
    package var fileName: String
    /// The SVG text.
    package var svg: String
    /// The caption.
    package var caption: String
  }

  /// A table written as CSV beside the report.
  package struct Table: Sendable, Hashable {
    /// The file name, e.g. `tabeller/index.csv`.
    package var fileName: String
    /// The table.
    package var table: ReportTable
  }

  /// The report.
  package var document: ReportDocument
  /// The figures, in the order they appear.
  package var figures: [Figure]
  /// The tables, in the order they appear.
  package var tables: [Table]
  /// JSON files (name → text), e.g. the index result and the allocation.
  package var json: [(fileName: String, text: String)]

  /// How the tables are written: ``ReportTable/CSVStyle/excelSwedish`` for a
  /// Swedish report (its readers open the files in Excel with Swedish
  /// settings), ``ReportTable/CSVStyle/rfc4180`` for an English one.
  package var csvStyle: ReportTable.CSVStyle { document.language == .sv ? .excelSwedish : .rfc4180 }

  /// Every file of the report directory: `index.html`, `rapport.md` (or
  /// `report.md`), the figures, the CSV tables (in ``csvStyle``), the same
  /// tables as an Excel workbook (`tabeller.xlsx`) and the JSON files, in a
  /// fixed order. Write them with ``OutputDirectory``.
  public var files: [GeneratedFile] {
    var out = [
      GeneratedFile(path: "index.html", text: document.html()),
      GeneratedFile(path: document.language == .sv ? "rapport.md" : "report.md", text: document.markdown()),
    ]
    out += figures.map { GeneratedFile(path: $0.fileName, text: $0.svg) }
    out += tables.map { GeneratedFile(path: $0.fileName, text: $0.table.csv(csvStyle)) }
    if let workbook { out.append(workbook) }
    out += json.map { GeneratedFile(path: $0.fileName, text: $0.text) }
    return out
  }
}
