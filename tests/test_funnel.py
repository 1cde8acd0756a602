"""Tests for salesnb.funnel (H5 Sales funnel management)."""

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import funnel as f
from salesnb.errors import ColumnError, InputError


# --- ceil_exact --------------------------------------------------------------------------------

def test_ceil_exact_avoids_float_error():
    # 0.07 * 100 is 7.000000000000001 in floats; the plain ceil gives 8.
    assert 0.07 * 100 > 7
    assert f.ceil_exact(0.07 * 100) == 7
    assert f.ceil_exact(7.0000001) == 8
    assert f.ceil_exact(Fraction(22, 7)) == 4
    assert f.ceil_exact(5) == 5


# --- sales_plan --------------------------------------------------------------------------------

RATES = {"offertes": 0.25, "bezoeken": 0.4, "telefoongesprekken": 0.2}


def test_sales_plan_each_stage_by_hand():
    # target 250,000 / average order 2,400 = 104.1667 -> 105 orders
    # 105 / 0.25 = 420 offertes; 420 / 0.4 = 1050 bezoeken; 1050 / 0.2 = 5250 gesprekken
    plan = f.sales_plan(250_000, 2_400, RATES)
    assert list(plan.columns) == ["stage", "ratio", "nodig"]
    assert plan["stage"].tolist() == ["orders", "offertes", "bezoeken", "telefoongesprekken"]
    assert plan["nodig"].tolist() == [105, 420, 1050, 5250]
    assert np.isnan(plan["ratio"].iloc[0])
    assert plan["ratio"].iloc[1:].tolist() == [0.25, 0.4, 0.2]


def test_sales_plan_only_end_rounded_by_hand():
    # 104.1667 orders; / 0.25 = 416.667; / 0.4 = 1041.667; / 0.2 = 5208.33 -> 5209
    plan = f.sales_plan(250_000, 2_400, RATES, round_each_stage=False)
    assert plan["nodig"].iloc[0] == pytest.approx(250_000 / 2_400)
    assert plan["nodig"].iloc[1] == pytest.approx(416.6667, abs=1e-3)
    assert plan["nodig"].iloc[2] == pytest.approx(1041.6667, abs=1e-3)
    assert plan["nodig"].iloc[3] == 5209


def test_sales_plan_no_float_error_in_ceil():
    # 7 orders of 100 needed, hit rate 0.07 -> exactly 100 quotations (floats: 7 / 0.07 = 100.00000000000001)
    plan = f.sales_plan(700, 100, {"offertes": 0.07})
    assert plan["nodig"].tolist() == [7, 100]
    # 0.07 * 100 euro orders: target 7 euro / average 0.07 -> exactly 100 orders
    assert f.sales_plan(7, 0.07, {"offertes": 1.0})["nodig"].tolist() == [100, 100]


def test_sales_plan_accepts_pairs_and_series_and_custom_order_stage():
    pairs = [("offertes", 0.5), ("bezoeken", 0.5)]
    a = f.sales_plan(1_000, 100, pairs, order_stage="opdrachten")
    b = f.sales_plan(1_000, 100, pd.Series(dict(pairs)), order_stage="opdrachten")
    pd.testing.assert_frame_equal(a, b)
    assert a["stage"].iloc[0] == "opdrachten"
    assert a["nodig"].tolist() == [10, 20, 40]


def test_sales_plan_does_not_modify_input():
    rates = dict(RATES)
    f.sales_plan(250_000, 2_400, rates)
    assert rates == RATES


@pytest.mark.parametrize("kwargs, fragment", [
    ({"target_revenue": 0}, "target_revenue"),
    ({"target_revenue": "100000"}, "getal"),
    ({"average_order": -5}, "average_order"),
    ({"average_order": float("nan")}, "average_order"),
    ({"rates": {"offertes": 25}}, "percentage"),
    ({"rates": {"offertes": 0}}, "offertes"),
    ({"rates": {}}, "leeg"),
    ({"rates": [0.25, 0.4]}, "dict"),
    ({"rates": {"orders": 0.5}}, "orderfase"),
    ({"round_each_stage": "ja"}, "True of False"),
])
def test_sales_plan_bad_input(kwargs, fragment):
    args = {"target_revenue": 100_000, "average_order": 1_000, "rates": {"offertes": 0.25}}
    args.update(kwargs)
    with pytest.raises(InputError, match=fragment):
        f.sales_plan(**args)


