import Dashboard
import Reports
import Scoring
import TerminalUI

/// Small text pieces shared by the screens.
enum Format {
  static func movement(_ m: Int?, _ g: Glyphs, _ theme: Theme) -> StyledText {
    guard let m else { return StyledText("new", style: theme.accent) }
    if m == 0 { return StyledText(g.isUnicode ? "–" : "=", style: theme.muted) }
    return m > 0
      ? StyledText("\(g.arrowUp)\(m)", style: theme.good)
      : StyledText("\(g.arrowDown)\(-m)", style: theme.bad)
  }

  static func change(_ d: Double?, _ theme: Theme) -> StyledText {
    guard let d else { return StyledText("", style: theme.muted) }
    let r = specRound(d, 1)
    if r == 0 { return StyledText("0.0", style: theme.muted) }
    return StyledText((r > 0 ? "+" : "") + NumberFormat.fixed(r, 1), style: r > 0 ? theme.good : theme.bad)
  }

  static func flags(atRisk: Bool, rising: Bool, grace: Int, gracePeriods: Int, _ theme: Theme) -> [StyledText]
  {
    var out: [StyledText] = []
    if atRisk { out.append(StyledText("risk", style: theme.bad)) }
    if rising { out.append(StyledText("rising", style: theme.good)) }
    if grace > 0 { out.append(StyledText("grace \(grace)/\(gracePeriods)", style: theme.warn)) }
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
