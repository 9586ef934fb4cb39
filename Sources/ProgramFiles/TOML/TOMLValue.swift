/// A TOML value as `TOMLParser` reads it (TOML 1.0). Dates and times are
/// kept as their text: a program file has no use for them beyond saying
/// that one was found where a number or a string was expected.
public indirect enum TOMLValue: Sendable, Equatable {
  case string(String)
  case integer(Int64)
  case float(Double)
  case boolean(Bool)
  case datetime(String)
  case array([TOMLValue])
  case table(TOMLTable)

  public enum Kind: String, Sendable { case string, int, double, bool, datetime, array, table }

  public var type: Kind {
    switch self {
    case .string: .string
    case .integer: .int
    case .float: .double
    case .boolean: .bool
    case .datetime: .datetime
    case .array: .array
    case .table: .table
    }
  }

  public var string: String? { if case .string(let s) = self { s } else { nil } }
  public var int: Int? { if case .integer(let i) = self { Int(i) } else { nil } }
  public var double: Double? { if case .float(let d) = self { d } else { nil } }
  public var bool: Bool? { if case .boolean(let b) = self { b } else { nil } }
  public var array: [TOMLValue]? { if case .array(let a) = self { a } else { nil } }
  public var table: TOMLTable? { if case .table(let t) = self { t } else { nil } }
}

/// A TOML table: its keys in the order the document gives them.
public struct TOMLTable: Sendable, Equatable {
  public private(set) var keys: [String] = []
  private var values: [String: TOMLValue] = [:]

  public init() {}

  public subscript(key: String) -> TOMLValue? { values[key] }

  mutating func set(_ key: String, _ value: TOMLValue) {
    if values.updateValue(value, forKey: key) == nil { keys.append(key) }
  }
}

/// A TOML syntax error, with the line and column (1-based) where it was found.
public struct TOMLError: Error, Sendable, CustomStringConvertible {
  public let line: Int
  public let column: Int
  public let message: String
  public var description: String { message }
}
