/// Regions are free text in partners.csv: "EMEA", "Emea" and "emea" (and the
/// same letters composed or decomposed) are one region. The one rule for the
/// --region filter, the fairness review's groups and the check that a
/// region exists.
public enum RegionKey {
  /// The key regions are compared by: lowercased; Swift's String equality
  /// and hashing already treat canonically equivalent text (NFC, NFD) as one.
  public static func key(_ region: String) -> String { region.lowercased() }

  /// The distinct regions of `regions` as one spelling each: the most
  /// common (ties: the first in code-point order), in code-point order.
  public static func spellings(_ regions: [String]) -> [String] {
    var counts: [String: [String: Int]] = [:]
    for r in regions { counts[key(r), default: [:]][r, default: 0] += 1 }
    let precedes = { (a: String, b: String) in a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }
    return counts.values.map { spelled in
      spelled.min { a, b in a.value != b.value ? a.value > b.value : precedes(a.key, b.key) }!.key
    }.sorted(by: precedes)
  }

  /// `wanted` names one of `regions`.
  public static func contains(_ regions: [String], _ wanted: String) -> Bool {
    let k = key(wanted)
    return regions.contains { key($0) == k }
  }
}
