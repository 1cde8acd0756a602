"""Stappenplan verkoopproces: the six phases of the sales process.

The course assignment "Stappenplan verkoopproces" walks through six phases:
(1) klanten vaststellen en werven, (2) onderhandelen, (3) van prospect naar verkoop
(the offerte, see :mod:`salesnb.offerte`), (4) algemene voorwaarden, (5) after sales and
(6) klantenbeheer. This module holds the calculations of phases 1, 2, 5 and 6:

- Rogers' adoption curve: :func:`adoption_segments`;
- SDP narrowing of the Afnemers: :func:`segment_table`, :func:`choose_target_market`;
- cold / warm / hot prospects: :func:`prospect_temperature`, :func:`temperature_counts`;
- recruitment channels: :func:`channel_table`;
- USPs from competitor figures: :func:`usp_table`;
- after sales: :func:`nps_after_purchase`, :func:`co_purchase`, :func:`cross_sell_candidates`,
  :func:`follow_up_schedule`;
- klantenbeheer: :func:`cohort_retention`, :func:`retention_revenue`,
  :func:`retention_action_value`.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import InputError
from .vocabulary import TEMPERATURES

__all__ = [
    "ADOPTION_SEGMENTS",
    "adoption_segments",
    "next_adoption_segment",
    "adoption_target",
    "segment_table",
    "choose_target_market",
    "prospect_temperature",
    "temperature_counts",
    "channel_table",
    "usp_table",
    "COMPETITOR_ANALYSIS",
    "COMPETITOR_LOWER_IS_BETTER",
    "CRITERIA",
    "competitor_usps",
    "competitor_check",
    "usp_from_deals",
    "deal_usp_findings",
    "deal_usp_verdicts",
    "nps_after_purchase",
    "co_purchase",
    "cross_sell_candidates",
    "FOLLOW_UP_STEPS",
    "follow_up_schedule",
    "cohort_retention",
    "retention_revenue",
    "RETENTION_ACTIONS",
    "retention_action_value",
    "DUTCH_HOLIDAYS",
]

# ---------------------------------------------------------------------------------------------
# Phase 1: Rogers' adoption curve
# ---------------------------------------------------------------------------------------------

#: Rogers' five adopter categories: (name, share, lower z, upper z). The shares are the course's
#: rounded areas of a normal distribution cut at mu-2sigma, mu-sigma, mu and mu+sigma.
ADOPTION_SEGMENTS: tuple[tuple[str, float, float, float], ...] = (
    ("innovators", 0.025, -math.inf, -2.0),
    ("early adopters", 0.135, -2.0, -1.0),
    ("early majority", 0.34, -1.0, 0.0),
    ("late majority", 0.34, 0.0, 1.0),
    ("laggards", 0.16, 1.0, math.inf),
)


def _normal_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0))) if math.isfinite(z) else float(z > 0)


def _largest_remainder(n: int, shares: list[Fraction]) -> list[int]:
    """Hamilton's method: floors first, the seats left go to the largest remainders."""
    quotas = [share * n for share in shares]
    counts = [math.floor(q) for q in quotas]
    left = n - sum(counts)
    # Rank by remainder (largest first); ties go to the larger share, then the earlier segment.
    order = sorted(range(len(shares)), key=lambda i: (-(quotas[i] - counts[i]), -shares[i], i))
    for i in order[:left]:
        counts[i] += 1
    return counts


def adoption_segments(n, *, segments=ADOPTION_SEGMENTS) -> pd.DataFrame:
    """Adoptiecurve van Rogers (stappenplan fase 1): split ``n`` buyers into the five segments.

    Returns one row per segment with ``segment``, ``aandeel`` (the share, a fraction),
    ``aantal`` (count), ``z_van``/``z_tot`` (the cut points in standard deviations from the
    mean) and ``normaal_aandeel`` (the exact area of the normal curve between the cuts,
    which shows that 2.5% is a rounded 2.3%).

    Rounding: the exact quota ``aandeel × n`` of each segment is rounded down, and the few
    buyers left over go one by one to the segments with the largest remainder (Hamilton's
    largest-remainder method; ties go to the larger segment, then to the earlier one). So the
    counts always add up to exactly ``n`` and each count differs less than 1 from its quota.
    The arithmetic is exact (fractions), so 34% of 50 is 17, not 16.999...

    ``segments`` is a sequence of (name, share, z_from, z_to); the shares must add up to 1.

    >>> adoption_segments(100)[["segment", "aantal"]]
              segment  aantal
    0      innovators       2
    1  early adopters      14
    2  early majority      34
    3   late majority      34
    4        laggards      16
    >>> int(adoption_segments(7)["aantal"].sum())
    7
    """
    n = int(v.number(n, "n", minimum=0, integer=True))
    if isinstance(segments, (str, bytes)) or len(segments) == 0:
        raise InputError("'segments' moet een lijst van (naam, aandeel, z_van, z_tot) zijn.")
    names, shares, lows, highs = [], [], [], []
    for i, row in enumerate(segments):
        if len(row) != 4:
            raise InputError(
                f"Segment {i} moet vier delen hebben (naam, aandeel, z_van, z_tot), maar heeft er {len(row)}."
            )
        name, share, low, high = row
        share = v.fraction(share, f"aandeel van segment '{name}'")
        names.append(str(name))
        shares.append(Fraction(repr(share)))
        lows.append(float(low))
        highs.append(float(high))
    total = sum(shares)
    if abs(float(total) - 1.0) > 1e-9:
        raise InputError(
            f"De aandelen van de segmenten tellen op tot {float(total):.4g} in plaats van 1 (100%). "
            f"Controleer ze: Rogers gebruikt 0.025 + 0.135 + 0.34 + 0.34 + 0.16 = 1."
        )
    shares = [s / total for s in shares]
    counts = _largest_remainder(n, shares)
    return pd.DataFrame({
        "segment": names,
        "aandeel": [float(s) for s in shares],
        "aantal": np.array(counts, dtype="int64"),
        "z_van": lows,
        "z_tot": highs,
        "normaal_aandeel": [_normal_cdf(h) - _normal_cdf(lo) for lo, h in zip(lows, highs)],
    })


def next_adoption_segment(penetration, *, segments=ADOPTION_SEGMENTS) -> str:
    """Which adopter segment is next to win, given the share of the market already reached (fase 1).

    Going along the curve from innovators to laggards, the segments are reached in order; with
    a penetration of 10% the innovators (2.5%) are reached and the early adopters (up to 16%)
    are the next group to win.

    >>> next_adoption_segment(0.10), next_adoption_segment(0.20), next_adoption_segment(0.0)
    ('early adopters', 'early majority', 'innovators')
    """
    penetration = v.fraction(penetration, "penetration")
    cumulative = 0.0
    for name, share, _, _ in segments:
        cumulative += share
        if penetration < cumulative - 1e-12:
            return name
    return segments[-1][0]


