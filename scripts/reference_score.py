#!/usr/bin/env python3
"""Independent reference implementation of SPEC.md sections 3-8, 10 and 11 (stdlib only).

Used to cross-check the Swift engine. Deliberately plain: no caching tricks,
one loop per formula, in the order the spec gives.

  python3 scripts/reference_score.py DATA_DIR score [--period P]
      the section 8 JSON array for period P (default: the latest), rank order
  python3 scripts/reference_score.py DATA_DIR score --all
      {period: array} for every period of the program
  python3 scripts/reference_score.py DATA_DIR payouts
      the section 7/8 payouts array, in agreements.csv order
  python3 scripts/reference_score.py DATA_DIR explain PARTNER_ID [--period P]
      tier checks, unmet requirements and "what it takes" (section 5)
  python3 scripts/reference_score.py DATA_DIR compare OTHER.toml [--period P]
      the section 10 JSON object: the data under the folder's program and OTHER
  python3 scripts/reference_score.py DATA_DIR fairness [--by segment|region] [--period P]
      the section 11 JSON array

Choices where the spec leaves room (kept in line with what a channel manager
expects; each is a comment at the place it applies):
  * round(x, n): x * 10**n, rounded half away from zero *exactly* (the
    fraction is compared with 0.5, which is what Swift's
    .toNearestOrAwayFromZero does), then / 10**n. math.floor(abs(y) + 0.5)
    gives the same result except where abs(y) + 0.5 itself rounds (e.g.
    y = 0.49999999999999994), so the exact form is used.
  * "attainment" in the JSON is a rounded to 4 decimals, and 0 when the value
    is missing or there is no baseline (section 4 step 3: a = 0 then). For a
    not-applicable KPI the attainment is still computed from its value (it
    earns no points because its weight is 0).
  * slope: least squares with x = 0..m-1, mean-centred:
    sum((x - mx) * (y - my)) / sum((x - mx)^2), my = (sum of y in order) / m.
    (The spec's 31.15 and 16.92 are exact halves in decimal; this form gives
    31.145000000000003 and 16.915000000000003, so 31.15 and 16.92. The
    textbook (n*Sxy - Sx*Sy) / (n*Sxx - Sx^2) form gives 31.144999999999992,
    i.e. 31.14: the spec figure depends on the formula.)
  * projection = rounded score + unrounded slope; no slope -> no projection,
    so neither "rising" nor "at risk" by projection (grace still counts).
  * progress is 1 at the top tier (no next tier; the bar is full).
  * a partner's first period is the first with any observation, counting
    rows of unscored KPIs and adjustments that add an observation.
  * payouts: "share" in the JSON is the share actually paid,
    max(s, floor_share) with s = schedule(r), and s taken as 0 when r is
    missing (section 8 lets only value/attainment be null, and section 9's X3
    pays "the floor share 0.1"); payout = max_payout * attribution * share.
  * compare: a partner's tier "changes" when the tier ids differ; the payout
    sums add the cent-rounded payouts, then round to cents.
  * fairness: means of scores sum the rounded scores in rank order; the
    credit means sum in rank order, the group's and the others' separately;
    d and the gap are rounded (4 and 2 decimals) before they are compared
    with 0.1 and the margin, so a difference of exactly 0.1 is not a drag.
  * integral numbers are printed without a fractional part (512000, not
    512000.0); all are JSON numbers either way.
"""
import argparse
import unicodedata
import bisect
import csv
import json
import math
import os
import re
import sys
import tomllib

PERIOD_RE = re.compile(r"^(\d{4})Q([1-4])$")
NUMBER_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


# ---------------------------------------------------------------- helpers


def spec_round(x, n):
    """round(x, n) of SPEC section 4: half away from zero."""
    scale = 1.0
    for _ in range(n):
        scale *= 10
    y = x * scale
    ay = abs(y)
    f = math.floor(ay)
    r = f + 1 if ay - f >= 0.5 else f  # ay - f is exact for binary64
    r = float(r)
    if y < 0:
        r = -r
    return r / scale


def period_index(s, where):
    m = PERIOD_RE.match(s)
    if not m:
        raise ValueError("%s: period %r is not YYYYQn" % (where, s))
    return int(m.group(1)) * 4 + int(m.group(2)) - 1