rate_st = st.decimals(min_value="0.01", max_value="1", places=2).map(float)


@settings(max_examples=150, deadline=None)
@given(
    target=st.integers(min_value=1_000, max_value=5_000_000),
    average=st.integers(min_value=50, max_value=50_000),
    rates=st.lists(rate_st, min_size=1, max_size=4),
    each=st.booleans(),
)
def test_sales_plan_never_below_target(target, average, rates, each):
    names = [f"fase{i}" for i in range(len(rates))]
    plan = f.sales_plan(target, average, dict(zip(names, rates)), round_each_stage=each)
    needed = [Fraction(repr(x)) for x in plan["nodig"]]
    exact_rates = [Fraction(repr(r)) for r in rates]
    # The first activity stage, carried through all rates, yields at least the target revenue.
    first = needed[-1]
    for r in reversed(exact_rates):
        first *= r
    assert first * average >= target
    # Every stage is a whole number when rounded per stage; the end result always is.
    assert needed[-1].denominator == 1
    if each:
        assert all(x.denominator == 1 for x in needed)
        # each stage delivers enough for the next one
        for i, r in enumerate(exact_rates, start=1):
            assert needed[i] * r >= needed[i - 1]
            assert (needed[i] - 1) * r < needed[i - 1]  # and not a whole unit more than needed


@settings(max_examples=100, deadline=None)
@given(
    target=st.integers(min_value=1_000, max_value=5_000_000),
    average=st.integers(min_value=50, max_value=50_000),
    rates=st.lists(rate_st, min_size=1, max_size=4),
)
def test_each_stage_rounding_never_gives_a_smaller_plan(target, average, rates):
    names = [f"fase{i}" for i in range(len(rates))]
    each = f.sales_plan(target, average, dict(zip(names, rates)))
    end = f.sales_plan(target, average, dict(zip(names, rates)), round_each_stage=False)
    assert (each["nodig"].to_numpy() >= end["nodig"].to_numpy() - 1e-9).all()


@settings(max_examples=100, deadline=None)
@given(target=st.integers(min_value=1_000, max_value=1_000_000),
       hit=rate_st, better=rate_st)
def test_better_hit_rate_never_needs_more_quotations(target, hit, better):
    low, high = sorted([hit, better])
    a = f.sales_plan(target, 1_000, {"offertes": low})["nodig"].iloc[-1]
    b = f.sales_plan(target, 1_000, {"offertes": high})["nodig"].iloc[-1]
    assert b <= a


# --- weekly_activities ---------------------------------------------------------------------------

def test_weekly_activities_by_hand():
    # 5250 calls / 3 account managers = 1750 per AM; / 46 weeks = 38.04 -> 39 per week
    plan = f.sales_plan(250_000, 2_400, RATES)
    week = f.weekly_activities(plan, account_managers=3, working_weeks=46)
    row = week.set_index("stage").loc["telefoongesprekken"]
    assert row["per_accountmanager"] == 1750
    assert row["per_week"] == 39
    exact = f.weekly_activities(plan, account_managers=3, working_weeks=46, round_up=False)
    assert exact.set_index("stage").loc["telefoongesprekken", "per_week"] == pytest.approx(1750 / 46)


def test_weekly_activities_exact_division_is_not_rounded_up():
    # 0.07-like float trap: 460 visits / 46 weeks is exactly 10
    week = f.weekly_activities({"bezoeken": 460}, working_weeks=46)
    assert week["per_week"].tolist() == [10]


@pytest.mark.parametrize("kwargs, fragment", [
    ({"account_managers": 0}, "account_managers"),
    ({"account_managers": 1.5}, "geheel"),
    ({"working_weeks": 60}, "working_weeks"),
    ({"plan": [1, 2]}, "plan"),
    ({"plan": pd.DataFrame({"fase": ["a"], "nodig": [1]})}, "stage"),
])
def test_weekly_activities_bad_input(kwargs, fragment):
    args = {"plan": {"bezoeken": 460}}
    args.update(kwargs)
    with pytest.raises(InputError, match=fragment):
        f.weekly_activities(**args)


def test_weekly_activities_missing_column_is_column_error():
    with pytest.raises(ColumnError):
        f.weekly_activities(pd.DataFrame({"fase": ["a"], "nodig": [1]}))


# --- hit rate, win rate, weighted pipeline ------------------------------------------------------

