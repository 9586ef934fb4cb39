import Foundation
import GRDB
import ProgramFiles
import Testing

@testable import PartnerStore
@testable import Scoring

/// Open and closed quarters (SPEC section 3): close and reopen, imports,
/// adjustments, program changes and undos refused on a closed quarter
/// unless reopened, coverage, and "awaiting data" in the changes.
@Suite struct QuarterTests {
  let dir: String
  let store: PartnerStore
  init() throws {
    dir = NSTemporaryDirectory() + "pb-quarters-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    _ = try PartnerStore.build(at: dir + "/s.sqlite", files: example, command: "init")
    store = try PartnerStore(path: dir + "/s.sqlite")
  }

  func read(_ name: String, _ text: String) -> DataFiles {
    var issues: [DataIssue] = []
    let f = DataFiles.read(contents: [(name: name, text: text)], issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues.prefix(3))")
    return f
  }

  func expectRefused(_ body: () throws -> Void, mentioning words: [String]) throws {
    let before = try store.dump()
    do {
      try body()
      Issue.record("not refused")
    } catch {
      for w in words { #expect("\(error)".contains(w), "\(error)") }
    }
    #expect(try store.dump() == before)
  }

  @Test func closeAndReopenMoveTheLatestClosedQuarterAndAreLogged() throws {
    #expect(try store.closedThrough() == nil)
    let closed = try store.closeQuarters(through: Period("2026Q3")!)
    #expect(closed.after == Period("2026Q3") && closed.logID != nil)
    // Closing an earlier quarter again changes nothing.
    #expect(try store.closeQuarters(through: Period("2026Q2")!).logID == nil)
    #expect(throws: StoreError.self) { try store.closeQuarters(through: Period("2027Q3")!) }
    let reopened = try store.reopenQuarters(from: Period("2026Q2")!)
    #expect(reopened.after == Period("2026Q1"))
    #expect(try store.reopenQuarters(from: Period("2026Q4")!).logID == nil)
    let log = try store.imports().map(\.command)
    #expect(log.contains { $0.hasPrefix("close 2026Q3 (by ") })
    #expect(log.contains { $0.hasPrefix("reopen 2026Q2 (by ") })
    // A close is not an import to undo.
    #expect(throws: StoreError.self) { try store.undo(importID: closed.logID!) }
    // The coverage: closed through 2026Q1, the rest provisional.
    let view = try #require(try store.keptView())
    #expect(view.coverage.map(\.provisional) == [false, true, true, true])
  }

  /// Rows that change a closed quarter are refused, the store unchanged;
  /// identical rows pass; --reopen reopens from the first changed quarter.
  @Test func importsIntoAClosedQuarterAreRefusedUnlessReopened() throws {
    _ = try store.closeQuarters(through: Period("2026Q3")!)
    try expectRefused(
      {
        try store.apply(read("metrics.csv", "partner_id,period,kpi,value\nA,2026Q2,rev,41\n"), command: "m")
      },
      mentioning: ["2026Q2", "closed", "--reopen"])
    try expectRefused(
      {
        try store.apply(
          read(
            "adjustments.csv", "partner_id,period,kpi,value,reason,approved_by\nB,2026Q1,rev,5,late,ops\n"),
          command: "a")
      }, mentioning: ["2026Q1", "closed"])
    let program = try String(contentsOfFile: StoreTests.fixture + "/program.toml", encoding: .utf8)
    try expectRefused(
      {
        try store.apply(
          read("program.toml", program.replacingOccurrences(of: "weight = 2", with: "weight = 3")),
          command: "p")
      }, mentioning: ["new program", "--reopen"])
    // The stored value again, and a new quarter: nothing closed changes.
    let stored = try #require(
      try store.queue.read { db in
        try Double.fetchOne(
          db, sql: "SELECT value FROM observations WHERE partner_id = 'A' AND period = ? AND kpi = 'rev'",
          arguments: [Period("2026Q2")!.ordinal])
      })
    let same = try store.apply(
      read(
        "metrics.csv",
        "partner_id,period,kpi,value\nA,2026Q2,rev,\(NumberFormatter().string(from: stored as NSNumber)!)\nA,2027Q1,rev,3\n"
      ), command: "same")
    #expect(same.reopened == nil && same.counts.first?.unchanged == 1)
    #expect(try store.closedThrough() == Period("2026Q3"))
    let reopened = try store.apply(
      read("metrics.csv", "partner_id,period,kpi,value\nA,2026Q2,rev,41\n"), command: "m", reopen: true)
    #expect(reopened.reopened == Period("2026Q2"))
    #expect(try store.closedThrough() == Period("2026Q1"))
    // Undoing it changes 2026Q2 again: closed once more, refused without --reopen.
    _ = try store.closeQuarters(through: Period("2026Q3")!)
    #expect(throws: StoreError.self) { try store.undo(importID: reopened.id) }
    try store.undo(importID: reopened.id, reopen: true)
    #expect(try store.closedThrough() == Period("2026Q1"))
  }

  /// One partner's rows one quarter past the end: the quarter is provisional
  /// with 1 of 2 partners reported, and the other partner is "awaiting data"
  /// in the changes, not demoted, in grace or at risk.
  @Test func aPartialQuarterIsProvisionalAndAwaitsTheRest() throws {
    _ = try store.closeQuarters(through: Period("2026Q4")!)
    let record = try store.apply(
      read("metrics.csv", "partner_id,period,kpi,value\nB,2027Q1,rev,80\nB,2027Q1,ttv,35\n"),
      command: "partial")
    #expect(record.coverage.map(\.period) == [Period("2027Q1")!])
    let c = try #require(record.coverage.first)
    #expect(c.provisional && c.reported == 1 && c.expected == 2)
    let book = Scorebook(try store.loadDataset())
    let t = book.periods.count - 1
    #expect(book.coverage(t) == c)
    #expect(!book.coverage(t - 1).provisional)
    let changes = Changes(book: book, period: t)
    let a = try #require(book.partnerIndex(id: "A"))
    #expect(changes.entries(.awaitingData).map(\.partner) == [a])
    #expect(!changes.entries.contains { $0.partner == a && $0.kind != .awaitingData })
    #expect(changes.kinds.contains(.awaitingData))
    // Closed, the same quarter judges A as usual.
    _ = try store.closeQuarters(through: Period("2027Q1")!)
    let closed = Changes(book: Scorebook(try store.loadDataset()), period: t)
    #expect(closed.entries(.awaitingData).isEmpty && !closed.kinds.contains(.awaitingData))
    #expect(closed.entries.contains { $0.partner == a })
  }
}
