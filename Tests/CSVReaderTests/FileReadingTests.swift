import CSVReader
import Foundation
import Testing

/// CSVReader.read(path:): file names and OS errors.
@Suite struct FileReadingTests {
  func temporaryFile(_ contents: [UInt8]) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("csvreader-\(UUID().uuidString)-metrics.csv").path
    try Data(contents).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func readsAFileNamedAfterItsLastComponent() throws {
    let path = try temporaryFile(Array("a,b\n1,2\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let document = try CSVReader.read(path: path)
    #expect(document.fileName == (path as NSString).lastPathComponent)
    #expect(allRows(document) == [["1", "2"]])
    #expect(try CSVReader.read(path: path, fileName: "shown.csv").fileName == "shown.csv")
  }

  @Test func errorsInAFileUseItsName() throws {
    let path = try temporaryFile(Array("a,b\n1,2,3\n".utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      _ = try CSVReader.read(path: path, fileName: "metrics.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "metrics.csv:2: expected 2 fields as in the header, found 3")
    }
  }

  @Test func largeFileIsReadWhole() throws {
    var bytes = Array("id,v\n".utf8)
    for i in 0..<50_000 { bytes += Array("\(i),\(i).5\n".utf8) }
    let path = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let document = try CSVReader.read(path: path)
    #expect(document.rowCount == 50_000)
    #expect(try document.double(row: 49_999, column: 1) == 49_999.5)
  }

  @Test func missingFileIsAnErrorAtLineZero() {
    do {
      _ = try CSVReader.read(path: "/nonexistent-dir/metrics.csv")
      Issue.record("expected an error")
    } catch {
      #expect(
        error
          == CSVError(
            file: "metrics.csv", line: 0, column: nil, columnName: nil,
            message: "cannot read /nonexistent-dir/metrics.csv: No such file or directory"))
      #expect(
        error.description
          == "metrics.csv: cannot read /nonexistent-dir/metrics.csv: No such file or directory")
    }
  }

  @Test func directoryIsAnError() {
    do {
      _ = try CSVReader.read(path: "/tmp/", fileName: "d.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 0)
      #expect(error.message == "cannot read /tmp/: it is a folder: expected a regular file")
    }
  }
}
