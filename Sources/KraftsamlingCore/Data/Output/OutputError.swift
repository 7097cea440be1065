/// Why a set of files could not be written, and what to do about it.
///
/// Thrown by ``OutputDirectory`` and ``GeneratedFile/write(to:)`` before
/// anything is touched (a protected or foreign directory, a file in the way)
/// or after everything written so far was undone (a failing disk). Either
/// way the user's files and any earlier report are as they were. `kraftctl`
/// maps it to exit code 73 (`EX_CANTCREAT`).
///
/// ```swift
/// do { try OutputDirectory(path: ".").write(files) }
/// catch { print(error) }   // .: error: refusing to write into the current directory … (hint: …)
/// ```
public struct OutputError: DiagnosticError, Hashable {
  /// The kind of failure, e.g. `output.not-empty`; see ``Diagnostic/code``.
  public let code: DiagnosticCode
  /// The directory or file concerned, as the caller named it.
  public let path: String
  /// What is wrong, in one sentence.
  public let message: String
  /// What to do instead.
  public let hint: String?

  /// Creates an error.
  public init(_ code: DiagnosticCode, path: String, _ message: String, hint: String? = nil) {
    self.code = code
    self.path = path
    self.message = message
    self.hint = hint
  }

  /// The error as one diagnostic located at ``path``.
  public var diagnostics: [Diagnostic] {
    [Diagnostic(.error, code: code, message, at: SourceLocation(file: path), hint: hint)]
  }

  /// `PATH: error: MESSAGE (hint: HINT)`.
  public var description: String { diagnostics[0].description }
}