def test_hit_rate_and_win_rate_differ_by_hand():
    # 40 quotations: 10 won, 20 lost, 10 still open
    assert f.hit_rate(10, 40) == 0.25          # 10 / 40
    assert f.win_rate(10, 20) == pytest.approx(1 / 3)  # 10 / (10 + 20)


def test_rates_vectorised():
    assert f.hit_rate(pd.Series([1, 2]), [4, 4]).tolist() == [0.25, 0.5]
    assert f.win_rate([3, 1], 1).tolist() == [0.75, 0.5]


@pytest.mark.parametrize("call, fragment", [
    (lambda: f.hit_rate(50, 40), "omgewisseld"),
    (lambda: f.hit_rate(0, 0), "offertes"),
    (lambda: f.hit_rate(-1, 10), "orders"),
    (lambda: f.hit_rate("10", 40), "getal"),
    (lambda: f.hit_rate([1, 2], [3, 4, 5]), "even lang"),
    (lambda: f.win_rate(0, 0), "afgesloten"),
    (lambda: f.win_rate(float("nan"), 3), "won"),
    (lambda: f.win_rate([1, None], [1, 1]), "mist"),
])
def test_rates_bad_input(call, fragment):
    with pytest.raises(InputError, match=fragment):
        call()


@given(won=st.integers(0, 1000), lost=st.integers(0, 1000), open_=st.integers(0, 1000))
def test_win_rate_at_least_hit_rate(won, lost, open_):
    if won + lost == 0:
        return
    # Open quotations lower the hit rate but not the win rate.
    assert f.win_rate(won, lost) >= f.hit_rate(won, won + lost + open_) - 1e-12
    assert 0 <= f.win_rate(won, lost) <= 1


def test_weighted_pipeline_by_hand():
    # 50,000 × 0.1 + 20,000 × 0.5 + 8,000 × 0.9 = 5,000 + 10,000 + 7,200 = 22,200
    assert f.weighted_pipeline([50_000, 20_000, 8_000], [0.1, 0.5, 0.9]) == pytest.approx(22_200)


@pytest.mark.parametrize("values, probs, fragment", [
    ([1, 2], [0.5], "even lang"),
    ([1, 2], [50, 20], "percentages"),
    ([1, -2], [0.5, 0.5], "minstens"),
    ([], [], "leeg"),
])
def test_weighted_pipeline_bad_input(values, probs, fragment):
    with pytest.raises(InputError, match=fragment):
        f.weighted_pipeline(values, probs)


@given(st.lists(st.tuples(st.floats(0, 1e6), st.floats(0, 1)), min_size=1, max_size=30))
def test_weighted_pipeline_between_zero_and_total(pairs):
    values, probs = zip(*pairs)
    w = f.weighted_pipeline(values, probs)
    assert -1e-6 <= w <= sum(values) + 1e-6


# --- funnel counts and conversion ----------------------------------------------------------------

def test_funnel_counts_and_conversion_by_hand():
    reached = ["lead"] * 5 + ["offerte"] * 3 + ["gewonnen"] * 2
    counts = f.funnel_counts(reached, stages=["lead", "offerte", "gewonnen"])
    # reached at least: lead 10, offerte 5, gewonnen 2
    assert counts.tolist() == [10, 5, 2]
    table = f.stage_conversion(counts)
    assert table["conversie"].iloc[:2].tolist() == [0.5, 0.4]
    assert np.isnan(table["conversie"].iloc[2])
    assert table["vanaf_start"].tolist() == [1.0, 0.5, 0.2]


def test_stage_conversion_with_order_parameter():
    table = f.stage_conversion({"b": 4, "a": 8}, stages=["a", "b"])
    assert table["stage"].tolist() == ["a", "b"]
    assert table["conversie"].iloc[0] == 0.5


@pytest.mark.parametrize("call, fragment", [
    (lambda: f.funnel_counts(["lead", "x"], stages=["lead", "offerte"]), "Onbekende"),
    (lambda: f.funnel_counts([], stages=["lead", "offerte"]), "leeg"),
    (lambda: f.funnel_counts(["lead"], stages=["lead"]), "twee fasen"),
    (lambda: f.funnel_counts(["lead", None], stages=["lead", "offerte"]), "mist"),
    (lambda: f.stage_conversion({"a": 3, "b": 5}), "meer opportunities"),
    (lambda: f.stage_conversion({"a": 0, "b": 0}), "eerste fase"),
    (lambda: f.stage_conversion([3, 2]), "Series of dict"),
    (lambda: f.stage_conversion({"a": 3}, stages=["a", "b"]), "mist"),
])
def test_funnel_bad_input(call, fragment):
    with pytest.raises(InputError, match=fragment):
        call()


