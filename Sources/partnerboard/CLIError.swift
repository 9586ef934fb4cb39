import ArgumentParser
import Platform
import TextLayout

/// A failure the user can act on: printed to stderr as `partnerboard: ...`,
/// exit code 1 (never a trap or a backtrace).
struct CLIError: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// Every line the command line prints goes through here, and through
/// `Sanitizer.lines`: no control or bidi character from a data file reaches
/// the terminal, whatever the report or message (JSON escapes its own).
enum Output {
  static func err(_ s: String) { write(2, Sanitizer.lines(s.hasSuffix("\n") ? s : s + "\n")) }
  static func out(_ s: String) { write(1, Sanitizer.lines(s.hasSuffix("\n") ? s : s + "\n")) }

  /// Progress text on stderr, overwritten in place (callers check it is a terminal).
  static func progress(_ s: String) { write(2, "\r\u{1B}[K" + Sanitizer.field(s)) }

  static func write(_ fd: Int32, _ s: String) {
    var s = s
    _ = s.withUTF8 { Platform.writeAll(fd, UnsafeRawBufferPointer($0)) }
  }
}

/// Runs a command body, turning known errors into a message and exit code 1.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let e as CLIError {
    Output.err("partnerboard: \(e.message)")
    throw ExitCode(1)
  } catch let e as ExitCode {
    throw e
  } catch let e as CleanExit {
    throw e
  } catch {
    Output.err("partnerboard: \(error)")
    throw ExitCode(1)
  }
}
