"""Tests of the sample company's data (salesnb.data): files, types, integrity, course properties."""

from __future__ import annotations

import functools
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb import data
from salesnb.errors import InputError

SEEDS = (data.DEFAULT_SEED, 1, 7, 12345)
REF = data.REFERENCE_DATE


@functools.lru_cache(maxsize=None)
def _tables(seed):
    return data.generate(seed)


@pytest.fixture(params=SEEDS, ids=lambda s: f"seed{s}")
def t(request):
    return _tables(request.param)


def _nps(scores):
    s = np.asarray(scores)
    return 100.0 * ((s >= 9).mean() - (s <= 6).mean())


def _win_rate(outcomes):
    closed = outcomes[outcomes != "open"]
    return float((closed == "gewonnen").mean())


# --------------------------------------------------------------------------- files and loader
def test_csvs_equal_regenerated_output(tmp_path):
    paths = data.write_csvs(tmp_path)
    assert [p.name for p in paths] == [f"{name}.csv" for name in data.TABLES]
    for path in paths:
        committed = data.DATA_DIR / path.name
        assert committed.exists(), f"{committed} ontbreekt: draai salesnb.write_csvs()"
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} wijkt af van de generator"
    on_disk = {p.name for p in data.DATA_DIR.glob("*.csv")}
    assert on_disk == {f"{name}.csv" for name in data.TABLES}


def test_csv_format_is_plain():
    text = (data.DATA_DIR / "orders.csv").read_text(encoding="utf-8")
    header, first = text.splitlines()[:2]
    assert header == "order_id,line_id,customer_id,date,product_id,product_group,quantity,revenue,margin"
    assert re.search(r",\d{4}-\d{2}-\d{2},", first)
    assert "\r" not in text
    # names with non-ASCII characters survive as UTF-8
    assert "beïnvloeder" in (data.DATA_DIR / "dmu_contacts.csv").read_text(encoding="utf-8")


def test_data_folder_is_light():
    total = sum(p.stat().st_size for p in data.DATA_DIR.rglob("*") if p.is_file())
    assert total < 10_000_000


def test_load_round_trips_to_generated_frames():
    generated = _tables(data.DEFAULT_SEED)
    for name in data.TABLES:
        pd.testing.assert_frame_equal(data.load(name, seed=data.DEFAULT_SEED), generated[name],
                                      obj=name)


def test_load_generates_when_a_csv_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    pd.testing.assert_frame_equal(data.load("products"), _tables(data.DEFAULT_SEED)["products"])
    # a CSV in the folder is what load() reads for the default seed
    changed = _tables(data.DEFAULT_SEED)["account_managers"].assign(fte=0.5)
    changed.to_csv(tmp_path / "account_managers.csv", index=False)
    assert (data.load("account_managers")["fte"] == 0.5).all()
    assert (data.load("account_managers", seed=7)["fte"] != 0.5).any()


def test_load_types():
    c = data.load("customers")
    assert str(c["acquired_on"].dtype).startswith("datetime64")
    assert c["customer_id"].dtype == np.int64
    assert isinstance(c["sector"].dtype, pd.CategoricalDtype)
    assert c["size_class"].cat.ordered
    assert list(c["size_class"].cat.categories) == ["klein", "middelgroot", "groot"]
    assert c["status"].cat.ordered and list(c["status"].cat.categories) == ["actief", "inactief", "ex-klant"]
    assert c["reactivated"].dtype == bool
    leads = data.load("leads")
    assert list(leads["stage_reached"].cat.categories) == ["lead", "MQL", "SQL", "opportunity", "klant"]
    assert leads["stage_reached"].cat.ordered
    assert str(leads["customer_id"].dtype) == "Int64"
    opp = data.load("opportunities")
    assert opp["stage"].cat.ordered
    assert list(opp["stage"].cat.categories)[:4] == ["kwalificatie", "behoeftebepaling", "offerte",
                                                    "onderhandeling"]
    assert list(data.load("prospects")["temperature"].cat.categories) == ["cold", "warm", "hot"]
    ka = data.load("key_accounts")
    assert list(ka["kam_stage"].cat.categories) == ["pre-KAM", "early KAM", "mid KAM", "partnership KAM",
                                                   "synergistic KAM", "uncoupling KAM"]
    for name in data.TABLES:
        df = data.load(name)
        for col in df.columns:
            if col in ("date", "month") or col.endswith("_on") or col in ("start_date", "last_contact",
                                                                         "valid_from", "valid_to"):
                assert str(df[col].dtype).startswith("datetime64"), (name, col)
            if col.endswith("_id") and col not in ("customer_id", "lead_id") or col == "order_id":
                assert df[col].dtype == np.int64, (name, col)


def test_load_returns_copies():
    a = data.load("customers")
    a.loc[:, "employees"] = -1
    assert (data.load("customers")["employees"] > 0).all()
    g = data.generate(7)
    g["orders"]["revenue"] = 0.0
    assert (data.generate(7)["orders"]["revenue"] > 0).all()
    assert (data.load("orders", seed=7)["revenue"] > 0).all()


