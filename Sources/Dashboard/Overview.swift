import Presentation
import Scoring

/// The program overview screen: how the whole channel stands at one period.
public struct OverviewModel: Sendable {
  public struct SegmentSummary: Sendable {
    public let segment: Segment
    public let partners: Int
    public let meanScore: Double?
    public let medianScore: Double?
    /// Mean credit (0..1) per KPI over the segment's partners; nil where not applicable.
    public let kpiCredit: [Double?]
  }

  public struct Mover: Sendable {
    public let partner: Partner
    public let movement: Int
    public let score: Double
  }

  public struct Risk: Sendable {
    public let partner: Partner
    public let tier: String
    public let score: Double
    public let reason: String
  }

  public let period: Period
  public let program: Program
  public let evaluated: Int
  public let tierCounts: [Int]
  /// transitions[from][to]: partners evaluated last quarter and now, by tier.
  public let transitions: [[Int]]
  /// Partners new at this period, by tier (the matrix's "New" row).
  public let newByTier: [Int]
  public let hasPrevious: Bool
  public let segments: [SegmentSummary]
  public let risers: [Mover]
  public let fallers: [Mover]
  public let atRisk: [Risk]

  public init(book: Scorebook, period t: Int, moversShown: Int = 5) {
    let program = book.program
    self.program = program
    period = book.periods[t]
    let ids = book.order[t]
    evaluated = ids.count
    var counts = [Int](repeating: 0, count: program.tiers.count)
    var matrix = [[Int]](
      repeating: [Int](repeating: 0, count: program.tiers.count), count: program.tiers.count)
    var newcomers = [Int](repeating: 0, count: program.tiers.count)
    var movers: [Mover] = []
    var risks: [Risk] = []
    for p in ids {
      let tier = book.tier(p, t)!
      counts[tier] += 1
      if t > 0, let before = book.tier(p, t - 1) {
        matrix[before][tier] += 1
      } else {
        newcomers[tier] += 1
      }
      if let m = book.movement(p, t), m != 0 {
        movers.append(Mover(partner: book.partners[p], movement: m, score: book.score(p, t)!))
      }
      let outlook = book.outlook(p, t)!
      if outlook.atRisk {
        let reason = ChangeText.risk(
          grace: book.grace(p, t), projection: outlook.projection, tier: program.tiers[tier], program: program
        )
        risks.append(
          Risk(
            partner: book.partners[p], tier: program.tiers[tier].name, score: book.score(p, t)!,
            reason: reason))
      }
    }
    tierCounts = counts
    transitions = matrix
    newByTier = newcomers
    hasPrevious = t > 0
    risers = Array(movers.filter { $0.movement > 0 }.sorted { $0.movement > $1.movement }.prefix(moversShown))
    fallers = Array(
      movers.filter { $0.movement < 0 }.sorted { $0.movement < $1.movement }.prefix(moversShown))
    atRisk = risks
    segments = program.segments.map { segment in
      let members = ids.filter { book.partners[$0].segment == segment.id }
      let scores = members.map { book.score($0, t)! }.sorted()
      let weights = SegmentWeights(program: program, segment: segment.id)
      let credit: [Double?] = program.kpis.indices.map { k in
        guard weights.isApplicable(k), !members.isEmpty else { return nil }
        var sum = 0.0
        for p in members { sum += Attainment.credit(book.attainment(p, t, k)) }
        return sum / Double(members.count)
      }
      return SegmentSummary(
        segment: segment, partners: members.count,
        meanScore: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
        medianScore: Self.median(scores), kpiCredit: credit)
    }
  }

  /// The median: the type-7 quantile at 0.5, as in the trends statistics.
  static func median(_ sorted: [Double]) -> Double? { Quantile.type7(sorted, 0.5) }
}
