import Presentation
import Scoring

/// `partnerboard changes`: what changed at one period (`Changes`), as a
/// table grouped by section, CSV (one row per entry) or JSON.
public struct ChangesReport {
  public let book: Scorebook
  public let changes: Changes

  public init(_ book: Scorebook, period t: Int, since: Int? = nil, filter: PartnerFilter = PartnerFilter()) {
    self.book = book
    changes = Changes(book: book, period: t, since: since, filter: filter)
  }

  private func tierID(_ t: Int?) -> String? { t.map { book.program.tiers[$0].id } }

  func fields(_ e: Changes.Entry) -> [(String, JSON)] {
    let partner = book.partners[e.partner]
    return [
      ("section", .string(e.kind.rawValue)),
      ("partner_id", .string(partner.id)),
      ("name", .string(partner.name)),
      ("segment", .string(partner.segment)),
      ("region", .string(partner.region)),
      ("from_tier", .str(tierID(e.fromTier))),
      ("tier", .str(tierID(e.tier))),
      ("score", .rounded(e.score, 2)),
      ("grace", .int(e.grace)),
      ("next_tier", .str(tierID(e.nextTier))),
      (
        "unmet_requirements",
        .array(
          e.unmet.map { r in
            .object([
              ("kpi", .string(r.kpi.id)), ("required", .number(r.requirement.value)),
              ("current", .rounded(r.current, 4)),
            ])
          })
      ),
      ("reason", .string(ChangeText.reason(e, book: book))),
    ]
  }

  /// One object: the period, the one compared with, and the entries in section order.
  public func json() -> String {
    JSON.object([
      ("period", .string(changes.period.description)),
      ("previous", .str(changes.previous?.description)),
      ("changes", .array(changes.entries.map { .object(fields($0)) })),
    ]).text + "\n"
  }

  public func csv() -> String { ChangesCSV.document(changes, book: book) }

  /// Sections with a title and count, entries as a table under each; empty
  /// sections say so in one line.
  public func table(width: Int, unicode: Bool) -> String {
    var out = ""
    for kind in changes.kinds {
      let entries = changes.entries(kind)
      out += "\(ChangeText.title(kind)) (\(entries.count))"
      if entries.isEmpty {
        out += ": none\n"
        continue
      }
      out += "\n"
      let rows = entries.map { e -> [String] in
        let partner = book.partners[e.partner]
        return [
          "", partner.name, partner.id, e.tier.map { book.program.tiers[$0].name } ?? "—",
          e.score.map { NumberFormat.fixed($0, 2) } ?? "—",
          ChangeText.reason(e, book: book, unicode: unicode),
        ]
      }
      let table = TextTable(
        columns: [
          .init(""), .init("Partner", flexible: true), .init("Id"), .init("Tier"),
          .init("Score", align: .right),
          .init("Why", wraps: true),
        ], rows: rows
      ).render(width: width)
      out += table
    }
    return out
  }
}
