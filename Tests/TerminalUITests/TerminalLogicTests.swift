import CNcurses
import Testing

@testable import TerminalUI

@Suite struct KeyDecodingTests {
  @Test func characters() {
    #expect(KeyDecoding.character(10) == .enter)
    #expect(KeyDecoding.character(13) == .enter)
    #expect(KeyDecoding.character(9) == .tab)
    #expect(KeyDecoding.character(27) == .escape)
    #expect(KeyDecoding.character(127) == .backspace)
    #expect(KeyDecoding.character(3) == .ctrl("c"))
    #expect(KeyDecoding.character(0x71) == .char("q"))
    #expect(KeyDecoding.character(0xE9) == .char("é"))
    #expect(KeyDecoding.character(0x6771) == .char("東"))
    #expect(KeyDecoding.character(0) == nil)
  }

  @Test func functionKeys() {
    #expect(KeyDecoding.function(KEY_UP) == .up)
    #expect(KeyDecoding.function(KEY_NPAGE) == .pageDown)
    #expect(KeyDecoding.function(KEY_PPAGE) == .pageUp)
    #expect(KeyDecoding.function(KEY_HOME) == .home)
    #expect(KeyDecoding.function(KEY_END) == .end)
    #expect(KeyDecoding.function(KEY_BTAB) == .backTab)
    #expect(KeyDecoding.function(KEY_ENTER) == .enter)
    #expect(KeyDecoding.function(KEY_BACKSPACE) == .backspace)
    #expect(KeyDecoding.function(shim_KEY_F(1)) == .function(1))
    #expect(KeyDecoding.function(shim_KEY_F(12)) == .function(12))
    #expect(KeyDecoding.function(KEY_RESIZE) == nil)
  }

  @Test func mouseMasksComeFromC() {
    // ncurses 6 mouse version 2: wheel up is BUTTON4_PRESSED, down BUTTON5_PRESSED.
    #expect(KeyDecoding.mouseKind(shim_BUTTON4_PRESSED) == .wheelUp)
    #expect(KeyDecoding.mouseKind(shim_BUTTON5_PRESSED) == .wheelDown)
    #expect(KeyDecoding.mouseKind(shim_BUTTON1_CLICKED) == .click)
    #expect(KeyDecoding.mouseKind(shim_BUTTON1_DOUBLE_CLICKED) == .doubleClick)
    #expect(KeyDecoding.mouseKind(shim_BUTTON1_PRESSED) == .press)
    #expect(KeyDecoding.mouseKind(shim_BUTTON1_RELEASED) == .release)
    #expect(KeyDecoding.mouseKind(0) == nil)
  }
}

@Suite struct CursesCellTests {
  /// glibc-like widths: VS16/ZWJ/combining 0, CJK and most emoji 2, ❤ 1.
  static func libc(_ c: UInt32) -> Int {
    switch c {
    case 0x300...0x36F, 0x200D, 0xFE0F, 0x20E3: return 0
    case 0x4E00...0x9FFF, 0x1F300...0x1F64F, 0x1F680...0x1F6FF: return 2
    case 0xE0000...: return -1
    default: return 1
    }
  }

  func pieces(_ c: Character, _ w: Int) -> [[UInt32]] { CursesCell.pieces(c, width: w, wcwidth: Self.libc) }

  @Test func agreesWithLibcWidths() {
    #expect(pieces("A", 1) == [[0x41]])
    #expect(pieces("東", 2) == [[0x6771]])
    #expect(pieces("e\u{301}", 1) == [[0x65, 0x301]])
    #expect(pieces("🚀", 2) == [[0x1F680]])
  }

  @Test func emojiSequencesBecomeLibcSizedPieces() {
    #expect(pieces("❤️", 2) == [[0x2764], [0x20]])  // text heart + space
    #expect(pieces("🇯🇵", 2) == [[0x1F1EF], [0x1F1F5]])  // two letters the terminal may join
    #expect(pieces("👨‍👩‍👧", 2) == [[0x1F468]])  // the first person of the family
    #expect(pieces("1️⃣", 2) == [[0x31, 0x20E3], [0x20]])
    #expect(pieces("\u{E0100}", 1) == [[0x3F]])
    #expect(pieces("\u{E0100}", 2) == [[0x3F], [0x20]])
  }
}

@Suite struct ColorTests {
  @Test func mode() {
    #expect(ColorMode.choose(noColor: "1", colors: 256) == .none)
    #expect(ColorMode.choose(noColor: "", colors: 256) == .palette256)
    #expect(ColorMode.choose(noColor: nil, colors: 256) == .palette256)
    #expect(ColorMode.choose(noColor: nil, colors: 8) == .basic8)
    #expect(ColorMode.choose(noColor: nil, colors: 88) == .basic8)
    #expect(ColorMode.choose(noColor: nil, colors: 0) == .none)
  }

  @Test func mapping() {
    #expect(ColorMode.palette256.cursesColor(.indexed(208)) == 208)
    #expect(ColorMode.palette256.cursesColor(.red) == 1)
    #expect(ColorMode.palette256.cursesColor(.default) == -1)
    #expect(ColorMode.basic8.cursesColor(.indexed(208)) == 1)  // orange -> red
    #expect(ColorMode.basic8.cursesColor(.indexed(12)) == 4)  // bright blue -> blue
    #expect(ColorMode.basic8.cursesColor(.indexed(46)) == 2)  // green
    #expect(ColorMode.basic8.cursesColor(.indexed(250)) == 7)  // light grey -> white
    #expect(ColorMode.basic8.cursesColor(.indexed(235)) == 0)  // dark grey -> black
    #expect(ColorMode.basic8.cursesColor(.cyan) == 6)
    #expect(ColorMode.none.cursesColor(.red) == nil)
  }

  @Test func stylePatching() {
    let base = Style(fg: .red, bold: true)
    #expect(base.patched(with: .reverse) == Style(fg: .red, bold: true, reverse: true))
    #expect(base.patched(with: Style(fg: .blue)) == Style(fg: .blue, bold: true))
  }
}
