import KraftsamlingKit

/// The dispatcher: finds the command, parses its options, runs it and maps
/// every error to an exit code and a message on standard error.
enum CommandLineTool {
  static let version = "0.1.0"

  /// Every command, in the order `kraftctl help` lists them.
  static let commands: [any Command.Type] = [
    DemoCommand.self,
    ReportCommand.self,
    AreasCommand.self,
    ValidateCommand.self,
    PXCommand.self,
    IndexCommand.self,
    CompareCommand.self,
    RobustnessCommand.self,
    ExplainCommand.self,
    WhatIfCommand.self,
    AuditCommand.self,
    WeightsCommand.self,
    ContiguityCommand.self,
    NeighboursCommand.self,
    ClustersCommand.self,
    MapCommand.self,
    HotspotsCommand.self,
    RegionsCommand.self,
    CheckCommand.self,
    EffektlogikCommand.self,
    InsatserCommand.self,
    RemissvarCommand.self,
    UppfoljningCommand.self,
    UtvarderingCommand.self,
    ApportionCommand.self,
    AllocateCommand.self,
    CompareModelsCommand.self,
  ]

  static func run(_ argv: [String]) -> ExitCode {
    var io = Output()
    let code = dispatch(argv, &io)
    io.flush()
    return code
  }

  /// Runs a command line and returns the exit code; output is collected in `io`.
  static func dispatch(_ argv: [String], _ io: inout Output) -> ExitCode {
    guard let first = argv.first else {
      io.print(overview)
      return .success
    }
    if first == "--version" || first == "version" {
      io.print("kraftctl \(version) (KraftsamlingKit)")
      return .success
    }
    if first == "help" || first == "--help" || first == "-h" {
      if argv.count > 1 {
        guard let command = find(argv[1]) else { return usageFailure(unknownCommand(argv[1]), &io) }
        io.print(command.help, terminator: "")
      } else {
        io.print(overview)
      }
      return .success
    }
    guard let command = find(first) else { return usageFailure(unknownCommand(first), &io) }
    let rest = Array(argv.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      io.print(command.help, terminator: "")
      return .success
    }
    do {
      let args = try command.parse(rest)
      io.quiet = args[CommonOptions.quiet]
      io.csvStyle = try CommonOptions.checkCSVDialect(args, options: command.options)
      try command.run(args, &io)
      return .success
    } catch {
      return report(error, &io)
    }
  }

  /// Maps an error to its message and exit code (the one place that does).
  static func report(_ error: any Error, _ io: inout Output) -> ExitCode {
    switch error {
    case let e as UsageError:
      return usageFailure(e, &io)
    case let e as OutputError:
      io.report(e.diagnostics)
      return .cannotCreate
    case let e as WorkbookError:
      io.report(e.diagnostics)
      return .cannotCreate
    case let e as CommandFailure:
      if let m = e.message { io.stderr += "kraftctl: \(m)\n" }
      return e.code
    case let e as any DiagnosticError where UsageError.isAboutOptions(e):
      io.report(e.diagnostics)
      return .usage
    case let e as any DiagnosticError:
      io.report(e.diagnostics)
      return e.isUnreadable ? .noInput : .dataError
    default:
      io.stderr += "kraftctl: internal error: \(error)\n"
      return .software
    }
  }

  static func usageFailure(_ e: UsageError, _ io: inout Output) -> ExitCode {
    io.stderr += "kraftctl: error: \(e.message)\n"
    if let hint = e.hint { io.stderr += "kraftctl: hint: \(hint)\n" }
    return .usage
  }

  static func find(_ name: String) -> (any Command.Type)? { commands.first { $0.name == name } }

  static func unknownCommand(_ name: String) -> UsageError {
    let resolver = NameResolver(entries: commands.map { ($0.name, $0.name) }, noun: "command")
    let s = resolver.suggestions(for: name)
    return UsageError(
      "unknown command '\(name)'",
      hint: s.isEmpty ? "see 'kraftctl help'" : "did you mean \(s.joined(separator: " or "))?")
  }

  static var overview: String {
    var s = """
      kraftctl — KraftsamlingKit's command-line tool: where to concentrate social
      investment (kraftsamlande insatser), which interventions qualify, and how the
      money is divided.

      USAGE: kraftctl <command> [options]

      COMMANDS:

      """
    let width = commands.map { c in c.name.count }.max() ?? 0
    for c in commands { s += "  \(c.name)\(String(repeating: " ", count: width - c.name.count))  \(c.abstract)\n" }
    s += """

      Run 'kraftctl <command> --help' for a command's options and examples.
      Without --data/--geometry, commands use the bundled Malmö data: real
      delområde geometry (Malmö stad) and ILLUSTRATIVE, not official, statistics.

      Language: terminal output is English (Swedish terms beside); the documents for
      civil servants (report, remissvar, uppfoljning) are Swedish by default and
      English with --lang en.

      EXIT CODES:

      """
    let lines = ExitCode.all.map { code in
      let number = String(code.rawValue)
      return "  " + number + String(repeating: " ", count: 4 - number.count) + code.meaning
    }
    return s + lines.joined(separator: "\n")
  }
}
