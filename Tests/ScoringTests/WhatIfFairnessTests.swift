import Scoring
import Testing

/// SPEC sections 10-12: what-if against another program and the fairness
/// review, every figure of the worked example, and cases of our own.
@Suite struct WhatIfFairnessTests {
  /// `shared/spec-example/volume.toml` in code (ProgramFilesTests and the
  /// end-to-end tests read the file itself).
  static let volume = Program(
    name: "Volume only", currency: "USD", window: 2, gracePeriods: 1,
    segments: [Segment(id: "reseller", name: "Reseller"), Segment(id: "referral", name: "Referral")],
    kpis: [
      KPI(
        id: "rev", name: "Revenue", category: .performance, indicator: .lagging, unit: .currency,
        aggregate: .sum, basis: .absolute(target: 150, threshold: 0, targets: [:], thresholds: [:]), weight: 1
      )
    ],
    tiers: [
      Tier(id: "base", name: "Base", minScore: 0), Tier(id: "silver", name: "Silver", minScore: 50),
      Tier(id: "gold", name: "Gold", minScore: 80), Tier(id: "platinum", name: "Platinum", minScore: 90),
    ],
    payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))

  @Test func volumeScoresQuarterByQuarter() {
    var data = SpecExample.dataset
    data.program = Self.volume
    let book = Scorebook(data)
    // A: rev sums 30, 70, 90, 50 over 150.
    #expect((0..<4).map { book.score(0, $0)! } == [20, 46.67, 60, 33.33])
    #expect((0..<4).map { book.tier(0, $0)! } == [0, 0, 1, 1])
    #expect(book.grace(0, 3) == 1)
    // B: sums 60, 105, 100.
    #expect((1..<4).map { book.score(1, $0)! } == [40, 70, 66.67])
    #expect((1..<4).map { book.tier(1, $0)! } == [0, 1, 1])
  }

  @Test func compareAt2026Q4() {
    let w = WhatIf(SpecExample.dataset, other: Self.volume)
    #expect(w.current.periods[w.period] == SpecExample.q(4))
    // In rank order under the volume program: B, then A.
    #expect(w.rows.map(\.partner) == [1, 0])
    let b = w.rows[0]
    #expect(b.score == (87.5, 66.67) && b.tier == (2, 1) && b.rank == (1, 1) && b.change == -20.83)
    let a = w.rows[1]
    #expect(a.score == (70.83, 33.33) && a.tier == (2, 1) && a.rank == (2, 2) && a.grace == (1, 1))
    #expect(w.tierPairs == [WhatIf.TierPair(from: 2, to: 1, partners: 2)])
    #expect(w.tierChanges == 2)
    // X1 and X2 (X3 is after 2026Q4). Current 2,750.00 + 6,800.00; volume:
    // X1 r 0.625, share 0.625: 3,125.00; X2 on ttv, which the volume program
    // lacks: the current mean over the volume window, 32.5: r 0.875, 7,000.00.
    #expect(w.agreementPayouts.map(\.current.agreement.id) == ["X1", "X2"])
    #expect(w.agreementPayouts.map(\.other.payout) == [3125, 7000])
    #expect(w.agreementPayouts[1].other.value == 32.5)
    #expect(w.payouts == (9550, 10125))
    #expect(w.winners(5).isEmpty && w.losers(5).map(\.partner) == [0, 1])
  }

  @Test func anAgreementOnAMissingKPIUsesTheOtherWindow() {
    // A one-quarter window: X2's ttv is the mean over 2026Q4 alone: 30.
    var one = Self.volume
    one.window = 1
    let w = WhatIf(SpecExample.dataset, other: one)
    #expect(w.agreementPayouts[1].other.value == 30)
    // r = (30 - 50) / (30 - 50) = 1: 8,000 x 1.
    #expect(w.agreementPayouts[1].other.payout == 8000)
    // At 2026Q3 only X1 is due.
    let q3 = WhatIf(SpecExample.dataset, other: Self.volume, period: SpecExample.q(3))
    #expect(q3.agreementPayouts.map(\.current.agreement.id) == ["X1"])
    #expect(q3.payouts.current == 2750)
  }

  @Test func fairnessBySegmentAndRegionAt2026Q4() {
    let book = Scorebook(SpecExample.dataset)
    let review = FairnessReview(book: book, period: 3)
    #expect(review.margin == 10)
    #expect(review.groups.map(\.id) == ["reseller", "referral"])
    let reseller = review.groups[0]
    #expect(reseller.n == 1 && reseller.mean == 70.83 && reseller.median == 70.83)
    #expect(reseller.tierShares == [0, 0, 1, 0])
    #expect(reseller.gap == 16.67 && reseller.flagged)
    // rev: B's credit 0.8333 against A's 0.5; ttv 0.9583 against 0.8333;
    // nps applies to no other partner: not compared.
    #expect(reseller.drags == [.init(kpi: 0, gap: 0.3333), .init(kpi: 1, gap: 0.125)])
    let referral = review.groups[1]
    #expect(referral.median == 87.5 && referral.gap == -16.67 && !referral.flagged && referral.drags.isEmpty)
    let regions = FairnessReview(book: book, period: 3, by: .region)
    #expect(regions.groups.map(\.id) == ["EMEA", "NA"])
    #expect(regions.groups.map(\.gap) == [16.67, -16.67])
    #expect(regions.groups[0].drags == reseller.drags)
  }

  @Test func aGroupHoldingEveryPartnerHasNoGap() {
    let book = Scorebook(SpecExample.dataset)
    // 2026Q1: only A is evaluated.
    let review = FairnessReview(book: book, period: 0)
    #expect(review.groups.map(\.id) == ["reseller"])
    #expect(review.groups[0].gap == nil && !review.groups[0].flagged && review.groups[0].drags.isEmpty)
  }

  /// One KPI, credits chosen so that one group trails by exactly 0.1 (not a
  /// drag) and another by 0.1001 (a drag); regions with accents.
  @Test func tiesAtTheDragThresholdAndRegionsByCodePoint() {
    let program = Program(
      name: "T", currency: "EUR", window: 1, gracePeriods: 0,
      segments: [Segment(id: "s", name: "S")],
      kpis: [
        KPI(
          id: "v", name: "V", category: .performance, indicator: .lagging, unit: .score, aggregate: .last,
          basis: .absolute(target: 10000, threshold: 0, targets: [:], thresholds: [:]), weight: 1)
      ],
      tiers: [Tier(id: "t", name: "T", minScore: 0)],
      payout: PayoutSchedule(points: [.init(r: 0, share: 0), .init(r: 1, share: 1)]))
    // Credits: Zürich 0.7; Ørsted and Århus 0.8 each (others of Zürich: 0.8
    // exactly 0.1 above); "Zz" 0.5.
    let rows: [(String, String, Double)] = [
      ("z", "Zürich", 7000), ("o", "Ørsted", 8000), ("a", "Århus", 8000), ("y", "Zz", 6999),
    ]
    let data = Dataset(
      program: program,
      partners: rows.map { Partner(id: $0.0, name: $0.0, segment: "s", region: $0.1) },
      observations: rows.map { Observation(partnerID: $0.0, period: SpecExample.q(1), kpi: "v", value: $0.2) }
    )
    let review = FairnessReview(book: Scorebook(data), period: 0, by: .region)
    // Code-point order: "Z" (U+005A) < "Å" (U+00C5) < "Ø" (U+00D8).
    #expect(review.groups.map(\.id) == ["Zz", "Zürich", "Århus", "Ørsted"])
    // Zürich 0.7 against (0.8 + 0.8 + 0.6999) / 3 = 0.7666: 0.0666, no drag.
    // Zz 0.6999 against (0.7 + 0.8 + 0.8) / 3 = 0.7667: 0.0668, no drag.
    #expect(review.groups.allSatisfy { $0.drags.isEmpty })
    // Two partners only: 0.8 against 0.7 is exactly 0.1 (no drag); 0.8
    // against 0.6999 is 0.1001 (a drag).
    let pair: (Double, Double) -> FairnessReview = { x, y in
      let d = Dataset(
        program: program,
        partners: [
          Partner(id: "a", name: "a", segment: "s", region: "A"),
          Partner(id: "b", name: "b", segment: "s", region: "B"),
        ],
        observations: [
          Observation(partnerID: "a", period: SpecExample.q(1), kpi: "v", value: x),
          Observation(partnerID: "b", period: SpecExample.q(1), kpi: "v", value: y),
        ])
      return FairnessReview(book: Scorebook(d), period: 0, by: .region)
    }
    #expect(pair(8000, 7000).groups[1].drags.isEmpty)
    #expect(pair(8000, 6999).groups[1].drags == [.init(kpi: 0, gap: 0.1001)])
    // The flag is "more than the margin": 10 points exactly is not flagged.
    #expect(pair(8000, 7000).groups[1].gap == 10 && !pair(8000, 7000).groups[1].flagged)
  }
}