def period_name(i):
    return "%dQ%d" % (i // 4, i % 4 + 1)


def number(s, where):
    if s is None or not NUMBER_RE.match(s.strip()):
        raise ValueError("%s: %r is not a number" % (where, s))
    return float(s)


def read_csv(path):
    """Rows as dicts with (line, row) for messages; utf-8-sig drops a BOM."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        rows = []
        for row in reader:
            rows.append((reader.line_num, row))
        return rows


def need(row, col, where):
    v = row.get(col)
    if v is None:
        raise ValueError("%s: missing column %r" % (where, col))
    return v


def num_out(x):
    """A JSON number: integral floats without '.0'."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


# ---------------------------------------------------------------- loading


class Program:
    def __init__(self, path):
        with open(path, "rb") as f:
            doc = tomllib.load(f)
        prog = doc["program"]
        self.name = prog["name"]
        self.currency = prog["currency"]
        self.window = int(prog["window"])
        self.grace_periods = int(prog.get("grace_periods", 0))
        if not 1 <= self.window <= 12 or not 0 <= self.grace_periods <= 8:
            raise ValueError("program: window or grace_periods out of range")
        self.segments = [s["id"] for s in doc["segment"]]
        self.kpis = []
        for k in doc["kpi"]:
            kpi = {
                "id": k["id"],
                "aggregate": k["aggregate"],
                "basis": k["basis"],
                "unit": k.get("unit"),
                "weight": float(k.get("weight", 0)),
                "weights": {s: float(w) for s, w in k.get("weights", {}).items()},
            }
            if kpi["aggregate"] not in ("sum", "mean", "last"):
                raise ValueError("kpi %s: aggregate %r" % (k["id"], kpi["aggregate"]))
            if kpi["basis"] == "absolute":
                kpi["target"] = float(k["target"])
                kpi["threshold"] = float(k.get("threshold", 0))
                kpi["targets"] = {s: float(v) for s, v in k.get("targets", {}).items()}
                kpi["thresholds"] = {s: float(v) for s, v in k.get("thresholds", {}).items()}
                # Direction of an absolute KPI: lower is better when threshold > target.
                kpi["lower_is_better"] = kpi["threshold"] > kpi["target"]
            elif kpi["basis"] == "improvement":
                kpi["target_improvement"] = float(k["target_improvement"])
                kpi["direction"] = k["direction"]
                if kpi["direction"] not in ("higher", "lower"):
                    raise ValueError("kpi %s: direction %r" % (k["id"], kpi["direction"]))
                kpi["lower_is_better"] = kpi["direction"] == "lower"
            else:
                raise ValueError("kpi %s: basis %r" % (k["id"], kpi["basis"]))
            self.kpis.append(kpi)
        self.kpi_ids = [k["id"] for k in self.kpis]
        self.tiers = []
        for t in doc["tier"]:
            req = [(kid, float(v)) for kid, v in t.get("require", {}).items()]
            for kid, _ in req:
                if kid not in self.kpi_ids:
                    raise ValueError("tier %s: require names unknown KPI %s" % (t["id"], kid))
            self.tiers.append({"id": t["id"], "min_score": float(t["min_score"]), "require": req})
        if self.tiers[0]["min_score"] != 0 or self.tiers[0]["require"]:
            raise ValueError("first tier must have min_score 0 and no require")
        self.schedule = [(float(r), float(s)) for r, s in doc["payout"]["schedule"]]
        self.fairness_margin = float(doc.get("review", {}).get("fairness_margin", 10))
        # Section 15: badges, in the file's order.
        self.badges = []
        for b in doc.get("badge", []):
            rule = b["rule"]
            if rule == "top":
                self.badges.append({"id": b["id"], "rule": rule, "percent": float(b["percent"]),
                                    "scope": b.get("scope", "program")})
            elif rule == "improving":
                if b["kpi"] not in self.kpi_ids:
                    raise ValueError("badge %s: unknown KPI %s" % (b["id"], b["kpi"]))
                self.badges.append({"id": b["id"], "rule": rule, "kpi": b["kpi"], "quarters": int(b["quarters"])})
            elif rule == "promoted":
                self.badges.append({"id": b["id"], "rule": rule})
            else:
                raise ValueError("badge %s: rule %r" % (b["id"], rule))
        if not self.fairness_margin > 0:
            raise ValueError("review: fairness_margin must be > 0")
        self.segment_names = {s["id"]: s["name"] for s in doc["segment"]}
        # Weights per segment, normalised (section 4 step 5), sum in KPI order.
        self.norm_weights = {}
        for s in self.segments:
            raw = [k["weights"].get(s, k["weight"]) for k in self.kpis]
            total = 0.0
            for w in raw:
                total += w
            if total <= 0:
                raise ValueError("segment %s: all weights are 0" % s)
            self.norm_weights[s] = [w / total for w in raw]

    def target(self, kpi, seg):
        return kpi["targets"].get(seg, kpi["target"])

    def threshold(self, kpi, seg):
        return kpi["thresholds"].get(seg, kpi["threshold"])

    def share(self, r):
        """Piecewise linear through the schedule, flat outside it."""
        pts = self.schedule
        if r <= pts[0][0]:
            return pts[0][1]
        if r >= pts[-1][0]:
            return pts[-1][1]
        for i in range(1, len(pts)):
            r0, s0 = pts[i - 1]
            r1, s1 = pts[i]
            if r <= r1:
                return s0 + (r - r0) / (r1 - r0) * (s1 - s0)
        return pts[-1][1]


class Data:
    def __init__(self, folder, program_path=None):
        """`program_path`: score the folder's data under another program
        (section 10): adjustments and agreements on KPIs it lacks are kept
        aside instead of being errors."""
        self.other = program_path is not None
        self.closed_through = None  # section 3: set by --closed-through
        # Section 13: cohorts.csv, {cohort: (start index, [partner ids])}.
        self.cohorts = {}
        cpath = os.path.join(folder, "cohorts.csv")
        if os.path.exists(cpath):
            for line, row in read_csv(cpath):
                start = period_index(row["start"], "cohorts.csv:%d" % line)
                entry = self.cohorts.setdefault(row["cohort"], [start, []])
                if entry[0] != start:
                    raise ValueError("cohorts.csv:%d: another start" % line)
                entry[1].append(row["partner_id"])
        self.program = Program(program_path or os.path.join(folder, "program.toml"))
        prog = self.program

        self.partners = []
        self.partner = {}
        for line, row in read_csv(os.path.join(folder, "partners.csv")):
            where = "partners.csv:%d" % line
            p = {c: need(row, c, where) for c in ("id", "name", "segment", "region")}
            if p["id"] in self.partner:
                raise ValueError("%s: repeated partner id %s" % (where, p["id"]))
            if p["segment"] not in prog.segments:
                raise ValueError("%s: unknown segment %s" % (where, p["segment"]))
            self.partners.append(p)
            self.partner[p["id"]] = p

        # obs[(pid, kpi)] = {period index: (value, adjusted)}
        self.obs = {}
        self.unscored = set()
        seen_periods = []
        for line, row in read_csv(os.path.join(folder, "metrics.csv")):
            where = "metrics.csv:%d" % line
            pid = need(row, "partner_id", where)
            if pid not in self.partner:
                raise ValueError("%s: unknown partner %s" % (where, pid))
            t = period_index(need(row, "period", where), where)
            kid = need(row, "kpi", where)
            v = number(need(row, "value", where), where)
            cell = self.obs.setdefault((pid, kid), {})
            if t in cell:
                raise ValueError("%s: repeated row %s %s %s" % (where, pid, row["period"], kid))
            cell[t] = (v, False)
            seen_periods.append(t)
            if kid not in prog.kpi_ids:
                self.unscored.add(kid)
        if not seen_periods:
            raise ValueError("metrics.csv has no rows")
        self.t0 = min(seen_periods)
        self.t1 = max(seen_periods)
        self.periods = list(range(self.t0, self.t1 + 1))

        path = os.path.join(folder, "adjustments.csv")
        if os.path.exists(path):
            for line, row in read_csv(path):
                where = "adjustments.csv:%d" % line
                pid = need(row, "partner_id", where)
                t = period_index(need(row, "period", where), where)
                kid = need(row, "kpi", where)
                v = number(need(row, "value", where), where)
                if self.other and kid not in prog.kpi_ids:
                    # Under another program: not scored, but kept for the
                    # valuation of agreements on this KPI (section 10).
                    self.obs.setdefault((pid, kid), {})[t] = (v, True)
                    continue
                if pid not in self.partner or kid not in prog.kpi_ids or not self.t0 <= t <= self.t1:
                    raise ValueError("%s: bad adjustment" % where)
                if not need(row, "reason", where).strip() or not need(row, "approved_by", where).strip():
                    raise ValueError("%s: reason and approved_by must be non-empty" % where)
                self.obs.setdefault((pid, kid), {})[t] = (v, True)

        # First period of each partner: any observation (scored or not).
        self.first = {}
        for (pid, _kid), cell in self.obs.items():
            for t in cell:
                if pid not in self.first or t < self.first[pid]:
                    self.first[pid] = t

        self.agreements = []
        path = os.path.join(folder, "agreements.csv")
        if os.path.exists(path):
            ids = set()
            for line, row in read_csv(path):
                where = "agreements.csv:%d" % line
                a = {c: need(row, c, where) for c in ("id", "partner_id", "kpi", "period")}
                if a["id"] in ids or a["partner_id"] not in self.partner or (
                        a["kpi"] not in prog.kpi_ids and not self.other):
                    raise ValueError("%s: bad agreement" % where)
                ids.add(a["id"])
                a["t"] = period_index(a["period"], where)
                for c in ("baseline", "target", "max_payout"):
                    a[c] = number(need(row, c, where), where)
                a["attribution"] = number(row["attribution"], where) if (row.get("attribution") or "").strip() else 1.0
                a["floor_share"] = number(row["floor_share"], where) if (row.get("floor_share") or "").strip() else 0.0
                if a["target"] == a["baseline"] or a["max_payout"] < 0:
                    raise ValueError("%s: target == baseline or negative max_payout" % where)
                self.agreements.append(a)

        self._eval = None

    # ------------------------------------------------------------ section 4

    def evaluated(self, pid, t):
        return pid in self.first and self.first[pid] <= t

    def aggregate(self, pid, kid, t, kpi=None, window=None):
        """v(k, t) over W(t): (value or None, any observation adjusted).
        `kpi` and `window` override the program's (section 10's valuation of
        an agreement on a KPI the program lacks)."""
        if pid not in self.first:
            return None, False
        if kpi is None:
            kpi = self.program.kpis[self.program.kpi_ids.index(kid)]
        lo = max(t - (window or self.program.window) + 1, self.first[pid])
        cell = self.obs.get((pid, kid), {})
        values = []
        adjusted = False
        for u in range(lo, t + 1):  # period order
            if u in cell:
                values.append(cell[u][0])
                adjusted = adjusted or cell[u][1]
        if not values:
            return None, adjusted
        if kpi["aggregate"] == "sum":
            s = 0.0
            for x in values:
                s += x
            return s, adjusted
        if kpi["aggregate"] == "mean":
            s = 0.0
            for x in values:
                s += x
            return s / len(values), adjusted
        return values[-1], adjusted

    def kpi_eval(self, pid, t):
        prog = self.program
        seg = self.partner[pid]["segment"]
        weights = prog.norm_weights[seg]
        out = []
        for i, kpi in enumerate(prog.kpis):
            w = weights[i]
            v, adj = self.aggregate(pid, kpi["id"], t)
            b = None
            if kpi["basis"] == "improvement":
                b, badj = self.aggregate(pid, kpi["id"], t - prog.window)
                adj = adj or badj
            a = None
            if v is not None:
                if kpi["basis"] == "absolute":
                    tg, th = prog.target(kpi, seg), prog.threshold(kpi, seg)
                    a = (v - th) / (tg - th)
                elif b is not None and b != 0:
                    if kpi["direction"] == "higher":
                        g = (v - b) / abs(b)
                    else:
                        g = (b - v) / abs(b)
                    a = g / kpi["target_improvement"]
            c = min(max(a, 0.0), 1.0) if a is not None else 0.0
            p = 100 * w * c
            if w == 0:
                status = "not_applicable"
            elif v is None:
                status = "missing"
            elif kpi["basis"] == "improvement" and (b is None or b == 0):
                status = "no_baseline"
            elif adj:
                status = "adjusted"
            else:
                status = "ok"
            out.append({"kpi": kpi["id"], "value": v, "baseline": b, "attainment": a,
                        "credit": c, "weight": w, "points": p, "status": status})
        return out

    # ------------------------------------------------------------ section 5

    def requirement_checks(self, pid, t, tier):
        prog = self.program
        seg = self.partner[pid]["segment"]
        checks = []
        for kid, req in tier["require"]:
            i = prog.kpi_ids.index(kid)
            kpi = prog.kpis[i]
            v, _ = self.aggregate(pid, kid, t)
            if prog.norm_weights[seg][i] == 0:
                outcome = "waived"
            elif v is None:
                outcome = "unmet"
            elif kpi["lower_is_better"]:
                outcome = "met" if v <= req else "unmet"
            else:
                outcome = "met" if v >= req else "unmet"
            checks.append({"kpi": kid, "required": req, "current": v, "outcome": outcome})
        return checks

    def qualified(self, pid, t, score):
        q = 0
        for i, tier in enumerate(self.program.tiers):
            if tier["min_score"] <= score and all(
                    c["outcome"] != "unmet" for c in self.requirement_checks(pid, t, tier)):
                q = i
        return q

    # ------------------------------------------------------------ everything

    def evaluate_all(self):
        """Per period index: {pid: record}, computed in period order."""
        if self._eval is not None:
            return self._eval
        prog = self.program
        tiers = prog.tiers
        ev = {}
        state = {}  # pid -> (assigned tier index, shortfall count)
        history = {}  # pid -> list of rounded scores, period order
        for t in self.periods:
            recs = {}
            for p in self.partners:
                pid = p["id"]
                if not self.evaluated(pid, t):
                    continue
                kpis = self.kpi_eval(pid, t)
                total = 0.0
                for k in kpis:  # program KPI order
                    total += k["points"]
                score = spec_round(total, 2)
                q = self.qualified(pid, t, score)
                if pid not in state:
                    T, count = q, 0
                else:
                    prev, count = state[pid]
                    if q >= prev:
                        T, count = q, 0
                    else:
                        count += 1
                        if count <= prog.grace_periods:
                            T = prev
                        else:
                            T, count = q, 0
                state[pid] = (T, count)
                grace = count if T != q and count > 0 else 0
                history.setdefault(pid, []).append(score)
                recs[pid] = {"pid": pid, "score": score, "kpis": kpis, "q": q, "T": T, "grace": grace,
                             "slope": slope(history[pid][-4:])}
            # Ranks: 1 + the number of partners with a strictly higher score
            # (counted with bisect on the sorted scores; ties share a rank).
            asc = sorted(r["score"] for r in recs.values())
            seg_asc = {}
            for pid, r in recs.items():
                seg_asc.setdefault(self.partner[pid]["segment"], []).append(r["score"])
            for v in seg_asc.values():
                v.sort()
            for pid, r in recs.items():
                seg = self.partner[pid]["segment"]
                r["rank"] = 1 + len(asc) - bisect.bisect_right(asc, r["score"])
                r["segment_rank"] = 1 + len(seg_asc[seg]) - bisect.bisect_right(seg_asc[seg], r["score"])
                prev = ev.get(t - 1, {}).get(pid)
                r["movement"] = prev["rank"] - r["rank"] if prev else None
                # Progress, risk, rising.
                T = tiers[r["T"]]
                N = tiers[r["T"] + 1] if r["T"] + 1 < len(tiers) else None
                r["next"] = N
                if N is not None:
                    r["points_needed"] = max(0.0, N["min_score"] - r["score"])
                    pr = (r["score"] - T["min_score"]) / (N["min_score"] - T["min_score"])
                    r["progress"] = min(max(pr, 0.0), 1.0)
                else:
                    r["points_needed"] = None
                    r["progress"] = 1.0
                # Keeping the tier (section 5): only while in grace.
                r["keep_points_needed"] = max(0.0, T["min_score"] - r["score"]) if r["grace"] > 0 else None
                proj = r["score"] + r["slope"] if r["slope"] is not None else None
                r["projection"] = proj
                r["at_risk"] = r["grace"] > 0 or (r["T"] > 0 and proj is not None and proj < T["min_score"])
                r["rising"] = N is not None and proj is not None and proj >= N["min_score"]
            ev[t] = recs
        self._eval = ev
        return ev

    def order(self, t):
        recs = self.evaluate_all()[t]
        return sorted(recs.values(),
                      key=lambda r: (-r["score"], self.partner[r["pid"]]["name"], r["pid"]))

    def score_json(self, t):
        prog = self.program
        out = []
        for r in self.order(t):
            p = self.partner[r["pid"]]
            kpis = []
            for k in r["kpis"]:
                kpis.append({
                    "kpi": k["kpi"],
                    "value": num_out(spec_round(k["value"], 4)) if k["value"] is not None else None,
                    "attainment": num_out(spec_round(k["attainment"], 4)) if k["attainment"] is not None else 0,
                    "points": num_out(spec_round(k["points"], 2)),
                    "status": k["status"],
                })
            out.append({
                "partner_id": p["id"], "name": p["name"], "segment": p["segment"],
                "period": period_name(t), "score": num_out(r["score"]), "rank": r["rank"],
                "segment_rank": r["segment_rank"], "movement": r["movement"],
                "qualified_tier": prog.tiers[r["q"]]["id"], "tier": prog.tiers[r["T"]]["id"],
                "grace": r["grace"],
                "next_tier": r["next"]["id"] if r["next"] else None,
                "points_needed": num_out(spec_round(r["points_needed"], 2)) if r["points_needed"] is not None else None,
                "keep_points_needed": num_out(spec_round(r["keep_points_needed"], 2))
                if r["keep_points_needed"] is not None else None,
                "progress": num_out(spec_round(r["progress"], 4)),
                "at_risk": r["at_risk"], "rising": r["rising"],
                "slope": num_out(spec_round(r["slope"], 2)) if r["slope"] is not None else None,
                "provisional": self.provisional(t),
                "badges": self.badges_of(r["pid"], t),
                "kpis": kpis,
            })
        return out

    def explain(self, pid, t):
        """Section 5 detail: tier checks, unmet requirements of N, what it takes."""
        prog = self.program
        r = self.evaluate_all()[t][pid]
        seg = self.partner[pid]["segment"]
        checks = [{"tier": tier["id"], "score_met": tier["min_score"] <= r["score"],
                   "requirements": self.requirement_checks(pid, t, tier)} for tier in prog.tiers]
        unmet = [c for c in checks[r["T"] + 1]["requirements"] if c["outcome"] == "unmet"] if r["next"] else []
        takes = []
        gap = r["points_needed"]
        for i, k in enumerate(r["kpis"]):
            kpi = prog.kpis[i]
            w = k["weight"]
            if w == 0:
                continue
            h = 100 * w * (1 - k["credit"])
            needed = None
            if gap is not None and gap > 0 and h >= gap:
                c2 = k["credit"] + gap / (100 * w)
                if kpi["basis"] == "absolute":
                    tg, th = prog.target(kpi, seg), prog.threshold(kpi, seg)
                    needed = th + c2 * (tg - th)
                elif k["baseline"] is not None:
                    b = k["baseline"]
                    ti = kpi["target_improvement"]
                    needed = b * (1 + c2 * ti) if kpi["direction"] == "higher" else b * (1 - c2 * ti)
            takes.append({"kpi": k["kpi"], "current": k["value"], "headroom": h, "needed": needed})
        return {"partner_id": pid, "period": period_name(t), "tier_checks": checks,
                "unmet_requirements": unmet, "what_it_takes": takes}

    # ------------------------------------------------------------ section 7

    def payouts_json(self):
        out = []
        for a in self.agreements:
            v = None
            if self.t0 <= a["t"] <= self.t1:
                v, _ = self.aggregate(a["partner_id"], a["kpi"], a["t"]) if self.evaluated(a["partner_id"], a["t"]) else (None, False)
            r = (v - a["baseline"]) / (a["target"] - a["baseline"]) if v is not None else None
            s = self.program.share(r) if r is not None else None
            paid = max(s if s is not None else 0.0, a["floor_share"])
            payout = spec_round(a["max_payout"] * a["attribution"] * paid, 2)
            out.append({
                "id": a["id"], "partner_id": a["partner_id"], "kpi": a["kpi"], "period": a["period"],
                "value": num_out(spec_round(v, 4)) if v is not None else None,
                "attainment": num_out(spec_round(r, 4)) if r is not None else None,
                "share": num_out(spec_round(paid, 4)),
                "payout": num_out(payout),
                "status": "pending" if a["t"] > self.t1 else "verified",
                "provisional": self.provisional(a["t"]),
            })
        return out

    def badges_of(self, pid, t):
        """Section 15: the badge ids partner pid earns at t, in the program's order."""
        ev = self.evaluate_all()
        r = ev[t][pid]
        seg = self.partner[pid]["segment"]
        out = []
        for b in self.program.badges:
            if b["rule"] == "top":
                if b["scope"] == "segment":
                    n = sum(1 for q in ev[t] if self.partner[q]["segment"] == seg)
                    rank = r["segment_rank"]
                else:
                    n = len(ev[t])
                    rank = r["rank"]
                earned = rank <= math.ceil(b["percent"] * n / 100)
            elif b["rule"] == "improving":
                kpi = self.program.kpis[self.program.kpi_ids.index(b["kpi"])]
                cell = self.obs.get((pid, b["kpi"]), {})
                values = [cell[u][0] if u in cell else None for u in range(t - b["quarters"], t + 1)]
                earned = t - b["quarters"] >= self.t0 and all(v is not None for v in values) and all(
                    (values[i] < values[i - 1]) if kpi["lower_is_better"] else (values[i] > values[i - 1])
                    for i in range(1, len(values)))
            else:
                prev = ev.get(t - 1, {}).get(pid)
                earned = prev is not None and r["T"] > prev["T"]
            if earned:
                out.append(b["id"])
        return out

    def provisional(self, t):
        """Section 3: a quarter after the latest closed one is open."""
        return self.closed_through is None or t > self.closed_through


def payout_of(a, v, program):
    """Section 7 for one agreement given its value v (None when missing)."""
    r = (v - a["baseline"]) / (a["target"] - a["baseline"]) if v is not None else None
    s = program.share(r) if r is not None else None
    paid = max(s if s is not None else 0.0, a["floor_share"])
    return spec_round(a["max_payout"] * a["attribution"] * paid, 2)


def compare_json(folder, other_path, t):
    """Section 10: the folder's data under its program (A) and OTHER (B)."""
    A = Data(folder)
    B = Data(folder, other_path)
    for p in A.partners:
        if p["segment"] not in B.program.segments:
            raise SystemExit("%s does not declare segment %s" % (other_path, p["segment"]))
    ea, eb = A.evaluate_all()[t], B.evaluate_all()[t]
    partners = []
    pairs = {}
    for rb in B.order(t):
        pid = rb["pid"]
        ra = ea[pid]
        p = A.partner[pid]
        partners.append({
            "partner_id": pid, "name": p["name"], "segment": p["segment"],
            "score": [num_out(ra["score"]), num_out(rb["score"])],
            "tier": [A.program.tiers[ra["T"]]["id"], B.program.tiers[rb["T"]]["id"]],
            "rank": [ra["rank"], rb["rank"]],
        })
        pairs[(ra["T"], rb["T"])] = pairs.get((ra["T"], rb["T"]), 0) + 1
    tiers = [{"from": A.program.tiers[i]["id"], "to": B.program.tiers[j]["id"], "partners": n}
             for (i, j), n in sorted(pairs.items())]
    total_a = 0.0
    total_b = 0.0
    for a in A.agreements:
        if a["t"] > t:
            continue
        pid = a["partner_id"]
        va = A.aggregate(pid, a["kpi"], a["t"])[0] if A.evaluated(pid, a["t"]) else None
        if a["kpi"] in B.program.kpi_ids:
            vb = B.aggregate(pid, a["kpi"], a["t"])[0] if B.evaluated(pid, a["t"]) else None
        else:
            # B lacks the KPI: A's aggregate of it, over B's window.
            kpi = A.program.kpis[A.program.kpi_ids.index(a["kpi"])]
            vb = A.aggregate(pid, a["kpi"], a["t"], kpi=kpi, window=B.program.window)[0] \
                if A.evaluated(pid, a["t"]) else None
        total_a += payout_of(a, va, A.program)
        total_b += payout_of(a, vb, B.program)
    return {"period": period_name(t), "current": A.program.name, "other": B.program.name,
            "partners": partners, "tiers": tiers,
            "payouts": [num_out(spec_round(total_a, 2)), num_out(spec_round(total_b, 2))]}


def quantile7(xs, q):
    xs = sorted(xs)
    h = (len(xs) - 1) * q
    lo = math.floor(h)
    if lo + 1 >= len(xs):
        return xs[lo]
    return xs[lo] + (h - lo) * (xs[lo + 1] - xs[lo])


def fairness_json(data, t, by):
    """Section 11, per segment (program order) or region (code-point order)."""
    prog = data.program
    ranked = data.order(t)
    key = lambda pid: data.partner[pid][by]
    if by == "segment":
        present = {key(r["pid"]) for r in ranked}
        groups = [s for s in prog.segments if s in present]
    else:
        # Regions match without regard to case or Unicode normalisation, as the
        # --region filter does; a group is named by its most common spelling
        # (ties: the first in code-point order).
        fold = lambda s: unicodedata.normalize("NFC", s).lower()
        spellings = {}
        for r in ranked:
            s = key(r["pid"])
            counts = spellings.setdefault(fold(s), {})
            counts[s] = counts.get(s, 0) + 1
        name = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in spellings.items()}
        key = lambda pid, _key=key: name[fold(_key(pid))]
        groups = sorted(set(name.values()))  # Python compares code points
    out = []
    for g in groups:
        members = [r for r in ranked if key(r["pid"]) == g]
        others = [r for r in ranked if key(r["pid"]) != g]
        total = 0.0
        for r in members:
            total += r["score"]
        median = quantile7([r["score"] for r in members], 0.5)
        gap = spec_round(quantile7([r["score"] for r in others], 0.5) - median, 2) if others else None
        shares = {}
        for i, tier in enumerate(prog.tiers):
            shares[tier["id"]] = num_out(spec_round(sum(1 for r in members if r["T"] == i) / len(members), 4))
        drags = []
        for i, kpi in enumerate(prog.kpis):
            sg, ng, so, no = 0.0, 0, 0.0, 0
            for r in ranked:
                if prog.norm_weights[data.partner[r["pid"]]["segment"]][i] == 0:
                    continue
                c = r["kpis"][i]["credit"]
                if key(r["pid"]) == g:
                    sg += c
                    ng += 1
                else:
                    so += c
                    no += 1
            if ng == 0 or no == 0:
                continue
            d = spec_round(so / no - sg / ng, 4)
            if d > 0.1:
                drags.append((d, i))
        drags.sort(key=lambda x: (-x[0], x[1]))
        out.append({
            "group": g, "n": len(members), "mean": num_out(spec_round(total / len(members), 2)),
            "median": num_out(spec_round(median, 2)), "tiers": shares,
            "gap": num_out(gap) if gap is not None else None,
            "flagged": gap is not None and gap > prog.fairness_margin,
            "drags": [{"kpi": prog.kpis[i]["id"], "gap": num_out(d)} for d, i in drags[:3]],
        })
    return out


