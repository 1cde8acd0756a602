"""H3 Lead management (§3.1–3.4): generating, qualifying and nurturing leads.

The calculations behind notebook 03:

- §3.1 online leads: lead stages and conversion per stage (:func:`stage_counts`,
  :func:`funnel_by_source`), cost per lead and per won customer (:func:`source_costs`),
  the online metrics CTR, landing-page conversion and CPL (:func:`ctr`,
  :func:`landing_page_conversion`, :func:`cost_per_lead`, :func:`campaign_metrics`),
  lead scoring with an MQL threshold (:func:`is_mql`, :func:`mql_tradeoff`),
  BANT qualification to SQL (:func:`bant_qualification`) and nurturing
  (:func:`nurturing_summary`).
- §3.2 cold acquisition as a ratio chain (:func:`ratio_chain`, :func:`calls_needed`).
- §3.4 tenders: EU thresholds by date (:func:`eu_threshold`, :func:`procedure_choice`)
  and BPKV scoring of bids (:func:`bpkv_scores`, :func:`tender_results`,
  :func:`own_win_rate`).

Stage names, thresholds and cut-offs are keyword parameters with the course defaults.
Shares are fractions (0.15); output tables have Dutch column names because students
read them.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import ColumnError, InputError

__all__ = [
    "LEAD_STAGES",
    "COLD_CALL_STAGES",
    "BANT_CRITERIA",
    "EU_THRESHOLDS",
    "stage_counts",
    "funnel_by_source",
    "source_costs",
    "ctr",
    "landing_page_conversion",
    "cost_per_lead",
    "campaign_metrics",
    "is_mql",
    "mql_tradeoff",
    "bant_qualification",
    "nurturing_summary",
    "ratio_chain",
    "calls_needed",
    "eu_threshold",
    "procedure_choice",
    "bpkv_scores",
    "tender_results",
    "own_win_rate",
]

#: Lead stages in the course's default order (§3.1). Sources disagree on the order,
#: so every function takes ``stages=`` as a parameter.
LEAD_STAGES: tuple[str, ...] = ("suspect", "lead", "MQL", "SQL", "opportunity", "klant")

#: The cold-acquisition ratio chain (§3.2): the gatekeeper stands before the decision maker.
COLD_CALL_STAGES: tuple[str, ...] = ("gebeld", "beslisser bereikt", "afspraak", "offerte", "order")

#: BANT criteria (§3.1): Budget, Authority, Need, Timeline.
BANT_CRITERIA: tuple[str, ...] = ("budget", "authority", "need", "timeline")

#: EU procurement thresholds excluding VAT (§3.4), with their validity dates.
#: Categories: werken; leveringen/diensten of the central government (centraal) and of
#: decentralised authorities (decentraal); social and other specific services (sociaal).
EU_THRESHOLDS = pd.DataFrame(
    {
        "category": ["werken", "centraal", "decentraal", "sociaal"] * 2,
        "valid_from": pd.to_datetime(["2024-01-01"] * 4 + ["2026-01-01"] * 4),
        "valid_to": pd.to_datetime(["2025-12-31"] * 4 + ["2027-12-31"] * 4),
        "threshold": [5_538_000.0, 143_000.0, 221_000.0, 750_000.0,
                      5_404_000.0, 140_000.0, 216_000.0, 750_000.0],
    }
)


# --------------------------------------------------------------------------- helpers

def _stage_positions(values, name: str, stages) -> np.ndarray:
    """Map stage names to their position in ``stages``; unknown names raise InputError."""
    stages = _check_stages(stages)
    series = pd.Series(values).reset_index(drop=True)
    if series.isna().any():
        raise InputError(
            f"'{name}' mist een fase op positie "
            f"{v._positions(series.isna().to_numpy())}. Vul de bereikte fase in."
        )
    labels = series.astype(str)
    lookup = {stage: i for i, stage in enumerate(stages)}
    positions = labels.map(lookup)
    unknown = positions.isna().to_numpy()
    if unknown.any():
        first = labels[unknown].iloc[0]
        v.choice(first, name, stages)  # raises with a 'did you mean' tip
    return positions.to_numpy(dtype=int)


def _check_stages(stages) -> tuple[str, ...]:
    if isinstance(stages, str) or not hasattr(stages, "__iter__"):
        raise InputError(
            f"'stages' moet een rij fasenamen zijn, bijvoorbeeld {LEAD_STAGES!r}, maar is {stages!r}."
        )
    stages = tuple(str(s) for s in stages)
    if len(stages) < 2:
        raise InputError("'stages' moet minstens twee fasen bevatten om conversie te berekenen.")
    if len(set(stages)) != len(stages):
        raise InputError(f"'stages' bevat een fase twee keer: {stages!r}. Elke fase mag één keer voorkomen.")
    return stages


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator with NaN where the denominator is 0."""
    numerator = np.asarray(numerator, dtype=float)
    denominator = np.asarray(denominator, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1), np.nan)


