import KraftsamlingKit

extension PublishedSelection {
  /// The initial selection of STK-2024-1374: (1) Augustenborg, Heleneholm,
  /// Södra Sofielund; (2) Gullviksborg, Hermodsdal; (3) Herrgården,
  /// Kryddgården, Persborg, Törnrosen, Örtagården; (4) Holma; (5) Katrinelund.
  ///
  /// Stadskontoret's proposal (2025) names twelve delområden in five
  /// clusters of adjacent high-scoring areas. The selection is
  /// *initial*: the final choice is made later in the styrgrupp. Until the
  /// index and cluster stages supply a selection, follow-up and reports of
  /// Malmö use this one as "selected". Names are spelled as in Malmö's
  /// delområde layer (the proposal writes *Herrmodsdal*; the layer, and so
  /// this list, *Hermodsdal*); the codes are the layer's `do_kod`.
  ///
  /// ```swift
  /// let s = PublishedSelection.stk2024_1374
  /// s.clusters.count                 // 5
  /// s.delområden.count               // 12
  /// let groups = try s.areaGroups(in: MalmöData.hierarchy)   // 12 areas + 5 clusters + the whole selection
  /// ```
  ///
  /// - SeeAlso: Malmö stad, STK-2024-1374, *Återrapportering kring
  ///   kraftsamlande insatser; nu fråga om remiss*, section *Geografi*.
  public static let stk2024_1374 = PublishedSelection(
    id: "STK-2024-1374",
    title: "Inledande urval av delområden för kraftsamlande insatser",
    clusters: [
      Cluster(number: 1, names: ["Augustenborg", "Heleneholm", "Södra Sofielund"], codes: ["36109", "36101", "11319"]),
      Cluster(number: 2, names: ["Gullviksborg", "Hermodsdal"], codes: ["36108", "36105"]),
      Cluster(
        number: 3, names: ["Herrgården", "Kryddgården", "Persborg", "Törnrosen", "Örtagården"],
        codes: ["48208", "48104", "48209", "48205", "48206"]),
      Cluster(number: 4, names: ["Holma"], codes: ["25611"]),
      Cluster(number: 5, names: ["Katrinelund"], codes: ["11431"]),
    ],
    note: "Inledande urval; de slutliga delområdena väljs i styrgruppen i samråd med förvaltningarna.")
}

extension SelectedAreaRule {
  /// The codes of the twelve delområden of STK-2024-1374's initial
  /// selection (five clusters), from `PublishedSelection.stk2024_1374`:
  /// Augustenborg 36109, Heleneholm 36101, Södra Sofielund 11319;
  /// Gullviksborg 36108, Hermodsdal 36105; Herrgården 48208, Kryddgården
  /// 48104, Persborg 48209, Törnrosen 48205, Örtagården 48206; Holma 25611;
  /// Katrinelund 11431.
  package static let stk2024_1374InitialSelection: Set<String> = Set(
    PublishedSelection.stk2024_1374.clusters.flatMap(\.codes))

  /// The rule over ``stk2024_1374InitialSelection``, named `the initial
  /// selection of STK-2024-1374` in its reasons (as in
  /// `RuleSet.stk2024_1374Full()`).
  package static var stk2024_1374: SelectedAreaRule {
    SelectedAreaRule(areas: stk2024_1374InitialSelection, name: "the initial selection of STK-2024-1374")
  }
}
