"""H1 De klant centraal: NPS, satisfaction, service recovery, the klantrelatiecyclus.

The calculations of chapter 1 (§1.1–1.5):

- NPS (Reichheld, §1.1): :func:`nps`, :func:`nps_breakdown`, :func:`nps_groups`, :func:`nps_by`;
- satisfaction as experience against expectation (§1.1): :func:`satisfaction_gap`,
  :func:`satisfaction_class`, :func:`satisfaction_table`;
- the service recovery paradox (§1.1): :func:`service_recovery`;
- the klantrelatiecyclus (§1.1): :func:`relationship_status`, :func:`relationship_counts`;
- Treacy & Wiersema's waardestrategieën (§1.2): :data:`VALUE_STRATEGIES`,
  :func:`value_strategy_fit`;
- the three kinds of CRM technology (§1.3): :data:`CRM_TYPES`, :func:`crm_data_map`.

Shares are fractions (0.15); the NPS is a number from -100 to +100 (no % sign), unrounded.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from . import _validate as v
from .display import format_number
from .errors import InputError
from .evidence import compare_means, compare_rates

__all__ = [
    "NPS_GROUPS",
    "nps",
    "nps_breakdown",
    "nps_groups",
    "nps_by",
    "SATISFACTION_CLASSES",
    "satisfaction_gap",
    "satisfaction_class",
    "satisfaction_table",
    "service_recovery",
    "service_recovery_findings",
    "RELATIONSHIP_STAGES",
    "relationship_status",
    "relationship_counts",
    "VALUE_STRATEGIES",
    "value_strategy_fit",
    "value_strategy_indicators",
    "CRM_TYPES",
    "COMPANY_CRM_DATA",
    "crm_data_map",
    "complaint_followup",
    "complaint_followup_finding",
]

#: The three NPS groups, in the course's words (promotors 9–10, passief 7–8, criticasters 0–6).
NPS_GROUPS: tuple[str, str, str] = ("promotors", "passief", "criticasters")


# ---------------------------------------------------------------------------------------------
# NPS
# ---------------------------------------------------------------------------------------------

def _check_thresholds(promoter_min, passive_min) -> tuple[float, float]:
    promoter_min = v.number(promoter_min, "promoter_min", minimum=0, maximum=10)
    passive_min = v.number(passive_min, "passive_min", minimum=0, maximum=10)
    if passive_min > promoter_min:
        raise InputError(
            f"'passive_min' ({passive_min:g}) mag niet groter zijn dan 'promoter_min' ({promoter_min:g}). "
            f"In de cursus: promotors vanaf 9, passief vanaf 7, criticasters 0 t/m 6."
        )
    return promoter_min, passive_min


def _scores(scores, name: str = "scores") -> np.ndarray:
    """Validate NPS answers: whole numbers 0..10, no text, no gaps."""
    if v.is_number(scores):
        scores = [scores]
    if not isinstance(scores, (str, bytes)) and scores is not None:
        v.check_shape(scores, name)
        items = scores.tolist() if isinstance(scores, np.ndarray) else list(scores) \
            if not isinstance(scores, pd.DataFrame) else None
        if items is not None:
            texts = [i for i, s in enumerate(items) if isinstance(s, (str, bytes))]
            if texts:
                raise InputError(
                    f"'{name}' bevat tekst ({items[texts[0]]!r}) op positie {texts[0]}; een NPS-score is "
                    f"een heel getal van 0 tot en met 10. Schrijf 9 in plaats van '9'."
                )
    array = v.numbers_array(scores, name, minimum=0, maximum=10, integer=True)
    return array


def nps_groups(scores, *, promoter_min=9, passive_min=7, labels=NPS_GROUPS) -> pd.Series:
    """NPS-groep per respondent (§1.1): promotors, passief or criticasters.

    A score of at least ``promoter_min`` is a promotor, at least ``passive_min`` passief,
    lower a criticaster. Returns a categorical Series (index of ``scores`` when it is a Series).

    >>> nps_groups([10, 8, 6, 9]).tolist()
    ['promotors', 'passief', 'criticasters', 'promotors']
    """
    promoter_min, passive_min = _check_thresholds(promoter_min, passive_min)
    if len(labels) != 3:
        raise InputError("'labels' moet drie namen hebben: promotors, passief, criticasters.")
    array = _scores(scores)
    codes = np.where(array >= promoter_min, 0, np.where(array >= passive_min, 1, 2))
    index = scores.index if isinstance(scores, pd.Series) else None
    return pd.Series(pd.Categorical.from_codes(codes, categories=list(labels)), index=index,
                     name="nps_groep")


def nps(scores, *, promoter_min=9, passive_min=7) -> float:
    """Net Promoter Score (§1.1): % promotors − % criticasters, from -100 to +100.

    ``scores`` are answers 0–10 to "hoe waarschijnlijk is het dat u ons aanbeveelt?".
    Passives (7–8) count in the total but neither add nor subtract. Unrounded; no % sign.

    >>> nps([10, 9, 6])
    33.33333333333333
    >>> nps([7, 8, 8, 7])
    0.0
    """
    promoter_min, passive_min = _check_thresholds(promoter_min, passive_min)
    array = _scores(scores)
    promoters = np.count_nonzero(array >= promoter_min)
    detractors = np.count_nonzero(array < passive_min)
    return float(100.0 * (promoters - detractors) / array.size)


def nps_breakdown(scores, *, promoter_min=9, passive_min=7) -> pd.DataFrame:
    """Opbouw van de NPS (§1.1): count and share of promotors, passief and criticasters.

    Returns a table indexed by ``groep`` with ``aantal`` and ``aandeel`` (a fraction).
    The NPS is ``100 × (aandeel promotors − aandeel criticasters)``.

    >>> nps_breakdown([10, 9, 8, 6])
                  aantal  aandeel
    groep
    promotors          2     0.50
    passief            1     0.25
    criticasters       1     0.25
    """
    groups = nps_groups(scores, promoter_min=promoter_min, passive_min=passive_min)
    counts = groups.value_counts(sort=False).reindex(list(NPS_GROUPS)).astype("int64")
    out = pd.DataFrame({"aantal": counts.to_numpy(), "aandeel": counts.to_numpy() / counts.sum()},
                       index=pd.Index(list(NPS_GROUPS), name="groep"))
    return out


def _quarter_labels(dates: pd.Series) -> pd.Series:
    return dates.dt.year.astype(str) + "-K" + dates.dt.quarter.astype(str)


def nps_by(responses, by, *, score_col="score", promoter_min=9, passive_min=7,
           min_respondents=1) -> pd.DataFrame:
    """NPS per segment (§1.1): per sector, account manager, quarter, ... of a survey table.

    ``by`` is a column name (or a list of them). A datetime column is grouped per
    quarter (labels like ``2024-K3``). Returns one row per segment with ``respondenten``,
    the counts ``promotors``, ``passief``, ``criticasters``, their shares
    ``aandeel_promotors``, ``aandeel_passief``, ``aandeel_criticasters`` and ``nps``.
    Segments with fewer than ``min_respondents`` answers are left out (small groups give a
    jumpy NPS).

    >>> answers = pd.DataFrame({"sector": ["zorg", "zorg", "zorg", "horeca"],
    ...                         "score": [10, 9, 3, 8]})
    >>> nps_by(answers, "sector")[["sector", "respondenten", "nps"]]
       sector  respondenten        nps
    0  horeca             1   0.000000
    1    zorg             3  33.333333
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise InputError("Geef in 'by' minstens één kolom om op te groeperen, bijvoorbeeld by='sector'.")
    v.table(responses, "responses", keys + [score_col])
    min_respondents = int(v.number(min_respondents, "min_respondents", minimum=1, integer=True))
    groups = nps_groups(responses[score_col], promoter_min=promoter_min, passive_min=passive_min)
    frame = pd.DataFrame(index=responses.index)
    for key in keys:
        column = responses[key]
        frame[key] = _quarter_labels(column) if pd.api.types.is_datetime64_any_dtype(column) else column
    dummies = pd.get_dummies(groups).astype("int64")
    frame = pd.concat([frame, dummies], axis=1)
    out = frame.groupby(keys, observed=True, sort=True)[list(NPS_GROUPS)].sum()
    out.insert(0, "respondenten", out[list(NPS_GROUPS)].sum(axis=1))
    for group in NPS_GROUPS:
        out[f"aandeel_{group}"] = out[group] / out["respondenten"]
    out["nps"] = 100.0 * (out["aandeel_promotors"] - out["aandeel_criticasters"])
    out = out[out["respondenten"] >= min_respondents]
    return out.reset_index()


