import Scoring
import TextLayout

/// The one home of the words and signs partnerboard shows about a partner:
/// rank movement, flags, better or worse, requirements, shares. Reports,
/// the dashboard's screens and the QBR all take them from here; the screens
/// only add colour.
public enum Phrases {
  /// Which way a value moved: for colour, and for words where there is room.
  public enum Trend: Sendable { case up, down, same, new }

  /// Rank movement: "▲2", "▼1", "–" (ASCII "^2", "v1", "="), "new". With
  /// `digits`, a move of more digits is said in thousands ("▲10k" for
  /// 10,061 places), so a narrow column never cuts the number.
  public static func movement(_ m: Int?, unicode: Bool, digits: Int? = nil) -> (text: String, trend: Trend) {
    guard let m else { return ("new", .new) }
    if m == 0 { return (unicode ? "–" : "=", .same) }
    var n = String(m.magnitude)
    if let digits, n.count > digits { n = String(m.magnitude / 1000) + "k" }
    return m > 0 ? ((unicode ? "▲" : "^") + n, .up) : ((unicode ? "▼" : "v") + n, .down)
  }

  public enum Flag: Sendable, Equatable {
    case atRisk, rising, blocked, grace(Int, of: Int)

    /// "at risk" (short: "risk"), "rising", "blocked", "grace 1/2".
    public func text(short: Bool = false) -> String {
      switch self {
      case .atRisk: short ? "risk" : "at risk"
      case .rising: "rising"
      case .blocked: "blocked"
      case .grace(let n, let of): "grace \(n)/\(of)"
      }
    }
  }

  /// A partner's flags, in the order they are shown. A partner that rises
  /// (or already has the score) but misses a requirement of the next tier
  /// is "blocked", not "rising": it will not move up on its score alone.
  public static func flags(atRisk: Bool, rising: Bool, blocked: Bool, grace: Int, gracePeriods: Int) -> [Flag]
  {
    var f: [Flag] = []
    if atRisk { f.append(.atRisk) }
    if blocked {
      f.append(.blocked)
    } else if rising {
      f.append(.rising)
    }
    if grace > 0 { f.append(.grace(grace, of: gracePeriods)) }
    return f
  }

  public static func flags(_ e: PartnerEvaluation, gracePeriods: Int) -> [Flag] {
    flags(atRisk: e.atRisk, rising: e.rising, blocked: e.blocked, grace: e.grace, gracePeriods: gracePeriods)
  }

  /// A change in "better" units (positive = improved). On screen an arrow
  /// like the movement's ("▲", "▼", "→"; ASCII "^", "v", "="); in the QBR
  /// pack (`words`) "↑ better", "↓ worse", "→ same".
  public static func change(_ betterChange: Double?, unicode: Bool, words: Bool) -> (
    text: String, trend: Trend
  ) {
    guard let c = betterChange, specRound(c, 4) != 0 else {
      return (words ? "→ same" : (unicode ? "→" : "="), .same)
    }
    if words { return c > 0 ? ("↑ better", .up) : ("↓ worse", .down) }
    return c > 0 ? (unicode ? "▲" : "^", .up) : (unicode ? "▼" : "v", .down)
  }

  /// How a requirement reads. `.detailed` is the manager's (`tier`,
  /// `explain`, the partner card); `.partner` the QBR's, with amounts
  /// formatted (and masked) by the caller.
  public enum RequirementStyle: Sendable { case detailed, partner }

  public static func requirement(
    _ r: RequirementCheck, style: RequirementStyle, value: (Double?) -> String
  ) -> String {
    let op = r.kpi.direction == .higher ? ">=" : "<="
    let want = "\(r.kpi.name) \(op) \(value(r.requirement.value))"
    switch (style, r.outcome) {
    case (.detailed, .met): return "\(want): met (now \(value(r.current)))"
    case (.detailed, .unmet): return "\(want): unmet (now \(value(r.current)))"
    case (.detailed, .missing): return "\(want): unmet (no value in the window)"
    case (.detailed, .waived): return "\(want): waived (not measured for this segment)"
    case (.partner, .met): return want + ": met"
    case (.partner, .unmet): return want + " (now \(value(r.current)))"
    case (.partner, .missing): return want + " (no value yet)"
    case (.partner, .waived): return want + ": waived for this segment"
    }
  }

  /// At the top tier: "Top tier: Platinum"; in grace there, keeping it is
  /// what matters, and the words say so.
  public static func topTier(_ name: String, inGrace: Bool) -> String {
    inGrace ? "\(name) is the top tier: keeping it is the goal" : "Top tier: \(name)"
  }

  /// An amount hidden on a shared screen (`m`).
  /// After a search: "3 partners match \"acme\" (x clears)", "1 partner
  /// matches ...", "no partner matches ...".
  public static func matches(_ n: Int, _ text: String) -> String {
    let quoted = "\"\(Sanitizer.quoted(text))\""
    switch n {
    case 0: return "no partner matches \(quoted)"
    case 1: return "1 partner matches \(quoted) (x clears)"
    default: return "\(NumberFormat.grouped(Double(n), 0)) partners match \(quoted) (x clears)"
    }
  }

  public static let masked = "•••"

  /// A partner listed with no data at the period.
  public static let noData = "no data yet"
  /// The same in a narrow column.
  public static let noDataShort = "no data"

