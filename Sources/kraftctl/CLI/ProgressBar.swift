import Foundation
import KraftsamlingKit

/// A progress bar with an estimate of the time left, drawn on standard error
/// only when it is a terminal and `--quiet` is not given. Standard output is
/// never touched, so piped output stays clean.
final class ProgressBar: @unchecked Sendable {
  private let label: String
  private let lock = NSLock()
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false
  private var longest = 0
  private let enabled: Bool

  init(label: String, quiet: Bool) {
    self.label = label
    self.enabled = !quiet && isatty(2) == 1
  }

  /// A reporter for the library that updates this bar.
  var reporter: ProgressReporter {
    guard enabled else { return .none }
    return ProgressReporter { [self] done, total in update(done, total) }
  }

  private func update(_ done: Int, _ total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
    lastDraw = now
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
    let elapsed = now.timeIntervalSince(start)
    let width = 30
    let filled = Int(fraction * Double(width))
    var line =
      "\r\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
    line += DecimalFormatting.fixed(fraction * 100, places: 0) + "%"
    if fraction > 0.02 && fraction < 1 {
      let left = elapsed / fraction - elapsed
      line += "  about \(Self.duration(left)) left"
    }
    // Pad to the longest line drawn so far, so no remnant of a longer one stays.
    let visible = line.count
    if visible < longest { line += String(repeating: " ", count: longest - visible) }
    longest = max(longest, visible)
    FileHandle.standardError.write(Data(line.utf8))
    drawn = true
  }

  /// Clears the bar's line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    guard drawn else { return }
    FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 79) + "\r").utf8))
    drawn = false
  }

  static func duration(_ seconds: Double) -> String {
    if seconds < 1 { return "<1 s" }
    if seconds < 90 { return "\(Int(seconds.rounded())) s" }
    return "\(Int((seconds / 60).rounded())) min"
  }
}
