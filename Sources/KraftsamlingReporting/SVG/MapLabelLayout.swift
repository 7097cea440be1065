import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingGeography
import KraftsamlingInsatser
import KraftsamlingAllocation
import KraftsamlingFollowUp

/// How ``AreaMap`` places the names of labelled areas.
///
/// Maps of Malmö with a dozen or more labels crowd in the dense centre,
/// where delområden are a few dozen pixels wide and their names longer.
/// The default, ``avoidCollisions``, places labels one at a time in the
/// order of ``AreaMap/labels`` (so the first — usually the best-ranked —
/// area wins a contested spot): at the area's label point if the text fits
/// there, else at the first free position around it, with a thin leader
/// line back to the point; a label that fits nowhere is drawn as a small
/// number at its point and listed with its name in the legend.
///
/// ```swift
/// var map = try AreaMap.choropleth(layer: MalmöData.layer, values: scores, title: "Index")
/// map.labels = selection.codes              // e.g. the top 20
/// map.labelPlacement = .avoidCollisions     // the default
/// map.labelPlacement = .numbered            // every label a number, names in the legend
/// ```
///
/// Placement is deterministic: the same map always gives the same SVG.
public enum MapLabelPlacement: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every name at its area's label point, even where names overlap.
  case atLabelPoint = "label-point"
  /// Names where they do not overlap other names, cluster numbers or other
  /// labelled points: at the label point, else at the first free of 24
  /// positions around it (above, below, right, left, the four diagonals,
  /// at three distances) with a leader line, else as a number with the
  /// name in the legend.
  case avoidCollisions = "avoid-collisions"
  /// Every label as a number at its label point, the names listed in the
  /// legend — for maps with many labels.
  case numbered
}

/// A rectangle in drawing coordinates (pixels, y down).
struct LabelBox: Sendable, Hashable {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  /// A box of the given size centred on (x, y).
  init(centreX x: Double, y: Double, width: Double, height: Double) {
    minX = x - width / 2
    maxX = x + width / 2
    minY = y - height / 2
    maxY = y + height / 2
  }

  init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// Whether the interiors overlap (touching edges do not).
  func intersects(_ o: LabelBox) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }

  /// Whether `o` lies inside this box.
  func contains(_ o: LabelBox) -> Bool { o.minX >= minX && o.maxX <= maxX && o.minY >= minY && o.maxY <= maxY }

  /// Whether the segment from `a` to `b` passes through the box's interior
  /// (Liang–Barsky clipping).
  func crossedBy(_ a: (Double, Double), _ b: (Double, Double)) -> Bool {
    var t0 = 0.0, t1 = 1.0
    let dx = b.0 - a.0, dy = b.1 - a.1
    for (p, q) in [(-dx, a.0 - minX), (dx, maxX - a.0), (-dy, a.1 - minY), (dy, maxY - a.1)] {
      if p == 0 {
        if q <= 0 { return false }
      } else {
        let r = q / p
        if p < 0 { t0 = Swift.max(t0, r) } else { t1 = Swift.min(t1, r) }
        if t0 >= t1 { return false }
      }
    }
    return true
  }

  /// Whether the segments a–b and c–d cross (proper crossings and
  /// touching both count; collinear overlaps too).
  static func segmentsCross(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double), _ d: (Double, Double))
    -> Bool
  {
    func orient(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double)) -> Double {
      (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0)
    }
    func within(_ p: (Double, Double), _ q: (Double, Double), _ r: (Double, Double)) -> Bool {
      Swift.min(p.0, q.0) <= r.0 && r.0 <= Swift.max(p.0, q.0) && Swift.min(p.1, q.1) <= r.1 && r.1 <= Swift.max(p.1, q.1)
    }
    let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
    if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) { return true }
    return (o1 == 0 && within(a, b, c)) || (o2 == 0 && within(a, b, d)) || (o3 == 0 && within(c, d, a))
      || (o4 == 0 && within(c, d, b))
  }

  /// The point of the box nearest to (x, y).
  func nearestPoint(to x: Double, _ y: Double) -> (Double, Double) {
    (Swift.min(Swift.max(x, minX), maxX), Swift.min(Swift.max(y, minY), maxY))
  }
}

/// The placement of map labels: a greedy, deterministic collision-avoiding
/// layout (see ``MapLabelPlacement``).
///
/// Each label is a text box of estimated size. In order of priority, a
/// label takes the first candidate position whose box lies inside the map,
/// overlaps no box placed before it, no obstacle (cluster numbers, the
/// other labels' anchor points) and no leader line, and whose own leader
/// line crosses no placed box and no other leader. A label with no free
/// candidate becomes a number at its anchor.
///
/// - Complexity: O(*c* · *n*²) for *n* labels and *c* = 25 candidates each
///   (a linear scan of placed boxes; maps carry tens of labels).
struct MapLabelLayout: Sendable {
  /// One label to place.
  struct Request: Sendable, Hashable {
    /// The point the label belongs to (the area's label point), in pixels.
    var x: Double
    var y: Double
    /// The text.
    var text: String
  }

