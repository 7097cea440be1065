
/// The name and parameters of a method picked by name — a normalisation or
/// aggregation as written in an index definition's JSON and recorded with
/// every run, or anything a ``Registry`` makes.
///
/// In JSON a specification is either a bare method name or an object with a
/// `method` member and the parameters beside it:
///
/// ```json
/// "normalization": "zscore"
/// "normalization": {"method": "goalposts", "lower": 0.0, "upper": 0.4}
/// "aggregation": {"method": "count", "threshold": 1, "required": 2}
/// ```
///
/// ```swift
/// let s = StrategySpecification("goalposts", parameters: ["lower": 0, "upper": 0.4])
/// s.description   // "goalposts(lower=0.0, upper=0.4)"
/// ```
///
/// Numeric parameters are kept in ``parameters``, text parameters in
/// ``options``. Two strategies with equal specifications are treated as the
/// same choice, so index definitions compare by their specifications.
public struct StrategySpecification: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The method's name, e.g. `zscore`, `minmax`, `arithmetic`, `count`.
  public var method: String
  /// Numeric parameters by name.
  package var parameters: [String: Double]
  /// Text parameters by name, e.g. `sd: sample`.
  package var options: [String: String]

  /// Creates a specification.
  public init(_ method: String, parameters: [String: Double] = [:], options: [String: String] = [:]) {
    self.method = method
    self.parameters = parameters
    self.options = options
  }

  /// `method(key=value, …)` with the keys sorted, or just `method`.
  public var description: String {
    var parts: [String] = []
    for k in parameters.keys.sorted() { parts.append("\(k)=\(parameters[k]!)") }
    for k in options.keys.sorted() { parts.append("\(k)=\(options[k]!)") }
    return parts.isEmpty ? method : "\(method)(\(parts.joined(separator: ", ")))"
  }

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Decodes a bare method name or a `{"method": …, …}` object.
  public init(from decoder: any Decoder) throws {
    if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
      self.init(name)
      return
    }
    let c = try decoder.container(keyedBy: Key.self)
    let method = try c.decode(String.self, forKey: Key(stringValue: "method"))
    var parameters: [String: Double] = [:]
    var options: [String: String] = [:]
    for key in c.allKeys where key.stringValue != "method" {
      if let d = try? c.decode(Double.self, forKey: key) {
        parameters[key.stringValue] = d
      } else if let s = try? c.decode(String.self, forKey: key) {
        options[key.stringValue] = s
      } else if let b = try? c.decode(Bool.self, forKey: key) {
        options[key.stringValue] = b ? "true" : "false"
      } else {
        throw DecodingError.dataCorruptedError(
          forKey: key, in: c, debugDescription: "a method parameter must be a number, a string or a Boolean")
      }
    }
    self.init(method, parameters: parameters, options: options)
  }

  /// Encodes as a bare name when there are no parameters, else as an object.
  public func encode(to encoder: any Encoder) throws {
    if parameters.isEmpty && options.isEmpty {
      var c = encoder.singleValueContainer()
      try c.encode(method)
      return
    }
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(method, forKey: Key(stringValue: "method"))
    for (k, v) in parameters { try c.encode(v, forKey: Key(stringValue: k)) }
    for (k, v) in options { try c.encode(v, forKey: Key(stringValue: k)) }
  }

  /// A numeric parameter, or `fallback` when absent.
}
