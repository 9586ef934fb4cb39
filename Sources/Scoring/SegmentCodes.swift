/// Each partner's segment as a small number (in order of first appearance),
/// so per-segment work indexes arrays instead of hashing strings.
public struct SegmentCodes: Sendable {
  /// Per partner: index into `ids`.
  public let of: [Int]
  public let ids: [String]

  public init(_ partners: [Partner]) {
    var of = [Int](repeating: 0, count: partners.count)
    var ids: [String] = []
    var code: [String: Int] = [:]
    for (i, partner) in partners.enumerated() {
      if let c = code[partner.segment] {
        of[i] = c
      } else {
        code[partner.segment] = ids.count
        of[i] = ids.count
        ids.append(partner.segment)
      }
    }
    self.of = of
    self.ids = ids
  }
}