  /// Where a label went.
  enum Placement: Sendable, Hashable {
    /// The text centred at (x, y); `leader` when it is away from its point
    /// (draw a line from the point to the box).
    case text(x: Double, y: Double, leader: Bool)
    /// A number at the label's point; the name goes in the legend.
    case number(Int)
  }

  /// The font size of labels, in pixels.
  var fontSize: Double = 11
  /// Extra space around a text box (the white halo).
  var padding: Double = 2
  /// The half-size of the reserved square around each anchor point.
  var anchorRadius: Double = 2.5
  /// The size of a number marker's box.
  var numberSize: Double = 14

  /// The box height of a label.
  var boxHeight: Double { fontSize + 2 * padding }

  /// The estimated width of a text in the sans-serif label font: a
  /// per-character advance in ems (narrow ≈ 0.3, wide ≈ 0.85, capitals
  /// ≈ 0.68, others ≈ 0.56) — enough to keep labels apart without
  /// measuring fonts.
  func textWidth(_ s: String) -> Double {
    var em = 0.0
    for c in s {
      switch c {
      case "i", "l", "j", "t", "f", "r", "I", ".", ",", ":", ";", "'", " ", "!", "|", "-": em += 0.3
      case "m", "w", "M", "W": em += 0.85
      default: em += c.isUppercase ? 0.68 : 0.56
      }
    }
    return em * fontSize
  }

  /// The candidate centre offsets for a box of width `w`: the point
  /// itself, then above, below, right, left and the four diagonals, at
  /// three growing distances.
  func candidates(width w: Double) -> [(Double, Double)] {
    let h = boxHeight
    var out: [(Double, Double)] = [(0, 0)]
    for s in 1...3 {
      let dy = Double(s) * (h + 1)
      let dx = w / 2 + 4 + Double(s - 1) * 12
      out += [(0, -dy), (0, dy), (dx, 0), (-dx, 0), (dx, -dy), (-dx, -dy), (dx, dy), (-dx, dy)]
    }
    return out
  }

  /// Places labels in order of priority.
  ///
  /// - Parameters:
  ///   - requests: The labels, most important first.
  ///   - obstacles: Boxes no label may cover (cluster numbers).
  ///   - bounds: The map area; label boxes stay inside it.
  ///   - mode: The strategy.
  /// - Returns: One placement per request; numbers count from 1 in order.
  func place(_ requests: [Request], obstacles: [LabelBox], bounds: LabelBox, mode: MapLabelPlacement) -> [Placement] {
    let h = boxHeight
    switch mode {
    case .atLabelPoint:
      return requests.map { .text(x: $0.x, y: $0.y, leader: false) }
    case .numbered:
      return requests.indices.map { .number($0 + 1) }
    case .avoidCollisions:
      break
    }
    let anchors = requests.map {
      LabelBox(centreX: $0.x, y: $0.y, width: 2 * anchorRadius, height: 2 * anchorRadius)
    }
    var placed: [LabelBox] = []
    var leaders: [((Double, Double), (Double, Double))] = []
    var out: [Placement] = []
    var numbers = 0
    for (i, r) in requests.enumerated() {
      let w = textWidth(r.text) + 2 * padding
      var chosen: Placement?
      for (dx, dy) in candidates(width: w) {
        let box = LabelBox(centreX: r.x + dx, y: r.y + dy, width: w, height: h)
        guard bounds.contains(box) else { continue }
        if placed.contains(where: box.intersects) || obstacles.contains(where: box.intersects) { continue }
        if anchors.indices.contains(where: { $0 != i && anchors[$0].intersects(box) }) { continue }
        if leaders.contains(where: { box.crossedBy($0.0, $0.1) }) { continue }
        let leader = dx != 0 || dy != 0
        if leader {
          let end = box.nearestPoint(to: r.x, r.y)
          if placed.contains(where: { $0.crossedBy((r.x, r.y), end) }) { continue }
          if leaders.contains(where: { LabelBox.segmentsCross($0.0, $0.1, (r.x, r.y), end) }) { continue }
          leaders.append(((r.x, r.y), end))
        }
        placed.append(box)
        chosen = .text(x: r.x + dx, y: r.y + dy, leader: leader)
        break
      }
      if let chosen {
        out.append(chosen)
      } else {
        numbers += 1
        placed.append(LabelBox(centreX: r.x, y: r.y, width: numberSize, height: numberSize))
        out.append(.number(numbers))
      }
    }
    return out
  }
}
