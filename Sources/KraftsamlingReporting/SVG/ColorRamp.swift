import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// A sequential colour ramp for choropleth classes: colours interpolated
/// in sRGB between stops, light for low values and dark for high ones.
///
/// The built-in ramps use the nine-class stops of Cynthia Brewer's
/// ColorBrewer schemes (colorbrewer2.org), chosen to stay distinguishable
/// in print and for most colour-vision deficiencies. For *k* classes the
/// ramp is sampled at *i*/(*k* − 1).
///
/// ```swift
/// ColorRamp.yellowOrangeRed.colours(3)   // ["#ffffcc", "#fd8d3c", "#800026"]
/// ```
public struct ColorRamp: Sendable, Hashable, Codable {
  /// The stops as `#rrggbb`, from low to high.
  package var stops: [String]

  /// Creates a ramp from at least two `#rrggbb` stops.
  ///
  /// - Precondition: at least two stops, each `#` followed by six hex digits.
  package init(stops: [String]) {
    precondition(stops.count >= 2 && stops.allSatisfy { ColorRamp.rgb($0) != nil }, "a ramp needs two or more #rrggbb stops")
    self.stops = stops
  }

  /// ColorBrewer YlOrRd (yellow–orange–red): the default, for indices
  /// where high means more need.
  public static let yellowOrangeRed = ColorRamp(stops: [
    "#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026",
  ])
  /// ColorBrewer Blues.
  package static let blues = ColorRamp(stops: [
    "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b",
  ])
  /// ColorBrewer Purples.
  package static let purples = ColorRamp(stops: [
    "#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d",
  ])

  /// ColorBrewer RdBu reversed (blue–white–red), a diverging ramp for
  /// values in [−1, 1] such as correlations: blue negative, white 0, red positive.
  package static let blueWhiteRed = ColorRamp(stops: [
    "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b",
  ])

  /// The colour at position `t` in [0, 1].
  package func colour(at t: Double) -> String {
    let t = Swift.min(1, Swift.max(0, t.isNaN ? 0 : t))
    let pos = t * Double(stops.count - 1)
    let i = Swift.min(Int(pos), stops.count - 2)
    let f = pos - Double(i)
    let a = Self.rgb(stops[i])!, b = Self.rgb(stops[i + 1])!
    func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
    return Self.hex(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
  }

  /// `k` colours evenly spread from the lightest to the darkest stop (one
  /// colour, the middle of the ramp, when `k` is 1).
  package func colours(_ k: Int) -> [String] {
    guard k > 1 else { return k == 1 ? [colour(at: 0.5)] : [] }
    return (0..<k).map { colour(at: Double($0) / Double(k - 1)) }
  }

  static func rgb(_ s: String) -> (Int, Int, Int)? {
    let u = Array(s.utf8)
    guard u.count == 7, u[0] == UInt8(ascii: "#") else { return nil }
    func h(_ c: UInt8) -> Int? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A")) + 10
      default: nil
      }
    }
    var v: [Int] = []
    for k in stride(from: 1, to: 7, by: 2) {
      guard let a = h(u[k]), let b = h(u[k + 1]) else { return nil }
      v.append(a * 16 + b)
    }
    return (v[0], v[1], v[2])
  }

  static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
    let digits = Array("0123456789abcdef")
    var s = "#"
    for c in [r, g, b] {
      s.append(digits[(c >> 4) & 15])
      s.append(digits[c & 15])
    }
    return s
  }
}

/// Categories with fixed colours and legend labels, for categorical maps
/// such as the LISA cluster map.
///
/// ```swift
/// let lisa = CategoricalScheme.lisa
/// lisa.categories.map(\.key)   // ["HH", "LH", "LL", "HL", "ns"]
/// ```
public struct CategoricalScheme: Sendable, Hashable, Codable {
  /// One category.
  public struct Category: Sendable, Hashable, Codable {
    /// The value that areas carry, e.g. `HH`.
    package var key: String
    /// The legend text.
    package var label: String
    /// The fill colour, `#rrggbb`.
    package var colour: String
    /// Creates a category.
    public init(key: String, label: String, colour: String) {
      self.key = key
      self.label = label
      self.colour = colour
    }
  }

  /// The categories in legend order.
  package var categories: [Category]

  /// Creates a scheme.
  public init(categories: [Category]) { self.categories = categories }

  /// The LISA cluster map of Local Moran's I, in PySAL's quadrant order
  /// (1 HH, 2 LH, 3 LL, 4 HL) plus `ns` for not significant, with the
  /// conventional colours of PySAL's `splot.esda.lisa_cluster`: HH red
  /// `#d7191c`, LH light blue `#abd9e9`, LL blue `#2c7bb6`, HL orange
  /// `#fdae61`, not significant light grey `#d3d3d3`. Labels are Swedish.
  public static let lisa = CategoricalScheme(categories: [
    Category(key: "HH", label: "Högt bland höga (HH)", colour: "#d7191c"),
    Category(key: "LH", label: "Lågt bland höga (LH)", colour: "#abd9e9"),
    Category(key: "LL", label: "Lågt bland låga (LL)", colour: "#2c7bb6"),
    Category(key: "HL", label: "Högt bland låga (HL)", colour: "#fdae61"),
    Category(key: "ns", label: "Inte signifikant", colour: "#d3d3d3"),
  ])
}
