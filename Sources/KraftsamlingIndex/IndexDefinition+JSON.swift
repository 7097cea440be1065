#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import KraftsamlingCore

extension IndexDefinition {
  /// Reads a definition from JSON text (the format of
  /// `Documentation/IndexPipeline.md`), reporting problems with their line,
  /// column and JSON path.
  ///
  /// ```swift
  /// let d = try IndexDefinition(json: #"{"id": "x", "indicators": [{"id": "a", "value": "a"}]}"#)
  /// d.normalization.specification.method   // "zscore"
  /// ```
  ///
  /// - Parameters:
  ///   - json: UTF-8 JSON text.
  ///   - file: The file name for messages.
  ///   - catalog: The methods names may refer to.
  ///   - limits: Caps on the input: ``InputLimits/maximumBytes`` (nesting
  ///     is capped at ``JSONParser/maximumDepth``).
  /// - Throws: ``IndexError`` `index.invalid-definition` (syntax, a missing or
  ///   mistyped member, an unsupported format version) or
  ///   `index.unknown-method` / `index.invalid-parameter`, located;
  ///   `limit.maximumBytes` / `limit.maximumDepth` beyond the caps.
  /// - Complexity: O(*n*) in the size of the text.
  package init(
    json: [UInt8], file: String? = nil, catalog: IndexStrategyCatalog = .builtIn, limits: InputLimits = .standard
  ) throws(IndexError) {
    do {
      try limits.checkBytes(json.count, file: file)
    } catch {
      throw Self.notJSON(error, file: file)
    }
    let decoder = JSONDecoder()
    decoder.userInfo[IndexStrategyCatalog.userInfoKey] = catalog
    do {
      self = try decoder.decode(IndexDefinition.self, from: Data(json))
      return
    } catch {
      // Only a failed decode pays for the second, locating parse.
      let root: JSONNode
      do {
        root = try JSONParser.parse(json, file: file)
      } catch {
        throw Self.notJSON(error, file: file)
      }
      throw Self.located(error, root: root, file: file)
    }
  }

  /// The error of a text that is not JSON (or too large, too deep).
  static func notJSON(_ error: DataError, file: String?) -> IndexError {
    let d = error.diagnostics.first
    let code = d.map { $0.code.rawValue.hasPrefix("limit.") ? IndexError.Code(rawValue: $0.code.rawValue) : .invalidDefinition }
    return IndexError(
      code ?? .invalidDefinition, d?.message ?? "the definition is not valid JSON", hint: d?.hint,
      location: d?.location ?? SourceLocation(file: file))
  }

  /// A decoding failure located in the parsed text.
  static func located(_ error: any Error, root: JSONNode, file: String?) -> IndexError {
    switch error {
    case let located as LocatedIndexError:
      var e = located.error
      e.location = root.deepest(along: Self.path(located.codingPath)).location(in: file)
      return e
    case let error as DecodingError:
      return Self.indexError(error, root: root, file: file)
    default:
      return IndexError(.invalidDefinition, "the definition cannot be read: \(error)", location: SourceLocation(file: file))
    }
  }

  /// Reads a definition from a JSON string.
  ///
  /// - Throws: ``IndexError`` as ``init(json:file:catalog:limits:)-([UInt8],_,_,_)``.
  public init(
    json: String, file: String? = nil, catalog: IndexStrategyCatalog = .builtIn, limits: InputLimits = .standard
  ) throws(IndexError) {
    try self.init(json: Array(json.utf8), file: file, catalog: catalog, limits: limits)
  }

  /// The definition as pretty-printed JSON with sorted keys, so that two
  /// equal definitions give identical text (suitable for version control).
  ///
  /// - Complexity: O(*m*) in the number of indicators.
  public var jsonText: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static func path(_ codingPath: [any CodingKey]) -> [JSONPathComponent] {
    codingPath.map { k in k.intValue.map { .index($0) } ?? .key(k.stringValue) }
  }

  private static func indexError(_ error: DecodingError, root: JSONNode, file: String?) -> IndexError {
    let path: [any CodingKey]
    let message: String
    var hint: String?
    switch error {
    case .keyNotFound(let key, let ctx):
      path = ctx.codingPath
      let at = JSONPathComponent.render(self.path(ctx.codingPath))
      message = "missing member \"\(key.stringValue)\"" + (at.isEmpty ? "" : " in \(at)")
      hint = "add \"\(key.stringValue)\"; see Documentation/IndexPipeline.md for the format"
    case .typeMismatch(let type, let ctx):
      path = ctx.codingPath
      message = "expected \(Self.jsonType(type)) at \(JSONPathComponent.render(self.path(ctx.codingPath)))"
    case .valueNotFound(let type, let ctx):
      path = ctx.codingPath
      message = "expected \(Self.jsonType(type)), found null, at \(JSONPathComponent.render(self.path(ctx.codingPath)))"
    case .dataCorrupted(let ctx):
      path = ctx.codingPath
      message = ctx.debugDescription
    @unknown default:
      path = []
      message = "\(error)"
    }
    let node = root.deepest(along: self.path(path))
    return IndexError(.invalidDefinition, message, hint: hint, location: node.location(in: file))
  }

  private static func jsonType(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Double.Type, is Int.Type: "a number"
    case is Bool.Type: "true or false"
    default: "\(type)"
    }
  }
}
