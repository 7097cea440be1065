import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A rank-interval chart of an uncertainty analysis as a self-contained
/// SVG document: one row per area (in order of nominal rank), the rank axis
/// across, a bar from the 5th to the 95th percentile rank, a tick at the
/// median, a dot at the nominal rank and a dashed line at the top-*K*
/// cut-off. Bars are coloured by how often the area was selected.
///
/// Like ``LineChart`` the SVG is static (no scripts, no external fonts or
/// styles) and uses the Okabe–Ito palette, readable with colour-vision
/// deficiencies.
///
/// ```swift
/// let result = try RobustnessAnalysis(replications: 1_000, selection: .top(12)).run(definition, on: table)
/// let chart = RankIntervalChart(result, illustrative: true)   // Swedish labels, "Illustrativa data" footnote
/// let svg = chart.svg()                                        // "<svg xmlns=… </svg>\n", one row per area
/// ```
///
/// - Complexity: O(*r*) for *r* rows.
/// - SeeAlso: COINr `plot_uncertainty`; Okabe & Ito (2008), *Color
///   Universal Design*; W3C SVG 1.1.
public struct RankIntervalChart: Sendable, Hashable {
  /// One area's row.
  package struct Row: Sendable, Hashable {
    /// The label (the area's name).
    package var label: String
    /// The nominal rank.
    package var nominal: Int
    /// The median rank.
    package var median: Double
    /// The 5th percentile rank (the better end).
    package var low: Double
    /// The 95th percentile rank (the worse end).
    package var high: Double
    /// The share of replications in which the area was selected, if known.
    package var selectionProbability: Double?

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - label: The area's name.
    ///   - nominal: The nominal rank.
    ///   - median: The median rank.
    ///   - low: The 5th percentile rank.
    ///   - high: The 95th percentile rank.
    ///   - selectionProbability: The share of replications selected.
    package init(label: String, nominal: Int, median: Double, low: Double, high: Double, selectionProbability: Double? = nil) {
      self.label = label
      self.nominal = nominal
      self.median = median
      self.low = low
      self.high = high
      self.selectionProbability = selectionProbability
    }
  }

  /// The title.
  package var title: String
  /// A subtitle (e.g. the definition and the replications).
  package var subtitle: String?
  /// The rows, top to bottom.
  package var rows: [Row]
  /// *K*: a dashed line is drawn between rank *K* and *K* + 1.
  package var cutoff: Int?
  /// Footnote lines (data label, method).
  package var footnotes: [String] = []
  /// The language of the legend and the axis.
  package var language: ReportLanguage
  /// Bars of areas selected in at least this share of replications are
  /// drawn as stable (blue); from half of it as uncertain (orange); below
  /// as rarely selected (grey).
  package var stableProbability: Double = 0.9

  /// Creates an empty chart.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - subtitle: A subtitle.
  ///   - language: Swedish (default) or English.
  package init(title: String, subtitle: String? = nil, language: ReportLanguage = .sv) {
    self.title = title
    self.subtitle = subtitle
    self.rows = []
    self.cutoff = nil
    self.language = language
  }

  /// The chart of an uncertainty analysis.
  ///
  /// Shows the nominally selected areas, every area selected in at least
  /// one replication, and at least the top 2*K* (at most `maximumRows`),
  /// in order of nominal rank.
  ///
  /// - Parameters:
  ///   - result: The analysis.
  ///   - maximumRows: The most rows to draw (default 60).
  ///   - language: Swedish (default) or English.
  ///   - illustrative: Adds the footnote "Illustrativa data – inte officiell
  ///     statistik" (English: "Illustrative data – not official statistics").
  public init(
    _ result: RobustnessResult, maximumRows: Int = 60, language: ReportLanguage = .sv, illustrative: Bool = false
  ) {
    let sv = language == .sv
    var k: Int? = nil
    if case .top(let top) = result.selection { k = top }
    let selected = result.nominallySelectedCount
    let minimum = max(2 * (k ?? selected), 10)
    let shown = result.areas.enumerated().filter { i, a in
      a.isNominallySelected || a.selectionProbability > 0 || i < minimum
    }.map(\.element).prefix(maximumRows)
    self.init(
      title: sv ? "Hur säker är rangordningen?" : "How certain is the ranking?",
      subtitle: result.definition.isEmpty ? nil : result.definition, language: language)
    rows = shown.map {
      Row(
        label: $0.displayName, nominal: $0.nominalRank, median: $0.medianRank, low: $0.p05Rank, high: $0.p95Rank,
        selectionProbability: $0.selectionProbability)
    }
    cutoff = k
    let r = language.integer(result.replications)
    let varied = result.factors.map { f in
      switch f {
      case .weights: sv ? "vikter" : "weights"
      case .normalization: sv ? "normalisering" : "normalisation"
      case .aggregation: sv ? "aggregering" : "aggregation"
      case .droppedIndicator: sv ? "en indikator utelämnad" : "one indicator left out"
      case .noise: sv ? "binomialt brus" : "binomial noise"
      }
    }.joined(separator: ", ")
    footnotes.append(
      sv
        ? "\(r) replikationer (slumpfrö \(result.seed)); stapel: 5:e–95:e percentilen av rangen; varierat: \(varied)"
        : "\(r) replications (seed \(result.seed)); bar: 5th–95th percentile rank; varied: \(varied)")
    if illustrative {
      footnotes.append(sv ? "Illustrativa data – inte officiell statistik" : "Illustrative data – not official statistics")
    }
  }