def adoption_target(penetration, n, *, segments=ADOPTION_SEGMENTS) -> dict:
    """The next adopter segment and how many of its organisations are still to win (fase 1, Rogers).

    With a penetration of 77,6% the late majority (50%–84%) is next, but most of it already
    buys the product class: only the part between the penetration and the segment's end is
    still to win. Returns ``segment``, ``aantal_segment`` (the whole segment, as
    :func:`adoption_segments` counts it) and ``nog_te_winnen``.

    >>> adoption_target(0.776, 7467)
    {'segment': 'late majority', 'aantal_segment': 2539, 'nog_te_winnen': 478}
    """
    segment = next_adoption_segment(penetration, segments=segments)
    n = int(v.number(n, "n", minimum=0, integer=True))
    table = adoption_segments(n, segments=segments)
    end = 0.0
    for name, share, _, _ in segments:
        end += share
        if name == segment:
            break
    left = max(0.0, end - float(penetration))
    return {"segment": segment,
            "aantal_segment": int(table.set_index("segment").loc[segment, "aantal"]),
            "nog_te_winnen": int(round(n * left))}


# ---------------------------------------------------------------------------------------------
# Phase 1: SDP (segmenteren, doelmarkt, positioneren)
# ---------------------------------------------------------------------------------------------

def segment_table(orders, *, by="sector", customer_col="customer_id", date_col="date",
                  revenue_col="revenue", year=None, prospects=None) -> pd.DataFrame:
    """Segmenttabel voor het SDP-model (segmenteren, stappenplan fase 1).

    Per value of ``by`` in ``orders``: ``klanten`` (customers who bought in ``year``),
    ``omzet`` (revenue in ``year``), ``omzet_vorig_jaar``, ``groei`` (fraction:
    omzet / omzet_vorig_jaar − 1; NaN without revenue last year), ``omzet_per_klant`` and
    ``aandeel_omzet`` (share of the year's revenue). ``year`` defaults to the last year in
    the data. ``prospects`` (optional): a Series of segment labels, one per prospect, counted
    as ``prospects``.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "sector": ["zorg", "zorg", "zorg", "onderwijs"],
    ...     "date": pd.to_datetime(["2024-03-01", "2025-03-01", "2025-05-01", "2025-06-01"]),
    ...     "revenue": [100.0, 150.0, 50.0, 80.0]})
    >>> segment_table(orders)[["sector", "klanten", "omzet", "groei"]]
          sector  klanten  omzet  groei
    0       zorg        2  200.0    1.0
    1  onderwijs        1   80.0    NaN
    """
    v.table(orders, "orders", [by, customer_col, date_col, revenue_col])
    when = _dates(orders[date_col], f"orders['{date_col}']")
    money = v.column_numbers(orders, revenue_col, "orders")
    years = when.dt.year.to_numpy()
    if year is None:
        year = int(years.max())
    year = int(v.number(year, "year", integer=True))
    frame = pd.DataFrame({"seg": orders[by].astype(str).to_numpy(), "cust": orders[customer_col].to_numpy(),
                          "year": years, "amount": money})
    now = frame[frame["year"] == year]
    before = frame[frame["year"] == year - 1]
    if now.empty:
        raise InputError(f"Er zijn geen orders in {year}; kies een jaar uit de data met year=....")
    out = now.groupby("seg", sort=False).agg(klanten=("cust", "nunique"), omzet=("amount", "sum"))
    out["omzet_vorig_jaar"] = before.groupby("seg")["amount"].sum().reindex(out.index).fillna(0.0)
    prev = out["omzet_vorig_jaar"].where(out["omzet_vorig_jaar"] > 0)
    out["groei"] = out["omzet"] / prev - 1.0
    out["omzet_per_klant"] = out["omzet"] / out["klanten"]
    out["aandeel_omzet"] = out["omzet"] / out["omzet"].sum()
    if prospects is not None:
        labels = pd.Series(prospects).astype(str)
        out["prospects"] = labels.value_counts().reindex(out.index).fillna(0).astype("int64")
    out = out.sort_values("omzet", ascending=False).reset_index().rename(columns={"seg": by})
    return out


def choose_target_market(segments, *, min_share=0.10, min_growth=0.0, weight_size=0.5,
                         weight_growth=0.5, size_col="omzet", growth_col="groei") -> pd.DataFrame:
    """Doelmarktbepaling (SDP, stappenplan fase 1): score segments and mark the doelmarkt.

    A segment qualifies when its share of revenue is at least ``min_share`` and its growth at
    least ``min_growth``. The ``score`` ranks segments by ``weight_size`` × (size rank share)
    + ``weight_growth`` × (growth rank share), each a percentile rank from 0 to 1. The
    qualifying segment with the highest score is the ``doelmarkt`` (on a tie: the first
    row). Returns a copy of the
    table with ``score``, ``voldoet`` (qualifies) and ``doelmarkt`` columns.

    >>> seg = pd.DataFrame({"sector": ["a", "b", "c"], "omzet": [500.0, 300.0, 200.0],
    ...                     "groei": [-0.01, 0.08, 0.02]})
    >>> choose_target_market(seg)[["sector", "voldoet", "doelmarkt"]]
      sector  voldoet  doelmarkt
    0      a    False      False
    1      b     True       True
    2      c     True      False
    """
    v.table(segments, "segments", [size_col, growth_col])
    sizes = v.column_numbers(segments, size_col, "segments", minimum=0)
    growths = v.column_numbers(segments, growth_col, "segments", allow_nan=True)
    min_share = v.fraction(min_share, "min_share")
    min_growth = v.number(min_growth, "min_growth")
    w_size = v.number(weight_size, "weight_size", minimum=0)
    w_growth = v.number(weight_growth, "weight_growth", minimum=0)
    if w_size + w_growth == 0:
        raise InputError("'weight_size' en 'weight_growth' zijn allebei 0; geef minstens één een gewicht.")
    out = segments.copy()
    share = sizes / sizes.sum() if sizes.sum() > 0 else np.zeros_like(sizes)
    size_rank = pd.Series(sizes).rank(pct=True).to_numpy()
    growth_rank = pd.Series(growths).rank(pct=True).fillna(0.0).to_numpy()
    score = (w_size * size_rank + w_growth * growth_rank) / (w_size + w_growth)
    ok = (share >= min_share) & (np.nan_to_num(growths, nan=-np.inf) >= min_growth)
    out["score"] = score
    out["voldoet"] = ok
    target = np.zeros(len(out), dtype=bool)
    if ok.any():
        target[int(np.argmax(np.where(ok, score, -np.inf)))] = True
    out["doelmarkt"] = target
    return out


