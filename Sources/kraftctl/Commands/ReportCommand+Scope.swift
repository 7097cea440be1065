import KraftsamlingKit
import KraftsamlingKitData

/// What `kraftctl report` holds besides the index: the municipality, the
/// follow-up and the consultation, and a line for each section left out.
/// Malmö's follow-up, consultation rounds and sample insatser go with the
/// bundled data only.
extension ReportCommand {
  /// `--kommun`, or Malmö for the bundled data and Malmö's area codes,
  /// else a neutral word ("kommunen", "the municipality").
  static func municipality(_ args: ParsedArguments, isMalmö: Bool, language: ReportLanguage) -> String {
    args[CommonOptions.kommun] ?? (isMalmö ? "Malmö" : (language == .sv ? "kommunen" : "the municipality"))
  }

  /// The UVAS follow-up of STK-2024-1374's selection: the bundled series,
  /// with the bundled data only. `--target` without it is a usage error.
  static func addFollowUp(
    to config: inout PipelineConfiguration, statistics: Inputs.Statistics, _ args: ParsedArguments
  ) throws {
    let targets = args.all(CommonOptions.target)
    guard statistics.isBundled else {
      if !targets.isEmpty {
        throw UsageError(
          "--target: the report follows UVAS up on the bundled data only, and there is no follow-up of --data",
          hint: "follow your own series up with kraftctl uppfoljning --series FILE --target YEAR:PCT")
      }
      return
    }
    let file = MalmöData.uvasSeriesCSV
    config.followUpPanel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel
    config.followUpGroups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
    var options = Uppföljning.Options.malmö
    options.dataLabel = config.illustrativeLabel
    options.targets += targets
    config.followUpOptions = options
  }

  /// The consultation rounds of `--remiss FILE` (actors checked against
  /// the catalogue, as `kraftctl remissvar FILE` does), or the bundled
  /// 2023 and 2025 rounds with the bundled data.
  static func addConsultations(
    to config: inout PipelineConfiguration, statistics: Inputs.Statistics, _ args: ParsedArguments,
    _ io: inout Output
  ) throws {
    let paths = args.all(CommonOptions.remiss)
    guard !paths.isEmpty else {
      if statistics.isBundled { config.consultations = [MalmöData.remissvar2023, MalmöData.remiss2025] }
      return
    }
    var rounds: [Remissomgång] = []
    for path in paths {
      let (round, notes) = try Remissomgång.read(path: path, catalogue: config.catalogue)
      io.report(notes)
      rounds.append(round)
    }
    config.consultations = rounds
  }

  /// One line, in the report's language, for each section left out for
  /// want of its input, saying what would fill it.
  static func omissionNotes(_ config: PipelineConfiguration) -> [String] {
    let sv = config.language == .sv
    var notes: [String] = []
    if config.insatser.isEmpty {
      notes.append(
        sv
          ? "Inga insatser angavs; ange --insatser FIL för att pröva stödberättigande och fördela medel."
          : "No insatser were given; give --insatser FILE to test eligibility and divide money.")
    } else if config.budget == nil {
      notes.append(
        sv
          ? "Ingen budget angavs; ange --budget BELOPP för att fördela medel över de stödberättigade insatserna."
          : "No budget was given; give --budget AMOUNT to divide money over the eligible insatser.")
    }
    if config.followUpPanel == nil {
      notes.append(
        sv
          ? "Uppföljningen av UVAS mot urvalet i STK-2024-1374 ingår bara med de medföljande data; följ upp en egen serie med kraftctl uppfoljning --series FIL."
          : "The UVAS follow-up of STK-2024-1374's selection comes with the bundled data only; follow your own series up with kraftctl uppfoljning --series FILE.")
    }
    if config.consultations.isEmpty {
      notes.append(
        sv
          ? "Inga remissvar angavs; ange --remiss FIL (kraftsamling-remiss/1) för att sammanställa en remissomgång."
          : "No consultation was given; give --remiss FILE (kraftsamling-remiss/1) to summarise a consultation round.")
    }
    return notes
  }
}
