#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the output writers need, with `lstat` semantics (a
/// symbolic link is never followed when deciding what may be removed).
enum FileSystem {
  /// What is at a path.
  enum Kind: Equatable {
    case missing, file, directory, other
  }

  /// What is at `path`, without following a final symbolic link.
  static func kind(of path: String) -> Kind {
    var s = stat()
    guard lstat(path, &s) == 0 else { return .missing }
    switch s.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// Whether `path` is a directory, following symbolic links (a user may
  /// point `--out` at a link to a folder).
  static func isDirectoryFollowingLinks(_ path: String) -> Bool {
    var s = stat()
    return stat(path, &s) == 0 && (s.st_mode & S_IFMT) == S_IFDIR
  }

  /// The names in a directory, without `.` and `..`.
  static func entries(of directory: String) -> [String]? {
    try? FileManager.default.contentsOfDirectory(atPath: directory)
  }

  /// The text of the last `errno`.
  static var lastError: String { String(cString: strerror(errno)) }

  /// Creates `path` and its missing parents.
  static func createDirectories(_ path: String) throws(OutputError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw OutputError(.io, path: path, "cannot create the directory")
    }
  }

  /// Writes bytes to a new file (the caller has made sure nothing is there).
  static func writeNew(_ bytes: [UInt8], to path: String) throws(OutputError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw OutputError(.io, path: path, "cannot create the file (\(lastError))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
      guard n > 0 else { throw OutputError(.io, path: path, "cannot write the file (\(lastError))") }
      offset += n
    }
  }

  /// The first `count` bytes of a file (fewer if it is shorter), or nil.
  static func prefix(of path: String, count: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = [UInt8](repeating: 0, count: count)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
    return n < 0 ? nil : Array(buffer.prefix(n))
  }

  /// The last `count` bytes of a file (all of a shorter one), or nil.
  static func suffix(of path: String, count: Int) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    guard end >= 0, lseek(fd, max(0, end - off_t(count)), SEEK_SET) >= 0 else { return nil }
    var buffer = [UInt8](repeating: 0, count: count)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
    return n < 0 ? nil : Array(buffer.prefix(n))
  }

  /// Renames `from` to `to` (atomic within one file system).
  static func move(_ from: String, to: String) throws(OutputError) {
    guard rename(from, to) == 0 else {
      throw OutputError(.io, path: to, "cannot move \(from) here (\(lastError))")
    }
  }

  /// Removes a file this writer wrote; a missing file is fine.
  static func removeFile(_ path: String) { _ = unlink(path) }

  /// Removes a directory if it is empty; anything in it keeps it alive.
  static func removeIfEmpty(_ path: String) { _ = rmdir(path) }

  /// Removes a staging directory tree the writer created itself.
  static func removeOwnTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  /// The current directory, absolute.
  static var currentDirectory: String { FileManager.default.currentDirectoryPath }

  /// The user's home directory, if known.
  static var homeDirectory: String? {
    guard let h = getenv("HOME") else { return nil }
    let s = String(cString: h)
    return s.isEmpty ? nil : s
  }

  /// `path` made absolute against the current directory, with `.`, `..`
  /// and repeated slashes removed (symbolic links are kept).
  static func absolute(_ path: String) -> String {
    let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
    var parts: [Substring] = []
    for c in joined.split(separator: "/") {
      if c == "." { continue }
      if c == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(c)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// `path` with symbolic links resolved, when it exists.
  static func resolved(_ path: String) -> String {
    guard let r = realpath(path, nil) else { return absolute(path) }
    defer { free(r) }
    return String(cString: r)
  }
}
