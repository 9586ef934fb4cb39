import Foundation

/// Keeps a team store's local copy current while a dashboard shows it: a
/// worker LISTENs for the NOTIFY every write sends and copies
/// the store again after each (the dashboard then sees a new file at the
/// copy's place and reloads, as it does after `init --force` of a SQLite
/// store). A lost connection is opened again every few seconds, and the
/// copy checked then, so a write made meanwhile is not missed.
public final class TeamListener: @unchecked Sendable {
  let replica: TeamReplica
  private let stopped = NSLock()
  private var stopping = false

  public init(_ replica: TeamReplica) { self.replica = replica }

  /// Runs on a dispatch worker (never a thread of its own: see
  /// docs/architecture.md) until `stop`.
  public func start() {
    DispatchQueue.global(qos: .utility).async { [self] in run() }
  }

  public func stop() {
    stopped.lock()
    stopping = true
    stopped.unlock()
  }

  var isStopping: Bool {
    stopped.lock()
    defer { stopped.unlock() }
    return stopping
  }

  func run() {
    while !isStopping {
      do {
        let connection = try PGConnection(replica.url)
        try connection.execute("LISTEN partnerboard")
        // Anything written before the LISTEN took effect.
        try replica.refresh(TeamStore.open(replica.url))
        while !isStopping {
          if try connection.notification(timeout: 0.5) != nil {
            try replica.refresh(TeamStore.open(replica.url))
          }
        }
      } catch {
        Thread.sleep(forTimeInterval: 3)
      }
    }
  }
}