@given(st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=200))
def test_funnel_counts_monotone_and_conversion_fractions(reached):
    counts = f.funnel_counts(reached, stages=["a", "b", "c", "d"])
    assert counts.iloc[0] == len(reached)
    assert (np.diff(counts.to_numpy()) <= 0).all()
    conv = f.stage_conversion(counts)["conversie"].dropna()
    assert ((conv >= 0) & (conv <= 1)).all()


# --- average deal, sales cycle, velocity ---------------------------------------------------------

def test_average_deal_cycle_velocity_by_hand():
    assert f.average_deal_size([2_000, 3_000, 7_000]) == 4_000
    created = pd.to_datetime(["2025-03-01", "2025-03-10"])
    closed = pd.to_datetime(["2025-03-21", "2025-04-19"])  # 20 and 40 days
    assert f.sales_cycle(created, closed) == 30
    # 60 opportunities × 0.3 × €4,000 / 30 days = €2,400 per day
    assert f.sales_velocity(60, 0.3, 4_000, 30) == pytest.approx(2_400)


@pytest.mark.parametrize("call, fragment", [
    (lambda: f.sales_cycle(pd.to_datetime(["2025-02-01"]), pd.to_datetime(["2025-01-01"])), "omgewisseld"),
    (lambda: f.sales_cycle(pd.to_datetime(["2025-02-01"]), pd.to_datetime(["2025-03-01", "2025-03-02"])),
     "even lang"),
    (lambda: f.sales_cycle(["geen datum"], ["2025-01-01"]), "datum"),
    (lambda: f.sales_velocity(10, 30, 1_000, 20), "percentage"),
    (lambda: f.sales_velocity(10, 0.3, 1_000, 0), "cycle_days"),
    (lambda: f.average_deal_size([]), "leeg"),
])
def test_metrics_bad_input(call, fragment):
    with pytest.raises(InputError, match=fragment):
        call()


@given(n=st.integers(1, 1000), w=st.floats(0.01, 1), deal=st.floats(100, 1e5), cycle=st.floats(1, 365))
def test_velocity_rises_with_win_rate_and_falls_with_cycle(n, w, deal, cycle):
    base = f.sales_velocity(n, w, deal, cycle)
    assert f.sales_velocity(n, min(1.0, w * 1.1), deal, cycle) >= base
    assert f.sales_velocity(n, w, deal, cycle * 2) <= base


# --- buygrid ------------------------------------------------------------------------------------

def test_buygrid_table_shape_and_content():
    grid = f.buygrid_table()
    assert list(grid.columns) == list(f.BUYING_SITUATIONS)
    assert list(grid.index) == list(f.BUYING_PHASES)
    assert (grid["new task"] == "ja").all()
    # a straight rebuy skips most phases
    assert (grid["straight rebuy"] == "nee").sum() >= 5


