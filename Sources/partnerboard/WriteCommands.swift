import ArgumentParser
import Foundation
import PartnerStore
import Platform
import ProgramFiles
import Scoring
import TeamStore

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Build a store from a data folder.",
    discussion: """
      DIR holds program.toml, partners.csv, metrics.csv and optionally
      agreements.csv and adjustments.csv (docs/data-formats.md). The store is built
      beside the target and moved into place only when everything is valid, so a
      bad folder leaves an existing store exactly as it was. An existing store
      with data is kept unless --force is given.

      Examples:
        partnerboard init --from sample-data
        partnerboard init --from ./fy2027 --db ./fy2027.sqlite --force
        partnerboard init --from ./fy2027 --db postgres://ops@db.example.com/partners
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: ArgumentHelp("The data folder.", valueName: "dir"), completion: .directory) var from: String
  @Flag(help: "Replace a store that already holds data.") var force = false

  func run() throws {
    try reportingErrors {
      let replica = try store.teamReplica()
      let path = store.resolved().path
      if replica == nil { try PartnerStore.checkReplaceable(path, force: force) }
      // `sendingMetrics`: a team store's, which takes the metrics as they are written.
      let build = { (target: String, sendingMetrics: TeamReplica.SendingMetrics) throws -> ImportRecord in
        let (files, metricsBlocks) = try Timings.measure("read and check all but the metrics") {
          try DataLoading.readStreaming(folder: from, doing: "reading and writing")
        }
        return try Timings.measure("build the store") {
          try PartnerStore.build(
            at: target, files: consume files, command: "init --from \(from)",
            progress: DataLoading.progress(label: "metrics"),
            metricsBlocks: metricsBlocks.map(sendingMetrics),
            rescoreProgress: DataLoading.percent(label: "keeping the scores"))
        }
      }
      // A team store: built as a file is, in one transaction under its write
      // lock that takes the observations as the build writes them, then every
      // other table.
      let record =
        try replica.map { r in
          try r.write(
            creating: true, replacing: force, waiting: { Output.err("partnerboard: \($0)") },
            sending: { table in
              if TerminalInfo.stderrIsTerminal {
                Output.progress("partnerboard: writing \(r.url.shown): \(table)")
              }
            }
          ) { scratch, sendingMetrics in try build(scratch, sendingMetrics) }
        } ?? build(path, { $0 })
      if TerminalInfo.stderrIsTerminal { Output.progress("") }
      Output.err("partnerboard: store \(replica?.url.shown ?? path)")
      Output.out(DataLoading.summary(record))
    }
  }
}

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Add or replace data from files or a folder, in one transaction.",
    discussion: """
      PATH is a folder or files named as in docs/data-formats.md
      (program.toml, partners.csv, metrics.csv, adjustments.csv,
      agreements.csv; a name such as metrics-2027Q1.csv counts as metrics).
      New rows are added, rows with an existing key (partner, period, kpi; or
      id) are replaced, identical rows are left alone. Any error changes
      nothing. Every import is recorded with its files' SHA-256 and can be
      undone with `partnerboard undo-import ID`.

      Examples:
        partnerboard import metrics-2027Q1.csv
        partnerboard import corrections/adjustments.csv program.toml
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "Files or folders to import.", completion: .file()) var paths: [String]
  @Flag(help: "Reopen the closed quarters it changes (refused otherwise).") var reopen =
    false

  func run() throws {
    try reportingErrors {
      guard !paths.isEmpty else { throw CLIError("name at least one file or folder to import") }
      let record = try store.writing { target in
        let stored = try Timings.measure("read the stored state") { try target.storedState() }
        let files = try Timings.measure("read and check") {
          try DataLoading.read(paths: paths, folder: false, stored: stored)
        }
        return try Timings.measure("write, rescore and commit") {
          try target.apply(
            files, command: "import " + paths.joined(separator: " ") + (reopen ? " --reopen" : ""),
            progress: DataLoading.progress(label: "metrics"),
            rescoreProgress: DataLoading.percent(label: "keeping the scores"), reopen: reopen)
        }
      }
      if TerminalInfo.stderrIsTerminal { Output.progress("") }
      Output.out(DataLoading.summary(record))
    }
  }
}

struct ImportsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "imports",
    abstract: "List the imports recorded in the store.",
    discussion: """
      Each import: id, time (UTC), the command, its files with SHA-256, rows
      added and replaced, and whether it was undone.

      Example:
        partnerboard imports
      """)

  @OptionGroup var store: StoreOptions

  func run() throws {
    try reportingErrors {
      let s = try store.open()
      for r in try s.imports() {
        // A close or reopen has no files: who and when are in its command.
        var line = "\(r.id)  \(r.at)  \(r.command)" + (r.files.isEmpty ? "" : "  +\(r.added) ~\(r.replaced)")
        if let u = r.undoneAt { line += "  (undone \(u))" }
        Output.out(line)
        for f in r.files { Output.out("      \(f.name)  sha256:\(f.sha256)") }
      }
    }
  }
}

struct UndoImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "undo-import",
    abstract: "Undo one import: put back what it replaced, remove what it added.",
    discussion: """
      Refused when a later import changed the same rows (undo that one first).

      Example:
        partnerboard undo-import 3
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "The import id, as `partnerboard imports` lists it.") var id: Int64
  @Flag(help: "Reopen the closed quarters the undo changes (it is refused otherwise).") var reopen = false

  func run() throws {
    try reportingErrors {
      let r = try store.writing(existing: true) { try $0.undo(importID: id, reopen: reopen) }
      Output.out(
        "undid import \(r.id) (\(r.command)): \(r.added) added rows removed, \(r.replaced) replaced rows restored"
      )
    }
  }
}

struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check a data folder and report every problem at once; touches no store.",
    discussion: """
      Each problem names the file, line and column (CSV) or key (TOML) and what
      was expected. Exit status 1 when there is any error; with --strict, when
      there is any warning too (a misspelled KPI id in metrics.csv is a warning:
      the rows are kept and shown unscored).

      Examples:
        partnerboard validate ./fy2027
        partnerboard validate ./fy2027 --strict
      """)

  @Argument(help: "The data folder.", completion: .directory) var dir: String
  @Flag(help: "Warnings are errors too (a KPI in metrics.csv the program does not score, for one).")
  var strict = false

  func run() throws {
    try reportingErrors {
      // metrics.csv is read a block at a time, as `init` reads it.
      let (files, metricsBlocks) = try DataLoading.readStreaming(
        folder: dir, doing: "checking", strict: strict)
      var n = files.metrics?.rows.count ?? 0
      try metricsBlocks? { block in n += block.rows.count }
      Output.out(
        "\(dir): valid. \(files.partners?.rows.count ?? 0) partners, \(n) observations, \(files.agreements?.rows.count ?? 0) agreements, \(files.adjustments?.rows.count ?? 0) adjustments"
      )
    }
  }
}
