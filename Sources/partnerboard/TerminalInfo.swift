#if canImport(Glibc)
  import Glibc
#endif

/// What the CLI needs to know about where it prints.
enum TerminalInfo {
  /// Columns of stdout's terminal; COLUMNS or 100 when not a terminal.
  static var width: Int {
    var ws = winsize()
    if isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
    return 100
  }

  static var stderrIsTerminal: Bool { isatty(2) != 0 }

  /// UTF-8 locale: box drawing, bars and arrows; otherwise ASCII.
  static var unicode: Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
      if let v = getenv(name).map({ String(cString: $0) }), !v.isEmpty {
        let l = v.lowercased()
        return l.contains("utf-8") || l.contains("utf8")
      }
    }
    return false
  }
}
