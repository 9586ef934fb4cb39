import Foundation
import Testing

/// Runs the built `partnerboard` binary as a user would.
struct Binary {
  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  static let path: String = {
    // The test bundle sits beside the executable in .build/<config>/.
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    for _ in 0..<5 {
      dir.deleteLastPathComponent()
      let candidate = dir.appendingPathComponent("partnerboard").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return "partnerboard"
  }()

  static let fixtures: String = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    url.deleteLastPathComponent()
    return url.appendingPathComponent("Fixtures").path
  }()

  /// The cache folder of every run (team stores' local copies).
  static let cache = NSTemporaryDirectory() + "pb-e2e-cache-\(getpid())"

  static func run(
    _ args: [String], env: [String: String] = [:], cwd: String? = nil, executable: String? = nil
  ) throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable ?? path)
    p.arguments = args
    var environment = ProcessInfo.processInfo.environment
    // Other suites (the ncurses smoke tests) set these in this process.
    for key in ["PARTNERBOARD_DB", "PARTNERBOARD_MANAGER", "LINES", "COLUMNS", "LC_ALL", "NO_COLOR"] {
      environment[key] = nil
    }
    environment["LANG"] = "C.UTF-8"
    // A team store's local copies, apart from the user's.
    environment["XDG_CACHE_HOME"] = cache
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    // Both pipes at once: a child that fills one pipe while the other is
    // being read to its end would otherwise block forever.
    let e = Self.readInBackground(err.fileHandleForReading)
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Result(
      status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: e.wait(), as: UTF8.self))
  }

  /// Data read to the end of a pipe on another thread.
  final class PendingRead: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
      Thread.detachNewThread { [self] in
        data = handle.readDataToEndOfFile()
        done.signal()
      }
    }
    func wait() -> Data {
      done.wait()
      return data
    }
  }

  static func readInBackground(_ handle: FileHandle) -> PendingRead { PendingRead(handle) }

  /// The spec's example copied to DIR/NAME with some files' text changed
  /// (`edit` gets each file's name and text), and a store built from it
  /// at DIR/NAME.sqlite.
  static func exampleStore(
    in dir: String, named name: String = "data", edit: (String, String) -> String
  ) throws -> String {
    let data = dir + "/" + name
    try FileManager.default.copyItem(atPath: fixtures + "/spec-example", toPath: data)
    for file in try FileManager.default.contentsOfDirectory(atPath: data) {
      let text = try String(contentsOfFile: data + "/" + file, encoding: .utf8)
      let edited = edit(file, text)
      if edited != text { try edited.write(toFile: data + "/" + file, atomically: true, encoding: .utf8) }
    }
    let db = data + ".sqlite"
    let r = try run(["init", "--from", data, "--db", db])
    guard r.status == 0 else { throw StoreFailure(message: r.stderr) }
    return db
  }

  struct StoreFailure: Error { let message: String }

  /// A fresh folder with a store built from the spec's worked example: (folder, store).
  static func specExampleStore() throws -> (dir: String, db: String) {
    let dir = try tempDir()
    let r = try run(["init", "--from", fixtures + "/spec-example", "--db", dir + "/s.sqlite"])
    #expect(r.status == 0, "\(r.stderr)")
    return (dir, dir + "/s.sqlite")
  }

  static func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "pb-e2e-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
  }

  /// `sqlite3 DB .dump`: the store's whole content as text.
  static func dump(_ db: String) throws -> String {
    try run([db, ".dump"], executable: "/usr/bin/sqlite3").stdout
  }
}
