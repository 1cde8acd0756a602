"""H6 Klantportfoliomanagement (§6.1–6.4): pyramid, ABC/Pareto, RFM, relationship cycle, CLV.

Every function takes plain values or tables with named columns (the column names are
keyword parameters), validates them with :mod:`salesnb._validate` and returns a float,
Series or DataFrame. Output columns that a student reads are Dutch (``klanten``,
``omzet``, ``laag``); the course's own English terms (recency, frequency, monetary,
CLV) keep their names.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import InputError

__all__ = [
    "PYRAMID_LAYERS",
    "LAYER_STRATEGIES",
    "BONOMA_SHAPIRO",
    "RELATIONSHIP_PHASES",
    "RELATIONSHIP_STRATEGIES",
    "clv",
    "clv_table",
    "segment_clv_inputs",
    "clv_per_segment",
    "clv_cac_ratio",
    "retention_rate",
    "abc_classes",
    "abc_summary",
    "lorenz_points",
    "gini",
    "customer_revenue",
    "customer_pyramid",
    "quota_layers",
    "split_prospects",
    "pyramid_summary",
    "pyramid_strategy",
    "pyramid_migration",
    "migration_moves",
    "rfm_scores",
    "rfm_grid",
    "segment_summary",
    "relationship_phase",
    "phase_summary",
]

#: Curry's klantenpiramide, top to bottom (§6.1).
PYRAMID_LAYERS = ("top", "groot", "middelgroot", "klein", "inactief", "prospect", "suspect")

#: Strategy per layer of the pyramid (§6.1), keyed by the default layer names.
LAYER_STRATEGIES = {
    "top": ("vasthouden", "Koester deze klanten: vaste accountmanager, hoogste serviceniveau, "
            "regelmatig overleg. Verlies van één topklant kost veel omzet."),
    "groot": ("vasthouden en promoveren", "Behoud de relatie en zoek groei (up- en cross-selling) "
              "zodat de klant naar de top doorgroeit."),
    "middelgroot": ("promoveren", "Zoek naar extra behoeften en vergroot het share of wallet; "
                    "hier zit de meeste groeiruimte."),
    "klein": ("promoveren of efficiënt bedienen", "Bedien goedkoop (online, binnendienst) en "
              "promoveer de klanten met potentieel."),
    "inactief": ("reactiveren of afstoten", "Vraag waarom de klant wegbleef; win waardevolle "
                 "klanten terug en laat onrendabele klanten gaan."),
    "prospect": ("werven", "Zet contacten en offertes om in een eerste order."),
    "suspect": ("identificeren", "Zoek uit welke organisaties in het klantprofiel passen en "
                "leg een eerste contact."),
}

#: Bonoma & Shapiro's nested B2B segmentation criteria (§6.2), outside to inside.
BONOMA_SHAPIRO = {
    "firmografisch": "branche, bedrijfsgrootte, regio (de buitenste schil, het makkelijkst te zien)",
    "operationeel": "gebruikte technologie, gebruikersstatus, eigen capaciteiten van de klant",
    "inkoopaanpak": "centrale of decentrale inkoop, machtsverhoudingen in de DMU, inkoopbeleid",
    "situationeel": "urgentie, ordergrootte, specifieke toepassing",
    "persoonlijk": "kenmerken van de beslissers: risicohouding, loyaliteit, koopstijl",
    "waarde": "omzet, marge, CLV, share of wallet (waardegebaseerde segmentatie)",
}

#: Phases of the klantrelatiecyclus as used for strategy (§6.3), in order.
RELATIONSHIP_PHASES = ("werven", "ontwikkelen", "behouden", "terugwinnen", "afscheid")

#: Relationship strategy per phase (§6.3).
RELATIONSHIP_STRATEGIES = {
    "werven": "Potentiële klant: leads opvolgen, offertes uitbrengen, eerste order binnenhalen.",
    "ontwikkelen": "Nieuwe klant: goed onboarden, verwachtingen waarmaken, up- en cross-selling.",
    "behouden": "Loyale klant: tevredenheid bewaken, contact onderhouden, loyaliteit belonen.",
    "terugwinnen": "Klant die recent wegbleef: oorzaak achterhalen en een gericht aanbod doen.",
    "afscheid": "Klant die al lang weg is: niet meer actief bewerken, of netjes afscheid nemen.",
}


# --------------------------------------------------------------------------- helpers

def _param(value, name, *, minimum=None, maximum=None, max_hint=False, allow_none=False):
    """Return a float (scalar input) or a float array (list/array/Series input)."""
    if value is None and allow_none:
        return None
    if v.is_number(value):
        return v.number(value, name, minimum=minimum, maximum=maximum)
    return v.numbers_array(value, name, minimum=minimum, maximum=maximum)


def _reference(reference_date, dates: pd.Series) -> pd.Timestamp:
    if reference_date is None:
        return dates.max().normalize() + pd.Timedelta(days=1)
    try:
        return pd.Timestamp(reference_date)
    except (ValueError, TypeError) as exc:
        raise InputError(
            f"'reference_date' is geen datum: {reference_date!r}. "
            "Schrijf bijvoorbeeld reference_date='2026-01-01'."
        ) from exc


def _orders(orders, name, customer_col, date_col, revenue_col=None) -> pd.DataFrame:
    """Validated copy of the needed order columns (customer, datetime date, float revenue)."""
    columns = [customer_col, date_col] + ([revenue_col] if revenue_col else [])
    v.table(orders, name, columns)
    out = pd.DataFrame({"klant": orders[customer_col].to_numpy()})
    if out["klant"].isna().any():
        raise InputError(f"De kolom '{customer_col}' van '{name}' mist klantnummers; vul ze aan.")
    out["datum"] = v.dates(orders[date_col], f"{name}['{date_col}']").to_numpy()
    if revenue_col:
        out["omzet"] = v.column_numbers(orders, revenue_col, name)
    return out


def _ceil_count(share: float, n: int) -> int:
    """ceil(share·n) without float error (ceil(0.07·100) is 7)."""
    return int(math.ceil(round(share * n, 9)))


def _ids(values, name) -> pd.Index:
    if values is None:
        return pd.Index([])
    if isinstance(values, pd.DataFrame):
        raise InputError(f"'{name}' moet een lijst klantnummers zijn, geen tabel. "
                         f"Kies de kolom, bijvoorbeeld tabel['customer_id'].")
    if isinstance(values, (str, bytes)):
        raise InputError(f"'{name}' moet een lijst klantnummers zijn, maar is één tekst {values!r}.")
    return pd.Index(pd.unique(pd.Series(list(values)).dropna()))


# --------------------------------------------------------------------------- §6.4 CLV

def clv(margin, *, years=None, retention=None, discount_rate=0.0, acquisition_cost=0.0,
        margin_at_start=False):
    """Customer Lifetime Value, CLV (§6.4).

    Three forms, chosen by what you pass:

    - ``years`` only: the simple form, yearly margin × years (with a discount rate ``d``
      each year's margin is divided by (1+d)^t).
    - ``retention`` only: the infinite horizon ``m·r/(1+d−r)`` (margin at the end of each
      year), or ``m·(1+d)/(1+d−r)`` with ``margin_at_start=True``.
    - ``years`` and ``retention``: the finite horizon, the sum over t = 1..years of
      ``m·(r/(1+d))^t`` (t = 0..years−1 with the margin at the start).

    The acquisition cost is subtracted (net CLV). Every argument may be a number or a
    list/array/Series (vectorised); the result is a float, or a Series for array input.
    Use the margin (not the revenue) and fractions (0.8, not 80).

    >>> clv(1000, years=5)
    5000.0
    >>> round(clv(1000, retention=0.8, discount_rate=0.1), 2)
    2666.67
    >>> round(clv(1000, retention=0.8, discount_rate=0.1, margin_at_start=True), 2)
    3666.67
    >>> round(clv(1000, years=2, retention=0.5), 2)
    750.0
    >>> clv([1000, 2000], retention=0.5, acquisition_cost=200).tolist()
    [800.0, 1800.0]
    """
    m = _param(margin, "margin")
    t = _param(years, "years", minimum=0, allow_none=True)
    r = _param(retention, "retention", minimum=0, maximum=1, allow_none=True)
    d = _param(discount_rate, "discount_rate", minimum=0, maximum=1)
    c = _param(acquisition_cost, "acquisition_cost", minimum=0)
    if t is None and r is None:
        raise InputError(
            "Geef 'years' (verwachte aantal jaren) of 'retention' (retentiegraad, bijv. 0.8), "
            "of allebei voor een eindige horizon."
        )
    if not isinstance(margin_at_start, bool):
        raise InputError("'margin_at_start' moet True of False zijn.")
    inputs = {"margin": margin, "years": years, "retention": retention,
              "discount_rate": discount_rate, "acquisition_cost": acquisition_cost}
    arrays = {k: val for k, val in zip(inputs, (m, t, r, d, c)) if isinstance(val, np.ndarray)}
    if len(arrays) > 1:
        v.same_length(**arrays)
    m_, d_, c_ = (np.asarray(x, dtype=float) for x in (m, d, c))
    if r is None:
        r_ = np.ones_like(d_)
    else:
        r_ = np.asarray(r, dtype=float)
    if t is None:
        if (r_ >= 1).any():
            raise InputError(
                "Met een retentiegraad van 1 (100%) blijft de klant eeuwig en is de CLV oneindig. "
                "Geef een retentie kleiner dan 1, of geef ook 'years' voor een eindige horizon."
            )
        if (r_ >= 1 + d_).any():
            raise InputError("De retentie moet kleiner zijn dan 1 + discount_rate.")
        numerator = (1 + d_) if margin_at_start else r_
        value = m_ * numerator / (1 + d_ - r_)
    else:
        t_ = np.asarray(t, dtype=float)
        q = r_ / (1 + d_)
        with np.errstate(divide="ignore", invalid="ignore"):
            geometric = np.where(q == 1, t_, (1 - q ** t_) / np.where(q == 1, 2.0, 1 - q))
        value = m_ * geometric * (1 if margin_at_start else q)
    value = value - c_
    if not arrays:
        return float(value)
    index = next((x.index for x in inputs.values() if isinstance(x, pd.Series)), None)
    return pd.Series(np.broadcast_to(value, (len(next(iter(arrays.values()))),)).astype(float),
                     index=index, name="clv")


def clv_cac_ratio(clv_value, acquisition_cost):
    """CLV/CAC: gross CLV per euro of acquisition cost (§6.4); above 3 counts as healthy.

    >>> clv_cac_ratio(6000, 1500)
    4.0
    """
    value = _param(clv_value, "clv_value")
    cost = _param(acquisition_cost, "acquisition_cost", minimum=0)
    if np.any(np.asarray(cost) == 0):
        raise InputError("'acquisition_cost' is 0: de verhouding CLV/CAC is dan niet te berekenen.")
    result = np.asarray(value, dtype=float) / np.asarray(cost, dtype=float)
    if isinstance(value, float) and isinstance(cost, float):
        return float(result)
    index = next((x.index for x in (clv_value, acquisition_cost) if isinstance(x, pd.Series)), None)
    return pd.Series(result, index=index, name="clv_cac")


def retention_rate(orders, year, *, customer_col="customer_id", date_col="date", by=None):
    """Retentiegraad (§6.4): share of the customers who bought in ``year − 1`` that bought again in ``year``.

    With ``by`` (a Series mapping customer id to segment) the rate is given per segment.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3],
    ...     "date": pd.to_datetime(["2024-03-01", "2025-02-01", "2024-05-01", "2024-01-01", "2025-06-01"])})
    >>> round(retention_rate(orders, 2025), 4)
    0.6667
    """
    year = int(v.number(year, "year", integer=True))
    data = _orders(orders, "orders", customer_col, date_col)
    years = data["datum"].dt.year
    before = pd.Index(data.loc[years == year - 1, "klant"].unique())
    after = pd.Index(data.loc[years == year, "klant"].unique())
    if len(before) == 0:
        raise InputError(f"In {year - 1} kocht geen enkele klant; de retentie over {year} is niet te berekenen.")
    kept = pd.Series(before.isin(after), index=before)
    if by is None:
        return float(kept.mean())
    if not isinstance(by, pd.Series):
        raise InputError("'by' moet een Series zijn met het segment per klantnummer (index = klantnummer).")
    groups = by.reindex(before)
    return kept.groupby(groups, observed=True).mean().rename("retentie")


def clv_table(segments, *, margin_col="marge", retention_col="retentie", cac_col=None,
              years=5, discount_rate=0.08, margin_at_start=False):
    """CLV per segment (§6.4) in every form: simple, infinite horizon, finite horizon, net, CLV/CAC.

    ``segments`` holds one row per segment with the yearly margin per customer and the
    retention rate; with ``cac_col`` also the acquisition cost per new customer.

    Columns added: ``levensduur`` (1/(1−r) years), ``clv_eenvoudig`` (margin × 1/(1−r)),
    ``clv_oneindig`` (m·r/(1+d−r)), ``clv_horizon`` (finite horizon of ``years``), and with
    ``cac_col``: ``clv_netto`` (infinite form minus CAC) and ``clv_cac``.

    >>> seg = pd.DataFrame({"marge": [1000.0], "retentie": [0.8], "cac": [500.0]}, index=["zorg"])
    >>> clv_table(seg, cac_col="cac", discount_rate=0.1).round(2).loc["zorg", ["clv_eenvoudig", "clv_netto"]].tolist()
    [5000.0, 2166.67]
    """
    cols = [margin_col, retention_col] + ([cac_col] if cac_col else [])
    v.table(segments, "segments", cols)
    m = v.column_numbers(segments, margin_col, "segments")
    r = v.column_numbers(segments, retention_col, "segments", minimum=0, maximum=1)
    out = segments.copy()
    out["levensduur"] = 1 / (1 - r)
    out["clv_eenvoudig"] = m * out["levensduur"].to_numpy()
    out["clv_oneindig"] = clv(m, retention=r, discount_rate=discount_rate,
                              margin_at_start=margin_at_start).to_numpy()
    out["clv_horizon"] = clv(m, retention=r, years=years, discount_rate=discount_rate,
                             margin_at_start=margin_at_start).to_numpy()
    if cac_col:
        cac = v.column_numbers(segments, cac_col, "segments", minimum=0)
        out["clv_netto"] = out["clv_oneindig"].to_numpy() - cac
        with np.errstate(divide="ignore"):
            out["clv_cac"] = np.where(cac > 0, out["clv_oneindig"].to_numpy() / np.where(cac > 0, cac, 1), np.nan)
    return out


def segment_clv_inputs(orders, customers, *, by="sector", year=None, leads=None,
                       customer_col="customer_id", date_col="date", margin_col="margin",
                       lead_cost_col="cost", lead_won_col="customer_id"):
    """The inputs of CLV per segment from the data (§6.4): per value of ``by``

    - ``klanten``: customers with an order in ``year`` (default: the last year in the orders);
    - ``marge``: average margin per such customer in ``year`` (€ per year);
    - ``retentie``: share of the customers of ``year − 1`` that bought again in ``year``;
    - ``cac`` (with ``leads``): total lead cost in the segment / leads won as customer.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 2], "margin": [100.0, 300, 50, 70],
    ...     "date": pd.to_datetime(["2024-05-01", "2025-05-01", "2024-06-01", "2025-02-01"])})
    >>> customers = pd.DataFrame({"customer_id": [1, 2], "sector": ["zorg", "zorg"]})
    >>> segment_clv_inputs(orders, customers).loc["zorg", ["marge", "retentie"]].tolist()
    [185.0, 1.0]
    """
    v.table(customers, "customers", [customer_col, by])
    data = _orders(orders, "orders", customer_col, date_col, margin_col)
    year = int(data["datum"].dt.year.max()) if year is None else int(v.number(year, "year", integer=True))
    segment = pd.Series(customers[by].to_numpy(), index=customers[customer_col].to_numpy())
    this = data[data["datum"].dt.year == year]
    if this.empty:
        raise InputError(f"Er zijn geen orders in {year}; kies een ander jaar.")
    per_customer = this.groupby("klant")["omzet"].sum()
    groups = segment.reindex(per_customer.index)
    out = pd.DataFrame({"klanten": per_customer.groupby(groups, observed=True).size(),
                        "marge": per_customer.groupby(groups, observed=True).mean()})
    out["retentie"] = retention_rate(orders, year, customer_col=customer_col, date_col=date_col, by=segment)
    if leads is not None:
        v.table(leads, "leads", [by, lead_cost_col, lead_won_col])
        cost = pd.Series(v.column_numbers(leads, lead_cost_col, "leads", allow_nan=True), index=leads.index)
        won = leads[lead_won_col].notna()
        per = pd.DataFrame({"kosten": cost.fillna(0.0).groupby(leads[by], observed=True).sum(),
                            "gewonnen": won.groupby(leads[by], observed=True).sum()})
        out["cac"] = (per["kosten"] / per["gewonnen"].where(per["gewonnen"] > 0)).reindex(out.index)
    out.index.name = by
    return out


def clv_per_segment(orders, customers, *, by="sector", year=None, leads=None, years=5,
                    discount_rate=0.08, margin_at_start=False, **columns):
    """CLV per segment from the data (§6.4): :func:`segment_clv_inputs` followed by :func:`clv_table`.

    Columns: klanten, marge, retentie, (cac), levensduur, clv_eenvoudig, clv_oneindig,
    clv_horizon, (clv_netto, clv_cac). Segments without a retention below 1 (no customers the
    year before, or all of them kept) are left out: their CLV is not finite.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2, 3], "margin": [100.0, 300, 50, 70],
    ...     "date": pd.to_datetime(["2024-05-01", "2025-05-01", "2024-06-01", "2025-02-01"])})
    >>> customers = pd.DataFrame({"customer_id": [1, 2, 3], "sector": ["zorg", "zorg", "zorg"]})
    >>> clv_per_segment(orders, customers, discount_rate=0).loc["zorg", "clv_eenvoudig"]
    np.float64(370.0)
    """
    inputs = segment_clv_inputs(orders, customers, by=by, year=year, leads=leads, **columns)
    inputs = inputs[inputs["retentie"].notna() & (inputs["retentie"] < 1)]
    return clv_table(inputs, cac_col="cac" if leads is not None else None, years=years,
                     discount_rate=discount_rate, margin_at_start=margin_at_start)


# --------------------------------------------------------------------------- §6.2 ABC / Pareto

def _revenue_values(values, name="values"):
    array = v.numbers_array(values, name, minimum=0)
    if array.sum() <= 0:
        raise InputError(f"De totale omzet in '{name}' is 0; er valt niets te verdelen.")
    index = values.index if isinstance(values, pd.Series) else pd.RangeIndex(len(array))
    return array, index


def abc_classes(values, a=0.80, b=0.95):
    """ABC-analyse (Pareto, §6.2): class A, B or C per customer, aligned to the input.

    Customers are ranked by revenue (highest first); the cumulative revenue share *including*
    the customer decides: A while it is ≤ ``a``, B while ≤ ``b``, C for the rest. So the
    customer who pushes the cumulative share over 80% is already B. Equal revenues keep
    their input order (a stable sort), so two equal customers can sit in adjacent classes.

    >>> abc_classes([40, 250, 100, 60, 550]).tolist()
    ['C', 'A', 'B', 'C', 'A']
    """
    a = v.fraction(a, "a", allow_zero=False)
    b = v.fraction(b, "b", allow_zero=False)
    if not a < b:
        raise InputError(f"'a' ({a}) moet kleiner zijn dan 'b' ({b}), bijvoorbeeld a=0.80 en b=0.95.")
    array, index = _revenue_values(values)
    order = np.argsort(-array, kind="stable")
    cumulative = np.empty_like(array)
    cumulative[order] = np.cumsum(array[order]) / array.sum()
    cumulative = np.round(cumulative, 12)
    labels = np.where(cumulative <= a, "A", np.where(cumulative <= b, "B", "C"))
    return pd.Series(pd.Categorical(labels, categories=["A", "B", "C"], ordered=True),
                     index=index, name="abc")


def abc_summary(values, a=0.80, b=0.95):
    """Per ABC class (§6.2): klanten, aandeel_klanten, omzet, aandeel_omzet.

    >>> abc_summary([40, 250, 100, 60, 550])["klanten"].tolist()
    [2, 1, 2]
    """
    classes = abc_classes(values, a, b)
    array, _ = _revenue_values(values)
    return _layer_table(classes.to_numpy(), array, ["A", "B", "C"], name="klasse")


def lorenz_points(values, *, order="pareto", a=0.80, b=0.95):
    """Points of the Pareto curve (``order="pareto"``, highest revenue first) or Lorenz curve
    (``order="lorenz"``, lowest first) (§6.2), starting at (0, 0).

    Columns: ``aandeel_klanten`` and ``aandeel_omzet`` (cumulative fractions) and, for the
    Pareto order, ``klasse`` (ABC class of the customer at that point).

    >>> lorenz_points([10, 30, 60])["aandeel_omzet"].round(2).tolist()
    [0.0, 0.6, 0.9, 1.0]
    """
    v.choice(order, "order", ["pareto", "lorenz"])
    array, _ = _revenue_values(values)
    classes = abc_classes(array, a, b).to_numpy()
    sorted_idx = np.argsort(-array, kind="stable")
    if order == "lorenz":
        sorted_idx = sorted_idx[::-1]
    n = len(array)
    out = pd.DataFrame({
        "aandeel_klanten": np.arange(n + 1) / n,
        "aandeel_omzet": np.concatenate([[0.0], np.cumsum(array[sorted_idx]) / array.sum()]),
    })
    if order == "pareto":
        out["klasse"] = pd.Categorical([None] + list(classes[sorted_idx]), categories=["A", "B", "C"],
                                       ordered=True)
    return out


def gini(values):
    """Gini coefficient of the revenue distribution (§6.2): 0 = all equal, near 1 = very skewed.

    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 10])
    0.75
    """
    array, _ = _revenue_values(values)
    x = np.sort(array)
    n = len(x)
    ranks = np.arange(1, n + 1)
    return float((2 * np.sum(ranks * x) / (n * x.sum())) - (n + 1) / n)


# --------------------------------------------------------------------------- §6.1 pyramid

def _layer_table(labels, revenue, layers, *, name="laag", active=None) -> pd.DataFrame:
    frame = pd.DataFrame({"laag": pd.Categorical(labels, categories=list(layers), ordered=True),
                          "omzet": revenue})
    grouped = frame.groupby("laag", observed=False)["omzet"]
    out = pd.DataFrame({"klanten": grouped.size(), "omzet": grouped.sum()})
    out.index = pd.CategoricalIndex(out.index, categories=list(layers), ordered=True, name=name)
    base = out["klanten"] if active is None else out["klanten"].where(out.index.isin(active))
    out.insert(1, "aandeel_klanten", base / base.sum())
    total = out["omzet"].sum()
    out["aandeel_omzet"] = out["omzet"] / total if total else 0.0
    out["klanten"] = out["klanten"].astype(int)
    return out


def customer_revenue(orders, *, reference_date=None, months=12, customer_col="customer_id",
                     date_col="date", revenue_col="revenue"):
    """Revenue per customer in the ``months`` before the reference date, plus first and last order.

    Returns one row per customer who ever ordered before the reference date, indexed by customer
    id, with columns ``omzet`` (in the window), ``eerste_order`` and ``laatste_order``.

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2], "revenue": [100.0, 50.0, 80.0],
    ...     "date": pd.to_datetime(["2024-06-01", "2025-03-01", "2023-02-01"])})
    >>> customer_revenue(orders, reference_date="2026-01-01")["omzet"].tolist()
    [50.0, 0.0]
    """
    data = _orders(orders, "orders", customer_col, date_col, revenue_col)
    ref = _reference(reference_date, data["datum"])
    months = int(v.number(months, "months", minimum=1, integer=True))
    data = data[data["datum"] < ref]
    if data.empty:
        raise InputError(f"Er zijn geen orders vóór de peildatum {ref.date()}; kies een latere datum.")
    start = ref - pd.DateOffset(months=months)
    in_window = data["datum"] >= start
    grouped = data.groupby("klant", sort=True)
    out = pd.DataFrame({
        "omzet": data["omzet"].where(in_window, 0.0).groupby(data["klant"], sort=True).sum(),
        "orders_in_periode": in_window.groupby(data["klant"], sort=True).sum().astype(int),
        "eerste_order": grouped["datum"].min(),
        "laatste_order": grouped["datum"].max(),
    })
    out.index.name = customer_col
    return out


def customer_pyramid(orders, *, reference_date=None, method=None, quotas=(0.01, 0.05, 0.20),
                     thresholds=None, prospects=None, suspects=None, months=12,
                     customer_col="customer_id", date_col="date", revenue_col="revenue",
                     layers=PYRAMID_LAYERS):
    """Curry's klantenpiramide (§6.1): a layer for every customer, prospect and suspect.

    Active customers (an order in the ``months`` before ``reference_date``; default: the day
    after the last order) are ranked by revenue in that window and split

    - ``method="quota"`` (default): by Curry's rank quotas, cumulative counts
      ceil(1%·N), ceil(5%·N), ceil(20%·N) of the N active customers → top, groot, middelgroot;
      the rest klein (ties in revenue are broken by customer id);
    - ``method="revenue"`` (default when ``thresholds`` is given): by revenue thresholds
      (minimum revenue for top, groot, middelgroot), e.g. ``thresholds=(50000, 15000, 5000)``.

    Customers who bought before but not in the window are ``inactief``; ``prospects`` (ids with
    contact or a quotation) that never bought are ``prospect``; ``suspects`` (ids that fit the
    profile, no contact) are ``suspect``. Orders on or after the reference date are ignored.

    Returns a DataFrame indexed by customer id with ``omzet``, ``rang`` (among active
    customers, 1 = highest) and ``laag`` (ordered categorical).

    >>> orders = pd.DataFrame({"customer_id": list("abcdefghij") + ["z"],
    ...     "revenue": [900.0, 500, 300, 200, 100, 80, 60, 40, 20, 10, 999],
    ...     "date": pd.to_datetime(["2025-06-01"] * 10 + ["2023-06-01"])})
    >>> p = customer_pyramid(orders, reference_date="2026-01-01", prospects=["p1"])
    >>> p["laag"].value_counts(sort=False).tolist()
    [1, 0, 1, 8, 1, 1, 0]
    """
    layers = tuple(layers)
    if len(layers) != 7 or len(set(layers)) != 7:
        raise InputError("'layers' moet zeven verschillende namen hebben: top, groot, middelgroot, "
                         "klein, inactief, prospect, suspect.")
    if method is None:
        method = "quota" if thresholds is None else "revenue"
    v.choice(method, "method", ["quota", "revenue"])
    base = customer_revenue(orders, reference_date=reference_date, months=months,
                            customer_col=customer_col, date_col=date_col, revenue_col=revenue_col)
    active = base["orders_in_periode"] > 0
    revenue = base["omzet"].to_numpy()
    rank = pd.Series(np.nan, index=base.index)
    act = base[active]
    order = np.lexsort((np.arange(len(act)), -act["omzet"].to_numpy()))
    rank.loc[act.index[order]] = np.arange(1, len(act) + 1)
    labels = np.full(len(base), layers[4], dtype=object)
    if method == "quota":
        if thresholds is not None:
            raise InputError("Kies óf method='quota' met 'quotas', óf method='revenue' met 'thresholds'.")
        cuts = _quota_cuts(quotas, int(active.sum()))
        r = rank.to_numpy()
        labels = np.where(r <= cuts[0], layers[0], np.where(r <= cuts[1], layers[1],
                          np.where(r <= cuts[2], layers[2], layers[3])))
    else:
        t = [v.number(x, f"thresholds[{i}]", minimum=0) for i, x in
             enumerate(_seq(thresholds, 3, "thresholds"))]
        if not t[0] >= t[1] >= t[2]:
            raise InputError("De omzetgrenzen moeten aflopen: eerst top, dan groot, dan middelgroot, "
                             "bijvoorbeeld thresholds=(50000, 15000, 5000).")
        labels = np.where(revenue >= t[0], layers[0], np.where(revenue >= t[1], layers[1],
                          np.where(revenue >= t[2], layers[2], layers[3])))
    labels = np.where(active.to_numpy(), labels, layers[4])
    out = pd.DataFrame({"omzet": base["omzet"], "rang": rank.astype("Int64"), "laag": labels},
                       index=base.index)
    extra = []
    known = base.index
    for ids, layer, name in ((prospects, layers[5], "prospects"), (suspects, layers[6], "suspects")):
        new = _ids(ids, name)
        new = new[~new.isin(known)]
        known = known.append(new)
        extra.append(pd.DataFrame({"omzet": 0.0, "rang": pd.array([pd.NA] * len(new), dtype="Int64"),
                                   "laag": layer}, index=new))
    out = pd.concat([out] + [e for e in extra if len(e)])
    out.index.name = customer_col
    out["laag"] = pd.Categorical(out["laag"], categories=list(layers), ordered=True)
    return out


def _quota_cuts(quotas, n: int) -> list[int]:
    q = [v.fraction(x, f"quotas[{i}]", allow_zero=False) for i, x in enumerate(_seq(quotas, 3, "quotas"))]
    if not q[0] <= q[1] <= q[2]:
        raise InputError("De quota moeten cumulatief oplopen, bijvoorbeeld (0.01, 0.05, 0.20).")
    return [_ceil_count(x, n) for x in q]


def quota_layers(values, quotas=(0.01, 0.05, 0.20), *, layers=PYRAMID_LAYERS[:4]):
    """Curry's rank quotas on the revenue of active customers (§6.1): top, groot, middelgroot, klein.

    Ranked by revenue (highest first; equal revenue keeps input order); the first
    ceil(q1·N) are top, up to ceil(q2·N) groot, up to ceil(q3·N) middelgroot, the rest klein.
    Returns an ordered categorical Series aligned to the input.

    >>> quota_layers([5, 80, 20, 1, 3, 2, 9, 4, 6, 7], quotas=(0.1, 0.2, 0.5)).tolist()
    ['klein', 'top', 'groot', 'klein', 'klein', 'klein', 'middelgroot', 'klein', 'middelgroot', 'middelgroot']
    """
    layers = tuple(layers)
    if len(layers) != 4:
        raise InputError("'layers' moet vier namen hebben: top, groot, middelgroot, klein.")
    array = v.numbers_array(values, "values")
    index = values.index if isinstance(values, pd.Series) else pd.RangeIndex(len(array))
    cuts = _quota_cuts(quotas, len(array))
    rank = np.empty(len(array), dtype=int)
    rank[np.argsort(-array, kind="stable")] = np.arange(1, len(array) + 1)
    labels = np.where(rank <= cuts[0], layers[0], np.where(rank <= cuts[1], layers[1],
                      np.where(rank <= cuts[2], layers[2], layers[3])))
    return pd.Series(pd.Categorical(labels, categories=list(layers), ordered=True), index=index, name="laag")


def split_prospects(prospects, *, id_col="prospect_id", contact_col="last_contact",
                    quotation_col="had_quotation", prefix="P"):
    """Split a prospects table into prospect ids (contact or quotation, never bought) and suspect
    ids (fits the profile, no contact yet) for :func:`customer_pyramid` (§6.1).

    Ids get ``prefix`` ("P12") so they never clash with customer numbers.

    >>> t = pd.DataFrame({"prospect_id": [1, 2], "last_contact": pd.to_datetime(["2025-03-01", None]),
    ...                   "had_quotation": [False, False]})
    >>> split_prospects(t)
    (['P1'], ['P2'])
    """
    v.table(prospects, "prospects", [id_col, contact_col, quotation_col], allow_empty=True)
    contact = prospects[contact_col].notna().to_numpy() | prospects[quotation_col].fillna(False).to_numpy(dtype=bool)
    ids = np.array([f"{prefix}{x}" for x in prospects[id_col]], dtype=object)
    return list(ids[contact]), list(ids[~contact])


def _seq(values, n, name):
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
        raise InputError(f"'{name}' moet precies {n} getallen bevatten, maar is {values!r}.")
    return list(values)


def pyramid_summary(pyramid):
    """Per layer of the klantenpiramide (§6.1): klanten, aandeel_klanten, omzet, aandeel_omzet.

    ``aandeel_klanten`` is the share among *active* customers (the base of Curry's quotas), so
    it is empty (NaN) for inactief, prospect and suspect.

    >>> orders = pd.DataFrame({"customer_id": [1, 2, 3, 4], "revenue": [700.0, 200, 100, 50],
    ...     "date": pd.to_datetime(["2025-06-01"] * 3 + ["2023-01-01"])})
    >>> s = pyramid_summary(customer_pyramid(orders, reference_date="2026-01-01"))
    >>> float(s.loc["top", "aandeel_omzet"]), s["klanten"].tolist()
    (0.7, [1, 0, 0, 2, 1, 0, 0])
    """
    v.table(pyramid, "pyramid", ["omzet", "laag"])
    layers = list(pyramid["laag"].cat.categories) if isinstance(pyramid["laag"].dtype, pd.CategoricalDtype) \
        else list(PYRAMID_LAYERS)
    return _layer_table(pyramid["laag"].to_numpy(), pyramid["omzet"].to_numpy(dtype=float), layers,
                        active=layers[:4])


def pyramid_strategy(pyramid, *, strategies=None):
    """Pyramid summary with the strategy per layer (§6.1): vasthouden, promoveren, ... .

    >>> orders = pd.DataFrame({"customer_id": [1, 2], "revenue": [700.0, 200],
    ...     "date": pd.to_datetime(["2025-06-01", "2023-01-01"])})
    >>> pyramid_strategy(customer_pyramid(orders, reference_date="2026-01-01")).loc["inactief", "strategie"]
    'reactiveren of afstoten'
    """
    summary = pyramid_summary(pyramid)
    strategies = dict(LAYER_STRATEGIES if strategies is None else strategies)
    defaults = dict(zip(summary.index, PYRAMID_LAYERS))
    out = summary.copy()
    out["strategie"] = [strategies.get(layer, strategies.get(defaults[layer], ("", "")))[0]
                        for layer in summary.index]
    out["toelichting"] = [strategies.get(layer, strategies.get(defaults[layer], ("", "")))[1]
                          for layer in summary.index]
    return out


def migration_moves(before, after, *, missing="prospect"):
    """Per customer: layer at the first and the second date and the move (§6.1).

    ``beweging`` is one of ``omhoog``, ``omlaag``, ``gelijk``, ``inactief geworden``,
    ``nieuwe klant`` (from prospect/suspect/unknown to an active layer) and ``gereactiveerd``
    (from inactief to active). A customer missing from one of the two pyramids (not yet known,
    e.g. won from a lead in the second year) counts as ``missing`` there: "prospect" (default)
    or "suspect".

    >>> cat = lambda x: pd.Categorical(x, categories=PYRAMID_LAYERS, ordered=True)
    >>> b = pd.DataFrame({"laag": cat(["groot", "top", "klein"])}, index=[1, 2, 3])
    >>> a = pd.DataFrame({"laag": cat(["top", "inactief", "klein", "klein"])}, index=[1, 2, 3, 4])
    >>> migration_moves(b, a)["beweging"].tolist()
    ['omhoog', 'inactief geworden', 'gelijk', 'nieuwe klant']
    """
    v.choice(missing, "missing", ["prospect", "suspect"])
    for name, frame in (("before", before), ("after", after)):
        v.table(frame, name, ["laag"])
        if not isinstance(frame["laag"].dtype, pd.CategoricalDtype):
            raise InputError(f"'{name}' moet de uitkomst van customer_pyramid zijn (kolom 'laag').")
    layers = list(before["laag"].cat.categories)
    if list(after["laag"].cat.categories) != layers:
        raise InputError("De twee piramides gebruiken verschillende laagnamen; gebruik dezelfde 'layers'.")
    index = before.index.union(after.index, sort=False)
    fill = layers[5] if missing == "prospect" else layers[6]
    van = before["laag"].reindex(index).fillna(fill)
    naar = after["laag"].reindex(index).fillna(fill)
    vi, ni = van.cat.codes.to_numpy(), naar.cat.codes.to_numpy()
    move = np.where(ni < vi, "omhoog", np.where(ni > vi, "omlaag", "gelijk")).astype(object)
    active_after = ni <= 3
    move = np.where((vi <= 3) & (ni == 4), "inactief geworden", move)
    move = np.where((vi >= 5) & active_after, "nieuwe klant", move)
    move = np.where((vi == 4) & active_after, "gereactiveerd", move)
    return pd.DataFrame({"van": van, "naar": naar, "beweging": move}, index=index)


def pyramid_migration(before, after, *, missing="prospect"):
    """Migration table of the klantenpiramide between two dates (§6.1): counts from layer (rows)
    to layer (columns).

    >>> cat = lambda x: pd.Categorical(x, categories=PYRAMID_LAYERS, ordered=True)
    >>> b = pd.DataFrame({"laag": cat(["groot", "top"])}, index=[1, 2])
    >>> a = pd.DataFrame({"laag": cat(["top", "inactief"])}, index=[1, 2])
    >>> int(pyramid_migration(b, a).loc["groot", "top"])
    1
    """
    moves = migration_moves(before, after, missing=missing)
    table = pd.crosstab(moves["van"], moves["naar"], dropna=False)
    layers = list(before["laag"].cat.categories)
    table = table.reindex(index=layers, columns=layers, fill_value=0).astype(int)
    table.index.name, table.columns.name = "van", "naar"
    return table


# --------------------------------------------------------------------------- §6.2 RFM

def _quintile_score(values: np.ndarray) -> np.ndarray:
    """Score 1–5 by the quintile cut-offs of the values (higher value, higher score).

    A score is one more than the number of cut-offs (20th, 40th, 60th, 80th percentile) the
    value lies above, so equal values always share a score. Ties must not push a score away
    from its end of the scale: the lowest value always scores 1 (with many one-time buyers,
    all of them get F = 1, not 2) and the highest value always scores 5. When all values are
    equal there is nothing to rank and every customer scores 3.

    >>> _quintile_score(np.array([1, 1, 1, 1, 1, 1, 2, 2, 3, 7])).tolist()
    [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
    >>> _quintile_score(np.array([1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10])).tolist()
    [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    """
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return values.astype(int)
    if values.min() == values.max():  # nothing to rank: every customer in the middle
        return np.full(values.shape, 3, dtype=int)
    cutoffs = np.quantile(values, [0.2, 0.4, 0.6, 0.8])
    scores = 1 + (values[:, None] > cutoffs[None, :]).sum(axis=1)
    scores[values == values.max()] = 5
    scores[values == values.min()] = 1
    return scores.astype(int)


def _band_score(values: np.ndarray, bands, name) -> np.ndarray:
    b = [v.number(x, f"{name}[{i}]") for i, x in enumerate(_seq(bands, 4, name))]
    if any(b[i] >= b[i + 1] for i in range(3)):
        raise InputError(f"De grenzen in '{name}' moeten oplopen, bijvoorbeeld (2, 4, 8, 16).")
    return 1 + np.searchsorted(np.asarray(b), values, side="right")


# "111" ... "555": looking codes up is faster than joining three string columns
_RFM_CODES = np.array([f"{r}{f}{m}" for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)],
                      dtype=object)


def _rfm_raw(customers, dates, orders, revenue, ref) -> pd.DataFrame:
    """Recency (days), frequency and monetary per customer, with numpy instead of groupby.

    Sorting one integer key (customer code × span + day or order code) finds the distinct
    purchases per customer; bincount and maximum.at do the rest. This is what makes RFM on a
    million order lines several times faster than a pandas groupby/drop_duplicates. The key is
    int32 whenever it fits: numpy sorts those about 1.6 times as fast as int64.
    """
    codes, uniques = pd.factorize(customers, sort=True)
    valid = codes >= 0
    if not valid.all():
        codes, dates, revenue = codes[valid], dates[valid], revenue[valid]
        orders = orders[valid] if orders is not None else None
    n = len(uniques)
    stamps = dates.astype("datetime64[ns]").astype(np.int64)
    if orders is None:
        inner = stamps // 86_400_000_000_000
    else:
        inner = pd.factorize(orders)[0].astype(np.int64)
    inner = inner - inner.min()
    span = int(inner.max()) + 1
    dtype = np.int32 if n * span < np.iinfo(np.int32).max else np.int64
    key = np.sort(codes.astype(dtype) * dtype(span) + inner.astype(dtype))
    distinct = key[np.concatenate(([True], key[1:] != key[:-1]))]
    frequency = np.bincount(distinct // span, minlength=n)
    last = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last, codes, stamps)
    monetary = np.bincount(codes, weights=revenue, minlength=n)
    recency = (ref.as_unit("ns").value - last) / 86_400_000_000_000
    out = pd.DataFrame({"recency": recency.astype(float), "frequency": frequency.astype(np.int64),
                        "monetary": monetary}, index=pd.Index(uniques))
    return out


def rfm_scores(orders, *, reference_date=None, method="quintiles", months=None,
               customer_col="customer_id", date_col="date", revenue_col="revenue", order_col=None,
               recency_bands=(30, 90, 180, 365), frequency_bands=(2, 4, 8, 16),
               monetary_bands=(1000, 5000, 20000, 50000)):
    """RFM-analyse (§6.2): recency, frequency and monetary per customer, each scored 1–5.

    - recency: days from the last order to ``reference_date`` (default: day after the last order);
    - frequency: number of orders (distinct ``order_col`` values; without it, distinct order days);
    - monetary: total revenue; all over the ``months`` before the reference date (default: all).

    ``method="quintiles"`` scores by the quintile cut-offs of the customers' values (about 20% per
    score; equal values share a score; the weakest value always scores 1, the best always 5);
    ``method="bands"`` uses fixed bands: the four upper limits of ``recency_bands`` (days, ≤ 30 →
    5, ..., > 365 → 1) and the four lower limits of ``frequency_bands`` and ``monetary_bands``
    (≥ limit → one score higher). 5 is always best. The code is e.g. ``"545"``, the score
    ``rfm_score`` the sum (3–15).

    >>> orders = pd.DataFrame({"customer_id": [1, 1, 2], "revenue": [6000.0, 500, 200],
    ...     "date": pd.to_datetime(["2025-12-01", "2025-12-20", "2025-01-10"])})
    >>> rfm_scores(orders, reference_date="2026-01-01", method="bands")["rfm_code"].tolist()
    ['523', '211']
    """
    v.choice(method, "method", ["quintiles", "bands"])
    cols = [customer_col, date_col, revenue_col] + ([order_col] if order_col else [])
    v.table(orders, "orders", cols)
    dates = orders[date_col]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        dates = v.dates(dates, f"orders['{date_col}']")
    elif dates.isna().any():
        raise InputError(f"De kolom '{date_col}' mist datums; vul ze aan of laat die rijen weg.")
    revenue = orders[revenue_col]
    if not pd.api.types.is_numeric_dtype(revenue) or pd.api.types.is_bool_dtype(revenue):
        revenue = pd.Series(v.column_numbers(orders, revenue_col, "orders"), index=orders.index)
    elif revenue.isna().any():
        raise InputError(f"De kolom '{revenue_col}' mist bedragen; vul ze aan of laat die rijen weg.")
    ref = _reference(reference_date, dates)
    keep = np.array(dates < ref, dtype=bool)
    if months is not None:
        months = int(v.number(months, "months", minimum=1, integer=True))
        keep &= (dates >= ref - pd.DateOffset(months=months)).to_numpy()
    if not keep.any():
        raise InputError(f"Er zijn geen orders vóór de peildatum {ref.date()} in de gekozen periode.")
    out = _rfm_raw(orders[customer_col].to_numpy()[keep], dates.to_numpy()[keep],
                   orders[order_col].to_numpy()[keep] if order_col else None,
                   revenue.to_numpy(dtype=float)[keep], ref)
    out.index.name = customer_col
    rec, freq, mon = (out[c].to_numpy(dtype=float) for c in ("recency", "frequency", "monetary"))
    if method == "quintiles":
        scores = [_quintile_score(-rec), _quintile_score(freq), _quintile_score(mon)]
    else:
        r_b = np.asarray([v.number(x, f"recency_bands[{i}]", minimum=0) for i, x in
                          enumerate(_seq(recency_bands, 4, "recency_bands"))])
        if (np.diff(r_b) <= 0).any():
            raise InputError("De grenzen in 'recency_bands' moeten oplopen, bijvoorbeeld (30, 90, 180, 365).")
        # recency: a value equal to a limit still belongs to the better band (≤ 30 days → 5)
        scores = [5 - np.searchsorted(r_b, rec, side="left"),
                  _band_score(freq, frequency_bands, "frequency_bands"),
                  _band_score(mon, monetary_bands, "monetary_bands")]
    for label, score in zip("RFM", scores):
        out[label] = score.astype(int)
    out["rfm_code"] = _RFM_CODES[(out["R"].to_numpy() - 1) * 25 + (out["F"].to_numpy() - 1) * 5
                                 + out["M"].to_numpy() - 1]
    out["rfm_score"] = out["R"] + out["F"] + out["M"]
    return out


def rfm_grid(rfm, *, value="klanten"):
    """R × F table of an :func:`rfm_scores` result (§6.2): customers (``value="klanten"``) or
    average monetary (``value="monetary"``) per cell; rows R 5..1, columns F 1..5.

    >>> rfm = pd.DataFrame({"R": [5, 5, 1], "F": [4, 4, 1], "monetary": [10.0, 20.0, 5.0]})
    >>> int(rfm_grid(rfm).loc[5, 4])
    2
    """
    v.choice(value, "value", ["klanten", "monetary"])
    v.table(rfm, "rfm", ["R", "F"] + (["monetary"] if value == "monetary" else []))
    if value == "klanten":
        grid = pd.crosstab(rfm["R"], rfm["F"])
    else:
        grid = rfm.pivot_table(index="R", columns="F", values="monetary", aggfunc="mean")
    grid = grid.reindex(index=[5, 4, 3, 2, 1], columns=[1, 2, 3, 4, 5])
    if value == "klanten":
        grid = grid.fillna(0).astype(int)
    grid.index.name, grid.columns.name = "R", "F"
    return grid


# --------------------------------------------------------------------------- §6.2 segmentation

def segment_summary(table, by, *, revenue_col="omzet", margin_col=None):
    """Customers and revenue per segment (§6.2, Bonoma & Shapiro: firmographic and other criteria).

    ``table`` has one row per customer with the segment column(s) ``by`` and the revenue.
    Returns per segment: klanten, aandeel_klanten, omzet, aandeel_omzet, omzet_per_klant
    (and marge, marge_per_klant with ``margin_col``), sorted by revenue.

    >>> t = pd.DataFrame({"sector": ["zorg", "zorg", "industrie"], "omzet": [100.0, 300, 100]})
    >>> segment_summary(t, "sector")["aandeel_omzet"].tolist()
    [0.8, 0.2]
    """
    by = [by] if isinstance(by, str) else list(by)
    v.table(table, "table", by + [revenue_col] + ([margin_col] if margin_col else []))
    revenue = v.column_numbers(table, revenue_col, "table")
    frame = table[by].copy()
    frame["_omzet"] = revenue
    if margin_col:
        frame["_marge"] = v.column_numbers(table, margin_col, "table")
    grouped = frame.groupby(by, observed=True, sort=False)
    out = pd.DataFrame({"klanten": grouped.size(), "omzet": grouped["_omzet"].sum()})
    out.insert(1, "aandeel_klanten", out["klanten"] / out["klanten"].sum())
    out["aandeel_omzet"] = out["omzet"] / out["omzet"].sum()
    out["omzet_per_klant"] = out["omzet"] / out["klanten"]
    if margin_col:
        out["marge"] = grouped["_marge"].sum()
        out["marge_per_klant"] = out["marge"] / out["klanten"]
    return out.sort_values("omzet", ascending=False)


# --------------------------------------------------------------------------- §6.3 relationship cycle

def relationship_phase(orders, *, reference_date=None, prospects=None, new_months=12,
                       inactive_months=12, lost_months=36, customer_col="customer_id",
                       date_col="date", phases=RELATIONSHIP_PHASES):
    """Phase of the klantrelatiecyclus per customer, for the relationship strategy (§6.3).

    - ``werven``: a prospect that never bought;
    - ``ontwikkelen``: first order within ``new_months`` before the reference date (new customer);
    - ``behouden``: ordered within ``inactive_months`` and a customer for longer (loyal);
    - ``terugwinnen``: last order between ``inactive_months`` and ``lost_months`` ago;
    - ``afscheid``: last order longer than ``lost_months`` ago.

    Returns a DataFrame indexed by customer id with ``fase`` (ordered categorical),
    ``strategie`` and ``dagen_sinds_laatste_order``.

    >>> orders = pd.DataFrame({"customer_id": [1, 2, 2, 3, 4],
    ...     "date": pd.to_datetime(["2025-09-01", "2022-01-01", "2025-10-01", "2024-06-01", "2021-01-01"])})
    >>> relationship_phase(orders, reference_date="2026-01-01", prospects=[9])["fase"].tolist()
    ['ontwikkelen', 'behouden', 'terugwinnen', 'afscheid', 'werven']
    """
    phases = tuple(phases)
    if len(phases) != 5:
        raise InputError("'phases' moet vijf namen hebben: werven, ontwikkelen, behouden, terugwinnen, afscheid.")
    new_months = int(v.number(new_months, "new_months", minimum=1, integer=True))
    inactive_months = int(v.number(inactive_months, "inactive_months", minimum=1, integer=True))
    lost_months = int(v.number(lost_months, "lost_months", minimum=1, integer=True))
    if lost_months <= inactive_months:
        raise InputError("'lost_months' moet groter zijn dan 'inactive_months' (bijv. 36 en 12).")
    data = _orders(orders, "orders", customer_col, date_col)
    ref = _reference(reference_date, data["datum"])
    data = data[data["datum"] < ref]
    if data.empty:
        raise InputError(f"Er zijn geen orders vóór de peildatum {ref.date()}; kies een latere datum.")
    grouped = data.groupby("klant", sort=True)["datum"]
    first, last = grouped.min(), grouped.max()
    new = first >= ref - pd.DateOffset(months=new_months)
    active = last >= ref - pd.DateOffset(months=inactive_months)
    lost = last < ref - pd.DateOffset(months=lost_months)
    phase = np.where(active & new, phases[1], np.where(active, phases[2],
                     np.where(lost, phases[4], phases[3])))
    out = pd.DataFrame({"fase": phase, "dagen_sinds_laatste_order": (ref - last).dt.days.astype(float)},
                       index=first.index)
    prospect_ids = _ids(prospects, "prospects")
    prospect_ids = prospect_ids[~prospect_ids.isin(out.index)]
    if len(prospect_ids):
        out = pd.concat([out, pd.DataFrame({"fase": phases[0], "dagen_sinds_laatste_order": np.nan},
                                           index=prospect_ids)])
    out["fase"] = pd.Categorical(out["fase"], categories=list(phases), ordered=True)
    lookup = dict(zip(phases, RELATIONSHIP_STRATEGIES.values()))
    out.insert(1, "strategie", out["fase"].map(lookup).astype(object))
    out.index.name = customer_col
    return out


def phase_summary(phases, revenue=None):
    """Customers (and revenue) per phase of the klantrelatiecyclus, with the strategy (§6.3).

    ``revenue`` is an optional Series of revenue per customer id.

    >>> orders = pd.DataFrame({"customer_id": [1, 2], "date": pd.to_datetime(["2025-09-01", "2021-01-01"])})
    >>> phase_summary(relationship_phase(orders, reference_date="2026-01-01"))["klanten"].tolist()
    [0, 1, 0, 0, 1]
    """
    v.table(phases, "phases", ["fase"])
    rev = np.zeros(len(phases)) if revenue is None else \
        v.numbers_array(pd.Series(revenue).reindex(phases.index).fillna(0.0), "revenue")
    cats = list(phases["fase"].cat.categories)
    out = _layer_table(phases["fase"].to_numpy(), rev, cats, name="fase")
    if revenue is None:
        out = out.drop(columns=["omzet", "aandeel_omzet"])
    out["strategie"] = [dict(zip(cats, RELATIONSHIP_STRATEGIES.values()))[c] for c in cats]
    return out
