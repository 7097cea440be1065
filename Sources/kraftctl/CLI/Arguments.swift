import KraftsamlingKit

/// One option a command accepts.
struct OptionSpec {
  /// The long name with dashes, e.g. `--data`.
  var name: String
  /// The value's placeholder (`FILE`), or nil for a flag.
  var value: String?
  /// One line of help.
  var help: String
  /// Whether the option may be given more than once.
  var repeatable = false

  static func option(_ name: String, _ value: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
    OptionSpec(name: name, value: value, help: help, repeatable: repeatable)
  }
  static func flag(_ name: String, _ help: String) -> OptionSpec {
    OptionSpec(name: name, value: nil, help: help)
  }
}

/// The parsed command line of one command.
struct Arguments {
  private(set) var values: [String: [String]] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positionals: [String] = []

  /// Parses `args` against a command's options. Accepts `--name value`,
  /// `--name=value`, `-` as a positional (standard input) and `--` to end options.
  init(_ args: [String], specs: [OptionSpec], positionalLimit: Int, command: String) throws(UsageError) {
    let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var i = 0
    var onlyPositionals = false
    while i < args.count {
      let a = args[i]
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
      guard let spec = byName[name] else {
        let resolver = NameResolver(entries: specs.map { ($0.name, $0.name) }, noun: "option")
        let s = resolver.suggestions(for: name)
        throw UsageError(
          "unknown option '\(name)' for '\(command)'",
          hint: s.isEmpty ? "see 'kraftctl \(command) --help'" : "did you mean \(s.joined(separator: " or "))?")
      }
      if spec.value == nil {
        if inlineValue != nil { throw UsageError("option \(name) takes no value") }
        flags.insert(name)
        continue
      }
      let value: String
      if let inlineValue {
        value = inlineValue
      } else {
        guard i < args.count else { throw UsageError("option \(name) needs a value (\(spec.value!))") }
        value = args[i]
        i += 1
      }
      if !spec.repeatable && values[name] != nil {
        throw UsageError("option \(name) is given more than once")
      }
      values[name, default: []].append(value)
    }
    if positionals.count > positionalLimit {
      throw UsageError(
        positionalLimit == 0
          ? "'\(command)' takes no arguments, got '\(positionals[0])'"
          : "'\(command)' takes at most \(positionalLimit) argument(s), got \(positionals.count)",
        hint: "see 'kraftctl \(command) --help'")
    }
  }

  /// The value of an option, or nil.
  func value(_ name: String) -> String? { values[name]?.last }
  /// All values of a repeatable option.
  func all(_ name: String) -> [String] { values[name] ?? [] }
  /// Whether a flag was given.
  func flag(_ name: String) -> Bool { flags.contains(name) }
  /// The first positional argument, if any.
  var first: String? { positionals.first }

  /// An integer option, validated to lie in `range`.
  func int(_ name: String, in range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
    guard let v = value(name) else { return nil }
    guard let n = Int(v) else { throw UsageError("\(name) must be a whole number, got '\(v)'") }
    if let range, !range.contains(n) {
      throw UsageError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(n)")
    }
    return n
  }

  /// A decimal option (point or comma), validated to be finite.
  func double(_ name: String) throws(UsageError) -> Double? {
    guard let v = value(name) else { return nil }
    guard let d = NumberParser.parse(v, decimal: .auto) else { throw UsageError("\(name) must be a number, got '\(v)'") }
    return d
  }

  /// An option's value read by a library parser (an amount, a target, a
  /// method name). Whatever the parser rejects is a usage error naming the
  /// option (exit 64), never a data error: the file is fine, the value is not.
  func parse<T>(_ name: String, _ transform: (String) throws -> T) throws(UsageError) -> T? {
    guard let v = value(name) else { return nil }
    return try Self.parse(v, option: name, transform)
  }

  /// Every value of a repeatable option, each read by `transform`.
  func parseAll<T>(_ name: String, _ transform: (String) throws -> T) throws(UsageError) -> [T] {
    var out: [T] = []
    for v in all(name) { out.append(try Self.parse(v, option: name, transform)) }
    return out
  }

  static func parse<T>(_ value: String, option: String, _ transform: (String) throws -> T) throws(UsageError) -> T {
    do {
      return try transform(value)
    } catch let e as UsageError {
      throw e
    } catch let e as any DiagnosticError {
      throw UsageError.about(option, e.diagnostics)
    } catch {
      throw UsageError("\(option): \(error)")
    }
  }

  /// A choice among fixed words.
  func choice<T>(_ name: String, _ options: [(String, T)]) throws(UsageError) -> T? {
    guard let v = value(name) else { return nil }
    if let hit = options.first(where: { $0.0 == v.lowercased() }) { return hit.1 }
    let resolver = NameResolver(entries: options.map { ($0.0, $0.0) }, noun: "value")
    let s = resolver.suggestions(for: v)
    throw UsageError(
      "\(name) must be one of \(options.map(\.0).joined(separator: ", ")), got '\(v)'",
      hint: s.first.map { "did you mean \($0)?" })
  }
}
