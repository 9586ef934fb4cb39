import Foundation
import Platform
import Testing

/// `FileCopy`: the bytes and the permission bits of any size of file
/// (empty, one byte, past the fallback's megabyte), never over an existing
/// file, and nothing left behind when it fails.
@Suite struct FileCopyTests {
  let dir: String
  init() throws {
    dir = NSTemporaryDirectory() + "pb-copy-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  }

  @Test(arguments: [0, 1, 4096, (1 << 20) + 3, 3 << 20])
  func copiesEveryByteAndTheMode(size: Int) throws {
    let source = dir + "/s\(size)"
    let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
    try bytes.write(to: URL(fileURLWithPath: source))
    chmod(source, 0o640)
    try FileCopy.copy(source, to: source + ".copy")
    #expect(try Data(contentsOf: URL(fileURLWithPath: source + ".copy")) == bytes)
    var info = stat()
    #expect(stat(source + ".copy", &info) == 0 && info.st_mode & 0o777 == 0o640)
  }

  @Test func neverOverAFileAndNothingLeftWhenItFails() throws {
    let source = dir + "/s"
    let target = dir + "/t"
    try Data("new".utf8).write(to: URL(fileURLWithPath: source))
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    #expect(throws: FileCopy.Failure.self) { try FileCopy.copy(source, to: target) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data("old".utf8))
    #expect(throws: FileCopy.Failure.self) { try FileCopy.copy(dir + "/missing", to: dir + "/u") }
    #expect(!FileManager.default.fileExists(atPath: dir + "/u"))
  }
}
