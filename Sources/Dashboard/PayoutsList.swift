import Presentation
import Scoring

/// The Payouts screen's model: the agreements of one quarter, filtered like
/// the leaderboard, the largest payout first, with their subtotals.
public struct PayoutsModel: Sendable {
  /// Every quarter that has agreements, oldest first.
  public let quarters: [Period]
  /// The quarter shown; nil when there are no agreements.
  public let quarter: Period?
  public let filter: LeaderboardFilter
  /// The period whose tiers and flags the filter reads.
  public let periodIndex: Int
  public let results: [PayoutResult]
  /// Per result: the partner's index in the book (nil for an unknown id).
  public let partners: [Int?]
  public let totals: PayoutTotals

  public init(book: Scorebook, quarter: Period?, period t: Int, filter: LeaderboardFilter) {
    let all = book.payouts()
    quarters = Array(Set(all.map(\.agreement.period))).sorted()
    self.quarter = quarter
    self.filter = filter
    periodIndex = t
    let search = PartnerSearch(filter.text)
    let partnerFilter = filter.partners
    var index: [String: Int] = [:]
    for (i, p) in book.partners.enumerated() { index[p.id] = i }
    let chosen = all.compactMap { r -> (PayoutResult, Int?)? in
      guard r.agreement.period == quarter else { return nil }
      let p = index[r.agreement.partnerID]
      if !filter.isEmpty {
        guard let p, search.matches(book.partners[p]), book.matches(p, t, partnerFilter) else { return nil }
      }
      return (r, p)
    }
    .sorted { a, b in a.0.payout != b.0.payout ? a.0.payout > b.0.payout : a.0.agreement.id < b.0.agreement.id
    }
    results = chosen.map(\.0)
    partners = chosen.map(\.1)
    totals = PayoutTotals(results)
  }

  public var count: Int { results.count }

  /// The quarter to show first: the latest with agreements up to `period`,
  /// else the first with any.
  public static func defaultQuarter(_ quarters: [Period], period: Period?) -> Period? {
    if let period, let q = quarters.last(where: { $0 <= period }) { return q }
    return quarters.first
  }

  /// The rows as CSV, as filtered (`e` export).
  public func csv(book: Scorebook) -> String { PayoutCSV.document(results, book: book) }
}

/// The Payouts screen: its quarter (agreements can lie after the data, so
/// it is not the dashboard's period), the selection, masking, the model.
public struct PayoutsState: Sendable {
  public internal(set) var quarter: Period?
  public internal(set) var selected = 0
  public internal(set) var scroll = 0
  /// Amounts hidden for a shared screen (`m`).
  public internal(set) var masked = false
  public internal(set) var model: PayoutsModel?

  /// Rows of the table that fit a screen `height` rows tall (title, totals,
  /// column titles, two lines for the selected agreement, status bar).
  public static func visibleRows(height: Int) -> Int { max(1, height - 6) }

  mutating func select(_ i: Int, height: Int) {
    let n = model?.count ?? 0
    selected = max(0, min(i, n - 1))
    let visible = Self.visibleRows(height: height)
    if selected < scroll { scroll = selected }
    if selected >= scroll + visible { scroll = selected - visible + 1 }
    scroll = max(0, min(scroll, max(0, n - visible)))
  }
}
