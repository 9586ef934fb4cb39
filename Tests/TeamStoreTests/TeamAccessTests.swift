import Foundation
import PartnerStore
import ProgramFiles
import Scoring
import StoreFixtures
import Testing

@testable import TeamStore

/// Books and roles, enforced by PostgreSQL: a manager's login reads its
/// book's rows only (through partnerboard or plain psql), finance the
/// agreements and payouts, an owner everything; only an owner writes.
@Suite(.serialized, .needsPostgres) struct TeamAccessTests {
  /// The same database as another login.
  static func login(_ url: PostgresURL, _ name: String) throws -> PostgresURL {
    try PostgresURL(
      url.text.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://\(name)@"))
  }

  static func count(_ url: PostgresURL, _ sql: String) throws -> Int {
    Int(try PGConnection(url).execute(sql).first?.first.flatMap { $0 } ?? "") ?? -1
  }

  @Test func eachLoginReadsWhatItsRoleAllows() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let replica = try TeamStoreTests.create(url, TeamStoreTests.sampleFiles())
    let tag = "\(getpid())_\(Int.random(in: 0..<1_000_000))"
    let (sophie, ops, ap) = ("sophie_\(tag)", "ops_\(tag)", "ap_\(tag)")
    try TeamAccess.grant(url, login: sophie, role: .manager, manager: "Sophie Laurent")
    try TeamAccess.grant(url, login: ops, role: .owner, manager: nil)
    try TeamAccess.grant(url, login: ap, role: .finance, manager: nil)
    #expect(
      try TeamAccess.list(url).map(\.login) == [ap, ops, sophie].sorted()
        && TeamAccess.list(url).first { $0.login == sophie }?.manager == "Sophie Laurent")

