import KraftsamlingCore

/// An insats's effect logic (*effektlogik*): the chain of cause and effect
/// from resources through activities and outputs to short-, medium- and
/// long-term effects and the final goal.
///
/// The chain is a directed graph of typed ``Node``s joined by ``Link``s. A
/// link says "this leads to that" and carries a rationale (why) and the
/// assumptions it rests on. Effect nodes carry ``OutcomeIndicator``s with a
/// baseline, a target and a year, so that the chain can be followed up.
/// ``validate(options:)`` checks the chain mechanically; ``mermaid(title:)``
/// and ``dot(title:)`` draw it.
///
/// ```swift
/// let chain = Effektlogikkedja(
///   nodes: [
///     .init(id: "r", layer: .resurs, label: "2 pedagoger", amount: Belopp(kronor: 1_200_000)),
///     .init(id: "a", layer: .aktivitet, label: "Läxhjälp tre kvällar i veckan", responsible: "GRF"),
///     .init(id: "g", layer: .slutmål, label: "Fler unga arbetar eller studerar",
///           indicators: [.init(name: "UVAS 16–29", indicator: "uvas_16_29",
///                              baseline: 12.1, target: 10.0, year: 2030)]),
///   ],
///   links: [.init(from: "r", to: "a", rationale: "tid med vuxna"),
///           .init(from: "a", to: "g", rationale: "behörighet öppnar gymnasiet")])
/// chain.validate().map(\.code)   // ["effektlogik.layer-skipped", …]
/// ```
///
/// - SeeAlso: ESV 2016:31 *Verksamhetslogik*; W. K. Kellogg Foundation,
///   *Logic Model Development Guide* (2004).
public struct Effektlogikkedja: Sendable, Hashable, Codable {
  /// The nodes, in the order given.
  package var nodes: [Node]
  /// The links, in the order given.
  package var links: [Link]
  /// Conditions outside the insats's control that its effects depend on
  /// (*externa faktorer*), e.g. "the labour market for young people".
  package var externalFactors: [String]

  /// Creates a chain.
  ///
  /// - Parameters:
  ///   - nodes: The nodes.
  ///   - links: The links between them.
  ///   - externalFactors: Conditions outside the insats's control.
  public init(nodes: [Node] = [], links: [Link] = [], externalFactors: [String] = []) {
    self.nodes = nodes
    self.links = links
    self.externalFactors = externalFactors
  }

  /// The node with an id, or `nil`.
  ///
  /// - Complexity: O(*n*) for *n* nodes.
  package func node(id: String) -> Node? { nodes.first { $0.id == id } }

  /// The nodes of one layer, in the order given.
  package func nodes(in layer: Layer) -> [Node] { nodes.filter { $0.layer == layer } }

  /// The sum of the amounts on resource nodes, or `nil` when no resource
  /// node has an amount.
  ///
  /// - Throws: ``MoneyError`` `.overflow`.
  package func resourceTotal() throws(MoneyError) -> Belopp? {
    let amounts = nodes.filter { $0.layer == .resurs }.compactMap(\.amount)
    return amounts.isEmpty ? nil : try Belopp.sum(amounts)
  }
}

extension Effektlogikkedja {
  /// The layers of an effect logic, in causal order.
  ///
  /// Links should go from a layer to a later one: resurs → aktivitet →
  /// prestation → kortsiktig → medellång → långsiktig effekt → slutmål.
  public enum Layer: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Resource (input): money, staff, premises.
    case resurs
    /// Activity: what is done.
    case aktivitet
    /// Output (*prestation*): what the activity delivers, counted.
    case prestation
    /// Short-term effect (within about a year).
    case kortsiktigEffekt = "kortsiktig-effekt"
    /// Medium-term effect (a few years).
    case medellångEffekt = "medellång-effekt"
    /// Long-term effect.
    case långsiktigEffekt = "långsiktig-effekt"
    /// The final goal: more young people work or study after year 9.
    case slutmål

    /// The position in the causal order, 0 (resurs) … 6 (slutmål).
    package var rank: Int {
      switch self {
      case .resurs: 0
      case .aktivitet: 1
      case .prestation: 2
      case .kortsiktigEffekt: 3
      case .medellångEffekt: 4
      case .långsiktigEffekt: 5
      case .slutmål: 6
      }
    }

    /// Whether the layer is an effect or the goal: such nodes need an
    /// indicator.
    package var isOutcome: Bool { rank >= 3 }

    /// The Swedish name, e.g. "kortsiktig effekt".
    package var swedishName: String {
      switch self {
      case .resurs: "resurs"
      case .aktivitet: "aktivitet"
      case .prestation: "prestation"
      case .kortsiktigEffekt: "kortsiktig effekt"
      case .medellångEffekt: "medellång effekt"
      case .långsiktigEffekt: "långsiktig effekt"
      case .slutmål: "slutmål"
      }
    }

    /// The English name, e.g. "short-term outcome".
    package var englishName: String {
      switch self {
      case .resurs: "resource"
      case .aktivitet: "activity"
      case .prestation: "output"
      case .kortsiktigEffekt: "short-term outcome"
      case .medellångEffekt: "medium-term outcome"
      case .långsiktigEffekt: "long-term outcome"
      case .slutmål: "final goal"
      }
    }

