#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Encoding and decoding of KraftsamlingKit's JSON formats with stable
/// output and located errors.
///
/// Output is pretty-printed with sorted keys, so files diff cleanly and the
/// same value always gives the same bytes. Decoding errors name the file,
/// line, column and JSON path of the offending value.
///
/// ```swift
/// let text = try JSONCoding.encodeString(Belopp(kronor: 5))   // "5"
/// let value = try JSONCoding.decode([Belopp].self, from: Array("[1, 2]".utf8), file: "b.json")
/// ```
package enum JSONCoding {
  /// The encoder used for every JSON format: sorted keys, pretty-printed,
  /// slashes unescaped.
  package static func encoder() -> JSONEncoder {
    let e = JSONEncoder()
    e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return e
  }

  /// The decoder used for every JSON format.
  package static func decoder() -> JSONDecoder { JSONDecoder() }

  /// A value as JSON text, with a final newline.
  package static func encodeString<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
  }

  /// Decodes a value, turning any failure into a located ``DataError``.
  ///
  /// The text is parsed first with ``JSONParser`` (so syntax errors get a
  /// line and column), then decoded; a decoding error's coding path is
  /// mapped back to the line and column of the value it concerns.
  ///
  /// - Parameters:
  ///   - type: The type to decode.
  ///   - bytes: UTF-8 JSON.
  ///   - file: The name used in locations.
  ///   - limits: Caps on the input (``InputLimits/maximumBytes``; nesting is
  ///     capped at ``JSONParser/maximumDepth``).
  /// - Throws: ``DataError`` located at the offending value;
  ///   `limit.maximumBytes` / `limit.maximumDepth` beyond the caps.
  package static func decode<T: Decodable>(
    _ type: T.Type, from bytes: [UInt8], file: String?, limits: InputLimits = .standard
  ) throws(DataError) -> T {
    try limits.checkBytes(bytes.count, file: file)
    do {
      return try decoder().decode(T.self, from: Data(bytes))
    } catch {
      throw located(error, in: bytes, file: file)
    }
  }

  /// The located form of a failed decode. Only a failure pays for the
  /// second, locating parse: a syntax error or too deep nesting is reported
  /// by ``JSONParser`` with its line and column, a decoding error at the
  /// value its coding path leads to.
  package static func located(_ error: any Error, in bytes: [UInt8], file: String?) -> DataError {
    let root: JSONNode
    do {
      root = try JSONParser.parse(bytes, file: file)
    } catch {
      return error
    }
    if let error = error as? DecodingError { return DataError(diagnostics: [diagnostic(for: error, root: root, file: file)]) }
    return DataError(code: "json.decode", "cannot decode: \(error)", at: SourceLocation(file: file))
  }

  /// Reads and decodes a file (`-` for standard input).
  ///
  /// - Throws: ``DataError`` as ``decode(_:from:file:limits:)``, or
  ///   `.unreadable`.
  package static func read<T: Decodable>(_ type: T.Type, path: String, limits: InputLimits = .standard) throws(DataError) -> T {
    let bytes = try FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes)
    return try decode(T.self, from: bytes, file: FileInput.displayName(path), limits: limits)
  }

  /// A located diagnostic for a `DecodingError`.
  package static func diagnostic(for error: DecodingError, root: JSONNode, file: String?) -> Diagnostic {
    func components(_ path: [any CodingKey]) -> [JSONPathComponent] {
      path.map { key in key.intValue.map { .index($0) } ?? .key(key.stringValue) }
    }
    switch error {
    case .keyNotFound(let key, let context):
      let path = components(context.codingPath)
      let node = root.deepest(along: path)
      let field = JSONPathComponent.render(path + [.key(key.stringValue)])
      return Diagnostic(
        .error, code: "json.missing-field", "required field '\(key.stringValue)' is missing",
        at: SourceLocation(file: file, line: node.line, column: node.column, field: field),
        hint: "add \"\(key.stringValue)\" to the object at \(node.path.isEmpty ? "the top level" : node.path)")
    case .typeMismatch(let type, let context):
      let node = root.deepest(along: components(context.codingPath))
      return Diagnostic(
        .error, code: "json.type-mismatch", "expected \(describe(type)) but found \(node.value.typeName)",
        at: node.location(in: file), hint: nil)
    case .valueNotFound(let type, let context):
      let node = root.deepest(along: components(context.codingPath))
      return Diagnostic(
        .error, code: "json.null-value", "expected \(describe(type)) but found null", at: node.location(in: file))
    case .dataCorrupted(let context):
      let node = root.deepest(along: components(context.codingPath))
      return Diagnostic(.error, code: "json.invalid-value", context.debugDescription, at: node.location(in: file))
    @unknown default:
      return Diagnostic(.error, code: "json.decode", "\(error)", at: SourceLocation(file: file))
    }
  }

  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
    case is Double.Type, is Float.Type: "a number"
    case is Bool.Type: "true or false"
    default:
      String(describing: type).hasPrefix("Array") ? "an array" : (String(describing: type).hasPrefix("Dictionary") ? "an object" : "\(type)")
    }
  }
}
