import CNcurses
import Platform

public struct TerminalError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// The ncurses backend: the only type that calls curses. It blits cell
/// buffers and reads input; widgets never see it. Use it from one thread
/// (it is not Sendable), open one at a time, and `close()` it; the
/// terminal is also restored on exit(), on SIGINT/SIGTERM/SIGHUP and on
/// crashes.
public final class TerminalSession {
  public struct Options: Sendable {
    /// Report clicks, double clicks and the wheel.
    public var mouse: Bool
    /// raw() instead of cbreak(): Ctrl-C and Ctrl-Z arrive as keys
    /// (`.ctrl("c")`) instead of signals.
    public var rawMode: Bool
    /// Milliseconds to wait after Esc for the rest of an escape sequence.
    public var escapeDelayMs: Int

    public init(mouse: Bool = true, rawMode: Bool = false, escapeDelayMs: Int = 25) {
      self.mouse = mouse
      self.rawMode = rawMode
      self.escapeDelayMs = escapeDelayMs
    }
  }

  public let colorMode: ColorMode
  private let screen: OpaquePointer
  private let files: [UnsafeMutablePointer<FILE>]
  private let defaultColors: Bool
  private var pairs: [PairKey: Int32] = [:]
  private var closed = false
  private let ownsSignals: Bool

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  /// Why a full-screen session cannot start here, or nil when it can:
  /// stdin and stdout must be terminals and TERM a known, capable type.
  public static func canOpen() -> String? {
    if isatty(0) == 0 { return "standard input is not a terminal" }
    if isatty(1) == 0 { return "standard output is not a terminal" }
    guard let p = getenv("TERM"), case let term = String(cString: p), !term.isEmpty else {
      return "TERM is not set"
    }
    if term == "dumb" { return "TERM=dumb cannot show a full-screen display" }
    if shim_terminal_known(term) == 0 { return "unknown terminal type '\(term)' (TERM)" }
    return nil
  }

  /// Starts curses on the process's terminal (stdin/stdout).
  public convenience init(options: Options = Options()) throws {
    if let problem = TerminalSession.canOpen() { throw TerminalError(description: problem) }
    try self.init(
      term: nil, output: shim_stdout(), input: shim_stdin(), files: [], options: options, ownsSignals: true)
  }

  /// A session on `term` writing to /dev/null: for tests without a TTY.
  /// Size comes from the LINES and COLUMNS environment variables.
  convenience init(headlessTerm term: String, options: Options = Options(mouse: false)) throws {
    guard let out = fopen("/dev/null", "w"), let inp = fopen("/dev/null", "r") else {
      throw TerminalError(description: "cannot open /dev/null")
    }
    try self.init(
      term: term, output: out, input: inp, files: [out, inp], options: options, ownsSignals: false)
  }

  private init(
    term: String?, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>,
    files: [UnsafeMutablePointer<FILE>], options: Options, ownsSignals: Bool
  ) throws {
    setlocale(LC_ALL, "")  // before newterm, or wide glyphs come out blank
    if ownsSignals { TerminalRestore.arm() }
    guard let screen = newterm(term, output, input) else {
      if ownsSignals { TerminalRestore.disarm() }
      for f in files { fclose(f) }
      throw TerminalError(
        description: "cannot start curses on TERM=\(term ?? getenv("TERM").map { String(cString: $0) } ?? "")"
      )
    }
    self.screen = screen
    self.files = files
    self.ownsSignals = ownsSignals
    if ownsSignals { TerminalRestore.activate() }
    set_term(screen)
    let win = shim_stdscr()
    if options.rawMode { raw() } else { cbreak() }
    noecho()
    keypad(win, true)
    leaveok(win, true)
    set_escdelay(Int32(options.escapeDelayMs))
    curs_set(0)
    if options.mouse {
      mousemask(
        shim_BUTTON1_PRESSED | shim_BUTTON1_RELEASED | shim_BUTTON1_CLICKED | shim_BUTTON1_DOUBLE_CLICKED
          | shim_BUTTON4_PRESSED | shim_BUTTON5_PRESSED, nil)
    }
    var colors = 0
    var defaults = false
    if has_colors() {
      start_color()
      defaults = use_default_colors() == OK
      colors = Int(shim_COLORS())
    }
    defaultColors = defaults
    colorMode = ColorMode.choose(noColor: getenv("NO_COLOR").map { String(cString: $0) }, colors: colors)
  }

  deinit { close() }

  /// Ends curses and gives the terminal back. Safe to call twice.
  public func close() {
    guard !closed else { return }
    closed = true
    set_term(screen)
    if ownsSignals {
      TerminalRestore.restore()
      TerminalRestore.disarm()
    } else {
      endwin()
    }
    delscreen(screen)
    for f in files { fclose(f) }
  }

  /// The terminal's size in cells.
  public var size: (width: Int, height: Int) {
    var y: Int32 = 0
    var x: Int32 = 0
    shim_getmaxyx(shim_stdscr(), &y, &x)
    return (Int(x), Int(y))
  }

  // MARK: - Output

