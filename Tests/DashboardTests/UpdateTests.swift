import Dashboard
import Presentation
import Scoring
import Testing

@Suite struct UpdateTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func state() -> DashboardState { DashboardState(book: book, width: 120, height: 40) }

  func press(_ keys: [Key], _ s: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for k in keys { effects += Update.apply(.key(k), to: &s) }
    return effects
  }

  @Test func movesAndOpensTheDetail() {
    var s = state()
    _ = press([.down, .char("j"), .up], &s)
    #expect(s.selected == 1)
    _ = press([.char("G")], &s)
    #expect(s.selected == 4)
    _ = press([.down], &s)
    #expect(s.selected == 4)
    _ = press([.char("g"), .enter], &s)
    #expect(s.screen == .partner)
    #expect(s.detailPartner == 0)
    _ = press([.escape], &s)
    #expect(s.screen == .leaderboard)
  }

  @Test func sortKeysKeepTheSelectedPartner() {
    var s = state()
    _ = press([.down], &s)  // p4
    // `s` on the cursor's column (#, already sorted): reversed.
    _ = press([.char("s")], &s)
    #expect(s.leaderboard.sort == .rank && !s.leaderboard.ascending && s.selectedPartner == 4)
    _ = press([.char(">"), .char(">"), .char("s")], &s)  // movement, partner
    #expect(s.leaderboard.sort == .partner && s.leaderboard.ascending)
    #expect(s.selectedPartner == 4)
    _ = press([.char("S")], &s)
    #expect(!s.leaderboard.ascending)
    #expect(s.selectedPartner == 4)
  }

  @Test func periodChangeKeepsTheSelection() {
    var s = state()
    _ = press([.char("G")], &s)  // p1 at rank 5
    #expect(s.selectedPartner == 1)
    _ = press([.char("[")], &s)
    #expect(s.period == 0)
    #expect(s.selectedPartner == 1)
    // p3 has no data in 2026Q1: listed last, without a rank.
    #expect(s.leaderboard.count == 5 && s.leaderboard.withData == 4)
    #expect(s.leaderboard.partners.last == 3 && s.leaderboard.row(4).rank == nil)
    #expect(!s.leaderboard.hasData(4) && s.leaderboard.hasData(3))
    _ = press([.char("["), .char("]")], &s)
    #expect(s.period == 1)
  }

  @Test func reloadKeepsTheSelectedPartner() {
    var s = state()
    _ = press([.down, .down], &s)  // p2
    let newer = Synthetic.book([[10, 90, 10], [50, 40, 95], [70, 70, 71], [nil, 60, 60], [20, 85, 20]])
    Update.apply(.reloaded(newer), to: &s)
    #expect(s.period == 2)  // it was on the latest period: it follows the new latest
    #expect(s.selectedPartner == 2)
    #expect(s.message == "reloaded: the store changed")
  }

  @Test func searchFiltersAsYouTypeAndEscRestores() {
    var s = state()
    _ = press([.char("/"), .char("P")], &s)
    #expect(s.leaderboard.count == 5 && s.search?.text == "P")
    _ = press([.char("3")], &s)
    #expect(s.leaderboard.partners == [3] && s.selectedPartner == 3)
    _ = press([.enter], &s)
    #expect(
      s.search == nil && s.leaderboard.filter.text == "P3"
        && s.message == "1 partner matches \"P3\" (x clears)")
    // A new `/` starts empty: it searches what is typed, not the last text plus it.
    _ = press([.char("/")], &s)
    #expect(s.search?.text == "" && s.leaderboard.filter.text == "P3")
    _ = press([.escape], &s)
    // Esc puts back the filter that was there before `/`.
    _ = press([.char("/"), .backspace, .char("1")], &s)
    #expect(s.leaderboard.partners == [1])
    _ = press([.escape], &s)
    #expect(s.leaderboard.filter.text == "P3" && s.leaderboard.partners == [3])
    _ = press([.char("x"), .char("/"), .char("z"), .char("z"), .enter], &s)
    #expect(s.message == "no partner matches \"zz\"" && s.failed && s.leaderboard.count == 0)
    _ = press([.char("x")], &s)
    #expect(s.leaderboard.count == 5)
    // n and N still step through the matches of the last search.
    _ = press([.char("/"), .char("p"), .enter], &s)
    let first = s.selected
    _ = press([.char("n")], &s)
    #expect(s.selected == (first + 1) % 5)
    _ = press([.char("N")], &s)
    #expect(s.selected == first)
  }

  @Test func filterPanel() {
    var s = state()
    _ = press([.char("f"), .char("P"), .char("1")], &s)
    #expect(s.leaderboard.filter.text == "P1")
    #expect(s.leaderboard.count == 1)
    _ = press([.backspace, .backspace, .down, .right], &s)
    #expect(s.leaderboard.filter.segment == "a")
    _ = press([.enter], &s)
    #expect(s.filterPanel == nil)
    #expect(s.leaderboard.count == 3)
    _ = press([.char("x")], &s)
    #expect(s.leaderboard.filter.isEmpty)
  }

  @Test func quitHelpReloadExport() {
    var s = state()
    #expect(press([.char("q")], &s) == [.quit])
    #expect(press([.ctrlC], &s) == [.quit])
    #expect(press([.char("r")], &s) == [.reload])
    _ = press([.char("?")], &s)
    #expect(s.showHelp)
    _ = press([.escape], &s)
    #expect(!s.showHelp)
    guard case .export(let name, let csv) = press([.char("e"), .enter], &s).first else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-leaderboard-2026Q2.csv")
    #expect(csv.hasPrefix("rank,segment_rank,movement"))
  }

  @Test func tabAndNumbersSwitchScreens() {
    var s = state()
    _ = press([.tab], &s)
    #expect(s.screen == .overview)
    _ = press([.tab], &s)
    #expect(s.screen == .changes)
    _ = press([.tab], &s)
    #expect(s.screen == .trends)
    _ = press([.tab], &s)
    #expect(s.screen == .payouts)
    _ = press([.tab], &s)
    #expect(s.screen == .fairness)
    // No cohort: the program return next; no what-if loaded: back to the leaderboard.
    _ = press([.tab], &s)
    #expect(s.screen == .roi)
    _ = press([.tab], &s)
    #expect(s.screen == .leaderboard)
    _ = press([.char("t")], &s)
    #expect(s.screen == .trends)
    _ = press([.char("4")], &s)
    #expect(s.screen == .trends)
    _ = press([.char("3")], &s)
    #expect(s.screen == .overview)
    _ = press([.char("2")], &s)
    #expect(s.screen == .partner)
    _ = press([.char("1")], &s)
    #expect(s.screen == .leaderboard)
  }

  @Test func mouseClickSelectsAndDoubleClickOpens() {
    var s = state()
    Update.apply(.mouse(x: 10, y: Layout.leaderboardFirstRow + 2, action: .click), to: &s)
    #expect(s.selected == 2)
    Update.apply(.mouse(x: 10, y: Layout.leaderboardFirstRow + 1, action: .doubleClick), to: &s)
    #expect(s.screen == .partner)
    #expect(s.detailPartner == s.leaderboard.partners[1])
  }

  @Test func resizeKeepsTheSelectionVisible() {
    var s = state()
    _ = press([.char("G")], &s)
    Update.apply(.resize(width: 80, height: 24), to: &s)
    #expect(!s.tooSmall)
    #expect(s.tableHeight > 0)
    #expect(s.scroll <= s.selected && s.selected < s.scroll + s.tableHeight)
    // Below the minimum the view says so; the selection stays where it was.
    let selected = s.selected
    Update.apply(.resize(width: 80, height: 7), to: &s)
    #expect(s.tooSmall)
    #expect(s.selected == selected)
  }
}

