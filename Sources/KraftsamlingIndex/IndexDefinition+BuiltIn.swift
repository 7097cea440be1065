import KraftsamlingCore

extension IndexDefinition {
  /// The four indicators of Stadskontoret's revised utsatthetsindex
  /// (STK-2024-1374), read from the columns of the bundled
  /// `statistik_exempel.csv`; each id is its numerator column.
  ///
  /// 1. `ej_behoriga_yrkesprogram_ak9` / `avgangna_ak9` — year-9 leavers not
  ///    eligible for upper-secondary vocational programmes (by kön: the
  ///    `_flickor` / `_pojkar` columns);
  /// 2. `trangbodda_0_18` / `barn_0_18` — children 0–18 in overcrowded
  ///    housing (Boverket's norm);
  /// 3. `ekonomiskt_bistand_20_64` / `befolkning_20_64` — adults 20–64
  ///    receiving ekonomiskt bistånd;
  /// 4. `lag_inkomststandard_0_18` / `barn_0_18` — children 0–18 in
  ///    households with low income standard.
  ///
  /// They are the index indicators of ``IndicatorCatalogue/stadskontoret2025``,
  /// each with weight 1.
  package static let stadskontoretIndicators: [WeightedIndicator] =
    IndicatorCatalogue.stadskontoret2025.indexIndicators.map { WeightedIndicator($0, weight: 1) }

  /// `stadskontoret-2025`: the utsatthetsindex of STK-2024-1374 — the four
  /// indicators of ``stadskontoretIndicators`` as z-scores (population SD),
  /// equal weights, weighted arithmetic mean; rank 1 = most vulnerable.
  ///
  /// The proposal names the indicators but not how they are combined. These
  /// are **our defaults**, each a parameter: z-scores, equal weights,
  /// arithmetic mean; rates over fewer than 10 people count as missing; an
  /// area is ranked when at least 3 of the 4 indicators have data, scored
  /// over those it has (`reweight`); no outlier treatment (so the index
  /// stays explainable as shares).
  ///
  /// ```swift
  /// let r = try IndexDefinition.stadskontoret2025.run(on: table)
  /// ```
  public static let stadskontoret2025 = IndexDefinition(
    id: "stadskontoret-2025", version: "2025.1", title: "Utsatthetsindex (Stadskontoret 2025)",
    summary:
      "The revised utsatthetsindex of STK-2024-1374: four shares at delområde level combined into one score. Higher = more vulnerable.",
    indicators: stadskontoretIndicators, normalization: ZScore(), aggregation: WeightedArithmeticMean(),
    missingData: MissingDataPolicy(.reweight, minimumAvailability: 0.75), smallNumbers: SmallNumberPolicy(minDenominator: 10),
    outliers: .none, classification: .none,
    notes: [
      "The four indicators are those of STK-2024-1374.",
      "Normalisation (z-score, population SD), equal weights, arithmetic mean, minDenominator 10 and reweighting with at least 3 of 4 indicators are KraftsamlingKit's defaults: the proposal does not say how the indicators are combined.",
    ])

  /// `scb-regso`: in the style of SCB's RegSO index (*områdestyp*): the
  /// plain mean of three shares — low education, low economic standard,
  /// ekonomiskt bistånd — with five classes cut at ±1 and ±2 standard
  /// deviations from the mean.
  ///
  /// The bundled data has no low-education share of adults; this
  /// definition stands in the year-9 eligibility share, the children's low
  /// income standard and ekonomiskt bistånd 20–64. Point the indicators at
  /// SCB's own columns to reproduce SCB's index. Areas with any missing
  /// share are excluded.
  package static let scbRegSO = IndexDefinition(
    id: "scb-regso", version: "2025.1", title: "Socioekonomiskt index i SCB:s RegSO-stil",
    summary: "The plain mean of three shares and five classes at ±1/±2 SD, as SCB's områdestyper.",
    indicators: [stadskontoretIndicators[0], stadskontoretIndicators[3], stadskontoretIndicators[2]],
    normalization: IdentityNormalization(), aggregation: WeightedArithmeticMean(), missingData: .exclude,
    smallNumbers: SmallNumberPolicy(minDenominator: 10), classification: .standardDeviationBands,
    notes: [
      "SCB's index averages the shares with low education (25–64), low economic standard and ekonomiskt bistånd/long-term unemployment; the bundled columns stand in for them.",
      "Classes: 1 = more than 2 SD above the mean (largest challenges) … 5 = more than 2 SD below.",
    ])

  /// `threshold-count`: the number of the four STK-2024-1374 indicators on
  /// which an area is more than one standard deviation worse than the
  /// average area (z > 1), as the non-compensatory count of SCB and
  /// Boverket's *Utanförskapets karta*; class 1 marks areas with 2 or more.
  ///
  /// The threshold (z > 1) and *k* = 2 of 4 are our choices (the original
  /// used 3 of 6 factors with fixed thresholds); both are parameters.
  package static let thresholdCount = IndexDefinition(
    id: "threshold-count", version: "2025.1", title: "Antal indikatorer över tröskeln",
    summary: "How many indicators are more than one SD worse than the average area; 2 or more of 4 marks combined problems.",
    indicators: stadskontoretIndicators, normalization: ZScore(), aggregation: ThresholdCount(threshold: 1, required: 2),
    missingData: MissingDataPolicy(.reweight, minimumAvailability: 0.75), smallNumbers: SmallNumberPolicy(minDenominator: 10),
    classification: .atLeast(2),
    notes: ["Threshold z > 1 and 2 of 4 are KraftsamlingKit's choices, in the spirit of Utanförskapets karta (3 of 6)."])
}

/// Index definitions by name: the built-in ones and any you add.
///
/// ```swift
/// let d = try IndexDefinitionRegistry.builtIn.make("stadskontoret-2025")
/// try IndexDefinitionRegistry.builtIn.make("stadskontoret")
/// // throws index.unknown-definition (hint: did you mean stadskontoret-2025?)
/// ```
public typealias IndexDefinitionRegistry = Registry<IndexDefinition, IndexDomain>

extension Registry where Value == IndexDefinition, Domain == IndexDomain {
  /// An empty registry of index definitions.
  package init() { self.init(noun: "index definition", unknownCode: .unknownDefinition) }

  /// A registry of the given definitions, each under its id.
  package init(_ definitions: [IndexDefinition]) {
    self.init()
    for d in definitions { register(d.id, summary: d.title, value: d) }
  }

  /// `stadskontoret-2025` (the default), `scb-regso` and `threshold-count`.
  public static var builtIn: IndexDefinitionRegistry { IndexDefinitionRegistry([.stadskontoret2025, .scbRegSO, .thresholdCount]) }

  /// The default definition's name.
  package static var defaultName: String { "stadskontoret-2025" }
}
