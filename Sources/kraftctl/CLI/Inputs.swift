import KraftsamlingKit
import KraftsamlingKitData

/// Loading the inputs shared by many commands, defaulting to the bundled data.
enum Inputs {
  /// The CSV dialect from `--delimiter` and `--encoding`.
  static func dialect(_ args: ParsedArguments) -> CSVDialect {
    var d = CSVDialect.auto
    if let delimiter = args[CommonOptions.delimiter] { d.delimiter = delimiter }
    if let encoding = args[CommonOptions.encoding] { d.encoding = encoding }
    return d
  }

  /// The writer of a report directory, with `--force` and kraftctl's
  /// version in the manifest.
  static func outputDirectory(_ path: String, _ args: ParsedArguments) -> OutputDirectory {
    var directory = OutputDirectory(
      path: path, force: args[CommonOptions.force], generator: "kraftctl \(CommandLineTool.version)")
    directory.forceSpelling = CommonOptions.force.name
    return directory
  }

  /// A statistics table: the bundled one, or `--data FILE`.
  struct Statistics {
    var table: AreaTable
    var isBundled: Bool
    var diagnostics: [Diagnostic]
  }

  ///
  /// - Parameter cubeOptions: Whether the command offers the PC-Axis
  ///   options; `explain` does not (its `--area` names the area explained),
  ///   so neither is a CSV file's `--area` refused nor a .px file read.
  static func statistics(_ args: ParsedArguments, cubeOptions: Bool = true) throws -> Statistics {
    guard let path = args[CommonOptions.data] else {
      return Statistics(table: MalmöData.statistik, isBundled: true, diagnostics: [])
    }
    if PXInputs.isPX(path) {
      guard cubeOptions else {
        throw UsageError(
          "--data \(FileInput.displayName(path)): this command reads CSV only",
          hint: "convert the cube to CSV first with kraftctl px (see kraftctl px --help)")
      }
      return Statistics(table: try PXInputs.table(path, args), isBundled: false, diagnostics: [])
    }
    if cubeOptions { try PXInputs.refuseCubeOptions(args) }
    let options = AreaTableReadOptions(idColumn: args[CommonOptions.idColumn])
    let (table, diagnostics) = try AreaTable.read(path: path, dialect: dialect(args), options: options)
    return Statistics(table: table, isBundled: false, diagnostics: diagnostics)
  }

  /// The statistics to check (`validate`): the bundled table, or `--data
  /// FILE` read without stopping at its errors, so that the data check can
  /// report every problem of the file at once. The table is `nil` when none
  /// could be built from the file.
  static func statisticsToCheck(_ args: ParsedArguments) throws -> (
    table: AreaTable?, isBundled: Bool, diagnostics: [Diagnostic]
  ) {
    guard let path = args[CommonOptions.data] else { return (MalmöData.statistik, true, []) }
    if PXInputs.isPX(path) { return (try PXInputs.table(path, args), false, []) }
    try PXInputs.refuseCubeOptions(args)
    let options = AreaTableReadOptions(idColumn: args[CommonOptions.idColumn])
    let (table, diagnostics) = try AreaTable.readLeniently(path: path, dialect: dialect(args), options: options)
    return (table, false, diagnostics)
  }

  /// Where the geometry of a run on some statistics comes from.
  enum LayerOrigin { case file, bundled, malmöCodes, none }

  /// The geometry that statistics are checked against and mapped on, the
  /// same for `validate` and `report`: `--geometry FILE`; the bundled
  /// delområden for the bundled statistics, or for a table whose area codes
  /// are all Malmö's delområden; otherwise none.
  static func layer(for table: AreaTable, isBundled: Bool, _ args: ParsedArguments) throws -> (
    layer: AreaLayer?, origin: LayerOrigin
  ) {
    if args[CommonOptions.geometry] != nil || isBundled {
      let (layer, bundled) = try layer(args)
      return (layer, bundled ? .bundled : .file)
    }
    if !table.codes.isEmpty && Set(table.codes).isSubset(of: Set(MalmöData.layer.ids)) {
      return (MalmöData.layer, .malmöCodes)
    }
    return (nil, .none)
  }

  /// The note printed when the bundled geometry is used for a file's Malmö codes.
  static let malmöCodesNote = "kraftctl: note: the area codes are Malmö's delområden: using the bundled geometry"

  /// The geometry: the bundled delområden, or `--geometry FILE` with `--id-property`.
  static func layer(_ args: ParsedArguments) throws -> (layer: AreaLayer, isBundled: Bool) {
    let idProperty = args[CommonOptions.idProperty]
    guard let path = args[CommonOptions.geometry] else {
      if let p = idProperty, p != MalmöData.idProperty {
        throw UsageError("--id-property needs --geometry (the bundled layer uses \(MalmöData.idProperty))")
      }
      return (MalmöData.layer, true)
    }
    return (try GeoJSONReader.read(path: path, idProperty: idProperty ?? MalmöData.idProperty), false)
  }

  /// The disclosure control from `--min-count` and `--min-denominator`
  /// (a fraction of a person counts as the next whole one).
  static func disclosure(_ args: ParsedArguments) -> DisclosureControl {
    var d = DisclosureControl()
    if let n = args[CommonOptions.minCount] { d.minimumCount = n }
    if let x = args[CommonOptions.minDenominator] { d.minimumDenominator = Int(x.rounded(.up)) }
    return d
  }

  /// The label to print beside anything computed from bundled statistics.
  static let illustrative = "Illustrative data – not official statistics (Illustrativa data)"
}
