import Presentation
import Scoring

/// The What-if screen's model: the store's data under another program at
/// one period, for the partners the leaderboard's filters keep; the
/// partners whose tier changes, the winners and the losers as one
/// selectable list.
public struct WhatIfModel: Sendable {
  public let whatIf: WhatIf
  public let filter: PartnerFilter
  /// Where the other program came from (shown in the title).
  public let source: String
  /// The first partners whose tier changes (`tierChangeCount` in all).
  public let changers: [WhatIf.Row]
  public let tierChangeCount: Int
  public let winners: [WhatIf.Row]
  public let losers: [WhatIf.Row]
  /// The tier benefits with a number under both programs (`WhatIfFacts.benefitShifts`).
  public let benefits: [BenefitShift]

  public init(
    current: Scorebook, other: Scorebook, source: String, period t: Int, filter: PartnerFilter, top: Int
  ) {
    whatIf = WhatIf(
      current: current, other: other, period: current.periods[t],
      include: filter.isEmpty ? nil : { current.matches($0, t, filter) })
    self.filter = filter
    self.source = source
    let all = whatIf.tierChangers
    changers = Array(all.prefix(top))
    tierChangeCount = all.count
    winners = whatIf.winners(top)
    losers = whatIf.losers(top)
    benefits = whatIf.facts?.benefitShifts ?? []
  }

  public var period: Int { whatIf.period }
  /// The selectable rows: tier changes, winners, then losers.
  public var list: [WhatIf.Row] { changers + winners + losers }
}

/// The What-if screen: the other program (scored when `:compare PATH`
/// loaded it), the selection, the model.
public struct WhatIfState: Sendable {
  /// The other program's data, scored; nil until a program is loaded.
  public internal(set) var other: Scorebook?
  public internal(set) var source: String?
  public internal(set) var selected = 0
  public internal(set) var model: WhatIfModel?

  /// Tier changes, winners and losers shown each, for a screen `width` x
  /// `height`: the tier matrix sits beside them from 120 columns, above
  /// them below.
  public static func listed(width: Int, height: Int, tiers: Int) -> Int {
    let free = width >= 120 ? height - 7 : height - 10 - tiers
    return max(1, min(10, free / 3))
  }
}

/// What the partner screen shows of a loaded other program.
public struct OtherStanding: Sendable {
  public let program: String
  public let score: Double
  public let tier: String
  public let rank: Int
  public let ranked: Int
  public let grace: Int
}

extension WhatIfState {
  /// Partner `p`'s standing under the other program at period `t`.
  public func standing(_ p: Int, _ t: Int) -> OtherStanding? {
    guard let other, let score = other.score(p, t), let tier = other.tier(p, t) else { return nil }
    return OtherStanding(
      program: other.program.name, score: score, tier: other.program.tiers[tier].name,
      rank: other.rank(p, t)!,
      ranked: other.order[t].count, grace: other.grace(p, t))
  }
}
