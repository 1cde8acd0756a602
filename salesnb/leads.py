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
from .evidence import compare_estimates
from .vocabulary import (BUYER_CATEGORY, EU_THRESHOLDS, LEAD_FUNNEL_STAGES, LEAD_STAGES, MQL_THRESHOLD,
                         THRESHOLD_CATEGORIES)

__all__ = [
    "COLD_CALL_STAGES",
    "BANT_CRITERIA",
    "EUROPEAN_PROCEDURES",
    "COLD_CALL_COLUMNS",
    "stage_counts",
    "funnel_by_source",
    "source_costs",
    "compare_cost_per_customer",
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
    "cold_call_chain",
    "eu_threshold",
    "procedure_choice",
    "tender_thresholds",
    "bpkv_scores",
    "tender_results",
    "own_win_rate",
    "own_wins_by_weight",
]

#: The cold-acquisition ratio chain (§3.2): the gatekeeper stands before the decision maker.
COLD_CALL_STAGES: tuple[str, ...] = ("gebeld", "beslisser bereikt", "afspraak", "offerte", "order")

#: BANT criteria (§3.1): Budget, Authority, Need, Timeline.
BANT_CRITERIA: tuple[str, ...] = ("budget", "authority", "need", "timeline")

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


def _part_not_above_whole(part, whole, part_name: str, whole_name: str) -> None:
    """A part can never exceed its whole (more clicks than impressions is a typo or a swap)."""
    above = (whole > 0) & (part > whole)
    if above.any():
        i = int(np.flatnonzero(above)[0])
        raise InputError(
            f"'{part_name}' ({part[i]:g}) is groter dan '{whole_name}' ({whole[i]:g}): dat kan niet, "
            f"het deel is nooit groter dan het geheel. Heb je de twee omgedraaid?"
        )


def _rate(numerator, denominator, num_name: str, den_name: str, *, at_most_one: bool = False):
    num, num_scalar = _scalar_or_array(numerator, num_name, minimum=0)
    den, den_scalar = _scalar_or_array(denominator, den_name, minimum=0)
    if num_scalar and den_scalar:
        if den == 0:
            raise InputError(f"'{den_name}' is 0: delen door nul kan niet. Er is dan geen {den_name}.")
        if at_most_one:
            _part_not_above_whole(np.atleast_1d(num), np.atleast_1d(den), num_name, den_name)
        return num / den
    if not (num_scalar or den_scalar):
        v.same_length(**{num_name: num, den_name: den})
    num = np.broadcast_to(num, np.shape(den)) if num_scalar else num
    den = np.broadcast_to(den, np.shape(num)) if den_scalar else den
    if at_most_one:
        _part_not_above_whole(num, den, num_name, den_name)
    index = None
    for original in (numerator, denominator):
        if isinstance(original, pd.Series):
            index = original.index
            break
    return pd.Series(_ratio(num, den), index=index)


# --------------------------------------------------------------------------- §3.1 stages

def stage_counts(reached, *, stages=LEAD_FUNNEL_STAGES) -> pd.DataFrame:
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


def funnel_by_source(leads: pd.DataFrame, *, source_col: str = "source", stage_col: str = "stage_reached",
                     stages=LEAD_FUNNEL_STAGES) -> pd.DataFrame:
    """Leads per source and stage with conversion per stage (conversie per leadbron, §3.1).

    Returns one row per (bron, fase) with ``aantal`` (leads that reached at least that
    stage), ``conversie`` (from the previous stage) and ``vanaf_start``. Sources come in
    the order of a categorical column, else alphabetically.

    >>> leads = pd.DataFrame({"source": ["online", "online", "beurs"],
    ...                       "stage_reached": ["lead", "klant", "MQL"]})
    >>> funnel_by_source(leads, stages=["lead", "MQL", "klant"])
         bron   fase  aantal  conversie  vanaf_start
    0   beurs   lead       1        NaN          1.0
    1   beurs    MQL       1        1.0          1.0
    2   beurs  klant       0        0.0          0.0
    3  online   lead       2        NaN          1.0
    4  online    MQL       1        0.5          0.5
    5  online  klant       1        1.0          0.5
    """
    v.table(leads, "leads", [source_col, stage_col])
    stages = _check_stages(stages)
    positions = _stage_positions(leads[stage_col], f"leads['{stage_col}']", stages)
    sources = leads[source_col].reset_index(drop=True)
    if sources.isna().any():
        raise ColumnError(
            f"De kolom '{source_col}' mist een leadbron op positie "
            f"{v._positions(sources.isna().to_numpy())}. Vul de bron in of laat die leads weg."
        )
    names = sources.astype(str).to_numpy()
    present = {str(x) for x in pd.unique(sources)}
    if isinstance(sources.dtype, pd.CategoricalDtype):  # keep the table's own order of sources
        order = [str(c) for c in sources.cat.categories if str(c) in present]
    else:
        order = sorted(present)
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