def slope(ys):
    """Least-squares slope over consecutive periods (x = 0..m-1); None if m < 2."""
    m = len(ys)
    if m < 2:
        return None
    mx = (m - 1) / 2
    my = 0.0
    for y in ys:
        my += y
    my /= m
    num = 0.0
    den = 0.0
    for i, y in enumerate(ys):
        dx = i - mx
        num += dx * (y - my)
        den += dx * dx
    return num / den


def mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs) if xs else None


def roi_json(data, t):
    """Section 14."""
    prog = data.program
    valued = []
    for a in data.agreements:
        if a["t"] > t:
            continue
        v = None
        if data.t0 <= a["t"] <= data.t1 and data.evaluated(a["partner_id"], a["t"]):
            v, _ = data.aggregate(a["partner_id"], a["kpi"], a["t"])
        paid = payout_of(a, v, prog)
        gain = None
        if v is not None:
            gain = (v - a["baseline"]) * a["attribution"] * (-1.0 if a["target"] < a["baseline"] else 1.0)
        kpi = prog.kpis[prog.kpi_ids.index(a["kpi"])]
        valued.append((a, paid, gain, kpi["unit"] == "currency"))
    kpis = []
    for kpi in prog.kpis:
        mine = [x for x in valued if x[0]["kpi"] == kpi["id"]]
        if not mine:
            continue
        paid = 0.0
        gain = 0.0
        for _, p, g, _ in mine:
            paid += p
            gain += g if g is not None else 0.0
        kpis.append({"kpi": kpi["id"], "agreements": len(mine), "paid": num_out(spec_round(paid, 2)),
                     "gain": num_out(spec_round(gain, 2)),
                     "gain_per_paid": num_out(spec_round(gain / paid, 4)) if paid != 0 else None,
                     "roi": num_out(spec_round((gain - paid) / paid, 4))
                     if paid != 0 and kpi["unit"] == "currency" else None})
    paid = 0.0
    cash = 0.0
    for _, p, g, c in valued:
        paid += p
        if c and g is not None:
            cash += g
    periods = []
    cum_paid = 0.0
    cum_cash = 0.0
    payback = None
    for q in data.periods:
        if q > t:
            break
        here_paid = 0.0
        here_cash = 0.0
        for a, p, g, c in valued:
            if a["t"] == q:
                here_paid += p
                if c and g is not None:
                    here_cash += g
        cum_paid += here_paid
        cum_cash += here_cash
        if payback is None and cum_paid > 0 and cum_cash >= cum_paid:
            payback = period_name(q)
        periods.append({"period": period_name(q), "paid": num_out(spec_round(here_paid, 2)),
                        "cash_gain": num_out(spec_round(here_cash, 2)),
                        "cum_cash_roi": num_out(spec_round((cum_cash - cum_paid) / cum_paid, 4)) if cum_paid > 0 else None})
    return {"period": period_name(t), "kpis": kpis, "paid": num_out(spec_round(paid, 2)),
            "cash_gain": num_out(spec_round(cash, 2)),
            "cash_roi": num_out(spec_round((cash - paid) / paid, 4)) if paid != 0 else None,
            "periods": periods, "payback": payback}


