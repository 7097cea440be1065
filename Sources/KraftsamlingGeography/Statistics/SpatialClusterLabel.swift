import KraftsamlingCore
import KraftsamlingIndex

/// What a local statistic says about an area at a chosen significance
/// level: the kind of cluster or outlier, or `ns` (not significant).
///
/// Local Moran labels a significant area by its ``Quadrant`` (`HH`, `LH`,
/// `LL`, `HL`, the labels of esda's `get_cluster_labels`: "High-High",
/// "Low-High", "Low-Low", "High-Low"). Getis–Ord labels a significant area a
/// `hot` spot when its statistic is above its expectation (*z* > 0) and a
/// `cold` spot when below, as GeoDa's "High"/"Low" and ArcGIS's hot spot
/// analysis do.
///
/// ```swift
/// SpatialClusterLabel(quadrant: .highHigh, significant: true)    // .highHigh, "HH"
/// SpatialClusterLabel(quadrant: .highHigh, significant: false)   // .notSignificant, "ns"
/// ```
public enum SpatialClusterLabel: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// Significant, high value among high neighbours.
  case highHigh = "HH"
  /// Significant, low value among high neighbours.
  case lowHigh = "LH"
  /// Significant, low value among low neighbours.
  case lowLow = "LL"
  /// Significant, high value among low neighbours.
  case highLow = "HL"
  /// Getis–Ord: significantly high values around the area.
  case hotSpot = "hot"
  /// Getis–Ord: significantly low values around the area.
  case coldSpot = "cold"
  /// Not significant at the chosen level.
  case notSignificant = "ns"

  /// The Local Moran label: the quadrant when significant, else `ns`.
  ///
  /// - Parameters:
  ///   - quadrant: The area's quadrant.
  ///   - significant: Whether its pseudo p-value is below the threshold.
  package init(quadrant: Quadrant, significant: Bool) {
    guard significant else {
      self = .notSignificant
      return
    }
    switch quadrant {
    case .highHigh: self = .highHigh
    case .lowHigh: self = .lowHigh
    case .lowLow: self = .lowLow
    case .highLow: self = .highLow
    }
  }

  /// The raw value (`"HH"`, …, `"ns"`).
  public var description: String { rawValue }
}