# ---------------------------------------------------------------------------------------------
# Satisfaction: experience against expectation
# ---------------------------------------------------------------------------------------------

#: Classes of the satisfaction gap, from bad to best.
SATISFACTION_CLASSES: tuple[str, str, str, str] = (
    "negatieve ervaring", "tevreden", "positieve ervaring", "customer delight")


def _values(value, name):
    """Scalar -> (float, True); sequence -> (array, False)."""
    if v.is_number(value):
        return v.number(value, name), True
    return v.numbers_array(value, name), False


def satisfaction_gap(expectation, experience, *, higher_is_better=True):
    """Tevredenheidskloof (§1.1): ervaring (prestatie P) − verwachting (E).

    Negative means the customer got less than expected (a negative experience).
    For measures where less is better (delivery days, waiting time) pass
    ``higher_is_better=False``: then the gap is E − P, so "2 days expected, 4 delivered"
    is −2. Scalars give a float; lists, arrays and Series give an array (Series keep their index).

    >>> satisfaction_gap(7, 8.5)
    1.5
    >>> satisfaction_gap(2, 4, higher_is_better=False)
    -2.0
    """
    e, e_scalar = _values(expectation, "expectation")
    p, p_scalar = _values(experience, "experience")
    if not (e_scalar and p_scalar):
        e_arr, p_arr = np.atleast_1d(e), np.atleast_1d(p)
        if not e_scalar and not p_scalar:
            v.same_length(expectation=e_arr, experience=p_arr)
    gap = (p - e) if higher_is_better else (e - p)
    if e_scalar and p_scalar:
        return float(gap)
    for original in (experience, expectation):
        if isinstance(original, pd.Series):
            return pd.Series(gap, index=original.index, name="verschil")
    return np.asarray(gap, dtype=float)


