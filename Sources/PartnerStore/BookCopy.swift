import GRDB
import Scoring

/// A manager's copy of a team store holds one book (row-level security let
/// only its partners through) with the kept numbers the owners' import
/// computed over everyone. Scored on its own, a book would rank its
/// partners among themselves; the copy's data set carries the program's
/// ranks and coverage instead, so every figure shown is the program's.
extension PartnerStore {
  /// The book this copy holds (its login's), nil for a whole store.
  public func copiedBook() throws -> String? {
    try located { try queue.read { db in try Self.copiedBook(db) } }
  }

  static func copiedBook(_ db: Database) throws -> String? {
    guard try db.tableExists(StoreMirror.replicaTable) else { return nil }
    return try String.fetchOne(db, sql: "SELECT book FROM \(StoreMirror.replicaTable)")
  }

  /// The program's ranks of the copy's partners and each quarter's
  /// evaluated counts, from the kept scores (checked as every kept read is).
  func givenRanks(_ db: Database) throws -> GivenRanks {
    var given = GivenRanks()
    for row in try Row.fetchAll(db, sql: "SELECT partner_id, period, rank, segment_rank FROM partner_scores")
    {
      let id: String = row[0]
      let check = KeptCheck(path, "partner_scores, \(id)")
      let period = try check.int(row[1], "period", in: Period.ordinals)
      let rank = try check.int(row[2], "rank", in: 1...Int(Int32.max))
      let segmentRank = try check.int(row[3], "segment_rank", in: 1...Int(Int32.max))
      given.ranks[id, default: [:]][period] = .init(rank: rank, segmentRank: segmentRank)
    }
    for row in try Row.fetchAll(
      db, sql: "SELECT period, segment, evaluated FROM period_counts WHERE segment <> ''")
    {
      let check = KeptCheck(path, "period_counts")
      let period = try check.int(row[0], "period", in: Period.ordinals)
      given.evaluated[period, default: [:]][row[1]] = try check.int(
        row[2], "evaluated", in: 0...Int(Int32.max))
    }
    return given
  }

  /// A book copy's data set takes the program's ranks, quarters and
  /// coverage (a whole store's is left as it is).
  func placeBook(_ data: inout Dataset) throws {
    try queue.read { db in
      guard try Self.copiedBook(db) != nil, let view = try keptView(db), let first = view.periods.first,
        let last = view.periods.last
      else { return }
      data.givenRanks = try givenRanks(db)
      data.coverage = view.coverage
      data.periodRange = first...last
    }
  }
}
