import Presentation
import Scoring

/// `partnerboard flags`: SPEC section 16 as JSON, CSV or a table.
public struct FlagsReport {
  public let calibration: FlagCalibration
  public let periods: [Period]

  public init(_ book: Scorebook, period t: Int) {
    self.init(FlagCalibration(book: book, period: t), periods: book.periods)
  }

  /// From a calibration (the whole scorebook's, or the one kept with the scores).
  public init(_ calibration: FlagCalibration, periods: [Period]) {
    self.calibration = calibration
    self.periods = periods
  }

  func object(_ f: FlagCalibration.Flag) -> JSON {
    .object([
      ("flagged", .int(f.all.flagged)), ("came_true", .int(f.all.cameTrue)), ("events", .int(f.all.events)),
      ("precision", .rounded(f.all.precision, 4)), ("recall", .rounded(f.all.recall, 4)),
      (
        "by_period",
        .array(
          f.byPeriod.map { row in
            .object([
              ("period", .string(periods[row.period].description)), ("flagged", .int(row.counts.flagged)),
              ("came_true", .int(row.counts.cameTrue)), ("events", .int(row.counts.events)),
            ])
          })
      ),
    ])
  }

  public func json() -> String {
    JSON.object([
      ("period", .string(periods[calibration.period].description)),
      ("at_risk", object(calibration.atRisk)), ("rising", object(calibration.rising)),
    ]).text + "\n"
  }

  /// One row per flag and period t, then the totals (period "all").
  public func csv() -> String {
    var rows: [[String]] = []
    for (name, flag) in [("at_risk", calibration.atRisk), ("rising", calibration.rising)] {
      for row in flag.byPeriod {
        rows.append(
          [name, periods[row.period].description] + Self.cells(row.counts))
      }
      rows.append([name, "all"] + Self.cells(flag.all))
    }
    return CSVWriter.document(
      header: ["flag", "period", "flagged", "came_true", "events", "precision", "recall"], rows: rows)
  }

  static func cells(_ c: FlagCalibration.Counts) -> [String] {
    [
      String(c.flagged), String(c.cameTrue), String(c.events),
      c.precision.map { NumberFormat.fixed($0, 4) } ?? "",
      c.recall.map { NumberFormat.fixed($0, 4) } ?? "",
    ]
  }

  /// The totals in words, then each quarter.
  public func table(width: Int) -> String {
    let last = periods[calibration.period]
    var out =
      "How often the flags came true the next quarter, up to \(last) (an at-risk flag: the partner then qualified below its tier; rising: above it)\n"
    for (name, flag) in [("At risk", calibration.atRisk), ("Rising", calibration.rising)] {
      out += "\(name): \(Phrases.flagRecord(flag.all))\n"
    }
    out += "\n"
    let rows = calibration.atRisk.byPeriod.indices.map { i -> [String] in
      let risk = calibration.atRisk.byPeriod[i]
      let rise = calibration.rising.byPeriod[i]
      return [
        periods[risk.period].description, "\(risk.counts.cameTrue) of \(risk.counts.flagged)",
        String(risk.counts.events), "\(rise.counts.cameTrue) of \(rise.counts.flagged)",
        String(rise.counts.events),
      ]
    }
    out += TextTable(
      columns: [
        .init("Flagged at"), .init("At risk: right", align: .right), .init("fell short", align: .right),
        .init("Rising: right", align: .right), .init("rose", align: .right),
      ], rows: rows
    ).render(width: width)
    return out
  }
}
