import Foundation
import PartnerStore
import StoreFixtures
import TeamStore
import Testing

/// `--db postgres://...` from the command line: init, then the commands
/// that read a team store give the same JSON as on a SQLite store built
/// from the same folder, and the writes (import, undo, close, reopen,
/// rescore) answer the same.
@Suite(.serialized, .needsPostgres) struct TeamStoreCommandTests {
  static let sample: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("sample-data").path
  }()

  static let binary: String = {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    for _ in 0..<5 {
      dir.deleteLastPathComponent()
      let candidate = dir.appendingPathComponent("partnerboard").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return "partnerboard"
  }()

  static let cache = NSTemporaryDirectory() + "pb-teamcache-\(getpid())"

  /// The binary's exit status, stdout and stderr (it starts no daemon: Process is fine).
  static func run(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
    p.arguments = args
    var env = ProcessInfo.processInfo.environment
    for key in ["PARTNERBOARD_DB", "PARTNERBOARD_MANAGER", "COLUMNS"] { env[key] = nil }
    // The team stores' local copies, apart from the user's.
    env["XDG_CACHE_HOME"] = cache
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    // Both pipes at once: a child filling one while the other is read to its end would block.
    nonisolated(unsafe) var e = Data()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      e = err.fileHandleForReading.readDataToEndOfFile()
      done.signal()
    }
    let o = out.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
  }

  @Test func initThenTheSameJSONAsSQLite() throws {
    let url = try PostgresCluster.shared.get().newDatabase().text
    let dir = NSTemporaryDirectory() + "pb-teamcli-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let sqlite = dir + "/s.sqlite"
    let made = try Self.run(["init", "--from", Self.sample, "--db", url])
    #expect(made.status == 0, "\(made.err)")
    #expect(made.out.contains("partners.csv: 64 added") && made.err.contains("store \(url)"), "\(made.err)")
    #expect(try Self.run(["init", "--from", Self.sample, "--db", sqlite]).status == 0)
    for args in [
      ["score", "--format", "json"], ["changes", "--format", "json"], ["payouts", "--format", "json"],
      ["roi", "--format", "json"], ["flags", "--format", "json"],
      ["pilot", "outcomes_pilot", "--format", "json"],
      ["score", "--period", "2026Q2", "--format", "csv"], ["leaderboard", "--format", "json"],
      ["leaderboard", "--segment", "msp", "--manager", "aiko", "--format", "csv"],
      ["tier", "acme", "--format", "json"],
      ["tier", "muller"], ["explain", "kodo"], ["trends", "--format", "json"],
      ["trends", "--kpi", "nps", "--region", "emea", "--format", "csv"],
      ["fairness", "--by", "region", "--format", "json"],
      ["compare", Self.sample + "/volume-program.toml", "--format", "json"],
      ["compare", Self.sample + "/volume-program.toml", "--period", "2026Q2"],
      ["render", "leaderboard", "--size", "120x40"], ["render", "partner", "muller", "--size", "80x24"],
      ["render", "changes", "--size", "160x48", "--manager", "sophie"],
      ["render", "overview", "--size", "120x40"],
    ] {
      let team = try Self.run(args + ["--db", url])
      let local = try Self.run(args + ["--db", sqlite])
      #expect(team.status == 0 && local.status == 0, "\(args): \(team.err)")
      #expect(team.out == local.out && !team.out.isEmpty, "\(args)")
    }
    // A second init is refused; --force replaces.
    let again = try Self.run(["init", "--from", Self.sample, "--db", url])
    #expect(
      again.status == 1 && again.err.contains("holds a partnerboard store already (--force replaces it)"))
    #expect(try Self.run(["init", "--from", Self.sample, "--db", url, "--force"]).status == 0)
    #expect(try Self.run(["init", "--from", Self.sample, "--db", sqlite, "--force"]).status == 0)
    // The writes: the same answers on both, and the same store after them.
    let fix = dir + "/metrics-fix.csv"
    try "partner_id,period,kpi,value\np004,2026Q4,nps,45\np004,2026Q3,nps,44\n".write(
      toFile: fix, atomically: true, encoding: .utf8)
    for args in [
      ["close", "2026Q2"], ["import", fix], ["import", fix, "--reopen"],
      ["tier", "acme", "--format", "json"],
      ["undo-import", "3"], ["reopen", "2026Q1"], ["rescore"], ["close", "2026Q3"],
      ["leaderboard", "--format", "json"], ["changes", "--format", "json"], ["imports"],
    ] {
      let team = try Self.run(args + ["--db", url])
      let local = try Self.run(args + ["--db", sqlite])
      // The import log's times, who closed (the team store's login, the
      // system's user) and the store's name aside.
      func same(_ text: String) -> String {
        text.replacingOccurrences(of: #"20\d\d-\d\d-\d\dT[\d:]+Z"#, with: "TIME", options: .regularExpression)
          .replacingOccurrences(of: #"\(by [^)]*\)"#, with: "(by WHO)", options: .regularExpression)
          .replacingOccurrences(of: url, with: "STORE").replacingOccurrences(of: sqlite, with: "STORE")
      }
      if args == ["imports"] { #expect(team.out.contains("close 2026Q3 (by postgres)"), "\(team.out)") }
      #expect(team.status == local.status, "\(args): \(team.err)")
      #expect(same(team.out) == same(local.out) && same(team.err) == same(local.err), "\(args)")
    }
    // A bad folder writes nothing into an empty database.
    let empty = try PostgresCluster.shared.get().newDatabase().text
    let bad = try Self.run(["init", "--from", dir, "--db", empty])
    #expect(bad.status == 1)
    let opened = try Self.run(["score", "--db", empty])
    #expect(
      opened.status == 1 && opened.err.contains("no partnerboard store in this database"), "\(opened.err)")
  }

  /// `init` sends the observations while it builds (`ObservationSender`):
  /// the team store then holds the build's own rows, every double to the
  /// bit (a "-0" as SQLite stores it, 0), and a copy made from it equals the
  /// SQLite store built from the same folder, table for table. A folder
  /// whose metrics fail after rows were sent leaves the store as it was.
  @Test func initSendsTheBuildsOwnObservations() throws {
    let dir = NSTemporaryDirectory() + "pb-teamstream-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for name in ["program.toml", "partners.csv", "agreements.csv", "cohorts.csv"] {
      try FileManager.default.copyItem(atPath: Self.sample + "/" + name, toPath: dir + "/" + name)
    }
    var metrics = try String(contentsOfFile: Self.sample + "/metrics.csv", encoding: .utf8)
      .split(separator: "\n").map(String.init)
    for (i, value) in ["-0", "-0.000", "1e15", "0.1", "-1e15", "0.000001"].enumerated() {
      var fields = metrics[i + 1].split(separator: ",").map(String.init)
      fields[3] = value
      metrics[i + 1] = fields.joined(separator: ",")
    }
    try (metrics.joined(separator: "\n") + "\n").write(
      toFile: dir + "/metrics.csv", atomically: true, encoding: .utf8)
    let url = try PostgresCluster.shared.get().newDatabase()
    let made = try Self.run(["init", "--from", dir, "--db", url.text])
    #expect(made.status == 0, "\(made.err)")
    let sqlite = dir + "/s.sqlite"
    #expect(try Self.run(["init", "--from", dir, "--db", sqlite]).status == 0)

    // The team store's observations, bit for bit, against the SQLite store's.
    let connection = try PGConnection(url)
    var sent: [[String]] = []
    try connection.copyBinaryOut(
      "SELECT partner_id, period, kpi, value, import_id FROM partnerboard.observations ORDER BY partner_id, period, kpi"
    ) { row in
      let text = { (i: Int) in
        String(decoding: row.fields[i] ?? UnsafeRawBufferPointer(start: nil, count: 0), as: UTF8.self)
      }
      sent.append([
        text(0), "\(row.int64(1) ?? -1)", text(2), "\(row.double(3)?.bitPattern ?? 0)",
        "\(row.int64(4) ?? -1)",
      ])
    }
    let stored = try TeamStoreTests.rows(sqlite)
    let built: [[String]] = (stored["observations"] ?? []).map { row in
      row.map {
        switch $0 {
        case .text(let t): t
        case .integer(let i): "\(i)"
        case .real(let d): "\(d.bitPattern)"
        default: "?"
        }
      }
    }
    #expect(sent.count == 4235 && sent == built, "\(zip(sent, built).first { $0 != $1 } as Any)")
    #expect(
      sent.contains { $0[3] == "\(Double(0).bitPattern)" }
        && !sent.contains { $0[3] == "\((-0.0).bitPattern)" })

    // Another login's copy: the SQLite store, table for table.
    let elsewhere = TeamReplica(url: url, folder: dir + "/elsewhere")
    #expect(try elsewhere.refresh())
    let copied = try TeamStoreTests.rows(elsewhere.path)
    for (table, rows) in stored where table != "imports" {
      #expect(rows == copied[table], "\(table)")
    }

    // metrics.csv with an error in its last line: every row before it was
    // sent, and then rolled back: the store, its generation and its keys as before.
    let before = try connection.execute(
      "SELECT (SELECT value FROM partnerboard.meta WHERE key = 'generation'), count(*) FROM partnerboard.observations"
    )
    try (metrics.joined(separator: "\n") + "\np001,2026Q4,nps,lots\n").write(
      toFile: dir + "/metrics.csv", atomically: true, encoding: .utf8)
    let failed = try Self.run(["init", "--from", dir, "--db", url.text, "--force"])
    #expect(failed.status == 1 && failed.err.contains("metrics.csv"), "\(failed.err)")
    #expect(
      try connection.execute(
        "SELECT (SELECT value FROM partnerboard.meta WHERE key = 'generation'), count(*) FROM partnerboard.observations"
      )
        == before)
    #expect(
      try connection.execute(
        "SELECT count(*) FROM pg_indexes WHERE schemaname = 'partnerboard' AND indexname = 'observations_pkey'"
      )
        == [["1"]])
    // The write lock was let go: the next write goes through.
    try (metrics.joined(separator: "\n") + "\n").write(
      toFile: dir + "/metrics.csv", atomically: true, encoding: .utf8)
    #expect(try Self.run(["init", "--from", dir, "--db", url.text, "--force"]).status == 0)
  }

  /// A manager's login: every command shows its book as an owner's login
  /// shows it with `--manager`, at the program's ranks; no output names a
  /// partner of another book; the program-wide reviews say they are the
  /// book's; a write is refused.
  @Test func aManagerLoginSeesItsBookOnly() throws {
    let owner = try PostgresCluster.shared.get().newDatabase().text
    #expect(try Self.run(["init", "--from", Self.sample, "--db", owner]).status == 0)
    let login = "sophie_\(getpid())_\(Int.random(in: 0..<1_000_000))"
    let granted = try Self.run(["--db", owner, "access", "grant", login, "--manager", "sophie"])
    #expect(
      granted.status == 0 && granted.out.contains("manager: sees Sophie Laurent's book only"),
      "\(granted.err)")
    let manager = owner.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://\(login)@")

    let partners = try String(contentsOfFile: Self.sample + "/partners.csv", encoding: .utf8)
      .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let others = partners.filter { !$0.joined(separator: ",").contains("Sophie Laurent") }.map {
      String($0[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }
    #expect(others.count == 53 && others.contains("Northwind Solutions"))
    let dir = NSTemporaryDirectory() + "pb-teambook-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for args in [
      ["leaderboard"], ["leaderboard", "--format", "json"], ["tier", "acme", "--format", "json"],
      ["explain", "acme"],
      ["changes", "--format", "json"], ["changes", "--since", "2025Q4"], ["payouts", "--format", "csv"],
      ["trends", "--format", "json"], ["score", "--period", "2026Q2", "--format", "csv"],
      ["render", "leaderboard", "--size", "160x48"], ["render", "changes", "--size", "120x40"],
      ["render", "trends", "--size", "120x40"], ["render", "payouts", "--size", "120x40"],
      ["render", "qbr", "acme", "--size", "120x40"],
    ] {
      let mine = try Self.run(args + ["--db", manager])
      let asked = try Self.run(args + ["--db", owner, "--manager", "sophie"])
      #expect(mine.status == 0 && mine.out == asked.out, "\(args): \(mine.err)")
    }
    // What no owner's --manager view limits: the overview, the what-if,
    // fairness, an export: the book's, with no other partner in them.
    for args in [
      ["render", "overview", "--size", "220x60"],
      ["render", "whatif", "--other", Self.sample + "/volume-program.toml", "--size", "220x60"],
      ["compare", Self.sample + "/volume-program.toml", "--top", "50"], ["fairness", "--format", "json"],
      ["roi"], ["flags"], ["leaderboard", "--manager", "all", "--format", "csv"],
      ["qbr", "acme", "--export", dir + "/acme.html"],
    ] {
      let mine = try Self.run(args + ["--db", manager])
      #expect(mine.status == 0, "\(args): \(mine.err)")
      let text =
        mine.out + mine.err + ((try? String(contentsOfFile: dir + "/acme.html", encoding: .utf8)) ?? "")
      let leaked = others.filter { text.contains($0) }
      #expect(leaked.isEmpty, "\(args): \(leaked)")
    }
    #expect(
      try Self.run(["fairness", "--db", manager]).err.contains(
        "the fairness review of Sophie Laurent's book only"))
    // Another book's partner is not found (not "in another book": its name is not for this login).
    let other = try Self.run(["tier", "northwind", "--db", manager])
    #expect(other.status == 1 && !other.err.contains("Northwind"), "\(other.err)")
    let write = try Self.run(["close", "2026Q1", "--db", manager])
    #expect(write.status == 1 && write.err.contains("only an owner writes the team store"), "\(write.err)")

    // Finance: every payout as an owner sees it, from no observation at all.
    let ap = "ap_\(getpid())_\(Int.random(in: 0..<1_000_000))"
    #expect(try Self.run(["access", "grant", ap, "--finance", "--db", owner]).status == 0)
    let finance = owner.replacingOccurrences(of: "postgresql://postgres@", with: "postgresql://\(ap)@")
    // `access list`: a login a line, the columns aligned.
    let listed = try Self.run(["access", "list", "--db", owner])
    let lines = listed.out.split(separator: "\n").map(String.init)
    #expect(listed.status == 0 && lines.first?.hasPrefix("Login") == true, "\(listed.out)")
    let financeLine = try #require(lines.first { $0.hasPrefix(ap + " ") }, "\(listed.out)")
    let managerLine = try #require(lines.first { $0.contains("manager") }, "\(listed.out)")
    #expect(
      financeLine.contains("finance") && financeLine.hasSuffix("sees agreements and payouts, nothing else"))
    #expect(managerLine.hasSuffix("sees Sophie Laurent's book only"))
    let column = { (line: String, word: String) in
      line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }
    #expect(
      column(financeLine, "finance") == column(lines[0], "Role")
        && column(managerLine, "manager") == column(lines[0], "Role"), "\(listed.out)")
    for args in [
      ["payouts"], ["payouts", "--format", "json"], ["payouts", "--period", "2026Q3", "--format", "csv"],
    ] {
      let theirs = try Self.run(args + ["--db", finance])
      let owners = try Self.run(args + ["--db", owner])
      #expect(theirs.status == 0 && theirs.out == owners.out && !owners.out.isEmpty, "\(args): \(theirs.err)")
    }
    #expect(
      try Self.run(["score", "--format", "csv", "--db", finance]).out.split(separator: "\n").count <= 1)
  }

  /// The dashboard on a team store, in a real terminal (tmux): it opens,
  /// and reloads when someone writes the store anew (`init --force`).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux"), "needs tmux"))
  func theDashboardOpensAndReloads() throws {
    let url = try PostgresCluster.shared.get().newDatabase().text
    #expect(try Self.run(["init", "--from", Self.sample, "--db", url]).status == 0)
    let socket = "pbteam-\(getpid())"
    let screenFile = NSTemporaryDirectory() + "\(socket).txt"
    func tmux(_ args: [String]) -> Int32 {
      PostgresCluster.spawn(["/usr/bin/tmux", "-L", socket] + args, output: screenFile)
    }
    func screen() -> String {
      _ = tmux(["capture-pane", "-p"])
      return (try? String(contentsOfFile: screenFile, encoding: .utf8)) ?? ""
    }
    func wait(for text: String) -> Bool {
      for _ in 0..<100 {
        if screen().contains(text) { return true }
        usleep(100_000)
      }
      return false
    }
    defer { _ = tmux(["kill-server"]) }
    let state = NSTemporaryDirectory() + "\(socket)-state"
    #expect(
      tmux([
        // Other suites set LINES, COLUMNS and the like in this process: not for the dashboard.
        "new-session", "-d", "-x", "120", "-y", "30", "env", "-u", "LINES", "-u", "COLUMNS", "-u", "LC_ALL",
        "-u", "NO_COLOR", "-u", "PARTNERBOARD_DB", "-u", "PARTNERBOARD_MANAGER", "TERM=xterm-256color",
        "LANG=C.UTF-8",
        "XDG_STATE_HOME=\(state)", "XDG_CACHE_HOME=\(Self.cache)", Self.binary, "--db", url,
      ]) == 0)
    #expect(wait(for: "showing 63 + 1 without data"), "\(screen())")
    #expect(try Self.run(["init", "--from", Self.sample, "--db", url, "--force"]).status == 0)
    #expect(wait(for: "reloaded: the store changed"), "\(screen())")
    _ = tmux(["send-keys", "q"])
  }
}
