/// SPEC section 13: did the program work where it was tried? A cohort's
/// members against the partners in no cohort, per measure (the score, then
/// every KPI): the change from the quarters before the start to the quarters
/// since (difference in differences), its standard error, t and a verdict.
///
/// The numbers come from `PilotAccumulator`s fed partner by partner in
/// partner order (`PilotPass`): the whole scorebook feeds them for one
/// period, a rescore's slices for every period and keeps them
/// (`kept_pilot`), and both build the review with the same `init`.
public struct PilotReview: Sendable {
  public enum Size: String, Sendable { case small, ok, large }
  public enum Verdict: String, Sendable { case better, worse, unclear }

  public struct Result: Sendable {
    /// The KPI (index into the program's); nil for the score.
    public let kpi: Int?
    public let n: (members: Int, rest: Int)
    /// Mean change of each group, positive when better; nil for an empty group.
    public let change: (members: Double?, rest: Double?)
    /// Members' mean change minus the rest's.
    public let effect: Double?
    public let se: Double?
    public let t: Double?
    /// From t rounded to 2 decimals.
    public let verdict: Verdict
    /// Each group's mean before and since the start, over the partners it
    /// counts (what the Pilot screen's chart draws; not in the JSON).
    public let before: (members: Double?, rest: Double?)
    public let after: (members: Double?, rest: Double?)
  }

  public let cohort: String
  public let start: Period
  public let period: Period
  public let members: Int
  /// Members over every partner in partners.csv.
  public let share: Double
  public let size: Size
  public let pre: [Period]
  public let post: [Period]
  public let results: [Result]

  public enum Problem: Error, Equatable, Sendable {
    case unknownCohort(known: [String])
    case beforeStart(Period)
  }

  /// The cohort ids of `book`'s data, in order.
  public static func cohorts(_ book: Scorebook) -> [String] {
    Array(Set(book.cohorts.map(\.cohort))).sorted()
  }

  public init(book: Scorebook, cohort: String, period P: Int) throws(Problem) {
    let inCohort = book.cohorts.filter { $0.cohort == cohort }
    guard let start = inCohort.first?.start else { throw .unknownCohort(known: Self.cohorts(book)) }
    guard book.periods[P] >= start else { throw .beforeStart(start) }
    let memberSet = Set(inCohort.map(\.partnerID))
    let anyCohort = Set(book.cohorts.map(\.partnerID))
    let pass = PilotPass(start: start, periods: book.periods, program: book.program, last: P)
    var groups = pass.empty()
    var members = 0
    for p in book.partners.indices {
      let id = book.partners[p].id
      let group = memberSet.contains(id) ? 0 : anyCohort.contains(id) ? nil : 1
      if group == 0 { members += 1 }
      if let group { pass.add(book, p, group: group, into: &groups) }
    }
    self.init(
      cohort: cohort, start: start, periods: book.periods, period: P, program: book.program,
      facts: PilotFacts(members: members, partners: book.partners.count, groups: groups[P - pass.first]))
  }

  /// From what the accumulators gathered for period index `P` of `periods`.
  public init(
    cohort: String, start: Period, periods: [Period], period P: Int, program: Program, facts: PilotFacts
  ) {
    self.cohort = cohort
    self.start = start
    period = periods[P]
    members = facts.members
    share = facts.partners == 0 ? 0 : Double(facts.members) / Double(facts.partners)
    let roundedShare = specRound(share, 4)
    size = roundedShare < 0.10 ? .small : roundedShare > 0.15 ? .large : .ok
    let pass = PilotPass(start: start, periods: periods, program: program, last: P)
    pre = pass.pre.map { periods[$0] }
    post = (pass.first...P).map { periods[$0] }
    results = facts.groups.enumerated().map { i, g in
      let (m, r) = (g[0], g[1])
      let cm = m.meanChange
      let cr = r.meanChange
      let effect = cm.flatMap { a in cr.map { a - $0 } }
      var se: Double? = nil
      if m.n >= 2, r.n >= 2 { se = (m.variance / Double(m.n) + r.variance / Double(r.n)).squareRoot() }
      let t = se.flatMap { s in s == 0 ? nil : effect.map { $0 / s } }
      let rounded = t.map { specRound($0, 2) }
      let verdict: Verdict =
        rounded.map { $0 >= 1.96 ? .better : $0 <= -1.96 ? .worse : .unclear } ?? .unclear
      return Result(
        kpi: i == 0 ? nil : i - 1, n: (m.n, r.n), change: (cm, cr), effect: effect, se: se, t: t,
        verdict: verdict, before: (m.meanBefore, r.meanBefore), after: (m.meanAfter, r.meanAfter))
    }
  }
}

