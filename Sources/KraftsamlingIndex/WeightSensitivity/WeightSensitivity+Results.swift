extension WeightSensitivity {
  /// A closed range of one indicator's weight share (of its dimension, in
  /// an index with dimensions), [lower, upper] ⊆ [0, 1]
  /// (a single share when lower = upper).
  public struct Interval: Sendable, Hashable, Codable {
    /// The smallest share.
    public let lower: Double
    /// The largest share.
    public let upper: Double

    /// Whether `share` lies in the interval.
    package func contains(_ share: Double) -> Bool { share >= lower && share <= upper }
  }

  /// A share at which an area's rank changes at the cut of the selection
  /// (between rank *K* and *K* + 1, or across it). "Below" and "above" are
  /// the shares just below and just above the breakpoint.
  public struct Breakpoint: Sendable, Hashable, Codable {
    /// The share at which the area's score equals another's.
    public let share: Double
    /// The area's rank just below the share.
    public let rankBelow: Int
    /// The area's rank at the share itself, where it ties (competition ranks).
    public let rankAt: Int
    /// The area's rank just above the share.
    public let rankAbove: Int
    /// Whether the area is selected just below the share.
    package let selectedBelow: Bool
    /// Whether the area is selected just above the share.
    package let selectedAbove: Bool
    /// The areas (codes) the area passes as the share increases through the breakpoint.
    public let overtakes: [String]
    /// The areas (codes) that pass the area as the share increases through the breakpoint.
    public let overtakenBy: [String]
    /// The areas (codes) that enter the selection as the share increases through the breakpoint.
    public let entering: [String]
    /// The areas (codes) that leave the selection as the share increases through the breakpoint.
    public let leaving: [String]
  }

  /// Where one area is in the selection as one indicator's share varies.
  public struct Membership: Sendable, Hashable, Codable {
    /// The area's code.
    package let area: String
    /// The indicator's position in the definition.
    package let indicator: Int
    /// The indicator's id.
    package let indicatorID: String
    /// The size of the selection: the areas ranked *K* or better.
    package let top: Int
    /// The indicator's share with the definition's weights (of its
    /// dimension, in an index with dimensions).
    package let nominalShare: Double
    /// The area's rank at the nominal share.
    public let nominalRank: Int
    /// Whether the area is selected at the nominal share.
    package let isSelected: Bool
    /// The shares at which the area is selected, ascending and disjoint.
    public let intervals: [Interval]
    /// Every share in (0, 1) at which the area's rank changes at the cut, ascending.
    public let breakpoints: [Breakpoint]
    /// `nil` when the shares are exact (up to rounding); otherwise the
    /// tolerance, in share, of the bisection that found them.
    public let tolerance: Double?
  }

  /// How far one indicator's share can move from its nominal value before
  /// the selection changes.
  public struct Stability: Sendable, Hashable, Codable {
    /// The indicator's position in the definition.
    package let indicator: Int
    /// The indicator's id.
    package let indicatorID: String
    /// The indicator's share with the definition's weights (of its
    /// dimension, in an index with dimensions).
    package let nominalShare: Double
    /// The shares around the nominal one with the nominal selection:
    /// the selection is the same for every share strictly inside, and
    /// differs at each end below 1 and above 0 (where two areas tie at the cut).
    public let interval: Interval
    /// What changes at the lower end, `nil` when it is 0 and nothing changes.
    public let lowerChange: Change?
    /// What changes at the upper end, `nil` when it is 1 and nothing changes.
    public let upperChange: Change?
  }

  /// The first change of the selection at the end of a stability interval:
  /// an area outside reaches one inside, and beyond that share takes its place.
  public struct Change: Sendable, Hashable, Codable {
    /// The area (code) that enters the selection.
    public let entering: String
    /// The area (code) that leaves it.
    public let leaving: String
  }

  /// Where two areas tie: the margin between them at the nominal weights
  /// and the nearest weights (shares summing to 1) at which their scores are equal.
  public struct Tie: Sendable, Hashable, Codable {
    /// The first area's code.
    package let area: String
    /// The second area's code.
    package let other: String
    /// The first area's score minus the second's at the nominal weights.
    public let margin: Double
    /// The weight shares, in definition order, nearest to the nominal ones
    /// (Euclidean distance) at which the two scores are equal; `nil` when
    /// no weights make them equal (one is ahead on every indicator).
    public let weights: [Double]?
    /// The Euclidean distance from the nominal shares to ``weights``.
    public let distance: Double?
  }
}