def satisfaction_class(gap, *, tolerance=0.0, delight_from=2.0, labels=SATISFACTION_CLASSES):
    """Oordeel over de kloof ervaring − verwachting (§1.1).

    ``gap < -tolerance``: negatieve ervaring; ``|gap| <= tolerance``: tevreden (P = E: as
    expected, satisfied but not yet loyal); ``gap >= delight_from``: customer delight (clearly exceeded);
    in between: positieve ervaring. A scalar gives a string, a sequence a categorical Series.

    >>> satisfaction_class(-1.0), satisfaction_class(0.0), satisfaction_class(2.5)
    ('negatieve ervaring', 'tevreden', 'customer delight')
    >>> satisfaction_class([0.5, -0.5], tolerance=0.5).tolist()
    ['tevreden', 'tevreden']
    """
    tolerance = v.number(tolerance, "tolerance", minimum=0)
    delight_from = v.number(delight_from, "delight_from")
    if delight_from <= tolerance:
        raise InputError(
            f"'delight_from' ({delight_from:g}) moet groter zijn dan 'tolerance' ({tolerance:g}): "
            f"customer delight is duidelijk méér dan verwacht."
        )
    if len(labels) != 4:
        raise InputError("'labels' moet vier namen hebben (negatief, tevreden, positief, delight).")
    values, scalar = _values(gap, "gap")
    arr = np.atleast_1d(values)
    codes = np.select([arr < -tolerance, arr <= tolerance, arr < delight_from], [0, 1, 2], default=3)
    if scalar:
        return labels[int(codes[0])]
    index = gap.index if isinstance(gap, pd.Series) else None
    return pd.Series(pd.Categorical.from_codes(codes, categories=list(labels), ordered=True),
                     index=index, name="oordeel")


def satisfaction_table(expectation, experience, *, higher_is_better=True, tolerance=0.0,
                       delight_from=2.0) -> pd.DataFrame:
    """Verwachting, ervaring, verschil and oordeel side by side (§1.1).

    >>> satisfaction_table([7, 7, 6], [6, 7, 9])
       verwachting  ervaring  verschil              oordeel
    0          7.0       6.0      -1.0   negatieve ervaring
    1          7.0       7.0       0.0             tevreden
    2          6.0       9.0       3.0     customer delight
    """
    e = v.numbers_array(expectation, "expectation")
    p = v.numbers_array(experience, "experience")
    v.same_length(expectation=e, experience=p)
    gap = satisfaction_gap(e, p, higher_is_better=higher_is_better)
    verdict = satisfaction_class(gap, tolerance=tolerance, delight_from=delight_from)
    index = expectation.index if isinstance(expectation, pd.Series) else None
    out = pd.DataFrame({"verwachting": e, "ervaring": p, "verschil": gap,
                        "oordeel": verdict.to_numpy()}, index=index)
    out["oordeel"] = out["oordeel"].astype(verdict.dtype)
    return out


# ---------------------------------------------------------------------------------------------
# Service recovery paradox
# ---------------------------------------------------------------------------------------------

def service_recovery(complaints, *, handled_col="handled_well", before_col="satisfaction_before",
                     after_col="satisfaction_after", labels=("goed afgehandeld", "niet goed afgehandeld")
                     ) -> pd.DataFrame:
    """Service recovery paradox (§1.1): satisfaction before and after a complaint, by handling.

    ``complaints`` holds one row per complaint with a boolean ``handled_col`` column and the
    customer's satisfaction ``before_col`` the failure and ``after_col`` the handling (same scale).
    Per handling: ``klachten``, ``voor`` and ``na`` (means), ``verschil`` (na − voor) and
    ``aandeel_hoger`` (share of complaints where the customer ends more satisfied than before).
    The paradox shows when ``verschil`` is positive for well-handled complaints.

    >>> c = pd.DataFrame({"handled_well": [True, True, False],
    ...                   "satisfaction_before": [7, 6, 7], "satisfaction_after": [8, 8, 4]})
    >>> service_recovery(c)[["afhandeling", "klachten", "voor", "na", "verschil"]]
                 afhandeling  klachten  voor   na  verschil
    0       goed afgehandeld         2   6.5  8.0       1.5
    1  niet goed afgehandeld         1   7.0  4.0      -3.0
    """
    v.table(complaints, "complaints", [handled_col, before_col, after_col])
    b = v.column_numbers(complaints, before_col, "complaints")
    a = v.column_numbers(complaints, after_col, "complaints")
    flag = complaints[handled_col]
    if flag.isna().any() or not set(pd.unique(flag)) <= {True, False}:
        raise InputError(
            f"De kolom '{handled_col}' moet per klacht True (goed afgehandeld) of False bevatten."
        )
    frame = pd.DataFrame({"ok": flag.astype(bool).to_numpy(), "voor": b, "na": a})
    frame["hoger"] = frame["na"] > frame["voor"]
    out = frame.groupby("ok").agg(klachten=("voor", "size"), voor=("voor", "mean"),
                                  na=("na", "mean"), aandeel_hoger=("hoger", "mean"))
    out = out.reindex([True, False]).dropna(how="all")
    out["verschil"] = out["na"] - out["voor"]
    out["klachten"] = out["klachten"].astype("int64")
    out.insert(0, "afhandeling", [labels[0] if ok else labels[1] for ok in out.index])
    return out.reset_index(drop=True)[["afhandeling", "klachten", "voor", "na", "verschil",
                                       "aandeel_hoger"]]


