import Scoring

/// The one CSV layout of a pilot review (`pilot --format csv`, the Pilot screen's `e`).
public enum PilotCSV {
  public static func table(_ review: PilotReview, program: Program) -> ExportTable {
    let f = { (x: Double?, d: Int) in x.map { NumberFormat.fixed($0, d) } ?? "" }
    return ExportTable(
      header: [
        "measure", "n_members", "n_rest", "change_members", "change_rest", "effect", "se", "t", "verdict",
      ],
      rows: review.results.map { r in
        [
          r.kpi.map { program.kpis[$0].id } ?? "score", String(r.n.members), String(r.n.rest),
          f(r.change.members, 4), f(r.change.rest, 4), f(r.effect, 4), f(r.se, 4), f(r.t, 2),
          r.verdict.rawValue,
        ]
      })
  }
}

/// The one CSV layout of the program return (`roi --format csv`, the
/// Program return screen's `e`): a row per KPI, then the program ("all").
public enum ROICSV {
  public static func table(_ roi: ProgramROI) -> ExportTable {
    let money = { (x: Double) in NumberFormat.fixed(x, 2) }
    let ratio = { (x: Double?) in x.map { NumberFormat.fixed($0, 4) } ?? "" }
    var rows = roi.kpis.map { k in
      [k.kpi.id, String(k.agreements), money(k.paid), money(k.gain), ratio(k.gainPerPaid), ratio(k.roi)]
    }
    rows.append([
      "all", String(roi.agreements.count), money(roi.paid), money(roi.cashGain), "", ratio(roi.cashROI),
    ])
    return ExportTable(header: ["kpi", "agreements", "paid", "gain", "gain_per_paid", "roi"], rows: rows)
  }
}
