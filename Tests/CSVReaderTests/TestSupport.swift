import CSVReader

/// Parses `text` as "m.csv".
func parsed(_ text: String) throws(CSVError) -> CSVDocument {
  try CSVReader.parse(text, fileName: "m.csv")
}

/// Every data field as a String, row by row.
func allRows(_ document: CSVDocument) -> [[String]] {
  (0..<document.rowCount).map { row in
    (0..<document.header.count).map { document.string(row: row, column: $0) }
  }
}

/// The error parsing `bytes` as "m.csv" throws, or nil when it parses.
func parseError(_ bytes: [UInt8]) -> CSVError? {
  do {
    _ = try CSVReader.parse(bytes, fileName: "m.csv")
    return nil
  } catch {
    return error
  }
}

func parseError(_ text: String) -> CSVError? { parseError(Array(text.utf8)) }

/// The error `double(row:column:)` throws, or nil when it returns a value.
func numberError(_ document: CSVDocument, row: Int, column: Int) -> CSVError? {
  do {
    _ = try document.double(row: row, column: column)
    return nil
  } catch {
    return error
  }
}
