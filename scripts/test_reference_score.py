"""SPEC.md section 9, figure by figure, against scripts/reference_score.py.

  python3 -m unittest scripts/test_reference_score.py

Data: the worked example folder (shared/spec-example/, also copied to
Tests/Fixtures/spec-example/).
"""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import reference_score as ref  # noqa: E402

ROOT = os.path.dirname(HERE)
CANDIDATES = [
    os.path.join(ROOT, "Tests", "Fixtures", "spec-example"),
    os.path.join(os.path.dirname(ROOT), "shared", "spec-example"),
    "/work/shared/spec-example",
]
EXAMPLE = next(p for p in CANDIDATES if os.path.exists(os.path.join(p, "program.toml")))

# Section 9's table: period, partner, rev pts, ttv pts, nps pts, nps status,
# score, qualified, tier, grace, rank, movement, slope.
TABLE = [
    ("2026Q1", "A", 15.00, 12.50, 0, "no_baseline", 27.50, "base", "base", 0, 1, None, None),
    ("2026Q2", "A", 35.00, 15.63, 0, "no_baseline", 50.63, "base", "base", 0, 2, -1, 23.13),
    ("2026Q2", "B", 33.33, 22.22, 0, "not_applicable", 55.56, "silver", "silver", 0, 1, None, None),
    ("2026Q3", "A", 45.00, 19.79, 25.00, "ok", 89.79, "gold", "gold", 0, 1, 1, 31.15),
    ("2026Q3", "B", 58.33, 26.39, 0, "not_applicable", 84.72, "gold", "gold", 0, 2, -1, 29.16),
    ("2026Q4", "A", 25.00, 20.83, 25.00, "ok", 70.83, "silver", "gold", 1, 2, -1, 16.92),
    ("2026Q4", "B", 55.56, 31.94, 0, "not_applicable", 87.50, "gold", "gold", 0, 1, 1, 15.97),
]


