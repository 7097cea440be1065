/// kraftctl's exit codes (BSD sysexits where one fits).
enum ExitCode: Int32 {
  /// Success.
  case success = 0
  /// The command ran but found what `--strict` asks it to fail on.
  case failure = 1
  /// Bad command line (EX_USAGE).
  case usage = 64
  /// Input data is invalid (EX_DATAERR).
  case dataError = 65
  /// An input file is missing or unreadable (EX_NOINPUT).
  case noInput = 66
  /// An internal error (EX_SOFTWARE).
  case software = 70
  /// An output file cannot be written (EX_CANTCREAT).
  case cannotCreate = 73
}

/// A mistake on the command line: unknown command or option, missing or
/// malformed value. Exit 64.
struct UsageError: Error {
  var message: String
  var hint: String?
  init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }
}

/// An output file could not be written. Exit 73.
struct OutputError: Error {
  var message: String
}

/// The command ran and wants a specific non-zero exit (e.g. `check --strict`).
struct CommandFailure: Error {
  var code: ExitCode
  var message: String?
}
