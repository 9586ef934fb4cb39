import Dashboard
import Presentation
import Scoring
import TerminalUI

/// How the screens name the active filters: `“acme”, segment msp, region
/// EMEA, tier Gold`; empty when none. The book is named apart: `x` does
/// not clear it.
enum FilterText {
  /// What a screen's title line ends with: " · filter: segment msp (x
  /// clears)"; "" without filters.
  static func suffix(_ f: LeaderboardFilter, program: Program, clears: Bool = true) -> String {
    let filters = describe(f, program: program)
    return filters.isEmpty ? "" : " · filter: " + filters + (clears ? " (x clears)" : "")
  }

  /// The book shown, first on a title line (the one thing never cut):
  /// "Sophie Laurent's book · " after the screen's name; nothing for everyone.
  static func book(_ f: LeaderboardFilter, theme: Theme) -> [StyledText] {
    guard let m = f.manager else { return [] }
    return [StyledText(Books.title(m), style: theme.accent), StyledText(" · ", style: theme.muted)]
  }

  static func describe(_ f: LeaderboardFilter, program: Program) -> String {
    var parts: [String] = []
    if !f.text.isEmpty { parts.append("“\(f.text)”") }
    if let v = f.segment { parts.append("segment \(v)") }
    if let v = f.region { parts.append("region \(v)") }
    if let v = f.tier { parts.append("tier \(program.tiers.first { $0.id == v }?.name ?? v)") }
    if let v = f.flag { parts.append(Phrases.flagName(v)) }
    return parts.joined(separator: ", ")
  }
}
