#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the CSV reader gets its bytes from, a chunk at a time.
protocol ChunkSource: AnyObject {
  /// The name used in messages (`nil` for anonymous text).
  var displayName: String? { get }
  /// Whether ``rewind()`` can start over (files and memory can, standard input cannot).
  var isRewindable: Bool { get }
  /// Starts over from the first byte.
  func rewind()
  /// The next chunk, or an empty array at the end.
  func next() throws(DataError) -> [UInt8]
}

/// Bytes already in memory, handed out in chunks.
final class MemorySource: ChunkSource {
  let bytes: [UInt8]
  let displayName: String?
  let chunkSize: Int
  private var position = 0

  init(bytes: [UInt8], displayName: String?, chunkSize: Int = ByteSource.defaultChunkSize) {
    self.bytes = bytes
    self.displayName = displayName
    self.chunkSize = chunkSize
  }

  var isRewindable: Bool { true }
  func rewind() { position = 0 }
  func next() throws(DataError) -> [UInt8] {
    let end = min(bytes.count, position + chunkSize)
    defer { position = end }
    return Array(bytes[position..<end])
  }
}

/// Reads a file (or standard input) in chunks, so large inputs are never
/// held in memory whole.
final class ByteSource: ChunkSource {
  private let fd: Int32
  private let ownsDescriptor: Bool
  let displayName: String?
  let chunkSize: Int
  /// The default chunk size: 1 MiB.
  static let defaultChunkSize = 1 << 20

  /// Opens a file; `-` is standard input.
  init(path: String, chunkSize: Int = ByteSource.defaultChunkSize) throws(DataError) {
    self.chunkSize = chunkSize
    displayName = FileInput.displayName(path)
    if path == "-" {
      fd = 0
      ownsDescriptor = false
      return
    }
    let loc = SourceLocation(file: displayName)
    var st = stat()
    guard stat(path, &st) == 0 else {
      throw DataError(.unreadable, code: "file.not-found", "no such file", at: loc, hint: "check the path")
    }
    if (st.st_mode & S_IFMT) == S_IFDIR {
      throw DataError(.unreadable, code: "file.is-directory", "this is a directory, not a file", at: loc)
    }
    let d = open(path, O_RDONLY)
    guard d >= 0 else {
      throw DataError(.unreadable, code: "file.unreadable", "cannot open the file", at: loc, hint: "check its permissions")
    }
    fd = d
    ownsDescriptor = true
  }

  deinit { if ownsDescriptor { close(fd) } }

  /// Whether the source can be read again from the start (files can,
  /// standard input cannot).
  var isRewindable: Bool { ownsDescriptor }

  /// Moves back to the start of a file.
  func rewind() { _ = lseek(fd, 0, SEEK_SET) }

  /// The next chunk, or an empty array at the end.
  func next() throws(DataError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: chunkSize)
    var filled = 0
    while filled < buffer.count {
      let n = buffer.withUnsafeMutableBytes { raw in
        read(fd, raw.baseAddress! + filled, raw.count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw DataError(.unreadable, code: "file.unreadable", "reading failed", at: SourceLocation(file: displayName))
      }
      if n == 0 { break }
      filled += n
    }
    buffer.removeSubrange(filled...)
    return buffer
  }
}

/// Validates UTF-8 incrementally across chunks.
struct UTF8Validator {
  private var carry: [UInt8] = []
  private(set) var line = 1
  /// The line of the first invalid byte, once found.
  private(set) var invalidLine: Int?

  /// Validates a chunk; returns false once invalid UTF-8 has been seen.
  mutating func feed(_ chunk: [UInt8], isLast: Bool) -> Bool {
    guard invalidLine == nil else { return false }
    let bytes = carry + chunk
    carry = []
    var i = 0
    let n = bytes.count
    while i < n {
      let c = bytes[i]
      if c < 0x80 {
        if c == 0x0A { line += 1 }
        i += 1
        continue
      }
      let len = c & 0xE0 == 0xC0 ? 2 : (c & 0xF0 == 0xE0 ? 3 : (c & 0xF8 == 0xF0 ? 4 : 0))
      if len == 0 {
        invalidLine = line
        return false
      }
      if i + len > n {
        if isLast {
          invalidLine = line
          return false
        }
        carry = Array(bytes[i...])
        return true
      }
      if TextDecoder.firstInvalidUTF8(Array(bytes[i..<i + len])) != nil {
        invalidLine = line
        return false
      }
      i += len
    }
    return true
  }
}
