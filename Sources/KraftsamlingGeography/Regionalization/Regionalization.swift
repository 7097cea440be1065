import KraftsamlingCore
import KraftsamlingIndex

/// Areas grouped into contiguous regions: which region each area is in,
/// and per region its members, floor total and heterogeneity.
///
/// Made by ``skater(_:regions:)`` (a fixed number of regions) or
/// ``maxP(_:options:)`` (as many regions as the floor allows). Regions are
/// numbered 0, 1, … in the order of their first area in the graph's rows, so
/// the numbering depends only on the partition.
///
/// ```swift
/// let r = try Regionalization.maxP(problem, options: .init(seed: 1))
/// r.regions.count                 // p, the number of regions
/// r.region(of: "r0c0")            // 0
/// r.objective                     // Σ SSD over the regions
/// ```
public struct Regionalization: Sendable, Hashable, Codable {
  /// The algorithm that made a regionalisation.
  package enum Method: String, Sendable, Hashable, Codable {
    /// Max-p regions (Duque, Anselin & Rey 2012).
    case maxP = "maxp"
    /// SKATER (Assunção et al. 2006).
    case skater
  }

  /// One region.
  public struct Region: Sendable, Hashable, Codable {
    /// The member area codes, in the graph's row order.
    public let members: [String]
    /// The sum of the floor column over the members (the number of members
    /// without a floor column).
    public let floorTotal: Double
    /// The within-region sum of squared deviations of the standardised
    /// attributes from the region's mean.
    public let heterogeneity: Double
  }

  /// The algorithm used.
  package let method: Method
  /// The area codes, in the graph's row order.
  package let ids: [String]
  /// The region of each area (an index into ``regions``), or `nil` for an
  /// area left out (in a part of the map whose total is below the floor).
  package let regionOfArea: [Int?]
  /// The regions.
  public let regions: [Region]
  /// The total heterogeneity, Σ ``Region/heterogeneity``: what both
  /// algorithms minimise.
  public let objective: Double
  /// Notes on the run: islands, regions fewer than asked for, areas left out.
  public let warnings: [String]

  /// The region of an area code, or `nil` (unknown code or left out).
  public func region(of id: String) -> Int? {
    ids.firstIndex(of: id).flatMap { regionOfArea[$0] }
  }

  /// Builds the result from one label per area (`-1` = left out), renumbering
  /// regions by their first area.
  init(method: Method, problem: RegionalizationProblem, labels: [Int], warnings: [String]) {
    let n = labels.count
    var renumber: [Int: Int] = [:]
    var rows: [[Int]] = []
    var regionOfArea = [Int?](repeating: nil, count: n)
    for i in 0..<n where labels[i] >= 0 {
      let r: Int
      if let known = renumber[labels[i]] {
        r = known
      } else {
        r = rows.count
        renumber[labels[i]] = r
        rows.append([])
      }
      rows[r].append(i)
      regionOfArea[i] = r
    }
    let floorValues = problem.floorValues
    let ids = problem.graph.ids
    self.regions = rows.map { members in
      Region(
        members: members.map { ids[$0] }, floorTotal: members.reduce(0) { $0 + floorValues[$1] },
        heterogeneity: Self.ssd(members, problem.z, problem.dimensions))
    }
    self.method = method
    self.ids = ids
    self.regionOfArea = regionOfArea
    self.objective = regions.reduce(0) { $0 + $1.heterogeneity }
    self.warnings = warnings
  }

  /// The sum of squared deviations from the mean of `members`, two-pass.
  static func ssd(_ members: [Int], _ z: [Double], _ p: Int) -> Double {
    guard !members.isEmpty else { return 0 }
    var total = 0.0
    for k in 0..<p {
      var mean = 0.0
      for i in members { mean += z[i * p + k] }
      mean /= Double(members.count)
      for i in members { total += (z[i * p + k] - mean) * (z[i * p + k] - mean) }
    }
    return total
  }
}
