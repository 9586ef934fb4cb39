import ArgumentParser
import Foundation
import PartnerStore
import Platform
import Presentation
import ProgramFiles
import SampleData
import Scoring
import TeamStore

/// `--db PATH` for every command, with PARTNERBOARD_DB and the XDG default.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The store file, or a team store's postgres://USER@HOST[:PORT]/DB (default: $PARTNERBOARD_DB, else $XDG_DATA_HOME/partnerboard/partnerboard.sqlite).",
      valueName: "path"), completion: .file(extensions: ["sqlite", "db"]))
  var db: String?

  /// The path, and whether it is the default one (created from the sample data on first use).
  func resolved() -> (path: String, isDefault: Bool) {
    let env = ProcessInfo.processInfo.environment
    if let db { return (db, false) }
    if let p = env["PARTNERBOARD_DB"], !p.isEmpty { return (p, false) }
    return (Self.defaultPath(env), true)
  }

  static func defaultPath(_ env: [String: String]) -> String {
    let base: String
    if let x = env["XDG_DATA_HOME"], x.hasPrefix("/") {
      base = x
    } else {
      base = (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
    }
    return base + "/partnerboard/partnerboard.sqlite"
  }

  /// The team store's address when `--db` names one (postgres://...).
  func teamURL() throws -> PostgresURL? {
    let path = resolved().path
    guard PostgresURL.isPostgres(path) else { return nil }
    return try PostgresURL(path)
  }

  /// The local copy of the team store `--db` names, in
  /// `$XDG_CACHE_HOME/partnerboard/team` (`~/.cache/...` without it).
  func teamReplica() throws -> TeamReplica? {
    guard let url = try teamURL() else { return nil }
    let env = ProcessInfo.processInfo.environment
    let cache =
      env["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? (env["HOME"] ?? NSHomeDirectory()) + "/.cache"
    return TeamReplica(url: url, folder: cache + "/partnerboard/team")
  }

  /// Opens the store for reading commands, read-only: a missing, empty or
  /// foreign `--db` file is an error and stays as it is. The default store
  /// is created from the bundled sample data when it does not exist yet (or
  /// holds no data). A team store is read through its local copy, brought
  /// up to date first.
  func open() throws -> PartnerStore {
    if let replica = try teamReplica() {
      let copied = try Timings.measure("bring the local copy up to date") {
        try replica.refresh(copying: { Self.copyingNote(replica) })
      }
      // The note's line cleared before the command's own output.
      if copied && TerminalInfo.stderrIsTerminal { Output.progress("") }
      let copy = try PartnerStore.reading(path: replica.path)
      copy.label = replica.url.shown
      BookOption.loginBook = try copy.copiedBook()
      return copy
    }
    let (path, isDefault) = resolved()
    if isDefault && !FileManager.default.fileExists(atPath: path) {
      try Self.seed(path)
    }
    var store = try PartnerStore.reading(path: path)
    if store.rescoredOnOpen {
      Output.err(
        "partnerboard: \(path) was made by an older partnerboard: its scores are now kept in it (once)")
    }
    if isDefault, try store.isEmpty() {
      try Self.seed(path)
      store = try PartnerStore.reading(path: path)
    }
    return store
  }

  /// Said on stderr by a review of the whole program run on a manager's
  /// login: its figures are the book's (the only partners it reads).
  static func noteBookOnly(_ review: String) {
    guard let book = BookOption.loginBook else { return }
    Output.err(
      "partnerboard: \(review) of \(Books.title(book)) only: a manager's login reads one book (an owner's login gives the program's)"
    )
  }

  /// Said on stderr (a terminal only) while the team store is copied.
  static func copyingNote(_ replica: TeamReplica) {
    if TerminalInfo.stderrIsTerminal {
      Output.progress("partnerboard: \(replica.url.shown) changed: bringing the local copy up to date...")
    }
  }

  /// Fills the default store with the bundled sample data.
  static func seed(_ path: String) throws {
    let store = try PartnerStore(path: path)
    if try store.isEmpty() {
      try loadSample(into: store)
      Output.err("partnerboard: created the store \(path) from the bundled sample data")
    }
  }

  /// A write (`import`, `undo-import`, `close`, `reopen`, `rescore`):
  /// `change` is given the store opened for writing. A team store's write
  /// holds its write lock (a second writer waits, and says so), changes a
  /// copy and puts it back in one transaction; nothing is written when
  /// `change` throws. `existing`: the store must exist and hold data.
  func writing<T>(existing: Bool = false, always: Bool = false, _ change: (PartnerStore) throws -> T) throws
    -> T
  {
    if let replica = try teamReplica() {
      return try replica.write(always: always, waiting: { Output.err("partnerboard: \($0)") }) { scratch in
        let store = try PartnerStore(path: scratch)
        // The log names the login the team store knows.
        store.author = replica.url.user
        return try change(store)
      }
    }
    let path = resolved().path
    if existing {
      guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
      let store = try PartnerStore(path: path)
      guard !(try store.isEmpty()) else { throw StoreError.empty(path) }
      return try change(store)
    }
    return try change(PartnerStore(path: path))
  }

  static func loadSample(into store: PartnerStore) throws {
    var issues: [DataIssue] = []
    let contents = SampleData.files.sorted { $0.key < $1.key }.map { (name: $0.key, text: $0.value) }
    let files = DataFiles.read(contents: contents, issues: &issues)
    let errors =
      issues.filter { $0.severity == .error }
      + ReferenceChecks.check(files, stored: StoredState()).filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw CLIError(
        "the bundled sample data is invalid:\n" + errors.map(\.description).joined(separator: "\n"))
    }
    try store.apply(files, command: "init --from <bundled sample data>")
    // The sample's history is complete; its last quarter stays open, as a
    // quarter whose data is still arriving would be.
    if let periods = try store.keptView()?.periods, periods.count > 1 {
      _ = try store.closeQuarters(through: periods[periods.count - 2])
    }
  }

  /// The store's data, scored (of `store` when it is already open).
  func scorebook(of opened: PartnerStore? = nil) throws -> Scorebook {
    let data = try dataset(of: opened)
    return Timings.measure("score") { Scorebook(data) }
  }

  /// The whole data set: of `opened`, else of the store opened for reading.
  func dataset(of opened: PartnerStore? = nil) throws -> Dataset {
    let store = try opened ?? open()
    return try Timings.measure("load store") { try store.loadDataset() }
  }
}
