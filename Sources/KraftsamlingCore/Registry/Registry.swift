/// Things pluggable by name — normalisations and aggregations, index
/// definitions, fördelningsmodeller, apportionment methods, rule sets — in
/// one shape: each entry has a name, aliases, a one-line summary and a
/// factory that makes the value from a ``StrategySpecification`` (its name
/// and parameters).
///
/// Registries are values: copy a built-in one, register your own entries,
/// and pass it where the library looks names up. Lookup ignores case, `_`
/// versus `-` and the diacritics of å, ä, ö, é; an unknown name throws the
/// stage's error with "did you mean" suggestions.
///
/// ```swift
/// var models = FördelningsmodellRegistry.standard
/// models.register("my-model", summary: "half to the first insats", value: MyModel())
/// let m = try models.make("My_Model")                      // MyModel()
/// try models.make("pro-rta")   // AllocationError: unknown fördelningsmodell 'pro-rta' (hint: did you mean pro-rata?)
/// ```
///
/// - Complexity: registering and lookup are O(*e*) for *e* entries (a
///   handful).
public struct Registry<Value: Sendable, Domain: StageErrorDomain>: Sendable {
  /// Makes the value a specification names, or throws the stage's error
  /// for a bad parameter.
  package typealias Factory = @Sendable (StrategySpecification) throws(StageError<Domain>) -> Value

  /// One registered name.
  package struct Entry: Sendable {
    /// The name, as listed (lowercase, `-` between words).
    package let name: String
    /// Other names that find the entry.
    package let aliases: [String]
    /// What the entry is, in one line.
    package let summary: String
    /// Makes the value.
    package let make: Factory
  }

  /// What the entries are, for messages: `fördelningsmodell`, `normalization method`.
  package let noun: String
  /// The error code of an unknown name.
  package let unknownCode: StageError<Domain>.Code
  /// The entries in the order registered.
  package private(set) var entries: [Entry] = []

  /// An empty registry.
  ///
  /// - Parameters:
  ///   - noun: What the entries are, for messages.
  ///   - unknownCode: The error code of an unknown name.
  package init(noun: String, unknownCode: StageError<Domain>.Code) {
    self.noun = noun
    self.unknownCode = unknownCode
  }

  /// The names, in the order registered.
  public var names: [String] { entries.map(\.name) }

  /// Adds an entry, replacing one with the same name.
  package mutating func register(
    _ name: String, aliases: [String] = [], summary: String = "", _ make: @escaping Factory
  ) {
    entries.removeAll { Self.key($0.name) == Self.key(name) }
    entries.append(Entry(name: name, aliases: aliases, summary: summary, make: make))
  }

  /// Adds an entry whose value takes no parameters.
  public mutating func register(_ name: String, aliases: [String] = [], summary: String = "", value: Value) {
    register(name, aliases: aliases, summary: summary) { _ throws(StageError<Domain>) in value }
  }

  /// A copy with one more entry (for building a registry in one expression).
  package func registering(
    _ name: String, aliases: [String] = [], summary: String = "", _ make: @escaping Factory
  ) -> Registry {
    var copy = self
    copy.register(name, aliases: aliases, summary: summary, make)
    return copy
  }

  /// The entry a name or alias finds, or nil.
  package func entry(named name: String) -> Entry? {
    let k = Self.key(name)
    return entries.first { Self.key($0.name) == k || $0.aliases.contains { Self.key($0) == k } }
  }

  /// Makes the value a specification names.
  ///
  /// - Throws: ``StageError`` with ``unknownCode`` for an unknown name (the
  ///   hint suggests near names or lists the known ones), or the factory's
  ///   error for a bad parameter.
  public func make(_ specification: StrategySpecification) throws(StageError<Domain>) -> Value {
    guard let e = entry(named: specification.method) else { throw unknown(specification.method) }
    return try e.make(specification)
  }

  /// Makes the value a bare name (no parameters) names.
  ///
  /// - Throws: As ``make(_:)-(StrategySpecification)``.
  public func make(_ name: String) throws(StageError<Domain>) -> Value {
    try make(StrategySpecification(name))
  }

  /// The error of an unknown name, with suggestions.
  package func unknown(_ name: String) -> StageError<Domain> {
    let candidates = entries.flatMap { e in ([e.name] + e.aliases).map { ($0, e.name) } }
    let suggestions = NameResolver(entries: candidates, noun: noun).suggestions(for: Self.key(name))
    let hint =
      suggestions.isEmpty
      ? (names.isEmpty ? "no \(noun) is registered" : "known: \(names.joined(separator: ", "))")
      : "did you mean \(suggestions.joined(separator: " or "))?"
    return StageError(unknownCode, "unknown \(noun) '\(name)'", hint: hint)
  }

  /// The form names are compared in.
  static func key(_ name: String) -> String {
    String(
      name.lowercased().map { c -> Character in
        switch c {
        case "_", " ": "-"
        case "å", "ä": "a"
        case "ö": "o"
        case "é": "e"
        default: c
        }
      })
  }
}
