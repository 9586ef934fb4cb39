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
  /// The signals whose default action ends the process, crashes aside
  /// (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE).
  public static var terminatingSignals: [Int32] {
    var all: [Int32] = [
      SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2, SIGPIPE, SIGXCPU, SIGXFSZ, SIGVTALRM,
      SIGPROF, SIGSYS,
    ]
    #if os(Linux)
      all += [SIGIO, SIGPWR, SIGSTKFLT]
      // The real-time signals (their default action ends the process too).
      all += Array(Int32(__libc_current_sigrtmin())...Int32(__libc_current_sigrtmax()))
    #endif
    return all.filter { $0 > 0 && $0 < 65 }
  }

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

  /// Opens `path` for reading if it is a regular file: a folder, a device
  /// (`/dev/zero` never ends), a FIFO (opening it would wait for a writer)
  /// or a socket is an error, named for what it is.
  public static func openRegularFile(_ path: String) throws(ReadFailure) -> (Int32, stat) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw ReadFailure(reason: lastError) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = lastError
      _ = close(descriptor)
      throw ReadFailure(reason: reason)
    }
    let kind = status.st_mode & S_IFMT
    guard kind == S_IFREG else {
      _ = close(descriptor)
      let what =
        kind == S_IFDIR
        ? "it is a folder"
        : kind == S_IFCHR || kind == S_IFBLK
          ? "it is a device" : kind == S_IFIFO ? "it is a pipe" : "it is not a regular file"
      throw ReadFailure(reason: what + ": expected a regular file")
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    return (descriptor, status)
  }

  /// The whole file at `path`, read with POSIX calls (one read of the size
  /// `fstat` reports, then chunks if the file grew). Only a regular file of
  /// at most `limit` bytes is read.
  public static func readFile(_ path: String, limit: Int = 1 << 31) throws(ReadFailure) -> [UInt8] {
    let (descriptor, status) = try openRegularFile(path)
    defer { _ = close(descriptor) }
    func tooLarge(_ size: Int) -> ReadFailure {
      ReadFailure(reason: "the file is \(size) bytes: expected at most \(limit)")
    }
    if Int(status.st_size) > limit { throw tooLarge(Int(status.st_size)) }
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
        if bytes.count > limit { throw tooLarge(bytes.count) }
      } else if got == 0 {
        return bytes
      } else if errno != EINTR {
        throw ReadFailure(reason: lastError)
      }
    }
  }
}
