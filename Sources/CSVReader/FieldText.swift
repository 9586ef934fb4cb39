/// How field text and stray bytes are shown inside error messages.
enum FieldText {
  /// Longest field text quoted in a message, in characters.
  static let maximumShownLength = 40

  /// `text` in double quotes, with quotes, backslashes and control characters escaped,
  /// cut to `maximumShownLength` characters followed by "...".
  static func quoted(_ text: String) -> String {
    var shown = ""
    var count = 0
    for character in text {
      if count == maximumShownLength {
        shown += "..."
        break
      }
      count += 1
      for scalar in character.unicodeScalars {
        switch scalar {
        case "\"": shown += "\\\""
        case "\\": shown += "\\\\"
        case "\n": shown += "\\n"
        case "\r": shown += "\\r"
        case "\t": shown += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
          shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        default: shown.unicodeScalars.append(scalar)
        }
      }
    }
    return "\"" + shown + "\""
  }

  /// The character starting at `p[i]`, described for a message: `'c'`, `a space`, or a byte value.
  static func describe(byte p: UnsafePointer<UInt8>, at i: Int, end: Int) -> String {
    let byte = p[i]
    switch byte {
    case ByteValue.space: return "a space"
    case ByteValue.tab: return "a tab"
    case 0x21..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
    case 0x80...:
      let length = UTF8Validation.sequenceLength(p, at: i, end: end)
      if length > 0 {
        return "'" + String(decoding: UnsafeBufferPointer(start: p + i, count: length), as: UTF8.self) + "'"
      }
      return "byte 0x\(String(byte, radix: 16, uppercase: true)) (invalid UTF-8)"
    default:
      let hex = String(byte, radix: 16, uppercase: true)
      return "control byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }
  }
}
