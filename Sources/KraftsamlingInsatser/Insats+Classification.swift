import KraftsamlingCore

extension Insats {
  /// The years an insats runs, both ends included.
  ///
  /// ```swift
  /// let p = Insats.Period(from: 2026, to: 2028)
  /// p.years          // 2026...2028
  /// p.overlaps(.init(from: 2028, to: 2030))   // true
  /// ```
  public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first year.
    public var from: Int
    /// The last year (not before ``from`` in a valid file).
    public var to: Int

    /// Creates a period.
    ///
    /// - Parameters:
    ///   - from: The first year.
    ///   - to: The last year.
    public init(from: Int, to: Int) {
      self.from = from
      self.to = to
    }

    /// The years as a range (empty when `to < from`).
    package var years: ClosedRange<Int> { from...max(from, to) }

    /// Whether two periods share at least one year.
    package func overlaps(_ other: Period) -> Bool { from <= other.to && other.from <= to }

    /// `2026–2028`, or `2026` for one year.
    public var description: String { from == to ? String(from) : "\(from)–\(to)" }
  }

  /// Whom an insats is for.
  public struct TargetGroup: Sendable, Hashable, Codable {
    /// The ages reached.
    package var ages: AgeBand
    /// Who, in words, e.g. "elever i åk 7–9 och deras föräldrar".
    public var description: String?

    /// Creates a target group.
    ///
    /// - Parameters:
    ///   - ages: The ages reached.
    ///   - description: Who, in words.
    public init(ages: AgeBand, description: String? = nil) {
      self.ages = ages
      self.description = description
    }
  }

  /// The kind of work an insats does.
  ///
  /// STK-2024-1374 asks for a *tydlig främjande och förebyggande karaktär*
  /// and funds insatser with *fokus på förebyggande insatser*.
  public enum Inriktning: String, Sendable, Hashable, Codable, CaseIterable {
    /// Preventive: reduces risk factors before problems arise.
    case förebyggande
    /// Promoting: strengthens protective factors and opportunities for all.
    case främjande
    /// Remedial: treats or repairs problems that have arisen.
    case åtgärdande
  }

  /// Whether an insats reaches the target group itself.
  public enum Verkan: String, Sendable, Hashable, Codable, CaseIterable {
    /// Direct: works with the young people themselves.
    case direkt
    /// Indirect: works through parents, staff, places or structures.
    case indirekt
  }

  /// An insats's classification.
  public struct Classification: Sendable, Hashable, Codable {
    /// Its focus: one or more of preventive, promoting, remedial.
    package var focus: [Inriktning]
    /// Direct or indirect.
    package var reach: Verkan

    /// Creates a classification.
    ///
    /// - Parameters:
    ///   - focus: One or more kinds of work.
    ///   - reach: Direct or indirect.
    public init(focus: [Inriktning], reach: Verkan) {
      self.focus = focus
      self.reach = reach
    }

    /// Whether the focus includes preventive work.
    package var isPreventive: Bool { focus.contains(.förebyggande) }
  }

  /// An ongoing programme an insats strengthens, by name.
  ///
  /// Any name is allowed; the well-known ones of Malmö's 2023 remissvar are
  /// offered as constants so that spellings agree.
  ///
  /// ```swift
  /// let p: Insats.Programme = .ctc
  /// p.rawValue     // "CTC"
  /// ```
  public struct Programme: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    /// The programme's name.
    public var rawValue: String
    /// Creates a programme from its name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a programme from a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    /// The name.
    public var description: String { rawValue }

    /// Communities That Care: local prevention planning from a youth survey of
    /// risk and protective factors.
    package static let ctc: Programme = "CTC"
    /// Skola, socialtjänst, polis och fritid: the four-party collaboration
    /// around young people at risk.
    package static let sspf: Programme = "SSPF"
    /// Ung i Sommar: summer jobs for young people.
    package static let ungISommar: Programme = "Ung i Sommar"
    /// Familjecentral: maternity and child health care, open preschool and
    /// social services under one roof.
    package static let familjecentral: Programme = "Familjecentral"
    /// Ungdomsfält Malmö: outreach youth workers.
    package static let ungdomsfält: Programme = "Ungdomsfält Malmö"
    /// Tryggare Malmö: the city's safety programme with the police.
    package static let tryggareMalmö: Programme = "Tryggare Malmö"

    /// The constants above.
    public static let wellKnown: [Programme] = [.ctc, .sspf, .ungISommar, .familjecentral, .ungdomsfält, .tryggareMalmö]

    /// Encodes as a plain string.
    public func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      try c.encode(rawValue)
    }

    /// Decodes from a plain string.
    public init(from decoder: any Decoder) throws {
      rawValue = try decoder.singleValueContainer().decode(String.self)
    }
  }
}
