import Foundation
import GRDB
import Presentation
import ProgramFiles
import StoreFixtures
import Testing

@testable import PartnerStore
@testable import Scoring

/// The scores the store keeps equal a full rescore, after every change; a
/// partner read on its own and placed with the kept ranks equals the same
/// partner in the full scorebook.
@Suite struct KeptScoresTests {
  let dir: String
  init() throws {
    dir = NSTemporaryDirectory() + "pb-kept-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-data").path
  }()

  /// Random metrics over the spec example's program: late joiners, gaps,
  /// both segments.
  static func randomMetrics(partners: Int, quarters: ClosedRange<Int>, seed: UInt64) -> String {
    var x = seed | 1
    func next(_ n: UInt64) -> UInt64 {
      x ^= x << 13
      x ^= x >> 7
      x ^= x << 17
      return x % n
    }
    var out = "partner_id,period,kpi,value\n"
    for i in 0..<partners {
      for q in quarters where next(6) > 0 {
        let period = "\(2026 + (q - 1) / 4)Q\((q - 1) % 4 + 1)"
        out += "P\(i),\(period),rev,\(next(120))\n"
        if next(3) > 0 { out += "P\(i),\(period),ttv,\(20 + next(80))\n" }
        if i % 3 != 0 && next(4) > 0 { out += "P\(i),\(period),nps,\(1 + next(60))\n" }
      }
    }
    return out
  }

  func read(_ name: String, _ text: String) -> DataFiles {
    var issues: [DataIssue] = []
    let f = DataFiles.read(contents: [(name: name, text: text)], issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(3))")
    return f
  }

  /// Every kept row against a full scoring of the store's data.
  func expectKeptEqualsFullRescore(_ store: PartnerStore, after steps: String = "") throws {
    let book = Scorebook(try store.loadDataset())
    let kept = try store.queue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM partner_scores ORDER BY period, partner_id")
    }
    var keptRow: [String: Row] = [:]
    for row in kept { keptRow["\(row["partner_id"] as String) \(row["period"] as Int)"] = row }
    var expected = 0
    var seen = 0
    for (t, period) in book.periods.enumerated() {
      expected += book.order[t].count
      for p in book.order[t] {
        guard let row = keptRow["\(book.partners[p].id) \(period.ordinal)"] else {
          Issue.record("no kept row for \(book.partners[p].id) at \(period) after \(steps)")
          continue
        }
        seen += 1
        let progress = book.tierProgress(p, t)!
        #expect(row["score"] == book.score(p, t)!)
        #expect(row["rank"] == book.rank(p, t)!)
        #expect(row["segment_rank"] == book.segmentRank(p, t)!)
        #expect((row["movement"] as Int?) == book.movement(p, t))
        #expect(row["tier"] == book.program.tiers[book.tier(p, t)!].id)
        #expect(row["grace"] == book.grace(p, t))
        #expect((row["points_needed"] as Double?) == progress.pointsNeeded)
        #expect((row["keep_points_needed"] as Double?) == progress.keepPointsNeeded)
        #expect((row["slope"] as Double?) == book.slope(p, t))
        #expect((row["at_risk"] as Bool) == book.outlook(p, t)!.atRisk)
        #expect((row["rising"] as Bool) == book.outlook(p, t)!.rising)
        #expect((row["blocked"] as Bool) == (book.blocked(p, t) != nil))
      }
    }
    #expect(kept.count == expected && seen == expected, "after \(steps)")
    #expect(try store.keptView() != nil)
    // The rank order table holds the same (period, rank, partner) as the scores.
    let orders = try store.queue.read { db in
      (
        try Row.fetchAll(db, sql: "SELECT period, rank, partner_id FROM partner_ranks ORDER BY 1, 2, 3"),
        try Row.fetchAll(db, sql: "SELECT period, rank, partner_id FROM partner_scores ORDER BY 1, 2, 3")
      )
    }
    #expect(orders.0 == orders.1)
    // The overview's kept numbers, to the last bit.
    for t in book.periods.indices {
      let kept = try #require(try store.keptOverview { _ in t })
      #expect(kept.facts == book.overviewFacts(period: t), "\(book.periods[t])")
      // Every agreement's payout from its kept outcome value (SPEC section 7).
      let payouts = try #require(try store.keptPayouts())
      #expect(payouts.payouts == book.payouts(), "after \(steps)")
      // Every cohort's pilot review from its start (SPEC section 13), to the last bit.
      for cohort in PilotReview.cohorts(book) {
        let kept = try #require(try store.keptPilot(cohort: cohort) { _ in t })
        switch (kept, Result { try PilotReview(book: book, cohort: cohort, period: t) }) {
        case (.success(let a), .success(let b)):
          #expect(Self.same(a, b), "\(cohort) at \(book.periods[t]) after \(steps)")
        case (.failure(let a), .failure(let b as PilotReview.Problem)): #expect(a == b)
        default: Issue.record("\(cohort) at \(book.periods[t]): kept \(kept), full differs, after \(steps)")
        }
      }
      // The flags' record (SPEC section 16), quarter by quarter.
      let flags = try #require(try store.keptFlags { _ in t })
      #expect(flags.calibration == FlagCalibration(book: book, period: t), "\(book.periods[t])")
      // Each KPI's statistics and movers, to the last bit.
      for k in book.program.kpis.indices {
        let trends = try #require(try store.keptTrends(kpi: k) { _ in t })
        #expect(trends.chosen == book.trendFacts(kpi: k, period: t), "\(book.periods[t]) KPI \(k)")
        #expect(trends.all[k] == (0...t).map { book.statistics(kpi: k, period: $0) })
      }
    }
  }

  @Test func keptScoresFollowEveryImportAndUndo() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    var partners = "id,name,segment,region\n"
    for i in 0..<300 {
      partners += "P\(i),Partner \(i % 37),\(i % 3 == 0 ? "referral" : "reseller"),R\(i % 4)\n"
    }
    let path = dir + "/s.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    try expectKeptEqualsFullRescore(store)
    try store.apply(read("partners.csv", partners), command: "partners")
    try store.apply(
      read("metrics.csv", Self.randomMetrics(partners: 300, quarters: 1...4, seed: 7)), command: "m1")
    try expectKeptEqualsFullRescore(store)
    // One more quarter, which also replaces some earlier rows.
    let next = try store.apply(
      read("metrics-2027Q1.csv", Self.randomMetrics(partners: 300, quarters: 4...5, seed: 11)), command: "m2")
    try expectKeptEqualsFullRescore(store)
    try store.undo(importID: next.id)
    try expectKeptEqualsFullRescore(store)
  }

  /// A store ending at 2026Q4 gets rows for 2027Q2 only: 2027Q1, a quarter
  /// without any row, is one of the store's quarters and is scored too
  /// (it was never kept: "0 of 0 partners", blank movement at 2027Q2).
  @Test func aQuarterAfterAGapIsScored() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    let path = dir + "/gap.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    let last = try #require(try store.keptView()?.periods.last)
    let gap = Period(ordinal: last.ordinal + 1)
    let after = Period(ordinal: last.ordinal + 2)
    let record = try store.apply(
      read("metrics.csv", "partner_id,period,kpi,value\nA,\(after),rev,50\n"), command: "gap")
    #expect(record.rescored?.from == gap)
    #expect(record.rescored?.quarters == 2)
    // Both new quarters' coverage is said: nobody has reported for the gap.
    #expect(record.coverage.map(\.period) == [gap, after])
    #expect(record.coverage.map(\.reported) == [0, 1])
    let counted = try store.queue.read { db in
      try Int.fetchOne(
        db, sql: "SELECT evaluated FROM period_counts WHERE period = ? AND segment = ''",
        arguments: [gap.ordinal])
    }
    #expect(counted == 2)
    try expectKeptEqualsFullRescore(store)
  }

  /// Two pilot reviews with the same figures, to the last bit.
  static func same(_ a: PilotReview, _ b: PilotReview) -> Bool {
    guard
      a.cohort == b.cohort && a.start == b.start && a.period == b.period && a.members == b.members
        && a.share == b.share && a.pre == b.pre && a.post == b.post && a.results.count == b.results.count
    else { return false }
    return zip(a.results, b.results).allSatisfy { x, y in
      x.kpi == y.kpi && x.n == y.n && x.change == y.change && x.effect == y.effect && x.se == y.se
        && x.t == y.t
        && x.verdict == y.verdict && x.before == y.before && x.after == y.after
    }
  }

  /// Random sequences of imports (forward, backward, past a gap, partial
  /// quarters, adjustments, renames, program changes) and undos: after
  /// every step, every kept table equals a full rescore of the same data.
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func keptScoresEqualAFullRescoreAfterAnySequence(seed: UInt64) throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    let writes = RandomWrites(
      seed: seed,
      programText: try String(contentsOfFile: StoreTests.fixture + "/program.toml", encoding: .utf8))
    let path = dir + "/seq\(seed).sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    try store.apply(try writes.partnersFile(), command: "partners")
    var steps: [String] = []
    for step in 0..<14 {
      guard let write = try writes.write(step: step, choosingFrom: store) else { continue }
      steps.append(write.what)
      do {
        writes.wrote(try write.apply(store))
      } catch let e as StoreError {
        steps.append("refused: \(e)")
        continue
      }
      try expectKeptEqualsFullRescore(store, after: steps.joined(separator: "; "))
    }
    #expect(steps.count >= 10, "\(steps)")
  }

  /// Scoring a few partners at a time (slices cut across partner ids in byte
  /// order: P0, P1, P10, P100, ...) keeps the same rows as one whole pass,
  /// including a partner whose only data is an adjustment.
  @Test func slicesOfPartnersKeepTheSameScoresAsOnePass() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    var partners = "id,name,segment,region\n"
    for i in 0..<120 {
      partners += "P\(i),Partner \(i % 23),\(i % 3 == 0 ? "referral" : "reseller"),R\(i % 4)\n"
    }
    let path = dir + "/slices.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    try store.apply(read("partners.csv", partners), command: "partners")
    try store.apply(
      read("metrics.csv", Self.randomMetrics(partners: 119, quarters: 1...5, seed: 5)), command: "m")
    try store.apply(
      read(
        "adjustments.csv",
        "partner_id,period,kpi,value,reason,approved_by\nP119,2026Q3,rev,90,late,ops\nP7,2026Q2,rev,0,clawback,ops\n"
      ),
      command: "a")
    for size in [1, 7, 64] {
      let rescored = try store.queue.write { db in try KeptScores.rescore(db, store: store, sliceSize: size) }
      #expect(rescored.quarters == 5)
      try expectKeptEqualsFullRescore(store)
    }
    let adjustedOnly = try store.queue.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM partner_scores WHERE partner_id = 'P119'")
    }
    #expect(adjustedOnly == 3)
  }

  /// An import that reaches before the first stored quarter widens the
  /// store's quarters (known from the kept scores, without a scan): every
  /// quarter is rescored and equals a full rescore.
  @Test func anEarlierQuarterWidensTheStoresQuarters() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    let path = dir + "/earlier.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    let before = try store.queue.read { db in try KeptScores.knownObservedPeriods(db) }
    let first = try #require(before??.lowerBound)
    let earlier = Period(ordinal: first - 2)
    let partner = try #require(example.partners?.rows.first?.id)
    let record = try store.apply(
      read("metrics.csv", "partner_id,period,kpi,value\n\(partner),\(earlier),rev,10\n"), command: "earlier")
    #expect(record.rescored?.from == nil)
    let after = try store.queue.read { db in try KeptScores.knownObservedPeriods(db) }
    #expect(after??.lowerBound == earlier.ordinal && after??.upperBound == before??.upperBound)
    #expect(try store.queue.read { db in try KeptScores.observedPeriods(db) } == after ?? nil)
    try expectKeptEqualsFullRescore(store)
  }

  /// A search through the kept keys finds exactly what searching every
  /// partner finds (case, accents, pieces of ids), also after a rename.
  @Test func theKeptSearchKeysFindWhatASearchOfEveryPartnerFinds() throws {
    var issues: [DataIssue] = []
    let sample = DataFiles.readFolder(Self.sample, issues: &issues)
    let path = dir + "/search.sqlite"
    _ = try PartnerStore.build(at: path, files: sample, command: "init")
    let store = try PartnerStore(path: path)
    func expectSame(_ queries: [String]) throws {
      let all = try store.allPartners()
      for q in queries {
        let search = PartnerSearch(q)
        let kept = try store.partners(searching: search.key).filter(search.matches)
        #expect(kept == all.filter(search.matches), "\(q)")
      }
    }
    try expectSame(["muller", "MÜLLER", "senor", "Señor", "p00", "P01", "上海", "gmbh", "zzz", "", " "])
    #expect(!(try store.partners(searching: PartnerSearch("muller").key)).isEmpty)
    try store.apply(
      read("partners.csv", "id,name,segment,region\np002,Zebra Ünited,msp,EMEA\n"), command: "rename")
    try expectSame(["muller", "zebra", "unite", "ÜNI"])
    #expect(try store.partners(searching: PartnerSearch("muller").key).isEmpty)
  }

  /// Importing later quarters rescores only from the earliest quarter the
  /// file touches, and the kept rows still equal a full rescore, on random
  /// data; a change to the partners rescores everything.
  @Test func anImportRescoresFromTheEarliestQuarterItTouches() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    var partners = "id,name,segment,region\n"
    for i in 0..<200 {
      partners += "P\(i),Partner \(i % 29),\(i % 3 == 0 ? "referral" : "reseller"),R\(i % 4)\n"
    }
    let path = dir + "/inc.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    let store = try PartnerStore(path: path)
    try store.apply(read("partners.csv", partners), command: "partners")
    try store.apply(
      read("metrics.csv", Self.randomMetrics(partners: 200, quarters: 1...6, seed: 3)), command: "m1")
    try expectKeptEqualsFullRescore(store)
    for (seed, quarters, from) in [(5, 7...7, "2027Q3"), (9, 8...9, "2027Q4"), (13, 5...5, "2027Q1")]
      as [(UInt64, ClosedRange<Int>, String)]
    {
      let record = try store.apply(
        read("metrics-later.csv", Self.randomMetrics(partners: 200, quarters: quarters, seed: seed)),
        command: "m")
      #expect(record.rescored?.from == Period(from), "quarters \(quarters)")
      try expectKeptEqualsFullRescore(store)
    }
    // Partners changed: every quarter.
    let renamed = try store.apply(
      read("partners.csv", partners.replacingOccurrences(of: "Partner 3,", with: "Partner Three,")),
      command: "p")
    #expect(renamed.rescored?.from == nil && renamed.rescored?.quarters == renamed.rescored?.periods)
    try expectKeptEqualsFullRescore(store)
    // Agreements only: their outcome values are kept; the last quarter's rows are written again.
    let agreements = try store.apply(
      read(
        "agreements.csv", "id,partner_id,kpi,baseline,target,period,max_payout\nZ1,P1,rev,10,90,2027Q4,100\n"),
      command: "a")
    #expect(agreements.rescored?.quarters == 1)
    try expectKeptEqualsFullRescore(store)
  }

  @Test func aPartnerOnItsOwnEqualsThePartnerAmongAll() throws {
    var issues: [DataIssue] = []
    let files = DataFiles.readFolder(Self.sample, issues: &issues)
    let path = dir + "/sample.sqlite"
    _ = try PartnerStore.build(at: path, files: files, command: "init")
    let store = try PartnerStore.reading(path: path)
    let book = Scorebook(try store.loadDataset())
    let view = try #require(try store.keptView())
    #expect(view.periods == book.periods)
    var compared = 0
    for (p, partner) in book.partners.enumerated() {
      let one = try store.scorebook(of: partner, view: view)
      for t in book.periods.indices {
        let full = book.evaluation(partner: p, period: t)
        let alone = one.evaluation(partner: 0, period: t)
        #expect((full == nil) == (alone == nil), "\(partner.id) at \(book.periods[t])")
        guard let full, let alone else { continue }
        let place = try #require(try store.placement(of: partner, at: book.periods[t]))
        let e = alone.placed(
          rank: place.rank, segmentRank: place.segmentRank, movement: place.movement,
          rankedCount: place.rankedCount, segmentCount: place.segmentCount)
        #expect(e.score == full.score && e.rank == full.rank && e.segmentRank == full.segmentRank)
        #expect(e.movement == full.movement && e.rankedCount == full.rankedCount)
        #expect(e.segmentCount == full.segmentCount && e.tier.id == full.tier.id && e.grace == full.grace)
        #expect(e.pointsNeeded == full.pointsNeeded && e.progress == full.progress)
        #expect(e.keepPointsNeeded == full.keepPointsNeeded && e.slope == full.slope)
        #expect(e.atRisk == full.atRisk && e.rising == full.rising)
        #expect(e.kpis.map(\.points) == full.kpis.map(\.points))
        #expect(e.kpis.map(\.status) == full.kpis.map(\.status))
        #expect(e.whatItTakes.map(\.needed) == full.whatItTakes.map(\.needed))
        compared += 1
      }
    }
    #expect(compared > 300)
  }

  @Test func aStoreFromAnOlderPartnerboardIsRescoredOnce() throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    let path = dir + "/old.sqlite"
    _ = try PartnerStore.build(at: path, files: example, command: "init")
    // What an older partnerboard left: no stamp, no kept rows.
    try PartnerStore(path: path).queue.write { db in
      try db.execute(sql: "DELETE FROM score_stamp; DELETE FROM partner_scores; DELETE FROM period_counts")
    }
    let first = try PartnerStore.reading(path: path)
    #expect(first.rescoredOnOpen)
    try expectKeptEqualsFullRescore(first)
    let second = try PartnerStore.reading(path: path)
    #expect(!second.rescoredOnOpen)
  }

  @Test func theKeptLeaderboardIsTheScorebooksLeaderboard() throws {
    var issues: [DataIssue] = []
    let files = DataFiles.readFolder(Self.sample, issues: &issues)
    let path = dir + "/board.sqlite"
    _ = try PartnerStore.build(at: path, files: files, command: "init")
    let store = try PartnerStore.reading(path: path)
    let book = Scorebook(try store.loadDataset())
    let filters = [
      PartnerFilter(), PartnerFilter(segment: "msp"), PartnerFilter(region: "emea"),
      PartnerFilter(tier: "gold"), PartnerFilter(segment: "reseller", region: "EMEA", tier: "silver"),
    ]
    for (t, period) in book.periods.enumerated() {
      for filter in filters {
        for top in [nil, 1, 5] as [Int?] {
          var expected: [LeaderboardLine] = []
          for p in book.order[t] where book.matches(p, t, filter) {
            expected.append(book.leaderboardLine(p, t)!)
            if let top, expected.count >= top { break }
          }
          let kept = try store.keptLeaderboard(at: period, filter: filter, top: top)
          #expect(kept.lines == expected, "\(period) \(filter) top \(String(describing: top))")
          #expect(kept.evaluated == book.order[t].count)
        }
      }
    }
  }
}
