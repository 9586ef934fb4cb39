/// SPEC section 6: order and rank of partners at one period.
public enum Ranking {
  /// Score descending, then name in Unicode code-point order, then id.
  public static func precedes(
    _ a: (score: Double, name: String, id: String), _ b: (score: Double, name: String, id: String)
  ) -> Bool {
    if a.score != b.score { return a.score > b.score }
    if a.name != b.name { return a.name.unicodeScalars.lexicographicallyPrecedes(b.name.unicodeScalars) }
    return a.id.unicodeScalars.lexicographicallyPrecedes(b.id.unicodeScalars)
  }

  /// Rank = 1 + the number of strictly higher scores, for scores already in
  /// descending order (ties share a rank).
  public static func ranks(ofDescending scores: [Double]) -> [Int] {
    var ranks = [Int](repeating: 0, count: scores.count)
    for i in scores.indices {
      ranks[i] = (i > 0 && scores[i] == scores[i - 1]) ? ranks[i - 1] : i + 1
    }
    return ranks
  }
}
