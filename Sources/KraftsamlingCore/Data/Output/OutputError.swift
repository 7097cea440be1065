/// The domain of the output writers' errors.
package enum OutputDomain: StageErrorDomain {}

/// Why a set of files could not be written, and what to do about it.
///
/// Thrown by ``OutputDirectory`` and ``OutputFile`` before anything is
/// touched (a protected or foreign directory, a file in the way) or after
/// everything written so far was undone (a failing disk). Either way the
/// user's files and any earlier report are as they were. `kraftctl` maps it
/// to exit code 73 (`EX_CANTCREAT`). The directory or file is the
/// location's file.
///
/// ```swift
/// do { try OutputDirectory(path: ".").write(files) }
/// catch { print(error) }   // .: will not write here: it is the current directory; … (hint: …)
/// ```
package typealias OutputError = StageError<OutputDomain>

extension StageError.Code where Domain == OutputDomain {
  /// The directory is the root, the home or current directory, or holds `.git`.
  package static let protected = Self(rawValue: "output.protected")
  /// The directory is not empty and has no manifest.
  package static let notEmpty = Self(rawValue: "output.not-empty")
  /// A file that is not from an earlier report is in the way.
  package static let conflict = Self(rawValue: "output.conflict")
  /// The path names a file, not a directory.
  package static let notADirectory = Self(rawValue: "output.not-a-directory")
  /// A single output file would replace a file KraftsamlingKit did not write.
  package static let exists = Self(rawValue: "output.exists")
  /// A generated file's path is not a unique relative path.
  package static let invalidPath = Self(rawValue: "output.invalid-path")
  /// The file system refused (permissions, a full disk); what was done was undone.
  package static let io = Self(rawValue: "output.io")
}

extension StageError where Domain == OutputDomain {
  /// Creates an error about the directory or file at `path`.
  init(_ code: Code, path: String, _ message: String, hint: String? = nil) {
    self.init(code, message, hint: hint, at: SourceLocation(file: path))
  }

  /// The directory or file concerned, as the caller named it.
  package var path: String { location.file ?? "" }
}
