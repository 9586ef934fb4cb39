import Dashboard
import Presentation
import Scoring
import Testing

/// The What-if and Fairness screens.
@Suite struct ProgramDesignScreenTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  /// The same data under a target of 200: every score halves.
  var halved: Scorebook {
    var program = Synthetic.program
    program.name = "Halved"
    program.kpis[0].basis = .absolute(target: 200, threshold: 0, targets: [:], thresholds: [:])
    return Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]], program: program)
  }

  @Test func whatIfListsLosersOpensAPartnerAndFollowsFilters() {
    var s = DashboardState(book: book, width: 120, height: 40)
    _ = Update.apply(.key(.char("8")), to: &s)
    #expect(s.screen == .leaderboard && s.message?.contains(":compare") == true)
    Update.apply(.otherProgram(halved, source: "halved.toml"), to: &s)
    #expect(s.screen == .whatIf)
    let m = s.whatIfState.model!
    // 2026Q2: 90 -> 45, 85 -> 42.5, 70 -> 35, 60 -> 30, 40 -> 20.
    #expect(m.winners.isEmpty)
    #expect(m.losers.map(\.partner) == [0, 4, 2, 3, 1])
    #expect(m.losers.map(\.change) == [-45, -42.5, -35, -30, -20])
    // Every halved score is below Silver's 50: all five (P1 held Silver in
    // grace) are Bronze under it.
    #expect(m.whatIf.tierChanges == 5)
    // Every one is named, first: Gold now before Silver now, then the smaller loss.
    #expect(m.changers.map(\.partner) == [4, 0, 1, 3, 2] && m.tierChangeCount == 5)
    #expect(m.list.prefix(5).map(\.partner) == [4, 0, 1, 3, 2])
    _ = Update.apply(.key(.enter), to: &s)
    #expect(s.screen == .partner && s.detailPartner == 4)
    let other = s.detail?.model?.other
    #expect(other?.program == "Halved" && other?.score == 42.5 && other?.tier == "Bronze")
    _ = Update.apply(.key(.escape), to: &s)
    #expect(s.screen == .whatIf)
    Update.apply(.command(.filterSegment("a")), to: &s)
    #expect(s.whatIfState.model!.losers.map(\.partner) == [0, 4, 2])
    guard let (name, csv) = exportByKeys(&s) else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-whatif-Halved-2026Q2-segment-a.csv")
    #expect(csv.contains("p0,P0,a,EU,90.00,45.00,-45.00,t2,t0,1,1,0,0"))
    // A reload scores the other program again.
    #expect(Update.apply(.reloaded(book), to: &s) == [.prefetch, .loadProgram(path: "halved.toml")])
    #expect(s.whatIfState.other == nil)
  }

  @Test func fairnessByGroupAndEnterFilters() {
    var s = DashboardState(book: book, width: 120, height: 40)
    _ = Update.apply(.key(.char("7")), to: &s)
    #expect(s.screen == .fairness)
    // 2026Q2, segment a: p0 90, p2 70, p4 85; b: p1 40, p3 60.
    let review = s.fairnessState.review!
    #expect(review.groups.map(\.id) == ["a", "b"])
    #expect(review.groups.map(\.median) == [85, 50])
    #expect(review.groups.map(\.gap) == [-35, 35])
    #expect(review.groups[1].flagged && !review.groups[0].flagged)
    _ = Update.apply(.key(.down), to: &s)
    _ = Update.apply(.key(.enter), to: &s)
    #expect(s.screen == .leaderboard && s.leaderboard.filter.segment == "b")
    _ = Update.apply(.key(.char("7")), to: &s)
    _ = Update.apply(.key(.char("b")), to: &s)
    #expect(s.fairnessState.review!.grouping == .region)
    #expect(s.fairnessState.review!.groups.map(\.id) == ["EU", "NA"])
  }
}
