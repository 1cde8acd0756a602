"""H5 Sales funnel management (§5.1–5.4).

Business buying behaviour (buygrid, buying phases), team buying (DMU roles), the
funnel metrics (stage conversion, hit rate, win rate, average deal, sales cycle,
weighted pipeline, sales velocity) and the verkoopplan worked backwards from a
revenue target to weekly activities per account manager.

Rounding up in plans never suffers float error: every ``ceil`` goes through exact
fractions, rounded to 9 decimals first (so ``0.07 * 100`` gives 7, not 8).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import InputError
from .evidence import compare_rates
from .vocabulary import BUYING_SITUATIONS, DMU_ROLES, FUNNEL_STAGES

__all__ = [
    "BUYING_PHASES",
    "VAN_WEELE_STEPS",
    "buygrid_table",
    "buygrid_class",
    "ceil_exact",
    "sales_plan",
    "weekly_activities",
    "plan_inputs",
    "plan_summary",
    "ORDER_BASES",
    "hit_rate",
    "win_rate",
    "weighted_pipeline",
    "stage_conversion",
    "funnel_counts",
    "stage_reached",
    "opportunity_funnel",
    "stage_win_chance",
    "pipeline_by_stage",
    "funnel_metrics",
    "average_deal_size",
    "sales_cycle",
    "sales_velocity",
    "DMU_STATES",
    "dmu_per_opportunity",
    "win_rate_by_dmu",
    "dmu_role_findings",
]

# ---------------------------------------------------------------------------------------------
# §5.1 Zakelijk koopgedrag
# ---------------------------------------------------------------------------------------------

#: The eight buying phases of the buygrid, in order (§5.1).
BUYING_PHASES = (
    "probleemherkenning",
    "vaststellen van de behoefte (kenmerken en hoeveelheid)",
    "specificatie van het product",
    "zoeken naar leveranciers",
    "offertes aanvragen en analyseren",
    "offertes beoordelen en leverancier kiezen",
    "bestelprocedure vastleggen",
    "evaluatie van de prestaties",
)

#: Van Weele's purchasing process (tactical purchasing followed by ordering and follow-up).
VAN_WEELE_STEPS = (
    "specificeren",
    "selecteren",
    "contracteren",
    "bestellen",
    "bewaken",
    "nazorg",
)

# Which phases a buyer goes through consciously in each buying situation (the buygrid).
_BUYGRID = {
    "new task": ("ja",) * 8,
    "modified rebuy": ("misschien", "misschien", "ja", "misschien", "misschien", "misschien",
                       "misschien", "ja"),
    "straight rebuy": ("nee", "nee", "ja", "nee", "nee", "nee", "nee", "ja"),
}


def buygrid_table() -> pd.DataFrame:
    """Buygrid (§5.1): the eight buying phases against the three buying situations.

    Cells say whether the buyer goes through the phase consciously: 'ja', 'misschien' or 'nee'.

    >>> grid = buygrid_table()
    >>> grid.shape
    (8, 3)
    >>> grid.loc["zoeken naar leveranciers", "straight rebuy"]
    'nee'
    """
    grid = pd.DataFrame(_BUYGRID, index=pd.Index(BUYING_PHASES, name="koopfase"))
    return grid[list(BUYING_SITUATIONS)]


def buygrid_class(orders: pd.DataFrame, *, customer_col="customer_id", group_col="product_group",
                  date_col="date", new_need_customers=(), new_need_groups=()) -> pd.Series:
    """Buygrid situation of every order seen from the buying organisation (§5.1).

    The buygrid measures how new a purchase is *for the buyer*, not for the seller. A business
    that places its first order at Brandwijk almost always had coffee before, from another
    supplier: for the buyer that is a known need with a new supplier, a modified rebuy.

    - ``straight rebuy``: the customer bought this product group from us before;
    - ``modified rebuy``: the first purchase of a product group from us (also the very first
      purchase) for a need the buyer already had;
    - ``new task``: the first purchase for a need the buyer did not have before. Orders cannot
      show that, so it is given: ``new_need_customers`` (customers whose first purchase met a
      new need, such as a new office) and ``new_need_groups`` (product groups new to every buyer).

    Purchases on the same day as the first purchase of a group count as that first purchase.
    Returns a categorical Series aligned with ``orders``.

    >>> orders = pd.DataFrame({
    ...     "customer_id": [1, 1, 1, 2],
    ...     "product_group": ["koffie", "koffie", "thee", "water"],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-02-01", "2024-03-01", "2024-01-10"])})
    >>> buygrid_class(orders).tolist()
    ['modified rebuy', 'straight rebuy', 'modified rebuy', 'modified rebuy']
    >>> buygrid_class(orders, new_need_customers=[2]).tolist()
    ['modified rebuy', 'straight rebuy', 'modified rebuy', 'new task']
    """
    v.table(orders, "orders", [customer_col, group_col, date_col])
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    frame = pd.DataFrame({
        "customer": orders[customer_col].to_numpy(),
        "group": orders[group_col].astype(str).to_numpy(),
        "date": when.to_numpy(),
        "pos": np.arange(len(orders)),
    })
    first_ever = frame.groupby("customer")["date"].transform("min")
    first_group = frame.groupby(["customer", "group"])["date"].transform("min")
    new_customer = frame["customer"].isin(list(new_need_customers)) & (frame["date"] == first_ever)
    new_group = frame["group"].isin([str(g) for g in new_need_groups])
    first = frame["date"] == first_group
    situation = np.where(first & (new_customer | new_group), "new task",
                         np.where(first, "modified rebuy", "straight rebuy"))
    return pd.Series(pd.Categorical(situation, categories=list(BUYING_SITUATIONS)),
                     index=orders.index, name="koopsituatie")


# ---------------------------------------------------------------------------------------------
# §5.2 Team buying: the DMU
# ---------------------------------------------------------------------------------------------

#: The state of a DMU role at one opportunity.
DMU_STATES = ("gesproken", "niet gesproken", "geen rol")


def dmu_per_opportunity(contacts: pd.DataFrame, *, opportunity_col="opportunity_id", role_col="role",
                        met_col="met", roles=DMU_ROLES, opportunities=None) -> pd.DataFrame:
    """DMU roles per opportunity (§5.2): which roles the buyer has, and which ones we met.

    ``contacts`` has one row per person in the customer's DMU, with the opportunity, the
    DMU role and (column ``met_col``, optional: pass ``met_col=None``) whether the selling team
    spoke to that person. Per opportunity and role the state is 'gesproken', 'niet
    gesproken' (the role is there, we missed it) or 'geen rol' (nobody in that role).
    Adds counts ``rollen_in_dmu``, ``rollen_gesproken``, ``rollen_gemist`` and ``compleet``
    (no role missed). Pass ``opportunities`` (ids) to include opportunities without contacts.

    >>> contacts = pd.DataFrame({"opportunity_id": [1, 1, 2],
    ...                          "role": ["beslisser", "inkoper", "beslisser"],
    ...                          "met": [True, False, True]})
    >>> t = dmu_per_opportunity(contacts, roles=("beslisser", "inkoper"))
    >>> t[["beslisser", "inkoper", "rollen_gemist", "compleet"]].values.tolist()
    [['gesproken', 'niet gesproken', 1, False], ['gesproken', 'geen rol', 0, True]]
    """
    roles = list(roles)
    if not roles:
        raise InputError("'roles' is leeg; geef de DMU-rollen die je wilt tellen.")
    needed = [opportunity_col, role_col] + ([met_col] if met_col is not None else [])
    v.table(contacts, "contacts", needed, allow_empty=opportunities is not None)
    unknown = sorted(set(contacts[role_col].dropna().astype(str)) - set(roles))
    if unknown:
        raise InputError(
            f"De kolom '{role_col}' bevat rollen die geen DMU-rol zijn: {', '.join(unknown)}. "
            f"Gebruik {', '.join(roles)} of geef je eigen lijst mee met roles=[...]."
        )
    if met_col is None:
        spoken = pd.Series(True, index=contacts.index)
    else:
        if contacts[met_col].isna().any():
            raise InputError(f"De kolom '{met_col}' mist waarden; vul bij elk contact True of False in.")
        spoken = contacts[met_col].astype(bool)
    ids = contacts[opportunity_col]
    if opportunities is None:
        index = pd.Index(pd.unique(ids.dropna())).sort_values()
    else:
        index = pd.Index(list(opportunities))
    row = index.get_indexer(ids)
    col = pd.Index(roles).get_indexer(contacts[role_col].astype(str))
    keep = (row >= 0) & (col >= 0)
    present = np.zeros((len(index), len(roles)), dtype=bool)
    covered = np.zeros_like(present)
    present[row[keep], col[keep]] = True
    hit = keep & spoken.to_numpy(dtype=bool)
    covered[row[hit], col[hit]] = True
    state = np.where(covered, DMU_STATES[0], np.where(present, DMU_STATES[1], DMU_STATES[2]))
    table = pd.DataFrame(state, index=index, columns=roles)
    table.index.name = opportunity_col
    table["rollen_in_dmu"] = present.sum(axis=1).astype(int)
    table["rollen_gesproken"] = covered.sum(axis=1).astype(int)
    table["rollen_gemist"] = table["rollen_in_dmu"] - table["rollen_gesproken"]
    table["compleet"] = table["rollen_gemist"] == 0
    return table


def win_rate_by_dmu(coverage: pd.DataFrame, outcome: pd.Series, *, won="gewonnen", lost="verloren",
                    roles=DMU_ROLES) -> pd.DataFrame:
    """Win rate with each DMU role met against missed (§5.2).

    ``coverage`` is the table of :func:`dmu_per_opportunity`; ``outcome`` gives per
    opportunity (same index) 'gewonnen', 'verloren' or something else (open: left out).
    Per role, over the closed opportunities where the buyer has that role: won and lost
    deals and the win rate when we spoke to the role (``win_rate_gesproken``) and when we missed it
    (``win_rate_gemist``), and the ``verschil``. The row 'alle rollen' compares complete
    coverage with at least one missed role.

    >>> cov = pd.DataFrame({"beslisser": ["gesproken", "gesproken", "niet gesproken", "geen rol"]},
    ...                    index=[1, 2, 3, 4])
    >>> cov["compleet"] = cov["beslisser"] != "niet gesproken"
    >>> out = pd.Series(["gewonnen", "verloren", "verloren", "gewonnen"], index=[1, 2, 3, 4])
    >>> t = win_rate_by_dmu(cov, out, roles=["beslisser"])
    >>> t.loc["beslisser", ["win_rate_gesproken", "win_rate_gemist"]].tolist()
    [0.5, 0.0]
    """
    roles = list(roles)
    v.table(coverage, "coverage", roles + ["compleet"])
    if not isinstance(outcome, pd.Series):
        raise InputError("'outcome' moet een Series zijn met dezelfde index als de DMU-tabel.")
    outcome = outcome.reindex(coverage.index)
    closed = outcome.isin([won, lost]).to_numpy()
    is_won = (outcome == won).to_numpy()
    if not closed.any():
        raise InputError(f"Er zijn geen afgesloten opportunities ('{won}' of '{lost}') in de "
                         f"DMU-tabel; een win rate kan dan niet. Gebruik dezelfde ids als index.")
    rows = {}
    groups = [(r, coverage[r].to_numpy() == DMU_STATES[0], coverage[r].to_numpy() == DMU_STATES[1])
              for r in roles]
    complete = coverage["compleet"].to_numpy(dtype=bool)
    groups.append(("alle rollen", complete, ~complete))
    for label, met_mask, missed_mask in groups:
        row = {}
        for key, mask in (("gesproken", met_mask), ("gemist", missed_mask)):
            n_won = int((is_won & mask & closed).sum())
            n_closed = int((mask & closed).sum())
            row[f"gewonnen_{key}"] = n_won
            row[f"verloren_{key}"] = n_closed - n_won
            row[f"win_rate_{key}"] = n_won / n_closed if n_closed else np.nan
        row["verschil"] = row["win_rate_gesproken"] - row["win_rate_gemist"]
        rows[label] = row
    result = pd.DataFrame.from_dict(rows, orient="index")
    result.index.name = "rol"
    return result


def _met_vs_missed(row, labels):
    return compare_rates([row["gewonnen_gesproken"], row["gewonnen_gemist"]],
                         [row["gewonnen_gesproken"] + row["verloren_gesproken"],
                          row["gewonnen_gemist"] + row["verloren_gemist"]], labels)


def dmu_role_findings(per_role: pd.DataFrame) -> list[str]:
    """Sentences on the DMU roles (§5.2): which missed role clearly costs deals, and full coverage.

    ``per_role`` is the table of :func:`win_rate_by_dmu` (one row per role plus 'alle rollen').
    Per role the win rate when the role was spoken to is compared with when it was missed
    (:func:`salesnb.evidence.compare_rates`); the role with the largest ``verschil`` among the
    clear ones is named first, then the other clear roles, then complete coverage.

    >>> t = pd.DataFrame({"gewonnen_gesproken": [60, 70], "verloren_gesproken": [40, 30],
    ...                   "gewonnen_gemist": [20, 30], "verloren_gemist": [80, 70],
    ...                   "verschil": [0.4, 0.4]}, index=["beslisser", "alle rollen"])
    >>> for line in dmu_role_findings(t): print(line)
    De win rate is hoger als de beslisser gesproken is (60,0%) dan als de beslisser gemist is (20,0%); dat verschil is groter dan de ruis.
    De win rate is hoger bij alle rollen gesproken (70,0%) dan bij minstens één rol gemist (30,0%); dat verschil is groter dan de ruis.
    """
    v.table(per_role, "per_role", ["gewonnen_gesproken", "verloren_gesproken", "gewonnen_gemist",
                                   "verloren_gemist", "verschil"])
    if "alle rollen" not in per_role.index:
        raise InputError("'per_role' mist de rij 'alle rollen'; geef de tabel van win_rate_by_dmu mee.")
    roles = per_role.drop("alle rollen")
    comparisons = {role: _met_vs_missed(row, [f"de {role} gesproken is", f"de {role} gemist is"])
                   for role, row in roles.iterrows()}
    clear = [role for role, c in comparisons.items()
             if c.clear and c.highest == f"de {role} gesproken is"]
    lines = []
    if clear:
        costliest = max(clear, key=lambda role: roles.loc[role, "verschil"])
        lines.append(comparisons[costliest].sentence("de win rate", at="als"))
        others = [role for role in clear if role != costliest]
        if others:
            listed = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " en " + others[-1]
            lines.append(f"Ook een gemiste {listed} kost duidelijk deals.")
    else:
        lines.append("Bij geen enkele rol is de win rate duidelijk lager als de rol gemist is.")
    complete = _met_vs_missed(per_role.loc["alle rollen"], ["alle rollen gesproken", "minstens één rol gemist"])
    lines.append(complete.sentence("de win rate", at="bij"))
    return lines


# ---------------------------------------------------------------------------------------------
# §5.3 Funnel metrics
# ---------------------------------------------------------------------------------------------

#: The won deals the average order of a verkoopplan is taken from (§5.4): the deals from
#: cold-acquisition leads (the deals the calls lead to), every new customer (``customer_id`` empty)
#: or every customer.
ORDER_BASES = ("koude acquisitie", "nieuwe klanten", "alle klanten")


def _pair(name_a, a, name_b, b):
    """Validate two counts (numbers or equally long rows); return two float arrays and 'both scalar'."""
    def one(name, value):
        if np.ndim(value) == 0 and not isinstance(value, (str, bytes)):
            return np.array(v.number(value, name, minimum=0)), True
        return v.numbers_array(value, name, minimum=0), False
    x, x_scalar = one(name_a, a)
    y, y_scalar = one(name_b, b)
    if not x_scalar and not y_scalar:
        v.same_length(**{name_a: x, name_b: y})
    x, y = np.broadcast_arrays(x, y)
    return x.astype(float), y.astype(float), x_scalar and y_scalar


def hit_rate(orders, quotations) -> float:
    """Hit rate (scoringspercentage, §5.3) = orders / quotations sent.

    Works on two numbers or on two equally long rows of numbers (returns a Series then).

    >>> hit_rate(30, 120)
    0.25
    >>> hit_rate([3, 5], [10, 10]).tolist()
    [0.3, 0.5]
    """
    o, q, scalar = _pair("orders", orders, "quotations", quotations)
    if np.any(q == 0):
        raise InputError("'quotations' is 0: zonder offertes bestaat er geen hit rate.")
    if np.any(o > q):
        raise InputError(
            "Er zijn meer orders dan offertes. De hit rate is orders / offertes en kan niet boven 1 "
            "komen; heb je orders en offertes omgewisseld?"
        )
    if scalar:
        return float(o / q)
    return pd.Series(o / q, name="hit_rate")


def win_rate(won, lost) -> float:
    """Win rate (§5.3) = won / (won + lost): open offers do not count.

    Differs from the hit rate, which divides by all quotations, open ones included.

    >>> win_rate(30, 60)
    0.3333333333333333
    >>> win_rate([1, 2], [1, 0]).tolist()
    [0.5, 1.0]
    """
    w, lo, scalar = _pair("won", won, "lost", lost)
    total = w + lo
    if np.any(total == 0):
        raise InputError("Er is niets gewonnen en niets verloren: zonder afgesloten deals geen win rate.")
    if scalar:
        return float(w / total)
    return pd.Series(w / total, name="win_rate")


def weighted_pipeline(values, probabilities) -> float:
    """Weighted pipeline (gewogen pijplijn, §5.3) = Σ value × probability.

    >>> weighted_pipeline([10_000, 20_000], [0.5, 0.25])
    10000.0
    """
    vals = v.numbers_array(values, "values", minimum=0)
    probs = v.numbers_array(probabilities, "probabilities", minimum=0, maximum=1)
    v.same_length(values=vals, probabilities=probs)
    return float(np.dot(vals, probs))


def _stage_list(stages, name="stages"):
    stages = list(stages)
    if len(stages) < 2:
        raise InputError(f"'{name}' moet minstens twee fasen bevatten, in de volgorde van de funnel.")
    if len(set(stages)) != len(stages):
        raise InputError(f"'{name}' bevat een fase twee keer; elke fase mag maar één keer voorkomen.")
    return stages


def funnel_counts(stage_reached, *, stages=FUNNEL_STAGES) -> pd.Series:
    """Number of opportunities that reached at least each funnel stage (§5.3).

    ``stage_reached`` holds per opportunity the furthest stage it reached; ``stages``
    gives the order of the funnel.

    >>> funnel_counts(["lead", "offerte", "gewonnen", "offerte"],
    ...               stages=["lead", "offerte", "gewonnen"]).tolist()
    [4, 3, 1]
    """
    stages = _stage_list(stages)
    reached = pd.Series(stage_reached, dtype=object).reset_index(drop=True)
    if len(reached) == 0:
        raise InputError("'stage_reached' is leeg; er zijn geen opportunities om te tellen.")
    if reached.isna().any():
        raise InputError("'stage_reached' mist waarden; geef bij elke opportunity de bereikte fase.")
    unknown = sorted(set(reached.astype(str)) - set(stages))
    if unknown:
        raise InputError(
            f"Onbekende fase(n) {', '.join(unknown)}. Geef alle fasen op volgorde mee met "
            f"stages=[...]; nu zijn dat: {', '.join(stages)}."
        )
    position = reached.astype(str).map({s: i for i, s in enumerate(stages)}).to_numpy()
    counts = np.bincount(position, minlength=len(stages))[::-1].cumsum()[::-1]
    return pd.Series(counts.astype(int), index=pd.Index(stages, name="stage"), name="aantal")


def stage_conversion(counts, *, stages=None) -> pd.DataFrame:
    """Stage conversion of a funnel (§5.3): n(next stage) / n(this stage).

    ``counts`` is a Series or dict stage → number that reached the stage, in funnel order
    (or give the order with ``stages``). Returns ``stage``, ``aantal``, ``conversie`` (to the
    next stage; empty for the last stage) and ``vanaf_start`` (aantal / aantal of the first stage).

    >>> stage_conversion({"lead": 200, "offerte": 50, "order": 10})[["stage", "conversie"]]
         stage  conversie
    0     lead       0.25
    1  offerte       0.20
    2    order        NaN
    """
    if isinstance(counts, Mapping):
        counts = pd.Series(counts)
    if not isinstance(counts, pd.Series):
        raise InputError("'counts' moet een Series of dict zijn van fase → aantal, in funnelvolgorde.")
    if stages is not None:
        stages = _stage_list(stages)
        missing = [s for s in stages if s not in counts.index]
        if missing:
            raise InputError(f"'counts' mist de fase(n) {', '.join(map(str, missing))}.")
        counts = counts.reindex(stages)
    else:
        _stage_list(counts.index, "counts")
    n = v.numbers_array(counts, "counts", minimum=0)
    if n[0] == 0:
        raise InputError("De eerste fase heeft 0 opportunities; dan valt er niets te converteren.")
    if np.any(np.diff(n) > 0):
        raise InputError(
            "Een latere fase heeft meer opportunities dan een eerdere. Tel per fase hoeveel "
            "opportunities die fase minstens bereikten (zie funnel_counts)."
        )
    with np.errstate(divide="ignore", invalid="ignore"):
        conversion = np.append(np.where(n[:-1] > 0, n[1:] / n[:-1], np.nan), np.nan)
    return pd.DataFrame({
        "stage": [str(s) for s in counts.index],
        "aantal": n,
        "conversie": conversion,
        "vanaf_start": n / n[0],
    })


def stage_reached(opportunities: pd.DataFrame, *, stage_col="last_stage", outcome_col="outcome",
                  won="gewonnen") -> pd.Series:
    """The furthest funnel stage each opportunity reached (§5.3): the won stage for won deals.

    ``stage_col`` holds the furthest open stage (for lost deals where they dropped out).

    >>> opps = pd.DataFrame({"last_stage": ["offerte", "onderhandeling"],
    ...                      "outcome": ["verloren", "gewonnen"]})
    >>> stage_reached(opps).tolist()
    ['offerte', 'gewonnen']
    """
    v.table(opportunities, "opportunities", [stage_col, outcome_col])
    reached = np.where(opportunities[outcome_col].astype(object) == won, won,
                       opportunities[stage_col].astype(object))
    return pd.Series(reached, index=opportunities.index, name="stage_reached", dtype=object)


def opportunity_funnel(opportunities: pd.DataFrame, *, stages=FUNNEL_STAGES, stage_col="last_stage",
                       outcome_col="outcome", won="gewonnen", lost="verloren",
                       closed_only=True) -> pd.DataFrame:
    """The funnel of the opportunities table (§5.3): reached per stage and stage conversion.

    By default only closed opportunities count (``closed_only``): open ones have not finished
    their way through the funnel yet. Returns the table of :func:`stage_conversion`.

    >>> opps = pd.DataFrame({"last_stage": ["offerte", "offerte", "onderhandeling", "onderhandeling"],
    ...                      "outcome": ["verloren", "verloren", "gewonnen", "open"]})
    >>> opportunity_funnel(opps, stages=["offerte", "onderhandeling", "gewonnen"])["aantal"].tolist()
    [3.0, 1.0, 1.0]
    """
    v.table(opportunities, "opportunities", [stage_col, outcome_col])
    data = opportunities
    if closed_only:
        data = opportunities[opportunities[outcome_col].isin([won, lost])]
        if data.empty:
            raise InputError(f"Er zijn geen afgesloten opportunities ('{won}' of '{lost}').")
    counts = funnel_counts(stage_reached(data, stage_col=stage_col, outcome_col=outcome_col, won=won), stages=stages)
    return stage_conversion(counts)


def stage_win_chance(funnel: pd.DataFrame, *, stage_col="stage", count_col="aantal") -> pd.Series:
    """The company's own chance to win from each stage (§5.3): n(won) / n(reached the stage).

    ``funnel`` is the table of :func:`opportunity_funnel` (closed deals), its last row the won
    stage. A CRM often weighs the pipeline with fixed stage probabilities (10%, 25%, ...): an
    agreement, not a measurement. These are the measured chances of the company's own deals.

    >>> f = pd.DataFrame({"stage": ["offerte", "onderhandeling", "gewonnen"], "aantal": [100, 80, 60]})
    >>> stage_win_chance(f).round(2).to_dict()
    {'offerte': 0.6, 'onderhandeling': 0.75}
    """
    v.table(funnel, "funnel", [stage_col, count_col])
    if len(funnel) < 2:
        raise InputError("De funnel heeft minstens twee fasen nodig: een open fase en de fase 'gewonnen'.")
    counts = v.column_numbers(funnel, count_col, "funnel")
    won = counts[-1]
    chance = pd.Series(won / np.where(counts[:-1] > 0, counts[:-1], np.nan),
                       index=funnel[stage_col].astype(str).iloc[:-1].to_numpy(), name="eigen_kans")
    chance.index.name = "stage"
    return chance


def pipeline_by_stage(opportunities: pd.DataFrame, *, stages=FUNNEL_STAGES[:-1], stage_col="stage",
                      value_col="value", probability_col="probability", outcome_col="outcome",
                      open_outcome="open") -> pd.DataFrame:
    """Pipeline forecast per stage (§5.3): open opportunities, their value and weighted value.

    Weighted value = Σ value × stage probability (the chance to win at that stage).

    >>> opps = pd.DataFrame({"stage": ["offerte", "offerte", "onderhandeling"], "value": [1000.0, 3000.0, 2000.0],
    ...                      "probability": [0.5, 0.5, 0.75], "outcome": ["open"] * 3})
    >>> pipeline_by_stage(opps, stages=["offerte", "onderhandeling"])[["aantal", "value", "gewogen"]].values.tolist()
    [[2.0, 4000.0, 2000.0], [1.0, 2000.0, 1500.0]]
    """
    stages = list(stages)
    v.table(opportunities, "opportunities", [stage_col, value_col, probability_col, outcome_col])
    data = opportunities[opportunities[outcome_col] == open_outcome]
    values = v.numbers_array(data[value_col], f"opportunities['{value_col}']", minimum=0, allow_empty=True)
    probs = v.numbers_array(data[probability_col], f"opportunities['{probability_col}']", minimum=0, maximum=1,
                            allow_empty=True)
    frame = pd.DataFrame({"stage": data[stage_col].astype(str).to_numpy(), "value": values,
                          "gewogen": values * probs, "aantal": 1.0})
    unknown = sorted(set(frame["stage"]) - set(stages))
    if unknown:
        raise InputError(f"Open opportunities in onbekende fase(n) {', '.join(unknown)}; "
                         f"geef alle open fasen mee met stages=[...].")
    table = frame.groupby("stage")[["aantal", "value", "gewogen"]].sum().reindex(stages, fill_value=0.0)
    table.index.name = "stage"
    table["probability"] = (table["gewogen"] / table["value"].where(table["value"] > 0)).astype(float)
    return table.reset_index()[["stage", "aantal", "value", "probability", "gewogen"]]


def funnel_metrics(opportunities: pd.DataFrame, *, outcome_col="outcome", value_col="value", created_col="created_on",
                   closed_col="closed_on", quotation_col="quotation_sent", probability_col="probability",
                   won="gewonnen", lost="verloren", open_outcome="open") -> pd.Series:
    """The funnel key figures of an opportunities table (§5.3), as one Series.

    - ``offertes``: quotations sent (``quotation_col`` is True), ``orders``: won deals;
    - ``hit_rate`` = orders / offertes; ``win_rate`` = won / (won + lost);
    - ``average_deal``: mean value of the won deals; ``sales_cycle``: mean days created → closed
      of the won deals;
    - ``open_opportunities`` and ``weighted_pipeline`` (Σ value × probability of the open ones);
    - ``sales_velocity`` = open opportunities × win rate × average deal / sales cycle (€ per day).

    >>> opps = pd.DataFrame({
    ...     "outcome": ["gewonnen", "verloren", "verloren", "open"],
    ...     "value": [4000.0, 1000.0, 2000.0, 6000.0],
    ...     "created_on": pd.to_datetime(["2025-01-01", "2025-01-01", "2025-02-01", "2025-03-01"]),
    ...     "closed_on": pd.to_datetime(["2025-01-21", "2025-02-01", "2025-03-01", None]),
    ...     "quotation_sent": [True, True, True, True], "probability": [1.0, 0.0, 0.0, 0.5]})
    >>> m = funnel_metrics(opps)
    >>> [float(m[k]) for k in ["hit_rate", "win_rate", "average_deal", "sales_cycle", "weighted_pipeline"]]
    [0.25, 0.3333333333333333, 4000.0, 20.0, 3000.0]
    """
    v.table(opportunities, "opportunities", [outcome_col, value_col, created_col, closed_col, quotation_col, probability_col])
    result = opportunities[outcome_col].astype(object)
    is_won = (result == won).to_numpy()
    is_lost = (result == lost).to_numpy()
    is_open = (result == open_outcome).to_numpy()
    if not is_won.any():
        raise InputError(f"Er zijn geen gewonnen deals ('{won}'); dan bestaan gemiddelde deal en "
                         f"verkoopcyclus niet.")
    sent = opportunities[quotation_col].fillna(False).astype(bool).to_numpy()
    won_rows = opportunities[is_won]
    average = average_deal_size(won_rows[value_col])
    cycle = sales_cycle(won_rows[created_col], won_rows[closed_col])
    wr = win_rate(int(is_won.sum()), int(is_lost.sum()))
    open_rows = opportunities[is_open]
    pipeline = (weighted_pipeline(open_rows[value_col], open_rows[probability_col]) if len(open_rows) else 0.0)
    return pd.Series({
        "offertes": float(sent.sum()),
        "orders": float(is_won.sum()),
        "lost": float(is_lost.sum()),
        "hit_rate": hit_rate(int(is_won.sum()), int(sent.sum())),
        "win_rate": wr,
        "average_deal": average,
        "sales_cycle": cycle,
        "open_opportunities": float(is_open.sum()),
        "weighted_pipeline": pipeline,
        "sales_velocity": sales_velocity(int(is_open.sum()), wr, average, cycle) if cycle > 0 else np.nan,
    }, name="waarde")


def average_deal_size(values) -> float:
    """Average deal size (gemiddelde dealomvang, §5.3): mean value of the won deals.

    >>> average_deal_size([4_000, 6_000, 11_000])
    7000.0
    """
    return float(np.mean(v.numbers_array(values, "values", minimum=0)))


def sales_cycle(created, closed) -> float:
    """Sales cycle (verkoopcyclus, §5.3): mean days from creation to closing of won deals.

    Pass the creation and closing dates of the won deals only.

    >>> created = pd.to_datetime(["2025-01-01", "2025-02-01"])
    >>> sales_cycle(created, pd.to_datetime(["2025-01-31", "2025-03-03"]))
    30.0
    """
    start = v.dates(created, "created")
    end = v.dates(closed, "closed")
    v.same_length(created=start, closed=end)
    days = (end.to_numpy() - start.to_numpy()) / np.timedelta64(1, "D")
    if np.any(days < 0):
        raise InputError(
            "Een deal sluit vóór hij is aangemaakt (closed < created). Controleer of je de twee "
            "datumkolommen niet hebt omgewisseld."
        )
    return float(np.mean(days))


def sales_velocity(opportunities, win_rate, average_deal, cycle_days) -> float:
    """Sales velocity (§5.3) = (#opportunities × win rate × average deal) / cycle length.

    The result is revenue per day when ``cycle_days`` is in days.

    >>> sales_velocity(100, 0.25, 8_000, 50)
    4000.0
    """
    n = v.number(opportunities, "opportunities", minimum=0)
    w = v.fraction(win_rate, "win_rate")
    deal = v.number(average_deal, "average_deal", minimum=0)
    cycle = v.number(cycle_days, "cycle_days", minimum=0, min_inclusive=False)
    return n * w * deal / cycle


# ---------------------------------------------------------------------------------------------
# §5.4 Het verkoopplan
# ---------------------------------------------------------------------------------------------

def _exact(value: float) -> Fraction:
    # The shortest decimal repr of a float is what the student typed: 0.07 -> 7/100 exactly.
    return Fraction(repr(float(value)))


def ceil_exact(value) -> int:
    """Round up without float error (§5.4): ``ceil_exact(0.07 * 100)`` is 7, not 8.

    The value is rounded to 9 decimals first, so float noise never adds a whole unit.

    >>> ceil_exact(0.07 * 100), ceil_exact(7.2)
    (7, 8)
    """
    if isinstance(value, Fraction):
        return math.ceil(round(value, 9))
    x = v.number(value, "value")
    return math.ceil(round(_exact(x), 9))


def _rates_list(rates):
    if isinstance(rates, pd.Series):
        items = list(rates.items())
    elif isinstance(rates, Mapping):
        items = list(rates.items())
    elif isinstance(rates, (list, tuple)) and all(isinstance(r, (list, tuple)) and len(r) == 2 for r in rates):
        items = [tuple(r) for r in rates]
    else:
        raise InputError(
            "'rates' moet een dict zijn van fase → conversie, in volgorde vanaf de order terug, "
            "bijvoorbeeld {'offertes': 0.25, 'bezoeken': 0.5, 'telefoongesprekken': 0.2}."
        )
    if not items:
        raise InputError("'rates' is leeg; geef minstens één conversie (bijvoorbeeld de hit rate).")
    names = [str(k) for k, _ in items]
    if len(set(names)) != len(names):
        raise InputError("'rates' bevat een fase twee keer; elke fase mag maar één keer voorkomen.")
    return [(name, v.fraction(rate, f"rates['{name}']", allow_zero=False)) for name, (_, rate)
            in zip(names, items)]


def sales_plan(target_revenue, average_order, rates, round_each_stage=True, *,
               order_stage="orders") -> pd.DataFrame:
    """Verkoopplan worked backwards (§5.4): from a revenue target to the activities needed.

    orders = target / average order; then every next stage = the previous stage / its rate,
    with ``rates`` an ordered dict from the order backwards, e.g.
    ``{"offertes": hit rate, "bezoeken": quotations per visit, "telefoongesprekken": visits per call}``.

    ``round_each_stage=True`` rounds every stage up to whole units before going to the next
    stage (you cannot make 33.3 orders); ``False`` keeps the in-between stages unrounded and
    rounds up only the end result (the last stage). Both are course conventions; each-stage
    rounding never gives a smaller plan. Returns ``stage``, ``ratio`` (empty for the orders row)
    and ``nodig``.

    >>> sales_plan(100_000, 3_000, {"offertes": 0.3, "bezoeken": 0.5})
          stage  ratio  nodig
    0    orders    NaN   34.0
    1  offertes    0.3  114.0
    2  bezoeken    0.5  228.0
    >>> sales_plan(100_000, 3_000, {"offertes": 0.3, "bezoeken": 0.5}, round_each_stage=False)["nodig"].round(2).tolist()
    [33.33, 111.11, 223.0]
    """
    target = v.number(target_revenue, "target_revenue", minimum=0, min_inclusive=False)
    average = v.number(average_order, "average_order", minimum=0, min_inclusive=False)
    if not isinstance(round_each_stage, (bool, np.bool_)):
        raise InputError("'round_each_stage' moet True of False zijn.")
    steps = _rates_list(rates)
    if order_stage in [name for name, _ in steps]:
        raise InputError(f"'{order_stage}' is al de naam van de orderfase; kies andere fasenamen in 'rates'.")
    current = _exact(target) / _exact(average)
    if round_each_stage:
        current = Fraction(ceil_exact(current))
    exact = [current]
    for i, (_, rate) in enumerate(steps):
        current = current / _exact(rate)
        if round_each_stage or i == len(steps) - 1:
            current = Fraction(ceil_exact(current))
        exact.append(current)
    return pd.DataFrame({
        "stage": [order_stage] + [name for name, _ in steps],
        "ratio": [np.nan] + [rate for _, rate in steps],
        "nodig": [float(x) for x in exact],
    })


def weekly_activities(plan, *, account_managers=1, working_weeks=46, round_up=True) -> pd.DataFrame:
    """Weekly activities per account manager from a yearly plan (§5.4).

    ``plan`` is the table of :func:`sales_plan` (or a dict stage → number per year). The yearly
    numbers are divided over the account managers and the working weeks (a parameter: 52 weeks
    minus holidays, training and fairs). ``round_up=True`` rounds the weekly number up without
    float error (a plan never falls short); ``False`` keeps it exact.

    >>> weekly_activities({"bezoeken": 460, "telefoongesprekken": 1000}, account_managers=2)
                    stage   nodig  per_accountmanager  per_week
    0            bezoeken   460.0               230.0       5.0
    1  telefoongesprekken  1000.0               500.0      11.0
    """
    if isinstance(plan, pd.DataFrame):
        v.table(plan, "plan", ["stage", "nodig"])
        stages = [str(s) for s in plan["stage"]]
        needed = v.numbers_array(plan["nodig"], "plan['nodig']", minimum=0)
    elif isinstance(plan, (Mapping, pd.Series)):
        stages = [str(s) for s in plan.keys()]
        needed = v.numbers_array(list(plan.values) if isinstance(plan, pd.Series) else list(plan.values()),
                                 "plan", minimum=0)
    else:
        raise InputError("'plan' moet de tabel van sales_plan zijn, of een dict fase → aantal per jaar.")
    managers = v.number(account_managers, "account_managers", minimum=1, integer=True)
    weeks = v.number(working_weeks, "working_weeks", minimum=1, maximum=52)
    per_manager = [_exact(x) / _exact(managers) for x in needed]
    per_week = [x / _exact(weeks) for x in per_manager]
    if round_up:
        per_week = [Fraction(ceil_exact(x)) for x in per_week]
    return pd.DataFrame({
        "stage": stages,
        "nodig": needed,
        "per_accountmanager": [float(x) for x in per_manager],
        "per_week": [float(x) for x in per_week],
    })


def _revenue_and_loss(orders: pd.DataFrame, year: int, customer_col: str) -> tuple[float, float]:
    """The revenue of ``year`` and the revenue of ``year − 1`` of the customers who did not order in ``year``."""
    order_year = pd.DatetimeIndex(orders["date"]).year
    base = float(orders.loc[order_year == year, "revenue"].sum())
    before = orders[order_year == year - 1]
    stayed = before[customer_col].isin(orders.loc[order_year == year, customer_col])
    return base, float(before.loc[~stayed.to_numpy(), "revenue"].sum())


def _chain_rates(cold_calls: pd.DataFrame, first: int, year: int, stages) -> dict:
    """Hit rate, quotations per visit and visits per call of the cold-acquisition chain of ``first``–``year``."""
    month = pd.DatetimeIndex(cold_calls["month"]).year
    chain = cold_calls[(month >= first) & (month <= year)][["calls", "appointments", "quotations", "orders"]].sum()
    if (chain == 0).any():
        years = f"{first}–{year}" if first < year else str(year)
        raise InputError(f"De koude acquisitie van {years} heeft een fase zonder aantallen; kies een ander jaar.")
    return {
        stages[0]: float(chain["orders"] / chain["quotations"]),
        stages[1]: float(chain["quotations"] / chain["appointments"]),
        stages[2]: float(chain["appointments"] / chain["calls"]),
    }


def plan_inputs(opportunities: pd.DataFrame, cold_calls: pd.DataFrame, targets: pd.DataFrame,
                orders: pd.DataFrame, leads: pd.DataFrame, *, year=2025, plan_year=2026, history=5,
                stages=("offertes", "bezoeken", "telefoongesprekken"),
                order_basis="koude acquisitie", customer_col: str = "customer_id",
                source_col: str = "source", cold_source: str = "koude acquisitie") -> dict:
    """The inputs of next year's verkoopplan for the cold acquisition, from the company's tables (§5.4).

    - ``growth_revenue``: the revenue to win from new customers = the revenue target of
      ``plan_year`` (sum of ``targets['revenue_target']``) − (the revenue of ``year`` − the
      ``lost_revenue``). Customers leave: ``lost_revenue`` is the revenue of ``year − 1`` of the
      customers who ordered then and not in ``year`` (last year's loss, the estimate for next year);
    - ``cold_share``: the part of the value won from new customers (deals with ``customer_col``
      empty) that came from leads of ``cold_source`` (``leads[source_col]``), over the ``history``
      years up to ``year``; the rest came through other channels (online, netwerken, aanbestedingen);
    - ``target_revenue`` = ``growth_revenue`` × ``cold_share``: what the hunters must win by calling
      (a won deal's value counts as one year of revenue);
    - ``average_order``: the mean value of the won deals in the same years. ``order_basis`` says
      which: ``"koude acquisitie"`` (default, the deals the rates below lead to), ``"nieuwe klanten"``
      (every new customer, tenders included) or ``"alle klanten"`` (new and existing mixed);
    - ``rates`` (ordered from the order backwards, named by ``stages``), from the cold-acquisition
      chain of the same years (one year holds too few quotations for a steady hit rate):
      hit rate = orders / quotations, quotations per visit = quotations / appointments,
      visits per call = appointments / calls.

    >>> opps = pd.DataFrame({"outcome": ["gewonnen", "gewonnen", "verloren", "gewonnen"],
    ...                      "value": [4000.0, 6000.0, 900.0, 1000.0], "lead_id": pd.array([1, 2, 3, None], "Int64"),
    ...                      "customer_id": pd.array([None, None, None, 7], dtype="Int64"),
    ...                      "closed_on": pd.to_datetime(["2025-03-01", "2025-06-01", "2025-07-01", "2025-08-01"])})
    >>> leads = pd.DataFrame({"lead_id": [1, 2, 3], "source": ["koude acquisitie", "online", "online"]})
    >>> calls = pd.DataFrame({"month": pd.to_datetime(["2025-01-01"]), "calls": [400], "appointments": [4],
    ...                       "quotations": [2], "orders": [1]})
    >>> goals = pd.DataFrame({"month": pd.to_datetime(["2026-01-01"]), "revenue_target": [150_000.0]})
    >>> sold = pd.DataFrame({"date": pd.to_datetime(["2024-02-02", "2025-05-05"]), "customer_id": [3, 7],
    ...                      "revenue": [20_000.0, 100_000.0]})
    >>> p = plan_inputs(opps, calls, goals, sold, leads)
    >>> p["lost_revenue"], p["growth_revenue"], p["cold_share"], p["target_revenue"]
    (20000.0, 70000.0, 0.4, 28000.0)
    >>> p["average_order"], p["rates"], p["years"]
    (4000.0, {'offertes': 0.5, 'bezoeken': 0.5, 'telefoongesprekken': 0.01}, (2021, 2025))
    >>> [plan_inputs(opps, calls, goals, sold, leads, order_basis=b)["average_order"]
    ...  for b in ("nieuwe klanten", "alle klanten")]
    [5000.0, 3666.6666666666665]
    """
    v.table(opportunities, "opportunities", ["outcome", "value", "closed_on", customer_col, "lead_id"])
    v.table(cold_calls, "cold_calls", ["month", "calls", "appointments", "quotations", "orders"])
    v.table(targets, "targets", ["month", "revenue_target"])
    v.table(orders, "orders", ["date", "revenue", customer_col])
    v.table(leads, "leads", ["lead_id", source_col])
    basis = v.choice(order_basis, "order_basis", ORDER_BASES)
    if len(stages) != 3:
        raise InputError("'stages' moet drie namen hebben: offertes, bezoeken en gesprekken.")
    year = int(v.number(year, "year", integer=True))
    plan_year = int(v.number(plan_year, "plan_year", integer=True))
    history = int(v.number(history, "history", integer=True, minimum=1))
    first = year - history + 1
    goal = float(targets.loc[pd.DatetimeIndex(targets["month"]).year == plan_year, "revenue_target"].sum())
    base, lost = _revenue_and_loss(orders, year, customer_col)
    if goal <= base - lost:
        raise InputError(f"Het omzetdoel van {plan_year} ligt niet boven de omzet van {year} min wat wegvalt; "
                         f"dan hoeven er geen nieuwe klanten bij.")
    closed = pd.DatetimeIndex(opportunities["closed_on"]).year
    won = (opportunities["outcome"].astype(object) == "gewonnen").to_numpy() & (closed >= first) & (closed <= year)
    new_won = won & opportunities[customer_col].isna().to_numpy()
    source = opportunities["lead_id"].map(leads.set_index("lead_id")[source_col].astype(object))
    cold_won = new_won & (source == cold_source).to_numpy()
    years = f"{first}–{year}" if first < year else str(year)
    if not cold_won.any():
        raise InputError(f"Er zijn in {years} geen gewonnen deals uit {cold_source} (opportunities met een lead_id "
                         f"van die bron); kies een langere history of een ander jaar.")
    deals = opportunities[{"koude acquisitie": cold_won, "nieuwe klanten": new_won, "alle klanten": won}[basis]]
    rates = _chain_rates(cold_calls, first, year, stages)
    growth = goal - base + lost
    values = opportunities["value"].astype(float)
    share = float(values[cold_won].sum() / values[new_won].sum())
    return {"target_revenue": round(growth * share, 2), "average_order": average_deal_size(deals["value"]),
            "rates": rates, "revenue_target": goal, "revenue_base": base, "lost_revenue": round(lost, 2),
            "growth_revenue": round(growth, 2), "cold_share": share, "order_basis": basis,
            "year": year, "plan_year": plan_year, "years": (first, year)}


#: The stages of :func:`plan_inputs`' rates, as a student reads them.
_RATE_NAMES = {"offertes": "hit rate: orders per offerte", "bezoeken": "offertes per bezoek",
               "telefoongesprekken": "bezoeken per telefoongesprek"}


def plan_summary(inputs: Mapping) -> pd.DataFrame:
    """The steps from revenue target to the cold-acquisition plan, one row each, in Dutch (§5.4).

    ``inputs``: the result of :func:`plan_inputs`. The values are finished Dutch texts
    (amounts, shares and rates in one column).

    >>> p = {"revenue_target": 150_000.0, "revenue_base": 100_000.0, "lost_revenue": 20_000.0,
    ...      "growth_revenue": 70_000.0, "cold_share": 0.5, "target_revenue": 35_000.0,
    ...      "average_order": 5_000.0, "rates": {"offertes": 0.5, "bezoeken": 0.5, "telefoongesprekken": 0.01},
    ...      "order_basis": "koude acquisitie", "year": 2025, "plan_year": 2026, "years": (2021, 2025)}
    >>> plan_summary(p)["waarde"].tolist()[:6]
    ['€ 150.000', '€ 100.000', '€ 20.000', '€ 70.000', '50,0%', '€ 35.000']
    """
    from .display import format_euro, format_percent

    missing = [k for k in ("revenue_target", "revenue_base", "lost_revenue", "growth_revenue", "cold_share",
                           "target_revenue", "average_order", "rates", "year", "plan_year", "years")
               if k not in inputs]
    if missing:
        raise InputError(f"plan_summary() verwacht het resultaat van plan_inputs(); er ontbreekt "
                         f"{', '.join(missing)}. Geef invoer = salesnb.plan_inputs(...) mee.")
    year, plan = inputs["year"], inputs["plan_year"]
    first, last = inputs["years"]
    years = f"{first}–{last}" if first < last else str(last)
    basis = inputs.get("order_basis", "koude acquisitie")
    rows = [
        (f"omzetdoel {plan}", format_euro(inputs["revenue_target"])),
        (f"omzet {year}", format_euro(inputs["revenue_base"])),
        (f"omzet die wegvalt (klanten van {year - 1} die in {year} niet meer bestelden)",
         format_euro(inputs["lost_revenue"])),
        (f"nieuw binnen te halen: doel − omzet {year} + wat wegvalt", format_euro(inputs["growth_revenue"])),
        (f"aandeel koude acquisitie in de waarde van de gewonnen deals bij nieuwe klanten ({years})",
         format_percent(inputs["cold_share"])),
        ("omzetdoel koude acquisitie (het verkoopplan)", format_euro(inputs["target_revenue"])),
        (f"gemiddelde order (gewonnen deals {years}, {basis})", format_euro(inputs["average_order"])),
    ]
    rows += [(f"{_RATE_NAMES.get(stage, stage)} (koude acquisitie {years})", format_percent(rate, 2))
             for stage, rate in inputs["rates"].items()]
    return pd.DataFrame(rows, columns=["onderdeel", "waarde"])
