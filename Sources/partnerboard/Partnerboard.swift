import ArgumentParser

@main
struct Partnerboard: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "partnerboard",
    abstract: "Score channel partners on outcomes: leaderboards, tiers, payouts.",
    discussion: """
      partnerboard keeps a program's data in a local store, scores every partner
      against the program's rules (see SPEC.md) and prints leaderboards, tier
      lookups, explanations and payouts.

      The store defaults to $XDG_DATA_HOME/partnerboard/partnerboard.sqlite
      (else ~/.local/share/partnerboard/partnerboard.sqlite) and is created from
      the bundled sample data on first use. Choose another with --db PATH or
      PARTNERBOARD_DB.

      Examples:
        partnerboard tier acme
        partnerboard leaderboard --segment msp --top 10
        partnerboard init --from ./my-program --db ./q3.sqlite
        partnerboard import metrics-2027Q1.csv
      """,
    subcommands: [
      DashboardCommand.self, RenderCommand.self, LeaderboardCommand.self, TierCommand.self,
      ExplainCommand.self, ScoreCommand.self,
      PayoutsCommand.self, TrendsCommand.self, QBRCommand.self, InitCommand.self, ImportCommand.self,
      ImportsCommand.self,
      UndoImportCommand.self, ValidateCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self)

  static func main() {
    TerminalInfo.ensureHelpWidth()
    main(nil)
  }
}
