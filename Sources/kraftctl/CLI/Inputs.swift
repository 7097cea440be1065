import KraftsamlingKit
import KraftsamlingKitData

/// Loading the inputs shared by many commands, defaulting to the bundled data.
enum Inputs {
  /// The CSV dialect from `--delimiter` and `--encoding`.
  static func dialect(_ args: Arguments) throws(UsageError) -> CSVDialect {
    var d = CSVDialect.auto
    if let raw = args.value("--delimiter") {
      switch raw {
      case ",", ";", "|": d.delimiter = Character(raw)
      case "tab", "\\t", "\t": d.delimiter = "\t"
      default: throw UsageError("--delimiter must be , ; tab or |, got '\(raw)'")
      }
    }
    if let e: TextEncoding = try args.choice("--encoding", [("auto", .auto), ("utf8", .utf8), ("utf-8", .utf8), ("latin1", .latin1), ("iso-8859-1", .latin1)]) {
      d.encoding = e
    }
    return d
  }

  /// The writer of a report directory, with `--force` and kraftctl's
  /// version in the manifest.
  static func outputDirectory(_ path: String, _ args: Arguments) -> OutputDirectory {
    var directory = OutputDirectory(path: path, force: args.flag("--force"), generator: "kraftctl \(CommandLineTool.version)")
    directory.forceSpelling = "--force"
    return directory
  }

  /// A statistics table: the bundled one, or `--data FILE`.
  struct Statistics {
    var table: AreaTable
    var isBundled: Bool
    var diagnostics: [Diagnostic]
  }

  static func statistics(_ args: Arguments) throws -> Statistics {
    let dialect = try dialect(args)
    guard let path = args.value("--data") else {
      return Statistics(table: MalmöData.statistik, isBundled: true, diagnostics: [])
    }
    let options = AreaTableReadOptions(idColumn: args.value("--id-column"))
    let (table, diagnostics) = try AreaTable.read(path: path, dialect: dialect, options: options)
    return Statistics(table: table, isBundled: false, diagnostics: diagnostics)
  }

  /// The statistics to check (`validate`): the bundled table, or `--data
  /// FILE` read without stopping at its errors, so that the data check can
  /// report every problem of the file at once. The table is `nil` when none
  /// could be built from the file.
  static func statisticsToCheck(_ args: Arguments) throws -> (table: AreaTable?, isBundled: Bool, diagnostics: [Diagnostic]) {
    guard let path = args.value("--data") else { return (MalmöData.statistik, true, []) }
    let options = AreaTableReadOptions(idColumn: args.value("--id-column"))
    let (table, diagnostics) = try AreaTable.readLeniently(path: path, dialect: try dialect(args), options: options)
    return (table, false, diagnostics)
  }

  /// Where the geometry of a run on some statistics comes from.
  enum LayerOrigin { case file, bundled, malmöCodes, none }

  /// The geometry that statistics are checked against and mapped on, the
  /// same for `validate` and `report`: `--geometry FILE`; the bundled
  /// delområden for the bundled statistics, or for a table whose area codes
  /// are all Malmö's delområden; otherwise none.
  static func layer(for table: AreaTable, isBundled: Bool, _ args: Arguments) throws -> (layer: AreaLayer?, origin: LayerOrigin) {
    if args.value("--geometry") != nil || isBundled {
      let (layer, bundled) = try layer(args)
      return (layer, bundled ? .bundled : .file)
    }
    if !table.codes.isEmpty && Set(table.codes).isSubset(of: Set(MalmöData.layer.ids)) { return (MalmöData.layer, .malmöCodes) }
    return (nil, .none)
  }

  /// The note printed when the bundled geometry is used for a file's Malmö codes.
  static let malmöCodesNote = "kraftctl: note: the area codes are Malmö's delområden: using the bundled geometry"

  /// The geometry: the bundled delområden, or `--geometry FILE` with `--id-property`.
  static func layer(_ args: Arguments) throws -> (layer: AreaLayer, isBundled: Bool) {
    guard let path = args.value("--geometry") else {
      if let p = args.value("--id-property"), p != MalmöData.idProperty {
        throw UsageError("--id-property needs --geometry (the bundled layer uses \(MalmöData.idProperty))")
      }
      return (MalmöData.layer, true)
    }
    return (try GeoJSONReader.read(path: path, idProperty: args.value("--id-property") ?? MalmöData.idProperty), false)
  }

  /// The disclosure control from `--min-count` and `--min-denominator`.
  static func disclosure(_ args: Arguments) throws(UsageError) -> DisclosureControl {
    var d = DisclosureControl()
    if let n = try args.int("--min-count", in: 0...1_000_000) { d.minimumCount = n }
    if let n = try args.int("--min-denominator", in: 0...1_000_000) { d.minimumDenominator = n }
    return d
  }

  /// The label to print beside anything computed from bundled statistics.
  static let illustrative = "Illustrative data – not official statistics (Illustrativa data)"
}