# ---------------------------------------------------------------------------------------------
# Phase 1: cold / warm / hot prospects and recruitment channels
# ---------------------------------------------------------------------------------------------


def _dates(values, name: str) -> pd.Series:
    """Dates from datetimes or text; ISO text (2026-03-06) is read as year-month-day."""
    series = pd.Series(values).reset_index(drop=True)
    if not pd.api.types.is_datetime64_any_dtype(series):
        iso = pd.to_datetime(series, errors="coerce", format="ISO8601")
        if iso.notna().all():
            return iso
    return v.dates(series, name)


def _flag(series: pd.Series) -> np.ndarray:
    return series.fillna(False).astype(bool).to_numpy()


def prospect_temperature(prospects, *, score_col="score", warm_score=40, hot_score=None,
                         source_col="source", warm_sources=("netwerken",),
                         bant=("budget", "authority", "need", "timeline"),
                         hot_min_bant=4) -> pd.Series:
    """Cold, warm of hot prospect (stappenplan fase 1, §3.1).

    The course's rules, with the thresholds as parameters:

    - **hot**: concrete need, budget and timing: at least ``hot_min_bant`` of the ``bant``
      columns are true (or, when ``hot_score`` is given, a score of at least ``hot_score``);
    - **warm**: showed interest or came by referral: ``score_col`` ≥ ``warm_score``, or the
      ``source_col`` is one of ``warm_sources`` (netwerken: referrals, fairs);
    - **cold**: everyone else (no relation, no known need).

    Columns that a rule needs must be present; pass ``bant=()`` or ``source_col=None`` to
    switch a rule off. Returns an ordered categorical Series (cold < warm < hot) with the
    table's index.

    >>> p = pd.DataFrame({"score": [10, 55, 20, 80],
    ...     "source": ["online", "online", "netwerken", "online"],
    ...     "budget": [False, False, False, True], "authority": [False, True, False, True],
    ...     "need": [False, True, False, True], "timeline": [False, False, False, True]})
    >>> prospect_temperature(p).tolist()
    ['cold', 'warm', 'warm', 'hot']
    """
    bant = tuple(bant or ())
    needed = [score_col] + ([source_col] if source_col else []) + list(bant)
    v.table(prospects, "prospects", needed)
    points = v.column_numbers(prospects, score_col, "prospects")
    warm_score = v.number(warm_score, "warm_score")
    warm = points >= warm_score
    if source_col:
        warm |= prospects[source_col].astype(str).isin([str(s) for s in warm_sources]).to_numpy()
    hot = np.zeros(len(prospects), dtype=bool)
    if bant:
        hot_min_bant = int(v.number(hot_min_bant, "hot_min_bant", minimum=1, maximum=len(bant),
                                    integer=True))
        confirmed = sum(_flag(prospects[c]).astype(int) for c in bant)
        hot |= confirmed >= hot_min_bant
    if hot_score is not None:
        hot |= points >= v.number(hot_score, "hot_score")
    labels = np.where(hot, "hot", np.where(warm, "warm", "cold"))
    return pd.Series(pd.Categorical(labels, categories=TEMPERATURES, ordered=True),
                     index=prospects.index, name="temperatuur")


def temperature_counts(temperatures) -> pd.DataFrame:
    """Verdeling cold / warm / hot (stappenplan fase 1): count and share per temperature.

    >>> temperature_counts(["cold", "warm", "warm", "hot"])
      temperatuur  aantal  aandeel
    0        cold       1     0.25
    1        warm       2     0.50
    2         hot       1     0.25
    """
    labels = pd.Series(temperatures, dtype=object).reset_index(drop=True)
    if labels.empty:
        raise InputError("Er zijn geen prospects om te verdelen.")
    bad = ~labels.isin(TEMPERATURES)
    if bad.any():
        raise InputError(
            f"Onbekende temperatuur {labels[bad].iloc[0]!r}; gebruik 'cold', 'warm' of 'hot'."
        )
    counts = labels.value_counts().reindex(TEMPERATURES, fill_value=0).astype("int64")
    return pd.DataFrame({"temperatuur": list(TEMPERATURES), "aantal": counts.to_numpy(),
                         "aandeel": (counts / counts.sum()).to_numpy()})


def channel_table(leads, *, channel_col="source", won_col="won", cost_col="cost", group_col=None) -> pd.DataFrame:
    """Wervingskanalen (stappenplan fase 1, §3.1): conversion and cost per channel.

    Per ``channel_col`` (and per ``group_col``, e.g. the prospect temperature, when given):
    ``leads``, ``klanten`` (won), ``conversie`` (klanten / leads), ``kosten`` (sum of
    ``cost_col``), ``kosten_per_lead`` and ``kosten_per_klant`` (NaN when nothing was won).
    ``won_col`` is a boolean column, or a column that is filled only for won leads (such as
    ``customer_id``); ``cost_col`` is the cost attributed to each lead.

    >>> leads = pd.DataFrame({"source": ["online", "online", "netwerken"],
    ...                       "won": [True, False, True], "cost": [50.0, 50.0, 200.0]})
    >>> channel_table(leads)[["source", "leads", "conversie", "kosten_per_klant"]]
          source  leads  conversie  kosten_per_klant
    0  netwerken      1        1.0             200.0
    1     online      2        0.5             100.0
    """
    keys = [channel_col] + ([group_col] if group_col else [])
    v.table(leads, "leads", keys + [won_col, cost_col])
    spend = v.column_numbers(leads, cost_col, "leads", minimum=0)
    frame = pd.DataFrame({k: leads[k].astype(str).to_numpy() for k in keys})
    won_values = leads[won_col]
    is_won = _flag(won_values) if pd.api.types.is_bool_dtype(won_values) else won_values.notna().to_numpy()
    frame["_won"] = is_won.astype(int)
    frame["_cost"] = spend
    out = frame.groupby(keys, sort=True, observed=True).agg(
        leads=("_won", "size"), klanten=("_won", "sum"), kosten=("_cost", "sum")).reset_index()
    out["conversie"] = out["klanten"] / out["leads"]
    out["kosten_per_lead"] = out["kosten"] / out["leads"]
    out["kosten_per_klant"] = out["kosten"] / out["klanten"].where(out["klanten"] > 0)
    return out


# ---------------------------------------------------------------------------------------------
# Phase 2: USPs from competitor figures
# ---------------------------------------------------------------------------------------------

