import Foundation
import KraftsamlingKit
import Testing

@testable import kraftctl

/// The declarative option layer: every option declared once gives its help
/// line, its part of the USAGE line and the check of its value.
@Suite("kraftctl option declarations")
struct OptionDeclarationTests {
  /// Every command with its options.
  static let commands: [any Command.Type] = CommandLineTool.commands

  @Test("the USAGE line of every command is generated from its declarations and names every option")
  func usage() {
    for command in Self.commands {
      let help = command.help
      #expect(help.contains("\nUSAGE: kraftctl \(command.name) \(command.usage)\n"), "\(command.name)")
      for option in command.options {
        #expect(command.usage.contains(option.name), "\(command.name): \(option.name) missing from USAGE")
        #expect(help.contains("  \(option.label)"), "\(command.name): \(option.label) missing from OPTIONS")
      }
      #expect(
        Set(command.options.map(\.name)).count == command.options.count, "\(command.name) declares an option twice")
    }
  }

  @Test("a value an option rejects is a usage error that names the option, whatever the option")
  func badValues() {
    var rejected = 0
    for command in Self.commands {
      for option in command.options where option.valuePlaceholder != nil {
        for value in ["-1", "abc", "1e999", "2,x"] {
          do {
            _ = try option.read(value)
          } catch {
            rejected += 1
            #expect(error.message.contains(option.name), "\(command.name) \(option.name) \(value): \(error.message)")
          }
        }
      }
    }
    #expect(rejected > 100)
  }

  @Test(
    "shared options have one declaration: the same help line in every command that takes them",
    arguments: [
      CommonOptions.minDenominator.name, CommonOptions.minCount.name, CommonOptions.normalization.name,
      CommonOptions.aggregation.name, CommonOptions.missing.name, CommonOptions.data.name,
      CommonOptions.delimiter.name, CommonOptions.encoding.name, CommonOptions.geometry.name, CommonOptions.quiet.name,
    ])
  func shared(_ name: String) {
    let helps = Set(Self.commands.flatMap { $0.options.filter { $0.name == name }.map(\.help) })
    #expect(helps.count == 1, "\(name): \(helps)")
  }

  @Test("--min-denominator reads one way everywhere: a number from 0 to 1000000, a fraction included")
  func minDenominator() throws {
    #expect(try CommonOptions.minDenominator.value("9.5") == 9.5)
    #expect(try CommonOptions.minDenominator.value("9,5") == 9.5)
    #expect(throws: UsageError.self) { try CommonOptions.minDenominator.value("-1") }
    #expect(throws: UsageError.self) { try CommonOptions.minDenominator.value("2000000") }
    let args = try AreasCommand.parse(["--min-denominator", "9.5", "--min-count", "3"])
    let control = Inputs.disclosure(args)
    #expect(control.minimumDenominator == 10 && control.minimumCount == 3)
  }

  @Test("--normalization and --aggregation offer the catalogue's methods that take no parameters")
  func strategies() throws {
    let catalog = IndexStrategyCatalog.builtIn
    let normalizations = catalog.normalizations.names.filter {
      (try? catalog.normalization(StrategySpecification($0))) != nil
    }
    #expect(CommonOptions.normalization.choices == normalizations)
    #expect(CommonOptions.aggregation.choices == catalog.aggregations.names)
    #expect(try CommonOptions.normalization.value("RANK").specification.method == "rank")
    let error = try #require(throws: UsageError.self) { try CommonOptions.normalization.value("zscor") }
    #expect(error.hint == "did you mean zscore?")
  }

  @Test("the parser: inline values, repeated and required options, flags, positionals")
  func parser() throws {
    let args = try CompareCommand.parse(["--definition=a", "--definition", "b", "--top", "5"])
    #expect(args.all(CompareCommand.definitions) == ["a", "b"])
    #expect(args[CompareCommand.top] == 5)
    #expect(!args.isGiven(CommonOptions.data))
    #expect(try CheckCommand.parse(["insatser.json", "--strict"])[CheckCommand.strict])
    let cases: [([String], String)] = [
      (["--top", "5", "--top", "6"], "option --top is given more than once"),
      (["--top"], "option --top needs a value (K)"),
      (["--topp", "5"], "unknown option '--topp' for 'compare'"),
      (["x"], "'compare' takes no arguments, got 'x'"),
    ]
    for (argv, message) in cases {
      let error = try #require(throws: UsageError.self) { try CompareCommand.parse(argv) }
      #expect(error.message == message)
    }
    #expect(throws: UsageError.self) { try CheckCommand.parse(["--strict=yes"]) }
    let missing = try #require(throws: UsageError.self) { try ApportionCommand.parse(["--total", "3"]) }
    #expect(missing.message == "--method is required")
  }
}
