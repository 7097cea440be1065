import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs work on several threads so that the result does not depend on how
/// many: the caller splits its units of work by index, each unit writes only
/// to its own slots, and reductions happen afterwards in index order.
@usableFromInline package enum ParallelWork {
  /// Calls `body(worker, range)` for `threads` contiguous ranges that
  /// partition `0..<count` (fewer when there are fewer units), on up to
  /// `threads` threads at once.
  ///
  /// - Complexity: The body's cost, divided over the threads.
  package static func ranges(count: Int, threads: Int, _ body: @Sendable (_ worker: Int, _ range: Range<Int>) -> Void) {
    let workers = max(1, min(threads, count))
    if workers == 1 {
      body(0, 0..<count)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { t in
        body(t, (t * count / workers)..<((t + 1) * count / workers))
      }
    }
  }

  /// Calls `body(worker, unit)` for every unit in `0..<count`, units
  /// interleaved over the workers.
  package static func units(count: Int, threads: Int, _ body: @Sendable (_ worker: Int, _ unit: Int) -> Void) {
    let workers = max(1, min(threads, count))
    if workers == 1 {
      for i in 0..<count { body(0, i) }
    } else {
      DispatchQueue.concurrentPerform(iterations: workers) { t in
        var i = t
        while i < count {
          body(t, i)
          i += workers
        }
      }
    }
  }
}

/// Counts completed units across threads and reports to a
/// ``ProgressReporter`` about 200 times in all.
///
/// The count is kept behind a serial Dispatch queue (portable, and cheap at
/// a few hundred updates); it never influences results.
package final class ProgressCounter: @unchecked Sendable {
  private var done = 0
  private let queue = DispatchQueue(label: "KraftsamlingKit.ProgressCounter")
  package let total: Int
  package let reporter: ProgressReporter
  /// Units between two reports by one worker.
  package let step: Int

  package init(total: Int, reporter: ProgressReporter) {
    self.total = total
    self.reporter = reporter
    self.step = max(1, total / 200)
  }

  /// Adds `units` finished units and reports the new total.
  package func add(_ units: Int) {
    guard reporter.isActive, units > 0 else { return }
    let now = queue.sync {
      done += units
      return done
    }
    reporter.report(completed: now, of: total)
  }
}

/// A buffer written by several workers at disjoint indices.
package struct SharedBuffer<Element>: @unchecked Sendable {
  @usableFromInline package let buffer: UnsafeMutableBufferPointer<Element>

  @inlinable package init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

  @inlinable package subscript(i: Int) -> Element {
    get { buffer[i] }
    nonmutating set { buffer[i] = newValue }
  }
}

extension ParallelWork {
  /// The number of processors online (at least 1): the default number of
  /// threads of every parallel computation.
  @usableFromInline package static var availableProcessors: Int {
    #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
      return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
      return 1
    #endif
  }
}