#: The concurrentieanalyse of phase 2 (fictional, as Brandwijk's sales team collected it from the
#: competitors' offers and websites in 2025): per supplier the hours within which a breakdown is
#: repaired, the price per cup over a five-year contract (€) and the number of product groups in one
#: contract. Lower is better for the first two (:data:`COMPETITOR_LOWER_IS_BETTER`). Feed it to
#: :func:`competitor_usps` (or :func:`usp_table`): a criterion is a USP only where Brandwijk beats
#: every competitor.
COMPETITOR_ANALYSIS = pd.DataFrame({
    "hersteltijd_storing_uur": [24, 48, 36, 72, 48, 48],
    "prijs_per_kop": [0.42, 0.38, 0.44, 0.41, 0.45, 0.43],
    "productgroepen_per_contract": [6, 4, 5, 5, 2, 3],
}, index=pd.Index(["Brandwijk Koffie & Vending", "Koffiemeesters Nederland", "VendoPlus", "Aroma Bedrijfscatering",
                   "De Automatiek Groep", "Bonenhuys Zakelijk"], name="aanbieder"))

#: The criteria of :data:`COMPETITOR_ANALYSIS` where less is better (``higher_is_better`` of usp_table).
COMPETITOR_LOWER_IS_BETTER = {"hersteltijd_storing_uur": False, "prijs_per_kop": False}

#: Per criterion of :data:`COMPETITOR_ANALYSIS`: its Dutch name, its unit ("€" for an amount) and the
#: buying motive it speaks to (SABONE, §4.1).
CRITERIA = {
    "hersteltijd_storing_uur": ("hersteltijd bij storing", "uur", "zekerheid"),
    "prijs_per_kop": ("prijs per kop", "€", "economie"),
    "productgroepen_per_contract": ("aanbod in één contract", "productgroepen", "gemak"),
}


def _criterion_parts(criterion: str, value: float, criteria) -> tuple[str, str]:
    """A criterion's Dutch name and the value with its unit: ('prijs per kop', '€ 0,42')."""
    from .display import format_euro, format_number

    label, unit, _motive = criteria.get(criterion, (criterion.replace("_", " "), "", None))
    if unit == "€":
        return label, format_euro(value, 2)
    return label, f"{format_number(value)} {unit}".strip()


def _analysis(analysis, lower_is_better, criteria, own):
    table = COMPETITOR_ANALYSIS if analysis is None else analysis
    lower = COMPETITOR_LOWER_IS_BETTER if lower_is_better is None else lower_is_better
    criteria = CRITERIA if criteria is None else criteria
    if not isinstance(table, pd.DataFrame) or len(table) < 2:
        raise InputError("'analysis' moet een tabel zijn met per aanbieder een rij: eerst het eigen bedrijf, "
                         "dan minstens één concurrent.")
    own = table.index[0] if own is None else v.choice(own, "own", list(map(str, table.index)))
    return table.loc[own], table.drop(index=own), lower, criteria, own


def competitor_usps(analysis: pd.DataFrame | None = None, *, lower_is_better=None, criteria=None,
                    own: str | None = None) -> pd.DataFrame:
    """The concurrentieanalyse per criterion (fase 2, §4.1): own value, the best competitor's, USP or not.

    ``analysis``: one row per supplier (the own company first, or named ``own``), one column per
    criterion (default :data:`COMPETITOR_ANALYSIS`). Columns of the result: criterium (Dutch),
    eigen and beste_concurrent (values with their unit), concurrent (who is best) and usp
    (beats every competitor).

    >>> competitor_usps()[["criterium", "eigen", "usp"]].values.tolist()[1]
    ['prijs per kop', '€ 0,42', False]
    """
    mine, rivals, lower, criteria, own = _analysis(analysis, lower_is_better, criteria, own)
    usps = usp_table(mine.to_dict(), rivals, higher_is_better=lower).set_index("criterium")
    rows = []
    for criterion in usps.index:
        up = lower.get(criterion, True)
        best = rivals[criterion].idxmax() if up else rivals[criterion].idxmin()
        label, ours = _criterion_parts(criterion, mine[criterion], criteria)
        rows.append((label, ours, _criterion_parts(criterion, rivals.loc[best, criterion], criteria)[1], best,
                     bool(usps.loc[criterion, "usp"])))
    return pd.DataFrame(rows, columns=["criterium", "eigen", "beste_concurrent", "concurrent", "usp"])


def competitor_check(motive: str, *, analysis: pd.DataFrame | None = None, lower_is_better=None,
                     criteria=None, own: str | None = None) -> list[str]:
    """Is the argument for this customer's motive a USP against the competitors? (fase 2, §4.1)

    The argument follows the customer's motive (the sellogram); the concurrentieanalyse says
    whether the company beats every competitor on the criterion of that motive (``criteria``:
    column → (name, unit, motive), default :data:`CRITERIA`). Returns Dutch sentences: the verdict
    for the motive, and the company's USPs.

    >>> competitor_check("zekerheid")[0]
    'Het argument bij zekerheid is ook een USP: hersteltijd bij storing 24 uur bij Brandwijk Koffie & Vending, bij de beste concurrent 36 uur (VendoPlus).'
    >>> competitor_check("economie")[0].split(":")[0]
    'Het argument bij economie past bij het motief, maar is geen USP'
    """
    from .vocabulary import SABONE

    v.choice(motive, "motive", list(SABONE.values()))
    mine, rivals, lower, crit, own = _analysis(analysis, lower_is_better, criteria, own)
    table = competitor_usps(analysis, lower_is_better=lower, criteria=crit, own=own)
    names = {c: crit.get(c, (c,))[0] for c in mine.index}
    matching = [names[c] for c in mine.index if crit.get(c, (None, None, None))[2] == motive]
    lines = []
    for row in table[table["criterium"].isin(matching)].itertuples(index=False):
        if row.usp:
            lines.append(f"Het argument bij {motive} is ook een USP: {row.criterium} {row.eigen} bij {own}, "
                         f"bij de beste concurrent {row.beste_concurrent} ({row.concurrent}).")
        else:
            lines.append(f"Het argument bij {motive} past bij het motief, maar is geen USP: {row.concurrent} scoort "
                         f"even goed of beter op {row.criterium} ({row.beste_concurrent} tegen {row.eigen}). Breng het "
                         f"als voordeel voor deze klant, niet als iets wat alleen {own} kan.")
    if not matching:
        lines.append(f"De concurrentieanalyse heeft geen criterium bij het motief {motive}: toets het "
                     f"argument in het gesprek en vraag naar het aanbod van de concurrent.")
    unique = [f"{r.criterium} {r.eigen}" for r in table[table["usp"]].itertuples(index=False)]
    lines.append(f"USP's tegenover alle concurrenten: {', '.join(unique)}." if unique
                 else "Tegenover alle concurrenten heeft het bedrijf op deze criteria geen USP.")
    return lines


