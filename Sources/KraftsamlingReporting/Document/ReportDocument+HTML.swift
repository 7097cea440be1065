import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension ReportDocument {
  /// The report as one self-contained HTML5 page (polyglot markup that is
  /// also well-formed XML): inline CSS, inline SVG
  /// figures, a table of contents, no external resources and no scripts,
  /// so it can be attached to an ärende and opened anywhere.
  ///
  /// - Complexity: O(size of the content).
  package func html() -> String {
    var h = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(HTML.escape(title))</title>
      <style>\(ReportStyle.css(title: title, notice: notice, language: language))</style>
      </head>
      <body>
      <header>
      <h1>\(HTML.escape(title))</h1>

      """
    if let subtitle { h += "<p class=\"subtitle\">\(HTML.escape(subtitle))</p>\n" }
    if let notice { h += "<p class=\"notice\" role=\"note\">\(HTML.escape(notice))</p>\n" }
    h += "</header>\n<nav aria-label=\"\(language.pick("Innehåll", "Contents"))\">\n<h2>\(language.pick("Innehåll", "Contents"))</h2>\n<ol>\n"
    for s in sections { h += "<li><a href=\"#\(HTML.escape(s.id))\">\(HTML.escape(s.title))</a></li>\n" }
    h += "</ol>\n</nav>\n<main>\n"
    for s in sections {
      h += "<section id=\"\(HTML.escape(s.id))\">\n<h2>\(HTML.escape(s.title))</h2>\n"
      for b in s.blocks { h += Self.html(b) }
      h += "</section>\n"
    }
    h += "</main>\n</body>\n</html>\n"
    return h
  }

  static func html(_ block: ReportBlock) -> String {
    switch block {
    case .paragraph(let t): return "<p>\(HTML.escape(t))</p>\n"
    case .heading(let t): return "<h3>\(HTML.escape(t))</h3>\n"
    case .bullets(let items): return "<ul>\n" + items.map { "<li>\(HTML.escape($0))</li>\n" }.joined() + "</ul>\n"
    case .note(let t): return "<p class=\"note\">\(HTML.escape(t))</p>\n"
    case .code(let t, let lang): return "<pre class=\"code \(HTML.escape(lang))\"><code>\(HTML.escape(t))</code></pre>\n"
    case .definitions(let pairs):
      return "<dl>\n" + pairs.map { "<dt>\(HTML.escape($0.term))</dt><dd>\(HTML.escape($0.value))</dd>\n" }.joined() + "</dl>\n"
    case .figure(let svg, let caption, let source, _):
      return "<figure>\n\(Self.stripXMLDeclaration(svg))\n<figcaption>\(HTML.escape(caption)) <span class=\"source\">\(HTML.escape(source))</span></figcaption>\n</figure>\n"
    case .table(let t, let caption):
      var h = "<div class=\"table\"><table>\n"
      if let caption { h += "<caption>\(HTML.escape(caption))</caption>\n" }
      h += "<thead><tr>" + zip(t.columns, t.alignments).map { "<th\($1 == .right ? " class=\"num\"" : "")>\(cell($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      for r in t.rows {
        h += "<tr>" + zip(r, t.alignments).map { "<td\($1 == .right ? " class=\"num\"" : "")>\(cell($0))</td>" }.joined() + "</tr>\n"
      }
      return h + "</tbody>\n</table></div>\n"
    }
  }

  /// A table cell's text, escaped, with a line-break opportunity (`<wbr/>`)
  /// after each `_`, so identifiers such as `ej_behoriga_yrkesprogram_ak9`
  /// wrap in a narrow column instead of widening the table.
  static func cell(_ text: String) -> String {
    HTML.escape(text).split(separator: "_", omittingEmptySubsequences: false).joined(separator: "_<wbr/>")
  }

  static func stripXMLDeclaration(_ svg: String) -> String {
    guard svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: ">") else { return svg }
    return String(svg[svg.index(after: end)...]).trimmingWhitespace()
  }
}

/// HTML text escaping: the same rules as SVG text (the report is polyglot
/// markup, well-formed as XML), so there is one escaping function.
enum HTML {
  /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
  static func escape(_ s: String) -> String { SVGWriter.escape(s) }
}
