import Foundation
import Scoring

/// Each partner's place in name, segment and region order, computed once per
/// scorebook on the first sort that needs it and shared by every leaderboard
/// built from that book: a sort then compares numbers, never strings
/// (100,000 partners sort in a few milliseconds).
/// Safe to share between threads (a state copied to build screens ahead).
public final class PartnerOrders: @unchecked Sendable {
  private let partners: [Partner]
  private let lock = NSLock()
  private var cache: [KeyPath<Partner, String>: [Int32]] = [:]
  private var flagKeys: [Int: [Double]] = [:]

  public init(_ partners: [Partner]) { self.partners = partners }

  /// Case-insensitive name order, as a sort by the partner column shows it
  /// (names equal but for case share a place: rank order breaks the tie).
  public var name: [Int32] { places(\.lowercasedName) }
  public var segment: [Int32] { places(\.segment) }
  public var region: [Int32] { places(\.region) }
  /// Partners without a manager sort as an empty name: first A to Z.
  public var manager: [Int32] { places(\.managerName) }

  /// The flags column's sort key of every partner at period `t`, computed
  /// once per period (outlook and blocked requirements are not free).
  public func flags(period t: Int, compute: () -> [Double]) -> [Double] {
    lock.lock()
    defer { lock.unlock() }
    if let known = flagKeys[t] { return known }
    let computed = compute()
    flagKeys[t] = computed
    return computed
  }

  private func places(_ field: KeyPath<Partner, String>) -> [Int32] {
    lock.lock()
    defer { lock.unlock() }
    if let known = cache[field] { return known }
    let computed = Self.places(of: partners.map { $0[keyPath: field] })
    cache[field] = computed
    return computed
  }

  /// Equal texts share a place.
  static func places(of texts: [String]) -> [Int32] {
    let distinct = Array(Set(texts)).sorted()
    var code: [String: Int32] = [:]
    for (i, t) in distinct.enumerated() { code[t] = Int32(i) }
    return texts.map { code[$0]! }
  }
}

extension Partner {
  fileprivate var lowercasedName: String { name.lowercased() }
  fileprivate var managerName: String { manager ?? "" }
}
