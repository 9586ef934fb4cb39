/// Physical line breaks inside field text: LF, CRLF and a lone CR each count once.
enum LineCounting {
  static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if byte == ByteValue.lineFeed {
        count += 1
      } else if byte == ByteValue.carriageReturn {
        count += 1
        if i < bytes.count && bytes[i] == ByteValue.lineFeed { i += 1 }
      }
    }
    return count
  }
}
