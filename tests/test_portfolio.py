"""Tests for salesnb.portfolio (H6): worked examples computed by hand, properties, Dutch errors."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import portfolio as pf
from salesnb.errors import ColumnError, InputError

LAYERS = list(pf.PYRAMID_LAYERS)


# --------------------------------------------------------------------------- CLV worked examples

def test_clv_simple_form():
    # 1200 margin per year for 4 years: 1200 * 4 = 4800
    assert pf.clv(1200, years=4) == pytest.approx(4800)


def test_clv_infinite_margin_at_end():
    # m=1000, r=0.75, d=0.10: 1000 * 0.75 / (1.10 - 0.75) = 750 / 0.35 = 2142.857...
    assert pf.clv(1000, retention=0.75, discount_rate=0.10) == pytest.approx(750 / 0.35)


def test_clv_infinite_margin_at_start():
    # m=1000, r=0.75, d=0.10: 1000 * 1.10 / 0.35 = 3142.857...
    assert pf.clv(1000, retention=0.75, discount_rate=0.10, margin_at_start=True) == pytest.approx(1100 / 0.35)


def test_clv_without_discount_equals_margin_times_lifetime_minus_first_year():
    # d=0, margin at start: m / (1 - r) = 500 / 0.2 = 2500 (expected lifetime 5 years)
    assert pf.clv(500, retention=0.8, margin_at_start=True) == pytest.approx(2500)
    # margin at end: m r / (1 - r) = 400 / 0.2 = 2000
    assert pf.clv(500, retention=0.8) == pytest.approx(2000)


def test_clv_finite_horizon_by_hand():
    # m=1000, r=0.8, d=0.1, 3 years, margin at end: q = 0.8/1.1
    # q + q^2 + q^3 = 0.727272.. + 0.528925.. + 0.384673.. = 1.640871..
    q = 0.8 / 1.1
    expected = 1000 * (q + q ** 2 + q ** 3)
    assert pf.clv(1000, years=3, retention=0.8, discount_rate=0.1) == pytest.approx(expected)
    # margin at start: 1 + q + q^2
    assert pf.clv(1000, years=3, retention=0.8, discount_rate=0.1, margin_at_start=True) == \
        pytest.approx(1000 * (1 + q + q ** 2))


def test_clv_simple_form_with_discount():
    # 1000 for 2 years at 10%: 1000/1.1 + 1000/1.21 = 909.09 + 826.45 = 1735.54
    assert pf.clv(1000, years=2, discount_rate=0.1) == pytest.approx(1000 / 1.1 + 1000 / 1.21)


def test_clv_net_of_acquisition_cost():
    # 1000 * 0.5 / (1 - 0.5) = 1000; minus 300 = 700
    assert pf.clv(1000, retention=0.5, acquisition_cost=300) == pytest.approx(700)


def test_clv_vectorised_keeps_series_index():
    margin = pd.Series([1000.0, 2000.0], index=["zorg", "horeca"])
    result = pf.clv(margin, years=3)
    assert isinstance(result, pd.Series)
    assert list(result.index) == ["zorg", "horeca"]
    assert result.tolist() == pytest.approx([3000, 6000])
    by_retention = pf.clv(1000, retention=[0.5, 0.75])
    assert by_retention.tolist() == pytest.approx([1000, 3000])


def test_finite_horizon_approaches_infinite():
    long = pf.clv(800, years=500, retention=0.7, discount_rate=0.05)
    assert long == pytest.approx(pf.clv(800, retention=0.7, discount_rate=0.05))


@pytest.mark.parametrize("kwargs, fragment", [
    ({}, "years"),
    ({"retention": 80}, "percentage"),
    ({"retention": 1.0}, "oneindig"),
    ({"retention": -0.1}, "minstens"),
    ({"retention": 0.8, "discount_rate": 8}, "percentage"),
    ({"years": -1}, "minstens"),
    ({"retention": 0.5, "acquisition_cost": -5}, "minstens"),
    ({"retention": float("nan")}, "eindig"),
    ({"retention": [0.5, 0.6], "years": [1, 2, 3]}, "even lang"),
])
def test_clv_bad_input(kwargs, fragment):
    with pytest.raises(InputError, match=fragment):
        pf.clv(1000, **kwargs)


def test_clv_margin_string_and_none():
    with pytest.raises(InputError):
        pf.clv("1000", years=3)
    with pytest.raises(InputError):
        pf.clv([1000, None], years=3)


def test_clv_finite_horizon_allows_full_retention():
    # retention 1 with a horizon is the simple form: 3 * 100
    assert pf.clv(100, years=3, retention=1.0) == pytest.approx(300)


def test_clv_cac_ratio():
    assert pf.clv_cac_ratio(4500, 1500) == pytest.approx(3.0)
    with pytest.raises(InputError, match="0"):
        pf.clv_cac_ratio(4500, 0)


@settings(max_examples=60, deadline=None)
@given(m=st.floats(1, 1e5), r1=st.floats(0, 0.98), r2=st.floats(0, 0.98), d=st.floats(0, 0.3),
       years=st.one_of(st.none(), st.integers(1, 30)), start=st.booleans())
def test_clv_rises_with_retention(m, r1, r2, d, years, start):
    lo, hi = sorted([r1, r2])
    a = pf.clv(m, retention=lo, discount_rate=d, years=years, margin_at_start=start)
    b = pf.clv(m, retention=hi, discount_rate=d, years=years, margin_at_start=start)
    assert b >= a - 1e-9 * max(1.0, abs(a))


@settings(max_examples=40, deadline=None)
@given(m=st.floats(1, 1e5), r=st.floats(0.01, 0.98), d1=st.floats(0, 0.5), d2=st.floats(0, 0.5))
def test_clv_falls_with_discount_rate(m, r, d1, d2):
    lo, hi = sorted([d1, d2])
    assert pf.clv(m, retention=r, discount_rate=lo) >= pf.clv(m, retention=r, discount_rate=hi) - 1e-9 * m


def test_clv_table_per_segment_by_hand():
    seg = pd.DataFrame({"marge": [1000.0, 600.0], "retentie": [0.8, 0.5], "cac": [500.0, 200.0]},
                       index=["zorg", "horeca"])
    out = pf.clv_table(seg, cac_col="cac", discount_rate=0.0, years=2)
    # zorg: lifetime 1/(1-0.8) = 5, simple 5000, infinite 1000*0.8/0.2 = 4000, horizon 800+640 = 1440
    assert out.loc["zorg", "levensduur"] == pytest.approx(5)
    assert out.loc["zorg", "clv_eenvoudig"] == pytest.approx(5000)
    assert out.loc["zorg", "clv_oneindig"] == pytest.approx(4000)
    assert out.loc["zorg", "clv_horizon"] == pytest.approx(1440)
    assert out.loc["zorg", "clv_netto"] == pytest.approx(3500)
    assert out.loc["zorg", "clv_cac"] == pytest.approx(8)
    # horeca: 600*0.5/0.5 = 600, net 400, ratio 3
    assert out.loc["horeca", "clv_cac"] == pytest.approx(3)
    assert "clv_netto" not in seg.columns  # input not modified


def test_retention_rate_by_hand_and_per_segment():
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 3, 3, 4, 5],
        "date": pd.to_datetime(["2024-02-01", "2025-03-01", "2024-04-01", "2024-05-01",
                                "2025-05-01", "2024-06-01", "2025-01-01"]),
    })
    # bought in 2024: 1,2,3,4; of those in 2025: 1,3 -> 2/4
    assert pf.retention_rate(orders, 2025) == pytest.approx(0.5)
    seg = pd.Series({1: "zorg", 2: "zorg", 3: "horeca", 4: "horeca", 5: "zorg"})
    per = pf.retention_rate(orders, 2025, by=seg)
    assert per["zorg"] == pytest.approx(0.5) and per["horeca"] == pytest.approx(0.5)
    with pytest.raises(InputError, match="2019"):
        pf.retention_rate(orders, 2020)


# --------------------------------------------------------------------------- ABC / Pareto

def test_abc_worked_example_with_boundary():
    # total 1000: 550 (.55 A), 250 (.80 A: exactly 80% stays A), 100 (.90 B), 60 (.96 C), 40 (1.0 C)
    values = pd.Series([40, 250, 100, 60, 550], index=list("pqrst"))
    classes = pf.abc_classes(values)
    assert classes.to_dict() == {"p": "C", "q": "A", "r": "B", "s": "C", "t": "A"}
    assert list(classes.index) == list("pqrst")


def test_abc_crossing_customer_is_b():
    # 700 (.70 A), 200 (.90: crosses 80% -> B), 100 (1.0 C)
    assert pf.abc_classes([700, 200, 100]).tolist() == ["A", "B", "C"]


def test_abc_summary_by_hand():
    out = pf.abc_summary([40, 250, 100, 60, 550])
    assert out["klanten"].tolist() == [2, 1, 2]
    assert out["aandeel_omzet"].tolist() == pytest.approx([0.8, 0.1, 0.1])
    assert out["aandeel_klanten"].tolist() == pytest.approx([0.4, 0.2, 0.4])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=60).filter(lambda x: sum(x) > 0))
def test_abc_monotone_in_revenue(values):
    classes = pf.abc_classes(values).cat.codes.to_numpy()
    v = np.asarray(values)
    for i in range(len(v)):
        for j in range(len(v)):
            if v[i] > v[j]:
                assert classes[i] <= classes[j]


@pytest.mark.parametrize("values, fragment", [
    ([], "leeg"), ([0, 0], "0"), ([10, -1], "minstens"), (["a", 1], "geen getal"),
    ([1, float("nan")], "mist"), ("100", "rij getallen"),
])
def test_abc_bad_input(values, fragment):
    with pytest.raises(InputError, match=fragment):
        pf.abc_classes(values)


def test_abc_bad_limits():
    with pytest.raises(InputError, match="kleiner"):
        pf.abc_classes([1, 2], a=0.95, b=0.8)
    with pytest.raises(InputError, match="percentage"):
        pf.abc_classes([1, 2], a=80, b=95)


def test_lorenz_points_and_gini():
    pts = pf.lorenz_points([10, 30, 60])
    assert pts["aandeel_klanten"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    assert pts["aandeel_omzet"].tolist() == pytest.approx([0, 0.6, 0.9, 1.0])
    low = pf.lorenz_points([10, 30, 60], order="lorenz")
    assert low["aandeel_omzet"].tolist() == pytest.approx([0, 0.1, 0.4, 1.0])
    # Gini of (0, 0, 0, 10): 2*(4*10)/(4*10) - 5/4 = 0.75
    assert pf.gini([0, 0, 0, 10]) == pytest.approx(0.75)
    assert pf.gini([5, 5, 5]) == pytest.approx(0)


# --------------------------------------------------------------------------- pyramid

def _orders(revenues, date="2025-06-01"):
    return pd.DataFrame({"customer_id": [f"K{i:03d}" for i in range(len(revenues))],
                         "revenue": revenues, "date": pd.to_datetime([date] * len(revenues))})


def test_pyramid_quota_counts_by_hand():
    # 200 active customers: cumulative ceil(2)=2 top, ceil(10)=10 -> 8 groot, ceil(40)=40 -> 30 middel, 160 klein
    orders = _orders([float(1000 - i) for i in range(200)])
    p = pf.customer_pyramid(orders, reference_date="2026-01-01")
    counts = p["laag"].value_counts().reindex(LAYERS).tolist()
    assert counts == [2, 8, 30, 160, 0, 0, 0]
    assert p.loc["K000", "laag"] == "top" and p.loc["K002", "laag"] == "groot"
    assert p.loc["K000", "rang"] == 1


def test_pyramid_quota_ceil_without_float_error():
    # 100 customers, quota 0.07: ceil(0.07*100) must be 7 (floats give 8)
    orders = _orders([float(1000 - i) for i in range(100)])
    p = pf.customer_pyramid(orders, reference_date="2026-01-01", quotas=(0.01, 0.07, 0.20))
    assert (p["laag"] == "groot").sum() == 6  # ranks 2..7


def test_pyramid_revenue_thresholds_and_other_layers():
    orders = pd.DataFrame({
        "customer_id": ["a", "b", "c", "d", "e", "e", "f"],
        "revenue": [60000.0, 20000, 6000, 100, 99999, 3000, 500],
        "date": pd.to_datetime(["2025-03-01"] * 4 + ["2023-05-01", "2026-02-01", "2024-12-31"]),
    })
    p = pf.customer_pyramid(orders, reference_date="2026-01-01", thresholds=(50000, 15000, 5000),
                            prospects=["p1", "a"], suspects=["s1", "p1"])
    layer = p["laag"].astype(str).to_dict()
    # e: bought in 2023 only (2026 order is after the reference date) -> inactief
    # f: last order 2024-12-31, more than 12 months before 2026-01-01 -> inactief
    assert layer == {"a": "top", "b": "groot", "c": "middelgroot", "d": "klein", "e": "inactief",
                     "f": "inactief", "p1": "prospect", "s1": "suspect"}
    assert p.loc["e", "omzet"] == 0


def test_pyramid_summary_by_hand():
    # revenues 500, 300, 150, 50 active; one inactive
    orders = _orders([500.0, 300, 150, 50])
    orders.loc[4] = ["K004", 999.0, pd.Timestamp("2020-01-01")]
    s = pf.pyramid_summary(pf.customer_pyramid(orders, reference_date="2026-01-01", prospects=["x"]))
    # 4 active: ceil(.04)=1 top, ceil(.2)=1, ceil(.8)=1 -> top 1, klein 3
    assert s["klanten"].tolist() == [1, 0, 0, 3, 1, 1, 0]
    assert s.loc["top", "aandeel_omzet"] == pytest.approx(0.5)
    assert s.loc["klein", "aandeel_klanten"] == pytest.approx(0.75)
    assert math.isnan(s.loc["inactief", "aandeel_klanten"])


@settings(max_examples=40, deadline=None)
@given(revenues=st.lists(st.floats(0, 1e5), min_size=1, max_size=80),
       inactive=st.integers(0, 5), prospects=st.integers(0, 5),
       q=st.tuples(st.floats(0.001, 1), st.floats(0.001, 1), st.floats(0.001, 1)).map(sorted))
def test_pyramid_layers_partition_customers(revenues, inactive, prospects, q):
    orders = _orders(revenues)
    old = pd.DataFrame({"customer_id": [f"I{i}" for i in range(inactive)], "revenue": 10.0,
                        "date": pd.Timestamp("2022-01-01")})
    orders = pd.concat([orders, old], ignore_index=True)
    pids = [f"P{i}" for i in range(prospects)] + ["K000"]
    p = pf.customer_pyramid(orders, reference_date="2026-01-01", quotas=tuple(q), prospects=pids)
    expected = set(orders["customer_id"]) | set(pids)
    assert set(p.index) == expected and p.index.is_unique
    assert p["laag"].notna().all()
    s = pf.pyramid_summary(p)
    assert s["klanten"].sum() == len(expected)
    n = len(revenues)
    assert (p["laag"] == "top").sum() == min(n, math.ceil(round(q[0] * n, 9)))
    assert s["aandeel_omzet"].sum() == pytest.approx(1.0) or s["omzet"].sum() == 0


def test_pyramid_bad_input():
    orders = _orders([1.0, 2.0])
    with pytest.raises(ColumnError, match="revenue"):
        pf.customer_pyramid(orders.rename(columns={"revenue": "omzet"}))
    with pytest.raises(InputError, match="oplopen"):
        pf.customer_pyramid(orders, quotas=(0.2, 0.05, 0.01))
    with pytest.raises(InputError, match="aflopen"):
        pf.customer_pyramid(orders, thresholds=(10, 100, 1000))
    with pytest.raises(InputError, match="method"):
        pf.customer_pyramid(orders, method="omzet")
    with pytest.raises(InputError, match="peildatum"):
        pf.customer_pyramid(orders, reference_date="2020-01-01")
    with pytest.raises(InputError, match="datum"):
        pf.customer_pyramid(orders.assign(date=["gisteren", "2025-01-01"]))
    with pytest.raises(InputError, match="3 getallen"):
        pf.customer_pyramid(orders, quotas=(0.1, 0.2))


def test_pyramid_does_not_modify_input():
    orders = _orders([5.0, 3.0, 1.0])
    copy = orders.copy()
    pf.customer_pyramid(orders, reference_date="2026-01-01")
    pd.testing.assert_frame_equal(orders, copy)


def test_pyramid_strategy_per_layer():
    p = pf.customer_pyramid(_orders([5.0, 3.0, 1.0]), reference_date="2026-01-01", prospects=["x"])
    s = pf.pyramid_strategy(p)
    assert s.loc["top", "strategie"] == "vasthouden"
    assert s.loc["prospect", "strategie"] == "werven"
    assert s.loc["suspect", "strategie"] == "identificeren"


def test_migration_between_two_years():
    orders = pd.DataFrame({
        "customer_id": ["a", "b", "c", "a", "c", "d"],
        "revenue": [100.0, 900, 50, 1000, 60, 70],
        "date": pd.to_datetime(["2024-05-01", "2024-05-01", "2024-05-01",
                                "2025-05-01", "2025-05-01", "2025-05-01"]),
    })
    y1 = pf.customer_pyramid(orders, reference_date="2025-01-01", thresholds=(500, 80, 60))
    y2 = pf.customer_pyramid(orders, reference_date="2026-01-01", thresholds=(500, 80, 60))
    # 2024: b top, a groot, c klein. 2025: a top, b inactief, c middelgroot, d middelgroot (new)
    moves = pf.migration_moves(y1, y2)
    assert moves["beweging"].to_dict() == {"a": "omhoog", "b": "inactief geworden", "c": "omhoog",
                                           "d": "nieuwe klant"}
    table = pf.pyramid_migration(y1, y2)
    assert table.loc["groot", "top"] == 1 and table.loc["top", "inactief"] == 1
    assert table.loc["prospect", "middelgroot"] == 1
    assert pf.pyramid_migration(y1, y2, missing="suspect").loc["suspect", "middelgroot"] == 1
    assert table.to_numpy().sum() == 4
    assert list(table.index) == LAYERS and list(table.columns) == LAYERS


# --------------------------------------------------------------------------- RFM

def test_rfm_bands_by_hand():
    orders = pd.DataFrame({
        "customer_id": [1, 1, 1, 2, 3, 3],
        "revenue": [30000.0, 25000, 100, 800, 4000, 2000],
        "date": pd.to_datetime(["2025-12-22", "2025-11-01", "2025-11-01", "2024-06-01",
                                "2025-08-01", "2025-03-01"]),
    })
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01", method="bands")
    # 1: recency 10 days -> 5; 2 order days -> F 2; 55100 >= 50000 -> M 5 => "525", sum 12
    # 2: 579 days -> 1; 1 day -> F 1; 800 < 1000 -> M 1 => "111"
    # 3: 2025-08-01 -> 153 days -> 3; F 2; 6000 >= 5000 -> M 3 => "323"
    assert rfm["rfm_code"].to_dict() == {1: "525", 2: "111", 3: "323"}
    assert rfm["rfm_score"].to_dict() == {1: 12, 2: 3, 3: 8}
    assert rfm.loc[1, "recency"] == 10 and rfm.loc[1, "frequency"] == 2


def test_rfm_band_limit_belongs_to_better_band():
    orders = pd.DataFrame({"customer_id": [1], "revenue": [1000.0],
                           "date": pd.to_datetime(["2025-12-02"])})  # 30 days before 2026-01-01
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01", method="bands")
    assert rfm.loc[1, "R"] == 5 and rfm.loc[1, "M"] == 2  # 1000 >= 1000 -> 2


def test_rfm_quintiles_by_hand():
    # 5 customers, one order each on different days, revenue rising with id:
    # the most recent (id 5) gets R 5, the highest revenue (id 5) M 5, lowest M 1
    orders = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5], "revenue": [10.0, 20, 30, 40, 50],
                           "date": pd.to_datetime(["2025-01-01", "2025-03-01", "2025-05-01",
                                                   "2025-07-01", "2025-09-01"])})
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01")
    assert rfm["R"].tolist() == [1, 2, 3, 4, 5]
    assert rfm["M"].tolist() == [1, 2, 3, 4, 5]
    assert rfm["F"].tolist() == [3, 3, 3, 3, 3]  # all equal frequency: tie at average rank 3/5


def test_rfm_window_in_months():
    orders = pd.DataFrame({"customer_id": [1, 1, 2], "revenue": [100.0, 50, 70],
                           "date": pd.to_datetime(["2024-06-01", "2025-06-01", "2024-03-01"])})
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01", months=12)
    # only the 2025-06-01 order lies in the 12 months before 2026-01-01; customer 2 drops out
    assert list(rfm.index) == [1] and rfm.loc[1, "monetary"] == 50 and rfm.loc[1, "frequency"] == 1


def test_rfm_order_col_counts_orders():
    orders = pd.DataFrame({"customer_id": [1, 1, 1], "order_id": [7, 7, 8], "revenue": [1.0, 1, 1],
                           "date": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-01-01"])})
    assert pf.rfm_scores(orders, order_col="order_id").loc[1, "frequency"] == 2
    assert pf.rfm_scores(orders).loc[1, "frequency"] == 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 700), st.floats(0, 1e5)),
                min_size=1, max_size=120), st.sampled_from(["quintiles", "bands"]))
def test_rfm_codes_in_range(rows, method):
    orders = pd.DataFrame(rows, columns=["customer_id", "days", "revenue"])
    orders["date"] = pd.Timestamp("2025-12-31") - pd.to_timedelta(orders["days"], unit="D")
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01", method=method)
    for col in "RFM":
        assert rfm[col].between(1, 5).all()
    assert rfm["rfm_score"].between(3, 15).all()
    assert rfm["rfm_code"].str.fullmatch(r"[1-5]{3}").all()
    assert (rfm["rfm_code"].str[0].astype(int) == rfm["R"]).all()
    assert set(rfm.index) == set(orders["customer_id"])


def test_rfm_bad_input():
    orders = pd.DataFrame({"customer_id": [1], "revenue": [1.0], "date": pd.to_datetime(["2025-01-01"])})
    with pytest.raises(ColumnError, match="bedoel je"):
        pf.rfm_scores(orders.rename(columns={"revenue": "revenu"}))
    with pytest.raises(InputError, match="method"):
        pf.rfm_scores(orders, method="kwintielen")
    with pytest.raises(InputError, match="oplopen"):
        pf.rfm_scores(orders, method="bands", recency_bands=(365, 180, 90, 30))
    with pytest.raises(InputError, match="geen getal"):
        pf.rfm_scores(orders.assign(revenue=["veel"]))
    with pytest.raises(InputError, match="peildatum"):
        pf.rfm_scores(orders, reference_date="2024-01-01")


def test_rfm_grid_counts():
    rfm = pd.DataFrame({"R": [5, 5, 1, 3], "F": [4, 4, 1, 2], "monetary": [10.0, 30, 5, 7]})
    grid = pf.rfm_grid(rfm)
    assert grid.loc[5, 4] == 2 and grid.loc[1, 1] == 1 and grid.to_numpy().sum() == 4
    assert list(grid.index) == [5, 4, 3, 2, 1]
    assert pf.rfm_grid(rfm, value="monetary").loc[5, 4] == pytest.approx(20)


@pytest.mark.parametrize("n_customers, by_order", [(3000, False), (50_000, True)])
def test_rfm_matches_a_pandas_groupby_on_many_lines(n_customers, by_order):
    # the second case makes customers × orders too large for the int32 sort key (int64 path)
    rng = np.random.default_rng(1)
    n = 200_000
    orders = pd.DataFrame({
        "customer_id": rng.integers(0, n_customers, n),
        "date": pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 1800, n), unit="D"),
        "revenue": rng.gamma(2.0, 200.0, n),
        "order_id": rng.permutation(n) // 2,
    })
    rfm = pf.rfm_scores(orders, reference_date="2026-01-01", order_col="order_id" if by_order else None)
    grouped = orders.groupby("customer_id")
    expected_frequency = grouped["order_id" if by_order else "date"].nunique()
    expected_recency = (pd.Timestamp("2026-01-01") - grouped["date"].max()).dt.days
    assert rfm.index.equals(expected_frequency.index)
    assert (rfm["frequency"] == expected_frequency).all()
    assert np.allclose(rfm["recency"], expected_recency)
    assert np.allclose(rfm["monetary"], grouped["revenue"].sum())



# --------------------------------------------------------------------------- segmentation, cycle

def test_segment_summary_by_hand():
    t = pd.DataFrame({"sector": ["zorg", "zorg", "industrie", "horeca"],
                      "omzet": [100.0, 300, 500, 100], "marge": [40.0, 60, 100, 50]})
    out = pf.segment_summary(t, "sector", margin_col="marge")
    assert list(out.index) == ["industrie", "zorg", "horeca"]
    assert out.loc["zorg", "omzet_per_klant"] == pytest.approx(200)
    assert out.loc["zorg", "aandeel_klanten"] == pytest.approx(0.5)
    assert out.loc["industrie", "aandeel_omzet"] == pytest.approx(0.5)
    assert out.loc["horeca", "marge_per_klant"] == pytest.approx(50)
    with pytest.raises(ColumnError):
        pf.segment_summary(t, "branche")


def test_relationship_phase_by_hand():
    orders = pd.DataFrame({
        "customer_id": ["new", "loyal", "loyal", "lapsed", "gone"],
        "date": pd.to_datetime(["2025-03-01", "2022-05-01", "2025-11-01", "2024-03-01", "2022-06-01"]),
    })
    ph = pf.relationship_phase(orders, reference_date="2026-01-01", prospects=["p", "new"])
    assert ph["fase"].astype(str).to_dict() == {"new": "ontwikkelen", "loyal": "behouden",
                                                "lapsed": "terugwinnen", "gone": "afscheid",
                                                "p": "werven"}
    assert ph.loc["gone", "strategie"] == pf.RELATIONSHIP_STRATEGIES["afscheid"]
    summary = pf.phase_summary(ph, revenue=pd.Series({"loyal": 300.0, "new": 100.0}))
    assert summary["klanten"].tolist() == [1, 1, 1, 1, 1]
    assert summary.loc["behouden", "aandeel_omzet"] == pytest.approx(0.75)
    with pytest.raises(InputError, match="groter"):
        pf.relationship_phase(orders, inactive_months=36, lost_months=12)


def test_quota_layers_and_split_prospects():
    # 10 customers, quotas 10/20/50%: cumulative counts 1, 2, 5
    layers = pf.quota_layers(pd.Series([5, 80, 20, 1, 3, 2, 9, 4, 6, 7], index=list("abcdefghij")),
                             quotas=(0.1, 0.2, 0.5))
    assert layers["b"] == "top" and layers["c"] == "groot"
    assert sorted(layers[layers == "middelgroot"].index) == ["g", "i", "j"]
    prospects = pd.DataFrame({"prospect_id": [1, 2, 3],
                              "last_contact": pd.to_datetime(["2025-01-01", None, None]),
                              "had_quotation": [False, True, False]})
    assert pf.split_prospects(prospects) == (["P1", "P2"], ["P3"])


def test_segment_clv_inputs_by_hand():
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 2, 3, 4],
        "margin": [100.0, 300, 50, 100, 500, 80],
        "date": pd.to_datetime(["2024-05-01", "2025-05-01", "2024-06-01", "2025-02-01",
                                "2024-03-01", "2025-03-01"]),
    })
    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4], "sector": ["zorg", "zorg", "horeca", "horeca"]})
    leads = pd.DataFrame({"sector": ["zorg", "zorg", "horeca"], "cost": [300.0, 100, 50],
                          "customer_id": [1, None, 4]})
    out = pf.segment_clv_inputs(orders, customers, leads=leads)
    # zorg 2025: customers 1 (300) and 2 (100) -> mean 200; retained 2 of 2 -> 1.0; CAC 400 / 1 won
    assert out.loc["zorg", "marge"] == pytest.approx(200)
    assert out.loc["zorg", "retentie"] == pytest.approx(1.0)
    assert out.loc["zorg", "cac"] == pytest.approx(400)
    # horeca 2025: customer 4 (80); 2024 customer 3 not retained -> 0.0; CAC 50
    assert out.loc["horeca", "retentie"] == pytest.approx(0.0)
    table = pf.clv_per_segment(orders, customers, leads=leads, discount_rate=0.0)
    # zorg is left out (retention 1: infinite CLV); horeca: 80 * 0 / 1 = 0, net -50
    assert list(table.index) == ["horeca"]
    assert table.loc["horeca", "clv_netto"] == pytest.approx(-50)


# --------------------------------------------------------------------------- charts, widgets, exercises

def test_plots_draw_with_dutch_labels():
    from matplotlib.figure import Figure

    from salesnb.plots import portfolio as pp

    summary = pd.DataFrame({"klanten": [2, 8, 30, 160, 10, 5, 3],
                            "aandeel_omzet": [0.4, 0.25, 0.2, 0.15, 0, 0, 0]},
                           index=pd.Index(LAYERS, name="laag"))
    ax = pp.plot_pyramid(summary, ax=Figure().add_subplot())
    texts = [t.get_text() for t in ax.texts]
    assert "top" in texts and any("40% van de omzet" in t for t in texts)
    assert len(ax.patches) == 7  # seven trapezoid layers
    ax = pp.plot_pareto([40, 250, 100, 60, 550], ax=Figure().add_subplot())
    assert ax.get_xlabel() == "Cumulatief aandeel klanten"
    assert any(t.get_text().startswith("A\n") for t in ax.texts)
    rfm = pd.DataFrame({"R": [5, 5, 1], "F": [4, 4, 1], "monetary": [1.0, 2, 3]})
    ax = pp.plot_rfm_heatmap(rfm, ax=Figure().add_subplot())
    assert "2" in [t.get_text() for t in ax.texts]
    ax = pp.plot_clv_retention(1000, discount_rate=0.1, retention=0.75, years=5, ax=Figure().add_subplot())
    line = ax.get_lines()[0]
    ydata = line.get_ydata()
    assert (np.diff(ydata) > 0).all() and (np.diff(ydata, 2) > 0).all()  # rising and convex
    assert any("2.143" in t.get_text() for t in ax.texts)


def test_clv_widget_moves():
    from salesnb.widgets.portfolio import clv_explorer

    w = clv_explorer(margin=1000, retention=0.75, discount_rate=0.10)
    assert w.result["clv"] == pytest.approx(750 / 0.35)
    png = w.png()
    w.set(retention=0.9)
    # 1000 * 0.9 / 0.2 = 4500
    assert w.result["clv"] == pytest.approx(4500)
    assert w.png() != png and "4.500" in w.readout.value
    w.set(margin=2000, discount_rate=0.0, years=3)
    assert w.result["horizon"] == pytest.approx(2000 * (0.9 + 0.81 + 0.729))
    assert w.error is None


def test_pyramid_quota_widget_moves():
    from salesnb.widgets.portfolio import abc_explorer, pyramid_quota_explorer

    revenue = pd.Series(np.arange(200, 0, -1, dtype=float))
    w = pyramid_quota_explorer(revenue)
    s = w.result["summary"]
    assert s["klanten"].tolist() == [2, 8, 30, 160]
    w.set(top=0.05, groot=0.10, middelgroot=0.30)
    assert w.result["summary"]["klanten"].tolist() == [10, 10, 40, 140]
    assert "10 klanten" in w.readout.value
    a = abc_explorer(revenue)
    a.set(a=0.9, b=0.85)
    assert a.error is not None  # A limit above B limit is refused in Dutch
    a.set(b=0.95)
    assert a.error is None


@pytest.fixture(params=[None, 7], ids=["standaard", "seed7"])
def seed(request):
    import salesnb

    salesnb.use_seed(request.param)
    yield request.param
    salesnb.use_seed(None)


@pytest.mark.parametrize("exercise_id", ["6.5", "6.3", "6.1", "6.4", "6.2", "6.6"])
def test_exercises_solution_and_mistakes(exercise_id, seed):
    import salesnb.exercises as ex

    e = ex.get_exercise(exercise_id)
    assert ex.check(exercise_id, ex.run_solution(exercise_id)).correct is True
    assert ex.check(exercise_id, ...).correct is None
    for mistake in e.mistakes:
        result = ex.check(exercise_id, mistake.wrong_value())
        assert result.correct is False
        assert mistake.message[:40] in result.message
    if e.choices:
        wrong = [k for k in e.choices if ex.check(exercise_id, k).correct is False]
        assert len(wrong) == len(e.choices) - 1


def test_company_pyramid_shows_curry_skew():
    import salesnb

    orders = salesnb.load("orders")
    summary = pf.pyramid_summary(pf.customer_pyramid(orders, reference_date="2026-01-01"))
    top3 = summary.loc[["top", "groot", "middelgroot"]]
    # Curry: about 20% of the active customers bring most of the revenue
    assert top3["aandeel_omzet"].sum() > 0.6
    assert summary.loc["top", "aandeel_omzet"] > summary.loc["top", "aandeel_klanten"] * 10


def test_exercise_6_1_hand_value():
    import salesnb.exercises as ex

    # 2400 * 0.75 / (1.10 - 0.75) = 1800 / 0.35 = 5142.86
    assert ex.check("6.5", 5142.86).correct is True
    assert ex.check("6.5", 7200).correct is False  # forgot the discount rate


def test_rfm_quintiles_on_data_with_many_one_time_buyers():
    """Shaped like CDNOW (lifetimes' sample): about half the customers buy once."""
    rng = np.random.default_rng(5)
    n = 2000
    purchases = np.where(rng.random(n) < 0.51, 1, 1 + rng.geometric(0.35, n))
    customers = np.repeat(np.arange(n), purchases)
    days = rng.integers(0, 540, customers.size)
    orders = pd.DataFrame({"customer_id": customers,
                           "date": pd.Timestamp("1997-01-01") + pd.to_timedelta(days, unit="D"),
                           "revenue": rng.gamma(2.0, 20.0, customers.size).round(2)})
    before = orders.copy()
    rfm = pf.rfm_scores(orders, reference_date="1998-07-01", order_col=None)
    pd.testing.assert_frame_equal(orders, before)
    one_time = rfm["frequency"] == rfm["frequency"].min()
    assert one_time.mean() > 0.4
    assert (rfm.loc[one_time, "F"] == 1).all(), "the weakest frequency must score 1"
    assert (rfm.loc[rfm["frequency"] == rfm["frequency"].max(), "F"] == 5).all()
    assert set(rfm["F"]) >= {1, 5} and set(rfm["R"]) == {1, 2, 3, 4, 5}
    # equal values share a score, and a higher frequency never scores lower
    by_freq = rfm.groupby("frequency")["F"].agg(["min", "max"])
    assert (by_freq["min"] == by_freq["max"]).all()
    assert by_freq["min"].is_monotonic_increasing
