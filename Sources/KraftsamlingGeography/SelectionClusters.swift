import KraftsamlingCore
import KraftsamlingIndex

/// The clusters of a selection: groups of selected areas joined by chains
/// of neighbours that are themselves selected.
///
/// This is how the 2025 proposal grouped its twelve delområden into five
/// initial clusters, done reproducibly: take a selection (top-*k* of an
/// index, a threshold, or an explicit list), a neighbour graph (rook by
/// default), and find the connected components of the selected areas.
///
/// **Numbering.** Clusters are numbered 1, 2, … by their best-ranked
/// member: the cluster holding the selection's rank-1 area is cluster 1,
/// the cluster holding the best area not yet numbered is cluster 2, and so
/// on. For an explicit list, rank is list position, so clusters are
/// numbered by first appearance in the list — the published order.
/// Members are listed in rank order.
///
/// **Explanations.** Each member records why it is selected and how it is
/// connected: the cluster is grown from its best-ranked member, visiting
/// neighbours in rank order, and each member notes the member through which
/// it was reached (``Member/joinedVia``) and all its neighbours inside the
/// cluster.
///
/// ```swift
/// let layer = MalmöData.layer
/// let names = PublishedSelection.stk2024_1374.delområden     // the twelve of STK-2024-1374
/// let selection = try AreaSelection.list(names, resolver: layer.nameResolver())
/// let clusters = try SelectionClusters(selection, contiguity: layer.contiguity(.rook))
/// clusters.clusters.map { $0.members.count }   // [3, 2, 5, 1, 1]  — the five published clusters
///
/// // Or the top 12 of the index, numbered by best-ranked member:
/// let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
/// let top = try layer.clusters(of: AreaSelection.top(12, of: result))
/// ```
///
/// - Complexity: O(*n* + *m*) for a graph of *n* areas and *m* links, plus
///   O(*s* log *s*) to order *s* selected areas.
public struct SelectionClusters: Sendable, Hashable, Codable {
  /// One selected area in its cluster.
  public struct Member: Sendable, Hashable, Codable {
    /// The area code.
    public package(set) var code: String
    /// The display name, when known.
    public package(set) var name: String?
    /// The selection member (rank, score, reason).
    public package(set) var selection: AreaSelection.Member
    /// The member through which the cluster reached this one when grown
    /// from its best-ranked member; `nil` for that first member.
    public package(set) var joinedVia: String?
    /// The codes of its neighbours inside the cluster, in rank order.
    public package(set) var neighboursInCluster: [String]

    /// Creates a member.
    package init(
      code: String, name: String?, selection: AreaSelection.Member, joinedVia: String?, neighboursInCluster: [String]
    ) {
      self.code = code
      self.name = name
      self.selection = selection
      self.joinedVia = joinedVia
      self.neighboursInCluster = neighboursInCluster
    }
  }

  /// One cluster.
  public struct Cluster: Sendable, Hashable, Codable {
    /// The cluster number, from 1.
    public package(set) var number: Int
    /// The members in rank order; the first is the best-ranked.
    public package(set) var members: [Member]

    /// Creates a cluster.
    package init(number: Int, members: [Member]) {
      self.number = number
      self.members = members
    }

    /// The member codes in rank order.
    public var codes: [String] { members.map(\.code) }
  }

  /// The clusters, numbered from 1 by their best-ranked member.
  public package(set) var clusters: [Cluster]
  /// The contiguity rule the clusters were formed under (`rook`, `queen`,
  /// or `neighbour list` for a graph given directly).
  package var rule: String
  /// The selection that was clustered.
  public package(set) var selection: AreaSelection

  /// Clusters a selection under a contiguity result.
  ///
  /// - Parameters:
  ///   - selection: The selected areas.
  ///   - contiguity: Neighbours from ``AreaLayer/contiguity(_:matching:)``.
  ///   - names: Display names by code (default: none).
  /// - Throws: ``GeographyError`` `unknownArea` if a selected code is not in
  ///   the graph.
  public init(_ selection: AreaSelection, contiguity: Contiguity, names: [String: String] = [:])
    throws(GeographyError)
  {
    try self.init(selection, graph: contiguity.graph, rule: contiguity.rule, names: names)
  }

