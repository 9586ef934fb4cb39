import Foundation
import Testing

/// `changes --since P` (issue 24): a year-on-year view from the shell.
@Suite struct ChangesSinceTests {
  @Test func yearOnYearAndBadQuarters() throws {
    let db = try Binary.tempDir() + "/s.sqlite"
    #expect(try Binary.run(["init", "--from", BookTests.sample, "--db", db]).status == 0)
    let r = try Binary.run(["changes", "--since", "2025Q4", "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("compared with 2025Q4"))
    // Brightpath Integration was Registered a year before (Gold at 2026Q3).
    #expect(r.stdout.contains("Brightpath Integration") && r.stdout.contains("Registered → Platinum"))
    let json = try Binary.run(["changes", "--since", "2025Q4", "--format", "json", "--db", db])
    #expect(json.stdout.contains("\"previous\": \"2025Q4\""), "\(json.stdout.prefix(200))")
    let later = try Binary.run(["changes", "--since", "2026Q4", "--db", db])
    #expect(later.status == 1 && later.stderr.contains("--since 2026Q4: expected a quarter before 2026Q4"))
    let bad = try Binary.run(["changes", "--since", "last year", "--db", db])
    #expect(bad.status == 1 && bad.stderr.contains("--since: expected a quarter written YYYYQn"))
  }
}
