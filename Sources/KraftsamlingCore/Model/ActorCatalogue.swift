/// A catalogue of the actors a municipality works with: its nämnder (each
/// with its förvaltning), companies and external partners, with lookup by
/// id, name or abbreviation.
///
/// Build a municipality's own with ``init(nämnder:bolag:partners:)``;
/// Malmö's is `AktörKatalog.malmö` in KraftsamlingKitData.
///
/// ```swift
/// let k = AktörKatalog.malmö                           // import KraftsamlingKitData
/// k.nämnder.filter(\.särskiltUppdrag).count           // 6
/// try k.resolve("grundskoleförvaltningen").id          // "GRF"
/// try k.resolve("Grundskolforvaltningen")              // throws, hint: did you mean Grundskoleförvaltningen?
/// ```
public struct AktörKatalog: Sendable {
  /// The nämnder, each with its förvaltning.
  package private(set) var nämnder: [Nämnd]
  /// The municipal companies.
  package private(set) var bolag: [Bolag]
  /// External partners.
  package private(set) var partners: [ExternPartner]
  /// Every actor: nämnder, their förvaltningar, companies and partners.
  package private(set) var aktörer: [Aktör]
  private var byID: [String: Int]
  private var resolver: NameResolver<String>

  /// Creates a catalogue.
  ///
  /// - Throws: ``DataError`` if two actors share an id.
  public init(nämnder: [Nämnd], bolag: [Bolag] = [], partners: [ExternPartner] = []) throws(DataError) {
    self.nämnder = nämnder
    self.bolag = bolag
    self.partners = partners
    var all: [Aktör] = []
    for n in nämnder {
      all.append(n.aktör)
      all.append(n.förvaltning.aktör)
    }
    all += bolag.map(\.aktör) + partners.map(\.aktör)
    var index: [String: Int] = [:]
    for (i, a) in all.enumerated() {
      if index[a.id] != nil {
        throw DataError(code: "actor.duplicate-id", "actor id \(a.id) is used twice", hint: "give every actor its own id")
      }
      index[a.id] = i
    }
    self.aktörer = all
    self.byID = index
    var entries: [(name: String, id: String)] = []
    for a in all {
      entries.append((a.id, a.id))
      entries.append((a.name, a.id))
    }
    self.resolver = NameResolver(entries: entries, noun: "actor")
  }

  /// The actor with an id, or `nil`.
  package func aktör(id: String) -> Aktör? { byID[id].map { aktörer[$0] } }

  /// The förvaltningar of all nämnder.
  package var förvaltningar: [Förvaltning] { nämnder.map(\.förvaltning) }

  /// The nämnd a förvaltning serves.
  package func nämnd(ofFörvaltning id: String) -> Nämnd? { nämnder.first { $0.förvaltning.id == id } }

  /// The förvaltning that carries out a municipal actor's part: the actor
  /// itself for a förvaltning, the förvaltning of a nämnd, `nil` for
  /// companies and partners. Money is allocated to förvaltningar.
  package func förvaltning(for id: String) -> Förvaltning? {
    if let n = nämnder.first(where: { $0.id == id }) { return n.förvaltning }
    return nämnder.first(where: { $0.förvaltning.id == id })?.förvaltning
  }

  /// Finds an actor by id, name or abbreviation, case-insensitively.
  ///
  /// - Throws: ``DataError`` `name.unknown` with the nearest names.
  public func resolve(_ nameOrID: String, at location: SourceLocation = SourceLocation()) throws(DataError) -> Aktör {
    let id = try resolver.resolve(nameOrID, at: location)
    return aktör(id: id)!
  }

  /// The nearest actor names to an unknown one.
  package func suggestions(for name: String) -> [String] { resolver.suggestions(for: name) }

  /// A copy with more actors added (e.g. a new partner).
  public func adding(nämnder more: [Nämnd] = [], bolag moreBolag: [Bolag] = [], partners morePartners: [ExternPartner] = [])
    throws(DataError) -> AktörKatalog
  {
    try AktörKatalog(nämnder: nämnder + more, bolag: bolag + moreBolag, partners: partners + morePartners)
  }
}
