import KraftsamlingCore

/// The style sheet of the HTML report: the rules for the screen and the
/// rules for printing (A4 portrait; tables that fit the page width and
/// repeat their header row; figures kept whole; page numbers and the
/// document's notice on every page).
///
/// Page numbers and the notice are `@page` margin boxes, which Chromium
/// prints from version 131 (also in `--headless --print-to-pdf` with
/// `--no-pdf-header-footer`); `Scripts/print-report.sh` prints the report
/// that way.
enum ReportStyle {
  /// The whole style sheet for a document with this title, notice and language.
  static func css(title: String, notice: String?, language: ReportLanguage) -> String {
    screen + print + page(title: title, notice: notice, language: language)
  }

  /// The rules for the screen (and the base for print). Table cells may
  /// break after `_` (the HTML puts `<wbr/>` there), so long indicator names
  /// wrap instead of pushing columns out of view.
  static let screen = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:62rem;margin:0 auto;padding:1.5rem;color:#1b1b1b;line-height:1.45}\
    h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:2px solid #0a5a8a;padding-bottom:.2rem;margin-top:2.2rem}\
    h3{margin-top:1.4rem}.subtitle{color:#555;margin-top:0}\
    .notice{background:#fff4d6;border-left:5px solid #e0a800;padding:.6rem .9rem;font-weight:600}\
    .note{background:#eef5fa;border-left:4px solid #0a5a8a;padding:.5rem .8rem}\
    nav ol{columns:2}table{border-collapse:collapse;font-size:.9rem;margin:.6rem 0}\
    th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}\
    th{background:#f2f4f6;vertical-align:bottom;overflow-wrap:break-word}\
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.3rem 0}\
    .table{overflow-x:auto}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}\
    figcaption{font-size:.9rem;color:#333}.source{color:#666;font-style:italic}\
    table:has(th:nth-child(9)){font-size:.8rem}table:has(th:nth-child(9)) :is(th,td){padding:.2rem .3rem}\
    pre.code{background:#f6f8fa;padding:.7rem;overflow-x:auto;font-size:.85rem}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}\
    dt{font-weight:600}dd{margin:0}
    """

  /// The rules for print: no scrolling boxes (what does not fit would be
  /// cut off), tables as wide as the page with cells that wrap anywhere if
  /// they must, header rows repeated on every page, figures whole and no
  /// taller than a page.
  static let print = """
    @media print{\
    html{font-size:10pt}body{max-width:none;margin:0;padding:0;color:#000;line-height:1.35}\
    nav{display:none}h2{margin-top:1.4rem;break-after:avoid}h3,caption{break-after:avoid}\
    .notice,.note,th{print-color-adjust:exact;-webkit-print-color-adjust:exact}\
    .table,pre.code{overflow:visible}\
    table{width:100%;table-layout:auto;font-size:8pt;break-inside:auto}\
    thead{display:table-header-group}tfoot{display:table-footer-group}tr{break-inside:avoid}\
    th,td{padding:.15rem .3rem;overflow-wrap:break-word}table:has(th:nth-child(9)){font-size:7pt}\
    figure{break-inside:avoid;margin:.6rem 0}figcaption{font-size:8.5pt}\
    figure svg{display:block;width:auto;height:auto;max-width:100%;max-height:195mm;margin:0 auto}\
    pre.code{white-space:pre-wrap;overflow-wrap:anywhere;font-size:7.5pt;break-inside:avoid}\
    dl{grid-template-columns:minmax(0,max-content) minmax(0,1fr)}dd{overflow-wrap:anywhere}\
    }
    """

  /// The page box: A4 portrait, the notice at the top of every page (when
  /// there is one), the title and "Sida n av m" at the bottom.
  static func page(title: String, notice: String?, language: ReportLanguage) -> String {
    let box = "font-family:system-ui,sans-serif;font-size:8pt;color:#444"
    var rules = "@page{size:A4 portrait;margin:16mm 15mm 16mm 15mm;"
    if let notice {
      rules += "@top-center{content:\(cssString(notice));\(box);font-weight:600;color:#7a5a00}"
    }
    rules += "@bottom-left{content:\(cssString(title));\(box)}"
    rules += "@bottom-right{content:\(cssString(language.pick("Sida ", "Page "))) counter(page) "
    rules += "\(cssString(language.pick(" av ", " of "))) counter(pages);\(box)}}"
    return rules
  }

  /// A CSS string literal for `text`: quotes and backslashes escaped, and
  /// `<`, `>` and `&` as CSS escapes, so the style element stays valid in
  /// both HTML and XML.
  static func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"", "\\", "<", ">", "&", "\n", "\r":
        out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