def usp_table(own, competitors, *, higher_is_better=None) -> pd.DataFrame:
    """USP's uit de concurrentieanalyse (stappenplan fase 2, §4.1).

    ``own`` maps criteria to the company's score (e.g. service-uren, levertijd, prijs);
    ``competitors`` is a DataFrame with one row per competitor and the same criteria as
    columns. A criterion is a USP when the company beats the best competitor on it.
    ``higher_is_better`` maps criteria to False where less is better (price, delivery time).
    Returns per criterion: ``eigen``, ``beste_concurrent``, ``verschil`` (positive = better)
    and ``usp``.

    >>> comp = pd.DataFrame({"levertijd_dagen": [3, 2], "servicegraad": [0.90, 0.95]})
    >>> usp_table({"levertijd_dagen": 1, "servicegraad": 0.93}, comp,
    ...           higher_is_better={"levertijd_dagen": False})[["criterium", "verschil", "usp"]]
             criterium  verschil    usp
    0  levertijd_dagen      1.00   True
    1     servicegraad     -0.02  False
    """
    if not isinstance(own, dict) or not own:
        raise InputError("'own' moet een dict zijn met per criterium de eigen score, bv. {'levertijd_dagen': 1}.")
    v.table(competitors, "competitors", list(own))
    direction = {k: True for k in own}
    direction.update(higher_is_better or {})
    rows = []
    for criterion, value in own.items():
        mine = v.number(value, f"own['{criterion}']")
        theirs = v.column_numbers(competitors, criterion, "competitors")
        up = bool(direction[criterion])
        best = theirs.max() if up else theirs.min()
        diff = (mine - best) if up else (best - mine)
        rows.append((criterion, mine, float(best), round(float(diff), 12), diff > 0))
    return pd.DataFrame(rows, columns=["criterium", "eigen", "beste_concurrent", "verschil", "usp"])


def usp_from_deals(opportunities, *, motive_col="motive", outcome_col="outcome", reason_col="reason",
                   won="gewonnen", lost="verloren") -> pd.DataFrame:
    """USP's uit gewonnen en verloren deals (stappenplan fase 2, §4.1).

    Per buying motive of the customer: ``gewonnen``, ``verloren``, ``win_rate`` (won / (won +
    lost)), ``verschil`` (win rate minus the overall win rate) and ``reden`` (the most frequent
    reason given when we won). Motives where we win more often than on average point at our
    USPs; those where we lose more often at our weak spots (UBR of the competitor).

    >>> deals = pd.DataFrame({"motive": ["zekerheid"] * 3 + ["economie"] * 2,
    ...     "outcome": ["gewonnen", "gewonnen", "verloren", "verloren", "gewonnen"],
    ...     "reason": ["service", "service", "prijs", "prijs", "prijs"]})
    >>> usp_from_deals(deals)[["motive", "win_rate", "reden"]]
          motive  win_rate    reden
    0  zekerheid  0.666667  service
    1   economie  0.500000    prijs
    """
    v.table(opportunities, "opportunities", [motive_col, outcome_col, reason_col])
    frame = pd.DataFrame({"m": opportunities[motive_col].astype(str).to_numpy(),
                          "o": opportunities[outcome_col].astype(str).to_numpy(),
                          "r": opportunities[reason_col].astype(str).to_numpy()})
    closed = frame[frame["o"].isin([won, lost])]
    if closed.empty:
        raise InputError(f"Er zijn geen afgesloten deals (uitkomst {won!r} of {lost!r}).")
    out = pd.crosstab(closed["m"], closed["o"]).reindex(columns=[won, lost], fill_value=0)
    out.columns = ["gewonnen", "verloren"]
    out["win_rate"] = out["gewonnen"] / (out["gewonnen"] + out["verloren"])
    overall = out["gewonnen"].sum() / (out["gewonnen"].sum() + out["verloren"].sum())
    out["verschil"] = out["win_rate"] - overall
    wins = closed[closed["o"] == won]
    out["reden"] = wins.groupby("m")["r"].agg(lambda r: r.value_counts().index[0]).reindex(out.index)
    out = out.sort_values("win_rate", ascending=False, kind="stable").reset_index()
    return out.rename(columns={"m": motive_col})


def _deal_comparisons(deals: pd.DataFrame, motive_col: str) -> list:
    from .evidence import compare_rates

    v.table(deals, "deals", [motive_col, "gewonnen", "verloren", "reden"])
    won = deals["gewonnen"].to_numpy(dtype=float)
    closed = won + deals["verloren"].to_numpy(dtype=float)
    return [(motive, compare_rates([won[i], won.sum() - won[i]], [closed[i], closed.sum() - closed[i]],
                                   [motive, _OTHER_MOTIVES]))
            for i, motive in enumerate(deals[motive_col].astype(str))]


_OTHER_MOTIVES = "de andere motieven"


def deal_usp_verdicts(deals: pd.DataFrame, *, motive_col: str = "motive") -> pd.Series:
    """Per motive of :func:`usp_from_deals`: "USP", "zwakke plek" or "" (no clear difference, §4.1).

    A motive is a USP only when its win rate is clearly higher than that of the deals with the
    other motives, a weak spot only when it is clearly lower (:func:`salesnb.evidence.compare_rates`:
    enough deals and a gap larger than the noise); a gap of a few points on a few dozen deals is no USP.

    >>> deals = pd.DataFrame({"motive": ["zekerheid", "economie", "gemak"], "gewonnen": [160, 60, 100],
    ...                       "verloren": [40, 140, 100], "reden": ["service", "prijs", "één leverancier"]})
    >>> deal_usp_verdicts(deals).tolist()
    ['USP', 'zwakke plek', '']
    """
    verdicts = []
    for motive, c in _deal_comparisons(deals, motive_col):
        clear_high = c.clear and c.highest == motive
        clear_low = c.clear and c.highest == _OTHER_MOTIVES
        verdicts.append("USP" if clear_high else "zwakke plek" if clear_low else "")
    return pd.Series(verdicts, index=deals.index, name="oordeel")


