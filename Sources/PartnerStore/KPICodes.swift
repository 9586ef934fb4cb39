/// KPI ids read as bytes from the observations table, numbered in order of
/// first appearance (a store holds a handful: a linear scan beats hashing).
struct KPICodes {
  private var bytes: [[UInt8]] = []
  private(set) var names: [String] = []

  /// The id's number, adding it when new.
  mutating func code(_ kpi: UnsafeBufferPointer<UInt8>) -> Int {
    for (i, name) in bytes.enumerated() where name.count == kpi.count && kpi.elementsEqual(name) { return i }
    bytes.append(Array(kpi))
    names.append(String(decoding: kpi, as: UTF8.self))
    return bytes.count - 1
  }
}
