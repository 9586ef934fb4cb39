import Presentation
import Scoring

/// The program overview screen: how the whole channel stands at one period.
/// The overview screen: its model (built when it opens) and its first line
/// shown (it scrolls where it does not fit).
public struct OverviewState: Sendable {
  public internal(set) var model: OverviewModel?
  public internal(set) var scroll = 0

  /// ↑↓ PgUp PgDn g Home scroll, `page` lines a page; false for another
  /// key. The page clamps the scroll to what it holds (↑ from past the end
  /// starts from the last line shown).
  mutating func scroll(_ key: Key, page: Int) -> Bool {
    switch key {
    case .down, .char("j"): scroll = min(scroll + 1, 200)
    case .up, .char("k"): scroll = max(0, scroll - 1)
    case .pageDown, .char(" "): scroll = min(scroll + page, 200)
    case .pageUp: scroll = max(0, scroll - page)
    case .char("g"), .home: scroll = 0
    default: return false
    }
    return true
  }
}

public struct OverviewModel: Sendable {
  public struct SegmentSummary: Sendable {
    public let segment: Segment
    public let partners: Int
    public let meanScore: Double?
    public let medianScore: Double?
    /// Mean credit (0..1) per KPI over the segment's partners; nil where not applicable.
    public let kpiCredit: [Double?]
  }

  public typealias Mover = OverviewFacts.Mover

  public struct Risk: Sendable {
    public let partner: Partner
    public let tier: String
    public let score: Double
    public let reason: String
  }

  public var period: Period { coverage.period }
  /// The period open or closed, and how many partners reported.
  public let coverage: QuarterCoverage
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
  /// Partners at risk, and the first `OverviewFacts.risksListed` of them.
  public let atRiskCount: Int
  public let atRisk: [Risk]
  /// How often the at-risk flag came true so far (SPEC section 16).
  public let atRiskRecord: FlagCalibration.Counts

  public init(book: Scorebook, period t: Int) {
    self.init(
      facts: book.overviewFacts(period: t), program: book.program, coverage: book.coverage(t), index: t)
    // A manager's copy of a team store: the overview is of its book.
    if book.ranksGiven { self.book = Books.managers(book.partners).first }
  }

  /// The book the overview is of (a manager's login); nil: the program's.
  public var book: String?

  /// From the numbers (the whole scorebook's, or those kept with the scores).
  public init(facts f: OverviewFacts, program: Program, coverage: QuarterCoverage, index t: Int) {
    self.program = program
    self.coverage = coverage
    evaluated = f.evaluated
    tierCounts = f.tierCounts
    transitions = f.transitions
    newByTier = f.newByTier
    hasPrevious = t > 0
    risers = f.risers
    fallers = f.fallers
    atRiskCount = f.atRiskCount
    atRiskRecord = f.atRiskRecord
    atRisk = f.risks.map { r in
      Risk(
        partner: r.partner, tier: program.tiers[r.tier].name, score: r.score,
        reason: ChangeText.risk(
          grace: r.grace, projection: r.projection, tier: program.tiers[r.tier], program: program))
    }
    segments = zip(program.segments, f.segments).map { segment, s in
      SegmentSummary(
        segment: segment, partners: s.partners, meanScore: s.meanScore, medianScore: s.medianScore,
        kpiCredit: s.kpiCredit)
    }
  }
}