def test_buygrid_class_by_hand():
    orders = pd.DataFrame({
        "customer_id": [7, 7, 7, 7, 8],
        "product_group": ["koffie", "thee", "koffie", "thee", "koffie"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01", "2024-05-01", "2024-03-01"]),
    }, index=[10, 11, 12, 13, 14])
    situation = f.buygrid_class(orders)
    # seen from the buyer: a first purchase at us for a need it already had is a modified rebuy
    assert situation.tolist() == ["modified rebuy", "modified rebuy", "straight rebuy", "straight rebuy",
                                  "modified rebuy"]
    assert situation.index.tolist() == [10, 11, 12, 13, 14]
    orders2 = orders.assign(product_group=["koffie", "koffie", "koffie", "water", "koffie"])
    assert f.buygrid_class(orders2).tolist()[3] == "modified rebuy"
    # a new need is a new task: for a customer (a new office) on its first day, or a group new to everybody
    assert f.buygrid_class(orders, new_need_customers=[7]).tolist()[:3] == ["new task", "new task", "straight rebuy"]
    assert f.buygrid_class(orders2, new_need_groups=["water"]).tolist()[3] == "new task"


def test_buygrid_class_missing_column():
    with pytest.raises(ColumnError, match="product_group"):
        f.buygrid_class(pd.DataFrame({"customer_id": [1], "date": pd.to_datetime(["2024-01-01"])}))


# --- DMU ----------------------------------------------------------------------------------------

ROLES3 = ("beslisser", "inkoper", "gebruiker")


def _dmu_case():
    contacts = pd.DataFrame({
        "opportunity_id": [1, 1, 2, 3, 3, 4],
        "role": ["beslisser", "inkoper", "inkoper", "beslisser", "gebruiker", "beslisser"],
        "met": [True, True, True, True, False, False],
    })
    cov = f.dmu_per_opportunity(contacts, roles=ROLES3, opportunities=[1, 2, 3, 4, 5])
    outcome = pd.Series({1: "gewonnen", 2: "verloren", 3: "gewonnen", 4: "verloren", 5: "verloren"})
    return cov, outcome


def test_dmu_per_opportunity_by_hand():
    cov, _ = _dmu_case()
    assert cov.loc[1, list(ROLES3)].tolist() == ["gesproken", "gesproken", "geen rol"]
    assert cov.loc[3, list(ROLES3)].tolist() == ["gesproken", "geen rol", "niet gesproken"]
    assert cov.loc[5, list(ROLES3)].tolist() == ["geen rol"] * 3
    assert cov["rollen_in_dmu"].tolist() == [2, 1, 2, 1, 0]
    assert cov["rollen_gesproken"].tolist() == [2, 1, 1, 0, 0]
    assert cov["rollen_gemist"].tolist() == [0, 0, 1, 1, 0]
    assert cov["compleet"].tolist() == [True, True, False, False, True]


def test_dmu_per_opportunity_without_met_column():
    contacts = pd.DataFrame({"opportunity_id": [1], "role": ["inkoper"]})
    cov = f.dmu_per_opportunity(contacts, met_col=None, roles=ROLES3)
    assert cov.loc[1, "inkoper"] == "gesproken"


def test_win_rate_by_dmu_by_hand():
    cov, outcome = _dmu_case()
    table = f.win_rate_by_dmu(cov, outcome, roles=ROLES3)
    # beslisser met in 1 (won), 3 (won): 2/2; missed in 4 (lost): 0/1; not in the DMU of 2 and 5
    assert table.loc["beslisser", ["gewonnen_gesproken", "verloren_gesproken", "win_rate_gesproken"]].tolist() == [2, 0, 1.0]
    assert table.loc["beslisser", ["gewonnen_gemist", "verloren_gemist", "win_rate_gemist"]].tolist() == [0, 1, 0.0]
    assert table.loc["beslisser", "verschil"] == 1.0
    # inkoper met in 1 (won) and 2 (lost): 1/2; never missed
    assert table.loc["inkoper", "win_rate_gesproken"] == 0.5
    assert np.isnan(table.loc["inkoper", "win_rate_gemist"])
    # complete: 1 (won), 2 (lost), 5 (lost) = 1/3; incomplete: 3 (won), 4 (lost) = 1/2
    assert table.loc["alle rollen", "win_rate_gesproken"] == pytest.approx(1 / 3)
    assert table.loc["alle rollen", "win_rate_gemist"] == 0.5


def test_dmu_bad_input():
    with pytest.raises(InputError, match="geen DMU-rol"):
        f.dmu_per_opportunity(pd.DataFrame({"opportunity_id": [1], "role": ["koning"], "met": [True]}))
    with pytest.raises(ColumnError, match="met"):
        f.dmu_per_opportunity(pd.DataFrame({"opportunity_id": [1], "role": ["inkoper"]}))
    with pytest.raises(InputError, match="mist waarden"):
        f.dmu_per_opportunity(pd.DataFrame({"opportunity_id": [1], "role": ["inkoper"], "met": [None]}))
    cov, _ = _dmu_case()
    with pytest.raises(InputError, match="afgesloten"):
        f.win_rate_by_dmu(cov, pd.Series("open", index=cov.index), roles=ROLES3)
    with pytest.raises(InputError, match="Series"):
        f.win_rate_by_dmu(cov, ["gewonnen"] * 5, roles=ROLES3)


# --- opportunities table ---------------------------------------------------------------------------

def _opps():
    return pd.DataFrame({
        "last_stage": ["kwalificatie", "offerte", "offerte", "onderhandeling", "onderhandeling",
                       "onderhandeling", "behoeftebepaling"],
        "stage": ["verloren", "verloren", "offerte", "gewonnen", "gewonnen", "onderhandeling", "verloren"],
        "outcome": ["verloren", "verloren", "open", "gewonnen", "gewonnen", "open", "verloren"],
        "value": [1_000.0, 2_000.0, 5_000.0, 3_000.0, 5_000.0, 10_000.0, 500.0],
        "probability": [0.0, 0.0, 0.5, 1.0, 1.0, 0.75, 0.0],
        "created_on": pd.to_datetime(["2025-01-01"] * 7),
        "closed_on": pd.to_datetime(["2025-02-01", "2025-03-01", None, "2025-01-31", "2025-03-02", None,
                                     "2025-01-15"]),
        "quotation_sent": [False, True, True, True, True, True, False],
    })


def test_opportunity_funnel_by_hand():
    # closed: lost at kwalificatie, offerte, behoeftebepaling; 2 won
    # reached at least: kwalificatie 5, behoeftebepaling 4, offerte 3, onderhandeling 2, gewonnen 2
    table = f.opportunity_funnel(_opps())
    assert table["stage"].tolist() == list(f.FUNNEL_STAGES)
    assert table["aantal"].tolist() == [5, 4, 3, 2, 2]
    assert table["conversie"].iloc[:4].tolist() == pytest.approx([0.8, 0.75, 2 / 3, 1.0])
    everything = f.opportunity_funnel(_opps(), closed_only=False)
    assert everything["aantal"].tolist() == [7, 6, 5, 3, 2]


def test_pipeline_by_stage_by_hand():
    table = f.pipeline_by_stage(_opps()).set_index("stage")
    # open: offerte 5,000 × 0.5 = 2,500; onderhandeling 10,000 × 0.75 = 7,500
    assert table.loc["offerte", ["aantal", "value", "gewogen"]].tolist() == [1, 5_000, 2_500]
    assert table.loc["onderhandeling", "gewogen"] == 7_500
    assert table.loc["kwalificatie", "aantal"] == 0
    assert np.isnan(table.loc["kwalificatie", "probability"])
    with pytest.raises(InputError, match="onbekende"):
        f.pipeline_by_stage(_opps(), stages=["offerte"])


def test_funnel_metrics_by_hand():
    m = f.funnel_metrics(_opps())
    # quotations 5, orders 2 -> hit rate 0.4; won 2, lost 3 -> win rate 0.4
    assert m["offertes"] == 5 and m["orders"] == 2
    assert m["hit_rate"] == pytest.approx(0.4)
    assert m["win_rate"] == pytest.approx(0.4)
    # average deal (3,000 + 5,000) / 2 = 4,000; cycle (30 + 60) / 2 = 45 days
    assert m["average_deal"] == 4_000
    assert m["sales_cycle"] == 45
    # pipeline 2,500 + 7,500 = 10,000; velocity 2 open × 0.4 × 4,000 / 45
    assert m["weighted_pipeline"] == 10_000
    assert m["sales_velocity"] == pytest.approx(2 * 0.4 * 4_000 / 45)


def test_funnel_metrics_needs_won_deals():
    opps = _opps().assign(outcome="verloren")
    with pytest.raises(InputError, match="gewonnen"):
        f.funnel_metrics(opps)
    with pytest.raises(ColumnError, match="quotation_sent"):
        f.funnel_metrics(_opps().drop(columns="quotation_sent"))


# --- plan inputs from the company tables ---------------------------------------------------------

def _plan_tables():
    # 2025: two new-customer wins from leads 1 (cold, 3,000) and 2 (online, 5,000), an existing
    # customer's win (1,000) and a loss; 2020: a cold win of 99,000 outside the default five years
    opps = pd.DataFrame({"outcome": ["gewonnen", "gewonnen", "verloren", "gewonnen", "gewonnen"],
                         "value": [3_000.0, 5_000.0, 700.0, 99_000.0, 1_000.0],
                         "lead_id": pd.array([1, 2, 3, 4, None], dtype="Int64"),
                         "customer_id": pd.array([None, None, None, None, 42], dtype="Int64"),
                         "closed_on": pd.to_datetime(["2025-02-01", "2025-09-01", "2025-03-01", "2020-06-01",
                                                      "2025-05-01"])})
    leads = pd.DataFrame({"lead_id": [1, 2, 3, 4],
                          "source": ["koude acquisitie", "online", "koude acquisitie", "koude acquisitie"]})
    # the chain of 2024 and 2025 counts (within five years), 2019's does not
    calls = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2024-02-01", "2019-01-01"]),
                          "calls": [300, 300, 10], "appointments": [30, 30, 10], "quotations": [12, 12, 10],
                          "orders": [3, 3, 10]})
    goals = pd.DataFrame({"month": pd.to_datetime(["2026-01-01", "2026-02-01", "2025-01-01"]),
                          "revenue_target": [60_000.0, 60_000.0, 1.0]})
    # customer 9 ordered in 2024 and not in 2025: its 5 of revenue is the loss
    sold = pd.DataFrame({"date": pd.to_datetime(["2025-04-04", "2025-05-05", "2024-01-01"]),
                         "customer_id": [42, 7, 9], "revenue": [40_000.0, 40_000.0, 5.0]})
    return opps, calls, goals, sold, leads


