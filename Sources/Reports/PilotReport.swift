import Presentation
import Scoring

/// `partnerboard pilot COHORT`: SPEC section 13 as JSON, CSV or a table.
public struct PilotReport {
  public let review: PilotReview
  public let program: Program

  public init(_ review: PilotReview, program: Program) {
    self.review = review
    self.program = program
  }

  func measure(_ r: PilotReview.Result) -> String { r.kpi.map { program.kpis[$0].id } ?? "score" }

  public func json() -> String {
    JSON.object([
      ("cohort", .string(review.cohort)), ("start", .string(review.start.description)),
      ("period", .string(review.period.description)), ("members", .int(review.members)),
      ("share", .rounded(review.share, 4)), ("size", .string(review.size.rawValue)),
      ("pre", .array(review.pre.map { .string($0.description) })),
      ("post", .array(review.post.map { .string($0.description) })),
      (
        "results",
        .array(
          review.results.map { r in
            .object([
              ("measure", .string(measure(r))), ("n", .array([.int(r.n.members), .int(r.n.rest)])),
              ("change", .array([.rounded(r.change.members, 4), .rounded(r.change.rest, 4)])),
              ("effect", .rounded(r.effect, 4)), ("se", .rounded(r.se, 4)), ("t", .rounded(r.t, 2)),
              ("verdict", .string(r.verdict.rawValue)),
            ])
          })
      ),
    ]).text + "\n"
  }

  public func csv() -> String {
    let f = { (x: Double?, d: Int) in x.map { NumberFormat.fixed($0, d) } ?? "" }
    return CSVWriter.document(
      header: [
        "measure", "n_members", "n_rest", "change_members", "change_rest", "effect", "se", "t", "verdict",
      ],
      rows: review.results.map { r in
        [
          measure(r), String(r.n.members), String(r.n.rest), f(r.change.members, 4), f(r.change.rest, 4),
          f(r.effect, 4), f(r.se, 4), f(r.t, 2), r.verdict.rawValue,
        ]
      })
  }

  public func table(width: Int) -> String {
    let r = review
    let span = { (ps: [Period]) in
      ps.isEmpty ? "none" : ps.count == 1 ? "\(ps[0])" : "\(ps.first!)-\(ps.last!)"
    }
    var out =
      "Pilot \(r.cohort) from \(r.start), up to \(r.period): before \(span(r.pre)), since \(span(r.post))\n"
    out +=
      "\(r.members) member\(r.members == 1 ? "" : "s"), \(Phrases.sharePercent(r.share)) of the partners: \(Phrases.pilotSize(r.size))\n"
    out += "Compared with the partners in no cohort; a change is positive when it is better.\n\n"
    out += TextTable(
      columns: [
        .init("Measure", flexible: true), .init("Members", align: .right), .init("Rest", align: .right),
        .init("Effect", align: .right), .init("se", align: .right), .init("t", align: .right),
        .init("Verdict", wraps: true),
      ],
      rows: r.results.map { x in
        let name = x.kpi.map { program.kpis[$0].name } ?? "Score"
        let change = { (v: Double?, n: Int) in
          v.map { NumberFormat.signed($0, 2) + " (n \(n))" } ?? "— (n \(n))"
        }
        return [
          name, change(x.change.members, x.n.members), change(x.change.rest, x.n.rest),
          x.effect.map { NumberFormat.signed($0, 2) } ?? "—", x.se.map { NumberFormat.fixed($0, 2) } ?? "—",
          x.t.map { NumberFormat.fixed($0, 2) } ?? "—", Phrases.pilotVerdict(x.verdict, n: x.n),
        ]
      }
    ).render(width: width)
    return out
  }
}
