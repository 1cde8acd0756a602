"""H2 Marktonderzoek, analyse en verkoopplan: market measures, targets, ABCD and SWOT.

The calculations of chapter 2 (§2.1–2.2):

- market measures (§2.2), each for scalars AND element-wise for lists/arrays/Series (one value
  per sector or region): :func:`market_potential`, :func:`market_size`, :func:`saturation`,
  :func:`remaining_demand`, :func:`market_share`, :func:`relative_market_share`,
  :func:`penetration_rate`, :func:`spending_index`;
- all measures per sector/region in one table, with the identity
  marktaandeel = penetratiegraad (eigen merk) × bestedingsindex: :func:`market_table`;
- targets (§2.1): :func:`smart_check`, :func:`split_target`, :func:`revenue_vs_target`;
- external analysis (§2.2): :func:`abcd_table` and :func:`swot_table`.

Shares and rates are fractions (0.15); percentages only when displayed.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import InputError
from .display import format_date, format_euro, format_number, format_percent
from .evidence import compare_rates

__all__ = [
    "market_potential",
    "market_size",
    "saturation",
    "remaining_demand",
    "market_share",
    "relative_market_share",
    "penetration_rate",
    "spending_index",
    "market_table",
    "SMART_CRITERIA",
    "smart_check",
    "split_target",
    "revenue_vs_target",
    "target_overview",
    "top_down_bottom_up",
    "ABCD_FACTORS",
    "abcd_table",
    "abcd_findings",
    "swot_table",
]


# ---------------------------------------------------------------------------------------------
# helpers: scalars or vectors
# ---------------------------------------------------------------------------------------------

def _arg(value, name, *, minimum=0.0):
    """Return (values, index, is_scalar): a float for scalars, a float array otherwise."""
    if v.is_number(value):
        return v.number(value, name, minimum=minimum), None, True
    array = v.numbers_array(value, name, minimum=minimum)
    index = value.index if isinstance(value, pd.Series) else None
    return array, index, False


def _prepare(**named):
    """Validate all arguments (non-negative numbers) and check that vectors match in length."""
    values, index, vectors = {}, None, {}
    for name, raw in named.items():
        val, idx, scalar = _arg(raw, name)
        values[name] = val
        if not scalar:
            vectors[name] = val
            if index is None and idx is not None:
                index = idx
    if len(vectors) > 1:
        v.same_length(**vectors)
    return values, index, bool(vectors)


def _out(result, index, vector, name):
    v.finite(result, name)
    if not vector:
        return float(result)
    result = np.asarray(result, dtype=float)
    if index is not None:
        return pd.Series(result, index=index, name=name)
    return result


def _positive(values, name, what):
    arr = np.atleast_1d(values)
    if (arr <= 0).any():
        raise InputError(f"'{name}' moet groter dan 0 zijn: je kunt niet delen door {what} van 0.")


def _not_above(part, whole, part_name, whole_name, tip):
    p, w = np.broadcast_arrays(np.atleast_1d(part), np.atleast_1d(whole))
    bad = p > w * (1 + 1e-12)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise InputError(
            f"'{part_name}' ({p[i]:g}) is groter dan '{whole_name}' ({w[i]:g})"
            f"{'' if p.size == 1 else f' op positie {i}'}. {tip}"
        )


# ---------------------------------------------------------------------------------------------
# §2.2 market measures
# ---------------------------------------------------------------------------------------------

def market_potential(buyers, purchase_per_buyer):
    """Marktpotentieel (§2.2): potential buyers × expected purchase per buyer.

    The maximum the whole market could buy if every potential buyer bought. Scalars give a
    float; lists/arrays/Series (e.g. one value per sector) give one value per element.

    >>> market_potential(2_000, 1_500.0)
    3000000.0
    >>> market_potential([100, 200], [10.0, 5.0]).tolist()
    [1000.0, 1000.0]
    """
    values, index, vector = _prepare(buyers=buyers, purchase_per_buyer=purchase_per_buyer)
    return _out(values["buyers"] * values["purchase_per_buyer"], index, vector, "marktpotentieel")


def market_size(sales) -> float:
    """Marktomvang of actuele vraag (§2.2): the sum of the sales of all suppliers.

    ``sales`` lists every supplier's sales in the market (including our own).

    >>> market_size([400_000, 250_000, 350_000])
    1000000.0
    """
    array = v.numbers_array(sales, "sales", minimum=0)
    return float(array.sum())


def saturation(market_size, market_potential):
    """Verzadigingsgraad (§2.2): marktomvang / marktpotentieel, a fraction from 0 to 1.

    The market size can never exceed the potential; if it does, the two are probably swapped.

    >>> saturation(750_000, 1_000_000)
    0.75
    >>> saturation([50, 80], [100, 100]).tolist()
    [0.5, 0.8]
    """
    values, index, vector = _prepare(market_size=market_size, market_potential=market_potential)
    size, potential = values["market_size"], values["market_potential"]
    _positive(potential, "market_potential", "een marktpotentieel")
    _not_above(size, potential, "market_size", "market_potential",
               "De marktomvang (wat er nu verkocht wordt) kan niet boven het marktpotentieel "
               "(wat er maximaal verkocht kan worden) liggen: heb je ze verwisseld?")
    return _out(size / potential, index, vector, "verzadigingsgraad")


def remaining_demand(market_potential, market_size):
    """Restvraag (§2.2): marktpotentieel − marktomvang, the demand nobody serves yet.

    >>> remaining_demand(1_000_000, 750_000)
    250000.0
    """
    values, index, vector = _prepare(market_potential=market_potential, market_size=market_size)
    size, potential = values["market_size"], values["market_potential"]
    _not_above(size, potential, "market_size", "market_potential",
               "De restvraag is marktpotentieel − marktomvang; de marktomvang kan niet groter zijn: "
               "heb je ze verwisseld?")
    return _out(potential - size, index, vector, "restvraag")


def market_share(own_sales, market_size):
    """Marktaandeel (§2.2): own sales / marktomvang (not / marktpotentieel), a fraction.

    >>> market_share(150_000, 1_000_000)
    0.15
    >>> market_share(pd.Series([10.0, 30.0], index=["zorg", "horeca"]), [100.0, 120.0]).tolist()
    [0.1, 0.25]
    """
    values, index, vector = _prepare(own_sales=own_sales, market_size=market_size)
    own, size = values["own_sales"], values["market_size"]
    _positive(size, "market_size", "een marktomvang")
    _not_above(own, size, "own_sales", "market_size",
               "De eigen omzet is een deel van de marktomvang (de omzet van alle aanbieders samen).")
    return _out(own / size, index, vector, "marktaandeel")


def relative_market_share(own_share, largest_competitor_share):
    """Relatief marktaandeel (§2.2): own share / share of the largest competitor.

    Below 1: a competitor is bigger. For the market leader, the largest *competitor* is
    number two, so divide by number two's share: the result is then above 1 (1.5 means 1.5
    times as big as number two). Works equally on shares or on sales.

    >>> relative_market_share(0.15, 0.30)
    0.5
    >>> relative_market_share(0.30, 0.20)   # we are the leader: divide by number two
    1.5
    """
    values, index, vector = _prepare(own_share=own_share,
                                     largest_competitor_share=largest_competitor_share)
    competitor = values["largest_competitor_share"]
    _positive(competitor, "largest_competitor_share", "een marktaandeel")
    own, other = np.broadcast_arrays(np.atleast_1d(values["own_share"]), np.atleast_1d(competitor))
    mixed = ((own > 1) & (other <= 1)) | ((own <= 1) & (other > 1) & (own > 0))
    if mixed.any():
        i = int(np.flatnonzero(mixed)[0])
        raise InputError(
            f"'own_share' ({own[i]:g}) en 'largest_competitor_share' ({other[i]:g}) lijken niet in "
            f"dezelfde eenheid te staan: de een is een fractie, de ander een percentage of een "
            f"omzet. Geef beide als fractie (15% is 0.15) of beide als omzet in euro."
        )
    return _out(values["own_share"] / competitor, index, vector, "relatief_marktaandeel")


def penetration_rate(buyers, potential_buyers):
    """Penetratiegraad (§2.2): buyers / potential buyers, a fraction.

    For the product class: buyers in the class / potential buyers. For the own brand: own
    buyers / buyers in the product class.

    >>> penetration_rate(300, 1_200)
    0.25
    """
    values, index, vector = _prepare(buyers=buyers, potential_buyers=potential_buyers)
    b, pb = values["buyers"], values["potential_buyers"]
    _positive(pb, "potential_buyers", "een aantal (potentiële) kopers")
    _not_above(b, pb, "buyers", "potential_buyers",
               "Kopers zijn een deel van de (potentiële) kopers; controleer de volgorde.")
    return _out(b / pb, index, vector, "penetratiegraad")


def spending_index(own_sales, own_buyers, class_sales, class_buyers):
    """Bestedingsindex (§2.2): (own sales per own buyer) / (class sales per class buyer).

    Above 1: our buyers spend more with us than the average buyer spends in the product class.
    Together with the own-brand penetratiegraad it gives the marktaandeel:
    marktaandeel = penetratiegraad (eigen merk) × bestedingsindex.

    >>> spending_index(120_000, 40, 1_000_000, 500)
    1.5
    """
    values, index, vector = _prepare(own_sales=own_sales, own_buyers=own_buyers,
                                     class_sales=class_sales, class_buyers=class_buyers)
    for name, what in (("own_buyers", "een aantal eigen kopers"), ("class_sales", "een klasse-omzet"),
                       ("class_buyers", "een aantal kopers")):
        _positive(values[name], name, what)
    own_avg = values["own_sales"] / values["own_buyers"]
    class_avg = values["class_sales"] / values["class_buyers"]
    return _out(own_avg / class_avg, index, vector, "bestedingsindex")


def _largest_competitor(competitors, year, keys, group_keys, index, competitor_col, sales_col):
    """Sales and name of the competitor with the largest summed sales per segment of ``index``."""
    v.table(competitors, "competitors", keys + [competitor_col, sales_col])
    comp, _ = _one_year(competitors, year, "competitors")
    cf = pd.DataFrame({k: comp[k].to_numpy() for k in keys}, index=pd.RangeIndex(len(comp)))
    if not keys:
        cf["markt"] = "totaal"
    cf["firm"] = comp[competitor_col].astype(str).to_numpy()
    cf["sales"] = v.column_numbers(comp, sales_col, "competitors", minimum=0)
    per_firm = cf.groupby(group_keys + ["firm"], observed=True)["sales"].sum()
    best = per_firm.groupby(level=list(range(len(group_keys))), observed=True).idxmax()
    top = per_firm.loc[best.to_numpy()]
    top.index = top.index.droplevel("firm")
    names = pd.Series([i[-1] for i in best.to_numpy()], index=best.index).reindex(index)
    return top.reindex(index).to_numpy(), names


def market_table(market, *, by=("sector",), year=None, competitors=None,
                 potential_buyers_col="potential_buyers", purchase_per_buyer_col="purchase_per_buyer",
                 buyers_col="buyers", class_sales_col="class_sales", own_buyers_col="own_buyers",
                 own_sales_col="own_sales", competitor_sales_col="largest_competitor_sales",
                 competitor_col="competitor", sales_col="sales") -> pd.DataFrame:
    """Alle marktcijfers per sector/regio (§2.2) in one table.

    ``market`` holds one row per cell (e.g. sector × region) with the potential buyers, the
    expected purchase per buyer, the buyers and sales in the product class (all suppliers
    together), our own buyers and sales, and the sales of the largest competitor in the cell.
    Cells are summed over ``by`` (counts and amounts add up; the marktpotentieel is computed
    per cell first); ``by=()`` gives one row for the whole market. With a ``year`` column the
    table uses ``year`` (default: the last year).

    The largest competitor of a combined segment is not simply the sum of the cells' largest
    competitors (that may be a different firm in every region): pass ``competitors`` (one row
    per cell and competitor with ``competitor_col`` and ``sales_col``) to take the competitor with the
    largest summed sales, also named in ``grootste_concurrent``. For the market leader the
    largest competitor is number two, so ``relatief_marktaandeel`` > 1.

    Returns per segment: ``marktpotentieel``, ``marktomvang``, ``verzadigingsgraad``,
    ``restvraag``, ``eigen_omzet``, ``marktaandeel``, ``aandeel_grootste_concurrent``,
    ``relatief_marktaandeel``, ``penetratiegraad_klasse``, ``penetratiegraad_merk``,
    ``bestedingsindex`` and ``controle`` = penetratiegraad_merk × bestedingsindex, which
    equals ``marktaandeel`` (the identity of §2.2).

    >>> m = pd.DataFrame({"sector": ["zorg", "zorg"], "potential_buyers": [100, 100],
    ...     "purchase_per_buyer": [10.0, 10.0], "buyers": [50, 30], "class_sales": [500.0, 300.0],
    ...     "own_buyers": [10, 5], "own_sales": [150.0, 50.0], "largest_competitor_sales": [300.0, 100.0]})
    >>> t = market_table(m)
    >>> t[["marktpotentieel", "marktomvang", "verzadigingsgraad", "marktaandeel"]]
            marktpotentieel  marktomvang  verzadigingsgraad  marktaandeel
    sector
    zorg             2000.0        800.0                0.4          0.25
    >>> bool(abs(t["controle"] - t["marktaandeel"]).max() < 1e-12)
    True
    """
    keys = [by] if isinstance(by, str) else list(by)
    need = [potential_buyers_col, purchase_per_buyer_col, buyers_col, class_sales_col, own_buyers_col, own_sales_col]
    if competitors is None:
        need.append(competitor_sales_col)
    v.table(market, "market", keys + need)
    market, year = _one_year(market, year, "market")
    frame = pd.DataFrame({k: market[k].to_numpy() for k in keys}, index=pd.RangeIndex(len(market)))
    data = {c: v.column_numbers(market, c, "market", minimum=0) for c in need}
    frame = frame.assign(pb=data[potential_buyers_col], pot=data[potential_buyers_col] * data[purchase_per_buyer_col],
                         cb=data[buyers_col], cs=data[class_sales_col], ob=data[own_buyers_col], os=data[own_sales_col])
    sums = ["pb", "pot", "cb", "cs", "ob", "os"]
    group_keys = keys or ["markt"]
    if not keys:
        frame["markt"] = "totaal"
    g = frame.groupby(group_keys, observed=True, sort=True)[sums].sum()
    names = None
    if competitors is None:
        frame["comp"] = data[competitor_sales_col]
        g["comp"] = frame.groupby(group_keys, observed=True, sort=True)["comp"].sum()
    else:
        g["comp"], names = _largest_competitor(competitors, year, keys, group_keys, g.index,
                                               competitor_col, sales_col)
    out = pd.DataFrame(index=g.index)
    out["marktpotentieel"] = g["pot"]
    out["marktomvang"] = g["cs"]
    out["verzadigingsgraad"] = saturation(g["cs"], g["pot"])
    out["restvraag"] = remaining_demand(g["pot"], g["cs"])
    out["eigen_omzet"] = g["os"]
    out["marktaandeel"] = market_share(g["os"], g["cs"])
    if names is not None:
        out["grootste_concurrent"] = names
    out["aandeel_grootste_concurrent"] = g["comp"].fillna(0.0) / g["cs"]
    # no competitor in a segment: the relative share is undefined (NaN), not an error
    out["relatief_marktaandeel"] = out["marktaandeel"] / out["aandeel_grootste_concurrent"].where(
        out["aandeel_grootste_concurrent"] > 0)
    out["penetratiegraad_klasse"] = penetration_rate(g["cb"], g["pb"])
    out["penetratiegraad_merk"] = penetration_rate(g["ob"], g["cb"])
    out["bestedingsindex"] = spending_index(g["os"], g["ob"], g["cs"], g["cb"])
    out["controle"] = out["penetratiegraad_merk"] * out["bestedingsindex"]
    return out


def _one_year(frame, year, name):
    """Rows of one year when the table has a 'year' column (default: the last year)."""
    if "year" not in frame.columns:
        return frame, year
    years = v.column_numbers(frame, "year", name, integer=True)
    if year is None:
        year = int(years.max())
    year = int(v.number(year, "year", integer=True))
    if not (years == year).any():
        raise InputError(f"De tabel '{name}' heeft geen rijen voor jaar {year}; kies uit "
                         f"{', '.join(str(int(y)) for y in np.unique(years))}.")
    return frame[years == year], year


# ---------------------------------------------------------------------------------------------
# §2.1 targets
# ---------------------------------------------------------------------------------------------

#: The SMART letters (§2.1) and the question each one asks.
SMART_CRITERIA = pd.DataFrame({
    "letter": ["S", "M", "A", "R", "T"],
    "criterium": ["Specifiek", "Meetbaar", "Acceptabel", "Realistisch", "Tijdgebonden"],
    "vraag": ["Is duidelijk wat er bereikt moet worden en voor welke groep?",
              "Is er een getal waarmee je kunt nagaan of het doel gehaald is?",
              "Staan de verkopers achter het doel (draagvlak)?",
              "Is het haalbaar, gezien wat eerder gehaald werd?",
              "Staat er een einddatum bij?"],
}).set_index("letter")


def smart_check(*, what=None, measure=None, target=None, baseline=None, deadline=None,
                accepted=None, max_growth=0.15, min_words=3) -> pd.DataFrame:
    """SMART-toets van een target (§2.1): which of the five letters does it meet?

    ``what``: the specific subject (e.g. "omzet servicecontracten in de zorg"; at least
    ``min_words`` words, a rough check that it says what AND for whom);
    ``measure``: the measure (omzet, afzet, aantal bezoeken, ...); ``target``: the number;
    ``baseline``: what was achieved last period (to judge Realistisch: growth at most
    ``max_growth``); ``deadline``: the end date; ``accepted``: True when the team agreed.
    Returns per letter ``voldoet`` (True/False) and a Dutch ``toelichting``.

    >>> t = smart_check(what="omzet servicecontracten zorg", measure="omzet", target=1_100_000, baseline=1_000_000,
    ...                 deadline="2026-12-31", accepted=True)
    >>> t["voldoet"].tolist()
    [True, True, True, True, True]
    >>> smart_check(what="meer omzet", measure="omzet", target=2e6, baseline=1e6)["voldoet"].tolist()
    [False, True, False, False, False]
    """
    max_growth = v.number(max_growth, "max_growth", minimum=0)
    rows = []
    specific = isinstance(what, str) and len(what.split()) >= min_words
    rows.append((specific, "Wat en voor wie staat erbij." if specific else
                 "Beschrijf wat er bereikt moet worden en voor welke groep, bijvoorbeeld "
                 "'omzet servicecontracten in de zorg'."))
    measurable = measure is not None and target is not None
    if target is not None:
        target = v.number(target, "target", minimum=0)
    money = isinstance(measure, str) and measure.split()[0].lower() in ("omzet", "marge", "brutomarge")
    shown = (format_euro(target) if money else format_number(target)) if measurable else ""
    rows.append((measurable, f"Meetbaar: {measure} = {shown}." if measurable else
                 "Noem de maatstaf en het getal (bijvoorbeeld omzet € 1.100.000)."))
    rows.append((accepted is True, "Het team staat erachter." if accepted is True else
                 "Onbekend of het team het doel accepteert: bespreek het (bottom-up) met de verkopers."))
    if baseline is not None and target is not None:
        baseline = v.number(baseline, "baseline", minimum=0, min_inclusive=False)
        growth = target / baseline - 1.0
        realistic = growth <= max_growth + 1e-12
        rows.append((realistic, f"Groei {format_percent(growth)} ten opzichte van de nulmeting "
                     f"({'binnen' if realistic else 'boven'} de grens van {format_percent(max_growth, 0)})."))
    else:
        rows.append((False, "Zonder nulmeting (wat haalden we vorig jaar?) is niet te zeggen of het "
                     "realistisch is."))
    timed = False
    if deadline is not None:
        timed = not pd.isna(pd.to_datetime(deadline, errors="coerce"))
    rows.append((timed, f"Einddatum {format_date(pd.to_datetime(deadline))}." if timed else "Zet er een einddatum bij."))
    out = SMART_CRITERIA[["criterium"]].copy()
    out["voldoet"] = [r[0] for r in rows]
    out["toelichting"] = [r[1] for r in rows]
    return out


def split_target(total, weights) -> pd.Series:
    """Top-down verdelen van een target (§2.1): split ``total`` in proportion to ``weights``.

    ``weights`` is a Series (e.g. last year's revenue per account manager or sector); the
    result has the same index and adds up to ``total``.

    >>> split_target(1_000, pd.Series({"An": 300.0, "Bo": 100.0}))
    An    750.0
    Bo    250.0
    Name: target, dtype: float64
    """
    total = v.number(total, "total", minimum=0)
    if not isinstance(weights, pd.Series):
        weights = pd.Series(weights)
    w = v.numbers_array(weights, "weights", minimum=0)
    if w.sum() <= 0:
        raise InputError("De gewichten tellen op tot 0; geef minstens één positief gewicht.")
    return pd.Series(total * w / w.sum(), index=weights.index, name="target")


def revenue_vs_target(orders, target, *, year=None, date_col="date", revenue_col="revenue",
                      seasonality=None) -> pd.DataFrame:
    """Omzet tegen target per maand (§2.1).

    ``target`` is a yearly total (split over the months by ``seasonality``: twelve weights,
    default last year's monthly revenue pattern, or equal months when there is no last year)
    or a sequence of twelve monthly targets. Returns per month ``omzet``, ``target``,
    ``verschil``, ``realisatie`` (omzet / target) and the cumulative ``omzet_cum``,
    ``target_cum`` and ``realisatie_cum``. ``year`` defaults to the last year in the orders.

    >>> o = pd.DataFrame({"date": pd.to_datetime(["2025-01-15", "2025-02-10"]), "revenue": [90.0, 120.0]})
    >>> r = revenue_vs_target(o, [100.0] * 12)
    >>> r.loc[1:2, ["omzet", "target", "realisatie"]]
           omzet  target  realisatie
    maand
    1       90.0   100.0         0.9
    2      120.0   100.0         1.2
    """
    v.table(orders, "orders", [date_col, revenue_col])
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    money = v.column_numbers(orders, revenue_col, "orders")
    years = when.dt.year.to_numpy()
    year = int(years.max()) if year is None else int(v.number(year, "year", integer=True))
    months = when.dt.month.to_numpy()
    index = pd.Index(range(1, 13), name="maand")
    revenue = pd.Series(money[years == year]).groupby(months[years == year]).sum()
    revenue = revenue.reindex(index, fill_value=0.0).astype(float)
    if isinstance(target, numbers.Real) and not isinstance(target, bool):
        total = v.number(target, "target", minimum=0)
        if seasonality is None:
            last = pd.Series(money[years == year - 1]).groupby(months[years == year - 1]).sum()
            last = last.reindex(index, fill_value=0.0)
            weights = last.to_numpy() if last.sum() > 0 else np.ones(12)
        else:
            weights = v.numbers_array(seasonality, "seasonality", minimum=0)
            if len(weights) != 12 or weights.sum() <= 0:
                raise InputError("'seasonality' moet twaalf niet-negatieve gewichten hebben (één per maand).")
        monthly = total * weights / weights.sum()
    else:
        monthly = v.numbers_array(target, "target", minimum=0)
        if len(monthly) != 12:
            raise InputError(f"Geef één target per maand (12 getallen), niet {len(monthly)}.")
    out = pd.DataFrame({"omzet": revenue.to_numpy(), "target": monthly}, index=index)
    out["verschil"] = out["omzet"] - out["target"]
    out["realisatie"] = out["omzet"] / out["target"].where(out["target"] > 0)
    out["omzet_cum"] = out["omzet"].cumsum()
    out["target_cum"] = out["target"].cumsum()
    out["realisatie_cum"] = out["omzet_cum"] / out["target_cum"].where(out["target_cum"] > 0)
    return out


def target_overview(orders, customers, activities, targets, *, year=None, date_col="date", revenue_col="revenue",
                    acquired_col="acquired_on", month_col="month",
                    measures=(("omzet", "resultaat", "revenue_target"),
                              ("nieuwe klanten", "resultaat", "new_customers_target"),
                              ("telefoongesprekken (koude acquisitie)", "activiteit", "calls_target"),
                              ("afspraken (koude acquisitie)", "activiteit", "appointments_target"),
                              ("offertes (koude acquisitie)", "activiteit", "quotations_target")),
                    activity_columns=(("telefoongesprekken (koude acquisitie)", "calls"),
                                      ("afspraken (koude acquisitie)", "appointments"),
                                      ("offertes (koude acquisitie)", "quotations"))) -> pd.DataFrame:
    """Resultaat- en activiteitentargets tegen de realisatie in één jaar (§2.1).

    ``targets`` has one row per month with a target column per measure (``measures``: name,
    soort, column). Realisations: omzet from ``orders``, nieuwe klanten = customers with
    ``acquired_col`` in the year, activities summed from ``activities`` (one row per month and
    person; ``activity_columns`` maps a measure to its column). ``year`` defaults to the last
    year with orders. Returns per measure ``soort``, ``target``, ``realisatie`` and
    ``realisatiegraad`` (realisatie / target). The company's activity targets are those of the
    cold acquisition (the ``cold_calls`` table), the results those of the whole company: the
    default names say so.

    >>> o = pd.DataFrame({"date": pd.to_datetime(["2025-03-01"]), "revenue": [90.0]})
    >>> c = pd.DataFrame({"acquired_on": pd.to_datetime(["2025-02-01", "2020-01-01"])})
    >>> a = pd.DataFrame({"month": pd.to_datetime(["2025-03-01"]), "calls": [40]})
    >>> t = pd.DataFrame({"month": pd.to_datetime(["2025-03-01"]), "revenue_target": [100.0],
    ...                   "new_customers_target": [2], "calls_target": [50]})
    >>> target_overview(o, c, a, t, measures=(("omzet", "resultaat", "revenue_target"),
    ...     ("nieuwe klanten", "resultaat", "new_customers_target"), ("telefoongesprekken", "activiteit", "calls_target")),
    ...     activity_columns=(("telefoongesprekken", "calls"),))["realisatiegraad"].tolist()
    [0.9, 0.5, 0.8]
    """
    v.table(orders, "orders", [date_col, revenue_col])
    v.table(customers, "customers", [acquired_col])
    v.table(targets, "targets", [month_col] + [m[2] for m in measures])
    v.table(activities, "activities", [month_col] + [a[1] for a in activity_columns])
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    year = int(when.dt.year.max()) if year is None else int(v.number(year, "year", integer=True))
    t_year = v.dates(targets[month_col], f"targets['{month_col}']").dt.year.to_numpy() == year
    a_year = v.dates(activities[month_col], f"activities['{month_col}']").dt.year.to_numpy() == year
    if not t_year.any():
        raise InputError(f"De tabel 'targets' heeft geen maanden in {year}.")
    actual = {"omzet": float(v.column_numbers(orders, revenue_col, "orders")[(when.dt.year == year).to_numpy()].sum()),
              "nieuwe klanten": float((v.dates(customers[acquired_col], "customers", allow_nat=True).dt.year
                                       == year).sum())}
    for name, column in activity_columns:
        actual[name] = float(v.column_numbers(activities, column, "activities")[a_year].sum())
    rows = []
    for name, kind, column in measures:
        target = float(v.column_numbers(targets, column, "targets")[t_year].sum())
        real = actual.get(name, np.nan)
        rows.append((name, kind, target, real, real / target if target > 0 else np.nan))
    out = pd.DataFrame(rows, columns=["maatstaf", "soort", "target", "realisatie", "realisatiegraad"])
    return out.set_index("maatstaf")


def top_down_bottom_up(orders, customers, total_target, *, year=None, names=None, max_growth=0.25,
                       customer_col="customer_id", manager_col="account_manager", date_col="date",
                       revenue_col="revenue") -> pd.DataFrame:
    """Top-down tegenover bottom-up (§2.1): the next year's revenue target per account manager.

    Top-down: management splits ``total_target`` over the account managers in proportion to
    their revenue in ``year`` (default: the last year in the orders). Bottom-up: each account
    manager estimates next year from their own trend: revenue × (1 + growth of the last year),
    the growth capped at ±``max_growth``. ``names`` (optional) maps manager id → name.
    Returns per account manager ``omzet_vorig_jaar``, ``omzet``, ``groei``, ``top_down``,
    ``bottom_up`` and ``verschil`` (top_down − bottom_up).

    >>> o = pd.DataFrame({"customer_id": [1, 1, 2, 2], "revenue": [100.0, 110.0, 100.0, 90.0],
    ...     "date": pd.to_datetime(["2024-05-01", "2025-05-01", "2024-05-01", "2025-05-01"])})
    >>> c = pd.DataFrame({"customer_id": [1, 2], "account_manager": ["An", "Bo"]})
    >>> top_down_bottom_up(o, c, 400.0)[["top_down", "bottom_up"]]
                     top_down  bottom_up
    account_manager
    An                  220.0      121.0
    Bo                  180.0       81.0
    """
    v.table(orders, "orders", [customer_col, date_col, revenue_col])
    v.table(customers, "customers", [customer_col, manager_col])
    total_target = v.number(total_target, "total_target", minimum=0)
    max_growth = v.number(max_growth, "max_growth", minimum=0)
    when = v.dates(orders[date_col], f"orders['{date_col}']")
    year = int(when.dt.year.max()) if year is None else int(v.number(year, "year", integer=True))
    who = customers.set_index(customer_col)[manager_col]
    frame = pd.DataFrame({"am": orders[customer_col].map(who).to_numpy(), "year": when.dt.year.to_numpy(),
                          "amount": v.column_numbers(orders, revenue_col, "orders")})
    frame = frame.dropna(subset=["am"])
    now = frame[frame["year"] == year].groupby("am")["amount"].sum()
    before = frame[frame["year"] == year - 1].groupby("am")["amount"].sum()
    if now.sum() <= 0:
        raise InputError(f"Er is geen omzet in {year}; kies een ander jaar met year=....")
    out = pd.DataFrame({"omzet_vorig_jaar": before.reindex(now.index).fillna(0.0), "omzet": now})
    growth = out["omzet"] / out["omzet_vorig_jaar"].where(out["omzet_vorig_jaar"] > 0) - 1.0
    out["groei"] = growth.clip(-max_growth, max_growth).fillna(0.0)
    out["top_down"] = split_target(total_target, out["omzet"])
    out["bottom_up"] = out["omzet"] * (1.0 + out["groei"])
    out["verschil"] = out["top_down"] - out["bottom_up"]
    out.index.name = manager_col
    if names is not None:
        out.index = pd.Index([names.get(i, i) if hasattr(names, "get") else i for i in out.index],
                             name=manager_col)
    return out


# ---------------------------------------------------------------------------------------------
# §2.2 ABCD feeding a SWOT
# ---------------------------------------------------------------------------------------------

#: The four parts of the external ABCD analysis.
ABCD_FACTORS: tuple[str, str, str, str] = ("Afnemers", "Bedrijfstak", "Concurrenten", "Distributie")


def abcd_table(findings) -> pd.DataFrame:
    """ABCD-analyse (§2.2): external findings, each marked as kans or bedreiging.

    ``findings`` is a list of ``(factor, bevinding, effect)`` with factor one of Afnemers,
    Bedrijfstak, Concurrenten, Distributie and effect "kans" or "bedreiging".

    >>> abcd_table([("Afnemers", "zorg groeit", "kans")])
         factor   bevinding effect
    0  Afnemers  zorg groeit   kans
    """
    if isinstance(findings, (str, bytes)) or not len(findings):
        raise InputError("Geef de ABCD-bevindingen als lijst van (factor, bevinding, 'kans'/'bedreiging').")
    rows = []
    for i, item in enumerate(findings):
        if len(item) != 3:
            raise InputError(f"Bevinding {i} moet drie delen hebben: (factor, bevinding, effect).")
        factor, finding, effect = item
        v.choice(factor, f"factor van bevinding {i}", ABCD_FACTORS)
        v.choice(effect, f"effect van bevinding {i}", ("kans", "bedreiging"))
        rows.append((factor, str(finding), effect))
    return pd.DataFrame(rows, columns=["factor", "bevinding", "effect"])


def swot_table(abcd, strengths, weaknesses) -> pd.DataFrame:
    """SWOT (§2.2): internal sterktes/zwaktes beside the kansen/bedreigingen from the ABCD.

    Returns a 2 × 2 table (rows ``intern``/``extern``, columns ``positief``/``negatief``);
    each cell lists its points, one per line, with the ABCD factor in brackets.

    >>> a = abcd_table([("Afnemers", "zorg groeit", "kans"), ("Concurrenten", "prijsvechter", "bedreiging")])
    >>> swot_table(a, ["eigen servicedienst"], ["hoge prijs"]).loc["extern", "positief"]
    'kansen: zorg groeit (Afnemers)'
    """
    v.table(abcd, "abcd", ["factor", "bevinding", "effect"])
    strengths = [str(s) for s in (strengths or [])]
    weaknesses = [str(s) for s in (weaknesses or [])]

    def cell(title, items):
        return f"{title}: " + ("; ".join(items) if items else "(nog niets)")

    opportunities = [f"{r.bevinding} ({r.factor})" for r in abcd.itertuples() if r.effect == "kans"]
    threats = [f"{r.bevinding} ({r.factor})" for r in abcd.itertuples() if r.effect == "bedreiging"]
    return pd.DataFrame({"positief": [cell("sterktes", strengths), cell("kansen", opportunities)],
                         "negatief": [cell("zwaktes", weaknesses), cell("bedreigingen", threats)]},
                        index=pd.Index(["intern", "extern"], name="SWOT"))


def _distribution_finding(tenders, leads, year, source_col, online, created_col):
    """ABCD's Distributie: how the public buyers buy (tenders), else the online share of the own leads."""
    if tenders is not None:
        v.table(tenders, "tenders", ["published_on", "award_criterion"])
        t_year = v.dates(tenders["published_on"], "tenders['published_on']").dt.year.to_numpy() == year
        if t_year.any():
            quality = float((tenders.loc[t_year, "award_criterion"].astype(str) == "BPKV").mean())
            return ("Distributie", f"publieke afnemers kopen via aanbestedingen: {int(t_year.sum())} in {year}, "
                    f"{format_percent(quality, 0)} daarvan gegund op prijs én kwaliteit (BPKV)", "kans")
    elif leads is not None:
        v.table(leads, "leads", [source_col, created_col])
        l_year = v.dates(leads[created_col], f"leads['{created_col}']").dt.year.to_numpy()
        is_online = (leads[source_col].astype(str) == online).to_numpy()
        share_now = is_online[l_year == year].mean() if (l_year == year).any() else np.nan
        share_before = is_online[l_year == year - 1].mean() if (l_year == year - 1).any() else np.nan
        if not np.isnan(share_now):
            text = f"{format_percent(share_now)} van de leads komt online binnen"
            falling = False
            if not np.isnan(share_before):
                # a change in the online share is a trend only when it exceeds its noise
                change = compare_rates([is_online[l_year == year].sum(), is_online[l_year == year - 1].sum()],
                                       [(l_year == year).sum(), (l_year == year - 1).sum()], ["nu", "vorig jaar"])
                falling = change.clear and change.highest == "vorig jaar"
                trend = ("duidelijk gestegen" if change.clear and not falling else "duidelijk gedaald" if falling
                         else "geen duidelijke verandering")
                text += f" (vorig jaar {format_percent(share_before)}: {trend})"
            return ("Distributie", text, "bedreiging" if falling else "kans")
    return None


def abcd_findings(market, competitors, *, leads=None, tenders=None, year=None, saturated_from=0.8,
                  sector_col="sector", source_col="source", online="online", created_col="created_on") -> pd.DataFrame:
    """ABCD-analyse uit de marktcijfers (§2.2): findings with numbers, each a kans or bedreiging.

    Compares ``year`` (default: the last) with the year before: Afnemers (the sector with the
    largest restvraag; the fastest growing and shrinking sectors), Bedrijfstak (growth of the
    whole market, saturation against ``saturated_from``), Concurrenten (the largest competitor
    and the fastest growing one) and Distributie: with ``tenders`` (published_on, award_criterion)
    how the public buyers buy (the tenders of ``year``, the share awarded on BPKV), a fact of the
    market; with only ``leads`` the share of the company's own leads that come in ``online``
    (an internal figure, shown only when no tenders are given). Returns an :func:`abcd_table`,
    ready for :func:`swot_table`.

    >>> m = pd.DataFrame({"year": [2025, 2025], "sector": ["zorg", "horeca"], "potential_buyers": [100, 50],
    ...     "purchase_per_buyer": [1000.0, 1000.0], "buyers": [60, 30], "class_sales": [60_000.0, 30_000.0],
    ...     "own_buyers": [6, 3], "own_sales": [6_000.0, 3_000.0]})
    >>> c = pd.DataFrame({"year": [2025], "sector": ["zorg"], "competitor": ["X"], "sales": [20_000.0]})
    >>> abcd_findings(m, c)["bevinding"].tolist()
    ['zorg heeft de grootste restvraag (€ 0,0 mln per jaar)', 'de verzadigingsgraad is 60,0%: er is nog ruimte', 'X is de grootste concurrent (22,2% van de markt)']
    """
    v.table(market, "market", ["year", sector_col])
    v.table(competitors, "competitors", ["year", "competitor", "sales"])
    years = v.column_numbers(market, "year", "market", integer=True)
    year = int(years.max()) if year is None else int(v.number(year, "year", integer=True))
    now = market_table(market, year=year, competitors=competitors, by=sector_col)
    rows = []
    top = now["restvraag"].idxmax()
    rows.append(("Afnemers", f"{top} heeft de grootste restvraag ({format_euro(now.loc[top, 'restvraag'] / 1e6, 1)}"
                 " mln per jaar)", "kans"))
    if (years == year - 1).any():
        before = market_table(market, year=year - 1, competitors=competitors, by=sector_col)
        growth = (now["marktomvang"] / before["marktomvang"].reindex(now.index) - 1.0).dropna()
        best, worst = growth.idxmax(), growth.idxmin()
        rows.append(("Afnemers", f"de marktomvang in {best} groeit het snelst ({format_percent(growth[best])})",
                     "kans"))
        if growth[worst] < 0:
            rows.append(("Afnemers", f"de marktomvang in {worst} krimpt ({format_percent(growth[worst])})",
                         "bedreiging"))
        total_growth = now["marktomvang"].sum() / before["marktomvang"].sum() - 1.0
        rows.append(("Bedrijfstak", f"de hele markt {'groeit' if total_growth >= 0 else 'krimpt'} "
                     f"({format_percent(total_growth)} in een jaar)", "kans" if total_growth >= 0 else "bedreiging"))
        comp = competitors[["year", "competitor", "sales"]]
        per = comp.groupby(["competitor", "year"], observed=True)["sales"].sum().unstack("year")
        if year - 1 in per.columns and year in per.columns:
            c_growth = (per[year] / per[year - 1] - 1.0).dropna()
            fast = c_growth.idxmax()
            rows.append(("Concurrenten", f"{fast} groeit het hardst ({format_percent(c_growth[fast])})",
                         "bedreiging"))
    total = now[["marktomvang", "marktpotentieel"]].sum()
    sat = total["marktomvang"] / total["marktpotentieel"]
    rows.append(("Bedrijfstak", f"de verzadigingsgraad is {format_percent(sat)}: "
                 + ("de markt raakt vol" if sat >= saturated_from else "er is nog ruimte"),
                 "bedreiging" if sat >= saturated_from else "kans"))
    comp_now = competitors[v.column_numbers(competitors, "year", "competitors", integer=True) == year]
    by_firm = comp_now.groupby("competitor", observed=True)["sales"].sum()
    leader = by_firm.idxmax()
    rows.append(("Concurrenten", f"{leader} is de grootste concurrent ({format_percent(by_firm[leader] / total['marktomvang'])}"
                 " van de markt)", "bedreiging"))
    distribution = _distribution_finding(tenders, leads, year, source_col, online, created_col)
    if distribution is not None:
        rows.append(distribution)
    return abcd_table(rows)
