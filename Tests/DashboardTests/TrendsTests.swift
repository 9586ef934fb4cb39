import Dashboard
import Presentation
import Scoring
import Testing

@Suite struct TrendsStateTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  @Test func chooseAKPIFilterAndOpenAMover() {
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.key(.char("t")), to: &s)
    let model = s.trends!
    #expect(model.kpi == 0)
    #expect(model.quarters.map(\.n) == [4, 5])
    #expect(model.quarters[1].median == 70)
    // Movers: p0 +80, p4 +65 improved; p1 -10 fell (p2 unchanged, p3 new).
    #expect(model.improved.map(\.partner) == [0, 4])
    #expect(model.fell.map(\.partner) == [1])
    Update.apply(.key(.char("m")), to: &s)
    #expect(s.trendsFocusOnMovers)
    Update.apply(.key(.down), to: &s)
    Update.apply(.key(.enter), to: &s)
    #expect(s.screen == .partner)
    #expect(s.detailPartner == 4)
    Update.apply(.key(.char("4")), to: &s)
    Update.apply(.key(.escape), to: &s)  // focus back on the KPI list
    #expect(!s.trendsFocusOnMovers)
    // A segment filter through the panel narrows the statistics.
    Update.apply(.key(.char("f")), to: &s)
    Update.apply(.key(.right), to: &s)
    Update.apply(.key(.enter), to: &s)
    #expect(s.trends!.filter.segment == "a")
    #expect(s.trends!.quarters[1].n == 3)
    guard let (name, csv) = exportByKeys(&s) else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-trends-v-2026Q2-segment-a.csv")
    #expect(csv.hasPrefix("kpi,period,n,missing,p25,median,p75,share_at_target,mean_credit\nv,2026Q1,"))
  }
}
