import Platform
import TerminalUI

/// What the CLI needs to know about where it prints.
enum TerminalInfo {
  /// Columns of stdout's terminal; COLUMNS or 100 when not a terminal.
  static var width: Int {
    if let columns = Platform.terminalColumns(1) { return columns }
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
    return 100
  }

  static var stderrIsTerminal: Bool { isatty(2) != 0 }

  /// ArgumentParser traps when asked to wrap help text narrower than its
  /// indentation (COLUMNS=10, or a tiny terminal): give it at least 60 columns.
  static func ensureHelpWidth() {
    let minimum = 60
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }) {
      if c < minimum { setenv("COLUMNS", String(minimum), 1) }
      return
    }
    if let columns = Platform.terminalColumns(1), columns < minimum {
      setenv("COLUMNS", String(minimum), 1)
    }
  }

  /// UTF-8 locale: box drawing, bars and arrows; otherwise ASCII.
  static var unicode: Bool { Glyphs.forLocale().isUnicode }
}
