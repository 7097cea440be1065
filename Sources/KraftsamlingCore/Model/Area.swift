/// A level of a geographic hierarchy: delområde, GeSO, stadsdel, kommun,
/// SCB's DeSO and RegSO, or a level of your own.
///
/// A struct wrapping a string, so that any municipality can add levels.
public struct AreaLevel: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
  ExpressibleByStringLiteral, CodingKeyRepresentable
{
  /// The level's identifier, e.g. `delomrade`.
  public var rawValue: String
  /// Creates a level.
  public init(rawValue: String) { self.rawValue = rawValue }
  /// Creates a level from a literal.
  public init(stringLiteral value: String) { self.rawValue = value }
  /// Malmö's ~136 delområden, the level the kraftsamlande insatser work at.
  public static let delområde: AreaLevel = "delomrade"
  /// Malmö's 14 geografiska statistikområden (GeSO).
  public static let geso: AreaLevel = "geso"
  /// Malmö's ten former stadsdelar (2012).
  package static let stadsdel: AreaLevel = "stadsdel"
  /// SCB's demografiska statistikområden (about 6,000 in Sweden).
  package static let deso: AreaLevel = "deso"
  /// SCB's regionala statistikområden (about 3,400 in Sweden).
  package static let regso: AreaLevel = "regso"
  /// A kommun (municipality).
  package static let kommun: AreaLevel = "kommun"
  /// A län (county).
  package static let län: AreaLevel = "lan"
  /// The level's identifier.
  public var description: String { rawValue }
  /// Orders by identifier.
  public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One geographic area at some level, with the codes of the areas it lies
/// in at the coarser levels.
///
/// ```swift
/// let holma = Area(code: "25611", name: "Holma", level: .delområde,
///                  parents: [.geso: "9", .stadsdel: "Hyllie"])
/// ```
public struct Area: Sendable, Hashable, Codable, Identifiable {
  /// The area code, unique within its level, e.g. `10101` or DeSO `1280C1010`.
  public var code: String
  /// The display name.
  public var name: String
  /// The level the area belongs to.
  public package(set) var level: AreaLevel
  /// The code of the containing area at each coarser level.
  package var parents: [AreaLevel: String]
  /// Other names it may be written with (official upper-case names,
  /// historical spellings).
  package var alternativeNames: [String]

  /// The code, unique within the level.
  public var id: String { code }

  /// Creates an area.
  package init(
    code: String, name: String, level: AreaLevel, parents: [AreaLevel: String] = [:], alternativeNames: [String] = []
  ) {
    self.code = code
    self.name = name
    self.level = level
    self.parents = parents
    self.alternativeNames = alternativeNames
  }
}

/// Malmö's geografiska statistikområde (GeSO): 14 groups of delområden used
/// for local development work and statistics since 2022.
public struct GeSO: Sendable, Hashable, Codable, Identifiable {
  /// The GeSO number as text, `"1"`…`"14"`.
  public var code: String
  /// The name, e.g. `"Västra hamnen, Gamla staden m fl"`.
  public var name: String
  /// The code.
  public var id: String { code }
  /// Creates a GeSO.
  public init(code: String, name: String) {
    self.code = code
    self.name = name
  }
}

/// One of Malmö's delområden (sub-areas): the unit at which the
/// utsatthetsindex is computed and kraftsamlande insatser are targeted.
public struct Delområde: Sendable, Hashable, Codable, Identifiable {
  /// The five-digit area code, e.g. `"10101"`.
  public var code: String
  /// The name as written in Malmö's area layer, e.g. `"Hermodsdal"`.
  public var name: String
  /// The official (upper-case) name, e.g. `"HERMODSDAL"`.
  package var officialName: String?
  /// The geografiskt statistikområde the delområde belongs to.
  public var geso: GeSO
  /// The former stadsdel (2012 division), e.g. `"Fosie"`.
  public var stadsdel: String?
  /// Land area in square metres.
  package var areaSquareMetres: Double?
  /// A point inside the area for labels (lon/lat).
  public var labelPoint: Coordinate?

  /// The code.
  public var id: String { code }

  /// Creates a delområde.
  public init(
    code: String, name: String, officialName: String? = nil, geso: GeSO, stadsdel: String? = nil,
    areaSquareMetres: Double? = nil, labelPoint: Coordinate? = nil
  ) {
    self.code = code
    self.name = name
    self.officialName = officialName
    self.geso = geso
    self.stadsdel = stadsdel
    self.areaSquareMetres = areaSquareMetres
    self.labelPoint = labelPoint
  }

  /// The delområde as a general ``Area`` with its GeSO and stadsdel as
  /// parents.
  package var area: Area {
    var parents: [AreaLevel: String] = [.geso: geso.code]
    if let stadsdel { parents[.stadsdel] = stadsdel }
    return Area(
      code: code, name: name, level: .delområde, parents: parents,
      alternativeNames: officialName.map { [$0] } ?? [])
  }
}
