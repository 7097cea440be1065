import KraftsamlingCore

/// The SHA-256 of a panel's pre-period rows in a canonical form, so that a
/// later panel with more years (or rows in another order, or another CSV
/// dialect) matches as long as the rows the plan used are unchanged.
///
/// One line per area (codes sorted) and year: `code;year;numerator;denominator\n`,
/// numbers in their shortest round-trip form, a missing value empty.
package enum PrePeriodDigest {
  /// The digest of `codes` (deduplicated, sorted) over `years`.
  package static func sha256(of panel: IndicatorPanel, codes: [String], years: ClosedRange<Int>) -> String {
    var text = ""
    for code in Set(codes).sorted() {
      let series = panel.series(code: code)
      for year in years {
        let point = series?.point(year: year)
        let n = point?.numerator.map(DecimalFormatting.shortest) ?? ""
        let d = point?.denominator.map(DecimalFormatting.shortest) ?? ""
        text += "\(code);\(year);\(n);\(d)\n"
      }
    }
    return SHA256.hex(Array(text.utf8))
  }
}

extension Utvärderingsplan {
  /// The SHA-256 of the plan's JSON with `plan_sha256` empty.
  ///
  /// - Throws: `followup.bad-evaluation` if the plan cannot be encoded (a non-finite number).
  static func digest(_ plan: Utvärderingsplan) throws(FollowUpError) -> String {
    var copy = plan
    copy.planSHA256 = ""
    do { return SHA256.hex(Array(try JSONCoding.encodeString(copy).utf8)) } catch {
      throw FollowUpError(.badEvaluation, "the plan cannot be written as JSON: \(error)", context: "plan")
    }
  }

  /// Whether the plan is as written: its `plan_sha256` matches its content.
  package var isIntact: Bool { (try? Self.digest(self)) == planSHA256 }

  /// The plan's JSON (sorted keys, pretty-printed, final newline).
  package func json() throws(FollowUpError) -> String {
    do { return try JSONCoding.encodeString(self) } catch {
      throw FollowUpError(.badEvaluation, "the plan cannot be written as JSON: \(error)", context: "plan")
    }
  }

  /// The areas whose pre-period rows the digest covers: treated, matched comparison, donors.
  package var digestCodes: [String] { treated.map(\.code) + comparison.areas + syntheticControl.codes }
}
