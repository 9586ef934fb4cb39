import Foundation
import GRDB
import ProgramFiles
import Testing

@testable import PartnerStore

/// Issue 20: errors are named for what they are and never advise throwing
/// the store away.
@Suite struct StoreMessageTests {
  /// An `sqlite3` session holding a write lock: "locked by another
  /// program", not "another partnerboard is writing"; the store unchanged.
  @Test func aLockHeldByAnotherProgramIsNamedSo() throws {
    let dir = NSTemporaryDirectory() + "pb-lock-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var issues: [DataIssue] = []
    _ = try PartnerStore.build(
      at: dir + "/s.sqlite", files: DataFiles.readFolder(StoreTests.fixture, issues: &issues), command: "init"
    )
    let store = try PartnerStore(path: dir + "/s.sqlite")
    let before = try store.dump()
    var config = Configuration()
    config.busyMode = .immediateError
    config.allowsUnsafeTransactions = true  // the lock is held across accesses, as sqlite3 would
    let other = try DatabaseQueue(path: dir + "/s.sqlite", configuration: config)
    try other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    defer { try? other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
    let files = DataFiles.read(
      contents: [(name: "metrics.csv", text: "partner_id,period,kpi,value\nA,2027Q1,rev,3\n")],
      issues: &issues)
    do {
      try store.apply(files, command: "m")
      Issue.record("imported through a held lock")
    } catch {
      #expect("\(error)".contains("locked by another program") && !"\(error)".contains("--force"), "\(error)")
    }
    try other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
    #expect(try store.dump() == before)
  }
}
