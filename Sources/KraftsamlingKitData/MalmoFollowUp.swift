import KraftsamlingKit

extension ReferenceValue {
  /// UVAS 16–29 in Malmö 2023: about 9.5 % (STK-2024-1374 writes "cirka
  /// 9,5 procent"). The source is the diarienummer, as a report cites it.
  ///
  /// ```swift
  /// ReferenceValue.malmö2023.value     // 0.095
  /// ```
  package static let malmö2023 = ReferenceValue(year: 2023, value: 0.095, source: "STK-2024-1374")
  /// UVAS 16–29 in Sweden 2023: about 6.8 %, as cited by STK-2024-1374
  /// ("omkring 6,8 procent").
  ///
  /// ```swift
  /// ReferenceValue.sverige2023.value   // 0.068
  /// ```
  package static let sverige2023 = ReferenceValue(year: 2023, value: 0.068, source: "STK-2024-1374")
}

extension Uppföljning.Options {
  /// The follow-up of STK-2024-1374 in Malmö: UVAS, baseline 2023, the
  /// published values of the proposal (Malmö 2023 ≈ 9.5 %; Sweden 2023 ≈
  /// 6.8 %), city `Malmö`, no targets.
  ///
  /// ```swift
  /// var options = Uppföljning.Options.malmö
  /// options.targets = [try Målvärde(parsing: "2030:8,5")]
  /// let f = try Uppföljning(panel: panel, groups: groups, options: options)
  /// ```
  public static var malmö: Uppföljning.Options {
    var options = Uppföljning.Options(cityName: "Malmö")
    options.publishedCity = [.malmö2023]
    options.publishedNation = [.sverige2023]
    return options
  }
}
