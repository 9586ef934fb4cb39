import Dashboard
import Presentation
import Scoring
import TerminalUI

/// Small text pieces shared by the screens.
enum Format {
  /// A rank movement in the leaderboard's 5-cell column: up to 4 digits,
  /// thousands beyond ("▲10k"), never a cut number.
  static func movement(_ m: Int?, _ g: Glyphs, _ theme: Theme) -> StyledText {
    let p = Phrases.movement(m, unicode: g.isUnicode, digits: 4)
    return StyledText(p.text, style: style(p.trend, theme))
  }

  /// The colour of a direction: up good, down bad, same muted, new accent.
  static func style(_ trend: Phrases.Trend, _ theme: Theme) -> Style {
    switch trend {
    case .up: theme.good
    case .down: theme.bad
    case .same: theme.muted
    case .new: theme.accent
    }
  }

  static func change(_ d: Double?, _ theme: Theme) -> StyledText {
    guard let d else { return StyledText("", style: theme.muted) }
    let r = specRound(d, 1)
    if r == 0 { return StyledText("0.0", style: theme.muted) }
    return StyledText(NumberFormat.signed(r, 1), style: r > 0 ? theme.good : theme.bad)
  }

  static func flags(
    atRisk: Bool, rising: Bool, blocked: Bool, grace: Int, gracePeriods: Int, _ theme: Theme
  ) -> [StyledText] {
    let flags = Phrases.flags(
      atRisk: atRisk, rising: rising, blocked: blocked, grace: grace, gracePeriods: gracePeriods)
    let out = flags.map {
      f in
      switch f {
      case .atRisk: StyledText(f.text(short: true), style: theme.bad)
      case .rising: StyledText(f.text(short: true), style: theme.good)
      case .blocked: StyledText(f.text(short: true), style: theme.warn)
      case .grace: StyledText(f.text(short: true), style: theme.warn)
      }
    }
    var joined: [StyledText] = []
    for (i, f) in out.enumerated() {
      if i > 0 { joined.append(" ") }
      joined.append(f)
    }
    return joined
  }

  static func value(_ v: Double?, _ kpi: KPI, _ program: Program) -> String {
    NumberFormat.value(v, unit: kpi.unit, currency: program.currency)
  }
}
