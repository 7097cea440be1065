import Testing

import KraftsamlingKit
@testable import KraftsamlingCore
@testable import KraftsamlingIndex
@testable import KraftsamlingGeography
@testable import KraftsamlingInsatser
@testable import KraftsamlingAllocation
@testable import KraftsamlingFollowUp
@testable import KraftsamlingReporting

/// Every built-in method with its name, for table-driven tests.
let allApportionmentMethods: [any ApportionmentMethod] = [
  LargestRemainder(), DivisorMethod(.dhondt), DivisorMethod(.sainteLague), DivisorMethod.norwegianSainteLague,
  DivisorMethod(.huntingtonHill), DivisorMethod(.adams),
]

func weights(_ xs: [Int64]) -> [ApportionmentWeight] { xs.map { ApportionmentWeight($0) } }

/// The one-at-a-time definition of a divisor method, with exact claims and
/// ties broken by input order: an independent oracle for the fast engine.
func naiveDivisor(_ method: DivisorMethod, _ v: [Int64], total: Int64) -> [Int64] {
  var a = [Int64](repeating: 0, count: v.count)
  // claim of i as (isInfinite, squared-or-plain exact value)
  func claim(_ i: Int) -> (Bool, ExactFraction) {
    let k = a[i]
    switch method.kind {
    case .huntingtonHill:
      if k == 0 { return (true, ExactFraction(v[i])) }
      return (false, ExactFraction(v[i] * v[i], k * (k + 1)))
    case .adams:
      if k == 0 { return (true, ExactFraction(v[i])) }
      return (false, ExactFraction(v[i], k))
    case .dhondt: return (false, ExactFraction(v[i], k + 1))
    case .sainteLague: return (false, ExactFraction(2 * v[i], 2 * k + 1))
    case .modifiedSainteLague:
      let f = method.firstDivisor!.exactValue
      return (false, ExactFraction(v[i]) / (k == 0 ? f : ExactFraction(2 * k + 1)))
    }
  }
  for _ in 0..<total {
    var best = -1
    var bestClaim: (Bool, ExactFraction) = (false, .zero)
    for i in v.indices where v[i] > 0 {
      let c = claim(i)
      let better = best < 0 || (c.0 && !bestClaim.0) || (c.0 == bestClaim.0 && bestClaim.1 < c.1)
      if better {
        best = i
        bestClaim = c
      }
    }
    a[best] += 1
  }
  return a
}

@Suite("Apportionment methods")
struct ApportionmentTests {
  @Test("Hamilton: floors plus largest remainders")
  func hamilton() throws {
    // V = 10, h = 4: quotas 2, 6/5, 4/5 → floors 2, 1, 0 (sum 3); the one
    // unit left goes to the largest remainder 4/5.
    let a = try Apportionment(total: 4, weights: weights([5, 3, 2]), method: .hamilton)
    #expect(a.amounts == [2, 1, 1])
    #expect(a.quotas == [ExactFraction(2), ExactFraction(6, 5), ExactFraction(4, 5)])
  }

  @Test("D'Hondt: Austria's 18 seats in the European Parliament 2019")
  func dhondtAustria() throws {
    // The example of the apportionment package's README: 7, 5, 3, 2, 1.
    let a = try Apportionment(
      total: 18, weights: weights([1_305_956, 903_151, 650_114, 532_193, 319_024]), method: .dhondt)
    #expect(a.amounts == [7, 5, 3, 2, 1])
  }

  @Test("Sainte-Laguë rounds to nearest")
  func sainteLague() throws {
    // Claims 651/(2k+1): 651, 217, 130.2, 93, 72.3, 59.2, 50.08; 349/(2k+1):
    // 349, 116.3, 69.8, 49.9; 50. The ten largest stop at 651/13 ≈ 50.08,
    // above 50 and 349/7 ≈ 49.9 → [7, 3, 0].
    let a = try Apportionment(total: 10, weights: weights([651, 349, 50]), method: .sainteLague)
    #expect(a.amounts == [7, 3, 0])
  }

