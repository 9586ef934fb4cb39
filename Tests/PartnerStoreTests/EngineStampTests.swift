import Foundation
import GRDB
import ProgramFiles
import Testing

@testable import PartnerStore

/// The stamp a store's kept scores carry (`KeptScores.engineVersion`) must
/// change whenever the numbers the engine keeps change, or stores would
/// keep serving the old ones. Nothing bumps it by itself, so this test ties
/// it to the numbers: the digest of every kept table of the sample store
/// (and of the spec's worked example with a gap quarter) is recorded here
/// per engine version. A change to a rule, a rounding or a kept fact changes
/// the digest and fails this test until the version is bumped and the new
/// digest recorded beside it (the failure prints it).
@Suite struct EngineStampTests {
  static let digests: [Int: String] = [
    8:
      "253614e65f4cbb8d27c6430cb54303ea07c6f2a420073550d8f0ecf680315d75 f0241d4212575cd94c410a24bbcb02a58f056005ef2686fb8ffb80f5d2a41078",
    9:
      "dc19ae371277d6c8ba120483908ac1e4b36d030690c42b49b514e081e56d0403 bb59549f24b7a1debb009efb2498e7879b99543972c8cc2f36beb2f35c633503",
    10:
      "5e043152cf88e52ba96b14792a26d54aad380f62e16d306da9092f29069fda7e dadb77a88ec2563cfc00b069ef4c063653b77f89ef8ac8e1376383db31ee2235",
    11:
      "9f76e034a1c31e94781204a3a9c0c0f52122e9cde50fe92db9b9d6d4d9eebe22 5a9482eae4b255b104c4101e74f75f1b7bece8144fd7b8f0bf3a80b28c25a401",
    12:
      "debc15ef80dd2b2280202c6b6f283a1708e4259d78716ab1c033c0b797035d47 a7bd7900ddd9680f3a7954d5e3a28dbcbe1f71962719709aef4165c7bf92b012",
  ]

  static let keptTables = [
    "partner_scores", "partner_ranks", "partner_search", "period_counts", "period_tiers", "kept_summary",
    "unscored_kpis", "kept_overview", "kept_trends", "kept_flags", "kept_pilot", "kept_payouts",
    "score_stamp",
  ]

  static func digest(_ store: PartnerStore) throws -> String {
    let text = try store.queue.read { db in
      var out = ""
      for table in keptTables {
        out += "== \(table)\n"
        out += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted().joined(
          separator: "\n")
        out += "\n"
      }
      return out
    }
    var hasher = SHA256.Hasher()
    Array(text.utf8).withUnsafeBufferPointer { hasher.update($0) }
    return hasher.finish()
  }

  @Test func theKeptNumbersMatchTheEngineStamp() throws {
    let dir = NSTemporaryDirectory() + "pb-stamp-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var issues: [DataIssue] = []
    let sample = DataFiles.readFolder(KeptScoresTests.sample, issues: &issues)
    _ = try PartnerStore.build(at: dir + "/sample.sqlite", files: sample, command: "init")
    let example = DataFiles.readFolder(StoreTests.fixture, issues: &issues)
    _ = try PartnerStore.build(at: dir + "/example.sqlite", files: example, command: "init")
    let gap = try PartnerStore(path: dir + "/example.sqlite")
    let files = DataFiles.read(
      contents: [
        (name: "metrics.csv", text: "partner_id,period,kpi,value\nA,2027Q4,rev,70\nB,2027Q4,ttv,33\n")
      ],
      issues: &issues)
    try gap.apply(files, command: "gap")
    let found =
      try Self.digest(try PartnerStore(path: dir + "/sample.sqlite")) + " "
      + Self.digest(try PartnerStore(path: dir + "/example.sqlite"))
    let recorded = Self.digests[KeptScores.engineVersion]
    let next = recorded == nil ? KeptScores.engineVersion : KeptScores.engineVersion + 1
    #expect(
      found == recorded,
      """
      The kept numbers are not those recorded for engine \(KeptScores.engineVersion). If a rule, a rounding \
      or a kept fact changed on purpose, bump KeptScores.engineVersion (stores then rescore once) and record \
      \(next): "\(found)" in EngineStampTests.digests; otherwise the change is a bug.
      """)
  }
}
