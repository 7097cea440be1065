import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl utvardering estimate`: checks the plan's inputs, then estimates.
extension UtvarderingCommand {
  static func runEstimate(_ args: ParsedArguments, _ io: inout Output) throws {
    guard let planPath = args[plan], let panelPath = args[panel] else {
      throw UsageError(
        "utvardering estimate needs --plan FILE and --panel FILE", hint: "e.g. --plan plan.json --panel uvas.csv")
    }
    let plan = try readPlan(planPath)
    let (panelData, diagnostics) = try IndicatorPanel.read(path: panelPath, dialect: Inputs.dialect(args), options: .uvas)
    io.report(diagnostics)
    let changes = try self.changes(plan, panel: panelData)
    if !changes.isEmpty && !args[force] {
      throw CommandFailure(
        code: .dataError,
        message: "the plan's inputs changed; refusing to estimate:\n  - "
          + changes.joined(separator: "\n  - ") + "\nkraftctl: hint: --force estimates anyway, marked forced in every output")
    }
    let forced = !changes.isEmpty
    if forced { io.warn(PlanEstimate.forcedWarning) }
    let estimate = try PlanEstimate(plan: plan, panel: panelData, changes: changes, forced: forced)
    try printEstimate(estimate, format: args[format] ?? .table, &io)
  }

  /// Reads and checks a plan file.
  static func readPlan(_ path: String) throws -> Utvärderingsplan {
    let bytes = try FileInput.readBytes(path: path)
    let plan = try JSONCoding.decode(Utvärderingsplan.self, from: bytes, file: FileInput.displayName(path))
    guard plan.formatVersion == Utvärderingsplan.currentFormatVersion else {
      throw CommandFailure(
        code: .dataError,
        message: "\(FileInput.displayName(path)): format_version \(plan.formatVersion) is not supported (this kraftctl reads \(Utvärderingsplan.currentFormatVersion))")
    }
    return plan
  }

  /// What differs from the plan: its own digest, the index inputs, the panel's pre-period rows.
  static func changes(_ plan: Utvärderingsplan, panel: IndicatorPanel) throws -> [String] {
    var changes: [String] = []
    if !plan.isIntact { changes.append("the plan itself was edited after it was written (plan_sha256 does not match)") }
    for input in plan.inputs where input.role != "panel" {
      guard let now = currentSHA256(of: input) else {
        changes.append("the \(input.role) input \(input.source) cannot be read to check it")
        continue
      }
      if now != input.sha256 { changes.append("the \(input.role) input \(input.source) changed since the plan was made") }
    }
    let pre = plan.preYears
    if PrePeriodDigest.sha256(of: panel, codes: plan.digestCodes, years: pre.range) != plan.prePeriodSHA256 {
      changes.append(
        "the panel's pre-period rows (\(pre.first)–\(pre.last)) for the plan's areas differ from those the plan was made on")
    }
    return changes
  }

  /// The SHA-256 of a recorded input as it is now, or `nil` when it cannot be read.
  static func currentSHA256(of input: Utvärderingsplan.Input) -> String? {
    if input.source.hasPrefix("built-in:") {
      let name = String(input.source.dropFirst("built-in:".count))
      return (try? IndexOptions.load(name)).map { SHA256.hex(Array($0.jsonText.utf8)) }
    }
    if input.source.hasPrefix("bundled:") {
      let files = [MalmöData.statistikCSV, MalmöData.geoJSON, MalmöData.uvasSeriesCSV]
      return files.first { MalmöData.sourceName($0) == input.source }.map { SHA256.hex(Array($0.text.utf8)) }
    }
    return (try? FileInput.readBytes(path: input.source)).map { SHA256.hex($0) }
  }
}