  @Test("modified Sainte-Laguë: the first divisor decides small recipients")
  func modifiedSainteLague() throws {
    // Weights 70, 13 and 4 units. Claims of 70: 70/f, 70/3 ≈ 23.3, 14, 10.
    //   f = 1 (plain):    13 > 10  → [3, 1]
    //   f = 1.2 (Sweden): 13/1.2 ≈ 10.83 > 10 → [3, 1]
    //   f = 1.4 (Norway): 13/1.4 ≈ 9.29 < 10  → [4, 0]
    let w = weights([70, 13])
    #expect(try Apportionment(total: 4, weights: w, method: .sainteLague).amounts == [3, 1])
    #expect(try Apportionment(total: 4, weights: w, method: .swedishSainteLague).amounts == [3, 1])
    #expect(try Apportionment(total: 4, weights: w, method: .norwegianSainteLague).amounts == [4, 0])
    let custom = try DivisorMethod.modifiedSainteLague(firstDivisor: ApportionmentWeight(parsing: "1.4"))
    #expect(try Apportionment(total: 4, weights: w, method: custom).amounts == [4, 0])
  }

  @Test("modified Sainte-Laguë rejects a first divisor outside (0, 3)", arguments: ["0", "3", "3.5", "-1", "1.23456"])
  func badFirstDivisor(_ text: String) throws {
    #expect(throws: AllocationError.self) {
      _ = try DivisorMethod.modifiedSainteLague(firstDivisor: ApportionmentWeight(parsing: text))
    }
  }

  @Test("Huntington–Hill and Adams give every positive weight a unit first")
  func zeroFirstDivisor() throws {
    // 5 units, weights 100, 10, 1: one unit each (d(0) = 0), then
    // HH: 100/√2 ≈ 70.7 and 100/√6 ≈ 40.8 beat 10/√2 ≈ 7.1 → [3, 1, 1];
    // Adams: 100/1 and 100/2 beat 10/1 → [3, 1, 1].
    for m in [DivisorMethod.huntingtonHill, DivisorMethod.adams] {
      #expect(try Apportionment(total: 5, weights: weights([100, 10, 1]), method: m).amounts == [3, 1, 1])
      // Fewer units than positive weights: the largest weights get one each.
      #expect(try Apportionment(total: 2, weights: weights([5, 3, 1]), method: m).amounts == [1, 1, 0])
      // A zero weight never gets a unit: 4 units over 5, 3, 0 → one each to
      // 5 and 3, then 5/√2 ≈ 3.54 (HH) or 5/1 (Adams), then 3/√2 ≈ 2.12 >
      // 5/√6 ≈ 2.04 (HH) or 3/1 > 5/2 (Adams) → [2, 2, 0].
      #expect(try Apportionment(total: 4, weights: weights([5, 3, 0]), method: m).amounts == [2, 2, 0])
    }
  }

  @Test("Huntington–Hill compares square roots exactly")
  func huntingtonHillExactTie() throws {
    // 6/√(8·9) = 6/(6√2) = 1/√2 = 1/√(1·2): after 8 + 1 units, the claims of
    // weight 6 (9th unit) and weight 1 (2nd unit) are exactly equal.
    // Floating point sees no tie (the apportionment package silently gives
    // [9, 1]); the exact engine reports it.
    let w = weights([6, 1])
    #expect(try Apportionment(total: 9, weights: w, method: .huntingtonHill, ties: .error).amounts == [8, 1])
    #expect(throws: AllocationError.self) {
      _ = try Apportionment(total: 10, weights: w, method: .huntingtonHill, ties: .error)
    }
    let a = try Apportionment(total: 10, weights: w, method: .huntingtonHill, ties: .inputOrder)
    #expect(a.amounts == [9, 1])
    #expect(a.tie == ApportionmentTie(tied: [0, 1], favoured: [0]))
  }

  @Test("decisions are exact beyond Double's 53 bits")
  func beyondDouble() throws {
    // 2⁵³ + 1 and 2⁵³ are the same Double, but (2⁵³+1)/2 > 2⁵³/2 exactly:
    // the third D'Hondt unit goes to the first recipient without a tie.
    let w = weights([9_007_199_254_740_993, 9_007_199_254_740_992])
    #expect(try Apportionment(total: 3, weights: w, method: .dhondt, ties: .error).amounts == [2, 1])
  }

  @Test("ties: error, input order, seeded")
  func ties() throws {
    // D'Hondt, 3 units over 3, 3, 1: claims 3, 3 then 3/2, 3/2 tie for the
    // last unit. The apportionment package favours the first: [2, 1, 0].
    let w = weights([3, 3, 1])
    #expect(throws: AllocationError.self) { _ = try Apportionment(total: 3, weights: w, method: .dhondt) }
    let ordered = try Apportionment(total: 3, weights: w, method: .dhondt, ties: .inputOrder)
    #expect(ordered.amounts == [2, 1, 0])
    #expect(ordered.tie?.tied == [0, 1])
    var seen = Set<[Int64]>()
    for seed in UInt64(0)..<40 {
      let s = try Apportionment(total: 3, weights: w, method: .dhondt, ties: .seeded(seed))
      #expect(s.amounts.reduce(0, +) == 3)
      #expect(try Apportionment(total: 3, weights: w, method: .dhondt, ties: .seeded(seed)) == s)
      seen.insert(s.amounts)
    }
    #expect(seen == [[2, 1, 0], [1, 2, 0]])
    // Hamilton: 2 units over 1, 1, 1 — three equal remainders 2/3.
    #expect(try Apportionment(total: 2, weights: weights([1, 1, 1]), method: .hamilton, ties: .inputOrder).amounts == [1, 1, 0])
    #expect(throws: AllocationError.self) {
      _ = try Apportionment(total: 2, weights: weights([1, 1, 1]), method: .hamilton, ties: .error)
    }
    // Adams with fewer units than equal weights.
    #expect(try Apportionment(total: 2, weights: weights([10, 10, 10]), method: .adams, ties: .inputOrder).amounts == [1, 1, 0])
  }

  @Test("decimal weights are exact")
  func decimalWeights() throws {
    // 0.1 + 0.2 = 0.3 exactly: weights 1, 2, 3 in tenths; 6 units → 1, 2, 3.
    let w = try ["0.1", "0,2", "0.30"].map { try ApportionmentWeight(parsing: $0) }
    #expect(try Apportionment(total: 6, weights: w, method: .hamilton).amounts == [1, 2, 3])
    #expect(try Apportionment(total: 6, weights: w, method: .sainteLague).amounts == [1, 2, 3])
    #expect(w[2].description == "0.30")
  }

  @Test("bad input is rejected with a clear error")
  func badInput() throws {
    for m in allApportionmentMethods {
      #expect(throws: AllocationError.self) { _ = try m.apportion(weights([1, 2]), total: -1, ties: .error) }
      do {
        _ = try m.apportion(weights([0, 0]), total: 5, ties: .error)
        Issue.record("expected an error")
      } catch {
        #expect(error.code == .weightsAllZero)
        #expect(error.hint != nil)
      }
      #expect(throws: AllocationError.self) { _ = try m.apportion(weights([3, -1]), total: 5, ties: .error) }
      #expect(throws: AllocationError.self) { _ = try m.apportion(weights([Int64.max, 5]), total: 5, ties: .error) }
      #expect(try m.apportion(weights([3, 1]), total: 0, ties: .error).amounts == [0, 0])
      // No recipients: zero units is the empty apportionment, any more is an error.
      let empty = try m.apportion([], total: 0, ties: .error)
      #expect(empty.amounts.isEmpty && empty.total == 0 && empty.method == m.name)
      do {
        _ = try m.apportion([], total: 3, ties: .error)
        Issue.record("expected an error")
      } catch {
        #expect(error.code == .weightsAllZero)
        #expect(error.message == "there are no recipients to apportion 3 units to")
      }
      do {
        _ = try m.apportion([], total: -1, ties: .error)
        Issue.record("expected an error")
      } catch {
        #expect(error.code == .negativeBudget)
      }
    }
  }

  @Test("methods are found by name, with suggestions")
  func names() throws {
    #expect(try ApportionmentRegistry.standard.make("jefferson").name == "dhondt")
    #expect(try ApportionmentRegistry.standard.make("sainte_lague").name == "sainte-lague")
    let sweden = try ApportionmentRegistry.standard.make("modified-sainte-lague")
    #expect((sweden as? DivisorMethod)?.firstDivisor == ApportionmentWeight(mantissa: 12, decimals: 1))
    do {
      _ = try ApportionmentRegistry.standard.make("hamiltn")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == .unknownModel)
      #expect(error.hint == "did you mean hamilton?")
    }
  }

  @Test("quota violations and the Alabama paradox")
  func check() throws {
    // Hamilton, weights 6, 6, 2 (V = 14). h = 10: quotas 30/7, 30/7, 10/7 →
    // floors 4, 4, 1, the unit left to the largest remainder 3/7 → [4, 4, 2].
    // h = 11: quotas 33/7, 33/7, 11/7 → floors 4, 4, 1, two units to the
    // remainders 5/7, 5/7 → [5, 5, 1]: the third recipient loses a unit.
    let m = LargestRemainder()
    let a = try m.apportion(weights([6, 6, 2]), total: 10, ties: .error)
    let c = try ApportionmentCheck(a, method: m)
    #expect(a.amounts == [4, 4, 2])
    #expect(c.amountsAtNextTotal == [5, 5, 1])
    #expect(c.alabamaLosersAtNextTotal == [2])
    #expect(c.isWithinQuota)
    // D'Hondt breaks upper quota: weights 90, 5, 5, h = 10 → quotas 9, 1/2,
    // 1/2; claims 90/k beat 5 for k ≤ 10 (90/10 = 9 > 5) → [10, 0, 0] and
    // 10 > ⌈9⌉.
    let d = DivisorMethod(.dhondt)
    let b = try d.apportion(weights([90, 5, 5]), total: 10, ties: .error)
    #expect(b.amounts == [10, 0, 0])
    let cb = try ApportionmentCheck(b, method: d)
    #expect(cb.upperQuotaViolations == [0])
    #expect(cb.alabamaLosersAtNextTotal.isEmpty)
    // Adams breaks lower quota the other way: 3 units over 90, 5, 5 → one
    // each (d(0) = 0) → [1, 1, 1], below ⌊90·3/100⌋ = 2.
    let ad = DivisorMethod(.adams)
    let e = try ad.apportion(weights([90, 5, 5]), total: 3, ties: .error)
    #expect(e.amounts == [1, 1, 1])
    #expect(try ApportionmentCheck(e, method: ad).lowerQuotaViolations == [0])
  }

  @Test("matches the apportionment package on 120 reference instances")
  func packageFixtures() throws {
    let methods: [any ApportionmentMethod] = allApportionmentMethods
    var checked = 0
    for line in apportionmentPackageFixtures.split(separator: "\n") {
      let f = line.split(separator: ";", omittingEmptySubsequences: false)
      let w = f[0].split(separator: " ").map { ApportionmentWeight(Int64($0)!) }
      let h = Int64(f[1])!
      for (k, m) in methods.enumerated() {
        let expected = f[2 + k].split(separator: " ").map { Int64($0)! }
        let got = try m.apportion(w, total: h, ties: .inputOrder).amounts
        #expect(got == expected, "\(m.name) \(f[0]) h=\(h)")
        checked += 1
      }
    }
    #expect(checked == 720)
  }
}

