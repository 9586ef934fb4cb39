import Dispatch
import GRDB
import Scoring

/// What the kept scores hold besides ranks, per (partner, period), gathered
/// a slice of partners at a time: a partner's score, tiers, grace, trend and
/// flags depend on its own rows only (SPEC sections 3-5), so the store is
/// read in key order and scored `sliceSize` partners at a time. Memory stays
/// at one slice's scorebook plus these few numbers per partner and period,
/// whatever the size of the store; ranks are computed once every slice is in.
struct KeptGrid {
  static let atRisk: UInt8 = 1
  static let rising: UInt8 = 2
  static let blocked: UInt8 = 4
  static let sliceSize = 4_096

  /// Per partner: index of its first evaluated period, -1 = never.
  var first: [Int]
  /// Per (partner, period), index p * T + t.
  var score: [Double]
  var slope: [Double]  // NaN: no slope
  var qualified: [Int32]
  var tier: [Int32]
  var grace: [Int32]
  var flags: [UInt8]
  /// Every KPI id the observations hold (scored or not).
  var kpiNames: [String] = []
  /// Per period: partners with any observation then (SPEC section 3's coverage).
  var reported: [Int]
  /// Per period: each segment's credit sums over its partners evaluated
  /// then, added in partner order as the slices come (the overview's means).
  var creditSums: [CreditSums]
  let kpiCount: Int
  /// Per (period, KPI), index t * K + k, the trends' tally over the
  /// partners evaluated then for whom the KPI applies (the scorebook's own
  /// accumulator). Each has room for every partner from the start: a fixed
  /// 8 bytes per cell instead of arrays that grow by copying.
  var tallies: [KPITally]
  /// The pilot cohorts and, per cohort, period from its start, measure and
  /// group, what the slices added (in partner order).
  var pilotSetup: KeptPilotSetup?
  var pilot: [[[[PilotAccumulator]]]] = []
  /// The agreements and each one's outcome value (NaN: none).
  var payoutSetup: KeptPayoutSetup?
  var outcomeValues: [Double] = []

  init(partners P: Int, periods T: Int, segments S: Int = 0, kpis K: Int = 0) {
    kpiCount = K
    creditSums = [CreditSums](repeating: CreditSums(segments: S, kpis: K), count: T)
    tallies = (0..<(T * K)).map { _ in KPITally(capacity: P) }
    first = [Int](repeating: -1, count: P)
    reported = [Int](repeating: 0, count: T)
    score = [Double](repeating: 0, count: P * T)
    slope = [Double](repeating: .nan, count: P * T)
    qualified = [Int32](repeating: 0, count: P * T)
    tier = [Int32](repeating: 0, count: P * T)
    grace = [Int32](repeating: 0, count: P * T)
    flags = [UInt8](repeating: 0, count: P * T)
  }

  /// Reads every observation in key order (`partners` is in id order, as the
  /// table's key) and scores the partners slice by slice over `periods`.
  static func score(
    _ db: Database, store: PartnerStore, program: Program, partners: [Partner], periods: [Period],
    sliceSize: Int = sliceSize, progress: ((Int) -> Void)? = nil
  ) throws -> KeptGrid {
    let sliceSize = max(1, sliceSize)
    let P = partners.count
    let T = periods.count
    var grid = KeptGrid(partners: P, periods: T, segments: program.segments.count, kpis: program.kpis.count)
    let setup = KeptPilotSetup(
      cohorts: try store.cohorts(db), partners: partners, periods: periods, program: program)
    grid.pilotSetup = setup
    grid.pilot = setup.passes.map { $0.empty() }
    let payouts = KeptPayoutSetup(
      agreements: try store.agreements(db), partners: partners, periods: periods, program: program)
    grid.payoutSetup = payouts
    grid.outcomeValues = [Double](repeating: .nan, count: payouts.agreements.count)
    var byPartner: [String: [Adjustment]] = [:]
    for a in try store.adjustments(db) { byPartner[a.partnerID, default: []].append(a) }
    let adjustments = byPartner

    // Each slice is scored on another thread while this one reads the next
    // (at most two slices in hand); slices fill disjoint parts of the grid.
    let scored = Scored(grid)
    let scoring = DispatchQueue(label: "partnerboard.kept-scores")
    let inHand = DispatchSemaphore(value: 2)
    let kpiNames = try slices(db, partners: partners, sliceSize: sliceSize) { slice, rows in
      inHand.wait()
      scoring.async {
        scored.grid.add(
          slice: slice, of: partners, table: rows, program: program, periods: periods,
          adjustments: adjustments)
        inHand.signal()
      }
      progress?(slice.upperBound)
    }
    scoring.sync {}
    scored.grid.kpiNames = kpiNames
    return scored.grid
  }

