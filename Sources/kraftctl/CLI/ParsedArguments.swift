import KraftsamlingKit

/// A command line read against a command's declared options: every value
/// already read and checked by its declaration, so that looking one up
/// cannot fail.
///
/// ```swift
/// let args = try ParsedArguments(["--top", "5", "--quiet"], options: [top, CommonOptions.quiet], command: "index")
/// args[top]                  // 5
/// args[CommonOptions.quiet]  // true
/// ```
struct ParsedArguments {
  private var values: [String: [any Sendable]] = [:]
  private var flags: Set<String> = []
  /// The arguments that are not options, in order.
  private(set) var positionals: [String] = []

  /// Reads `argv`: `--name value`, `--name=value`, flags, `-` as a
  /// positional (standard input) and `--` to end the options.
  ///
  /// - Throws: ``UsageError`` for an unknown option (with the nearest
  ///   names), a flag given a value, a missing value, an option given twice
  ///   that may be given once, a value its declaration rejects, a missing
  ///   required option, or too many positional arguments.
  init(
    _ argv: [String], options: [any OptionDeclaration], positionalLimit: Int = 0, command: String
  ) throws(UsageError) {
    let byName = Dictionary(options.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var i = 0
    var onlyPositionals = false
    while i < argv.count {
      let a = argv[i]
      i += 1
      if onlyPositionals || a == "-" || !a.hasPrefix("-") {
        positionals.append(a)
        continue
      }
      if a == "--" {
        onlyPositionals = true
        continue
      }
      var name = a
      var inlineValue: String? = nil
      if let eq = a.firstIndex(of: "=") {
        name = String(a[..<eq])
        inlineValue = String(a[a.index(after: eq)...])
      }
      guard let option = byName[name] else { throw Self.unknown(name, options: options, command: command) }
      guard let placeholder = option.valuePlaceholder else {
        if inlineValue != nil { throw UsageError("option \(name) takes no value") }
        flags.insert(name)
        continue
      }
      let text: String
      if let inlineValue {
        text = inlineValue
      } else {
        guard i < argv.count else { throw UsageError("option \(name) needs a value (\(placeholder))") }
        text = argv[i]
        i += 1
      }
      if !option.isRepeatable && values[name] != nil { throw UsageError("option \(name) is given more than once") }
      values[name, default: []].append(try option.read(text))
    }
    try check(options: options, positionalLimit: positionalLimit, command: command)
  }

  private func check(options: [any OptionDeclaration], positionalLimit: Int, command: String) throws(UsageError) {
    if positionals.count > positionalLimit {
      throw UsageError(
        positionalLimit == 0
          ? "'\(command)' takes no arguments, got '\(positionals[0])'"
          : "'\(command)' takes at most \(positionalLimit) argument(s), got \(positionals.count)",
        hint: "see 'kraftctl \(command) --help'")
    }
    for option in options where option.isRequired && values[option.name] == nil {
      throw UsageError("\(option.name) is required", hint: option.missingHint)
    }
  }

  private static func unknown(_ name: String, options: [any OptionDeclaration], command: String) -> UsageError {
    let resolver = NameResolver(entries: options.map { ($0.name, $0.name) }, noun: "option")
    let s = resolver.suggestions(for: name)
    return UsageError(
      "unknown option '\(name)' for '\(command)'",
      hint: s.isEmpty ? "see 'kraftctl \(command) --help'" : "did you mean \(s.joined(separator: " or "))?")
  }

  /// The value of an option (the last, if given several times), or nil.
  subscript<Value>(option: Option<Value>) -> Value? { values[option.name]?.last as? Value }

  /// Every value of a repeatable option, in order.
  func all<Value>(_ option: Option<Value>) -> [Value] { (values[option.name] ?? []).compactMap { $0 as? Value } }

  /// The value of a required option.
  ///
  /// - Throws: ``UsageError`` "`--name` is required" when it was not given.
  func require<Value>(_ option: Option<Value>) throws(UsageError) -> Value {
    guard let value = self[option] else { throw UsageError("\(option.name) is required", hint: option.missingHint) }
    return value
  }

  /// Whether a flag was given.
  subscript(flag: Flag) -> Bool { flags.contains(flag.name) }

  /// Whether an option or flag was given at all.
  func isGiven(_ option: any OptionDeclaration) -> Bool { values[option.name] != nil || flags.contains(option.name) }

  /// The positional argument, if given.
  subscript(positional: Positional) -> String? { positionals.first }
}
