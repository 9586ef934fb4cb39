/// SPEC section 15: recognition as program data. A badge is earned at a
/// period by a partner evaluated then, by one of three rules.
public struct Badge: Sendable, Equatable {
  public enum Scope: String, CaseIterable, Sendable { case program, segment }
  public enum Rule: Sendable, Equatable {
    /// Program (or segment) rank <= ceil(percent * n / 100).
    case top(percent: Double, scope: Scope)
    /// The KPI's quarterly observations exist at t-quarters ... t and each
    /// is strictly better than the one before.
    case improving(kpi: String, quarters: Int)
    /// Evaluated at t-1 too, and assigned a higher tier at t.
    case promoted

    /// Whether a `top` rule holds at these ranks (ceil(percent * n / 100),
    /// n the partners evaluated in its scope); nil for the other rules,
    /// which depend on the partner's own data only.
    public func holds(rank: Int, segmentRank: Int, rankedCount: Int, segmentCount: Int) -> Bool? {
      guard case .top(let percent, let scope) = self else { return nil }
      let n = scope == .segment ? segmentCount : rankedCount
      return Double(scope == .segment ? segmentRank : rank) <= (percent * Double(n) / 100).rounded(.up)
    }
  }

  public let id: String
  public let name: String
  public let rule: Rule

  public init(id: String, name: String, rule: Rule) {
    self.id = id
    self.name = name
    self.rule = rule
  }
}

extension Scorebook {
  /// The badges partner `p` earns at period `t`, in the program's badge
  /// order (indices into `program.badges`); empty when not evaluated.
  public func badges(_ p: Int, _ t: Int) -> [Int] {
    guard isEvaluated(p, t) else { return [] }
    return badges(
      p, t, rank: rank(p, t)!, segmentRank: segmentRank(p, t)!, rankedCount: rankedCounts[t],
      segmentCount: segmentSizes[t][partners[p].segment] ?? 0)
  }

  /// The same for a partner scored on its own and placed among all
  /// partners by kept ranks: `top` rules read the placement.
  public func badges(
    _ p: Int, _ t: Int, rank: Int, segmentRank: Int, rankedCount: Int, segmentCount: Int
  ) -> [Int] {
    guard isEvaluated(p, t) else { return [] }
    return program.badges.indices.filter {
      program.badges[$0].rule.holds(
        rank: rank, segmentRank: segmentRank, rankedCount: rankedCount, segmentCount: segmentCount)
        ?? earns(p, t, program.badges[$0].rule)
    }
  }

  func earns(_ p: Int, _ t: Int, _ rule: Badge.Rule) -> Bool {
    switch rule {
    case .top: return false  // decided by the ranks: `Badge.Rule.holds`, through `badges`
    case .improving(let kpi, let quarters):
      guard let k = program.kpiIndex(kpi), t - quarters >= 0 else { return false }
      let higher = program.kpis[k].direction == .higher
      var previous: Double? = nil
      for u in (t - quarters)...t {
        guard let v = observation(p, u, k)?.value else { return false }
        if let before = previous, higher ? !(v > before) : !(v < before) { return false }
        previous = v
      }
      return true
    case .promoted:
      guard t > 0, isEvaluated(p, t - 1) else { return false }
      return tier(p, t)! > tier(p, t - 1)!
    }
  }
}