def test_plan_inputs_by_hand():
    p = f.plan_inputs(*_plan_tables())
    # target 120,000 - (revenue 2025 80,000 - lost 5) = 40,005; cold acquisition won 3,000 of the
    # 8,000 won from new customers in 2021-2025: share 0.375, so 15,001.875 to win by calling;
    # the average cold deal is 3,000 (the 2020 win is outside the five years)
    assert p["lost_revenue"] == 5
    assert p["growth_revenue"] == 40_005
    assert p["cold_share"] == pytest.approx(0.375)
    assert p["target_revenue"] == pytest.approx(15_001.88)
    assert p["average_order"] == 3_000
    assert p["order_basis"] == "koude acquisitie" and p["years"] == (2021, 2025)
    # chain 2024-2025: orders 6 / quotations 24 = 0.25; 24 / 60 appointments = 0.4; 60 / 600 calls = 0.1
    assert list(p["rates"]) == ["offertes", "bezoeken", "telefoongesprekken"]
    assert list(p["rates"].values()) == pytest.approx([0.25, 0.4, 0.1])
    # 15,001.88 / 3,000 = 5.0006 -> 6 orders -> 24 offertes -> 60 bezoeken -> 600 gesprekken
    plan = f.sales_plan(p["target_revenue"], p["average_order"], p["rates"])
    assert plan["nodig"].tolist() == [6, 24, 60, 600]
    # one year of history: only the chain of 2025 (the same ratios here) and the same deals
    assert f.plan_inputs(*_plan_tables(), history=1)["years"] == (2025, 2025)


