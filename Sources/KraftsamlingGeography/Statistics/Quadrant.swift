import KraftsamlingCore
import KraftsamlingIndex

/// The quadrant of the Moran scatterplot an area falls in: its own
/// standardised value against the spatial lag of its neighbours' values.
///
/// The raw values are PySAL's numbering (esda `Moran_Local.q` with
/// `geoda_quads=False`): 1 HH, 2 LH, 3 LL, 4 HL. GeoDa numbers the same
/// quadrants 1 HH, 2 LL, 3 LH, 4 HL (``geoDaCode``).
///
/// As in esda, "high" means strictly above zero: an area with *zᵢ* = 0 or
/// a lag of exactly 0 (an island) counts as low.
///
/// ```swift
/// Quadrant(value: 1.2, lag: -0.4)   // .highLow
/// Quadrant.highLow.rawValue         // 4
/// Quadrant.highLow.code             // "HL"
/// Quadrant.highLow.geoDaCode        // 4
/// ```
public enum Quadrant: Int, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
  /// High value, high neighbours (a hot spot).
  case highHigh = 1
  /// Low value, high neighbours (a low outlier).
  case lowHigh = 2
  /// Low value, low neighbours (a cold spot).
  case lowLow = 3
  /// High value, low neighbours (a high outlier).
  case highLow = 4

  /// The quadrant of a standardised value and its spatial lag.
  ///
  /// - Parameters:
  ///   - value: The area's standardised value *zᵢ*.
  ///   - lag: The spatial lag *(Wz)ᵢ*.
  package init(value: Double, lag: Double) {
    switch (value > 0, lag > 0) {
    case (true, true): self = .highHigh
    case (false, true): self = .lowHigh
    case (false, false): self = .lowLow
    case (true, false): self = .highLow
    }
  }

  /// `"HH"`, `"LH"`, `"LL"` or `"HL"`: own value first, then neighbours.
  package var code: String {
    switch self {
    case .highHigh: "HH"
    case .lowHigh: "LH"
    case .lowLow: "LL"
    case .highLow: "HL"
    }
  }

  /// GeoDa's number for the quadrant: 1 HH, 2 LL, 3 LH, 4 HL.
  public var geoDaCode: Int {
    switch self {
    case .highHigh: 1
    case .lowLow: 2
    case .lowHigh: 3
    case .highLow: 4
    }
  }

  /// The ``code``.
  public var description: String { code }
}
