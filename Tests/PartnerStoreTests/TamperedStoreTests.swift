import Foundation
import GRDB
import ProgramFiles
import Scoring
import Testing

@testable import PartnerStore

/// The kept scores are plain tables any SQLite client can write. Whatever
/// they hold, every reader of them either reads sane values or throws one
/// `StoreError.keptDamaged` that names the row and `partnerboard rescore`;
/// it never traps and never shows a value that cannot be right (issue 20).
@Suite struct TamperedStoreTests {
  let dir: String
  let original: String
  init() throws {
    dir = NSTemporaryDirectory() + "pb-tamper-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    original = dir + "/original.sqlite"
    var issues: [DataIssue] = []
    let sample = DataFiles.readFolder(KeptScoresTests.sample, issues: &issues)
    _ = try PartnerStore.build(at: original, files: sample, command: "init")
  }

  /// A copy of the sample store with `sql` applied, opened for reading.
  func tampered(_ sql: String, name: String = "t") throws -> PartnerStore {
    let path = dir + "/\(name).sqlite"
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.copyItem(atPath: original, toPath: path)
    try DatabaseQueue(path: path).write { db in try db.execute(sql: sql) }
    return try PartnerStore.reading(path: path)
  }

  /// Every reader of the kept scores, at the latest quarter: the first
  /// frame's rows (every row), the CLI leaderboard, every partner on its
  /// own, the overview, the trends. Returns the first error.
  func readEverything(_ store: PartnerStore, alone: Int = .max) -> Error? {
    do {
      guard let view = try store.keptView() else { return nil }
      let last = view.periods.count - 1
      let partners = try store.allPartners()
      _ = try store.leaderboardExcerpt(rows: partners.count) { _ in last }
      _ = try store.keptLeaderboard(at: view.periods[last], filter: PartnerFilter(), top: nil)
      for p in partners.prefix(alone) { _ = try store.alone(p, view: view, period: last) }
      _ = try store.keptOverview { _ in last }
      for k in view.program.kpis.indices { _ = try store.keptTrends(kpi: k) { _ in last } }
      _ = try store.keptFlags { _ in last }
      _ = try store.keptPilot(cohort: "outcomes_pilot") { _ in last }
      _ = try store.keptPayouts()
      return nil
    } catch {
      return error
    }
  }

  func expectDamaged(
    _ sql: String, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation
  )
    throws
  {
    let error = readEverything(try tampered(sql))
    guard case .keptDamaged(_, let what)? = error as? StoreError else {
      Issue.record("\(sql): \(String(describing: error))", sourceLocation: sourceLocation)
      return
    }
    for w in words { #expect(what.contains(w), "\(what)", sourceLocation: sourceLocation) }
    let message = "\(error!)"
    #expect(
      message.contains("partnerboard rescore") && !message.contains("--force"), sourceLocation: sourceLocation
    )
  }

  @Test func theUntouchedStoreReadsWithoutError() throws {
    #expect(readEverything(try PartnerStore.reading(path: original)) == nil)
  }

  /// The values the issue found shown as they are, or trapping.
  @Test func eachBadValueIsOneClearError() throws {
    let last = "(SELECT MAX(period) FROM period_counts)"
    try expectDamaged(
      "UPDATE partner_scores SET movement = -9223372036854775808 WHERE partner_id = 'p004' AND period = \(last)",
      mentioning: ["p004", "movement", "-9223372036854775808"])
    try expectDamaged(
      "UPDATE partner_scores SET movement = 'abc' WHERE partner_id = 'p004'",
      mentioning: ["movement", "\"abc\""])
    try expectDamaged(
      "UPDATE partner_scores SET score = 'abc' WHERE partner_id = 'p004'", mentioning: ["score", "\"abc\""])
    try expectDamaged(
      "UPDATE partner_scores SET tier = 'mythic' WHERE partner_id = 'p004'", mentioning: ["tier", "mythic"])
    try expectDamaged("UPDATE period_counts SET evaluated = -5", mentioning: ["evaluated", "-5"])
    try expectDamaged(
      "UPDATE partner_scores SET rank = 4242 WHERE partner_id = 'p004' AND period = \(last)",
      mentioning: ["rank"])
    // In range but not what the data scores: another engine's, or a hand's.
    try expectDamaged(
      "UPDATE partner_scores SET score = 1.5 WHERE partner_id = 'p004' AND period = \(last)",
      mentioning: ["p004", "differ"])
    try expectDamaged("UPDATE kept_overview SET facts = '{'", mentioning: ["kept_overview"])
    try expectDamaged("UPDATE kept_trends SET facts = 7", mentioning: ["kept_trends", "facts"])
    try expectDamaged(
      "UPDATE kept_flags SET at_risk_came_true = at_risk_flagged + 1",
      mentioning: ["kept_flags", "at_risk_came_true"])
    try expectDamaged("DELETE FROM kept_flags WHERE period % 3 = 0", mentioning: ["kept_flags"])
    try expectDamaged("UPDATE kept_pilot SET facts = '{'", mentioning: ["kept_pilot", "outcomes_pilot"])
    try expectDamaged(
      "UPDATE kept_pilot SET facts = replace(facts, '\"members\":8', '\"members\":-8')",
      mentioning: ["kept_pilot"])
    try expectDamaged("DELETE FROM kept_pilot", mentioning: ["kept_pilot", "no row"])
    try expectDamaged("UPDATE kept_payouts SET value = 'abc'", mentioning: ["kept_payouts", "value"])
    try expectDamaged(
      "DELETE FROM kept_payouts WHERE agreement_id = (SELECT MIN(agreement_id) FROM kept_payouts)",
      mentioning: ["kept_payouts", "agreements"])
  }

