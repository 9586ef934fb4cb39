import DashboardShell
import Foundation
import Scoring
import TeamStore

/// The dashboard on a team store: the whole data set read over a
/// connection of its own each time (a worker thread reads it), and the
/// store's generation polled once a second, so an `init --force` by anyone
/// reloads the open dashboard. No kept numbers yet: the first frame waits
/// for the data set.
final class TeamSource: DashboardSource, @unchecked Sendable {
  let url: PostgresURL
  private let lock = NSLock()
  private var polling: TeamStore?

  init(_ url: PostgresURL) { self.url = url }

  var name: String { url.shown }

  func loadDataset() throws -> Dataset { try TeamStore.open(url).loadDataset() }

  func dataVersion() throws -> Int {
    lock.lock()
    defer { lock.unlock() }
    if polling == nil { polling = try TeamStore.open(url) }
    do {
      return try polling!.generation()
    } catch {
      polling = nil  // a connection lost is opened again at the next poll
      throw error
    }
  }

  func current() -> (any DashboardSource)? { self }

  var kept: KeptReader? { nil }
}
