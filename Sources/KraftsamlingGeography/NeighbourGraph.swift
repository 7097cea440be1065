import KraftsamlingCore
import KraftsamlingIndex

/// Which areas are neighbours of which: an adjacency list over area codes,
/// stored in compressed-row form.
///
/// A graph comes from polygons (``AreaLayer/contiguity(_:matching:)``),
/// from a neighbour list in CSV (``NeighbourGraph/init(csv:ids:file:symmetricClosure:)``)
/// or from your own lists. It answers the questions the rest of the
/// geography stage asks — islands, connected components, the components
/// of a selection — and turns into ``SpatialWeights`` (binary or
/// row-standardised) for the spatial statistics.
///
/// Row *i* lists the neighbours of `ids[i]` as indices, sorted ascending,
/// without duplicates and without *i* itself. A graph built from polygons
/// is symmetric; one read from a file need not be (see ``isSymmetric``).
///
/// ```swift
/// // a – b – c in a row, d alone.
/// let g = try NeighbourGraph(ids: ["a", "b", "c", "d"], neighbours: [[1], [0, 2], [1], []])
/// g.neighbours(of: "b")          // ["a", "c"]
/// g.islands                      // [3]
/// g.components().map(\.count)    // [3, 1]
/// ```
///
/// - Complexity: storage O(*n* + *m*) for *n* areas and *m* directed links.
public struct NeighbourGraph: Sendable, Hashable, Codable {
  /// The area codes, one per row, in the order given (for a layer: file order).
  public let ids: [String]
  /// Row start positions into ``neighbourIndices``; `offsets.count == ids.count + 1`.
  package let offsets: [Int]
  /// The neighbour indices of all rows, concatenated; each row sorted ascending.
  package let neighbourIndices: [Int]
  private let indexByID: [String: Int]

  private enum CodingKeys: String, CodingKey { case ids, offsets, neighbourIndices }

  /// Creates a graph from one neighbour list per area.
  ///
  /// Lists are sorted and duplicates removed; the graph is *not* made
  /// symmetric (call ``symmetrized()`` for that).
  ///
  /// - Parameters:
  ///   - ids: The area codes; each must be unique.
  ///   - neighbours: For each area, the indices of its neighbours.
  /// - Throws: ``GeographyError`` `duplicateArea` for a repeated code,
  ///   `unknownArea` for an index out of range or an area listed as its own
  ///   neighbour.
  /// - Complexity: O(*n* + *m* log *d*) for maximum degree *d*.
  package init(ids: [String], neighbours: [[Int]]) throws(GeographyError) {
    guard neighbours.count == ids.count else {
      throw GeographyError(
        .invalidParameter, "need one neighbour list per area: \(ids.count) areas but \(neighbours.count) lists")
    }
    let index = try Self.makeIndex(ids)
    var offsets = [0]
    offsets.reserveCapacity(ids.count + 1)
    var flat: [Int] = []
    for (i, row) in neighbours.enumerated() {
      for j in row where j < 0 || j >= ids.count || j == i {
        throw GeographyError(
          .unknownArea,
          j == i
            ? "area \(ids[i]) is listed as its own neighbour; remove the self-link"
            : "area \(ids[i]) has neighbour index \(j), outside 0..<\(ids.count)", areas: [ids[i]])
      }
      let start = flat.count
      flat.append(contentsOf: row)
      flat[start...].sort()
      var w = start
      for r in start..<flat.count where r == start || flat[r] != flat[w - 1] {
        flat[w] = flat[r]
        w += 1
      }
      flat.removeSubrange(w...)
      offsets.append(flat.count)
    }
    self.ids = ids
    self.offsets = offsets
    self.neighbourIndices = flat
    self.indexByID = index
  }

  /// Creates a graph from pairs of area codes.
  ///
  /// ```swift
  /// let g = try NeighbourGraph(ids: ["a", "b", "c"], pairs: [("a", "b")], symmetricClosure: true)
  /// g.neighbours(of: "b")   // ["a"]
  /// ```
  ///
  /// - Parameters:
  ///   - ids: The area codes (areas without pairs are islands).
  ///   - pairs: `(code, neighbour)` links.
  ///   - symmetricClosure: Also add `(neighbour, code)` for every pair.
  /// - Throws: ``GeographyError`` `unknownArea` for a code not in `ids`.
  /// - Complexity: O(*n* + *m* log *d*).
  public init(ids: [String], pairs: [(String, String)], symmetricClosure: Bool = false) throws(GeographyError) {
    let index = try Self.makeIndex(ids)
    var rows = [[Int]](repeating: [], count: ids.count)
    for (a, b) in pairs {
      guard let i = index[a] else {
        throw GeographyError(.unknownArea, "unknown area code '\(a)' in a neighbour pair", areas: [a])
      }
      guard let j = index[b] else {
        throw GeographyError(.unknownArea, "unknown area code '\(b)' in a neighbour pair", areas: [b])
      }
      guard i != j else { continue }
      rows[i].append(j)
      if symmetricClosure { rows[j].append(i) }
    }
    try self.init(ids: ids, neighbours: rows)
  }

