import CSVReader
import Dispatch
import Foundation
import Platform
import Scoring

/// A metrics file read a block at a time (`init` of a big folder): each
/// block is parsed, checked (repeated keys across the whole file, the
/// references of `ReferenceChecker`) and handed on, so that memory holds one
/// block of rows, never the whole file. Gives the same rows, issues and
/// digest as reading the file whole.
public final class MetricsStream: @unchecked Sendable {
  public let path: String
  public let name: String
  public let blockSize: Int
  /// Known once `run` has read the file.
  public private(set) var sha256 = ""
  public private(set) var header: [String] = []

  public init(path: String, name: String, blockSize: Int = 8 << 20) {
    self.path = path
    self.name = name
    self.blockSize = blockSize
  }

  /// Reads the whole file. Every block's rows go to `body` until the first
  /// error is found (the rest is still read and checked, so that every
  /// problem is reported at once). `progress` gets bytes read of the size.
  /// Reading, parsing and checking run on another thread, a block or two
  /// ahead of `body` (which writes the store on this one): the two cores
  /// share the work.
  public func run(
    checker: inout ReferenceChecker?, issues: inout [DataIssue], progress: ((Int, Int) -> Void)? = nil,
    body: (FileRows<Observation>) throws -> Void
  ) throws {
    let queue = BlockQueue()
    let reading = Reading(checker: checker, issues: issues)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { [self] in
      self.read(into: reading, queue: queue)
    }
    do {
      while let block = queue.take() {
        try body(block.rows)
        progress?(block.read, block.size)
      }
    } catch {
      queue.cancel()
      group.wait()
      throw error
    }
    group.wait()
    checker = reading.checker
    issues = reading.issues
  }

  /// What the reading thread owns while it runs.
  private final class Reading: @unchecked Sendable {
    var checker: ReferenceChecker?
    var issues: [DataIssue]
    init(checker: ReferenceChecker?, issues: [DataIssue]) {
      self.checker = checker
      self.issues = issues
    }
  }

  private func read(into state: Reading, queue: BlockQueue) {
    defer { queue.finish() }
    var hasher = SHA256.Hasher()
    var read = 0
    let size = FileSystem.size(of: path) ?? 0
    var keys = ObservationKeys()
    var failed = false
    do {
      let reader = try CSVBlockReader(path: path, fileName: name, blockSize: blockSize) { bytes in
        hasher.update(bytes)
        read += bytes.count
      }
      while let doc = try reader.next() {
        header = doc.header
        var found: [DataIssue] = []
        let rows = DataFileParsers.metrics(doc, keys: &keys, issues: &found)
        state.checker?.checkMetrics(rows.rows, lines: rows.lines, file: name)
        state.issues += found
        failed = failed || found.contains { $0.severity == .error } || state.checker?.hasErrors ?? true
        guard queue.put(Block(rows: failed ? FileRows(file: name) : rows, read: read, size: size)) else {
          return  // the writer gave up
        }
        // A header that lacks a column: no row of any block can be read.
        if DataFileParsers.metricsColumns.contains(where: { doc.columnIndex(named: $0) == nil }) { break }
      }
    } catch {
      state.issues.append(DataIssue(csv: error))
    }
    sha256 = hasher.finish()
  }

  struct Block {
    var rows: FileRows<Observation>
    var read: Int
    var size: Int
  }

  /// Blocks handed from the reading thread to the writing one, at most two waiting.
  private final class BlockQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var blocks: [Block] = []
    private var finished = false
    private var cancelled = false

    /// False when the writer has cancelled.
    func put(_ block: Block) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      while blocks.count >= 2 && !cancelled { condition.wait() }
      if cancelled { return false }
      blocks.append(block)
      condition.broadcast()
      return true
    }

    /// The next block; nil once the reader has finished and all are taken.
    func take() -> Block? {
      condition.lock()
      defer { condition.unlock() }
      while blocks.isEmpty && !finished { condition.wait() }
      if blocks.isEmpty { return nil }
      condition.broadcast()
      return blocks.removeFirst()
    }

    func finish() {
      condition.lock()
      finished = true
      condition.broadcast()
      condition.unlock()
    }

    func cancel() {
      condition.lock()
      cancelled = true
      blocks.removeAll()
      condition.broadcast()
      condition.unlock()
    }
  }
}