def _exact(value: float) -> Fraction:
    """A float as the exact decimal it was written as (0.07 -> 7/100)."""
    return Fraction(repr(float(value)))


def _ceil(value: Fraction) -> int:
    """Round up without float error: round to 9 decimals first (CURRICULUM convention)."""
    return math.ceil(round(value, 9))


def _scalar_or_array(values, name: str, **kwargs):
    if np.isscalar(values) and not isinstance(values, str):
        return v.number(values, name, **kwargs), True
    return v.numbers_array(values, name, **kwargs), False


def _rate(numerator, denominator, num_name: str, den_name: str):
    num, num_scalar = _scalar_or_array(numerator, num_name, minimum=0)
    den, den_scalar = _scalar_or_array(denominator, den_name, minimum=0)
    if num_scalar and den_scalar:
        if den == 0:
            raise InputError(f"'{den_name}' is 0: delen door nul kan niet. Er is dan geen {den_name}.")
        return num / den
    num = np.broadcast_to(num, np.shape(den)) if num_scalar else num
    den = np.broadcast_to(den, np.shape(num)) if den_scalar else den
    v.same_length(**{num_name: num, den_name: den})
    index = None
    for original in (numerator, denominator):
        if isinstance(original, pd.Series):
            index = original.index
            break
    return pd.Series(_ratio(num, den), index=index)


# --------------------------------------------------------------------------- §3.1 stages

def stage_counts(reached, *, stages=LEAD_STAGES) -> pd.DataFrame:
    """Leads per stage with conversion per stage (leadfasen, §3.1).

    ``reached`` holds, per lead, the furthest stage it reached. A lead that reached
    'SQL' also passed 'suspect', 'lead' and 'MQL', so the count of a stage is the number
    of leads that reached at least that stage. ``conversie`` = n(this) / n(previous);
    ``vanaf_start`` = n(this) / n(first stage).

    >>> stage_counts(["lead", "MQL", "klant", "lead"], stages=["lead", "MQL", "klant"])
        fase  aantal  conversie  vanaf_start
    0   lead       4        NaN         1.00
    1    MQL       2       0.50         0.50
    2  klant       1       0.50         0.25
    """
    stages = _check_stages(stages)
    positions = _stage_positions(reached, "reached", stages)
    if len(positions) == 0:
        raise InputError("'reached' is leeg; er zijn geen leads om te tellen.")
    per_stage = np.bincount(positions, minlength=len(stages))
    at_least = per_stage[::-1].cumsum()[::-1]
    previous = np.concatenate([[np.nan], at_least[:-1]])
    return pd.DataFrame(
        {
            "fase": list(stages),
            "aantal": at_least.astype(int),
            "conversie": _ratio(at_least, previous),
            "vanaf_start": _ratio(at_least, np.full(len(stages), at_least[0])),
        }
    )


def funnel_by_source(leads: pd.DataFrame, *, source: str = "source", stage: str = "stage",
                     stages=LEAD_STAGES) -> pd.DataFrame:
    """Leads per source and stage with conversion per stage (conversie per leadbron, §3.1).

    Returns one row per (bron, fase) with ``aantal`` (leads that reached at least that
    stage), ``conversie`` (from the previous stage) and ``vanaf_start``.

    >>> leads = pd.DataFrame({"source": ["online", "online", "beurs"],
    ...                       "stage": ["lead", "klant", "MQL"]})
    >>> funnel_by_source(leads, stages=["lead", "MQL", "klant"])
         bron   fase  aantal  conversie  vanaf_start
    0   beurs   lead       1        NaN          1.0
    1   beurs    MQL       1        1.0          1.0
    2   beurs  klant       0        0.0          0.0
    3  online   lead       2        NaN          1.0
    4  online    MQL       1        0.5          0.5
    5  online  klant       1        1.0          0.5
    """
    v.table(leads, "leads", [source, stage])
    stages = _check_stages(stages)
    positions = _stage_positions(leads[stage], f"leads['{stage}']", stages)
    sources = leads[source].reset_index(drop=True)
    if sources.isna().any():
        raise ColumnError(
            f"De kolom '{source}' mist een leadbron op positie "
            f"{v._positions(sources.isna().to_numpy())}. Vul de bron in of laat die leads weg."
        )
    names = sources.astype(str).to_numpy()
    observed = list(pd.unique(sources)) if not isinstance(sources.dtype, pd.CategoricalDtype) \
        else list(sources.cat.categories)
    order = sorted({str(s) for s in observed})
    counts = pd.crosstab(pd.Categorical(names, categories=order),
                         pd.Categorical(positions, categories=range(len(stages))), dropna=False)
    at_least = counts.to_numpy()[:, ::-1].cumsum(axis=1)[:, ::-1]
    previous = np.concatenate([np.full((len(order), 1), np.nan), at_least[:, :-1]], axis=1)
    first = np.repeat(at_least[:, :1], len(stages), axis=1)
    return pd.DataFrame(
        {
            "bron": np.repeat(order, len(stages)),
            "fase": np.tile(stages, len(order)),
            "aantal": at_least.ravel().astype(int),
            "conversie": _ratio(at_least, previous).ravel(),
            "vanaf_start": _ratio(at_least, first).ravel(),
        }
    )


