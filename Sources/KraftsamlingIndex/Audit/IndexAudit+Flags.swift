extension IndexAudit {
  /// Flag kinds, as ``Flag/kind`` spells them.
  static let collinear = "collinear"
  static let negativeWithinDimension = "negative-within-dimension"
  static let importanceMismatch = "importance-mismatch"

  /// What the flags are computed from.
  struct FlagInputs {
    var r: [[Double?]]
    var ids: [String]
    var dimensionOf: [Int]
    var threshold: Double
    var effective: [Double?]
    var nominal: [Double]

    /// Every pair i < j of indicator positions.
    var pairs: [(Int, Int)] {
      let m = ids.count
      return (0..<m).flatMap { i in ((i + 1)..<max(i + 1, m)).map { (i, $0) } }
    }
  }

  /// Collinear pairs, then negative pairs within a dimension, then importance mismatches.
  static func flags(_ f: FlagInputs) -> [Flag] {
    collinearityFlags(f) + negativeFlags(f) + importanceFlags(f)
  }

  /// Indicator pairs (upper triangle, definition order) whose Pearson |r|
  /// reaches the threshold: they may count the same thing twice.
  static func collinearityFlags(_ f: FlagInputs) -> [Flag] {
    f.pairs.compactMap { i, j in
      guard let r = f.r[i][j], abs(r) >= f.threshold else { return nil }
      return Flag(kind: collinear, first: f.ids[i], second: f.ids[j], value: r)
    }
  }

  /// Pairs of indicators in the same dimension (every pair of a flat
  /// index) whose Pearson r is negative: they pull the dimension in
  /// opposite directions, so an orientation may be wrong.
  static func negativeFlags(_ f: FlagInputs) -> [Flag] {
    f.pairs.compactMap { i, j in
      guard f.dimensionOf[i] == f.dimensionOf[j], let r = f.r[i][j], r < 0 else { return nil }
      return Flag(kind: negativeWithinDimension, first: f.ids[i], second: f.ids[j], value: r)
    }
  }

  /// Indicators whose effective share is over twice or under half their nominal share.
  static func importanceFlags(_ f: FlagInputs) -> [Flag] {
    f.ids.indices.compactMap { j in
      guard let e = f.effective[j], EffectiveImportance.isMismatch(effective: e, nominal: f.nominal[j]) else {
        return nil
      }
      return Flag(kind: importanceMismatch, first: f.ids[j], second: nil, value: e / f.nominal[j])
    }
  }
}
