import KraftsamlingCore

extension StrategySpecification {
  func number(_ name: String, default fallback: Double) -> Double { parameters[name] ?? fallback }

  /// Throws unless every parameter and option name is one of `allowed`.
  func checkKeys(_ allowed: Set<String>) throws(IndexError) {
    for k in Array(parameters.keys) + Array(options.keys) where !allowed.contains(k) {
      let names = allowed.sorted()
      throw IndexError(
        .invalidParameter, "method \(method) has no parameter '\(k)'",
        hint: names.isEmpty ? "\(method) takes no parameters" : "its parameters are \(names.joined(separator: ", "))")
    }
  }
}
