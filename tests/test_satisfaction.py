"""H1 calculations: NPS, satisfaction gap, service recovery, klantrelatiecyclus (hand-computed)."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import satisfaction as s
from salesnb.errors import ColumnError, InputError

SCORES = st.lists(st.integers(min_value=0, max_value=10), min_size=1, max_size=200)


# ------------------------------------------------------------------ NPS worked examples

def test_nps_worked_example():
    # 10 answers: 9,10,10 promotors (3); 7,8,8 passief (3); 0,5,6,6 criticasters (4)
    # NPS = 30% - 40% = -10
    scores = [9, 10, 10, 7, 8, 8, 0, 5, 6, 6]
    assert s.nps(scores) == pytest.approx(-10.0)


def test_nps_unrounded_thirds():
    # 1 promotor of 3 answers, no criticasters: 100/3 = 33.333..., not 33
    assert s.nps([10, 8, 7]) == pytest.approx(100 / 3, abs=1e-12)
    assert s.nps([10, 9, 6]) == pytest.approx(100 / 3, abs=1e-12)


def test_nps_extremes_and_passives_only():
    assert s.nps([10, 9]) == 100.0
    assert s.nps([0, 6, 3]) == -100.0
    assert s.nps([7, 8]) == 0.0


def test_nps_custom_thresholds():
    # with promotors from 8 and passief from 6: 8,9 promotor; 6,7 passief; 5 criticaster -> (2-1)/5 = 20
    assert s.nps([5, 6, 7, 8, 9], promoter_min=8, passive_min=6) == pytest.approx(20.0)


def test_nps_accepts_series_and_array():
    assert s.nps(pd.Series([10, 0])) == 0.0
    assert s.nps(np.array([10, 10, 7, 0])) == pytest.approx(25.0)


def test_breakdown_worked_example():
    # 4 answers: 10 and 9 promotor, 7 passief, 2 criticaster
    b = s.nps_breakdown([10, 9, 7, 2])
    assert list(b.index) == ["promotors", "passief", "criticasters"]
    assert b["aantal"].tolist() == [2, 1, 1]
    assert b["aandeel"].tolist() == [0.5, 0.25, 0.25]


def test_breakdown_zero_group_is_present():
    b = s.nps_breakdown([9, 10])
    assert b.loc["criticasters", "aantal"] == 0
    assert b.loc["passief", "aandeel"] == 0.0


def test_groups_keep_series_index():
    g = s.nps_groups(pd.Series([6, 9], index=["a", "b"]))
    assert g.to_dict() == {"a": "criticasters", "b": "promotors"}


@pytest.mark.parametrize("bad", [
    [10, 11], [-1, 5], [7.5], [9, None], [9, float("nan")], ["9", 10], [], "9", None, [True, 9],
])
def test_nps_rejects_bad_scores_in_dutch(bad):
    with pytest.raises(InputError) as info:
        s.nps(bad)
    text = str(info.value)
    assert any(word in text for word in ("moet", "mag", "mist", "leeg", "bevat", "getal")), text


def test_nps_rejects_bad_thresholds():
    with pytest.raises(InputError, match="passive_min"):
        s.nps([5], promoter_min=6, passive_min=8)


def test_nps_does_not_modify_input():
    scores = pd.Series([10, 3, 8])
    copy = scores.copy()
    s.nps(scores)
    s.nps_breakdown(scores)
    pd.testing.assert_series_equal(scores, copy)


@given(SCORES)
def test_nps_bounds_and_breakdown_agree(scores):
    value = s.nps(scores)
    assert -100.0 <= value <= 100.0
    b = s.nps_breakdown(scores)
    assert b["aantal"].sum() == len(scores)
    assert math.isclose(b["aandeel"].sum(), 1.0)
    assert math.isclose(value, 100 * (b.loc["promotors", "aandeel"] - b.loc["criticasters", "aandeel"]),
                        abs_tol=1e-9)


@given(SCORES, st.integers(min_value=0, max_value=10))
def test_adding_a_promotor_never_lowers_nps(scores, _):
    assert s.nps(scores + [10]) >= s.nps(scores) - 1e-9
    assert s.nps(scores + [0]) <= s.nps(scores) + 1e-9


# ------------------------------------------------------------------ NPS per segment

def test_nps_by_sector_and_quarter():
    answers = pd.DataFrame({
        "sector": ["zorg", "zorg", "zorg", "zorg", "horeca", "horeca"],
        "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-04-01", "2024-05-01",
                                "2024-01-09", "2024-03-01"]),
        "score": [10, 6, 9, 9, 8, 0],
    })
    # zorg: 10,6,9,9 -> 3 promotors, 1 criticaster of 4 -> 50
    # horeca: 8,0 -> 0 promotors, 1 criticaster of 2 -> -50
    by_sector = s.nps_by(answers, "sector").set_index("sector")
    assert by_sector.loc["zorg", "nps"] == pytest.approx(50.0)
    assert by_sector.loc["horeca", "nps"] == pytest.approx(-50.0)
    assert by_sector.loc["horeca", "passief"] == 1
    # quarters: 2024-K1 = 10,6,8,0 -> 1 prom, 2 crit of 4 -> -25; 2024-K2 = 9,9 -> 100
    by_q = s.nps_by(answers, "date").set_index("date")
    assert by_q.loc["2024-K1", "nps"] == pytest.approx(-25.0)
    assert by_q.loc["2024-K2", "nps"] == pytest.approx(100.0)


def test_nps_by_min_respondents_and_missing_column():
    answers = pd.DataFrame({"am": ["A", "A", "B"], "score": [9, 9, 0]})
    assert s.nps_by(answers, "am", min_respondents=2)["am"].tolist() == ["A"]
    with pytest.raises(ColumnError, match="mist de kolom"):
        s.nps_by(answers, "sector")


# ------------------------------------------------------------------ satisfaction gap

def test_gap_and_class_course_example():
    # expected a quotation after 2 days, got it after 4: fewer days is better -> gap -2 -> negative
    gap = s.satisfaction_gap(2, 4, higher_is_better=False)
    assert gap == -2.0
    assert s.satisfaction_class(gap) == "negatieve ervaring"
    # verwachtingsmanagement: say 3 days, deliver in 3 -> neutral
    assert s.satisfaction_class(s.satisfaction_gap(3, 3, higher_is_better=False)) == "tevreden"


def test_class_boundaries():
    # tolerance 0.5, delight from 2: -0.6 neg, -0.5 neutral, 0.5 neutral, 1.9 positive, 2 delight
    got = s.satisfaction_class([-0.6, -0.5, 0.5, 1.9, 2.0], tolerance=0.5, delight_from=2).tolist()
    assert got == ["negatieve ervaring", "tevreden", "tevreden", "positieve ervaring", "customer delight"]


def test_gap_vector_keeps_index_and_checks_length():
    gap = s.satisfaction_gap(pd.Series([7, 8], index=["x", "y"]), [9, 6])
    assert gap.to_dict() == {"x": 2.0, "y": -2.0}
    with pytest.raises(InputError, match="even lang"):
        s.satisfaction_gap([1, 2, 3], [1, 2])


def test_class_rejects_delight_below_tolerance():
    with pytest.raises(InputError, match="delight_from"):
        s.satisfaction_class(1.0, tolerance=2, delight_from=1)


def test_satisfaction_table():
    t = s.satisfaction_table([8, 6], [7, 8.5], delight_from=2.5)
    # 7-8 = -1 negative; 8.5-6 = 2.5 delight
    assert t["verschil"].tolist() == [-1.0, 2.5]
    assert t["oordeel"].tolist() == ["negatieve ervaring", "customer delight"]


@given(st.floats(-10, 10), st.floats(-10, 10))
def test_gap_sign_flips_with_direction(e, p):
    assert s.satisfaction_gap(e, p) == pytest.approx(-s.satisfaction_gap(e, p, higher_is_better=False))


# ------------------------------------------------------------------ service recovery

def test_service_recovery_worked_example():
    c = pd.DataFrame({
        "handled_well": [True, True, True, False, False],
        "satisfaction_before": [7, 6, 8, 7, 8],
        "satisfaction_after": [9, 8, 7, 5, 6],
    })
    r = s.service_recovery(c).set_index("afhandeling")
    # well handled: before (7+6+8)/3 = 7, after (9+8+7)/3 = 8, diff +1, 2 of 3 higher
    assert r.loc["goed afgehandeld", "klachten"] == 3
    assert r.loc["goed afgehandeld", "voor"] == pytest.approx(7.0)
    assert r.loc["goed afgehandeld", "na"] == pytest.approx(8.0)
    assert r.loc["goed afgehandeld", "verschil"] == pytest.approx(1.0)
    assert r.loc["goed afgehandeld", "aandeel_hoger"] == pytest.approx(2 / 3)
    # badly handled: 7.5 -> 5.5, diff -2
    assert r.loc["niet goed afgehandeld", "verschil"] == pytest.approx(-2.0)


def test_service_recovery_bad_flag():
    c = pd.DataFrame({"handled_well": ["ja"], "satisfaction_before": [7], "satisfaction_after": [8]})
    with pytest.raises(InputError, match="True"):
        s.service_recovery(c)


# ------------------------------------------------------------------ klantrelatiecyclus

def test_relationship_status_rules():
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 3, 4, 4],
        "date": pd.to_datetime(["2020-05-01", "2025-11-01",   # 1: long-standing, active -> loyal
                                "2025-02-01",                 # 2: first order < 12 months -> new
                                "2024-06-30",                 # 3: last order > 12 months ago -> ex
                                "2021-01-01", "2026-03-01"]), # 4: order after as_of is ignored -> ex
    })
    st_ = s.relationship_status(orders, customers=[1, 2, 3, 4, 5], as_of="2025-12-31").set_index("customer_id")
    assert st_["status"].to_dict() == {1: "loyale klant", 2: "nieuwe klant", 3: "ex-klant",
                                       4: "ex-klant", 5: "potentiële klant"}
    assert st_.loc[4, "orders"] == 1
    assert st_.loc[5, "orders"] == 0
    # with a shorter "new" window customer 2 (first order 11 months before) becomes loyal
    short = s.relationship_status(orders, as_of="2025-12-31", new_months=6).set_index("customer_id")
    assert short.loc[2, "status"] == "loyale klant"


def test_relationship_counts():
    orders = pd.DataFrame({"customer_id": [1, 2], "date": pd.to_datetime(["2025-12-01", "2020-01-01"])})
    c = s.relationship_counts(s.relationship_status(orders, customers=[1, 2, 3, 4]))
    # 1 new, 2 ex, 3 and 4 potential -> 2/4 potential
    assert c["aantal"].tolist() == [2, 1, 0, 1]
    assert c.loc["potentiële klant", "aandeel"] == 0.5


def test_relationship_status_bad_input():
    with pytest.raises(ColumnError):
        s.relationship_status(pd.DataFrame({"klant": [1]}))
    with pytest.raises(InputError, match="as_of"):
        s.relationship_status(pd.DataFrame({"customer_id": [1], "date": ["2025-01-01"]}), as_of="gisteren")


# ------------------------------------------------------------------ §1.2, §1.3

def test_value_strategy_fit_weighted_mean():
    fit = s.value_strategy_fit({"a": ("customer intimacy", 0.6), "b": ("customer intimacy", 0.2),
                                "c": ("operational excellence", 0.5)}, weights={"a": 3})
    # customer intimacy: (3*0.6 + 1*0.2) / 4 = 0.5; equal to op. excellence 0.5; product leadership NaN last
    assert fit.loc["customer intimacy", "score"] == pytest.approx(0.5)
    assert math.isnan(fit.loc["product leadership", "score"])
    assert fit.index[-1] == "product leadership"
    with pytest.raises(InputError, match="waardestrategie"):
        s.value_strategy_fit({"x": ("prijsvechter", 0.5)})
    with pytest.raises(InputError, match="percentage"):
        s.value_strategy_fit({"x": ("customer intimacy", 60)})


def test_crm_data_map():
    tables = {"nps": pd.DataFrame({"a": [1, 2, 3]})}
    out = s.crm_data_map(tables, {"nps": ("analytisch", "trend")})
    assert out.loc["nps", "rijen"] == 3
    with pytest.raises(InputError, match="soort CRM"):
        s.crm_data_map(tables, {"nps": ("magisch", "x")})


def test_relationship_counts_adds_prospects_to_first_stage():
    orders = pd.DataFrame({"customer_id": [1], "date": pd.to_datetime(["2025-12-01"])})
    c = s.relationship_counts(s.relationship_status(orders), prospects=3)
    # 3 prospects + 1 new customer: 3/4 potential
    assert c["aantal"].tolist() == [3, 1, 0, 0]
    assert c.loc["potentiële klant", "aandeel"] == 0.75


# ------------------------------------------------------------------ charts, widgets, exercises (H1)

def test_nps_chart_bars_are_the_shares():
    from matplotlib.figure import Figure

    from salesnb.plots import plot_nps_distribution

    answers = pd.DataFrame({"sector": ["a"] * 4 + ["b"] * 2, "score": [10, 9, 7, 3, 0, 8]})
    ax = plot_nps_distribution(s.nps_by(answers, "sector"), by="sector", ax=Figure().add_subplot())
    widths = sorted(round(p.get_width(), 6) for p in ax.patches)
    # a: 0.5 / 0.25 / 0.25; b: 0 / 0.5 / 0.5
    assert widths == [0.0, 0.25, 0.25, 0.5, 0.5, 0.5]
    texts = [t.get_text() for t in ax.texts]
    assert "NPS +25  (n = 4)" in texts and "NPS -50  (n = 2)" in texts


def test_expectation_chart_names_the_verdicts():
    from matplotlib.figure import Figure

    from salesnb.plots import plot_expectation_experience

    table = pd.DataFrame({"verwachting": [7.0, 6.0], "ervaring": [6.0, 8.5]}, index=["x", "y"])
    ax = plot_expectation_experience(table, ax=Figure().add_subplot())
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "-1,0: negatieve ervaring" in texts and "+2,5: customer delight" in texts


def test_nps_widget_moves_respondents():
    from salesnb.widgets import nps_explorer

    w = nps_explorer(10, 10, 0)
    # 10 promotors, 10 passives, 0 criticasters -> 50
    assert w.result["nps"] == pytest.approx(50.0)
    w.set(criticasters=20)
    # 10 - 20 of 40 -> -25
    assert w.result["nps"] == pytest.approx(-25.0)


def test_h1_exercises_diagnose_the_course_mistakes():
    from salesnb.exercises import check

    assert check("1.2", 10).correct is True
    passives = check("1.2", -30)
    assert passives.correct is False and "passieven" in passives.message
    fraction = check("1.2", 0.1)
    assert fraction.correct is False and "punten" in fraction.message
    promoters_pct = check("1.2", 35)
    assert promoters_pct.correct is False and "percentage promotors" in promoters_pct.message
    assert check("1.5", "c").correct is True
    assert "prijs" in check("1.5", "a").message