def source_costs(leads: pd.DataFrame, costs="cost", *, source_col: str = "source", stage_col: str = "stage_reached",
                 won_stage: str = "klant", stages=LEAD_FUNNEL_STAGES) -> pd.DataFrame:
    """Cost per lead and per won customer by lead source (kosten per lead, §3.1).

    ``costs`` is the name of a column of ``leads`` with the cost of each lead in €
    (default ``"cost"``: summed per source), or maps each source to its total cost
    (dict or Series). A lead counts as won when it reached ``won_stage``.
    ``kosten_per_klant`` is NaN for a source without won leads.

    >>> leads = pd.DataFrame({"source": ["online"] * 4 + ["beurs"] * 2,
    ...                       "stage_reached": ["lead", "lead", "klant", "MQL", "klant", "SQL"]})
    >>> source_costs(leads, {"online": 400, "beurs": 900}, stages=["lead", "MQL", "SQL", "klant"])
         bron  leads  klanten  kosten  kosten_per_lead  kosten_per_klant  conversie
    0   beurs      2        1   900.0            450.0             900.0       0.50
    1  online      4        1   400.0            100.0             400.0       0.25
    """
    funnel = funnel_by_source(leads, source_col=source_col, stage_col=stage_col, stages=stages)
    v.choice(won_stage, "won_stage", funnel["fase"].unique())
    first = funnel.groupby("bron", sort=False)["aantal"].first()
    won = funnel[funnel["fase"] == won_stage].set_index("bron")["aantal"]
    if isinstance(costs, str):
        v.table(leads, "leads", [costs])
        amounts = v.column_numbers(leads, costs, "leads", minimum=0)
        names = leads[source_col].astype(str).to_numpy()
        cost_map = pd.Series(amounts).groupby(names).sum().to_dict()
    elif isinstance(costs, pd.Series):
        cost_map = costs.to_dict()
    elif isinstance(costs, dict):
        cost_map = dict(costs)
    else:
        raise InputError(
            f"'costs' moet de naam van een kostenkolom zijn (bijvoorbeeld 'cost') of per leadbron "
            f"de kosten geven (een dict of Series), bijvoorbeeld {{'online': 12000}}, "
            f"maar is {type(costs).__name__}."
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

def compare_cost_per_customer(costs: pd.DataFrame, *, label_col: str = "bron",
                              cost_col: str = "kosten_per_klant", count_col: str = "klanten"):
    """Compare the cost per won customer between sources or channels (§3.1) through salesnb.evidence.

    ``costs`` is a table like :func:`source_costs` or ``channel_table`` gives, one row per source
    (``label_col``). The cost is spent money (no noise) divided by a count of won customers (noise):
    with k customers the relative standard error is about 1/√k. Rows without a won customer are
    left out. Returns a :class:`~salesnb.evidence.Comparison` (``.sentence(...)``).

    >>> t = pd.DataFrame({"bron": ["a", "b"], "kosten_per_klant": [500.0, 2000.0], "klanten": [400, 400]})
    >>> compare_cost_per_customer(t).highest
    'b'
    """
    v.table(costs, "costs", [label_col, cost_col, count_col])
    counts = v.column_numbers(costs, count_col, "costs", minimum=0, allow_nan=True)
    rows = costs[(counts > 0) & costs[cost_col].notna().to_numpy()]
    per_customer = v.column_numbers(rows, cost_col, "costs", minimum=0)
    customers = v.column_numbers(rows, count_col, "costs", minimum=0)
    return compare_estimates(per_customer, per_customer / np.sqrt(customers), customers.astype(int),
                             rows[label_col].astype(str).tolist())


def ctr(clicks, impressions):
    """Click-through rate CTR = klikken / vertoningen (online leads, §3.1).

    Works on numbers (returns a float) or on columns (returns a Series, NaN where there
    were no impressions).

    >>> ctr(30, 1500)
    0.02
    >>> ctr([30, 0], [1500, 0]).tolist()
    [0.02, nan]
    """
    return _rate(clicks, impressions, "clicks", "impressions", at_most_one=True)


def landing_page_conversion(conversions, visitors):
    """Landing-page conversion = conversies / bezoekers (online leads, §3.1).

    >>> landing_page_conversion(12, 400)
    0.03
    """
    return _rate(conversions, visitors, "conversions", "visitors", at_most_one=True)


def cost_per_lead(cost, leads):
    """Cost per lead CPL = kosten / aantal leads in € (online leads, §3.1).

    >>> cost_per_lead(1200, 16)
    75.0
    """
    return _rate(cost, leads, "cost", "leads")


def campaign_metrics(campaigns: pd.DataFrame, *, impressions_col: str = "impressions",
                     clicks_col: str = "clicks", visitors_col: str = "visitors",
                     conversions_col: str = "leads", cost_col: str = "cost",
                     by: str | None = None) -> pd.DataFrame:
    """CTR, landing-page conversion and CPL per campaign or per group (§3.1).

    Returns a copy of the campaign table (or, with ``by``, totals per group) with the
    columns ``ctr`` (clicks / impressions), ``conversie`` (conversions / visitors of the
    landing page) and ``cpl`` (cost / conversions) added. Rates of a group are
    computed from the group's totals, never as a mean of campaign rates.

    >>> c = pd.DataFrame({"channel": ["google", "google", "linkedin"],
    ...                   "impressions": [1000, 3000, 500], "clicks": [20, 60, 25],
    ...                   "visitors": [20, 60, 25], "leads": [2, 2, 5], "cost": [100, 300, 250]})
    >>> campaign_metrics(c, by="channel")[["channel", "ctr", "conversie", "cpl"]]
        channel   ctr  conversie   cpl
    0    google  0.02       0.05 100.0
    1  linkedin  0.05       0.20  50.0
    """
    columns = list(dict.fromkeys([impressions_col, clicks_col, visitors_col, conversions_col, cost_col]))
    v.table(campaigns, "campaigns", columns + ([by] if by else []))
    for column in columns:
        v.column_numbers(campaigns, column, "campaigns", minimum=0)
    if by:
        table = campaigns.groupby(by, observed=True, sort=True)[columns].sum().reset_index()
    else:
        table = campaigns.copy()
    table["ctr"] = _ratio(table[clicks_col], table[impressions_col])
    table["conversie"] = _ratio(table[conversions_col], table[visitors_col])
    table["cpl"] = _ratio(table[cost_col], table[conversions_col])
    return table


# --------------------------------------------------------------------------- §3.1 scoring

def is_mql(scores, *, threshold: float = MQL_THRESHOLD) -> pd.Series:
    """Whether each lead is a marketing qualified lead: score ≥ threshold (MQL, §3.1).

    The lead score adds fit points and behaviour points; the threshold is the company's
    choice (default :data:`MQL_THRESHOLD`, 40 points).

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
                       score_col: str | None = None, threshold: float = MQL_THRESHOLD) -> pd.DataFrame:
    """BANT check per lead: which criteria are met and whether the lead becomes an SQL (§3.1).

    ``criteria`` are the yes/no columns for Budget, Authority, Need and Timeline.
    ``required`` (default: all) is how many must be met. With ``score_col`` given, only MQLs
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
    v.table(leads, "leads", list(criteria) + ([score_col] if score_col else []))
    if required is None:
        required = len(criteria)
    required = int(v.number(required, "required", minimum=1, maximum=len(criteria), integer=True))
    met = np.column_stack([_booleans(leads[c], f"leads['{c}']") for c in criteria])
    count = met.sum(axis=1)
    first_missing = np.where(met.all(axis=1), "", np.array(criteria, dtype=object)[np.argmin(met, axis=1)])
    sql = count >= required
    if score_col:
        sql &= v.column_numbers(leads, score_col, "leads") >= v.number(threshold, "threshold")
    return pd.DataFrame({"bant": count.astype(int), "ontbreekt": first_missing.astype(str), "sql": sql},
                        index=leads.index)


def nurturing_summary(scores, *, threshold: float = MQL_THRESHOLD, near: float = 10) -> pd.DataFrame:
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


#: Columns of the company table ``cold_calls`` in chain order (§3.2).
COLD_CALL_COLUMNS: tuple[str, ...] = ("calls", "decision_maker_reached", "appointments", "quotations", "orders")


def cold_call_chain(cold_calls: pd.DataFrame, *, columns=COLD_CALL_COLUMNS, stages=COLD_CALL_STAGES,
                    by: str | None = None) -> pd.DataFrame:
    """The ratio chain from a table of cold-acquisition activity (koude acquisitie, §3.2).

    Sums ``columns`` (calls, decision maker reached, appointments, quotations, orders)
    over all rows, or per group with ``by`` (e.g. ``"manager_id"``), and returns
    :func:`ratio_chain` (with a ``by`` column in front when grouped).

    >>> calls = pd.DataFrame({"calls": [120, 80], "decision_maker_reached": [30, 30],
    ...                       "appointments": [8, 4], "quotations": [4, 2], "orders": [1, 1]})
    >>> cold_call_chain(calls)[["fase", "aantal", "ratio"]]
                    fase  aantal  ratio
    0             gebeld     200    NaN
    1  beslisser bereikt      60   0.30
    2           afspraak      12   0.20
    3            offerte       6   0.50
    4              order       2   0.333333
    """
    columns = list(columns)
    stages = _check_stages(stages)
    v.same_length(columns=columns, stages=stages)
    v.table(cold_calls, "cold_calls", columns + ([by] if by else []))
    for column in columns:
        v.column_numbers(cold_calls, column, "cold_calls", minimum=0)
    if by is None:
        totals = cold_calls[columns].sum()
        return ratio_chain(dict(zip(stages, totals.to_numpy())), stages=stages)
    parts = []
    for key, part in cold_calls.groupby(by, sort=True, observed=True):
        chain = ratio_chain(dict(zip(stages, part[columns].sum().to_numpy())), stages=stages)
        chain.insert(0, by, key)
        parts.append(chain)
    return pd.concat(parts, ignore_index=True)


# --------------------------------------------------------------------------- §3.4 tenders

def _one_date(date) -> pd.Timestamp:
    """One date: a Timestamp/date, an ISO string (2026-03-01) or a Dutch one (01-03-2026)."""
    if isinstance(date, str) and len(date) >= 10 and date[4] == "-" and date[:4].isdigit():
        try:
            return pd.Timestamp(date)
        except ValueError:
            pass
    return v.dates([date], "date").iloc[0]


def _threshold_table(thresholds) -> pd.DataFrame:
    table = EU_THRESHOLDS if thresholds is None else thresholds
    return v.table(table, "thresholds", ["valid_from", "valid_to", "category", "amount"])


def eu_threshold(as_of, category: str, *, thresholds: pd.DataFrame | None = None) -> float:
    """The EU threshold (€, excl. btw) that applies on ``as_of`` for ``category`` (Europese drempel, §3.4).

    ``thresholds`` is a table with the columns valid_from, valid_to, category and amount
    (default :data:`EU_THRESHOLDS`, the same as ``salesnb.load("eu_thresholds")``). The
    publication date of the tender decides which threshold applies. ``category`` is one
    of :data:`THRESHOLD_CATEGORIES`.

    >>> eu_threshold("2025-06-30", "leveringen/diensten decentrale overheden")
    221000.0
    >>> eu_threshold("2026-01-15", "leveringen/diensten decentrale overheden")
    216000.0
    """
    table = _threshold_table(thresholds)
    when = _one_date(as_of)
    categories = [str(c) for c in pd.unique(table["category"].astype(str))]
    v.choice(str(category), "category", categories)
    starts = pd.to_datetime(table["valid_from"])
    ends = pd.to_datetime(table["valid_to"])
    same = (table["category"].astype(str) == str(category)).to_numpy()
    match = same & (starts <= when).to_numpy() & (ends.isna() | (ends >= when)).to_numpy()
    if not match.any():
        span = f"{starts[same].min():%d-%m-%Y} t/m {ends[same].max():%d-%m-%Y}"
        raise InputError(
            f"Voor '{category}' op {when:%d-%m-%Y} staat geen drempel in de tabel; die loopt van {span}. "
            f"Kies een datum in die periode of vul de tabel aan."
        )
    return float(table.loc[match, "amount"].iloc[-1])


def procedure_choice(value, as_of, category: str, *, single_below: float = 50_000,
                     multiple_below: float = 100_000, thresholds: pd.DataFrame | None = None) -> dict:
    """Which tender procedure applies to an estimated contract value (aanbestedingsprocedure, §3.4).

    At or above the EU threshold valid on the publication ``as_of`` a European procedure is
    required (openbaar, niet-openbaar, ...). Below it the buyer's own purchasing policy
    decides; ``single_below`` and ``multiple_below`` are such a policy's amounts (defaults
    as at the sample company's customers: enkelvoudig onderhands below €50,000, meervoudig
    onderhands below €100,000, above that nationaal). The result is a dict with
    ``drempel``, ``europees`` and ``procedure``.

    >>> procedure_choice(180_000, "2026-03-01", "leveringen/diensten centrale overheid")["procedure"]
    'Europese procedure verplicht (bijvoorbeeld openbaar of niet-openbaar)'
    >>> procedure_choice(180_000, "2026-03-01", "leveringen/diensten decentrale overheden")["procedure"]
    'nationaal: geen Europese procedure verplicht (eigen inkoopbeleid)'
    """
    value = v.number(value, "value", minimum=0)
    single_below = v.number(single_below, "single_below", minimum=0)
    multiple_below = v.number(multiple_below, "multiple_below", minimum=single_below)
    threshold = eu_threshold(as_of, category, thresholds=thresholds)
    european = value >= threshold
    if european:
        procedure = "Europese procedure verplicht (bijvoorbeeld openbaar of niet-openbaar)"
    elif value < single_below:
        procedure = "enkelvoudig of meervoudig onderhands: geen Europese procedure verplicht (eigen inkoopbeleid)"
    elif value < multiple_below:
        procedure = "meervoudig onderhands: geen Europese procedure verplicht (eigen inkoopbeleid)"
    else:
        procedure = "nationaal: geen Europese procedure verplicht (eigen inkoopbeleid)"
    return {"drempel": threshold, "europees": bool(european), "procedure": procedure}


#: The European procedures (Aanbestedingswet 2012, §3.4).
EUROPEAN_PROCEDURES: tuple[str, ...] = (
    "openbaar", "niet-openbaar", "mededingingsprocedure met onderhandeling",
    "concurrentiegerichte dialoog", "innovatiepartnerschap")


def tender_thresholds(tenders: pd.DataFrame, *, thresholds: pd.DataFrame | None = None,
                      date_col: str = "published_on", buyer_type_col: str = "buyer_type",
                      value_col: str = "estimated_value", procedure_col: str | None = "procedure") -> pd.DataFrame:
    """For each tender: the EU threshold valid at publication and whether a European
    procedure is required (Europese drempels, §3.4).

    The category follows from the buyer type (:data:`BUYER_CATEGORY`: centrale overheid
    or decentrale overheden, for leveringen and diensten). Returns a copy of ``tenders``
    with ``eu_drempel``, ``europees_verplicht`` and, when ``procedure_col`` is a column,
    ``europees_gekozen`` (the procedure used is one of :data:`EUROPEAN_PROCEDURES`).

    >>> t = pd.DataFrame({"published_on": pd.to_datetime(["2025-05-01", "2026-05-01"]),
    ...                   "buyer_type": ["decentrale overheid"] * 2,
    ...                   "estimated_value": [218_000, 218_000], "procedure": ["nationaal", "openbaar"]})
    >>> tender_thresholds(t)[["eu_drempel", "europees_verplicht", "europees_gekozen"]]
       eu_drempel  europees_verplicht  europees_gekozen
    0  221000.0               False             False
    1  216000.0                True              True
    """
    columns = [date_col, buyer_type_col, value_col] + ([procedure_col] if procedure_col else [])
    v.table(tenders, "tenders", columns)
    table = _threshold_table(thresholds)
    kinds = tenders[buyer_type_col].astype(str)
    unknown = ~kinds.isin(list(BUYER_CATEGORY))
    if unknown.any():
        v.choice(kinds[unknown].iloc[0], f"tenders['{buyer_type_col}']", list(BUYER_CATEGORY))
    when = v.dates(tenders[date_col], f"tenders['{date_col}']")
    amounts = v.column_numbers(tenders, value_col, "tenders", minimum=0)
    category = kinds.map(BUYER_CATEGORY).to_numpy()
    cats = table["category"].astype(str).to_numpy()
    starts = pd.to_datetime(table["valid_from"]).to_numpy()
    ends = pd.to_datetime(table["valid_to"]).fillna(pd.Timestamp.max).to_numpy()
    w = when.to_numpy()
    match = (category[:, None] == cats[None, :]) & (starts[None, :] <= w[:, None]) & (ends[None, :] >= w[:, None])
    missing = ~match.any(axis=1)
    if missing.any():
        raise InputError(
            f"Voor de aanbesteding(en) op positie {v._positions(missing)} staat geen EU-drempel in de tabel "
            f"voor die datum. Vul de drempeltabel aan."
        )
    last = match.shape[1] - 1 - np.argmax(match[:, ::-1], axis=1)
    out = tenders.copy()
    out["eu_drempel"] = table["amount"].to_numpy(dtype=float)[last]
    out["europees_verplicht"] = amounts >= out["eu_drempel"].to_numpy()
    if procedure_col:
        out["europees_gekozen"] = tenders[procedure_col].astype(str).isin(EUROPEAN_PROCEDURES).to_numpy()
    return out


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


def _bid_numbers(bids, price, quality, max_quality, quality_weight):
    """Validated prices (> 0) and quality scores (0..max; may be empty when not weighed)."""
    prices = v.column_numbers(bids, price, "bids")
    if (prices <= 0).any():
        raise InputError(
            f"Elke prijs in bids['{price}'] moet groter dan 0 zijn, maar op positie "
            f"{v._positions(prices <= 0)} staat {prices[prices <= 0][0]:g}."
        )
    scores = v.column_numbers(bids, quality, "bids", minimum=0, allow_nan=True)
    weighed = np.broadcast_to(np.asarray(quality_weight, dtype=float), scores.shape) > 0
    empty = np.isnan(scores) & weighed
    if empty.any():
        raise InputError(
            f"bids['{quality}'] mist een kwaliteitsscore op positie {v._positions(empty)}, terwijl kwaliteit "
            f"meetelt. Vul de score in (bij 'laagste prijs' is het kwaliteitsgewicht 0)."
        )
    max_quality = np.broadcast_to(np.asarray(max_quality, dtype=float), scores.shape)
    too_high = weighed & (scores > max_quality)
    if too_high.any():
        i = np.flatnonzero(too_high)[0]
        raise InputError(
            f"bids['{quality}'] mag hoogstens de maximale kwaliteitsscore {max_quality[i]:g} zijn, maar op "
            f"positie {v._positions(too_high)} staat {scores[i]:g}. Klopt max_quality?"
        )
    if (weighed & ~(max_quality > 0)).any():
        raise InputError("De maximale kwaliteitsscore moet groter dan 0 zijn als kwaliteit meetelt.")
    return prices, scores


def _quality_points(scores, max_quality, quality_weight):
    scores = np.nan_to_num(scores, nan=0.0)
    max_quality = np.broadcast_to(np.asarray(max_quality, dtype=float), scores.shape)
    quality_weight = np.broadcast_to(np.asarray(quality_weight, dtype=float), scores.shape)
    safe = np.where(max_quality > 0, max_quality, 1.0)
    return np.where(quality_weight > 0, scores / safe * quality_weight, 0.0)


def bpkv_scores(bids: pd.DataFrame, *, price_weight: float, quality_weight: float,
                max_quality: float = 10, total_points: float = 100, bidder_col: str = "bidder",
                price_col: str = "price", quality_col: str = "quality_score") -> pd.DataFrame:
    """Score the bids of one tender by beste prijs-kwaliteitverhouding (BPKV, §3.4).

    - prijspunten = (lowest bid / this bid) × ``price_weight``
    - kwaliteitspunten = (quality score / ``max_quality``) × ``quality_weight``

    Weights are **points** that add up to ``total_points`` (default 100), e.g. 40 for
    price and 60 for quality; fractions such as 0.4 and 0.6 are refused with a hint.
    Laagste prijs is the special case ``price_weight=100, quality_weight=0`` (quality
    scores may then be missing). Prices must be > 0 and quality scores between 0 and
    ``max_quality``. Returns the bids sorted by rank with ``prijspunten``,
    ``kwaliteitspunten``, ``totaal``, ``rang`` (1 = best; equal totals share a rank) and
    ``winnaar`` (rank 1).

    >>> bids = pd.DataFrame({"bidder": ["A", "B", "C"],
    ...                      "price": [100_000, 80_000, 125_000], "quality_score": [8, 6, 10]})
    >>> bpkv_scores(bids, price_weight=40, quality_weight=60).drop(columns=["price", "quality_score"])
      bidder  prijspunten  kwaliteitspunten  totaal  rang  winnaar
    0      C         25.6              60.0    85.6     1     True
    1      A         32.0              48.0    80.0     2    False
    2      B         40.0              36.0    76.0     3    False
    """
    price_weight, quality_weight, total_points = _check_weights(price_weight, quality_weight, total_points)
    max_quality = v.number(max_quality, "max_quality", minimum=0, min_inclusive=False)
    v.table(bids, "bids", [bidder_col, price_col, quality_col])
    prices, scores = _bid_numbers(bids, price_col, quality_col, max_quality, quality_weight)
    result = bids[[bidder_col, price_col, quality_col]].copy()
    result["prijspunten"] = prices.min() / prices * price_weight
    result["kwaliteitspunten"] = _quality_points(scores, max_quality, quality_weight)
    result["totaal"] = result["prijspunten"] + result["kwaliteitspunten"]
    result["rang"] = result["totaal"].round(9).rank(method="min", ascending=False).astype(int)
    result["winnaar"] = result["rang"] == 1
    return result.sort_values(["rang", price_col], kind="stable").reset_index(drop=True)


def tender_results(bids: pd.DataFrame, tenders: pd.DataFrame | None = None, *, price_weight=None,
                   quality_weight=None, max_quality=None, total_points: float = 100,
                   tender_col: str = "tender_id", bidder_col: str = "bidder", price_col: str = "price",
                   quality_col: str = "quality_score", own_col: str | None = "is_own",
                   price_weight_col: str = "price_weight", quality_weight_col: str = "quality_weight",
                   max_quality_col: str = "max_quality_score") -> pd.DataFrame:
    """BPKV scores for many tenders at once, with the winner of each (BPKV, §3.4).

    Each tender is scored against its own lowest bid. The weights and the maximum quality
    score come from the arguments (the same for every tender) or, when left None, from the
    columns of ``tenders`` (one row per tender, e.g. ``salesnb.load("tenders")``; a
    laagste-prijs tender has price weight 100 and quality weight 0) or else of ``bids``.
    Returns every bid with ``prijspunten``, ``kwaliteitspunten``, ``totaal``, ``rang`` and
    ``winnaar`` per tender.

    >>> bids = pd.DataFrame({"tender_id": [1, 1, 2, 2], "bidder": ["wij", "X", "wij", "Y"],
    ...                      "price": [90, 100, 120, 100], "quality_score": [6, 9, 9, 5],
    ...                      "is_own": [True, False, True, False]})
    >>> tender_results(bids, price_weight=50, quality_weight=50, max_quality=10)[
    ...     ["tender_id", "bidder", "totaal", "winnaar"]]
       tender_id bidder     totaal  winnaar
    0          1      X  90.000000     True
    1          1    wij  80.000000    False
    2          2    wij  86.666667     True
    3          2      Y  75.000000    False
    """
    needed = [tender_col, bidder_col, price_col, quality_col] + ([own_col] if own_col else [])
    v.table(bids, "bids", needed)
    result = bids[needed].copy().reset_index(drop=True)
    settings = {"pw": (price_weight, price_weight_col, "price_weight"),
                "qw": (quality_weight, quality_weight_col, "quality_weight"),
                "mq": (max_quality, max_quality_col, "max_quality")}
    values = {}
    for key, (given, column, argument) in settings.items():
        if given is not None:
            values[key] = np.full(len(result), v.number(given, argument, minimum=0))
            continue
        if tenders is not None:
            v.table(tenders, "tenders", [tender_col, column])
            lookup = tenders.drop_duplicates(tender_col).set_index(tender_col)[column]
            mapped = result[tender_col].map(lookup)
            if mapped.isna().any():
                raise InputError(
                    f"De tabel 'tenders' mist '{column}' voor aanbesteding "
                    f"{result[tender_col][mapped.isna()].iloc[0]}; elke inschrijving moet bij een aanbesteding horen."
                )
            values[key] = v.numbers_array(mapped, f"tenders['{column}']", minimum=0)
        elif column in bids.columns:
            values[key] = v.column_numbers(bids, column, "bids", minimum=0)
        else:
            raise InputError(
                f"Geef '{argument}' mee, of een tabel 'tenders' met de kolom '{column}'."
            )
    pw, qw, mq = values["pw"], values["qw"], values["mq"]
    total_points = v.number(total_points, "total_points", minimum=0, min_inclusive=False)
    wrong = ~np.isclose(pw + qw, total_points)
    if wrong.any():
        raise InputError(
            f"Prijs- en kwaliteitsgewicht moeten samen {total_points:g} punten zijn, maar bij inschrijving "
            f"{v._positions(wrong)} is het {(pw + qw)[wrong][0]:g}."
        )
    prices, scores = _bid_numbers(result, price_col, quality_col, mq, qw)
    lowest = pd.Series(prices).groupby(result[tender_col].to_numpy()).transform("min").to_numpy()
    result["prijspunten"] = lowest / prices * pw
    result["kwaliteitspunten"] = _quality_points(scores, mq, qw)
    result["totaal"] = result["prijspunten"] + result["kwaliteitspunten"]
    result["rang"] = (result["totaal"].round(9).groupby(result[tender_col].to_numpy())
                      .rank(method="min", ascending=False).astype(int))
    result["winnaar"] = result["rang"] == 1
    return result.sort_values([tender_col, "rang", price_col], kind="stable").reset_index(drop=True)


def own_win_rate(results: pd.DataFrame, *, tender_col: str = "tender_id", own_col: str = "is_own",
                 min_bidders: int = 2) -> dict:
    """How often our own bid wins against competitors (gunningspercentage, §3.4).

    ``results`` is the output of :func:`tender_results`. Only tenders with at least
    ``min_bidders`` bids count: an award where we were the only bidder (often an
    enkelvoudig onderhandse opdracht) says nothing about winning against competitors.
    Returns a dict with ``ingeschreven`` (counted tenders with an own bid), ``gewonnen``,
    ``aandeel`` (gewonnen / ingeschreven) and ``alleen_inschrijver`` (own bids left out).

    >>> r = pd.DataFrame({"tender_id": [1, 1, 2, 2, 3, 4], "is_own": [True, False, True, False, False, True],
    ...                   "winnaar": [False, True, True, False, True, True]})
    >>> own_win_rate(r)
    {'ingeschreven': 2, 'gewonnen': 1, 'aandeel': 0.5, 'alleen_inschrijver': 1}
    """
    v.table(results, "results", [tender_col, own_col, "winnaar"])
    min_bidders = int(v.number(min_bidders, "min_bidders", minimum=1, integer=True))
    bidders = results.groupby(tender_col)[tender_col].transform("size")
    own = results[own_col].astype(bool).to_numpy()
    alone = int(results.loc[own & (bidders < min_bidders).to_numpy(), tender_col].nunique())
    mine = results[own & (bidders >= min_bidders).to_numpy()]
    entered = int(mine[tender_col].nunique())
    won = int(mine.loc[mine["winnaar"].astype(bool).to_numpy(), tender_col].nunique())
    if entered == 0:
        raise InputError("Er zijn geen eigen inschrijvingen met concurrenten (is_own is nergens True bij een "
                         f"aanbesteding met minstens {min_bidders} inschrijvers); er valt niets te tellen.")
    return {"ingeschreven": entered, "gewonnen": won, "aandeel": won / entered, "alleen_inschrijver": alone}


def own_wins_by_weight(bids: pd.DataFrame, tenders: pd.DataFrame, *, weights=range(0, 101, 10),
                       tender_col: str = "tender_id", quality_col: str = "quality_score",
                       own_col: str = "is_own") -> pd.DataFrame:
    """How many BPKV tenders we would win at each price weight (what-if BPKV, §3.4).

    Only tenders where every bid has a quality score and there are at least two bidders
    are counted. For each price weight (points; quality weight = 100 − price weight)
    returns ``gewonnen`` (tenders where our bid ranks first), ``aanbestedingen`` and
    ``aandeel``.

    >>> bids = pd.DataFrame({"tender_id": [1, 1], "bidder": ["wij", "X"], "price": [100, 80],
    ...                      "quality_score": [9, 5], "is_own": [True, False]})
    >>> tenders = pd.DataFrame({"tender_id": [1], "max_quality_score": [10]})
    >>> own_wins_by_weight(bids, tenders, weights=[20, 80])
       prijsgewicht  gewonnen  aanbestedingen  aandeel
    0            20         1               1      1.0
    1            80         0               1      0.0
    """
    v.table(bids, "bids", [tender_col, quality_col, own_col])
    usable = bids.groupby(tender_col)[quality_col].transform(lambda q: bool(q.notna().all() and len(q) >= 2))
    part = bids[usable.astype(bool).to_numpy()]
    if part.empty:
        raise InputError("Er zijn geen aanbestedingen met kwaliteitsscores en minstens twee inschrijvers.")
    steps = v.numbers_array(list(weights), "weights", minimum=0, maximum=100)
    rows = []
    for w in steps:
        res = tender_results(part, tenders, price_weight=w, quality_weight=100 - w, tender_col=tender_col,
                             quality_col=quality_col, own_col=own_col)
        won = int(res.loc[res[own_col].astype(bool) & res["winnaar"], tender_col].nunique())
        rows.append((w, won))
    n = int(part[tender_col].nunique())
    out = pd.DataFrame(rows, columns=["prijsgewicht", "gewonnen"])
    out["aanbestedingen"] = n
    out["aandeel"] = out["gewonnen"] / n
    if (steps == np.round(steps)).all():
        out["prijsgewicht"] = out["prijsgewicht"].astype(int)
    return out
