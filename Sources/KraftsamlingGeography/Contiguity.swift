import KraftsamlingCore
import KraftsamlingIndex

/// The neighbours of every area of a layer under a contiguity rule, with
/// what a user needs to know about them: islands, connected components and
/// (in tolerance mode) overlapping areas.
///
/// ```swift
/// let c = try sweden.contiguity(.rook)
/// c.islands          // ["0125", "0186", "0980", "1407", "1419"]  Ekerö, Lidingö, Gotland, Öckerö, Tjörn
/// c.graph.components().count // 7  (the mainland, Öland's two kommuner, five islands)
/// c.graph.weights(.rowStandardised)
/// ```
public struct Contiguity: Sendable, Hashable, Codable {
  /// The neighbour graph, rows in the layer's feature order.
  public package(set) var graph: NeighbourGraph
  /// The rule's name, e.g. `rook`.
  package var rule: String
  /// How boundaries were matched.
  package var matching: BoundaryMatching
  /// Pairs of areas whose boundaries cross, so that their interiors overlap
  /// (found in tolerance mode only; exact mode does not look). Each pair
  /// once, lower row first, sorted.
  public package(set) var overlaps: [AreaPair]

  /// Creates a result (for custom ``ContiguityRule``s).
  public init(graph: NeighbourGraph, rule: String, matching: BoundaryMatching, overlaps: [AreaPair] = []) {
    self.graph = graph
    self.rule = rule
    self.matching = matching
    self.overlaps = overlaps
  }

  /// The codes of areas without neighbours, in layer order.
  public var islands: [String] { graph.islands.map { graph.ids[$0] } }

  /// The connected components as codes, largest first (see
  /// ``NeighbourGraph/components()``).
  package var components: [[String]] { graph.components().map { $0.map { graph.ids[$0] } } }

  /// Warnings worth showing a user: one per island and one per overlap.
  public var diagnostics: [Diagnostic] {
    var out: [Diagnostic] = []
    for id in islands {
      out.append(
        Diagnostic(
          .warning, code: "contiguity.island", "area \(id) has no \(rule) neighbours (an island)",
          at: SourceLocation(field: "area \(id)"),
          hint: "statistics will give it an empty weights row; add links by hand (a neighbour CSV) if it should have some"))
    }
    for p in overlaps {
      out.append(
        Diagnostic(
          .warning, code: "contiguity.overlap", "areas \(p.first) and \(p.second) overlap (their boundaries cross)",
          at: SourceLocation(field: "area \(p.first)"),
          hint: "they are counted as neighbours; fix the geometry if the overlap is not a generalisation artefact"))
    }
    return out
  }
}

/// Two area codes, e.g. a pair of overlapping areas.
public struct AreaPair: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The first code.
  public let first: String
  /// The second code.
  public let second: String
  /// Creates a pair (a custom ``ContiguityRule`` reports overlaps with it).
  public init(_ first: String, _ second: String) {
    self.first = first
    self.second = second
  }
  /// `first–second`.
  public var description: String { "\(first)–\(second)" }
}

extension AreaLayer {
  /// The neighbours of every feature under a contiguity rule.
  ///
  /// ```swift
  /// let rook = try malmö.contiguity(.rook)
  /// rook.graph.neighbours(of: "50306")   // Hermodsdal's neighbours
  /// ```
  ///
  /// - Parameters:
  ///   - rule: ``Rook`` (`.rook`, default) or ``Queen`` (`.queen`), or your own.
  ///   - matching: `.exact` (default, libpysal's vertex matching) or
  ///     `.tolerance(ε)` in the layer's units.
  /// - Throws: ``GeographyError`` `duplicateArea` if two features have the
  ///   same code; `invalidTolerance` for a negative or non-finite tolerance.
  /// - Complexity: see ``Queen`` and ``Rook``: expected linear in the number
  ///   of vertices for exact matching.
  public func contiguity(_ rule: some ContiguityRule = .rook, matching: BoundaryMatching = .exact)
    throws(GeographyError) -> Contiguity
  {
    _ = try NeighbourGraph.makeIndex(ids)
    if let t = matching.tolerance {
      guard t.isFinite, t >= 0, matching.minimumSharedLength.isFinite, matching.minimumSharedLength >= 0 else {
        throw GeographyError(
          .invalidTolerance,
          "tolerance \(t) (minimum shared length \(matching.minimumSharedLength)) must be finite and not negative; use e.g. 1e-6 for degrees or 0.1 for metres")
      }
    }
    return rule.contiguity(of: self, matching: matching)
  }

  /// ``contiguity(_:matching:)`` with a rule given as an existential
  /// (e.g. from ``contiguityRule(named:)``).
  package func contiguity(rule: any ContiguityRule, matching: BoundaryMatching = .exact) throws(GeographyError)
    -> Contiguity
  {
    try contiguity(rule, matching: matching)
  }
}
