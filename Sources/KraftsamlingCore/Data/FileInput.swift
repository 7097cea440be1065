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

/// Reads whole input files (or standard input for `-`) with errors that say
/// what went wrong.
package enum FileInput {
  /// The name a path is shown with in messages: `<stdin>` for `-`.
  package static func displayName(_ path: String) -> String { path == "-" ? "<stdin>" : path }

  /// The bytes of a file, or of standard input when `path` is `-`.
  ///
  /// - Parameters:
  ///   - path: The file, or `-` for standard input.
  ///   - maximumBytes: The largest input accepted (default
  ///     ``InputLimits/standard``'s ``InputLimits/maximumBytes``, 1 GiB).
  /// - Throws: ``DataError`` `.unreadable` when the file does not exist, is
  ///   a directory or cannot be read; `limit.maximumBytes` when it is larger
  ///   than `maximumBytes`.
  package static func readBytes(path: String, maximumBytes: Int = InputLimits.standard.maximumBytes) throws(DataError)
    -> [UInt8]
  {
    let loc = SourceLocation(file: displayName(path))
    if path == "-" {
      var data: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        data.append(contentsOf: buffer[0..<n])
        if data.count > maximumBytes {
          throw InputLimits.exceeded("bytes", limit: maximumBytes, at: loc, setting: "maximumBytes")
        }
      }
      return data
    }
    var isDirectory = false
    let url = URL(fileURLWithPath: path)
    if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      throw DataError(.unreadable, code: "file.not-found", "no such file", at: loc, hint: "check the path")
    }
    if isDirectory {
      throw DataError(.unreadable, code: "file.is-directory", "this is a directory, not a file", at: loc)
    }
    if let attrs = try? FileManager.default.attributesOfItem(atPath: path), let size = attrs[.size] as? Int,
      size > maximumBytes
    {
      throw DataError(
        code: "limit.maximumBytes", "the file is \(size) bytes, more than the limit of \(maximumBytes)", at: loc,
        hint: "raise InputLimits.maximumBytes if the file really is this large")
    }
    do {
      return Array(try Data(contentsOf: url))
    } catch {
      throw DataError(.unreadable, code: "file.unreadable", "cannot read the file (\(error))", at: loc, hint: "check its permissions")
    }
  }
}
