/// A partition under construction or local search: labels (0 unassigned,
/// −1 left out, 1… regions) with each region's members, size, floor total
/// and attribute sums kept in step.
struct MaxPState {
  let z: [Double]
  let p: Int
  let floorValues: [Double]
  var labels: [Int]
  /// Members of region r at `members[r]` (index 0 unused).
  var members: [[Int]] = [[]]
  /// Each area's position in its region's member list.
  var position: [Int]
  var floorTotal: [Double] = [0]
  var sums: [Double] = []

  init(z: [Double], p: Int, floorValues: [Double], labels: [Int]) {
    self.z = z
    self.p = p
    self.floorValues = floorValues
    self.labels = labels
    self.position = [Int](repeating: -1, count: labels.count)
    self.sums = [Double](repeating: 0, count: p)
  }

  var regionCount: Int { members.count - 1 }

  /// Opens a new empty region and returns its label.
  mutating func newRegion() -> Int {
    members.append([])
    floorTotal.append(0)
    sums.append(contentsOf: repeatElement(0, count: p))
    return members.count - 1
  }

  /// Puts area `a` (unassigned) into region `r`.
  mutating func add(_ a: Int, to r: Int) {
    labels[a] = r
    position[a] = members[r].count
    members[r].append(a)
    floorTotal[r] += floorValues[a]
    for k in 0..<p { sums[r * p + k] += z[a * p + k] }
  }

  /// Takes area `a` out of its region (it becomes unassigned).
  mutating func remove(_ a: Int) {
    let r = labels[a], i = position[a]
    let last = members[r].removeLast()
    if last != a {
      members[r][i] = last
      position[last] = i
    }
    labels[a] = 0
    position[a] = -1
    floorTotal[r] -= floorValues[a]
    for k in 0..<p { sums[r * p + k] -= z[a * p + k] }
  }

  /// The rise in region r's SSD if area `a` (not a member) joined it:
  /// n/(n+1) · ‖z_a − z̄_r‖².
  func additionCost(_ a: Int, _ r: Int) -> Double {
    let n = Double(members[r].count)
    var d2 = 0.0
    for k in 0..<p {
      let d = z[a * p + k] - sums[r * p + k] / n
      d2 += d * d
    }
    return n / (n + 1) * d2
  }

  /// The fall in region r's SSD if its member `a` left: n/(n−1) · ‖z_a − z̄_r‖².
  func removalGain(_ a: Int, _ r: Int) -> Double {
    let n = Double(members[r].count)
    guard n > 1 else { return 0 }
    var d2 = 0.0
    for k in 0..<p {
      let d = z[a * p + k] - sums[r * p + k] / n
      d2 += d * d
    }
    return n / (n - 1) * d2
  }

  /// The labels renumbered so left-out areas are −1 and regions 0….
  var outputLabels: [Int] { labels.map { $0 > 0 ? $0 - 1 : -1 } }
}
