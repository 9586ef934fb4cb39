import Scoring
import TextLayout

/// Search by a piece of a partner's name or id, as `/` in the dashboard and
/// `partnerboard tier QUERY` do: case and accents do not matter, and Unicode
/// normalisation neither ("muller" and "MÜLLER" find "Müller").
public struct PartnerSearch: Sendable {
  public let query: String
  /// The query as `TextKeys.search` folds it.
  public let key: String

  public init(_ query: String) {
    self.query = query
    self.key = TextKeys.search(query)
  }

  public var isEmpty: Bool { key.isEmpty }

  public func matches(_ partner: Partner) -> Bool {
    key.isEmpty || TextKeys.search(partner.name).contains(key) || TextKeys.search(partner.id).contains(key)
  }
}
