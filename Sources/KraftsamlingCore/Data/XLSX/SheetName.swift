/// Turns any text into a sheet name Excel accepts, by one rule:
///
/// 1. each of `[ ] : * ? / \` and each control character becomes `_`;
/// 2. apostrophes at the start and the end are removed (Excel refuses them
///    there);
/// 3. an empty name becomes `Sheet`;
/// 4. the name is cut to 31 UTF-16 units (never inside a surrogate pair);
/// 5. a name already taken — compared without regard to case, as Excel
///    does, and counting Excel's reserved `History` — gets ` (2)`, ` (3)` …,
///    the name cut shorter to leave room.
///
/// ```swift
/// var names = SheetNames()
/// names.add("Index: 2025/26")    // "Index_ 2025_26"
/// names.add("index_ 2025_26")    // "index_ 2025_26 (2)"
/// ```
package struct SheetNames: Sendable {
  /// The longest name Excel accepts, in UTF-16 units.
  package static let maximumLength = 31
  /// The characters a sheet name must not contain.
  package static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

  /// The names given so far, in order.
  package private(set) var names: [String] = []
  /// The names taken, lower-cased.
  private var taken: Set<String> = ["history"]

  /// No names yet.
  package init() {}

  /// Makes `proposed` a valid name not yet taken, takes it and returns it.
  @discardableResult
  package mutating func add(_ proposed: String) -> String {
    let base = Self.cleaned(proposed)
    var name = base
    var n = 1
    while taken.contains(name.lowercased()) {
      n += 1
      let suffix = " (\(n))"
      name = Self.trimmedApostrophes(Self.truncated(base, to: Self.maximumLength - suffix.utf16.count)) + suffix
    }
    taken.insert(name.lowercased())
    names.append(name)
    return name
  }

  /// Rules 1–4: the name without forbidden characters, within the length.
  package static func cleaned(_ proposed: String) -> String {
    let replaced = String(proposed.map { c -> Character in
      forbidden.contains(c) || c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : c
    })
    let name = trimmedApostrophes(truncated(trimmedApostrophes(replaced), to: maximumLength))
    return name.isEmpty ? "Sheet" : name
  }

  /// The longest prefix of whole Unicode scalars within `limit` UTF-16
  /// units (a surrogate pair is never split).
  static func truncated(_ text: String, to limit: Int) -> String {
    var out = String.UnicodeScalarView()
    var used = 0
    for s in text.unicodeScalars {
      used += UTF16.width(s)
      if used > limit { break }
      out.append(s)
    }
    return String(out)
  }

  /// `text` without apostrophes at either end.
  static func trimmedApostrophes(_ text: String) -> String {
    var s = Substring(text)
    while s.first == "'" { s = s.dropFirst() }
    while s.last == "'" { s = s.dropLast() }
    return String(s)
  }
}
