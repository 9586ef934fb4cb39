import Dashboard
import Presentation
import Scoring
import Testing

/// A synthetic program: one KPI, scores = value, so tests can place partners.
enum Synthetic {
  static let program = Program(
    name: "Synthetic", currency: "EUR", window: 1, gracePeriods: 1,
    segments: [Segment(id: "a", name: "A"), Segment(id: "b", name: "B")],
    kpis: [
      KPI(
        id: "v", name: "Value", category: .performance, indicator: .lagging, unit: .score, aggregate: .last,
        basis: .absolute(target: 100, threshold: 0, targets: [:], thresholds: [:]), weight: 1)
    ],
    tiers: [
      Tier(id: "t0", name: "Bronze", minScore: 0), Tier(id: "t1", name: "Silver", minScore: 50),
      Tier(id: "t2", name: "Gold", minScore: 80),
    ],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  /// `scores[p][t]` (nil = no observation), partner names "P<i>".
  static func book(_ scores: [[Double?]], regions: [String]? = nil, program: Program = program) -> Scorebook {
    var partners: [Partner] = []
    var observations: [Observation] = []
    for (i, row) in scores.enumerated() {
      let id = "p\(i)"
      partners.append(
        Partner(
          id: id, name: "P\(i)", segment: i % 2 == 0 ? "a" : "b",
          region: regions?[i] ?? (i % 3 == 0 ? "EU" : "NA")))
      for (t, v) in row.enumerated() {
        if let v {
          observations.append(
            Observation(partnerID: id, period: Period(year: 2026, quarter: t + 1), kpi: "v", value: v))
        }
      }
    }
    return Scorebook(Dataset(program: program, partners: partners, observations: observations))
  }
}

@Suite struct LeaderboardModelTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  @Test func rankOrderByDefault() {
    let m = LeaderboardModel(book: book, period: 1)
    #expect(m.partners.map { book.partners[$0].id } == ["p0", "p4", "p2", "p3", "p1"])
    let r = m.row(0)
    #expect(r.rank == 1)
    #expect(r.movement == 3)  // rank 4 of 4 in 2026Q1, first now
    #expect(r.change == 80)
    #expect(r.tierName == "Gold")
    #expect(r.history == [10, 90])
    #expect(m.row(3).movement == nil)
    #expect(m.row(3).change == nil)
  }

  @Test func sortByColumnsAndReverse() {
    let byName = LeaderboardModel(book: book, period: 1, sort: .partner)
    #expect(byName.partners.map { book.partners[$0].name } == ["P0", "P1", "P2", "P3", "P4"])
    let byChange = LeaderboardModel(book: book, period: 1, sort: .change)
    #expect(byChange.partners.map { book.partners[$0].id } == ["p0", "p4", "p2", "p1", "p3"])
    let reversed = LeaderboardModel(book: book, period: 1, sort: .score, ascending: false)
    #expect(reversed.partners.map { book.partners[$0].id } == ["p1", "p3", "p2", "p4", "p0"])
  }

