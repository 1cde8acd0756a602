"""Tests for salesnb.accounts (H7 account management): worked examples by hand, properties, bad input."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import accounts as acc
from salesnb import sample_company as sc
from salesnb.documents import accountplan as ap
from salesnb.errors import ColumnError, InputError

# --------------------------------------------------------------------------- share of wallet


def test_share_of_wallet_worked_example():
    # We sell € 45,000 at a customer that spends € 180,000 on coffee & vending: 45/180 = 1/4.
    assert acc.share_of_wallet(45_000, 180_000) == pytest.approx(0.25)
    # Everything the customer buys comes from us: 1.
    assert acc.share_of_wallet(80, 80) == 1.0
    assert acc.share_of_wallet(0, 10) == 0.0


def test_share_of_wallet_vectorised_keeps_index():
    revenue = pd.Series([10.0, 30.0, 0.0], index=["A", "B", "C"])
    spend = pd.Series([40.0, 40.0, 5.0], index=["A", "B", "C"])
    out = acc.share_of_wallet(revenue, spend)
    assert list(out.index) == ["A", "B", "C"]
    # 10/40 = 0.25, 30/40 = 0.75, 0/5 = 0
    assert out.tolist() == pytest.approx([0.25, 0.75, 0.0])


def test_share_of_wallet_scalar_broadcast():
    assert acc.share_of_wallet([10, 20], 40).tolist() == pytest.approx([0.25, 0.5])
    assert acc.share_of_wallet(10, [20, 40]).tolist() == pytest.approx([0.5, 0.25])


def test_share_of_wallet_swapped_is_explained():
    with pytest.raises(InputError, match="omgewisseld"):
        acc.share_of_wallet(180_000, 45_000)
    with pytest.raises(InputError, match="positie 1"):
        acc.share_of_wallet([1, 50], [10, 40])


@pytest.mark.parametrize("revenue, spend", [
    (10, 0), (-1, 10), ("10", 20), (None, 20), (math.nan, 20), (10, math.inf),
    ([1, 2], [3]), ([], []), ([1, None], [2, 3]), ([1, 2], [0, 3]), ([1, "x"], [2, 3]),
])
def test_share_of_wallet_bad_input(revenue, spend):
    with pytest.raises(InputError):
        acc.share_of_wallet(revenue, spend)


@given(st.lists(st.tuples(st.floats(0, 1e7), st.floats(1, 1e7)), min_size=1, max_size=30))
def test_share_of_wallet_between_zero_and_one(pairs):
    revenue = [min(r, s) for r, s in pairs]
    spend = [s for _, s in pairs]
    out = acc.share_of_wallet(revenue, spend)
    assert ((out >= 0) & (out <= 1)).all()
    # Doubling both leaves the share unchanged.
    assert np.allclose(acc.share_of_wallet([2 * r for r in revenue], [2 * s for s in spend]), out)


def test_share_of_wallet_does_not_modify_input():
    revenue = pd.Series([1.0, 2.0])
    spend = pd.Series([4.0, 4.0])
    acc.share_of_wallet(revenue, spend)
    assert revenue.tolist() == [1.0, 2.0] and spend.tolist() == [4.0, 4.0]


# --------------------------------------------------------------------------- value tiers and visits


def test_value_tiers_boundaries():
    out = acc.value_tiers([100_000, 99_999, 25_000, 0], key_threshold=100_000, major_threshold=25_000)
    assert out.tolist() == ["key account", "major account", "major account", "minor account"]
    assert out.cat.ordered


def test_value_tiers_thresholds_swapped():
    with pytest.raises(InputError, match="wissel"):
        acc.value_tiers([1], key_threshold=10, major_threshold=20)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=40))
def test_value_tiers_monotone(revenue):
    codes = acc.value_tiers(revenue).cat.codes.to_numpy()
    order = np.argsort(revenue, kind="stable")
    # more revenue never gives a lower tier (code 0 = key is highest)
    assert (np.diff(codes[order]) <= 0).all()


def test_visits_needed():
    out = acc.visits_needed(["key account", "major account", "minor account"],
                            visits_per_year={"key account": 24, "major account": 6, "minor account": 2})
    assert out.tolist() == [24.0, 6.0, 2.0]
    with pytest.raises(InputError, match="bezoeknorm"):
        acc.visits_needed(["gold"])


# --------------------------------------------------------------------------- workload per form


@pytest.fixture
def small_accounts():
    # 6 accounts: two regions, two sectors, two product groups.
    return pd.DataFrame({
        "region": ["Noord", "Noord", "Noord", "Zuid", "Zuid", "Oost"],
        "sector": ["zorg", "zorg", "onderwijs", "zorg", "onderwijs", "onderwijs"],
        "product_group": ["koffie", "water", "koffie", "koffie", "water", "koffie"],
        "klasse": ["key account", "minor account", "major account", "minor account", "minor account",
                 "major account"],
        "bezoeken": [12.0, 1.0, 4.0, 1.0, 1.0, 4.0],
        "revenue": [200.0, 5.0, 50.0, 8.0, 6.0, 40.0],
    }, index=[101, 102, 103, 104, 105, 106])


def test_assignment_geografie_combines_regions(small_accounts):
    # Region visits: Noord 17, Oost 4, Zuid 2. Two managers, three regions -> combine whole regions:
    # Noord to AM 1, Oost to AM 2 (lightest), Zuid to AM 2 (4 < 17).
    out = acc.assign_account_managers(small_accounts, "geografie", n_managers=2)
    assert out.to_dict() == {101: "AM 1", 102: "AM 1", 103: "AM 1", 104: "AM 2", 105: "AM 2", 106: "AM 2"}


def test_assignment_branche_extra_manager_to_heaviest(small_accounts):
    # Sector visits: zorg 12+1+1 = 14, onderwijs 4+1+4 = 9. Three managers: each sector one,
    # third to zorg (14/1 > 9/1). Zorg accounts spread over 2 managers: 12 | 1+1.
    out = acc.assign_account_managers(small_accounts, "branche", n_managers=3)
    load = acc.manager_workload(small_accounts, out)
    assert sorted(load["bezoeken"].tolist()) == [2.0, 9.0, 12.0]
    assert out[101] != out[102] and out[102] == out[104]


def test_assignment_combination_value_then_region(small_accounts):
    # Tier visits: key 12, major 8, minor 3 -> 4 managers: 1 each; the fourth would go to key
    # (12 > 8 > 3) but key has one account, so it goes to major (8 > 3): major split Noord 4 | Oost 4.
    out = acc.assign_account_managers(small_accounts, ("waarde", "geografie"), n_managers=4)
    load = acc.manager_workload(small_accounts, out)
    assert sorted(load["bezoeken"].tolist()) == [3.0, 4.0, 4.0, 12.0]
    assert out[103] != out[106]
    # More managers than accounts: nobody is given an empty portfolio twice over, all accounts covered.
    out9 = acc.assign_account_managers(small_accounts, ("waarde", "geografie"), n_managers=9)
    assert out9.nunique() == 6


def test_assignment_never_loses_accounts(small_accounts):
    for form in ["geografie", "branche", "product", "waarde", ("geografie", "branche")]:
        for n in range(1, 9):
            out = acc.assign_account_managers(small_accounts, form, n_managers=n)
            assert out.notna().all()
            assert out.nunique() <= n


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("ABCD"), st.floats(0, 50)), min_size=1, max_size=40),
       st.integers(1, 6))
def test_workload_totals_preserved(rows, n):
    frame = pd.DataFrame({"region": [r for r, _ in rows], "bezoeken": [v for _, v in rows],
                          "revenue": [10 * v for _, v in rows]})
    managers = acc.assign_account_managers(frame, "geografie", n_managers=n)
    load = acc.manager_workload(frame, managers)
    assert load["klanten"].sum() == len(frame)
    assert load["bezoeken"].sum() == pytest.approx(frame["bezoeken"].sum())
    # frame unchanged
    assert list(frame.columns) == ["region", "bezoeken", "revenue"]


def test_assignment_bad_input(small_accounts):
    with pytest.raises(InputError, match="geografie"):
        acc.assign_account_managers(small_accounts, "geografi", n_managers=2)
    with pytest.raises(InputError):
        acc.assign_account_managers(small_accounts, "branche", n_managers=0)
    with pytest.raises(ColumnError, match="region"):
        acc.assign_account_managers(small_accounts.drop(columns="region"), "geografie", n_managers=2)
    broken = small_accounts.assign(bezoeken=[1, -1, 1, 1, 1, 1])
    with pytest.raises(InputError):
        acc.assign_account_managers(broken, "geografie", n_managers=2)


def test_workload_inequality_worked_example():
    # loads 100, 200, 300: max/min 3; mean 200, population sd sqrt((1e4 + 0 + 1e4)/3) = 81.65 -> cv 0.408
    out = acc.workload_inequality([100, 200, 300])
    assert out["max_min"] == 3.0
    assert out["cv"] == pytest.approx(math.sqrt(2 / 3) / 2)
    assert acc.workload_inequality([5, 5])["cv"] == 0.0
    assert acc.workload_inequality([0, 5])["max_min"] == math.inf


def test_compare_forms_shows_value_form_concentrates_visits(small_accounts):
    table = acc.compare_forms(small_accounts, ["geografie", "waarde"], n_managers=2)
    assert list(table.index) == ["geografie", "waarde"]
    # geografie: Noord 17 vs Oost+Zuid 6 -> 17/6
    assert table.loc["geografie", "bezoeken_max_min"] == pytest.approx(17 / 6)
    # waarde: key 12, major 8, minor 3 with 2 managers -> key | major+minor = 12 vs 11
    assert table.loc["waarde", "bezoeken_max_min"] == pytest.approx(12 / 11)


# --------------------------------------------------------------------------- key account matrix


def test_weighted_score_worked_example():
    # (5*2 + 3*1 + 1*1) / 4 = 14/4 = 3.5 ; (1*2 + 5*1 + 5*1)/4 = 12/4 = 3
    scores = pd.DataFrame({"omzet": [5, 1], "groei": [3, 5], "marge": [1, 5]})
    out = acc.weighted_score(scores, {"omzet": 2, "groei": 1, "marge": 1})
    assert out.tolist() == pytest.approx([3.5, 3.0])
    # weights as percentages give the same answer
    assert acc.weighted_score(scores, {"omzet": 50, "groei": 25, "marge": 25}).tolist() == pytest.approx([3.5, 3.0])


def test_weighted_score_bad_input():
    scores = pd.DataFrame({"omzet": [5, 1]})
    with pytest.raises(ColumnError):
        acc.weighted_score(scores, {"omzett": 1})
    with pytest.raises(InputError):
        acc.weighted_score(scores, {"omzet": 0})
    with pytest.raises(InputError):
        acc.weighted_score(scores, {"omzet": -1})
    with pytest.raises(InputError):
        acc.weighted_score(scores, {})


@given(st.lists(st.integers(1, 5), min_size=2, max_size=2), st.floats(0.01, 10), st.floats(0.01, 10))
def test_weighted_score_between_min_and_max(score, w1, w2):
    out = acc.weighted_score(pd.DataFrame({"a": [score[0]], "b": [score[1]]}), {"a": w1, "b": w2})
    assert min(score) - 1e-9 <= out.iloc[0] <= max(score) + 1e-9


def test_key_account_matrix_quadrants():
    frame = pd.DataFrame({"pot": [5, 5, 1, 1], "rel": [5, 1, 5, 1]}, index=list("abcd"))
    out = acc.key_account_matrix(frame, {"pot": 1}, {"rel": 1}, cutoff=3)
    assert out["kwadrant"].tolist() == ["strategisch account", "ontwikkelaccount", "onderhoudsaccount", "basisaccount"]
    assert out["key_account"].tolist() == [True, False, False, False]
    # at the cutoff counts as high
    out = acc.key_account_matrix(pd.DataFrame({"pot": [3], "rel": [3]}), {"pot": 1}, {"rel": 1})
    assert bool(out["key_account"].iloc[0])


def test_criterion_score():
    assert acc.criterion_score([5, 4, 3, 2, 1]).tolist() == [5, 4, 3, 2, 1]
    assert acc.criterion_score([5, 4, 3, 2, 1], higher_is_better=False).tolist() == [1, 2, 3, 4, 5]
    # ten values -> two per band
    assert acc.criterion_score(list(range(10))).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    with pytest.raises(InputError):
        acc.criterion_score([1, None])


# --------------------------------------------------------------------------- Millman & Wilson, DMU


def test_kam_stage_summary():
    out = acc.kam_stage_summary(pd.Series(["pre-KAM", "synergistic KAM", "uncoupling KAM"], index=[7, 8, 9]))
    assert out["fase_nr"].tolist() == [1, 5, 6]
    assert list(out.index) == [7, 8, 9]
    assert "diamant" in acc.kam_stage_summary(["partnership KAM"])["contactpatroon"].iloc[0]
    with pytest.raises(InputError, match="mid KAM"):
        acc.kam_stage_summary(["middle"])
    with pytest.raises(InputError):
        acc.kam_stage_summary([])


def test_dmu_coverage_worked_example():
    contacts = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2], "role": ["beslisser", "inkoper", "inkoper",
                                                                      "gebruiker", None]})
    out = acc.dmu_coverage(contacts)
    # customer 1 met 2 of 6 roles, customer 2 met 1 of 6
    assert out.loc[1, "dekking"] == pytest.approx(2 / 6)
    assert out.loc[2, "dekking"] == pytest.approx(1 / 6)
    assert out.loc[1, "gesproken"] == "beslisser, inkoper"
    assert "poortwachter" in out.loc[1, "niet_gesproken"]
    with pytest.raises(InputError, match="Onbekende DMU-rol"):
        acc.dmu_coverage(pd.DataFrame({"customer_id": [1], "role": ["baas"]}))
    with pytest.raises(ColumnError):
        acc.dmu_coverage(pd.DataFrame({"klant": [1], "role": ["inkoper"]}))


# --------------------------------------------------------------------------- accountplan


def _facts(**overrides):
    base = dict(name="Zorggroep Eem", customer_id=17, sector="zorg", region="Utrecht",
                size="250+ medewerkers", account_manager="Sanne de Vries",
                revenue_history={2023: 30_000.0, 2024: 40_000.0, 2025: 50_000.0}, spend=200_000.0,
                kam_stage="mid KAM", purchasing="raamcontract via aanbesteding", nps=20.0,
                competitors=["Koffiemaat", "VendingPro"], roles_met=["inkoper", "gebruiker"],
                roles_missing=["beslisser"], products_bought=["koffie"],
                products_not_bought=["waterkoelers", "snacks"], complaints_open=1)
    base.update(overrides)
    return ap.AccountFacts(**base)


def test_account_plan_smart_goals_computed():
    plan = ap.account_plan(_facts(), plan_year=2026, sow_step=0.10)
    goals = plan.goals.set_index("kpi")
    # share of wallet now 50,000 / 200,000 = 0.25, goal 0.35 -> revenue 0.35 * 200,000 = 70,000
    assert goals.loc["share of wallet", "nu"] == pytest.approx(0.25)
    assert goals.loc["share of wallet", "doel"] == pytest.approx(0.35)
    assert "€ 70.000" in goals.loc["share of wallet", "omschrijving"]
    assert "31-12-2026" in goals.loc["share of wallet", "omschrijving"]
    # all DMU roles: 2 met now, 3 at the goal; NPS 20 -> 30; mid KAM (3) -> partnership KAM (4)
    assert (goals.loc["DMU-rollen gesproken", "nu"], goals.loc["DMU-rollen gesproken", "doel"]) == (2, 3)
    assert goals.loc["NPS", "doel"] == 30
    assert goals.loc["fase Millman & Wilson", "doel"] == 4


def test_account_plan_goal_capped_and_budget_adds_up():
    plan = ap.account_plan(_facts(revenue_history={2025: 150_000.0}), sow_step=0.2, sow_cap=0.8,
                            visit_cost=100, visits_per_year=10)
    # 0.75 + 0.2 = 0.95 is above the cap 0.8 -> 0.8
    assert plan.goals.loc[0, "doel"] == pytest.approx(0.8)
    budget = plan.budget.set_index("post")["bedrag"]
    # visits 10 x 100 = 1,000 plus the actions with costs
    assert budget.iloc[0] == 1_000
    assert budget["Totaal"] == pytest.approx(budget.drop("Totaal").sum())
    assert budget["Totaal"] == pytest.approx(1_000 + plan.actions["kosten"].sum())


def test_account_plan_swot_from_facts():
    plan = ap.account_plan(_facts())
    text = " ".join(sum(plan.swot.values(), []))
    assert "25,0%" in text  # small share of wallet is a weakness
    assert "beslisser" in " ".join(plan.swot["Zwaktes"])
    assert "Koffiemaat" in " ".join(plan.swot["Bedreigingen"])
    assert "aanbesteding" in " ".join(plan.swot["Bedreigingen"])
    assert "waterkoelers" in " ".join(plan.swot["Kansen"])
    assert len(plan.confrontation) == 4
    assert set(plan.actions.columns) >= {"wie", "wat", "wanneer"}


def test_account_plan_html_escapes_everything(tmp_path):
    evil = "<script>alert('x')</script>"
    plan = ap.account_plan(_facts(name=evil, competitors=["<b>Concurrent</b>"], account_manager="A & B"))
    html = plan.to_html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>Concurrent</b>" not in html and "&lt;b&gt;Concurrent&lt;/b&gt;" in html
    assert "A &amp; B" in html
    assert "<script>" not in plan._repr_html_()
    path = plan.write(tmp_path / "plan.html")
    assert path.read_text(encoding="utf-8") == html
    with pytest.raises(InputError, match=".html"):
        plan.write(tmp_path / "plan.txt")


def test_account_plan_bad_input():
    with pytest.raises(InputError):
        ap.account_plan({"name": "x"})
    with pytest.raises(InputError, match="mid KAM"):
        ap.account_plan(_facts(kam_stage="mid"))
    with pytest.raises(InputError):
        ap.account_plan(_facts(revenue_history={}))
    with pytest.raises(InputError):
        ap.account_plan(_facts(spend=0))


# --------------------------------------------------------------------------- on the company data

import salesnb  # noqa: E402


def test_account_table_matches_orders():
    table = sc.account_table(2025)
    orders = salesnb.load("orders")
    in_year = orders[orders["date"].dt.year == 2025]
    assert table["revenue"].sum() == pytest.approx(in_year["revenue"].sum())
    assert len(table) == in_year["customer_id"].nunique()
    key = table["revenue"] >= 100_000
    assert (table.loc[key, "klasse"] == "key account").all()
    assert (table.loc[table["revenue"] < 25_000, "bezoeken"] == 1).all()
    assert (table.loc[key, "bezoeken"] == 12).all()


def test_company_forms_keep_totals_and_show_unequal_rayons():
    table = sc.account_table(2025)
    forms = acc.compare_forms(table, n_managers=12, form_cols=sc.COMPANY_FORMS)
    # Every form spreads the same total visits over the same 12 managers: same mean.
    total = table["bezoeken"].sum()
    assert forms["bezoeken_gemiddeld"].tolist() == pytest.approx([total / 12] * 4)
    assert (forms["bezoeken_max_min"] >= 1).all()


def test_manager_roles_counts_all_accounts():
    roles = sc.manager_roles(2025)
    assert roles["klanten"].sum() == len(sc.account_table(2025))
    assert set(roles["rol"]) == {"hunter", "farmer"}
    assert ((roles["aandeel_nieuw"] >= 0) & (roles["aandeel_nieuw"] <= 1)).all()


def test_company_key_accounts_equal_weights_are_means():
    m = sc.company_key_accounts(2025)
    scores = sc.key_account_scores(2025)
    attractiveness = scores[["omvang", "groeipotentieel", "marge", "imago"]].mean(axis=1)
    strength = scores[["relatie", "aandeel", "productfit"]].mean(axis=1)
    assert m["aantrekkelijkheid"].to_numpy() == pytest.approx(attractiveness.to_numpy())
    assert m["sterkte"].to_numpy() == pytest.approx(strength.to_numpy())
    cut = sc.CUTOFF_1_10
    expected = (attractiveness.to_numpy() >= cut - 1e-9) & (strength.to_numpy() >= cut - 1e-9)
    assert (m["key_account"].to_numpy() == expected).all()


def test_account_dmu_coverage_against_manual_merge():
    cid = int(sc.key_account_scores(2025)["customer_id"].iloc[0])
    opportunities = salesnb.load("opportunities")
    contacts = salesnb.load("dmu_contacts")
    ids = opportunities.loc[opportunities["customer_id"] == cid, "opportunity_id"]
    met = contacts[contacts["opportunity_id"].isin(ids) & contacts["met"]]["role"].astype(str)
    cov = sc.account_dmu_coverage([cid]).loc[cid]
    assert cov["dekking"] == pytest.approx(met.nunique() / 6)
    assert {r for r in acc.DMU_ROLES if cov[r]} == set(met)


def test_account_dmu_coverage_without_opportunities_is_zero():
    cov = sc.account_dmu_coverage([99_999_999])
    assert cov["dekking"].iloc[0] == 0.0


def test_plan_for_company_key_account():
    cid = sc.plan_account(2025)
    facts = sc.account_facts(cid, year=2025)
    plan = ap.account_plan(facts, plan_year=2026)
    ka = salesnb.load("key_accounts")
    row = ka[(ka["customer_id"] == cid) & (ka["year"] == 2025)].iloc[0]
    # the plan's current share of wallet is our revenue / the customer's spend of 2025
    assert plan.goals.loc[0, "nu"] == pytest.approx(row["our_revenue"] / row["category_spend"])
    assert plan.goals.loc[0, "doel"] >= plan.goals.loc[0, "nu"]
    assert facts.kam_stage == str(row["kam_stage"])
    html = plan.to_html()
    for heading in ["Klantanalyse", "DMU-contactmatrix", "Relatieanalyse", "SWOT", "Confrontatiematrix",
                    "SMART-doelen", "actieplan", "Budget", "Monitoring"]:
        assert heading in html


def test_account_facts_unknown_customer():
    with pytest.raises(InputError, match="bestaat niet"):
        sc.account_facts(1)


def test_sample_company_functions_compute_on_the_tables_they_are_given():
    # Two customers, three order lines in 2025: A buys 120,000 (key account), B 30,000 (major).
    customers = pd.DataFrame({
        "customer_id": [1, 2], "name": ["A", "B"], "province": ["Utrecht", "Gelderland"],
        "region": ["Midden", "Oost"], "sector": ["Zorg", "Industrie"], "account_manager": [7, 8],
        "category_spend": [240_000.0, 0.0]})
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2], "date": pd.to_datetime(["2025-01-05", "2025-03-01", "2025-06-01"]),
        "product_group": ["Koffie & thee", "Waterkoelers", "Koffie & thee"],
        "revenue": [100_000.0, 20_000.0, 30_000.0]})
    table = sc.account_table(2025, orders=orders, customers=customers)
    assert table["klasse"].tolist() == ["key account", "major account"]
    assert table["product_group"].tolist() == ["Koffie & thee", "Koffie & thee"]
    # 120,000 / 240,000; no spend known for B
    assert table.loc[1, "share_of_wallet"] == pytest.approx(0.5)
    assert math.isnan(table.loc[2, "share_of_wallet"])


def test_sample_company_defaults_are_the_loaded_tables():
    cid = sc.plan_account(2025)
    tables = {name: salesnb.load(name) for name in ["customers", "key_accounts", "orders", "products",
                                                     "opportunities", "dmu_contacts", "nps", "complaints",
                                                     "account_managers"]}
    assert sc.account_facts(cid, year=2025, **tables) == sc.account_facts(cid, year=2025)


def test_sample_company_follows_the_personal_seed():
    from salesnb import data

    before = data.current_seed()
    try:
        data.use_seed(7)
        orders = salesnb.load("orders")
        expected = orders.loc[orders["date"].dt.year == 2025, "revenue"].sum()
        assert sc.account_table(2025)["revenue"].sum() == pytest.approx(expected)
    finally:
        data.use_seed(before)
    assert data.current_seed() == before


# --------------------------------------------------------------------------- widgets and plots


def test_key_account_widget_weights_change_selection():
    from salesnb.widgets.accounts import key_account_explorer

    args = sc.key_account_example(2025)
    w = key_account_explorer(**args)
    names = {c: k for k, c in zip(w.controls, args["attractiveness"] + args["strength"])}
    # only 'aandeel' (share of wallet score) counts for strength, only 'omvang' for attractiveness
    w.set(**{names[c]: 0 for c in ["groeipotentieel", "marge", "imago", "relatie", "productfit"]})
    scores = args["scores"]
    cut = sc.CUTOFF_1_10
    expected = int(((scores["omvang"] >= cut) & (scores["aandeel"] >= cut)).sum())
    assert len(w.result["keys"]) == expected
    import re

    shown = re.search(r"Aantal strategische accounts:</b>\s*(?:<span[^>]*>)?([^<]*)<", w.readout.value).group(1)
    assert shown == str(expected)


def test_workload_widget_matches_compare_forms():
    from salesnb.widgets.accounts import workload_explorer

    table = sc.account_table(2025)
    w = workload_explorer(table)
    w.set(vorm="Waarde van de klant", managers=6)
    expected = acc.compare_forms(table, ["waarde"], n_managers=6, form_cols=sc.COMPANY_FORMS)
    assert w.result["spread"]["max_min"] == pytest.approx(expected["bezoeken_max_min"].iloc[0])


def test_wallet_goal_widget():
    from salesnb.widgets.accounts import wallet_goal_explorer

    w = wallet_goal_explorer(50_000, 200_000)
    w.set(doel=0.5, besteding_groei=0.1)
    # 0.5 x 200,000 x 1.1 = 110,000 needed: 60,000 extra, growth 120%
    assert w.result["needed"] == pytest.approx(110_000)
    assert w.result["growth"] == pytest.approx(60_000)
    assert "€ 110.000" in w.readout.value


def test_plots_draw_what_the_data_say():
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from salesnb.plots.accounts import plot_dmu_coverage, plot_key_account_matrix

    contacts = pd.DataFrame({"customer_id": [1, 1, 2], "role": ["beslisser", "inkoper", "inkoper"]})
    ax = plot_dmu_coverage(acc.dmu_coverage(contacts), ax=Figure().add_subplot())
    ticks = [t.get_text() for t in ax.texts]
    assert ticks.count("✓") == 3 and ticks.count("–") == 9
    m = sc.company_key_accounts(2025)
    ax = plot_key_account_matrix(m, m["our_revenue"], cutoff=sc.CUTOFF_1_10, ax=Figure().add_subplot())
    side = "\n".join(t.get_text() for t in ax.texts)
    listed = {line.split(". ", 1)[1] for line in side.splitlines() if ". " in line}
    biggest = m[m["key_account"]].sort_values("our_revenue", ascending=False).index[:10]
    assert listed == set(biggest)


def test_functions_do_not_modify_their_inputs(small_accounts):
    before = small_accounts.copy()
    managers = acc.assign_account_managers(small_accounts, ("waarde", "geografie"), n_managers=3)
    acc.manager_workload(small_accounts, managers, group_col="region")
    acc.compare_forms(small_accounts, n_managers=3)
    pd.testing.assert_frame_equal(small_accounts, before)
    scores = pd.DataFrame({"a": [1, 5], "b": [4, 2]})
    scores_before = scores.copy()
    acc.key_account_matrix(scores, {"a": 1}, {"b": 2})
    pd.testing.assert_frame_equal(scores, scores_before)
    contacts = pd.DataFrame({"customer_id": [1, 2], "role": ["inkoper", None]})
    contacts_before = contacts.copy()
    acc.dmu_coverage(contacts)
    pd.testing.assert_frame_equal(contacts, contacts_before)


# --------------------------------------------------------------------------- exercises (h7)


def test_h7_threshold_is_the_accounts_constant():
    from salesnb.exercises import h7

    assert h7.KEY_THRESHOLD is acc.KEY_THRESHOLD
    orders = salesnb.load("orders")
    revenue = orders[orders["date"].dt.year == h7.KEY_YEAR].groupby("customer_id")["revenue"].sum()
    key = revenue[revenue >= acc.KEY_THRESHOLD]
    assert salesnb.check("7.2", float(key.sum() / revenue.sum())).correct


def test_h7_share_of_wallet_over_all_years_is_a_known_mistake():
    ka = salesnb.load("key_accounts")
    biggest = ka[ka["year"] == 2025].sort_values("our_revenue").iloc[-1]["customer_id"]
    rows = ka[ka["customer_id"] == biggest]
    all_years = rows["our_revenue"].sum() / rows["category_spend"].sum()
    result = salesnb.check("7.6", float(all_years))
    assert not result.correct
    assert "alle jaren" in str(result)


# --------------------------------------------------------------------------- accountplan: NPS, options, formats


def test_plan_with_too_few_nps_answers_measures_first():
    # two scores of 6 give NPS -100 on n=2: below the minimum of 5, so no NPS goal but a measurement goal
    plan = ap.account_plan(_facts(nps=-100.0, nps_answers=2, complaints_open=0), min_nps_answers=5)
    assert plan.relationship["NPS (laatste meting)"] == "te weinig metingen (n=2)"
    goals = plan.goals.set_index("kpi")
    assert "NPS" not in goals.index
    assert (goals.loc["NPS-antwoorden", "nu"], goals.loc["NPS-antwoorden", "doel"]) == (2, 5)
    text = " ".join(sum(plan.swot.values(), [])) + plan.strategy + " ".join(plan.goals["omschrijving"])
    assert "ontevreden" not in text and "-100" not in text
    assert plan.actions["wat"].str.contains("NPS-vraag").any()
    assert not plan.actions["wat"].str.contains("Herstel").any()


def test_plan_with_negative_nps_on_enough_answers_recovers_first():
    plan = ap.account_plan(_facts(nps=-20.0, nps_answers=12, complaints_open=0), min_nps_answers=5,
                            recovery_cost=500)
    assert plan.relationship["NPS (laatste meting)"] == "-20 (n=12)"
    assert any("ontevreden klant (NPS -20" in item for item in plan.swot["Zwaktes"])
    recovery = plan.actions[plan.actions["wat"].str.startswith("Herstelgesprek")]
    assert len(recovery) == 1 and recovery["kosten"].iloc[0] == 500
    assert plan.strategy.startswith("Eerst herstellen")
    assert "verdiepen" not in plan.strategy
    goals = plan.goals.set_index("kpi")
    assert (goals.loc["NPS", "nu"], goals.loc["NPS", "doel"]) == (-20, -10)
    # keep the stage (mid KAM = 3) instead of moving up while the customer is unhappy
    assert goals.loc["fase Millman & Wilson", "nu"] == goals.loc["fase Millman & Wilson", "doel"] == 3


def test_plan_with_positive_nps_on_enough_answers_has_no_recovery():
    plan = ap.account_plan(_facts(nps=40.0, nps_answers=8))
    assert not plan.actions["wat"].str.contains("Herstel").any()
    assert "tevreden klant (NPS +40" in " ".join(plan.swot["Sterktes"])
    assert plan.strategy.startswith("Groeien")


def test_account_facts_counts_the_nps_answers():
    cid = sc.plan_account(2025)
    facts = sc.account_facts(cid, year=2025)
    nps = salesnb.load("nps")
    answers = nps[(nps["customer_id"] == cid) & nps["date"].dt.year.isin([2024, 2025])]
    assert facts.nps_answers == len(answers)
    if len(answers) < 5:
        assert "te weinig metingen" in ap.account_plan(facts).relationship["NPS (laatste meting)"]


def test_confrontation_options_are_short_numbered_combinations():
    plan = ap.account_plan(_facts())
    options = plan.confrontation.set_index("combinatie")["optie"]
    # S1 = growth 40,000 -> 50,000 (25,0%), O1 = the rest of the wallet 150,000, T1 = competitors
    assert options["sterkte × kans"].startswith("S")
    assert " × O1: " in options["sterkte × kans"] and "€ 150.000" in options["sterkte × kans"]
    assert options["zwakte × bedreiging"].startswith("W1 × T")
    for option in options:
        assert "'" not in option  # no whole SWOT sentences pasted in quotes
        assert len(option) < 140
    assert plan.swot["Sterktes"][0].startswith("S1: ") and plan.swot["Kansen"][0].startswith("O1: ")


def test_service_action_is_priced_per_quarter_and_per_year():
    plan = ap.account_plan(_facts(), service_cost=400)
    service = plan.actions[plan.actions["wie"] == "servicedienst"].iloc[0]
    assert "per kwartaal" in service["wat"] and "€ 400" in service["wat"]
    assert service["kosten"] == 1_600  # 4 quarters x 400 in the yearly budget
    assert "Budget 2026 (per jaar)" in plan.to_html()


@pytest.mark.parametrize("revenue, now, goal", [(0.0, "0,0%", "10,0%"), (200_000.0, "100,0%", "100,0%")])
def test_goals_show_a_share_of_zero_or_one_as_percentage(revenue, now, goal):
    import re

    plan = ap.account_plan(_facts(revenue_history={2025: revenue}), sow_step=0.10, sow_cap=0.8)
    row = re.search(r"<tr><td>D1</td>.*?</tr>", plan.to_html()).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[3:5] == [now, goal]


def test_key_account_matrix_combines_labels_at_one_point_and_lists_the_rest_last():
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from salesnb.plots.accounts import plot_key_account_matrix

    # A and B share (7, 6.5); C elsewhere; D is the fourth key account, beyond label_top=3
    matrix = pd.DataFrame({"aantrekkelijkheid": [6.5, 6.5, 8.0, 7.0, 3.0], "sterkte": [7.0, 7.0, 9.0, 8.0, 3.0],
                           "key_account": [True, True, True, True, False]}, index=list("ABCDE"))
    ax = plot_key_account_matrix(matrix, [500, 400, 300, 200, 100], cutoff=6.5, label_top=3,
                                 ax=Figure().add_subplot())
    labels = [t.get_text() for t in ax.texts if t.get_text()[:1].isdigit()]
    assert sorted(labels) == ["1, 2", "3"]
    side = next(t.get_text() for t in ax.texts if t.get_text().startswith("Grootste strategische accounts"))
    assert side.splitlines()[1:] == ["1. A", "2. B", "3. C", "(en nog 1 andere)"]


def test_relationship_cycle_five_stages_readable_with_thousands_separator():
    # (plot_relationship_cycle of H1/H6 lives in plots/satisfaction.py; tested here by its H6/H7 owner)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from salesnb.plots.satisfaction import plot_relationship_cycle

    counts = pd.DataFrame({"aantal": [10_000, 127, 1_323, 178, 145]},
                          index=["werven", "ontwikkelen", "behouden", "terugwinnen", "afscheid"])
    ax = plot_relationship_cycle(counts)
    try:
        fig = ax.figure
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        assert "10.000" in [t.get_text() for t in ax.get_yticklabels()]
        labels = [t for t in ax.get_xticklabels() if t.get_text()]
        arrows = [t for t in ax.texts if t.get_text() == "→"]
        assert len(arrows) == 4
        boxes = sorted((t.get_window_extent(renderer) for t in labels + arrows), key=lambda b: b.x0)
        for left, right in zip(boxes, boxes[1:]):
            assert left.x1 < right.x0, "stage labels and arrows run together"
    finally:
        plt.close("all")


def test_plan_without_nps_sets_a_measurement_goal():
    plan = ap.account_plan(_facts(nps=None, nps_answers=0))
    assert plan.relationship["NPS (laatste meting)"] == "niet gemeten"
    assert "nog niet gemeten" in plan.strategy and "n=" not in plan.strategy
    assert plan.goals.set_index("kpi").loc["NPS-antwoorden", "nu"] == 0
