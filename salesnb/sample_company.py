"""The sample company's tables, assembled for the notebooks (Brandwijk Koffie & Vending B.V.).

The theme modules compute on the tables they are given; the functions here put the sample
company's tables together (the accounts of a year, the hunters and farmers, the key-account
candidates, the facts for an accountplan). Each takes the tables it needs as keyword
arguments; a table left out is the sample company's own, loaded with
:func:`salesnb.data.load` for the current (personal) seed::

    >>> accounts = account_table(2025)                                    # the sample company
    >>> same = account_table(2025, orders=load("orders"), customers=load("customers"))
    >>> accounts.equals(same)
    True
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from . import _validate as _v
from .accounts import (
    DMU_ROLES,
    KEY_THRESHOLD,
    MAJOR_THRESHOLD,
    VISITS_PER_YEAR,
    dmu_coverage,
    key_account_matrix,
    value_tiers,
    visits_needed,
)
from .data import load
from .documents.accountplan import AccountFacts
from .errors import InputError
from .offerte import offerte_for
from .satisfaction import nps as _nps
from .display import format_number
from .vocabulary import COMPANY

__all__ = [
    "ATTRACTIVENESS",
    "STRENGTH",
    "CUTOFF_1_10",
    "COMPANY_FORMS",
    "account_table",
    "manager_roles",
    "key_account_scores",
    "key_account_example",
    "company_key_accounts",
    "account_dmu_coverage",
    "account_facts",
    "plan_account",
    "sample_offerte",
]

#: Key-account criteria in the company data (scores 1–10): customer attractiveness and own strength.
ATTRACTIVENESS = {"omvang": 1.0, "groeipotentieel": 1.0, "marge": 1.0, "imago": 1.0}
STRENGTH = {"relatie": 1.0, "aandeel": 1.0, "productfit": 1.0}
#: The company's cut-off on the 1–10 scores: a weighted score at or above it counts as high. The
#: candidates are already the largest customers, so the midpoint (5.5) would make nearly all of
#: them key accounts; Brandwijk asks for 6.5.
CUTOFF_1_10 = 6.5
#: Forms of account management on the company's accounts table (geografie by province = rayon).
COMPANY_FORMS = {"geografie": "province", "branche": "sector", "product": "product_group", "waarde": "klasse"}
#: Sectors that buy through a (European) tender.
_TENDER_SECTORS = {"Overheid", "Onderwijs", "Zorg"}


def _table(name: str, given: pd.DataFrame | None) -> pd.DataFrame:
    return load(name) if given is None else given


def _year(year) -> int:
    return int(_v.number(year, "year", minimum=2000, maximum=2100, integer=True))


def _unique_names(customers: pd.DataFrame) -> pd.Series:
    names = customers["name"].astype(str)
    dup = names.duplicated(keep=False)
    return names.where(~dup, names + " (" + customers["customer_id"].astype(str) + ")")


def _main_group(in_year: pd.DataFrame) -> pd.Series:
    """Per customer the product group with the most revenue (the first in order on a tie)."""
    by_group = in_year.groupby(["customer_id", "product_group"], observed=True)["revenue"].sum()
    main_group = by_group.reset_index().sort_values(["customer_id", "revenue"], ascending=[True, False],
                                                    kind="stable").drop_duplicates("customer_id")
    return main_group.set_index("customer_id")["product_group"].astype(str)


def account_table(year: int = 2025, *, orders: pd.DataFrame | None = None,
                  customers: pd.DataFrame | None = None, key_threshold: float = KEY_THRESHOLD,
                  major_threshold: float = MAJOR_THRESHOLD,
                  visits_per_year: Mapping[str, float] = VISITS_PER_YEAR) -> pd.DataFrame:
    """The company's accounts in ``year`` (§7.3–7.6): one row per customer that bought that year.

    Columns: name, province, region, sector, product_group (the group with the most revenue),
    revenue, klasse (key / major / minor account by revenue), bezoeken (visit norm of the klasse),
    account_manager (current, id), category_spend, share_of_wallet. Index: customer_id.

    >>> t = account_table(2025)
    >>> {"province", "sector", "product_group", "klasse", "bezoeken", "revenue"} <= set(t.columns)
    True
    """
    y = _year(year)
    orders = _table("orders", orders)
    customers = _table("customers", customers).set_index("customer_id")
    in_year = orders[orders["date"].dt.year == y]
    if in_year.empty:
        raise InputError(f"Er zijn geen orders in {y}; kies een jaar uit de data (2021–2025).")
    revenue = in_year.groupby("customer_id")["revenue"].sum()
    c = customers.loc[revenue.index]
    tiers = value_tiers(revenue, key_threshold=key_threshold, major_threshold=major_threshold)
    table = pd.DataFrame({
        "name": _unique_names(c.reset_index()).to_numpy(),
        "province": c["province"].astype(str).to_numpy(),
        "region": c["region"].astype(str).to_numpy(),
        "sector": c["sector"].astype(str).to_numpy(),
        "product_group": _main_group(in_year).reindex(revenue.index).to_numpy(),
        "revenue": revenue.to_numpy(),
        "klasse": tiers.to_numpy(),
        "bezoeken": visits_needed(tiers, visits_per_year=visits_per_year).to_numpy(),
        "account_manager": c["account_manager"].to_numpy(),
        "category_spend": c["category_spend"].to_numpy(dtype=float),
    }, index=revenue.index)
    spend = table["category_spend"].where(table["category_spend"] > 0)
    table["share_of_wallet"] = (table["revenue"] / spend).clip(upper=1.0)
    return table


def manager_roles(year: int = 2025, *, orders: pd.DataFrame | None = None,
                  customers: pd.DataFrame | None = None,
                  account_managers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Hunters and farmers (§7.1): per account manager the role and what the data show of it.

    Columns: naam, regio, rol, fte, klanten (active accounts in ``year``), nieuwe_klanten (acquired
    in ``year``), omzet, omzet_nieuwe_klanten (from those customers acquired in ``year``; one
    meaning of "nieuw" throughout), aandeel_nieuw (fraction of revenue from those new customers).

    >>> roles = manager_roles(2025)
    >>> set(roles["rol"]) <= {"hunter", "farmer"}
    True
    """
    y = _year(year)
    customers = _table("customers", customers)
    managers = _table("account_managers", account_managers).set_index("manager_id")
    accounts = account_table(y, orders=orders, customers=customers)
    acquired = customers.set_index("customer_id").loc[accounts.index, "acquired_on"].dt.year
    new = (acquired == y).to_numpy()
    frame = accounts.assign(new_revenue=accounts["revenue"].where(new, 0.0), acquired_now=new)
    per = frame.groupby("account_manager").agg(klanten=("revenue", "size"), omzet=("revenue", "sum"),
                                               nieuwe_klanten=("acquired_now", "sum"),
                                               omzet_nieuw=("new_revenue", "sum"))
    per = per.reindex(managers.index, fill_value=0)
    out = pd.DataFrame({
        "naam": managers["name"].astype(str), "regio": managers["region"].astype(str),
        "rol": managers["role"].astype(str), "fte": managers["fte"].astype(float),
        "klanten": per["klanten"].astype(int), "nieuwe_klanten": per["nieuwe_klanten"].astype(int),
        "omzet": per["omzet"].astype(float), "omzet_nieuwe_klanten": per["omzet_nieuw"].astype(float),
    })
    out["aandeel_nieuw"] = (out["omzet_nieuwe_klanten"] / out["omzet"].where(out["omzet"] > 0)).fillna(0.0)
    out.index.name = "manager_id"
    return out


