import ArgumentParser
import Foundation
import Presentation
import TeamStore
import TextLayout

/// `partnerboard access`: who may read what in a team store, as PostgreSQL
/// roles with row-level security (docs/team-store.md, "Access").
struct AccessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "access",
    abstract: "Who may read what in a team store: owners, managers (one book each), finance.",
    discussion: """
      A team store's logins are PostgreSQL roles. An owner imports, closes
      quarters and sees everything; a manager sees only the partners of one
      book (partners.csv's manager column) in every command, screen, export
      and in psql; finance sees the agreements and payouts of everyone and
      nothing else. PostgreSQL enforces it (row-level security), so Metabase
      or psql on the same login see the same rows.

      Run by the store's creator or another login allowed to create roles.

      Examples:
        partnerboard access grant sophie --manager "Sophie Laurent" --db postgres://admin@db/partners
        partnerboard access grant ops --owner --db postgres://admin@db/partners
        partnerboard access grant ap --finance --db postgres://admin@db/partners
        partnerboard access revoke sophie --db postgres://admin@db/partners
        partnerboard access list --db postgres://admin@db/partners
      """,
    subcommands: [AccessGrant.self, AccessRevoke.self, AccessList.self],
    defaultSubcommand: AccessList.self)
}

extension StoreOptions {
  /// The team store's address: `access` has no meaning for a SQLite file.
  func requiredTeamURL() throws -> PostgresURL {
    guard let url = try teamURL() else {
      throw CLIError(
        "access: \(Sanitizer.field(resolved().path)) is a SQLite store, which has no logins: access is for a team store (--db postgres://USER@HOST/DB)"
      )
    }
    return url
  }
}

struct AccessGrant: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant",
    abstract: "Make a login an owner, a manager of one book, or finance (in place of what it was).",
    discussion: """
      The login is created (LOGIN, no password) when it does not exist; give it
      a password with psql's \\password LOGIN, or let the server's own
      authentication (peer, certificates) admit it.

      Examples:
        partnerboard access grant sophie --manager sophie --db postgres://admin@db/partners
        partnerboard access grant ops --owner --db postgres://admin@db/partners
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "The login (a PostgreSQL role name).") var login: String
  @Option(
    help: ArgumentHelp("A manager of this book: a name, or the start of one word of it.", valueName: "name"))
  var manager: String?
  @Flag(help: "An owner: imports, closes quarters, sees everything.") var owner = false
  @Flag(help: "Finance: agreements and payouts of everyone, nothing else.") var finance = false

  func run() throws {
    try reportingErrors {
      let url = try store.requiredTeamURL()
      let chosen = [manager != nil, owner, finance].filter { $0 }.count
      guard chosen == 1 else {
        throw CLIError("access grant: expected exactly one of --manager NAME, --owner, --finance")
      }
      let role: TeamAccess.Role = owner ? .owner : finance ? .finance : .manager
      var book: String?
      if let manager {
        switch Books.resolve(manager, among: try store.open().managers()) {
        case .success(let m): book = m
        case .failure(let problem): throw CLIError("--manager: " + Books.message(problem))
        }
      }
      try TeamAccess.grant(url, login: login, role: role, manager: book)
      Output.out(AccessText.granted(login: login, role: role, manager: book))
    }
  }
}

struct AccessRevoke: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke",
    abstract: "Take a login's partnerboard role away (the login itself stays).",
    discussion: """
      Example:
        partnerboard access revoke sophie --db postgres://admin@db/partners
      """)

  @OptionGroup var store: StoreOptions
  @Argument(help: "The login.") var login: String

  func run() throws {
    try reportingErrors {
      let url = try store.requiredTeamURL()
      let had = try TeamAccess.revoke(url, login: login)
      Output.out(
        had
          ? "\(Sanitizer.field(login)) no longer reads the team store"
          : "\(Sanitizer.field(login)) had no partnerboard role: nothing changed")
    }
  }
}

struct AccessList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "Every login with a partnerboard role, and what it sees.",
    discussion: """
      Example:
        partnerboard access list --db postgres://admin@db/partners
      """)

  @OptionGroup var store: StoreOptions

  func run() throws {
    try reportingErrors {
      let grants = try TeamAccess.list(try store.requiredTeamURL())
      if grants.isEmpty {
        Output.out(
          "no login has a partnerboard role yet: `partnerboard access grant LOGIN --owner|--manager NAME|--finance`"
        )
      }
      if !grants.isEmpty { Output.out(AccessText.table(grants, width: TerminalInfo.width)) }
    }
  }
}

/// What `access` says of a grant: one home for each phrase.
enum AccessText {
  /// What a role may do and see.
  static func what(_ role: TeamAccess.Role, manager: String?) -> String {
    switch role {
    case .owner: "imports, closes quarters, sees everything"
    case .manager: "sees \(Sanitizer.field(manager ?? ""))'s book only"
    case .finance: "sees agreements and payouts, nothing else"
    }
  }

  static func sees(_ role: TeamAccess.Role, manager: String?) -> String {
    "\(role.rawValue): \(what(role, manager: manager))"
  }

  static func granted(login: String, role: TeamAccess.Role, manager: String?) -> String {
    "\(Sanitizer.field(login)) is now \(sees(role, manager: manager))"
  }

  /// The dashboard's first word on a team store: where, as whom, which book.
  static func connected(_ url: PostgresURL, book: String?) -> String {
    "team store \(Sanitizer.field(url.database))"
      + (url.user.map { " as \(Sanitizer.field($0))" } ?? "")
      + (book.map { ": \(Books.title($0)) only" } ?? "")
  }

  /// `access list`: a login a line, its role and what it sees, aligned.
  static func table(_ grants: [TeamAccess.Grant], width: Int) -> String {
    TextTable(
      columns: [.init("Login"), .init("Role"), .init("Access", wraps: true)],
      rows: grants.map { [$0.login, $0.role.rawValue, what($0.role, manager: $0.manager)] }
    ).render(width: width)
  }
}