def test_plan_inputs_order_basis():
    tables = _plan_tables()
    # new customers: (3,000 + 5,000) / 2; all customers: (3,000 + 5,000 + 1,000) / 3 = 3,000
    assert f.plan_inputs(*tables, order_basis="nieuwe klanten")["average_order"] == pytest.approx(4_000)
    everyone = f.plan_inputs(*tables, order_basis="alle klanten")
    assert everyone["average_order"] == pytest.approx(3_000)
    # the rates and the share do not depend on the basis
    assert everyone["rates"] == f.plan_inputs(*tables)["rates"]
    assert everyone["cold_share"] == f.plan_inputs(*tables)["cold_share"]
    with pytest.raises(InputError, match="order_basis"):
        f.plan_inputs(*tables, order_basis="nieuw")
    opps, calls, goals, sold, leads = tables
    with pytest.raises(ColumnError, match="customer_id"):
        f.plan_inputs(opps.drop(columns="customer_id"), calls, goals, sold, leads)
    with pytest.raises(ColumnError, match="customer_id"):
        f.plan_inputs(opps, calls, goals, sold.drop(columns="customer_id"), leads)
    with pytest.raises(ColumnError, match="source"):
        f.plan_inputs(opps, calls, goals, sold, leads.drop(columns="source"))
    with pytest.raises(InputError, match="koude acquisitie"):
        f.plan_inputs(opps.assign(customer_id=pd.array([1] * 5, dtype="Int64")), calls, goals, sold, leads)


