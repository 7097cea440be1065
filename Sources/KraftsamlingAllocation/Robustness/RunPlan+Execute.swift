import KraftsamlingCore
import KraftsamlingIndex

extension RunPlan {
  /// Runs every run over the threads and returns the amounts, run-major
  /// (`amounts[run · columns + column]`, kronor).
  ///
  /// Each worker takes a contiguous range of runs and stops at its first
  /// failing run; the failure of the lowest run is thrown, so the error
  /// does not depend on the number of threads either.
  ///
  /// - Throws: The first failing run's ``AllocationError``, its message
  ///   naming the run.
  func execute(
    scores: ReplicationScores, need: ReplicatedNeed, follows: [Bool], allocator: any NeedAllocating,
    progress: ProgressReporter
  ) throws(AllocationError) -> [Int64] {
    let total = runs
    let workers = max(1, min(threads, total))
    var amounts = [Int64](repeating: 0, count: total * columns)
    var failures = [(run: Int, error: AllocationError)?](repeating: nil, count: workers)
    let counter = ProgressCounter(total: total, reporter: progress)
    let plan = self
    amounts.withUnsafeMutableBufferPointer { ap in
      failures.withUnsafeMutableBufferPointer { fp in
        let out = SharedBuffer(ap)
        let failed = SharedBuffer(fp)
        ParallelWork.ranges(count: total, threads: workers) { worker, range in
          var w = RunWorker(scores: scores, allocator: allocator)
          var pending = 0
          for run in range {
            do throws(AllocationError) {
              try w.run(run, plan: plan, scores: scores, need: need, follows: follows, allocator: allocator)
            } catch {
              failed[worker] = (run, error)
              break
            }
            w.write(into: out.buffer.baseAddress! + run * plan.columns)
            pending += 1
            if pending >= counter.step {
              counter.add(pending)
              pending = 0
            }
          }
          counter.add(pending)
        }
      }
    }
    if let first = failures.compactMap({ $0 }).min(by: { $0.run < $1.run }) {
      let what = first.run < replications ? "replication \(first.run)" : "Sobol run \(first.run - replications)"
      throw AllocationError(first.error.code, "\(what): \(first.error.message)", hint: first.error.hint, context: what)
    }
    return amounts
  }
}

/// One worker's buffers, and the last run's totals.
struct RunWorker {
  var buffers: ReplicationScores.Buffers
  /// The worker's own copy of the allocator (it sets the need in place).
  var allocator: any NeedAllocating
  var u: [Double]
  var needs: [Int64?]
  var insatser: [Int64]
  var förvaltningar: [Int64]
  var undistributed: Int64 = 0

  init(scores: ReplicationScores, allocator: any NeedAllocating) {
    buffers = scores.makeBuffers()
    self.allocator = allocator
    u = [Double](repeating: 0, count: scores.factors.count)
    needs = allocator.inputNeeds
    insatser = [Int64](repeating: 0, count: allocator.insatsIDs.count)
    förvaltningar = [Int64](repeating: 0, count: allocator.förvaltningIDs.count)
  }

  /// One run: its choices, the scores, the need of each insats that
  /// follows the index, the allocation, and the check that it adds up.
  ///
  /// - Throws: The allocation's error, or `.invariantViolated` when the
  ///   insatser's totals, the förvaltningar's totals and what is left do
  ///   not add up to the budget.
  mutating func run(
    _ run: Int, plan: RunPlan, scores: ReplicationScores, need: ReplicatedNeed, follows: [Bool],
    allocator: any NeedAllocating
  ) throws(AllocationError) {
    plan.point(run: run, scores: scores, into: &u)
    scores.score(point: u, into: &buffers)
    var fresh = needs
    need.needMillionths(scores: buffers.scores, into: &fresh)
    for k in needs.indices { needs[k] = follows[k] ? fresh[k] : allocator.inputNeeds[k] }
    for k in insatser.indices { insatser[k] = 0 }
    for k in förvaltningar.indices { förvaltningar[k] = 0 }
    let distributed = try self.allocator.allocate(needs: needs, insatser: &insatser, förvaltningar: &förvaltningar)
    undistributed = allocator.budgetKronor &- distributed
    let byInsats = try Self.sum(insatser)
    let byFörvaltning = try Self.sum(förvaltningar)
    guard byInsats == distributed, byFörvaltning == distributed, undistributed >= 0,
      distributed <= allocator.budgetKronor
    else {
      throw AllocationError(
        .invariantViolated,
        "the insatser got \(byInsats) kr and the förvaltningar \(byFörvaltning) kr, with \(undistributed) kr left of a budget of \(allocator.budgetKronor) kr",
        hint: "the allocation must add up to the budget; report this with the input", context: "budget")
    }
  }

  /// Writes the last run's row: insatser, förvaltningar, undistributed.
  func write(into row: UnsafeMutablePointer<Int64>) {
    var c = 0
    for x in insatser {
      row[c] = x
      c += 1
    }
    for x in förvaltningar {
      row[c] = x
      c += 1
    }
    row[c] = undistributed
  }

  /// The sum, or `.overflow`.
  static func sum(_ xs: [Int64]) throws(AllocationError) -> Int64 {
    var s: Int64 = 0
    for x in xs { s = try CheckedKronor.sum(s, x) }
    return s
  }
}
