import KraftsamlingKitData
import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

@Suite("MapLabelLayout")
struct MapLabelLayoutTests {
  typealias Request = MapLabelLayout.Request
  static let big = LabelBox(minX: 0, minY: 0, maxX: 1000, maxY: 1000)
  let layout = MapLabelLayout()

  @Test("text widths: per-character ems times the font size")
  func widths() {
    // "ab": 0.56 + 0.56 = 1.12 em · 11 px = 12.32; "Mil": 0.85 + 0.3 + 0.3 = 1.45 em = 15.95.
    #expect(abs(layout.textWidth("ab") - 12.32) < 1e-9)
    #expect(abs(layout.textWidth("Mil") - 15.95) < 1e-9)
    #expect(layout.boxHeight == 15)  // 11 + 2 · 2
  }

  @Test("a label that fits stays at its point, without a leader")
  func fits() {
    let p = layout.place([Request(x: 100, y: 100, text: "ab")], obstacles: [], bounds: Self.big, mode: .avoidCollisions)
    #expect(p == [.text(x: 100, y: 100, leader: false)])
  }

  @Test("two close labels: each avoids the other's point, the first goes above, the second below")
  func twoClose() {
    // Boxes of "ab" are 12.32 + 4 = 16.32 wide, 15 high; anchors reserve ±2.5.
    // A at (100, 100): its box x 91.84…108.16 covers B's anchor (107.5…112.5) → A moves above, to
    //   (100, 100 − 16) = (100, 84), box y 76.5…91.5, leader (100, 100) → (100, 91.5).
    // B at (110, 100): its box x 101.84…118.16 covers A's anchor (97.5…102.5) → not at the point;
    //   above (110, 84) overlaps A's box → below, (110, 116), box y 108.5…123.5: free.
    let p = layout.place(
      [Request(x: 100, y: 100, text: "ab"), Request(x: 110, y: 100, text: "ab")], obstacles: [], bounds: Self.big,
      mode: .avoidCollisions)
    #expect(p == [.text(x: 100, y: 84, leader: true), .text(x: 110, y: 116, leader: true)])
  }

  @Test("obstacles and the map's bounds are respected")
  func obstaclesAndBounds() {
    // The point is at the top edge: above is out of bounds; an obstacle covers the point → below.
    let bounds = LabelBox(minX: 0, minY: 90, maxX: 1000, maxY: 1000)
    let obstacle = LabelBox(centreX: 100, y: 100, width: 18, height: 18)
    let p = layout.place([Request(x: 100, y: 100, text: "ab")], obstacles: [obstacle], bounds: bounds, mode: .avoidCollisions)
    // Below at distance 1: (100, 116), box y 108.5…123.5 — but the obstacle reaches y 109 → overlap;
    // right at distance 1: (100 + 8.16 + 4, 100) = (112.16, 100), box x 104…120.32 — obstacle reaches x 109 → overlap;
    // left likewise; the diagonals at distance 1 are out of bounds (above) or overlap (below: x 104…, y 108.5…);
    // distance 2: above out of bounds, below (100, 132): box y 124.5…139.5, free.
    #expect(p == [.text(x: 100, y: 132, leader: true)])
  }

  @Test("labels with no room become numbers, counted in order")
  func numbers() {
    // A 40 × 30 map: room for one "ab" box at most; the rest are numbers.
    let bounds = LabelBox(minX: 80, minY: 85, maxX: 120, maxY: 115)
    let requests = (0..<4).map { Request(x: 100 + Double($0), y: 100, text: "ab") }
    let p = layout.place(requests, obstacles: [], bounds: bounds, mode: .avoidCollisions)
    #expect(p.filter { if case .number = $0 { return true } else { return false } }.count >= 3)
    let numbers = p.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
    #expect(numbers == Array(1...numbers.count))
  }

