import Foundation
import GRDB
import Platform
import ProgramFiles
import Scoring

extension PartnerStore {
  /// Writes parsed files in one transaction: new rows are added, rows whose
  /// key exists are replaced (the old row kept for undo), identical rows are
  /// left alone. The caller has already checked syntax and references
  /// (`ReferenceChecks`); any failure here rolls everything back.
  ///
  /// `files` is consumed: its rows are let go once written, before the
  /// rescore reads the store back (a big `init` then holds one copy of the
  /// data at a time, not two).
  ///
  /// `metricsBlocks`, with `files.metricsStream` (an empty store only: `init`),
  /// streams the metrics: it is called once with a function that writes one
  /// block of rows, reads the file through it, and throws to undo everything.
  @discardableResult
  public func apply(
    _ files: consuming DataFiles, command: String, progress: ((Int, Int) -> Void)? = nil,
    rescoreProgress: ((Int, Int) -> Void)? = nil, metricsBlocks: MetricsBlocks? = nil, reopen: Bool = false
  ) throws -> ImportRecord {
    guard !readOnly else { throw StoreError.database(path, DatabaseError(resultCode: .SQLITE_READONLY)) }
    var owned = files
    return try located {
      try write(
        &owned, command: command, progress: progress, rescoreProgress: rescoreProgress,
        metricsBlocks: metricsBlocks, reopen: reopen)
    }
  }

  /// Reads a metrics file through `write`, a block of rows at a time.
  public typealias MetricsBlocks = (_ write: (FileRows<Observation>) throws -> Void) throws -> Void

