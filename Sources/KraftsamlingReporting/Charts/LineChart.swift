import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A line chart of yearly series as a self-contained SVG document: lines
/// broken at missing years and at series breaks, target markers, vertical
/// rules for breaks, a legend and a footnote (e.g. the data label).
///
/// The SVG is static (no scripts, no external fonts or styles), so it
/// renders the same in browsers, word processors and PDF converters; the
/// palette is Okabe–Ito, readable with colour-vision deficiencies.
///
/// A user gets one from ``Uppföljning/chart(language:)``; its series,
/// markers and rules are built by the library (`package`).
///
/// ```swift
/// let svg = followUp.chart().svg()     // "<svg xmlns=… </svg>"
/// ```
///
/// - Complexity: O(s·y + m) for s series of y years and m markers.
/// - SeeAlso: W3C SVG 1.1; Okabe & Ito (2008), *Color Universal Design*.
public struct LineChart: Sendable, Hashable {
  /// How a line is drawn.
  package enum Style: String, Sendable, Hashable, Codable {
    /// A solid line with points.
    case solid
    /// A dashed line with points.
    case dashed
    /// A dotted line without points (e.g. a required path to a target).
    case dotted
    /// Points only, no line (e.g. single published values).
    case points
  }

  /// One line.
  package struct Series: Sendable, Hashable {
    /// The legend label.
    package var name: String
    /// The years, ascending.
    package var years: [Int]
    /// The values (proportions), `nil` for a missing year (the line breaks there).
    package var values: [Double?]
    /// How it is drawn.
    package var style: Style
    /// The colour (`#RRGGBB`), or `nil` for the next palette colour.
    package var colour: String?
    /// The line width in pixels.
    package var width: Double
    /// Whether the line is drawn across missing years (for a path between
    /// sparse points, such as a required path to targets); it never
    /// crosses a rule.
    package var connectsGaps: Bool

    /// Creates a series.
    ///
    /// - Parameters:
    ///   - name: The legend label.
    ///   - years: The years, ascending.
    ///   - values: One value per year, `nil` for missing.
    ///   - style: How it is drawn.
    ///   - colour: `#RRGGBB`, or `nil` for the palette.
    ///   - width: The line width.
    ///   - connectsGaps: Whether to draw across missing years.
    /// - Precondition: `years.count == values.count`.
    package init(
      name: String, years: [Int], values: [Double?], style: Style = .solid, colour: String? = nil, width: Double = 2,
      connectsGaps: Bool = false
    ) {
      precondition(years.count == values.count, "one value per year")
      self.name = name
      self.years = years
      self.values = values
      self.style = style
      self.colour = colour
      self.width = width
      self.connectsGaps = connectsGaps
    }
  }

  /// A marked point, e.g. a target.
  package struct Marker: Sendable, Hashable {
    /// The year.
    package var year: Int
    /// The value (proportion).
    package var value: Double
    /// The label written beside it.
    package var label: String
    /// The colour (`#RRGGBB`).
    package var colour: String

    /// Creates a marker.
    ///
    /// - Parameters:
    ///   - year: The year.
    ///   - value: The value.
    ///   - label: The label.
    ///   - colour: The colour.
    package init(year: Int, value: Double, label: String, colour: String = "#D55E00") {
      self.year = year
      self.value = value
      self.label = label
      self.colour = colour
    }
  }

  /// A vertical rule just before a year, e.g. a series break; lines are
  /// not drawn across it.
  package struct Rule: Sendable, Hashable {
    /// The first year after the rule.
    package var year: Int
    /// The label.
    package var label: String

    /// Creates a rule.
    ///
    /// - Parameters:
    ///   - year: The first year after the rule.
    ///   - label: The label.
    package init(year: Int, label: String) {
      self.year = year
      self.label = label
    }
  }