def deal_usp_findings(deals: pd.DataFrame, *, motive_col: str = "motive") -> list[str]:
    """The USPs and weak spots of :func:`deal_usp_verdicts` as Dutch sentences (fase 2, §4.1).

    >>> deals = pd.DataFrame({"motive": ["zekerheid", "economie", "gemak"], "gewonnen": [160, 60, 100],
    ...                       "verloren": [40, 140, 100], "reden": ["service", "prijs", "één leverancier"]})
    >>> for line in deal_usp_findings(deals): print(line)
    USP bij motief zekerheid: 'service'. De win rate is hoger bij zekerheid (80,0%) dan bij de andere motieven (40,0%); dat verschil is groter dan de ruis.
    Zwakke plek: motief economie. De win rate is hoger bij de andere motieven (65,0%) dan bij economie (30,0%); dat verschil is groter dan de ruis.
    """
    strong, weak = [], []
    for i, (motive, c) in enumerate(_deal_comparisons(deals, motive_col)):
        if c.clear and c.highest == motive:
            strong.append(f"USP bij motief {motive}: '{deals['reden'].iloc[i]}'. " + c.sentence("de win rate"))
        elif c.clear:
            weak.append(f"Zwakke plek: motief {motive}. " + c.sentence("de win rate"))
    if not strong:
        strong.append("Bij geen enkel koopmotief wint Brandwijk duidelijk vaker dan bij de andere motieven: "
                      "de deals wijzen (nog) geen USP aan.")
    return strong + weak


# ---------------------------------------------------------------------------------------------
# Phase 5: after sales
# ---------------------------------------------------------------------------------------------

def nps_after_purchase(nps_answers, *, moment="na aankoop", moment_col="moment",
                       score_col="score", by=None) -> pd.DataFrame:
    """NPS na aankoop (stappenplan fase 5, §1.1): NPS of the answers given after purchase.

    Keeps the rows where ``moment_column == moment`` and returns per ``by`` group (or one row
    ``totaal``): ``antwoorden``, ``promotors``, ``passief``, ``criticasters`` (shares) and
    ``nps`` (−100..100, unrounded). Promotors score 9–10, criticasters 0–6.

    >>> answers = pd.DataFrame({"moment": ["na aankoop"] * 4 + ["jaarlijks"],
    ...                         "score": [10, 9, 7, 3, 0]})
    >>> nps_after_purchase(answers)[["antwoorden", "nps"]]
            antwoorden   nps
    totaal           4  25.0
    """
    v.table(nps_answers, "nps", [moment_col, score_col] + ([by] if by else []))
    rows = nps_answers[nps_answers[moment_col].astype(str) == str(moment)]
    if rows.empty:
        found = ", ".join(sorted(map(str, nps_answers[moment_col].dropna().unique())))
        raise InputError(
            f"Er zijn geen antwoorden met {moment_col} == {moment!r}. Aanwezig zijn: {found}."
        )
    points = v.column_numbers(rows, score_col, "nps", minimum=0, maximum=10)
    frame = pd.DataFrame({
        "g": rows[by].astype(str).to_numpy() if by else np.full(len(rows), "totaal"),
        "promotors": points >= 9, "passief": (points >= 7) & (points <= 8), "criticasters": points <= 6,
    })
    out = frame.groupby("g", sort=True).agg(
        antwoorden=("promotors", "size"), promotors=("promotors", "mean"),
        passief=("passief", "mean"), criticasters=("criticasters", "mean"))
    out["nps"] = (out["promotors"] - out["criticasters"]) * 100.0
    out.index.name = by
    return out


def _baskets(orders, customer, item) -> pd.DataFrame:
    """0/1 table: one row per customer, one column per item (sorted), 1 = bought at least once."""
    v.table(orders, "orders", [customer, item])
    keep = orders[customer].notna().to_numpy() & orders[item].notna().to_numpy()
    cust_codes, customers = pd.factorize(orders[customer].to_numpy()[keep], sort=True)
    item_codes, items = pd.factorize(orders[item].astype(str).to_numpy()[keep], sort=True)
    table = np.zeros((len(customers), len(items)), dtype=np.int64)
    table[cust_codes, item_codes] = 1
    return pd.DataFrame(table, index=pd.Index(customers, name=customer), columns=pd.Index(items, name=item))


def co_purchase(orders, *, customer_col="customer_id", item_col="product_group") -> pd.DataFrame:
    """Cross-selltabel (stappenplan fase 5): "klanten van X kopen ook Y".

    Row X, column Y holds the share of customers who bought X that also bought Y (the
    diagonal is 1). Read a row: of the customers of koffie, 40% also buy snacks.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...     "product_group": ["koffie", "snacks", "koffie", "water", "koffie"]})
    >>> co_purchase(orders).round(2)
    product_group  koffie  snacks  water
    product_group
    koffie            1.0    0.33   0.33
    snacks            1.0    1.00   0.00
    water             1.0    0.00   1.00
    """
    baskets = _baskets(orders, customer_col, item_col)
    matrix = baskets.T.to_numpy() @ baskets.to_numpy()
    buyers = np.diag(matrix).astype(float)
    shares = matrix / buyers[:, None]
    labels = pd.Index(baskets.columns, name=item_col)
    return pd.DataFrame(shares, index=labels, columns=labels.copy())


def cross_sell_candidates(orders, *, customer_col="customer_id", item_col="product_group",
                          min_share=0.3, top=1) -> pd.DataFrame:
    """Cross-sell kandidaten (stappenplan fase 5): per customer the groups they do not buy yet.

    For every customer and every product group Y they have not bought, the ``kans`` is the
    highest co-purchase share from a group X they do buy ("klanten van X kopen ook Y").
    Candidates with kans ≥ ``min_share`` are kept, at most ``top`` per customer, best first.
    Columns: ``customer_col``, ``advies`` (Y), ``omdat`` (X) and ``kans``.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...     "product_group": ["koffie", "snacks", "koffie", "water", "snacks"]})
    >>> cross_sell_candidates(orders, min_share=0.5)
       customer_id  advies    omdat  kans
    0            1   water   koffie   0.5
    1            2  snacks   koffie   0.5
    2            3  koffie   snacks   0.5
    """
    min_share = v.fraction(min_share, "min_share")
    top = int(v.number(top, "top", minimum=1, integer=True))
    baskets = _baskets(orders, customer_col, item_col)
    counts = baskets.to_numpy()
    matrix = counts.T @ counts
    shares = matrix / np.diag(matrix).astype(float)[:, None]
    owned = counts.astype(bool)
    # score[c, x, y] = share(x -> y) where c owns x; take the best x per (c, y).
    via = np.where(owned[:, :, None], shares[None, :, :], -1.0)
    best_x = via.argmax(axis=1)
    best = via.max(axis=1)
    best[owned] = -1.0
    c_idx, y_idx = np.nonzero(best >= min_share)
    groups = np.asarray(baskets.columns)
    out = pd.DataFrame({
        customer_col: np.asarray(baskets.index)[c_idx],
        "advies": groups[y_idx],
        "omdat": groups[best_x[c_idx, y_idx]],
        "kans": best[c_idx, y_idx],
    })
    out = out.sort_values([customer_col, "kans", "advies"], ascending=[True, False, True], kind="stable")
    return out.groupby(customer_col, sort=False).head(top).reset_index(drop=True)


