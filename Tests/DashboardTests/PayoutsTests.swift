import Dashboard
import Presentation
import Scoring
import Testing

/// The Payouts screen (`6`, `$`): one quarter's agreements, its own quarter keys.
@Suite struct PayoutsScreenTests {
  static let book: Scorebook = {
    let scores: [[Double?]] = [[10, 90], [50, 40], [70, 70]]
    var observations: [Observation] = []
    var partners: [Partner] = []
    for (i, row) in scores.enumerated() {
      partners.append(Partner(id: "p\(i)", name: "P\(i)", segment: i % 2 == 0 ? "a" : "b", region: "EU"))
      for (t, v) in row.enumerated() where v != nil {
        observations.append(
          Observation(partnerID: "p\(i)", period: Period(year: 2026, quarter: t + 1), kpi: "v", value: v!))
      }
    }
    func q(_ n: Int) -> Period { Period(year: 2026, quarter: n) }
    let agreements = [
      // v 90 of 0..100: r 0.9, share 0.9: 900.00.
      Agreement(id: "A1", partnerID: "p0", kpi: "v", baseline: 0, target: 100, period: q(2), maxPayout: 1000),
      // v 40 of 0..80: r 0.5, half of 2,000 x attribution 0.5: 500.00.
      Agreement(
        id: "A2", partnerID: "p1", kpi: "v", baseline: 0, target: 80, period: q(2), maxPayout: 2000,
        attribution: 0.5),
      // v 70 of 50..100: r 0.4: 40.00.
      Agreement(id: "A3", partnerID: "p2", kpi: "v", baseline: 50, target: 100, period: q(1), maxPayout: 100),
      // After the data: the floor, 100.00; up to 1,000.00, so 900.00 still open.
      Agreement(
        id: "A4", partnerID: "p0", kpi: "v", baseline: 0, target: 100, period: q(3), maxPayout: 1000,
        floorShare: 0.1),
    ]
    return Scorebook(
      Dataset(
        program: Synthetic.program, partners: partners, observations: observations, agreements: agreements))
  }()

  func press(_ keys: [Key], _ s: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for k in keys { effects += Update.apply(.key(k), to: &s) }
    return effects
  }

  /// `y` the whole year, `b` one row per partner (hand sums of the agreements above).
  @Test func fullYearAndPerPartner() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    _ = press([.char("$"), .char("y")], &s)
    var m = s.payoutsState.model!
    #expect(m.scope == "2026 (full year)")
    #expect(m.results.map(\.agreement.id) == ["A1", "A2", "A4", "A3"])
    // 900 + 500 + 40 verified, A4's floor 100 pending with 900 still open.
    #expect(m.totals.verified == 1440 && m.totals.verifiedCount == 3)
    #expect(m.totals.pending == 100 && m.totals.stillOpen == 900 && m.totals.total == 1540)
    _ = press([.char("b")], &s)
    m = s.payoutsState.model!
    #expect(m.partnerRows.map(\.partnerID) == ["p0", "p1", "p2"])
    #expect(m.partnerRows.map(\.totals.total) == [1000, 500, 40])
    #expect(m.partnerRows[0].agreements == 2 && m.partnerRows[0].totals.stillOpen == 900)
    // Enter opens the partner of the row.
    _ = press([.char("j"), .enter], &s)
    #expect(s.screen == .partner && s.detailPartner == 1)
    // The export is the rows shown, named for the year and the grouping.
    _ = press([.escape, .char("$"), .char("e")], &s)
    #expect(s.payoutsState.byPartner && s.exportPrompt?.text == "partnerboard-payouts-2026-by-partner.csv")
    guard case .export(_, let csv) = press([.enter], &s).first else {
      Issue.record("no export")
      return
    }
    #expect(csv.contains("partner_id,name,agreements,verified,pending,still_open,total"))
    #expect(csv.contains("p0,P0,2,900.00,100.00,900.00,1000.00"))
    // Back to one quarter.
    _ = press([.char("y"), .char("b")], &s)
    #expect(s.payoutsState.model!.scope == "2026Q2" && s.payoutsState.model!.count == 2)
  }

  @Test func quartersTotalsOpenMaskAndExport() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    _ = press([.char("$")], &s)
    #expect(s.screen == .payouts)
    var m = s.payoutsState.model!
    #expect(m.quarters.map(\.description) == ["2026Q1", "2026Q2", "2026Q3"])
    #expect(m.quarter?.description == "2026Q2")
    #expect(m.results.map(\.agreement.id) == ["A1", "A2"])
    #expect(m.results.map(\.payout) == [900, 500])
    #expect(m.totals.verified == 1400 && m.totals.verifiedCount == 2 && m.totals.pendingCount == 0)
    _ = press([.char("]")], &s)
    m = s.payoutsState.model!
    #expect(m.results.map(\.agreement.id) == ["A4"])
    #expect(m.totals.pending == 100 && m.totals.stillOpen == 900 && m.results[0].maximum == 1000)
    _ = press([.char("]")], &s)
    #expect(
      s.message == "no later quarter with agreements" && s.payoutsState.quarter?.description == "2026Q3")
    #expect(s.period == 1)  // the dashboard's period does not move
    _ = press([.char("["), .char("[")], &s)
    #expect(s.payoutsState.model!.results.map(\.agreement.id) == ["A3"])
    _ = press([.char("]"), .down], &s)
    #expect(s.payoutsState.selected == 1)
    _ = press([.char("m")], &s)
    #expect(s.payoutsState.masked)
    guard case .export(let name, let csv) = press([.char("e"), .enter], &s).first else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-payouts-2026Q2.csv")
    #expect(csv.contains("A2,p1,P1,v,Value,2026Q2,40,0.5000,0.5000,2000.00,500.00,verified"))
    _ = press([.enter], &s)
    #expect(s.screen == .partner && s.detailPartner == 1)
  }

  @Test func filtersApply() {
    var s = DashboardState(book: Self.book, width: 120, height: 40)
    _ = press([.char("6")], &s)
    Update.apply(.command(.filterSegment("b")), to: &s)
    #expect(s.payoutsState.model!.results.map(\.agreement.id) == ["A2"])
    #expect(s.payoutsState.model!.totals.verified == 500)
  }

  @Test func noAgreementsIsAMessageNotACrash() {
    var s = DashboardState(book: Synthetic.book([[10, 20]]), width: 80, height: 24)
    _ = press([.char("6"), .down, .enter, .char("]"), .char("m")], &s)
    #expect(s.screen == .payouts && s.payoutsState.model?.count == 0)
  }
}