  /// Shows `buffer` (clipped to the screen): one add_wch per cell, then
  /// one doupdate that sends only what changed.
  public func draw(_ buffer: CellBuffer) {
    guard !closed else { return }
    let win = shim_stdscr()
    let (sw, sh) = size
    if buffer.width < sw || buffer.height < sh { werase(win) }
    let w = min(buffer.width, sw)
    let h = min(buffer.height, sh)
    var cc = cchar_t()
    var chars = [wchar_t](repeating: 0, count: 6)
    for y in 0..<h {
      var x = 0
      while x < w {
        let cell = buffer[x, y]
        if cell.isContinuation {
          x += 1
          continue
        }
        let (attrs, pair) = attributes(for: cell.style)
        if let a = cell.character.asciiValue, a >= 0x20, a < 0x7F {
          // Fast path: printable ASCII is one narrow code point.
          chars[0] = wchar_t(a)
          chars[1] = 0
          shim_setcchar(&cc, chars, attrs, pair)
          mvwadd_wch(win, Int32(y), Int32(x), &cc)
          x += 1
          continue
        }
        let cellWidth = x + 1 < buffer.width && buffer[x + 1, y].isContinuation ? 2 : 1
        var col = x
        for piece in CursesCell.pieces(cell.character, width: cellWidth, wcwidth: { Int(shim_wcwidth($0)) }) {
          let pieceWidth = max(1, Int(shim_wcwidth(piece[0])))
          guard col + pieceWidth <= w else { break }  // the screen is narrower than the buffer
          for i in 0..<5 { chars[i] = i < piece.count ? wchar_t(bitPattern: piece[i]) : 0 }
          chars[5] = 0
          shim_setcchar(&cc, chars, attrs, pair)
          mvwadd_wch(win, Int32(y), Int32(col), &cc)
          col += pieceWidth
        }
        x += cellWidth
      }
    }
    wnoutrefresh(win)
    doupdate()
  }

  /// Forces a full repaint on the next draw (e.g. after the terminal was
  /// disturbed by another program).
  public func invalidate() {
    clearok(shim_curscr(), true)
  }

  /// Curses attributes and colour pair for a style.
  private func attributes(for style: Style) -> (attr_t, Int32) {
    var a = shim_A_NORMAL
    if style.bold { a |= shim_A_BOLD }
    if style.dim { a |= shim_A_DIM }
    if style.reverse { a |= shim_A_REVERSE }
    if style.underline { a |= shim_A_UNDERLINE }
    guard var fg = colorMode.cursesColor(style.fg), var bg = colorMode.cursesColor(style.bg) else {
      return (a, 0)
    }
    if !defaultColors {
      if fg < 0 { fg = 7 }
      if bg < 0 { bg = 0 }
    }
    if fg < 0 && bg < 0 { return (a, 0) }
    let key = PairKey(fg: fg, bg: bg)
    if let p = pairs[key] { return (a, p) }
    let p = max(0, shim_alloc_pair(fg, bg))  // ERR (-1) when the table is full: default colours
    pairs[key] = p
    return (a, p)
  }

  // MARK: - Input

  /// The next key, mouse action or resize; nil when `timeoutMs` passes
  /// first (negative: wait forever) or the input means nothing to us.
  public func readEvent(timeoutMs: Int) -> InputEvent? {
    guard !closed else { return nil }
    let win = shim_stdscr()
    wtimeout(win, Int32(clamping: timeoutMs < 0 ? -1 : timeoutMs))
    var ch: wint_t = 0
    switch wget_wch(win, &ch) {
    case OK:
      return KeyDecoding.character(UInt32(ch)).map(InputEvent.key)
    case KEY_CODE_YES:
      let code = Int32(bitPattern: UInt32(ch))
      if code == KEY_RESIZE { return .resize(width: Int(shim_COLS()), height: Int(shim_LINES())) }
      if code == KEY_MOUSE {
        var event = MEVENT()
        guard getmouse(&event) == OK, let kind = KeyDecoding.mouseKind(event.bstate) else { return nil }
        return .mouse(x: Int(event.x), y: Int(event.y), kind: kind)
      }
      return KeyDecoding.function(code).map(InputEvent.key)
    default:
      return nil
    }
  }

  // MARK: - Reading the screen back (tests)

  /// Row `y` of the curses screen as text, trailing spaces trimmed.
  func screenLine(_ y: Int) -> String {
    var buf = [wchar_t](repeating: 0, count: size.width * 6 + 1)
    let n = mvwinnwstr(shim_stdscr(), Int32(y), 0, &buf, Int32(buf.count - 1))
    guard n != ERR else { return "" }
    var s = String(
      String.UnicodeScalarView(buf.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    while s.last == " " { s.removeLast() }
    return s
  }

  /// Attributes and colour pair of the cell at (x, y) on the curses screen.
  func screenAttributes(x: Int, y: Int) -> (attrs: attr_t, pair: Int32, fg: Int32, bg: Int32) {
    var cc = cchar_t()
    mvwin_wch(shim_stdscr(), Int32(y), Int32(x), &cc)
    var wch = [wchar_t](repeating: 0, count: 6)
    var attrs: attr_t = 0
    var shortPair: Int16 = 0
    var pair: Int32 = 0
    getcchar(&cc, &wch, &attrs, &shortPair, &pair)
    var fg: Int32 = 0
    var bg: Int32 = 0
    shim_pair_content(pair, &fg, &bg)
    return (attrs & ~shim_A_COLOR, pair, fg, bg)
  }
}
