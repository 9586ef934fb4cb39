import Foundation
import PartnerStore
import ProgramFiles
import Scoring
import Testing

@Suite struct StoreTests {
  static let fixture: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    url.deleteLastPathComponent()
    return url.appendingPathComponent("Fixtures/spec-example").path
  }()

  let dir: String
  init() throws {
    dir = NSTemporaryDirectory() + "pb-store-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  func files(_ contents: [(String, String)]) throws -> DataFiles {
    var issues: [DataIssue] = []
    let f = DataFiles.read(contents: contents.map { (name: $0.0, text: $0.1) }, issues: &issues)
    #expect(issues.filter { $0.severity == .error }.isEmpty, "\(issues)")
    return f
  }

  /// Temporary files of processes killed half way go; a running process's
  /// and other names stay. A team store's `init` builds inside its scratch
  /// copy (`.write-PID.init-PID`): that goes with the scratch copy.
  @Test func staleTemporariesAreRemoved() throws {
    let path = dir + "/c.sqlite"
    let me = getpid()
    let stale = [
      ".write-999999", ".write-999999-wal", ".write-999999.init-999999", ".write-999999.init-999999-shm",
      ".copy-999999",
    ]
    let kept = [
      ".write-\(me)", ".write-\(me).init-\(me)", ".write-999999.initial", ".write-999999.init-", ".writer",
    ]
    for suffix in stale + kept { _ = FileManager.default.createFile(atPath: path + suffix, contents: Data()) }
    PartnerStore.removeStaleTemporaries(of: path, kinds: [".copy-", ".write-"])
    for suffix in stale { #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(suffix)") }
    for suffix in kept { #expect(FileManager.default.fileExists(atPath: path + suffix), "\(suffix)") }
  }

  func initialized() throws -> PartnerStore {
    let store = try PartnerStore(path: dir + "/s.sqlite")
    var issues: [DataIssue] = []
    let f = DataFiles.readFolder(Self.fixture, issues: &issues)
    #expect(issues.isEmpty)
    try store.apply(f, command: "init")
    return store
  }

  @Test func createdWithMode0600() throws {
    _ = try PartnerStore(path: dir + "/new/s.sqlite")
    let attrs = try FileManager.default.attributesOfItem(atPath: dir + "/new/s.sqlite")
    #expect((attrs[.posixPermissions] as? Int) == 0o600)
  }

  @Test func roundTripsTheSpecExample() throws {
    let store = try initialized()
    let data = try store.loadDataset()
    #expect(data.partners.map(\.id) == ["A", "B"])
    #expect(data.observationTable?.count == 17)
    #expect(data.agreements.map(\.id) == ["X1", "X2", "X3"])
    let book = Scorebook(data)
    #expect(book.score(0, 3) == 70.83)
    #expect(book.payouts().map(\.payout) == [2750, 6800, 500])
    let imports = try store.imports()
    #expect(imports.count == 1)
    #expect(
      imports[0].files.map(\.name) == ["program.toml", "partners.csv", "metrics.csv", "agreements.csv"])
    #expect(imports[0].files[0].sha256.count == 64)
    #expect(imports[0].added == 1 + 2 + 17 + 3)
  }

  @Test func importAddsReplacesAndLeavesIdenticalRowsAlone() throws {
    let store = try initialized()
    let next =
      "partner_id,period,kpi,value\nA,2026Q4,rev,0\nA,2026Q4,ttv,35\nB,2026Q4,rev,70\nB,2027Q1,rev,60\n"
    let r = try store.apply(try files([("metrics-2027Q1.csv", next)]), command: "import")
    #expect(r.counts.map(\.file) == ["metrics-2027Q1.csv"])
    #expect(r.counts.map { [$0.added, $0.replaced, $0.unchanged] } == [[2, 1, 1]])
    let book = Scorebook(try store.loadDataset())
    #expect(book.periods.last?.description == "2027Q1")
    #expect(book.value(1, 3, 0).map { $0 - 115 } == 0, "\(String(describing: book.value(1, 3, 0)))")
  }

  @Test func undoPutsBackExactlyWhatWasThere() throws {
    let store = try initialized()
    let before = try store.dump()
    let next = "partner_id,period,kpi,value\nA,2026Q4,rev,5\nB,2027Q1,rev,60\n"
    let partners = "id,name,segment,region\nB,Beta Renamed,referral,NA\nC,Gamma,reseller,APAC\n"
    let r = try store.apply(
      try files([("partners.csv", partners), ("metrics.csv", next)]), command: "import")
    #expect(try store.dump() != before)
    let undone = try store.undo(importID: r.id)
    #expect(undone.undoneAt != nil)
    // Data tables equal the state before; only the import log differs.
    #expect(try dataOnly(store.dump()) == dataOnly(before))
    #expect(throws: StoreError.self) { try store.undo(importID: r.id) }
  }

  @Test func undoIsRefusedWhileALaterImportChangedTheSameRows() throws {
    let store = try initialized()
    let first = try store.apply(
      try files([("metrics.csv", "partner_id,period,kpi,value\nA,2026Q4,rev,5\n")]), command: "i2")
    let second = try store.apply(
      try files([("metrics.csv", "partner_id,period,kpi,value\nA,2026Q4,rev,6\n")]), command: "i3")
    do {
      try store.undo(importID: first.id)
      Issue.record("undo should be refused")
    } catch let e as StoreError {
      #expect(
        e.description
          == "later import \(second.id) replaced rows that import \(first.id) wrote: undo it first")
    }
    try store.undo(importID: second.id)
    try store.undo(importID: first.id)
    #expect(Scorebook(try store.loadDataset()).observation(0, 3, 0)?.value == 0)
  }

  @Test func undoOfTheInitialImportEmptiesTheStore() throws {
    let store = try initialized()
    try store.undo(importID: 1)
    #expect(try store.isEmpty())
    #expect(throws: StoreError.self) { try store.loadDataset() }
  }

  @Test func aFailingImportChangesNothing() throws {
    let store = try initialized()
    let before = try store.dump()
    // Two rows with one key slip past the parser only when built by hand:
    // the store's primary key rejects the second and the transaction rolls back.
    var f = try files([("metrics.csv", "partner_id,period,kpi,value\nA,2027Q1,rev,1\n")])
    f.metrics!.rows.append(f.metrics!.rows[0])
    f.metrics!.lines.append(3)
    var stage = try files([("partners.csv", "id,name,segment,region\nD,Delta,reseller,EMEA\n")])
    stage.metrics = f.metrics
    stage.sources += f.sources
    #expect(throws: (any Error).self) { try store.apply(stage, command: "bad") }
    #expect(try store.dump() == before)
  }

  func dataOnly(_ dump: String) -> String {
    dump.components(separatedBy: "== ").filter { !$0.hasPrefix("imports\n") }.joined(separator: "== ")
  }
}