def source_costs(leads: pd.DataFrame, costs, *, source: str = "source", stage: str = "stage",
                 won_stage: str = "klant", stages=LEAD_STAGES) -> pd.DataFrame:
    """Cost per lead and per won customer by lead source (kosten per lead, §3.1).

    ``costs`` maps each source to its total cost in € (dict or Series). A lead counts as
    won when it reached ``won_stage``. ``kosten_per_klant`` is NaN for a source without
    won leads.

    >>> leads = pd.DataFrame({"source": ["online"] * 4 + ["beurs"] * 2,
    ...                       "stage": ["lead", "lead", "klant", "MQL", "klant", "SQL"]})
    >>> source_costs(leads, {"online": 400, "beurs": 900}, stages=["lead", "MQL", "SQL", "klant"])
         bron  leads  klanten  kosten  kosten_per_lead  kosten_per_klant  conversie
    0   beurs      2        1   900.0            450.0             900.0       0.50
    1  online      4        1   400.0            100.0             400.0       0.25
    """
    funnel = funnel_by_source(leads, source=source, stage=stage, stages=stages)
    v.choice(won_stage, "won_stage", funnel["fase"].unique())
    first = funnel.groupby("bron", sort=True)["aantal"].first()
    won = funnel[funnel["fase"] == won_stage].set_index("bron")["aantal"]
    if isinstance(costs, pd.Series):
        cost_map = costs.to_dict()
    elif isinstance(costs, dict):
        cost_map = dict(costs)
    else:
        raise InputError(
            f"'costs' moet per leadbron de kosten geven (een dict of Series), bijvoorbeeld "
            f"{{'online': 12000}}, maar is {type(costs).__name__}."
        )
    cost_map = {str(k): val for k, val in cost_map.items()}
    missing = [s for s in first.index if s not in cost_map]
    if missing:
        raise InputError(
            f"'costs' mist de kosten van de leadbron(nen) {', '.join(repr(m) for m in missing)}. "
            f"Geef voor elke bron de kosten in euro."
        )
    amounts = v.numbers_array([cost_map[s] for s in first.index], "costs", minimum=0)
    result = pd.DataFrame(
        {
            "bron": first.index.to_numpy(),
            "leads": first.to_numpy().astype(int),
            "klanten": won.reindex(first.index).to_numpy().astype(int),
            "kosten": amounts,
        }
    )
    result["kosten_per_lead"] = _ratio(result["kosten"], result["leads"])
    result["kosten_per_klant"] = _ratio(result["kosten"], result["klanten"])
    result["conversie"] = _ratio(result["klanten"], result["leads"])
    return result


# --------------------------------------------------------------------------- §3.1 online

def ctr(clicks, impressions):
    """Click-through rate CTR = klikken / vertoningen (online leads, §3.1).

    Works on numbers (returns a float) or on columns (returns a Series, NaN where there
    were no impressions).

    >>> ctr(30, 1500)
    0.02
    >>> ctr([30, 0], [1500, 0]).tolist()
    [0.02, nan]
    """
    return _rate(clicks, impressions, "clicks", "impressions")


def landing_page_conversion(conversions, visitors):
    """Landing-page conversion = conversies / bezoekers (online leads, §3.1).

    >>> landing_page_conversion(12, 400)
    0.03
    """
    return _rate(conversions, visitors, "conversions", "visitors")


def cost_per_lead(cost, leads):
    """Cost per lead CPL = kosten / aantal leads in € (online leads, §3.1).

    >>> cost_per_lead(1200, 16)
    75.0
    """
    return _rate(cost, leads, "cost", "leads")


def campaign_metrics(campaigns: pd.DataFrame, *, impressions: str = "impressions",
                     clicks: str = "clicks", visitors: str | None = None,
                     conversions: str = "leads", cost: str = "cost",
                     by: str | None = None) -> pd.DataFrame:
    """CTR, landing-page conversion and CPL per campaign or per group (§3.1).

    Returns a copy of the campaign table (or, with ``by``, totals per group) with the
    columns ``ctr``, ``conversie`` (conversions / visitors; visitors default to clicks,
    every click lands on the landing page) and ``cpl`` added. Rates of a group are
    computed from the group's totals, never as a mean of campaign rates.

    >>> c = pd.DataFrame({"channel": ["google", "google", "linkedin"],
    ...                   "impressions": [1000, 3000, 500], "clicks": [20, 60, 25],
    ...                   "leads": [2, 2, 5], "cost": [100, 300, 250]})
    >>> campaign_metrics(c, by="channel")[["channel", "ctr", "conversie", "cpl"]]
        channel   ctr  conversie   cpl
    0    google  0.02       0.05 100.0
    1  linkedin  0.05       0.20  50.0
    """
    visitors = visitors or clicks
    columns = list(dict.fromkeys([impressions, clicks, visitors, conversions, cost]))
    v.table(campaigns, "campaigns", columns + ([by] if by else []))
    for column in columns:
        v.column_numbers(campaigns, column, "campaigns", minimum=0)
    if by:
        table = campaigns.groupby(by, observed=True, sort=True)[columns].sum().reset_index()
    else:
        table = campaigns.copy()
    table["ctr"] = _ratio(table[clicks], table[impressions])
    table["conversie"] = _ratio(table[conversions], table[visitors])
    table["cpl"] = _ratio(table[cost], table[conversions])
    return table


