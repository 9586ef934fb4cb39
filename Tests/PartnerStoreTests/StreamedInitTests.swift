import Foundation
import GRDB
import ProgramFiles
import Testing

@testable import PartnerStore
@testable import Scoring

/// `init` with metrics.csv streamed a block at a time builds the same store
/// as reading the file whole, and an error in a late block leaves nothing.
@Suite struct StreamedInitTests {
  let dir: String
  init() throws {
    dir = NSTemporaryDirectory() + "pb-stream-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  /// Builds from `folder` with metrics in blocks of `blockSize` bytes; the issues found.
  func buildStreamed(_ folder: String, at path: String, blockSize: Int) throws -> [DataIssue] {
    var readIssues: [DataIssue] = []
    var files = DataFiles.readFolder(folder, streamMetrics: true, issues: &readIssues)
    #expect(readIssues.isEmpty && files.metrics == nil)
    let stream = MetricsStream(path: folder + "/metrics.csv", name: "metrics.csv", blockSize: blockSize)
    files.metricsStream = stream
    let checked = files
    var issues: [DataIssue] = []
    struct Invalid: Error {}
    do {
      _ = try PartnerStore.build(
        at: path, files: files, command: "init",
        metricsBlocks: { write in
          var checker = ReferenceChecker(checked, stored: StoredState())
          try stream.run(checker: &checker, issues: &issues, body: write)
          issues += checker?.finish(checked) ?? []
          if issues.contains(where: { $0.severity == .error }) { throw Invalid() }
        })
    } catch is Invalid {}
    return issues
  }

  func rows(_ path: String, _ sql: String) throws -> [Row] {
    try PartnerStore(path: path).queue.read { db in try Row.fetchAll(db, sql: sql) }
  }

  @Test func blocksBuildTheStoreAWholeReadBuilds() throws {
    var issues: [DataIssue] = []
    let whole = DataFiles.readFolder(KeptScoresTests.sample, issues: &issues)
    _ = try PartnerStore.build(at: dir + "/whole.sqlite", files: whole, command: "init")
    let found = try buildStreamed(KeptScoresTests.sample, at: dir + "/blocks.sqlite", blockSize: 1_000)
    #expect(found.allSatisfy { $0.severity == .warning })
    for (sql, least) in [
      ("SELECT partner_id, period, kpi, value FROM observations ORDER BY 1, 2, 3", 4_000),
      ("SELECT * FROM partner_scores ORDER BY partner_id, period", 400),
    ] {
      let a = try rows(dir + "/whole.sqlite", sql)
      #expect(a.count > least)
      #expect(a == (try rows(dir + "/blocks.sqlite", sql)), "\(sql)")
    }
    let sha = { (path: String) in
      try self.rows(path, "SELECT files FROM imports").first.map { $0[0] as String }
    }
    let files = try sha(dir + "/whole.sqlite")
    #expect(files?.contains("metrics.csv") == true)
    let streamed = try sha(dir + "/blocks.sqlite")
    #expect(files == streamed, "\(files ?? "")\n\(streamed ?? "")")
  }

  @Test func anErrorInALateBlockLeavesNoStore() throws {
    let folder = dir + "/bad"
    try FileManager.default.copyItem(atPath: KeptScoresTests.sample, toPath: folder)
    var metrics = try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8)
    metrics += "p001,2026Q1,nps,twelve\n"
    try metrics.write(toFile: folder + "/metrics.csv", atomically: true, encoding: .utf8)
    let lines = metrics.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let found = try buildStreamed(folder, at: dir + "/bad.sqlite", blockSize: 1_000)
    let errors = found.filter { $0.severity == .error }
    #expect(errors.count == 1 && errors.first?.line == lines && errors.first?.file == "metrics.csv")
    #expect(!FileManager.default.fileExists(atPath: dir + "/bad.sqlite"))
  }
}