  /// Every column in both directions, on ties (few distinct scores, names
  /// equal but for case): the same order as a plain sort by the column's
  /// value with rank order breaking ties (the model sorts numbers, from
  /// precomputed text orders, counts when there are few distinct values, and
  /// reverses score order in one pass).
  @Test func everySortEqualsAPlainSortWithRankTies() {
    var partners: [Partner] = []
    var observations: [Observation] = []
    let names = ["Acme", "acme", "Zed 1", "Zed 2", "zed 1"]
    let regions = ["EU", "NA", "APAC"]
    for i in 0..<150 {
      let id = "p\(i)"
      let segment = i % 2 == 0 ? "a" : "b"
      partners.append(Partner(id: id, name: names[i % 5], segment: segment, region: regions[i % 3]))
      // Few distinct scores (ties), but more than 64 distinct changes, so
      // both the counting sort and the comparison sort are used.
      let first = Double(i % 7) * 13 + Double(i % 5)
      let second = Double((i * 7) % 11) * 9
      observations.append(
        Observation(partnerID: id, period: Period(year: 2026, quarter: 1), kpi: "v", value: first))
      observations.append(
        Observation(partnerID: id, period: Period(year: 2026, quarter: 2), kpi: "v", value: second))
    }
    let book = Scorebook(Dataset(program: Synthetic.program, partners: partners, observations: observations))
    let t = 1
    let rankOrder = book.order[t]
    for column in LeaderboardColumn.allCases where column.sortable {
      for ascending in [true, false] {
        func text(_ p: Int) -> String? {
          switch column {
          case .partner: return book.partners[p].name.lowercased()
          case .segment: return book.partners[p].segment
          case .region: return book.partners[p].region
          default: return nil
          }
        }
        func number(_ p: Int) -> Double {
          switch column {
          case .movement: return Double(-(book.movement(p, t) ?? Int.min / 2))
          case .tier: return Double(-book.tier(p, t)!)
          case .change: return book.score(p, t - 1).map { -(book.score(p, t)! - $0) } ?? .infinity
          case .flags:
            let f = book.outlook(p, t)!
            var flags = 0.0
            if f.atRisk { flags += 8 }
            if book.grace(p, t) > 0 { flags += 4 }
            if book.blocked(p, t) != nil { flags += 2 }
            if f.rising { flags += 1 }
            return -flags
          default: return -book.score(p, t)!
          }
        }
        let expected = rankOrder.enumerated().sorted { a, b in
          if let x = text(a.1), let y = text(b.1), x != y { return ascending ? x < y : y < x }
          if text(a.1) == nil, number(a.1) != number(b.1) {
            return ascending ? number(a.1) < number(b.1) : number(b.1) < number(a.1)
          }
          return a.0 < b.0
        }.map(\.1)
        let model = LeaderboardModel(book: book, period: t, sort: column, ascending: ascending)
        #expect(Array(model.partners.prefix(model.withData)) == expected, "\(column) \(ascending)")
      }
    }
  }

  @Test func filters() {
    var f = LeaderboardFilter()
    f.segment = "b"
    #expect(
      LeaderboardModel(book: book, period: 1, filter: f).partners.map { book.partners[$0].id } == [
        "p3", "p1",
      ])
    f = LeaderboardFilter()
    f.tier = "t2"
    #expect(LeaderboardModel(book: book, period: 1, filter: f).count == 2)
    f = LeaderboardFilter()
    f.text = "p2"
    #expect(LeaderboardModel(book: book, period: 1, filter: f).partners == [2])
    f = LeaderboardFilter()
    f.region = "EU"
    #expect(Set(LeaderboardModel(book: book, period: 1, filter: f).partners) == [0, 3])
  }

  @Test func csvExportAsFilteredAndSorted() {
    var f = LeaderboardFilter()
    f.segment = "b"
    let csv = LeaderboardModel(book: book, period: 1, filter: f).csv()
    #expect(
      csv == """
        rank,segment_rank,movement,partner_id,name,segment,region,tier,score,change,at_risk,rising,grace,blocked
        4,1,new,p3,P3,b,EU,t1,60.00,,false,false,0,false
        5,2,-3,p1,P1,b,NA,t1,40.00,-10.00,true,false,1,false

        """)
  }
}

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
    #expect(s.search == nil && s.leaderboard.filter.text == "P3" && s.message == "1 match \"P3\" (x clears)")
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
    guard
      case .export(let name, let csv) =
        (Update.apply(.key(.char("e")), to: &s) + Update.apply(.key(.enter), to: &s)).first
    else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-trends-v-2026Q2-segment-a.csv")
    #expect(csv.hasPrefix("kpi,period,n,missing,p25,median,p75,share_at_target,mean_credit\nv,2026Q1,"))
  }
}

