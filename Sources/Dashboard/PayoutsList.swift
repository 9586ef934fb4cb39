import Presentation
import Scoring

/// The Payouts screen's model: the agreements of one quarter (or of its
/// whole year, `y`), filtered like the leaderboard, the largest payout
/// first, with their subtotals; or the same agreements summed per partner
/// (`b`).
public struct PayoutsModel: Sendable {
  /// Every quarter that has agreements, oldest first.
  public let quarters: [Period]
  /// The quarter shown; nil when there are no agreements.
  public let quarter: Period?
  public let filter: LeaderboardFilter
  /// The period whose tiers and flags the filter reads.
  public let periodIndex: Int
  /// Every agreement of the quarter's year, not only the quarter's.
  public let wholeYear: Bool
  /// Rows are partners (their agreements summed), not agreements.
  public let byPartner: Bool
  public let results: [PayoutResult]
  /// Per result: the partner's index in the book (nil for an unknown id).
  public let partners: [Int?]
  /// With `byPartner`: the rows, and per row the partner's index in the book.
  public let partnerRows: [PartnerPayouts]
  public let partnerIndices: [Int?]
  public let totals: PayoutTotals

  public init(
    book: Scorebook, quarter: Period?, period t: Int, filter: LeaderboardFilter, wholeYear: Bool = false,
    byPartner: Bool = false
  ) {
    self.wholeYear = wholeYear
    self.byPartner = byPartner
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
      guard let quarter,
        wholeYear ? r.agreement.period.year == quarter.year : r.agreement.period == quarter
      else { return nil }
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
    partnerRows = byPartner ? PartnerPayouts.of(results) : []
    partnerIndices = partnerRows.map { index[$0.partnerID] }
  }

  /// Rows shown: partners with `byPartner`, else agreements.
  public var count: Int { byPartner ? partnerRows.count : results.count }

  /// The book's index of the partner on row `i`.
  public func partner(onRow i: Int) -> Int? {
    if byPartner { return partnerIndices.indices.contains(i) ? partnerIndices[i] : nil }
    return partners.indices.contains(i) ? partners[i] : nil
  }

  /// What the title calls the agreements shown: "2026Q4" or "2026 (full year)".
  public var scope: String {
    guard let quarter else { return "" }
    return wholeYear ? "\(quarter.year) (full year)" : quarter.description
  }

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
  /// `y`: every agreement of the quarter's year.
  public internal(set) var wholeYear = false
  /// `b`: one row per partner, its agreements summed.
  public internal(set) var byPartner = false
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
