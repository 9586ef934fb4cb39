import Scoring

/// The changes list as CSV, one row per entry: what `partnerboard changes
/// --format csv` prints and the Changes screen's `e` writes.
public enum ChangesCSV {
  public static func document(_ changes: Changes, book: Scorebook) -> String {
    table(changes, book: book).csv()
  }

  /// The rows, for any export format.
  public static func table(_ changes: Changes, book: Scorebook) -> ExportTable {
    let tiers = book.program.tiers
    return ExportTable(
      header: ["section", "partner_id", "name", "segment", "region", "from_tier", "tier", "score", "reason"],
      rows: changes.entries.map { e in
        let partner = book.partners[e.partner]
        return [
          e.kind.rawValue, partner.id, partner.name, partner.segment, partner.region,
          e.fromTier.map { tiers[$0].id } ?? "", e.tier.map { tiers[$0].id } ?? "",
          e.score.map { NumberFormat.fixed($0, 2) } ?? "",
          ChangeText.reason(e, book: book, unicode: false),
        ]
      })
  }
}