@Suite("Apportionment properties")
struct ApportionmentPropertyTests {
  @Test("sum, non-negativity and the one-at-a-time definition over 2,000 seeded instances")
  func randomInstances() throws {
    var g = SeededGenerator(seed: 6)
    let divisorMethods: [DivisorMethod] = [
      .dhondt, .sainteLague, .swedishSainteLague, .norwegianSainteLague, .huntingtonHill, .adams,
    ]
    for _ in 0..<2_000 {
      let n = 1 + g.uniform(below: 7)
      let v = (0..<n).map { _ in Int64(g.uniform(below: 4) == 0 ? 0 : 1 + g.uniform(below: 50)) }
      if v.allSatisfy({ $0 == 0 }) { continue }
      let h = Int64(g.uniform(below: 40))
      let w = weights(v)
      for m in allApportionmentMethods {
        let a = try m.apportion(w, total: h, ties: .inputOrder)
        #expect(a.amounts.reduce(0, +) == h)
        #expect(a.amounts.allSatisfy { $0 >= 0 })
        #expect(zip(a.amounts, v).allSatisfy { $1 > 0 || $0 == 0 }, "\(m.name) gave units to a zero weight")
      }
      for m in divisorMethods {
        #expect(try m.apportion(w, total: h, ties: .inputOrder).amounts == naiveDivisor(m, v, total: h))
      }
      // Hamilton stays within quota.
      let ham = try LargestRemainder().apportion(w, total: h, ties: .inputOrder)
      #expect(try ApportionmentCheck(ham, method: LargestRemainder()).isWithinQuota)
    }
  }