/// Issue 20: regions are one group whatever their case or Unicode form, as
/// the --region filter matches them, named by the most common spelling.
@Suite struct RegionGroupingTests {
  @Test func spellingsOfOneRegionAreOneGroup() {
    var data = SpecExample.dataset
    let base = data.observations.filter { $0.partnerID == "A" }
    data.partners = [
      Partner(id: "A", name: "Alpha", segment: "reseller", region: "EMEA"),
      Partner(id: "B", name: "Beta", segment: "referral", region: "NA"),
      Partner(id: "C", name: "Gamma", segment: "reseller", region: "Emea"),
      Partner(id: "D", name: "Delta", segment: "reseller", region: "emea"),
      Partner(id: "E", name: "Epsilon", segment: "reseller", region: "EMEA"),
      Partner(id: "F", name: "Zeta", segment: "reseller", region: "Re\u{0301}union"),
      Partner(id: "G", name: "Eta", segment: "reseller", region: "R\u{00E9}union"),
    ]
    for id in ["C", "D", "E", "F", "G"] {
      data.observations += base.map {
        Observation(partnerID: id, period: $0.period, kpi: $0.kpi, value: $0.value)
      }
    }
    let book = Scorebook(data)
    let review = FairnessReview(book: book, period: book.periods.count - 1, by: .region)
    #expect(
      review.groups.map(\.name)
        == ["EMEA", "NA", "Re\u{0301}union"].sorted {
          $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
        })
    #expect(review.groups.first { $0.name == "EMEA" }?.n == 4)
    #expect(review.groups.first { RegionKey.key($0.name) == RegionKey.key("réunion") }?.n == 2)
    #expect(
      PartnerFilter(region: "emea").matches(
        Partner(id: "x", name: "X", segment: "reseller", region: "Emea"), tierID: "base"))
    #expect(!RegionKey.contains(book.partners.map(\.region), "EMEA "))
    #expect(RegionKey.contains(book.partners.map(\.region), "réunion"))
  }
}
