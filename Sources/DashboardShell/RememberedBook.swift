import Foundation
import Platform

/// The book a dashboard showed last, per store, for the next start: a
/// JSON object from the store's absolute path to the manager's name, in
/// `$XDG_STATE_HOME/partnerboard/books.json` (`~/.local/state/...` when
/// unset), mode 0600. `--manager` on the command line wins over it; a
/// remembered manager the store no longer names is ignored.
public enum RememberedBook {
  /// The file, from the environment.
  public static func file(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/partnerboard/books.json"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/state/partnerboard/books.json"
  }

  /// The key of a store: its absolute, standardised path; a team store's
  /// address (shown without its password) as it is.
  static func key(_ store: String) -> String {
    if store.contains("://") { return store }
    let url = URL(fileURLWithPath: store)
    return url.standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// The manager remembered for `store`, if any.
  public static func load(store: String, file: String? = file()) -> String? {
    guard let file, let data = FileManager.default.contents(atPath: file),
      let books = try? JSONDecoder().decode([String: String].self, from: data)
    else { return nil }
    return books[key(store)]
  }

  /// Remembers `manager` for `store` (nil forgets it).
  public static func save(_ manager: String?, store: String, file: String? = file()) throws {
    guard let file else { return }
    var books: [String: String] = [:]
    if let data = FileManager.default.contents(atPath: file),
      let read = try? JSONDecoder().decode([String: String].self, from: data)
    {
      books = read
    }
    books[key(store)] = manager
    let folder = (file as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    try PrivateFile.write(
      String(decoding: try encoder.encode(books), as: UTF8.self), to: file, replacing: true)
  }
}
