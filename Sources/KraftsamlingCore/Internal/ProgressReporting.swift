/// Receives progress reports from long computations (permutation tests,
/// Monte Carlo robustness, the report pipeline) so that a tool can show a
/// progress bar and an estimate of the time left.
///
/// The handler may be called from several threads at once and must be
/// cheap; computations call it at most a few hundred times in all. It never
/// influences results.
///
/// ```swift
/// let progress = ProgressReporter { done, total in print("\(done)/\(total)") }
/// progress.report(completed: 5, of: 10)   // prints "5/10"
/// ProgressReporter.none.report(completed: 1, of: 2)  // does nothing
/// ```
package struct ProgressReporter: Sendable {
  private let handler: (@Sendable (_ completed: Int, _ total: Int) -> Void)?

  /// Creates a reporter that calls `handler` with the units of work completed
  /// and the total.
  package init(_ handler: @escaping @Sendable (_ completed: Int, _ total: Int) -> Void) {
    self.handler = handler
  }

  private init() { handler = nil }

  /// A reporter that ignores every report.
  package static let none = ProgressReporter()

  /// Reports that `completed` of `total` units are done.
  @inline(__always)
  package func report(completed: Int, of total: Int) {
    handler?(completed, total)
  }

  /// Whether anyone listens (so callers can skip bookkeeping when not).
  package var isActive: Bool { handler != nil }
}