#: Default follow-up e-mails after delivery: (days after delivery, subject).
FOLLOW_UP_STEPS: tuple[tuple[int, str], ...] = (
    (1, "Bedankt voor uw bestelling en uw contactpersoon"),
    (7, "Hoe bevalt het? Korte tevredenheidsvraag (NPS)"),
    (30, "Tips voor gebruik en onderhoud"),
    (60, "Aanbeveling: producten die vergelijkbare klanten ook kopen"),
    (90, "Evaluatie en uitnodiging voor een gesprek"),
)


#: Fixed-date Dutch public holidays as (month, day): Nieuwjaarsdag, Koningsdag, Bevrijdingsdag,
#: Eerste en Tweede Kerstdag. Bevrijdingsdag is included every year (many offices close only in
#: lustrum years, but moving a mail one day is harmless). Moveable feasts (Pasen, Hemelvaart,
#: Pinksteren) are left out to keep it simple; pass their dates in ``holidays`` if needed.
#: When 27 April is a Sunday Koningsdag is on the 26th: that Saturday is skipped anyway.
DUTCH_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (4, 27), (5, 5), (12, 25), (12, 26))


def _holiday_mask(send: pd.Series, holidays) -> np.ndarray:
    """True where ``send`` falls on one of ``holidays``: (month, day) pairs or full dates."""
    month_day, full = set(), []
    for item in holidays:
        if isinstance(item, tuple) and len(item) == 2:
            month_day.add((int(item[0]), int(item[1])))
        else:
            stamp = pd.to_datetime(item, errors="coerce")
            if pd.isna(stamp):
                raise InputError(f"'holidays': {item!r} is geen datum; geef (maand, dag) zoals (12, 25) "
                                 f"of een datum zoals '2026-04-06'.")
            full.append(stamp.normalize())
    pairs = list(zip(send.dt.month, send.dt.day))
    mask = np.array([pair in month_day for pair in pairs], dtype=bool)
    if full:
        mask |= send.dt.normalize().isin(full).to_numpy()
    return mask


