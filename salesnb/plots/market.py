"""Charts for H2 Marktonderzoek, analyse en verkoopplan: market shares, the market layers
(potentieel, omvang, eigen omzet), the share identity and revenue against target."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import (
    legend_above,
    COLOR_HIGHLIGHT,
    COLOR_MUTED,
    HATCHES,
    PALETTE,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_euro_axis,
    set_percent_axis,
)

__all__ = ["plot_market_shares", "plot_market_layers", "plot_share_identity", "plot_revenue_vs_target"]


def _example_table():
    from ..market import market_table

    m = pd.DataFrame({"sector": ["Zorg", "Onderwijs", "Industrie"], "potential_buyers": [500, 400, 300],
                      "purchase_per_buyer": [5000.0, 3000.0, 6000.0], "buyers": [300, 200, 220],
                      "class_sales": [1.5e6, 0.6e6, 1.2e6], "own_buyers": [30, 30, 15],
                      "own_sales": [2.1e5, 0.5e5, 0.9e5], "largest_competitor_sales": [3.0e5, 1.5e5, 0.7e5]})
    return {"table": market_table(m)}


@register_plot(example=_example_table)
def plot_market_shares(table, *, ax=None):
    """Marktaandeel per segment (§2.2): own share, the largest competitor's share, the rest.

    ``table`` is the output of :func:`salesnb.market_table`. Each bar is 100% of the
    marktomvang of its segment; the relatief marktaandeel is written at the right end.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_market_shares(**_example_table(), ax=Figure().add_subplot())
    >>> ax.texts[-1].get_text()
    'relatief 0,70'
    """
    from .. import _validate as v

    v.table(table, "table", ["marktaandeel", "aandeel_grootste_concurrent", "relatief_marktaandeel"])
    frame = table.sort_values("marktaandeel")
    own = frame["marktaandeel"].to_numpy(dtype=float)
    comp = frame["aandeel_grootste_concurrent"].to_numpy(dtype=float)
    rest = np.clip(1 - own - comp, 0, 1)
    labels = [str(i) for i in frame.index]
    ax = get_ax(ax, figsize=(8.5, 0.55 * len(labels) + 1.9))
    y = np.arange(len(labels))
    parts = [(own, "Eigen marktaandeel", PALETTE[0], ""),
             (comp, "Grootste concurrent", COLOR_HIGHLIGHT, HATCHES[1]),
             (rest, "Overige aanbieders", COLOR_MUTED, HATCHES[2])]
    left = np.zeros(len(labels))
    for values, label, color, hatch in parts:
        ax.barh(y, values, left=left, height=0.66, color=color, hatch=hatch, edgecolor="white",
                linewidth=0.8, label=label)
        for i in range(len(labels)):
            if values[i] >= 0.045:
                ax.text(left[i] + values[i] / 2, y[i], format_percent(values[i], 0), ha="center",
                        va="center", fontsize=8.5,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
        left += values
    rel = frame["relatief_marktaandeel"].to_numpy(dtype=float)
    for i in range(len(labels)):
        text = "–" if np.isnan(rel[i]) else format_number(rel[i], 2)
        ax.text(1.02, y[i], f"relatief {text}", va="center", ha="left", fontsize=9)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel("Aandeel van de marktomvang")
    ax.set_title("Marktaandeel tegenover de grootste concurrent", pad=24)
    legend_above(ax, ncols=3)
    ax.grid(False)
    return ax


@register_plot(example=_example_table)
def plot_market_layers(table, *, ax=None):
    """Marktpotentieel, marktomvang en eigen omzet per segment (§2.2).

    Three nested horizontal bars per segment: the potential (light, hatched), the market
    size inside it (verzadigingsgraad written beside it) and our own sales (marktaandeel).
    The gap between potential and size is the restvraag.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_market_layers(**_example_table(), ax=Figure().add_subplot())
    >>> ax.get_title()
    'Marktpotentieel, marktomvang en eigen omzet'
    """
    from .. import _validate as v

    v.table(table, "table", ["marktpotentieel", "marktomvang", "eigen_omzet", "verzadigingsgraad",
                             "marktaandeel"])
    frame = table.sort_values("marktpotentieel")
    labels = [str(i) for i in frame.index]
    y = np.arange(len(labels))
    ax = get_ax(ax, figsize=(8.5, 0.7 * len(labels) + 1.8))
    ax.barh(y, frame["marktpotentieel"], height=0.8, color="white", edgecolor=PALETTE[1], hatch=HATCHES[2],
            label="Marktpotentieel (restvraag = lege ruimte)")
    ax.barh(y, frame["marktomvang"], height=0.55, color=PALETTE[1], label="Marktomvang (alle aanbieders)")
    ax.barh(y, frame["eigen_omzet"], height=0.3, color=PALETTE[0], label="Eigen omzet")
    for i, row in enumerate(frame.itertuples()):
        ax.text(row.marktpotentieel, y[i], f"  verzadigd {format_percent(row.verzadigingsgraad, 0)}, "
                f"marktaandeel {format_percent(row.marktaandeel, 1)}", va="center", ha="left", fontsize=8.5)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, frame["marktpotentieel"].max() * 1.55)
    ax.xaxis.set_major_formatter(_euro_millions())
    ax.set_xlabel("Bedrag per jaar (€ mln)")
    ax.set_title("Marktpotentieel, marktomvang en eigen omzet")
    ax.legend(loc="lower right", fontsize=8, frameon=True)
    return ax


def _euro_millions():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos=None: format_number(x / 1e6, 0))


@register_plot(example=_example_table)
def plot_share_identity(table, *, ax=None):
    """Marktaandeel = penetratiegraad (eigen merk) × bestedingsindex (§2.2), per segment.

    A scatter of penetratiegraad (x) against bestedingsindex (y), each segment labelled with
    its marktaandeel; grey curves connect points with the same marktaandeel (x · y = constant),
    so a segment can reach a larger share by more buyers OR more spending per buyer.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_share_identity(**_example_table(), ax=Figure().add_subplot())
    >>> ax.get_ylabel()
    'Bestedingsindex'
    """
    from .. import _validate as v

    v.table(table, "table", ["penetratiegraad_merk", "bestedingsindex", "marktaandeel"])
    x = table["penetratiegraad_merk"].to_numpy(dtype=float)
    y = table["bestedingsindex"].to_numpy(dtype=float)
    ax = get_ax(ax, figsize=(7.5, 5))
    xmax = max(x.max() * 1.35, 0.01)
    ymax = max(y.max() * 1.3, 1.2)
    grid = np.linspace(xmax / 200, xmax, 200)
    share_levels = np.unique(np.round(np.linspace(0, (x * y).max() * 1.3, 5)[1:], 3))
    for level in share_levels:
        ax.plot(grid, level / grid, color=COLOR_MUTED, lw=1, ls=":")
        ypos = level / (xmax * 0.97)
        if ypos < ymax:
            ax.text(xmax * 0.97, ypos, format_percent(level, 1), color="#666666", fontsize=8,
                    ha="right", va="bottom")
    ax.scatter(x, y, s=70, color=PALETTE[0], edgecolor="black", zorder=3)
    ax.axhline(1.0, color="#666666", lw=0.8)
    ax.set_xlim(0, xmax)
    ax.set_ylim(0, ymax)
    # each label takes the first spot around its point that overlaps no marker and no earlier label
    spots = [((5, 6), "left", "bottom"), ((5, -6), "left", "top"), ((-5, 6), "right", "bottom"),
             ((-5, -6), "right", "top"), ((5, 18), "left", "bottom"), ((5, -18), "left", "top")]
    from matplotlib.transforms import Bbox

    points = ax.transData.transform(np.column_stack([x, y]))
    boxes = [Bbox.from_extents(px - 5, py - 5, px + 5, py + 5) for px, py in points]  # the markers
    for i in np.argsort(x):
        text = f"{table.index[i]}: {format_percent(table['marktaandeel'].iloc[i], 1)}"
        for offset, ha, va in spots:
            label = ax.annotate(text, (x[i], y[i]), xytext=offset, textcoords="offset points", fontsize=8.5,
                                ha=ha, va=va)
            box = label.get_window_extent()
            if not any(box.overlaps(other) for other in boxes):
                break
            if offset != spots[-1][0]:
                label.remove()
        boxes.append(box)
        if abs(offset[1]) > 10:  # a label further away gets a thin leader line to its point
            ax.annotate("", (x[i], y[i]), xytext=offset, textcoords="offset points",
                        arrowprops={"arrowstyle": "-", "lw": 0.6, "color": "#666666", "shrinkB": 0})
    set_percent_axis(ax, "x", decimals=1)
    ax.set_xlabel("Penetratiegraad eigen merk (eigen kopers / kopers in de productklasse)")
    ax.set_ylabel("Bestedingsindex")
    ax.set_title("Marktaandeel = penetratiegraad × bestedingsindex\n(stippellijn: gelijk marktaandeel)")
    return ax


def _example_revenue():
    from ..market import revenue_vs_target

    o = pd.DataFrame({"date": pd.to_datetime([f"2025-{m:02d}-15" for m in range(1, 13)]),
                      "revenue": [90.0, 110, 100, 95, 120, 80, 70, 85, 105, 115, 120, 130]})
    return {"table": revenue_vs_target(o, [100.0] * 12)}


_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@register_plot(example=_example_revenue)
def plot_revenue_vs_target(table, *, ax=None):
    """Omzet tegen target per maand (§2.1): bars of revenue, the target as a step line.

    ``table`` is the output of :func:`salesnb.revenue_vs_target`. Months under target get a
    hatched bar; the cumulative realisation at the end of the year is in the title.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_revenue_vs_target(**_example_revenue(), ax=Figure().add_subplot())
    >>> ax.get_title()
    'Omzet tegen target per maand (jaar: 101,7% van het target)'
    """
    from .. import _validate as v

    v.table(table, "table", ["omzet", "target", "realisatie_cum"])
    months = np.arange(len(table))
    revenue = table["omzet"].to_numpy(dtype=float)
    target = table["target"].to_numpy(dtype=float)
    ax = get_ax(ax, figsize=(8.5, 4))
    below = revenue < target
    bars = ax.bar(months, revenue, color=[PALETTE[5] if b else PALETTE[0] for b in below],
                  edgecolor="black", linewidth=0.5)
    for bar, b in zip(bars, below):
        if b:
            bar.set_hatch(HATCHES[1])
    ax.step(np.r_[months - 0.5, months[-1] + 0.5], np.r_[target, target[-1]], where="post",
            color="black", lw=2, label="Target")
    ax.bar([0], [0], color=PALETTE[0], edgecolor="black", label="Omzet (op of boven target)")
    ax.bar([0], [0], color=PALETTE[5], hatch=HATCHES[1], edgecolor="black", label="Omzet onder target")
    names = [_MONTHS[int(m) - 1] if isinstance(m, (int, np.integer)) and 1 <= m <= 12 else str(m)
             for m in table.index]
    ax.set_xticks(months, names)
    set_euro_axis(ax, "y")
    ax.set_ylabel("Omzet per maand")
    cum = table["realisatie_cum"].iloc[-1]
    ax.set_title(f"Omzet tegen target per maand (jaar: {format_percent(cum, 1)} van het target)")
    ax.legend(loc="upper left", fontsize=8.5, ncols=3)
    ax.set_ylim(0, max(revenue.max(), target.max()) * 1.2)
    return ax
