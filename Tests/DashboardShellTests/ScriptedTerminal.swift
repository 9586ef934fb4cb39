import Dispatch
import Foundation
import TerminalUI

/// A terminal for tests (as ratatui's TestBackend): it replays a script of
/// input and keeps every frame drawn as text. Waits are on what the screen
/// shows, with a deadline, never on fixed sleeps.
final class ScriptedTerminal: TerminalDevice {
  enum Step {
    case input(InputEvent)
    /// Lets the scorebook's load finish (the load waits on `gate` until then).
    case release
    /// Waits until the last frame satisfies the test (`what` says what is awaited).
    case waitUntil(String, (String) -> Bool)
    /// Hands the last frame to a check.
    case check((String) -> Void)
  }

  let size: (width: Int, height: Int)
  private var steps: [Step]
  let gate = DispatchSemaphore(value: 0)
  /// Signalled when the load has ended.
  let loaded = DispatchSemaphore(value: 0)
  private(set) var frames: [String] = []
  /// What a wait gave up on (the script then ends with Ctrl-C).
  private(set) var timedOut: [String] = []
  private var waitingSince: Date?

  init(width: Int, height: Int, _ steps: [Step]) {
    size = (width, height)
    self.steps = steps
  }

  func draw(_ buffer: CellBuffer) { frames.append(TextBackend.render(buffer)) }

  func readEvent(timeoutMs: Int) -> InputEvent? {
    guard let step = steps.first else { return .key(.ctrl("c")) }  // the script is over: quit
    switch step {
    case .input(let event):
      steps.removeFirst()
      return event
    case .release:
      steps.removeFirst()
      gate.signal()
    case .check(let check):
      steps.removeFirst()
      check(frames.last ?? "")
    case .waitUntil(let what, let done):
      if done(frames.last ?? "") {
        steps.removeFirst()
        waitingSince = nil
      } else if Date().timeIntervalSince(waitingSince ?? Date()) > 60 {
        timedOut.append(what)
        steps = []
      } else {
        if waitingSince == nil { waitingSince = Date() }
        usleep(UInt32(min(timeoutMs, 20)) * 1000)
      }
    }
    return nil
  }
}

extension ScriptedTerminal.Step {
  static func key(_ c: Character) -> Self { .input(.key(.char(c))) }
  static func key(_ k: TerminalUI.Key) -> Self { .input(.key(k)) }
}