def test_unknown_table_gives_dutch_error_with_names():
    with pytest.raises(InputError) as info:
        data.load("klanten")
    message = str(info.value)
    assert "Er is geen tabel 'klanten'" in message
    for name in data.TABLES:
        assert name in message
    with pytest.raises(InputError, match="Bedoel je 'orders'"):
        data.load("order")


def test_generation_is_reproducible_and_free_of_global_state():
    np.random.seed(1)
    before = np.random.get_state()[1].copy()
    fresh = data._generate(7)  # bypasses the cache
    assert np.array_equal(before, np.random.get_state()[1])
    cached = _tables(7)
    for name in data.TABLES:
        pd.testing.assert_frame_equal(fresh[name], cached[name], obj=name)
    assert not cached["orders"].equals(_tables(1)["orders"])
    assert not cached["customers"]["name"].equals(_tables(1)["customers"]["name"])


def test_use_seed_switches_the_whole_dataset():
    try:
        assert data.use_seed("7") == 7
        assert data.current_seed() == 7
        pd.testing.assert_frame_equal(data.load("customers"), _tables(7)["customers"])
        assert set(data.load_all()) == set(data.TABLES)
        assert data.use_seed(12345) == 12345
        assert data.use_seed(None) == data.DEFAULT_SEED
        assert data.current_seed() == data.DEFAULT_SEED
    finally:
        data.use_seed(None)


@pytest.mark.parametrize("bad", ["abc", "12a", "-3", "１２", -1, 1.5, True, [7], "", " "])
def test_use_seed_rejects_non_numbers(bad):
    with pytest.raises(InputError, match="seednummer"):
        data.use_seed(bad)
    assert data.current_seed() == data.DEFAULT_SEED


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_use_seed_accepts_student_numbers_as_int_or_text(n):
    try:
        assert data.use_seed(n) == n
        assert data.use_seed(str(n)) == n
        assert data.use_seed(f" {n} ") == n
        assert data.current_seed() == n
    finally:
        data.use_seed(None)


def test_environment_variable_sets_initial_seed(monkeypatch):
    old = data._STATE["seed"]
    try:
        monkeypatch.setenv("SALESNB_SEED", "424242")
        data._STATE["seed"] = None
        assert data.current_seed() == 424242
        monkeypatch.setenv("SALESNB_SEED", "geen getal")
        data._STATE["seed"] = None
        with pytest.warns(UserWarning, match="SALESNB_SEED"):
            assert data.current_seed() == data.DEFAULT_SEED
    finally:
        data._STATE["seed"] = old


def test_readme_documents_every_table_and_column():
    text = (data.DATA_DIR / "README.md").read_text(encoding="utf-8")
    sections = re.split(r"^### ", text, flags=re.M)[1:]
    by_name = {s.split()[0]: s for s in sections}
    assert set(by_name) == set(data.TABLES)
    for name in data.TABLES:
        for col in _tables(data.DEFAULT_SEED)[name].columns:
            assert re.search(rf"\b{col}\b", by_name[name]), f"{name}.{col} niet in data/README.md"


def test_company_is_fictional_and_complete():
    for key in ("name", "street", "postcode", "city", "kvk", "btw", "iban", "email", "phone"):
        assert data.COMPANY[key]
    assert "fictief" in data.COMPANY["kvk"] and "fictief" in data.COMPANY["btw"]
    assert data.COMPANY["email"].endswith(".example")


# --------------------------------------------------------------------------- integrity
MAY_BE_EMPTY = {
    "prospects": {"last_contact"},
    "leads": {"mql_on", "sql_on", "opportunity_on", "won_on", "customer_id"},
    "opportunities": {"customer_id", "lead_id", "closed_on", "reason"},
    "dmu_contacts": {"team_member"},
    "tender_bids": {"quality_score"},
}


def test_no_missing_values_where_not_allowed(t):
    for name, df in t.items():
        allowed = MAY_BE_EMPTY.get(name, set())
        for col in df.columns:
            if col not in allowed:
                assert not df[col].isna().any(), f"{name}.{col} heeft lege waarden"


def test_sizes(t):
    assert 1500 <= len(t["customers"]) <= 2500
    assert 30_000 <= len(t["orders"]) <= 60_000
    assert len(t["leads"]) > 5000 and len(t["opportunities"]) > 2000


