/// Looks up things by name or code, case-insensitively, and suggests the
/// nearest names when a name is unknown.
///
/// The 2025 proposal itself writes "Herrmodsdal" for the delområde
/// *Hermodsdal*; a user who types that gets "did you mean Hermodsdal?"
/// instead of a silent miss.
///
/// ```swift
/// let r = NameResolver(entries: [("Hermodsdal", "50306"), ("Holma", "25611")])
/// try r.resolve("holma")        // "25611"
/// try r.resolve("Herrmodsdal")  // throws: unknown name 'Herrmodsdal' (hint: did you mean Hermodsdal?)
/// r.suggestions(for: "Herrmodsdal")  // ["Hermodsdal"]
/// ```
///
/// - Complexity: O(1) for a hit; O(*n*·*k*²) for suggestions over *n* names
///   of length about *k*.
public struct NameResolver<ID: Hashable & Sendable>: Sendable {
  private var byKey: [String: ID] = [:]
  private var ambiguous: [String: [String]] = [:]
  private var names: [(name: String, key: String)] = []
  /// What is being looked up, for messages: `area`, `actor`…
  package var noun: String

  /// Creates a resolver.
  ///
  /// - Parameters:
  ///   - entries: Names (and codes, abbreviations…) with what they stand for.
  ///     A name that stands for two different things is ambiguous and
  ///     resolves to neither.
  ///   - noun: What the names name, for messages.
  package init(entries: [(name: String, id: ID)], noun: String = "name") {
    self.noun = noun
    var seen = Set<String>()
    for (name, id) in entries {
      let key = nameKey(name)
      guard !key.isEmpty else { continue }
      if let existing = byKey[key], existing != id {
        ambiguous[key, default: []].append(name)
      } else {
        byKey[key] = id
      }
      if seen.insert(key).inserted { names.append((name, key)) }
    }
  }

  /// The thing a name or code stands for, or `nil`.
  package func lookup(_ name: String) -> ID? {
    let key = nameKey(name)
    return ambiguous[key] == nil ? byKey[key] : nil
  }

  /// Up to `limit` known names closest to `name`, nearest first: names
  /// within an edit distance of about a quarter of their length (at least
  /// 2), and names that start with or contain what was typed.
  package func suggestions(for name: String, limit: Int = 3) -> [String] {
    let key = nameKey(name)
    guard !key.isEmpty else { return [] }
    var scored: [(distance: Int, name: String)] = []
    for (candidate, ckey) in names {
      let d = editDistance(key, ckey)
      let threshold = max(2, min(key.count, ckey.count) / 4)
      if d <= threshold {
        scored.append((d, candidate))
      } else if key.count >= 3 && (ckey.hasPrefix(key) || ckey.contains(key)) {
        scored.append((threshold + 1 + (ckey.count - key.count), candidate))
      }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
    var out: [String] = []
    for s in scored where !out.contains(s.name) {
      out.append(s.name)
      if out.count == limit { break }
    }
    return out
  }

  /// The thing a name stands for.
  ///
  /// - Throws: ``DataError`` with code `name.unknown` (and the nearest names
  ///   as a hint) or `name.ambiguous`.
  public func resolve(_ name: String, at location: SourceLocation = SourceLocation()) throws(DataError) -> ID {
    if let id = lookup(name) { return id }
    throw unknownNameError(name, at: location)
  }

  /// The error ``resolve(_:at:)`` throws for a name it does not know.
  package func unknownNameError(_ name: String, at location: SourceLocation = SourceLocation()) -> DataError {
    let key = nameKey(name)
    if let alternatives = ambiguous[key] {
      return DataError(
        code: "name.ambiguous", "\(noun) name '\(name)' is ambiguous (\(alternatives.joined(separator: ", ")))",
        at: location, hint: "use the code instead of the name")
    }
    let s = suggestions(for: name)
    let hint = s.isEmpty ? "list the known names with `kraftctl areas`" : "did you mean \(s.joined(separator: " or "))?"
    return DataError(code: "name.unknown", "unknown \(noun) '\(name)'", at: location, hint: hint)
  }
}
