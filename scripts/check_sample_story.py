#!/usr/bin/env python3
"""Check, with the reference scorer, that sample-data/ tells its stories.

  python3 scripts/check_sample_story.py [DATA_DIR]

Prints who is in grace, at risk, rising, promoted, demoted, blocked by a
requirement, waived, ... at the latest period, and exits 1 if any story the
sample must show (SPEC features a newcomer should see) is missing.
"""
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import reference_score as ref  # noqa: E402


def stories(folder):
    d = ref.Data(folder)
    prog = d.program
    ev = d.evaluate_all()
    t = d.t1
    now, before = ev[t], ev[t - 1]
    tiers = [x["id"] for x in prog.tiers]
    s = {}
    s["in grace"] = [pid for pid, r in now.items() if r["grace"] > 0]
    s["at risk"] = [pid for pid, r in now.items() if r["at_risk"]]
    s["rising"] = [pid for pid, r in now.items() if r["rising"]]
    s["promoted"] = [pid for pid, r in now.items() if pid in before and r["T"] > before[pid]["T"]]
    s["demoted"] = [pid for pid, r in now.items() if pid in before and r["T"] < before[pid]["T"]]
    blocked, waived, waived_ref = [], [], []
    for pid, r in now.items():
        e = d.explain(pid, t)
        if r["points_needed"] == 0 and e["unmet_requirements"]:
            blocked.append("%s (%s: %s)" % (pid, tiers[r["T"] + 1], ", ".join(
                "%s %s, now %s" % (u["kpi"], ref.num_out(u["required"]), ref.num_out(ref.spec_round(u["current"], 4)) if u["current"] is not None else "missing") for u in e["unmet_requirements"])))
        # A waiver that matters: a requirement of a tier up to the one held.
        held = [c for c in e["tier_checks"][: r["T"] + 1]]
        if any(q["outcome"] == "waived" for c in held for q in c["requirements"]):
            waived.append(pid)
            if d.partner[pid]["segment"] == "referral":
                waived_ref.append(pid)
    s["blocked only by a requirement"] = blocked
    s["holding a tier with a waived requirement"] = waived
    s["referral, waived requirement"] = waived_ref
    s["new (movement null)"] = [pid for pid, r in now.items() if r["movement"] is None]
    s["adjusted value shown"] = [pid for pid, r in now.items()
                                 if any(k["status"] == "adjusted" for k in r["kpis"])]
    s["no data"] = [p["id"] for p in d.partners if p["id"] not in d.first]
    s["late joiners"] = ["%s (%s)" % (pid, ref.period_name(f)) for pid, f in sorted(d.first.items()) if f > d.t0]
    s["missing at latest"] = [pid for pid, r in now.items() if any(k["status"] == "missing" for k in r["kpis"])]
    s["no_baseline at latest"] = [pid for pid, r in now.items()
                                  if any(k["status"] == "no_baseline" for k in r["kpis"])]
    s["unscored KPIs"] = sorted(d.unscored)
    for i, tier in enumerate(tiers):
        s["tier " + tier] = [pid for pid, r in now.items() if r["T"] == i]
    pays = d.payouts_json()
    s["payouts verified"] = [p["id"] for p in pays if p["status"] == "verified"]
    s["payouts pending"] = [p["id"] for p in pays if p["status"] == "pending"]
    return d, s


REQUIRED = {
    "in grace": 1, "at risk": 3, "rising": 3, "promoted": 1, "demoted": 1,
    "blocked only by a requirement": 1, "referral, waived requirement": 1,
    "new (movement null)": 1, "adjusted value shown": 1, "no data": 1, "late joiners": 3,
    "unscored KPIs": 1, "payouts verified": 1, "payouts pending": 1,
}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(HERE), "sample-data")
    d, s = stories(folder)
    for tier in d.program.tiers:
        REQUIRED["tier " + tier["id"]] = 1
    print("stories at %s (%d partners evaluated of %d):" % (
        ref.period_name(d.t1), len(d.evaluate_all()[d.t1]), len(d.partners)))
    failed = []
    for name, ids in s.items():
        need = REQUIRED.get(name, 0)
        ok = len(ids) >= need
        if not ok:
            failed.append(name)
        shown = ", ".join(ids) if len(ids) <= 12 else ", ".join(ids[:12]) + ", ... (%d)" % len(ids)
        print("  %s %-42s %s" % ("ok " if ok else "MISSING", name + ":", shown))
    if failed:
        print("missing stories: " + "; ".join(failed))
        sys.exit(1)
    print("all stories present")


if __name__ == "__main__":
    main()
