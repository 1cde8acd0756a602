"""Tests for the stappenplan verkoopproces calculations (salesnb.process)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb.errors import ColumnError, InputError
from salesnb.process import (
    adoption_segments,
    channel_table,
    choose_target_market,
    co_purchase,
    cohort_retention,
    cross_sell_candidates,
    follow_up_schedule,
    nps_after_purchase,
    prospect_temperature,
    retention_action_value,
    retention_revenue,
    segment_table,
    temperature_counts,
    usp_table,
)

# ---- Rogers -------------------------------------------------------------------------------


def test_adoption_segments_200_exact():
    # 200 × (2.5, 13.5, 34, 34, 16)% = 5, 27, 68, 68, 32 (no remainders)
    table = adoption_segments(200)
    assert table["segment"].tolist() == ["innovators", "early adopters", "early majority",
                                         "late majority", "laggards"]
    assert table["aantal"].tolist() == [5, 27, 68, 68, 32]


def test_adoption_segments_rounding_by_hand():
    # n = 10: quotas 0.25, 1.35, 3.4, 3.4, 1.6 -> floors 0, 1, 3, 3, 1 (sum 8), 2 left.
    # remainders .25 .35 .4 .4 .6: laggards (.6) first; then .4 tie between the two majorities
    # (equal shares) -> the earlier one, early majority.
    assert adoption_segments(10)["aantal"].tolist() == [0, 1, 4, 3, 2]
    # n = 100: floors 2, 13, 34, 34, 16 (sum 99); tie .5/.5 goes to the larger share (early adopters)
    assert adoption_segments(100)["aantal"].tolist() == [2, 14, 34, 34, 16]
    # n = 1: the single buyer sits in a majority segment (remainder .34 is largest)
    assert adoption_segments(1)["aantal"].tolist() == [0, 0, 1, 0, 0]


def test_adoption_segments_cuts_and_normal_area():
    table = adoption_segments(40)
    assert table["z_tot"].tolist()[:4] == [-2.0, -1.0, 0.0, 1.0]
    # area below mu - 2 sigma is 2.275%, which the course rounds to 2.5%
    assert table["normaal_aandeel"].iloc[0] == pytest.approx(0.02275, abs=1e-5)
    assert table["normaal_aandeel"].sum() == pytest.approx(1.0)
    assert table["aandeel"].sum() == pytest.approx(1.0)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 100_000))
def test_adoption_segments_sum_and_quota_property(n):
    table = adoption_segments(n)
    assert int(table["aantal"].sum()) == n
    quotas = table["aandeel"] * n
    assert ((table["aantal"] - quotas).abs() < 1).all()


def test_adoption_segments_bad_input():
    with pytest.raises(InputError, match="geheel getal"):
        adoption_segments(10.5)
    with pytest.raises(InputError, match="minstens 0"):
        adoption_segments(-1)
    with pytest.raises(InputError, match="getal"):
        adoption_segments("100")
    bad = [("a", 0.5, -1, 0), ("b", 0.4, 0, 1)]
    with pytest.raises(InputError, match="tellen op tot 0.9"):
        adoption_segments(10, segments=bad)
    with pytest.raises(InputError, match="percentage"):
        adoption_segments(10, segments=[("a", 50, -1, 0), ("b", 50, 0, 1)])


# ---- SDP ----------------------------------------------------------------------------------

ORDERS = pd.DataFrame({
    "customer_id": [1, 1, 2, 2, 3, 4, 4, 5],
    "sector": ["zorg", "zorg", "zorg", "zorg", "onderwijs", "industrie", "industrie", "zorg"],
    "product_group": ["koffie", "koffie", "koffie", "snacks", "koffie", "water", "koffie", "snacks"],
    "date": pd.to_datetime(["2024-02-01", "2025-02-01", "2024-05-01", "2025-06-01",
                            "2025-03-01", "2024-01-10", "2024-11-10", "2025-09-01"]),
    "revenue": [100.0, 120.0, 200.0, 150.0, 80.0, 50.0, 60.0, 30.0],
})


def test_segment_table_by_hand():
    table = segment_table(ORDERS).set_index("sector")
    # 2025: zorg 120 + 150 + 30 = 300 by customers 1, 2, 5; 2024 zorg 100 + 200 = 300 -> growth 0
    assert table.loc["zorg", "klanten"] == 3
    assert table.loc["zorg", "omzet"] == 300.0
    assert table.loc["zorg", "groei"] == 0.0
    # onderwijs: 80 in 2025, nothing in 2024 -> growth undefined
    assert math.isnan(table.loc["onderwijs", "groei"])
    # industrie bought only in 2024: not a row for 2025
    assert "industrie" not in table.index
    assert table["aandeel_omzet"].sum() == pytest.approx(1.0)
    in_2024 = segment_table(ORDERS, year=2024).set_index("sector")
    assert in_2024.loc["industrie", "omzet"] == 110.0
    with pytest.raises(InputError, match="geen orders in 2019"):
        segment_table(ORDERS, year=2019)


def test_choose_target_market_filters_and_scores():
    seg = pd.DataFrame({"sector": ["a", "b", "c", "d"], "omzet": [50.0, 30.0, 15.0, 5.0],
                        "groei": [0.00, 0.10, 0.20, 0.50]})
    # d has 5% of revenue (< 10%): never the doelmarkt even with the best growth.
    # ranks size: a 1, b .75, c .5, d .25 ; growth: a .25, b .5, c .75, d 1
    # scores (equal weights): a .625, b .625, c .625 -> tie, first row wins
    out = choose_target_market(seg)
    assert out["voldoet"].tolist() == [True, True, True, False]
    assert out["doelmarkt"].tolist() == [True, False, False, False]
    # only growth counts -> c (d does not qualify)
    growth_only = choose_target_market(seg, weight_size=0, weight_growth=1)
    assert growth_only.loc[growth_only["doelmarkt"], "sector"].item() == "c"
    assert "score" not in seg.columns  # input untouched
    with pytest.raises(InputError, match="percentage"):
        choose_target_market(seg, min_share=10)


# ---- prospects and channels ---------------------------------------------------------------

PROSPECTS = pd.DataFrame({
    "score": [10, 45, 39, 20, 90, 60],
    "source": ["online", "online", "online", "netwerken", "koude acquisitie", "online"],
    "budget": [False, False, True, False, True, True],
    "authority": [False, False, True, False, True, True],
    "need": [False, True, True, False, True, True],
    "timeline": [False, False, True, False, False, True],
})


def test_prospect_temperature_rules_by_hand():
    temp = prospect_temperature(PROSPECTS)
    # row 0: cold; 1: score 45 >= 40 warm; 2: all BANT -> hot; 3: netwerken -> warm;
    # row 4: score 90 but timeline missing -> warm (no hot_score); 5: all BANT -> hot
    assert temp.tolist() == ["cold", "warm", "hot", "warm", "warm", "hot"]
    assert prospect_temperature(PROSPECTS, hot_score=85).tolist()[4] == "hot"
    assert prospect_temperature(PROSPECTS, hot_min_bant=3).tolist()[4] == "hot"
    assert prospect_temperature(PROSPECTS, warm_score=50, warm_sources=()).tolist()[:4] == \
        ["cold", "cold", "hot", "cold"]
    counts = temperature_counts(temp)
    assert counts["aantal"].tolist() == [1, 3, 2]
    assert counts["aandeel"].sum() == pytest.approx(1.0)


def test_prospect_temperature_missing_column():
    with pytest.raises(ColumnError, match="timeline"):
        prospect_temperature(PROSPECTS.drop(columns="timeline"))
    # switching the BANT rule off needs no BANT columns
    assert prospect_temperature(PROSPECTS[["score", "source"]], bant=()).tolist()[2] == "cold"


def test_channel_table_by_hand():
    leads = pd.DataFrame({"source": ["online"] * 4 + ["netwerken"] * 2,
                          "won": [True, False, False, False, True, True],
                          "cost": [25.0] * 4 + [150.0, 150.0]})
    out = channel_table(leads).set_index("source")
    # online: 1 of 4 won = 25%, cost 100 -> 25 per lead, 100 per customer
    assert out.loc["online", "conversie"] == 0.25
    assert out.loc["online", "kosten_per_klant"] == 100.0
    assert out.loc["netwerken", "kosten_per_lead"] == 150.0
    nothing = channel_table(leads.assign(won=False))
    assert nothing["kosten_per_klant"].isna().all()


def test_usp_table_directions():
    comp = pd.DataFrame({"prijs": [10.0, 12.0], "reactietijd_uren": [8, 24], "nps": [20, 35]})
    out = usp_table({"prijs": 11.0, "reactietijd_uren": 4, "nps": 30}, comp,
                    higher_is_better={"prijs": False, "reactietijd_uren": False}).set_index("criterium")
    assert out.loc["prijs", "usp"] == False  # noqa: E712  (cheapest competitor asks 10)
    assert out.loc["reactietijd_uren", "verschil"] == 4.0
    assert out.loc["nps", "usp"] == False  # noqa: E712
    with pytest.raises(ColumnError):
        usp_table({"levertijd": 1}, comp)


# ---- after sales --------------------------------------------------------------------------

def test_nps_after_purchase_by_hand():
    answers = pd.DataFrame({"moment": ["na aankoop"] * 5 + ["jaarlijks"] * 2,
                            "sector": ["zorg", "zorg", "zorg", "onderwijs", "onderwijs", "zorg", "zorg"],
                            "score": [10, 8, 6, 9, 9, 0, 0]})
    # zorg: 1 promotor, 1 passief, 1 criticaster -> 0 ; onderwijs: 2 promotors -> 100 ; all: (3-1)/5 = 40
    assert nps_after_purchase(answers)["nps"].item() == pytest.approx(40.0)
    by = nps_after_purchase(answers, by="sector")
    assert by.loc["zorg", "nps"] == pytest.approx(0.0)
    assert by.loc["onderwijs", "nps"] == pytest.approx(100.0)
    with pytest.raises(InputError, match="jaarlijks"):
        nps_after_purchase(answers, moment="na klacht")


def test_co_purchase_and_candidates_by_hand():
    table = co_purchase(ORDERS)
    # koffie buyers: 1, 2, 3, 4 ; snacks: 2, 5 ; water: 4
    assert table.loc["koffie", "snacks"] == 0.25
    assert table.loc["snacks", "koffie"] == 0.5
    assert table.loc["water", "koffie"] == 1.0
    assert np.allclose(np.diag(table), 1.0)
    cand = cross_sell_candidates(ORDERS, min_share=0.25, top=2)
    # customer 5 (snacks only): koffie via snacks (0.5)
    five = cand[cand["customer_id"] == 5]
    assert five[["advies", "omdat", "kans"]].values.tolist() == [["koffie", "snacks", 0.5]]
    # customer 1 (koffie only): snacks 0.25 and water 0.25 via koffie, alphabetical on a tie
    one = cand[cand["customer_id"] == 1]
    assert one["advies"].tolist() == ["snacks", "water"]
    # nobody is advised a group they already buy
    owned = set(zip(ORDERS["customer_id"], ORDERS["product_group"]))
    assert not any((c, a) in owned for c, a in zip(cand["customer_id"], cand["advies"]))


def test_follow_up_schedule_dates():
    deliveries = pd.DataFrame({"customer_id": [7, 8],
                               "delivery_date": pd.to_datetime(["2026-03-06", "2026-03-09"])})
    plan = follow_up_schedule(deliveries, steps=[(1, "Bedankt"), (8, "Tevreden?")])
    # 6 March 2026 is a Friday: +1 = Saturday 7th -> Monday 9th; +8 = Saturday 14th -> Monday 16th
    # 9 March is a Monday: +1 = Tuesday 10th ; +8 = Tuesday 17th
    got = sorted(zip(plan["customer_id"], plan["verzenddatum"].dt.strftime("%Y-%m-%d")))
    assert got == [(7, "2026-03-09"), (7, "2026-03-16"), (8, "2026-03-10"), (8, "2026-03-17")]
    raw = follow_up_schedule("2026-03-06", steps=[(1, "x")], weekdays_only=False)
    assert raw["verzenddatum"].iloc[0] == pd.Timestamp("2026-03-07")
    with pytest.raises(InputError):
        follow_up_schedule("2026-03-06", steps=[(-1, "x")])


# ---- klantenbeheer ------------------------------------------------------------------------

def test_cohort_retention_by_hand():
    table = cohort_retention(ORDERS)
    # cohort 2024: customers 1, 2, 4 ; in 2025: 1 and 2 -> 2/3
    assert table.loc[2024, 1] == pytest.approx(2 / 3)
    # cohort 2025: 3 and 5 ; year 1 lies beyond the data -> NaN
    assert math.isnan(table.loc[2025, 1])
    counts = cohort_retention(ORDERS, as_share=False)
    assert counts.loc[2024, 0] == 3 and counts.loc[2025, 0] == 2


def test_retention_revenue_by_hand():
    out = retention_revenue(200, 500, 0.5, years=3, new_per_year=20)
    # klanten: 200 ; 100 + 20 = 120 ; 50 + 20·(1 + 0.5) = 80
    assert out["klanten"].tolist() == pytest.approx([200, 120, 80])
    assert out["cumulatief"].iloc[-1] == pytest.approx((200 + 120 + 80) * 500)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 0.99), st.floats(0, 0.99))
def test_retention_revenue_monotone(r1, r2):
    low, high = sorted((r1, r2))
    a = retention_revenue(100, 1000, low, years=4)["cumulatief"].iloc[-1]
    b = retention_revenue(100, 1000, high, years=4)["cumulatief"].iloc[-1]
    assert b >= a - 1e-6


def test_retention_action_value_by_hand():
    acts = pd.DataFrame({"actie": ["nieuwsbrief", "spaarkaart"], "kosten_per_klant": [1.0, 20.0],
                         "vaste_kosten": [500.0, 2000.0], "extra_behoud": [0.01, 0.05]})
    out = retention_action_value(2000, 600, actions=acts, base_retention=0.8).set_index("actie")
    # nieuwsbrief: 20 extra × 600 = 12000 ; cost 2000 + 500 = 2500 ; result 9500
    assert out.loc["nieuwsbrief", "resultaat"] == pytest.approx(9500)
    # spaarkaart: 100 × 600 = 60000 ; cost 40000 + 2000 = 42000 ; result 18000
    assert out.loc["spaarkaart", "resultaat"] == pytest.approx(18000)
    assert out.loc["spaarkaart", "nieuw_behoud"] == pytest.approx(0.85)
    with pytest.raises(InputError, match="percentage"):
        retention_action_value(2000, 600, base_retention=80)


# ---- own company (notebook 09) ------------------------------------------------------------

from copy import deepcopy  # noqa: E402

from salesnb.errors import OwnCompanyError  # noqa: E402
from salesnb.own_company import (  # noqa: E402
    EXAMPLE_OWN_COMPANY,
    EXAMPLE_PHASES,
    own_company_offerte,
    own_company_plan,
    own_company_prospects,
    validate_own_company,
)

OFFER = EXAMPLE_PHASES["fase_3"]["offerte"]


def test_example_company_is_valid_and_untouched():
    before, phases = deepcopy(EXAMPLE_OWN_COMPANY), deepcopy(EXAMPLE_PHASES)
    assert validate_own_company(EXAMPLE_OWN_COMPANY) == EXAMPLE_OWN_COMPANY
    own_company_prospects(EXAMPLE_OWN_COMPANY)
    own_company_offerte(EXAMPLE_OWN_COMPANY, OFFER)
    own_company_plan(EXAMPLE_OWN_COMPANY, **EXAMPLE_PHASES)
    assert EXAMPLE_OWN_COMPANY == before and EXAMPLE_PHASES == phases


@pytest.mark.parametrize("key", ["naam", "adres", "postcode", "plaats", "kvk", "producten", "prospects"])
def test_each_missing_entry_is_named(key):
    facts = deepcopy(EXAMPLE_OWN_COMPANY)
    del facts[key]
    with pytest.raises(OwnCompanyError) as info:
        validate_own_company(facts)
    assert any(p.startswith(f"'{key}'") for p in info.value.problems), info.value.problems


def test_all_problems_at_once_with_diagnosis():
    facts = deepcopy(EXAMPLE_OWN_COMPANY)
    facts["producten"][0]["btw"] = 9           # percentage instead of fraction
    facts["producten"][1]["prijs"] = "€ 395"    # text instead of a number
    facts["kvk"] = "1234"
    facts["prospects"][0]["interesse"] = "ja"
    facts["kleur"] = "groen"
    with pytest.raises(OwnCompanyError) as info:
        validate_own_company(facts)
    problems = info.value.problems
    assert len(problems) == 5, problems
    assert "onbekend veld 'kleur'; bekende velden zijn naam, adres" in problems[0]
    assert "8 cijfers" in problems[1]
    assert "btw 9 is een percentage; schrijf 0.09" in problems[2]
    assert "prijs moet een getal" in problems[3]
    assert "5 problemen" in str(info.value)


def test_not_a_dict():
    with pytest.raises(OwnCompanyError, match="dict"):
        validate_own_company(["naam", "adres"])


def test_company_prospects_rules():
    channels = EXAMPLE_PHASES["fase_1"]["werving"]
    table = own_company_prospects(EXAMPLE_OWN_COMPANY, channels)
    # interesse + budget_en_planning: (T, F) warm, (T, T) hot, (F, F) cold
    assert table["temperatuur"].astype(str).tolist() == ["warm", "hot", "cold"]
    assert table["kanaal"].tolist() == [channels[t] for t in ("warm", "hot", "cold")]


def test_company_offerte_by_hand():
    o = own_company_offerte(EXAMPLE_OWN_COMPANY, OFFER)
    # one-off: 395.00 at 21% = 82.95 ; per month: 98.00 at 9% = 8.82
    assert str(o.totals()["btw"]) == "82.95"
    assert str(o.totals("maand")["btw"]) == "8.82"
    assert o.customer["naam"] == "ICT Huis Zeist" and o.customer["tav"] == "mevrouw L. Jansen"
    assert o.seller["kvk"] == "87654321"
    assert o.valid_until.isoformat() == "2026-04-01"
    assert o.payment_days == 14 and o.delivery_date.isoformat() == "2026-03-16"
    assert o.signatory == {"naam": "Ahmed Bakker", "functie": "directeur"}
    assert "FruitFit" in o.terms_title


def test_plan_names_every_problem_of_every_phase_at_once():
    phases = deepcopy(EXAMPLE_PHASES)
    phases["fase_1"]["sdp"]["waarom"] = "  "
    phases["fase_1"]["sdp"]["doelmarkt"] = "ziekenhuizen"
    phases["fase_1"]["adoptie"]["penetratie"] = 8
    del phases["fase_2"]["argumenten"]
    phases["fase_3"]["offerte"]["offerte_datum"] = "2 maart"
    phases["fase_5"]["upsell"]["ideeen"] = []
    phases["fase_6"]["behoud"]["extra"] = 1
    with pytest.raises(OwnCompanyError) as info:
        own_company_plan(EXAMPLE_OWN_COMPANY, **phases)
    text = "\n".join(info.value.problems)
    assert len(info.value.problems) == 7, text
    for fragment in ("fase_1 stap 'sdp': de reden ('waarom') ontbreekt", "'penetratie': moet een fractie",
                     "fase_2 stap 'argumenten' ontbreekt", "'offerte_datum': moet een datum",
                     "'ideeen': moet een lijst", "onbekend veld 'extra'", "'doelmarkt': kies een van"):
        assert fragment in text


def test_offerte_date_entry():
    offer = deepcopy(OFFER)
    assert own_company_offerte(EXAMPLE_OWN_COMPANY, offer).date.isoformat() == "2026-03-02"
    offer["offerte_datum"] = "2 maart"
    with pytest.raises(OwnCompanyError, match="'offerte_datum'"):
        own_company_offerte(EXAMPLE_OWN_COMPANY, offer)


def test_next_adoption_segment_boundaries():
    from salesnb.process import next_adoption_segment

    # cumulative shares: 2.5%, 16%, 50%, 84%, 100%
    assert next_adoption_segment(0.024) == "innovators"
    assert next_adoption_segment(0.025) == "early adopters"
    assert next_adoption_segment(0.159) == "early adopters"
    assert next_adoption_segment(0.16) == "early majority"
    assert next_adoption_segment(0.5) == "late majority"
    assert next_adoption_segment(0.84) == "laggards"
    assert next_adoption_segment(1.0) == "laggards"
    with pytest.raises(InputError, match="percentage"):
        next_adoption_segment(20)


def test_usp_from_deals_by_hand():
    from salesnb.process import usp_from_deals

    deals = pd.DataFrame({
        "motive": ["zekerheid"] * 4 + ["economie"] * 4 + ["gemak"],
        "outcome": ["gewonnen", "gewonnen", "gewonnen", "verloren",
                    "gewonnen", "verloren", "verloren", "open", "verloren"],
        "reason": ["24 uur service", "24 uur service", "klik", "x", "prijs", "y", "y", "", "z"]})
    out = usp_from_deals(deals).set_index("motive")
    # zekerheid 3/4 ; economie 1/3 (open excluded) ; gemak 0/1 ; overall 4/8 = 0.5
    assert out.loc["zekerheid", "win_rate"] == pytest.approx(0.75)
    assert out.loc["economie", "win_rate"] == pytest.approx(1 / 3)
    assert out.loc["zekerheid", "verschil"] == pytest.approx(0.25)
    assert out.loc["zekerheid", "reden"] == "24 uur service"
    assert pd.isna(out.loc["gemak", "reden"])
    assert list(out.index) == ["zekerheid", "economie", "gemak"]


def test_channel_table_with_id_column_as_won():
    leads = pd.DataFrame({"channel": ["a", "a", "b"], "customer_id": pd.array([10, None, None], dtype="Int64"),
                          "cost": [10.0, 30.0, 5.0]})
    out = channel_table(leads, channel_col="channel", won_col="customer_id").set_index("channel")
    assert out.loc["a", "klanten"] == 1 and out.loc["a", "kosten_per_klant"] == 40.0
    assert out.loc["b", "conversie"] == 0.0


def test_cohort_retention_by_acquisition_year():
    customers = pd.DataFrame({"customer_id": [1, 2, 3, 4, 5, 9],
                              "acquired_on": pd.to_datetime(["2024-01-01", "2024-06-01", "2025-01-01",
                                                             "2024-02-01", "2025-03-01", "2019-01-01"])})
    table = cohort_retention(ORDERS, customers=customers)
    # cohort 2024 = customers 1, 2, 4 ; ordered in 2024: 1, 2, 4 ; in 2025: 1, 2 -> 1.0, 2/3
    assert table.loc[2024].tolist()[:2] == pytest.approx([1.0, 2 / 3])
    # cohort 2025 = 3, 5 (both ordered in 2025); 2019 (before the data) is left out
    assert table.index.tolist() == [2024, 2025]
    assert table.loc[2025, 0] == 1.0


# ---- review fixes: holidays in the e-mail plan, unambiguous VAT in the example company ------------

def test_follow_up_skips_dutch_holidays():
    # 24 Dec 2026 is a Thursday: +1 = Fri 25 Dec (Kerst) -> Sat 26 (Kerst, weekend) -> Sun -> Mon 28 Dec
    plan = follow_up_schedule("2026-12-24", steps=[(1, "Bedankt"), (2, "Tevreden?")])
    assert plan["verzenddatum"].dt.strftime("%Y-%m-%d").tolist() == ["2026-12-28", "2026-12-28"]
    # Wed 31 Dec 2025 +1 = Thu 1 Jan 2026 (Nieuwjaarsdag) -> Fri 2 Jan
    assert follow_up_schedule("2025-12-31", steps=[(1, "x")])["verzenddatum"].iloc[0] == pd.Timestamp("2026-01-02")
    # Koningsdag Mon 27 Apr 2026 -> Tue 28 Apr; Bevrijdingsdag Tue 5 May 2026 -> Wed 6 May (every year)
    assert follow_up_schedule("2026-04-26", steps=[(1, "x")])["verzenddatum"].iloc[0] == pd.Timestamp("2026-04-28")
    assert follow_up_schedule("2026-05-04", steps=[(1, "x")])["verzenddatum"].iloc[0] == pd.Timestamp("2026-05-06")
    # switched off: 25 Dec 2026 (a Friday) stays
    off = follow_up_schedule("2026-12-24", steps=[(1, "x")], holidays=())
    assert off["verzenddatum"].iloc[0] == pd.Timestamp("2026-12-25")
    # own full dates, e.g. Tweede Paasdag Mon 6 Apr 2026 -> Tue 7 Apr
    own = follow_up_schedule("2026-04-05", steps=[(1, "x")], holidays=["2026-04-06"])
    assert own["verzenddatum"].iloc[0] == pd.Timestamp("2026-04-07")
    with pytest.raises(InputError, match="holidays"):
        follow_up_schedule("2026-04-05", steps=[(1, "x")], holidays=["geen datum"])


def test_follow_up_never_on_weekend_or_holiday():
    from salesnb.process import DUTCH_HOLIDAYS

    days = pd.date_range("2026-01-01", "2027-12-31", freq="D")
    plan = follow_up_schedule(pd.DataFrame({"customer_id": range(len(days)), "delivery_date": days}),
                              steps=[(1, "a"), (7, "b")])
    send = plan["verzenddatum"]
    assert (send.dt.day_of_week < 5).all()
    assert not any((m, d) in DUTCH_HOLIDAYS for m, d in zip(send.dt.month, send.dt.day))
    assert ((send - plan["levering"]).dt.days >= plan["dagen_na_levering"]).all()


def test_example_company_vat_is_unambiguous():
    # 9% only for goods (fruit, delivered); services and rental 21%; no served drinks or separate delivery
    rates = {p["omschrijving"]: p["btw"] for p in EXAMPLE_OWN_COMPANY["producten"]}
    assert not any("smoothie" in name.lower() or "bezorging" in name.lower() for name in rates)
    assert [r for n, r in rates.items() if "fruitschaal" in n.lower()] == [0.09]
    assert all(r == 0.21 for n, r in rates.items() if "workshop" in n.lower() or "huur" in n.lower())


def test_prospect_split_axis_has_whole_numbers_only():
    from matplotlib.figure import Figure

    from salesnb.plots.process import plot_prospect_split
    from salesnb.process import temperature_counts

    # 1 cold, 1 warm, 1 hot: without an integer locator the axis shows 0.5, 1.5, ...
    ax = plot_prospect_split(temperature_counts(["cold", "warm", "hot"]), ax=Figure().add_subplot())
    ticks = [x for x in ax.get_xticks() if ax.get_xlim()[0] <= x <= ax.get_xlim()[1]]
    assert len(ticks) >= 2 and all(float(x).is_integer() for x in ticks)


def test_plan_checks_recurring_lines_and_the_warm_prospect():
    phases = deepcopy(EXAMPLE_PHASES)
    phases["fase_3"]["offerte"]["regels"][0]["periode"] = "week"
    del phases["fase_3"]["offerte"]["regels"][0]["opzegtermijn_maanden"]
    phases["fase_2"]["argumenten"]["prospect"] = "ICT Huis Zeist"  # hot by its own flags
    with pytest.raises(OwnCompanyError) as info:
        own_company_plan(EXAMPLE_OWN_COMPANY, **phases)
    text = "\n".join(info.value.problems)
    assert len(info.value.problems) == 3, text
    assert "'periode' moet een van 'maand', 'kwartaal', 'jaar'" in text
    assert "'opzegtermijn_maanden' moet een geheel aantal maanden" in text
    assert "'ICT Huis Zeist' is hot volgens je prospects" in text
