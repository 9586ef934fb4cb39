import Foundation
import Scoring

/// The two halves of a parallel observation read, joined in partner order.
final class ReadHalves: @unchecked Sendable {
  private let lock = NSLock()
  private var parts: [Result<ObservationTable, Error>?] = [nil, nil]

  func set(_ i: Int, _ result: Result<ObservationTable, Error>) {
    lock.lock()
    parts[i] = result
    lock.unlock()
  }

  /// The first half followed by the second, the second's KPI codes mapped onto the first's names.
  func merged() throws -> ObservationTable {
    var first = try parts[0]!.get()
    let second = try parts[1]!.get()
    var code: [Int] = []
    for name in second.kpiNames {
      if let i = first.kpiNames.firstIndex(of: name) {
        code.append(i)
      } else {
        first.kpiNames.append(name)
        code.append(first.kpiNames.count - 1)
      }
    }
    first.partner += second.partner
    first.period += second.period
    first.value += second.value
    first.kpi += second.kpi.map { Int32(code[Int($0)]) }
    return first
  }
}