/// One group's partners on one measure, added one by one in partner order:
/// how many count, their changes' mean and sum of squared deviations
/// (Welford's update, stable whatever the values' size), and the sums of
/// their means before and since.
public struct PilotAccumulator: Sendable, Equatable, Codable {
  public private(set) var n = 0
  var mean = 0.0
  var m2 = 0.0
  var sumBefore = 0.0
  var sumAfter = 0.0

  public init() {}

  /// A partner's means before and since; `d` its change, positive when better.
  mutating func add(before: Double, after: Double, d: Double) {
    n += 1
    let delta = d - mean
    mean += delta / Double(n)
    m2 += delta * (d - mean)
    sumBefore += before
    sumAfter += after
  }

  var meanChange: Double? { n > 0 ? mean : nil }
  /// The sample variance (denominator n - 1); meaningful from 2 partners.
  var variance: Double { n > 1 ? m2 / Double(n - 1) : 0 }
  var meanBefore: Double? { n > 0 ? sumBefore / Double(n) : nil }
  var meanAfter: Double? { n > 0 ? sumAfter / Double(n) : nil }

  /// Whether every number could have come from adding partners (a kept
  /// value read back is checked before it is used).
  public var isSound: Bool {
    n >= 0 && mean.isFinite && m2.isFinite && m2 >= 0 && sumBefore.isFinite && sumAfter.isFinite
  }
}

/// What a cohort's review needs at one period, kept per (cohort, period):
/// the members counted, the partners in all, and per measure (the score,
/// then each KPI) the members' and the rest's accumulators.
public struct PilotFacts: Sendable, Equatable, Codable {
  public let members: Int
  public let partners: Int
  public let groups: [[PilotAccumulator]]

  public init(members: Int, partners: Int, groups: [[PilotAccumulator]]) {
    self.members = members
    self.partners = partners
    self.groups = groups
  }

  /// Whether it fits `program` and its counts could be right.
  public func fits(_ program: Program) -> Bool {
    groups.count == program.kpis.count + 1 && groups.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isSound) }
      && members >= 0 && partners >= members
  }
}

/// A cohort's quarters and how one partner's data adds to its review: the
/// pre quarters (the `window` before the start, within the periods) and,
/// for every period P from the start (or the first period) to `last`, the
/// post quarters start ... P. The one place a partner's means and change
/// are computed.
public struct PilotPass: Sendable {
  /// Period indices of the pre quarters.
  public let pre: [Int]
  /// The first post period index (P starts here).
  public let first: Int
  public let last: Int
  let lowerIsBetter: [Bool]

  public init(start: Period, periods: [Period], program: Program, last: Int) {
    let origin = periods.first?.ordinal ?? 0
    pre = ((start.ordinal - program.window)..<start.ordinal).map { $0 - origin }.filter {
      periods.indices.contains($0)
    }
    first = max(0, start.ordinal - origin)
    self.last = last
    lowerIsBetter = program.kpis.map { $0.direction != .higher }
  }

  /// Empty accumulators: per period first...last, per measure, two groups.
  public func empty() -> [[[PilotAccumulator]]] {
    [[[PilotAccumulator]]](
      repeating: [[PilotAccumulator]](
        repeating: [PilotAccumulator](repeating: PilotAccumulator(), count: 2), count: lowerIsBetter.count + 1
      ),
      count: max(0, last - first + 1))
  }

  /// Adds partner `p` of `book` (its observations after adjustments and its
  /// rounded scores) to `group` (0 members, 1 the rest) at every period.
  public func add(_ book: Scorebook, _ p: Int, group: Int, into acc: inout [[[PilotAccumulator]]]) {
    guard first <= last else { return }
    for m in 0...lowerIsBetter.count {
      let k = m - 1
      if k >= 0 && !book.isApplicable(p, k) { continue }
      let value = { (t: Int) -> Double? in k >= 0 ? book.observation(p, t, k)?.value : book.score(p, t) }
      var preSum = 0.0
      var preCount = 0
      for t in pre {
        if let v = value(t) {
          preSum += v
          preCount += 1
        }
      }
      guard preCount > 0 else { continue }
      let before = preSum / Double(preCount)
      var postSum = 0.0
      var postCount = 0
      for t in first...last {
        if let v = value(t) {
          postSum += v
          postCount += 1
        }
        guard postCount > 0 else { continue }
        let after = postSum / Double(postCount)
        let d = k >= 0 && lowerIsBetter[k] ? before - after : after - before
        acc[t - first][m][group].add(before: before, after: after, d: d)
      }
    }
  }
}
