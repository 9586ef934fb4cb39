import PartnerStore
import Presentation
import Reports
import Scoring
import TextLayout

/// Finds a partner by id (NFC, as stored), else by a piece of its name or id
/// with case and accents aside (`PartnerSearch`). With a book (`--manager`),
/// only that manager's partners are found.
enum LookupPartner {
  static func find(_ query: String, in book: Scorebook, manager: String? = nil) throws -> Int {
    if let p = book.partnerIndex(id: TextKeys.id(query)) {
      try check(book.partners[p], in: manager)
      return p
    }
    return try find(query, among: book.partners, manager: manager)
  }

  /// A partner named by id outside the book asked for is an error that says whose it is.
  static func check(_ partner: Partner, in manager: String?) throws {
    guard let manager, partner.manager != manager else { return }
    let whose = partner.manager.map { "is in \(Books.title($0))" } ?? "has no manager"
    throw CLIError(
      "\(Sanitizer.field(partner.name)) (\(Sanitizer.field(partner.id))) \(whose), not \(Books.title(manager)) (--manager all for every partner)"
    )
  }

  /// The partner `query` names among `partners` (by a piece of name or id),
  /// of `manager`'s book when one is given.
  static func find(_ query: String, among partners: [Partner], manager: String? = nil) throws -> Int {
    let search = PartnerSearch(query)
    let matches = partners.indices.filter {
      search.matches(partners[$0]) && (manager == nil || partners[$0].manager == manager)
    }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      let book = manager.map { " in \(Books.title($0))" } ?? ""
      throw CLIError(
        "no partner\(book) matches \"\(Sanitizer.quoted(query))\". Try a piece of the name, or list them with `partnerboard leaderboard`."
      )
    }
    let list = matches.prefix(20).map { "  \(partners[$0].id)  \(partners[$0].name)" }
    throw CLIError(
      "\"\(query)\" matches \(matches.count) partners; name one by id:\n" + list.joined(separator: "\n")
        + (matches.count > 20 ? "\n  …" : ""))
  }

  /// The partner's evaluation at `t`, or an error that says why there is none.
  static func evaluation(_ p: Int, _ t: Int, in book: Scorebook) throws -> PartnerEvaluation {
    if let e = book.evaluation(partner: p, period: t) { return e }
    let partner = book.partners[p]
    if book.firstPeriod[p] < 0 {
      throw CLIError("\(partner.name) (\(partner.id)) has no data yet: no observation in metrics.csv")
    }
    throw CLIError(
      "\(partner.name) (\(partner.id)) is not evaluated in \(book.periods[t]): its data starts in \(book.periods[book.firstPeriod[p]])"
    )
  }

  /// The partner `query` names, read on its own; nil when the store has no
  /// current kept scores (an older store not yet rescored): score everyone.
  /// An exact id is one indexed lookup; otherwise the kept search keys
  /// narrow the partners and the search decides.
  static func alone(_ query: String, period: PeriodOption, store s: PartnerStore, manager: String? = nil)
    throws -> PartnerAlone?
  {
    guard let view = try s.keptView() else { return nil }
    let t = try period.index(in: view.periods)
    let partner: Partner
    if let exact = try s.partner(id: TextKeys.id(query)) {
      try check(exact, in: manager)
      partner = exact
    } else {
      let candidates = try s.partners(searching: PartnerSearch(query).key)
      partner = candidates[try find(query, among: candidates, manager: manager)]
    }
    return try s.alone(partner, view: view, period: t)
  }

  /// One partner's evaluation for `tier` and `explain`. With current kept
  /// scores it reads that partner's rows only; otherwise, or for an older
  /// store, it scores everyone.
  static func evaluate(_ query: String, period: PeriodOption, store: StoreOptions, book: BookOption) throws
    -> (
      PartnerEvaluation, Program
    )
  {
    let s = try store.open()
    let manager = try book.resolve(among: try s.managers())
    if let one = try alone(query, period: period, store: s, manager: manager) {
      if let e = one.evaluation { return (e, one.book.program) }
      _ = try evaluation(0, one.period, in: one.book)  // throws why there is none
    }
    let book = Scorebook(try s.loadDataset())
    let t = try period.index(in: book)
    return (try evaluation(try find(query, in: book, manager: manager), t, in: book), book.program)
  }
}
