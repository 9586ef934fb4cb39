import PartnerStore
import Scoring

/// What the dashboard reads: a SQLite store (with the kept numbers its
/// first frame is drawn from) or a team store on PostgreSQL. The event
/// loop knows nothing else of either.
public protocol DashboardSource: AnyObject, Sendable {
  /// The store's name in messages, and the key a remembered book is kept under.
  var name: String { get }
  /// The whole data set (read on a worker thread).
  func loadDataset() throws -> Dataset
  /// A number that changes when the data does (read once a second).
  func dataVersion() throws -> Int
  /// The source to read from now: itself; another when a new store replaced
  /// it at its place (`init --force`); nil when it is gone.
  func current() -> (any DashboardSource)?
  /// The kept numbers (nil: none; the dashboard waits for the whole data set).
  var kept: KeptReader? { get }
}

extension PartnerStore: DashboardSource {
  public var name: String { label ?? path }

  public func current() -> (any DashboardSource)? {
    guard isReplaced else { return self }
    let reopened = try? PartnerStore.reading(path: path)
    reopened?.label = label
    return reopened
  }

  public var kept: KeptReader? { KeptReader(store: self) }
}
