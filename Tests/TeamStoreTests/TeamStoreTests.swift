import Foundation
import PartnerStore
import ProgramFiles
import Reports
import SampleData
import Scoring
import Testing

@testable import TeamStore

/// The team store on PostgreSQL: the same data in, the same numbers out,
/// and one clear line for every connection that cannot be used.
@Suite(.serialized, .needsPostgres) struct TeamStoreTests {
  static func sampleFiles() -> DataFiles {
    var issues: [DataIssue] = []
    return DataFiles.read(
      contents: SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) },
      issues: &issues)
  }

  /// A folder of its own for each test's local copies.
  static func folder() -> String {
    NSTemporaryDirectory() + "pb-team-\(UUID().uuidString.prefix(8))"
  }

  /// A team store made from `files` as `init` makes it: a SQLite store
  /// built, then written to PostgreSQL.
  @discardableResult
  static func create(_ url: PostgresURL, _ files: DataFiles, replacing: Bool = false) throws -> TeamReplica {
    let replica = TeamReplica(url: url, folder: folder())
    try replica.write(creating: true, replacing: replacing, waiting: { _ in }) { scratch in
      _ = try PartnerStore.build(at: scratch, files: files, command: "init")
    }
    return replica
  }

  /// Every row of every table, as the mirror reads them.
  static func rows(_ path: String) throws -> [String: [[StoreMirror.Value]]] {
    let store = try PartnerStore.reading(path: path)
    var all: [String: [[StoreMirror.Value]]] = [:]
    for table in try StoreMirror.layout() {
      try StoreMirror.rows(of: table, in: store) { all[table.name, default: []].append($0) }
    }
    return all
  }

  /// A SQLite store copied to PostgreSQL and back is the same store: every
  /// table (data, undo rows, import log, kept scores) row for row, every
  /// double to the bit; and it scores the same, byte for byte.
  @Test func theSameStoreBothWays() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let files = Self.sampleFiles()
    let dir = Self.folder()
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: files, command: "init")
    let replica = try Self.create(url, files)
    // Another login's machine: a copy made from the team store alone.
    let elsewhere = TeamReplica(url: url, folder: Self.folder())
    #expect(try elsewhere.refresh())
    #expect(try !elsewhere.refresh())

    let original = try Self.rows(dir + "/s.sqlite")
    let copied = try Self.rows(elsewhere.path)
    #expect(original.keys.sorted() == copied.keys.sorted())
    for (table, rows) in original where table != "imports" {
      #expect(rows == copied[table], "\(table)")
    }
    #expect(original["partner_scores"]?.isEmpty == false && original["observations"]?.count == 4235)
    // The same import log but for the time it ran.
    #expect(
      original["imports"]?.map {
        $0.filter { if case .text(let t) = $0 { !t.hasPrefix("20") } else { true } }
      }
        == copied["imports"]?.map {
          $0.filter { if case .text(let t) = $0 { !t.hasPrefix("20") } else { true } }
        })
    #expect(try Self.rows(replica.path) == copied)

    let team = Scorebook(try PartnerStore.reading(path: elsewhere.path).loadDataset())
    let local = Scorebook(try PartnerStore.reading(path: dir + "/s.sqlite").loadDataset())
    for t in local.periods.indices {
      #expect(ScoreReport.json(team, period: t) == ScoreReport.json(local, period: t), "\(local.periods[t])")
      #expect(ChangesReport(team, period: t).json() == ChangesReport(local, period: t).json())
    }
    #expect(PayoutReport.json(team.payouts()) == PayoutReport.json(local.payouts()))
  }

  /// Text survives as it was: tabs, newlines, backslashes, COPY's `\N`
  /// and emoji in names, NULL managers, and doubles to the last bit.
  @Test func textAndNumbersRoundTrip() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    var files = Self.sampleFiles()
    files.partners!.rows[0].name = "Tab\there\nnew line \\ back \\N \r 🚀 \u{1B}[2J"
    files.partners!.rows[1].manager = nil
    files.metrics!.rows[0].value = 0.1 + 0.2
    files.metrics!.rows[1].value = -1e15
    files.metrics!.rows[2].value = 5e-324
    try Self.create(url, files)
    let copy = TeamReplica(url: url, folder: Self.folder())
    try copy.refresh()
    let data = try PartnerStore.reading(path: copy.path).loadDataset()
    let byID = Dictionary(uniqueKeysWithValues: data.partners.map { ($0.id, $0) })
    #expect(byID[files.partners!.rows[0].id]?.name == files.partners!.rows[0].name)
    #expect(byID[files.partners!.rows[1].id]?.manager == nil)
    let book = Scorebook(data)
    for o in files.metrics!.rows.prefix(3) {
      let p = try #require(book.partnerIndex(id: o.partnerID))
      let k = try #require(book.program.kpiIndex(o.kpi))
      let t = try #require(book.periods.firstIndex(of: o.period))
      #expect(book.observation(p, t, k)?.value.bitPattern == o.value.bitPattern, "\(o)")
    }
  }

  /// COPY's text escapes read back as written, NULL apart from a
  /// backslash-N that is text.
  @Test func copyFieldsUnescape() {
    let line = Array("a\\tb\tc\\\\N\t\\N\t\\101\\x41\\n\n".utf8)
    var fields: [String?] = []
    line.withUnsafeBytes { PGConnection.fields(of: $0, into: &fields) }
    #expect(fields == ["a\tb", "c\\N", nil, "AA\n"])
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
    try Self.create(newer, Self.sampleFiles())
    try PGConnection(newer).execute("UPDATE partnerboard.meta SET value = '99' WHERE key = 'schema_version'")
    #expect(
      throws: TeamStoreError(
        "\(newer.shown): made by a newer partnerboard (schema 99; this one reads up to 2): update partnerboard"
      )
    ) {
      try TeamStore.open(newer)
    }
  }

  /// A second init is refused and leaves the store as it was; `replacing`
  /// replaces it; a failure half way writes nothing.
  @Test func aWriteIsOneTransaction() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let files = Self.sampleFiles()
    let replica = try Self.create(url, files)
    func count() throws -> String? {
      try PGConnection(url).execute("SELECT count(*) FROM partnerboard.partners").first?.first ?? nil
    }
    let before = try TeamStore.open(url).generation()
    #expect(try count() == "64")
    #expect(throws: TeamStoreError("\(url.shown) holds a partnerboard store already (--force replaces it)")) {
      try Self.create(url, files)
    }
    struct Halfway: Error {}
    #expect(throws: Halfway.self) {
      try replica.write(waiting: { _ in }) { scratch in
        try PGConnection(url).execute("SELECT 1")
        let store = try PartnerStore(path: scratch)
        _ = try store.closeQuarters(through: Period(year: 2026, quarter: 1))
        throw Halfway()
      }
    }
    #expect(try TeamStore.open(url).generation() == before)
    #expect(try PGConnection(url).execute("SELECT count(*) FROM partnerboard.imports").first?.first == "1")
    try Self.create(url, files, replacing: true)
    #expect(try count() == "64")
    #expect(try TeamStore.open(url).generation() != before)
  }

  /// A second writer waits for the first, says so, then writes; a
  /// connection that LISTENs hears of each write.
  @Test func aSecondWriterWaitsAndListenersHear() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let replica = try Self.create(url, Self.sampleFiles())
    let listening = try PGConnection(url)
    try listening.execute("LISTEN partnerboard")
    let holder = try PGConnection(url)
    try holder.execute("SET application_name = 'partnerboard import'")
    try holder.execute("SELECT pg_advisory_lock(\(TeamStore.lockKey))")

    let said = NSLock()
    nonisolated(unsafe) var waited: [String] = []
    nonisolated(unsafe) var closed: PartnerStore.QuarterChange?
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      closed = try? replica.write(waiting: { message in said.withLock { waited.append(message) } }) {
        scratch in
        try PartnerStore(path: scratch).closeQuarters(through: Period(year: 2026, quarter: 1))
      }
      done.signal()
    }
    // It waits while the lock is held, having said why.
    #expect(done.wait(timeout: .now() + 1.5) == .timedOut)
    #expect(
      said.withLock { waited }
        == [
          "another write to \(url.shown) is under way (partnerboard import by postgres): waiting for it to finish (Ctrl-C gives up, nothing written)"
        ]
    )
    try holder.execute("SELECT pg_advisory_unlock(\(TeamStore.lockKey))")
    #expect(done.wait(timeout: .now() + 30) == .success)
    #expect(closed != nil)
    let generation = try TeamStore.open(url).generation()
    #expect(try listening.notification(timeout: 5) == String(generation))
    // The writer's own copy is the new store; another's is copied anew.
    #expect(StoreMirror.note(at: replica.path) == generation)
    let elsewhere = TeamReplica(url: url, folder: Self.folder())
    try elsewhere.refresh()
    #expect(
      try PartnerStore.reading(path: elsewhere.path).loadDataset().closedThrough
        == Period(year: 2026, quarter: 1))
  }
}
