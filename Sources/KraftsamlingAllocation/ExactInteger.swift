import KraftsamlingCore
import KraftsamlingIndex
import KraftsamlingInsatser

/// An arbitrary-precision signed integer used by the allocation stage for
/// exact decisions (Method of Equal Shares budgets, exact quotas).
///
/// Small values live inline as an `Int64` and never allocate; larger values
/// fall back to a little-endian array of 32-bit limbs. Only the operations
/// that exact allocation needs are provided: addition, subtraction,
/// multiplication, truncating division with remainder, comparison and the
/// greatest common divisor.
///
/// - Complexity: O(1) for small values; schoolbook O(*m*·*n*) for
///   multiplication and Knuth's algorithm D for division of *m*- and
///   *n*-limb values.
struct ExactInteger: Sendable, Hashable, Comparable, CustomStringConvertible {
  enum Storage: Sendable, Hashable {
    case small(Int64)
    /// Magnitude without trailing zero limbs; never fits in `Int64`.
    case large(negative: Bool, magnitude: [UInt32])
  }
  var storage: Storage

  init(_ value: Int64) { storage = .small(value) }
  init(_ value: Int) { storage = .small(Int64(value)) }
  init(_ value: UInt64) {
    if value <= UInt64(Int64.max) {
      storage = .small(Int64(value))
    } else {
      storage = .large(negative: false, magnitude: [UInt32(truncatingIfNeeded: value), UInt32(value >> 32)])
    }
  }

  /// An integer from a sign and a magnitude (normalised).
  init(negative: Bool, magnitude: [UInt32]) {
    var m = magnitude
    while let last = m.last, last == 0 { m.removeLast() }
    if m.count <= 2 {
      let v = m.isEmpty ? 0 : (m.count == 1 ? UInt64(m[0]) : UInt64(m[0]) | UInt64(m[1]) << 32)
      if !negative && v <= UInt64(Int64.max) {
        storage = .small(Int64(v))
        return
      }
      if negative && v <= UInt64(Int64.max) + 1 {
        storage = .small(v == UInt64(Int64.max) + 1 ? Int64.min : -Int64(v))
        return
      }
    }
    storage = .large(negative: negative, magnitude: m)
  }

  /// The product of two unsigned 64-bit values, exactly.
  init(product a: UInt64, _ b: UInt64) {
    let p = a.multipliedFullWidth(by: b)
    self.init(negative: false, magnitude: [
      UInt32(truncatingIfNeeded: p.low), UInt32(truncatingIfNeeded: p.low >> 32),
      UInt32(truncatingIfNeeded: p.high), UInt32(truncatingIfNeeded: p.high >> 32),
    ])
  }

  /// An unsigned 128-bit value given as (high, low).
  init(high: UInt64, low: UInt64) {
    if high == 0 {
      self.init(low)
    } else {
      self.init(negative: false, magnitude: [
        UInt32(truncatingIfNeeded: low), UInt32(truncatingIfNeeded: low >> 32),
        UInt32(truncatingIfNeeded: high), UInt32(truncatingIfNeeded: high >> 32),
      ])
    }
  }

  static let zero = ExactInteger(Int64(0))
  static let one = ExactInteger(Int64(1))

  var isNegative: Bool {
    switch storage {
    case .small(let v): v < 0
    case .large(let n, _): n
    }
  }
  var isZero: Bool {
    if case .small(let v) = storage { return v == 0 }
    return false
  }
  /// The value as `Int64`, if it fits.
  var int64: Int64? {
    if case .small(let v) = storage { return v }
    return nil
  }

  var parts: (negative: Bool, magnitude: [UInt32]) {
    switch storage {
    case .small(let v):
      let m = v.magnitude
      var limbs: [UInt32] = []
      if m != 0 { limbs.append(UInt32(truncatingIfNeeded: m)) }
      if m >> 32 != 0 { limbs.append(UInt32(truncatingIfNeeded: m >> 32)) }
      return (v < 0, limbs)
    case .large(let n, let m): return (n, m)
    }
  }

  /// The approximate value as a `Double` (for display only, never for decisions).
  var doubleValue: Double {
    switch storage {
    case .small(let v): return Double(v)
    case .large(let n, let m):
      var d = 0.0
      for limb in m.reversed() { d = d * 4_294_967_296.0 + Double(limb) }
      return n ? -d : d
    }
  }

  static prefix func - (x: ExactInteger) -> ExactInteger {
    if case .small(let v) = x.storage, v != Int64.min { return ExactInteger(-v) }
    let p = x.parts
    return ExactInteger(negative: !p.negative && !p.magnitude.isEmpty, magnitude: p.magnitude)
  }

