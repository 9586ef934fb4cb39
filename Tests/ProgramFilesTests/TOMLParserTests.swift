import Testing

@testable import ProgramFiles

/// The TOML 1.0 parser: what it accepts, what it refuses (with a line and
/// column), and inputs that crashed the C++ parser it replaced.
@Suite struct TOMLParserTests {
  func parse(_ s: String) throws -> TOMLTable { try TOMLParser.parse(s) }

  func failure(_ s: String) -> TOMLError? {
    do {
      _ = try TOMLParser.parse(s)
      return nil
    } catch let e as TOMLError {
      return e
    } catch {
      return nil
    }
  }

  @Test func valuesOfEveryKind() throws {
    let t = try parse(
      """
      # comment
      s = "a\\tb \\u00E9 \\U0001F680 \\"q\\" \\\\"
      lit = 'C:\\path'
      ml = \"\"\"
      one
      two \\
          three\"\"\"
      mll = '''
      raw \\n'''
      i = +1_000
      neg = -17
      hex = 0xDEAD_beef
      oct = 0o755
      bin = 0b1101
      f = 6.626e-34
      f2 = -0.5
      f3 = 1e6
      big = inf
      nope = nan
      yes = true
      d = 1979-05-27T07:32:00Z
      d2 = 1979-05-27 07:32:00
      a = [ 1, 2.5, "x", [true], { k = 1 }, ]
      multi = [
        1, # one
        2
      ]
      inline = { x = 1, y.z = "deep" }
      "quoted key" = 1
      dotted.key.here = 2
      """)
    #expect(t["s"]?.string == "a\tb é 🚀 \"q\" \\")
    #expect(t["lit"]?.string == "C:\\path")
    #expect(t["ml"]?.string == "one\ntwo three")
    #expect(t["mll"]?.string == "raw \\n")
    #expect(t["i"]?.int == 1000)
    #expect(t["neg"]?.int == -17)
    #expect(t["hex"]?.int == 0xDEAD_BEEF)
    #expect(t["oct"]?.int == 0o755)
    #expect(t["bin"]?.int == 13)
    #expect(t["f"]?.double == 6.626e-34)
    #expect(t["f2"]?.double == -0.5)
    #expect(t["f3"]?.double == 1e6)
    #expect(t["big"]?.double == .infinity)
    #expect(t["nope"]?.double?.isNaN == true)
    #expect(t["yes"]?.bool == true)
    #expect(t["d"]?.type == .datetime)
    #expect(t["d2"] == .datetime("1979-05-27 07:32:00"))
    #expect(t["a"]?.array?.count == 5)
    #expect(t["a"]?.array?[4].table?["k"]?.int == 1)
    #expect(t["multi"]?.array == [.integer(1), .integer(2)])
    #expect(t["inline"]?.table?["y"]?.table?["z"]?.string == "deep")
    #expect(t["quoted key"]?.int == 1)
    #expect(t["dotted"]?.table?["key"]?.table?["here"]?.int == 2)
  }

  @Test func tablesAndArraysOfTables() throws {
    let t = try parse(
      """
      [program]
      name = "P"

      [[kpi]]
      id = "a"
      [kpi.extra]
      x = 1

      [[kpi]]
      id = "b"

      [a.b.c]
      v = 1
      [a]
      w = 2
      """)
    #expect(t.keys == ["program", "kpi", "a"])
    #expect(t["kpi"]?.array?.count == 2)
    #expect(t["kpi"]?.array?[0].table?["extra"]?.table?["x"]?.int == 1)
    #expect(t["kpi"]?.array?[1].table?["id"]?.string == "b")
    #expect(t["a"]?.table?["w"]?.int == 2)
    #expect(t["a"]?.table?["b"]?.table?["c"]?.table?["v"]?.int == 1)
  }

