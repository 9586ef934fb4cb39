import Foundation

/// The real binary in a real terminal: tmux on a private socket.
final class Tmux {
  let socket = "pbtest-\(UUID().uuidString.prefix(8))"
  let dir: String
  var exitFile: String { dir + "/exit" }

  /// Starts `partnerboard ARGS` in a WIDTHxHEIGHT window; the shell around it
  /// records `stty -a` before and after and the exit status.
  init(_ args: [String], width: Int = 120, height: Int = 40, env: [String: String] = [:]) throws {
    dir = try Binary.tempDir()
    let quoted = args.map { "'\($0)'" }.joined(separator: " ")
    let exports = (["TERM": "xterm-256color", "LANG": "C.UTF-8"].merging(env) { $1 })
      .map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    let script = """
      cd \(dir); stty -a > \(dir)/stty-before; env -u LINES -u COLUMNS -u LC_ALL -u NO_COLOR -u PARTNERBOARD_MANAGER \(exports) \
      '\(Binary.path)' \(quoted); status=$?; stty -a > \(dir)/stty-after; \
      echo $status > \(dir)/exit; sleep 60
      """
    // The server this starts would hold a stdout pipe open forever: no pipe here.
    try run(
      ["new-session", "-d", "-x", String(width), "-y", String(height), "sh", "-c", script], capture: false)
  }

  deinit { _ = try? run(["kill-server"], capture: false) }

  /// Runs `tmux -L SOCKET ARGS` through sh, output to a file, waited for
  /// with waitpid: Foundation's Process can hang on the server tmux forks.
  @discardableResult
  func run(_ args: [String], capture: Bool = true) throws -> String {
    let out = dir + "/tmux-out-\(UUID().uuidString.prefix(6))"
    defer { try? FileManager.default.removeItem(atPath: out) }
    let command =
      (["tmux", "-L", socket] + args).map(Self.quote).joined(separator: " ")
      + " > \(capture ? out : "/dev/null") 2>/dev/null < /dev/null"
    var pid: pid_t = 0
    let words: [String] = ["/bin/sh", "-c", command]
    let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return capture ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
  }

  static func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  func send(_ keys: String...) throws { try run(["send-keys"] + keys) }

  func screen() throws -> String { try run(["capture-pane", "-p"]) }

  func resize(_ width: Int, _ height: Int) throws {
    try run(["resize-window", "-x", String(width), "-y", String(height)])
  }

  /// Waits until the screen satisfies `condition` (up to `seconds`): the
  /// screen that did, or nil when none did in time.
  @discardableResult
  func wait(seconds: Double = 5, _ condition: (String) -> Bool) throws -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let current = try screen()
      if condition(current) { return current }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return nil
  }

  func wait(for text: String, seconds: Double = 5) throws -> Bool {
    try wait(seconds: seconds) { $0.contains(text) } != nil
  }

  /// The exit status once the program has ended, else nil.
  func exitStatus(seconds: Double = 5) -> Int32? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let s = try? String(contentsOfFile: exitFile, encoding: .utf8),
        let v = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return v  // stty-after is written before the exit file
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return nil
  }

  /// `stty -a` before and after, without the size lines (a resize changes them).
  func sttyUnchanged() -> Bool {
    func settings(_ name: String) -> String? {
      (try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)).map {
        $0.split(separator: "\n").filter { !$0.contains("rows") }.joined(separator: "\n")
      }
    }
    guard let before = settings("stty-before"), let after = settings("stty-after") else { return false }
    return before == after
  }

  /// The selected row: the line with the `▸` marker.
  static func selectedLine(_ screen: String) -> String {
    screen.split(separator: "\n").first { $0.hasPrefix("▸") }.map(String.init) ?? ""
  }
}