  @Test("divisor methods are house monotone")
  func houseMonotone() throws {
    var g = SeededGenerator(seed: 7)
    let divisorMethods: [DivisorMethod] = [.dhondt, .sainteLague, .swedishSainteLague, .huntingtonHill, .adams]
    for _ in 0..<200 {
      let n = 2 + g.uniform(below: 6)
      let w = weights((0..<n).map { _ in Int64(1 + g.uniform(below: 1000)) })
      for m in divisorMethods {
        var previous = try m.apportion(w, total: 0, ties: .inputOrder).amounts
        for h in Int64(1)...30 {
          let next = try m.apportion(w, total: h, ties: .inputOrder)
          #expect(zip(previous, next.amounts).allSatisfy { $0 <= $1 }, "\(m.name) at \(h)")
          #expect(try ApportionmentCheck(next, method: m).alabamaLosersAtNextTotal.isEmpty)
          previous = next.amounts
        }
      }
    }
  }

  @Test("independent of input order when there is no tie")
  func orderIndependence() throws {
    var g = SeededGenerator(seed: 8)
    for _ in 0..<500 {
      let n = 2 + g.uniform(below: 8)
      let v = (0..<n).map { _ in Int64(1 + g.uniform(below: 100_000)) }
      let h = Int64(g.uniform(below: 1000))
      var perm = Array(0..<n)
      g.shuffle(&perm)
      for m in allApportionmentMethods {
        guard let a = try? m.apportion(weights(v), total: h, ties: .error) else { continue }
        let b = try m.apportion(weights(perm.map { v[$0] }), total: h, ties: .error)
        #expect(perm.map { a.amounts[$0] } == b.amounts)
      }
    }
  }

  @Test("large totals: 10⁹ units over 10,000 recipients")
  func largeTotals() throws {
    var g = SeededGenerator(seed: 9)
    let w = weights((0..<10_000).map { _ in Int64(1 + g.uniform(below: 1_000_000)) })
    for m in allApportionmentMethods {
      let a = try m.apportion(w, total: 1_000_000_000, ties: .inputOrder)
      #expect(a.amounts.reduce(0, +) == 1_000_000_000)
      // Every amount is within a unit or two of its quota for these methods.
      let q = a.quotas
      for i in stride(from: 0, to: 10_000, by: 997) {
        let diff = (ExactFraction(a.amounts[i]) - q[i]).approximation
        #expect(abs(diff) < 2, "\(m.name) recipient \(i)")
      }
    }
  }
}
