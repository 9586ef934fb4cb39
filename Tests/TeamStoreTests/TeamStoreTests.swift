import Foundation
import PartnerStore
import ProgramFiles
import Reports
import SampleData
import Scoring
import StoreFixtures
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

  /// `rows` with the import log's times as "TIME": a write run on two
  /// stores may log them a second apart.
  static func untimed(_ rows: [[StoreMirror.Value]]) -> [[StoreMirror.Value]] {
    rows.map {
      $0.map {
        if case .text(let t) = $0, t.hasPrefix("20"), t.hasSuffix("Z") { .text("TIME") } else { $0 }
      }
    }
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

  /// Random stores (hostile names, odd numbers, a history of imports, an
  /// undo, closed quarters) copied to PostgreSQL and back: every table row
  /// for row, every quarter's scores byte for byte.
  @Test(arguments: [1, 2, 3] as [UInt64]) func randomStoresRoundTrip(seed: UInt64) throws {
    struct Mix: RandomNumberGenerator {
      var state: UInt64
      mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
      }
    }
    var rng = Mix(state: seed)
    let sample = Self.sampleFiles()
    let program = try #require(sample.program)
    let pieces = ["a", "Ü", "\"q\"", "\\", "\t", " ", "🚀", "日本", "\u{1B}[1m", "\u{202E}", ",", "N"]
    func name() -> String {
      (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
    func csv(_ field: String) -> String { "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    let partners = (0..<40).map { i in
      [
        "r\(i)", "n" + name(), program.segments.randomElement(using: &rng)!.id, "EMEA",
        i % 3 == 0 ? "" : "m" + name(),
      ]
    }
    func metrics(_ quarters: ClosedRange<Int>, share: Double) -> String {
      var lines = ["partner_id,period,kpi,value"]
      for p in partners {
        for q in quarters where Double.random(in: 0..<1, using: &rng) < share {
          for k in program.kpis where Double.random(in: 0..<1, using: &rng) < 0.8 {
            let value = [0, -0.5, 1e15, 0.000001, Double.random(in: -100...1000, using: &rng)]
              .randomElement(using: &rng)!
            lines.append("\(p[0]),\(Period(ordinal: q)),\(k.id),\(String(format: "%.6f", value))")
          }
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    func files(_ contents: [(String, String)]) throws -> DataFiles {
      var issues: [DataIssue] = []
      let f = DataFiles.read(contents: contents, issues: &issues)
      #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues)")
      return f
    }
    let first = Period(year: 2025, quarter: 1).ordinal
    let dir = Self.folder()
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/r.sqlite"
    _ = try PartnerStore.build(
      at: path,
      files: try files([
        ("program.toml", sample.programText!),
        (
          "partners.csv",
          "id,name,segment,region,manager\n"
            + partners.map { $0.map(csv).joined(separator: ",") }.joined(separator: "\n") + "\n"
        ),
        ("metrics.csv", metrics(first...(first + 3), share: 0.9)),
      ]), command: "init")
    let url = try PostgresCluster.shared.get().newDatabase()
    let replica = TeamReplica(url: url, folder: Self.folder())
    try replica.write(creating: true, waiting: { _ in }) { scratch in
      try FileManager.default.copyItem(atPath: path, toPath: scratch)
    }
    // Each write to both: the SQLite store, and the team store as a delta.
    let team = try TeamStore.open(url)
    func both(_ what: String, changes: Bool = true, _ change: (PartnerStore) throws -> Void) throws {
      try change(PartnerStore(path: path))
      try Self.sendChanges(what, to: team, copy: replica, changes: changes, change)
    }
    for round in 0..<3 {
      let more = try files([("metrics.csv", metrics((first + round)...(first + 4 + round), share: 0.5))])
      try both("import \(round)") { try $0.apply(more, command: "import \(round)") }
    }
    try both("an undo") { _ = try $0.undo(importID: 4) }
    try both("a close") { _ = try $0.closeQuarters(through: Period(ordinal: first + 2)) }
    // A rescore of current scores changes nothing, and sends nothing.
    try both("a rescore", changes: false) { _ = try $0.rescoreKept() }
    // The log folded into the file, as a team store's copy always is.
    try StoreMirror.fold(at: path)
    let copy = TeamReplica(url: url, folder: Self.folder())
    try copy.refresh()
    let original = try Self.rows(path)
    let copied = try Self.rows(copy.path)
    for (table, stored) in original {
      let rows = Self.untimed(stored)
      let other = Self.untimed(copied[table] ?? [])
      let first = zip(rows, other).first { $0 != $1 }
      #expect(
        rows == other,
        "\(table): \(rows.count) rows, copied \(other.count); first difference \(String(describing: first))")
    }
    #expect((original["observations_undo"]?.count ?? 0) > 0 && (original["imports"]?.count ?? 0) == 5)
    let a = Scorebook(try PartnerStore.reading(path: path).loadDataset())
    let b = Scorebook(try PartnerStore.reading(path: copy.path).loadDataset())
    for t in a.periods.indices {
      #expect(ScoreReport.json(a, period: t) == ScoreReport.json(b, period: t))
    }
  }

  /// Runs `change` on a scratch copy of `copy`, sends the delta to `team`
  /// (its check must pass: no table sent whole but `whole`), then holds the
  /// team store equal to the scratch copy, table for table, and makes the
  /// scratch copy the copy.
  static func sendChanges(
    _ what: String, to team: TeamStore, copy replica: TeamReplica, whole: Set<String> = [],
    changes: Bool = true, _ change: (PartnerStore) throws -> Void
  ) throws {
    // A reader's copy made before the write, brought up to date after it.
    let reader = TeamReplica(url: team.connection.url, folder: folder())
    try reader.refresh()
    let scratch = replica.path + ".step"
    PartnerStore.removeFiles(scratch)
    try FileManager.default.copyItem(atPath: replica.path, toPath: scratch)
    try change(PartnerStore(path: scratch))
    try StoreMirror.fold(at: scratch)
    let delta = try StoreDelta.between(old: replica.path, new: scratch)
    #expect(Set(delta.tables.filter(\.whole).map(\.table.name)) == whole, "\(what)")
    #expect(delta.tables.isEmpty != changes, "\(what)")
    _ = try team.connection.transaction {
      try team.push(delta, from: try PartnerStore.reading(path: scratch))
    }
    let copy = TeamReplica(url: team.connection.url, folder: folder())
    try copy.refresh()
    let sent = try rows(copy.path)
    for (table, rows) in try rows(scratch) {
      #expect(rows == sent[table], "\(what): \(table)")
    }
    // The reader's copy takes only the changes, and is then the same copy.
    if changes {
      #expect(try TeamStore.open(team.connection.url).pullChanges(into: reader.path), "\(what)")
      let patched = try Self.rows(reader.path)
      for (table, rows) in sent { #expect(rows == patched[table], "\(what): the reader's \(table)") }
      #expect(StoreMirror.note(at: reader.path) == StoreMirror.note(at: copy.path))
    }
    PartnerStore.removeFiles(replica.path)
    #expect(rename(scratch, replica.path) == 0)
  }

  /// Each write sends only what it changed (the delta, checked against
  /// the copy), and the team store is then the copy, table for table:
  /// imports that replace and add rows, a partner moved to another book,
  /// undos, closing and reopening quarters, a rescore.
  @Test func writesSendOnlyWhatChanged() throws {
    let url = try PostgresCluster.shared.get().newDatabase()
    let replica = try Self.create(url, Self.sampleFiles())
    let team = try TeamStore.open(url)
    func files(_ contents: [(String, String)]) -> DataFiles {
      var issues: [DataIssue] = []
      return DataFiles.read(contents: contents, issues: &issues)
    }
    func step(_ what: String, whole: Set<String> = [], _ change: (PartnerStore) throws -> Void) throws {
      try Self.sendChanges(what, to: team, copy: replica, whole: whole, change)
    }
    let fix =
      "partner_id,period,kpi,value\np004,2026Q4,nps,45\np004,2026Q3,nps,44\np001,2026Q4,marketing_events,3\n"
    try step("an import") { try $0.apply(files([("metrics.csv", fix)]), command: "import fix") }
    try step("a partner to another book") {
      var partners = try String(
        contentsOfFile: TeamStoreCommandTests.sample + "/partners.csv", encoding: .utf8)
      partners = partners.replacingOccurrences(
        of: "p001,Northwind Solutions,reseller,LATAM,Lucía Fernández",
        with: "p001,Northwind Solutions,reseller,LATAM,Sophie Laurent")
      try $0.apply(files([("partners.csv", partners)]), command: "import partners")
    }
    try step("an undo") { _ = try $0.undo(importID: 3) }
    try step("a close") { _ = try $0.closeQuarters(through: Period(year: 2026, quarter: 2)) }
    try step("a reopen") { _ = try $0.reopenQuarters(from: Period(year: 2026, quarter: 1)) }
    try step("an undo of a replacing import") { _ = try $0.undo(importID: 2) }
    try step("an adjustment") {
      try $0.apply(
        files([
          (
            "adjustments.csv",
            "partner_id,period,kpi,value,reason,approved_by\np004,2026Q4,nps,50,survey redo,finance\n"
          )
        ]),
        command: "import adjustments")
    }
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
    files.metrics!.rows[2].value = Double.leastNonzeroMagnitude
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

  /// A binary COPY row: NULL apart from an empty text, lengths checked
  /// (a damaged row is an error, never a read past the end), -1 ends.
  @Test func binaryCopyRows() throws {
    var fields: [UnsafeRawBufferPointer?] = []
    let row: [UInt8] = [0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 2, 0x61, 0x62]
    try row.withUnsafeBytes { try PGConnection.binaryRow($0, into: &fields) }
    #expect(fields.count == 3 && fields[0] == nil && fields[1]?.count == 0 && fields[2]?.count == 2)
    for cut in 1..<row.count {
      #expect(throws: TeamStoreError.self) {
        try Array(row.prefix(cut)).withUnsafeBytes { try PGConnection.binaryRow($0, into: &fields) }
      }
    }
    try [UInt8]([0xFF, 0xFF]).withUnsafeBytes { try PGConnection.binaryRow($0, into: &fields) }
    #expect(fields.isEmpty)
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
    // A wrong password: said, never repeated.
    let admin = try PGConnection(try cluster.url("postgres"))
    try admin.execute(
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(PostgresCluster.passwordLogin)') THEN CREATE ROLE \(PostgresCluster.passwordLogin) LOGIN PASSWORD 'right'; END IF; END $$"
    )
    let wrong = try PostgresURL(
      try cluster.url("postgres").text.replacingOccurrences(
        of: "postgresql://postgres@", with: "postgresql://\(PostgresCluster.passwordLogin):s3cret-wrong@"))
    do {
      _ = try TeamStore.open(wrong)
      Issue.record("connected with a wrong password")
    } catch {
      let e = "\(error)"
      #expect(
        e.contains("password authentication failed") && !e.contains("s3cret") && !e.contains("\n"), "\(e)")
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
    // The holder: a login whose name holds an escape (PostgreSQL allows any
    // name); it reaches the waiting writer's terminal sanitised.
    let login = "pb\u{1B}[2J\(getpid())"
    try PGConnection(url).execute(
      "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(login)') THEN CREATE ROLE \"\(login)\" LOGIN; END IF; END $$"
    )
    let holder = try PGConnection(
      try PostgresURL(
        url.text.replacingOccurrences(
          of: "postgresql://postgres@",
          with: "postgresql://\(login.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)@")))
    try holder.execute("SET application_name = 'partnerboard import'")
    try holder.execute("SELECT pg_advisory_lock(\(TeamStore.lockKey))")

    let said = NSLock()
    nonisolated(unsafe) var waited: [String] = []
    nonisolated(unsafe) var closed: PartnerStore.QuarterChange?
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      closed = try? replica.write(waiting: { message in said.withLock { waited.append(message) } }) {
        scratch in
        try PartnerStore(path: scratch).closeQuarters(through: Period(year: 2026, quarter: 1))
      }
      done.signal()
    }
    // It waits while the lock is held, having said why.
    #expect(done.wait(timeout: .now() + 1.5) == .timedOut)
    #expect(
      said.withLock { waited }.count == 1
        && waited[0].hasPrefix("another write to \(url.shown) is under way (partnerboard import by pb")
        && waited[0].hasSuffix("): waiting for it to finish (Ctrl-C gives up, nothing written)")
        && !waited[0].contains("\u{1B}"), "\(waited)"
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
