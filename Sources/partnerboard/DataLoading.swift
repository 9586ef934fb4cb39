import PartnerStore
import Presentation
import ProgramFiles
import Scoring

/// Reads data files and checks them against what a store holds; prints the
/// warnings, throws every error at once.
enum DataLoading {
  static func read(paths: [String], folder: Bool, stored: StoredState) throws -> DataFiles {
    var issues: [DataIssue] = []
    if TerminalInfo.stderrIsTerminal { Output.progress("reading \(paths.joined(separator: " "))…") }
    let files =
      folder ? DataFiles.readFolder(paths[0], issues: &issues) : DataFiles.read(paths: paths, issues: &issues)
    if TerminalInfo.stderrIsTerminal { Output.progress("") }
    if folder && issues.isEmpty { issues += files.missingRequired() }
    if files.sources.isEmpty && issues.isEmpty {
      issues.append(DataIssue(file: paths.joined(separator: " "), message: "no data files found"))
    }
    if !files.sources.isEmpty {
      issues += ReferenceChecks.check(files, stored: stored)
    }
    try report(issues)
    return files
  }

  /// `init` and `validate`: a folder whose metrics.csv is read, checked and written a block
  /// at a time inside the store's transaction (`metricsBlocks`), so a big
  /// file never sits in memory whole. Every other file is read and checked
  /// first; when one has errors the metrics are still read, for their own
  /// errors, and everything is reported at once before anything is written.
  /// `doing` names the work in the progress line ("reading and writing").
  static func readStreaming(folder: String, doing: String, strict: Bool = false) throws -> (
    DataFiles, PartnerStore.MetricsBlocks?
  ) {
    var issues: [DataIssue] = []
    if TerminalInfo.stderrIsTerminal { Output.progress("reading \(folder)…") }
    let files = DataFiles.readFolder(folder, streamMetrics: true, issues: &issues)
    if TerminalInfo.stderrIsTerminal { Output.progress("") }
    if issues.isEmpty { issues += files.missingRequired() }
    let checker = ReferenceChecker(files, stored: StoredState())
    if checker == nil { issues += ReferenceChecker.missingProgram(files) }
    guard let stream = files.metricsStream else {
      try report(issues + (checker?.finish(files) ?? []), strict: strict)
      return (files, nil)
    }
    let progress: (Int, Int) -> Void = { read, size in
      guard TerminalInfo.stderrIsTerminal, size > 0 else { return }
      Output.progress("\(doing) \(stream.name): \(read * 100 / size) %")
    }
    let earlier = issues
    /// Reads the stream through `write`, then reports.
    let run = { (write: (FileRows<Observation>) throws -> Void) throws in
      var issues = earlier
      var streamChecker = checker
      try stream.run(checker: &streamChecker, issues: &issues, progress: progress) { try write($0) }
      if TerminalInfo.stderrIsTerminal { Output.progress("") }
      try report(issues + (streamChecker?.finish(files) ?? []), strict: strict)
    }
    if earlier.contains(where: { $0.severity == .error }) || checker?.hasErrors ?? true {
      try run { _ in }  // check only; throws: the errors found so far, and the metrics' own
    }
    return (files, { write in try run(write) })
  }

  /// Prints warnings; throws when there is any error (or, `strict`
  /// (`validate --strict`), any warning).
  static func report(_ issues: [DataIssue], strict: Bool = false) throws {
    let errors = issues.filter { $0.severity == .error || strict }
    if !strict { for w in issues where w.severity == .warning { Output.err(w.description) } }
    guard errors.isEmpty else {
      let shown = errors.prefix(50).map(\.description).joined(separator: "\n")
      let more = errors.count > 50 ? "\n… and \(errors.count - 50) more" : ""
      throw CLIError(
        "\(errors.count) error\(errors.count == 1 ? "" : "s"); nothing was changed:\n\(shown)\(more)")
    }
  }

  /// Progress as a percentage on stderr when it is a terminal.
  static func percent(label: String) -> ((Int, Int) -> Void)? {
    guard TerminalInfo.stderrIsTerminal else { return nil }
    return { done, total in Output.progress("\(label): \(done * 100 / max(total, 1)) %") }
  }

  /// Import progress on stderr when it is a terminal.
  static func progress(label: String) -> ((Int, Int) -> Void)? {
    guard TerminalInfo.stderrIsTerminal else { return nil }
    return { done, total in
      if total >= 10_000 {
        Output.progress("writing \(label): \(done * 100 / max(total, 1)) % (\(done) of \(total) rows)")
      }
    }
  }

  static func summary(_ record: ImportRecord) -> String {
    var lines = ["import \(record.id) (\(record.at))"]
    for c in record.counts {
      lines.append("  \(c.file): \(c.added) added, \(c.replaced) replaced, \(c.unchanged) unchanged")
    }
    if let r = record.rescored, r.periods > 0 {
      lines.append(
        r.from.map { "  kept scores: rescored from \($0) (\(r.quarters) of \(r.periods) quarters)" }
          ?? "  kept scores: rescored (all \(r.periods) quarters)")
    }
    if let q = record.reopened { lines.append("  reopened \(q) and the quarters after it") }
    // Every quarter it touched; a whole history (init) in one line and its last quarter.
    let shown = record.coverage.count > 4 ? Array(record.coverage.suffix(1)) : record.coverage
    if shown.count < record.coverage.count, let first = record.coverage.first {
      let open = record.coverage.dropLast().filter(\.provisional).count
      lines.append(
        "  \(first.period) to \(record.coverage[record.coverage.count - 2].period): \(open) of \(record.coverage.count - 1) quarters open (provisional); `partnerboard close QUARTER` makes them final"
      )
    }
    for c in shown { lines.append("  \(c.period): \(QuarterText.state(c))") }
    return lines.joined(separator: "\n")
  }
}
