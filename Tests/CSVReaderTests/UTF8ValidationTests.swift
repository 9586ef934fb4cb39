import CSVReader
import Testing

/// Well-formed UTF-8 passes; every kind of ill-formed sequence is an error at its field.
@Suite struct UTF8ValidationTests {
  static let wellFormed: [[UInt8]] = [
    [0xC2, 0x80],  // U+0080, smallest 2-byte
    [0xDF, 0xBF],  // U+07FF
    [0xE0, 0xA0, 0x80],  // U+0800, smallest 3-byte
    [0xED, 0x9F, 0xBF],  // U+D7FF, just below the surrogates
    [0xEE, 0x80, 0x80],  // U+E000, just above them
    [0xEF, 0xBF, 0xBF],  // U+FFFF
    [0xF0, 0x90, 0x80, 0x80],  // U+10000, smallest 4-byte
    [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, the largest
  ]

  static let illFormed: [[UInt8]] = [
    [0x80],  // lone continuation byte
    [0xBF],
    [0xC0, 0x80],  // overlong NUL
    [0xC1, 0xBF],  // overlong
    [0xC3],  // cut short
    [0xC3, 0x41],  // not a continuation
    [0xE0, 0x80, 0x80],  // overlong 3-byte
    [0xE0, 0x9F, 0xBF],
    [0xED, 0xA0, 0x80],  // surrogate U+D800
    [0xED, 0xBF, 0xBF],  // surrogate U+DFFF
    [0xE2, 0x82],  // cut short
    [0xF0, 0x80, 0x80, 0x80],  // overlong 4-byte
    [0xF0, 0x8F, 0xBF, 0xBF],
    [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
    [0xF5, 0x80, 0x80, 0x80],
    [0xF8, 0x88, 0x80, 0x80, 0x80],
    [0xFE], [0xFF],
    [0xF0, 0x9F, 0x9A],  // a rocket without its last byte
  ]

  @Test(arguments: wellFormed)
  func wellFormedSequencesAreKept(_ sequence: [UInt8]) throws {
    for quoted in [false, true] {
      let field = quoted ? [0x22] + sequence + [0x22] : sequence
      let document = try CSVReader.parse(Array("a,b\nx,".utf8) + field + Array("\n".utf8), fileName: "u.csv")
      #expect(document.withFieldBytes(row: 0, column: 1) { Array($0) } == sequence)
      #expect(document.string(row: 0, column: 1) == String(decoding: sequence, as: UTF8.self))
    }
  }

  @Test(arguments: illFormed)
  func illFormedSequencesAreErrors(_ sequence: [UInt8]) throws {
    // In the middle of a field, at the very end of the file, and inside quotes.
    let inputs: [[UInt8]] = [
      Array("a,b\nx,y".utf8) + sequence + Array("z\n".utf8),
      Array("a,b\nx,".utf8) + sequence,
      Array("a,b\nx,\"".utf8) + sequence + Array("\"\n".utf8),
    ]
    for input in inputs {
      let error = try #require(parseError(input))
      #expect(error.line == 2)
      #expect(error.column == 2)
      #expect(error.columnName == "b")
      #expect(error.message == "invalid UTF-8: the file must be UTF-8 text")
    }
  }

  @Test func sequenceCutByAComma() throws {
    let error = try #require(parseError(Array("a,b,c\n1,".utf8) + [0xE2, 0x82] + Array(",3\n".utf8)))
    #expect(error.column == 2)
  }
}
