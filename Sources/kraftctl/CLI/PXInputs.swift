import KraftsamlingKit

/// One `--select DIM=VALUE`.
struct PXSelection: Sendable, Hashable {
  var dimension: String
  var value: String
}

/// Reading PC-Axis cubes for `kraftctl px` and `--data FILE.px`.
enum PXInputs {
  /// Whether a statistics file is read as PC-Axis: its name ends in `.px`.
  static func isPX(_ path: String) -> Bool { path.lowercased().hasSuffix(".px") }

  /// The problems of a selection or a reshaping, which are about the
  /// options (exit 64), not about the file.
  private static let optionCodes: Set<String> = [
    "px.unknown-dimension", "px.unknown-value", "px.ambiguous-value", "px.not-selected", "px.duplicate-column",
  ]

  /// A problem with the options as a usage error; any other error as it is.
  private static func usage(_ error: DataError, option: String) -> any Error {
    guard error.diagnostics.allSatisfy({ optionCodes.contains($0.code.rawValue) }) else { return error }
    return UsageError.about(option, error.diagnostics)
  }

  /// The cube of a file with the `--select`ions applied (values of one
  /// dimension add up, in the order given).
  static func cube(_ path: String, _ args: ParsedArguments) throws -> PXCube {
    var cube = try PXCube.read(path: path)
    var dimensions: [String] = []
    var values: [String: [String]] = [:]
    for s in args.all(CommonOptions.select) {
      if values[s.dimension] == nil { dimensions.append(s.dimension) }
      values[s.dimension, default: []].append(s.value)
    }
    for d in dimensions {
      do { cube = try cube.selecting(d, values[d] ?? []) } catch { throw usage(error, option: "--select") }
    }
    return cube
  }

  /// The area table of `--data FILE.px`: the cube with `--select` applied,
  /// reshaped by `--area`.
  static func table(_ path: String, _ args: ParsedArguments, language: String? = nil) throws -> AreaTable {
    let cube = try cube(path, args)
    guard let area = args[CommonOptions.area] else {
      throw UsageError(
        "--data \(FileInput.displayName(path)): a PC-Axis file needs --area DIM",
        hint: "name the dimension of the areas, one of \(cube.dimensions.map { "'\($0.name)'" }.joined(separator: ", "))")
    }
    do { return try cube.areaTable(area: area, language: language) } catch { throw usage(error, option: "--area") }
  }

  /// `--select` and `--area` apply to PC-Axis files only.
  static func refuseCubeOptions(_ args: ParsedArguments) throws {
    for option in [CommonOptions.select.name, CommonOptions.area.name]
    where args.isGiven(option == "--area" ? CommonOptions.area : CommonOptions.select) {
      throw UsageError("\(option) applies to PC-Axis files (.px) only", hint: "leave it out for a CSV file")
    }
  }
}