# --------------------------------------------------------------------------- §3.1 scoring

def is_mql(scores, *, threshold: float = 60) -> pd.Series:
    """Whether each lead is a marketing qualified lead: score ≥ threshold (MQL, §3.1).

    The lead score adds fit points and behaviour points; the threshold is the company's
    choice (default 60 points).

    >>> is_mql([45, 60, 82], threshold=60).tolist()
    [False, True, True]
    """
    values = v.numbers_array(scores, "scores")
    threshold = v.number(threshold, "threshold")
    index = scores.index if isinstance(scores, pd.Series) else None
    return pd.Series(values >= threshold, index=index, name="mql")


def mql_tradeoff(scores, converted, *, thresholds=range(0, 101, 10)) -> pd.DataFrame:
    """Volume against precision for MQL thresholds (leadscoring, §3.1).

    For each threshold: ``mql`` = leads with score ≥ threshold (volume handed to sales),
    ``aandeel`` = mql / all leads, ``raak`` = MQLs that converted, ``precisie`` =
    raak / mql, ``gemist`` = converters below the threshold and ``dekking`` = share of
    all converters that the threshold lets through. A higher threshold gives sales fewer,
    better leads but misses more future customers.

    >>> mql_tradeoff([20, 40, 60, 80], [False, False, True, True], thresholds=[30, 70])
       drempel  mql  aandeel  raak  precisie  gemist  dekking
    0       30    3     0.75     2  0.666667       0      1.0
    1       70    1     0.25     1  1.000000       1      0.5
    """
    values = v.numbers_array(scores, "scores")
    hits = _booleans(converted, "converted")
    v.same_length(scores=values, converted=hits)
    limits = v.numbers_array(list(thresholds), "thresholds")
    passed = values[None, :] >= limits[:, None]
    mql = passed.sum(axis=1)
    raak = (passed & hits[None, :]).sum(axis=1)
    total_hits = int(hits.sum())
    result = pd.DataFrame(
        {
            "drempel": limits,
            "mql": mql.astype(int),
            "aandeel": mql / len(values),
            "raak": raak.astype(int),
            "precisie": _ratio(raak, mql),
            "gemist": (total_hits - raak).astype(int),
            "dekking": _ratio(raak, np.full(len(limits), total_hits)),
        }
    )
    if (limits == np.round(limits)).all():
        result["drempel"] = result["drempel"].astype(int)
    return result


def _booleans(values, name: str) -> np.ndarray:
    if isinstance(values, (str, bytes)) or values is None:
        raise InputError(f"'{name}' moet een rij ja/nee-waarden zijn (True/False of 1/0), maar is {values!r}.")
    series = pd.Series(list(values) if not isinstance(values, (pd.Series, np.ndarray)) else values)
    if len(series) == 0:
        raise InputError(f"'{name}' is leeg.")
    if series.isna().any():
        raise InputError(f"'{name}' mist waarden op positie {v._positions(series.isna().to_numpy())}.")
    ok = series.map(lambda x: isinstance(x, (bool, np.bool_)) or (isinstance(x, (int, float, np.number))
                                                                 and x in (0, 1)))
    if not ok.all():
        bad = series[~ok.to_numpy()].iloc[0]
        raise InputError(
            f"'{name}' mag alleen ja/nee-waarden bevatten (True/False of 1/0), maar bevat {bad!r}."
        )
    return series.astype(bool).to_numpy()


def bant_qualification(leads: pd.DataFrame, *, criteria=BANT_CRITERIA, required: int | None = None,
                       score: str | None = None, threshold: float = 60) -> pd.DataFrame:
    """BANT check per lead: which criteria are met and whether the lead becomes an SQL (§3.1).

    ``criteria`` are the yes/no columns for Budget, Authority, Need and Timeline.
    ``required`` (default: all) is how many must be met. With ``score`` given, only MQLs
    (score ≥ ``threshold``) can become SQL: sales qualifies what marketing hands over.
    Returns ``bant`` (number met), ``ontbreekt`` (the first missing criterion, '' if none)
    and ``sql``.

    >>> leads = pd.DataFrame({"budget": [True, True], "authority": [True, False],
    ...                       "need": [True, True], "timeline": [True, True]})
    >>> bant_qualification(leads)
       bant  ontbreekt    sql
    0     4              True
    1     3  authority  False
    """
    criteria = tuple(criteria)
    if not criteria:
        raise InputError("'criteria' is leeg; noem de BANT-kolommen, bijvoorbeeld ('budget', 'authority', 'need', 'timeline').")
    v.table(leads, "leads", list(criteria) + ([score] if score else []))
    if required is None:
        required = len(criteria)
    required = int(v.number(required, "required", minimum=1, maximum=len(criteria), integer=True))
    met = np.column_stack([_booleans(leads[c], f"leads['{c}']") for c in criteria])
    count = met.sum(axis=1)
    first_missing = np.where(met.all(axis=1), "", np.array(criteria, dtype=object)[np.argmin(met, axis=1)])
    sql = count >= required
    if score:
        sql &= v.column_numbers(leads, score, "leads") >= v.number(threshold, "threshold")
    return pd.DataFrame({"bant": count.astype(int), "ontbreekt": first_missing.astype(str), "sql": sql},
                        index=leads.index)


