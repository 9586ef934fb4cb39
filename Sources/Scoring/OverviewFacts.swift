/// How the whole channel stands at one period, in numbers: the overview
/// screen's data before any words. Computed from the whole scorebook, or by
/// a rescore from its kept grid and kept with the scores (JSON in
/// `kept_overview`), so that the overview's first frame reads one row.
/// Both go through the same `init`, from the same inputs.
public struct OverviewFacts: Sendable, Equatable, Codable {
  public struct SegmentFacts: Sendable, Equatable, Codable {
    public let partners: Int
    public let meanScore: Double?
    public let medianScore: Double?
    /// Mean credit (0..1) per KPI over the segment's partners; nil where not applicable.
    public let kpiCredit: [Double?]
  }

  public struct Mover: Sendable, Equatable, Codable {
    public let partner: Partner
    public let movement: Int
    public let score: Double
  }

  public struct Risk: Sendable, Equatable, Codable {
    public let partner: Partner
    /// Index into the program's tiers.
    public let tier: Int
    public let score: Double
    public let grace: Int
    public let projection: Double?
  }

  public let evaluated: Int
  public let tierCounts: [Int]
  /// transitions[from][to]: partners evaluated last period and now, by tier.
  public let transitions: [[Int]]
  /// Partners new at this period, by tier.
  public let newByTier: [Int]
  /// Per program segment, in program order.
  public let segments: [SegmentFacts]
  /// The biggest rank gains and losses (rank order breaks ties).
  public let risers: [Mover]
  public let fallers: [Mover]
  /// Partners at risk, and the first `risksListed` of them in rank order.
  public let atRiskCount: Int
  public let risks: [Risk]
  /// How often the at-risk flag came true up to this period (SPEC section 16).
  public let atRiskRecord: FlagCalibration.Counts

  /// Whether every count and index fits `program` (facts read back from a
  /// store are checked before any is used as an index).
  public func fits(_ program: Program) -> Bool {
    let T = program.tiers.count
    return tierCounts.count == T && newByTier.count == T && transitions.count == T
      && transitions.allSatisfy { $0.count == T } && segments.count == program.segments.count
      && segments.allSatisfy { $0.kpiCredit.count == program.kpis.count }
      && risks.allSatisfy { (0..<T).contains($0.tier) }
  }

  public static let moversShown = 5
  public static let risksListed = 100

  /// `order`: the partners evaluated at `t`, in rank order. `creditSums`:
  /// per program segment and KPI, the sum of Attainment.credit over the
  /// segment's partners evaluated at `t`, added in partner order (so the
  /// whole scorebook and a rescore's slices add the same numbers in the
  /// same order).
  public init<S: PartnerStandings>(
    _ s: S, program: Program, partners: [Partner], period t: Int, order: [Int], creditSums: [[Double]],
    atRiskRecord: FlagCalibration.Counts
  ) {
    self.atRiskRecord = atRiskRecord
    let tiers = program.tiers
    evaluated = order.count
    var counts = [Int](repeating: 0, count: tiers.count)
    var matrix = [[Int]](repeating: [Int](repeating: 0, count: tiers.count), count: tiers.count)
    var newcomers = [Int](repeating: 0, count: tiers.count)
    var movers: [Mover] = []
    var risks: [Risk] = []
    var atRisk = 0
    var scoresBySegment: [String: [Double]] = [:]
    for p in order {
      let tier = s.tier(p, t)!
      let score = s.score(p, t)!
      counts[tier] += 1
      if t > 0, let before = s.tier(p, t - 1) {
        matrix[before][tier] += 1
      } else {
        newcomers[tier] += 1
      }
      if let m = s.movement(p, t), m != 0 {
        movers.append(Mover(partner: partners[p], movement: m, score: score))
      }
      let outlook = s.outlook(p, t, tiers: tiers)!
      if outlook.atRisk {
        atRisk += 1
        if risks.count < Self.risksListed {
          risks.append(
            Risk(
              partner: partners[p], tier: tier, score: score, grace: s.grace(p, t),
              projection: outlook.projection))
        }
      }
      scoresBySegment[partners[p].segment, default: []].append(score)
    }
    tierCounts = counts
    transitions = matrix
    newByTier = newcomers
    atRiskCount = atRisk
    self.risks = risks
    risers = Array(
      movers.filter { $0.movement > 0 }.sorted { $0.movement > $1.movement }.prefix(Self.moversShown))
    fallers = Array(
      movers.filter { $0.movement < 0 }.sorted { $0.movement < $1.movement }.prefix(Self.moversShown))
    segments = program.segments.enumerated().map { i, segment in
      let scores = (scoresBySegment[segment.id] ?? []).sorted()
      let weights = SegmentWeights(program: program, segment: segment.id)
      let credit: [Double?] = program.kpis.indices.map { k in
        guard weights.isApplicable(k), !scores.isEmpty else { return nil }
        return creditSums[i][k] / Double(scores.count)
      }
      return SegmentFacts(
        partners: scores.count, meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
        medianScore: Quantile.type7(scores, 0.5), kpiCredit: credit)
    }
  }
}

extension Scorebook {
  /// The overview's numbers at period `t`.
  public func overviewFacts(period t: Int) -> OverviewFacts {
    var sums = CreditSums(segments: program.segments.count, kpis: program.kpis.count)
    for p in partners.indices where isEvaluated(p, t) {
      guard let i = program.segmentIndex(partners[p].segment) else { continue }
      sums.add(segment: i) { attainment(p, t, $0) }
    }
    return OverviewFacts(
      self, program: program, partners: partners, period: t, order: order[t], creditSums: sums.sums,
      atRiskRecord: FlagCalibration(book: self, period: t).atRisk.all)
  }
}

/// The overview's numbers at one period, as a rescore kept them.
public struct KeptOverview: Sendable {
  public let program: Program
  public let periods: [Period]
  /// The period shown (an index into `periods`).
  public let period: Int
  public let facts: OverviewFacts
  /// The period shown: open or closed, and how many partners reported.
  public let coverage: QuarterCoverage

  public init(
    program: Program, periods: [Period], period: Int, facts: OverviewFacts, coverage: QuarterCoverage
  ) {
    self.program = program
    self.periods = periods
    self.period = period
    self.facts = facts
    self.coverage = coverage
  }
}
