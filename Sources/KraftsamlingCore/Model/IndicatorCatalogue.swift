/// A named set of indicators with their metadata.
///
/// The bundled catalogue ``stadskontoret2025`` holds the four indicators of
/// Stadskontoret's revised utsatthetsindex (STK-2024-1374) and UVAS, the
/// programme's yardstick, reading the column names of the bundled
/// illustrative statistics file.
///
/// ```swift
/// let k = IndicatorCatalogue.stadskontoret2025
/// k.indexIndicators.map(\.id)
/// // ["ej_behoriga_yrkesprogram_ak9", "trangbodda_0_18",
/// //  "ekonomiskt_bistand_20_64", "lag_inkomststandard_0_18"]
/// ```
public struct IndicatorCatalogue: Sendable, Hashable, Codable {
  /// The catalogue's name, e.g. `stadskontoret-2025`.
  package var name: String
  /// The indicators used by the index, in order.
  package var indexIndicators: [Indicator]
  /// Further indicators (follow-up measures such as UVAS).
  package var otherIndicators: [Indicator]

  /// Creates a catalogue.
  package init(name: String, indexIndicators: [Indicator], otherIndicators: [Indicator] = []) {
    self.name = name
    self.indexIndicators = indexIndicators
    self.otherIndicators = otherIndicators
  }

  /// All indicators.
  public var all: [Indicator] { indexIndicators + otherIndicators }

  /// The indicator with an id.
  package func indicator(id: String) -> Indicator? { all.first { $0.id == id } }
}

extension Indicator {
  /// Share of year-9 leavers not eligible for a vocational programme in
  /// upper secondary school (*ej behöriga till yrkesprogram*), by kön.
  package static let ejBehörigaYrkesprogram = Indicator(
    id: "ej_behoriga_yrkesprogram_ak9", name: "Andel avgångna åk 9 ej behöriga till yrkesprogram",
    englishName: "Share of year-9 leavers not eligible for upper-secondary vocational programmes",
    definition: "Elever som lämnat årskurs 9 utan behörighet till gymnasieskolans yrkesprogram / alla avgångna från årskurs 9",
    measure: .rate(ColumnPair(numerator: "ej_behoriga_yrkesprogram_ak9", denominator: "avgangna_ak9")),
    ageBand: AgeBand(from: 15, to: 16), source: "Skolverket / Malmö stad", direction: .higherIsWorse,
    dimension: "utbildning", kind: .community, version: "2025.1",
    byKön: [
      .kvinna: ColumnPair(numerator: "ej_behoriga_ak9_flickor", denominator: "avgangna_ak9_flickor"),
      .man: ColumnPair(numerator: "ej_behoriga_ak9_pojkar", denominator: "avgangna_ak9_pojkar"),
    ])

  /// Share of 0–18-year-olds in overcrowded housing by Boverket's norm
  /// (*trångboddhet*): more than two people per room, kitchen and living
  /// room not counted (norm 2), or not every member having a bedroom of
  /// their own except couples (norm 3).
  package static let trångbodda = Indicator(
    id: "trangbodda_0_18", name: "Andel 0–18 år som är trångbodda",
    englishName: "Share of 0–18-year-olds in overcrowded housing (Boverket's norm)",
    definition: "Barn 0–18 år i trångbodda hushåll enligt Boverkets norm / alla barn 0–18 år",
    measure: .rate(ColumnPair(numerator: "trangbodda_0_18", denominator: "barn_0_18")),
    ageBand: AgeBand(from: 0, to: 18), source: "SCB", direction: .higherIsWorse,
    dimension: "boende", kind: .community, version: "2025.1")

  /// Share of 20–64-year-olds receiving social assistance (*ekonomiskt bistånd*).
  package static let ekonomisktBistånd = Indicator(
    id: "ekonomiskt_bistand_20_64", name: "Andel 20–64 år med ekonomiskt bistånd",
    englishName: "Share of 20–64-year-olds receiving social assistance",
    definition: "Personer 20–64 år som fått ekonomiskt bistånd under året / alla 20–64 år",
    measure: .rate(ColumnPair(numerator: "ekonomiskt_bistand_20_64", denominator: "befolkning_20_64")),
    ageBand: AgeBand(from: 20, to: 64), source: "Malmö stad / SCB", direction: .higherIsWorse,
    dimension: "ekonomi", kind: .community, version: "2025.1")

  /// Share of 0–18-year-olds in households with a low income standard
  /// (*låg inkomststandard*).
  package static let lågInkomststandard = Indicator(
    id: "lag_inkomststandard_0_18", name: "Andel 0–18 år i hushåll med låg inkomststandard",
    englishName: "Share of 0–18-year-olds in households with a low income standard",
    definition: "Barn 0–18 år i hushåll med inkomststandard under 1,0 / alla barn 0–18 år",
    measure: .rate(ColumnPair(numerator: "lag_inkomststandard_0_18", denominator: "barn_0_18")),
    ageBand: AgeBand(from: 0, to: 18), source: "SCB", direction: .higherIsWorse,
    dimension: "ekonomi", kind: .community, version: "2025.1")

  /// UVAS: share of 16–29-year-olds who neither work nor study (*unga som
  /// varken arbetar eller studerar*), the programme's yardstick. Register
  /// based; series break in 2015; published 1.5–2 years after the year.
  package static let uvas = Indicator(
    id: "uvas_16_29", name: "Andel unga 16–29 år som varken arbetar eller studerar (UVAS)",
    englishName: "Share of 16–29-year-olds neither in work nor in education (NEET)",
    definition:
      "Personer 16–29 år utan förvärvsinkomst över ett prisbasbelopp, utan studiestöd, utan registrerade studier och med högst 60 timmar sfi / alla 16–29 år",
    measure: .rate(ColumnPair(numerator: "uvas_16_29", denominator: "unga_16_29")),
    ageBand: AgeBand(from: 16, to: 29), source: "SCB / MUCF", direction: .higherIsWorse,
    dimension: "arbete och studier", kind: .community, version: "2015.1")
}

extension IndicatorCatalogue {
  /// The four indicators of Stadskontoret's revised utsatthetsindex
  /// (STK-2024-1374) plus UVAS, with the column names of the bundled
  /// `statistik_exempel.csv`.
  public static let stadskontoret2025 = IndicatorCatalogue(
    name: "stadskontoret-2025",
    indexIndicators: [.ejBehörigaYrkesprogram, .trångbodda, .ekonomisktBistånd, .lågInkomststandard],
    otherIndicators: [.uvas])
}
