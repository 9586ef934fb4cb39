import Scoring
import TextLayout

/// SPEC section 10: another program file to score the store's data under
/// (`compare OTHER.toml`, the dashboard's `:compare`). Validated as any
/// program, then against the store: every stored partner's segment must be
/// declared in it.
public enum OtherProgram {
  /// Reads and validates `path`; every problem at once, located in the file.
  public static func load(path: String, partners: [Partner]) throws(DataIssues) -> Program {
    let name = String(path.split(separator: "/").last ?? Substring(path))
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readBytes(path, limit: FileSystem.programFileLimit)
    } catch {
      throw DataIssues([DataIssue(file: path, message: "cannot read the program file: \(error)")])
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw DataIssues([DataIssue(file: name, message: "not valid UTF-8 text")])
    }
    return try parse(text, file: name, partners: partners)
  }

  public static func parse(_ text: String, file: String, partners: [Partner]) throws(DataIssues) -> Program {
    let program: Program
    switch ProgramParser.parse(text, file: file) {
    case .success(let p): program = p
    case .failure(let e): throw e
    }
    let declared = Set(program.segments.map(\.id))
    var missing: [String: (count: Int, first: Partner)] = [:]
    var order: [String] = []
    for p in partners where !declared.contains(p.segment) {
      if let m = missing[p.segment] {
        missing[p.segment] = (m.count + 1, m.first)
      } else {
        missing[p.segment] = (1, p)
        order.append(p.segment)
      }
    }
    guard order.isEmpty else {
      let locator = TOMLLocator(text: text)
      throw DataIssues(
        order.map { segment in
          let m = missing[segment]!
          return DataIssue(
            file: file, line: locator.line(table: "segment"), key: "segment",
            message:
              "segment \"\(Sanitizer.quoted(segment))\" is not declared, but \(m.count) partner\(m.count == 1 ? "" : "s") in the store belong\(m.count == 1 ? "s" : "") to it (first: \(m.first.id) \(m.first.name)); add a [[segment]] with id = \"\(Sanitizer.quoted(segment))\""
          )
        })
    }
    return program
  }
}
