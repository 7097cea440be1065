import KraftsamlingCore
import KraftsamlingIndex

/// Which point stands for an area in the distance-based weights.
package enum AreaPoint: String, Sendable, Hashable, CaseIterable {
  /// The area centroid of all parts (area-weighted), as geopandas'
  /// `centroid` that libpysal's `from_dataframe` uses.
  case centroid
  /// The label point of the largest part (inside the area; see
  /// ``Polygon/labelPoint(precision:)``).
  case labelPoint = "label-point"
}

extension MultiPolygon {
  /// The area-weighted centroid of the parts (the first vertex for a
  /// shape of zero area).
  package var centroid: Coordinate {
    var sx = 0.0, sy = 0.0, sa = 0.0
    for p in polygons {
      let a = p.area
      let c = p.centroid
      sx += a * c.x
      sy += a * c.y
      sa += a
    }
    guard sa > 0 else { return polygons.first?.exterior.first ?? Coordinate(x: 0, y: 0) }
    return Coordinate(x: sx / sa, y: sy / sa)
  }
}

extension AreaLayer {
  /// One point per feature, in feature order.
  package func points(_ kind: AreaPoint) -> [Coordinate] {
    switch kind {
    case .centroid: features.map { $0.geometry.centroid }
    case .labelPoint:
      features.map { $0.labelPoint(projection: defaultProjection) ?? $0.geometry.centroid }
    }
  }

  /// The distance that fits the layer when none is stated: great-circle
  /// on the Earth (km) for longitude/latitude, Euclidean in the layer's
  /// units for a projected layer.
  package var naturalDistance: PointDistance {
    coordinateSystem == .geographic ? .greatCircle(radius: PointDistance.earthRadiusKilometres) : .euclidean
  }
}
