import Foundation

/// `PARTNERBOARD_TIMINGS=1` prints how long each phase took, on stderr
/// (commands, the store's import and rescore phases).
public enum Timings {
  public static let enabled = ProcessInfo.processInfo.environment["PARTNERBOARD_TIMINGS"] == "1"

  public static func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    guard enabled else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    FileHandle.standardError.write(Data("timing: \(label) \(String(format: "%.1f", ms)) ms\n".utf8))
    return result
  }
}