def nurturing_summary(scores, *, threshold: float = 60, near: float = 10) -> pd.DataFrame:
    """How many leads sit below the MQL threshold and how far (lead nurturing, §3.1).

    Groups the leads into ``MQL`` (score ≥ threshold), ``bijna`` (fewer than ``near``
    points short: a little nurturing content may be enough) and ``ver weg`` (further
    below: long-term nurturing or drop). ``tekort_gemiddeld`` is the mean number of
    points still needed in the group.

    >>> nurturing_summary([65, 55, 52, 30], threshold=60, near=10)
         groep  aantal  aandeel  tekort_gemiddeld
    0      MQL       1     0.25               0.0
    1    bijna       2     0.50               6.5
    2  ver weg       1     0.25              30.0
    """
    values = v.numbers_array(scores, "scores")
    threshold = v.number(threshold, "threshold")
    near = v.number(near, "near", minimum=0)
    short = np.maximum(threshold - values, 0.0)
    group = np.where(short == 0, 0, np.where(short <= near, 1, 2))
    names = ["MQL", "bijna", "ver weg"]
    counts = np.bincount(group, minlength=3)
    sums = np.bincount(group, weights=short, minlength=3)
    return pd.DataFrame(
        {
            "groep": names,
            "aantal": counts.astype(int),
            "aandeel": counts / len(values),
            "tekort_gemiddeld": _ratio(sums, counts),
        }
    )


# --------------------------------------------------------------------------- §3.2 cold acquisition

def ratio_chain(counts, *, stages=COLD_CALL_STAGES) -> pd.DataFrame:
    """The cold-acquisition ratio chain (koude acquisitie, §3.2).

    ``counts`` are the numbers at each stage (calls, decision maker reached, appointment,
    quotation, order), as a list in stage order or a dict/Series keyed by stage.
    ``ratio`` = n(this) / n(previous); ``een_op`` = how many of the previous stage are
    needed for one of this stage; ``vanaf_start`` = n(this) / n(first).

    >>> ratio_chain([200, 80, 20, 10, 4])
                    fase  aantal  ratio  een_op  vanaf_start
    0             gebeld     200    NaN     NaN        1.000
    1  beslisser bereikt      80   0.40     2.5        0.400
    2            afspraak      20   0.25     4.0        0.100
    3            offerte      10   0.50     2.0        0.050
    4              order       4   0.40     2.5        0.020
    """
    stages = _check_stages(stages)
    if isinstance(counts, dict):
        counts = pd.Series(counts)
    if isinstance(counts, pd.Series) and not pd.api.types.is_integer_dtype(counts.index):
        missing = [s for s in stages if s not in counts.index]
        if missing:
            raise InputError(f"'counts' mist de fase(n) {', '.join(repr(m) for m in missing)}.")
        counts = counts.reindex(list(stages))
    values = v.numbers_array(counts, "counts", minimum=0)
    v.same_length(counts=values, stages=stages)
    if (np.diff(values) > 0).any():
        where = int(np.flatnonzero(np.diff(values) > 0)[0])
        raise InputError(
            f"'counts' loopt op van '{stages[where]}' ({values[where]:g}) naar '{stages[where + 1]}' "
            f"({values[where + 1]:g}). In een ratioketen kan een fase niet meer tellen dan de vorige."
        )
    previous = np.concatenate([[np.nan], values[:-1]])
    ratio = _ratio(values, previous)
    out = pd.DataFrame(
        {
            "fase": list(stages),
            "aantal": values,
            "ratio": ratio,
            "een_op": _ratio(np.ones(len(values)), ratio),
            "vanaf_start": _ratio(values, np.full(len(values), values[0])),
        }
    )
    if (values == np.round(values)).all():
        out["aantal"] = out["aantal"].astype(int)
    return out