    // Every generation is in the kept log (a copy made at any of them takes
    // only the quarters changed since), a grant's too.
    #expect(
      try Self.count(
        url,
        "SELECT count(*) FROM partnerboard.kept_log WHERE generation = (SELECT value::bigint FROM partnerboard.meta WHERE key = 'generation')"
      ) == 1)

    // The manager: the book's partners, and only their rows, in every table.
    let manager = try Self.login(url, sophie)
    let book = try Self.count(
      url, "SELECT count(*) FROM partnerboard.partners WHERE manager = 'Sophie Laurent'")
    #expect(book == 11)
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.partners") == book)
    let outside = "(SELECT id FROM partnerboard.partners WHERE manager IS DISTINCT FROM 'Sophie Laurent')"
    for table in try StoreMirror.layout() where table.columns.contains("partner_id") {
      let all = try Self.count(
        url, "SELECT count(*) FROM partnerboard.\(table.name) WHERE partner_id IN \(outside)")
      let seen = try Self.count(
        manager,
        "SELECT count(*) FROM partnerboard.\(table.name) WHERE partner_id NOT IN (SELECT id FROM partnerboard.partners)"
      )
      #expect(seen == 0, "\(table.name): \(seen) rows of other books")
      if table.name == "observations" || table.name == "partner_scores" { #expect(all > 0) }
    }
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.partners WHERE id = 'p001'") == 0)
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.kept_trends") == 0)
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.kept_overview") == 0)
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.period_counts") > 0)
    // With plain psql too.
    let psql = try #require(PostgresCluster.binaries()) + "/psql"
    let out = NSTemporaryDirectory() + "psql-\(tag).txt"
    #expect(
      PostgresCluster.spawn(
        [
          psql, manager.text, "-Atc",
          "SELECT count(*) FROM partnerboard.observations WHERE partner_id = 'p001'",
        ],
        output: out) == 0)
    #expect(
      try String(contentsOfFile: out, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "0")

    // Finance: agreements and payouts of everyone, no observation, no score.
    let finance = try Self.login(url, ap)
    #expect(try Self.count(finance, "SELECT count(*) FROM partnerboard.agreements") == 15)
    #expect(try Self.count(finance, "SELECT count(*) FROM partnerboard.kept_payouts") == 15)
    #expect(try Self.count(finance, "SELECT count(*) FROM partnerboard.observations") == 0)
    #expect(try Self.count(finance, "SELECT count(*) FROM partnerboard.partner_scores") == 0)

    // The manager's copy: its book, placed at the program's ranks.
    let copy = TeamReplica(url: manager, folder: TeamStoreTests.folder())
    try copy.refresh()
    let store = try PartnerStore.reading(path: copy.path)
    #expect(try store.copiedBook() == "Sophie Laurent")
    let data = try store.loadDataset()
    #expect(data.partners.count == book && data.givenRanks?.evaluated.isEmpty == false)
    // Only an owner writes.
    #expect(throws: TeamStoreError.self) {
      try copy.write(waiting: { _ in }) { _ in }
    }
    let owner = TeamReplica(url: try Self.login(url, ops), folder: TeamStoreTests.folder())
    _ = try owner.write(waiting: { _ in }) { scratch in
      try PartnerStore(path: scratch).closeQuarters(through: Period(year: 2026, quarter: 1))
    }
    #expect(try Self.count(url, "SELECT count(*) FROM partnerboard.imports") == 2)
    // The copy learns of it; the book is still one book.
    #expect(try copy.refresh())
    #expect(try PartnerStore.reading(path: copy.path).loadDataset().partners.count == book)
    // A partner moves from another book into this one, and Acme out of it:
    // the copy has exactly the new book, every row of it (the changes alone
    // cannot tell it so: it is copied anew).
    _ = try owner.write(waiting: { _ in }) { scratch in
      var partners = try String(
        contentsOfFile: TeamStoreCommandTests.sample + "/partners.csv", encoding: .utf8)
      partners = partners.replacingOccurrences(
        of: "p001,Northwind Solutions,reseller,LATAM,Lucía Fernández",
        with: "p001,Northwind Solutions,reseller,LATAM,Sophie Laurent"
      ).replacingOccurrences(
        of: "p004,Acme Corporation,reseller,EMEA,Sophie Laurent",
        with: "p004,Acme Corporation,reseller,EMEA,Marco Rossi")
      var issues: [DataIssue] = []
      try PartnerStore(path: scratch).apply(
        DataFiles.read(contents: [("partners.csv", partners)], issues: &issues), command: "import partners")
    }
    #expect(try copy.refresh())
    let moved = try PartnerStore.reading(path: copy.path).loadDataset()
    #expect(moved.partners.contains { $0.id == "p001" } && !moved.partners.contains { $0.id == "p004" })
    let observed = try Self.count(manager, "SELECT count(*) FROM partnerboard.observations")
    #expect(
      try StoreMirror.count(
        of: try #require(StoreMirror.layout().first { $0.name == "observations" }),
        in: PartnerStore.reading(path: copy.path)) == observed)
    _ = replica

    // Once the policies are in place a write runs no DDL: it goes through
    // while another session holds the lock an autovacuum takes on a freshly
    // loaded table (an ALTER TABLE or a policy would wait for it, and here
    // time out in 2 s).
    let vacuum = try PGConnection(url)
    try vacuum.execute("BEGIN")
    try vacuum.execute(
      "LOCK TABLE partnerboard.observations, partnerboard.partner_scores, partnerboard.partners IN SHARE UPDATE EXCLUSIVE MODE"
    )
    let impatient = TeamReplica(
      url: try PostgresURL(try Self.login(url, ops).text + "&options=-c%20lock_timeout%3D2000"),
      folder: TeamStoreTests.folder())
    _ = try impatient.write(waiting: { _ in }) { scratch in
      try PartnerStore(path: scratch).closeQuarters(through: Period(year: 2026, quarter: 2))
    }
    try vacuum.execute("ROLLBACK")
    #expect(try Self.count(url, "SELECT count(*) FROM partnerboard.imports") == 4)

    // A store rebuilt in a new layout keeps its logins' grants.
    try PGConnection(url).execute("UPDATE partnerboard.meta SET value = '1' WHERE key = 'layout'")
    _ = try owner.write(waiting: { _ in }) { scratch in
      try PartnerStore(path: scratch).reopenQuarters(from: Period(year: 2026, quarter: 1))
    }
    #expect(try Self.count(manager, "SELECT count(*) FROM partnerboard.partners") == book)
    // A copy killed half way is cleared by the next.
    let stale = copy.path + ".copy-999999"
    _ = FileManager.default.createFile(atPath: stale, contents: Data("x".utf8))
    try PGConnection(url).execute("UPDATE partnerboard.meta SET value = '1' WHERE key = 'generation'")
    #expect(try copy.refresh())
    #expect(!FileManager.default.fileExists(atPath: stale))

    // Revoked: nothing more.
    #expect(try TeamAccess.revoke(url, login: sophie))
    #expect(throws: TeamStoreError.self) {
      try Self.count(manager, "SELECT count(*) FROM partnerboard.partners")
    }
    #expect(try !TeamAccess.revoke(url, login: sophie))
  }
}