def service_recovery_findings(recovery, complaints, *, handled_col="handled_well",
                              before_col="satisfaction_before", after_col="satisfaction_after",
                              labels=("goed afgehandeld", "niet goed afgehandeld")) -> list[str]:
    """Sentences on the service recovery paradox (§1.1).

    ``recovery`` is the table of :func:`service_recovery`, ``complaints`` the complaints it was
    made from. First the mean change in satisfaction per handling, then whether well-handled
    complainers are clearly more satisfied after the handling than before the failure
    (:func:`salesnb.evidence.compare_means`), and whether that is the paradox.

    >>> c = pd.DataFrame({"handled_well": [True] * 40 + [False] * 2,
    ...                   "satisfaction_before": [6, 7] * 21, "satisfaction_after": [8, 9] * 20 + [3, 4]})
    >>> for line in service_recovery_findings(service_recovery(c), c): print(line)
    Na een goede afhandeling verandert de tevredenheid gemiddeld met 2,00 punt, na een slechte met -3,00 punt.
    De gemiddelde tevredenheid van goed geholpen klagers is hoger na de afhandeling (8,5) dan vóór het probleem (6,5); dat verschil is groter dan de ruis.
    Dat is de service recovery paradox.
    """
    v.table(recovery, "recovery", ["afhandeling", "verschil"])
    v.table(complaints, "complaints", [handled_col, before_col, after_col])
    per_handling = recovery.set_index("afhandeling")["verschil"]
    missing = [label for label in labels if label not in per_handling.index]
    if missing:
        raise InputError(f"In 'recovery' ontbreekt de afhandeling {missing[0]!r}; geef de tabel van "
                         f"service_recovery mee.")
    lines = [f"Na een goede afhandeling verandert de tevredenheid gemiddeld met "
             f"{format_number(per_handling[labels[0]], 2)} punt, na een slechte met "
             f"{format_number(per_handling[labels[1]], 2)} punt."]
    helped = complaints[complaints[handled_col].astype(bool)]
    n = len(helped)
    paradox = compare_means(list(helped[after_col]) + list(helped[before_col]),
                            ["na de afhandeling"] * n + ["vóór het probleem"] * n)
    lines.append(paradox.sentence("de gemiddelde tevredenheid van goed geholpen klagers", at=""))
    if paradox.clear and paradox.highest == "na de afhandeling":
        lines.append("Dat is de service recovery paradox.")
    else:
        lines.append("De service recovery paradox is in deze data niet aangetoond.")
    return lines


# ---------------------------------------------------------------------------------------------
# Klantrelatiecyclus
# ---------------------------------------------------------------------------------------------

#: The stages of the klantrelatiecyclus (§1.1), in order.
RELATIONSHIP_STAGES: tuple[str, str, str, str] = (
    "potentiële klant", "nieuwe klant", "loyale klant", "ex-klant")


