import Foundation
import GRDB
import PartnerStore
import ProgramFiles
import Scoring
import Testing

/// Seeded fuzzing of the kept scores (issue 20): one random cell of a kept
/// table set to a random hostile value, then every reader of the kept
/// scores. Any trap ends the run; any error must be a `StoreError` that
/// names `partnerboard rescore` or the store, never advises `init --force`.
///   PARTNERBOARD_FUZZ_ITERATIONS=5000 swift test --filter TamperedStoreFuzzTests
@Suite struct TamperedStoreFuzzTests {
  static let iterations = max(1, MutationFuzzTests.iterations / 5)

  /// Table, its key columns, its other columns.
  static let tables: [(String, [String], [String])] = [
    (
      "partner_scores", ["partner_id", "period"],
      [
        "score", "rank", "segment_rank", "movement", "qualified_tier", "tier", "grace", "next_tier",
        "points_needed", "keep_points_needed", "progress", "slope", "at_risk", "rising", "blocked",
      ]
    ),
    ("partner_ranks", ["period", "rank", "partner_id"], ["rank", "partner_id"]),
    ("period_counts", ["period", "segment"], ["evaluated", "reported", "period"]),
    ("period_tiers", ["period", "tier"], ["partners", "tier"]),
    ("kept_summary", ["id"], ["partners", "longest_name"]),
    ("kept_overview", ["period"], ["facts", "period"]),
    ("kept_trends", ["period", "kpi"], ["facts", "kpi"]),
    ("score_stamp", ["id"], ["engine"]),
    ("quarter_state", ["id"], ["closed_through"]),
  ]
  static let values = [
    "-9223372036854775808", "9223372036854775807", "-1", "0", "1", "2", "101", "1e308", "-1e308", "0.5",
    "'abc'", "''", "'gold'", "'{}'", "'{\"evaluated\": -1}'", "x'00'", "NULL", "'\u{1B}[2J'", "'2026Q4'",
  ]

  @Test func tamperedKeptTablesNeverTrap() throws {
    let dir = NSTemporaryDirectory() + "pb-tamper-fuzz-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var issues: [DataIssue] = []
    let files = DataFiles.read(
      files: try MutationFuzzTests.corpus("sample-data"), issues: &issues)
    let original = dir + "/original.sqlite"
    _ = try PartnerStore.build(at: original, files: files, command: "fuzz")
    var rng = SplitMix64(seed: MutationFuzzTests.seed)
    var stats = (read: 0, refused: 0, constraint: 0)
    for i in 0..<Self.iterations {
      let path = dir + "/t\(i % 3).sqlite"
      try? FileManager.default.removeItem(atPath: path)
      try FileManager.default.copyItem(atPath: original, toPath: path)
      let (table, key, columns) = Self.tables[Int(rng.next() % UInt64(Self.tables.count))]
      let column = columns[Int(rng.next() % UInt64(columns.count))]
      let value = Self.values[Int(rng.next() % UInt64(Self.values.count))]
      let rows = try DatabaseQueue(path: path).read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      let offset = rows > 0 ? Int(rng.next() % UInt64(rows)) : 0
      let keys = key.joined(separator: ", ")
      let sql =
        "UPDATE \(table) SET \(column) = \(value) WHERE (\(keys)) IN (SELECT \(keys) FROM \(table) LIMIT 1 OFFSET \(offset))"
      do {
        try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
      } catch {
        stats.constraint += 1  // NOT NULL, a key taken: SQLite refused it
        continue
      }
      do {
        let store = try PartnerStore.reading(path: path)
        if let view = try store.keptView() {
          let last = view.periods.count - 1
          _ = try store.leaderboardExcerpt(rows: 40) { _ in last }
          _ = try store.keptLeaderboard(at: view.periods[last], filter: PartnerFilter(), top: 20)
          for p in try store.allPartners().prefix(3) { _ = try store.alone(p, view: view, period: last) }
          _ = try store.keptOverview { _ in last }
          _ = try store.keptTrends(kpi: 0) { _ in last }
        } else {
          _ = Scorebook(try store.loadDataset())
        }
        stats.read += 1
      } catch let e as StoreError {
        stats.refused += 1
        #expect(!"\(e)".contains("--force"), "iteration \(i): \(sql): \(e)")
      } catch {
        Issue.record("iteration \(i): \(sql): not a StoreError: \(error)")
      }
    }
    print(
      "tamper fuzz: \(Self.iterations) stores: \(stats.read) read, \(stats.refused) refused, \(stats.constraint) refused by SQLite"
    )
    #expect(stats.refused > 0)
  }
}
