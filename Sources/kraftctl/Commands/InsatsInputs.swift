import Foundation
import KraftsamlingKit
import KraftsamlingKitData

/// Loading insats and rule-set files for the insatser commands.
enum InsatsInputs {
  struct Loaded {
    var insatser: [Insats]
    var isExample: Bool
  }

  /// The insatser of FILE, or the bundled sample when FILE is absent.
  /// Areas are resolved against `areas` (by code or name; Malmö's
  /// delområden by default), or taken as written when it is `nil`.
  /// Warnings go to standard error.
  static func load(_ path: String?, areas: AreaHierarchy? = MalmöData.hierarchy, _ io: inout Output) throws -> Loaded {
    guard let path else {
      return Loaded(insatser: SampleInsatser.insatser, isExample: true)
    }
    let reader = InsatsReader(catalogue: .malmö, areas: areas)
    let (file, diagnostics) = try reader.read(path: path)
    io.report(diagnostics)
    return Loaded(insatser: file.insatser, isExample: file.example)
  }

  /// A built-in rule set by name, or a rule-set file.
  static func ruleSet(_ value: String?, _ io: inout Output) throws -> RuleSet {
    guard let value else { return .stk2024_1374() }
    if let named = try? RuleSetRegistry.malmö.make(value) { return named }
    if !FileManager.default.fileExists(atPath: value) && !value.contains("/") && !value.contains(".") {
      let s = NameResolver(entries: RuleSetRegistry.malmö.names.map { ($0, $0) }, noun: "rule set").suggestions(for: value)
      throw UsageError(
        "unknown rule set '\(value)'",
        hint: (s.first.map { "did you mean \($0)? " } ?? "")
          + "built-in sets: \(RuleSetRegistry.malmö.names.joined(separator: ", ")), or give a rule-set file")
    }
    let reader = RuleSetReader(areas: MalmöData.hierarchy, bases: .malmö, defaults: .stk2024_1374Full())
    let (set, diagnostics) = try reader.read(path: value)
    io.report(diagnostics)
    return set
  }
}