@Suite struct PagingTests {
  @Test func hundredThousandPartners() {
    let n = 100_000
    var scores: [[Double?]] = []
    scores.reserveCapacity(n)
    for i in 0..<n {
      let a = Double(i % 1000) / 10
      let b = Double((i * 7) % 1000) / 10
      scores.append([a, b])
    }
    let book = Synthetic.book(scores)
    var s = DashboardState(book: book, width: 120, height: 40)
    #expect(s.leaderboard.count == n)
    Update.apply(.key(.pageDown), to: &s)
    #expect(s.selected == s.tableHeight)
    Update.apply(.key(.char("G")), to: &s)
    #expect(s.selected == n - 1)
    #expect(s.scroll == n - s.tableHeight)
    Update.apply(.key(.pageUp), to: &s)
    #expect(s.selected == n - 1 - s.tableHeight)
    // Ranks are non-decreasing down the table.
    let ranks = (s.scroll..<s.scroll + s.tableHeight).compactMap { s.leaderboard.row($0).rank }
    #expect(ranks == ranks.sorted())
  }
}

@Suite struct OverviewTests {
  @Test func distributionTransitionsMoversAndRisk() {
    let book = Synthetic.book([[10, 90], [90, 40], [70, 70], [nil, 60], [85, 20]])
    let o = OverviewModel(book: book, period: 1)
    #expect(o.evaluated == 5)
    #expect(o.tierCounts == [0, 2, 3])  // p1 and p4 keep Gold in grace
    #expect(o.transitions[0][2] == 1)  // p0 bronze -> gold
    #expect(o.risers.first?.partner.id == "p0")
    #expect(o.fallers.map(\.partner.id).contains("p4"))
    #expect(o.atRisk.map(\.partner.id).contains("p1"))
    #expect(o.segments.map(\.partners) == [3, 2])
  }
}

@Suite struct ExportNameTests {
  @Test func idsBecomeSafeSlugs() {
    #expect(FileSlug.of("../../etc/passwd") == "etc-passwd")
    #expect(FileSlug.of("..") == "partner")
    #expect(FileSlug.of("/abs/path") == "abs-path")
    #expect(FileSlug.of("Müller & Co") == "M-ller-Co")
    #expect(FileSlug.of(".hidden") == "hidden")
    #expect(FileSlug.of("a..b") == "a.b")
    #expect(FileSlug.of(String(repeating: "x", count: 100)).count == 60)
    #expect(FileSlug.of("P-001_x.y") == "P-001_x.y")
  }

