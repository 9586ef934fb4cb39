import Presentation
import Scoring

/// Each partner's place in name, segment and region order, computed once per
/// scorebook on the first sort that needs it and shared by every leaderboard
/// built from that book: a sort then compares numbers, never strings
/// (100,000 partners sort in a few milliseconds).
public final class PartnerOrders: @unchecked Sendable {
  private let partners: [Partner]

  public init(_ partners: [Partner]) { self.partners = partners }

  /// Case-insensitive name order, as a sort by the partner column shows it
  /// (names equal but for case share a place: rank order breaks the tie).
  public private(set) lazy var name: [Int32] = Self.places(of: partners.map { $0.name.lowercased() })
  public private(set) lazy var segment: [Int32] = Self.places(of: partners.map(\.segment))
  public private(set) lazy var region: [Int32] = Self.places(of: partners.map(\.region))

  /// Equal texts share a place.
  static func places(of texts: [String]) -> [Int32] {
    let distinct = Array(Set(texts)).sorted()
    var code: [String: Int32] = [:]
    for (i, t) in distinct.enumerated() { code[t] = Int32(i) }
    return texts.map { code[$0]! }
  }
}