def test_referential_integrity(t):
    cust = set(t["customers"]["customer_id"])
    assert set(t["orders"]["customer_id"]) == cust  # every customer ordered at least once
    assert set(t["orders"]["product_id"]) <= set(t["products"]["product_id"])
    ams = set(t["account_managers"]["manager_id"])
    assert set(t["customers"]["account_manager"]) <= ams
    assert set(t["opportunities"]["account_manager"]) <= ams
    assert set(t["cold_calls"]["manager_id"]) <= ams
    assert set(t["opportunities"]["customer_id"].dropna()) <= cust
    assert set(t["opportunities"]["lead_id"].dropna()) <= set(t["leads"]["lead_id"])
    assert set(t["leads"]["customer_id"].dropna()) <= cust
    assert set(t["dmu_contacts"]["opportunity_id"]) <= set(t["opportunities"]["opportunity_id"])
    for name in ("nps", "complaints", "key_accounts"):
        assert set(t[name]["customer_id"]) <= cust, name
    assert set(t["tender_bids"]["tender_id"]) == set(t["tenders"]["tender_id"])
    assert not set(t["prospects"]["name"]) & set(t["customers"]["name"])
    for name, key in (("customers", "customer_id"), ("leads", "lead_id"), ("prospects", "prospect_id"),
                      ("opportunities", "opportunity_id"), ("nps", "response_id"),
                      ("complaints", "complaint_id"), ("tenders", "tender_id")):
        assert t[name][key].is_unique, name
    assert not t["orders"].duplicated(["order_id", "line_id"]).any()
    assert t["customers"]["name"].is_unique


def test_dates_within_history(t):
    o = t["orders"]["date"]
    assert o.min() >= pd.Timestamp("2021-01-01") and o.max() <= REF
    assert (t["orders"]["date"] >= t["orders"]["customer_id"].map(
        t["customers"].set_index("customer_id")["acquired_on"])).all()
    for name, col in (("nps", "date"), ("complaints", "date"), ("leads", "created_on"),
                      ("opportunities", "created_on")):
        assert t[name][col].max() <= REF, name
    closed = t["opportunities"]["closed_on"].dropna()
    assert closed.max() <= REF


def test_products_and_vat(t):
    p = t["products"]
    assert set(p["vat_rate"]) == {0.09, 0.21}
    by_group = p.groupby("product_group", observed=True)["vat_rate"]
    assert (by_group.get_group("Koffie & thee") == 0.09).all()
    assert (by_group.get_group("Snacks & frisdrank") == 0.09).all()
    assert (by_group.get_group("Koffiemachines") == 0.21).all()
    assert (by_group.get_group("Service & onderhoud") == 0.21).all()
    cups = p[p["product"].str.startswith("Bekers")]
    assert (cups["vat_rate"] == 0.21).all()
    assert ((p["margin_rate"] > 0) & (p["margin_rate"] < 1)).all()


def test_order_lines_are_consistent(t):
    o = t["orders"].merge(t["products"], on="product_id", suffixes=("", "_p"))
    assert (o["product_group"].astype(str) == o["product_group_p"].astype(str)).all()
    list_value = o["quantity"] * o["unit_price"]
    assert (o["revenue"] <= list_value + 0.01).all()
    assert (o["revenue"] >= 0.85 * list_value).all()  # customer discount at most 12%
    assert (o["margin"] < o["revenue"]).all()
    cost = list_value * (1 - o["margin_rate"])
    assert np.allclose(o["margin"], o["revenue"] - cost, atol=0.011)


def test_status_follows_stated_rules(t):
    last = t["orders"].groupby("customer_id")["date"].max()
    c = t["customers"].set_index("customer_id")
    days = (REF - last.reindex(c.index)).dt.days
    expected = np.where(days <= 365, "actief", np.where(days <= 730, "inactief", "ex-klant"))
    assert (c["status"].astype(str).to_numpy() == expected).all()
    od = t["orders"].drop_duplicates("order_id").sort_values(["customer_id", "date"])
    gap = od.groupby("customer_id")["date"].diff().dt.days.gt(365).groupby(od["customer_id"]).any()
    assert (gap.reindex(c.index).to_numpy() == c["reactivated"].to_numpy()).all()


def test_churned_and_reactivated_customers_exist(t):
    c = t["customers"]
    counts = c["status"].value_counts()
    assert counts["inactief"] >= 30 and counts["ex-klant"] >= 50
    assert counts["actief"] > counts["inactief"] + counts["ex-klant"]
    assert 30 <= c["reactivated"].sum() <= 0.15 * len(c)
    assert (c["reactivated"] & (c["status"] == "actief")).sum() >= 10