def test_plan_inputs_on_the_company_take_the_cold_deals_of_five_years():
    from salesnb.data import load

    opps, leads = load("opportunities"), load("leads")
    tables = (opps, load("cold_calls"), load("targets"), load("orders"), leads)
    source = opps["lead_id"].map(leads.set_index("lead_id")["source"].astype(object))
    won = opps[(opps["outcome"] == "gewonnen") & opps["closed_on"].dt.year.between(2021, 2025)]
    new = won[won["customer_id"].isna()]
    cold = won[source.loc[won.index] == "koude acquisitie"]
    p = f.plan_inputs(*tables)
    assert p["average_order"] == pytest.approx(cold["value"].mean())
    assert p["cold_share"] == pytest.approx(cold["value"].sum() / new["value"].sum())
    assert 0 < p["target_revenue"] < p["growth_revenue"]
    assert f.plan_inputs(*tables, order_basis="alle klanten")["average_order"] == pytest.approx(won["value"].mean())


def test_plan_inputs_bad_input():
    opps, calls, goals, sold, leads = _plan_tables()
    with pytest.raises(InputError, match="niet boven"):
        f.plan_inputs(opps, calls, goals.assign(revenue_target=1.0), sold, leads)
    with pytest.raises(InputError, match="geen gewonnen"):
        f.plan_inputs(opps, calls, goals, sold, leads, year=2019, plan_year=2026)
    with pytest.raises(ColumnError, match="appointments"):
        f.plan_inputs(opps, calls.drop(columns="appointments"), goals, sold, leads)


# --- widgets (headless) ---------------------------------------------------------------------------

def test_sales_plan_explorer_numbers_and_savings():
    from salesnb.widgets.funnel import sales_plan_explorer

    w = sales_plan_explorer(target_revenue=480_000, average_order=3_000, hit_rate=0.35, quotations_per_visit=0.6,
                            visits_per_call=0.15, account_managers=4, working_weeks=46)
    # by hand: each stage 160 -> 458 -> 764 -> 5094; only the end: 5080 calls
    assert w.result["each"].tolist() == [160, 458, 764, 5094]
    assert w.result["end"][-1] == 5080
    # 5094 / 4 / 46 = 27.68 calls per week: a weekly average, not rounded up (0,1 order a week is not one)
    assert w.result["per_week"][-1] == pytest.approx(5094 / 4 / 46)
    assert "27,7" in w.readout.value
    assert w.result["saved_calls"] == 0
    w.set(hit_rate=0.40)
    # 160 / 0.4 = 400 -> 400 / 0.6 = 666.7 -> 667 -> 667 / 0.15 = 4446.7 -> 4447: saves 5094 - 4447 = 647
    assert w.result["each"][-1] == 4447
    assert w.result["saved_calls"] == 647
    assert "647" in w.readout.value


def test_funnel_explorer_numbers():
    from salesnb.widgets.funnel import funnel_explorer

    w = funnel_explorer(opportunities=1000, conversions=(0.5, 0.5, 0.5, 0.5), average_deal=1_000.0)
    assert w.result["orders"] == pytest.approx(62.5)
    assert w.result["revenue"] == pytest.approx(62_500)
    w.set(c0=1.0)
    assert w.result["orders"] == pytest.approx(125)


# --- the verkoopplan chart -----------------------------------------------------------------------

def test_plot_sales_plan_log_axis_keeps_small_stages_readable():
    from matplotlib.figure import Figure

    from salesnb.plots.funnel import plot_sales_plan

    # 60,000 / 3,000 = 20 orders -> 80 offertes -> 160 bezoeken -> 3,200 gesprekken
    plan = f.sales_plan(60_000, 3_000, {"offertes": 0.25, "bezoeken": 0.5, "telefoongesprekken": 0.05})
    assert plan["nodig"].tolist() == [20, 80, 160, 3200]
    fig = Figure()
    ax = plot_sales_plan(plan, ax=fig.add_subplot())
    assert ax.get_yscale() == "log"
    low, high = ax.get_ylim()
    # the orders bar is at least one decade tall, the calls bar with its number fits below the top
    assert low <= 20 / 10 and high > 3200
    assert [b.get_height() for b in ax.patches] == [20, 80, 160, 3200]
    assert [t.get_text() for t in ax.texts] == ["20", "80", "160", "3.200"]
    shown = [ax.yaxis.get_major_formatter()(t, i) for i, t in enumerate(ax.get_yticks()) if low <= t <= high]
    assert shown == ["1", "10", "100", "1.000"]
    assert plot_sales_plan(plan, log=False, ax=Figure().add_subplot()).get_yscale() == "linear"
