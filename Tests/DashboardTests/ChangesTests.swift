import Dashboard
import Presentation
import Scoring
import Testing

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

/// `(` `)` and `:since`: the Changes screen against an earlier quarter.
@Suite struct ChangesSinceTests {
  // p0: Bronze 10, Silver 50, Gold 90; p1 Gold throughout.
  let book = Synthetic.book([[10, 50, 90], [90, 90, 90]])

  func promoted(_ s: DashboardState) -> [String] {
    let m = s.changesState.model!
    return m.changes.entries(.promoted).map {
      "\(book.partners[$0.partner].id) \(book.program.tiers[$0.fromTier!].name)"
    }
  }

  @Test func anEarlierQuarterByKeysAndCommand() {
    var s = DashboardState(book: book, width: 120, height: 40)
    Update.apply(.key(.char("5")), to: &s)
    #expect(promoted(s) == ["p0 Silver"] && s.changesState.model?.changes.previous?.description == "2026Q2")
    Update.apply(.key(.char("(")), to: &s)
    #expect(promoted(s) == ["p0 Bronze"] && s.message == "compared with 2026Q1")
    // Not before the first quarter.
    Update.apply(.key(.char("(")), to: &s)
    #expect(s.changesState.back == 2 && s.message == "compared with 2026Q1, the first quarter")
    Update.apply(.key(.char(")")), to: &s)
    #expect(promoted(s) == ["p0 Silver"])
    // :since from anywhere opens the screen.
    Update.apply(.key(.escape), to: &s)
    for c in ":since 2026q1" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.screen == .changes && promoted(s) == ["p0 Bronze"])
    // The offset stays as the quarter changes: at 2026Q2 it is the first quarter.
    Update.apply(.key(.char("[")), to: &s)
    #expect(s.changesState.model?.changes.previous?.description == "2026Q1")
    for c in ":since 2026Q3" { Update.apply(.key(.char(c)), to: &s) }
    Update.apply(.key(.enter), to: &s)
    #expect(s.failed && s.message == "2026Q3 is not before 2026Q2: :since takes an earlier quarter")
  }
}
