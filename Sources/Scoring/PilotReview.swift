/// SPEC section 13: did the program work where it was tried? A cohort's
/// members against the partners in no cohort, per measure (the score, then
/// every KPI): the change from the quarters before the start to the quarters
/// since (difference in differences), its standard error, t and a verdict.
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
    var seen: [String] = []
    for m in book.cohorts where !seen.contains(m.cohort) { seen.append(m.cohort) }
    return seen.sorted()
  }

  public init(book: Scorebook, cohort: String, period P: Int) throws(Problem) {
    let inCohort = book.cohorts.filter { $0.cohort == cohort }
    guard let start = inCohort.first?.start else { throw .unknownCohort(known: Self.cohorts(book)) }
    let end = book.periods[P]
    guard end >= start else { throw .beforeStart(start) }
    self.cohort = cohort
    self.start = start
    period = end
    let program = book.program
    let memberSet = Set(inCohort.map(\.partnerID))
    let anyCohort = Set(book.cohorts.map(\.partnerID))
    let memberIndices = book.partners.indices.filter { memberSet.contains(book.partners[$0].id) }
    let restIndices = book.partners.indices.filter { !anyCohort.contains(book.partners[$0].id) }
    members = memberIndices.count
    share = book.partners.isEmpty ? 0 : Double(members) / Double(book.partners.count)
    let roundedShare = specRound(share, 4)
    size = roundedShare < 0.10 ? .small : roundedShare > 0.15 ? .large : .ok
    // Quarters, as indices into the book's periods.
    let first = book.periods.first!.ordinal
    let preIdx = ((start.ordinal - program.window)..<start.ordinal).map { $0 - first }.filter {
      book.periods.indices.contains($0)
    }
    let postIdx = (start.ordinal...end.ordinal).map { $0 - first }.filter {
      book.periods.indices.contains($0)
    }
    pre = preIdx.map { book.periods[$0] }
    post = postIdx.map { book.periods[$0] }

    func mean(_ xs: [Double]) -> Double? {
      guard !xs.isEmpty else { return nil }
      return xs.reduce(0, +) / Double(xs.count)
    }
    /// Partner p's means before and since on a measure: nil when it does not count.
    func means(_ p: Int, kpi k: Int?) -> (before: Double, after: Double)? {
      if let k {
        guard book.isApplicable(p, k) else { return nil }
        let values = { (idx: [Int]) in idx.compactMap { book.observation(p, $0, k)?.value } }
        guard let before = mean(values(preIdx)), let after = mean(values(postIdx)) else { return nil }
        return (before, after)
      }
      let scores = { (idx: [Int]) in idx.compactMap { book.score(p, $0) } }
      guard let before = mean(scores(preIdx)), let after = mean(scores(postIdx)) else { return nil }
      return (before, after)
    }
    results = ([nil] + program.kpis.indices.map(Optional.some)).map { k in
      let lowerIsBetter = k.map { program.kpis[$0].direction != .higher } ?? false
      let mm = memberIndices.compactMap { means($0, kpi: k) }
      let rr = restIndices.compactMap { means($0, kpi: k) }
      let d = { (x: (before: Double, after: Double)) in
        lowerIsBetter ? x.before - x.after : x.after - x.before
      }
      let m = mm.map(d)
      let r = rr.map(d)
      let cm = mean(m)
      let cr = mean(r)
      let effect = cm.flatMap { a in cr.map { a - $0 } }
      func variance(_ xs: [Double], _ mu: Double) -> Double {
        xs.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(xs.count - 1)
      }
      var se: Double? = nil
      if m.count >= 2, r.count >= 2, let cm, let cr {
        se = (variance(m, cm) / Double(m.count) + variance(r, cr) / Double(r.count)).squareRoot()
      }
      let t = se.flatMap { s in s == 0 ? nil : effect.map { $0 / s } }
      let rounded = t.map { specRound($0, 2) }
      let verdict: Verdict =
        rounded.map { $0 >= 1.96 ? .better : $0 <= -1.96 ? .worse : .unclear } ?? .unclear
      return Result(
        kpi: k, n: (m.count, r.count), change: (cm, cr), effect: effect, se: se, t: t, verdict: verdict,
        before: (mean(mm.map(\.before)), mean(rr.map(\.before))),
        after: (mean(mm.map(\.after)), mean(rr.map(\.after))))
    }
  }
}
