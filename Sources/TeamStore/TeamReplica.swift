import Foundation
import PartnerStore
import Platform
import ProgramFiles

/// The local copy of a team store that commands read: a SQLite store in
/// the user's cache folder, one per address and login (what a login may
/// read differs), brought up to date only when the team store's generation
/// has moved. A lookup costs one query for the generation; after a write by
/// anyone, the next command takes the write's changes (or, when the copy
/// cannot tell what they are, the whole store).
public struct TeamReplica: Sendable {
  public let url: PostgresURL
  public let path: String

  /// `folder` is the cache folder (`$XDG_CACHE_HOME/partnerboard/team`);
  /// made private to the user when missing.
  public init(url: PostgresURL, folder: String) {
    self.url = url
    var hasher = SHA256.Hasher()
    Array(url.shown.utf8).withUnsafeBufferPointer { hasher.update($0) }
    path = folder + "/" + hasher.finish().prefix(32) + ".sqlite"
  }

  /// Brings the copy up to date (through `store` when one is open) and
  /// says whether it had to copy.
  @discardableResult
  public func refresh(_ store: TeamStore? = nil, copying: (() -> Void)? = nil) throws -> Bool {
    let team = try store ?? TeamStore.open(url)
    let generation = try team.generation()
    let held = StoreMirror.note(at: path)
    if held == generation { return false }
    copying?()
    try makeFolder()
    // What changed since the copy was made, when it can tell; else all of it.
    if held != nil,
      (try? Timings.measure("copy the changes") { try team.pullChanges(into: path) }) == true
    {
      return true
    }
    _ = try team.pull(to: path)
    return true
  }

  func makeFolder() throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  /// A write to the team store: under its write lock, `change` is given a
  /// scratch copy of the current store (a new, empty one when `creating`);
  /// when it returns, what it changed (`StoreDelta`; every table for `init`
  /// or when the delta's check fails) goes back in one transaction with a new
  /// generation and a NOTIFY, and the scratch copy becomes the local one.
  /// Nothing is written when `change` throws. A write that leaves the
  /// import log as it was wrote nothing (a refused close): the team store
  /// is left alone, unless `always` (a rescore, which the log does not
  /// record). `sending` is told each table sent whole (`init`).
  public func write<T>(
    creating: Bool = false, replacing: Bool = false, always: Bool = false, waiting: (String) -> Void,
    sending: ((String) -> Void)? = nil, _ change: (_ scratch: String) throws -> T
  ) throws -> T {
    try write(
      creating: creating, replacing: replacing, always: always, waiting: waiting, sending: sending
    ) { scratch, _ in try change(scratch) }
  }

  /// Reads metrics.csv for `init`'s build, its rows also sent to the team
  /// store as they are written (`ObservationSender`).
  public typealias SendingMetrics = (@escaping PartnerStore.MetricsBlocks) -> PartnerStore.MetricsBlocks

