/// A statistics cube read from a PC-Axis (`.px`) file, as SCB's
/// Statistikdatabasen (PxWeb) and other statistics offices publish them.
///
/// A cube has dimensions (the `STUB` then the `HEADING` variables), each with
/// its value codes and texts in every language of the file, and one cell per
/// combination of values: a number, or missing with the symbol the file
/// wrote (`..`, `-`, …). Select the values you need, then reshape the cube
/// to an ``AreaTable`` by naming the dimension that holds the areas.
///
/// ```swift
/// let cube = try PXCube.read(path: "BE0101N1.px")
/// let y2023 = try cube.selecting("år", ["2023"])
/// let table = try y2023.areaTable(area: "region")
/// table.codes          // ["1280C1010", …]: the VALUES' CODES
/// table.columnNames    // the codes of the remaining varying values, joined with _
/// ```
///
/// See Documentation/DataFormats.md ("PC-Axis") for the keywords read, the
/// character sets, the missing symbols and the limits.
public struct PXCube: Sendable, Hashable {
  /// One dimension (variable) of a cube: `region`, `ålder`, `år`, `tabellinnehåll`.
  public struct Dimension: Sendable, Hashable {
    /// The name in the file's default language, as `STUB`/`HEADING` give it.
    public let name: String
    /// The variable's code (`VARIABLECODE`), or its name when there is none.
    public let code: String
    /// The value codes (`CODES`), or the default-language texts when the file has none.
    public let valueCodes: [String]
    /// The name per language (the default language under its code and under "").
    package let names: [String: String]
    /// The value texts per language (the default language under its code and under "").
    package let valueTexts: [String: [String]]
    /// `ELIMINATION`: `YES`, or the text of the value that stands for the total.
    package let elimination: String?
    /// The time scale of a `TIMEVAL` dimension (`A1`, `Q1`, `M1`…).
    package let timeScale: String?

    /// The name in a language of the file (the default language when nil or not in the file).
    package func name(language: String?) -> String { names[language ?? ""] ?? name }

    /// The value texts in a language of the file (the default language when nil or not in the file).
    package func valueTexts(language: String?) -> [String] { valueTexts[language ?? ""] ?? valueTexts[""] ?? valueCodes }

    /// The number of values.
    package var count: Int { valueCodes.count }
  }

  /// The dimensions: the `STUB` variables, then the `HEADING` variables.
  public let dimensions: [Dimension]
  /// The cells in the file's order (the first dimension varies slowest, the
  /// last fastest); nil for a missing cell.
  public let values: [Double?]
  /// The symbol of each missing cell as written (`..`, `-`, …), nil for a number.
  public let symbols: [String?]
  /// The default language (`LANGUAGE`), if the file declares one.
  package let language: String?
  /// The languages of the file (`LANGUAGES`), the default first; empty when the file has one language.
  package let languages: [String]
  /// Every statement other than the data, decoded (for `keyword(_:language:arguments:)`).
  package let statements: [PXStatement]
  /// Where the cube was read from, for messages.
  package let source: String?
  /// The character set the strings were decoded with.
  package let charset: String

  package init(
    dimensions: [Dimension], values: [Double?], symbols: [String?], language: String?, languages: [String],
    statements: [PXStatement], source: String?, charset: String
  ) {
    self.dimensions = dimensions
    self.values = values
    self.symbols = symbols
    self.language = language
    self.languages = languages
    self.statements = statements
    self.source = source
    self.charset = charset
  }

  /// The number of cells.
  package var count: Int { values.count }

  /// The value list of a keyword, such as `TITLE`, `CONTENTS`, `UNITS`,
  /// `DECIMALS`, `SOURCE` or `NOTE`, in a language (the default when nil),
  /// with its arguments (`PRECISION("region","1280")`); nil when absent.
  /// Strings continued over several lines come back joined.
  public func keyword(_ keyword: String, language: String? = nil, arguments: [String] = []) -> [String]? {
    let k = keyword.uppercased()
    let wanted = language == self.language ? nil : language
    return statements.last { $0.keyword == k && $0.language == wanted && $0.arguments == arguments }?.items
      ?? (wanted == nil ? nil : self.keyword(keyword, language: nil, arguments: arguments))
  }

  /// The title (`TITLE`, else `DESCRIPTION`) in a language.
  package func title(language: String? = nil) -> String? {
    (keyword("TITLE", language: language) ?? keyword("DESCRIPTION", language: language))?.joined()
  }

  /// The number of decimals of the values (`DECIMALS`), if declared.
  package var decimals: Int? { keyword("DECIMALS")?.first.flatMap { Int($0) } }

  /// The index of the cell at one value index per dimension.
  package func cellIndex(_ indices: [Int]) -> Int {
    var i = 0
    for (d, k) in zip(dimensions, indices) { i = i * d.count + k }
    return i
  }

  /// The value indices (one per dimension) of a cell.
  package func valueIndices(ofCell cell: Int) -> [Int] {
    var rest = cell
    var out = Array(repeating: 0, count: dimensions.count)
    for d in dimensions.indices.reversed() {
      out[d] = rest % dimensions[d].count
      rest /= dimensions[d].count
    }
    return out
  }
}