def key_account_scores(year: int = 2025, *, key_accounts: pd.DataFrame | None = None,
                       customers: pd.DataFrame | None = None) -> pd.DataFrame:
    """Key-account candidates in ``year`` (§7.7) with their criterion scores 1–10, index = name.

    Columns: customer_id, the attractiveness criteria (omvang, groeipotentieel, marge, imago), the
    strength criteria (relatie, aandeel, productfit), our_revenue, category_spend, share_of_wallet,
    kam_stage and competitors_at_customer.

    >>> scores = key_account_scores(2025)
    >>> {"omvang", "relatie", "kam_stage"} <= set(scores.columns)
    True
    """
    y = _year(year)
    ka = _table("key_accounts", key_accounts)
    ka = ka[ka["year"] == y]
    if ka.empty:
        raise InputError(f"Er zijn geen key-accountgegevens voor {y}; kies een jaar uit 2021–2025.")
    customers = _table("customers", customers)
    names = pd.Series(_unique_names(customers).to_numpy(), index=customers["customer_id"])
    out = ka.drop(columns="year").copy()
    out.index = pd.Index(names.loc[out["customer_id"]].to_numpy(), name="account")
    out["kam_stage"] = out["kam_stage"].astype(str)
    return out


def key_account_example(year: int = 2025, *, key_accounts: pd.DataFrame | None = None,
                        customers: pd.DataFrame | None = None) -> dict:
    """Arguments for :func:`salesnb.widgets.key_account_explorer` on the company data (§7.7).

    >>> sorted(key_account_example(2025))
    ['attractiveness', 'cutoff', 'revenue', 'scores', 'strength']
    """
    scores = key_account_scores(year, key_accounts=key_accounts, customers=customers)
    return {"scores": scores, "revenue": scores["our_revenue"].to_numpy(),
            "attractiveness": list(ATTRACTIVENESS), "strength": list(STRENGTH), "cutoff": CUTOFF_1_10}


