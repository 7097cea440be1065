import Foundation
import Testing

/// The result of running a program.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs a program built by this package (kraftctl or an example) and
/// captures its output and exit status.
enum Run {
  /// The folder holding the built products (`.build/debug`), next to the
  /// test bundle.
  static let productsDirectory: URL = {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  }()

  static func product(_ name: String, _ arguments: [String] = [], stdin: String? = nil, cwd: URL? = nil) throws -> RunResult {
    var dir = productsDirectory
    // Swift Testing may run from inside the .xctest bundle on some platforms.
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path) && dir.path != "/" {
      dir = dir.deletingLastPathComponent()
    }
    let process = Process()
    process.executableURL = dir.appendingPathComponent(name)
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  static func kraftctl(_ arguments: String..., stdin: String? = nil) throws -> RunResult {
    try product("kraftctl", arguments, stdin: stdin)
  }

  static func kraftctl(arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> RunResult {
    try product("kraftctl", arguments, stdin: stdin, cwd: cwd)
  }

  /// The test fixtures of the library tests.
  static func fixture(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("KraftsamlingKitTests/Fixtures/\(relative)").path
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kraftctl-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