  /// Reads every observation in key order (`partners` is in id order, as
  /// the table's key) and hands them on `sliceSize` partners at a time:
  /// `body(slice, rows)`, rows indexed within the slice. Returns every KPI
  /// id seen.
  static func slices(
    _ db: Database, partners: [Partner], sliceSize: Int,
    _ body: (Range<Int>, ObservationTable) throws -> Void
  ) throws -> [String] {
    let P = partners.count
    let sliceSize = max(1, sliceSize)
    var globalIndex: [String: Int] = [:]
    globalIndex.reserveCapacity(P)
    for (i, p) in partners.enumerated() { globalIndex[p.id] = i }
    var start = 0
    var end = min(P, sliceSize)
    var table = ObservationTable()
    var kpis = KPICodes()
    func flush() throws {
      table.kpiNames = kpis.names
      try body(start..<end, table)
      table = ObservationTable()
      start = end
      end = min(P, end + sliceSize)
    }

    var lastPartner: [UInt8] = []
    var local: Int? = nil
    try RawRows.each(
      db, "SELECT partner_id, period, kpi, value FROM observations ORDER BY partner_id, period, kpi"
    ) { r in
      let pid = r.raw(0)
      if local == nil || !pid.elementsEqual(lastPartner) {
        lastPartner = Array(pid)
        // Slices are consecutive in id order: flush those wholly before this id.
        while start < P && partners[end - 1].id.utf8.lexicographicallyPrecedes(pid) { try flush() }
        local = globalIndex[String(decoding: pid, as: UTF8.self)].map { $0 - start }
        if let l = local, l < 0 || l >= end - start { local = nil }  // not in this slice: unknown
        if local == nil { lastPartner = [] }
      }
      guard let p = local else { return }  // a partner the partners table lacks
      table.append(partner: p, period: r.int(1), kpi: kpis.code(r.raw(2)), value: r.double(3))
    }
    while start < P { try flush() }
    return kpis.names
  }

  /// The grid while slices are scored on the scoring queue (one at a time).
  private final class Scored: @unchecked Sendable {
    var grid: KeptGrid
    init(_ grid: KeptGrid) { self.grid = grid }
  }

