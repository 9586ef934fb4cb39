import Foundation
import PartnerStore
import Platform
import ProgramFiles
import Scoring

/// `init`'s observations sent to the team store while the local store is
/// still being built, instead of read back from it afterwards: each block of
/// metrics.csv's rows, once the build has written it, goes to a COPY on the
/// write's connection from a thread of its own, and the table's keys are
/// built there after the last block, while the build scores. The server
/// works on the rows while this process parses and scores them (the two
/// cores each busy) rather than after.
///
/// The rows are the build's own: import 1 of a new store, and -0 sent as 0,
/// as SQLite stores it. `matches` checks the build's table holds as many
/// rows as were sent, in one import; otherwise the write sends the table
/// whole, as it does every other.
final class ObservationSender: @unchecked Sendable {
  /// What each column of the observations table holds.
  enum Field { case partner, period, kpi, value, importID }

  /// The import a new store's first write is.
  static let importID: Int64 = 1

  let table: StoreMirror.Table
  private let imports: StoreMirror.Table
  private let connection: PGConnection
  private let fields: [Field]
  private let condition = NSCondition()
  private var blocks: [[Observation]] = []
  /// No more blocks will come (the build has read the file).
  private var ended = false
  /// The build failed: the COPY ends as failed.
  private var cancelled = false
  private var finished = false
  private var failure: Error?
  /// Rows sent (read once the thread has finished).
  private var sent = 0

  struct Cancelled: Error {}

  /// nil when the layout's observations table has a column this does not
  /// know how to fill (the table is then sent whole).
  init?(_ connection: PGConnection, layout: [StoreMirror.Table]) {
    guard let table = layout.first(where: { $0.name == "observations" }),
      let imports = layout.first(where: { $0.name == "imports" })
    else { return nil }
    let known: [String: Field] = [
      "partner_id": .partner, "period": .period, "kpi": .kpi, "value": .value, "import_id": .importID,
    ]
    let fields = table.columns.compactMap { known[$0] }
    guard fields.count == table.columns.count, Set(table.columns) == Set(known.keys) else { return nil }
    self.connection = connection
    self.table = table
    self.imports = imports
    self.fields = fields
  }

  /// Starts the COPY on its thread (the connection is its own until
  /// `finish` or `cancel` returns).
  func start() {
    Thread { [self] in run() }.start()
  }

  /// The build's reading of metrics.csv, each block also sent here once the
  /// build has written it; at its end the COPY ends and the keys are built
  /// while the build scores.
  func sending(_ blocks: @escaping PartnerStore.MetricsBlocks) -> PartnerStore.MetricsBlocks {
    { write in
      try blocks { block in
        try write(block)
        try self.put(block.rows)
      }
      self.end()
    }
  }

  /// No more blocks will come.
  private func end() {
    condition.lock()
    defer { condition.unlock() }
    ended = true
    condition.broadcast()
  }

  /// Queues a block; waits while two are queued. Throws the sender's
  /// failure (the connection lost, the server refused), which stops the build.
  private func put(_ rows: [Observation]) throws {
    condition.lock()
    defer { condition.unlock() }
    while blocks.count >= 2 && !finished { condition.wait() }
    if let failure { throw failure }
    blocks.append(rows)
    condition.broadcast()
  }

  /// The next block; nil once the build has ended (or failed) and every
  /// block is sent.
  private func take() throws -> [Observation]? {
    condition.lock()
    defer { condition.unlock() }
    while blocks.isEmpty && !ended && !cancelled { condition.wait() }
    if cancelled { throw Cancelled() }
    if blocks.isEmpty { return nil }
    let rows = blocks.removeFirst()
    condition.broadcast()
    return rows
  }

  private func run() {
    var failure: Error?
    var sent = 0
    do {
      try Timings.measure("send observations while building") {
        try connection.copyBinary(into: "partnerboard.\(table.name)", columns: table.columns) { w in
          while let rows = try take() {
            for o in rows { try encode(o, w) }
            sent += rows.count
          }
        }
      }
      _ = try Timings.measure("observations' keys") { try connection.execute(TeamSchema.keys(table)) }
    } catch {
      failure = error
    }
    condition.lock()
    self.failure = failure
    self.sent = sent
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  private func encode(_ o: Observation, _ w: BinaryCopyWriter) throws {
    try w.row(fields: fields.count)
    for field in fields {
      switch field {
      case .partner:
        var id = o.partnerID
        try id.withUTF8 { try w.bytes(UnsafeRawBufferPointer($0)) }
      case .period: w.int64(Int64(o.period.ordinal))
      case .kpi:
        var kpi = o.kpi
        try kpi.withUTF8 { try w.bytes(UnsafeRawBufferPointer($0)) }
      // SQLite keeps no sign on a zero (it reads -0 back as 0).
      case .value: w.double(o.value == 0 ? 0 : o.value)
      case .importID: w.int64(Self.importID)
      }
    }
  }

  /// Waits for the last block to be sent and the keys built; throws what
  /// failed on the way. Returns how many rows were sent.
  func finish() throws -> Int {
    end()
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
    if let failure { throw failure }
    return sent
  }

  /// The build failed: the COPY ends as failed (the caller rolls back).
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    cancelled = true
    condition.broadcast()
    while !finished { condition.wait() }
  }

  /// Whether `sent` rows are the build's observations: as many, in the
  /// store's only import, which is import 1.
  func matches(_ store: PartnerStore, sent: Int) throws -> Bool {
    var ids: [StoreMirror.Value] = []
    try StoreMirror.rows(of: imports, in: store) { ids.append($0[imports.columns.firstIndex(of: "id") ?? 0]) }
    guard ids == [.integer(Self.importID)] else { return false }
    return try StoreMirror.count(of: table, in: store) == sent
  }
}
