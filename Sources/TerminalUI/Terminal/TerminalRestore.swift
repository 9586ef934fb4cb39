import CNcurses
import Platform

// Written only while no signal handler of ours is installed, read by the
// handlers: plain globals are the only thing a signal handler can use.
nonisolated(unsafe) private var cursesActive = false
nonisolated(unsafe) private var atexitRegistered = false
nonisolated(unsafe) private var handlersInstalled = false
nonisolated(unsafe) private let savedActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
/// The terminal's settings before curses, and the bytes that leave curses'
/// screen modes (mouse off, cursor shown, attributes reset, the normal
/// screen back): what a signal handler writes instead of calling endwin(),
/// which is not async-signal-safe (a signal that lands while another thread
/// is inside malloc would hang in it).
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var haveTermios = false
nonisolated(unsafe) private let leaveBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
nonisolated(unsafe) private var leaveCount = 0

/// Puts the terminal back (endwin) on every way out: a normal close, exit()
/// (atexit), every signal whose default action ends the process (SIGINT,
/// SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1/2, SIGPIPE, SIGXCPU, ... and
/// the real-time signals) and crashes (SIGSEGV/SIGILL/SIGTRAP/SIGABRT/SIGBUS/
/// SIGFPE, which is how Swift traps end). Each handler restores the terminal
/// and raises the signal again: the others with the default action, crashes with
/// their previous disposition (Swift's backtracer, or the default), so the
/// exit status still shows the signal. stderr written meanwhile is
/// replayed after the terminal is back (see StderrCapture).
enum TerminalRestore {
  /// Crashes: handed on to the previous handler (Swift's backtracer).
  static let crashes: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]
  /// Every signal whose default action ends the process (issue 20: SIGALRM,
  /// SIGUSR1, SIGXCPU or SIGPIPE left the terminal raw): restored, then
  /// raised again with the default action.
  static let signals: [Int32] = Platform.terminatingSignals + crashes

  /// Called right before curses starts.
  static func arm() {
    if !atexitRegistered {
      atexitRegistered = true
      atexit { TerminalRestore.restore() }
    }
    guard !handlersInstalled else { return }
    handlersInstalled = true
    haveTermios = tcgetattr(0, &savedTermios) == 0
    ensureAlternateStack()
    for sig in signals {
      var action = sigaction()
      action.handler = { sig in TerminalRestore.handle(sig) }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(SA_ONSTACK)  // a stack overflow leaves no stack to run on
      sigaction(sig, nil, &savedActions[Int(sig)])
      if isIgnored(savedActions[Int(sig)]) { continue }  // e.g. SIGHUP under nohup
      sigaction(sig, &action, nil)
    }
  }

  /// Gives this thread a signal stack unless it has one (Swift's runtime
  /// may have set one up already).
  private static func ensureAlternateStack() {
    var current = stack_t()
    guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
    let size = 64 * 1024
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
  }

  /// Curses is running: the hooks must end it.
  static func activate() {
    StderrCapture.start()
    prepareLeaveBytes()
    cursesActive = true
  }

  /// The terminal's own sequences (terminfo) for what endwin() undoes, kept
  /// in a static buffer for the signal handlers.
  private static func prepareLeaveBytes() {
    var bytes = Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8)
    for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      guard let s = tigetstr(cap), Int(bitPattern: s) != -1 else { continue }
      bytes += Array(String(cString: s).utf8)
    }
    leaveCount = min(bytes.count, 512)
    for (i, b) in bytes.prefix(512).enumerated() { leaveBytes[i] = b }
  }

  /// What a signal handler does in place of endwin(): async-signal-safe
  /// calls only (write, tcsetattr).
  private static func restoreFromSignal() {
    guard cursesActive else { return }
    cursesActive = false
    var done = 0
    while done < leaveCount {
      let n = write(1, leaveBytes + done, leaveCount - done)
      if n <= 0 { break }
      done += n
    }
    if haveTermios { tcsetattr(0, TCSANOW, &savedTermios) }
    StderrCapture.finish()
  }

  /// Called after a normal close (after `restore()`): puts back the
  /// previous signal dispositions.
  static func disarm() {
    guard handlersInstalled else { return }
    handlersInstalled = false
    for sig in signals { sigaction(sig, &savedActions[Int(sig)], nil) }
  }

  /// Ends curses mode once and replays captured stderr.
  static func restore() {
    guard cursesActive else { return }
    cursesActive = false
    endwin()
    StderrCapture.finish()
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    guard let h = action.handler else { return false }  // SIG_DFL
    return unsafeBitCast(h, to: Int.self) == 1  // SIG_IGN is (void (*)(int))1
  }

  private static func handle(_ sig: Int32) {
    restoreFromSignal()
    if !crashes.contains(sig) {
      signal(sig, SIG_DFL)
    } else {
      // A crash: hand it to the previous handler (Swift's backtracer, or
      // the default). The backtracer would wait up to 30 s for a key on a
      // TTY stdin; with stdin at EOF it prints the backtrace and ends
      // (SWIFT_BACKTRACE=interactive=no semantics).
      let fd = open("/dev/null", O_RDONLY)
      if fd >= 0 { dup2(fd, 0) }
      sigaction(sig, &savedActions[Int(sig)], nil)
    }
    raise(sig)  // delivered with that disposition once we return
  }
}
