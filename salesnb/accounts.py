"""Account management (H7): share of wallet, forms of account management and the
workload they give each account manager, key account selection, Millman & Wilson and
DMU coverage.

Every function takes plain values or a DataFrame with named columns, validates it
(Dutch :class:`~salesnb.errors.InputError` on bad input), never modifies its input,
and returns a float, Series or DataFrame. Shares are fractions (0.15). The sample
company's account tables are assembled in :mod:`salesnb.sample_company`; the
accountplan document is :mod:`salesnb.documents.accountplan`.
"""

from __future__ import annotations

import heapq
import math
import numbers
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from . import _validate as _v
from .display import format_euro
from .errors import InputError
from .vocabulary import DMU_ROLES, KAM_STAGES

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
    "VISITS_PER_YEAR",
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
            f"Onze omzet bij de klant ({format_euro(r)}) is groter dan de totale besteding van de klant "
            f"({format_euro(s)}){where}. Share of wallet = onze omzet / totale besteding en kan niet boven "
            f"1 (100%) liggen. Heb je de twee omgewisseld? Zet eerst onze omzet, dan de besteding."
        )


# --------------------------------------------------------------------------- forms of account management

#: Forms of account management (§7.3–7.6) and the column of the accounts table each form splits on.
ACCOUNT_FORMS: dict[str, str] = {
    "geografie": "region",
    "branche": "sector",
    "product": "product_group",
    "waarde": "klasse",
}

_TIER_LABELS = ("key account", "major account", "minor account")
#: The company's value thresholds (yearly revenue in €): key account from, major account from.
KEY_THRESHOLD = 100_000.0
MAJOR_THRESHOLD = 25_000.0
#: Visit norm per value tier (visits per account per year).
VISITS_PER_YEAR = {"key account": 12.0, "major account": 4.0, "minor account": 1.0}


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
            f"'major_threshold' ({format_euro(major)}) ligt boven 'key_threshold' ({format_euro(key)}). "
            f"Een key account moet de hoogste drempel hebben; wissel ze om."
        )
    labels = list(labels)
    if len(labels) != 3 or len(set(labels)) != 3:
        raise InputError("'labels' moet drie verschillende namen hebben: key, major en minor.")
    codes = np.where(values >= key, 0, np.where(values >= major, 1, 2))
    index = revenue.index if isinstance(revenue, pd.Series) else None
    return pd.Series(pd.Categorical.from_codes(codes, categories=labels, ordered=True),
                     index=index, name="klasse")


def visits_needed(tiers, *, visits_per_year: Mapping[str, float] | None = None) -> pd.Series:
    """Visits per year an account needs by its value tier (§7.6), as a float Series.

    Default visit norm: key account 12, major account 4, minor account 1 visit a year.

    >>> visits_needed(["key account", "minor account"]).tolist()
    [12.0, 1.0]
    """
    norm = dict(VISITS_PER_YEAR) if visits_per_year is None else dict(visits_per_year)
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
    out.name = "bezoeken"
    return out


def _form_levels(form, form_cols: Mapping[str, str]) -> list[str]:
    forms = [form] if isinstance(form, str) else list(form)
    if not forms:
        raise InputError("Kies minstens één vorm van account management, bijvoorbeeld 'geografie'.")
    return [form_cols[_v.choice(f, "form", list(form_cols))] for f in forms]


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
                            form_cols: Mapping[str, str] = ACCOUNT_FORMS, visits_col: str = "bezoeken",
                            revenue_col: str = "revenue", prefix: str = "AM") -> pd.Series:
    """Divide the accounts over ``n_managers`` account managers under one form (§7.3–7.8).

    ``form`` is ``"geografie"`` (rayons), ``"branche"``, ``"product"``, ``"waarde"`` or a
    combination such as ``("waarde", "geografie")`` (§7.8: first split the team by value, then
    each part by region). The rule, level by level: with fewer managers than groups, whole groups
    (e.g. provinces) are combined into portfolios, heaviest group first to the least-loaded
    manager; with at least as many managers as groups, every group gets one manager and each
    extra manager goes to the group with the most visits per manager, whose accounts are then
    spread so that the visits are as even as possible. ``form_cols`` maps each form to the
    column it splits on. Returns the manager per account.

    >>> accounts = pd.DataFrame({"region": ["Noord", "Noord", "Zuid"], "bezoeken": [4, 2, 2],
    ...                          "revenue": [40, 20, 20]})
    >>> assign_account_managers(accounts, "geografie", n_managers=2).tolist()
    ['AM 1', 'AM 1', 'AM 2']
    """
    levels = _form_levels(form, form_cols)
    _v.table(accounts, "accounts", [*levels, visits_col, revenue_col])
    n = int(_v.number(n_managers, "n_managers", minimum=1, integer=True))
    v = _numeric(accounts, visits_col, "accounts", minimum=0)
    r = _numeric(accounts, revenue_col, "accounts")
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