  /// The chart as an SVG document.
  ///
  /// - Parameter width: The width in pixels (default 960); the height
  ///   follows from the number of rows (22 px each).
  /// - Returns: The SVG text, ending with a newline.
  public func svg(width: Int = 960) -> String {
    let frame = Frame(self, width: width)
    let f = Frame.f
    let e = SVGWriter.escape
    let height = Int(frame.H.rounded(.up))

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
    out += "<title>\(e(title))</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
    out += "<text x=\"20\" y=\"30\" font-size=\"18\" font-weight=\"bold\">\(e(title))</text>\n"
    if let subtitle { out += "<text x=\"20\" y=\"52\" fill=\"#444444\">\(e(subtitle))</text>\n" }
    writeLegend(&out, frame)
    writeAxis(&out, frame)
    for (i, r) in rows.enumerated() { writeRow(&out, r, at: i, frame) }
    for (i, note) in footnotes.enumerated() {
      out += "<text x=\"20\" y=\"\(f(frame.H - 14 - Double(footnotes.count - 1 - i) * 16))\" fill=\"#444444\" font-size=\"11\">\(e(note))</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// The layout: a row of 22 px per area under the legend, and the rank
  /// axis from 1 to a round end.
  private struct Frame {
    let rowHeight = 22.0
    let W: Double
    let left = 230.0
    let right: Double
    let top: Double
    let bottom: Double
    let H: Double
    let tickStep: Double
    let axisEnd: Double

    init(_ chart: RankIntervalChart, width: Int) {
      W = Double(width)
      right = W - 70
      top = (chart.subtitle == nil ? 60.0 : 80.0) + 30
      bottom = top + Double(max(chart.rows.count, 1)) * rowHeight
      H = bottom + 64 + Double(chart.footnotes.count) * 16
      var maxRank = 1.0
      for r in chart.rows { maxRank = Swift.max(maxRank, r.high, Double(r.nominal), r.median) }
      if let cutoff = chart.cutoff { maxRank = Swift.max(maxRank, Double(cutoff) + 1) }
      (tickStep, axisEnd) = RankIntervalChart.ticks(maxRank)
    }

    func X(_ rank: Double) -> Double { left + (rank - 0.5) / (axisEnd - 0.5) * (right - left) }
    static func f(_ d: Double) -> String { DecimalFormatting.fixed(d, places: 1) }
  }

  /// The legend above the rows: nominal rank, median, and the three
  /// colours of the bars by selection probability.
  private func writeLegend(_ out: inout String, _ frame: Frame) {
    let sv = language == .sv
    let f = Frame.f
    let ly = frame.top - 36
    var lx = 20.0
    out += "<circle cx=\"\(f(lx + 6))\" cy=\"\(f(ly))\" r=\"5\" fill=\"#000000\"/>\n"
    out += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly + 4))\">\(sv ? "Nominell rang" : "Nominal rank")</text>\n"
    lx += 130
    out += "<line x1=\"\(f(lx + 6))\" y1=\"\(f(ly - 7))\" x2=\"\(f(lx + 6))\" y2=\"\(f(ly + 7))\" stroke=\"#000000\" stroke-width=\"2\"/>\n"
    out += "<text x=\"\(f(lx + 16))\" y=\"\(f(ly + 4))\">Median</text>\n"
    lx += 80
    let stable = DecimalFormatting.percent(stableProbability, places: 0)
    let half = DecimalFormatting.percent(stableProbability / 2, places: 0)
    let bands: [(String, String)] = [
      ("#0072B2", sv ? "5–95 %, vald i ≥ \(stable) %" : "5–95 %, selected in ≥ \(stable) %"),
      ("#E69F00", sv ? "vald i \(half)–\(stable) %" : "selected in \(half)–\(stable) %"),
      ("#BBBBBB", sv ? "vald i < \(half) %" : "selected in < \(half) %"),
    ]
    for (colour, label) in bands {
      out += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 4))\" width=\"22\" height=\"8\" rx=\"3\" fill=\"\(colour)\"/>\n"
      out += "<text x=\"\(f(lx + 28))\" y=\"\(f(ly + 4))\">\(SVGWriter.escape(label))</text>\n"
      lx += 36 + Double(label.count) * 6.6
    }
  }

  /// The row stripes (first, so that the grid and the cut-off stay
  /// visible), the grid and the rank axis, and the cut-off.
  private func writeAxis(_ out: inout String, _ frame: Frame) {
    let sv = language == .sv
    let f = Frame.f
    let (left, right, top, bottom) = (frame.left, frame.right, frame.top, frame.bottom)
    for i in rows.indices where i % 2 == 1 {
      let y = top + Double(i) * frame.rowHeight
      out += "<rect x=\"20\" y=\"\(f(y))\" width=\"\(f(right - 20))\" height=\"\(f(frame.rowHeight))\" fill=\"#f4f4f4\"/>\n"
    }
    var ticks: [Double] = [1]
    var t = frame.tickStep
    while t <= frame.axisEnd + 1e-9 {
      if t > 1 { ticks.append(t) }
      t += frame.tickStep
    }
    for tick in ticks {
      let x = frame.X(tick)
      out += "<line x1=\"\(f(x))\" y1=\"\(f(top - 6))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" stroke=\"#e6e6e6\"/>\n"
      out += "<text x=\"\(f(x))\" y=\"\(f(bottom + 18))\" text-anchor=\"middle\">\(Int(tick))</text>\n"
    }
    out += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#444444\"/>\n"
    out += "<text x=\"\(f((left + right) / 2))\" y=\"\(f(bottom + 38))\" text-anchor=\"middle\" fill=\"#444444\">\(sv ? "Rang (1 = mest utsatt)" : "Rank (1 = most vulnerable)")</text>\n"
    out += "<text x=\"\(f(right + 8))\" y=\"\(f(top - 10))\" fill=\"#444444\" font-size=\"11\">\(sv ? "vald" : "selected")</text>\n"
    if let cutoff {
      let x = frame.X(Double(cutoff) + 0.5)
      out += "<line x1=\"\(f(x))\" y1=\"\(f(top - 12))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" stroke=\"#D55E00\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n"
      out += "<text x=\"\(f(x + 4))\" y=\"\(f(top - 14))\" fill=\"#D55E00\" font-size=\"11\">\(sv ? "topp \(cutoff)" : "top \(cutoff)")</text>\n"
    }
  }

  /// One area's row: its label, the 5–95 % bar coloured by selection
  /// probability (with a tooltip), the median, the nominal rank and the
  /// probability.
  private func writeRow(_ out: inout String, _ r: Row, at i: Int, _ frame: Frame) {
    let sv = language == .sv
    let f = Frame.f
    let e = SVGWriter.escape
    let y = frame.top + (Double(i) + 0.5) * frame.rowHeight
    out += "<text x=\"\(f(frame.left - 10))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(r.nominal). \(e(r.label))</text>\n"
    let p = r.selectionProbability
    let colour = p.map { $0 >= stableProbability ? "#0072B2" : ($0 >= stableProbability / 2 ? "#E69F00" : "#BBBBBB") } ?? "#0072B2"
    let x0 = frame.X(r.low) - 6  // a bar at least 12 px long, visible around the dot
    let x1 = frame.X(r.high) + 6
    var tip = "\(r.label): " + (sv ? "nominell rang \(r.nominal), median " : "nominal rank \(r.nominal), median ")
    tip += language.number(r.median, places: 1) + ", 5–95 %: " + language.number(r.low, places: 1) + "–" + language.number(r.high, places: 1)
    if let p { tip += sv ? ", vald i \(language.percent(p, places: 0))" : ", selected in \(language.percent(p, places: 0))" }
    out += "<rect x=\"\(f(x0))\" y=\"\(f(y - 4))\" width=\"\(f(x1 - x0))\" height=\"8\" rx=\"4\" fill=\"\(colour)\"><title>\(e(tip))</title></rect>\n"
    let xm = frame.X(r.median)
    out += "<line x1=\"\(f(xm))\" y1=\"\(f(y - 7))\" x2=\"\(f(xm))\" y2=\"\(f(y + 7))\" stroke=\"#000000\" stroke-width=\"2\"/>\n"
    out += "<circle cx=\"\(f(frame.X(Double(r.nominal))))\" cy=\"\(f(y))\" r=\"4.5\" fill=\"#000000\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n"
    if let p {
      out += "<text x=\"\(f(frame.right + 8))\" y=\"\(f(y + 4))\" fill=\"#444444\" font-size=\"11\">\(language.percent(p, places: 0))</text>\n"
    }
  }

  /// A round tick step (1, 2, 5, 10, 20, 50…) giving at most about 12
  /// ticks, and the axis end: the next multiple of the step at or above
  /// the largest rank.
  static func ticks(_ maxRank: Double) -> (step: Double, end: Double) {
    var step = 1.0
    for candidate in [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000] {
      step = candidate
      if maxRank / candidate <= 12 { break }
    }
    let end = Swift.max(step, (maxRank / step).rounded(.up) * step)
    return (step, end)
  }
}
