// Frame benchmark of the dashboard (release build):
//   swift run -c release pbbench STORE.sqlite [WIDTHxHEIGHT]
// Times, in process and through the text backend:
//   first frame from the kept scores: open the store, read a screenful, draw (what the
//     dashboard shows at once, while the rest loads)
//   whole scorebook: load, score, build the state, draw one frame (when every key works)
//   per key: update(state, key) + draw, for moves, pages, sorts and period changes.
import Dashboard
import DashboardShell
import Foundation
import PartnerStore
import Scoring
import Screens
import TerminalUI

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }

let args = CommandLine.arguments
guard args.count >= 2 else {
  FileHandle.standardError.write(Data("usage: pbbench STORE.sqlite [WIDTHxHEIGHT]\n".utf8))
  exit(2)
}
let size = (args.count > 2 ? args[2] : "120x40").split(separator: "x").compactMap { Int($0) }
let glyphs = Glyphs.unicode
let theme = Theme()

let keptStart = now()
let keptStore = try PartnerStore.reading(path: args[1])
if let frame = try KeptReader(store: keptStore).leaderboard(
  rows: size[1], width: size[0], choose: { $0.count - 1 })
{
  _ = TextBackend.render(
    DashboardView.render(kept: frame, width: size[0], height: size[1], theme: theme, glyphs: glyphs))
  print(String(format: "first frame from the kept scores %.1f ms", ms(now() - keptStart)))
} else {
  print("first frame from the kept scores: none (the store's kept scores are from an older engine)")
}

let start = now()
let store = try PartnerStore(path: args[1])
let data = try store.loadDataset()
let loaded = now()
let book = Scorebook(data)
let scored = now()
var state = DashboardState(book: book, width: size[0], height: size[1])
var frame = TextBackend.render(DashboardView.render(state, theme: theme, glyphs: glyphs))
let firstFrame = now()
print(
  "partners \(book.partners.count), observations \(data.observationTable?.count ?? 0), periods \(book.periods.count), screen \(size[0])x\(size[1])"
)
print(
  String(
    format: "whole scorebook in %.1f ms (load %.1f, score %.1f, state and draw %.1f)", ms(firstFrame - start),
    ms(loaded - start), ms(scored - loaded), ms(firstFrame - scored)))

/// Presses `key` and draws the frame.
@MainActor func press(_ key: Character) {
  Update.apply(.key(.char(key)), to: &state)
  frame = TextBackend.render(DashboardView.render(state, theme: theme, glyphs: glyphs))
}

/// One timed line: the label padded to `width`, then milliseconds since `start`.
func report(_ label: String, since start: UInt64, width: Int = 34) {
  print(
    String(
      format: "%@ %6.2f ms", label.padding(toLength: width, withPad: " ", startingAt: 0), ms(now() - start)))
}

@MainActor func bench(_ label: String, _ keys: [Dashboard.Key], repeat n: Int) {
  var times: [Double] = []
  for i in 0..<n {
    let key = keys[i % keys.count]
    let t0 = now()
    Update.apply(.key(key), to: &state)
    frame = TextBackend.render(DashboardView.render(state, theme: theme, glyphs: glyphs))
    times.append(ms(now() - t0))
  }
  times.sort()
  print(
    String(
      format: "%@ median %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d frames)",
      label.padding(toLength: 34, withPad: " ", startingAt: 0) as NSString,
      times[times.count / 2], times[times.count * 95 / 100], times.last!, n))
}

bench("move (j/k)", [.char("j")], repeat: 300)
bench("page (PgDn/PgUp)", [.pageDown, .pageDown, .pageUp], repeat: 60)
bench("jump (G/g)", [.char("G"), .char("g")], repeat: 20)
bench("open detail, back", [.enter, .escape], repeat: 20)
// The screens' models built ahead on the second core after the first frame
// (`.prefetch`), then the first open of each screen with them in place.
state = DashboardState(book: book, width: size[0], height: size[1])
var t0 = now()
let ahead = state.preparedAhead()
print(
  String(
    format: "built ahead (2nd core)   %6.2f ms (overview, trends, changes, payouts, fairness)", ms(now() - t0)
  ))
for (name, key) in [
  ("overview", "3"), ("trends", "4"), ("changes", "5"), ("payouts", "6"), ("fairness", "7"),
]
  as [(String, Character)]
{
  state = DashboardState(book: book, width: size[0], height: size[1])
  Update.apply(.prefetched(ahead), to: &state)
  let t = now()
  press(key)
  report("\(name) first open, built ahead", since: t)
}
// First open of the overview and trends right after the scorebook is in,
// before the screens built ahead: with the kept numbers adopted, as the
// dashboard does.
do {
  let last = book.periods.count - 1
  var (loading, effects) = AppState.loading(period: last, width: size[0], height: size[1])
  while !effects.isEmpty {
    if case .readKept(let request) = effects.removeFirst() {
      effects += Update.apply(KeptReader(store: store).answer(request, period: last), to: &loading)
    }
  }
  for (name, key) in [("overview", "3"), ("trends", "4")] as [(String, Character)] {
    var app = loading
    Update.apply(.reloaded(book), to: &app)
    state = app.ready!
    let t = now()
    press(key)
    report("\(name) first open, kept numbers", since: t)
  }
}
// First open of each screen (its model is built then), from a fresh state.
for (name, key) in [("overview", "3"), ("changes", "5"), ("payouts", "6"), ("fairness", "7")]
  as [(String, Character)]
{
  state = DashboardState(book: book, width: size[0], height: size[1])
  let t = now()
  press(key)
  report("\(name) first frame", since: t, width: 24)
  bench("\(name), move (j)", [.char("j")], repeat: 20)
}
state = DashboardState(book: book, width: size[0], height: size[1])
bench("screens in turn (Tab)", [.tab], repeat: 20)
Update.apply(.command(.show(.leaderboard)), to: &state)
t0 = now()
_ = TrendsModel(book: book, period: book.periods.count - 1, filter: PartnerFilter(), kpi: 0)
print(String(format: "trends model alone       %6.2f ms", ms(now() - t0)))
t0 = now()
state = DashboardState(book: book, width: size[0], height: size[1])
Update.apply(.command(.show(.trends)), to: &state)
frame = TextBackend.render(DashboardView.render(state, theme: theme, glyphs: glyphs))
print(
  String(
    format: "trends first frame       %6.2f ms (every KPI's statistics at every quarter)", ms(now() - t0)))
bench("trends, next KPI (j/k)", [.char("j"), .char("j"), .char("k")], repeat: 15)
t0 = now()
Update.apply(.key(.char("m")), to: &state)
frame = TextBackend.render(DashboardView.render(state, theme: theme, glyphs: glyphs))
bench("trends, mover (j)", [.char("j")], repeat: 20)
Update.apply(.command(.show(.leaderboard)), to: &state)
bench("sort (s)", [.char("s")], repeat: 18)
bench("period ([ ]), by rank", [.char("["), .char("]")], repeat: 10)
// Every column in turn (the column cursor `>`, then `s` twice: both
// directions), with the sort orders warmed as after the first frame.
state = DashboardState(book: book, width: size[0], height: size[1])
Update.apply(.prefetched(state.preparedAhead()), to: &state)
bench("sort each column (> s s)", [.char(">"), .char("s"), .char("s")], repeat: 36)
bench("period ([ ]), by a column", [.char("["), .char("]")], repeat: 10)
if frame.isEmpty { print("empty frame") }