def manager_workload(accounts: pd.DataFrame, managers, *, group_col: str | None = None,
                     visits_col: str = "bezoeken", revenue_col: str = "revenue") -> pd.DataFrame:
    """Workload per account manager (§7.3–7.8): klanten, omzet and bezoeken per year.

    ``managers`` gives the manager of every account (e.g. from :func:`assign_account_managers`
    or the account manager column of the customers). With ``group_col`` (a column) the table
    also shows which groups (regions, sectors, ...) the manager serves.

    >>> accounts = pd.DataFrame({"bezoeken": [4, 2, 2], "revenue": [40, 20, 20]})
    >>> manager_workload(accounts, ["A", "A", "B"])[["klanten", "omzet", "bezoeken"]].values.tolist()
    [[2.0, 60.0, 6.0], [1.0, 20.0, 2.0]]
    """
    _v.table(accounts, "accounts", [visits_col, revenue_col] + ([group_col] if group_col else []))
    v = _numeric(accounts, visits_col, "accounts", minimum=0)
    r = _numeric(accounts, revenue_col, "accounts")
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
    if group_col:
        groups = pd.Series(accounts[group_col].astype(str).to_numpy())
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
                  n_managers: int, form_cols: Mapping[str, str] = ACCOUNT_FORMS,
                  visits_col: str = "bezoeken", revenue_col: str = "revenue") -> pd.DataFrame:
    """Compare forms of account management (§7.3–7.8) by the workload they give each manager.

    One row per form (a combination is written as ``"waarde + geografie"``): mean, least and
    most visits per manager, max/min ratio and coefficient of variation of visits, and the
    same spread for revenue and number of customers.

    >>> accounts = pd.DataFrame({"region": ["N", "N", "Z"], "sector": ["a", "b", "b"],
    ...                          "bezoeken": [4, 2, 2], "revenue": [40, 20, 20]})
    >>> compare_forms(accounts, ["geografie", "branche"], n_managers=2)["bezoeken_max_min"].tolist()
    [3.0, 1.0]
    """
    rows = []
    for form in forms:
        managers = assign_account_managers(accounts, form, n_managers=n_managers, form_cols=form_cols,
                                           visits_col=visits_col, revenue_col=revenue_col)
        load = manager_workload(accounts, managers, visits_col=visits_col, revenue_col=revenue_col)
        spread_v = workload_inequality(load["bezoeken"])
        rows.append({
            "vorm": form if isinstance(form, str) else " + ".join(form),
            "bezoeken_gemiddeld": load["bezoeken"].mean(),
            "bezoeken_minst": load["bezoeken"].min(),
            "bezoeken_meest": load["bezoeken"].max(),
            "bezoeken_max_min": spread_v["max_min"],
            "bezoeken_cv": spread_v["cv"],
            "omzet_max_min": workload_inequality(load["omzet"].clip(lower=0))["max_min"],
            "klanten_max_min": workload_inequality(load["klanten"])["max_min"],
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
    (True, True): ("strategisch account", "investeren: strategisch partnerschap opbouwen"),
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
    "hoog/hoog" are the strategic accounts (strategisch account).

    >>> accounts = pd.DataFrame({"omvang": [5, 2], "groei": [4, 4], "relatie": [4, 1]})
    >>> m = key_account_matrix(accounts, {"omvang": 1, "groei": 1}, {"relatie": 1})
    >>> m[["aantrekkelijkheid", "sterkte", "kwadrant"]].values.tolist()
    [[4.5, 4.0, 'strategisch account'], [3.0, 1.0, 'ontwikkelaccount']]
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
        "volgende_stap": text.map({n: m[2] for n, m in model.items()}),
    }, index=series.index)


# --------------------------------------------------------------------------- DMU coverage

def dmu_coverage(contacts: pd.DataFrame, *, account_col: str = "customer_id", role_col: str = "role",
                 roles: Sequence[str] = DMU_ROLES) -> pd.DataFrame:
    """DMU contact coverage per account (§7.7, §7.9): which roles we have met and which not.

    ``contacts`` has one row per contact (account, role). Returns one row per account with a
    True/False column per role, ``gesproken`` / ``niet_gesproken`` (text) and ``dekking``
    (fraction of ``roles`` met).

    >>> contacts = pd.DataFrame({"customer_id": [1, 1, 2], "role": ["beslisser", "inkoper", "inkoper"]})
    >>> dmu_coverage(contacts, roles=["beslisser", "inkoper"])["dekking"].tolist()
    [1.0, 0.5]
    """
    _v.table(contacts, "contacts", [account_col, role_col], allow_empty=True)
    roles = list(roles)
    if not roles:
        raise InputError("'roles' is leeg; noem de DMU-rollen die je wilt bereiken.")
    found = contacts[role_col].dropna().astype(str)
    unknown = sorted(set(found) - set(roles))
    if unknown:
        raise InputError(
            f"Onbekende DMU-rol(len) {', '.join(repr(u) for u in unknown)}. Bekende rollen: "
            f"{', '.join(repr(r) for r in roles)}; geef andere rollen mee met roles=[...]."
        )
    frame = contacts.loc[found.index, [account_col]].assign(_role=found)
    met = pd.crosstab(frame[account_col], pd.Categorical(frame["_role"], categories=roles)) > 0
    met = met.reindex(columns=roles, fill_value=False)
    met.columns = list(roles)
    met.columns.name = None
    met.index.name = account_col
    role_array = np.array(roles, dtype=object)
    met["gesproken"] = [", ".join(role_array[row]) for row in met[roles].to_numpy()]
    met["niet_gesproken"] = [", ".join(role_array[~row]) or "—" for row in met[roles].to_numpy()]
    met["dekking"] = met[roles].sum(axis=1) / len(roles)
    return met