def test_leads_follow_the_funnel_rules(t):
    leads = t["leads"]
    assert (leads["lead_score"] == leads["fit_score"] + leads["behaviour_score"]).all()
    assert leads["lead_score"].between(0, 100).all()
    assert leads[["fit_score", "behaviour_score"]].stack().between(0, 50).all()
    stage = leads["stage_reached"]
    assert (leads.loc[stage >= "MQL", "lead_score"] >= data.MQL_THRESHOLD).all()
    bant = leads[["budget", "authority", "need", "timeline"]].all(axis=1)
    assert (bant[stage >= "SQL"]).all()
    assert not (bant[stage == "MQL"]).any()
    for col, level in (("mql_on", "MQL"), ("sql_on", "SQL"), ("opportunity_on", "opportunity"),
                       ("won_on", "klant")):
        assert (leads[col].notna() == (stage >= level)).all(), col
    chain = leads[["created_on", "mql_on", "sql_on", "opportunity_on", "won_on"]]
    for a, b in zip(chain.columns[:-1], chain.columns[1:]):
        both = chain[[a, b]].dropna()
        assert (both[a] <= both[b]).all(), (a, b)
    won = leads[stage == "klant"]
    c = t["customers"].set_index("customer_id").loc[won["customer_id"].astype(int)]
    assert (c["acquired_on"].to_numpy() == won["won_on"].to_numpy()).all()
    assert (c["acquisition_channel"].astype(str).to_numpy() == won["source"].astype(str).to_numpy()).all()
    assert (c["name"].to_numpy() == won["company"].to_numpy()).all()
    assert won["customer_id"].is_unique
    assert (leads["cost"] > 0).all()


def test_campaign_leads_match_the_leads_table(t):
    camp = t["campaigns"]
    leads = t["leads"]
    month = leads["created_on"].dt.to_period("M").dt.to_timestamp()
    counts = leads.groupby([month, leads["channel"].astype(str)]).size()
    for row in camp.itertuples():
        assert counts.get((row.month, row.channel), 0) == row.leads
    assert (camp["impressions"] >= camp["clicks"]).all()
    assert (camp["clicks"] >= camp["visitors"]).all() and (camp["visitors"] >= camp["leads"]).all()
    assert set(camp.loc[camp["channel"] == "vakbeurs", "month"].dt.month) == {3, 10}


def test_cold_call_ratio_chain(t):
    cc = t["cold_calls"]
    assert (cc["calls"] >= cc["decision_maker_reached"]).all()
    # the later steps happen in later months (an appointment after the call): the chain holds per year
    cols = ["calls", "decision_maker_reached", "appointments", "quotations", "orders"]
    per_year = cc.groupby(cc["month"].dt.year)[cols].sum()
    for a, b in zip(cols[:-1], cols[1:]):
        assert (per_year[a] >= per_year[b]).all(), (a, b)
    hunters = t["account_managers"].query("role == 'hunter'")["manager_id"]
    per = cc.groupby(cc["manager_id"].isin(hunters))["calls"].mean()
    assert per[True] > 2 * per[False]


def test_cold_calls_tell_the_story_of_the_cold_leads(t):
    """One story: the cold-call orders are the customers acquired by koude acquisitie, month by
    month; its appointments are the cold leads that became SQL."""
    cc, leads, customers = t["cold_calls"], t["leads"], t["customers"]
    month = cc.groupby("month")[["appointments", "orders"]].sum()
    new = customers[(customers["acquisition_channel"] == "koude acquisitie")
                    & (customers["acquired_on"] >= "2021-01-01")]
    acquired = new.groupby(new["acquired_on"].dt.to_period("M").dt.to_timestamp()).size()
    assert acquired.reindex(month.index, fill_value=0).tolist() == month["orders"].tolist()
    cold_sql = leads[(leads["source"] == "koude acquisitie") & leads["sql_on"].notna()]
    sqls = cold_sql.groupby(cold_sql["sql_on"].dt.to_period("M").dt.to_timestamp()).size()
    assert sqls.reindex(month.index, fill_value=0).tolist() == month["appointments"].tolist()
    active = cc.merge(t["account_managers"], on="manager_id")
    assert (active["month"] >= active["start_date"].dt.to_period("M").dt.to_timestamp()).all()


def test_tender_leads_are_the_tenders(t):
    """Every tender is a lead of a public body that was not yet a customer; the tender customers
    are exactly the tenders our bid won."""
    from salesnb.leads import tender_results

    tenders, leads, customers = t["tenders"], t["leads"], t["customers"]
    tender_leads = leads[leads["source"] == "aanbesteding"]
    assert sorted(tender_leads["company"]) == sorted(tenders["buyer"])
    assert set(tender_leads["sector"]) <= {"Overheid", "Onderwijs", "Zorg"}
    published = tenders.set_index("buyer")["published_on"]
    assert (tender_leads["created_on"].to_numpy() == published[tender_leads["company"]].to_numpy()).all()
    results = tender_results(t["tender_bids"], tenders)
    own = results[results["is_own"]]
    won_buyers = set(tenders.set_index("tender_id").loc[own.loc[own["winnaar"], "tender_id"], "buyer"])
    assert set(tender_leads.loc[tender_leads["customer_id"].notna(), "company"]) == won_buyers
    new_public = customers[(customers["acquisition_channel"] == "aanbesteding")
                           & (customers["acquired_on"] >= "2021-01-01")]
    assert set(new_public["name"]) == won_buyers
    assert not set(tenders["buyer"]) & set(customers.loc[customers["acquired_on"] < "2021-01-01", "name"])