  @Test func aPartnerExportNeverLeavesTheFolder() {
    var partners = [Partner(id: "../../../tmp/evil", name: "=HYPERLINK(\"x\")", segment: "a", region: "EU")]
    partners.append(Partner(id: "ok", name: "Ok", segment: "b", region: "EU"))
    let observations = [
      Observation(partnerID: partners[0].id, period: Period(year: 2026, quarter: 1), kpi: "v", value: 10),
      Observation(partnerID: "ok", period: Period(year: 2026, quarter: 1), kpi: "v", value: 20),
    ]
    let book = Scorebook(Dataset(program: Synthetic.program, partners: partners, observations: observations))
    var s = DashboardState(book: book, width: 120, height: 40)
    let row = s.leaderboard.partners.firstIndex(of: 0)!
    for _ in 0..<row { Update.apply(.key(.down), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.detailPartner == 0)
    guard
      case .export(let name, _) =
        (Update.apply(.key(.char("e")), to: &s) + Update.apply(.key(.enter), to: &s)).first
    else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-tmp-evil-2026Q1.csv")
    #expect(!name.contains("/"))
    // The leaderboard's export: the formula name is text in a spreadsheet.
    Update.apply(.key(.escape), to: &s)
    guard
      case .export(_, let csv) = (Update.apply(.key(.char("e")), to: &s) + Update.apply(.key(.enter), to: &s))
        .first
    else {
      Issue.record("no leaderboard export")
      return
    }
    #expect(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "\(csv)")
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

/// The Changes screen (`5`): sections as lines, moving over partners only.
@Suite struct ChangesScreenTests {
  // At 2026Q2: p0 and p4 promoted to Gold, p1 keeps Silver in grace (and is
  // at risk), p3 is new; nothing on track or blocked.
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func press(_ keys: [Key], _ s: inout DashboardState) -> [Effect] {
    var effects: [Effect] = []
    for k in keys { effects += Update.apply(.key(k), to: &s) }
    return effects
  }

  func id(_ s: DashboardState) -> String {
    let m = s.changesState.model!
    return book.partners[m.changes.entries[s.changesState.selected].partner].id
  }

  @Test func sectionsMoveOpenAndExport() {
    var s = DashboardState(book: book, width: 120, height: 40)
    _ = press([.char("5")], &s)
    #expect(s.screen == .changes)
    let m = s.changesState.model!
    #expect(
      m.changes.entries.map { "\($0.kind.rawValue):\(book.partners[$0.partner].id)" } == [
        "promoted:p0", "promoted:p4", "entered_grace:p1", "new:p3", "at_risk:p1",
      ])
    // One title line per section, entries under their own.
    #expect(m.lines.count == Changes.Kind.allCases.count + 5)
    #expect(m.lines[0] == .section(.promoted, count: 2) && m.lines[1] == .entry(0))
    #expect(id(s) == "p0")
    _ = press([.down, .down], &s)
    #expect(id(s) == "p1" && m.changes.entries[s.changesState.selected].kind == .enteredGrace)
    _ = press([.char("}")], &s)
    #expect(id(s) == "p3")
    _ = press([.char("{")], &s)
    #expect(id(s) == "p1")
    _ = press([.char("{")], &s)
    #expect(id(s) == "p0")
    _ = press([.char("G")], &s)
    #expect(id(s) == "p1" && s.changesState.selected == 4)
    _ = press([.down], &s)
    #expect(s.changesState.selected == 4)
    _ = press([.enter], &s)
    #expect(s.screen == .partner && s.detailPartner == 1)
    _ = press([.escape, .char("5")], &s)
    guard case .export(let name, let csv) = press([.char("e"), .enter], &s).first else {
      Issue.record("no export")
      return
    }
    #expect(name == "partnerboard-changes-2026Q2.csv")
    #expect(
      csv.contains(
        "entered_grace,p1,P1,b,NA,t1,t1,40.00,\"keeps Silver in grace 1 of 1, qualifies for Bronze, 10.00 points to keep it\""
      ))
  }

  @Test func filtersAndPeriodsRebuildTheListKeepingTheSelection() {
    var s = DashboardState(book: book, width: 120, height: 40)
    _ = press([.char("5"), .down, .down], &s)
    #expect(id(s) == "p1")
    // Segment b holds p1 and p3.
    Update.apply(.command(.filterSegment("b")), to: &s)
    #expect(s.changesState.model!.changes.entries.map { book.partners[$0.partner].id } == ["p1", "p3", "p1"])
    #expect(id(s) == "p1")
    _ = press([.char("x")], &s)
    #expect(s.changesState.model!.count == 5)
    // 2026Q1: the first quarter: everyone with data is new, p3 has none.
    _ = press([.char("[")], &s)
    let first = s.changesState.model!.changes
    #expect(first.previous == nil)
    #expect(
      first.entries.map { "\($0.kind.rawValue):\(book.partners[$0.partner].id)" } == [
        "new:p2", "new:p1", "new:p4", "new:p0", "no_data:p3",
      ])
  }

  @Test func scrollingKeepsTheSelectionAndItsSectionTitleVisible() {
    let many = Synthetic.book((0..<40).map { i in [Double(i), Double(i) + 60] })
    var s = DashboardState(book: many, width: 80, height: 24)
    _ = press([.char("5")], &s)
    let visible = ChangesState.visibleLines(height: 24)
    for _ in 0..<30 {
      _ = press([.down], &s)
      let line = s.changesState.model!.lineOfEntry[s.changesState.selected]
      #expect(line >= s.changesState.scroll && line < s.changesState.scroll + visible)
    }
    _ = press([.char("g")], &s)
    #expect(s.changesState.scroll == 0)
  }

