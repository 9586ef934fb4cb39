import CNcurses

/// Turns `wget_wch` results into keys; no curses state involved.
enum KeyDecoding {
  /// A character code (wget_wch returned OK).
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
    case 0..<32: return nil
    default:
      guard let s = Unicode.Scalar(code) else { return nil }
      return .char(Character(s))
    }
  }

  /// A function-key code (wget_wch returned KEY_CODE_YES), except
  /// KEY_RESIZE and KEY_MOUSE.
  static func function(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_HOME, KEY_A1: return .home
    case KEY_END, KEY_C1: return .end
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_BTAB: return .backTab
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    case shim_KEY_F(1)...shim_KEY_F(24): return .function(Int(code - shim_KEY_F(0)))
    default: return nil
    }
  }

  /// The mouse action in an ncurses button state, or nil.
  static func mouseKind(_ state: mmask_t) -> MouseKind? {
    if state & shim_BUTTON4_PRESSED != 0 { return .wheelUp }
    if state & shim_BUTTON5_PRESSED != 0 { return .wheelDown }
    if state & shim_BUTTON1_DOUBLE_CLICKED != 0 { return .doubleClick }
    if state & shim_BUTTON1_CLICKED != 0 { return .click }
    if state & shim_BUTTON1_PRESSED != 0 { return .press }
    if state & shim_BUTTON1_RELEASED != 0 { return .release }
    return nil
  }
}
