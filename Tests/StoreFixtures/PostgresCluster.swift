import Foundation
import TeamStore

/// A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary
/// folder as the `postgres` user (the server refuses root), listening only
/// on a Unix socket in that folder, stopped when the test process ends.
/// Without PostgreSQL's programs the tests skip with the reason, except
/// under `CI=true`, where they fail: CI installs them (`.ci/run`). Shared by
/// the team store's tests and the end-to-end tests (the reference scorer on
/// both back ends).
public final class PostgresCluster: @unchecked Sendable {
  public let folder: String
  private let lock = NSLock()
  private var databases = 0

  /// The one cluster of this test process, started on first use.
  public static let shared: Result<PostgresCluster, StartFailure> = {
    do { return .success(try PostgresCluster()) } catch let f as StartFailure { return .failure(f) } catch {
      return .failure(StartFailure(description: "\(error)"))
    }
  }()

  public struct StartFailure: Error, CustomStringConvertible { public let description: String }

  /// Whether the PostgreSQL tests can run here, and why not.
  public static var unavailable: String? {
    switch shared {
    case .success: return nil
    case .failure(let f): return f.description
    }
  }

  public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

  /// Whether the PostgreSQL tests run here: where the server's programs
  /// are, and always under CI=true (which fails without them).
  public static var canRun: Bool { required || binaries() != nil }

  /// Why they are skipped where they are.
  public static let missing =
    "PostgreSQL's initdb and pg_ctl not found: apt-get install postgresql (CI never skips)"

  /// The folder of PostgreSQL's programs (`initdb`, `pg_ctl`).
  public static func binaries() -> String? {
    let fm = FileManager.default
    let versions = ((try? fm.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted { $0 > $1 }
    for v in versions where fm.isExecutableFile(atPath: "/usr/lib/postgresql/\(v)/bin/initdb") {
      return "/usr/lib/postgresql/\(v)/bin"
    }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    where fm.isExecutableFile(atPath: "\(dir)/initdb") && fm.isExecutableFile(atPath: "\(dir)/pg_ctl") {
      return String(dir)
    }
    return nil
  }

  private init() throws {
    guard let bin = Self.binaries() else {
      throw StartFailure(description: "PostgreSQL's initdb and pg_ctl not found (apt-get install postgresql)")
    }
    let root = getuid() == 0
    folder = NSTemporaryDirectory() + "pb-pg-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
    // As root the server runs as postgres, which must own its folder.
    func run(_ args: [String]) throws {
      let status = Self.spawn(root ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + args : args)
      guard status == 0 else {
        throw StartFailure(description: "\(args[0].split(separator: "/").last!) exited \(status)")
      }
    }
    if root { _ = Self.spawn(["/bin/chown", "postgres", folder]) }
    try run([
      bin + "/initdb", "-D", folder + "/data", "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8",
    ])
    // One login must give its password (the wrong-password test); the rest are trusted.
    let hba = folder + "/data/pg_hba.conf"
    if let trusted = try? String(contentsOfFile: hba, encoding: .utf8),
      let file = FileHandle(forUpdatingAtPath: hba)
    {
      try file.truncate(atOffset: 0)
      try file.write(contentsOf: Data(("local all \(Self.passwordLogin) scram-sha-256\n" + trusted).utf8))
      try file.close()
    }
    try run([
      bin + "/pg_ctl", "-D", folder + "/data", "-l", folder + "/log", "-w", "-o",
      "-k \(folder) -c listen_addresses='' -c fsync=off", "start",
    ])
    PostgresCluster.running = (bin, folder, root)
    atexit {
      guard let (bin, folder, root) = PostgresCluster.running else { return }
      let stop = [bin + "/pg_ctl", "-D", folder + "/data", "-m", "immediate", "stop"]
      _ = PostgresCluster.spawn(root ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + stop : stop)
      try? FileManager.default.removeItem(atPath: folder)
    }
  }

  /// Runs a program to its end with output to /dev/null, with posix_spawn
  /// and waitpid: Foundation's Process can wait forever on a program that
  /// leaves a daemon behind (pg_ctl starts the server).
  public static func spawn(_ args: [String], output: String = "/dev/null") -> Int32 {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, args[0], &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
  }

  nonisolated(unsafe) static var running: (String, String, Bool)?

  /// The login that must give its password ("right").
  public static let passwordLogin = "pb_with_password"

  /// The address of database `name` over the cluster's socket.
  public func url(_ name: String) throws -> PostgresURL {
    try PostgresURL("postgresql://postgres@localhost/\(name)?host=\(folder)")
  }

  /// A new, empty database of its own for one test.
  public func newDatabase() throws -> PostgresURL {
    lock.lock()
    databases += 1
    let name = "t\(databases)_\(getpid())"
    lock.unlock()
    let admin = try PGConnection(try url("postgres"))
    try admin.execute("CREATE DATABASE \(name)")
    return try url(name)
  }
}
