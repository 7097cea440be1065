import KraftsamlingCore

/// Reads typed fields out of a parsed JSON tree (``JSONNode``) and collects
/// *every* problem as a located ``Diagnostic`` instead of stopping at the
/// first, as `JSONDecoder` does.
///
/// Used by ``InsatsReader`` and ``RuleSetReader``. Every accessor returns
/// `nil` when the field is absent or wrong and records why: a missing
/// required field at the object that lacks it, a wrong value at the value.
struct JSONFieldReader {
  let file: String?
  var diagnostics: [Diagnostic] = []

  init(file: String?) { self.file = file }

  var hasErrors: Bool { diagnostics.containsErrors }

  func location(_ node: JSONNode, field: String? = nil) -> SourceLocation {
    SourceLocation(file: file, line: node.line, column: node.column, field: field ?? (node.path.isEmpty ? nil : node.path))
  }

  static func path(_ parent: JSONNode, _ key: String) -> String { parent.path.isEmpty ? key : parent.path + "." + key }

  mutating func add(
    _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, at node: JSONNode, field: String? = nil,
    hint: String? = nil
  ) {
    diagnostics.append(Diagnostic(severity, code: code, message, at: location(node, field: field), hint: hint))
  }

  mutating func error(_ code: DiagnosticCode, _ message: String, at node: JSONNode, field: String? = nil, hint: String? = nil) {
    add(.error, code, message, at: node, field: field, hint: hint)
  }

  mutating func warning(_ code: DiagnosticCode, _ message: String, at node: JSONNode, field: String? = nil, hint: String? = nil) {
    add(.warning, code, message, at: node, field: field, hint: hint)
  }

  mutating func typeError(_ node: JSONNode, expected: String) {
    error("json.type-mismatch", "expected \(expected) but found \(node.value.typeName)", at: node)
  }

  /// The node if it is an object; warns about members not in `known`.
  mutating func object(_ node: JSONNode, known: [String], what: String) -> JSONNode? {
    guard let members = node.objectValue else {
      typeError(node, expected: "an object (\(what))")
      return nil
    }
    let resolver = NameResolver(entries: known.map { ($0, $0) }, noun: "field")
    for m in members where !known.contains(m.key) {
      let s = resolver.suggestions(for: m.key, limit: 1)
      warning(
        "json.unknown-field", "unknown field '\(m.key)' in \(what) is ignored", at: m.value,
        hint: s.isEmpty ? "known fields: \(known.joined(separator: ", "))" : "did you mean \(s[0])?")
    }
    return node
  }

  /// A member that is present and not null; reports a missing required one.
  mutating func member(_ obj: JSONNode, _ key: String, required: Bool) -> JSONNode? {
    if let v = obj[key], !v.isNull { return v }
    if required {
      let present = obj[key] != nil
      error(
        present ? "json.null-value" : "json.missing-field",
        present ? "required field '\(key)' is null" : "required field '\(key)' is missing",
        at: obj[key] ?? obj, field: Self.path(obj, key),
        hint: "add \"\(key)\" to the object at \(obj.path.isEmpty ? "the top level" : obj.path)")
    }
    return nil
  }

  mutating func string(_ obj: JSONNode, _ key: String, required: Bool = true, allowEmpty: Bool = false) -> String? {
    guard let v = member(obj, key, required: required) else { return nil }
    return stringValue(v, allowEmpty: allowEmpty)
  }

  mutating func stringValue(_ v: JSONNode, allowEmpty: Bool = false) -> String? {
    guard let s = v.stringValue else {
      typeError(v, expected: "a string")
      return nil
    }
    if !allowEmpty && s.trimmingWhitespace().isEmpty {
      error("json.empty-string", "the text is empty", at: v, hint: "write a value or leave the field out if it is optional")
      return nil
    }
    return s
  }