  @Test(arguments: [
    ("[program\nname = 1\n", 1, "expected ] to close the [table] header"),
    ("a = 1\na = 2\n", 2, "key a is defined twice"),
    ("[t]\n[t]\n", 2, "table [t] is defined twice"),
    ("t = 1\n[t]\n", 2, "already holds a value"),
    ("[[t]]\n[t]\n", 2, "array of tables"),
    ("a = [1, 2\n", 2, "expected , or ]"),
    ("a = { x = 1, }\n", 1, "may not end with a comma"),
    ("a = { x = 1\n", 1, "expected , or }"),
    ("a = \"open\n", 1, "not closed"),
    ("a = 01\n", 1, "expected a value"),
    ("a = 1__0\n", 1, "expected a value"),
    ("a = 1.\n", 1, "expected a value"),
    ("a = .5\n", 1, "expected a value"),
    ("a = 99999999999999999999\n", 1, "expected a value"),
    ("a = \"\\q\"\n", 1, "unknown escape"),
    ("a = \"\\uD800\"\n", 1, "Unicode character"),
    ("a = 1 b = 2\n", 1, "expected the end of the line"),
    ("a = \"x\u{1}\"\n", 1, "control character"),
    ("= 1\n", 1, "expected a key"),
    ("a = \n", 1, "expected a value"),
    ("a = 1\r2 = 3\n", 1, "carriage return"),
    ("x = { a = 1 }\nx.b = 2\n", 2, "already holds a value"),
    ("schedule = [[0.0,}, [0.25, 0.10]]\n", 1, "expected a value"),
  ])
  func malformedInputsAreLocatedErrors(_ c: (String, Int, String)) {
    let e = failure(c.0)
    #expect(e != nil, "accepted: \(c.0.debugDescription)")
    #expect(e?.line == c.1, "\(c.0.debugDescription): \(String(describing: e))")
    #expect(e?.message.contains(c.2) == true, "\(c.0.debugDescription): \(e?.message ?? "")")
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = "a = " + String(repeating: "[", count: 100_000) + "\n"
    #expect(failure(deep)?.message.contains("nested more than") == true)
    let tables = "a = " + String(repeating: "{ b = ", count: 10_000) + "1" + "\n"
    #expect(failure(tables) != nil)
  }

  /// Issue 20: 40,000 dotted key segments overflowed the stack (building the
  /// tables, then reading them back), in a key, a header, an array-of-tables
  /// header, inside an inline table, and added up across a header and its keys.
  static let deepInputs: [String: String] = [
    "key": String(repeating: "a.", count: 40_000) + "a = 1\n",
    "header": "[" + String(repeating: "a.", count: 40_000) + "a]\n",
    "array header": "[[" + String(repeating: "a.", count: 40_000) + "a]]\n",
    "inline table": "x = { " + String(repeating: "a.", count: 40_000) + "a = 1 }\n",
    "header and keys": "[" + String(repeating: "a.", count: 40) + "a]\n" + String(repeating: "b.", count: 40)
      + "b = 1\n",
    "nested inline tables": "x = " + String(repeating: "{ a.b.c = ", count: 30) + "1"
      + String(repeating: " }", count: 30)
      + "\n",
  ]

  @Test(arguments: [
    "key", "header", "array header", "inline table", "header and keys", "nested inline tables",
  ])
  func deepDottedKeysAreALocatedError(_ kind: String) {
    let e = failure(Self.deepInputs[kind]!)
    #expect(e?.message.contains("nested more than") == true, "\(e?.message ?? "parsed")")
    #expect(e.map { $0.line >= 1 && $0.column >= 1 } == true)
  }

  /// Just under the bound still parses.
  @Test func nestingUpToTheBoundParses() throws {
    let key = (0..<(TOMLParser.maxDepth - 1)).map { _ in "a" }.joined(separator: ".")
    #expect(try parse(key + " = 1\n")["a"] != nil)
  }

  @Test func crlfAndBOMFreeText() throws {
    let t = try parse("a = 1\r\n[b]\r\nc = \"x\"\r\n")
    #expect(t["b"]?.table?["c"]?.string == "x")
  }
}
