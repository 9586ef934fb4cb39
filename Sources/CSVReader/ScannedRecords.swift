/// What `RecordScanner` produces for `CSVDocument`.
struct ScannedRecords {
  var header: [String]
  var headerLine: Int
  /// Two entries per data field, row-major: start and end offset. Offsets below the input's
  /// size index the input bytes; offsets at or above it index `unescaped` (minus that size).
  var bounds: [UInt32]
  /// Quoted fields that held `""`, with each pair reduced to one quote.
  var unescaped: [UInt8]
  /// Physical line where each data record starts.
  var rowLines: [UInt32]
}