  @Test func flagFilterAndPartnersWithoutData() {
    var s = DashboardState(book: book, period: 0, width: 120, height: 40)
    // 2026Q1: p3 has no data; listed last, and found by search.
    #expect(s.leaderboard.partners.last == 3 && !s.leaderboard.hasData(4))
    _ = press([.char("/"), .char("P"), .char("3"), .enter], &s)
    #expect(s.selectedPartner == 3)
    // A flag filter keeps the partners with the flag, and none without data.
    var t = DashboardState(book: book, width: 120, height: 40)
    _ = press([.char("f"), .up], &t)
    #expect(t.filterPanel?.field == .flag)
    _ = press([.right], &t)
    #expect(t.leaderboard.filter.flag == .atRisk)
    #expect(t.leaderboard.partners == [1])
    _ = press([.right, .right, .right], &t)  // rising, blocked, in grace
    #expect(t.leaderboard.filter.flag == .inGrace && t.leaderboard.partners == [1])
    _ = press([.right], &t)
    #expect(t.leaderboard.filter.flag == .changedTier)
    #expect(Set(t.leaderboard.partners) == [0, 4])
  }
}

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

/// The `:` command line: parsing, completion, and what running a line does.
@Suite struct CommandPromptTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func parse(_ text: String) -> LineCommand? { try? CommandPrompt.parse(text, book: book).get() }
  func error(_ text: String) -> String? {
    if case .failure(let e) = CommandPrompt.parse(text, book: book) { return e.message }
    return nil
  }

  @Test func parsesCommandsAndShortenings() {
    #expect(parse("seg a") == .segment("a"))
    #expect(parse("segment all") == .segment(nil))
    #expect(parse("tier Gold") == .tier("t2"))
    #expect(parse("region eu") == .region("EU"))
    #expect(parse("flag at_risk") == .flag(.atRisk))
    #expect(parse("period 2026q1") == .period(Period(year: 2026, quarter: 1)))
    #expect(parse("sort score desc") == .sort(.score, descending: true))
    #expect(parse("sort part") == .sort(.partner, descending: false))
    #expect(parse("q") == .quit && parse("quit") == .quit)
    #expect(parse("compare next year.toml") == .compare(path: "next year.toml"))
    #expect(parse("fairness region") == .fairness(.region))
    #expect(parse("export top.csv") == .export("top.csv"))
    #expect(parse("pay") == .show(.payouts))
    #expect(error("period 2030Q1") == "2030Q1 is outside the data (2026Q1..2026Q2)")
    #expect(error("c") == "\"c\" could be compare, clear, changes")
    #expect(error("frobnicate")?.hasPrefix("unknown command \"frobnicate\"") == true)
    #expect(error("segment z") == "unknown segment \"z\" (known: a, b)")
    #expect(error("compare")?.contains("needs a program file") == true)
    #expect(error("sort trend")?.hasPrefix(":sort takes a column") == true)
  }

  @Test func tabCompletesWordsAndIds() {
    #expect(CommandPrompt.complete("se", book: book).text == "segment ")
    let ids = CommandPrompt.complete("segment ", book: book)
    #expect(ids.candidates == ["a", "b", "all"] && ids.text == "segment ")
    #expect(CommandPrompt.complete("tier t", book: book).text == "tier t")
    #expect(CommandPrompt.complete("tier t2", book: book).text == "tier t2")
    #expect(CommandPrompt.complete("per", book: book).text == "period ")
    #expect(CommandPrompt.complete("period 2026Q", book: book).candidates == ["2026Q1", "2026Q2"])
    let two = CommandPrompt.complete("c", book: book)
    #expect(two.candidates == ["compare", "clear", "changes"] && two.text == "c")
    // :compare completes paths: folders, then .toml files in them.
    let files: (String) -> [String] = { prefix in
      [
        "sample-data/", "scripts/", "sample-data/program.toml", "sample-data/volume-program.toml",
        "sample-data/partners.csv",
      ]
      .filter { path in
        // Direct children of the typed folder, as the file system lists them.
        guard path.hasPrefix(prefix), path != prefix else { return false }
        let rest = path.dropFirst(prefix.count)
        return !rest.dropLast().contains("/")
          && !(prefix.isEmpty == false && !prefix.hasSuffix("/") && rest.contains("/")
            && !rest.hasSuffix("/"))
      }
    }
    #expect(CommandPrompt.complete("compare sam", book: book, paths: files).text == "compare sample-data/")
    let tomls = CommandPrompt.complete("compare sample-data/", book: book, paths: files)
    #expect(tomls.candidates == ["program.toml", "volume-program.toml"])
    #expect(
      CommandPrompt.complete("compare sample-data/v", book: book, paths: files).text
        == "compare sample-data/volume-program.toml")
  }

  @Test func runningALine() {
    var s = DashboardState(book: book, width: 120, height: 40)
    func type(_ text: String) -> [Effect] {
      var effects = Update.apply(.key(.char(":")), to: &s)
      for c in text { effects += Update.apply(.key(.char(c)), to: &s) }
      return effects + Update.apply(.key(.enter), to: &s)
    }
    _ = type("segment b")
    #expect(s.leaderboard.filter.segment == "b" && s.commandLine == nil)
    _ = type("clear")
    #expect(s.leaderboard.filter.isEmpty)
    _ = type("period 2026Q1")
    #expect(s.period == 0)
    _ = type("nope")
    #expect(s.failed && s.message?.hasPrefix("unknown command") == true)
    #expect(type("compare volume.toml") == [.loadProgram(path: "volume.toml")])
    #expect(type("q") == [.quit])
    guard case .export(let name, _) = type("export mine").first else {
      Issue.record("no export")
      return
    }
    #expect(name == "mine.csv")
    // Tab, Backspace, Esc.
    _ = Update.apply(.key(.char(":")), to: &s)
    _ = Update.apply(.key(.char("t")), to: &s)
    _ = Update.apply(.key(.tab), to: &s)
    #expect(s.commandLine?.candidates == ["tier", "trends"])
    _ = Update.apply(.key(.escape), to: &s)
    #expect(s.commandLine == nil)
    _ = Update.apply(.key(.char(":")), to: &s)
    _ = Update.apply(.key(.backspace), to: &s)
    #expect(s.commandLine == nil)
  }
}

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
    _ = Update.apply(.key(.down), to: &s)
    _ = Update.apply(.key(.enter), to: &s)
    #expect(s.screen == .partner && s.detailPartner == 4)
    let other = s.detail?.model?.other
    #expect(other?.program == "Halved" && other?.score == 42.5 && other?.tier == "Bronze")
    _ = Update.apply(.key(.escape), to: &s)
    #expect(s.screen == .whatIf)
    Update.apply(.command(.filterSegment("a")), to: &s)
    #expect(s.whatIfState.model!.losers.map(\.partner) == [0, 4, 2])
    guard
      case .export(let name, let csv) =
        (Update.apply(.key(.char("e")), to: &s) + Update.apply(.key(.enter), to: &s)).first
    else {
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

/// `e`: a prompt with the view's name; Tab cycles csv, md, json; the file
/// carries the view's period and filters.
@Suite struct ExportPromptTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  @Test func nameFormatAndContext() throws {
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.command(.filterSegment("a")), to: &s)
    #expect(Update.apply(.key(.char("e")), to: &s).isEmpty)
    #expect(s.exportPrompt?.text == "partnerboard-leaderboard-2026Q2-segment-a.csv")
    _ = Update.apply(.key(.tab), to: &s)
    #expect(s.exportPrompt?.text == "partnerboard-leaderboard-2026Q2-segment-a.md")
    guard case .export(let md, let markdown) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(md == "partnerboard-leaderboard-2026Q2-segment-a.md" && s.exportPrompt == nil)
    #expect(
      markdown.hasPrefix("# Leaderboard\n\n- program: Synthetic\n- period: 2026Q2\n- segment: a\n\n| rank |"))
    // P0 rose from 4th to 1st: movement 3.
    #expect(
      markdown.contains("| 1 | 1 | 3 | p0 | P0 | a | EU | t2 | 90.00 | 80.00 | false | false | 0 | false |"))
    #expect(markdown.contains("| rank | segment\\_rank |"))
    // JSON: a name typed by hand, numbers as numbers.
    _ = Update.apply(.key(.char("e")), to: &s)
    for _ in 0..<60 { _ = Update.apply(.key(.backspace), to: &s) }
    for c in "top.json" { _ = Update.apply(.key(.char(c)), to: &s) }
    guard case .export(let name, let json) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(name == "top.json")
    #expect(
      json.hasPrefix(
        "{\"view\": \"Leaderboard\", \"program\": \"Synthetic\", \"period\": \"2026Q2\", \"segment\": \"a\", \"rows\": [{\"rank\": 1,"
      ))
    #expect(json.contains("\"partner_id\": \"p0\", \"name\": \"P0\""))
    #expect(json.contains("\"movement\": 3,") && json.contains("\"at_risk\": false"))
    // No extension: CSV. Esc cancels.
    _ = Update.apply(.key(.char("e")), to: &s)
    for _ in 0..<60 { _ = Update.apply(.key(.backspace), to: &s) }
    for c in "plain" { _ = Update.apply(.key(.char(c)), to: &s) }
    guard case .export(let plain, _) = Update.apply(.key(.enter), to: &s).first else {
      Issue.record("no export")
      return
    }
    #expect(plain == "plain.csv")
    _ = Update.apply(.key(.char("e")), to: &s)
    #expect(
      Update.apply(.key(.escape), to: &s).isEmpty && s.exportPrompt == nil && s.message == "export cancelled")
  }
}

