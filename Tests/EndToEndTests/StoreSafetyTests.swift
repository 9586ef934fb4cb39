import Foundation
import Testing

/// The store file as a user meets it (issue 10): errors that name it and say
/// what to do, read-only folders, files that are not stores, a killed init,
/// a store replaced under a running dashboard.
@Suite struct StoreSafetyTests {
  static let readers: [[String]] = [
    ["leaderboard"], ["tier", "A"], ["explain", "A"], ["score", "--format", "json"], ["payouts"],
    ["trends"], ["imports"], ["render", "leaderboard"],
  ]

  func store() throws -> (dir: String, db: String) {
    let dir = try Binary.tempDir()
    let db = dir + "/s.sqlite"
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db])
    #expect(r.status == 0, "\(r.stderr)")
    return (dir, db)
  }

  @Test func emptyOrForeignFilesAreErrorsAndStayAsTheyAre() throws {
    let dir = try Binary.tempDir()
    let files: [(String, Data, String)] = [
      ("empty.sqlite", Data(), "is not a partnerboard store (the file is empty)"),
      ("notes.txt", Data("hello\n".utf8), "is not a partnerboard store (it is not an SQLite database)"),
    ]
    for (name, bytes, message) in files {
      let path = dir + "/" + name
      _ = FileManager.default.createFile(atPath: path, contents: bytes)
      for args in Self.readers {
        let r = try Binary.run(args + ["--db", path])
        #expect(r.status == 1, "\(args)")
        #expect(r.stderr.contains(path + " " + message), "\(args): \(r.stderr)")
        #expect(FileManager.default.contents(atPath: path) == bytes)
      }
    }
    // Another application's SQLite database: refused by readers and writers alike.
    let other = dir + "/other.sqlite"
    _ = try Binary.run(
      [other, "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1);"],
      executable: "/usr/bin/sqlite3")
    let before = try Binary.dump(other)
    let metrics = dir + "/metrics.csv"
    try "partner_id,period,kpi,value\nA,2026Q1,rev,1\n".write(
      toFile: metrics, atomically: true, encoding: .utf8)
    for args in Self.readers + [["import", metrics], ["init", "--from", Binary.fixtures + "/spec-example"]] {
      let r = try Binary.run(args + ["--db", other])
      #expect(r.status == 1, "\(args)")
      #expect(r.stderr.contains("without partnerboard's tables"), "\(args): \(r.stderr)")
    }
    #expect(try Binary.dump(other) == before)
  }

  @Test func aMissingStoreSaysHowToMakeOne() throws {
    let path = try Binary.tempDir() + "/none.sqlite"
    let r = try Binary.run(["tier", "A", "--db", path])
    #expect(r.status == 1)
    #expect(
      r.stderr.contains("no store at \(path): create one with `partnerboard init --from DIR --db \(path)`"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  /// The binary's folders can be entered by another user (the read-only test runs it as one).
  static let binaryReachableByOthers: Bool = {
    var url = URL(fileURLWithPath: Binary.path).deletingLastPathComponent()
    while url.path != "/" {
      let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0
      if mode & 0o001 == 0 { return false }
      url.deleteLastPathComponent()
    }
    return true
  }()

  /// Reading commands on a store in a read-only folder, run as an ordinary
  /// user (root ignores permissions).
  @Test(
    .enabled(
      if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        && StoreSafetyTests.binaryReachableByOthers,
      "needs root, setpriv and a build folder another user can reach"))
  func readingWorksInAReadOnlyFolder() throws {
    let setpriv = "/usr/bin/setpriv"
    let (dir, db) = try store()
    // An import leaves the store in WAL mode, the hard case for a read-only folder.
    let more = dir + "/metrics-more.csv"
    try "partner_id,period,kpi,value\nA,2026Q4,rev,1\n".write(toFile: more, atomically: true, encoding: .utf8)
    #expect(try Binary.run(["import", more, "--db", db]).status == 0)
    let expected = try Binary.run(["leaderboard", "--db", db])
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    chmod(db, 0o444)
    chmod(dir, 0o555)
    defer { chmod(dir, 0o755) }
    let before = try Data(contentsOf: URL(fileURLWithPath: db))
    for args in Self.readers {
      let r = try Binary.run(
        ["--reuid=65534", "--regid=65534", "--clear-groups", Binary.path] + args + ["--db", db],
        executable: setpriv)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      if args == ["leaderboard"] { #expect(r.stdout == expected.stdout) }
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
  }

  @Test func aKilledInitLeavesNothingBehindTheNextOne() throws {
    let (dir, db) = try store()
    let stale = ["\(db).init-999999", "\(db).init-999999-wal", "\(db).init-999999-shm"]
    for f in stale { _ = FileManager.default.createFile(atPath: f, contents: Data("x".utf8)) }
    let unrelated = dir + "/s.sqlite.init-notes"
    _ = FileManager.default.createFile(atPath: unrelated, contents: Data())
    let r = try Binary.run(["init", "--from", Binary.fixtures + "/spec-example", "--db", db, "--force"])
    #expect(r.status == 0, "\(r.stderr)")
    for f in stale { #expect(!FileManager.default.fileExists(atPath: f), "\(f)") }
    #expect(FileManager.default.fileExists(atPath: unrelated))
  }

  @Test func storeErrorsNameTheStore() throws {
    let (_, db) = try store()
    // Damage the file past its header: SQLite's complaint comes with the path.
    var bytes = try Data(contentsOf: URL(fileURLWithPath: db))
    for i in 100..<min(bytes.count, 4096) { bytes[i] = 0xFF }
    try bytes.write(to: URL(fileURLWithPath: db))
    let r = try Binary.run(["leaderboard", "--db", db])
    #expect(r.status == 1)
    #expect(r.stderr.contains(db), "\(r.stderr)")
    // What to do, and never the advice that would throw the store away.
    #expect(r.stderr.contains("check") && !r.stderr.contains("--force"), "\(r.stderr)")
  }

  /// `init --force` replaces the file under a running dashboard: it notices
  /// and shows the new store.
  @Test(.needsTmux) func theDashboardFollowsAReplacedStore() throws {
    let (_, db) = try store()
    let t = try Tmux(["--db", db])
    #expect(try t.wait(for: "Worked example"))
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("sample-data").path
    let r = try Binary.run(["init", "--from", sample, "--db", db, "--force"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(try t.wait(for: "Outcome Partner Program FY2026", seconds: 6))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
