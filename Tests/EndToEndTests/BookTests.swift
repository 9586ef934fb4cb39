import Foundation
import Testing

/// A manager's book (partners.csv's manager column): `--manager` on the
/// reading commands, the dashboard's `:manager` picker, remembered.
@Suite struct BookTests {
  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-data").path
  }()

  let db: String

  init() throws {
    db = try Binary.tempDir() + "/s.sqlite"
    let r = try Binary.run(["init", "--from", Self.sample, "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// Sophie Laurent's partners in sample-data/partners.csv (11; Lead
  /// Lantern has no data at 2026Q4).
  static let sophie = [
    "p002", "p004", "p012", "p020", "p027", "p032", "p044", "p048", "p054", "p057", "p064",
  ]

  @Test func readingCommandsShowOneBook() throws {
    let json = try Binary.run(["leaderboard", "--manager", "sophie", "--format", "json", "--db", db])
    #expect(json.status == 0, "\(json.stderr)")
    let ids = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    ).compactMap { $0["partner_id"] as? String }
    #expect(Set(ids) == Set(Self.sophie.filter { $0 != "p064" }) && ids.count == 10)
    // The table says whose book; the option may come before the command;
    // accents and case aside.
    let table = try Binary.run(["--manager", "SOPHIE LAURENT", "leaderboard", "--db", db])
    #expect(table.stdout.contains("Sophie Laurent's book · 10 of 63 partners"), "\(table.stdout)")
    // The environment names the book when the option does not; `all` is everyone.
    let env = try Binary.run(
      ["changes", "--db", db, "--format", "csv"], env: ["PARTNERBOARD_MANAGER": "laurent"])
    #expect(env.status == 0 && env.stdout.contains("p044") && !env.stdout.contains("p001,"))
    let everyone = try Binary.run(
      ["leaderboard", "--manager", "all", "--db", db], env: ["PARTNERBOARD_MANAGER": "laurent"])
    #expect(everyone.stdout.contains("· 63 of 63 partners"))
    // score: Marco Rossi's 10 partners, all evaluated.
    let score = try Binary.run(["score", "--manager", "rossi", "--format", "csv", "--db", db])
    #expect(score.status == 0 && score.stdout.split(separator: "\n").count == 11, "\(score.stdout)")
    // Payouts: only the book's agreements.
    let payouts = try Binary.run(["payouts", "--manager", "sophie", "--format", "csv", "--db", db])
    #expect(payouts.status == 0)
    for line in payouts.stdout.split(separator: "\n").dropFirst() {
      #expect(Self.sophie.contains { line.contains(",\($0),") }, "\(line)")
    }
  }

  @Test func aPartnerOutsideTheBookIsNamedAsSuch() throws {
    let other = try Binary.run(["tier", "p001", "--manager", "sophie", "--db", db])
    #expect(other.status == 1)
    #expect(
      other.stderr.contains(
        "Northwind Solutions (p001) is in Lucía Fernández's book, not Sophie Laurent's book (--manager all for every partner)"
      ), "\(other.stderr)")
    let search = try Binary.run(["qbr", "northwind", "--manager", "sophie", "--db", db, "--export", "x.md"])
    #expect(search.status == 1 && search.stderr.contains("no partner in Sophie Laurent's book matches"))
    let mine = try Binary.run(["tier", "acme", "--manager", "sophie", "--db", db])
    #expect(mine.status == 0 && mine.stdout.contains("Acme Corporation"))
  }

  @Test func unknownAndAmbiguousManagersAreRefused() throws {
    let unknown = try Binary.run(["leaderboard", "--manager", "nobody", "--db", db])
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr.contains(
        "--manager: no manager is called \"nobody\" (managers: Aiko Tanaka, Dana Whitfield, Lucía Fernández, Marco Rossi, Sophie Laurent)"
      ), "\(unknown.stderr)")
    // "r" starts Rossi and ... no: Marco Rossi only has an r-word; "l" starts Lucía and Laurent.
    let ambiguous = try Binary.run(["leaderboard", "--manager", "l", "--db", db])
    #expect(ambiguous.status == 1)
    #expect(
      ambiguous.stderr.contains("\"l\" could be Lucía Fernández, Sophie Laurent: type more of the name"))
  }
}

/// The dashboard's book: picked with `:manager`, remembered for the next start.
@Suite(.serialized, .needsTmux) struct BookDashboardTests {
  @Test func pickedRememberedAndShownEverywhere() throws {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    #expect(try Binary.run(["init", "--from", BookTests.sample, "--db", db]).status == 0)
    let env = ["XDG_STATE_HOME": dir + "/state"]
    let t = try Tmux(["--db", db], env: env)
    #expect(try t.wait(for: "showing 63 + 1 without data"))
    try t.send(":", "manager", "Enter")
    #expect(try t.wait(for: "Find: _"))
    #expect(try t.screen().contains("Sophie Laurent"))
    try t.send("sop", "Enter")
    #expect(try t.wait(for: "Sophie Laurent's book · "), "\((try? t.screen()) ?? "")")
    #expect(try t.screen().contains("showing 10 + 1 without data"))
    // Changes follow the book.
    try t.send("5")
    #expect(
      try t.wait { $0.contains(" Changes  Sophie Laurent's book") } != nil, "\((try? t.screen()) ?? "")")
    try t.send("q")
    #expect(try t.wait { _ in FileManager.default.fileExists(atPath: t.exitFile) } != nil)
    // The next start opens in the same book.
    let again = try Tmux(["--db", db], env: env)
    #expect(try again.wait(for: "Sophie Laurent's book · "), "\((try? again.screen()) ?? "")")
    #expect(try again.screen().contains("showing 10 + 1 without data"))
    try again.send("q")
  }
}