  /// `write`, for `init`: `change` is also given `SendingMetrics`; a build
  /// that reads its metrics through it has them sent while it goes on.
  public func write<T>(
    creating: Bool = false, replacing: Bool = false, always: Bool = false, waiting: (String) -> Void,
    sending: ((String) -> Void)? = nil, _ change: (_ scratch: String, _ metrics: SendingMetrics) throws -> T
  ) throws -> T {
    let connection = try PGConnection(url)
    let team = TeamStore(connection)
    try connection.execute("SET application_name = 'partnerboard write'")
    try team.lock(waiting: waiting)
    defer { team.unlock() }
    let exists = try team.exists()
    if exists, let grant = try TeamAccess.mine(team), grant.role != .owner {
      throw TeamStoreError(
        "\(url.shown): \(grant.login) is \(grant.role == .manager ? "a manager" : "finance"): only an owner writes the team store (`partnerboard access grant LOGIN --owner`)"
      )
    }
    if creating {
      if exists && !replacing {
        throw TeamStoreError("\(url.shown) holds a partnerboard store already (--force replaces it)")
      }
    } else {
      guard exists else {
        throw TeamStoreError(
          "\(url.shown): no partnerboard store in this database (create one with `partnerboard init --from DIR --db URL`)"
        )
      }
      try team.checkVersion()
    }
    try makeFolder()
    PartnerStore.removeStaleTemporaries(of: path, kinds: [".copy-", ".write-"])
    let scratch = path + ".write-\(getpid())"
    PartnerStore.removeFiles(scratch)
    defer { PartnerStore.removeFiles(scratch) }
    if creating {
      let value = try create(team, scratch: scratch, sending: sending, change)
      try replace(with: scratch)
      return value
    }
    try Timings.measure("the local copy current, folded and copied") {
      try refresh(team)
      try StoreMirror.fold(at: path)
      try FileCopy.copy(path, to: scratch)
    }
    let before = try StoreMirror.logMark(at: scratch)
    let value = try Timings.measure("the write") { try change(scratch, { $0 }) }
    if !always, try StoreMirror.logMark(at: scratch) == before { return value }
    // Only what changed (compared with the copy before the write), else
    // every table: when the comparison or its check fails, or on `init`.
    let delta = try? Timings.measure("compare") { try StoreDelta.between(old: path, new: scratch) }
    // Nothing changed (a rescore of current scores): nothing to send.
    if let delta, delta.tables.isEmpty { return value }
    let generation = try connection.transaction {
      let store = try PartnerStore.reading(path: scratch)
      defer { try? store.close() }
      if let delta {
        try connection.execute("SAVEPOINT delta")
        do {
          return try Timings.measure("push the changes") { try team.push(delta, from: store) }
        } catch {
          try connection.execute("ROLLBACK TO SAVEPOINT delta")
        }
      }
      return try team.push(from: store, progress: sending)
    }
    try Timings.measure("the copy noted and folded") { try StoreMirror.setNote(generation, at: scratch) }
    try replace(with: scratch)
    return value
  }

  /// `init`'s write: the transaction begun before the build, so that the
  /// observations go to the team store while the build reads and scores
  /// them; then every other table, whole.
  func create<T>(
    _ team: TeamStore, scratch: String, sending: ((String) -> Void)?,
    _ change: (_ scratch: String, _ metrics: SendingMetrics) throws -> T
  ) throws -> T {
    let connection = team.connection
    let layout = try StoreMirror.layout()
    try connection.execute("BEGIN")
    let (value, generation): (T, Int64)
    do {
      try team.prepare(layout)
      let sender = ObservationSender(connection, layout: layout)
      sender?.start()
      do {
        value = try change(scratch) { blocks in sender?.sending(blocks) ?? blocks }
      } catch {
        sender?.cancel()
        throw error
      }
      if sender != nil { sending?("the observations' primary key") }
      let sent = try Timings.measure("send the observations' rest and keys") { try sender?.finish() }
      let store = try PartnerStore.reading(path: scratch)
      defer { try? store.close() }
      var skipping: Set<String> = []
      if let sender, let sent {
        if try sender.matches(store, sent: sent) {
          skipping = [sender.table.name]
        } else {
          // Not the build's rows (a build that read no metrics.csv through
          // `metrics`): the table goes whole, as every other.
          try connection.execute("TRUNCATE partnerboard.\(sender.table.name)")
          try connection.execute(TeamSchema.dropKeys(sender.table))
        }
      }
      try team.copyTables(layout, from: store, skipping: skipping, progress: sending)
      generation = try team.newGeneration(layout, kept: .whole)
      try connection.execute("COMMIT")
    } catch {
      _ = try? connection.execute("ROLLBACK")
      throw error
    }
    try StoreMirror.setNote(generation, at: scratch)
    return value
  }

  /// The scratch copy a write made becomes the local copy.
  func replace(with scratch: String) throws {
    PartnerStore.removeFiles(path, mainFile: false)
    guard rename(scratch, path) == 0 else {
      throw TeamStoreError(
        "\(path): the local copy could not be replaced: \(String(cString: strerror(errno)))")
    }
  }
}
