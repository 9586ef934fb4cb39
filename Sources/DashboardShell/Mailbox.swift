import Foundation

/// Values handed from worker threads to the event loop, in order.
final class Mailbox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Value] = []

  func put(_ v: Value) {
    lock.lock()
    values.append(v)
    lock.unlock()
  }

  func take() -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return values.isEmpty ? nil : values.removeFirst()
  }
}