def relationship_status(orders, *, customers=None, as_of=None, new_months=12, lapsed_months=12,
                        customer_col="customer_id", date_col="date", stages=RELATIONSHIP_STAGES
                        ) -> pd.DataFrame:
    """Klantrelatiecyclus (§1.1): the stage of every customer on a reference date.

    Rules (all parameters): no order up to ``as_of`` → potentiële klant; last order more than
    ``lapsed_months`` before ``as_of`` → ex-klant; first order within the last ``new_months``
    → nieuwe klant; otherwise (buying for longer and still buying) → loyale klant.
    ``customers``: optional list/Series of all customer ids (including those who never
    ordered); ``as_of`` defaults to the last order date. Returns one row per customer with
    ``eerste_order``, ``laatste_order``, ``orders`` and ``status`` (ordered categorical).

    >>> o = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...                   "date": pd.to_datetime(["2022-01-10", "2025-06-01", "2025-03-01", "2023-02-01"])})
    >>> relationship_status(o, customers=[1, 2, 3, 4], as_of="2025-12-31")[["customer_id", "status"]]
       customer_id            status
    0            1      loyale klant
    1            2      nieuwe klant
    2            3          ex-klant
    3            4  potentiële klant
    """
    v.table(orders, "orders", [customer_col, date_col])
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    new_months = int(v.number(new_months, "new_months", minimum=1, integer=True))
    lapsed_months = int(v.number(lapsed_months, "lapsed_months", minimum=1, integer=True))
    if len(stages) != 4:
        raise InputError("'stages' moet vier namen hebben: potentieel, nieuw, loyaal, ex-klant.")
    if as_of is None:
        as_of = when.max()
    else:
        try:
            as_of = pd.Timestamp(as_of)
        except (TypeError, ValueError):
            raise InputError(f"'as_of' moet een datum zijn, bijvoorbeeld '2025-12-31', maar is {as_of!r}.") from None
        if pd.isna(as_of):
            raise InputError("'as_of' mist een datum; geef bijvoorbeeld as_of='2025-12-31'.")
    frame = pd.DataFrame({"cust": orders[customer_col].to_numpy(), "date": when.to_numpy()})
    frame = frame[frame["date"] <= as_of]
    summary = frame.groupby("cust").agg(eerste_order=("date", "min"), laatste_order=("date", "max"),
                                        orders=("date", "size"))
    if customers is not None:
        ids = pd.Index(pd.unique(pd.Series(list(customers))))
        summary = summary.reindex(summary.index.union(ids, sort=False))
    summary["orders"] = summary["orders"].fillna(0).astype("int64")
    lapsed_since = as_of - pd.DateOffset(months=lapsed_months)
    new_since = as_of - pd.DateOffset(months=new_months)
    codes = np.select(
        [summary["eerste_order"].isna(), summary["laatste_order"] < lapsed_since,
         summary["eerste_order"] > new_since],
        [0, 3, 1], default=2)
    summary["status"] = pd.Categorical.from_codes(codes, categories=list(stages), ordered=True)
    summary.index.name = customer_col
    return summary.reset_index()


def relationship_counts(status, *, status_col="status", prospects=0) -> pd.DataFrame:
    """Aantal en aandeel klanten per fase van de klantrelatiecyclus (§1.1).

    ``status`` is the table of :func:`relationship_status` (or a Series of stages).
    ``prospects``: the number of potential customers kept elsewhere (e.g. a prospect list),
    added to the first stage (potentiële klant).

    >>> s = pd.Series(pd.Categorical(["nieuwe klant", "loyale klant", "loyale klant"],
    ...                              categories=list(RELATIONSHIP_STAGES), ordered=True))
    >>> relationship_counts(s)
                      aantal   aandeel
    status
    potentiële klant       0  0.000000
    nieuwe klant           1  0.333333
    loyale klant           2  0.666667
    ex-klant               0  0.000000
    """
    if isinstance(status, pd.DataFrame):
        v.table(status, "status", [status_col])
        status = status[status_col]
    series = pd.Series(status)
    counts = series.value_counts(sort=False)
    order = list(series.cat.categories) if isinstance(series.dtype, pd.CategoricalDtype) \
        else list(counts.index)
    counts = counts.reindex(order).fillna(0).astype("int64")
    prospects = int(v.number(prospects, "prospects", minimum=0, integer=True))
    if prospects and order:
        counts.iloc[0] += prospects
    out = pd.DataFrame({"aantal": counts.to_numpy(), "aandeel": counts.to_numpy() / max(counts.sum(), 1)},
                       index=pd.Index(order, name="status"))
    return out


# ---------------------------------------------------------------------------------------------
# §1.2 Waardestrategieën and §1.3 CRM technology
# ---------------------------------------------------------------------------------------------

#: Treacy & Wiersema (§1.2): the value strategies with what they promise and what shows it.
VALUE_STRATEGIES = pd.DataFrame({
    "waardestrategie": ["operational excellence", "product leadership", "customer intimacy"],
    "belofte": ["betrouwbaar, snel en goedkoop: geen gedoe",
                "het nieuwste en beste product",
                "de beste totaaloplossing voor deze ene klant"],
    "waaraan_je_het_ziet": ["lage prijs, scherpe marge, standaardassortiment, efficiënte levering",
                            "veel omzet uit nieuwe producten, hogere prijzen voor innovatie",
                            "maatwerk, service- en onderhoudscontracten, vaste accountmanager, "
                            "langdurige relaties"],
}).set_index("waardestrategie")


