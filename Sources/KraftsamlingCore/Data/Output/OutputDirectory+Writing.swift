#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension OutputDirectory {
  /// Rule 1: a new directory appears whole, by renaming a staged sibling.
  func writeNewDirectory(_ files: [GeneratedFile], _ manifest: OutputManifest, at target: String)
    throws(OutputError)
  {
    let slash = target.lastIndex(of: "/")!
    let parent = target[..<slash].isEmpty ? "/" : String(target[..<slash])
    try FileSystem.createDirectories(parent)
    let staging = Self.freshName(parent + "/." + target[target.index(after: slash)...] + ".partial")
    do throws(OutputError) {
      try stage(files, manifest, in: staging)
      try FileSystem.move(staging, to: target)
    } catch {
      FileSystem.removeOwnTree(staging)
      throw OutputError(error.code, path: path, "\(error.message); nothing was written", hint: error.hint)
    }
  }

  /// Rules 2–5: an existing directory.
  func writeIntoExisting(_ files: [GeneratedFile], _ manifest: OutputManifest, at target: String)
    throws(OutputError)
  {
    if !force, let why = protectionReason(target) { throw refusal(.protected, why) }
    let previous = OutputManifest.read(in: target)
    guard let entries = FileSystem.entries(of: target) else {
      throw OutputError(.io, path: path, "cannot list the directory; nothing was touched")
    }
    if previous == nil && !entries.isEmpty && !force {
      throw refusal(.notEmpty, "the directory is not empty and was not written by KraftsamlingKit (no \(OutputManifest.fileName))")
    }
    let owned = ownedFiles(previous, in: target)
    try checkConflicts(files, owned: owned, in: target)
    try commit(files, manifest, replacing: owned, in: target)
  }

  /// The previous manifest's files that are still plain files in plain
  /// folders (a link or folder a user put in their place is not ours).
  func ownedFiles(_ previous: OutputManifest?, in target: String) -> [String] {
    guard let previous else { return [] }
    let listed = previous.files + [OutputManifest.fileName]
    return listed.filter { f in
      FileSystem.kind(of: target + "/" + f) == .file
        && RelativePath.parents(of: f).allSatisfy { FileSystem.kind(of: target + "/" + $0) == .directory }
    }
  }

  /// Rule 4: every path a new file needs must be free, a folder, or ours.
  func checkConflicts(_ files: [GeneratedFile], owned: [String], in target: String) throws(OutputError) {
    let ours = Set(owned)
    var blocked: [String] = []
    var checked: Set<String> = []
    for f in files {
      for folder in RelativePath.parents(of: f.path) where checked.insert(folder).inserted {
        let kind = FileSystem.kind(of: target + "/" + folder)
        if kind != .missing && kind != .directory && !ours.contains(folder) { blocked.append(folder) }
      }
      let kind = FileSystem.kind(of: target + "/" + f.path)
      if kind != .missing && !(kind == .file && ours.contains(f.path)) { blocked.append(f.path) }
    }
    if FileSystem.kind(of: target + "/" + OutputManifest.fileName) != .missing && !ours.contains(OutputManifest.fileName) {
      blocked.append(OutputManifest.fileName)
    }
    guard !blocked.isEmpty else { return }
    let shown = blocked.prefix(5).joined(separator: ", ") + (blocked.count > 5 ? " and \(blocked.count - 5) more" : "")
    throw OutputError(
      .conflict, path: path,
      "\(shown) \(blocked.count == 1 ? "is" : "are") in the way and not from an earlier report; nothing was touched",
      hint: "move \(blocked.count == 1 ? "it" : "them") elsewhere, or write to a new directory such as '\(suggestedName())'")
  }

  /// Rule 5: stage, move the old files aside, move the new ones in, write
  /// the manifest last; undo on failure.
  func commit(_ files: [GeneratedFile], _ manifest: OutputManifest, replacing owned: [String], in target: String)
    throws(OutputError)
  {
    let staging = Self.freshName(target + "/.kraftsamling-staging")
    do throws(OutputError) {
      try stage(files, manifest, in: staging)
    } catch {
      FileSystem.removeOwnTree(staging)
      throw OutputError(error.code, path: path, "\(error.message); nothing was changed", hint: error.hint)
    }
    var move = Transaction(root: target, backup: Self.freshName(target + "/.kraftsamling-previous"), limit: failingAfterMoves)
    do throws(OutputError) {
      for f in owned { try move.setAside(f) }
      for f in files.map(\.path) + [OutputManifest.fileName] { try move.place(f, from: staging) }
    } catch {
      let restored = move.rollBack()
      FileSystem.removeOwnTree(staging)
      throw OutputError(
        error.code, path: path,
        restored ? "\(error.message); the directory is as it was" : "\(error.message); the previous files are in \(move.backup)",
        hint: error.hint)
    }
    FileSystem.removeOwnTree(staging)
    move.finish(keeping: Set(files.map(\.path)))
  }

  /// Writes the files and the manifest into a new folder `staging`.
  func stage(_ files: [GeneratedFile], _ manifest: OutputManifest, in staging: String) throws(OutputError) {
    try FileSystem.createDirectories(staging)
    var made: Set<String> = []
    for f in files {
      for folder in RelativePath.parents(of: f.path) where made.insert(folder).inserted {
        try FileSystem.createDirectories(staging + "/" + folder)
      }
      try FileSystem.writeNew(f.bytes, to: staging + "/" + f.path)
    }
    try FileSystem.writeNew(Array(manifest.json.utf8), to: staging + "/" + OutputManifest.fileName)
  }

  /// `base-PID`, or `base-PID-N` if that exists (never reuses a path).
  static func freshName(_ base: String) -> String {
    let pid = ProcessInfo.processInfo.processIdentifier
    var candidate = "\(base)-\(pid)"
    var n = 1
    while FileSystem.kind(of: candidate) != .missing {
      n += 1
      candidate = "\(base)-\(pid)-\(n)"
    }
    return candidate
  }
}

