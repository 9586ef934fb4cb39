import Dashboard
import Presentation
import Scoring

/// How the screens name the active filters: `“acme”, segment msp, region
/// EMEA, tier Gold`; empty when none.
enum FilterText {
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
