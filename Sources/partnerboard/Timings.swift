import Foundation

/// `PARTNERBOARD_TIMINGS=1` prints how long each phase took, on stderr.
enum Timings {
  static let enabled = ProcessInfo.processInfo.environment["PARTNERBOARD_TIMINGS"] == "1"

  static func measure<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    guard enabled else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    Output.err("timing: \(label) \(String(format: "%.1f", ms)) ms")
    return result
  }
}
