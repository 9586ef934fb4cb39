import Foundation
import PartnerStore
import ProgramFiles
import StoreFixtures
import Testing

@testable import TeamStore

/// The kept-scores test on the second back end: KeptScoresTests' random
/// sequences of writes (the same generator and seeds, `RandomWrites`:
/// metrics forward, backward, past a gap and for a few partners,
/// adjustments, renames, program changes, agreements, cohorts, undos) go to
/// a team store, each as the changes it made, and to a SQLite store. After
/// every write, the copy another login brings up to date (taking the
/// write's changes) equals the SQLite store table for table, which
/// KeptScoresTests holds equal to a full rescore after each of the same
/// writes; and a full rescore of that copy changes none of its kept rows.
@Suite(.serialized, .needsPostgres) struct TeamKeptScoresTests {
  static let example: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<2 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fixtures/spec-example").path
  }()

  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func keptScoresEqualAFullRescoreAfterAnySequence(seed: UInt64) throws {
    var issues: [DataIssue] = []
    let example = DataFiles.readFolder(Self.example, issues: &issues)
    let writes = RandomWrites(
      seed: seed, programText: try String(contentsOfFile: Self.example + "/program.toml", encoding: .utf8))
    let dir = TeamStoreTests.folder()
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let local = dir + "/local.sqlite"
    /// `body` on the SQLite store, its log folded into the file after.
    func onLocal<T>(_ body: (PartnerStore) throws -> T) throws -> T {
      defer { try? StoreMirror.fold(at: local) }
      return try body(PartnerStore(path: local))
    }
    _ = try PartnerStore.build(at: local, files: example, command: "init")
    try onLocal { _ = try $0.apply(try writes.partnersFile(), command: "partners") }

    let url = try PostgresCluster.shared.get().newDatabase()
    let owner = TeamReplica(url: url, folder: TeamStoreTests.folder())
    try owner.write(creating: true, waiting: { _ in }) { scratch in
      try FileManager.default.copyItem(atPath: local, toPath: scratch)
    }
    let reader = TeamReplica(url: url, folder: TeamStoreTests.folder())
    try reader.refresh()

    var steps: [String] = []
    for step in 0..<14 {
      guard let write = try onLocal({ try writes.write(step: step, choosingFrom: $0) }) else { continue }
      steps.append(write.what)
      let done = Result { try onLocal { try write.apply($0) } }
      let sent = Result { try owner.write(waiting: { _ in }) { try write.apply(PartnerStore(path: $0)) } }
      switch (done, sent) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(steps)")
        writes.wrote(a)
      case (.failure(let a as StoreError), .failure(let b as StoreError)):
        // Refused on both (a closed quarter, a partner unknown...): nothing written.
        #expect("\(a)" == "\(b)", "\(steps)")
        steps.append("refused")
        continue
      default:
        Issue.record("the two stores answered differently: \(done), \(sent) after \(steps)")
        return
      }
      try reader.refresh()
      let after = steps.joined(separator: "; ")
      let expected = try TeamStoreTests.rows(local)
      let copied = try TeamStoreTests.rows(reader.path)
      for (table, rows) in expected {
        let theirs = TeamStoreTests.untimed(rows)
        let ours = TeamStoreTests.untimed(copied[table] ?? [])
        let same = theirs == ours
        #expect(same, "\(table) after \(after): \(Self.difference(theirs, ours))")
      }
      // A full rescore of the copy finds every kept row as it is.
      let rescored = dir + "/rescored.sqlite"
      PartnerStore.removeFiles(rescored)
      try FileManager.default.copyItem(atPath: reader.path, toPath: rescored)
      try PartnerStore(path: rescored).rescoreKept()
      try StoreMirror.fold(at: rescored)
      let again = try TeamStoreTests.rows(rescored)
      for table in try StoreMirror.layout() where table.role == .keptByQuarter || table.role == .other {
        let (full, kept) = (again[table.name] ?? [], copied[table.name] ?? [])
        let same = full == kept
        #expect(same, "\(table.name) rescored, after \(after): \(Self.difference(full, kept))")
      }
    }
    #expect(steps.count >= 10, "\(steps)")
  }

  /// How two tables' rows differ, in a line: their counts and the first row that differs.
  static func difference(_ a: [[StoreMirror.Value]], _ b: [[StoreMirror.Value]]) -> String {
    let first = zip(a, b).first { $0 != $1 }
    return "\(a.count) rows and \(b.count); first difference \(first.map { "\($0.0) and \($0.1)" } ?? "none")"
  }
}
