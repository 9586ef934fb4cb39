import CSVReader
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
  public func run(
    checker: inout ReferenceChecker?, issues: inout [DataIssue], progress: ((Int, Int) -> Void)? = nil,
    body: (FileRows<Observation>) throws -> Void
  ) throws {
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
        checker?.checkMetrics(rows.rows, lines: rows.lines, file: name)
        issues += found
        failed = failed || found.contains { $0.severity == .error } || checker?.hasErrors ?? true
        if !failed { try body(rows) }
        progress?(read, size)
        // A header that lacks a column: no row of any block can be read.
        if DataFileParsers.metricsColumns.contains(where: { doc.columnIndex(named: $0) == nil }) { break }
      }
    } catch let error as CSVError {
      issues.append(DataIssue(csv: error))
    }
    sha256 = hasher.finish()
  }
}
