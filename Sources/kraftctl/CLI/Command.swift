/// A kraftctl command: its help text, its declared options and what it does.
protocol Command: Sendable {
  /// The word after `kraftctl`.
  static var name: String { get }
  /// One line for the command list.
  static var abstract: String { get }
  /// Paragraphs explaining the command.
  static var discussion: String { get }
  /// Example invocations with a comment each.
  static var examples: [(command: String, comment: String)] { get }
  /// The options, in the order `--help` lists them.
  static var options: [any OptionDeclaration] { get }
  /// The positional argument, if the command takes one.
  static var positional: Positional? { get }
  /// Runs the command.
  static func run(_ args: ParsedArguments, _ io: inout Output) throws
}

extension Command {
  static var positional: Positional? { nil }
  static var discussion: String { "" }

  /// Reads a command line against this command's options.
  static func parse(_ argv: [String]) throws(UsageError) -> ParsedArguments {
    try ParsedArguments(argv, options: options, positionalLimit: positional == nil ? 0 : 1, command: name)
  }

  /// The usage line after `kraftctl NAME`, generated from the declarations.
  static var usage: String {
    ((positional.map { ["[\($0.placeholder)]"] } ?? []) + options.map(\.usage)).joined(separator: " ")
  }

  /// The full help text, as printed by `kraftctl NAME --help`.
  static var help: String {
    var s = "OVERVIEW: \(abstract)\n\nUSAGE: kraftctl \(name) \(usage)\n"
    if !discussion.isEmpty { s += "\n" + discussion + "\n" }
    let all = options + [Flag("--help", "Show this help.")]
    s += "\nOPTIONS:\n"
    let labels = all.map(\.label)
    let width = min(28, labels.map { $0.count }.max() ?? 0)
    for (label, o) in zip(labels, all) {
      if label.count > width {
        s += "  \(label)\n  \(String(repeating: " ", count: width))  \(o.help)\n"
      } else {
        s += "  \(label)\(String(repeating: " ", count: width - label.count))  \(o.help)\n"
      }
    }
    if !examples.isEmpty {
      s += "\nEXAMPLES:\n"
      for e in examples { s += "  # \(e.comment)\n  kraftctl \(e.command)\n" }
    }
    return s
  }
}
