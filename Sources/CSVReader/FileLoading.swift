import Platform

/// Reading a whole file with POSIX calls, keeping the OS's reason on failure.
enum FileLoading {
  struct Failure: Error {
    let reason: String
  }

  static func contents(ofFile path: String) throws(Failure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw lastFailure() }
    defer { _ = close(descriptor) }

    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw lastFailure() }
    // One byte beyond the reported size, so that reaching the end needs no extra buffer.
    let expected = max(Int(status.st_size), 0) + 1

    var failure: Failure?
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = 0
      while count < expected {
        let got = posixRead(descriptor, buffer.baseAddress! + count, expected - count)
        if got > 0 {
          count += got
        } else if got == 0 {
          return
        } else if errno != EINTR {
          failure = lastFailure()
          return
        }
      }
    }
    if let failure { throw failure }
    guard bytes.count == expected else { return bytes }

    // The file grew since fstat: read the rest in chunks.
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress!, $0.count) }
      if got > 0 {
        bytes.append(contentsOf: chunk[0..<got])
      } else if got == 0 {
        return bytes
      } else if errno != EINTR {
        throw lastFailure()
      }
    }
  }

  static func lastFailure() -> Failure {
    Failure(reason: String(cString: strerror(errno)))
  }

  /// "data/metrics.csv" -> "metrics.csv"; a path without a last component is returned as is.
  static func lastPathComponent(_ path: String) -> String {
    let components = path.split(separator: "/", omittingEmptySubsequences: true)
    return components.last.map(String.init) ?? path
  }
}

/// POSIX `read`, named apart from the many Swift methods called `read`.
@inline(__always)
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