  /// Scores one slice of partners (observations indexed within the slice)
  /// and copies what is kept.
  mutating func add(
    slice: Range<Int>, of partners: [Partner], table: ObservationTable, program: Program, periods: [Period],
    adjustments: [String: [Adjustment]]
  ) {
    let members = Array(partners[slice])
    var data = Dataset(
      program: program, partners: members, observations: [],
      adjustments: members.flatMap { adjustments[$0.id] ?? [] }, observationTable: table)
    data.periodRange = periods.first!...periods.last!
    let book = Scorebook(data, parallel: false)
    let T = periods.count
    if let setup = payoutSetup {
      for (p, g) in slice.enumerated() {
        for a in setup.byPartner[g] ?? [] {
          outcomeValues[a.agreement] = book.value(p, a.period, a.kpi) ?? .nan
        }
      }
    }
    if let setup = pilotSetup {
      for (p, g) in slice.enumerated() {
        for c in setup.cohorts.indices {
          if let group = setup.groups[g][c] { setup.passes[c].add(book, p, group: group, into: &pilot[c]) }
        }
      }
    }
    let K = kpiCount
    // A change in "better" units: positive = improved.
    let better = program.kpis.map { $0.direction == .higher ? 1.0 : -1.0 }
    for (p, g) in slice.enumerated() {
      let f = book.firstPeriod[p]
      first[g] = f
      guard f >= 0 else { continue }
      let segment = program.segmentIndex(members[p].segment)
      for t in f..<T {
        if book.hasData(p, t) { reported[t] += 1 }
        if let segment { creditSums[t].add(segment: segment) { book.attainment(p, t, $0) } }
        for k in 0..<K where book.isApplicable(p, k) {
          let c = t * K + k
          let v = book.value(p, t, k)
          tallies[c].add(value: v, attainment: book.attainment(p, t, k))
          if t > 0 {
            tallies[c].add(partner: g, value: v, before: book.value(p, t - 1, k), better: better[k])
          }
        }
        let i = g * T + t
        score[i] = book.score(p, t)!
        qualified[i] = Int32(book.qualifiedTier(p, t)!)
        tier[i] = Int32(book.tier(p, t)!)
        grace[i] = Int32(book.grace(p, t))
        slope[i] = book.slope(p, t) ?? .nan
        let outlook = book.outlook(p, t)!
        flags[i] =
          (outlook.atRisk ? Self.atRisk : 0) | (outlook.rising ? Self.rising : 0)
          | (book.blocked(p, t) != nil ? Self.blocked : 0)
      }
    }
  }
}

/// The kept grid with its ranks, read as the overview reads a scorebook.
struct KeptStandings: PartnerStandings {
  let grid: KeptGrid
  let ranks: [Int]
  let T: Int

  func isEvaluated(_ p: Int, _ t: Int) -> Bool { grid.first[p] >= 0 && grid.first[p] <= t }
  func score(_ p: Int, _ t: Int) -> Double? { isEvaluated(p, t) ? grid.score[p * T + t] : nil }
  func tier(_ p: Int, _ t: Int) -> Int? { isEvaluated(p, t) ? Int(grid.tier[p * T + t]) : nil }
  func movement(_ p: Int, _ t: Int) -> Int? {
    guard isEvaluated(p, t), t > 0, isEvaluated(p, t - 1) else { return nil }
    return ranks[p * T + t - 1] - ranks[p * T + t]
  }
  func grace(_ p: Int, _ t: Int) -> Int { isEvaluated(p, t) ? Int(grid.grace[p * T + t]) : 0 }
  func qualifiedTier(_ p: Int, _ t: Int) -> Int? {
    t < T && isEvaluated(p, t) ? Int(grid.qualified[p * T + t]) : nil
  }
  func slope(_ p: Int, _ t: Int) -> Double? {
    guard isEvaluated(p, t) else { return nil }
    let s = grid.slope[p * T + t]
    return s.isNaN ? nil : s
  }

  /// KPI `k` at period `t`, as the whole scorebook's `trendFacts` gives it;
  /// `position[p]`: the partner's place in the period's rank order.
  func trendFacts(kpi k: Int, period t: Int, partners: [Partner], position: [Int]) -> KPITrendFacts {
    let tally = grid.tallies[t * grid.kpiCount + k]
    let (improved, fell) = tally.movers { position[$0] }
    return KPITrendFacts(
      statistics: tally.statistics(kpi: k, period: t),
      improved: improved.map { .init(partner: partners[$0.partner], change: $0.change) },
      fell: fell.map { .init(partner: partners[$0.partner], change: $0.change) })
  }

  /// The per-segment, per-KPI credit sums of period `t`.
  func creditSums(_ t: Int) -> [[Double]] { grid.creditSums[t].sums }
}
