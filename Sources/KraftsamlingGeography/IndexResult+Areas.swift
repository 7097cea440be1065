import KraftsamlingCore
import KraftsamlingIndex

extension IndexResult {
  /// The score of every ranked area by code: the input of the geography
  /// stage (selections, hot spots, maps) when it takes plain values.
  ///
  /// Areas that are not ranked (see ``excluded``) have no entry.
  ///
  /// ```swift
  /// let r = try IndexDefinition.stadskontoret2025.run(on: MalmöData.statistik)
  /// r.scoresByCode["48208"]   // Herrgården's score, 3.75 on the bundled data
  /// r.scoresByCode.count      // 120 = r.rankedCount
  /// ```
  ///
  /// - Complexity: O(*n*) for *n* areas.
  package var scoresByCode: [String: Double] {
    var out: [String: Double] = [:]
    out.reserveCapacity(codes.count)
    for (i, code) in codes.enumerated() { if let s = scores[i] { out[code] = s } }
    return out
  }

  /// The ranked areas as (code, score, rank), best first and tied areas by
  /// code (string order) — the order of selections made from the index.
  /// - Complexity: O(*n* log *n*).
  var rankedByCode: [(code: String, score: Double, rank: Int)] {
    codes.indices.compactMap { i -> (code: String, score: Double, rank: Int)? in
      guard let s = scores[i], let r = ranks[i] else { return nil }
      return (codes[i], s, r)
    }.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.code < $1.code }
  }

  /// The score rounded to three decimals for reasons and messages
  /// (`2.537`), without the Reporting stage's formatting.
  static func shortScore(_ x: Double) -> String {
    let r = (x * 1000).rounded() / 1000
    return r == 0 ? "0" : "\(r)"
  }
}