  @Test("many crowded labels: placed boxes never overlap, leaders never cross, the layout is deterministic")
  func crowded() {
    var g = SeededGenerator(seed: 3)
    let names = ["Södra Sofielund", "Holma", "Augustenborg", "Persborg", "Törnrosen", "Katrinelund", "Ö"]
    let requests = (0..<40).map { i in
      Request(x: 300 + g.uniform() * 120, y: 300 + g.uniform() * 120, text: names[i % names.count])
    }
    let bounds = LabelBox(minX: 200, minY: 200, maxX: 520, maxY: 520)
    let p = layout.place(requests, obstacles: [], bounds: bounds, mode: .avoidCollisions)
    #expect(p == layout.place(requests, obstacles: [], bounds: bounds, mode: .avoidCollisions))
    var boxes: [LabelBox] = []
    var leaders: [((Double, Double), (Double, Double))] = []
    for (r, placement) in zip(requests, p) {
      guard case .text(let x, let y, let leader) = placement else { continue }
      let box = LabelBox(centreX: x, y: y, width: layout.textWidth(r.text) + 4, height: 15)
      #expect(bounds.contains(box))
      #expect(!boxes.contains(where: box.intersects))
      boxes.append(box)
      if leader { leaders.append(((r.x, r.y), box.nearestPoint(to: r.x, r.y))) }
    }
    #expect(boxes.count > 5)
    for i in leaders.indices {
      for j in leaders.indices where j > i {
        #expect(!LabelBox.segmentsCross(leaders[i].0, leaders[i].1, leaders[j].0, leaders[j].1))
      }
      #expect(!boxes.contains { $0.crossedBy(leaders[i].0, leaders[i].1) })
    }
  }

  @Test("numbered and label-point modes")
  func modes() {
    let r = [Request(x: 1, y: 2, text: "a"), Request(x: 1, y: 2, text: "b")]
    #expect(layout.place(r, obstacles: [], bounds: Self.big, mode: .numbered) == [.number(1), .number(2)])
    #expect(
      layout.place(r, obstacles: [], bounds: Self.big, mode: .atLabelPoint)
        == [.text(x: 1, y: 2, leader: false), .text(x: 1, y: 2, leader: false)])
  }

  @Test(
    "segment crossings",
    arguments: [
      ((0.0, 0.0), (2.0, 2.0), (0.0, 2.0), (2.0, 0.0), true),  // an X
      ((0, 0), (1, 0), (0, 1), (1, 1), false),  // parallel
      ((0, 0), (2, 0), (1, 0), (3, 0), true),  // collinear overlap
      ((0, 0), (1, 1), (2, 2), (3, 3), false),  // collinear, apart
    ])
  func crossings(a: (Double, Double), b: (Double, Double), c: (Double, Double), d: (Double, Double), expected: Bool) {
    #expect(LabelBox.segmentsCross(a, b, c, d) == expected)
  }

  @Test("a segment crosses a box only through its interior")
  func boxCrossing() {
    let box = LabelBox(minX: 0, minY: 0, maxX: 10, maxY: 10)
    #expect(box.crossedBy((-5, 5), (15, 5)))
    #expect(!box.crossedBy((-5, 15), (15, 15)))
    #expect(!box.crossedBy((-5, 5), (0, 5)))  // ends on the edge
    #expect(box.nearestPoint(to: 20, 5) == (10, 5))
  }

  @Test("on Malmö, the top 30 of the index: every name is drawn once, on the map or in the legend")
  func malmö() throws {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    var map = try AreaMap.choropleth(of: result, layer: MalmöData.layer)
    let top = try AreaSelection.top(30, of: result)
    map.labels = top.codes
    map.outlines = try MalmöData.layer.clusters(of: top).clusters.map(\.codes)
    let svg = map.svg()
    #expect(svg == map.svg())
    let names = MalmöData.layer.displayNames
    for code in top.codes {
      #expect(svg.components(separatedBy: ">\(names[code]!)</text>").count - 1 == 1, "\(names[code]!)")
    }
    // The centre is too dense for 30 names: some become numbers listed in the legend.
    #expect(svg.contains(">Numrerade områden</text>"))
    map.labelPlacement = .numbered
    let numbered = map.svg()
    #expect(numbered.contains(">30</text>"))
    map.labelPlacement = .atLabelPoint
    #expect(!map.svg().contains("Numrerade områden"))
  }
}
