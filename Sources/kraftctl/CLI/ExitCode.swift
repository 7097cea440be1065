import KraftsamlingKit

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

  /// What the code means, for `kraftctl help` (the one list of exit codes).
  var meaning: String {
    switch self {
    case .success: "success"
    case .failure: "a check found what --strict fails on"
    case .usage: "usage error: unknown command or option, missing or bad option value"
    case .dataError: "bad data in an input file (every problem is listed with file, line and field)"
    case .noInput: "an input file is missing or unreadable"
    case .software: "internal error (please report it)"
    case .cannotCreate: "cannot write the output; nothing was touched"
    }
  }

  /// Every code, in order.
  static let all: [ExitCode] = [.success, .failure, .usage, .dataError, .noInput, .software, .cannotCreate]
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

extension UsageError {
  /// A usage error from a library's diagnostics about an option's value.
  static func about(_ option: String, _ diagnostics: [Diagnostic]) -> UsageError {
    let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
    return UsageError("\(option): \(first?.message ?? "invalid value")", hint: first?.hint)
  }

  /// Whether a library error is about option values only (every problem is
  /// located at a `--field` and in no file): then it is a usage error.
  static func isAboutOptions(_ error: any DiagnosticError) -> Bool {
    !error.diagnostics.isEmpty
      && error.diagnostics.allSatisfy { d in
        d.location.file == nil && (d.location.field?.hasPrefix("--") ?? false)
      }
  }
}

/// The command ran and wants a specific non-zero exit (e.g. `check --strict`).
struct CommandFailure: Error {
  var code: ExitCode
  var message: String?
}