def company_key_accounts(year: int = 2025, *, key_accounts: pd.DataFrame | None = None,
                         customers: pd.DataFrame | None = None,
                         attractiveness: Mapping[str, float] = ATTRACTIVENESS,
                         strength: Mapping[str, float] = STRENGTH, cutoff: float = CUTOFF_1_10) -> pd.DataFrame:
    """The key-account matrix (§7.7) of the company's candidates, with revenue, share of wallet and stage.

    >>> m = company_key_accounts(2025)
    >>> {"aantrekkelijkheid", "sterkte", "kwadrant", "key_account", "share_of_wallet"} <= set(m.columns)
    True
    """
    scores = key_account_scores(year, key_accounts=key_accounts, customers=customers)
    matrix = key_account_matrix(scores, attractiveness, strength, cutoff=cutoff)
    return matrix.join(scores[["customer_id", "our_revenue", "category_spend", "share_of_wallet", "kam_stage"]])


def account_dmu_coverage(customer_ids=None, *, since_date=None, opportunities: pd.DataFrame | None = None,
                         dmu_contacts: pd.DataFrame | None = None) -> pd.DataFrame:
    """DMU contact coverage per account (§7.7) from the contacts of the account's opportunities.

    A role counts as met when at least one contact in that role was actually met (column ``met``)
    in any opportunity of the customer (created on or after ``since_date``, when given).
    Index: customer_id.

    >>> cov = account_dmu_coverage([10010])
    >>> bool(0 <= cov["dekking"].iloc[0] <= 1)
    True
    """
    opp = _table("opportunities", opportunities).dropna(subset=["customer_id"])
    contacts = _table("dmu_contacts", dmu_contacts)
    if since_date is not None:
        start = _v.dates([since_date], "since_date").iloc[0]
        opp = opp[opp["created_on"] >= start]
    if customer_ids is not None:
        ids = _v.numbers_array(customer_ids, "customer_ids", integer=True)
        opp = opp[opp["customer_id"].isin(ids.astype(int))]
    links = opp[["opportunity_id", "customer_id"]].astype({"customer_id": "int64"})
    merged = contacts.merge(links, on="opportunity_id", how="inner")
    met = merged[merged["met"].astype(bool)]
    coverage = dmu_coverage(met.assign(role=met["role"].astype(str)), account_col="customer_id", role_col="role")
    if customer_ids is not None:
        wanted = pd.Index(ids.astype(int), name="customer_id")
        absent = wanted.difference(coverage.index)
        if len(absent):
            empty = pd.DataFrame({**{r: False for r in DMU_ROLES}, "gesproken": "",
                                  "niet_gesproken": ", ".join(DMU_ROLES), "dekking": 0.0}, index=absent)
            coverage = empty if coverage.empty else pd.concat([coverage, empty])
        coverage = coverage.reindex(wanted)
    return coverage


def _relationship_history(cid: int, y: int, customer: pd.Series, key_accounts: pd.DataFrame,
                          own_orders: pd.DataFrame) -> tuple[pd.Series, float, str, list[str]]:
    """Yearly revenue up to ``y``, the customer's spend, the KAM stage and the competitors: from the
    key-account table when the customer is a candidate, else from its orders (pre-KAM)."""
    history = key_accounts[(key_accounts["customer_id"] == cid) & (key_accounts["year"] <= y)].sort_values("year")
    if history.empty:
        yearly = own_orders.groupby(own_orders["date"].dt.year)["revenue"].sum()
        return yearly[yearly.index <= y], float(customer["category_spend"]), "pre-KAM", []
    last = history.iloc[-1]
    competitors = [c.strip() for c in str(last["competitors_at_customer"]).split(";") if c.strip()]
    return (history.set_index("year")["our_revenue"], float(last["category_spend"]), str(last["kam_stage"]),
            competitors)


def _satisfaction(cid: int, y: int, nps_answers: pd.DataFrame, complaints: pd.DataFrame) -> tuple:
    """The customer's NPS over ``y - 1`` and ``y`` (None without answers), its number of answers and
    the complaints of ``y`` that were not handled well."""
    answers = nps_answers[(nps_answers["customer_id"] == cid) & (nps_answers["date"].dt.year.between(y - 1, y))]
    value = float(_nps(answers["score"])) if len(answers) else None
    open_complaints = int(((complaints["customer_id"] == cid) & ~complaints["handled_well"].astype(bool)
                           & (complaints["date"].dt.year == y)).sum())
    return value, int(len(answers)), open_complaints


