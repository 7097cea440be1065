import KraftsamlingKit

/// What the parser and the help text need to know of a declared option.
///
/// Every option of every command is declared once, as an ``Option`` or a
/// ``Flag``; the declaration gives its `OPTIONS` line, its part of the
/// `USAGE` line, and how a value given on the command line is read and
/// checked. A value that does not read is a ``UsageError`` naming the option
/// (exit 64).
protocol OptionDeclaration: Sendable {
  /// The long name with dashes, e.g. `--data`.
  var name: String { get }
  /// One line of help.
  var help: String { get }
  /// The placeholder of its value (`FILE`), nil for a flag.
  var valuePlaceholder: String? { get }
  /// The option as `USAGE` shows it: `[--format table|csv]`, `--out DIR`, `[--quiet]`.
  var usage: String { get }
  /// Whether the option may be given more than once.
  var isRepeatable: Bool { get }
  /// Whether the command needs the option.
  var isRequired: Bool { get }
  /// The hint given when a required option is missing.
  var missingHint: String? { get }
  /// Reads one value given on the command line.
  func read(_ text: String) throws(UsageError) -> any Sendable
}

extension OptionDeclaration {
  /// The option as `OPTIONS` lists it: `--data FILE`, or `--quiet`.
  var label: String { valuePlaceholder.map { "\(name) \($0)" } ?? name }
}

/// An option that takes a value: `--top 12`, `--top=12`.
///
/// ```swift
/// static let top = Option.integer("--top", "K", "The selection: the top K areas (default 12).", in: 1...1_000_000)
/// // in run: let k = args[top] ?? 12
/// ```
struct Option<Value: Sendable>: OptionDeclaration {
  let name: String
  /// The value's placeholder in `OPTIONS` (`FILE`).
  let placeholder: String
  private(set) var help: String
  /// The words the value may be, shown in `USAGE` instead of the placeholder.
  let choices: [String]?
  private(set) var isRepeatable = false
  private(set) var isRequired = false
  private(set) var missingHint: String?
  private let parse: @Sendable (String) throws -> Value

  /// Declares an option whose value `parse` reads. Whatever `parse` throws
  /// becomes a usage error naming the option: a ``UsageError`` as it is, a
  /// library error with its message and hint.
  init(
    _ name: String, _ placeholder: String, _ help: String, choices: [String]? = nil,
    parse: @escaping @Sendable (String) throws -> Value
  ) {
    self.name = name
    self.placeholder = placeholder
    self.help = help
    self.choices = choices
    self.parse = parse
  }

  var valuePlaceholder: String? { placeholder }

  var usage: String {
    let value = choices?.joined(separator: "|") ?? placeholder
    let text = "\(name) \(value)" + (isRepeatable ? " …" : "")
    return isRequired ? text : "[\(text)]"
  }

  /// Reads one value.
  func value(_ text: String) throws(UsageError) -> Value {
    do {
      return try parse(text)
    } catch let e as UsageError {
      throw e
    } catch let e as any DiagnosticError {
      throw UsageError.about(name, e.diagnostics)
    } catch {
      throw UsageError("\(name): \(error)")
    }
  }

  func read(_ text: String) throws(UsageError) -> any Sendable { try value(text) }

  /// The same option with the help line of one command.
  func help(_ text: String) -> Option {
    var copy = self
    copy.help = text
    return copy
  }

  /// The same option, to be given any number of times.
  var repeatable: Option {
    var copy = self
    copy.isRepeatable = true
    return copy
  }

  /// The same option, required by the command; `hint` says how to give it.
  func required(hint: String) -> Option {
    var copy = self
    copy.isRequired = true
    copy.missingHint = hint
    return copy
  }
}

/// An option without a value: `--quiet`.
struct Flag: OptionDeclaration {
  let name: String
  let help: String

  init(_ name: String, _ help: String) {
    self.name = name
    self.help = help
  }

  var valuePlaceholder: String? { nil }
  var usage: String { "[\(name)]" }
  var isRepeatable: Bool { false }
  var isRequired: Bool { false }
  var missingHint: String? { nil }

  func read(_ text: String) throws(UsageError) -> any Sendable {
    throw UsageError("option \(name) takes no value")
  }
}

/// The one optional positional argument a command may take, e.g. `[FILE]`.
struct Positional: Sendable {
  /// Its placeholder in `USAGE`.
  let placeholder: String
  init(_ placeholder: String) { self.placeholder = placeholder }
}
