"""Tests for salesnb.leads (H3 Lead management): worked examples, properties, bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import leads as L
from salesnb.errors import ColumnError, InputError


# --------------------------------------------------------------------------- stages

def test_stage_counts_worked_example():
    # 10 leads, furthest stage: 4 x lead, 3 x MQL, 2 x SQL, 1 x klant (stages lead/MQL/SQL/klant)
    # at least lead = 10, MQL = 6, SQL = 3, klant = 1
    # conversion: MQL 6/10 = 0.6, SQL 3/6 = 0.5, klant 1/3
    reached = ["lead"] * 4 + ["MQL"] * 3 + ["SQL"] * 2 + ["klant"]
    out = L.stage_counts(reached, stages=["lead", "MQL", "SQL", "klant"])
    assert out["aantal"].tolist() == [10, 6, 3, 1]
    assert math.isnan(out["conversie"].iloc[0])
    assert out["conversie"].iloc[1:].tolist() == pytest.approx([0.6, 0.5, 1 / 3])
    assert out["vanaf_start"].tolist() == pytest.approx([1.0, 0.6, 0.3, 0.1])


def test_stage_order_is_a_parameter():
    # With 'opportunity' before 'SQL' a lead at 'SQL' has passed 'opportunity'.
    stages = ["lead", "MQL", "opportunity", "SQL"]
    out = L.stage_counts(["SQL", "MQL"], stages=stages)
    # the course order has 'suspect' first; a list of suspects and leads counts both
    assert L.stage_counts(["suspect", "lead"], stages=L.LEAD_STAGES)["aantal"].tolist()[:2] == [2, 1]
    assert out["aantal"].tolist() == [2, 2, 1, 1]


def test_stage_counts_unknown_stage_suggests():
    with pytest.raises(InputError, match="Bedoel je 'MQL'"):
        L.stage_counts(["lead", "MQl"])


def test_stage_counts_bad_stages():
    with pytest.raises(InputError, match="twee keer"):
        L.stage_counts(["lead"], stages=["lead", "lead"])
    with pytest.raises(InputError, match="minstens twee"):
        L.stage_counts(["lead"], stages=["lead"])
    with pytest.raises(InputError):
        L.stage_counts(["lead"], stages="lead")
    with pytest.raises(InputError, match="mist een fase"):
        L.stage_counts(["lead", None])


def test_funnel_by_source_worked_example():
    # online: lead, MQL, klant, klant -> lead 4, MQL 3, klant 2 ; conversion 3/4, 2/3
    # beurs: klant -> 1, 1, 1
    leads = pd.DataFrame({"source": ["online", "online", "online", "online", "beurs"],
                          "stage_reached": ["lead", "MQL", "klant", "klant", "klant"]})
    before = leads.copy()
    out = L.funnel_by_source(leads, stages=["lead", "MQL", "klant"])
    pd.testing.assert_frame_equal(leads, before)
    online = out[out["bron"] == "online"]
    assert online["aantal"].tolist() == [4, 3, 2]
    assert online["conversie"].iloc[1:].tolist() == pytest.approx([0.75, 2 / 3])
    beurs = out[out["bron"] == "beurs"]
    assert beurs["aantal"].tolist() == [1, 1, 1]


def test_funnel_by_source_missing_column():
    with pytest.raises(ColumnError, match="bedoel je 'sourc' voor 'source'"):
        L.funnel_by_source(pd.DataFrame({"sourc": ["a"], "stage_reached": ["lead"]}))


def test_source_costs_worked_example():
    # online: 5 leads, 1 klant, cost 1000 -> 200 per lead, 1000 per klant
    # netwerk: 2 leads, 0 klanten, cost 300 -> 150 per lead, NaN per klant
    leads = pd.DataFrame({"source": ["online"] * 5 + ["netwerk"] * 2,
                          "stage_reached": ["lead"] * 4 + ["klant"] + ["SQL", "MQL"]})
    out = L.source_costs(leads, {"online": 1000, "netwerk": 300}).set_index("bron")
    assert out.loc["online", "kosten_per_lead"] == pytest.approx(200)
    assert out.loc["online", "kosten_per_klant"] == pytest.approx(1000)
    assert out.loc["netwerk", "kosten_per_lead"] == pytest.approx(150)
    assert math.isnan(out.loc["netwerk", "kosten_per_klant"])


def test_source_costs_missing_source_cost():
    leads = pd.DataFrame({"source": ["online", "beurs"], "stage_reached": ["lead", "lead"]})
    with pytest.raises(InputError, match="'beurs'"):
        L.source_costs(leads, {"online": 10})
    with pytest.raises(InputError, match="minstens 0"):
        L.source_costs(leads, {"online": 10, "beurs": -5})
    with pytest.raises(InputError, match="dict of Series"):
        L.source_costs(leads, [10, 20])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(L.LEAD_FUNNEL_STAGES), min_size=1, max_size=60))
def test_stage_counts_monotone_and_bounded(reached):
    out = L.stage_counts(reached)
    counts = out["aantal"].to_numpy()
    assert counts[0] == len(reached)
    assert (np.diff(counts) <= 0).all()
    conv = out["conversie"].dropna().to_numpy()
    assert ((conv >= 0) & (conv <= 1)).all()
    # the product of the stage conversions is the overall conversion
    if counts[-1] > 0:
        assert np.prod(out["conversie"].iloc[1:]) == pytest.approx(counts[-1] / counts[0])


# --------------------------------------------------------------------------- online

def test_online_metrics_worked_examples():
    # CTR 45 / 3000 = 0.015 ; conversion 9 / 300 = 0.03 ; CPL 2250 / 9 = 250
    assert L.ctr(45, 3000) == pytest.approx(0.015)
    assert L.landing_page_conversion(9, 300) == pytest.approx(0.03)
    assert L.cost_per_lead(2250, 9) == pytest.approx(250)


def test_online_metrics_series_keep_index():
    clicks = pd.Series([10, 5], index=["a", "b"])
    out = L.ctr(clicks, pd.Series([100, 0], index=["a", "b"]))
    assert list(out.index) == ["a", "b"]
    assert out["a"] == pytest.approx(0.1) and math.isnan(out["b"])


def test_online_metrics_bad_input():
    with pytest.raises(InputError, match="delen door nul"):
        L.cost_per_lead(100, 0)
    with pytest.raises(InputError, match="minstens 0"):
        L.ctr(-1, 10)
    with pytest.raises(InputError, match="even lang"):
        L.ctr([1, 2], [10, 20, 30])
    with pytest.raises(InputError, match="geen getal"):
        L.ctr(["tien"], [100])


def test_campaign_metrics_group_rates_from_totals():
    # google: clicks 10+90=100 of impressions 1000+1000=2000 -> CTR 0.05 (not mean of 0.01 and 0.09)
    # leads 1+4=5 of 100 clicks -> 0.05 ; cost 50+450=500 -> CPL 100
    c = pd.DataFrame({"channel": ["google", "google"], "impressions": [1000, 1000],
                      "clicks": [10, 90], "visitors": [10, 90], "leads": [1, 4], "cost": [50.0, 450.0]})
    before = c.copy()
    out = L.campaign_metrics(c, by="channel").iloc[0]
    pd.testing.assert_frame_equal(c, before)
    assert out["ctr"] == pytest.approx(0.05)
    assert out["conversie"] == pytest.approx(0.05)
    assert out["cpl"] == pytest.approx(100)


def test_campaign_metrics_visitors_column_and_errors():
    c = pd.DataFrame({"impressions": [1000], "clicks": [50], "visits": [40], "leads": [4], "cost": [200.0]})
    with pytest.raises(ColumnError, match="visitors"):
        L.campaign_metrics(c)
    out = L.campaign_metrics(c, visitors_col="visits")
    assert out["conversie"].iloc[0] == pytest.approx(0.1)   # 4 / 40
    with pytest.raises(ColumnError):
        L.campaign_metrics(c.drop(columns="cost"))
    with pytest.raises(InputError):
        L.campaign_metrics(c.assign(cost=[np.nan]))


# --------------------------------------------------------------------------- scoring, BANT, nurturing

def test_mql_tradeoff_worked_example():
    # scores 10..100 step 10, converters at 50, 80, 90, 100 (4 converters)
    # threshold 50: MQL = 50..100 -> 6 leads, hits 4 -> precision 4/6, coverage 1
    # threshold 85: MQL = 90, 100 -> 2 leads, hits 2 -> precision 1, missed 2, coverage 0.5
    scores = list(range(10, 101, 10))
    conv = [s in (50, 80, 90, 100) for s in scores]
    out = L.mql_tradeoff(scores, conv, thresholds=[50, 85]).set_index("drempel")
    assert out.loc[50, "mql"] == 6 and out.loc[50, "raak"] == 4
    assert out.loc[50, "precisie"] == pytest.approx(4 / 6)
    assert out.loc[50, "dekking"] == pytest.approx(1.0)
    assert out.loc[85, "mql"] == 2 and out.loc[85, "gemist"] == 2
    assert out.loc[85, "precisie"] == pytest.approx(1.0)
    assert out.loc[85, "aandeel"] == pytest.approx(0.2)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100), st.booleans()), min_size=1, max_size=50))
def test_mql_tradeoff_volume_falls_and_coverage_falls(pairs):
    scores, conv = zip(*pairs)
    out = L.mql_tradeoff(list(scores), list(conv), thresholds=range(0, 101, 5))
    assert (np.diff(out["mql"]) <= 0).all()
    assert (np.diff(out["raak"]) <= 0).all()
    assert (out["raak"] + out["gemist"] == sum(conv)).all()
    assert out["mql"].iloc[0] == len(scores)  # threshold 0 lets everyone through


def test_mql_bad_input():
    with pytest.raises(InputError, match="even lang"):
        L.mql_tradeoff([1, 2], [True])
    with pytest.raises(InputError, match="ja/nee"):
        L.mql_tradeoff([1, 2], ["ja", "nee"])
    with pytest.raises(InputError, match="geen getal"):
        L.is_mql(["veel"])


def test_is_mql_threshold_inclusive():
    assert L.is_mql([59.9, 60, 60.1], threshold=60).tolist() == [False, True, True]


def test_bant_qualification_worked_example():
    leads = pd.DataFrame({"budget": [1, 1, 0, 1], "authority": [1, 0, 0, 1],
                          "need": [1, 1, 1, 1], "timeline": [1, 1, 0, 0],
                          "score": [70, 80, 90, 40]})
    out = L.bant_qualification(leads)
    assert out["bant"].tolist() == [4, 3, 1, 3]
    assert out["sql"].tolist() == [True, False, False, False]
    assert out["ontbreekt"].tolist() == ["", "authority", "budget", "timeline"]
    # three of four suffice, but only MQLs (score >= 60) can become SQL: lead 3 has score 40
    out3 = L.bant_qualification(leads, required=3, score_col="score", threshold=60)
    assert out3["sql"].tolist() == [True, True, False, False]


def test_bant_bad_input():
    leads = pd.DataFrame({"budget": [1], "authority": [1], "need": [1], "timeline": ["ja"]})
    with pytest.raises(InputError, match="ja/nee"):
        L.bant_qualification(leads)
    with pytest.raises(ColumnError):
        L.bant_qualification(leads.drop(columns="need"))
    with pytest.raises(InputError, match="hoogstens 4"):
        L.bant_qualification(leads.assign(timeline=[1]), required=5)


def test_nurturing_summary_worked_example():
    # threshold 50, near 10: 55 MQL; 45 (5 short), 42 (8 short) bijna; 20 (30), 10 (40) ver weg
    out = L.nurturing_summary([55, 45, 42, 20, 10], threshold=50, near=10).set_index("groep")
    assert out["aantal"].tolist() == [1, 2, 2]
    assert out.loc["bijna", "tekort_gemiddeld"] == pytest.approx(6.5)
    assert out.loc["ver weg", "tekort_gemiddeld"] == pytest.approx(35)
    assert out["aandeel"].sum() == pytest.approx(1)


# --------------------------------------------------------------------------- ratio chain

def test_ratio_chain_worked_example():
    # 500 calls, 150 decision makers (0.3), 30 appointments (0.2), 15 quotations (0.5), 3 orders (0.2)
    out = L.ratio_chain({"gebeld": 500, "beslisser bereikt": 150, "afspraak": 30, "offerte": 15, "order": 3})
    assert out["ratio"].iloc[1:].tolist() == pytest.approx([0.3, 0.2, 0.5, 0.2])
    assert out["een_op"].iloc[1:].tolist() == pytest.approx([10 / 3, 5, 2, 5])
    assert out["vanaf_start"].iloc[-1] == pytest.approx(3 / 500)


def test_ratio_chain_bad_input():
    with pytest.raises(InputError, match="loopt op"):
        L.ratio_chain([100, 120, 10, 5, 1])
    with pytest.raises(InputError, match="even lang"):
        L.ratio_chain([100, 50, 10])
    with pytest.raises(InputError, match="'order'"):
        L.ratio_chain({"gebeld": 10, "beslisser bereikt": 5, "afspraak": 2, "offerte": 1})


def test_calls_needed_no_float_error():
    # 7 orders at a single ratio 0.07 of calls: 7 / 0.07 = 100 exactly, float gives 100.00000000000001
    out = L.calls_needed(7, [0.07], stages=["gebeld", "order"])
    assert out["nodig"].tolist() == [100, 7]


def test_calls_needed_worked_example_both_conventions():
    # 5 orders; rates 0.25 (call->DM), 0.3 (DM->appointment), 0.6 (->quotation), 0.35 (->order)
    # unrounded: quotations 5/0.35 = 14.2857 -> 15; appointments 14.2857/0.6 = 23.81 -> 24;
    #   DM 23.81/0.3 = 79.37 -> 80; calls 79.37/0.25 = 317.46 -> 318
    # each stage: quotations 15; appointments 15/0.6 = 25; DM 25/0.3 = 83.33 -> 84; calls 84/0.25 = 336
    rates = [0.25, 0.3, 0.6, 0.35]
    assert L.calls_needed(5, rates)["nodig"].tolist() == [318, 80, 24, 15, 5]
    assert L.calls_needed(5, rates, round_each_stage=True)["nodig"].tolist() == [336, 84, 25, 15, 5]


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 50), st.lists(st.integers(1, 100), min_size=4, max_size=4))
def test_calls_needed_never_below_target(orders, percents):
    rates = [p / 100 for p in percents]
    plain = L.calls_needed(orders, rates)["nodig"].to_numpy()
    each = L.calls_needed(orders, rates, round_each_stage=True)["nodig"].to_numpy()
    assert (each >= plain).all()
    # going forward through the chain with the planned numbers reaches the target
    from fractions import Fraction
    expected = Fraction(plain[0])
    for p in percents:
        expected *= Fraction(p, 100)
    assert expected >= orders
    assert plain[-1] == orders


def test_calls_needed_bad_input():
    with pytest.raises(InputError, match="4 ratio's"):
        L.calls_needed(5, [0.5, 0.5])
    with pytest.raises(InputError, match="percentages"):
        L.calls_needed(5, [25, 30, 60, 35])
    with pytest.raises(InputError, match="nooit een order"):
        L.calls_needed(5, [0.2, 0, 0.5, 0.5])
    with pytest.raises(InputError, match="minstens 0"):
        L.calls_needed(-1, [0.2, 0.2, 0.5, 0.5])


# --------------------------------------------------------------------------- EU thresholds, procedures

def test_eu_threshold_by_date():
    assert L.eu_threshold("2025-12-31", "werken") == 5_538_000
    assert L.eu_threshold("2026-01-01", "werken") == 5_404_000
    assert L.eu_threshold(pd.Timestamp("2027-06-01"), "leveringen/diensten centrale overheid") == 140_000
    assert L.eu_threshold("01-07-2024", "leveringen/diensten decentrale overheden") == 221_000   # Dutch date format dd-mm-jjjj


def test_eu_threshold_errors():
    with pytest.raises(InputError, match="geen drempel"):
        L.eu_threshold("2019-05-01", "werken")
    with pytest.raises(InputError, match="Bedoel je 'werken'"):
        L.eu_threshold("2026-05-01", "werkn")
    with pytest.raises(InputError, match="geen datum"):
        L.eu_threshold("morgen", "werken")


def test_eu_threshold_custom_table():
    table = pd.DataFrame({"category": ["x"], "valid_from": [pd.Timestamp("2020-01-01")],
                          "valid_to": [pd.NaT], "amount": [1000.0]})
    assert L.eu_threshold("2030-01-01", "x", thresholds=table) == 1000
    with pytest.raises(ColumnError):
        L.eu_threshold("2030-01-01", "x", thresholds=table.rename(columns={"amount": "bedrag"}))


def test_procedure_choice():
    # 200,000 in 2025 (decentraal threshold 221,000): below -> national; in 2026 (216,000): still below
    # 220,000 in 2026: above 216,000 -> European, but in 2025 below 221,000
    assert not L.procedure_choice(220_000, "2025-06-01", "leveringen/diensten decentrale overheden")["europees"]
    assert L.procedure_choice(220_000, "2026-06-01", "leveringen/diensten decentrale overheden")["europees"]
    assert L.procedure_choice(216_000, "2026-06-01", "leveringen/diensten decentrale overheden")["europees"]  # at the threshold
    assert L.procedure_choice(20_000, "2026-06-01", "leveringen/diensten centrale overheid")["procedure"].startswith("enkelvoudig")
    assert L.procedure_choice(120_000, "2026-06-01", "leveringen/diensten centrale overheid")["procedure"].startswith("nationaal")
    assert L.procedure_choice(80_000, "2026-06-01", "leveringen/diensten centrale overheid")["procedure"].startswith("meervoudig")
    with pytest.raises(InputError):
        L.procedure_choice(80_000, "2026-06-01", "leveringen/diensten centrale overheid", single_below=100_000, multiple_below=50_000)


# --------------------------------------------------------------------------- BPKV

BIDS = pd.DataFrame({"bidder": ["A", "B", "C"], "price": [200_000, 160_000, 250_000],
                     "quality_score": [7, 5, 9]})


def test_bpkv_worked_example():
    # weights price 30, quality 70, max 10; lowest bid 160,000
    # A: 160/200*30 = 24 + 7/10*70 = 49 -> 73
    # B: 30 + 35 = 65
    # C: 160/250*30 = 19.2 + 63 = 82.2 -> winner
    before = BIDS.copy()
    out = L.bpkv_scores(BIDS, price_weight=30, quality_weight=70).set_index("bidder")
    pd.testing.assert_frame_equal(BIDS, before)
    assert out.loc["A", "totaal"] == pytest.approx(73)
    assert out.loc["B", "totaal"] == pytest.approx(65)
    assert out.loc["C", "prijspunten"] == pytest.approx(19.2)
    assert out.loc["C", "totaal"] == pytest.approx(82.2)
    assert out["rang"].to_dict() == {"C": 1, "A": 2, "B": 3}
    assert out["winnaar"].to_dict() == {"C": True, "A": False, "B": False}


def test_bpkv_lowest_price_and_custom_max():
    # laagste prijs: 100 points for price only -> cheapest wins
    out = L.bpkv_scores(BIDS, price_weight=100, quality_weight=0)
    assert out.iloc[0]["bidder"] == "B"
    # quality out of 5: C's 9 exceeds max 5 -> error
    with pytest.raises(InputError, match="maximale kwaliteitsscore 5"):
        L.bpkv_scores(BIDS, price_weight=50, quality_weight=50, max_quality=5)


def test_bpkv_ties_share_rank():
    bids = pd.DataFrame({"bidder": ["A", "B"], "price": [100, 100], "quality_score": [8, 8]})
    out = L.bpkv_scores(bids, price_weight=40, quality_weight=60)
    assert out["rang"].tolist() == [1, 1]
    assert out["winnaar"].all()


def test_bpkv_weight_validation():
    with pytest.raises(InputError, match="fracties"):
        L.bpkv_scores(BIDS, price_weight=0.4, quality_weight=0.6)
    with pytest.raises(InputError, match="samen 100"):
        L.bpkv_scores(BIDS, price_weight=40, quality_weight=70)
    with pytest.raises(InputError, match="minstens 0"):
        L.bpkv_scores(BIDS, price_weight=-10, quality_weight=110)
    # another points scale is allowed explicitly
    out = L.bpkv_scores(BIDS, price_weight=400, quality_weight=600, total_points=1000)
    assert out["totaal"].max() <= 1000


def test_bpkv_price_validation():
    with pytest.raises(InputError, match="groter dan 0"):
        L.bpkv_scores(BIDS.assign(price=[0, 1, 2]), price_weight=40, quality_weight=60)
    with pytest.raises(InputError, match="mist waarden"):
        L.bpkv_scores(BIDS.assign(price=[np.nan, 1, 2]), price_weight=40, quality_weight=60)
    with pytest.raises(InputError, match="geen getal"):
        L.bpkv_scores(BIDS.assign(price=["veel", 1, 2]), price_weight=40, quality_weight=60)
    with pytest.raises(ColumnError):
        L.bpkv_scores(BIDS.drop(columns="quality_score"), price_weight=40, quality_weight=60)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(1_000, 1_000_000), st.integers(0, 10)), min_size=1, max_size=8),
       st.integers(0, 100))
def test_bpkv_properties(pairs, price_weight):
    bids = pd.DataFrame({"bidder": [f"b{i}" for i in range(len(pairs))],
                         "price": [p for p, _ in pairs], "quality_score": [q for _, q in pairs]})
    out = L.bpkv_scores(bids, price_weight=price_weight, quality_weight=100 - price_weight)
    # the cheapest bid gets the full price weight, nobody more
    assert out["prijspunten"].max() == pytest.approx(price_weight)
    assert (out["totaal"] <= 100 + 1e-9).all() and (out["totaal"] >= 0).all()
    assert out["winnaar"].any()
    assert out.loc[out["winnaar"], "totaal"].min() == pytest.approx(out["totaal"].max())
    # lowering one's own price never lowers one's total
    cheaper = bids.copy()
    cheaper.loc[0, "price"] = cheaper.loc[0, "price"] // 2
    a = L.bpkv_scores(bids, price_weight=price_weight, quality_weight=100 - price_weight).set_index("bidder")
    b = L.bpkv_scores(cheaper, price_weight=price_weight, quality_weight=100 - price_weight).set_index("bidder")
    assert b.loc["b0", "totaal"] >= a.loc["b0", "totaal"] - 1e-9


def test_tender_results_per_tender_weights_and_win_rate():
    # tender 1 (price 60 / quality 40): lowest 100
    #   wij: 100/100*60 + 5/10*40 = 80 ; X: 100/125*60 = 48 + 10/10*40 = 88 -> X wins
    # tender 2 (price 20 / quality 80): lowest 90
    #   wij: 90/100*20 = 18 + 9/10*80 = 72 -> 90 ; Y: 20 + 6/10*80 = 48 -> 68 -> wij wins
    # tender 3: we did not bid
    bids = pd.DataFrame({
        "tender_id": [1, 1, 2, 2, 3, 3],
        "bidder": ["wij", "X", "wij", "Y", "X", "Y"],
        "price": [100, 125, 100, 90, 50, 60],
        "quality_score": [5, 10, 9, 6, 5, 5],
        "price_weight": [60, 60, 20, 20, 50, 50],
        "quality_weight": [40, 40, 80, 80, 50, 50],
        "max_quality_score": [10] * 6,
        "is_own": [True, False, True, False, False, False],
    })
    before = bids.copy()
    res = L.tender_results(bids)
    pd.testing.assert_frame_equal(bids, before)
    idx = res.set_index(["tender_id", "bidder"])
    assert idx.loc[(1, "wij"), "totaal"] == pytest.approx(80)
    assert idx.loc[(1, "X"), "totaal"] == pytest.approx(88)
    assert idx.loc[(2, "wij"), "totaal"] == pytest.approx(90)
    assert idx.loc[(2, "Y"), "totaal"] == pytest.approx(68)
    assert idx.loc[(3, "X"), "winnaar"]
    assert res.groupby("tender_id")["winnaar"].sum().tolist() == [1, 1, 1]
    assert L.own_win_rate(res) == {"ingeschreven": 2, "gewonnen": 1, "aandeel": 0.5, "alleen_inschrijver": 0}


def test_own_win_rate_leaves_out_awards_without_competitors():
    r = pd.DataFrame({"tender_id": [1, 1, 2, 3], "is_own": [True, False, True, True],
                      "winnaar": [False, True, True, True]})
    assert L.own_win_rate(r) == {"ingeschreven": 1, "gewonnen": 0, "aandeel": 0.0, "alleen_inschrijver": 2}
    assert L.own_win_rate(r, min_bidders=1)["aandeel"] == pytest.approx(2 / 3)


def test_tender_results_matches_single_tender_scoring():
    bids = BIDS.assign(tender_id=7, is_own=[False, True, False])
    many = L.tender_results(bids, price_weight=30, quality_weight=70, max_quality=10)
    one = L.bpkv_scores(BIDS, price_weight=30, quality_weight=70)
    assert many["totaal"].tolist() == pytest.approx(one["totaal"].tolist())
    assert many["bidder"].tolist() == one["bidder"].tolist()


def test_tender_results_bad_weights():
    bids = BIDS.assign(tender_id=1, is_own=False, price_weight=40, quality_weight=40, max_quality_score=10)
    with pytest.raises(InputError, match="samen 100"):
        L.tender_results(bids)
    with pytest.raises(InputError, match="Geef 'max_quality'"):
        L.tender_results(bids.drop(columns="max_quality_score"))


def test_tender_results_with_tenders_table_and_lowest_price():
    # tender 1: BPKV 40/60, quality out of 100: A 100/100*40 + 50/100*60 = 70; B 100/120*40 = 33.33 + 54 = 87.33
    # tender 2: laagste prijs (100/0, no quality scores): the cheapest (C, 80) wins with 100 points
    bids = pd.DataFrame({"tender_id": [1, 1, 2, 2], "bidder": ["A", "B", "A", "C"],
                         "price": [100.0, 120.0, 90.0, 80.0], "quality_score": [50.0, 90.0, np.nan, np.nan],
                         "is_own": [True, False, True, False]})
    tenders = pd.DataFrame({"tender_id": [1, 2], "price_weight": [40, 100], "quality_weight": [60, 0],
                            "max_quality_score": [100, 0]})
    res = L.tender_results(bids, tenders).set_index(["tender_id", "bidder"])
    assert res.loc[(1, "A"), "totaal"] == pytest.approx(70)
    assert res.loc[(1, "B"), "totaal"] == pytest.approx(100 / 120 * 40 + 54)
    assert res.loc[(2, "C"), "totaal"] == pytest.approx(100)
    assert res.loc[(2, "A"), "totaal"] == pytest.approx(80 / 90 * 100)
    assert res.loc[(2, "C"), "winnaar"] and res.loc[(1, "B"), "winnaar"]
    # a missing quality score where quality counts is an error
    with pytest.raises(InputError, match="mist een kwaliteitsscore"):
        L.tender_results(bids.assign(quality_score=[50.0, np.nan, np.nan, np.nan]), tenders)
    with pytest.raises(InputError, match="aanbesteding 2"):
        L.tender_results(bids, tenders.iloc[:1])


def test_tender_thresholds_by_publication_date():
    # decentrale overheid, €218,000: 2025 threshold 221,000 -> not required; 2026 (216,000) -> required
    # centrale overheid €141,000 in 2026 (140,000) -> required; publiekrechtelijk counts as decentraal
    t = pd.DataFrame({"published_on": pd.to_datetime(["2025-05-01", "2026-05-01", "2026-02-01", "2024-03-01"]),
                      "buyer_type": ["decentrale overheid", "decentrale overheid", "centrale overheid",
                                     "publiekrechtelijke instelling"],
                      "estimated_value": [218_000, 218_000, 141_000, 230_000],
                      "procedure": ["nationaal", "openbaar", "openbaar", "meervoudig onderhands"]})
    out = L.tender_thresholds(t)
    assert out["eu_drempel"].tolist() == [221_000, 216_000, 140_000, 221_000]
    assert out["europees_verplicht"].tolist() == [False, True, True, True]
    assert out["europees_gekozen"].tolist() == [False, True, True, False]
    with pytest.raises(InputError, match="Bedoel je 'centrale overheid'"):
        L.tender_thresholds(t.assign(buyer_type="centrale overhied"))


def test_cold_call_chain_totals_and_groups():
    # manager 1: 100 -> 30 -> 6 -> 3 -> 1 ; manager 2: 50 -> 20 -> 4 -> 3 -> 2 ; total 150 -> 50 -> 10 -> 6 -> 3
    cc = pd.DataFrame({"manager_id": [1, 2], "calls": [100, 50], "decision_maker_reached": [30, 20],
                       "appointments": [6, 4], "quotations": [3, 3], "orders": [1, 2]})
    total = L.cold_call_chain(cc)
    assert total["aantal"].tolist() == [150, 50, 10, 6, 3]
    assert total["ratio"].iloc[1:].tolist() == pytest.approx([1 / 3, 0.2, 0.6, 0.5])
    per = L.cold_call_chain(cc, by="manager_id")
    assert per.loc[per["manager_id"] == 2, "ratio"].iloc[-1] == pytest.approx(2 / 3)


def test_own_win_rate_no_own_bids():
    r = pd.DataFrame({"tender_id": [1], "is_own": [False], "winnaar": [True]})
    with pytest.raises(InputError, match="geen eigen"):
        L.own_win_rate(r)


# --------------------------------------------------------------------------- charts and widgets

def _bids_two_tenders():
    return pd.DataFrame({
        "tender_id": [1, 1, 1, 2, 2],
        "bidder": ["wij", "Goedkoop", "Kwaliteit", "wij", "Ander"],
        "price": [100.0, 80.0, 130.0, 50.0, 60.0],
        "quality_score": [7.0, 4.0, 10.0, 8.0, 9.0],
        "is_own": [True, False, False, True, False],
    })


def test_bpkv_widget_price_weight_decides_winner():
    from salesnb.widgets.leads import bpkv_explorer

    w = bpkv_explorer(_bids_two_tenders(), price_weight=100, max_quality=10)
    # price only: the cheapest bid (80) wins
    assert w.result["scores"].loc[w.result["scores"]["winnaar"], "bidder"].tolist() == ["Goedkoop"]
    png = w.png()
    w.set(price_weight=0)
    # quality only: the highest quality score (10) wins; chart and readout follow
    assert w.result["scores"].loc[w.result["scores"]["winnaar"], "bidder"].tolist() == ["Kwaliteit"]
    assert w.png() != png
    assert "Kwaliteit" in w.readout.value and "kwaliteit 100" in w.readout.value
    w.set(tender=2, price_weight=50)
    # tender 2, 50/50: wij 50 + 40 = 90 ; Ander 50/60*50 = 41.67 + 45 = 86.67 -> wij wins
    assert "plaats 1 van 2" in w.readout.value
    assert w.error is None


def test_mql_widget_readout_follows_threshold():
    from salesnb.widgets.leads import mql_threshold_explorer

    scores = [10, 30, 50, 70, 90]
    conv = [False, False, True, False, True]
    w = mql_threshold_explorer(scores, conv, threshold=40, min_mql=1)
    assert w.result["mql"] == 3 and w.result["precisie"] == pytest.approx(2 / 3)
    w.set(threshold=80)
    assert w.result["mql"] == 1 and w.result["gemist"] == 1
    assert "1 van 5" in w.readout.value


def test_mql_widget_leaves_out_precision_of_too_few_mqls():
    from salesnb.widgets.leads import mql_threshold_explorer

    # scores 0..99, every even score converts. Threshold 80: 20 MQLs (80..99), 10 even -> 50%.
    # Threshold 85: 15 MQLs (< 20): precision left out, not 0% or 100%.
    scores = list(range(100))
    conv = [s % 2 == 0 for s in scores]
    w = mql_threshold_explorer(scores, conv, threshold=80)
    assert w.result["mql"] == 20 and w.result["precisie"] == pytest.approx(0.5)
    assert "50%" in w.readout.value and "te weinig" not in w.readout.value
    w.set(threshold=85)
    assert w.result["mql"] == 15 and math.isnan(w.result["precisie"])
    assert "te weinig MQL" in w.readout.value and "(n=15)" in w.readout.value
    # the precision point is hidden (NaN), never drawn at 0%
    assert math.isnan(w.artists["points"].get_ydata()[1])
    # the minimum is a parameter: with 10 the same threshold has a precision again (86, 88, ..., 98: 7 of 15)
    w10 = mql_threshold_explorer(scores, conv, threshold=85, min_mql=10)
    assert w10.result["precisie"] == pytest.approx(7 / 15)
    with pytest.raises(InputError):
        mql_threshold_explorer(scores, conv, min_mql=0)


def test_mql_widget_legend_never_covers_the_curves():
    from salesnb.widgets.leads import mql_threshold_explorer

    w = mql_threshold_explorer(list(range(100)), [s % 3 == 0 for s in range(100)])
    ax = w.figure.axes[0]
    renderer = w.figure.canvas.get_renderer()
    legend = ax.get_legend()
    assert legend is not None and len(legend.get_texts()) == 3
    assert not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))
    # and it stays inside the picture
    assert w.figure.bbox.contains(*legend.get_window_extent(renderer).p0)


def test_cold_call_widget_matches_calls_needed():
    from salesnb.widgets.leads import cold_call_explorer

    w = cold_call_explorer(orders=7, rates=(0.25, 0.2, 0.5, 0.3))
    assert w.result["plan"]["nodig"].iloc[0] == 934      # 7 / 0.0075 = 933.33 -> 934
    assert w.result["each"]["nodig"].iloc[0] == 960      # 24 -> 48 -> 240 -> 960
    w.set(orders=6)
    assert w.result["plan"]["nodig"].iloc[0] == 800
    assert "800" in w.readout.value


def test_plots_draw_what_the_tables_say():
    from matplotlib.figure import Figure

    from salesnb.plots.leads import plot_bpkv, plot_funnel_by_source, plot_ratio_chain

    leads = pd.DataFrame({"source": ["a", "a", "b"], "stage_reached": ["lead", "klant", "MQL"]})
    ax = Figure().add_subplot()
    plot_funnel_by_source(L.funnel_by_source(leads), ax=ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b"]
    assert len(ax.patches) == 2 * len(L.LEAD_FUNNEL_STAGES)
    ax = Figure().add_subplot()
    plot_ratio_chain(L.ratio_chain([100, 40, 10, 5, 2]), ax=ax)
    texts = [t.get_text() for t in ax.texts]
    assert "1 op 2,5" in texts and "1 op 4,0" in texts
    ax = Figure().add_subplot()
    scores = L.bpkv_scores(BIDS, price_weight=30, quality_weight=70)
    plot_bpkv(scores, own="A", ax=ax)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "A (wij)" in labels
    assert any("winnaar" in t.get_text() and t.get_text().startswith("82,2") for t in ax.texts)


def test_ratio_chain_plot_explains_the_order_bar_and_keeps_it_readable():
    from matplotlib.figure import Figure

    from salesnb.plots.leads import plot_ratio_chain

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(6.4, 4))
    renderer = FigureCanvasAgg(fig).get_renderer()
    ax = plot_ratio_chain(L.ratio_chain([400, 120, 30, 15, 5]), ax=fig.add_subplot())
    fig.tight_layout()
    bars = list(ax.patches)
    # the hatched, highlighted order bar has a legend entry with the same look
    legend = ax.get_legend()
    entries = dict(zip([t.get_text() for t in legend.get_texts()], legend.legend_handles))
    assert "resultaat: order" in entries
    assert entries["resultaat: order"].get_hatch() == bars[-1].get_hatch() == "//"
    assert entries["resultaat: order"].get_facecolor() == bars[-1].get_facecolor()
    # 5 orders next to 400 calls: the order bar is at least a tenth of the plot height
    # (on a linear axis up to 400 it would be about 1%)
    assert bars[-1].get_window_extent(renderer).height >= 0.1 * ax.get_window_extent(renderer).height
    # the numbers stay on the bars; the arrows "1 op x" cover no bar and no number
    texts = {t.get_text(): t for t in ax.texts}
    assert {"400", "120", "30", "15", "5"} <= set(texts)
    arrows = [t for name, t in texts.items() if name.startswith("1 op")]
    assert len(arrows) == 4
    numbers = [texts[n] for n in ("400", "120", "30", "15", "5")]
    for arrow in arrows:
        box = arrow.get_bbox_patch().get_window_extent(renderer)
        assert not any(box.overlaps(b.get_window_extent(renderer)) for b in bars + numbers)
    # the legend lies outside the plot area; the ticks are plain Dutch numbers
    assert not legend.get_window_extent(renderer).overlaps(ax.get_window_extent(renderer))
    assert ax.get_yscale() == "log"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["1", "10", "100", "1.000"]
    # the linear variant remains available
    assert plot_ratio_chain(L.ratio_chain([400, 120, 30, 15, 5]), log=False,
                            ax=Figure().add_subplot()).get_yscale() == "linear"


def test_own_wins_by_weight_worked_example():
    # tender 1 (max 10): wij 100 / q 9 ; X 80 / q 5 ; tender 2 (max 100): wij 50 / q 60 ; Y 50 / q 70
    # price weight 20: t1 wij 80/100*20 = 16 + 72 = 88 ; X 20 + 40 = 60 -> wij ; t2: wij 20 + 48 = 68 < Y 20 + 56 -> Y
    # price weight 90: t1 wij 72 + 9 = 81 ; X 90 + 5 = 95 -> X ; t2 -> Y. Tender 3 has one bid only: not counted.
    bids = pd.DataFrame({"tender_id": [1, 1, 2, 2, 3], "bidder": ["wij", "X", "wij", "Y", "wij"],
                         "price": [100, 80, 50, 50, 10], "quality_score": [9, 5, 60, 70, 5],
                         "is_own": [True, False, True, False, True]})
    tenders = pd.DataFrame({"tender_id": [1, 2, 3], "max_quality_score": [10, 100, 10]})
    out = L.own_wins_by_weight(bids, tenders, weights=[20, 90])
    assert out["gewonnen"].tolist() == [1, 0]
    assert out["aanbestedingen"].tolist() == [2, 2]
    assert out["aandeel"].tolist() == pytest.approx([0.5, 0.0])


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["online", "netwerken", "beurs"]),
                          st.sampled_from(L.LEAD_FUNNEL_STAGES)), min_size=1, max_size=60))
def test_funnel_by_source_adds_up_to_the_overall_funnel(pairs):
    leads = pd.DataFrame(pairs, columns=["source", "stage_reached"])
    per_source = L.funnel_by_source(leads).groupby("fase", sort=False)["aantal"].sum()
    overall = L.stage_counts(leads["stage_reached"]).set_index("fase")["aantal"]
    assert per_source.reindex(overall.index).tolist() == overall.tolist()


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(100, 10_000), st.integers(0, 10)),
                min_size=1, max_size=20),
       st.integers(0, 100))
def test_tender_results_each_tender_has_a_winner_and_full_price_points(rows, price_weight):
    bids = pd.DataFrame(rows, columns=["tender_id", "price", "quality_score"])
    bids["bidder"] = [f"b{i}" for i in range(len(bids))]
    bids["is_own"] = False
    res = L.tender_results(bids, price_weight=price_weight, quality_weight=100 - price_weight, max_quality=10)
    assert len(res) == len(bids)
    for _, group in res.groupby("tender_id"):
        assert group["winnaar"].any()
        assert group["prijspunten"].max() == pytest.approx(price_weight)
        cheapest = group["price"] == group["price"].min()
        assert group.loc[cheapest, "prijspunten"].tolist() == pytest.approx([price_weight] * int(cheapest.sum()))


def test_builtin_thresholds_equal_the_company_table():
    import salesnb

    table = salesnb.load("eu_thresholds")
    assert table["category"].astype(str).tolist() == L.EU_THRESHOLDS["category"].tolist()
    assert table["amount"].tolist() == L.EU_THRESHOLDS["amount"].tolist()
    assert (pd.to_datetime(table["valid_from"]) == L.EU_THRESHOLDS["valid_from"]).all()
    assert (pd.to_datetime(table["valid_to"]) == L.EU_THRESHOLDS["valid_to"]).all()
    assert L.eu_threshold("2026-03-01", "werken", thresholds=table) == 5_404_000