  /// A stamp from a newer partnerboard: read from the data (the kept rows
  /// are not this engine's), never written, and named as newer.
  @Test func aNewerStampIsReadFromTheDataAndNeverWritten() throws {
    let store = try tampered("UPDATE score_stamp SET engine = \(KeptScores.engineVersion + 1)", name: "newer")
    #expect(try store.keptView() == nil)
    #expect(!(try store.loadDataset().partners.isEmpty))
    #expect(throws: StoreError.self) { try PartnerStore(path: store.path) }
    do {
      _ = try PartnerStore(path: store.path)
    } catch {
      #expect("\(error)".contains("newer partnerboard") && !"\(error)".contains("older"))
    }
    let stamp = try DatabaseQueue(path: store.path).read { db in
      try Int.fetchOne(db, sql: "SELECT engine FROM score_stamp")
    }
    #expect(stamp == KeptScores.engineVersion + 1)
  }

  /// `rescore` rebuilds what was damaged and keeps the data and the log.
  @Test func rescoreRepairsTheKeptTablesAndKeepsTheHistory() throws {
    let damaged = try tampered(
      "UPDATE partner_scores SET tier = 'mythic'; UPDATE period_counts SET evaluated = -1", name: "repair")
    #expect(readEverything(damaged) != nil)
    let before = try damaged.dump()
    try PartnerStore(path: damaged.path).rescoreKept()
    let repaired = try PartnerStore.reading(path: damaged.path)
    #expect(readEverything(repaired) == nil)
    #expect(try repaired.dump() == before)
  }

  /// Hostile values in every column of every kept table, one at a time:
  /// read without a trap, and any error is a `keptDamaged`.
  @Test func hostileValuesInAnyKeptColumnNeverTrap() throws {
    let columns: [(String, [String])] = [
      (
        "partner_scores",
        [
          "score", "rank", "segment_rank", "movement", "qualified_tier", "tier", "grace", "next_tier",
          "points_needed", "keep_points_needed", "progress", "slope", "at_risk", "rising", "blocked",
          "period",
        ]
      ),
      ("partner_ranks", ["rank", "period", "partner_id"]),
      ("period_counts", ["evaluated", "period", "segment"]),
      ("period_tiers", ["partners", "tier", "period"]),
      ("kept_summary", ["partners", "longest_name"]),
      ("kept_overview", ["facts", "period"]),
      ("kept_trends", ["facts", "kpi", "period"]),
      ("unscored_kpis", ["kpi"]),
      ("kept_pilot", ["facts", "period", "cohort"]),
      ("kept_payouts", ["value", "agreement_id"]),
      (
        "kept_flags",
        [
          "period", "at_risk_flagged", "at_risk_came_true", "at_risk_events", "rising_flagged",
          "rising_came_true",
          "rising_events",
        ]
      ),
    ]
    let values = [
      "-9223372036854775808", "9223372036854775807", "-1", "0", "'abc'", "1e308", "-1e308", "x'00ff'",
      "'\u{1b}[2J'", "NULL",
    ]
    var n = 0
    for (table, cols) in columns {
      for column in cols {
        for value in values {
          n += 1
          let store: PartnerStore
          do {
            store = try tampered("UPDATE \(table) SET \(column) = \(value)", name: "h\(n % 4)")
          } catch {
            continue  // a constraint of the table refused it
          }
          if let error = readEverything(store, alone: 4) {
            guard error is StoreError else {
              Issue.record("\(table).\(column) = \(value): \(error)")
              continue
            }
            #expect(!"\(error)".contains("--force"), "\(table).\(column) = \(value): \(error)")
          }
        }
      }
    }
    #expect(n > 200)
  }
}

/// Issue 20: a store read where its folder cannot be written is opened as
/// immutable, which skips the write-ahead log; a log with content is refused
/// instead of reading the store without its latest import.
@Suite struct PendingLogTests {
  @Test func aNonEmptyLogIsRefusedForImmutableReads() throws {
    let dir = NSTemporaryDirectory() + "pb-wal-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/s.sqlite"
    try PartnerStore.refusePendingLog(path)  // no log: fine
    _ = FileManager.default.createFile(atPath: path + "-wal", contents: Data())
    try PartnerStore.refusePendingLog(path)  // an empty log: fine
    _ = FileManager.default.createFile(atPath: path + "-wal", contents: Data([1, 2, 3]))
    #expect(throws: StoreError.self) { try PartnerStore.refusePendingLog(path) }
    do {
      try PartnerStore.refusePendingLog(path)
    } catch {
      #expect("\(error)".contains("s.sqlite-wal") && !"\(error)".contains("--force"))
    }
  }
}