def calls_needed(orders, rates, *, stages=COLD_CALL_STAGES, round_each_stage: bool = False) -> pd.DataFrame:
    """Work the ratio chain backwards: how many calls for N orders (koude acquisitie, §3.2).

    ``rates`` are the conversion ratios between consecutive stages (calls → decision
    maker, → appointment, → quotation, → order). With ``round_each_stage=False``
    (default) each stage is computed from the exact (unrounded) number of the next stage
    and only then rounded up; with ``True`` every stage is rounded up before the previous
    one is computed, which gives a (slightly) larger plan. Rounding up is exact: float
    error of the ``ceil(0.07 * 100)`` kind cannot occur.

    >>> calls_needed(4, [0.4, 0.25, 0.5, 0.4])
                    fase  nodig
    0             gebeld    200
    1  beslisser bereikt     80
    2           afspraak     20
    3            offerte     10
    4              order      4
    >>> calls_needed(3, [0.35, 0.3, 0.5, 0.4])["nodig"].tolist()
    [143, 50, 15, 8, 3]
    >>> calls_needed(3, [0.35, 0.3, 0.5, 0.4], round_each_stage=True)["nodig"].tolist()
    [155, 54, 16, 8, 3]
    """
    stages = _check_stages(stages)
    orders = v.number(orders, "orders", minimum=0)
    rate_values = v.numbers_array(rates, "rates", minimum=0, maximum=1)
    if len(rate_values) != len(stages) - 1:
        raise InputError(
            f"'rates' moet {len(stages) - 1} ratio's bevatten (één tussen elke twee fasen van "
            f"{' → '.join(stages)}), maar bevat er {len(rate_values)}."
        )
    if (rate_values == 0).any():
        raise InputError("'rates' bevat 0: met een ratio van 0 komt er nooit een order. Geef ratio's groter dan 0.")
    exact_rates = [_exact(r) for r in rate_values]
    needed = [0] * len(stages)
    target = _exact(orders)
    needed[-1] = _ceil(target)
    running = Fraction(needed[-1]) if round_each_stage else target
    for i in range(len(stages) - 2, -1, -1):
        running = running / exact_rates[i]
        needed[i] = _ceil(running)
        if round_each_stage:
            running = Fraction(needed[i])
    return pd.DataFrame({"fase": list(stages), "nodig": needed})


# --------------------------------------------------------------------------- §3.4 tenders

def _one_date(date) -> pd.Timestamp:
    """One date: a Timestamp/date, an ISO string (2026-03-01) or a Dutch one (01-03-2026)."""
    if isinstance(date, str) and len(date) >= 10 and date[4] == "-" and date[:4].isdigit():
        try:
            return pd.Timestamp(date)
        except ValueError:
            pass
    return v.dates([date], "date").iloc[0]


def _threshold_table(thresholds, columns) -> pd.DataFrame:
    table = EU_THRESHOLDS if thresholds is None else thresholds
    return v.table(table, "thresholds", columns)


def eu_threshold(date, category: str, *, thresholds: pd.DataFrame | None = None,
                 category_col: str = "category", from_col: str = "valid_from",
                 to_col: str = "valid_to", amount_col: str = "threshold") -> float:
    """The EU threshold (€, excl. btw) that applies on ``date`` for ``category`` (Europese drempel, §3.4).

    ``thresholds`` is a table of thresholds with their validity dates (default
    :data:`EU_THRESHOLDS`, or ``salesnb.load("eu_thresholds")``). The date of publication
    of the tender decides which threshold applies.

    >>> eu_threshold("2025-06-30", "decentraal")
    221000.0
    >>> eu_threshold("2026-01-15", "decentraal")
    216000.0
    """
    table = _threshold_table(thresholds, [category_col, from_col, to_col, amount_col])
    when = _one_date(date)
    categories = [str(c) for c in pd.unique(table[category_col])]
    v.choice(str(category), "category", categories)
    starts = pd.to_datetime(table[from_col])
    ends = pd.to_datetime(table[to_col])
    match = (table[category_col].astype(str) == str(category)) & (starts <= when) & \
        (ends.isna() | (ends >= when))
    if not match.any():
        known = table.loc[table[category_col].astype(str) == str(category)]
        span = f"{pd.to_datetime(known[from_col]).min():%d-%m-%Y} t/m {pd.to_datetime(known[to_col]).max():%d-%m-%Y}"
        raise InputError(
            f"Voor '{category}' op {when:%d-%m-%Y} staat geen drempel in de tabel; die loopt van {span}. "
            f"Kies een datum in die periode of vul de tabel aan."
        )
    return float(table.loc[match, amount_col].iloc[-1])


