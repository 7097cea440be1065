/// A published selection of areas, grouped in clusters — how the library
/// records which delområden a decision named.
///
/// Malmö's, `PublishedSelection.stk2024_1374` in KraftsamlingKitData, is
/// the initial selection of Stadskontoret's proposal (STK-2024-1374, 2025):
/// twelve delområden in five clusters of adjacent high-scoring areas. It is
/// *initial*: the final choice is made later in the styrgrupp.
///
/// Names are spelled as in the area layer; the codes are the layer's
/// (`do_kod` in Malmö's).
///
/// ```swift
/// let s = PublishedSelection.stk2024_1374             // import KraftsamlingKitData
/// s.clusters.count                 // 5
/// s.delområden.count               // 12
/// s.clusters[1].names              // ["Gullviksborg", "Hermodsdal"]
/// let groups = try s.areaGroups(in: MalmöData.hierarchy)   // 12 areas + 5 clusters + the whole selection
/// ```
///
/// - SeeAlso: Malmö stad, STK-2024-1374, *Återrapportering kring
///   kraftsamlande insatser; nu fråga om remiss*, section *Geografi*.
public struct PublishedSelection: Sendable, Hashable, Codable, Identifiable {
  /// One cluster of adjacent delområden.
  public struct Cluster: Sendable, Hashable, Codable {
    /// The cluster's number in the source, from 1.
    package var number: Int
    /// The delområden's names, as in the area layer.
    public var names: [String]
    /// The delområden's codes (`do_kod`), in the same order, when known.
    public var codes: [String]

    /// Creates a cluster.
    ///
    /// - Parameters:
    ///   - number: The number in the source.
    ///   - names: The delområden's names.
    ///   - codes: Their codes, in the same order (or empty).
    package init(number: Int, names: [String], codes: [String] = []) {
      self.number = number
      self.names = names
      self.codes = codes
    }

    /// The cluster's letter: `A` for the source's cluster 1, `B` for 2 …
    /// (the number itself beyond 26).
    package var letter: String {
      (1...26).contains(number) ? String(Character(Unicode.Scalar(UInt8(64 + number)))) : String(number)
    }

    /// `Publicerat kluster B: Gullviksborg, Hermodsdal`: lettered, not
    /// numbered, so that a report cannot confuse a published cluster with
    /// the numbered clusters of its own index.
    package var label: String { AreaGroup.publishedClusterPrefix + letter + ": " + names.joined(separator: ", ") }
  }

  /// The source's case number, e.g. `STK-2024-1374`.
  public var id: String
  /// What the selection is.
  package var title: String
  /// The clusters, in the source's order.
  public var clusters: [Cluster]
  /// A note on the status of the selection.
  package var note: String?

  /// Creates a selection.
  ///
  /// - Parameters:
  ///   - id: The source's case number.
  ///   - title: What it is.
  ///   - clusters: The clusters.
  ///   - note: Its status.
  package init(id: String, title: String, clusters: [Cluster], note: String? = nil) {
    self.id = id
    self.title = title
    self.clusters = clusters
    self.note = note
  }

  /// Every delområde name, cluster by cluster.
  public var delområden: [String] { clusters.flatMap(\.names) }

  /// The selection as area groups for follow-up: each delområde, each
  /// cluster (named by ``Cluster/label``) and the whole selection (`Hela
  /// det publicerade urvalet (STK-2024-1374)`), with codes resolved by name
  /// in an area hierarchy.
  ///
  /// - Parameter hierarchy: Where the names are looked up (delområde level).
  /// - Returns: The delområden in source order, then the clusters, then the whole selection.
  /// - Throws: ``DataError`` `name.unknown` when a name is not in the hierarchy.
  /// - Complexity: O(k) lookups, k the number of delområden.
  public func areaGroups(in hierarchy: AreaHierarchy) throws(DataError) -> [AreaGroup] {
    var areas: [AreaGroup] = []
    var clusterGroups: [AreaGroup] = []
    var all: [String] = []
    for c in clusters {
      var codes: [String] = []
      for name in c.names {
        let a = try hierarchy.resolve(name, level: .delområde)
        areas.append(AreaGroup(id: a.code, name: a.name, kind: .delområde, codes: [a.code]))
        codes.append(a.code)
      }
      clusterGroups.append(AreaGroup(id: "kluster-\(c.number)", name: c.label, kind: .cluster, codes: codes))
      all += codes
    }
    return areas + clusterGroups + [AreaGroup(id: id, name: AreaGroup.wholeSelectionPrefix + id + ")", kind: .selection, codes: all)]
  }
}

/// A named group of areas followed together: one delområde, a cluster,
/// a whole selection, or any grouping of your own.
///
/// ```swift
/// AreaGroup(id: "kluster-4", name: "Publicerat kluster D: Holma", kind: .cluster, codes: ["25611"])
/// ```
public struct AreaGroup: Sendable, Hashable, Codable, Identifiable {
  /// What kind of group.
  package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A single delområde (`delomrade`).
    case delområde = "delomrade"
    /// A cluster of adjacent areas (`cluster`).
    case cluster
    /// A whole selection (`selection`).
    case selection
    /// Any other grouping (`custom`).
    case custom
  }

  /// A stable id (an area code, `kluster-2` …).
  public var id: String
  /// The name shown in reports.
  public var name: String
  /// What kind of group.
  package var kind: Kind
  /// The area codes in the group.
  public var codes: [String]

  /// Creates a group of your own (kind `custom`), e.g. the areas of one
  /// insats, to compare with the rest of the city in a follow-up.
  ///
  /// - Parameters:
  ///   - id: A stable id.
  ///   - name: The name shown.
  ///   - codes: The area codes.
  public init(id: String, name: String, codes: [String]) {
    self.init(id: id, name: name, kind: .custom, codes: codes)
  }

  /// Creates a group of a given kind.
  package init(id: String, name: String, kind: Kind, codes: [String]) {
    self.id = id
    self.name = name
    self.kind = kind
    self.codes = codes
  }
}

extension AreaGroup {
  /// The start of a published cluster's name (``PublishedSelection/Cluster/label``).
  package static let publishedClusterPrefix = "Publicerat kluster "
  /// The start of a published selection's name, followed by its id and `)`.
  package static let wholeSelectionPrefix = "Hela det publicerade urvalet ("
  /// The names KraftsamlingKit gives its own groups, Swedish and English,
  /// as name prefixes (`kraftctl uppfoljning --areas A,B` names its
  /// selection `Valda områden`).
  private static let englishPrefixes: [(sv: String, en: String)] = [
    (publishedClusterPrefix, "Published cluster "), (wholeSelectionPrefix, "Whole published selection ("),
    ("Valda områden", "Selected areas"),
  ]

  /// The group's name in a report's language: see ``displayName(_:_:)``.
  package func name(in language: ReportLanguage) -> String { Self.displayName(name, language) }

  /// A group's name in a report's language: the names KraftsamlingKit
  /// gives its own groups (`Publicerat kluster A: …`, `Hela det
  /// publicerade urvalet (…)`, `Valda områden`) in English for `.en`;
  /// every other name (a delområde, a group of your own) as it is.
  ///
  /// ```swift
  /// AreaGroup.displayName("Publicerat kluster D: Holma", .en)   // "Published cluster D: Holma"
  /// ```
  package static func displayName(_ name: String, _ language: ReportLanguage) -> String {
    guard language == .en else { return name }
    for p in englishPrefixes where name.hasPrefix(p.sv) { return p.en + name.dropFirst(p.sv.count) }
    return name
  }
}