    /// Orders by causal position: resurs first, slutmål last.
    public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rank < rhs.rank }
  }

  /// One step of the chain.
  public struct Node: Sendable, Hashable, Codable, Identifiable {
    /// An identifier unique within the chain, e.g. `a1`.
    public var id: String
    /// Which layer the node belongs to.
    public var layer: Layer
    /// What the step is, in a short sentence.
    package var label: String
    /// The id of the actor responsible for the step, if named.
    package var responsible: String?
    /// For effects and the goal: how the effect is measured.
    public var indicators: [OutcomeIndicator]
    /// For resources: the amount, if the resource is money.
    public var amount: Belopp?

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - id: Unique within the chain.
    ///   - layer: Its layer.
    ///   - label: What it is.
    ///   - responsible: The responsible actor's id.
    ///   - indicators: How an effect is measured.
    ///   - amount: For a resource, its amount.
    package init(
      id: String, layer: Layer, label: String, responsible: String? = nil, indicators: [OutcomeIndicator] = [],
      amount: Belopp? = nil
    ) {
      self.id = id
      self.layer = layer
      self.label = label
      self.responsible = responsible
      self.indicators = indicators
      self.amount = amount
    }

    enum CodingKeys: String, CodingKey {
      case id, layer = "kind", label, responsible, indicators, amount
    }

    /// Decodes a node; `indicators` may be left out.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = try c.decode(String.self, forKey: .id)
      layer = try c.decode(Layer.self, forKey: .layer)
      label = try c.decode(String.self, forKey: .label)
      responsible = try c.decodeIfPresent(String.self, forKey: .responsible)
      indicators = try c.decodeIfPresent([OutcomeIndicator].self, forKey: .indicators) ?? []
      amount = try c.decodeIfPresent(Belopp.self, forKey: .amount)
    }

    /// Encodes a node, leaving out empty indicators and absent values.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(id, forKey: .id)
      try c.encode(layer, forKey: .layer)
      try c.encode(label, forKey: .label)
      try c.encodeIfPresent(responsible, forKey: .responsible)
      if !indicators.isEmpty { try c.encode(indicators, forKey: .indicators) }
      try c.encodeIfPresent(amount, forKey: .amount)
    }
  }

  /// A causal link: `from` leads to `to`.
  public struct Link: Sendable, Hashable, Codable {
    /// The id of the cause.
    public var from: String
    /// The id of the effect.
    public var to: String
    /// Why the cause leads to the effect (*motivering*).
    package var rationale: String?
    /// What must hold for it to do so (*antaganden*).
    package var assumptions: [String]

    /// Creates a link.
    ///
    /// - Parameters:
    ///   - from: The cause's id.
    ///   - to: The effect's id.
    ///   - rationale: Why.
    ///   - assumptions: What must hold.
    package init(from: String, to: String, rationale: String? = nil, assumptions: [String] = []) {
      self.from = from
      self.to = to
      self.rationale = rationale
      self.assumptions = assumptions
    }

    enum CodingKeys: String, CodingKey { case from, to, rationale, assumptions }

    /// Decodes a link; `assumptions` may be left out.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      from = try c.decode(String.self, forKey: .from)
      to = try c.decode(String.self, forKey: .to)
      rationale = try c.decodeIfPresent(String.self, forKey: .rationale)
      assumptions = try c.decodeIfPresent([String].self, forKey: .assumptions) ?? []
    }

    /// Encodes a link, leaving out empty assumptions and an absent rationale.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(from, forKey: .from)
      try c.encode(to, forKey: .to)
      try c.encodeIfPresent(rationale, forKey: .rationale)
      if !assumptions.isEmpty { try c.encode(assumptions, forKey: .assumptions) }
    }
  }

  /// How an effect is measured: a baseline, a target and the year by which
  /// the target should be reached.
  ///
  /// ```swift
  /// let i = Effektlogikkedja.OutcomeIndicator(
  ///   name: "Andel behöriga till yrkesprogram", baseline: 71, baselineYear: 2024,
  ///   target: 80, year: 2028, unit: "%")
  /// i.change   // 9.0
  /// ```
  public struct OutcomeIndicator: Sendable, Hashable, Codable {
    /// What is measured, in words.
    public var name: String
    /// The id of a catalogue indicator (e.g. `uvas_16_29`), if it is one.
    package var indicator: String?
    /// The value now.
    public var baseline: Double
    /// The year of the baseline, if known.
    package var baselineYear: Int?
    /// The value aimed at.
    package var target: Double
    /// The year by which the target should be reached.
    public var year: Int
    /// The unit, e.g. `%` or `antal`.
    package var unit: String?

    /// Creates an indicator.
    ///
    /// - Parameters:
    ///   - name: What is measured.
    ///   - indicator: A catalogue indicator id.
    ///   - baseline: The value now.
    ///   - baselineYear: The year of the baseline.
    ///   - target: The value aimed at.
    ///   - year: The target year.
    ///   - unit: The unit.
    package init(
      name: String, indicator: String? = nil, baseline: Double, baselineYear: Int? = nil, target: Double, year: Int,
      unit: String? = nil
    ) {
      self.name = name
      self.indicator = indicator
      self.baseline = baseline
      self.baselineYear = baselineYear
      self.target = target
      self.year = year
      self.unit = unit
    }

    /// `target − baseline`.
    package var change: Double { target - baseline }
  }
}
