import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

extension ReportDocument {
  /// The report as Markdown (GitHub-flavoured). Figures are linked by their
  /// ``ReportBlock/figure(svg:caption:source:fileName:)`` file names, which
  /// the writer saves beside the Markdown file.
  ///
  /// - Complexity: O(size of the content).
  package func markdown() -> String {
    var m = "# \(title)\n\n"
    if let subtitle { m += "_\(subtitle)_\n\n" }
    if let notice { m += "> **\(notice)**\n\n" }
    m += "## \(language.pick("Innehåll", "Contents"))\n\n"
    for (i, s) in sections.enumerated() { m += "\(i + 1). [\(s.title)](#\(s.id))\n" }
    m += "\n"
    for s in sections {
      m += "<a id=\"\(s.id)\"></a>\n\n## \(s.title)\n\n"
      for b in s.blocks { m += Self.markdown(b) }
    }
    return m
  }

  static func markdown(_ block: ReportBlock) -> String {
    switch block {
    case .paragraph(let t): return t + "\n\n"
    case .heading(let t): return "### \(t)\n\n"
    case .bullets(let items): return items.map { "- \($0)\n" }.joined() + "\n"
    case .note(let t): return "> \(t)\n\n"
    case .code(let t, let lang): return "```\(lang)\n\(t)\n```\n\n"
    case .definitions(let pairs): return pairs.map { "- **\($0.term):** \($0.value)\n" }.joined() + "\n"
    case .figure(_, let caption, let source, let fileName):
      return "![\(caption)](\(fileName))\n\n_\(caption) \(source)_\n\n"
    case .table(let t, let caption):
      return (caption.map { "**\($0)**\n\n" } ?? "") + t.markdown() + "\n"
    }
  }
}
