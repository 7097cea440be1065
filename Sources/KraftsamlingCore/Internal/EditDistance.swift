/// The optimal-string-alignment (restricted Damerau–Levenshtein) distance
/// between two strings: insertions, deletions, substitutions and swaps of
/// two adjacent characters each cost 1.
///
/// - Complexity: O(*m*·*n*) time, O(*n*) memory.
package func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a)
  let y = Array(b)
  if x.isEmpty { return y.count }
  if y.isEmpty { return x.count }
  var prev2 = [Int](repeating: 0, count: y.count + 1)
  var prev = Array(0...y.count)
  var cur = [Int](repeating: 0, count: y.count + 1)
  for i in 1...x.count {
    cur[0] = i
    for j in 1...y.count {
      let cost = x[i - 1] == y[j - 1] ? 0 : 1
      var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] {
        v = min(v, prev2[j - 2] + 1)
      }
      cur[j] = v
    }
    swap(&prev2, &prev)
    swap(&prev, &cur)
  }
  return prev[y.count]
}

/// The key under which names are compared: case-folded, with runs of
/// white space collapsed and leading/trailing space removed. Letters keep
/// their diacritics (å, ä, ö are distinct letters in Swedish), and Swift's
/// string comparison already treats NFC and NFD spellings as equal.
func nameKey(_ s: String) -> String {
  s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
