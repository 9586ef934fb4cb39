import CSVReader
import Dispatch
import Scoring

/// The files of one data folder or one import, parsed (SPEC section 1).
/// Any of them may be absent in an import; `init` and `validate` need the
/// three required ones.
public struct DataFiles: Sendable {
  public enum Role: String, Sendable, CaseIterable {
    case program = "program.toml"
    case partners = "partners.csv"
    case metrics = "metrics.csv"
    case adjustments = "adjustments.csv"
    case agreements = "agreements.csv"
    case cohorts = "cohorts.csv"

    /// A file's role from its name: the spec's names, or one that starts
    /// with the role and has its extension (`metrics-2027Q1.csv`).
    public init?(fileName: String) {
      for role in Role.allCases {
        let stem = String(role.rawValue.prefix { $0 != "." })
        let ext = String(role.rawValue.drop { $0 != "." })
        if fileName == role.rawValue || (fileName.hasPrefix(stem) && fileName.hasSuffix(ext)) {
          self = role
          return
        }
      }
      return nil
    }
  }

  public struct Source: Sendable {
    public var role: Role
    public var path: String
    /// SHA-256 of the bytes, hex.
    public var sha256: String
    public var name: String { String(path.split(separator: "/").last ?? Substring(path)) }
  }

  public var sources: [Source] = []
  public var program: Program?
  public var programText: String?
  public var partners: FileRows<Partner>?
  public var metrics: FileRows<Observation>?
  public var adjustments: FileRows<Adjustment>?
  public var cohorts: FileRows<CohortMember>?
  public var agreements: FileRows<Agreement>?
  /// A metrics file to be read a block at a time as it is written (`init`),
  /// instead of `metrics`; its source's digest is filled in once it is read.
  public var metricsStream: MetricsStream?

  public init() {}

  /// Reads a data folder: its spec-named files (other files are ignored).
  /// `streamMetrics`: leave metrics.csv to be read as it is written (`metricsStream`).
  public static func readFolder(_ dir: String, streamMetrics: Bool = false, issues: inout [DataIssue])
    -> DataFiles
  {
    guard FileSystem.isDirectory(dir) else {
      issues.append(DataIssue(file: dir, message: "not a folder"))
      return DataFiles()
    }
    return read(paths: [dir], streamMetrics: streamMetrics, issues: &issues)
  }

  /// Reads files (and folders) named as in the spec.
  public static func read(paths: [String], streamMetrics: Bool = false, issues: inout [DataIssue])
    -> DataFiles
  {
    var files = DataFiles()
    var expanded: [String] = []
    for path in paths {
      if FileSystem.isDirectory(path) {
        for role in Role.allCases {
          let p = path.hasSuffix("/") ? path + role.rawValue : path + "/" + role.rawValue
          if FileSystem.exists(p) { expanded.append(p) }
        }
      } else {
        expanded.append(path)
      }
    }
    for path in expanded {
      let name = String(path.split(separator: "/").last ?? Substring(path))
      guard let role = Role(fileName: name) else {
        issues.append(
          DataIssue(
            file: name,
            message:
              "unknown data file: name it program.toml, partners.csv, metrics.csv, adjustments.csv, agreements.csv or cohorts.csv (or e.g. metrics-2027Q1.csv)"
          ))
        continue
      }
      if let earlier = files.sources.first(where: { $0.role == role }) {
        issues.append(
          DataIssue(
            file: name,
            message:
              "a second \(role.rawValue) in one import (also \(earlier.name)); import them one at a time"))
        continue
      }
      if role == .metrics && streamMetrics {
        files.metricsStream = MetricsStream(path: path, name: name)
        files.sources.append(Source(role: role, path: path, sha256: ""))
        continue
      }
      let bytes: [UInt8]
      do {
        bytes = try FileSystem.readBytes(
          path, limit: role == .program ? FileSystem.programFileLimit : 1 << 31)
      } catch {
        issues.append(DataIssue(file: name, message: "cannot read \(path): \(error)"))
        continue
      }
      // Hash on the other core while this one parses.
      let digest = Digest()
      let group = DispatchGroup()
      DispatchQueue.global().async(group: group) { digest.value = SHA256.hex(bytes) }
      files.parse(role: role, bytes: bytes, name: name, issues: &issues)
      group.wait()
      files.sources.append(Source(role: role, path: path, sha256: digest.value))
    }
    return files
  }

  private final class Digest: @unchecked Sendable {
    var value = ""
  }

  /// Parses in-memory contents (used for the embedded sample data and tests).
  public static func read(contents: [(name: String, text: String)], issues: inout [DataIssue])
    -> DataFiles
  {
    read(files: contents.map { ($0.name, Array($0.text.utf8)) }, issues: &issues)
  }

  /// Parses in-memory files given as bytes, as they would be read from disk
  /// (the fuzz test feeds mutated bytes here).
  public static func read(files contents: [(name: String, bytes: [UInt8])], issues: inout [DataIssue])
    -> DataFiles
  {
    var files = DataFiles()
    for (name, bytes) in contents {
      guard let role = Role(fileName: name) else { continue }
      files.sources.append(Source(role: role, path: name, sha256: SHA256.hex(bytes)))
      files.parse(role: role, bytes: bytes, name: name, issues: &issues)
    }
    return files
  }

  mutating func parse(role: Role, bytes: [UInt8], name: String, issues: inout [DataIssue]) {
    if role == .program {
      guard let text = String(validating: bytes, as: UTF8.self) else {
        issues.append(DataIssue(file: name, message: "not valid UTF-8 text"))
        return
      }
      programText = text
      switch ProgramParser.parse(text, file: name) {
      case .success(let p): program = p
      case .failure(let e): issues += e.issues
      }
      return
    }
    let doc: CSVDocument
    do {
      doc = try CSVReader.parse(bytes, fileName: name)
    } catch {
      issues.append(DataIssue(csv: error))
      return
    }
    switch role {
    case .partners: partners = DataFileParsers.partners(doc, issues: &issues)
    case .metrics: metrics = DataFileParsers.metrics(doc, issues: &issues)
    case .adjustments: adjustments = DataFileParsers.adjustments(doc, issues: &issues)
    case .agreements: agreements = DataFileParsers.agreements(doc, issues: &issues)
    case .cohorts: cohorts = DataFileParsers.cohorts(doc, issues: &issues)
    case .program: break
    }
  }

  /// The column names of a parsed CSV file, by its file name.
  func header(of file: String) -> [String]? {
    for h in [
      partners?.file == file ? partners?.header : nil, metrics?.file == file ? metrics?.header : nil,
      adjustments?.file == file ? adjustments?.header : nil,
      agreements?.file == file ? agreements?.header : nil, cohorts?.file == file ? cohorts?.header : nil,
      metricsStream?.name == file ? metricsStream?.header : nil,
    ] {
      if let h { return h }
    }
    return nil
  }

  /// Issues for required files that are absent (a folder for init/validate).
  public func missingRequired() -> [DataIssue] {
    var issues: [DataIssue] = []
    for role in [Role.program, .partners, .metrics] where !sources.contains(where: { $0.role == role }) {
      issues.append(DataIssue(file: role.rawValue, message: "required file is missing"))
    }
    return issues
  }
}
