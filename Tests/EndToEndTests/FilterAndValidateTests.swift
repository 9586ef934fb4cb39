import Foundation
import Testing

/// Issue 20: filters and validation that used to answer silently.
@Suite struct FilterAndValidateTests {
  let dir: String
  let db: String

  init() throws {
    dir = try Binary.tempDir()
    db = dir + "/s.sqlite"
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
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
}
