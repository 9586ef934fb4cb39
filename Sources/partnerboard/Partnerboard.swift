import ArgumentParser
import Foundation
import PartnerStore

@main
struct Partnerboard: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "partnerboard",
    abstract: "Score channel partners on outcomes: leaderboards, tiers, payouts.",
    discussion: """
      partnerboard keeps a program's data in a local store, scores every partner
      against the program's rules (docs/data-formats.md explains the files) and
      prints leaderboards, tier lookups, explanations and payouts.

      The store defaults to $XDG_DATA_HOME/partnerboard/partnerboard.sqlite
      (else ~/.local/share/partnerboard/partnerboard.sqlite) and is created from
      the bundled sample data on first use. Choose another with --db PATH or
      PARTNERBOARD_DB.

      Examples:
        partnerboard tier acme
        partnerboard leaderboard --segment msp --top 10
        partnerboard new ./my-program
        partnerboard init --from ./my-program --db ./q3.sqlite
        partnerboard import metrics-2027Q1.csv
      """,
    version: "partnerboard \(Partnerboard.version) (scoring engine \(KeptScores.engineVersion))",
    subcommands: [
      DashboardCommand.self, RenderCommand.self, LeaderboardCommand.self, TierCommand.self,
      ExplainCommand.self, ScoreCommand.self,
      PayoutsCommand.self, ChangesCommand.self, CompareCommand.self, FairnessCommand.self, TrendsCommand.self,
      ROICommand.self,
      FlagsCommand.self, PilotCommand.self,
      QBRCommand.self, InitCommand.self,
      ImportCommand.self,
      ImportsCommand.self,
      UndoImportCommand.self, CloseCommand.self, ReopenCommand.self, RescoreCommand.self,
      ValidateCommand.self, NewCommand.self, AccessCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self)

  /// The release, shown by `--version` with the kept scores' engine stamp.
  static let version = "0.4.0"

  static func main() {
    TerminalInfo.ensureHelpWidth()
    let arguments = storeOptionAfterCommand(Array(CommandLine.arguments.dropFirst()))
    rejectUnknownCommand(arguments)
    // As ArgumentParser's own `main`, but its messages go through the
    // Sanitizer: an argument error quotes what was typed (`--format
    // $'x\e]0;T\a'`), which must not reach the terminal raw.
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch {
      let code = exitCode(for: error)
      let message = fullMessage(for: error)
      if code == .success {
        // Help and completion scripts: our own text, printed as it is.
        if !message.isEmpty { Output.write(1, message.hasSuffix("\n") ? message : message + "\n") }
      } else if !message.isEmpty {
        Output.err(message)
      }
      Foundation.exit(code.rawValue)
    }
  }

  /// `--db PATH` is every command's option and `--manager NAME` every
  /// reading command's, so they may come before the command too
  /// (`partnerboard --db q3.sqlite leaderboard`, as git and kubectl take
  /// their global options): they are moved after the command.
  static func storeOptionAfterCommand(_ args: [String]) -> [String] {
    var leading: [String] = []
    var i = 0
    let global = ["--db", "--manager"]
    while i < args.count {
      if global.contains(args[i]), i + 1 < args.count {
        leading += args[i...(i + 1)]
        i += 2
      } else if global.contains(where: { args[i].hasPrefix($0 + "=") }) {
        leading.append(args[i])
        i += 1
      } else {
        break
      }
    }
    guard !leading.isEmpty, i < args.count,
      let command = configuration.subcommands.first(where: { $0.configuration.commandName == args[i] })
    else { return args }
    // A command of commands (`access grant`): after the second name.
    let inner = command.configuration.subcommands.compactMap { $0.configuration.commandName }
    let named = i + 1 < args.count && inner.contains(args[i + 1]) ? 2 : 1
    return Array(args[i..<(i + named)]) + leading + args[(i + named)...]
  }

  /// `partnerboard compare x` must not be read as the dashboard's options
  /// (the dashboard is the default command): a first word that names no
  /// command is an error that lists them and suggests the closest.
  static func rejectUnknownCommand(_ args: [String]) {
    guard let first = args.first, !first.hasPrefix("-") else { return }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    guard !names.contains(first) else { return }
    let closest = names.min { distance($0, first) < distance($1, first) }
    var message = "partnerboard: unknown command \"\(first)\""
    if let closest, distance(closest, first) <= max(2, first.count / 3) {
      message += " (did you mean \(closest)?)"
    }
    message += "\ncommands: \(names.joined(separator: ", "))\nsee `partnerboard --help`"
    Output.err(message)
    Foundation.exit(64)  // EX_USAGE
  }

  /// Edit distance (Levenshtein), for suggestions.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in 1...max(1, b.count) where !b.isEmpty {
        let old = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = old
      }
    }
    return a.isEmpty ? b.count : row[b.count]
  }
}
