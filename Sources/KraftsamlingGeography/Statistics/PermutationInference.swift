#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import KraftsamlingCore
import KraftsamlingIndex

/// How a spatial statistic is tested by permutation: how many permutations,
/// where their randomness comes from, which alternative hypothesis, and
/// how many threads share the work.
///
/// The randomness is either a **seed** (the permutations are drawn from
/// ``SeededGenerator``) or an **injected** ``PermutationMatrix`` (for
/// example the exact matrix esda drew, so that results can be compared
/// statistic for statistic). Either way the result is a pure function of
/// the inputs: the number of threads only splits the work and never
/// changes a single bit of the output.
///
/// ```swift
/// let seeded = PermutationInference(permutations: 9_999, seed: 2025)
/// let injected = PermutationInference(matrix: try PermutationMatrix([[3, 0], [1, 4]]))
/// let none = PermutationInference.analyticalOnly     // no permutation test
/// ```
public struct PermutationInference: Sendable {
  /// *P*, the number of permutations; 0 skips the permutation test.
  package var permutations: Int
  /// The seed the permutations are drawn from (ignored when ``matrix`` is set).
  package var seed: UInt64
  /// An injected permutation matrix; when set, ``permutations`` equals its
  /// number of rows.
  package var matrix: PermutationMatrix?
  /// The alternative hypothesis: how pseudo p-values are counted.
  package var alternative: any PermutationAlternative
  /// How many threads run the permutations (at least 1).
  package var threads: Int
  /// Receives progress of long runs (sites done of all sites). Never
  /// changes a result.
  package var progress: ProgressReporter = .none
  /// The most permutations accepted (default
  /// ``InputLimits/standard``'s ``InputLimits/maximumPermutations``,
  /// 1,000,000); more throw `limit.maximumPermutations` before any memory
  /// is allocated. Raise it for a deliberate very long run.
  public var maximumPermutations: Int = InputLimits.standard.maximumPermutations

  /// The default seed, used when none is given.
  @usableFromInline package static let defaultSeed: UInt64 = 12_345

  /// Seeded permutations.
  ///
  /// - Parameters:
  ///   - permutations: *P*; esda's default is 999. 0 skips the test.
  ///   - seed: The seed (default ``defaultSeed``).
  ///   - alternative: The p-value rule (default `.directed`, as esda).
  ///   - threads: Threads to use (default: the processors available).
  public init(
    permutations: Int = 999, seed: UInt64 = PermutationInference.defaultSeed,
    alternative: some PermutationAlternative = .directed,
    threads: Int = PermutationInference.availableProcessors
  ) {
    self.permutations = permutations
    self.seed = seed
    self.matrix = nil
    self.alternative = alternative
    self.threads = threads
  }

  /// Permutations given by an injected matrix (its rows are the
  /// permutations).
  ///
  /// - Parameters:
  ///   - matrix: A conditional matrix for local statistics, a full one for
  ///     ``GlobalMoran``; see ``PermutationMatrix``.
  ///   - alternative: The p-value rule (default `.directed`, as esda).
  ///   - threads: Threads to use (default: the processors available).
  public init(
    matrix: PermutationMatrix, alternative: some PermutationAlternative = .directed,
    threads: Int = PermutationInference.availableProcessors
  ) {
    self.permutations = matrix.rows
    self.seed = 0
    self.matrix = matrix
    self.alternative = alternative
    self.threads = threads
  }

  /// No permutation test: only the analytical moments are computed.
  package static var analyticalOnly: PermutationInference { PermutationInference(permutations: 0) }

  /// The number of processors online (at least 1).
  @usableFromInline package static var availableProcessors: Int { ParallelWork.availableProcessors }

  /// Checks the options.
  func validate() throws(SpatialStatisticsError) {
    guard permutations >= 0 else {
      throw SpatialStatisticsError(.badOption, "the number of permutations is \(permutations); give 0 (no test) or more, e.g. 999")
    }
    guard threads >= 1 else {
      throw SpatialStatisticsError(.badOption, "the number of threads is \(threads); give 1 or more")
    }
    guard permutations <= maximumPermutations else {
      throw SpatialStatisticsError(
        .permutationLimit,
        "\(permutations) permutations is more than the limit of \(maximumPermutations); use fewer (esda's default is 999) or raise PermutationInference.maximumPermutations (InputLimits.maximumPermutations)")
    }
  }
}