  /// A flag a view filters by: "at risk", "rising", "blocked", "in grace", "changed tier".
  public static func flagName(_ f: PartnerFlag) -> String {
    switch f {
    case .atRisk: "at risk"
    case .rising: "rising"
    case .blocked: "blocked by a requirement"
    case .inGrace: "in grace"
    case .changedTier: "changed tier"
    }
  }

  /// A share of the maximum payout as a whole percentage: "55 %" (`space`
  /// false: "55%").
  public static func sharePercent(_ share: Double, space: Bool = true) -> String {
    NumberFormat.fixed(share * 100, 0) + (space ? " %" : "%")
  }

  /// The badges a partner earned, by name: "Segment leader, Promoted" (SPEC section 15).
  public static func badges(_ badges: [Badge]) -> String { badges.map(\.name).joined(separator: ", ") }

  /// A badge's rule in words: "top 10 % of its segment", "Time to value
  /// better 3 quarters running", "promoted to a higher tier".
  public static func badgeRule(_ b: Badge, program: Program) -> String {
    switch b.rule {
    case .top(let percent, let scope):
      return
        "top \(NumberFormat.trimmed(percent, 2)) % of \(scope == .segment ? "its segment" : "the program")"
    case .improving(let kpi, let quarters):
      return
        "\(program.kpiIndex(kpi).map { program.kpis[$0].name } ?? kpi) better \(quarters) quarter\(quarters == 1 ? "" : "s") running"
    case .promoted: return "promoted to a higher tier"
    }
  }

  /// Each badge's one-letter mark, in the program's order: the first
  /// letter or digit of its name not taken by an earlier badge ("S" for
  /// Segment leader, "P" for Promoted), else of its id; "#" when none is left.
  public static func badgeMarks(_ badges: [Badge]) -> [Character] {
    var taken: Set<Character> = []
    return badges.map { b in
      let letters = (b.name + b.id).uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
      let mark = letters.first { !taken.contains($0) } ?? "#"
      taken.insert(mark)
      return mark
    }
  }

  /// The marks of the badges earned (indices into the program's), after a
  /// star: "★SP" ("*SP" without Unicode); empty when none.
  public static func badgeMarks(_ earned: [Int], of badges: [Badge], unicode: Bool) -> String {
    guard !earned.isEmpty else { return "" }
    let marks = badgeMarks(badges)
    return (unicode ? "★" : "*") + String(earned.map { marks[$0] })
  }

  /// A pilot cohort's size against the advice of 10-15 % of partners.
  public static func pilotSize(_ size: PilotReview.Size) -> String {
    switch size {
    case .small: "smaller than the 10-15 % a pilot should have"
    case .ok: "within the 10-15 % a pilot should have"
    case .large: "larger than the 10-15 % a pilot should have"
    }
  }

  /// A pilot verdict in words (SPEC section 13: |t| >= 1.96).
  public static func pilotVerdict(_ v: PilotReview.Verdict, n: (members: Int, rest: Int)) -> String {
    switch v {
    case .better: return "better than the rest"
    case .worse: return "worse than the rest"
    case .unclear:
      return n.members < 2 || n.rest < 2
        ? "unclear: too few partners to tell" : "unclear: no clear difference"
    }
  }

  /// A flag's record (SPEC section 16): "right 1 of 3 times (precision
  /// 33 %); caught 1 of 4 (recall 25 %)", or "never raised yet".
  public static func flagRecord(_ c: FlagCalibration.Counts) -> String {
    guard c.flagged > 0 || c.events > 0 else { return "never raised yet, and nothing to catch" }
    let right =
      "right \(c.cameTrue) of \(c.flagged) time\(c.flagged == 1 ? "" : "s")"
      + (c.precision.map { " (precision \(sharePercent($0)))" } ?? "")
    let caught =
      "caught \(c.cameTrue) of \(c.events)" + (c.recall.map { " (recall \(sharePercent($0)))" } ?? "")
    return right + "; " + caught
  }

  /// The at-risk flag's record beside the flags: "right 7 of 10 times so
  /// far" (SPEC section 16); nil before it has been raised and checked.
  public static func flagRecordShort(_ c: FlagCalibration.Counts) -> String? {
    guard c.flagged > 0 else { return nil }
    return "right \(c.cameTrue) of \(c.flagged) time\(c.flagged == 1 ? "" : "s") so far"
  }

  /// How a partner does on a KPI, in words: the colour a screen adds only
  /// repeats them. `.good` met or exceeded, `.partial`, `.bad` below the
  /// threshold, `.none` when there is nothing to judge.
  public enum ResultKind: Sendable { case good, partial, bad, none }

  /// "exceeded (128 %)", "met", "partial", "below threshold"; for a KPI
  /// with no value, no baseline or not measured for the segment, that
  /// instead. `adjusted` adds "· adjusted" (the data's own status).
  public static func result(_ k: KPIEvaluation) -> (text: String, kind: ResultKind) {
    let base: (String, ResultKind)
    switch k.status {
    case .notApplicable: return ("not applicable", .none)
    case .missing: return ("missing", .none)
    case .noBaseline: return ("no baseline yet", .none)
    case .ok, .adjusted:
      if k.attainment > 1 {
        base = ("exceeded (\(sharePercent(k.attainment)))", .good)
      } else if k.attainment >= 1 {
        base = ("met", .good)
      } else if k.credit > 0 {
        base = ("partial", .partial)
      } else {
        base = ("below threshold", .bad)
      }
    }
    return k.status == .adjusted ? (base.0 + " · adjusted", base.1) : base
  }
}
