import KraftsamlingKit
import KraftsamlingKitData

/// `kraftctl utvardering plan`: freezes the plan and writes it as JSON and Markdown.
extension UtvarderingCommand {
  static func runPlan(_ args: ParsedArguments, _ io: inout Output) throws {
    guard let out = args[out] else {
      throw UsageError("utvardering plan needs --out FILE.json", hint: "e.g. --out plan.json (plan.md is written beside it)")
    }
    let markdownPath = (out.hasSuffix(".json") ? String(out.dropLast(5)) : out) + ".md"
    try OutputFile.checkReplaceable(out, recognising: isPlan)
    try OutputFile.checkReplaceable(markdownPath)
    let definition = try IndexOptions.definition(args)
    let statistics = try Inputs.statistics(args)
    io.report(statistics.diagnostics.filter { $0.severity == .note })
    let (layer, bundledLayer) = try Inputs.layer(args)
    let (panel, panelInput) = try loadPanel(args, &io)
    let index = try definition.run(on: statistics.table, hierarchy: MalmöData.hierarchy)
    let inputs = [
      try statisticsInput(args, bundled: statistics.isBundled),
      try fileInput("geometry", args[CommonOptions.geometry], bundled: bundledLayer ? MalmöData.geoJSON : nil),
      try definitionInput(args, definition), panelInput,
    ]
    let request = Utvärderingsplan.Request(
      definition: definition, index: index, top: args[CommonOptions.top] ?? 12, panel: panel,
      neighbours: try layer.contiguity(.queen).graph, followUpYears: args[years] ?? [2030, 2035],
      seed: args[seed] ?? 2030, generator: "kraftctl \(CommandLineTool.version)", inputs: inputs)
    let plan = try Utvärderingsplan(request)
    try OutputFile.write(try plan.json(), to: out, recognising: isPlan)
    try OutputFile.write(plan.markdown(), to: markdownPath)
    io.note("wrote \(out) and \(markdownPath)")
    for p in plan.power {
      let mde = DecimalFormatting.fixed(p.minimumDetectableEffect * 100, places: 1)
      io.print("MDE \(p.year): \(mde) percentage points\(p.extrapolated ? " (extrapolated from \(p.horizonUsed)-year changes)" : "")")
    }
  }

  /// Whether a file's bytes are a plan kraftctl wrote (so it may be replaced).
  static func isPlan(_ bytes: [UInt8]) -> Bool {
    guard let plan = try? JSONCoding.decode(Utvärderingsplan.self, from: bytes, file: nil) else { return false }
    return plan.generator.hasPrefix("kraftctl ")
  }

  /// The statistics' record: the bundled file or `--data FILE`.
  static func statisticsInput(_ args: ParsedArguments, bundled: Bool) throws -> Utvärderingsplan.Input {
    try fileInput("statistics", args[CommonOptions.data], bundled: bundled ? MalmöData.statistikCSV : nil)
  }

  /// A file's record: its embedded bytes when bundled, else the file's.
  static func fileInput(_ role: String, _ path: String?, bundled: EmbeddedFile?) throws -> Utvärderingsplan.Input {
    if let path {
      return .init(role: role, source: path, sha256: SHA256.hex(try FileInput.readBytes(path: path)))
    }
    guard let file = bundled else { throw UsageError("no \(role) given") }
    return .init(role: role, source: MalmöData.sourceName(file), sha256: SHA256.hex(Array(file.text.utf8)))
  }

  /// The definition's record: a file's bytes, or a built-in's canonical JSON.
  static func definitionInput(_ args: ParsedArguments, _ d: IndexDefinition) throws -> Utvärderingsplan.Input {
    let value = args[CommonOptions.definition] ?? IndexDefinitionRegistry.defaultName
    let looksLikeFile = value.hasSuffix(".json") || value.contains("/")
    if looksLikeFile { return try fileInput("definition", value, bundled: nil) }
    return .init(role: "definition", source: "built-in:\(value)", sha256: SHA256.hex(Array(d.jsonText.utf8)))
  }
}