def value_strategy_fit(indicators, *, weights=None) -> pd.DataFrame:
    """Waardestrategieën (§1.2): score the three strategies from indicators between 0 and 1.

    ``indicators`` maps an indicator name to ``(strategy, value)`` (or is the table of
    :func:`value_strategy_indicators`), where ``value`` is a
    fraction (0..1) telling how strongly the company shows that sign (e.g. the share of
    revenue from service contracts for customer intimacy). ``weights`` (optional) maps
    indicator name → weight (default 1). Returns per strategy the weighted mean
    ``score`` and the ``indicatoren`` used, best fit first.

    >>> fit = value_strategy_fit({"servicecontracten": ("customer intimacy", 0.6),
    ...                           "nieuwe producten": ("product leadership", 0.1),
    ...                           "lage prijs": ("operational excellence", 0.3)})
    >>> fit.index[0], float(fit.loc["customer intimacy", "score"])
    ('customer intimacy', 0.6)
    """
    if isinstance(indicators, pd.DataFrame):
        v.table(indicators, "indicators", ["indicator", "waardestrategie", "waarde"])
        indicators = {r.indicator: (r.waardestrategie, float(r.waarde)) for r in indicators.itertuples()}
    if not isinstance(indicators, dict) or not indicators:
        raise InputError("'indicators' moet een dict zijn: {naam: (waardestrategie, waarde 0..1)}.")
    weights = weights or {}
    rows = []
    for name, item in indicators.items():
        if not isinstance(item, tuple) or len(item) != 2:
            raise InputError(f"Indicator '{name}' moet een paar (waardestrategie, waarde) zijn.")
        strategy, value = item
        v.choice(strategy, f"waardestrategie van '{name}'", VALUE_STRATEGIES.index)
        value = v.fraction(value, f"waarde van '{name}'")
        weight = v.number(weights.get(name, 1.0), f"gewicht van '{name}'", minimum=0)
        rows.append((strategy, name, value, weight))
    frame = pd.DataFrame(rows, columns=["waardestrategie", "indicator", "waarde", "gewicht"])
    frame["gewogen"] = frame["waarde"] * frame["gewicht"]
    grouped = frame.groupby("waardestrategie")
    out = pd.DataFrame({"score": grouped["gewogen"].sum() / grouped["gewicht"].sum(),
                        "indicatoren": grouped["indicator"].agg(", ".join)})
    out = out.reindex(VALUE_STRATEGIES.index)
    out["indicatoren"] = out["indicatoren"].fillna("")
    return out.sort_values("score", ascending=False, na_position="last")


def value_strategy_indicators(orders, customers, *, months=12, years_loyal=3,
                              service_groups=("Service & onderhoud",),
                              standard_groups=("Koffie & thee", "Snacks & frisdrank", "Verbruiksartikelen"),
                              product_groups=("Koffiemachines",), customer_col="customer_id", date_col="date",
                              revenue_col="revenue", group_col="product_group", acquired_col="acquired_on"
                              ) -> pd.DataFrame:
    """Signs of the three waardestrategieën in the company's own data (§1.2).

    Over the last ``months`` of ``orders`` (active customers = ordered in that period):

    - customer intimacy: share of active customers with a service/maintenance order
      (``service_groups``) and share of active customers who are customer for at least
      ``years_loyal`` years (``acquired_col`` in ``customers``);
    - operational excellence: share of revenue from standard consumables (``standard_groups``);
    - product leadership: share of revenue from machines (``product_groups``).

    Returns ``indicator``, ``waardestrategie``, ``waarde`` (a fraction) for
    :func:`value_strategy_fit`. The indicators are a starting point for discussion, not a verdict.

    >>> o = pd.DataFrame({"customer_id": [1, 1, 2], "product_group": ["Koffie & thee",
    ...     "Service & onderhoud", "Koffiemachines"], "revenue": [60.0, 10.0, 30.0],
    ...     "date": pd.to_datetime(["2025-05-01", "2025-06-01", "2025-07-01"])})
    >>> c = pd.DataFrame({"customer_id": [1, 2], "acquired_on": pd.to_datetime(["2015-01-01", "2025-01-01"])})
    >>> value_strategy_indicators(o, c)["waarde"].tolist()
    [0.5, 0.5, 0.6, 0.3]
    """
    v.table(orders, "orders", [customer_col, date_col, revenue_col, group_col])
    v.table(customers, "customers", [customer_col, acquired_col])
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    money = v.column_numbers(orders, revenue_col, "orders")
    months = int(v.number(months, "months", minimum=1, integer=True))
    end = when.max()
    recent = (when > end - pd.DateOffset(months=months)).to_numpy()
    frame = pd.DataFrame({"cust": orders[customer_col].to_numpy()[recent],
                          "group": orders[group_col].astype(str).to_numpy()[recent], "amount": money[recent]})
    active = pd.unique(frame["cust"])
    total = frame["amount"].sum()
    service = frame.loc[frame["group"].isin(service_groups), "cust"].nunique() / max(len(active), 1)
    since = customers.set_index(customer_col)[acquired_col].reindex(active)
    loyal = float((since <= end - pd.DateOffset(years=years_loyal)).mean()) if len(active) else 0.0
    standard = frame.loc[frame["group"].isin(standard_groups), "amount"].sum() / total if total else 0.0
    machines = frame.loc[frame["group"].isin(product_groups), "amount"].sum() / total if total else 0.0
    return pd.DataFrame({
        "indicator": ["actieve klanten met service of onderhoud",
                      f"actieve klanten die minstens {years_loyal} jaar klant zijn",
                      "omzet uit standaard verbruiksproducten", "omzet uit machines"],
        "waardestrategie": ["customer intimacy", "customer intimacy", "operational excellence",
                            "product leadership"],
        "waarde": [float(service), loyal, float(standard), float(machines)],
    })


