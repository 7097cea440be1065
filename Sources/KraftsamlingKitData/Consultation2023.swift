import KraftsamlingKit

extension MalmöData {
  /// The 2023 consultation: the 15 remissvar (12 nämnder, 3 companies) to
  /// STK-2023-137, *Uppdrag budget 2023 – Definiera och starta ett
  /// långsiktigt och strategiskt områdeslyft …*, with the four questions,
  /// each answer's stance, coordinator proposals, indicators asked for,
  /// criticism of the index, areas, views on money, ongoing programmes and
  /// political reservations, and line references into the compiled answers.
  ///
  /// Converted from `remissvar-2023.json` by `Scripts/generate-consultation.py`
  /// (labels are short and in the compilers' own words). The source does not
  /// list the remiss's recipients, so the round has none and no
  /// non-respondents can be derived.
  ///
  /// ```swift
  /// let s = Sammanställning(MalmöData.remissvar2023, catalogue: .malmö)
  /// s.answerCount                                   // 15
  /// s.coordinators.row(for: "MKB")?.anyRole.count   // 4
  /// ```
  ///
  /// - Complexity: parsed once, on first use.
  public static let remissvar2023: Remissomgång = loadRound(EmbeddedFiles.remissSTK2023)

  /// The 2025 remiss STK-2024-1374 (*Återrapportering kring kraftsamlande
  /// insatser; nu fråga om remiss*): its four questions, its 13 recipients
  /// (11 nämnder, MKB and MINC) and the deadline 2025-06-13, with no answers
  /// yet — a template to record the answers in as they arrive.
  ///
  /// ```swift
  /// Sammanställning(MalmöData.remiss2025, catalogue: .malmö).nonRespondents.count   // 13
  /// ```
  public static let remiss2025: Remissomgång = loadRound(EmbeddedFiles.remissSTK2025)

  /// The bundled consultation files (`remiss-stk-2023-137.json`,
  /// `remiss-stk-2024-1374.json`) as text, in the `kraftsamling-remiss/1` format.
  package static var consultationFiles: [EmbeddedFile] { [EmbeddedFiles.remissSTK2023, EmbeddedFiles.remissSTK2025] }

  private static func loadRound(_ file: EmbeddedFile) -> Remissomgång {
    do {
      return try Remissomgång.decode(Array(file.text.utf8), file: sourceName(file), catalogue: .malmö).round
    } catch {
      preconditionFailure("KraftsamlingKit's bundled consultation data is broken: \(error)")
    }
  }
}