  /// The Okabe–Ito palette (black first).
  package static let palette = ["#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

  /// The title.
  package var title: String
  /// A subtitle (e.g. the definition version).
  package var subtitle: String?
  /// The y-axis label.
  package var yAxisLabel: String
  /// The lines.
  package var series: [Series] = []
  /// Marked points.
  package var markers: [Marker] = []
  /// Vertical rules.
  package var rules: [Rule] = []
  /// Footnote lines (data label, sources).
  package var footnotes: [String] = []
  /// The decimal separator of axis labels (`,` for Swedish).
  package var decimalSeparator: Character = ","
  /// Whether the values are proportions, labelled as percentages on the y
  /// axis (the default), or plain numbers such as index scores.
  package var valuesArePercentages = true

  /// Creates an empty chart.
  ///
  /// - Parameters:
  ///   - title: The title.
  ///   - subtitle: A subtitle.
  ///   - yAxisLabel: The y-axis label.
  package init(title: String, subtitle: String? = nil, yAxisLabel: String) {
    self.title = title
    self.subtitle = subtitle
    self.yAxisLabel = yAxisLabel
  }

  /// The chart as an SVG document.
  ///
  /// - Parameters:
  ///   - width: The width in pixels (default 960).
  ///   - height: The height in pixels (default 600).
  /// - Returns: The SVG text, ending with a newline.
  public func svg(width: Int = 960, height: Int = 600) -> String {
    let plot = Plot(self, width: width, height: height)
    let f = Plot.f
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"13\">\n"
    out += "<title>\(Self.escape(title))</title>\n"
    out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
    out += "<text x=\"\(f(plot.left))\" y=\"30\" font-size=\"18\" font-weight=\"bold\">\(Self.escape(title))</text>\n"
    if let subtitle { out += "<text x=\"\(f(plot.left))\" y=\"52\" fill=\"#444444\">\(Self.escape(subtitle))</text>\n" }
    writeAxes(&out, plot)
    writeRules(&out, plot)
    let legend = writeSeries(&out, plot)
    writeMarkers(&out, plot)
    writeLegend(&out, legend, plot)
    // Footnotes.
    for (i, note) in footnotes.enumerated() {
      out += "<text x=\"\(f(plot.left))\" y=\"\(f(plot.H - 14 - Double(footnotes.count - 1 - i) * 16))\" fill=\"#444444\" font-size=\"11\">\(Self.escape(note))</text>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// The plot area and its scales: years on x (half a year of margin at
  /// each end), values on y from 0 or below to a round step.
  private struct Plot {
    let W: Double
    let H: Double
    let left = 70.0
    let right: Double
    let top: Double
    let bottom: Double
    let x0: Double
    let x1: Double
    let y0: Double
    let y1: Double
    let step: Double

    init(_ chart: LineChart, width: Int, height: Int) {
      W = Double(width)
      H = Double(height)
      let legendWidth = 230.0
      right = W - legendWidth - 20
      top = chart.subtitle == nil ? 56.0 : 76.0
      bottom = H - 50 - Double(chart.footnotes.count) * 16
      var years: [Int] = chart.series.flatMap(\.years) + chart.markers.map(\.year) + chart.rules.map(\.year)
      if years.isEmpty { years = [0, 1] }
      x0 = Double(years.min()!) - 0.5
      x1 = Double(years.max()!) + 0.5
      // Non-finite values cannot be placed on the axis; they are not drawn.
      var ys: [Double] = (chart.series.flatMap { $0.values.compactMap { $0 } } + chart.markers.map(\.value)).filter(\.isFinite)
      if ys.isEmpty { ys = [0, 1] }
      (y0, y1, step) = LineChart.niceRange(min(0, ys.min()!), ys.max()!)
    }

    func X(_ year: Double) -> Double { left + (year - x0) / (x1 - x0) * (right - left) }
    func Y(_ v: Double) -> Double { bottom - (v - y0) / (y1 - y0) * (bottom - top) }
    static func f(_ d: Double) -> String { DecimalFormatting.fixed(d, places: 1) }
  }

  /// A y-axis label: a percentage with as many decimals as the step needs,
  /// or a plain number.
  private func axisLabel(_ v: Double, step: Double) -> String {
    if valuesArePercentages {
      return DecimalFormatting.percent(v, places: step * 100 >= 1 ? 0 : 1, separator: decimalSeparator) + " %"
    }
    return DecimalFormatting.fixed(v, places: step >= 1 ? 0 : (step >= 0.1 ? 1 : 2), separator: decimalSeparator)
  }

  /// The horizontal grid with the y axis's percentages and label, and the
  /// x axis with its years.
  private func writeAxes(_ out: inout String, _ plot: Plot) {
    let f = Plot.f
    let (left, right, bottom) = (plot.left, plot.right, plot.bottom)
    var v = plot.y0
    var gridLines = 0
    // niceRange gives at most 9 lines; the bound stops a step too small to
    // change v (values near ±1e20) from looping for ever.
    while v <= plot.y1 + plot.step / 2 && gridLines < 100 {
      gridLines += 1
      let y = plot.Y(v)
      out += "<line x1=\"\(f(left))\" y1=\"\(f(y))\" x2=\"\(f(right))\" y2=\"\(f(y))\" stroke=\"#e0e0e0\"/>\n"
      out += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(axisLabel(v, step: plot.step))</text>\n"
      v += plot.step
    }
    out += "<text transform=\"translate(16 \(f((plot.top + bottom) / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#444444\">\(Self.escape(yAxisLabel))</text>\n"
    let span = Int(plot.x1 - plot.x0)
    let every = span > 24 ? 5 : (span > 12 ? 2 : 1)
    out += "<line x1=\"\(f(left))\" y1=\"\(f(bottom))\" x2=\"\(f(right))\" y2=\"\(f(bottom))\" stroke=\"#444444\"/>\n"
    for year in Int(plot.x0 + 0.5)...Int(plot.x1 - 0.5) where year % every == 0 {
      let x = plot.X(Double(year))
      out += "<line x1=\"\(f(x))\" y1=\"\(f(bottom))\" x2=\"\(f(x))\" y2=\"\(f(bottom + 5))\" stroke=\"#444444\"/>\n"
      out += "<text x=\"\(f(x))\" y=\"\(f(bottom + 20))\" text-anchor=\"middle\">\(year)</text>\n"
    }
  }

  /// The dashed vertical rules (series breaks) with their labels.
  private func writeRules(_ out: inout String, _ plot: Plot) {
    let f = Plot.f
    for r in rules {
      let x = plot.X(Double(r.year) - 0.5)
      out += "<line x1=\"\(f(x))\" y1=\"\(f(plot.top))\" x2=\"\(f(x))\" y2=\"\(f(plot.bottom))\" stroke=\"#888888\" stroke-dasharray=\"4 4\"/>\n"
      out += "<text x=\"\(f(x + 4))\" y=\"\(f(plot.top + 12))\" fill=\"#555555\" font-size=\"11\">\(Self.escape(r.label))</text>\n"
    }
  }

  /// Every series as lines and points, broken at gaps and rules.
  ///
  /// - Returns: The legend: each series's name, colour and style.
  private func writeSeries(_ out: inout String, _ plot: Plot) -> [(String, String, Style)] {
    let f = Plot.f
    let breakYears = Set(rules.map(\.year))
    var paletteIndex = 0
    var legend: [(String, String, Style)] = []
    for s in series {
      let colour = s.colour ?? Self.palette[paletteIndex % Self.palette.count]
      if s.colour == nil { paletteIndex += 1 }
      legend.append((s.name, colour, s.style))
      let segments = Self.segments(of: s, breakYears: breakYears, plot)
      let dash = s.style == .dashed ? " stroke-dasharray=\"8 5\"" : (s.style == .dotted ? " stroke-dasharray=\"2 4\"" : "")
      if s.style != .points {
        for seg in segments where seg.count > 1 {
          out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(f(s.width))\"\(dash) points=\"" + seg.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>\n"
        }
      }
      if s.style != .dotted {
        for seg in segments {
          for p in seg { out += "<circle cx=\"\(f(p.0))\" cy=\"\(f(p.1))\" r=\"\(s.style == .points ? 5 : 3)\" fill=\"\(colour)\"/>\n" }
        }
      }
    }
    return legend
  }

  /// The drawn points of a series, split where a value is missing (unless
  /// the series connects gaps), a year is skipped, or a rule intervenes.
  private static func segments(of s: Series, breakYears: Set<Int>, _ plot: Plot) -> [[(Double, Double)]] {
    var segments: [[(Double, Double)]] = []
    var current: [(Double, Double)] = []
    var previousYear: Int? = nil
    for (year, value) in zip(s.years, s.values) {
      let broken = previousYear.map { p in (!s.connectsGaps && year - p > 1) || breakYears.contains { $0 > p && $0 <= year } } ?? false
      if (value == nil && !s.connectsGaps) || broken {
        if current.count > 0 { segments.append(current) }
        current = []
      }
      if let value {
        current.append((plot.X(Double(year)), plot.Y(value)))
        previousYear = year
      } else if !s.connectsGaps {
        previousYear = nil
      }
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }

  /// The target markers: a diamond with its label.
  private func writeMarkers(_ out: inout String, _ plot: Plot) {
    let f = Plot.f
    for m in markers {
      let x = plot.X(Double(m.year))
      let y = plot.Y(m.value)
      out += "<path d=\"M \(f(x)) \(f(y - 8)) L \(f(x + 8)) \(f(y)) L \(f(x)) \(f(y + 8)) L \(f(x - 8)) \(f(y)) Z\" fill=\"\(m.colour)\" stroke=\"#ffffff\"/>\n"
      out += "<text x=\"\(f(x))\" y=\"\(f(y - 13))\" text-anchor=\"middle\" fill=\"\(m.colour)\" font-weight=\"bold\">\(Self.escape(m.label))</text>\n"
    }
  }

  /// The legend right of the plot: a key per series, and one for the
  /// targets.
  private func writeLegend(_ out: inout String, _ legend: [(String, String, Style)], _ plot: Plot) {
    let f = Plot.f
    var ly = plot.top + 4
    let lx = plot.right + 24
    for (name, colour, style) in legend {
      let dash = style == .dashed ? " stroke-dasharray=\"8 5\"" : (style == .dotted ? " stroke-dasharray=\"2 4\"" : "")
      if style == .points {
        out += "<circle cx=\"\(f(lx + 12))\" cy=\"\(f(ly))\" r=\"5\" fill=\"\(colour)\"/>\n"
      } else {
        out += "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 24))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash)/>\n"
      }
      let lines = Self.wrap(name, width: 26)
      for (i, line) in lines.enumerated() {
        out += "<text x=\"\(f(lx + 32))\" y=\"\(f(ly + 4 + Double(i) * 15))\">\(Self.escape(line))</text>\n"
      }
      ly += 22 + Double(lines.count - 1) * 15
    }
    if !markers.isEmpty {
      out += "<path d=\"M \(f(lx + 12)) \(f(ly - 7)) L \(f(lx + 19)) \(f(ly)) L \(f(lx + 12)) \(f(ly + 7)) L \(f(lx + 5)) \(f(ly)) Z\" fill=\"\(markers[0].colour)\"/>\n"
      out += "<text x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">\(decimalSeparator == "," ? "Mål (användarens)" : "Target (user-set)")</text>\n"
    }
  }

  /// A y range from 0 or below that ends on a round step, with 4–8 steps.
  static func niceRange(_ lo: Double, _ hi: Double) -> (Double, Double, Double) {
    let span = max(hi - lo, 1e-9)
    var step = 1e-4
    for candidate in [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10] {
      step = candidate
      if span / candidate <= 8 { break }
    }
    // Beyond the list: 20, 50, 100, 200, … as far as needed for at most 8
    // intervals (stopping at 10 made a span of 1e300 draw 1e299 grid lines).
    var decade = 10.0
    while span / step > 8 && step.isFinite {
      if step == decade {
        step = 2 * decade
      } else if step == 2 * decade {
        step = 5 * decade
      } else {
        decade *= 10
        step = decade
      }
    }
    let a = (lo / step).rounded(.down) * step
    let b = (hi / step).rounded(.up) * step
    return (a, b == hi ? b + step : b, step)
  }

  /// XML-escapes text (``SVGWriter/escape(_:)``).
  static func escape(_ s: String) -> String { SVGWriter.escape(s) }

  /// Splits a label into lines of at most `width` characters at spaces.
  static func wrap(_ s: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in s.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = String(word)
      } else {
        line += (line.isEmpty ? "" : " ") + word
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
  }
}