  /// Clusters a selection under any neighbour graph (e.g. one read from a
  /// CSV neighbour list).
  ///
  /// - Throws: ``GeographyError`` `unknownArea` if a selected code is not in
  ///   the graph.
  public init(
    _ selection: AreaSelection, graph: NeighbourGraph, rule: String = "neighbour list", names: [String: String] = [:]
  ) throws(GeographyError) {
    var rows: [Int] = []
    var unknown: [String] = []
    for m in selection.members {
      if let r = graph.index(of: m.code) { rows.append(r) } else { unknown.append(m.code) }
    }
    guard unknown.isEmpty else {
      throw GeographyError(
        .unknownArea,
        "selected area\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) \(unknown.count == 1 ? "is" : "are") not in the neighbour graph; check that the selection and the geometry use the same area codes",
        areas: unknown)
    }
    // Rank of each selected row (position in the selection).
    var rankOfRow: [Int: Int] = [:]
    for (k, r) in rows.enumerated() where rankOfRow[r] == nil { rankOfRow[r] = k }
    var clusters: [Cluster] = []
    var assigned = Set<Int>()
    // Walk the selection in rank order; each unassigned member starts a new cluster.
    for start in rows where !assigned.contains(start) {
      var order: [Int] = [start]
      var via: [Int: Int] = [:]
      assigned.insert(start)
      var head = 0
      while head < order.count {
        let r = order[head]
        head += 1
        let next = graph.neighbours(of: r).filter { rankOfRow[$0] != nil && !assigned.contains($0) }
          .sorted { rankOfRow[$0]! < rankOfRow[$1]! }
        for j in next {
          assigned.insert(j)
          via[j] = r
          order.append(j)
        }
      }
      let inCluster = Set(order)
      let members = order.sorted { rankOfRow[$0]! < rankOfRow[$1]! }.map { r -> Member in
        let code = graph.ids[r]
        return Member(
          code: code, name: names[code], selection: selection.members[rankOfRow[r]!],
          joinedVia: via[r].map { graph.ids[$0] },
          neighboursInCluster: graph.neighbours(of: r).filter { inCluster.contains($0) }
            .sorted { rankOfRow[$0]! < rankOfRow[$1]! }.map { graph.ids[$0] })
      }
      clusters.append(Cluster(number: clusters.count + 1, members: members))
    }
    self.clusters = clusters
    self.rule = rule
    self.selection = selection
  }

  /// The number of the cluster holding an area, or `nil` if it is not
  /// selected.
  public func clusterNumber(of code: String) -> Int? {
    clusters.first { $0.members.contains { $0.code == code } }?.number
  }

  /// A sentence explaining one member's place, e.g.
  /// `Persborg (48209) is in cluster 3: listed as 'Persborg' (position 8); rook neighbour of Törnrosen.`
  public func explanation(of code: String) -> String? {
    for c in clusters {
      guard let m = c.members.first(where: { $0.code == code }) else { continue }
      let label = { (code: String) -> String in
        c.members.first { $0.code == code }?.name ?? code
      }
      var text = "\(m.name.flatMap { $0 == code ? nil : "\($0) (\(code))" } ?? code) is in cluster \(c.number): \(m.selection.reason)"
      if m.neighboursInCluster.isEmpty {
        text += "; no selected \(rule) neighbour, a cluster of its own."
      } else {
        text += "; \(rule) neighbour of \(m.neighboursInCluster.map(label).joined(separator: ", "))."
      }
      return text
    }
    return nil
  }
}

extension AreaLayer {
  /// The clusters of a selection under a contiguity rule computed from this
  /// layer, with the layer's display names.
  ///
  /// ```swift
  /// let c = try MalmöData.layer.clusters(of: selection)           // rook, exact
  /// let q = try MalmöData.layer.clusters(of: selection, rule: .queen)
  /// ```
  ///
  /// - Throws: ``GeographyError`` as ``contiguity(_:matching:)`` and
  ///   ``SelectionClusters/init(_:contiguity:names:)``.
  public func clusters(
    of selection: AreaSelection, rule: some ContiguityRule = .rook, matching: BoundaryMatching = .exact
  ) throws(GeographyError) -> SelectionClusters {
    try SelectionClusters(selection, contiguity: contiguity(rule, matching: matching), names: displayNames)
  }
}
