import Presentation
import Scoring
import Testing

/// The changes list (`Changes`), worked by hand: on SPEC section 9's example
/// and on a fixture of our own with a demotion through grace, a promotion,
/// a blocked partner, a rising one, a new one and one without data.
@Suite struct ChangesTests {
  typealias Kind = Changes.Kind

  /// Section -> partner ids, in the list's order; empty sections left out.
  static func sections(_ c: Changes, _ book: Scorebook) -> [Kind: [String]] {
    var out: [Kind: [String]] = [:]
    for e in c.entries { out[e.kind, default: []].append(book.partners[e.partner].id) }
    return out
  }

  @Test func specExampleQuarterByQuarter() {
    let book = Scorebook(SpecExample.dataset)
    // 2026Q1: A is new (base, 27.50); B has no data until 2026Q2.
    let q1 = Changes(book: book, period: 0)
    #expect(q1.previous == nil)
    #expect(Self.sections(q1, book) == [.new: ["A"], .noData: ["B"]])
    #expect(q1.entries(.noData)[0].firstData == SpecExample.q(2))
    #expect(ChangeText.reason(q1.entries(.new)[0], book: book) == "starts at Base")

    // 2026Q2: B is new at silver. A (50.63, slope 23.13: projected 73.76
    // >= silver's 50) has the score for silver but nps 15 < 20: blocked.
    let q2 = Changes(book: book, period: 1)
    #expect(Self.sections(q2, book) == [.new: ["B"], .blocked: ["A"]])
    let blocked = q2.entries(.blocked)[0]
    #expect(blocked.nextTier == 1 && blocked.unmet.map(\.kpi.id) == ["nps"])
    #expect(specRound(blocked.unmet[0].current!, 2) == 15)
    #expect(ChangeText.reason(blocked, book: book) == "Silver needs NPS >= 20 (now 15)")

    // 2026Q3: A base -> gold, B silver -> gold; both reach platinum's 90
    // by projection but ttv 42.5 > 35: blocked.
    let q3 = Changes(book: book, period: 2)
    #expect(Self.sections(q3, book) == [.promoted: ["A", "B"], .blocked: ["A", "B"]])
    #expect(q3.entries(.promoted).map(\.fromTier) == [0, 1])
    #expect(ChangeText.reason(q3.entries(.promoted)[1], book: book) == "Silver → Gold")
    #expect(ChangeText.reason(q3.entries(.promoted)[1], book: book, unicode: false) == "Silver -> Gold")

    // 2026Q4: A enters grace at gold (qualifies silver, keep gap 9.17) and
    // is at risk; B (87.50, projected 103.47 >= 90, ttv 32.5 <= 35) is on track.
    let q4 = Changes(book: book, period: 3)
    #expect(
      Self.sections(q4, book) == [.enteredGrace: ["A"], .atRisk: ["A"], .onTrack: ["B"]])
    #expect(
      ChangeText.reason(q4.entries(.enteredGrace)[0], book: book)
        == "keeps Gold in grace 1 of 1, qualifies for Silver, 9.17 points to keep it")
    #expect(ChangeText.reason(q4.entries(.atRisk)[0], book: book) == "in grace 1 of 1")
    #expect(ChangeText.reason(q4.entries(.onTrack)[0], book: book) == "projected 103.5 ≥ Platinum 90")
  }

  /// window 1, grace 1; rev (sum, 0..100, weight 3) and cert (mean, 0..4,
  /// weight 1): score = 75 c(rev) + 25 c(cert). Tiers base 0, silver 40,
  /// gold 70 with cert >= 2.
  static let program = Program(
    name: "Own", currency: "EUR", window: 1, gracePeriods: 1,
    segments: [Segment(id: "msp", name: "MSP")],
    kpis: [
      KPI(
        id: "rev", name: "Revenue", category: .performance, indicator: .lagging, unit: .currency,
        aggregate: .sum, basis: .absolute(target: 100, threshold: 0, targets: [:], thresholds: [:]), weight: 3
      ),
      KPI(
        id: "cert", name: "Certified staff", category: .capability, indicator: .leading, unit: .count,
        aggregate: .mean, basis: .absolute(target: 4, threshold: 0, targets: [:], thresholds: [:]), weight: 1),
    ],
    tiers: [
      Tier(id: "base", name: "Base", minScore: 0),
      Tier(id: "silver", name: "Silver", minScore: 40),
      Tier(id: "gold", name: "Gold", minScore: 70, requirements: [Requirement(kpi: "cert", value: 2)]),
    ],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  static let book: Scorebook = {
    // (partner, quarter, rev, cert)
    let rows: [(String, Int, Double, Double)] = [
      ("D", 1, 100, 4), ("D", 2, 40, 4), ("D", 3, 40, 4),  // 100 gold; 55 grace; 55 silver
      ("P", 1, 40, 4), ("P", 2, 80, 4), ("P", 3, 80, 4),  // 55 silver; 85 gold; 85 gold
      ("K", 1, 100, 1), ("K", 2, 100, 1), ("K", 3, 100, 1),  // 81.25 each, held at silver by cert
      ("R", 1, 20, 4), ("R", 2, 40, 4), ("R", 3, 52, 4),  // 40, 55, 64: rising to gold
      ("N", 3, 60, 0),  // 45 silver, new at Q3
    ]
    var observations: [Observation] = []
    for (id, q, rev, cert) in rows {
      observations.append(Observation(partnerID: id, period: SpecExample.q(q), kpi: "rev", value: rev))
      observations.append(Observation(partnerID: id, period: SpecExample.q(q), kpi: "cert", value: cert))
    }
    let names = [
      "D": "Delta Demoted", "P": "Papa Promoted", "K": "Kilo Blocked", "R": "Romeo Rising",
      "N": "November New", "Z": "Zulu Nodata",
    ]
    return Scorebook(
      Dataset(
        program: program,
        partners: names.keys.sorted().map {
          Partner(id: $0, name: names[$0]!, segment: "msp", region: "EMEA")
        },
        observations: observations, agreements: []))
  }()

  @Test func ownFixtureQuarter2() {
    let book = Self.book
    // Scores: P 85, K 81.25, D 55, R 55 (D before R by name).
    let c = Changes(book: book, period: 1)
    #expect(
      Self.sections(c, book) == [
        .promoted: ["P"], .enteredGrace: ["D"], .noData: ["N", "Z"], .atRisk: ["D"], .onTrack: ["R"],
        .blocked: ["K"],
      ])
    #expect(c.entries(.noData).map(\.firstData) == [SpecExample.q(3), nil])
    #expect(
      c.entries(.noData).map { ChangeText.reason($0, book: book) } == ["first data in 2026Q3", "no data yet"])
    // D: 55 against gold's 70 keeps gold one quarter: 15 points to keep it.
    #expect(
      ChangeText.reason(c.entries(.enteredGrace)[0], book: book)
        == "keeps Gold in grace 1 of 1, qualifies for Silver, 15.00 points to keep it")
    // R: 40 -> 55, slope 15, projected 70 >= gold's 70 with cert 4 >= 2.
    #expect(ChangeText.reason(c.entries(.onTrack)[0], book: book) == "projected 70.0 ≥ Gold 70")
    // K: 81.25 reaches gold's 70; cert 1 < 2.
    #expect(
      ChangeText.reason(c.entries(.blocked)[0], book: book) == "Gold needs Certified staff >= 2 (now 1)")
  }

  @Test func ownFixtureQuarter3() {
    let book = Self.book
    let c = Changes(book: book, period: 2)
    // D: a second shortfall with grace 1: gold -> silver, out of grace;
    // slope of 100, 55, 55 is -22.5: projected 32.5 < silver's 40.
    #expect(
      Self.sections(c, book) == [
        .demoted: ["D"], .leftGrace: ["D"], .new: ["N"], .noData: ["Z"], .atRisk: ["D"], .onTrack: ["R"],
        .blocked: ["K"],
      ])
    #expect(ChangeText.reason(c.entries(.demoted)[0], book: book) == "Gold → Silver")
    #expect(ChangeText.reason(c.entries(.leftGrace)[0], book: book) == "grace ran out: Gold → Silver")
    #expect(c.entries(.leftGrace)[0].grace == 1)
    #expect(ChangeText.reason(c.entries(.atRisk)[0], book: book) == "projected 32.5 < 40")
    #expect(ChangeText.reason(c.entries(.new)[0], book: book) == "starts at Silver")
    // R: 40, 55, 64: slope 12, projected 76.
    #expect(ChangeText.reason(c.entries(.onTrack)[0], book: book) == "projected 76.0 ≥ Gold 70")
  }

  /// `since`: Q3 against Q1 (two back). Tiers at Q1: D gold (100), P
  /// silver (55), K silver (81.25, held by cert), R silver (40); N had no
  /// data. At Q3: D silver, P gold, K silver, R silver, N silver. D's
  /// grace came and went between the two: neither entered nor left here.
  @Test func sinceAnEarlierQuarter() {
    let book = Self.book
    let c = Changes(book: book, period: 2, since: 0)
    #expect(c.previous == SpecExample.q(1) && c.since == SpecExample.q(1))
    #expect(
      Self.sections(c, book) == [
        .promoted: ["P"], .demoted: ["D"], .new: ["N"], .noData: ["Z"], .atRisk: ["D"], .onTrack: ["R"],
        .blocked: ["K"],
      ])
    #expect(ChangeText.reason(c.entries(.promoted)[0], book: book) == "Silver → Gold")
    #expect(ChangeText.reason(c.entries(.demoted)[0], book: book) == "Gold → Silver")
    #expect(ChangeText.meaning(.promoted, since: c.since) == "tier above 2026Q1's")
    #expect(ChangeText.meaning(.new, since: c.since) == "first evaluated after 2026Q1")
    // The quarter before is the default, and `since` it is the same list.
    let before = Changes(book: book, period: 2, since: 1)
    #expect(before.since == nil && before.previous == SpecExample.q(2))
    #expect(Self.sections(before, book) == Self.sections(Changes(book: book, period: 2), book))
  }

  @Test func filtersApplyAndTierFilterDropsPartnersWithoutData() {
    let book = Self.book
    // At 2026Q2 gold holds P (promoted) and D (in grace); no partner without data.
    let gold = Changes(book: book, period: 1, filter: PartnerFilter(tier: "gold"))
    #expect(Self.sections(gold, book) == [.promoted: ["P"], .enteredGrace: ["D"], .atRisk: ["D"]])
    let other = Changes(book: book, period: 2, filter: PartnerFilter(region: "apac"))
    #expect(other.entries.isEmpty)
    let emea = Changes(book: book, period: 2, filter: PartnerFilter(region: "emea"))
    #expect(emea.entries.count == Changes(book: book, period: 2).entries.count)
  }
}
