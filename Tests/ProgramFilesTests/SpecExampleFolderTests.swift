import ProgramFiles
import Scoring
import Testing

/// SPEC section 9 from the data folder on disk, through the parsers: the same
/// figures as the hand-worked table.
@Suite struct SpecExampleFolderTests {
  let book: Scorebook

  init() throws {
    var issues: [DataIssue] = []
    let files = DataFiles.readFolder(Fixtures.specExample, issues: &issues)
    issues += ReferenceChecks.check(files, stored: StoredState())
    #expect(issues.isEmpty, "\(issues)")
    book = Scorebook(
      Dataset(
        program: files.program!, partners: files.partners!.rows, observations: files.metrics!.rows,
        adjustments: files.adjustments?.rows ?? [], agreements: files.agreements!.rows))
  }

  @Test func programAsWritten() {
    let p = book.program
    #expect(p.window == 2)
    #expect(p.gracePeriods == 1)
    #expect(p.kpis.map(\.id) == ["rev", "ttv", "nps"])
    #expect(p.kpis[0].effectiveTarget(for: "referral") == 120)
    #expect(p.kpis[0].effectiveTarget(for: "reseller") == 100)
    #expect(p.kpis[1].direction == .lower)
    #expect(p.kpis[2].rawWeight(for: "referral") == 0)
    #expect(p.tiers.map(\.minScore) == [0, 50, 80, 90])
    #expect(p.tiers[3].requirements == [Requirement(kpi: "ttv", value: 35)])
  }

  @Test func scoresTiersRanksAndSlopes() {
    // (quarter, partner, score, qualified, tier, grace, rank, movement, slope)
    let table: [(Int, String, Double, String, String, Int, Int, Int?, Double?)] = [
      (1, "A", 27.50, "base", "base", 0, 1, nil, nil),
      (2, "A", 50.63, "base", "base", 0, 2, -1, 23.13),
      (2, "B", 55.56, "silver", "silver", 0, 1, nil, nil),
      (3, "A", 89.79, "gold", "gold", 0, 1, 1, 31.15),
      (3, "B", 84.72, "gold", "gold", 0, 2, -1, 29.16),
      (4, "A", 70.83, "silver", "gold", 1, 2, -1, 16.92),
      (4, "B", 87.50, "gold", "gold", 0, 1, 1, 15.97),
    ]
    for (q, id, score, qualified, tier, grace, rank, movement, slope) in table {
      let p = book.partnerIndex(id: id)!
      let t = book.periodIndex(Period(year: 2026, quarter: q))!
      let e = book.evaluation(partner: p, period: t)!
      #expect(e.score == score, "\(id) 2026Q\(q)")
      #expect(e.qualifiedTier.id == qualified, "\(id) 2026Q\(q)")
      #expect(e.tier.id == tier, "\(id) 2026Q\(q)")
      #expect(e.grace == grace, "\(id) 2026Q\(q)")
      #expect(e.rank == rank, "\(id) 2026Q\(q)")
      #expect(e.movement == movement, "\(id) 2026Q\(q)")
      #expect(e.slope.map { specRound($0, 2) } == slope, "\(id) 2026Q\(q)")
    }
  }

  @Test func payoutsFromTheFile() {
    let r = book.payouts()
    #expect(r.map(\.payout) == [2750.00, 6800.00, 500.00])
    #expect(r.map(\.status) == [.verified, .verified, .pending])
    #expect(r[0].agreement.attribution == 0.5)
    #expect(r[0].agreement.floorShare == 0)  // empty field: default
    #expect(r[1].agreement.attribution == 1)  // empty field: default
  }
}
