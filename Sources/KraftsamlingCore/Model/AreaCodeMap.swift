/// Area codes that changed between years: each pair says that the area
/// `old` became (part of) the area `new`.
///
/// Several pairs with the same `new` are a **merge**, several with the same
/// `old` a **split**, a single pair a new code for the same area. An index
/// over time (`IndexDefinition.run(on:reference:top:codeMap:hierarchy:)`)
/// reads every year's table through the map: merged areas' counts are
/// summed, a split area's rows are left out, and each change is reported
/// with a warning. Pairs are applied once, not chained.
///
/// ```swift
/// let map = AreaCodeMap([("1280C1010", "1280C1030"), ("1280C1020", "1280C1030")])   // two areas merged
/// map.targets(of: "1280C1010")   // ["1280C1030"]
/// ```
public struct AreaCodeMap: Sendable, Hashable {
  /// The new codes of every old code, sorted, without repeats.
  package let newCodes: [String: [String]]
  /// The source line of each old code's first pair, when read from a file.
  package var lines: [String: Int] = [:]
  /// Where the map was read from, for messages.
  package var source: String?

  /// Creates a map from `(old, new)` pairs. A pair with `old == new` says
  /// that the code lives on: beside another pair of the same `old` it makes
  /// a split in which one part kept the code.
  public init(_ pairs: [(old: String, new: String)]) {
    var map: [String: Set<String>] = [:]
    for p in pairs { map[p.old, default: []].insert(p.new) }
    newCodes = map.mapValues { $0.sorted() }
  }

  /// The codes `old` became: none when it did not change, one for a new
  /// code or a merge, several for a split.
  package func targets(of old: String) -> [String] { newCodes[old] ?? [] }

  /// Whether the map has no pairs.
  package var isEmpty: Bool { newCodes.isEmpty }
}
