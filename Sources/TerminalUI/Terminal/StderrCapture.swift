import Platform

nonisolated(unsafe) private var savedStderr: Int32 = -1
nonisolated(unsafe) private var captureFd: Int32 = -1
nonisolated(unsafe) private let copyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)

/// While curses owns the screen, anything written to stderr (a Swift
/// "Fatal error: ..." message, a warning) would land on the alternate
/// screen and vanish with it. When stderr is a terminal, it goes to an
/// unlinked temporary file instead and is replayed on the real stderr
/// once the terminal is restored.
enum StderrCapture {
  static func start() {
    guard savedStderr < 0, isatty(2) != 0 else { return }
    let dir = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((dir + "/tui-stderr-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else { return }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    let saved = dup(2)
    guard saved >= 0, dup2(fd, 2) >= 0 else {
      close(fd)
      if saved >= 0 { close(saved) }
      return
    }
    savedStderr = saved
    captureFd = fd
  }

  /// Puts stderr back and copies out what was captured. Only
  /// async-signal-safe calls: it runs in signal handlers.
  static func finish() {
    guard savedStderr >= 0 else { return }
    dup2(savedStderr, 2)
    close(savedStderr)
    savedStderr = -1
    lseek(captureFd, 0, SEEK_SET)
    while true {
      let n = read(captureFd, copyBuffer, 4096)
      if n <= 0 { break }
      var done = 0
      while done < n {
        let w = write(2, copyBuffer + done, n - done)
        if w <= 0 { break }
        done += w
      }
    }
    close(captureFd)
    captureFd = -1
  }
}