#: The three kinds of CRM technology (§1.3).
CRM_TYPES = pd.DataFrame({
    "soort_crm": ["operationeel", "analytisch", "collaboratief"],
    "wat_het_doet": ["legt klantcontacten en transacties vast en ondersteunt het dagelijkse werk "
                     "(orders, offertes, klachten, bezoeken)",
                     "analyseert de vastgelegde gegevens: segmenten, NPS-trends, klantwaarde, "
                     "voorspellingen",
                     "deelt klantkennis tussen afdelingen en met de klant (service, sales, "
                     "marketing, portals)"],
}).set_index("soort_crm")


#: What Brandwijk Koffie & Vending records per table (every table is recorded by operational CRM), and which
#: kind of CRM turns it into the insight named beside it (§1.3).
COMPANY_CRM_DATA = {
    "customers": ("operationeel", "wie de klanten zijn, waar ze zitten en wie hun accountmanager is"),
    "orders": ("analytisch", "wie wat koopt: de klantrelatiecyclus, klantwaarde en cross-selling"),
    "opportunities": ("operationeel", "welke offertes lopen, bij welke klant en in welke fase"),
    "nps": ("analytisch", "de NPS per sector, accountmanager en kwartaal"),
    "complaints": ("analytisch", "of goed afgehandelde klachten klanten tevredener maken (service recovery)"),
    "key_accounts": ("collaboratief", "het share of wallet en de relatiefase van grote klanten, gedeeld "
                                     "met service en management"),
}


def crm_data_map(tables, mapping=None) -> pd.DataFrame:
    """Welke klantgegevens legt het bedrijf vast, en wat zie je alleen daardoor? (§1.3)

    ``tables`` maps a table name to its DataFrame; ``mapping`` maps the same name to
    ``(soort CRM, wat je alleen hierdoor ziet)``: the kind of CRM that gives that insight
    (default: :data:`COMPANY_CRM_DATA`). Returns one row per table with the number
    of ``rijen``, the ``kolommen``, the kind of CRM and the insight.

    >>> t = {"klachten": pd.DataFrame({"klant": [1, 2], "datum": ["2025-01-01", "2025-02-01"]})}
    >>> m = {"klachten": ("operationeel", "of klagers na een goede afhandeling blijven")}
    >>> crm_data_map(t, m)[["rijen", "soort_crm"]]
              rijen     soort_crm
    tabel
    klachten      2  operationeel
    """
    if not isinstance(tables, dict) or not isinstance(mapping or {}, dict) or not tables:
        raise InputError("Geef 'tables' als {naam: DataFrame} en 'mapping' als {naam: (soort CRM, inzicht)}.")
    mapping = COMPANY_CRM_DATA if mapping is None else mapping
    rows = []
    for name, frame in tables.items():
        if not isinstance(frame, pd.DataFrame):
            raise InputError(f"Tabel '{name}' moet een DataFrame zijn.")
        if name not in mapping:
            raise InputError(f"Voor tabel '{name}' ontbreekt in 'mapping' de soort CRM en het inzicht.")
        kind, insight = mapping[name]
        v.choice(kind, f"soort CRM van '{name}'", CRM_TYPES.index)
        rows.append((name, len(frame), ", ".join(map(str, frame.columns)), kind, insight))
    out = pd.DataFrame(rows, columns=["tabel", "rijen", "kolommen", "soort_crm",
                                      "wat_je_alleen_hierdoor_ziet"])
    return out.set_index("tabel")