  mutating func int(_ obj: JSONNode, _ key: String, required: Bool = true, range: ClosedRange<Int>? = nil) -> Int? {
    guard let v = member(obj, key, required: required) else { return nil }
    guard let i = v.int64Value, let n = Int(exactly: i) else {
      typeError(v, expected: "a whole number")
      return nil
    }
    if let range, !range.contains(n) {
      error(
        "json.out-of-range", "\(n) is outside \(range.lowerBound)…\(range.upperBound)", at: v,
        hint: "write a value between \(range.lowerBound) and \(range.upperBound)")
      return nil
    }
    return n
  }

  mutating func number(_ obj: JSONNode, _ key: String, required: Bool = true) -> Double? {
    guard let v = member(obj, key, required: required) else { return nil }
    guard let d = v.doubleValue else {
      typeError(v, expected: "a number")
      return nil
    }
    return d
  }

  mutating func bool(_ obj: JSONNode, _ key: String, required: Bool = true) -> Bool? {
    guard let v = member(obj, key, required: required) else { return nil }
    guard let b = v.boolValue else {
      typeError(v, expected: "true or false")
      return nil
    }
    return b
  }

  mutating func array(_ obj: JSONNode, _ key: String, required: Bool = true) -> [JSONNode]? {
    guard let v = member(obj, key, required: required) else { return nil }
    guard let a = v.arrayValue else {
      typeError(v, expected: "an array")
      return nil
    }
    return a
  }

  mutating func strings(_ obj: JSONNode, _ key: String, required: Bool = false) -> [String]? {
    guard let a = array(obj, key, required: required) else { return nil }
    var out: [String] = []
    for e in a { if let s = stringValue(e) { out.append(s) } }
    return out
  }

  /// A non-negative whole number of kronor.
  mutating func amount(_ obj: JSONNode, _ key: String, required: Bool = true) -> Belopp? {
    guard let v = member(obj, key, required: required) else { return nil }
    guard let k = v.int64Value else {
      if v.doubleValue != nil {
        error("insats.amount-not-whole", "the amount \(v.scalarText ?? "") is not a whole number of kronor", at: v, hint: "write whole kronor, e.g. 1250000")
      } else {
        typeError(v, expected: "a whole number of kronor")
      }
      return nil
    }
    if k < 0 {
      error("insats.negative-amount", "the amount \(Belopp(kronor: k)) is negative", at: v, hint: "budget amounts are whole kronor, 0 or more")
      return nil
    }
    return Belopp(kronor: k)
  }

  /// One of a fixed set of words (matched case-insensitively; å, ä, ö may
  /// be written a, a, o).
  mutating func choice<T>(_ obj: JSONNode, _ key: String, required: Bool = true, _ options: [(String, T)], noun: String) -> T? {
    guard let v = member(obj, key, required: required) else { return nil }
    return choiceValue(v, options, noun: noun)
  }

  mutating func choiceValue<T>(_ v: JSONNode, _ options: [(String, T)], noun: String) -> T? {
    guard let s = stringValue(v) else { return nil }
    let key = Self.fold(s)
    if let hit = options.first(where: { Self.fold($0.0) == key }) { return hit.1 }
    let resolver = NameResolver(entries: options.map { ($0.0, $0.0) }, noun: noun)
    let suggestions = resolver.suggestions(for: s, limit: 1)
    error(
      "json.unknown-value", "unknown \(noun) '\(s)'", at: v,
      hint: (suggestions.first.map { "did you mean \($0)? " } ?? "") + "one of: \(options.map(\.0).joined(separator: ", "))")
    return nil
  }

  /// The options of a string enumeration.
  static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> [(String, T)] where T.RawValue == String {
    T.allCases.map { ($0.rawValue, $0) }
  }

  /// Lower case, å/ä → a, ö → o, `_` and space → `-`.
  static func fold(_ s: String) -> String {
    var out = ""
    for c in s.lowercased() {
      switch c {
      case "å", "ä": out.append("a")
      case "ö": out.append("o")
      case "é": out.append("e")
      case "_", " ": out.append("-")
      default: out.append(c)
      }
    }
    return out
  }
}