def test_opportunities_are_consistent(t):
    opp = t["opportunities"]
    closed = opp["outcome"] != "open"
    assert (opp["closed_on"].notna() == closed).all()
    assert (opp.loc[closed, "closed_on"] >= opp.loc[closed, "created_on"]).all()
    assert (opp.loc[opp["outcome"] == "gewonnen", "stage"] == "gewonnen").all()
    assert (opp.loc[opp["outcome"] == "verloren", "stage"] == "verloren").all()
    assert (opp.loc[~closed, "stage"] <= "onderhandeling").all()
    assert (opp["last_stage"] <= "onderhandeling").all()
    expected = opp["stage"].astype(str).map(data.STAGE_PROBABILITY)
    assert np.allclose(opp["probability"], expected)
    assert (opp["quotation_sent"] == (opp["last_stage"] >= "offerte")).all()
    assert (opp["reason"].notna() == closed).all()
    assert (opp["motive"].astype(str).map(data.MOTIVE_TYPE) == opp["motive_type"].astype(str)).all()
    new = opp["customer_id"].isna()
    assert (opp.loc[new, "lead_id"].notna()).all()
    assert (opp.loc[~new, "lead_id"].isna()).all()
    assert (opp.loc[~new, "buying_situation"] != "new task").all()
    # the lead of every won new-business opportunity became a customer on the closing date
    won_new = opp[new & (opp["outcome"] == "gewonnen")]
    leads = t["leads"].set_index("lead_id").loc[won_new["lead_id"].astype(int)]
    assert (leads["won_on"].to_numpy() == won_new["closed_on"].to_numpy()).all()
    assert (opp["outcome"] == "open").sum() > 20


def test_dmu_contacts(t):
    dmu = t["dmu_contacts"]
    assert (dmu["team_member"].notna() == dmu["met"]).all()
    roles = dmu.groupby(["opportunity_id", "role"], observed=True).size().unstack(fill_value=0)
    assert (roles[["beslisser", "gebruiker"]] == 1).all().all()
    assert (roles <= 1).all().all()
    assert roles.sum(axis=1).between(2, 6).all()
    assert set(dmu["opportunity_id"]) == set(t["opportunities"]["opportunity_id"])


def test_prospect_temperature_rules(t):
    p = t["prospects"]
    days = (REF - p["last_contact"]).dt.days
    hot = p["had_quotation"] & (days <= 180)
    warm = ~hot & ((days <= 365) | p["had_quotation"])
    expected = np.where(hot, "hot", np.where(warm, "warm", "cold"))
    assert (p["temperature"].astype(str).to_numpy() == expected).all()
    counts = p["temperature"].value_counts()
    assert counts["hot"] >= 10 and counts["warm"] >= 100 and counts["cold"] > counts["warm"]
    assert p["last_contact"].isna().sum() >= 300  # suspects


# --------------------------------------------------------------------------- course properties
def _top_shares(values):
    v = np.sort(np.asarray(values, dtype=float))[::-1]
    cum = v.cumsum() / v.sum()
    n = len(v)
    return [cum[int(np.ceil(p * n)) - 1] for p in (0.01, 0.05, 0.20)]


def test_revenue_is_curry_like(t):
    o = t["orders"]
    last_year = o[o["date"] > REF - pd.Timedelta(days=365)]
    per_customer = last_year.groupby("customer_id")["revenue"].sum()
    top1, top5, top20 = _top_shares(per_customer)
    assert 0.30 <= top1 <= 0.50, top1
    assert 0.55 <= top5 <= 0.70, top5
    assert 0.75 <= top20 <= 0.88, top20


SMALL_BUSINESS_WORDS = ("Golfclub", "Huisartsenpraktijk", "Tandartspraktijk", "Fysiotherapie", "Accountants",
                        "Notarissen", "Makelaardij", "Advocaten", "Restaurant", "Camping", "Partycentrum",
                        "Basisschool", "Kinderopvang")


def test_revenue_follows_customer_size(t):
    """Yearly revenue = size x spend per employee x share of wallet: no giant small firm on top."""
    o = t["orders"]
    c = t["customers"].set_index("customer_id")
    rev = o[o["date"].dt.year == 2025].groupby("customer_id")["revenue"].sum()
    emp = c.loc[rev.index, "employees"]
    assert 10e6 <= rev.sum() <= 30e6, rev.sum()
    largest = rev.idxmax()
    assert rev[largest] <= 0.06 * rev.sum(), rev[largest] / rev.sum()
    # the largest customer is a large organisation, among the largest 2% of the buyers by employees
    assert emp[largest] >= 1000, emp[largest]
    assert (emp > emp[largest]).mean() <= 0.02
    top = rev.nlargest(20)
    per_employee = top / emp[top.index]
    assert per_employee.between(20, 450).all(), per_employee.describe()
    assert (emp[top.index] >= 250).all()  # the top 20 are all 'groot'
    names = c.loc[top.index, "name"]
    assert not names.str.contains("|".join(SMALL_BUSINESS_WORDS)).any(), names.tolist()
    # category spend per employee a year fits a coffee & vending wallet in every sector
    spend = c["category_spend"] / c["employees"]
    by_sector = spend.groupby(c["sector"], observed=True).median()
    assert by_sector.between(100, 400).all(), by_sector
    assert by_sector["Onderwijs"] < by_sector["Zorg"] and by_sector["Onderwijs"] < by_sector["Industrie"]
    # small firms never carry a big name: a golf club, a notary or a GP practice stays small
    small_kind = c["name"].str.match(r"(Golfclub|Huisartsenpraktijk|Tandartspraktijk|Camping|Restaurant) ")
    assert (c.loc[small_kind, "employees"] <= 100).all()


