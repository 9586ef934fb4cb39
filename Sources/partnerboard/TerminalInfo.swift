import Platform
import TerminalUI

/// What the CLI needs to know about where it prints.
enum TerminalInfo {
  /// Columns of stdout's terminal. Not a terminal (a pipe, a file): COLUMNS
  /// when set (the user asked for that width), else no limit, so that every
  /// row is one whole line for grep, cut and a spreadsheet: names are not
  /// cut and reasons do not wrap.
  static var width: Int {
    if let columns = Platform.terminalColumns(1) { return columns }
    if let c = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), c > 0 { return c }
    return unlimited
  }

  /// A width no table reaches (arithmetic on it stays far from overflow).
  static let unlimited = 1_000_000

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
