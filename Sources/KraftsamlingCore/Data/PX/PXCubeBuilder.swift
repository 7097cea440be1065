/// Builds the dimensions of a cube from its decoded statements: `STUB`,
/// `HEADING`, `VALUES`, `CODES`, `VARIABLECODE`, `ELIMINATION`, `TIMEVAL`,
/// with their `[lang]` variants, and the declared data symbols.
struct PXCubeBuilder {
  /// The statements, a `[lang]` equal to the default language removed.
  let statements: [PXStatement]
  let source: String?
  /// The default language (`LANGUAGE`).
  let language: String?
  /// The languages (`LANGUAGES`), the default first.
  let languages: [String]
  private(set) var problems: [Diagnostic] = []
  private var index: [String: PXStatement] = [:]

  init(statements raw: [PXStatement], source: String?) {
    let language = raw.last { $0.keyword == "LANGUAGE" && $0.language == nil }?.items.first
    self.language = language
    self.statements = raw.map { s in
      var s = s
      if s.language == language { s.language = nil }
      return s
    }
    self.source = source
    var languages = raw.last { $0.keyword == "LANGUAGES" }?.items ?? []
    if let language, !languages.isEmpty, languages.first != language {
      languages.removeAll { $0 == language }
      languages.insert(language, at: 0)
    }
    self.languages = languages
    for s in statements { index[Self.key(s.keyword, s.language, s.arguments)] = s }
  }

  private static func key(_ keyword: String, _ language: String?, _ arguments: [String]) -> String {
    ([keyword, language ?? ""] + arguments).joined(separator: "\u{1F}")
  }

  /// The last statement of a keyword in a language with these arguments.
  func statement(_ keyword: String, _ language: String? = nil, _ arguments: [String] = []) -> PXStatement? {
    index[Self.key(keyword, language, arguments)]
  }

  private mutating func fail(_ code: DiagnosticCode, _ message: String, line: Int?, field: String, hint: String) {
    problems.append(Diagnostic(.error, code: code, message, at: SourceLocation(file: source, line: line, field: field), hint: hint))
  }

  /// The dimensions, STUB then HEADING; problems are collected in ``problems``.
  mutating func dimensions() -> [PXCube.Dimension] {
    let stub = statement("STUB")?.items ?? []
    let heading = statement("HEADING")?.items ?? []
    let names = stub + heading
    if names.isEmpty {
      fail(
        "px.missing-stub-heading", "the file has neither STUB nor HEADING", line: 1, field: "STUB",
        hint: "name the dimensions with STUB=\"…\"; and/or HEADING=\"…\";")
      return []
    }
    var seen = Set<String>()
    for n in names where !seen.insert(n).inserted {
      fail(
        "px.duplicate-dimension", "the dimension '\(n)' is named twice in STUB/HEADING", line: statement("STUB")?.line,
        field: "STUB", hint: "every dimension appears once, in STUB or in HEADING")
    }
    var translated: [String: [String]] = [:]
    for lang in languages.dropFirst() {
      let other = (statement("STUB", lang)?.items ?? []) + (statement("HEADING", lang)?.items ?? [])
      if other.count == names.count { translated[lang] = other }
    }
    return names.enumerated().compactMap { i, name in
      dimension(name, translations: translated.mapValues { $0[i] })
    }
  }

  /// One dimension by its default-language name; nil when its VALUES are missing.
  private mutating func dimension(_ name: String, translations: [String: String]) -> PXCube.Dimension? {
    guard let values = statement("VALUES", nil, [name]), !values.items.isEmpty else {
      fail(
        "px.missing-values", "the dimension '\(name)' has no VALUES", line: statement("STUB")?.line ?? statement("HEADING")?.line,
        field: "VALUES(\"\(name)\")", hint: "list its values: VALUES(\"\(name)\")=\"…\",\"…\";")
      return nil
    }
    var codes = values.items
    if let c = statement("CODES", nil, [name]) {
      if c.items.count == values.items.count {
        codes = c.items
      } else {
        fail(
          "px.codes-count", "CODES(\"\(name)\") has \(c.items.count) codes for \(values.items.count) values", line: c.line,
          field: "CODES(\"\(name)\")", hint: "give one code per value, in the order of VALUES")
      }
    }
    checkUnique(codes, name: name, line: values.line)
    var names = ["": name]
    var texts = ["": values.items]
    if let language { names[language] = name; texts[language] = values.items }
    for (lang, translated) in translations {
      names[lang] = translated
      if let v = statement("VALUES", lang, [translated]), v.items.count == values.items.count { texts[lang] = v.items }
    }
    let timeval = statement("TIMEVAL", nil, [name])
    return PXCube.Dimension(
      name: name, code: statement("VARIABLECODE", nil, [name])?.items.first ?? name, valueCodes: codes, names: names,
      valueTexts: texts, elimination: statement("ELIMINATION", nil, [name])?.items.first,
      timeScale: timeval.flatMap { t in t.words.first { $0 != "TLIST" } })
  }

  private mutating func checkUnique(_ codes: [String], name: String, line: Int) {
    var seen = Set<String>()
    for c in codes where !seen.insert(c).inserted {
      fail(
        "px.duplicate-value", "the value '\(c)' appears twice in dimension '\(name)'", line: line,
        field: "VALUES(\"\(name)\")", hint: "every value of a dimension must have its own code")
      return
    }
  }

  /// The symbols a data cell may hold instead of a number: SCB's dots and
  /// dash, and the texts declared by `DATASYMBOL1`–`6`,
  /// `DATASYMBOLNIL` and `DATASYMBOLSUM`.
  func declaredSymbols() -> Set<String> {
    var symbols: Set<String> = ["-"]
    for dots in 1...6 { symbols.insert(String(repeating: ".", count: dots)) }
    for k in ["DATASYMBOL1", "DATASYMBOL2", "DATASYMBOL3", "DATASYMBOL4", "DATASYMBOL5", "DATASYMBOL6", "DATASYMBOLNIL", "DATASYMBOLSUM"] {
      if let text = statement(k)?.items.first, !text.isEmpty { symbols.insert(text) }
    }
    return symbols
  }
}