/// The moves of a commit, recorded so that they can be undone.
struct Transaction {
  let root: String
  let backup: String
  var limit: Int?
  private(set) var setAside: [String] = []
  private(set) var placed: [String] = []
  private(set) var createdFolders: [String] = []

  init(root: String, backup: String, limit: Int?) {
    self.root = root
    self.backup = backup
    self.limit = limit
  }

  mutating func countMove() throws(OutputError) {
    guard let l = limit else { return }
    if l <= 0 { throw OutputError(.io, path: root, "simulated failure while moving files") }
    limit = l - 1
  }

  /// Moves an old file of ours into the backup folder.
  mutating func setAside(_ file: String) throws(OutputError) {
    try countMove()
    for folder in [""] + RelativePath.parents(of: file) {
      let p = backup + (folder.isEmpty ? "" : "/" + folder)
      if FileSystem.kind(of: p) == .missing { try FileSystem.createDirectories(p) }
    }
    try FileSystem.move(root + "/" + file, to: backup + "/" + file)
    setAside.append(file)
  }

  /// Moves a staged file into place, creating its folders.
  mutating func place(_ file: String, from staging: String) throws(OutputError) {
    try countMove()
    for folder in RelativePath.parents(of: file) where FileSystem.kind(of: root + "/" + folder) == .missing {
      try FileSystem.createDirectories(root + "/" + folder)
      createdFolders.append(folder)
    }
    try FileSystem.move(staging + "/" + file, to: root + "/" + file)
    placed.append(file)
  }

  /// Undoes every move; returns whether all old files are back.
  func rollBack() -> Bool {
    for f in placed.reversed() { FileSystem.removeFile(root + "/" + f) }
    for d in createdFolders.reversed() { FileSystem.removeIfEmpty(root + "/" + d) }
    var complete = true
    for f in setAside.reversed() {
      do { try FileSystem.move(backup + "/" + f, to: root + "/" + f) } catch { complete = false }
    }
    if complete { FileSystem.removeOwnTree(backup) }
    return complete
  }

  /// Drops the backup and the folders of old files that are now empty.
  func finish(keeping kept: Set<String>) {
    FileSystem.removeOwnTree(backup)
    let folders = Set(setAside.filter { !kept.contains($0) }.flatMap(RelativePath.parents(of:)))
    for d in folders.sorted(by: { $0.count > $1.count }) { FileSystem.removeIfEmpty(root + "/" + d) }
  }
}
