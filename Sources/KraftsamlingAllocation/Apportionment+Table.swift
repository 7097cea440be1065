import KraftsamlingCore

extension Apportionment {
  /// The apportionment as the documented table (`kraftctl apportion`), in
  /// input order: `name,weight,amount` (CSV), or with `quotas`
  /// `name,weight,quota,amount` with each exact quota to 3 decimals (for
  /// reading).
  ///
  /// - Parameters:
  ///   - input: The names and weights apportioned.
  ///   - quotas: Whether to add the quota column.
  package func table(of input: ApportionmentInput, quotas: Bool) -> ReportTable {
    guard quotas else {
      var t = ReportTable(columns: ["name", "weight", "amount"], alignments: [.left, .right, .right])
      for i in input.names.indices {
        t.append([input.names[i], input.weights[i].description, String(amounts[i])])
      }
      return t
    }
    let q = self.quotas
    var t = ReportTable(columns: ["name", "weight", "quota", "amount"], alignments: [.left, .right, .right, .right])
    for i in input.names.indices {
      t.append([input.names[i], input.weights[i].description, q[i].decimalText(decimals: 3), String(amounts[i])])
    }
    return t
  }
}
