import KraftsamlingKit
import KraftsamlingKitData

extension DemoSteps {
  /// The demo's budget: 6 MSEK over the eligible sample insatser.
  static let demoBudget = Belopp(kronor: 6_000_000)

  /// Divides a sample budget over the eligible sample insatser with the
  /// need-weighted model (need = the index score of their areas).
  static func allocation(_ io: inout Output) throws {
    let args = try ParsedArguments(
      [CommonOptions.budget.name, String(demoBudget.kronor)], options: AllocationSupport.options,
      command: AllocateCommand.name)
    var quietIO = Output()
    quietIO.quiet = true
    let loaded = try AllocationSupport.load(args, &quietIO)
    let fördelning = try NeedWeightedModel().allocate(loaded.input)
    io.print(
      "   \(demoBudget) over the eligible sample insatser, need-weighted (need = index score of their areas × children 0–18):"
    )
    var t = ReportTable(columns: ["förvaltning", "amount"], alignments: [.left, .right])
    for (id, amount) in fördelning.totalsByFörvaltning {
      t.append([AktörKatalog.malmö.aktör(id: id)?.name ?? id, amount.description])
    }
    t.append(["total", fördelning.distributed.description])
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
    io.print("   every krona accounted for: \(fördelning.distributed) distributed, \(fördelning.undistributed) left")
  }

  /// How stable the top 12 are when the index's choices vary: how many are
  /// stable, the less certain ones, R and the seed (R = 1,000, seed 2025,
  /// the default index on the bundled data).
  static func robustness(_ io: inout Output) throws {
    do {
      let result = try RobustnessAnalysis(
        replications: RobustnessCommand.defaultReplications, selection: .top(RobustnessCommand.defaultTop)
      ).run(.stadskontoret2025, on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
      io.print(
        result.summaryLines(language: .en).map { "   " + $0 }.joined(separator: "\n") + "\n   \(Inputs.illustrative)")
    } catch {
      io.print("   robustness analysis failed: \(error)")
    }
  }

  /// The clusters of the index's selection, compared with the published one.
  static func clusters(_ io: inout Output) throws {
    for line in try ClustersCommand.demoLines(top: 12) { io.print(line) }
  }

  /// The follow-up status of UVAS on the bundled (illustrative) series,
  /// with no targets (the proposal sets none).
  static func followUp(_ io: inout Output) throws {
    var options = Uppföljning.Options.malmö
    options.dataLabel = MalmöData.illustrativeLabelEnglish
    let file = MalmöData.uvasSeriesCSV
    let panel = try IndicatorPanel.read(CSVReader.parse(file.text, source: MalmöData.sourceName(file))).panel
    let groups = try PublishedSelection.stk2024_1374.areaGroups(in: MalmöData.hierarchy)
    io.print(wrap(try Uppföljning(panel: panel, groups: groups, options: options).status(language: .en)))
  }

  /// The headline of the 2023 consultation and the state of the 2025 remiss.
  static func consultation(_ io: inout Output) throws {
    for round in [MalmöData.remissvar2023, MalmöData.remiss2025] {
      io.print(wrap(Sammanställning(round, catalogue: .malmö).headline(language: .en)))
    }
  }

  /// Checks the sample insatser against the rules of STK-2024-1374: one
  /// line per insats, then the overlaps of the register.
  static func eligibility(_ io: inout Output) throws {
    let insatser = SampleInsatser.insatser
    let rules = RuleSet.stk2024_1374()
    let context = EligibilityContext(catalogue: .malmö, areas: MalmöData.hierarchy, otherInsatser: insatser)
    let verdicts = rules.evaluate(insatser, in: context)
    io.print(
      "   \(insatser.count) sample insatser (\(SampleInsatser.exampleLabelEnglish)); "
        + "\(verdicts.filter(\.isEligible).count) eligible under \(rules.name)")
    var t = ReportTable(columns: ["id", "title", "status", "verdict"])
    for (i, v) in zip(insatser, verdicts) {
      let why = v.failures.map(\.ruleID).joined(separator: ", ")
      t.append([v.insatsID, v.title, i.status.rawValue, v.isEligible ? "eligible" : "not eligible: \(why)"])
    }
    io.print(t.text().split(separator: "\n").map { "   " + $0 }.joined(separator: "\n"))
    for o in SampleInsatser.register.overlaps() {
      io.print(
        "   overlap: \(o.first) and \(o.second) in \(o.areas.map(context.areaName).joined(separator: ", ")) "
          + "on \(o.themes.joined(separator: ", ")), \(o.years.lowerBound)–\(o.years.upperBound)")
    }
  }

  /// Wraps a paragraph at 88 columns with a three-space indent.
  static func wrap(_ text: String, width: Int = 88) -> String {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > width - 3 {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines.map { "   " + $0 }.joined(separator: "\n")
  }
}

extension ClustersCommand {
  /// The lines `kraftctl demo` prints for "clusters of the index's top 12
  /// under rook": the clusters of the 12 best-ranked delområden by
  /// stadskontoret-2025 on the bundled data, numbered by best-ranked
  /// member, and how they compare with STK-2024-1374's initial selection.
  /// Every line is indented by three spaces, as the demo's other steps.
  ///
  /// ```
  ///    The 12 most vulnerable delområden (stadskontoret-2025) form 5 rook clusters:
  ///    (1) Herrgården, Törnrosen, Örtagården, Kryddgården, Persborg, Apelgården
  ///    …
  ///    Compared with STK-2024-1374's initial selection: 11 of 12 in both; …
  /// ```
  static func demoLines(top k: Int = defaultTop) throws -> [String] {
    let result = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik, hierarchy: MalmöData.hierarchy)
    let selection = try AreaSelection.top(k, of: result)
    let layer = MalmöData.layer
    let clusters = try layer.clusters(of: selection, rule: .rook)
    let names = layer.displayNames
    var lines = [
      "The \(k) most vulnerable delområden (\(result.definition.id)) form \(clusters.clusters.count) \(clusters.rule) clusters:"
    ]
    if let warning = GeographySupport.tieWarning(selection, k: k) { lines.append("(\(warning))") }
    for c in clusters.clusters {
      lines.append("(\(c.number)) " + c.members.map { $0.name ?? $0.code }.joined(separator: ", "))
    }
    let published = PublishedSelection.stk2024_1374
    let publishedCodes = published.clusters.flatMap(\.codes)
    let common = selection.codes.filter(publishedCodes.contains)
    let onlyIndex = selection.codes.filter { !publishedCodes.contains($0) }.map { names[$0] ?? $0 }
    let onlyPublished = publishedCodes.filter { !selection.codes.contains($0) }.map { names[$0] ?? $0 }
    var comparison =
      "Compared with \(published.id)'s initial selection: \(common.count) of \(publishedCodes.count) in both"
    if !onlyIndex.isEmpty { comparison += "; only in the top \(k): " + onlyIndex.joined(separator: ", ") }
    if !onlyPublished.isEmpty { comparison += "; only in \(published.id): " + onlyPublished.joined(separator: ", ") }
    lines.append(comparison)
    lines.append(Inputs.illustrative)
    return lines.map { "   " + $0 }
  }
}
