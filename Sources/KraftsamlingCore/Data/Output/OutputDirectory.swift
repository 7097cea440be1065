/// Writes a report — a set of generated files — into a directory without
/// ever deleting or overwriting a file it did not write.
///
/// A directory this writer fills carries an ``OutputManifest`` listing its
/// files. Writing again replaces exactly those files; anything else a user
/// put there (notes, a spreadsheet, a `.git` folder) stays untouched. The
/// rules, in the order they are checked:
///
/// 1. A path that does not exist is created whole: the files are written
///    into a sibling staging folder that is renamed into place, so the
///    directory appears complete or not at all.
/// 2. Without ``force``, the file-system root, the home directory, the
///    current directory or any folder above it, and any folder holding a
///    `.git` entry are refused, whatever their manifest says.
/// 3. Without ``force``, an existing directory that is not empty and has
///    no manifest is refused. With it, the files are added beside what is
///    there.
/// 4. A file in the way that is not in the manifest (the user's own
///    `index.html`, say) is refused even with ``force``.
/// 5. Otherwise the new files are staged inside the directory, the files of
///    the old manifest are moved aside, the new ones moved in and the
///    manifest written last. A failure on the way moves everything back.
///
/// Every refusal throws ``OutputError`` before anything is touched.
///
/// ```swift
/// let files = [GeneratedFile(path: "index.html", text: html),
///              GeneratedFile(path: "tabeller/index.csv", text: csv)]
/// try OutputDirectory(path: "rapport").write(files)   // rapport/ + .kraftsamling-manifest.json
/// try OutputDirectory(path: "rapport").write(files)   // replaces the two files, nothing else
/// ```
///
/// - Complexity: O(*f* + *b*) file-system operations for *f* new files and
///   *b* bytes; each file is written once and renamed once.
package struct OutputDirectory: Sendable {
  /// The directory, as the user named it (used in messages).
  package let path: String
  /// Whether to write into a protected or foreign non-empty directory. Even
  /// then nothing that is not in a manifest is removed or overwritten.
  package var force: Bool
  /// The program recorded in the manifest, e.g. `kraftctl 0.1.0`.
  package var generator: String
  /// How the way to force a write is spelt in hints: `force: true` for the
  /// SDK, `--force` for kraftctl.
  package var forceSpelling = "force: true"
  /// For tests: fail after this many moves of the commit phase.
  var failingAfterMoves: Int? = nil

  /// A writer for the directory at `path`.
  package init(path: String, force: Bool = false, generator: String = "KraftsamlingKit") {
    self.path = path
    self.force = force
    self.generator = generator
  }

  /// Writes `files` into the directory under the rules above.
  ///
  /// - Parameter files: Relative paths (`a/b.csv`), unique, without `.`/`..`.
  /// - Returns: The manifest now in the directory.
  /// - Throws: ``OutputError``: `output.protected`, `output.not-empty`,
  ///   `output.conflict`, `output.not-a-directory`, `output.invalid-path`,
  ///   or `output.io` after undoing what was done.
  @discardableResult
  package func write(_ files: [GeneratedFile]) throws(OutputError) -> OutputManifest {
    try checkPaths(files)
    let manifest = OutputManifest(generator: generator, files: files.map(\.path))
    let target = FileSystem.absolute(path)
    switch FileSystem.kind(of: target) {
    case .missing:
      try writeNewDirectory(files, manifest, at: target)
    case .directory:
      try writeIntoExisting(files, manifest, at: target)
    case .other where FileSystem.isDirectoryFollowingLinks(target):
      try writeIntoExisting(files, manifest, at: FileSystem.resolved(target))
    default:
      throw OutputError(
        .notADirectory, path: path, "exists and is not a directory; nothing was touched",
        hint: "name a directory, e.g. \(suggestedName())")
    }
    return manifest
  }

  // MARK: Checks

  func checkPaths(_ files: [GeneratedFile]) throws(OutputError) {
    var seen: Set<String> = []
    for f in files {
      guard RelativePath.isSafe(f.path), f.path != OutputManifest.fileName, seen.insert(f.path).inserted else {
        throw OutputError(.invalidPath, path: path, "cannot write '\(f.path)': not a unique relative path")
      }
    }
  }

  /// Why `target` may not be written into without ``force``, or nil.
  func protectionReason(_ target: String) -> String? {
    let real = FileSystem.resolved(target)
    let cwd = FileSystem.resolved(FileSystem.currentDirectory)
    let home = FileSystem.homeDirectory.map(FileSystem.resolved)
    if real == "/" { return "it is the root of the file system" }
    if real == home { return "it is your home directory" }
    if real == cwd { return "it is the current directory" }
    if cwd.hasPrefix(real + "/") { return "it contains the current directory" }
    if let home, home.hasPrefix(real + "/") { return "it contains your home directory" }
    if FileSystem.kind(of: target + "/.git") != .missing { return "it holds a .git entry (a repository)" }
    return nil
  }

  /// A directory that does not exist yet: beside ``path`` (`rapport-2`),
  /// or inside it for a protected one (`./kraftsamling-rapport`).
  func suggestedName(inside: Bool = false) -> String {
    let base = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    let stem = inside ? (base == "." ? "" : base + "/") + "kraftsamling-rapport" : base
    if inside && FileSystem.kind(of: FileSystem.absolute(stem)) == .missing { return stem }
    var n = 2
    while FileSystem.kind(of: FileSystem.absolute("\(stem)-\(n)")) != .missing { n += 1 }
    return "\(stem)-\(n)"
  }

  func refusal(_ code: OutputError.Code, _ why: String) -> OutputError {
    OutputError(
      code, path: path, "will not write here: \(why); nothing was touched",
      hint: "write to a new directory such as '\(suggestedName(inside: code == .protected))', or add \(forceSpelling) "
        + "to write into this one (that adds the files and removes nothing KraftsamlingKit did not write)")
  }
}