/// `c` chooses columns (KPI values included); `<` `>` and `s` sort by the column under the cursor.
@Suite struct ColumnTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func press(_ keys: [Key], _ s: inout DashboardState) {
    for k in keys { Update.apply(.key(k), to: &s) }
  }

  @Test func defaultsFollowTheWidth() {
    let narrow = DashboardState(book: book, width: 80, height: 24)
    #expect(
      narrow.visibleFields == [
        .column(.rank), .column(.movement), .column(.partner), .column(.segment),
        .column(.tier), .column(.score), .column(.change), .column(.flags),
      ])
    let wide = DashboardState(book: book, width: 160, height: 40)
    #expect(wide.visibleFields.contains(.column(.region)) && wide.visibleFields.contains(.column(.trend)))
    // 220 columns: the spare width shows the program's KPI, before the flags.
    var huge = DashboardState(book: book, width: 220, height: 60)
    #expect(huge.visibleFields.suffix(2) == [.kpi(0), .column(.flags)])
    // Once the user chooses columns of KPIs, only those.
    Update.apply(.key(.char("c")), to: &huge)
    for _ in 0..<8 { Update.apply(.key(.down), to: &huge) }
    Update.apply(.key(.char(" ")), to: &huge)
    #expect(huge.columns.kpis == [0] && huge.visibleFields.filter { $0 == .kpi(0) }.count == 1)
  }

  @Test func chooseColumnsAndSortByAKPI() {
    var s = DashboardState(book: book, width: 80, height: 24)
    press([.char("c")], &s)
    #expect(s.columnPanel != nil)
    // Region is the third optional column: on. Then the first KPI: on.
    press([.down, .down, .char(" ")], &s)
    #expect(s.visibleFields.contains(.column(.region)))
    press([.down, .down, .down, .down, .down, .down, .enter], &s)
    #expect(s.columns.kpis == [0])
    // Movement off.
    press([.home, .up, .up, .up, .up, .up, .up, .up, .up, .char(" "), .escape], &s)
    #expect(s.columnPanel == nil && !s.visibleFields.contains(.column(.movement)))
    #expect(s.visibleFields.last == .column(.flags) && s.visibleFields.dropLast().last == .kpi(0))
    // Cursor to the KPI column and sort: the value, best first (higher is better).
    let kpiColumn = s.visibleFields.firstIndex(of: .kpi(0))!
    press(Array(repeating: .char(">"), count: kpiColumn) + [.char("s")], &s)
    #expect(s.leaderboard.sortKPI == 0 && s.leaderboard.sortTitle == "Value")
    // 2026Q2 values: p0 90, p4 85, p2 70, p3 60, p1 40.
    #expect(s.leaderboard.partners == [0, 4, 2, 3, 1])
    press([.char("s")], &s)
    #expect(s.leaderboard.partners == [1, 3, 2, 4, 0] && !s.leaderboard.ascending)
    // Sorting by a column of its own ends the KPI sort.
    press([.char("<"), .char("<"), .char("<"), .char("s")], &s)
    #expect(s.leaderboard.sortKPI == nil)
  }
}
