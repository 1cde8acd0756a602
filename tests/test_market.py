"""H2 calculations: market measures, the share identity, targets, ABCD/SWOT (hand-computed)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesnb import market as m
from salesnb.errors import ColumnError, InputError

# ------------------------------------------------------------------ scalar worked examples


def test_market_potential_scalar_and_vector():
    # 2,000 potential buyers x € 1,500 = € 3,000,000
    assert m.market_potential(2000, 1500) == 3_000_000.0
    # per sector: 100 x 10 = 1,000; 40 x 50 = 2,000
    got = m.market_potential(pd.Series([100, 40], index=["zorg", "horeca"]), [10.0, 50.0])
    assert got.to_dict() == {"zorg": 1000.0, "horeca": 2000.0}


def test_market_size_is_sum_of_suppliers():
    # 400k + 250k + 350k = 1,000k
    assert m.market_size([400_000, 250_000, 350_000]) == 1_000_000.0


def test_saturation_and_remaining_demand():
    # size 750k of potential 1,000k -> 0.75 saturated, 250k remaining
    assert m.saturation(750_000, 1_000_000) == 0.75
    assert m.remaining_demand(1_000_000, 750_000) == 250_000.0
    assert m.saturation(np.array([20.0, 90.0]), 100.0).tolist() == [0.2, 0.9]


def test_saturation_diagnoses_swapped_arguments():
    with pytest.raises(InputError, match="verwisseld"):
        m.saturation(1_000_000, 750_000)
    with pytest.raises(InputError, match="verwisseld"):
        m.remaining_demand(750_000, 1_000_000)


def test_market_share_is_against_size_not_potential():
    # own 150k of size 1,000k = 0.15 (a fraction, not 15)
    assert m.market_share(150_000, 1_000_000) == pytest.approx(0.15)
    with pytest.raises(InputError, match="deel van de marktomvang"):
        m.market_share(200, 100)
    with pytest.raises(InputError, match="groter dan 0"):
        m.market_share(0, 0)


def test_relative_market_share_follower_and_leader():
    # follower: 15% / 30% = 0.5
    assert m.relative_market_share(0.15, 0.30) == pytest.approx(0.5)
    # leader with 30%, number two has 20%: 30 / 20 = 1.5
    assert m.relative_market_share(0.30, 0.20) == pytest.approx(1.5)
    # also on sales: 300k / 200k
    assert m.relative_market_share(300_000, 200_000) == pytest.approx(1.5)


def test_penetration_and_spending_index_worked_example():
    # class: 500 buyers of 1,250 potential -> 0.4
    assert m.penetration_rate(500, 1250) == pytest.approx(0.4)
    # own brand: 40 of the 500 class buyers -> 0.08
    assert m.penetration_rate(40, 500) == pytest.approx(0.08)
    # own 120,000 / 40 = 3,000 per buyer; class 1,000,000 / 500 = 2,000 -> index 1.5
    assert m.spending_index(120_000, 40, 1_000_000, 500) == pytest.approx(1.5)
    # identity: 0.08 x 1.5 = 0.12 = 120,000 / 1,000,000
    assert m.penetration_rate(40, 500) * m.spending_index(120_000, 40, 1_000_000, 500) == \
        pytest.approx(m.market_share(120_000, 1_000_000))


def test_penetration_rejects_more_buyers_than_potential():
    with pytest.raises(InputError, match="volgorde"):
        m.penetration_rate(600, 500)


@pytest.mark.parametrize("call", [
    lambda: m.market_potential("100", 5),
    lambda: m.market_potential(-1, 5),
    lambda: m.market_potential([1, None], [1, 2]),
    lambda: m.market_potential([1, 2, 3], [1, 2]),
    lambda: m.market_share(float("nan"), 10),
    lambda: m.spending_index(10, 0, 100, 10),
    lambda: m.market_potential([], []),
])
def test_bad_input_raises_dutch_input_error(call):
    with pytest.raises(InputError) as info:
        call()
    assert any(w in str(info.value) for w in ("moet", "mist", "leeg", "even lang", "getal", "oneindig"))


def test_inputs_are_not_modified():
    own = pd.Series([10.0, 20.0])
    size = pd.Series([100.0, 100.0])
    m.market_share(own, size)
    assert own.tolist() == [10.0, 20.0] and size.tolist() == [100.0, 100.0]


POS = st.floats(min_value=1, max_value=1e7, allow_nan=False)


@given(POS, POS, st.floats(0.01, 1), st.floats(0.01, 1), st.floats(0.01, 1))
def test_identity_share_is_penetration_times_spending(class_sales, class_buyers, f_buyers, f_sales, _):
    own_buyers = class_buyers * f_buyers
    own_sales = class_sales * f_sales
    share = m.market_share(own_sales, class_sales)
    product = m.penetration_rate(own_buyers, class_buyers) * m.spending_index(own_sales, own_buyers,
                                                                              class_sales, class_buyers)
    assert product == pytest.approx(share, rel=1e-9)


@given(POS, st.floats(0, 1))
def test_saturation_plus_rest_share_is_one(potential, f):
    size = potential * f
    sat = m.saturation(size, potential)
    assert 0 <= sat <= 1
    assert sat + m.remaining_demand(potential, size) / potential == pytest.approx(1.0)


# ------------------------------------------------------------------ market table

def _market():
    return pd.DataFrame({
        "sector": ["zorg", "zorg", "horeca"],
        "region": ["Noord", "Zuid", "Noord"],
        "potential_buyers": [100, 300, 50],
        "purchase_per_buyer": [1000.0, 1000.0, 2000.0],
        "buyers": [60, 140, 40],
        "class_sales": [60_000.0, 140_000.0, 60_000.0],
        "own_buyers": [15, 25, 4],
        "own_sales": [18_000.0, 22_000.0, 12_000.0],
        "largest_competitor_sales": [20_000.0, 40_000.0, 9_000.0],
    })


def test_market_table_per_sector_hand_computed():
    t = m.market_table(_market())
    z = t.loc["zorg"]
    # zorg: potential (100+300) x 1000 = 400,000; size 200,000 -> saturation 0.5, rest 200,000
    assert z["marktpotentieel"] == 400_000
    assert z["marktomvang"] == 200_000
    assert z["verzadigingsgraad"] == pytest.approx(0.5)
    assert z["restvraag"] == 200_000
    # share 40,000 / 200,000 = 0.2; competitor 60,000 / 200,000 = 0.3 -> relative 2/3
    assert z["marktaandeel"] == pytest.approx(0.2)
    assert z["relatief_marktaandeel"] == pytest.approx(2 / 3)
    # penetration class 200/400 = 0.5; brand 40/200 = 0.2; index (40,000/40)/(200,000/200) = 1.0
    assert z["penetratiegraad_klasse"] == pytest.approx(0.5)
    assert z["penetratiegraad_merk"] == pytest.approx(0.2)
    assert z["bestedingsindex"] == pytest.approx(1.0)
    h = t.loc["horeca"]
    # horeca: share 12,000/60,000 = 0.2; brand pen 4/40 = 0.1; index 3,000/1,500 = 2.0; leader vs 9,000
    assert h["bestedingsindex"] == pytest.approx(2.0)
    assert h["relatief_marktaandeel"] == pytest.approx(12_000 / 9_000)
    np.testing.assert_allclose(t["controle"], t["marktaandeel"])


def test_market_table_by_region_and_missing_column():
    t = m.market_table(_market(), by=["region"])
    # Noord: size 120,000, own 30,000 -> 0.25
    assert t.loc["Noord", "marktaandeel"] == pytest.approx(0.25)
    with pytest.raises(ColumnError, match="own_sales"):
        m.market_table(_market().drop(columns="own_sales"))


# ------------------------------------------------------------------ targets

def test_smart_check_letters():
    ok = m.smart_check(what="omzet servicecontracten zorg", measure="omzet", target=1_150_000,
                       baseline=1_000_000, deadline="2026-12-31", accepted=True)
    assert ok["voldoet"].all()
    # 30% growth with a 15% limit is not realistic
    bad = m.smart_check(what="omzet servicecontracten zorg", measure="omzet", target=1_300_000,
                        baseline=1_000_000, deadline="2026-12-31", accepted=True)
    assert bad.loc["R", "voldoet"] == False  # noqa: E712
    assert "30,0%" in bad.loc["R", "toelichting"]
    vague = m.smart_check(what="beter")
    assert vague["voldoet"].tolist() == [False] * 5


def test_split_target_top_down():
    # 1,200 split 1:2:3 -> 200, 400, 600
    got = m.split_target(1200, pd.Series({"a": 1.0, "b": 2.0, "c": 3.0}))
    assert got.tolist() == pytest.approx([200.0, 400.0, 600.0])
    with pytest.raises(InputError, match="0"):
        m.split_target(100, pd.Series({"a": 0.0}))


def test_revenue_vs_target_seasonality_from_last_year():
    orders = pd.DataFrame({
        "date": pd.to_datetime(["2024-01-10", "2024-07-10", "2025-01-05", "2025-07-20"]),
        "revenue": [100.0, 300.0, 150.0, 200.0],
    })
    r = m.revenue_vs_target(orders, 800.0)
    # last year: jan 100, jul 300 of 400 -> target jan 200, jul 600, other months 0
    assert r.loc[1, "target"] == pytest.approx(200.0)
    assert r.loc[7, "target"] == pytest.approx(600.0)
    assert r.loc[1, "realisatie"] == pytest.approx(0.75)
    assert np.isnan(r.loc[2, "realisatie"])
    # cumulative at year end: 350 of 800
    assert r.loc[12, "realisatie_cum"] == pytest.approx(350 / 800)
    with pytest.raises(InputError, match="12"):
        m.revenue_vs_target(orders, [1.0, 2.0])


# ------------------------------------------------------------------ ABCD -> SWOT

def test_abcd_to_swot():
    a = m.abcd_table([("Afnemers", "zorg groeit", "kans"),
                      ("Concurrenten", "VendoPlus is goedkoper", "bedreiging"),
                      ("Distributie", "inkoop via platforms", "kans")])
    swot = m.swot_table(a, ["eigen monteurs"], [])
    assert swot.loc["extern", "positief"] == "kansen: zorg groeit (Afnemers); inkoop via platforms (Distributie)"
    assert swot.loc["intern", "negatief"] == "zwaktes: (nog niets)"
    with pytest.raises(InputError, match="Afnemers"):
        m.abcd_table([("Klanten", "x", "kans")])
    with pytest.raises(InputError, match="kans"):
        m.abcd_table([("Afnemers", "x", "sterkte")])


def test_market_table_with_competitor_table_and_year():
    market = pd.concat([_market().assign(year=2024), _market().assign(year=2025, own_sales=[1.0, 1.0, 1.0])])
    comp = pd.DataFrame({
        "year": [2025] * 4 + [2024],
        "sector": ["zorg", "zorg", "zorg", "zorg", "zorg"],
        "region": ["Noord", "Noord", "Zuid", "Zuid", "Noord"],
        "competitor": ["X", "Y", "X", "Y", "Y"],
        "sales": [20_000.0, 15_000.0, 10_000.0, 40_000.0, 99_999.0],
    })
    t = m.market_table(market, competitors=comp, by="sector")
    # 2025 (the last year): own zorg sales 1 + 1 = 2 of 200,000
    assert t.loc["zorg", "marktaandeel"] == pytest.approx(2 / 200_000)
    # X = 30,000, Y = 55,000 in zorg 2025 -> Y is the largest competitor: 55,000 / 200,000
    assert t.loc["zorg", "grootste_concurrent"] == "Y"
    assert t.loc["zorg", "aandeel_grootste_concurrent"] == pytest.approx(0.275)
    old = m.market_table(market, year=2024, by=())
    assert old.loc["totaal", "marktaandeel"] == pytest.approx(52_000 / 260_000)
    with pytest.raises(InputError, match="2023"):
        m.market_table(market, year=2023)
    # horeca has no competitor in the table: relative share undefined (NaN), share still computed
    assert np.isnan(t.loc["horeca", "relatief_marktaandeel"])
    assert t.loc["horeca", "aandeel_grootste_concurrent"] == 0.0


# ------------------------------------------------------------------ target overview, top-down/bottom-up, ABCD

def test_target_overview_hand_computed():
    o = pd.DataFrame({"date": pd.to_datetime(["2025-01-10", "2025-02-10", "2024-05-01"]),
                      "revenue": [300.0, 300.0, 999.0]})
    c = pd.DataFrame({"acquired_on": pd.to_datetime(["2025-03-01", "2025-04-01", "2024-01-01"])})
    a = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "calls": [30, 50],
                      "appointments": [3, 3], "quotations": [1, 2]})
    t = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]),
                      "revenue_target": [500.0, 500.0], "new_customers_target": [2, 2],
                      "calls_target": [40, 40], "appointments_target": [3, 3], "quotations_target": [2, 2]})
    out = m.target_overview(o, c, a, t)
    # omzet 600 of 1000; new customers 2 of 4; calls 80 of 80; quotations 3 of 4
    assert out.loc["omzet", "realisatiegraad"] == pytest.approx(0.6)
    assert out.loc["nieuwe klanten", "realisatiegraad"] == pytest.approx(0.5)
    assert out.loc["telefoongesprekken (koude acquisitie)", "realisatiegraad"] == pytest.approx(1.0)
    assert out.loc["offertes (koude acquisitie)", "realisatiegraad"] == pytest.approx(0.75)
    assert out.loc["afspraken (koude acquisitie)", "soort"] == "activiteit"


def test_top_down_bottom_up_hand_computed():
    o = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
                      "revenue": [100.0, 200.0, 100.0, 100.0, 50.0],
                      "date": pd.to_datetime(["2024-03-01", "2025-03-01", "2024-03-01", "2025-03-01", "2025-06-01"])})
    c = pd.DataFrame({"customer_id": [1, 2, 3], "account_manager": [1, 2, 2]})
    out = m.top_down_bottom_up(o, c, 700.0, names={1: "An", 2: "Bo"}, max_growth=0.25)
    # An: 200 now, 100 before -> growth 100% capped to 25% -> bottom-up 250; top-down 700 * 200/350 = 400
    # Bo: 150 now, 100 before -> growth 50% capped 25% -> 187.5; top-down 300
    assert out.loc["An", "top_down"] == pytest.approx(400.0)
    assert out.loc["An", "bottom_up"] == pytest.approx(250.0)
    assert out.loc["Bo", "bottom_up"] == pytest.approx(187.5)
    assert out["top_down"].sum() == pytest.approx(700.0)


def test_abcd_findings_from_market():
    base = _market()
    market = pd.concat([base.assign(year=2024),
                        base.assign(year=2025, class_sales=base["class_sales"] * [1.1, 1.1, 0.9])])
    comp = pd.DataFrame({"year": [2024, 2024, 2025, 2025], "sector": ["zorg"] * 4,
                         "region": ["Noord"] * 4, "competitor": ["X", "Y", "X", "Y"],
                         "sales": [100.0, 100.0, 150.0, 90.0]})
    leads = pd.DataFrame({"source": ["online", "netwerken", "online", "online"],
                          "created_on": pd.to_datetime(["2024-01-01", "2024-02-01", "2025-01-01", "2025-02-01"])})
    a = m.abcd_findings(market, comp, leads=leads)
    assert set(a["factor"]) == set(m.ABCD_FACTORS)
    text = " | ".join(a["bevinding"])
    # zorg: potential 400,000 - size 220,000 = 180,000 rest > horeca 100,000 - 54,000
    assert "zorg heeft de grootste restvraag" in text
    assert "horeca krimpt" in text or "in horeca krimpt" in text
    assert "X groeit het hardst (50,0%)" in text
    # online leads: 100% this year against 50% last year -> kans
    online = a[a["factor"] == "Distributie"].iloc[0]
    assert online["effect"] == "kans" and "100,0%" in online["bevinding"]
    # with the tenders, Distributie is how the public buyers buy: 2 tenders in 2025, 1 of them on BPKV
    tenders = pd.DataFrame({"published_on": pd.to_datetime(["2025-03-01", "2025-06-01", "2024-01-01"]),
                            "award_criterion": ["BPKV", "laagste prijs", "BPKV"]})
    with_tenders = m.abcd_findings(market, comp, leads=leads, tenders=tenders)
    distribution = with_tenders.loc[with_tenders["factor"] == "Distributie", "bevinding"].tolist()
    assert distribution == ["publieke afnemers kopen via aanbestedingen: 2 in 2025, 50% daarvan gegund op prijs "
                            "én kwaliteit (BPKV)"]


# ------------------------------------------------------------------ charts, widgets, exercises (H2)

def test_market_widget_hand_computed_and_capped():
    from salesnb.widgets import market_explorer

    w = market_explorer(1000, 4000.0, 3.0, 0.6)
    # potential 1000 x 4000 = 4 mln; size 3 mln -> 0.75 saturated, 1 mln rest; share 0.6 / 3 = 0.2
    assert w.result["potentieel"] == pytest.approx(4_000_000)
    assert w.result["verzadiging"] == pytest.approx(0.75)
    assert w.result["restvraag"] == pytest.approx(1_000_000)
    assert w.result["marktaandeel"] == pytest.approx(0.2)
    w.set(omvang=5.0)
    # size above the potential is capped at 4 mln and said so
    assert w.result["omvang"] == pytest.approx(4_000_000) and w.error is None
    assert "begrensd" in w.readout.value


def test_share_identity_widget():
    from salesnb.widgets import share_identity_explorer

    w = share_identity_explorer(0.2, 0.5, 100.0)
    # 20% x 0.5 = 10% of € 100 mln = € 10 mln
    assert w.result["marktaandeel"] == pytest.approx(0.1)
    assert w.result["eigen_omzet"] == pytest.approx(10_000_000)


def test_market_share_chart_parts_add_to_one():
    from matplotlib.figure import Figure

    from salesnb.plots import plot_market_shares

    t = m.market_table(_market())
    ax = plot_market_shares(t, ax=Figure().add_subplot())
    ends = {}
    for p in ax.patches:
        key = round(p.get_y(), 6)
        ends[key] = max(ends.get(key, 0), p.get_x() + p.get_width())
    assert all(e == pytest.approx(1.0) for e in ends.values())


def test_h2_exercises_diagnose_the_course_mistakes():
    from salesnb.exercises import check

    assert check("2.5", 1_200_000).correct is True
    size = check("2.5", 1_800_000)
    assert size.correct is False and "marktomvang" in size.message
    potential = check("2.5", 3_000_000)
    assert potential.correct is False and "marktpotentieel" in potential.message
    assert check("2.6", 0.12).correct is True
    percent = check("2.6", 12)
    assert percent.correct is False and "fractie" in percent.message
