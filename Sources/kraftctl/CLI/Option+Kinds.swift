import Foundation
import KraftsamlingKit

/// The kinds of values options take, each with its check and its message.
extension Option where Value == String {
  /// Any text (a path, a name the command resolves later).
  init(_ name: String, _ placeholder: String, _ help: String) {
    self.init(name, placeholder, help) { $0 }
  }
}

extension Option where Value == Int {
  /// A whole number in `range`.
  static func integer(_ name: String, _ placeholder: String, _ help: String, in range: ClosedRange<Int>) -> Option {
    Option(name, placeholder, help) { text throws(UsageError) in
      guard let n = Int(text) else { throw UsageError("\(name) must be a whole number, got '\(text)'") }
      guard range.contains(n) else {
        throw UsageError("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(n)")
      }
      return n
    }
  }
}

extension Option where Value == Double {
  /// A finite decimal number (point or comma) that `isValid` accepts;
  /// otherwise `"\(name) \(requirement), got x"`.
  static func number(
    _ name: String, _ placeholder: String, _ help: String, _ requirement: String,
    where isValid: @escaping @Sendable (Double) -> Bool
  ) -> Option {
    Option(name, placeholder, help) { text throws(UsageError) in
      guard let x = NumberParser.parse(text, decimal: .auto) else {
        throw UsageError("\(name) must be a number, got '\(text)'")
      }
      guard isValid(x) else { throw UsageError("\(name) \(requirement), got \(x)") }
      return x
    }
  }
}

extension Option {
  /// One of fixed words (in any case); `aliases` are accepted too but not
  /// listed. An unknown word gets the nearest as a hint. `USAGE` lists the
  /// words unless `listed` is false (then it shows the placeholder).
  static func choice(
    _ name: String, _ placeholder: String, _ help: String, _ choices: [(String, Value)],
    aliases: [(String, Value)] = [], listed: Bool = true
  ) -> Option {
    let words = choices.map(\.0)
    return Option(name, placeholder, help, choices: listed ? words : nil) { text throws(UsageError) in
      if let hit = (choices + aliases).first(where: { $0.0 == text.lowercased() }) { return hit.1 }
      let s = NameResolver(entries: words.map { ($0, $0) }, noun: "value").suggestions(for: text)
      throw UsageError(
        "\(name) must be one of \(words.joined(separator: ", ")), got '\(text)'",
        hint: s.first.map { "did you mean \($0)?" })
    }
  }

  /// A comma-separated list, each item read by `item` (spaces around
  /// items ignored).
  static func list<Item: Sendable>(
    _ name: String, _ placeholder: String, _ help: String, _ item: @escaping @Sendable (String) throws -> Item
  ) -> Option where Value == [Item] {
    Option(name, placeholder, help) { text in
      try text.split(separator: ",").map { try item($0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }
  }
}
