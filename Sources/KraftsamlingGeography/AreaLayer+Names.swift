import KraftsamlingCore
import KraftsamlingIndex

extension AreaLayer {
  /// The feature properties that hold display names, most preferred first:
  /// `name` (Malmö's layer), `namn`, `kommun` (SCB's kommun layer),
  /// `name_official`.
  @usableFromInline package static let nameProperties = ["name", "namn", "kommun", "name_official"]

  /// The display name of each feature by code: the first of
  /// ``nameProperties`` the feature has, or the code itself.
  ///
  /// ```swift
  /// MalmöData.layer.displayNames["50306"]   // "Hermodsdal"
  /// ```
  ///
  /// - Complexity: O(*n*) in the number of features.
  public var displayNames: [String: String] {
    var out: [String: String] = [:]
    out.reserveCapacity(features.count)
    for f in features {
      out[f.id] = Self.nameProperties.lazy.compactMap { f.properties[$0] }.first { !$0.isEmpty } ?? f.id
    }
    return out
  }

  /// A resolver from names *and* codes to codes, case-insensitive, with
  /// "did you mean …?" suggestions, built from the features' name
  /// properties (every property in `properties` that a feature has).
  ///
  /// ```swift
  /// let r = MalmöData.layer.nameResolver()
  /// try r.resolve("Holma")         // "25611"
  /// try r.resolve("Herrmodsdal")   // throws name.unknown (hint: did you mean Hermodsdal?)
  /// ```
  ///
  /// - Parameter properties: The name properties to index.
  /// - Complexity: O(*n*).
  public func nameResolver(properties: [String] = AreaLayer.nameProperties) -> NameResolver<String> {
    var entries: [(name: String, id: String)] = []
    for f in features {
      for p in properties { if let n = f.properties[p], !n.isEmpty { entries.append((n, f.id)) } }
      entries.append((f.id, f.id))
    }
    return NameResolver(entries: entries, noun: "area")
  }
}