def run(*args):
    out = subprocess.run([sys.executable, os.path.join(HERE, "reference_score.py"), EXAMPLE, *args],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


class SpecRounding(unittest.TestCase):
    def test_half_away_from_zero(self):
        self.assertEqual(ref.spec_round(50.625, 2), 50.63)
        self.assertEqual(ref.spec_round(-50.625, 2), -50.63)
        self.assertEqual(ref.spec_round(0.125, 2), 0.13)
        self.assertEqual(ref.spec_round(2.5, 0), 3.0)
        self.assertEqual(ref.spec_round(-2.5, 0), -3.0)
        # floor(abs(y) + 0.5) would give 1 here; the exact rule gives 0.
        self.assertEqual(ref.spec_round(0.49999999999999994, 0), 0.0)

    def test_slope(self):
        self.assertIsNone(ref.slope([55.56]))
        self.assertAlmostEqual(ref.slope([55.56, 84.72]), 29.16, places=9)


class WorkedExample(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.all = run("score", "--all")
        cls.payouts = run("payouts")
        cls.data = ref.Data(EXAMPLE)

    def obj(self, period, pid):
        found = [o for o in self.all[period] if o["partner_id"] == pid]
        self.assertEqual(len(found), 1, (period, pid))
        return found[0]

    def explain(self, period, pid):
        return self.data.explain(pid, ref.period_index(period, "test"))

    def test_periods_and_who_is_evaluated(self):
        self.assertEqual(list(self.all), ["2026Q1", "2026Q2", "2026Q3", "2026Q4"])
        # B's data starts in 2026Q2: not evaluated before.
        self.assertEqual([o["partner_id"] for o in self.all["2026Q1"]], ["A"])
        # Rank order.
        self.assertEqual([o["partner_id"] for o in self.all["2026Q2"]], ["B", "A"])
        self.assertEqual([o["partner_id"] for o in self.all["2026Q3"]], ["A", "B"])
        self.assertEqual([o["partner_id"] for o in self.all["2026Q4"]], ["B", "A"])

    def test_table(self):
        for (period, pid, rev, ttv, nps, nps_status, score, qualified, tier, grace, rank, movement,
             slope) in TABLE:
            with self.subTest(period=period, partner=pid):
                o = self.obj(period, pid)
                k = {x["kpi"]: x for x in o["kpis"]}
                self.assertEqual([x["kpi"] for x in o["kpis"]], ["rev", "ttv", "nps"])
                self.assertEqual(k["rev"]["points"], rev)
                self.assertEqual(k["ttv"]["points"], ttv)
                self.assertEqual(k["nps"]["points"], nps)
                self.assertEqual(k["rev"]["status"], "ok")
                self.assertEqual(k["ttv"]["status"], "ok")
                self.assertEqual(k["nps"]["status"], nps_status)
                self.assertEqual(o["score"], score)
                self.assertEqual(o["qualified_tier"], qualified)
                self.assertEqual(o["tier"], tier)
                self.assertEqual(o["grace"], grace)
                self.assertEqual(o["rank"], rank)
                self.assertEqual(o["movement"], movement)
                self.assertEqual(o["slope"], slope)
                self.assertEqual(o["period"], period)

    def test_nps_attainment_of_A_at_2026Q3_is_3(self):
        k = {x["kpi"]: x for x in self.obj("2026Q3", "A")["kpis"]}
        self.assertEqual(k["nps"]["attainment"], 3)
        self.assertEqual(k["nps"]["value"], 25)

    def test_A_2026Q2_silver_blocked_by_nps(self):
        o = self.obj("2026Q2", "A")
        k = {x["kpi"]: x for x in o["kpis"]}
        self.assertEqual(k["nps"]["value"], 15)  # 15 < 20
        self.assertEqual(k["nps"]["attainment"], 0)  # no baseline: a = 0
        silver = self.explain("2026Q2", "A")["tier_checks"][1]
        self.assertTrue(silver["score_met"])
        self.assertEqual([r["outcome"] for r in silver["requirements"]], ["unmet"])

    def test_B_2026Q2(self):
        o = self.obj("2026Q2", "B")
        k = {x["kpi"]: x for x in o["kpis"]}
        self.assertEqual(k["rev"]["value"], 60)
        self.assertEqual(k["rev"]["attainment"], 0.5)
        self.assertEqual(k["ttv"]["value"], 50)
        self.assertEqual(k["ttv"]["attainment"], 0.6667)
        self.assertIsNone(k["nps"]["value"])
        silver = self.explain("2026Q2", "B")["tier_checks"][1]
        self.assertEqual([(r["kpi"], r["outcome"]) for r in silver["requirements"]], [("nps", "waived")])
        self.assertEqual(o["next_tier"], "gold")
        self.assertEqual(o["points_needed"], 24.44)
        self.assertEqual(o["progress"], 0.1853)

    def test_A_2026Q3(self):
        o = self.obj("2026Q3", "A")
        self.assertEqual(o["next_tier"], "platinum")
        self.assertEqual(o["points_needed"], 0.21)
        self.assertEqual(o["progress"], 0.979)
        self.assertTrue(o["rising"])
        self.assertFalse(o["at_risk"])
        e = self.explain("2026Q3", "A")
        self.assertEqual([(r["kpi"], r["required"], r["current"]) for r in e["unmet_requirements"]],
                         [("ttv", 35, 42.5)])
        takes = {w["kpi"]: w for w in e["what_it_takes"]}
        self.assertEqual(ref.spec_round(takes["rev"]["needed"], 2), 90.42)
        self.assertEqual(takes["rev"]["current"], 90)
        self.assertEqual(ref.spec_round(takes["ttv"]["needed"], 3), 41.996)
        self.assertEqual(takes["ttv"]["current"], 42.5)
        self.assertIsNone(takes["nps"]["needed"])
        self.assertEqual(takes["nps"]["headroom"], 0)

    def test_B_2026Q3(self):
        o = self.obj("2026Q3", "B")
        self.assertEqual(o["next_tier"], "platinum")
        self.assertEqual(o["points_needed"], 5.28)
        self.assertEqual(o["progress"], 0.472)
        self.assertEqual(o["slope"], 29.16)
        self.assertTrue(o["rising"])
        e = self.explain("2026Q3", "B")
        self.assertEqual([(r["kpi"], r["required"], r["current"]) for r in e["unmet_requirements"]],
                         [("ttv", 35, 42.5)])

    def test_A_2026Q4_in_grace(self):
        o = self.obj("2026Q4", "A")
        self.assertEqual(o["grace"], 1)  # 1 of grace_periods = 1
        self.assertEqual(self.data.program.grace_periods, 1)
        self.assertTrue(o["at_risk"])
        self.assertFalse(o["rising"])
        self.assertEqual(o["next_tier"], "platinum")
        self.assertEqual(o["points_needed"], 19.17)
        self.assertEqual(o["progress"], 0)

    def test_B_2026Q4(self):
        o = self.obj("2026Q4", "B")
        k = {x["kpi"]: x for x in o["kpis"]}
        self.assertEqual(k["rev"]["value"], 100)
        self.assertEqual(k["rev"]["points"], 55.56)
        self.assertEqual(k["ttv"]["value"], 32.5)
        self.assertEqual(o["score"], 87.5)
        self.assertEqual(o["tier"], "gold")
        plat = self.explain("2026Q4", "B")["tier_checks"][3]
        self.assertFalse(plat["score_met"])  # 87.50 < 90
        self.assertEqual([r["outcome"] for r in plat["requirements"]], ["met"])  # ttv 32.5 <= 35
        self.assertEqual(o["points_needed"], 2.5)
        self.assertEqual(o["progress"], 0.75)
        self.assertEqual(o["slope"], 15.97)
        self.assertTrue(o["rising"])
        self.assertFalse(o["at_risk"])

    def test_default_period_is_latest(self):
        self.assertEqual(run("score"), self.all["2026Q4"])
        self.assertEqual(run("score", "--period", "2026Q2"), self.all["2026Q2"])

    def test_payouts(self):
        p = {x["id"]: x for x in self.payouts}
        self.assertEqual([x["id"] for x in self.payouts], ["X1", "X2", "X3"])
        x1, x2, x3 = p["X1"], p["X2"], p["X3"]
        self.assertEqual((x1["value"], x1["attainment"], x1["share"], x1["payout"], x1["status"]),
                         (90, 0.625, 0.55, 2750.00, "verified"))
        self.assertEqual((x2["value"], x2["attainment"], x2["share"], x2["payout"], x2["status"]),
                         (32.5, 0.875, 0.85, 6800.00, "verified"))
        # Pending: no value, so only the floor share 0.1 of 5,000 is paid.
        self.assertEqual((x3["value"], x3["attainment"], x3["share"], x3["payout"], x3["status"]),
                         (None, None, 0.1, 500.00, "pending"))

    def test_json_shape(self):
        o = self.obj("2026Q3", "A")
        self.assertEqual(list(o), ["partner_id", "name", "segment", "period", "score", "rank",
                                   "segment_rank", "movement", "qualified_tier", "tier", "grace",
                                   "next_tier", "points_needed", "keep_points_needed", "progress",
                                   "at_risk", "rising", "slope", "provisional", "badges", "kpis"])
        self.assertEqual(list(o["kpis"][0]), ["kpi", "value", "attainment", "points", "status"])
        self.assertEqual(list(self.payouts[0]), ["id", "partner_id", "kpi", "period", "value",
                                                 "attainment", "share", "payout", "status",
                                                 "provisional"])


if __name__ == "__main__":
    unittest.main()
