import CSVReader
import Foundation
import Testing

/// CSVBlockReader: a file read a block at a time gives the rows, line
/// numbers and errors of one whole-file parse, at any block size.
@Suite struct BlockReadingTests {
  func temporaryFile(_ contents: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csvblocks-\(UUID().uuidString).csv").path
    try Data(contents).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Rows with their line numbers, and every byte `onBytes` saw.
  func readInBlocks(_ path: String, blockSize: Int) throws(CSVError) -> (
    rows: [[String]], lines: [Int], header: [String], bytes: [UInt8]
  ) {
    var seen: [UInt8] = []
    let reader = try CSVBlockReader(path: path, fileName: "m.csv", blockSize: blockSize) { seen += $0 }
    var rows: [[String]] = []
    var lines: [Int] = []
    var header: [String] = []
    while let doc = try reader.next() {
      header = doc.header
      rows += allRows(doc)
      lines += (0..<doc.rowCount).map { doc.lineNumber(ofRow: $0) }
    }
    return (rows, lines, header, seen)
  }

  static let awkward: [UInt8] =
    [0xEF, 0xBB, 0xBF]
    + Array(
      "\n\r\nid,\"na\nme\",v\r\n1,\"a, \"\"b\"\"\",2\r\n\n2,\"multi\r\nline\nfield\",3\r4,x,5\n\n\n5,\"\",6\r\n6,y,7"
        .utf8)

  @Test(arguments: [64, 65, 70, 97, 128, 1 << 20])
  func blocksGiveTheWholeFilesRowsAndLines(_ blockSize: Int) throws {
    // Pad with many rows so small blocks cut everywhere: inside quotes, in CRLF.
    var bytes = Self.awkward + Array("\r\n".utf8)
    for i in 0..<200 {
      bytes += Array("\(i),\"q\(i)\nz\",\(i % 7)\(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r")".utf8)
    }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let whole = try CSVReader.parse(bytes, fileName: "m.csv")
    let blocks = try readInBlocks(path, blockSize: blockSize)
    #expect(blocks.header == whole.header)
    #expect(blocks.rows == allRows(whole))
    #expect(blocks.lines == (0..<whole.rowCount).map { whole.lineNumber(ofRow: $0) })
    #expect(blocks.bytes == bytes)
  }

  @Test func anErrorInALaterBlockNamesTheFilesLine() throws {
    var text = "a,b\n"
    for i in 0..<500 { text += "\(i),x\n" }
    text += "1,2,3\n"  // line 502
    let path = try temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: CSVError.self) { _ = try readInBlocks(path, blockSize: 100) }
    do {
      _ = try readInBlocks(path, blockSize: 100)
    } catch {
      #expect(error.description == "m.csv:502: expected 2 fields as in the header, found 3")
    }
  }

  @Test func anEmptyFileIsTheSameErrorAsAWholeParse() throws {
    let path = try temporaryFile(Array("\n\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let whole = parseError("\n\n")
    #expect(whole != nil)
    do {
      _ = try readInBlocks(path, blockSize: 64)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == whole?.description)
    }
  }

  @Test func aHeaderOnlyFileHasNoRows() throws {
    let path = try temporaryFile(Array("a,b".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let blocks = try readInBlocks(path, blockSize: 64)
    #expect(blocks.header == ["a", "b"] && blocks.rows.isEmpty)
  }
}