  func write(
    _ files: inout DataFiles, command: String, progress: ((Int, Int) -> Void)?,
    rescoreProgress: ((Int, Int) -> Void)? = nil, metricsBlocks: MetricsBlocks? = nil, reopen: Bool = false
  ) throws -> ImportRecord {
    try queue.write { db in
      let at = ISO8601DateFormatter().string(from: Date())
      try db.execute(
        sql: "INSERT INTO imports (at, command, files, summary) VALUES (?, ?, '[]', '[]')",
        arguments: [at, command])
      let id = db.lastInsertedRowID
      // The observations' first and last quarter before this import, when
      // known without scanning them: an import only widens it.
      var observed = try KeptScores.knownObservedPeriods(db)
      func observe(_ p: Period) {
        guard case .some(let range) = observed else { return }
        observed = .some(
          range.map { min($0.lowerBound, p.ordinal)...max($0.upperBound, p.ordinal) } ?? p.ordinal...p.ordinal
        )
      }
      var counts: [ImportRecord.Counts] = []
      func name(_ role: DataFiles.Role) -> String {
        files.sources.first { $0.role == role }?.name ?? role.rawValue
      }

      if let text = files.programText, files.program != nil {
        var c = try upsert(db, .program, count: 1, importID: id) { ins, _ in
          ins.bind(1, 1)
          ins.bind(2, text)
        }
        c.file = name(.program)
        counts.append(c)
      }
      if let f = files.partners {
        var c = try upsert(db, .partners, count: f.rows.count, importID: id) { ins, i in
          let p = f.rows[i]
          ins.bind(1, p.id)
          ins.bind(2, p.name)
          ins.bind(3, p.segment)
          ins.bind(4, p.region)
          ins.bind(5, p.manager)
        }
        c.file = f.file
        counts.append(c)
      }
      // The quarters the metrics bring, read once (whole or streamed).
      var metricsPeriods = files.metrics.flatMap { Self.periods(of: $0.rows.lazy.map(\.period)) }
      if let f = files.metrics {
        // A later quarter (every row after the last stored quarter) cannot
        // meet a stored key: its rows go straight in, without staging.
        let last = try Int.fetchOne(db, sql: "SELECT MAX(period) FROM period_counts")
        let appended =
          try KeptScores.isCurrent(db) && last != nil
          && metricsPeriods.map { $0.lowerBound.ordinal > last! } == true
        var c = try upsert(
          db, .observations, count: f.rows.count, importID: id, progress: progress, appendOnly: appended
        ) {
          ins, i in
          let o = f.rows[i]
          ins.bind(1, o.partnerID)
          ins.bind(2, o.period.ordinal)
          ins.bind(3, o.kpi)
          ins.bind(4, o.value)
        }
        c.file = f.file
        counts.append(c)
      }
      if let stream = files.metricsStream, let metricsBlocks {
        var c = try Timings.measure("write observations, streamed") {
          try streamObservations(db, importID: id, blocks: metricsBlocks) { metricsPeriods = $0 }
        }
        c.file = stream.name
        counts.append(c)
        if let i = files.sources.firstIndex(where: { $0.role == .metrics }) {
          files.sources[i].sha256 = stream.sha256
        }
      }
      if let f = files.adjustments {
        var c = try upsert(db, .adjustments, count: f.rows.count, importID: id) { ins, i in
          let a = f.rows[i]
          ins.bind(1, a.partnerID)
          ins.bind(2, a.period.ordinal)
          ins.bind(3, a.kpi)
          ins.bind(4, a.value)
          ins.bind(5, a.reason)
          ins.bind(6, a.approvedBy)
        }
        c.file = f.file
        counts.append(c)
      }
      if let f = files.cohorts {
        var c = try upsert(db, .cohorts, count: f.rows.count, importID: id) { ins, i in
          let m = f.rows[i]
          ins.bind(1, m.partnerID)
          ins.bind(2, m.cohort)
          ins.bind(3, m.start.ordinal)
        }
        c.file = f.file
        counts.append(c)
      }
      if let f = files.agreements {
        var c = try upsert(db, .agreements, count: f.rows.count, importID: id) { ins, i in
          let a = f.rows[i]
          ins.bind(1, a.id)
          ins.bind(2, a.partnerID)
          ins.bind(3, a.kpi)
          ins.bind(4, a.baseline)
          ins.bind(5, a.target)
          ins.bind(6, a.period.ordinal)
          ins.bind(7, a.maxPayout)
          ins.bind(8, a.attribution)
          ins.bind(9, a.floorShare)
        }
        c.file = f.file
        counts.append(c)
      }
      let fileList = files.sources.map {
        ImportRecord.File(name: $0.name, path: $0.path, sha256: $0.sha256)
      }
      // Keys in a fixed order: the same import writes the same text.
      let json = JSONEncoder()
      json.outputFormatting = .sortedKeys
      let summary = String(decoding: try json.encode(counts), as: UTF8.self)
      try db.execute(
        sql: "UPDATE imports SET files = ?, summary = ? WHERE id = ?",
        arguments: [String(decoding: try json.encode(fileList), as: UTF8.self), summary, id])
      // The kept scores change with the data, in the same transaction: from
      // the earliest quarter the import touched, or every quarter when the
      // program or the partners changed.
      let changed = { (file: String?) in counts.contains { $0.file == file && ($0.added + $0.replaced) > 0 } }
      let programChanged = files.programText != nil && changed(name(.program))
      let partnersChanged = files.partners.map { changed($0.file) } ?? false
      // Cohorts and agreements change the kept pilot reviews and outcome
      // values only (written whole by any rescore).
      let cohortsChanged =
        (files.cohorts.map { changed($0.file) } ?? false)
        || (files.agreements.map { changed($0.file) } ?? false)
      if let m = metricsPeriods {
        observe(m.lowerBound)
        observe(m.upperBound)
      }
      let adjusted = files.adjustments.flatMap { Self.periods(of: $0.rows.lazy.map(\.period)) }
      let earliest = [metricsPeriods?.lowerBound, adjusted?.lowerBound].compactMap { $0 }.min()
      // Written: the rows are not needed again.
      files.metrics = nil
      files.adjustments = nil
      var record = ImportRecord(
        id: id, at: at, command: command, files: fileList, counts: counts, undoneAt: nil)
      // A closed quarter changes only with --reopen (SPEC section 3): a new
      // program changes every quarter; rows change the quarters they hold.
      if let closed = try Quarters.closedThrough(db, path: path) {
        var changedClosed: Period? = nil
        if programChanged {
          changedClosed =
            try KeptScores.knownObservedPeriods(db).map { $0.map { Period(ordinal: $0.lowerBound) } }
            ?? KeptScores.observedPeriods(db).map { Period(ordinal: $0.lowerBound) }
        } else if let earliest, earliest <= closed {
          changedClosed = try Self.closedRowsWritten(db, path: path, importID: id)
        }
        if let first = changedClosed, first <= closed {
          guard reopen else {
            throw StoreError.refused(
              "this import changes \(first)\(first < closed ? " to \(closed)" : ""), closed\(programChanged ? " (a new program rescores every quarter)" : ""): nothing was imported. Add --reopen to reopen \(first) and the quarters after it, or leave out the rows of closed quarters"
            )
          }
          try Quarters.setClosedThrough(db, Period(ordinal: first.ordinal - 1))
          record.reopened = first
        }
      }
      let scoresChanged = programChanged || partnersChanged || earliest != nil || cohortsChanged
      // Quarters after the last one kept are new (a gap quarter included).
      let lastKept = try Int.fetchOne(db, sql: "SELECT MAX(period) FROM period_counts WHERE segment = ''")
      let current = try KeptScores.isCurrent(db)
      if scoresChanged || !current {
        record.rescored = try KeptScores.rescore(
          db, store: self,
          from: programChanged || partnersChanged ? nil : (earliest ?? lastKept.map(Period.init(ordinal:))),
          progress: rescoreProgress,
          observed: observed)
      }
      if let m = [metricsPeriods, adjusted].compactMap({ $0 }).reduce(
        nil as ClosedRange<Period>?,
        { r, x in
          r.map { min($0.lowerBound, x.lowerBound)...max($0.upperBound, x.upperBound) } ?? x
        }), let view = try keptView(db)
      {
        record.coverage = view.coverage.filter { c in
          m.contains(c.period) || (lastKept.map { c.period.ordinal > $0 && c.period < m.upperBound } ?? false)
        }
      }
      return record
    }
  }