def test_growth_modest_and_seasonality_mild(t):
    o = t["orders"]
    yearly = o.groupby(o["date"].dt.year)["revenue"].sum()
    growth = yearly.pct_change().dropna()
    assert (growth > -0.08).all() and (growth < 0.25).all(), growth.to_dict()
    assert 0.0 < yearly.iloc[-1] / yearly.iloc[0] - 1 < 0.6
    monthly = o.groupby([o["date"].dt.year, o["date"].dt.month])["revenue"].sum()
    by_month = (monthly / monthly.groupby(level=0).transform("mean")).groupby(level=1).mean()
    assert 1.05 < by_month.max() / by_month.min() < 1.6


def test_cross_selling_machine_buyers_buy_more_coffee_and_service(t):
    o = t["orders"]
    groups = o.groupby("customer_id")["product_group"].agg(lambda s: set(s.astype(str)))
    machine = groups.map(lambda g: "Koffiemachines" in g)
    service = groups.map(lambda g: "Service & onderhoud" in g)
    assert service[machine].mean() > 2 * service[~machine].mean()
    rev = o.pivot_table(index="customer_id", columns="product_group", values="revenue", aggfunc="sum",
                        observed=False).fillna(0)
    # coffee's share of what a customer buys besides machines
    coffee_share = rev["Koffie & thee"] / (rev.sum(axis=1) - rev["Koffiemachines"])
    has_machine = machine.reindex(rev.index)
    assert coffee_share[has_machine].mean() > coffee_share[~has_machine].mean() + 0.05


def test_nps_between_0_and_40_with_spread(t):
    nps = t["nps"].merge(t["customers"][["customer_id", "sector", "account_manager"]], on="customer_id")
    overall = _nps(nps["score"])
    assert 0 <= overall <= 40, overall
    by_sector = nps.groupby("sector", observed=True)["score"].apply(_nps)
    by_manager = nps.groupby("account_manager")["score"].apply(_nps)
    by_quarter = nps.groupby(nps["date"].dt.to_period("Q"))["score"].apply(_nps)
    assert by_sector.max() - by_sector.min() >= 15
    assert by_manager.max() - by_manager.min() >= 15
    assert by_quarter.max() - by_quarter.min() >= 10
    assert set(nps["moment"]) == {"periodiek", "na aankoop"}
    # experience above expectation goes with higher scores
    gap = nps["experience"] - nps["expectation"]
    assert nps.loc[gap > 0, "score"].mean() > nps.loc[gap < 0, "score"].mean() + 1


def test_service_recovery_paradox(t):
    c = t["complaints"]
    delta = c["satisfaction_after"] - c["satisfaction_before"]
    assert delta[c["handled_well"]].mean() > 0.5
    assert delta[~c["handled_well"]].mean() < -1.0
    assert 0.5 < c["handled_well"].mean() < 0.8
    # churn afterwards: no order in the 365 days after an (older) complaint
    old = c[c["date"] <= REF - pd.Timedelta(days=365)]
    orders = t["orders"][["customer_id", "date"]].drop_duplicates()
    m = old.merge(orders, on="customer_id", suffixes=("", "_order"))
    later = m[m["date_order"] > m["date"] + pd.Timedelta(days=120)].groupby("complaint_id").size()
    stayed = old["complaint_id"].isin(later.index)
    left_bad = 1 - stayed[~old["handled_well"]].mean()
    left_good = 1 - stayed[old["handled_well"]].mean()
    assert left_bad > left_good + 0.1, (left_bad, left_good)


def test_funnel_drop_off_differs_by_source(t):
    leads = t["leads"]
    volume = leads["source"].value_counts()
    assert volume.idxmax() == "online"
    # tender leads are tenders Brandwijk chose to bid on: compare the other sources
    inbound = leads[leads["source"] != "aanbesteding"]
    won = (inbound["stage_reached"] == "klant").groupby(inbound["source"], observed=True).mean()
    assert won.idxmax() == "netwerken" and won.idxmin() == "online"
    assert won["netwerken"] > 4 * won["online"]
    sql_of_mql = leads[leads["stage_reached"] >= "MQL"].groupby("source", observed=True)["stage_reached"].apply(
        lambda s: (s >= "SQL").mean())
    assert sql_of_mql.max() - sql_of_mql.min() > 0.15
    # every source has customers
    assert (leads[leads["stage_reached"] == "klant"]["source"].value_counts() >= 10).all()


