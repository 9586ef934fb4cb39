import Foundation
import PartnerStore
import ProgramFiles
import Reports
import SampleData
import Scoring
import TeamStore
import Testing

/// The team store on PostgreSQL: the same data in, the same numbers out,
/// and one clear line for every connection that cannot be used.
@Suite(.serialized, .needsPostgres) struct TeamStoreTests {
  static func sampleFiles() -> DataFiles {
    var issues: [DataIssue] = []
    return DataFiles.read(
      contents: SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) },
      issues: &issues)
  }

  static func initialize(_ url: PostgresURL, _ files: DataFiles, replacing: Bool = false) throws -> TeamStore
  {
    try TeamStore.initialize(
      url, programText: files.programText!, partners: files.partners!.rows, observations: files.metrics!.rows,
      adjustments: files.adjustments?.rows ?? [], agreements: files.agreements?.rows ?? [],
      cohorts: files.cohorts?.rows ?? [], replacing: replacing)
  }

  /// Every partner's score JSON, the changes and the payouts, at every
  /// quarter, byte for byte between a SQLite store and a PostgreSQL store
  /// built from the same files.
  @Test func theSameNumbersAsTheSQLiteStore() throws {
    let cluster = try PostgresCluster.shared.get()
    let files = Self.sampleFiles()
    let url = try cluster.newDatabase()
    _ = try Self.initialize(url, files)
    let teamData = try TeamStore.open(url).loadDataset()
    let team = Scorebook(teamData)

    let dir = NSTemporaryDirectory() + "pb-team-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: files, command: "init")
    let localData = try PartnerStore(path: dir + "/s.sqlite").loadDataset()
    let local = Scorebook(localData)

    #expect(team.partners == local.partners && team.periods == local.periods)
    for t in local.periods.indices {
      #expect(ScoreReport.json(team, period: t) == ScoreReport.json(local, period: t), "\(local.periods[t])")
      #expect(ChangesReport(team, period: t).json() == ChangesReport(local, period: t).json())
    }
    #expect(PayoutReport.json(team.payouts()) == PayoutReport.json(local.payouts()))
    #expect(teamData.cohorts == localData.cohorts && !teamData.cohorts.isEmpty)
  }

  /// Text survives as it was: tabs, newlines, backslashes and emoji in
  /// names (COPY's escapes), NULL managers, and doubles to the last bit.
  @Test func textAndNumbersRoundTrip() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let files = Self.sampleFiles()
    var partners = files.partners!.rows
    partners[0].name = "Tab\there\nnew line \\ back \\N 🚀"
    partners[1].manager = nil
    let observations = [
      Observation(
        partnerID: partners[0].id, period: Period(year: 2025, quarter: 1), kpi: "nps", value: 0.1 + 0.2),
      Observation(
        partnerID: partners[1].id, period: Period(year: 2025, quarter: 1), kpi: "nps", value: -1e15),
    ]
    let store = try TeamStore.initialize(
      url, programText: files.programText!, partners: partners, observations: observations)
    let data = try store.loadDataset()
    let byID = Dictionary(uniqueKeysWithValues: data.partners.map { ($0.id, $0) })
    #expect(byID[partners[0].id]?.name == partners[0].name)
    #expect(byID[partners[1].id]?.manager == nil)
    let book = Scorebook(data)
    let nps = try #require(book.program.kpiIndex("nps"))
    let first = try #require(book.partnerIndex(id: partners[0].id))
    let second = try #require(book.partnerIndex(id: partners[1].id))
    #expect(book.observation(first, 0, nps)?.value == 0.1 + 0.2)
    #expect(book.observation(second, 0, nps)?.value == -1e15)
  }

  @Test func connectionsThatCannotBeUsedSaySoInOneLine() throws {
    let cluster = try PostgresCluster.shared.get()
    // Not an address of ours.
    #expect(throws: TeamStoreError.self) { try PostgresURL("mysql://x@y/z") }
    #expect(
      throws: TeamStoreError("postgres://u:***@host: no database name (postgres://USER@HOST[:PORT]/DATABASE)")
    ) {
      try PostgresURL("postgres://u:secret@host")
    }
    // No server there: refused, the password never repeated.
    do {
      _ = try TeamStore.open(
        try PostgresURL("postgresql://me:secret@localhost/db?host=/nonexistent-\(getpid())"))
      Issue.record("connected to nothing")
    } catch {
      let e = "\(error)"
      #expect(e.contains("cannot connect") && !e.contains("secret"), "\(e)")
      #expect(!e.contains("\n"))
    }
    // A database that does not exist.
    do {
      _ = try TeamStore.open(try cluster.url("no_such_db"))
      Issue.record("opened a missing database")
    } catch {
      #expect("\(error)".contains("cannot connect") && "\(error)".contains("no_such_db"), "\(error)")
    }
    // A database without the schema.
    let empty = try cluster.newDatabase()
    #expect(
      throws: TeamStoreError(
        "\(empty.shown): no partnerboard store in this database (create one with `partnerboard init --from DIR --db URL`)"
      )
    ) {
      try TeamStore.open(empty)
    }
    // A schema from a newer partnerboard.
    let newer = try cluster.newDatabase()
    _ = try Self.initialize(newer, Self.sampleFiles())
    try PGConnection(newer).execute("UPDATE partnerboard.meta SET value = '99' WHERE key = 'schema_version'")
    #expect(
      throws: TeamStoreError(
        "\(newer.shown): made by a newer partnerboard (schema 99; this one reads up to 1): update partnerboard"
      )
    ) {
      try TeamStore.open(newer)
    }
  }

  /// A second init is refused and leaves the store as it was; `replacing`
  /// replaces it; a failure half way (a duplicate row) writes nothing.
  @Test func initIsOneTransaction() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let files = Self.sampleFiles()
    _ = try Self.initialize(url, files)
    func count() throws -> String? {
      try PGConnection(url).execute("SELECT count(*) FROM partnerboard.partners").first?.first ?? nil
    }
    #expect(try count() == "64")
    #expect(throws: TeamStoreError("\(url.shown) holds a partnerboard store already (--force replaces it)")) {
      try Self.initialize(url, files)
    }
    var twice = files.partners!.rows
    twice.append(twice[0])
    #expect(throws: (any Error).self) {
      try TeamStore.initialize(
        url, programText: files.programText!, partners: twice, observations: [], replacing: true)
    }
    #expect(try count() == "64")
    _ = try Self.initialize(url, files, replacing: true)
    #expect(try count() == "64")
  }
}
