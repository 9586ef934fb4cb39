import Dashboard
import TerminalUI

/// `?`: every key, grouped.
public enum HelpScreen {
  public static let overlay = HelpOverlay(
    title: "partnerboard keys",
    groups: KeyHelp.groups.map { g in .init(g.title, g.entries.map { .init($0.keys, $0.description) }) },
    footer: KeyHelp.footer)
}