/// `update` is the only way state changes, and it leaves every model fresh.
@Suite struct UpdateDerivesModelsTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  @Test func modelsFollowTheirInputs() {
    var s = DashboardState(book: book, width: 120, height: 40)
    #expect(s.detail == nil && s.overview == nil && s.trends == nil && s.qbrModel == nil)
    Update.apply(.command(.openPartner(1)), to: &s)
    #expect(s.screen == .partner)
    #expect(s.detail?.model?.partner.id == "p1")
    #expect(s.detail?.model?.period == book.periods[1])
    Update.apply(.key(.char("[")), to: &s)
    #expect(s.detail?.model?.period == book.periods[0])
    Update.apply(.command(.show(.overview)), to: &s)
    #expect(s.overview?.period == book.periods[0])
    Update.apply(.key(.char("]")), to: &s)
    #expect(s.overview?.period == book.periods[1])
    Update.apply(.command(.chooseKPI(0)), to: &s)
    Update.apply(.command(.show(.trends)), to: &s)
    #expect(s.trends?.period == 1)
    Update.apply(.command(.openQBR(2, standalone: false)), to: &s)
    #expect(s.qbrModel?.partner.id == "p2")
    Update.apply(.command(.qbrSlide(99)), to: &s)
    #expect(s.qbr?.slide == QBRModel.slideTitles.count - 1)
    // A reload with other scores rebuilds what is shown.
    let newer = Synthetic.book([[10, 90], [50, 40], [70, 99], [nil, 60], [20, 85]])
    Update.apply(.reloaded(newer), to: &s)
    #expect(s.qbrModel?.evaluation.score == 99)
  }

  /// Models built ahead on a copy are taken for screens not opened yet (that
  /// they draw what a first open draws is in `PrefetchScreenTests`); ones
  /// built for another period or book are dropped.
  @Test func prefetchedModelsAreWhatAFirstOpenBuilds() {
    var s = DashboardState(book: book, width: 120, height: 40)
    let ahead = s.preparedAhead()
    #expect(s.overview == nil && s.trends == nil && s.changesState.model == nil)
    Update.apply(.prefetched(ahead), to: &s)
    #expect(s.overview != nil && s.trends != nil && s.changesState.model != nil)
    #expect(s.payoutsState.model != nil && s.fairnessState.review != nil)
    #expect(s.screen == .leaderboard)
    // Built for another period: dropped.
    var moved = DashboardState(book: book, width: 120, height: 40)
    let stale = moved.preparedAhead()
    Update.apply(.key(.char("[")), to: &moved)
    Update.apply(.prefetched(stale), to: &moved)
    #expect(moved.overview == nil && moved.trends == nil)
    // Built from the book a reload replaced: dropped; the reload asks for another.
    var reloaded = DashboardState(book: book, width: 120, height: 40)
    let old = reloaded.preparedAhead()
    #expect(Update.apply(.reloaded(book), to: &reloaded) == [.prefetch])
    Update.apply(.prefetched(old), to: &reloaded)
    #expect(reloaded.overview == nil)
  }

  @Test func statusAndFailureAreDifferentEvents() {
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.status("exported 5 rows to /tmp/x.csv"), to: &s)
    #expect(s.message == "exported 5 rows to /tmp/x.csv" && !s.failed)
    Update.apply(.failed("export failed: disk full"), to: &s)
    #expect(s.message == "export failed: disk full" && s.failed)
    Update.apply(.key(.char("j")), to: &s)
    #expect(s.message == nil && !s.failed)
  }
}