  static func + (a: ExactInteger, b: ExactInteger) -> ExactInteger {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (s, o) = x.addingReportingOverflow(y)
      if !o { return ExactInteger(s) }
    }
    let pa = a.parts, pb = b.parts
    if pa.negative == pb.negative {
      return ExactInteger(negative: pa.negative, magnitude: Self.addMagnitudes(pa.magnitude, pb.magnitude))
    }
    let c = Self.compareMagnitudes(pa.magnitude, pb.magnitude)
    if c == 0 { return .zero }
    if c > 0 {
      return ExactInteger(negative: pa.negative, magnitude: Self.subtractMagnitudes(pa.magnitude, pb.magnitude))
    }
    return ExactInteger(negative: pb.negative, magnitude: Self.subtractMagnitudes(pb.magnitude, pa.magnitude))
  }

  static func - (a: ExactInteger, b: ExactInteger) -> ExactInteger {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (s, o) = x.subtractingReportingOverflow(y)
      if !o { return ExactInteger(s) }
    }
    return a + (-b)
  }

  static func * (a: ExactInteger, b: ExactInteger) -> ExactInteger {
    if case .small(let x) = a.storage, case .small(let y) = b.storage {
      let (p, o) = x.multipliedReportingOverflow(by: y)
      if !o { return ExactInteger(p) }
    }
    let pa = a.parts, pb = b.parts
    if pa.magnitude.isEmpty || pb.magnitude.isEmpty { return .zero }
    return ExactInteger(negative: pa.negative != pb.negative, magnitude: Self.multiplyMagnitudes(pa.magnitude, pb.magnitude))
  }

  /// Truncating division: `self = q·d + r` with `|r| < |d|` and `r` having
  /// the sign of `self`.
  /// - Precondition: `d != 0`.
  func quotientAndRemainder(dividingBy d: ExactInteger) -> (quotient: ExactInteger, remainder: ExactInteger) {
    precondition(!d.isZero, "division by zero")
    if case .small(let x) = storage, case .small(let y) = d.storage, !(x == Int64.min && y == -1) {
      return (ExactInteger(x / y), ExactInteger(x % y))
    }
    let pa = parts, pb = d.parts
    let (q, r) = Self.divideMagnitudes(pa.magnitude, pb.magnitude)
    return (
      ExactInteger(negative: pa.negative != pb.negative, magnitude: q),
      ExactInteger(negative: pa.negative, magnitude: r)
    )
  }

  /// Floor division for a positive divisor.
  func floorDivided(by d: ExactInteger) -> ExactInteger {
    let (q, r) = quotientAndRemainder(dividingBy: d)
    if r.isNegative != d.isNegative && !r.isZero { return q - .one }
    return q
  }

  /// The greatest common divisor (non-negative).
  static func gcd(_ a: ExactInteger, _ b: ExactInteger) -> ExactInteger {
    if case .small(let x) = a.storage, case .small(let y) = b.storage, x != Int64.min, y != Int64.min {
      var p = x.magnitude, q = y.magnitude
      while q != 0 { (p, q) = (q, p % q) }
      return ExactInteger(p)
    }
    var p = a.isNegative ? -a : a
    var q = b.isNegative ? -b : b
    while !q.isZero { (p, q) = (q, p.quotientAndRemainder(dividingBy: q).remainder) }
    return p
  }

  static func < (a: ExactInteger, b: ExactInteger) -> Bool {
    if case .small(let x) = a.storage, case .small(let y) = b.storage { return x < y }
    let pa = a.parts, pb = b.parts
    if pa.negative != pb.negative { return pa.negative }
    let c = compareMagnitudes(pa.magnitude, pb.magnitude)
    return pa.negative ? c > 0 : c < 0
  }

  var description: String {
    if case .small(let v) = storage { return String(v) }
    var p = parts
    var chunks: [UInt32] = []
    while !p.magnitude.isEmpty {
      let (q, r) = Self.divideMagnitude(p.magnitude, by: 1_000_000_000)
      chunks.append(r)
      p.magnitude = q
    }
    var text = String(chunks.last ?? 0)
    for c in chunks.dropLast().reversed() {
      let s = String(c)
      text += String(repeating: "0", count: 9 - s.count) + s
    }
    return (p.negative ? "-" : "") + text
  }

  // MARK: magnitudes

  static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    var i = a.count - 1
    while i >= 0 {
      if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
      i -= 1
    }
    return 0
  }

  static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    let (x, y) = a.count >= b.count ? (a, b) : (b, a)
    var out = [UInt32](repeating: 0, count: x.count + 1)
    var carry: UInt64 = 0
    for i in 0..<x.count {
      let s = UInt64(x[i]) + (i < y.count ? UInt64(y[i]) : 0) + carry
      out[i] = UInt32(truncatingIfNeeded: s)
      carry = s >> 32
    }
    out[x.count] = UInt32(carry)
    return out
  }

  /// `a - b` for `a >= b`.
  static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out = a
    var borrow: Int64 = 0
    for i in 0..<a.count {
      var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
      if d < 0 {
        d += 1 << 32
        borrow = 1
      } else {
        borrow = 0
      }
      out[i] = UInt32(d)
    }
    while let last = out.last, last == 0 { out.removeLast() }
    return out
  }

  static func multiplyMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
    var out = [UInt32](repeating: 0, count: a.count + b.count)
    for i in 0..<a.count {
      var carry: UInt64 = 0
      let ai = UInt64(a[i])
      if ai == 0 { continue }
      for j in 0..<b.count {
        let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
        out[i + j] = UInt32(truncatingIfNeeded: t)
        carry = t >> 32
      }
      var k = i + b.count
      while carry != 0 {
        let t = UInt64(out[k]) + carry
        out[k] = UInt32(truncatingIfNeeded: t)
        carry = t >> 32
        k += 1
      }
    }
    while let last = out.last, last == 0 { out.removeLast() }
    return out
  }

  static func divideMagnitude(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
    var q = [UInt32](repeating: 0, count: a.count)
    var r: UInt64 = 0
    var i = a.count - 1
    while i >= 0 {
      let cur = (r << 32) | UInt64(a[i])
      q[i] = UInt32(cur / UInt64(d))
      r = cur % UInt64(d)
      i -= 1
    }
    while let last = q.last, last == 0 { q.removeLast() }
    return (q, UInt32(r))
  }

  /// Knuth, TAOCP vol. 2, §4.3.1, algorithm D.
  static func divideMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
    if compareMagnitudes(a, b) < 0 { return ([], a) }
    if b.count == 1 {
      let (q, r) = divideMagnitude(a, by: b[0])
      return (q, r == 0 ? [] : [r])
    }
    let s = UInt32(b.last!.leadingZeroBitCount)
    let v = shiftLeft(b, s)
    var u = shiftLeft(a, s)
    if u.count == a.count { u.append(0) }
    let n = v.count, m = u.count - n
    var q = [UInt32](repeating: 0, count: m)
    let vTop = UInt64(v[n - 1]), vNext = UInt64(v[n - 2])
    var j = m - 1
    while j >= 0 {
      let num = (UInt64(u[j + n]) << 32) | UInt64(u[j + n - 1])
      var qhat = num / vTop
      var rhat = num % vTop
      while qhat >= (1 << 32) || qhat * vNext > ((rhat << 32) | UInt64(u[j + n - 2])) {
        qhat -= 1
        rhat += vTop
        if rhat >= (1 << 32) { break }
      }
      var borrow: Int64 = 0
      var carry: UInt64 = 0
      for i in 0..<n {
        let p = qhat * UInt64(v[i]) + carry
        carry = p >> 32
        let t = Int64(u[i + j]) - borrow - Int64(p & 0xFFFF_FFFF)
        u[i + j] = UInt32(truncatingIfNeeded: t)
        borrow = t < 0 ? 1 : 0
      }
      let t = Int64(u[j + n]) - borrow - Int64(carry)
      u[j + n] = UInt32(truncatingIfNeeded: t)
      if t < 0 {
        qhat -= 1
        var c: UInt64 = 0
        for i in 0..<n {
          let s2 = UInt64(u[i + j]) + UInt64(v[i]) + c
          u[i + j] = UInt32(truncatingIfNeeded: s2)
          c = s2 >> 32
        }
        u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + c)
      }
      q[j] = UInt32(qhat)
      j -= 1
    }
    while let last = q.last, last == 0 { q.removeLast() }
    var r = shiftRight(Array(u[0..<n]), s)
    while let last = r.last, last == 0 { r.removeLast() }
    return (q, r)
  }

  private static func shiftLeft(_ a: [UInt32], _ s: UInt32) -> [UInt32] {
    if s == 0 { return a }
    var out = [UInt32](repeating: 0, count: a.count + 1)
    for i in 0..<a.count {
      out[i] |= a[i] << s
      out[i + 1] = a[i] >> (32 - s)
    }
    while let last = out.last, last == 0 { out.removeLast() }
    return out
  }

  private static func shiftRight(_ a: [UInt32], _ s: UInt32) -> [UInt32] {
    if s == 0 { return a }
    var out = [UInt32](repeating: 0, count: a.count)
    for i in 0..<a.count {
      out[i] = a[i] >> s
      if i + 1 < a.count { out[i] |= a[i + 1] << (32 - s) }
    }
    return out
  }
}
