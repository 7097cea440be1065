/// Reads area layers from GeoJSON (RFC 7946): a `FeatureCollection` of
/// `Polygon` and `MultiPolygon` features (holes allowed), the area code
/// taken from a named property.
///
/// Every problem in the file is reported with its line, column and JSON
/// path: unsupported geometry types, rings with fewer than four positions,
/// rings that are not closed, non-numeric or non-finite coordinates,
/// features without the id property, duplicate ids.
///
/// ```swift
/// let layer = try GeoJSONReader.read(path: "delomraden.geojson", idProperty: "do_kod")
/// layer.features.count        // 136
/// layer.coordinateSystem      // .geographic
/// ```
///
/// The coordinate system is `.geographic` when every coordinate lies within
/// longitude −180…180 and latitude −90…90 (RFC 7946's WGS84), `.projected`
/// otherwise (e.g. SWEREF 99 TM in metres).
///
/// - Complexity: O(*n*) in the size of the file.
public enum GeoJSONReader {
  /// Reads a file (`-` for standard input).
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - idProperty: The feature property holding the area code.
  ///   - limits: Caps on bytes, features and vertices per polygon.
  /// - Throws: ``DataError`` with every problem found.
  public static func read(path: String, idProperty: String, limits: InputLimits = .standard) throws(DataError) -> AreaLayer {
    let bytes = try FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes)
    return try parse(bytes: bytes, idProperty: idProperty, source: FileInput.displayName(path), limits: limits)
  }

  /// Parses GeoJSON text.
  public static func parse(_ text: String, idProperty: String, source: String? = nil, limits: InputLimits = .standard)
    throws(DataError) -> AreaLayer
  {
    try parse(bytes: Array(text.utf8), idProperty: idProperty, source: source, limits: limits)
  }

  /// Parses GeoJSON bytes.
  package static func parse(bytes: [UInt8], idProperty: String, source: String? = nil, limits: InputLimits = .standard)
    throws(DataError) -> AreaLayer
  {
    if bytes.count > limits.maximumBytes {
      throw InputLimits.exceeded("bytes", limit: limits.maximumBytes, at: SourceLocation(file: source), setting: "maximumBytes")
    }
    let root = try JSONParser.parse(bytes, file: source)
    let featureNodes = try featureNodes(of: root, source: source, limits: limits)
    var reader = FeatureReader(idProperty: idProperty, source: source, limits: limits)
    for node in featureNodes { reader.read(node) }
    var problems = reader.problems
    if reader.idPropertyMissingCount == featureNodes.count && !featureNodes.isEmpty {
      // Say once which properties exist instead of repeating the same hint.
      problems = [reader.noIDPropertyProblem(at: root)] + problems.filter { $0.code != "geojson.missing-id" }
    }
    if problems.containsErrors { throw DataError(diagnostics: problems) }
    if featureNodes.isEmpty {
      throw DataError(code: "geojson.empty", "the FeatureCollection has no features", at: root.location(in: source))
    }
    return AreaLayer(
      features: reader.features, idProperty: idProperty,
      coordinateSystem: reader.allGeographic ? .geographic : .projected, source: source)
  }

  /// The elements of the top-level `FeatureCollection`'s `features` array.
  ///
  /// - Throws: When the top level is not a feature collection, has no
  ///   features array or more features than the limit.
  private static func featureNodes(of root: JSONNode, source: String?, limits: InputLimits) throws(DataError) -> [JSONNode] {
    guard root["type"]?.stringValue == "FeatureCollection" else {
      throw DataError(
        code: "geojson.not-feature-collection", "the file is not a GeoJSON FeatureCollection",
        at: root.location(in: source), hint: "the top level must be {\"type\": \"FeatureCollection\", \"features\": [...]}")
    }
    guard let featureNodes = root["features"]?.arrayValue else {
      throw DataError(code: "geojson.no-features", "the FeatureCollection has no 'features' array", at: root.location(in: source))
    }
    if featureNodes.count > limits.maximumFeatures {
      throw InputLimits.exceeded("features", limit: limits.maximumFeatures, at: root.location(in: source), setting: "maximumFeatures")
    }
    return featureNodes
  }

  /// Reads the features one by one, collecting the areas and every problem.
  struct FeatureReader {
    let idProperty: String
    let source: String?
    let limits: InputLimits
    /// The areas read so far.
    private(set) var features: [AreaFeature] = []
    /// The problems found so far, in file order.
    private(set) var problems: [Diagnostic] = []
    /// Whether every coordinate so far lies within longitude/latitude bounds.
    private(set) var allGeographic = true
    /// How many features lack the id property.
    private(set) var idPropertyMissingCount = 0
    private var firstLine: [String: Int] = [:]
    private var availableProperties = Set<String>()

    init(idProperty: String, source: String?, limits: InputLimits) {
      self.idProperty = idProperty
      self.source = source
      self.limits = limits
    }

    private mutating func fail(_ node: JSONNode, _ code: DiagnosticCode, _ message: String, hint: String? = nil) {
      problems.append(Diagnostic(.error, code: code, message, at: node.location(in: source), hint: hint))
    }

    /// Reads one element of the features array: its properties, its id
    /// (present and not seen before) and its geometry.
    mutating func read(_ node: JSONNode) {
      guard node["type"]?.stringValue == "Feature" else {
        fail(node, "geojson.not-feature", "element is not a Feature")
        return
      }
      var properties: [String: String] = [:]
      if let props = node["properties"]?.objectValue {
        for (k, v) in props {
          availableProperties.insert(k)
          if let t = v.scalarText { properties[k] = t }
        }
      }
      guard let id = newID(of: node, properties: properties) else { return }
      guard let geometry = node["geometry"], !geometry.isNull else {
        fail(node, "geojson.no-geometry", "feature \(id) has no geometry")
        return
      }
      guard let polygons = readGeometry(geometry, id: id) else { return }
      features.append(AreaFeature(id: id, properties: properties, geometry: MultiPolygon(polygons), line: node.line))
    }

    /// The feature's id from the id property (or the top-level `id`), or
    /// `nil`, with a problem, when it is missing or already used.
    private mutating func newID(of node: JSONNode, properties: [String: String]) -> String? {
      var idText = properties[idProperty]
      if idText == nil, idProperty == "id", let top = node["id"]?.scalarText { idText = top }
      guard let id = idText?.trimmingWhitespace(), !id.isEmpty else {
        idPropertyMissingCount += 1
        fail(
          node, "geojson.missing-id", "feature has no property '\(idProperty)'",
          hint: "choose the property that holds the area code with --id-property")
        return nil
      }
      if let first = firstLine[id] {
        fail(node, "geojson.duplicate-id", "area id \(id) appears again (first on line \(first))", hint: "each area must be one feature; merge its parts into a MultiPolygon")
        return nil
      }
      firstLine[id] = node.line
      return id
    }

    /// The polygons of a `Polygon` or `MultiPolygon` geometry, or `nil`
    /// when something is wrong with it (each problem recorded).
    private mutating func readGeometry(_ geometry: JSONNode, id: String) -> [Polygon]? {
      let type = geometry["type"]?.stringValue ?? ""
      var polygons: [Polygon] = []
      var ok = true
      switch type {
      case "Polygon":
        if let p = GeoJSONReader.readPolygon(geometry["coordinates"], owner: geometry, id: id, problems: &problems, source: source, geographic: &allGeographic) {
          polygons = [p]
        } else { ok = false }
      case "MultiPolygon":
        guard let parts = geometry["coordinates"]?.arrayValue else {
          fail(geometry, "geojson.bad-coordinates", "feature \(id): MultiPolygon coordinates must be an array of polygons")
          return nil
        }
        for part in parts {
          if let p = GeoJSONReader.readPolygon(part, owner: geometry, id: id, problems: &problems, source: source, geographic: &allGeographic) {
            polygons.append(p)
          } else { ok = false }
        }
        if parts.isEmpty {
          fail(geometry, "geojson.empty-geometry", "feature \(id): the MultiPolygon has no parts")
          ok = false
        }
      default:
        fail(
          geometry, "geojson.unsupported-geometry",
          "feature \(id) has geometry type '\(type.isEmpty ? "(none)" : type)'; areas must be Polygon or MultiPolygon")
        return nil
      }
      let vertices = polygons.map(\.vertexCount).max() ?? 0
      if ok && vertices > limits.maximumVerticesPerPolygon {
        fail(
          geometry, "limit.maximumVerticesPerPolygon",
          "feature \(id) has a polygon with \(vertices) vertices, more than the limit of \(limits.maximumVerticesPerPolygon)",
          hint: "simplify the geometry, or raise InputLimits.maximumVerticesPerPolygon")
        ok = false
      }
      return ok ? polygons : nil
    }

    /// The one problem that replaces the missing-id problems when no
    /// feature has the id property: which properties there are.
    func noIDPropertyProblem(at root: JSONNode) -> Diagnostic {
      let resolver = NameResolver(entries: availableProperties.sorted().map { ($0, $0) }, noun: "property")
      let suggestion = resolver.suggestions(for: idProperty).first
      return Diagnostic(
        .error, code: "geojson.missing-id", "no feature has the id property '\(idProperty)'",
        at: root.location(in: source),
        hint: suggestion.map { "did you mean \($0)?" }
          ?? "the features' properties are: \(availableProperties.sorted().joined(separator: ", "))")
    }
  }

  private static func readPolygon(
    _ node: JSONNode?, owner: JSONNode, id: String, problems: inout [Diagnostic], source: String?, geographic: inout Bool
  ) -> Polygon? {
    guard let node, let ringNodes = node.arrayValue, !ringNodes.isEmpty else {
      problems.append(
        Diagnostic(
          .error, code: "geojson.bad-coordinates", "feature \(id): a polygon must be an array of rings",
          at: (node ?? owner).location(in: source)))
      return nil
    }
    var rings: [[Coordinate]] = []
    var ok = true
    for ringNode in ringNodes {
      guard let positions = ringNode.arrayValue else {
        problems.append(Diagnostic(.error, code: "geojson.bad-coordinates", "feature \(id): a ring must be an array of positions", at: ringNode.location(in: source)))
        ok = false
        continue
      }
      var ring: [Coordinate] = []
      ring.reserveCapacity(positions.count)
      var ringOK = true
      for p in positions {
        guard let xy = p.arrayValue, xy.count >= 2, let x = xy[0].doubleValue, let y = xy[1].doubleValue,
          x.isFinite, y.isFinite
        else {
          problems.append(
            Diagnostic(
              .error, code: "geojson.bad-position", "feature \(id): a position must be [x, y] with two finite numbers",
              at: p.location(in: source)))
          ringOK = false
          break
        }
        if x < -180 || x > 180 || y < -90 || y > 90 { geographic = false }
        ring.append(Coordinate(x: x, y: y))
      }
      guard ringOK else {
        ok = false
        continue
      }
      if ring.count < 4 {
        problems.append(
          Diagnostic(
            .error, code: "geojson.short-ring", "feature \(id): a ring has \(ring.count) positions; at least 4 are needed",
            at: ringNode.location(in: source), hint: "a closed triangle is 4 positions: the first repeated at the end"))
        ok = false
        continue
      }
      if ring.first != ring.last {
        problems.append(
          Diagnostic(
            .error, code: "geojson.unclosed-ring", "feature \(id): a ring is not closed (its last position differs from its first)",
            at: ringNode.location(in: source), hint: "repeat the first position at the end of the ring"))
        ok = false
        continue
      }
      rings.append(ring)
    }
    guard ok, let exterior = rings.first else { return nil }
    return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
  }
}