def follow_up_schedule(deliveries, *, date_col="delivery_date", key_col="customer_id",
                       steps=FOLLOW_UP_STEPS, weekdays_only=True,
                       holidays=DUTCH_HOLIDAYS) -> pd.DataFrame:
    """Geautomatiseerde after-sales e-mails (stappenplan fase 5): a dated schedule.

    ``deliveries`` is a DataFrame with a delivery ``date_col`` (and a ``key_col`` column, e.g. the
    customer), or a single date. ``steps`` lists (days after delivery, subject). When
    ``weekdays_only``, a mail that would fall on a Saturday or Sunday moves to the Monday.
    A mail on one of the ``holidays`` (default :data:`DUTCH_HOLIDAYS`, fixed-date Dutch public
    holidays; (month, day) pairs or full dates) moves to the next working day; ``holidays=()``
    switches this off.
    Returns one row per delivery and step: the key, ``levering``, ``dagen_na_levering``,
    ``verzenddatum`` and ``onderwerp``, sorted by date.

    >>> follow_up_schedule("2026-03-06", steps=[(1, "Bedankt"), (7, "Tevreden?")])
        levering  dagen_na_levering verzenddatum onderwerp
    0 2026-03-06                  1   2026-03-09   Bedankt
    1 2026-03-06                  7   2026-03-13 Tevreden?
    >>> follow_up_schedule("2026-12-24", steps=[(1, "Bedankt")])["verzenddatum"].iloc[0].date()
    datetime.date(2026, 12, 28)
    """
    if isinstance(deliveries, pd.DataFrame):
        v.table(deliveries, "deliveries", [date_col] + ([key_col] if key_col in deliveries.columns else []))
        when = _dates(deliveries[date_col], f"deliveries['{date_col}']")
        keys = deliveries[key_col].to_numpy() if key_col in deliveries.columns else None
    else:
        when = _dates(pd.Series([deliveries]), "deliveries")
        keys = None
    if isinstance(steps, (str, bytes)) or len(steps) == 0:
        raise InputError("'steps' moet een lijst van (dagen na levering, onderwerp) zijn.")
    days = v.numbers_array([s[0] for s in steps], "dagen na levering", minimum=0, integer=True)
    subjects = [str(s[1]) for s in steps]
    n, k = len(when), len(steps)
    base = np.repeat(when.to_numpy(), k)
    offsets = np.tile(days.astype("int64"), n)
    send = pd.Series(base + offsets.astype("timedelta64[D]"))
    holidays = () if holidays is None else holidays
    if isinstance(holidays, (str, bytes)):
        raise InputError("'holidays' moet een lijst van feestdagen zijn, bv. [(12, 25), (12, 26)].")
    for _ in range(14):  # a weekend plus a run of holidays never lasts two weeks
        move = _holiday_mask(send, holidays)
        if weekdays_only:
            move |= (send.dt.day_of_week >= 5).to_numpy()
        if not move.any():
            break
        send = send + pd.to_timedelta(move.astype("int64"), unit="D")
    out = pd.DataFrame({"levering": base, "dagen_na_levering": offsets,
                        "verzenddatum": send.to_numpy(), "onderwerp": np.tile(subjects, n)})
    if keys is not None:
        out.insert(0, key_col, np.repeat(keys, k))
    return out.sort_values(["verzenddatum", "dagen_na_levering"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Phase 6: klantenbeheer
# ---------------------------------------------------------------------------------------------

def cohort_retention(orders, *, customers=None, customer_col="customer_id", date_col="date",
                     acquired_col="acquired_on", as_share=True) -> pd.DataFrame:
    """Klantbehoud per cohort (stappenplan fase 6, §6.4): acquisition year × years since.

    With ``customers`` (a table with ``customer_col`` and the acquisition date ``acquired_col``) the
    cohort of a customer is the year they were acquired; cohorts acquired before the first
    year of the orders are left out (their early years are not in the data). Without it, the
    cohort is the year of the customer's first order. Cell (cohort, t) holds the share of the
    cohort that ordered in year cohort + t, or the number of customers when
    ``as_share=False``. Years after the last year in the data stay empty (NaN).

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 3],
    ...     "date": pd.to_datetime(["2023-01-05", "2024-02-01", "2023-06-01",
    ...                             "2024-03-01", "2025-01-01", "2025-02-01"])})
    >>> cohort_retention(orders)
    jaren_sinds  0    1    2
    cohort
    2023         1.0  0.5  0.0
    2024         1.0  1.0  NaN
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3, 4],
    ...     "acquired_on": pd.to_datetime(["2023-01-01", "2023-05-01", "2023-12-01", "2024-01-01"])})
    >>> cohort_retention(orders, customers=customers).round(2)  # 2023: {1,2}, {1,3}, {3} of 3
    jaren_sinds     0     1     2
    cohort
    2023         0.67  0.67  0.33
    2024         0.00  0.00   NaN
    """
    v.table(orders, "orders", [customer_col, date_col])
    when = _dates(orders[date_col], f"orders['{date_col}']")
    frame = pd.DataFrame({"c": orders[customer_col].to_numpy(), "y": when.dt.year.to_numpy()})
    frame = frame.drop_duplicates()
    first_year, last = int(frame["y"].min()), int(frame["y"].max())
    if customers is None:
        start = frame.groupby("c")["y"].min()
    else:
        v.table(customers, "customers", [customer_col, acquired_col])
        start = pd.Series(_dates(customers[acquired_col], f"customers['{acquired_col}']").dt.year.to_numpy(),
                          index=customers[customer_col].to_numpy())
        start = start[(start >= first_year) & (start <= last)]
        if start.empty:
            raise InputError("Geen enkele klant is geworven in de jaren van de orders; er zijn geen cohorten.")
    sizes = start.value_counts().sort_index()
    frame = frame[frame["c"].isin(start.index)]
    frame["cohort"] = frame["c"].map(start).to_numpy()
    frame["jaren_sinds"] = frame["y"] - frame["cohort"]
    frame = frame[frame["jaren_sinds"] >= 0]
    horizon_max = last - int(sizes.index.min())
    counts = pd.crosstab(frame["cohort"], frame["jaren_sinds"]).reindex(
        index=sizes.index, columns=range(horizon_max + 1), fill_value=0)
    horizon = last - counts.index.to_numpy()[:, None]
    table = counts.astype(float).mask(counts.columns.to_numpy()[None, :] > horizon)
    if as_share:
        table = table.div(sizes.to_numpy(dtype=float), axis=0)
    table.index = pd.Index(sizes.index.astype(int), name="cohort")
    table.columns = pd.Index(list(table.columns), name="jaren_sinds")
    return table


def retention_revenue(customers, revenue_per_customer, retention, *, years=5,
                      new_per_year=0) -> pd.DataFrame:
    """Effect van klantbehoud op omzet (stappenplan fase 6, §6.4).

    Starting with ``customers`` in year 1, each year a fraction ``retention`` stays and
    ``new_per_year`` customers join. Returns per year ``klanten`` (at the start of the year)
    and ``omzet`` (klanten × revenue_per_customer), and ``cumulatief``.

    >>> retention_revenue(100, 1000, 0.8, years=3)
       jaar  klanten     omzet  cumulatief
    0     1    100.0  100000.0    100000.0
    1     2     80.0   80000.0    180000.0
    2     3     64.0   64000.0    244000.0
    """
    n0 = v.number(customers, "customers", minimum=0)
    rev = v.number(revenue_per_customer, "revenue_per_customer", minimum=0)
    r = v.fraction(retention, "retention")
    years = int(v.number(years, "years", minimum=1, integer=True))
    new = v.number(new_per_year, "new_per_year", minimum=0)
    t = np.arange(years)
    # klanten_t = n0·r^t + new·(1 + r + ... + r^(t-1))
    geometric = np.array([sum(r ** k for k in range(i)) for i in t])
    count = n0 * r ** t + new * geometric
    omzet = count * rev
    return pd.DataFrame({"jaar": t + 1, "klanten": count, "omzet": omzet, "cumulatief": np.cumsum(omzet)})


#: Default assumptions for the retention actions of phase 6 (illustrative, per year):
#: cost per customer (€), fixed cost (€) and the retention uplift in percentage points.
#: The customers are organisations, many of them public bodies: a prize draw or loyalty points reward
#: the contact person, not the organisation, and clash with the integrity rules of public buyers (and
#: with many companies' purchasing codes). The actions therefore bind the organisation: information,
#: a yearly review, a service guarantee, and a discount written into the contract.
RETENTION_ACTIONS = pd.DataFrame({
    "actie": ["nieuwsbrief", "jaarlijks evaluatiegesprek", "servicegarantie", "contractkorting bij verlenging"],
    "kosten_per_klant": [2.0, 60.0, 10.0, 150.0],
    "vaste_kosten": [3000.0, 0.0, 12000.0, 0.0],
    "extra_behoud": [0.01, 0.03, 0.02, 0.04],
})


def retention_action_value(customers, margin_per_customer, *, actions=None,
                           base_retention=0.80) -> pd.DataFrame:
    """Wat levert een bindingsactie op? (stappenplan fase 6).

    For each action (a table with ``actie``, ``kosten_per_klant``, ``vaste_kosten`` and
    ``extra_behoud``, the uplift in retention as a fraction): ``extra_klanten`` =
    customers × extra_behoud (customers kept who would otherwise leave), ``extra_marge`` =
    extra_klanten × margin_per_customer (one year), ``kosten`` = customers ×
    kosten_per_klant + vaste_kosten, ``resultaat`` = extra_marge − kosten and
    ``nieuw_behoud`` = base_retention + extra_behoud (capped at 1).

    >>> acts = pd.DataFrame({"actie": ["nieuwsbrief"], "kosten_per_klant": [2.0],
    ...                      "vaste_kosten": [1000.0], "extra_behoud": [0.02]})
    >>> retention_action_value(1000, 800, actions=acts)[["actie", "extra_klanten", "resultaat"]]
             actie  extra_klanten  resultaat
    0  nieuwsbrief           20.0    13000.0
    """
    n = v.number(customers, "customers", minimum=0)
    margin = v.number(margin_per_customer, "margin_per_customer")
    base = v.fraction(base_retention, "base_retention")
    acts = RETENTION_ACTIONS if actions is None else actions
    cols = ["actie", "kosten_per_klant", "vaste_kosten", "extra_behoud"]
    v.table(acts, "actions", cols)
    per = v.column_numbers(acts, "kosten_per_klant", "actions", minimum=0)
    fixed = v.column_numbers(acts, "vaste_kosten", "actions", minimum=0)
    uplift = v.column_numbers(acts, "extra_behoud", "actions", minimum=0, maximum=1)
    extra = n * np.minimum(uplift, 1.0 - base)
    cost = n * per + fixed
    out = acts[cols].copy().reset_index(drop=True)
    out["nieuw_behoud"] = np.minimum(base + uplift, 1.0)
    out["extra_klanten"] = extra
    out["extra_marge"] = extra * margin
    out["kosten"] = cost
    out["resultaat"] = extra * margin - cost
    return out
