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

  public func csv() -> String { PilotCSV.table(review, program: program).csv() }

  public func table(width: Int) -> String {
    let r = review
    var out = OutcomeText.pilotHeading(r) + "\n" + OutcomeText.pilotSize(r) + "\n"
    out += OutcomeText.pilotComparison + "\n\n"
    out += TextTable(
      columns: [
        .init("Measure", flexible: true), .init("Members", align: .right), .init("Rest", align: .right),
        .init("Effect", align: .right), .init("se", align: .right), .init("t", align: .right),
        .init("Verdict", wraps: true),
      ],
      rows: r.results.map { x in
        [
          OutcomeText.measure(x, program: program), OutcomeText.groupChange(x.change.members, n: x.n.members),
          OutcomeText.groupChange(x.change.rest, n: x.n.rest),
          OutcomeText.signed(x.effect), OutcomeText.ratio(x.se), OutcomeText.ratio(x.t),
          Phrases.pilotVerdict(x.verdict, n: x.n),
        ]
      }
    ).render(width: width)
    return out
  }
}
