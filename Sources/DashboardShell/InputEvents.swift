import Dashboard
import TerminalUI

extension Event {
  /// Terminal input as a dashboard event (nil for input the dashboard ignores).
  public init?(_ input: InputEvent) {
    switch input {
    case .resize(let w, let h): self = .resize(width: w, height: h)
    case .mouse(let x, let y, let kind):
      switch kind {
      case .click, .press: self = .mouse(x: x, y: y, action: .click)
      case .doubleClick: self = .mouse(x: x, y: y, action: .doubleClick)
      case .wheelUp: self = .mouse(x: x, y: y, action: .wheelUp)
      case .wheelDown: self = .mouse(x: x, y: y, action: .wheelDown)
      case .release: return nil
      }
    case .key(let key):
      let k: Dashboard.Key
      switch key {
      case .char(let c): k = .char(c)
      case .ctrl("c"): k = .ctrlC
      case .up: k = .up
      case .down: k = .down
      case .left: k = .left
      case .right: k = .right
      case .pageUp: k = .pageUp
      case .pageDown: k = .pageDown
      case .home: k = .home
      case .end: k = .end
      case .enter: k = .enter
      case .escape: k = .escape
      case .backspace, .delete: k = .backspace
      case .tab: k = .tab
      case .backTab: k = .backTab
      default: return nil
      }
      self = .key(k)
    }
  }
}
