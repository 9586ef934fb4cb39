import Dashboard
import Scoring
import TerminalUI

/// `?`: every key, grouped.
public enum HelpScreen {
  /// The keys, and the program's badges' marks.
  public static func overlay(program: Program) -> HelpOverlay {
    HelpOverlay(
      title: "partnerboard keys",
      groups: KeyHelp.groups(program: program).map { g in
        .init(g.title, g.entries)
      },
      footer: KeyHelp.footer)
  }
}
