import Foundation

/// Writes a set of files into a directory so that an interrupted run leaves
/// no half-written result: everything is written into a sibling staging
/// directory first, which then replaces the target with `rename(2)`.
enum DirectoryOutput {
  static func write(_ files: [(path: String, content: String)], to directory: String) throws(OutputError) {
    let fm = FileManager.default
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw OutputError(message: "\(directory): exists and is not a directory")
    }
    do {
      try fm.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw OutputError(message: "\(directory): cannot create \(parent.path)")
    }
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(pid)")
    let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
    try? fm.removeItem(at: staging)
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: true)
      for (path, content) in files {
        let url = staging.appendingPathComponent(path)
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
      }
    } catch {
      try? fm.removeItem(at: staging)
      throw OutputError(message: "\(directory): cannot write the report (\(error.localizedDescription))")
    }
    let exists = fm.fileExists(atPath: target.path)
    if exists && rename(target.path, old.path) != 0 {
      try? fm.removeItem(at: staging)
      throw OutputError(message: "\(directory): cannot replace the existing directory (\(String(cString: strerror(errno))))")
    }
    if rename(staging.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      if exists { _ = rename(old.path, target.path) }
      try? fm.removeItem(at: staging)
      throw OutputError(message: "\(directory): cannot write the report (\(reason))")
    }
    if exists { try? fm.removeItem(at: old) }
  }
}
