import Presentation
import Scoring
import Testing

@testable import Dashboard

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
    let managers: [String?] = ["Zoë", nil, "Ann", "ann"]
    for i in 0..<150 {
      let id = "p\(i)"
      let segment = i % 2 == 0 ? "a" : "b"
      partners.append(
        Partner(
          id: id, name: names[i % 5], segment: segment, region: regions[i % 3], manager: managers[i % 4]))
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
          case .manager: return book.partners[p].manager ?? ""
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

  @Test func aBookKeepsItsManagersPartnersAndSurvivesClearing() {
    let booked = Synthetic.book(
      [[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]],
      managers: (0..<5).map { $0 % 2 == 0 ? "Lucía Fernández" : "Marco Rossi" })
    var s = DashboardState(book: booked)
    Update.apply(.command(.book("Lucía Fernández")), to: &s)
    #expect(s.leaderboard.partners.map { booked.partners[$0].id }.sorted() == ["p0", "p2", "p4"])
    // `x` clears the filters, not the book.
    Update.apply(.key(.char("f")), to: &s)
    Update.apply(.key(.escape), to: &s)
    Update.apply(.command(.filterSegment("b")), to: &s)
    Update.apply(.key(.char("x")), to: &s)
    #expect(s.leaderboard.filter.manager == "Lucía Fernández")
    #expect(s.leaderboard.filter.segment == nil)
    #expect(s.leaderboard.count == 3)
    // `:manager marco` (the start of a word, accents and case aside) changes the book and asks to remember it.
    for c in ":manager marco" { Update.apply(.key(.char(c)), to: &s) }
    #expect(Update.apply(.key(.enter), to: &s) == [.rememberBook("Marco Rossi")])
    #expect(s.leaderboard.partners.map { booked.partners[$0].id }.sorted() == ["p1", "p3"])
    // The picker: type to find, Enter shows; "All partners" first.
    for c in ":manager" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.bookPicker?.choices == [nil, "Lucía Fernández", "Marco Rossi"])
    #expect(s.bookPicker?.cursor == 2)  // on the book shown
    for c in "LUCIA" { Update.apply(.key(.char(c)), to: &s) }
    #expect(s.bookPicker?.choices == ["Lucía Fernández"])
    #expect(Update.apply(.key(.enter), to: &s) == [.rememberBook("Lucía Fernández")])
    #expect(s.bookPicker == nil)
    #expect(s.leaderboard.count == 3)
    // An unknown manager is refused with the known ones.
    for c in ":manager nobody" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.message == "no manager is called \"nobody\" (managers: Lucía Fernández, Marco Rossi)")
    #expect(s.leaderboard.filter.manager == "Lucía Fernández")
    // Every partner again.
    for c in ":manager all" { Update.apply(.key(.char(c)), to: &s) }
    #expect(Update.apply(.key(.enter), to: &s) == [.rememberBook(nil)])
    #expect(s.leaderboard.count == 5)
  }

  @Test func csvExportAsFilteredAndSorted() {
    var f = LeaderboardFilter()
    f.segment = "b"
    let csv = LeaderboardModel(book: book, period: 1, filter: f).csv()
    #expect(
      csv == """
        rank,segment_rank,movement,partner_id,name,segment,region,manager,tier,score,change,at_risk,rising,grace,blocked
        4,1,new,p3,P3,b,EU,,t1,60.00,,false,false,0,false
        5,2,-3,p1,P1,b,NA,,t1,40.00,-10.00,true,false,1,false

        """)
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

/// `c` chooses columns (KPI values included); `<` `>` and `s` sort by the column under the cursor.
@Suite struct ColumnTests {
  let book = Synthetic.book([[10, 90], [50, 40], [70, 70], [nil, 60], [20, 85]])

  func press(_ keys: [Key], _ s: inout DashboardState) {
    for k in keys { Update.apply(.key(k), to: &s) }
  }

  @Test func defaultsFollowTheWidth() {
    // Names of two letters leave room at 80 columns: the KPI fills it.
    let narrow = DashboardState(book: book, width: 80, height: 24)
    #expect(
      narrow.visibleFields == [
        .column(.rank), .column(.movement), .column(.partner), .column(.segment),
        .column(.tier), .column(.score), .column(.change), .kpi(0), .column(.flags),
      ])
    let wide = DashboardState(book: book, width: 160, height: 40)
    #expect(wide.visibleFields.contains(.column(.region)) && wide.visibleFields.contains(.column(.trend)))
    // 220 columns: the spare width shows the program's KPI, before the flags.
    var huge = DashboardState(book: book, width: 220, height: 60)
    #expect(huge.visibleFields.suffix(2) == [.kpi(0), .column(.flags)])
    // Once the user chooses columns of KPIs, only those.
    Update.apply(.key(.char("c")), to: &huge)
    for _ in 0..<9 { Update.apply(.key(.down), to: &huge) }
    Update.apply(.key(.char(" ")), to: &huge)
    #expect(huge.columns.kpis == [0] && huge.visibleFields.filter { $0 == .kpi(0) }.count == 1)
  }

  /// The width rule: a name keeps at least 16 columns (the trend, then
  /// the region give way, never a column chosen with `c`), at most 40; the
  /// other columns are never narrowed.
  @Test func namesKeepTheirFloorAndTheirCeiling() {
    let program = Synthetic.program
    var choice = ColumnChoice()
    choice.toggle(kpi: 0)
    // 120 columns, names of 30: rank 5, move 5, segment 11, region 6, tier
    // 10, score 17, change 6, trend 8, KPI 8, flags 20 and 10 spaces leave
    // 12 for the name: the trend gives way (21).
    let (fields, name) = choice.layout(width: 120, program: program, longestName: 30)
    #expect(name >= ColumnChoice.nameFloor)
    #expect(!fields.contains(.column(.trend)) && fields.contains(.kpi(0)))
    let fixed = fields.compactMap { $0.width(screen: 120, program: program) }.reduce(0, +)
    #expect(2 + fixed + (fields.count - 1) + name <= 120)
    // Chosen with `c`, the trend stays; the region gives way instead.
    choice.toggle(.trend, width: 80)
    let (chosen, _) = choice.layout(width: 120, program: program, longestName: 30)
    #expect(chosen.contains(.column(.trend)))
    // 220 columns: at most 40 for a name, the rest to KPIs or left blank.
    let (_, wide) = ColumnChoice().layout(width: 220, program: program, longestName: 115)
    #expect(wide == ColumnChoice.nameCeiling)
  }

  @Test func chooseColumnsAndSortByAKPI() {
    var s = DashboardState(book: book, width: 80, height: 24)
    press([.char("c")], &s)
    #expect(s.columnPanel != nil)
    // Region is the third optional column: on. Then the first KPI: on.
    press([.down, .down, .char(" ")], &s)
    #expect(s.visibleFields.contains(.column(.region)))
    press([.down, .down, .down, .down, .down, .down, .down, .enter], &s)
    #expect(s.columns.kpis == [0])
    // Movement off.
    press([.home, .up, .up, .up, .up, .up, .up, .up, .up, .up, .char(" "), .escape], &s)
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
