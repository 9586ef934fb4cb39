extension Platform {
  /// A file read front to back in pieces, closed when released.
  public final class ReadingFile {
    private let descriptor: Int32

    public init(path: String) throws(ReadFailure) {
      descriptor = try Platform.openRegularFile(path).0
    }

    deinit { _ = close(descriptor) }

    /// Appends up to `count` bytes to `bytes`; false at the end of the file.
    public func append(to bytes: inout [UInt8], count: Int) throws(ReadFailure) -> Bool {
      let start = bytes.count
      var got = 0
      var failure: ReadFailure?
      bytes.append(contentsOf: repeatElement(0, count: count))
      bytes.withUnsafeMutableBytes { buffer in
        while got < count {
          let n = read(descriptor, buffer.baseAddress! + start + got, count - got)
          if n > 0 {
            got += n
          } else if n == 0 {
            return
          } else if errno != EINTR {
            failure = ReadFailure(reason: String(cString: strerror(errno)))
            return
          }
        }
      }
      bytes.removeLast(count - got)
      if let failure { throw failure }
      return got > 0
    }
  }
}
