// The one place that knows which C library it runs on. Every other module
// imports Platform instead of choosing between Glibc (Linux) and Darwin
// (macOS) itself; what differs between the two is wrapped here.
#if canImport(Glibc)
  @_exported import Glibc
#elseif canImport(Musl)
  @_exported import Musl
#elseif canImport(Darwin)
  @_exported import Darwin
#else
  #error("partnerboard builds on Linux (Glibc, Musl) and macOS (Darwin)")
#endif

public enum Platform {
  /// Writes all of `bytes` to `fd`, retrying when a signal interrupts;
  /// false when the descriptor refuses (a closed pipe, a full disk).
  @discardableResult
  public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var off = 0
    while off < bytes.count {
      #if canImport(Darwin)
        let n = Darwin.write(fd, base + off, bytes.count - off)
      #elseif canImport(Musl)
        let n = Musl.write(fd, base + off, bytes.count - off)
      #else
        let n = Glibc.write(fd, base + off, bytes.count - off)
      #endif
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      off += n
    }
    return true
  }

  /// Columns of the terminal on `fd`; nil when it is not a terminal.
  public static func terminalColumns(_ fd: Int32) -> Int? {
    var ws = winsize()
    guard isatty(fd) != 0, ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
    return Int(ws.ws_col)
  }

  /// The text of `errno`'s current value.
  public static var lastError: String { String(cString: strerror(errno)) }
}

/// A plain C signal handler.
public typealias SignalHandler = @convention(c) (Int32) -> Void

extension sigaction {
  /// The handler (`sa_handler`): Glibc and Darwin name the union differently.
  public var handler: SignalHandler? {
    get {
      #if canImport(Darwin)
        __sigaction_u.__sa_handler
      #else
        __sigaction_handler.sa_handler
      #endif
    }
    set {
      #if canImport(Darwin)
        __sigaction_u.__sa_handler = newValue
      #else
        __sigaction_handler.sa_handler = newValue
      #endif
    }
  }
}

extension Platform {
  /// Why a file could not be read: the operating system's words.
  public struct ReadFailure: Error, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
  }

  /// The whole file at `path`, read with POSIX calls (one read of the size
  /// `fstat` reports, then chunks if the file grew). A folder is an error.
  public static func readFile(_ path: String) throws(ReadFailure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw ReadFailure(reason: lastError) }
    defer { _ = close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw ReadFailure(reason: lastError) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw ReadFailure(reason: String(cString: strerror(EISDIR))) }
    // One byte beyond the reported size, so that reaching the end needs no extra buffer.
    let expected = max(Int(status.st_size), 0) + 1
    var failure: ReadFailure?
    var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
      count = 0
      while count < expected {
        let got = read(descriptor, buffer.baseAddress! + count, expected - count)
        if got > 0 {
          count += got
        } else if got == 0 {
          return
        } else if errno != EINTR {
          failure = ReadFailure(reason: lastError)
          return
        }
      }
    }
    if let failure { throw failure }
    guard bytes.count == expected else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
      if got > 0 {
        bytes.append(contentsOf: chunk[0..<got])
      } else if got == 0 {
        return bytes
      } else if errno != EINTR {
        throw ReadFailure(reason: lastError)
      }
    }
  }
}
