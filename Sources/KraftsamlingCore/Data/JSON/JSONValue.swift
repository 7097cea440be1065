/// A parsed JSON value that remembers where it stood in its source.
///
/// KraftsamlingKit reads JSON with its own small parser (``JSONParser``)
/// rather than only through `JSONDecoder`, so that readers can report
/// *every* problem of a file with its line and column and its JSON path
/// (`features[12].geometry.coordinates[0]`), not just the first.
package indirect enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer literal that fits in `Int64` (no fraction, no exponent).
  case integer(Int64)
  /// Any other number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONNode])
  /// An object; members keep their source order.
  case object([(key: String, value: JSONNode)])

  /// Compares values structurally.
  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// Hashes the value structurally.
  package func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .integer(let i): hasher.combine(i)
    case .number(let d): hasher.combine(d)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let o):
      for m in o {
        hasher.combine(m.key)
        hasher.combine(m.value)
      }
    }
  }

  /// A short name of the value's type for messages: `object`, `array`,
  /// `string`, `number`, `boolean` or `null`.
  package var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .integer, .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}

/// A JSON value with its position (1-based line and column of its first
/// character) and its path from the document root.
package struct JSONNode: Sendable, Hashable {
  /// The value.
  package var value: JSONValue
  /// The 1-based line where the value starts.
  package var line: Int
  /// The 1-based column (in Unicode scalars) where the value starts.
  package var column: Int
  /// The path from the root, e.g. `features[3].properties.do_kod`; empty
  /// for the root.
  package var path: String

  /// Creates a node.
  package init(_ value: JSONValue, line: Int, column: Int, path: String) {
    self.value = value
    self.line = line
    self.column = column
    self.path = path
  }

  /// The member `key` of an object, or `nil`.
  package subscript(key: String) -> JSONNode? {
    guard case .object(let members) = value else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The elements of an array, or `nil` if this is not an array.
  package var arrayValue: [JSONNode]? {
    if case .array(let a) = value { return a }
    return nil
  }

  /// The members of an object, or `nil` if this is not an object.
  package var objectValue: [(key: String, value: JSONNode)]? {
    if case .object(let o) = value { return o }
    return nil
  }

  /// The string, or `nil` if this is not a string.
  package var stringValue: String? {
    if case .string(let s) = value { return s }
    return nil
  }

  /// The number as a `Double`, or `nil` if this is not a number.
  package var doubleValue: Double? {
    switch value {
    case .integer(let i): Double(i)
    case .number(let d): d
    default: nil
    }
  }

  /// The number as an exact `Int64`, or `nil` if it is not an integer
  /// (a number such as `3.0` counts as the integer 3).
  package var int64Value: Int64? {
    switch value {
    case .integer(let i): return i
    case .number(let d):
      guard d.rounded() == d, d >= -9.2e18, d <= 9.2e18 else { return nil }
      return Int64(d)
    default: return nil
    }
  }

  /// The Boolean, or `nil` if this is not a Boolean.
  package var boolValue: Bool? {
    if case .bool(let b) = value { return b }
    return nil
  }

  /// Whether the value is `null`.
  package var isNull: Bool { value == .null }

  /// A scalar as text: strings as they are, integers without a decimal
  /// point, other numbers in their shortest form, Booleans as
  /// `true`/`false`; `nil` for null, arrays and objects.
  package var scalarText: String? {
    switch value {
    case .string(let s): return s
    case .integer(let i): return String(i)
    case .number(let d):
      if d.rounded() == d && abs(d) < 1e15 { return String(Int64(d)) }
      return String(d)
    case .bool(let b): return b ? "true" : "false"
    default: return nil
    }
  }

  /// The location of this node in `file`.
  package func location(in file: String?) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column, field: path.isEmpty ? nil : path)
  }

  /// Finds the node at a path of keys and indices (as produced by a
  /// `DecodingError`'s coding path), or the deepest existing ancestor.
  package func deepest(along components: [JSONPathComponent]) -> JSONNode {
    var node = self
    for comp in components {
      switch comp {
      case .key(let k):
        guard let next = node[k] else { return node }
        node = next
      case .index(let i):
        guard let a = node.arrayValue, i >= 0, i < a.count else { return node }
        node = a[i]
      }
    }
    return node
  }
}

/// One step of a JSON path: an object key or an array index.
package enum JSONPathComponent: Sendable, Hashable {
  /// An object member.
  case key(String)
  /// An array element (0-based).
  case index(Int)

  /// Renders a path as `a.b[2].c`.
  package static func render(_ components: [JSONPathComponent]) -> String {
    var s = ""
    for c in components {
      switch c {
      case .key(let k): s += s.isEmpty ? k : "." + k
      case .index(let i): s += "[\(i)]"
      }
    }
    return s
  }
}
