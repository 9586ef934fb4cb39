import ArgumentParser
import Foundation
import PartnerStore

/// `partnerboard rescore`: rebuilds the kept scores from the store's data,
/// for a store whose kept tables were damaged (a message says so) or
/// written by an older partnerboard. The data and the import log are kept.
struct RescoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rescore",
    abstract: "Rebuild the kept scores from the store's data; the data and import history stay.",
    discussion: """
      Every command reads the scores, ranks and tier counts a store keeps
      beside its data. They are written by every init, import and undo-import;
      this rebuilds them from the data alone, for a store whose kept scores
      were damaged (a command says so and names this command). Nothing else in
      the store changes.

      Example:
        partnerboard rescore --db ./fy2027.sqlite
      """)

  @OptionGroup var store: StoreOptions

  func run() throws {
    try reportingErrors {
      let path = store.resolved().path
      let done = try store.writing(existing: true, always: true) {
        try $0.rescoreKept(progress: DataLoading.percent(label: "keeping the scores"))
      }
      if TerminalInfo.stderrIsTerminal { Output.progress("") }
      Output.out(
        "rescored \(done.periods) quarter\(done.periods == 1 ? "" : "s") of \(path); the data and the import history are unchanged"
      )
    }
  }
}
