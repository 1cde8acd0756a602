"""Account management (H7): share of wallet, forms of account management and the
workload they give each account manager, key account selection, Millman & Wilson,
DMU coverage and the accountplan.

Every function takes plain values or a DataFrame with named columns, validates it
(Dutch :class:`~salesnb.errors.InputError` on bad input), never modifies its input,
and returns a float, Series or DataFrame. Shares are fractions (0.15).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
import math
import numbers
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from . import _validate as _v
from .errors import InputError
from .vocabulary import COMPANY, DMU_ROLES, KAM_STAGES

__all__ = [
    "share_of_wallet",
    "value_tiers",
    "visits_needed",
    "ACCOUNT_FORMS",
    "KEY_THRESHOLD",
    "MAJOR_THRESHOLD",
    "assign_account_managers",
    "manager_workload",
    "workload_inequality",
    "compare_forms",
    "criterion_score",
    "weighted_score",
    "key_account_matrix",
    "KAM_STAGE_DESCRIPTIONS",
    "kam_stage_summary",
    "dmu_coverage",
    "QUADRANTS",
    "AccountFacts",
    "AccountPlan",
    "MIN_NPS_ANSWERS",
    "account_plan",
    "ATTRACTIVENESS",
    "STRENGTH",
    "CUTOFF_1_10",
    "VISITS_PER_YEAR",
    "COMPANY_FORMS",
    "account_table",
    "manager_roles",
    "key_account_scores",
    "company_key_accounts",
    "account_dmu_coverage",
    "account_facts",
    "plan_account",
    "readable_accounts",
]

# --------------------------------------------------------------------------- share of wallet


def _is_scalar(value) -> bool:
    return isinstance(value, numbers.Number) or (np.isscalar(value) and not isinstance(value, (str, bytes)))


def share_of_wallet(our_revenue, customer_spend):
    """Share of wallet (§7.7): our revenue at the customer / the customer's total spend in our category.

    Works on two numbers (returns a float) or on two equally long columns (returns a Series;
    the index of a Series argument is kept). One side may be a single number for all rows.
    The customer's spend must be above 0 and our revenue cannot exceed it: a share above 1
    almost always means that the two were swapped.

    >>> share_of_wallet(30_000, 120_000)
    0.25
    >>> share_of_wallet([10, 45], [40, 50]).tolist()
    [0.25, 0.9]
    """
    if _is_scalar(our_revenue) and _is_scalar(customer_spend):
        revenue = _v.number(our_revenue, "our_revenue", minimum=0)
        spend = _v.number(customer_spend, "customer_spend", minimum=0, min_inclusive=False)
        _check_not_above(np.array([revenue]), np.array([spend]), None)
        return revenue / spend
    index = None
    for values in (our_revenue, customer_spend):
        if isinstance(values, pd.Series):
            index = values.index
            break
    if _is_scalar(our_revenue):
        spend = _v.numbers_array(customer_spend, "customer_spend", minimum=0)
        revenue = np.full(len(spend), _v.number(our_revenue, "our_revenue", minimum=0))
    elif _is_scalar(customer_spend):
        revenue = _v.numbers_array(our_revenue, "our_revenue", minimum=0)
        spend = np.full(len(revenue), _v.number(customer_spend, "customer_spend", minimum=0,
                                                min_inclusive=False))
    else:
        revenue = _v.numbers_array(our_revenue, "our_revenue", minimum=0)
        spend = _v.numbers_array(customer_spend, "customer_spend", minimum=0)
        _v.same_length(our_revenue=revenue, customer_spend=spend)
    zero = spend == 0
    if zero.any():
        raise InputError(
            f"'customer_spend' (de totale besteding van de klant in onze categorie) is 0 op positie "
            f"{_v._positions(zero, index)}. Share of wallet bestaat alleen als de klant iets besteedt; "
            f"laat die klanten weg of vul de besteding aan."
        )
    _check_not_above(revenue, spend, index)
    return pd.Series(revenue / spend, index=index, name="share_of_wallet")


def _check_not_above(revenue: np.ndarray, spend: np.ndarray, index) -> None:
    above = revenue > spend * (1 + 1e-12)
    if above.any():
        r, s = revenue[above][0], spend[above][0]
        where = "" if len(revenue) == 1 else f" (positie {_v._positions(above, index)})"
        raise InputError(
            f"Onze omzet bij de klant (€ {r:,.0f}) is groter dan de totale besteding van de klant "
            f"(€ {s:,.0f}){where}. Share of wallet = onze omzet / totale besteding en kan niet boven "
            f"1 (100%) liggen. Heb je de twee omgewisseld? Zet eerst onze omzet, dan de besteding."
        )


# --------------------------------------------------------------------------- forms of account management

#: Forms of account management (§7.3–7.6) and the column of the accounts table each form splits on.
ACCOUNT_FORMS: dict[str, str] = {
    "geografie": "region",
    "branche": "sector",
    "product": "product_group",
    "waarde": "tier",
}

_TIER_LABELS = ("key account", "major account", "minor account")
#: The company's value thresholds (yearly revenue in €): key account from, major account from.
KEY_THRESHOLD = 100_000.0
MAJOR_THRESHOLD = 25_000.0


def value_tiers(revenue, *, key_threshold: float = KEY_THRESHOLD, major_threshold: float = MAJOR_THRESHOLD,
                labels: Sequence[str] = _TIER_LABELS) -> pd.Series:
    """Account management by customer value (§7.6): key / major / minor account by yearly revenue.

    Revenue at or above ``key_threshold`` is a key account, at or above ``major_threshold`` a
    major account, the rest a minor account. Returns an ordered categorical Series.

    >>> value_tiers([150_000, 25_000, 24_999]).tolist()
    ['key account', 'major account', 'minor account']
    """
    values = _v.numbers_array(revenue, "revenue")
    key = _v.number(key_threshold, "key_threshold", minimum=0)
    major = _v.number(major_threshold, "major_threshold", minimum=0)
    if major > key:
        raise InputError(
            f"'major_threshold' (€ {major:,.0f}) ligt boven 'key_threshold' (€ {key:,.0f}). "
            f"Een key account moet de hoogste drempel hebben; wissel ze om."
        )
    labels = list(labels)
    if len(labels) != 3 or len(set(labels)) != 3:
        raise InputError("'labels' moet drie verschillende namen hebben: key, major en minor.")
    codes = np.where(values >= key, 0, np.where(values >= major, 1, 2))
    index = revenue.index if isinstance(revenue, pd.Series) else None
    return pd.Series(pd.Categorical.from_codes(codes, categories=labels, ordered=True),
                     index=index, name="tier")


def visits_needed(tiers, *, visits_per_year: Mapping[str, float] | None = None) -> pd.Series:
    """Visits per year an account needs by its value tier (§7.6), as a float Series.

    Default visit norm: key account 12, major account 4, minor account 1 visit a year.

    >>> visits_needed(["key account", "minor account"]).tolist()
    [12.0, 1.0]
    """
    norm = dict(zip(_TIER_LABELS, (12.0, 4.0, 1.0))) if visits_per_year is None else dict(visits_per_year)
    for tier, visits in norm.items():
        _v.number(visits, f"visits_per_year['{tier}']", minimum=0)
    series = pd.Series(tiers)
    unknown = sorted({str(t) for t in series.dropna().unique()} - set(norm))
    if unknown or series.isna().any():
        raise InputError(
            f"Voor klasse(n) {', '.join(repr(u) for u in unknown) or 'leeg'} is geen bezoeknorm bekend. "
            f"Geef 'visits_per_year' voor elk van: {', '.join(repr(k) for k in norm)}."
        )
    out = series.astype(object).map(norm).astype(float)
    out.name = "visits"
    return out


def _form_levels(form, columns: Mapping[str, str]) -> list[str]:
    forms = [form] if isinstance(form, str) else list(form)
    if not forms:
        raise InputError("Kies minstens één vorm van account management, bijvoorbeeld 'geografie'.")
    return [columns[_v.choice(f, "form", list(columns))] for f in forms]


def _lpt(weights: Sequence[tuple], n: int) -> list[list]:
    """Longest processing time first: assign (key, load) items to n bins, lightest bin first."""
    heap = [(0.0, 0, b) for b in range(n)]
    bins: list[list] = [[] for _ in range(n)]
    for key, load in weights:
        total, count, b = heapq.heappop(heap)
        bins[b].append(key)
        heapq.heappush(heap, (total + load, count + 1, b))
    return bins


def _seats(loads: np.ndarray, sizes: np.ndarray, n: int) -> np.ndarray:
    """Highest averages (D'Hondt): one seat per group, then each next seat to the heaviest load per
    seat, never more seats than a group has accounts."""
    seats = np.ones(len(loads), dtype=int)
    for _ in range(n - len(loads)):
        per_seat = np.where(seats < sizes, loads / seats, -np.inf)
        best = int(np.argmax(per_seat))
        if per_seat[best] == -np.inf:
            break
        seats[best] += 1
    return seats


def _assign(codes: list[np.ndarray], rows: np.ndarray, level: int, n: int, visits: np.ndarray,
            revenue: np.ndarray) -> list[np.ndarray]:
    """Return n portfolios (arrays of row positions) for ``rows``, split along the levels ``codes``."""
    if level == len(codes):
        order = rows[np.lexsort((-revenue[rows], -visits[rows]))]
        return [np.array(b, dtype=int) for b in _lpt(list(zip(order, visits[order])), n)]
    groups, inverse = np.unique(codes[level][rows], return_inverse=True)
    loads = np.bincount(inverse, weights=visits[rows], minlength=len(groups))
    if n < len(groups):
        order = np.argsort(-loads, kind="stable")
        bins = _lpt([(g, loads[g]) for g in order], n)
        return [rows[np.isin(inverse, b)] for b in bins]
    seats = _seats(loads, np.bincount(inverse, minlength=len(groups)), n)
    portfolios: list[np.ndarray] = []
    for g in range(len(groups)):
        portfolios.extend(_assign(codes, rows[inverse == g], level + 1, int(seats[g]), visits, revenue))
    return portfolios


def _numeric(df: pd.DataFrame, column: str, name: str, **kwargs) -> np.ndarray:
    """A numeric column as floats; fast for numeric dtypes, full Dutch validation otherwise."""
    series = df[column]
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        minimum = kwargs.get("minimum")
        if len(values) and np.isfinite(values).all() and (minimum is None or values.min() >= minimum):
            return values
    return _v.column_numbers(df, column, name, **kwargs)


def assign_account_managers(accounts: pd.DataFrame, form, *, n_managers: int,
                            columns: Mapping[str, str] = ACCOUNT_FORMS, visits: str = "visits",
                            revenue: str = "revenue", prefix: str = "AM") -> pd.Series:
    """Divide the accounts over ``n_managers`` account managers under one form (§7.3–7.8).

    ``form`` is ``"geografie"`` (rayons), ``"branche"``, ``"product"``, ``"waarde"`` or a
    combination such as ``("waarde", "geografie")`` (§7.8: first split the team by value, then
    each part by region). The rule, level by level: with fewer managers than groups, whole groups
    (e.g. provinces) are combined into portfolios, heaviest group first to the least-loaded
    manager; with at least as many managers as groups, every group gets one manager and each
    extra manager goes to the group with the most visits per manager, whose accounts are then
    spread so that the visits are as even as possible. Returns the manager per account.

    >>> accounts = pd.DataFrame({"region": ["Noord", "Noord", "Zuid"], "visits": [4, 2, 2],
    ...                          "revenue": [40, 20, 20]})
    >>> assign_account_managers(accounts, "geografie", n_managers=2).tolist()
    ['AM 1', 'AM 1', 'AM 2']
    """
    levels = _form_levels(form, columns)
    _v.table(accounts, "accounts", [*levels, visits, revenue])
    n = int(_v.number(n_managers, "n_managers", minimum=1, integer=True))
    v = _numeric(accounts, visits, "accounts", minimum=0)
    r = _numeric(accounts, revenue, "accounts")
    for column in levels:
        if accounts[column].isna().any():
            raise InputError(
                f"De kolom '{column}' van 'accounts' mist waarden; elke klant moet een {column} hebben "
                f"om hem aan een accountmanager toe te wijzen."
            )
    codes = [pd.factorize(accounts[column], sort=True)[0] for column in levels]
    portfolios = _assign(codes, np.arange(len(accounts)), 0, n, v, r)
    width = len(str(n))
    labels = np.empty(len(accounts), dtype=object)
    for number, rows in enumerate(portfolios, start=1):
        labels[rows] = f"{prefix} {number:0{width}d}"
    result = pd.Series(labels, index=accounts.index, name="account_manager")
    return result


def manager_workload(accounts: pd.DataFrame, managers, *, group: str | None = None,
                     visits: str = "visits", revenue: str = "revenue") -> pd.DataFrame:
    """Workload per account manager (§7.3–7.8): klanten, omzet and bezoeken per year.

    ``managers`` gives the manager of every account (e.g. from :func:`assign_account_managers`
    or the account manager column of the customers). With ``group`` (a column) the table also
    shows which groups (regions, sectors, ...) the manager serves.

    >>> accounts = pd.DataFrame({"visits": [4, 2, 2], "revenue": [40, 20, 20]})
    >>> manager_workload(accounts, ["A", "A", "B"])[["klanten", "omzet", "bezoeken"]].values.tolist()
    [[2.0, 60.0, 6.0], [1.0, 20.0, 2.0]]
    """
    _v.table(accounts, "accounts", [visits, revenue] + ([group] if group else []))
    v = _numeric(accounts, visits, "accounts", minimum=0)
    r = _numeric(accounts, revenue, "accounts")
    who = pd.Series(list(managers) if not isinstance(managers, pd.Series) else managers.to_numpy())
    _v.same_length(accounts=accounts, managers=who)
    if who.isna().any():
        raise InputError("Niet elke klant heeft een accountmanager; vul 'managers' aan.")
    names = who.astype(str).to_numpy()
    # bincount instead of a groupby: this runs on every move of the workload slider
    codes, managers_sorted = pd.factorize(names, sort=True)
    size = len(managers_sorted)
    table = pd.DataFrame({"klanten": np.bincount(codes, minlength=size),
                          "omzet": np.bincount(codes, weights=r, minlength=size),
                          "bezoeken": np.bincount(codes, weights=v, minlength=size)},
                         index=pd.Index(managers_sorted, name="accountmanager"))
    if group:
        groups = pd.Series(accounts[group].astype(str).to_numpy())
        table["portefeuille"] = groups.groupby(names).agg(lambda g: ", ".join(sorted(g.unique())))
    return table


def workload_inequality(loads) -> dict[str, float]:
    """How unequal the workload is (§7.3–7.8): max/min ratio and coefficient of variation.

    ``max_min`` is the heaviest load divided by the lightest (1 = perfectly equal; infinite when
    someone has no work); ``cv`` is the standard deviation (population) divided by the mean.

    >>> workload_inequality([100, 200, 300])
    {'max_min': 3.0, 'cv': 0.408248290463863}
    """
    values = _v.numbers_array(loads, "loads", minimum=0)
    mean = values.mean()
    low, high = values.min(), values.max()
    max_min = math.inf if low == 0 and high > 0 else (1.0 if high == 0 else high / low)
    cv = 0.0 if mean == 0 else float(values.std() / mean)
    return {"max_min": float(max_min), "cv": cv}


def compare_forms(accounts: pd.DataFrame, forms=("geografie", "branche", "product", "waarde"), *,
                  n_managers: int, columns: Mapping[str, str] = ACCOUNT_FORMS,
                  visits: str = "visits", revenue: str = "revenue") -> pd.DataFrame:
    """Compare forms of account management (§7.3–7.8) by the workload they give each manager.

    One row per form (a combination is written as ``"waarde + geografie"``): mean, least and
    most visits per manager, max/min ratio and coefficient of variation of visits, and the
    same spread for revenue and number of customers.

    >>> accounts = pd.DataFrame({"region": ["N", "N", "Z"], "sector": ["a", "b", "b"],
    ...                          "visits": [4, 2, 2], "revenue": [40, 20, 20]})
    >>> compare_forms(accounts, ["geografie", "branche"], n_managers=2)["bezoeken max/min"].tolist()
    [3.0, 1.0]
    """
    rows = []
    for form in forms:
        managers = assign_account_managers(accounts, form, n_managers=n_managers, columns=columns,
                                           visits=visits, revenue=revenue)
        load = manager_workload(accounts, managers, visits=visits, revenue=revenue)
        spread_v = workload_inequality(load["bezoeken"])
        rows.append({
            "vorm": form if isinstance(form, str) else " + ".join(form),
            "bezoeken gemiddeld": load["bezoeken"].mean(),
            "bezoeken minst": load["bezoeken"].min(),
            "bezoeken meest": load["bezoeken"].max(),
            "bezoeken max/min": spread_v["max_min"],
            "bezoeken cv": spread_v["cv"],
            "omzet max/min": workload_inequality(load["omzet"].clip(lower=0))["max_min"],
            "klanten max/min": workload_inequality(load["klanten"])["max_min"],
        })
    return pd.DataFrame(rows).set_index("vorm")


# --------------------------------------------------------------------------- key account selection


def criterion_score(values, *, levels: int = 5, higher_is_better: bool = True) -> pd.Series:
    """Turn a raw criterion (revenue, growth, NPS, ...) into a score 1..levels by rank (§7.7).

    The account's percentile rank (ties share the average rank) is cut into ``levels`` equal
    bands: the lowest fifth scores 1, the highest fifth 5. With ``higher_is_better=False``
    (e.g. payment days) the order is reversed.

    >>> criterion_score([10, 20, 30, 40, 50]).tolist()
    [1, 2, 3, 4, 5]
    """
    raw = _v.numbers_array(values, "values")
    k = int(_v.number(levels, "levels", minimum=2, integer=True))
    ranks = pd.Series(raw if higher_is_better else -raw).rank(method="average", pct=True)
    scores = np.ceil(np.round(ranks.to_numpy() * k, 9)).astype(int).clip(1, k)
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series(scores, index=index, name="score")


def _weights(weights: Mapping[str, float], name: str) -> pd.Series:
    if not isinstance(weights, Mapping) or not weights:
        raise InputError(
            f"'{name}' moet criteria met hun gewicht zijn, bijvoorbeeld {{'omzetpotentieel': 2, 'groei': 1}}."
        )
    w = pd.Series({str(k): _v.number(v, f"{name}['{k}']", minimum=0) for k, v in weights.items()})
    if w.sum() == 0:
        raise InputError(f"Alle gewichten in '{name}' zijn 0; geef minstens één criterium een gewicht.")
    return w


def weighted_score(scores: pd.DataFrame, weights: Mapping[str, float]) -> pd.Series:
    """Weighted score (§7.7): Σ weight × score / Σ weights, per row (stays on the scores' scale).

    Weights may be percentages, fractions or points: they are divided by their sum.

    >>> scores = pd.DataFrame({"groei": [5, 1], "omvang": [3, 3]})
    >>> weighted_score(scores, {"groei": 0.25, "omvang": 0.75}).tolist()
    [3.5, 2.5]
    """
    w = _weights(weights, "weights")
    _v.table(scores, "scores", list(w.index))
    matrix = np.column_stack([_v.column_numbers(scores, c, "scores") for c in w.index])
    return pd.Series(matrix @ (w.to_numpy() / w.sum()), index=scores.index, name="score")


#: Quadrants of the key account matrix: (attractiveness high?, strength high?) -> (name, strategy).
QUADRANTS: dict[tuple[bool, bool], tuple[str, str]] = {
    (True, True): ("key account", "investeren: strategisch partnerschap opbouwen"),
    (True, False): ("ontwikkelaccount", "selectief investeren: eigen positie versterken"),
    (False, True): ("onderhoudsaccount", "behouden en efficiënt bedienen"),
    (False, False): ("basisaccount", "standaard en op afstand bedienen"),
}


def key_account_matrix(accounts: pd.DataFrame, attractiveness: Mapping[str, float],
                       strength: Mapping[str, float], *, cutoff: float = 3.0,
                       quadrants: Mapping[tuple[bool, bool], tuple[str, str]] = QUADRANTS) -> pd.DataFrame:
    """Key account selection (§7.7): customer attractiveness × own relative strength.

    ``attractiveness`` and ``strength`` map criterion columns (scores, e.g. 1–5) to weights.
    Each account gets two weighted scores; at or above ``cutoff`` counts as high. The quadrant
    "hoog/hoog" are the key accounts.

    >>> accounts = pd.DataFrame({"omvang": [5, 2], "groei": [4, 4], "relatie": [4, 1]})
    >>> m = key_account_matrix(accounts, {"omvang": 1, "groei": 1}, {"relatie": 1})
    >>> m[["aantrekkelijkheid", "sterkte", "kwadrant"]].values.tolist()
    [[4.5, 4.0, 'key account'], [3.0, 1.0, 'ontwikkelaccount']]
    """
    cut = _v.number(cutoff, "cutoff")
    a = weighted_score(accounts, attractiveness).rename("aantrekkelijkheid")
    s = weighted_score(accounts, strength).rename("sterkte")
    # a score exactly on the cutoff counts as high (tolerance for float error in the weighting)
    high_a, high_s = a.to_numpy() >= cut - 1e-9, s.to_numpy() >= cut - 1e-9
    names = [quadrants[(x, y)][0] for x, y in zip(high_a, high_s)]
    strategies = [quadrants[(x, y)][1] for x, y in zip(high_a, high_s)]
    out = pd.DataFrame({"aantrekkelijkheid": a, "sterkte": s}, index=accounts.index)
    out["kwadrant"] = names
    out["strategie"] = strategies
    out["key_account"] = high_a & high_s
    return out


# --------------------------------------------------------------------------- Millman & Wilson

#: Millman & Wilson's relational development model (§7.7): stage -> (kenmerk, contactpatroon, volgende stap).
KAM_STAGE_DESCRIPTIONS: dict[str, tuple[str, str, str]] = {
    "pre-KAM": ("klant is mogelijk een key account; nog geen echte relatie",
                "losse contacten", "potentie en koopgedrag onderzoeken"),
    "early KAM": ("eerste transacties; klant test leverancier, vooral op prijs",
                  "vlinderdas: één verkoper – één inkoper", "betrouwbaar leveren en vertrouwen opbouwen"),
    "mid KAM": ("vertrouwen groeit; leverancier is een van de voorkeursleveranciers",
                "meer contacten aan beide kanten", "DMU breder bereiken en meer omzet per klant"),
    "partnership KAM": ("leverancier is strategisch partner; informatie wordt gedeeld",
                        "diamant: veel afdelingen praten direct met elkaar",
                        "gezamenlijke verbeterprojecten en lange-termijncontract"),
    "synergistic KAM": ("beide bedrijven handelen als één geheel en creëren samen waarde",
                        "teams aan beide kanten werken geïntegreerd", "samen innoveren, relatie bewaken"),
    "uncoupling KAM": ("relatie wordt afgebouwd of valt terug",
                       "contacten nemen af", "oorzaak achterhalen: herstellen of bewust afbouwen"),
}


def kam_stage_summary(stages, *, model: Mapping[str, tuple[str, str, str]] = KAM_STAGE_DESCRIPTIONS) -> pd.DataFrame:
    """Millman & Wilson stage per account (§7.7) with its characteristics and the next step.

    ``stages`` is a Series (index = account) or list of stage names from ``model``.

    >>> kam_stage_summary(["mid KAM"])["fase_nr"].tolist()
    [3]
    """
    series = stages if isinstance(stages, pd.Series) else pd.Series(list(stages))
    if len(series) == 0:
        raise InputError("'stages' is leeg; geef per account de fase van Millman & Wilson.")
    names = list(model)
    bad = series.isna() | ~series.astype(str).isin(names)
    if bad.any():
        raise InputError(
            f"Onbekende fase {series[bad].iloc[0]!r}. Kies uit: {', '.join(repr(n) for n in names)}."
        )
    text = series.astype(str)
    return pd.DataFrame({
        "fase": text,
        "fase_nr": text.map({n: i + 1 for i, n in enumerate(names)}).astype(int),
        "kenmerk": text.map({n: m[0] for n, m in model.items()}),
        "contactpatroon": text.map({n: m[1] for n, m in model.items()}),
        "volgende stap": text.map({n: m[2] for n, m in model.items()}),
    }, index=series.index)


# --------------------------------------------------------------------------- DMU coverage

def dmu_coverage(contacts: pd.DataFrame, *, account: str = "customer_id", role: str = "role",
                 roles: Sequence[str] = DMU_ROLES) -> pd.DataFrame:
    """DMU contact coverage per account (§7.7, §7.9): which roles we have met and which not.

    ``contacts`` has one row per contact (account, role). Returns one row per account with a
    True/False column per role, ``gesproken`` / ``niet gesproken`` (text) and ``dekking``
    (fraction of ``roles`` met).

    >>> contacts = pd.DataFrame({"customer_id": [1, 1, 2], "role": ["beslisser", "inkoper", "inkoper"]})
    >>> dmu_coverage(contacts, roles=["beslisser", "inkoper"])["dekking"].tolist()
    [1.0, 0.5]
    """
    _v.table(contacts, "contacts", [account, role], allow_empty=True)
    roles = list(roles)
    if not roles:
        raise InputError("'roles' is leeg; noem de DMU-rollen die je wilt bereiken.")
    found = contacts[role].dropna().astype(str)
    unknown = sorted(set(found) - set(roles))
    if unknown:
        raise InputError(
            f"Onbekende DMU-rol(len) {', '.join(repr(u) for u in unknown)}. Bekende rollen: "
            f"{', '.join(repr(r) for r in roles)}; geef andere rollen mee met roles=[...]."
        )
    frame = contacts.loc[found.index, [account]].assign(_role=found)
    met = pd.crosstab(frame[account], pd.Categorical(frame["_role"], categories=roles)) > 0
    met = met.reindex(columns=roles, fill_value=False)
    met.columns = list(roles)
    met.columns.name = None
    met.index.name = account
    role_array = np.array(roles, dtype=object)
    met["gesproken"] = [", ".join(role_array[row]) for row in met[roles].to_numpy()]
    met["niet gesproken"] = [", ".join(role_array[~row]) or "—" for row in met[roles].to_numpy()]
    met["dekking"] = met[roles].sum(axis=1) / len(roles)
    return met


# --------------------------------------------------------------------------- accountplan (§7.9)


@dataclass(frozen=True)
class AccountFacts:
    """What the accountplan is built from: the facts about one account (§7.9).

    Build it by hand (a case) or from the company data with :func:`account_facts`.
    ``revenue_history`` maps year → our revenue; ``spend`` is the customer's yearly spend in
    our category; ``nps`` the customer's NPS over its most recent answers as a number -100..100
    or None; ``nps_answers`` how many answers that NPS rests on (None: not known, e.g. in a case).
    """

    name: str
    customer_id: object
    sector: str
    region: str
    size: str
    account_manager: str
    revenue_history: Mapping[int, float]
    spend: float
    kam_stage: str
    purchasing: str = "onbekend"
    nps: float | None = None
    nps_answers: int | None = None
    competitors: Sequence[str] = ()
    roles_met: Sequence[str] = ()
    roles_missing: Sequence[str] = ()
    products_bought: Sequence[str] = ()
    products_not_bought: Sequence[str] = ()
    complaints_open: int = 0
    relationship_years: float | None = None
    seller: str = COMPANY["name"]


@dataclass
class AccountPlan:
    """A complete accountplan for one key account (§7.9): a data structure and a readable document.

    Sections: ``customer`` (klantanalyse), ``dmu`` (DMU-contactmatrix), ``relationship``
    (relatieanalyse), ``revenue`` (omzethistorie), ``swot``, ``confrontation``
    (confrontatiematrix), ``goals`` (SMART-doelen), ``actions`` (actieplan: wie, wat, wanneer),
    ``budget`` and ``monitoring``. Show it in a notebook (it renders itself as HTML), get the
    HTML with :meth:`to_html` or write it to a file with :meth:`write`.
    """

    title: str
    facts: AccountFacts
    plan_year: int
    customer: dict[str, str]
    dmu: pd.DataFrame
    revenue: pd.DataFrame
    relationship: dict[str, str]
    swot: dict[str, list[str]]
    confrontation: pd.DataFrame
    goals: pd.DataFrame
    actions: pd.DataFrame
    budget: pd.DataFrame
    monitoring: pd.DataFrame
    strategy: str = ""

    def __repr__(self) -> str:
        return f"<{self.title}: toon het in een notebook, of gebruik .to_html() / .write('plan.html')>"

    def to_html(self) -> str:
        """The plan as one HTML document; every text from the data is escaped."""
        return _plan_html(self)

    def _repr_html_(self) -> str:
        return _plan_html(self, full_document=False)

    def write(self, path) -> "Path":
        """Write the plan as an HTML file (UTF-8) and return its path."""
        from pathlib import Path

        target = Path(path)
        if target.suffix.lower() not in (".html", ".htm"):
            raise InputError(f"Geef een bestandsnaam die eindigt op .html, niet {target.name!r}.")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.to_html(), encoding="utf-8")
        return target


def _euro(value: float) -> str:
    from .display import format_euro

    return format_euro(value)


def _pct(value: float) -> str:
    from .display import format_percent

    return format_percent(value, 1)


#: The accountplan uses a customer's NPS only when it rests on at least this many answers.
MIN_NPS_ANSWERS = 5


def _nps_text(value: float) -> str:
    from .display import format_nps

    return format_nps(value)


def _swot_options(s: list, w: list, o: list, t: list) -> pd.DataFrame:
    """The confrontation matrix (§7.9): one short option per quadrant, combining numbered SWOT items.

    Items are tuples (text, phrase[, phrase]): a strength's phrase is a noun phrase ("de hechte
    relatie"), a weakness's and an opportunity's an imperative ("los de open klachten op"), a
    threat has an imperative to defend and the risk if nothing is done.
    """
    def pick(items, code, i):
        if not items:
            return None
        i = min(i, len(items) - 1)
        return f"{code}{i + 1}", items[i]

    def option(a, b, make, missing):
        if a is None or b is None:
            return f"geen optie: {missing}"
        return f"{a[0]} × {b[0]}: {make(a[1], b[1])}"

    no_s, no_w = "nog geen duidelijke sterkte in de data", "geen duidelijke zwakte in de data"
    no_o, no_t = "geen duidelijke kans in de data", "geen duidelijke bedreiging in de data"
    rows = [
        ("sterkte × kans", "aanvallen",
         option(pick(s, "S", 0), pick(o, "O", 0), lambda a, b: f"{b[1]}, met {a[1]} als argument.",
                no_s if not s else no_o)),
        ("sterkte × bedreiging", "verdedigen",
         option(pick(s, "S", len(s) - 1), pick(t, "T", 0), lambda a, b: f"{b[1]}; zet daarbij {a[1]} in.",
                no_s if not s else no_t)),
        ("zwakte × kans", "versterken",
         option(pick(w, "W", 0), pick(o, "O", 0), lambda a, b: f"{a[1]} en {b[1]}.",
                no_w if not w else no_o)),
        ("zwakte × bedreiging", "terugtrekken of beperken",
         option(pick(w, "W", 0), pick(t, "T", len(t) - 1), lambda a, b: f"{a[1]}, anders {b[2]}.",
                no_w if not w else no_t)),
    ]
    return pd.DataFrame(rows, columns=["combinatie", "strategie", "optie"])


def account_plan(facts: AccountFacts, *, plan_year: int = 2026, sow_step: float = 0.10,
                 sow_cap: float = 0.80, nps_step: float = 10.0, min_nps_answers: int = MIN_NPS_ANSWERS,
                 visit_cost: float = 150.0, visits_per_year: float = 12.0, service_cost: float = 400.0,
                 recovery_cost: float = 500.0, deadline: str | None = None) -> AccountPlan:
    """Generate the accountplan (§7.9) for one key account from its facts.

    The SMART goals are computed: share of wallet from its current value up by ``sow_step``
    (at most ``sow_cap``) by the deadline (default 31 December of ``plan_year``), the revenue
    that takes at the customer's spend, every missing DMU role met, NPS up by ``nps_step``,
    and one step further in Millman & Wilson. An NPS on fewer than ``min_nps_answers`` answers
    is not used: the plan shows "te weinig metingen" and sets a measurement goal instead. A
    negative NPS (on enough answers) adds a recovery action and makes the strategy "eerst
    herstellen". Budget = visits × ``visit_cost`` + the actions (the service report costs
    ``service_cost`` per quarter, the recovery talk ``recovery_cost``), all per year.

    >>> facts = AccountFacts(name="Zorggroep Eem", customer_id=1, sector="zorg", region="Utrecht",
    ...     size="250+ medewerkers", account_manager="Sanne de Vries",
    ...     revenue_history={2024: 40_000, 2025: 50_000}, spend=200_000, kam_stage="mid KAM",
    ...     roles_met=["inkoper"], roles_missing=["beslisser"], nps=-100, nps_answers=2)
    >>> plan = account_plan(facts)
    >>> float(plan.goals.loc[0, "doel"]), float(plan.goals.loc[0, "nu"])
    (0.35, 0.25)
    >>> plan.relationship["NPS (laatste meting)"]
    'te weinig metingen (n=2)'
    >>> "Zorggroep Eem" in plan.to_html()
    True
    """
    if not isinstance(facts, AccountFacts):
        raise InputError("'facts' moet een AccountFacts zijn; maak die met account_facts(klantnummer).")
    year = int(_v.number(plan_year, "plan_year", minimum=2000, maximum=2100, integer=True))
    step = _v.fraction(sow_step, "sow_step")
    cap = _v.fraction(sow_cap, "sow_cap")
    _v.number(nps_step, "nps_step", minimum=0, maximum=200)
    min_n = int(_v.number(min_nps_answers, "min_nps_answers", minimum=1, integer=True))
    cost = _v.number(visit_cost, "visit_cost", minimum=0)
    visits = _v.number(visits_per_year, "visits_per_year", minimum=0)
    service = _v.number(service_cost, "service_cost", minimum=0)
    recovery = _v.number(recovery_cost, "recovery_cost", minimum=0)
    if not facts.revenue_history:
        raise InputError("De omzethistorie van het account is leeg; een accountplan heeft omzetcijfers nodig.")
    history = pd.Series({int(k): float(v) for k, v in dict(facts.revenue_history).items()}).sort_index()
    _v.numbers_array(history, "revenue_history", minimum=0)
    last_year = int(history.index[-1])
    last = float(history.iloc[-1])
    spend = _v.number(facts.spend, "spend", minimum=0, min_inclusive=False)
    sow = share_of_wallet(last, spend)
    _v.choice(facts.kam_stage, "kam_stage", list(KAM_STAGES))
    n_answers = None if facts.nps_answers is None else int(
        _v.number(facts.nps_answers, "nps_answers", minimum=0, integer=True))
    if facts.nps is not None:
        _v.number(facts.nps, "nps", minimum=-100, maximum=100)
    until = deadline or f"31-12-{year}"
    stage_names = list(KAM_STAGES)
    stage_nr = stage_names.index(facts.kam_stage)
    next_stage = stage_names[min(stage_nr + 1, 4)] if facts.kam_stage != "uncoupling KAM" else "mid KAM"

    # --- is the NPS usable? too few answers -> measure first; negative -> recover first
    measure_nps = facts.nps is None or (n_answers is not None and n_answers < min_n)
    unhappy = not measure_nps and facts.nps < 0
    n_text = "" if n_answers is None else f", n={n_answers}"
    if facts.nps is None:
        nps_shown = "niet gemeten"
    elif measure_nps:
        nps_shown = f"te weinig metingen (n={n_answers})"
    else:
        nps_shown = _nps_text(facts.nps) + ("" if n_answers is None else f" (n={n_answers})")

    # --- customer and relationship analysis
    customer = {
        "Klant": facts.name, "Klantnummer": str(facts.customer_id), "Branche": facts.sector,
        "Regio": facts.region, "Omvang": facts.size, "Inkoopbeleid": facts.purchasing,
        "Accountmanager": facts.account_manager,
        "Producten die de klant al afneemt": ", ".join(facts.products_bought) or "geen",
        "Producten die de klant nog niet afneemt": ", ".join(facts.products_not_bought) or "geen",
    }
    all_roles = list(facts.roles_met) + [r for r in facts.roles_missing if r not in facts.roles_met]
    dmu = pd.DataFrame({"DMU-rol": all_roles,
                        "contact": ["ja" if r in facts.roles_met else "nee" for r in all_roles]})
    growth = history.pct_change()
    revenue = pd.DataFrame({"jaar": history.index.astype(int), "omzet": history.to_numpy(),
                            "groei": growth.to_numpy()})
    relationship = {
        f"Omzet {last_year}": _euro(last),
        "Totale besteding klant in onze categorie": _euro(spend),
        "Share of wallet": _pct(sow),
        "NPS (laatste meting)": nps_shown,
        "Fase Millman & Wilson": f"{facts.kam_stage}: {KAM_STAGE_DESCRIPTIONS[facts.kam_stage][0]}",
        "Contactpatroon": KAM_STAGE_DESCRIPTIONS[facts.kam_stage][1],
        "Concurrenten bij de klant": ", ".join(facts.competitors) or "niet bekend",
        "Klant sinds": "onbekend" if facts.relationship_years is None
        else f"{facts.relationship_years:.0f} jaar",
    }

    # --- SWOT from the facts: (text, phrase for the confrontation matrix)
    prev = float(history.iloc[-2]) if len(history) > 1 else None
    s, w, o, t = [], [], [], []
    if unhappy:
        w.append((f"ontevreden klant (NPS {_nps_text(facts.nps)}{n_text})",
                  "neem eerst de oorzaken van de ontevredenheid weg"))
    if facts.complaints_open:
        w.append((f"{facts.complaints_open} klacht(en) niet goed afgehandeld", "los de open klachten op"))
    if sow >= 0.5:
        s.append((f"grote share of wallet ({_pct(sow)}): wij zijn hoofdleverancier",
                  f"ons aandeel van {_pct(sow)} in de besteding"))
    else:
        w.append((f"kleine share of wallet ({_pct(sow)}): de klant koopt het meeste elders",
                  "laat zien wat wij nog meer kunnen leveren"))
    if prev is not None and last > prev:
        change = _pct(last / prev - 1) if prev else "n.v.t."
        s.append((f"omzet groeide in {last_year} met {change}", f"de omzetgroei in {last_year} ({change})"))
    elif prev is not None and last < prev:
        w.append((f"omzet daalde in {last_year} met {_pct(1 - last / prev)}", "achterhaal waarom de omzet daalde"))
    if not measure_nps and facts.nps >= 30:
        s.append((f"tevreden klant (NPS {_nps_text(facts.nps)}{n_text})",
                  f"de tevredenheid van de klant (NPS {_nps_text(facts.nps)})"))
    if facts.roles_met:
        s.append((f"contact met {', '.join(facts.roles_met)}", "onze contacten in de DMU"))
    if facts.roles_missing:
        w.append((f"geen contact met {', '.join(facts.roles_missing)} in de DMU",
                  f"leg contact met {', '.join(facts.roles_missing)}"))
    if stage_nr >= 3 and facts.kam_stage != "uncoupling KAM":
        s.append((f"hechte relatie ({facts.kam_stage})", "de hechte relatie"))
    if measure_nps:
        w.append(("tevredenheid van de klant niet gemeten" if facts.nps is None
                  else f"tevredenheid nauwelijks gemeten (n={n_answers} NPS-antwoorden)",
                  "meet de tevredenheid bij de hele DMU"))
    if spend > last:
        o.append((f"{_euro(spend - last)} besteding gaat nog naar anderen (restant van de wallet)",
                  f"vraag een groter deel van de resterende {_euro(spend - last)}"))
    if facts.products_not_bought:
        o.append((f"cross-selling: {', '.join(facts.products_not_bought)}",
                  f"bied {facts.products_not_bought[0]} aan"))
    if facts.kam_stage != "synergistic KAM":
        o.append((f"relatie herstellen en daarna verdiepen naar {next_stage}" if unhappy
                  else f"relatie verdiepen naar {next_stage}", f"werk toe naar {next_stage}"))
    if facts.competitors:
        t.append((f"concurrenten actief bij de klant: {', '.join(facts.competitors)}",
                  "houd de concurrenten buiten de deur", "nemen de concurrenten omzet over"))
    if "aanbesteding" in facts.purchasing.lower():
        t.append(("inkoop via aanbesteding: het contract kan bij een nieuwe ronde verloren gaan",
                  "bereid de volgende aanbesteding goed voor", "verliezen we de volgende aanbesteding"))
    if facts.kam_stage == "uncoupling KAM":
        t.append(("de relatie is aan het ontkoppelen", "stop de ontkoppeling", "loopt de relatie verder af"))
    if prev is not None and last < prev:
        t.append(("dalende omzet kan wijzen op overstap naar een concurrent",
                  "voorkom een overstap naar een concurrent", "stapt de klant over naar een concurrent"))
    confrontation = _swot_options(s, w, o, t)
    swot = {}
    for key, code, items, filler in (("Sterktes", "S", s, "nog geen duidelijke sterkte in de data"),
                                     ("Zwaktes", "W", w, "geen duidelijke zwakte in de data"),
                                     ("Kansen", "O", o, "geen duidelijke kans in de data"),
                                     ("Bedreigingen", "T", t, "geen duidelijke bedreiging in de data")):
        swot[key] = [f"{code}{i}: {item[0]}" for i, item in enumerate(items, start=1)] or [filler]

    # --- SMART goals, computed
    sow_goal = round(min(max(cap, sow), sow + step), 9)
    revenue_goal = sow_goal * spend
    goals = [{"doel_id": "D1", "omschrijving":
              f"Share of wallet van {_pct(sow)} naar {_pct(sow_goal)} uiterlijk {until} "
              f"(omzet van {_euro(last)} naar {_euro(revenue_goal)}).",
              "kpi": "share of wallet", "nu": round(sow, 9), "doel": sow_goal, "deadline": until}]
    if facts.roles_missing:
        goals.append({"doel_id": "D2", "omschrijving":
                      f"Uiterlijk 30-06-{year} een gesprek gehad met elke ontbrekende DMU-rol "
                      f"({', '.join(facts.roles_missing)}).",
                      "kpi": "DMU-rollen gesproken", "nu": float(len(facts.roles_met)),
                      "doel": float(len(all_roles)), "deadline": f"30-06-{year}"})
    nps_goal = None
    if measure_nps:
        have = 0 if n_answers is None else n_answers
        goals.append({"doel_id": f"D{len(goals) + 1}", "omschrijving":
                      f"Uiterlijk 30-06-{year} minstens {min_n} NPS-antwoorden van deze klant (nu {have}), "
                      f"van verschillende DMU-rollen, zodat de tevredenheid betrouwbaar gemeten is.",
                      "kpi": "NPS-antwoorden", "nu": float(have), "doel": float(min_n),
                      "deadline": f"30-06-{year}"})
    else:
        nps_goal = min(100.0, facts.nps + nps_step)
        goals.append({"doel_id": f"D{len(goals) + 1}", "omschrijving":
                      f"NPS bij deze klant van {_nps_text(facts.nps)} naar {_nps_text(nps_goal)} "
                      f"bij de meting van {until}.",
                      "kpi": "NPS", "nu": float(facts.nps), "doel": nps_goal, "deadline": until})
    if unhappy:
        goals.append({"doel_id": f"D{len(goals) + 1}", "omschrijving":
                      f"Relatie behouden in {facts.kam_stage} tot en met {until}: eerst de ontevredenheid "
                      f"wegnemen, pas daarna de volgende fase.",
                      "kpi": "fase Millman & Wilson", "nu": float(stage_nr + 1), "doel": float(stage_nr + 1),
                      "deadline": until})
    else:
        goals.append({"doel_id": f"D{len(goals) + 1}", "omschrijving":
                      f"Relatie van {facts.kam_stage} naar {next_stage} uiterlijk {until} "
                      f"(contactpatroon: {KAM_STAGE_DESCRIPTIONS[next_stage][1]}).",
                      "kpi": "fase Millman & Wilson", "nu": float(stage_nr + 1),
                      "doel": float(stage_names.index(next_stage) + 1), "deadline": until})
    goals = pd.DataFrame(goals)

    # --- strategy, action plan and budget
    cross = f"met {', '.join(facts.products_not_bought[:2])} " if facts.products_not_bought else ""
    if unhappy:
        strategy = (f"Eerst herstellen, dan groeien: {facts.name} is ontevreden (NPS {_nps_text(facts.nps)}"
                    f"{n_text}). Neem de oorzaken weg en behoud de relatie in {facts.kam_stage}; vergroot "
                    f"daarna de share of wallet {cross}".rstrip() + ".")
    else:
        strategy = (f"Groeien bij {facts.name} door de share of wallet te vergroten {cross}"
                    + ("en de hele DMU te bereiken" if facts.roles_missing else "en de relatie te verdiepen")
                    + f", op weg naar {next_stage}.")
        if measure_nps:
            strategy += (" De tevredenheid is nog niet gemeten" if facts.nps is None
                         else f" De tevredenheid is nog niet betrouwbaar gemeten (n={n_answers})")
            strategy += ": meet die eerst en stuur pas daarna op de NPS."
    am = facts.account_manager
    actions = [
        {"wie": am, "wat": "Jaargesprek met de inkoper en beslisser: accountplan en doelen bespreken",
         "wanneer": f"januari {year}", "kosten": 0.0},
    ]
    if unhappy:
        actions.append({"wie": f"{am} + servicemanager",
                        "wat": "Herstelgesprek: oorzaken van de ontevredenheid bespreken en een verbeterplan afspreken",
                        "wanneer": f"januari {year}", "kosten": recovery})
        actions.append({"wie": am, "wat": "Tussenmeting NPS na het verbeterplan", "wanneer": f"juni {year}",
                        "kosten": 0.0})
    if measure_nps:
        actions.append({"wie": am, "wat": f"NPS-vraag uitzetten bij alle contactpersonen in de DMU "
                                          f"(doel: minstens {min_n} antwoorden)",
                        "wanneer": f"voor 30-06-{year}", "kosten": 0.0})
    if facts.roles_missing:
        actions.append({"wie": am, "wat": f"Kennismaking met {', '.join(facts.roles_missing)}",
                        "wanneer": f"voor 30-06-{year}", "kosten": 250.0})
    if facts.products_not_bought:
        actions.append({"wie": f"{am} + productspecialist",
                        "wat": f"Voorstel en proefplaatsing {facts.products_not_bought[0]}",
                        "wanneer": f"2e kwartaal {year}", "kosten": 1_500.0})
    actions.append({"wie": "servicedienst",
                    "wat": f"Onderhoudsrapport en storingsanalyse delen (4 × {_euro(service)} per kwartaal)",
                    "wanneer": "elk kwartaal", "kosten": 4 * service})
    if facts.complaints_open:
        actions.append({"wie": "klantenservice", "wat": "Openstaande klachten oplossen en terugkoppelen",
                        "wanneer": f"februari {year}", "kosten": 300.0})
    actions.append({"wie": am, "wat": "NPS-meting en evaluatie accountplan", "wanneer": f"december {year}",
                    "kosten": 0.0})
    actions = pd.DataFrame(actions)
    budget = pd.DataFrame([
        {"post": f"Accountbezoeken ({visits:.0f} × {_euro(cost)})", "bedrag": visits * cost},
        *({"post": a["wat"], "bedrag": a["kosten"]} for _, a in actions.iterrows() if a["kosten"] > 0),
    ])
    budget = pd.concat([budget, pd.DataFrame([{"post": "Totaal", "bedrag": budget["bedrag"].sum()}])],
                       ignore_index=True)
    if measure_nps:
        nps_now = "niet gemeten" if facts.nps is None else f"te weinig metingen (n={n_answers})"
        nps_target = f"minstens {min_n} antwoorden"
    else:
        nps_now, nps_target = nps_shown, _nps_text(nps_goal)
    monitoring = pd.DataFrame([
        {"kpi": "omzet bij de klant", "nu": _euro(last), "doel": _euro(revenue_goal), "meten": "elke maand",
         "bron": "orders"},
        {"kpi": "share of wallet", "nu": _pct(sow), "doel": _pct(sow_goal), "meten": "elk kwartaal",
         "bron": "orders en besteding klant"},
        {"kpi": "DMU-rollen gesproken", "nu": str(len(facts.roles_met)), "doel": str(len(all_roles)),
         "meten": "elk kwartaal", "bron": "CRM-contacten"},
        {"kpi": "NPS", "nu": nps_now, "doel": nps_target,
         "meten": "elk half jaar" if (measure_nps or unhappy) else "elk jaar", "bron": "NPS-enquête"},
        {"kpi": "fase Millman & Wilson", "nu": facts.kam_stage,
         "doel": facts.kam_stage if unhappy else next_stage, "meten": "elk half jaar",
         "bron": "beoordeling accountteam"},
    ])
    return AccountPlan(title=f"Accountplan {year}: {facts.name}", facts=facts, plan_year=year,
                       customer=customer, dmu=dmu, revenue=revenue, relationship=relationship, swot=swot,
                       confrontation=confrontation, goals=goals, actions=actions, budget=budget,
                       monitoring=monitoring, strategy=strategy)


_PLAN_CSS = """
.salesnb-plan{font-family:system-ui,Arial,sans-serif;max-width:900px;line-height:1.4;color:#222}
.salesnb-plan h1{font-size:1.5em;margin-bottom:0}.salesnb-plan h2{font-size:1.15em;border-bottom:2px solid #0072B2;
margin-top:1.4em}.salesnb-plan table{border-collapse:collapse;margin:.4em 0}
.salesnb-plan th,.salesnb-plan td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
.salesnb-plan th{background:#eef4fa}.salesnb-plan td.num{text-align:right;white-space:nowrap}
.salesnb-plan .swot{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.salesnb-plan .swot div{border:1px solid #ccc;padding:4px 10px}
"""


def _cell(value, column: str) -> tuple[str, bool]:
    from .display import format_number

    if isinstance(value, (float, np.floating, int, np.integer)) and not isinstance(value, bool):
        if pd.isna(value):
            return "—", True
        if column in ("omzet", "bedrag", "kosten"):
            return _euro(float(value)), True
        if column == "groei":
            return _pct(float(value)), True
        if column == "jaar":
            return str(int(value)), True
        return format_number(float(value), 0 if float(value) == int(value) else 1), True
    return str(value), False


def _goal_value(kpi: str, value) -> str:
    """A goal's 'nu' or 'doel' as text, by its KPI: a share as a percentage (also exactly 0 or 1),
    an NPS with its sign, a Millman & Wilson stage by its name, a count as a whole number."""
    from .display import format_number

    if value is None or pd.isna(value):
        return "—"
    value = float(value)
    if kpi == "share of wallet":
        return _pct(value)
    if kpi == "NPS":
        return _nps_text(value)
    if kpi == "fase Millman & Wilson" and float(value).is_integer() and 1 <= value <= len(KAM_STAGES):
        return list(KAM_STAGES)[int(value) - 1]
    return format_number(value, 0 if value.is_integer() else 1)


def _table_html(frame: pd.DataFrame, right: Sequence[str] = ()) -> str:
    from html import escape

    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for _, row in frame.iterrows():
        cells = []
        for column in frame.columns:
            text, numeric = _cell(row[column], str(column))
            numeric = numeric or column in right
            cells.append(f'<td class="num">{escape(text)}</td>' if numeric else f"<td>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _dict_html(items: Mapping[str, str]) -> str:
    from html import escape

    rows = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>" for k, v in items.items())
    return f"<table><tbody>{rows}</tbody></table>"


def _plan_html(plan: AccountPlan, *, full_document: bool = True) -> str:
    from html import escape

    swot = "".join(
        f"<div><b>{escape(k)}</b><ul>{''.join(f'<li>{escape(i)}</li>' for i in items)}</ul></div>"
        for k, items in plan.swot.items())
    goals = plan.goals[["doel_id", "omschrijving", "kpi", "nu", "doel", "deadline"]].rename(
        columns={"doel_id": "nr"})
    goals = goals.assign(nu=[_goal_value(k, v) for k, v in zip(goals["kpi"], goals["nu"])],
                         doel=[_goal_value(k, v) for k, v in zip(goals["kpi"], goals["doel"])])
    body = "".join([
        f'<div class="salesnb-plan"><h1>{escape(plan.title)}</h1>',
        f"<p>{escape(plan.facts.seller)} · accountmanager {escape(plan.facts.account_manager)}</p>",
        "<h2>1. Klantanalyse</h2>", _dict_html(plan.customer),
        "<h3>DMU-contactmatrix</h3>", _table_html(plan.dmu),
        "<h2>2. Relatieanalyse</h2>", _dict_html(plan.relationship),
        "<h3>Omzethistorie</h3>", _table_html(plan.revenue),
        f'<h2>3. SWOT</h2><div class="swot">{swot}</div>',
        "<h3>Confrontatiematrix</h3>", _table_html(plan.confrontation),
        "<h2>4. SMART-doelen</h2>", _table_html(goals, right=("nu", "doel")),
        f"<h2>5. Strategie en actieplan</h2><p>{escape(plan.strategy)}</p>", _table_html(plan.actions),
        f"<h2>6. Budget {plan.plan_year} (per jaar)</h2>", _table_html(plan.budget),
        "<h2>7. Monitoring</h2>", _table_html(plan.monitoring), "</div>",
    ])
    if not full_document:
        return f"<style>{_PLAN_CSS}</style>{body}"
    return (f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{escape(plan.title)}</title>'
            f"<style>{_PLAN_CSS}</style></head><body>{body}</body></html>")


# --------------------------------------------------------------------------- the company's data

#: Key-account criteria in the company data (scores 1–10): customer attractiveness and own strength.
ATTRACTIVENESS = {"omvang": 1.0, "groeipotentieel": 1.0, "marge": 1.0, "imago": 1.0}
STRENGTH = {"relatie": 1.0, "aandeel": 1.0, "productfit": 1.0}
#: The company's cut-off on the 1–10 scores: a weighted score at or above it counts as high. The
#: candidates are already the largest customers, so the midpoint (5.5) would make nearly all of
#: them key accounts; Brandwijk asks for 6.5.
CUTOFF_1_10 = 6.5
#: Visit norm per value tier (visits per account per year).
VISITS_PER_YEAR = {"key account": 12.0, "major account": 4.0, "minor account": 1.0}


def _load(name):
    from .data import load

    return load(name)


def _year(year) -> int:
    return int(_v.number(year, "year", minimum=2000, maximum=2100, integer=True))


def _unique_names(customers: pd.DataFrame) -> pd.Series:
    names = customers["name"].astype(str)
    dup = names.duplicated(keep=False)
    return names.where(~dup, names + " (" + customers["customer_id"].astype(str) + ")")


def account_table(year: int = 2025, *, key_threshold: float = KEY_THRESHOLD, major_threshold: float = MAJOR_THRESHOLD,
                  visits_per_year: Mapping[str, float] = VISITS_PER_YEAR) -> pd.DataFrame:
    """The company's accounts in ``year`` (§7.3–7.6): one row per customer that bought that year.

    Columns: name, province, region, sector, product_group (the group with the most revenue),
    revenue, tier (key / major / minor account by revenue), visits (visit norm of the tier),
    account_manager (current, id), category_spend, share_of_wallet. Index: customer_id.

    >>> t = account_table(2025)
    >>> {"province", "sector", "product_group", "tier", "visits", "revenue"} <= set(t.columns)
    True
    """
    y = _year(year)
    orders = _load("orders")
    customers = _load("customers").set_index("customer_id")
    in_year = orders[orders["date"].dt.year == y]
    if in_year.empty:
        raise InputError(f"Er zijn geen orders in {y}; kies een jaar uit de data (2021–2025).")
    revenue = in_year.groupby("customer_id")["revenue"].sum()
    by_group = in_year.groupby(["customer_id", "product_group"], observed=True)["revenue"].sum()
    main_group = by_group.reset_index().sort_values(["customer_id", "revenue"], ascending=[True, False],
                                                    kind="stable").drop_duplicates("customer_id")
    main_group = main_group.set_index("customer_id")["product_group"].astype(str)
    c = customers.loc[revenue.index]
    tiers = value_tiers(revenue, key_threshold=key_threshold, major_threshold=major_threshold)
    table = pd.DataFrame({
        "name": _unique_names(c.reset_index()).to_numpy(),
        "province": c["province"].astype(str).to_numpy(),
        "region": c["region"].astype(str).to_numpy(),
        "sector": c["sector"].astype(str).to_numpy(),
        "product_group": main_group.reindex(revenue.index).to_numpy(),
        "revenue": revenue.to_numpy(),
        "tier": tiers.to_numpy(),
        "visits": visits_needed(tiers, visits_per_year=visits_per_year).to_numpy(),
        "account_manager": c["account_manager"].to_numpy(),
        "category_spend": c["category_spend"].to_numpy(dtype=float),
    }, index=revenue.index)
    spend = table["category_spend"].where(table["category_spend"] > 0)
    table["share_of_wallet"] = (table["revenue"] / spend).clip(upper=1.0)
    return table


#: Forms of account management on the company's accounts table (geografie by province = rayon).
COMPANY_FORMS = {"geografie": "province", "branche": "sector", "product": "product_group", "waarde": "tier"}


def manager_roles(year: int = 2025) -> pd.DataFrame:
    """Hunters and farmers (§7.1): per account manager the role and what the data show of it.

    Columns: naam, regio, rol, fte, klanten (active accounts in ``year``), nieuwe klanten (acquired
    in ``year``), omzet, omzet nieuwe klanten (from customers acquired in ``year`` or the year
    before), aandeel nieuw (fraction of revenue from those new customers).

    >>> roles = manager_roles(2025)
    >>> set(roles["rol"]) <= {"hunter", "farmer"}
    True
    """
    y = _year(year)
    managers = _load("account_managers").set_index("manager_id")
    accounts = account_table(y)
    customers = _load("customers").set_index("customer_id")
    acquired = customers.loc[accounts.index, "acquired_on"].dt.year
    new = acquired >= y - 1
    frame = accounts.assign(new=new.to_numpy(), new_revenue=accounts["revenue"].where(new.to_numpy(), 0.0),
                            acquired_now=(acquired == y).to_numpy())
    per = frame.groupby("account_manager").agg(klanten=("revenue", "size"), omzet=("revenue", "sum"),
                                               nieuwe_klanten=("acquired_now", "sum"),
                                               omzet_nieuw=("new_revenue", "sum"))
    per = per.reindex(managers.index, fill_value=0)
    out = pd.DataFrame({
        "naam": managers["name"].astype(str), "regio": managers["region"].astype(str),
        "rol": managers["role"].astype(str), "fte": managers["fte"].astype(float),
        "klanten": per["klanten"].astype(int), "nieuwe klanten": per["nieuwe_klanten"].astype(int),
        "omzet": per["omzet"].astype(float), "omzet nieuwe klanten": per["omzet_nieuw"].astype(float),
    })
    out["aandeel nieuw"] = (out["omzet nieuwe klanten"] / out["omzet"].where(out["omzet"] > 0)).fillna(0.0)
    out.index.name = "manager_id"
    return out


def key_account_scores(year: int = 2025) -> pd.DataFrame:
    """Key-account candidates in ``year`` (§7.7) with their criterion scores 1–10, index = name.

    Columns: customer_id, the attractiveness criteria (omvang, groeipotentieel, marge, imago), the
    strength criteria (relatie, aandeel, productfit), our_revenue, category_spend, share_of_wallet,
    kam_stage and competitors_at_customer.

    >>> scores = key_account_scores(2025)
    >>> {"omvang", "relatie", "kam_stage"} <= set(scores.columns)
    True
    """
    y = _year(year)
    ka = _load("key_accounts")
    ka = ka[ka["year"] == y]
    if ka.empty:
        raise InputError(f"Er zijn geen key-accountgegevens voor {y}; kies een jaar uit 2021–2025.")
    customers = _load("customers")
    names = pd.Series(_unique_names(customers).to_numpy(), index=customers["customer_id"])
    out = ka.drop(columns="year").copy()
    out.index = pd.Index(names.loc[out["customer_id"]].to_numpy(), name="account")
    out["kam_stage"] = out["kam_stage"].astype(str)
    return out


def key_account_example(year: int = 2025) -> dict:
    """Arguments for :func:`salesnb.widgets.key_account_explorer` on the company data."""
    scores = key_account_scores(year)
    return {"scores": scores, "revenue": scores["our_revenue"].to_numpy(),
            "attractiveness": list(ATTRACTIVENESS), "strength": list(STRENGTH), "cutoff": CUTOFF_1_10}


def company_key_accounts(year: int = 2025, *, attractiveness: Mapping[str, float] = ATTRACTIVENESS,
                         strength: Mapping[str, float] = STRENGTH, cutoff: float = CUTOFF_1_10) -> pd.DataFrame:
    """The key-account matrix (§7.7) of the company's candidates, with revenue, share of wallet and stage.

    >>> m = company_key_accounts(2025)
    >>> {"aantrekkelijkheid", "sterkte", "kwadrant", "key_account", "share_of_wallet"} <= set(m.columns)
    True
    """
    scores = key_account_scores(year)
    matrix = key_account_matrix(scores, attractiveness, strength, cutoff=cutoff)
    return matrix.join(scores[["customer_id", "our_revenue", "category_spend", "share_of_wallet", "kam_stage"]])


def account_dmu_coverage(customer_ids=None, *, since: str | None = None) -> pd.DataFrame:
    """DMU contact coverage per account (§7.7) from the contacts of the account's opportunities.

    A role counts as met when at least one contact in that role was actually met (column ``met``)
    in any opportunity of the customer (created on or after ``since``, a date, when given).
    Index: customer_id.

    >>> cov = account_dmu_coverage([10010])
    >>> bool(0 <= cov["dekking"].iloc[0] <= 1)
    True
    """
    opportunities = _load("opportunities")
    contacts = _load("dmu_contacts")
    opp = opportunities.dropna(subset=["customer_id"])
    if since is not None:
        start = _v.dates([since], "since").iloc[0]
        opp = opp[opp["created_on"] >= start]
    if customer_ids is not None:
        ids = _v.numbers_array(customer_ids, "customer_ids", integer=True)
        opp = opp[opp["customer_id"].isin(ids.astype(int))]
    links = opp[["opportunity_id", "customer_id"]].astype({"customer_id": "int64"})
    merged = contacts.merge(links, on="opportunity_id", how="inner")
    met = merged[merged["met"].astype(bool)]
    coverage = dmu_coverage(met.assign(role=met["role"].astype(str)), account="customer_id", role="role")
    if customer_ids is not None:
        wanted = pd.Index(ids.astype(int), name="customer_id")
        absent = wanted.difference(coverage.index)
        if len(absent):
            empty = pd.DataFrame({**{r: False for r in DMU_ROLES}, "gesproken": "",
                                  "niet gesproken": ", ".join(DMU_ROLES), "dekking": 0.0}, index=absent)
            coverage = empty if coverage.empty else pd.concat([coverage, empty])
        coverage = coverage.reindex(wanted)
    return coverage


def account_facts(customer_id, *, year: int = 2025) -> AccountFacts:
    """Collect the facts for the accountplan of one customer from the company data (§7.9).

    >>> facts = account_facts(10010)
    >>> facts.kam_stage in KAM_STAGES
    True
    """
    y = _year(year)
    cid = int(_v.number(customer_id, "customer_id", integer=True))
    customers = _load("customers").set_index("customer_id")
    if cid not in customers.index:
        raise InputError(f"Klantnummer {cid} bestaat niet in de tabel customers.")
    customer = customers.loc[cid]
    ka = _load("key_accounts")
    history = ka[(ka["customer_id"] == cid) & (ka["year"] <= y)].sort_values("year")
    orders = _load("orders")
    own = orders[orders["customer_id"] == cid]
    if history.empty:
        yearly = own.groupby(own["date"].dt.year)["revenue"].sum()
        yearly = yearly[yearly.index <= y]
        spend = float(customer["category_spend"])
        stage = "pre-KAM"
        competitors: list[str] = []
    else:
        yearly = history.set_index("year")["our_revenue"]
        last = history.iloc[-1]
        spend = float(last["category_spend"])
        stage = str(last["kam_stage"])
        competitors = [c.strip() for c in str(last["competitors_at_customer"]).split(";") if c.strip()]
    if yearly.empty:
        raise InputError(f"Klant {cid} heeft tot en met {y} geen omzet; maak een accountplan voor een klant met omzet.")
    groups = [str(g) for g in _load("products")["product_group"].cat.categories]
    bought_now = own[own["date"].dt.year == y]["product_group"].astype(str).unique()
    bought = [g for g in groups if g in set(bought_now)]
    coverage = account_dmu_coverage([cid]).iloc[0]
    met = [r for r in DMU_ROLES if bool(coverage[r])]
    nps_answers = _load("nps")
    answers = nps_answers[(nps_answers["customer_id"] == cid) & (nps_answers["date"].dt.year.between(y - 1, y))]
    nps_value = None
    if len(answers):
        from .satisfaction import nps as _nps

        nps_value = float(_nps(answers["score"]))
    complaints = _load("complaints")
    open_complaints = int(((complaints["customer_id"] == cid) & ~complaints["handled_well"].astype(bool)
                           & (complaints["date"].dt.year == y)).sum())
    managers = _load("account_managers").set_index("manager_id")
    manager = str(managers.loc[int(customer["account_manager"]), "name"])
    sector = str(customer["sector"])
    tender_sectors = {"Overheid", "Onderwijs", "Zorg"}
    purchasing = ("raamcontract via (Europese) aanbesteding" if sector in tender_sectors
                  else "raamcontract, jaarlijks onderhandeld met de inkoper")
    reference = pd.Timestamp(f"{y}-12-31")
    return AccountFacts(
        name=str(customer["name"]), customer_id=cid, sector=sector, region=str(customer["province"]),
        size=f"{_number(int(customer['employees']))} medewerkers ({customer['size_class']})", account_manager=manager,
        revenue_history={int(k): float(v) for k, v in yearly.items()}, spend=max(spend, float(yearly.iloc[-1])),
        kam_stage=stage, purchasing=purchasing, nps=nps_value, nps_answers=int(len(answers)), competitors=competitors, roles_met=met,
        roles_missing=[r for r in DMU_ROLES if r not in met], products_bought=bought,
        products_not_bought=[g for g in groups if g not in set(bought)], complaints_open=open_complaints,
        relationship_years=(reference - customer["acquired_on"]).days / 365.25,
        seller=_company_name())


def _number(value) -> str:
    from .display import format_number

    return format_number(value)


def _company_name() -> str:
    return str(COMPANY["name"])


def plan_account(year: int = 2025, **matrix_kwargs) -> int:
    """The customer_id the notebook makes the accountplan for: the key account with the most
    revenue to win (customer spend − our revenue) in the key-account quadrant (§7.9).

    >>> isinstance(plan_account(2025), int)
    True
    """
    m = company_key_accounts(year, **matrix_kwargs)
    pool = m[m["key_account"]] if m["key_account"].any() else m
    room = (pool["category_spend"] - pool["our_revenue"]).sort_values(ascending=False, kind="stable")
    return int(pool.loc[room.index[0], "customer_id"])


_EURO = ("omzet", "revenue", "our_revenue", "category_spend", "bedrag", "kosten")
_SHARE = ("share_of_wallet", "dekking", "aandeel nieuw", "omzetaandeel")


def readable_accounts(table: pd.DataFrame, *, decimals: int = 1) -> pd.DataFrame:
    """A copy of an H7 table for reading (display only): euros, Dutch percentages, rounded scores.

    >>> readable_accounts(pd.DataFrame({"omzet": [1500.0], "dekking": [0.5]})).iloc[0].tolist()
    ['€ 1.500', '50,0%']
    """
    from .style import _readable_columns, format_euro, format_number, format_percent

    def formatter_for(name, values):
        if name in _SHARE:
            return lambda x: format_percent(x, 1)
        if name in _EURO or (name.startswith("omzet") and "/" not in name):
            return format_euro
        if (values.dropna() % 1 != 0).any():
            return lambda x: format_number(x, decimals)
        return int

    return _readable_columns(table, formatter_for)
