import KraftsamlingKitData

import KraftsamlingKit

/// Builders for small, hand-checkable insatser.
enum InsatsFixtures {
  static func indicator(_ name: String = "Andel med närvaro ≥ 90 %", uvas: Bool = false) -> Effektlogikkedja.OutcomeIndicator {
    uvas
      ? .init(name: "UVAS 16–29", indicator: "uvas_16_29", baseline: 14.2, baselineYear: 2023, target: 11.5, year: 2035, unit: "%")
      : .init(name: name, baseline: 70, baselineYear: 2025, target: 80, year: 2028, unit: "%")
  }

  /// r → a → p → e1 → e2 → e3 → g, every layer once, every link with a
  /// rationale, one assumption, one external factor, two owners: no finding.
  static func chain(owners: (String, String) = ("GRF", "FRF")) -> Effektlogikkedja {
    Effektlogikkedja(
      nodes: [
        .init(id: "r", layer: .resurs, label: "Personal", responsible: owners.0, amount: Belopp(kronor: 1_000_000)),
        .init(id: "a", layer: .aktivitet, label: "Läxhjälp", responsible: owners.0),
        .init(id: "p", layer: .prestation, label: "100 elever deltar", responsible: owners.1),
        .init(id: "e1", layer: .kortsiktigEffekt, label: "Högre närvaro", indicators: [indicator()]),
        .init(id: "e2", layer: .medellångEffekt, label: "Fler behöriga", indicators: [indicator("Andel behöriga")]),
        .init(id: "e3", layer: .långsiktigEffekt, label: "Fler fullföljer gymnasiet", indicators: [indicator("Examen")]),
        .init(id: "g", layer: .slutmål, label: "Fler arbetar eller studerar", indicators: [indicator(uvas: true)]),
      ],
      links: [
        .init(from: "r", to: "a", rationale: "personal krävs"),
        .init(from: "a", to: "p", rationale: "eleverna kommer", assumptions: ["lokalen finns"]),
        .init(from: "p", to: "e1", rationale: "stöd ger närvaro"),
        .init(from: "e1", to: "e2", rationale: "närvaro ger betyg"),
        .init(from: "e2", to: "e3", rationale: "behörighet öppnar gymnasiet"),
        .init(from: "e3", to: "g", rationale: "examen skyddar mot UVAS"),
      ],
      externalFactors: ["arbetsmarknaden"])
  }

  /// An insats of GRF with FRF as co-implementer, 2026–2027, preventive,
  /// budget `kronor` split into two lines (GRF gets the odd krona).
  static func insats(
    id: String = "T-1", kronor: Int64 = 1_000_000, owner: String = "GRF",
    participants: [Insats.Participant] = [.init(actor: "FRF", role: .medgenomförare)],
    focus: [Insats.Inriktning] = [.förebyggande], areas: [String] = ["25611"], themes: [String] = ["skola"],
    period: Insats.Period = .init(from: 2026, to: 2027), status: Beslutsstatus = .utkast
  ) -> Insats {
    let half = kronor / 2
    return Insats(
      id: id, title: "Testinsats \(id)", owner: owner, participants: participants, areas: areas, themes: themes,
      targetGroup: .init(ages: AgeBand(from: 10, to: 16)), period: period,
      budget: [
        .init(actor: owner, year: period.from, amount: Belopp(kronor: kronor - half)),
        .init(actor: participants.first?.actor ?? owner, year: period.to, amount: Belopp(kronor: half)),
      ],
      classification: .init(focus: focus, reach: .direkt), effektlogik: chain(), status: status)
  }

  static let context = EligibilityContext(catalogue: .malmö)

  static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

  static let chair = Representant(name: "Anna Berg", actor: "GRF", title: "avdelningschef", hasMandate: true)
}