def test_lead_score_predicts_sql(t):
    mql = t["leads"][t["leads"]["stage_reached"] >= "MQL"]
    sql = (mql["stage_reached"] >= "SQL").to_numpy()
    score = mql["lead_score"].to_numpy()
    terciles = pd.qcut(score, 3, labels=False, duplicates="drop")
    rate = pd.Series(sql).groupby(terciles).mean()
    assert rate.iloc[-1] > 2 * rate.iloc[0]
    assert rate.is_monotonic_increasing
    # AUC by ranks (Mann-Whitney)
    ranks = pd.Series(score).rank().to_numpy()
    n1, n0 = sql.sum(), (~sql).sum()
    auc = (ranks[sql].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
    assert auc > 0.65
    # a stricter threshold gives fewer but better MQLs
    hi = score >= 60
    assert sql[hi].mean() > sql.mean() + 0.1 and hi.sum() < 0.6 * len(score)


def test_win_rate_by_motive_and_dmu(t):
    opp = t["opportunities"]
    closed = opp[opp["outcome"] != "open"]
    assert 0.3 < _win_rate(closed["outcome"]) < 0.7
    by_motive = closed.groupby("motive", observed=True)["outcome"].apply(_win_rate)
    assert by_motive.max() - by_motive.min() > 0.1
    assert by_motive["nieuwigheid"] < by_motive["sympathie"]
    dmu = t["dmu_contacts"]
    beslisser_met = dmu[dmu["role"] == "beslisser"].set_index("opportunity_id")["met"]
    met = closed["opportunity_id"].map(beslisser_met)
    assert _win_rate(closed.loc[met, "outcome"]) > _win_rate(closed.loc[~met, "outcome"]) + 0.15
    all_met = dmu.groupby("opportunity_id")["met"].all()
    full = closed["opportunity_id"].map(all_met)
    assert _win_rate(closed.loc[full, "outcome"]) > _win_rate(closed.loc[~full, "outcome"])
    lost = closed[closed["outcome"] == "verloren"]
    assert (lost.loc[~met.loc[lost.index], "reason"] == "beslisser niet gesproken").mean() > 0.3
    assert set(opp["buying_situation"]) == set(data.BUYING_SITUATIONS)


def test_market_identity_and_consistency(t):
    m = t["market"]
    o = t["orders"].merge(t["customers"][["customer_id", "sector", "region"]], on="customer_id")
    own = o.groupby([o["date"].dt.year, "sector", "region"], observed=False)["revenue"].sum()
    key = pd.MultiIndex.from_arrays([m["year"], m["sector"].astype(str), m["region"].astype(str)])
    own.index = pd.MultiIndex.from_arrays([own.index.get_level_values(i).astype(str) if i else
                                           own.index.get_level_values(i) for i in range(3)])
    assert np.allclose(own.reindex(key).fillna(0).to_numpy(), m["own_sales"].to_numpy(), atol=0.01)
    assert (m["own_buyers"] <= m["buyers"]).all() and (m["buyers"] < m["potential_buyers"]).all()
    assert (m["own_sales"] < m["class_sales"]).all()
    potential = m["potential_buyers"] * m["purchase_per_buyer"]
    assert (m["class_sales"] < potential).all()
    share = m["own_sales"] / m["class_sales"]
    penetration = m["own_buyers"] / m["buyers"]
    index = (m["own_sales"] / m["own_buyers"]) / (m["class_sales"] / m["buyers"])
    assert np.allclose(share, penetration * index)
    assert (m["largest_competitor_sales"] >= m["second_competitor_sales"]).all()
    comp = t["competitors"]
    top = comp.groupby(["year", "sector", "region"], observed=True)["sales"].max()
    assert np.allclose(np.sort(top.to_numpy()), np.sort(m["largest_competitor_sales"].to_numpy()))
    total_comp = comp.groupby(["year", "sector", "region"], observed=True)["sales"].sum()
    assert (total_comp.to_numpy() + 0 <= m.set_index(["year", "sector", "region"])["class_sales"]
            .reindex(total_comp.index).to_numpy()).all()


def test_regional_and_sector_differences(t):
    m = t["market"]
    last = m[m["year"] == 2025]
    by_region = last.groupby("region", observed=True)[["own_sales", "class_sales", "own_buyers", "buyers"]].sum()
    share = by_region["own_sales"] / by_region["class_sales"]
    assert share.max() > 2 * share.min()
    pen = by_region["own_buyers"] / by_region["buyers"]
    assert pen.idxmax() == "Midden"  # the home region around Amersfoort
    assert pen.max() > 2 * pen.min()
    assert 0.02 < m.query("year == 2025")["own_sales"].sum() / m.query("year == 2025")["class_sales"].sum() < 0.15
    by_sector = last.groupby("sector", observed=True)[["own_sales", "class_sales", "own_buyers", "buyers"]].sum()
    s_share = by_sector["own_sales"] / by_sector["class_sales"]
    assert s_share.max() > 1.3 * s_share.min()
    index = (by_sector["own_sales"] / by_sector["own_buyers"]) / (by_sector["class_sales"] / by_sector["buyers"])
    assert index.max() > 1.5 * index.min()
    c = t["customers"]
    assert c["region"].value_counts(normalize=True)["Midden"] > 0.2
    assert c["sector"].nunique() == 6 and c["province"].nunique() == 12


def test_tender_procedures_follow_thresholds(t):
    tenders = t["tenders"]
    thr = t["eu_thresholds"]
    for row in tenders.itertuples():
        valid = thr[(thr["valid_from"] <= row.published_on) & (thr["valid_to"] >= row.published_on)]
        cat = ("leveringen/diensten centrale overheid" if row.buyer_type == "centrale overheid"
               else "leveringen/diensten decentrale overheden")
        limit = valid.loc[valid["category"] == cat, "amount"].item()
        european = row.procedure in ("openbaar", "niet-openbaar", "mededingingsprocedure met onderhandeling")
        assert european == (row.estimated_value >= limit), row
    assert (tenders["price_weight"] + tenders["quality_weight"] == 100).all()
    lowest = tenders["award_criterion"] == "laagste prijs"
    assert (tenders.loc[lowest, "price_weight"] == 100).all()
    bids = t["tender_bids"].merge(tenders, on="tender_id")
    assert bids.groupby("tender_id")["is_own"].sum().eq(1).all()
    assert bids.loc[bids["award_criterion"] == "laagste prijs", "quality_score"].isna().all()
    bp = bids[bids["award_criterion"] == "BPKV"]
    assert bp["quality_score"].between(0, bp["max_quality_score"]).all()
    single = bids[bids["procedure"] == "enkelvoudig onderhands"]
    assert single.groupby("tender_id").size().eq(1).all()
    assert tenders["procedure"].isin(["openbaar", "niet-openbaar", "mededingingsprocedure met onderhandeling"]).any()
    assert (~tenders["procedure"].isin(["openbaar", "niet-openbaar",
                                         "mededingingsprocedure met onderhandeling"])).any()


def test_eu_thresholds_from_the_course(t):
    thr = t["eu_thresholds"].set_index(["valid_from", "category"])["amount"]
    assert thr[(pd.Timestamp("2026-01-01"), "werken")] == 5_404_000
    assert thr[(pd.Timestamp("2026-01-01"), "leveringen/diensten centrale overheid")] == 140_000
    assert thr[(pd.Timestamp("2026-01-01"), "leveringen/diensten decentrale overheden")] == 216_000
    assert thr[(pd.Timestamp("2024-01-01"), "leveringen/diensten decentrale overheden")] == 221_000
    assert thr[(pd.Timestamp("2024-01-01"), "sociale en andere specifieke diensten")] == 750_000


def test_key_accounts(t):
    ka = t["key_accounts"]
    o = t["orders"]
    rev = o.groupby(["customer_id", o["date"].dt.year])["revenue"].sum()
    assert np.allclose(ka.set_index(["customer_id", "year"])["our_revenue"], rev.reindex(
        pd.MultiIndex.from_frame(ka[["customer_id", "year"]])), atol=0.01)
    assert (ka["our_revenue"] < ka["category_spend"]).all()
    assert np.allclose(ka["share_of_wallet"], ka["our_revenue"] / ka["category_spend"], atol=1e-4)
    scores = ka[["omvang", "groeipotentieel", "marge", "imago", "relatie", "aandeel", "productfit"]]
    assert scores.stack().between(1, 10).all()
    assert ka["kam_stage"].nunique() >= 3
    assert ka["customer_id"].nunique() == 40
    c = t["customers"].set_index("customer_id")
    last = ka[ka["year"] == 2025].set_index("customer_id")
    assert (c.loc[last.index, "category_spend"] <= last["category_spend"]).all()


def test_category_spend_covers_our_revenue(t):
    o = t["orders"]
    rev = o[o["date"].dt.year == 2025].groupby("customer_id")["revenue"].sum()
    spend = t["customers"].set_index("customer_id")["category_spend"]
    assert (rev <= spend.reindex(rev.index)).all()
    sow = rev / spend.reindex(rev.index)
    assert 0.2 < sow.median() < 0.6


def test_targets_cover_the_plan_year(t):
    tg = t["targets"]
    assert tg["month"].min() == pd.Timestamp("2021-01-01")
    assert tg["month"].max() == pd.Timestamp("2026-12-01")
    o = t["orders"]
    actual = o[o["date"].dt.year == 2025]["revenue"].sum()
    plan = tg[tg["month"].dt.year == 2026]["revenue_target"].sum()
    assert 1.0 < plan / actual < 1.15
