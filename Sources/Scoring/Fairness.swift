/// SPEC section 11: does the program treat each group of partners (a
/// segment, or a region) fairly? Per group at one period: the score's mean
/// and median, the tier shares, the gap to everyone else's median, and the
/// KPIs that drag the group down.
public struct FairnessReview: Sendable {
  public enum Grouping: String, CaseIterable, Sendable { case segment, region }

  public struct Drag: Sendable, Equatable {
    public let kpi: Int
    /// Mean credit of the others minus the group's, rounded to 4 decimals.
    public let gap: Double
    public init(kpi: Int, gap: Double) {
      self.kpi = kpi
      self.gap = gap
    }
  }

  public struct Group: Sendable {
    /// The segment id or the region.
    public let id: String
    /// The segment's name, or the region.
    public let name: String
    public let n: Int
    /// Rounded to 2 decimals.
    public let mean: Double
    public let median: Double
    /// Share of the group's partners at each tier of the program (4 decimals).
    public let tierShares: [Double]
    /// Others' median minus the group's (2 decimals); nil when the group holds every partner.
    public let gap: Double?
    public let flagged: Bool
    /// At most 3, largest first.
    public let drags: [Drag]
    /// Partner indices, in rank order.
    public let members: [Int]
  }

  public let grouping: Grouping
  public let period: Int
  public let margin: Double
  public let groups: [Group]

  /// The drag threshold: a KPI drags a group down when the others' mean credit exceeds the group's by more.
  public static let dragThreshold = 0.1

  public init(book: Scorebook, period t: Int, by grouping: Grouping = .segment) {
    self.grouping = grouping
    period = t
    let program = book.program
    margin = program.fairnessMargin
    let evaluated = book.order[t]
    let K = program.kpis.count

    // Groups, in the program's segment order or regions in code-point order.
    var keys: [(id: String, name: String)]
    switch grouping {
    case .segment:
      let present = Set(evaluated.map { book.partners[$0].segment })
      keys = program.segments.filter { present.contains($0.id) }.map { ($0.id, $0.name) }
    case .region:
      keys = RegionKey.spellings(evaluated.map { book.partners[$0].region }).map { ($0, $0) }
    }
    // Each partner's group as a number, once: the loops below compare ints.
    // Regions match as the --region filter does (RegionKey).
    var code: [String: Int] = [:]
    for (i, g) in keys.enumerated() { code[grouping == .segment ? g.id : RegionKey.key(g.id)] = i }
    var groupOf = [Int](repeating: -1, count: book.partners.count)
    for p in evaluated {
      let partner = book.partners[p]
      groupOf[p] = code[grouping == .segment ? partner.segment : RegionKey.key(partner.region)] ?? -1
    }

    groups = keys.enumerated().map { gi, g in
      let members = evaluated.filter { groupOf[$0] == gi }
      let scores = members.map { book.score($0, t)! }.sorted()
      let others = evaluated.filter { groupOf[$0] != gi }.map { book.score($0, t)! }.sorted()
      let median = Quantile.type7(scores, 0.5)!
      let gap = Quantile.type7(others, 0.5).map { specRound($0 - median, 2) }
      var shares = [Double](repeating: 0, count: program.tiers.count)
      for p in members { shares[book.tier(p, t)!] += 1 }
      var drags: [Drag] = []
      for k in 0..<K {
        // Mean credit over the partners the KPI applies to, in the group and
        // among the others, each summed in rank order.
        var sum = (group: 0.0, others: 0.0)
        var count = (group: 0, others: 0)
        for p in evaluated where book.isApplicable(p, k) {
          let c = Attainment.credit(book.attainment(p, t, k))
          if groupOf[p] == gi {
            sum.group += c
            count.group += 1
          } else {
            sum.others += c
            count.others += 1
          }
        }
        guard count.group > 0, count.others > 0 else { continue }
        // Compared after rounding, so that a gap of exactly 0.1 is not a drag.
        let d = specRound(sum.others / Double(count.others) - sum.group / Double(count.group), 4)
        if d > Self.dragThreshold { drags.append(Drag(kpi: k, gap: d)) }
      }
      drags.sort { $0.gap != $1.gap ? $0.gap > $1.gap : $0.kpi < $1.kpi }
      return Group(
        id: g.id, name: g.name, n: members.count,
        mean: specRound(members.reduce(0) { $0 + book.score($1, t)! } / Double(members.count), 2),
        median: specRound(median, 2),
        tierShares: shares.map { specRound($0 / Double(members.count), 4) }, gap: gap,
        flagged: gap.map { $0 > program.fairnessMargin } ?? false, drags: Array(drags.prefix(3)),
        members: members)
    }
  }
}
