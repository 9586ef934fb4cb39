/// RFC 4180 output: fields quoted when they hold a comma, quote or newline.
public enum CSVWriter {
  public static func field(_ s: String) -> String {
    if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"")
        + "\""
    }
    return s
  }

  public static func document(header: [String], rows: [[String]]) -> String {
    var out = header.map(field).joined(separator: ",") + "\n"
    for row in rows { out += row.map(field).joined(separator: ",") + "\n" }
    return out
  }
}