def procedure_choice(value, date, category: str, *, single_below: float = 50_000,
                     multiple_below: float = 150_000, thresholds: pd.DataFrame | None = None,
                     **columns) -> dict:
    """Which tender procedure applies to an estimated contract value (aanbestedingsprocedure, §3.4).

    At or above the EU threshold valid on the publication ``date`` a European procedure is
    required (openbaar, niet-openbaar, ...). Below it the buyer's own purchasing policy
    decides; ``single_below`` and ``multiple_below`` are such a policy's amounts (example
    defaults: enkelvoudig onderhands below €50,000, meervoudig onderhands below €150,000,
    above that nationaal openbaar). The result is a dict with ``drempel``, ``europees``
    and ``procedure``.

    >>> procedure_choice(180_000, "2026-03-01", "centraal")["procedure"]
    'Europese procedure (openbaar of niet-openbaar)'
    >>> procedure_choice(180_000, "2026-03-01", "decentraal")["procedure"]
    'nationale procedure (eigen beleid aanbesteder)'
    """
    value = v.number(value, "value", minimum=0)
    single_below = v.number(single_below, "single_below", minimum=0)
    multiple_below = v.number(multiple_below, "multiple_below", minimum=single_below)
    threshold = eu_threshold(date, category, thresholds=thresholds, **columns)
    european = value >= threshold
    if european:
        procedure = "Europese procedure (openbaar of niet-openbaar)"
    elif value < single_below:
        procedure = "enkelvoudig onderhands (eigen beleid aanbesteder)"
    elif value < multiple_below:
        procedure = "meervoudig onderhands (eigen beleid aanbesteder)"
    else:
        procedure = "nationale procedure (eigen beleid aanbesteder)"
    return {"drempel": threshold, "europees": bool(european), "procedure": procedure}


def _check_weights(price_weight, quality_weight, total_points) -> tuple[float, float, float]:
    price_weight = v.number(price_weight, "price_weight", minimum=0)
    quality_weight = v.number(quality_weight, "quality_weight", minimum=0)
    total_points = v.number(total_points, "total_points", minimum=0, min_inclusive=False)
    total = price_weight + quality_weight
    if not math.isclose(total, total_points, rel_tol=0, abs_tol=1e-9 * total_points):
        hint = ""
        if math.isclose(total, 1.0) and total_points != 1:
            hint = (f" Het lijken fracties: schrijf de gewichten als punten, bijvoorbeeld "
                    f"price_weight={price_weight * total_points:g}, quality_weight={quality_weight * total_points:g}.")
        raise InputError(
            f"De gewichten zijn punten die samen {total_points:g} moeten zijn, maar "
            f"{price_weight:g} + {quality_weight:g} = {total:g}.{hint}"
        )
    return price_weight, quality_weight, total_points


def bpkv_scores(bids: pd.DataFrame, *, price_weight: float, quality_weight: float,
                max_quality: float = 10, total_points: float = 100, bidder: str = "bidder",
                price: str = "price", quality: str = "quality") -> pd.DataFrame:
    """Score the bids of one tender by beste prijs-kwaliteitverhouding (BPKV, §3.4).

    - prijspunten = (lowest bid / this bid) × ``price_weight``
    - kwaliteitspunten = (quality score / ``max_quality``) × ``quality_weight``

    Weights are **points** that add up to ``total_points`` (default 100), e.g. 40 for
    price and 60 for quality; fractions such as 0.4 and 0.6 are refused with a hint.
    Laagste prijs is the special case ``price_weight=100, quality_weight=0``. Prices must
    be > 0 and quality scores between 0 and ``max_quality``. Returns the bids sorted by
    rank with ``prijspunten``, ``kwaliteitspunten``, ``totaal``, ``rang`` (1 = best;
    equal totals share a rank) and ``winnaar`` (rank 1).

    >>> bids = pd.DataFrame({"bidder": ["A", "B", "C"],
    ...                      "price": [100_000, 80_000, 125_000], "quality": [8, 6, 10]})
    >>> bpkv_scores(bids, price_weight=40, quality_weight=60)
      bidder   price  quality  prijspunten  kwaliteitspunten  totaal  rang  winnaar
    0      C  125000       10         25.6              60.0    85.6     1     True
    1      A  100000        8         32.0              48.0    80.0     2    False
    2      B   80000        6         40.0              36.0    76.0     3    False
    """
    price_weight, quality_weight, total_points = _check_weights(price_weight, quality_weight, total_points)
    max_quality = v.number(max_quality, "max_quality", minimum=0, min_inclusive=False)
    v.table(bids, "bids", [bidder, price, quality])
    prices = v.column_numbers(bids, price, "bids")
    if (prices <= 0).any():
        raise InputError(
            f"Elke prijs in bids['{price}'] moet groter dan 0 zijn, maar op positie "
            f"{v._positions(prices <= 0)} staat {prices[prices <= 0][0]:g}."
        )
    scores = v.column_numbers(bids, quality, "bids", minimum=0, maximum=max_quality)
    result = bids[[bidder, price, quality]].copy()
    result["prijspunten"] = prices.min() / prices * price_weight
    result["kwaliteitspunten"] = scores / max_quality * quality_weight
    result["totaal"] = result["prijspunten"] + result["kwaliteitspunten"]
    result["rang"] = _rank(result["totaal"])
    result["winnaar"] = result["rang"] == 1
    return result.sort_values(["rang", price], kind="stable").reset_index(drop=True)


def _rank(totals: pd.Series) -> pd.Series:
    # Round away float noise so that equal scores written differently tie.
    return totals.round(9).rank(method="min", ascending=False).astype(int)


