// ncursesw for Swift. The two defines must precede every include, or the
// wide-character API (cchar_t, setcchar, mvadd_wch, wget_wch) vanishes.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#if __has_include(<ncursesw/ncurses.h>)
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#else
#include <ncurses.h>
#include <term.h>
#endif

// Macros Swift cannot import, re-exported as constants and functions.
static const attr_t shim_A_NORMAL = A_NORMAL;
static const attr_t shim_A_BOLD = A_BOLD;
static const attr_t shim_A_DIM = A_DIM;
static const attr_t shim_A_REVERSE = A_REVERSE;
static const attr_t shim_A_UNDERLINE = A_UNDERLINE;
static const attr_t shim_A_COLOR = A_COLOR;

static const mmask_t shim_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t shim_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t shim_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t shim_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t shim_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t shim_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t shim_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t shim_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;

static inline attr_t shim_COLOR_PAIR(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int shim_KEY_F(int n) { return KEY_F(n); }

// Globals that Swift 6 rejects as shared mutable state.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline FILE *shim_stdout(void) { return stdout; }

static inline void shim_getmaxyx(WINDOW *win, int *y, int *x) {
  int yy, xx;
  getmaxyx(win, yy, xx);
  *y = yy;
  *x = xx;
}

/// 1 when terminfo knows `term` (NULL: $TERM), 0 otherwise. Leaves no
/// terminal loaded.
static inline int shim_terminal_known(const char *term) {
  int err = 0;
  TERMINAL *saved = cur_term;
  if (setupterm((char *)term, 1, &err) != OK) {
    if (saved) set_curterm(saved);
    return 0;
  }
  TERMINAL *loaded = cur_term;
  set_curterm(saved);
  if (loaded && loaded != saved) del_curterm(loaded);
  return 1;
}

/// The C library's column width for one code point in the current locale
/// (what ncurses uses to lay out cells); -1 when unprintable.
int wcwidth(wchar_t c);
static inline int shim_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// Colour pairs. ncurses 6.1 allocates pairs by their colours (alloc_pair)
// and reads them back with int colours; the ncurses 5.7 of macOS has
// neither: there, pairs are handed out in order with init_pair (ERR, -1,
// once COLOR_PAIRS are used up: the caller falls back to default colours).
#if defined(NCURSES_VERSION_MAJOR) && \
    (NCURSES_VERSION_MAJOR > 6 || (NCURSES_VERSION_MAJOR == 6 && NCURSES_VERSION_MINOR >= 1))
static inline int shim_alloc_pair(int fg, int bg) { return alloc_pair(fg, bg); }
static inline int shim_pair_content(int pair, int *fg, int *bg) {
  return extended_pair_content(pair, fg, bg);
}
// A cell with a pair beyond 32767: the extended pair goes through `opts`.
static inline int shim_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
  short shortPair = pair > 32767 ? 32767 : (short)pair;
  return setcchar(cc, wch, attrs, shortPair, &pair);
}
#else
static inline int shim_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
  return setcchar(cc, wch, attrs, (short)pair, NULL);
}
static inline int shim_alloc_pair(int fg, int bg) {
  static int next = 1;
  if (next >= COLOR_PAIRS || next > 32767) return -1;
  if (init_pair((short)next, (short)fg, (short)bg) == ERR) return -1;
  return next++;
}
static inline int shim_pair_content(int pair, int *fg, int *bg) {
  short f = 0, b = 0;
  int r = pair_content((short)pair, &f, &b);
  *fg = f;
  *bg = b;
  return r;
}
#endif
