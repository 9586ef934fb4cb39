import Foundation
import Testing

/// Issue 20: filters and validation that used to answer silently.
@Suite struct FilterAndValidateTests {
  let dir: String
  let db: String

  init() throws {
    (dir, db) = try Binary.specExampleStore()
  }

  /// Issue 20: an unknown region is an error, as an unknown segment is; a
  /// region matches without regard to case.
  @Test func anUnknownRegionIsAnError() throws {
    let r = try Binary.run(["leaderboard", "--region", "nope", "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains("--region: no partner is in region \"nope\" (regions: EMEA, NA)"))
    for command in ["changes", "trends"] {
      #expect(try Binary.run([command, "--region", "nope", "--db", db]).status == 1, "\(command)")
    }
    let emea = try Binary.run(["leaderboard", "--region", "emea", "--db", db])
    #expect(emea.status == 0 && emea.stdout.contains("Alpha") && !emea.stdout.contains("Beta"))
  }

  /// Issue 20: `validate --strict` makes warnings fatal (a KPI the program
  /// does not score); one short row in partners.csv is one error, not one
  /// "unknown partner" per metric.
  @Test func validateStrictAndOneBadPartnerRow() throws {
    let folder = dir + "/data"
    try FileManager.default.copyItem(atPath: Binary.fixtures + "/spec-example", toPath: folder)
    let metrics = folder + "/metrics.csv"
    try (try String(contentsOfFile: metrics, encoding: .utf8) + "A,2026Q1,revenue_typo,3\n").write(
      toFile: metrics, atomically: true, encoding: .utf8)
    let lax = try Binary.run(["validate", folder])
    #expect(lax.status == 0 && lax.stderr.contains("revenue_typo"))
    let strict = try Binary.run(["validate", folder, "--strict"])
    #expect(strict.status == 1 && strict.stderr.contains("revenue_typo"))
    try "id,name,segment,region\nA,Alpha,reseller\nB,Beta,referral,NA\n".write(
      toFile: folder + "/partners.csv", atomically: true, encoding: .utf8)
    let short = try Binary.run(["validate", folder])
    #expect(short.status == 1)
    #expect(short.stderr.contains("1 error") && short.stderr.contains("partners.csv:2"))
    #expect(!short.stderr.contains("unknown partner"))
  }

  /// SPEC section 3 from the command line: close, reopen, an import into a
  /// closed quarter refused (store unchanged) unless --reopen, the log.
  @Test func closeReopenAndImportsIntoClosedQuarters() throws {
    let closed = try Binary.run(["close", "2026Q3", "--db", db])
    #expect(closed.status == 0 && closed.stdout.contains("closed every quarter through 2026Q3"))
    #expect(try Binary.run(["close", "2026Q2", "--db", db]).stdout.contains("already closed"))
    #expect(try Binary.run(["close", "2031Q1", "--db", db]).status == 1)
    #expect(try Binary.run(["close", "Q3", "--db", db]).status == 1)
    let file = dir + "/metrics-fix.csv"
    try "partner_id,period,kpi,value\nA,2026Q2,rev,41\n".write(
      toFile: file, atomically: true, encoding: .utf8)
    let before = try Binary.dump(db)
    let refused = try Binary.run(["import", file, "--db", db])
    #expect(refused.status == 1 && refused.stderr.contains("2026Q2") && refused.stderr.contains("--reopen"))
    #expect(try Binary.dump(db) == before)
    let reopened = try Binary.run(["import", file, "--reopen", "--db", db])
    #expect(reopened.status == 0, "\(reopened.stderr)")
    #expect(reopened.stdout.contains("reopened 2026Q2") && reopened.stdout.contains("2026Q2: provisional"))
    let json = try Binary.run(["score", "--period", "2026Q1", "--format", "json", "--db", db])
    #expect(json.stdout.contains("\"provisional\": false"))
    let again = try Binary.run(["reopen", "2026Q1", "--db", db])
    #expect(again.stdout.contains("reopened 2026Q1") && again.stdout.contains("no quarter is closed"))
    let log = try Binary.run(["imports", "--db", db]).stdout
    #expect(log.contains("close 2026Q3 (by ") && log.contains("reopen 2026Q1 (by "))
    #expect(log.contains("--reopen"))
  }

  /// Issue 24's shell items: --tier by id or name whatever the case, and --version.
  @Test func tierFilterIgnoresCaseAndVersionIsShown() throws {
    for spelled in ["gold", "Gold", "GOLD"] {
      let r = try Binary.run(["leaderboard", "--tier", spelled, "--db", db])
      #expect(r.status == 0 && r.stdout.contains("2 of 2 partners"), "\(spelled): \(r.stderr)")
    }
    #expect(try Binary.run(["leaderboard", "--tier", "mythic", "--db", db]).status == 1)
    let v = try Binary.run(["--version"])
    #expect(v.status == 0 && v.stdout.hasPrefix("partnerboard ") && v.stdout.contains("scoring engine"))
  }
}