def complaint_followup(complaints, orders, *, months=12, handled_col="handled_well", customer_col="customer_id",
                       date_col="date", revenue_col="revenue", labels=("goed afgehandeld", "niet goed afgehandeld")
                       ) -> pd.DataFrame:
    """Kopen klagers daarna meer of minder? (service recovery, §1.1 and §1.4)

    For every complaint: the customer's revenue in the ``months`` before and after the
    complaint date. Per kind of handling: ``klachten``, mean ``omzet_voor`` and ``omzet_na``,
    ``verandering`` (na / voor − 1 of the summed revenue) and ``aandeel_blijft_kopen`` (share of
    complaints after which the customer still ordered). Complaints whose "after" window runs
    past the last order date are left out (their future is not known yet), and so are those
    whose "before" window starts before the first order date (their past is not in the data).

    >>> c = pd.DataFrame({"customer_id": [1, 2], "handled_well": [True, False],
    ...                   "date": pd.to_datetime(["2024-06-01", "2024-06-01"])})
    >>> o = pd.DataFrame({"customer_id": [1, 1, 2, 9], "revenue": [100.0, 150.0, 100.0, 1.0],
    ...                   "date": pd.to_datetime(["2024-01-01", "2024-09-01", "2024-01-01", "2025-12-31"])})
    >>> o.loc[4] = [9, 1.0, pd.Timestamp("2023-01-01")]
    >>> complaint_followup(c, o)[["afhandeling", "omzet_voor", "omzet_na", "aandeel_blijft_kopen"]]
                 afhandeling  omzet_voor  omzet_na  aandeel_blijft_kopen
    0       goed afgehandeld       100.0     150.0                   1.0
    1  niet goed afgehandeld       100.0       0.0                   0.0
    """
    v.table(complaints, "complaints", [customer_col, date_col, handled_col])
    v.table(orders, "orders", [customer_col, date_col, revenue_col])
    months = int(v.number(months, "months", minimum=1, integer=True))
    c_when = v.dates(complaints[date_col], f"complaints['{date_col}']")
    o_when = v.dates(orders[date_col], f"orders['{date_col}']")
    flag = complaints[handled_col]
    if flag.isna().any() or not set(pd.unique(flag)) <= {True, False}:
        raise InputError(f"De kolom '{handled_col}' moet per klacht True (goed afgehandeld) of False bevatten.")
    comp = pd.DataFrame({"k": np.arange(len(complaints)), "cust": complaints[customer_col].to_numpy(),
                         "when": c_when.to_numpy(), "ok": flag.astype(bool).to_numpy()})
    comp = comp[(comp["when"] + pd.DateOffset(months=months) <= o_when.max())
                & (comp["when"] - pd.DateOffset(months=months) >= o_when.min())]
    if comp.empty:
        raise InputError("Er zijn geen klachten met een volledige periode ervoor en erna in de orders; "
                         "kies kleinere 'months'.")
    ords = pd.DataFrame({"cust": orders[customer_col].to_numpy(), "odate": o_when.to_numpy(),
                         "amount": v.column_numbers(orders, revenue_col, "orders")})
    joined = comp.merge(ords, on="cust", how="left")
    start = joined["when"] - pd.DateOffset(months=months)
    end = joined["when"] + pd.DateOffset(months=months)
    before = joined["amount"].where((joined["odate"] >= start) & (joined["odate"] < joined["when"]), 0.0)
    after = joined["amount"].where((joined["odate"] > joined["when"]) & (joined["odate"] <= end), 0.0)
    per = pd.DataFrame({"k": joined["k"], "voor": before.fillna(0.0), "na": after.fillna(0.0)}
                       ).groupby("k").sum()
    per = per.join(comp.set_index("k")["ok"])
    per["koopt"] = per["na"] > 0
    out = per.groupby("ok").agg(klachten=("voor", "size"), omzet_voor=("voor", "mean"),
                                omzet_na=("na", "mean"), aandeel_blijft_kopen=("koopt", "mean"))
    out = out.reindex([True, False]).dropna(how="all")
    out["verandering"] = out["omzet_na"] / out["omzet_voor"].where(out["omzet_voor"] > 0) - 1.0
    out["klachten"] = out["klachten"].astype("int64")
    out.insert(0, "afhandeling", [labels[0] if ok else labels[1] for ok in out.index])
    return out.reset_index(drop=True)[["afhandeling", "klachten", "omzet_voor", "omzet_na", "verandering",
                                       "aandeel_blijft_kopen"]]


def complaint_followup_finding(followup, *, labels=("goed afgehandeld", "niet goed afgehandeld")) -> str:
    """Sentence on whether well-handled complainers keep buying more often (service recovery, §1.1).

    ``followup`` is the table of :func:`complaint_followup`; the share that keeps buying is
    compared between the handlings with :func:`salesnb.evidence.compare_rates`.

    >>> f = pd.DataFrame({"afhandeling": ["goed afgehandeld", "niet goed afgehandeld"],
    ...                   "klachten": [100, 50], "aandeel_blijft_kopen": [0.9, 0.5]})
    >>> complaint_followup_finding(f)
    'Het aandeel klagers dat daarna blijft kopen is hoger bij goed afgehandelde klachten (90,0%) dan bij slecht afgehandelde klachten (50,0%); dat verschil is groter dan de ruis.'
    """
    v.table(followup, "followup", ["afhandeling", "klachten", "aandeel_blijft_kopen"])
    per_handling = followup.set_index("afhandeling")
    per_handling.index = per_handling.index.map(
        {labels[0]: "goed afgehandelde klachten", labels[1]: "slecht afgehandelde klachten"})
    stays = compare_rates((per_handling["aandeel_blijft_kopen"] * per_handling["klachten"]).round(),
                          per_handling["klachten"])
    return stays.sentence("het aandeel klagers dat daarna blijft kopen")