def account_facts(customer_id, *, year: int = 2025, customers: pd.DataFrame | None = None,
                  key_accounts: pd.DataFrame | None = None, orders: pd.DataFrame | None = None,
                  products: pd.DataFrame | None = None, opportunities: pd.DataFrame | None = None,
                  dmu_contacts: pd.DataFrame | None = None, nps: pd.DataFrame | None = None,
                  complaints: pd.DataFrame | None = None,
                  account_managers: pd.DataFrame | None = None) -> AccountFacts:
    """Collect the facts for the accountplan of one customer from the company data (§7.9).

    >>> facts = account_facts(10010)
    >>> facts.kam_stage in {"pre-KAM", "early KAM", "mid KAM", "partnership KAM", "synergistic KAM",
    ...                     "uncoupling KAM"}
    True
    """
    y = _year(year)
    cid = int(_v.number(customer_id, "customer_id", integer=True))
    customers = _table("customers", customers).set_index("customer_id")
    if cid not in customers.index:
        raise InputError(f"Klantnummer {cid} bestaat niet in de tabel customers.")
    customer = customers.loc[cid]
    orders = _table("orders", orders)
    own = orders[orders["customer_id"] == cid]
    yearly, spend, stage, competitors = _relationship_history(cid, y, customer,
                                                              _table("key_accounts", key_accounts), own)
    if yearly.empty:
        raise InputError(f"Klant {cid} heeft tot en met {y} geen omzet; maak een accountplan voor een klant met omzet.")
    groups = [str(g) for g in _table("products", products)["product_group"].cat.categories]
    bought_now = set(own[own["date"].dt.year == y]["product_group"].astype(str).unique())
    bought = [g for g in groups if g in bought_now]
    coverage = account_dmu_coverage([cid], opportunities=opportunities, dmu_contacts=dmu_contacts).iloc[0]
    met = [r for r in DMU_ROLES if bool(coverage[r])]
    nps_value, n_answers, open_complaints = _satisfaction(cid, y, _table("nps", nps),
                                                          _table("complaints", complaints))
    managers = _table("account_managers", account_managers).set_index("manager_id")
    sector = str(customer["sector"])
    return AccountFacts(
        name=str(customer["name"]), customer_id=cid, sector=sector, region=str(customer["province"]),
        size=f"{format_number(int(customer['employees']))} medewerkers ({customer['size_class']})",
        account_manager=str(managers.loc[int(customer["account_manager"]), "name"]),
        revenue_history={int(k): float(v) for k, v in yearly.items()}, spend=max(spend, float(yearly.iloc[-1])),
        kam_stage=stage, nps=nps_value, nps_answers=n_answers, competitors=competitors,
        purchasing=("raamcontract via (Europese) aanbesteding" if sector in _TENDER_SECTORS
                    else "raamcontract, jaarlijks onderhandeld met de inkoper"),
        roles_met=met, roles_missing=[r for r in DMU_ROLES if r not in met], products_bought=bought,
        products_not_bought=[g for g in groups if g not in set(bought)], complaints_open=open_complaints,
        relationship_years=(pd.Timestamp(f"{y}-12-31") - customer["acquired_on"]).days / 365.25,
        seller=str(COMPANY["name"]))


def plan_account(year: int = 2025, *, key_accounts: pd.DataFrame | None = None,
                 customers: pd.DataFrame | None = None, **matrix_kwargs) -> int:
    """The customer_id the notebook makes the accountplan for: the key account with the most
    revenue to win (customer spend − our revenue) in the key-account quadrant (§7.9).

    >>> isinstance(plan_account(2025), int)
    True
    """
    m = company_key_accounts(year, key_accounts=key_accounts, customers=customers, **matrix_kwargs)
    pool = m[m["key_account"]] if m["key_account"].any() else m
    room = (pool["category_spend"] - pool["our_revenue"]).sort_values(ascending=False, kind="stable")
    return int(pool.loc[room.index[0], "customer_id"])


def sample_offerte(recipient, items, *, products: pd.DataFrame | None = None, **offerte_args):
    """Offerte van het voorbeeldbedrijf (stappenplan fase 3): :func:`salesnb.offerte.offerte_for`
    with the prices and VAT rates of the sample company's product list.

    ``recipient`` is the customer or prospect (a row or dict with name and address), ``items``
    the (product name, quantity) pairs; ``offerte_args`` go to :func:`~salesnb.offerte.offerte_for`
    (``offerte_date``, ``valid_days``, ``number``, ``company``, ...).

    >>> klant = {"name": "Bakkerij Jansen", "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ede"}
    >>> product = str(load("products")["product"].iloc[0])
    >>> offerte = sample_offerte(klant, [(product, 2)], offerte_date="2026-01-15", number="OF-1")
    >>> offerte.number
    'OF-1'
    """
    return offerte_for(recipient, items, products=_table("products", products), **offerte_args)
