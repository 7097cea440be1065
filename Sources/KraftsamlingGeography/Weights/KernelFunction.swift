#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The kernel *K*(*z*) of kernel weights, *z* = *dᵢⱼ* / *hᵢ* (libpysal
/// `Kernel(function=…)`, after Anselin & Rey 2014, p. 78).
///
/// ```swift
/// KernelFunction.triangular.value(0.25)   // 0.75
/// KernelFunction.gaussian.value(0)        // 0.3989… = 1/√(2π)
/// ```
public enum KernelFunction: String, Sendable, Hashable, Codable, CaseIterable {
  /// *K*(*z*) = 1 − |*z*|.
  case triangular
  /// *K*(*z*) = ½.
  case uniform
  /// *K*(*z*) = ¾ (1 − *z*²) (Epanechnikov).
  case quadratic
  /// *K*(*z*) = 15⁄16 (1 − *z*²)² (biweight).
  case quartic
  /// *K*(*z*) = (2π)^(−½) exp(−*z*²/2), truncated at the bandwidth as in
  /// libpysal.
  case gaussian

  /// *K*(*z*) for 0 ≤ *z* ≤ 1 (the neighbours are those within the
  /// bandwidth, so *z* never exceeds 1).
  package func value(_ z: Double) -> Double {
    switch self {
    case .triangular: 1 - z
    case .uniform: 0.5
    case .quadratic: (3.0 / 4) * (1 - z * z)
    case .quartic: (15.0 / 16) * ((1 - z * z) * (1 - z * z))
    case .gaussian: pow(Double.pi * 2, -0.5) * exp(-(z * z) / 2)
    }
  }
}

/// How kernel weights choose each area's bandwidth *hᵢ*, libpysal's
/// `Kernel(bandwidth=, fixed=, k=)`.
///
/// For ``nearest(_:)`` and ``adaptive(_:)`` the distance is multiplied by
/// libpysal's `eps` = 1.0000001 so that the *k*-th neighbour lies strictly
/// inside the bandwidth (its weight is small but not zero).
public enum KernelBandwidth: Sendable, Hashable, Codable {
  /// The same given *h* for every area; the neighbours of *i* are the
  /// areas within *h* (inclusive).
  case fixed(Double)
  /// The same *h* for every area: the largest distance from any area to
  /// its *k*-th nearest neighbour, × 1.0000001 (libpysal's default,
  /// `fixed=True`, `k=k`); the neighbours are the areas within *h*.
  case nearest(Int)
  /// *hᵢ* = the distance from *i* to its *k*-th nearest neighbour ×
  /// 1.0000001; the neighbours of *i* are its *k* nearest (libpysal
  /// `fixed=False`).
  case adaptive(Int)
}
