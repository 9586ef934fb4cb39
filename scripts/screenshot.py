#!/usr/bin/env python3
"""A PNG of the dashboard as a terminal shows it, for the README.

  python3 scripts/screenshot.py [--size 120x32] [--keys "..."] OUT.png

Runs the debug binary on a store built from sample-data/ in a tmux window of
the given size, sends the keys (tmux key names, space-separated), captures the
pane with its colours (capture-pane -e), turns the ANSI colours into HTML and
has headless Chromium take the picture. Needs tmux and chromium.
"""
import argparse
import html
import os
import re
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# xterm-256 palette: 16 system colours, a 6x6x6 cube, 24 greys.
BASE16 = ["000000", "cd3131", "0dbc79", "e5e510", "2472c8", "bc3fbc", "11a8cd", "e5e5e5",
          "666666", "f14c4c", "23d18b", "f5f543", "3b8eea", "d670d6", "29b8db", "ffffff"]


def color(n):
    if n < 16:
        return "#" + BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def to_html(text, fg="#d4d4d4", bg="#1e1e1e"):
    out = []
    state = {"fg": None, "bg": None, "bold": False, "dim": False, "rev": False, "ul": False}
    pos = 0
    for m in re.finditer(r"\x1b\[([0-9;]*)m", text):
        out.append((dict(state), text[pos:m.start()]))
        pos = m.end()
        codes = [int(c) if c else 0 for c in m.group(1).split(";")] or [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                state = {"fg": None, "bg": None, "bold": False, "dim": False, "rev": False, "ul": False}
            elif c == 1: state["bold"] = True
            elif c == 2: state["dim"] = True
            elif c == 4: state["ul"] = True
            elif c == 7: state["rev"] = True
            elif c == 22: state["bold"] = state["dim"] = False
            elif c == 24: state["ul"] = False
            elif c == 27: state["rev"] = False
            elif 30 <= c <= 37: state["fg"] = color(c - 30)
            elif 90 <= c <= 97: state["fg"] = color(c - 90 + 8)
            elif 40 <= c <= 47: state["bg"] = color(c - 40)
            elif c == 39: state["fg"] = None
            elif c == 49: state["bg"] = None
            elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                state["fg" if c == 38 else "bg"] = color(codes[i + 2])
                i += 2
            i += 1
    out.append((dict(state), text[pos:]))
    spans = []
    for st, chunk in out:
        if not chunk:
            continue
        f, b = st["fg"] or fg, st["bg"] or bg
        if st["rev"]:
            f, b = b, f
        style = "color:%s;background:%s;" % (f, b)
        if st["bold"]: style += "font-weight:bold;"
        if st["dim"]: style += "opacity:0.6;"
        if st["ul"]: style += "text-decoration:underline;"
        spans.append('<span style="%s">%s</span>' % (style, html.escape(chunk)))
    return ("<html><body style='margin:0;background:%s'><pre style=\"margin:8px;font:14px/1.25 'DejaVu Sans Mono',monospace;"
            "color:%s\">%s</pre></body></html>" % (bg, fg, "".join(spans)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--size", default="120x32")
    ap.add_argument("--keys", default="")
    a = ap.parse_args()
    w, h = (int(x) for x in a.size.split("x"))
    exe = os.path.join(ROOT, ".build", "debug", "partnerboard")
    tmp = tempfile.mkdtemp()
    db = os.path.join(tmp, "s.sqlite")
    subprocess.run([exe, "init", "--from", os.path.join(ROOT, "sample-data"), "--db", db], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    name = "pbshot%d" % os.getpid()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", str(w), "-y", str(h),
                    "env TERM=xterm-256color LANG=C.UTF-8 %s --db %s" % (exe, db)], check=True)
    try:
        time.sleep(1.5)
        for k in a.keys.split():
            subprocess.run(["tmux", "send-keys", "-t", name, k], check=True)
            time.sleep(0.3)
        time.sleep(0.8)
        text = subprocess.run(["tmux", "capture-pane", "-e", "-p", "-t", name], check=True,
                              capture_output=True, text=True).stdout
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name])
    page = os.path.join(tmp, "shot.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(to_html(text))
    px_w, px_h = int(w * 8.45) + 16, int(h * 17.5) + 16
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=%d,%d" % (px_w, px_h), "--screenshot=%s" % os.path.abspath(a.out),
                    "file://" + page], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("wrote", a.out)


if __name__ == "__main__":
    main()