  /// Creates a graph from compressed rows that are already sorted, unique
  /// and free of self-links (as the contiguity builders produce them).
  init(validIDs ids: [String], index: [String: Int], offsets: [Int], neighbourIndices: [Int]) {
    self.ids = ids
    self.offsets = offsets
    self.neighbourIndices = neighbourIndices
    self.indexByID = index
  }

  static func makeIndex(_ ids: [String]) throws(GeographyError) -> [String: Int] {
    var index: [String: Int] = [:]
    index.reserveCapacity(ids.count)
    for (i, id) in ids.enumerated() {
      if index.updateValue(i, forKey: id) != nil {
        throw GeographyError(
          .duplicateArea, "area code '\(id)' appears twice; every area needs its own code", areas: [id])
      }
    }
    return index
  }

  /// Decodes a graph and checks it.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let ids = try c.decode([String].self, forKey: .ids)
    let offsets = try c.decode([Int].self, forKey: .offsets)
    let flat = try c.decode([Int].self, forKey: .neighbourIndices)
    guard offsets.count == ids.count + 1, offsets.first == 0, offsets.last == flat.count,
      zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 })
    else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "offsets do not match ids and neighbourIndices"))
    }
    let rows = (0..<ids.count).map { Array(flat[offsets[$0]..<offsets[$0 + 1]]) }
    self = try NeighbourGraph(ids: ids, neighbours: rows)
  }

  /// Encodes ids, offsets and neighbour indices.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(ids, forKey: .ids)
    try c.encode(offsets, forKey: .offsets)
    try c.encode(neighbourIndices, forKey: .neighbourIndices)
  }

  /// Graphs are equal when they have the same ids and the same rows.
  public static func == (lhs: NeighbourGraph, rhs: NeighbourGraph) -> Bool {
    lhs.ids == rhs.ids && lhs.offsets == rhs.offsets && lhs.neighbourIndices == rhs.neighbourIndices
  }

  /// Hashes ids and rows.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ids)
    hasher.combine(offsets)
    hasher.combine(neighbourIndices)
  }

  /// The number of areas.
  package var count: Int { ids.count }

  /// The number of directed links (twice the number of neighbour pairs in
  /// a symmetric graph).
  public var linkCount: Int { neighbourIndices.count }

  /// The row of an area code, or `nil`. O(1).
  public func index(of id: String) -> Int? { indexByID[id] }

  /// The neighbour indices of row `i`, ascending.
  public func neighbours(of i: Int) -> ArraySlice<Int> { neighbourIndices[offsets[i]..<offsets[i + 1]] }

  /// The neighbour codes of an area, in row order, or `nil` for an
  /// unknown code.
  public func neighbours(of id: String) -> [String]? {
    index(of: id).map { neighbours(of: $0).map { ids[$0] } }
  }

  /// The number of neighbours of row `i`.
  package func degree(_ i: Int) -> Int { offsets[i + 1] - offsets[i] }

  /// Whether `j` is a neighbour of `i`. O(log *d*).
  package func isNeighbour(_ j: Int, of i: Int) -> Bool {
    var lo = offsets[i], hi = offsets[i + 1]
    while lo < hi {
      let mid = (lo + hi) / 2
      if neighbourIndices[mid] < j { lo = mid + 1 } else { hi = mid }
    }
    return lo < offsets[i + 1] && neighbourIndices[lo] == j
  }

  /// The rows with no neighbours (libpysal's *islands*), ascending.
  public var islands: [Int] { (0..<count).filter { degree($0) == 0 } }

  /// Whether every link `i → j` has its reverse `j → i`. O(*m* log *d*).
  package var isSymmetric: Bool {
    for i in 0..<count {
      for j in neighbours(of: i) where !isNeighbour(i, of: j) { return false }
    }
    return true
  }

  /// The graph with every missing reverse link added.
  ///
  /// - Complexity: O(*n* + *m* log *d*).
  public func symmetrized() -> NeighbourGraph {
    var rows = (0..<count).map { Array(neighbours(of: $0)) }
    for i in 0..<count {
      for j in neighbours(of: i) where !isNeighbour(i, of: j) { rows[j].append(i) }
    }
    // Rows hold valid, self-free indices, so this cannot throw.
    return (try? NeighbourGraph(ids: ids, neighbours: rows)) ?? self
  }

  /// Every directed link as `(code, neighbour)`, sorted by code and then by
  /// neighbour in plain string (Unicode scalar) order: the rows of
  /// `kraftctl contiguity`'s CSV.
  ///
  /// - Complexity: O(*m* log *m*).
  package var sortedPairs: [(code: String, neighbour: String)] {
    var out: [(code: String, neighbour: String)] = []
    out.reserveCapacity(linkCount)
    for i in 0..<count {
      for j in neighbours(of: i) { out.append((ids[i], ids[j])) }
    }
    out.sort { $0.code != $1.code ? $0.code < $1.code : $0.neighbour < $1.neighbour }
    return out
  }
}
