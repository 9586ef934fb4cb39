import CNcurses
import Testing

@testable import TerminalUI

#if canImport(Glibc)
  import Glibc
#endif

/// ncurses without a TTY: newterm on /dev/null, read the screen back.
@Suite(.serialized) struct NcursesSmokeTests {
  @Test func drawsReadsBackAndUsesExtendedPairs() throws {
    setenv("LC_ALL", "C.UTF-8", 1)
    setenv("LINES", "6", 1)
    setenv("COLUMNS", "24", 1)
    unsetenv("NO_COLOR")  // swift test sets it
    let session = try TerminalSession(headlessTerm: "xterm-256color")
    defer { session.close() }
    #expect(session.size.width == 24 && session.size.height == 6)

    var b = CellBuffer(width: 24, height: 6)
    b.put("Hello 東京 🚀", x: 0, y: 0, style: Style(fg: .indexed(208), bold: true))
    b.put("❤️ 🇯🇵 ok", x: 0, y: 1, style: .reverse)
    Box(title: "T").render(in: Rect(x: 0, y: 2, width: 10, height: 3), buffer: &b, glyphs: .unicode)
    b.put("end", x: 21, y: 5)
    session.draw(b)
    #expect(session.screenLine(0) == "Hello 東京 🚀")
    #expect(session.screenLine(1) == "❤  🇯🇵 ok")
    #expect(session.screenLine(2) == "┌ T ─────┐")
    #expect(session.screenLine(4) == "└────────┘")
    #expect(session.screenLine(5) == "                     end")
    let hello = session.screenAttributes(x: 0, y: 0)
    #expect(hello.attrs & shim_A_BOLD != 0)
    #expect(session.screenAttributes(x: 0, y: 1).attrs & shim_A_REVERSE != 0)
    #expect(session.colorMode == .palette256)
    do {
      #expect(hello.fg == 208 && hello.bg == -1)
      // More pairs than COLOR_PAIR's 8 bits can name.
      for frame in 0..<3 {
        var many = CellBuffer(width: 24, height: 6)
        for y in 0..<6 {
          for x in 0..<24 {
            let i = frame * 144 + y * 24 + x
            many[x, y] = Cell(
              "x", style: Style(fg: .indexed(UInt8(i % 256)), bg: .indexed(UInt8(i / 256 + 1))))
          }
        }
        session.draw(many)
      }
      var checked = 0
      for y in 0..<6 {
        for x in 0..<24 {
          let i = 2 * 144 + y * 24 + x
          let a = session.screenAttributes(x: x, y: y)
          if a.fg == Int32(i % 256) && a.bg == Int32(i / 256 + 1) { checked += 1 }
        }
      }
      #expect(checked == 144, "checked \(checked)")
      #expect(session.screenAttributes(x: 23, y: 5).pair > 255)
    }
    #expect(session.readEvent(timeoutMs: 0) == nil)
  }

  @Test func noColorMeansAttributesOnly() throws {
    setenv("LC_ALL", "C.UTF-8", 1)
    setenv("NO_COLOR", "1", 1)
    let session = try TerminalSession(headlessTerm: "xterm-256color")
    defer { session.close() }
    #expect(session.colorMode == .none)
    var b = CellBuffer(width: 4, height: 1)
    b.put("ab", x: 0, y: 0, style: Style(fg: .red, bg: .indexed(17), underline: true))
    session.draw(b)
    let a = session.screenAttributes(x: 0, y: 0)
    #expect(a.pair == 0)
    #expect(a.attrs & shim_A_UNDERLINE != 0)
    #expect(session.screenLine(0) == "ab")
  }

  @Test func eightColourTerminalMapsThePalette() throws {
    setenv("LC_ALL", "C.UTF-8", 1)
    unsetenv("NO_COLOR")
    let session = try TerminalSession(headlessTerm: "xterm")
    defer { session.close() }
    #expect(session.colorMode == .basic8)
    var b = CellBuffer(width: 4, height: 1)
    b.put("x", x: 0, y: 0, style: Style(fg: .indexed(208)))
    session.draw(b)
    #expect(session.screenAttributes(x: 0, y: 0).fg == 1)
  }

  @Test func canOpenExplainsWhy() {
    if isatty(0) == 0 || isatty(1) == 0 {
      #expect(TerminalSession.canOpen()?.contains("not a terminal") == true)
    }
    #expect(shim_terminal_known("xterm-256color") == 1)
    #expect(shim_terminal_known("no-such-terminal-xyz") == 0)
  }
}