def flags_json(data, t):
    """Section 16."""
    ev = data.evaluate_all()
    out = {"period": period_name(t)}
    for flag in ("at_risk", "rising"):
        rows = []
        total = [0, 0, 0]
        for u in data.periods:
            if u + 1 > t:
                break
            c = [0, 0, 0]
            for pid, r in ev[u].items():
                nxt = ev.get(u + 1, {}).get(pid)
                if nxt is None:
                    continue
                happened = nxt["q"] < r["T"] if flag == "at_risk" else nxt["q"] > r["T"]
                if happened:
                    c[2] += 1
                if r[flag]:
                    c[0] += 1
                    if happened:
                        c[1] += 1
            rows.append({"period": period_name(u), "flagged": c[0], "came_true": c[1], "events": c[2]})
            total = [total[i] + c[i] for i in range(3)]
        out[flag] = {"flagged": total[0], "came_true": total[1], "events": total[2],
                     "precision": num_out(spec_round(total[1] / total[0], 4)) if total[0] else None,
                     "recall": num_out(spec_round(total[1] / total[2], 4)) if total[2] else None,
                     "by_period": rows}
    return out


def pilot_json(data, cohort, t):
    """Section 13."""
    prog = data.program
    ev = data.evaluate_all()
    start, member_ids = data.cohorts[cohort]
    if t < start:
        raise SystemExit("pilot: period before the cohort's start")
    in_any = set()
    for _, (_, ids) in data.cohorts.items():
        in_any.update(ids)
    members = [p["id"] for p in data.partners if p["id"] in set(member_ids)]
    rest = [p["id"] for p in data.partners if p["id"] not in in_any]
    pre = [u for u in range(start - prog.window, start) if u in data.periods]
    post = [u for u in range(start, t + 1) if u in data.periods]
    share = len(members) / len(data.partners)
    rshare = spec_round(share, 4)
    size = "small" if rshare < 0.10 else "large" if rshare > 0.15 else "ok"

    def change(pid, k):
        if k is None:
            before = mean([ev[u][pid]["score"] for u in pre if pid in ev.get(u, {})])
            after = mean([ev[u][pid]["score"] for u in post if pid in ev.get(u, {})])
            if before is None or after is None:
                return None
            return after - before
        kpi = prog.kpis[k]
        if prog.norm_weights[data.partner[pid]["segment"]][k] == 0:
            return None
        cell = data.obs.get((pid, kpi["id"]), {})
        before = mean([cell[u][0] for u in pre if u in cell])
        after = mean([cell[u][0] for u in post if u in cell])
        if before is None or after is None:
            return None
        return before - after if kpi["lower_is_better"] else after - before

    def var(xs, mu):
        total = 0.0
        for x in xs:
            total += (x - mu) * (x - mu)
        return total / (len(xs) - 1)

    results = []
    for k in [None] + list(range(len(prog.kpis))):
        m = [d for d in (change(p, k) for p in members) if d is not None]
        r = [d for d in (change(p, k) for p in rest) if d is not None]
        cm, cr = mean(m), mean(r)
        effect = cm - cr if cm is not None and cr is not None else None
        se = math.sqrt(var(m, cm) / len(m) + var(r, cr) / len(r)) if len(m) >= 2 and len(r) >= 2 else None
        tv = effect / se if se not in (None, 0) and effect is not None else None
        rt = spec_round(tv, 2) if tv is not None else None
        verdict = "unclear" if rt is None else "better" if rt >= 1.96 else "worse" if rt <= -1.96 else "unclear"
        out4 = lambda x: num_out(spec_round(x, 4)) if x is not None else None
        results.append({"measure": "score" if k is None else prog.kpis[k]["id"], "n": [len(m), len(r)],
                        "change": [out4(cm), out4(cr)], "effect": out4(effect), "se": out4(se),
                        "t": num_out(rt) if rt is not None else None, "verdict": verdict})
    return {"cohort": cohort, "start": period_name(start), "period": period_name(t), "members": len(members),
            "share": num_out(rshare), "size": size, "pre": [period_name(u) for u in pre],
            "post": [period_name(u) for u in post], "results": results}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data_dir")
    ap.add_argument("command", choices=["score", "payouts", "explain", "compare", "fairness", "roi", "flags", "pilot"])
    ap.add_argument("partner", nargs="?", help="partner id (explain), or the other program (compare)")
    ap.add_argument("--by", choices=["segment", "region"], default="segment", help="fairness: the groups")
    ap.add_argument("--period", help="YYYYQn (default: the latest period)")
    ap.add_argument("--all", action="store_true", help="score: every period, as {period: array}")
    ap.add_argument("--closed-through", help="YYYYQn: the latest closed quarter (default: none, all open)")
    a = ap.parse_args(argv)
    data = Data(a.data_dir)
    if a.closed_through:
        data.closed_through = period_index(a.closed_through, "--closed-through")
    t = period_index(a.period, "--period") if a.period else data.t1
    if not data.t0 <= t <= data.t1:
        raise SystemExit("period %s is outside the data (%s..%s)" % (a.period, period_name(data.t0), period_name(data.t1)))
    if a.command == "score":
        if a.all:
            result = {period_name(u): data.score_json(u) for u in data.periods}
        else:
            result = data.score_json(t)
    elif a.command == "payouts":
        result = data.payouts_json()
    elif a.command == "compare":
        if not a.partner:
            raise SystemExit("compare: name the other program file")
        result = compare_json(a.data_dir, a.partner, t)
    elif a.command == "fairness":
        result = fairness_json(data, t, a.by)
    elif a.command == "roi":
        result = roi_json(data, t)
    elif a.command == "flags":
        result = flags_json(data, t)
    elif a.command == "pilot":
        if a.partner not in data.cohorts:
            raise SystemExit("pilot: name a cohort")
        result = pilot_json(data, a.partner, t)
    else:
        if not a.partner or not data.evaluated(a.partner, t):
            raise SystemExit("explain: partner %r is not evaluated at %s" % (a.partner, period_name(t)))
        result = data.explain(a.partner, t)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
