import Presentation
import Reports
import Scoring
import TextLayout

/// Finds a partner by id (NFC, as stored), else by a piece of its name or id
/// with case and accents aside (`PartnerSearch`).
enum LookupPartner {
  static func find(_ query: String, in book: Scorebook) throws -> Int {
    if let p = book.partnerIndex(id: TextKeys.id(query)) { return p }
    let search = PartnerSearch(query)
    let matches = book.partners.indices.filter { search.matches(book.partners[$0]) }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      throw CLIError(
        "no partner matches \"\(query)\". Try a piece of the name, or list them with `partnerboard leaderboard`."
      )
    }
    let list = matches.prefix(20).map { "  \(book.partners[$0].id)  \(book.partners[$0].name)" }
    throw CLIError(
      "\"\(query)\" matches \(matches.count) partners; name one by id:\n" + list.joined(separator: "\n")
        + (matches.count > 20 ? "\n  …" : ""))
  }

  /// The partner's evaluation at `t`, or an error that says why there is none.
  static func evaluation(_ p: Int, _ t: Int, in book: Scorebook) throws -> PartnerEvaluation {
    if let e = book.evaluation(partner: p, period: t) { return e }
    let partner = book.partners[p]
    if book.firstPeriod[p] < 0 {
      throw CLIError("\(partner.name) (\(partner.id)) has no data yet: no observation in metrics.csv")
    }
    throw CLIError(
      "\(partner.name) (\(partner.id)) is not evaluated in \(book.periods[t]): its data starts in \(book.periods[book.firstPeriod[p]])"
    )
  }
}