  /// Writes a streamed metrics file into the (empty) observations table.
  private func streamObservations(
    _ db: Database, importID: Int64, blocks: MetricsBlocks, periods: (ClosedRange<Period>?) -> Void
  ) throws -> ImportRecord.Counts {
    guard try Int.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM observations)") == 1 else {
      throw StoreError.refused("a metrics file is streamed into an empty store only")
    }
    var batches = try ObservationBatches(db, importID: importID)
    defer { batches.close() }
    var count = 0
    var seen: ClosedRange<Period>? = nil
    try blocks { block in
      try batches.write(block.rows, db)
      if let b = Self.periods(of: block.rows.lazy.map(\.period)) {
        seen = seen.map { min($0.lowerBound, b.lowerBound)...max($0.upperBound, b.upperBound) } ?? b
      }
      count += block.rows.count
    }
    periods(seen)
    return ImportRecord.Counts(file: "observations", added: count, replaced: 0, unchanged: 0)
  }

  /// The first and last quarter of `rows` (nil: none), in one pass.
  static func periods(of quarters: some Sequence<Period>) -> ClosedRange<Period>? {
    var range: ClosedRange<Period>? = nil
    for q in quarters {
      range = range.map { min($0.lowerBound, q)...max($0.upperBound, q) } ?? q...q
    }
    return range
  }

  /// Adds or replaces `count` rows of one table, bound by `bind`.
  private func upsert(
    _ db: Database, _ table: StoreTable, count: Int, importID: Int64,
    progress: ((Int, Int) -> Void)? = nil, appendOnly: Bool = false, bind: (RowBinder, Int) -> Void
  ) throws -> ImportRecord.Counts {
    try Timings.measure("write \(table.name)") {
      try upsertRows(
        db, table, count: count, importID: importID, progress: progress, appendOnly: appendOnly, bind: bind)
    }
  }

  private func upsertRows(
    _ db: Database, _ table: StoreTable, count: Int, importID: Int64,
    progress: ((Int, Int) -> Void)?, appendOnly: Bool, bind: (RowBinder, Int) -> Void
  ) throws -> ImportRecord.Counts {
    let cols = table.columns.joined(separator: ", ")
    let marks = table.columns.map { _ in "?" }.joined(separator: ", ")
    let empty = try Int.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table.name))") == 1

    func load(into target: String, withImport: Bool) throws {
      let values = "(" + marks + (withImport ? ", \(importID))" : ")")
      let insert = try BatchedInsert(
        db, into: "INSERT INTO \(target) (\(cols)\(withImport ? ", import_id" : ""))", values: values,
        columnsPerRow: table.columns.count)
      let step = max(1, count / 100)
      try insert.write(count: count, db) { statement, first, i in
        bind(RowBinder(insert: statement, first: first), i)
        if let progress, i % step == 0 { progress(i, count) }
      }
      progress?(count, count)
    }

    if empty || appendOnly {
      try load(into: table.name, withImport: true)
      return ImportRecord.Counts(file: table.name, added: count, replaced: 0, unchanged: 0)
    }
    let stage = "temp.stage_\(table.name)"
    try db.execute(sql: "DROP TABLE IF EXISTS \(stage)")
    // A primary key on the stage makes a repeated key an error, not a silent merge.
    try db.execute(sql: "CREATE TABLE \(stage) (\(cols), PRIMARY KEY (\(table.key.joined(separator: ", "))))")
    try load(into: stage, withImport: false)
    let keyMatch = table.key.map { "t.\($0) = s.\($0)" }.joined(separator: " AND ")
    let same = table.columns.map { "t.\($0) IS s.\($0)" }.joined(separator: " AND ")
    try db.execute(
      sql:
        "DELETE FROM \(stage) AS s WHERE EXISTS (SELECT 1 FROM \(table.name) t WHERE \(keyMatch) AND \(same))"
    )
    let unchanged = db.changesCount
    try db.execute(
      sql: """
        INSERT INTO \(table.name)_undo (undo_import_id, \(cols), import_id)
        SELECT \(importID), \(table.columns.map { "t.\($0)" }.joined(separator: ", ")), t.import_id
        FROM \(table.name) t JOIN \(stage) s ON \(keyMatch)
        """)
    let replaced = db.changesCount
    try db.execute(
      sql:
        "INSERT OR REPLACE INTO \(table.name) (\(cols), import_id) SELECT \(cols), \(importID) FROM \(stage)")
    let written = db.changesCount
    try db.execute(sql: "DROP TABLE \(stage)")
    return ImportRecord.Counts(
      file: table.name, added: written - replaced, replaced: replaced, unchanged: unchanged)
  }
}