def tender_results(bids: pd.DataFrame, *, price_weight=None, quality_weight=None,
                   max_quality: float = 10, total_points: float = 100, tender: str = "tender_id",
                   bidder: str = "bidder", price: str = "price", quality: str = "quality",
                   price_weight_col: str = "price_weight", quality_weight_col: str = "quality_weight",
                   own: str | None = "is_own") -> pd.DataFrame:
    """BPKV scores for many tenders at once, with the winner of each (BPKV, §3.4).

    Each tender is scored against its own lowest bid. The weights come from
    ``price_weight``/``quality_weight`` (points, the same for every tender) or, when those
    are None, from the columns ``price_weight_col``/``quality_weight_col`` of ``bids``
    (each tender its own weights). Returns every bid with ``prijspunten``,
    ``kwaliteitspunten``, ``totaal``, ``rang`` and ``winnaar`` per tender.

    >>> bids = pd.DataFrame({"tender_id": [1, 1, 2, 2], "bidder": ["wij", "X", "wij", "Y"],
    ...                      "price": [90, 100, 120, 100], "quality": [6, 9, 9, 5],
    ...                      "is_own": [True, False, True, False]})
    >>> tender_results(bids, price_weight=50, quality_weight=50)[["tender_id", "bidder", "totaal", "winnaar"]]
       tender_id bidder  totaal  winnaar
    0          1      X    90.0     True
    1          1    wij    80.0    False
    2          2    wij    86.666667 True
    3          2      Y    75.0    False
    """
    per_tender_weights = price_weight is None and quality_weight is None
    needed = [tender, bidder, price, quality]
    if per_tender_weights:
        needed += [price_weight_col, quality_weight_col]
    if own:
        needed.append(own)
    v.table(bids, "bids", needed)
    max_quality = v.number(max_quality, "max_quality", minimum=0, min_inclusive=False)
    prices = v.column_numbers(bids, price, "bids")
    if (prices <= 0).any():
        raise InputError(
            f"Elke prijs in bids['{price}'] moet groter dan 0 zijn, maar op positie "
            f"{v._positions(prices <= 0)} staat {prices[prices <= 0][0]:g}."
        )
    scores = v.column_numbers(bids, quality, "bids", minimum=0, maximum=max_quality)
    if per_tender_weights:
        pw = v.column_numbers(bids, price_weight_col, "bids", minimum=0)
        qw = v.column_numbers(bids, quality_weight_col, "bids", minimum=0)
        wrong = ~np.isclose(pw + qw, total_points)
        if wrong.any():
            raise InputError(
                f"De gewichten in '{price_weight_col}' en '{quality_weight_col}' moeten per rij samen "
                f"{total_points:g} punten zijn, maar op positie {v._positions(wrong)} is het "
                f"{(pw + qw)[wrong][0]:g}."
            )
    else:
        if price_weight is None or quality_weight is None:
            raise InputError("Geef zowel 'price_weight' als 'quality_weight', of geen van beide "
                             "(dan komen de gewichten uit de kolommen van de tabel).")
        p, q, _ = _check_weights(price_weight, quality_weight, total_points)
        pw = np.full(len(bids), p)
        qw = np.full(len(bids), q)
    keep = needed if per_tender_weights else [c for c in needed]
    result = bids[list(dict.fromkeys(keep))].copy().reset_index(drop=True)
    lowest = pd.Series(prices).groupby(result[tender].to_numpy()).transform("min").to_numpy()
    result["prijspunten"] = lowest / prices * pw
    result["kwaliteitspunten"] = scores / max_quality * qw
    result["totaal"] = result["prijspunten"] + result["kwaliteitspunten"]
    result["rang"] = (result["totaal"].round(9).groupby(result[tender], observed=True)
                      .rank(method="min", ascending=False).astype(int))
    result["winnaar"] = result["rang"] == 1
    return result.sort_values([tender, "rang", price], kind="stable").reset_index(drop=True)


def own_win_rate(results: pd.DataFrame, *, tender: str = "tender_id", own: str = "is_own") -> dict:
    """How often our own bid wins, over the tenders we bid on (gunningspercentage, §3.4).

    ``results`` is the output of :func:`tender_results`. Returns a dict with
    ``ingeschreven`` (tenders with an own bid), ``gewonnen`` and ``aandeel``
    (gewonnen / ingeschreven).

    >>> r = pd.DataFrame({"tender_id": [1, 1, 2, 2, 3], "is_own": [True, False, True, False, False],
    ...                   "winnaar": [False, True, True, False, True]})
    >>> own_win_rate(r)
    {'ingeschreven': 2, 'gewonnen': 1, 'aandeel': 0.5}
    """
    v.table(results, "results", [tender, own, "winnaar"])
    mine = results[results[own].astype(bool).to_numpy()]
    entered = int(mine[tender].nunique())
    won = int(mine.loc[mine["winnaar"].astype(bool).to_numpy(), tender].nunique())
    if entered == 0:
        raise InputError("Er zijn geen eigen inschrijvingen (is_own is nergens True); er valt niets te tellen.")
    return {"ingeschreven": entered, "gewonnen": won, "aandeel": won / entered}
