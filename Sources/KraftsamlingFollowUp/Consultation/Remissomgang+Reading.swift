import KraftsamlingCore

extension Remissomgång {
  /// Decodes a round from JSON text and, when a catalogue is given,
  /// validates it, with every problem located by file, line and JSON path.
  ///
  /// ```swift
  /// let round = try Remissomgång.decode(Array(text.utf8), file: "remiss.json", catalogue: .malmö)
  /// ```
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 JSON in the `kraftsamling-remiss/1` format.
  ///   - file: The name for messages.
  ///   - catalogue: Actors to validate against; `nil` skips validation.
  ///   - limits: Caps on the input (``InputLimits/maximumBytes``).
  /// - Returns: The round and the non-error diagnostics (notes, warnings).
  /// - Throws: ``DataError`` on a syntax or decoding error, or when
  ///   validation finds an error; `limit.maximumBytes` for a too large input.
  /// - Complexity: O(n) in the size of the text, plus validation.
  public static func decode(
    _ bytes: [UInt8], file: String? = nil, catalogue: AktörKatalog? = nil, limits: InputLimits = .standard
  ) throws(DataError) -> (round: Remissomgång, diagnostics: [Diagnostic]) {
    try limits.checkBytes(bytes.count, file: file)
    let round = try JSONCoding.decode(Remissomgång.self, from: bytes, file: file)
    guard let catalogue else { return (round, []) }
    // The text is parsed again, to locate the problems, only when there are some.
    var d = round.diagnostics(against: catalogue, file: file)
    if !d.isEmpty { d = round.diagnostics(against: catalogue, file: file, root: try JSONParser.parse(bytes, file: file)) }
    if d.containsErrors { throw DataError(diagnostics: d) }
    return (round, d)
  }

  /// Reads a round from a file (`-` for standard input) and validates it.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - catalogue: The municipality's actors to validate against (Malmö's
  ///     is `AktörKatalog.malmö` in KraftsamlingKitData); `nil` skips validation.
  ///   - limits: Caps on the input (``InputLimits/maximumBytes``).
  /// - Returns: The round and the non-error diagnostics.
  /// - Throws: ``DataError`` `.unreadable` when the file cannot be read,
  ///   `.invalid` on a syntax, decoding or validation error,
  ///   `limit.maximumBytes` for a file larger than the limit.
  public static func read(path: String, catalogue: AktörKatalog?, limits: InputLimits = .standard)
    throws(DataError) -> (round: Remissomgång, diagnostics: [Diagnostic])
  {
    let bytes = try FileInput.readBytes(path: path, maximumBytes: limits.maximumBytes)
    return try decode(bytes, file: FileInput.displayName(path), catalogue: catalogue, limits: limits)
  }

  /// The round as JSON text in the `kraftsamling-remiss/1` format (sorted
  /// keys, pretty-printed, final newline): the same round always gives the
  /// same bytes.
  ///
  /// - Throws: Only if encoding fails, which does not happen for valid values.
  package func jsonString() throws -> String { try JSONCoding.encodeString(self) }
}
