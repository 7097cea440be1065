/// A kraftctl command: its help text, its options and what it does.
protocol Command: Sendable {
  /// The word after `kraftctl`.
  static var name: String { get }
  /// One line for the command list.
  static var abstract: String { get }
  /// The usage line after `kraftctl NAME`.
  static var usage: String { get }
  /// Paragraphs explaining the command.
  static var discussion: String { get }
  /// Example invocations with a comment each.
  static var examples: [(command: String, comment: String)] { get }
  /// The options.
  static var options: [OptionSpec] { get }
  /// How many positional arguments are accepted.
  static var positionalLimit: Int { get }
  /// Runs the command.
  static func run(_ args: Arguments, _ io: inout Output) throws
}

extension Command {
  static var positionalLimit: Int { 0 }
  static var discussion: String { "" }

  /// The full help text, as printed by `kraftctl NAME --help`.
  static var help: String {
    var s = "OVERVIEW: \(abstract)\n\nUSAGE: kraftctl \(name) \(usage)\n"
    if !discussion.isEmpty { s += "\n" + discussion + "\n" }
    let all = options + [.flag("--help", "Show this help.")]
    s += "\nOPTIONS:\n"
    let labels = all.map { o in o.value.map { v in "\(o.name) \(v)" } ?? o.name }
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

/// Options shared by many commands.
enum CommonOptions {
  static let format = OptionSpec.option("--format", "FORMAT", "Output format: table (default), csv, json or markdown.")
  static let data = OptionSpec.option("--data", "FILE", "Statistics CSV (default: the bundled illustrative Malmö data).")
  static let geometry = OptionSpec.option("--geometry", "FILE", "Area polygons as GeoJSON (default: Malmö's delområden).")
  static let idProperty = OptionSpec.option("--id-property", "NAME", "GeoJSON property holding the area code (default: do_kod).")
  static let idColumn = OptionSpec.option("--id-column", "NAME", "CSV column holding the area code (default: kod, code, do_kod… or the first).")
  static let delimiter = OptionSpec.option("--delimiter", "CHAR", "CSV delimiter: , ; tab or | (default: detected).")
  static let encoding = OptionSpec.option("--encoding", "ENC", "CSV encoding: auto (default), utf8 or latin1.")
  static let quiet = OptionSpec.flag("--quiet", "Print no progress or notes on standard error.")
  static let force = OptionSpec.flag(
    "--force", "Write into a non-empty or protected directory; still removes only files kraftctl wrote.")

  /// Disclosure control of shown counts and rates.
  static let disclosure: [OptionSpec] = [
    .option("--min-count", "N", "Show counts below N as '..' (disclosure control; default 5, 0 = off)."),
    .option("--min-denominator", "N", "Show rates over fewer than N people as '..' (default 10, 0 = off)."),
  ]

  /// The data-reading options as a group.
  static let dataInput: [OptionSpec] = [data, idColumn, delimiter, encoding]
}
