import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A report as structured content — sections of paragraphs, tables and
/// figures — that renders to a self-contained HTML page and to Markdown.
///
/// The pipeline report of `kraftctl report` is built as one of these, so
/// that the HTML and the Markdown always say the same thing.
///
/// ```swift
/// var doc = ReportDocument(title: "Kraftsamlande insatser", language: .sv)
/// var s = ReportSection(id: "metod", title: "Metod")
/// s.blocks.append(.paragraph("Index: stadskontoret-2025, version 1."))
/// doc.sections.append(s)
/// let html = doc.html()          // <!DOCTYPE html>… with a table of contents
/// let md = doc.markdown()        // # Kraftsamlande insatser …
/// ```
package struct ReportDocument: Sendable, Hashable {
  /// The title.
  package var title: String
  /// A line under the title (e.g. the municipality and date).
  package var subtitle: String?
  /// The language of the fixed texts.
  package var language: ReportLanguage
  /// A notice shown at the top of the document in a box (e.g. "illustrative data").
  package var notice: String?
  /// The sections, in order.
  package var sections: [ReportSection]

  /// Creates an empty document.
  package init(title: String, subtitle: String? = nil, language: ReportLanguage = .sv, notice: String? = nil) {
    self.title = title
    self.subtitle = subtitle
    self.language = language
    self.notice = notice
    self.sections = []
  }
}

/// One section of a ``ReportDocument``.
package struct ReportSection: Sendable, Hashable {
  /// An anchor id (ASCII letters, digits and dashes), e.g. `metod`.
  package var id: String
  /// The heading.
  package var title: String
  /// The content, in order.
  package var blocks: [ReportBlock]

  /// Creates a section.
  package init(id: String, title: String, blocks: [ReportBlock] = []) {
    self.id = id
    self.title = title
    self.blocks = blocks
  }
}

/// A piece of content in a report section.
package enum ReportBlock: Sendable, Hashable {
  /// A paragraph of plain text.
  case paragraph(String)
  /// A bulleted list.
  case bullets([String])
  /// A table with an optional caption.
  case table(ReportTable, caption: String?)
  /// A figure: SVG markup, a caption, a source line, and the file name
  /// it is saved as beside the Markdown (e.g. `figures/karta.svg`).
  case figure(svg: String, caption: String, source: String, fileName: String)
  /// A highlighted note (e.g. a caveat or the illustrative-data label).
  case note(String)
  /// Label–value pairs (e.g. the method's parameters).
  case definitions([ReportDefinition])
  /// Preformatted text such as Mermaid or DOT source.
  case code(String, language: String)
  /// A sub-heading.
  case heading(String)
}

/// A label and its value, for ``ReportBlock/definitions(_:)``.
package struct ReportDefinition: Sendable, Hashable {
  /// The label.
  package var term: String
  /// The value.
  package var value: String
  /// Creates a pair.
  package init(_ term: String, _ value: String) {
    self.term = term
    self.value = value
  }
}
