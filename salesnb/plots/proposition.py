"""Charts for H4 Waardepropositie: win rate per buying motive, motives in the won and lost
reasons, and the weighted criteria comparison of offers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ._base import (
    legend_below,
    COLOR_NEGATIVE,
    HATCHES,
    PALETTE,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_percent_axis,
)

__all__ = ["plot_win_rate_by_motive", "plot_motives_in_reasons", "plot_criteria"]

_TYPE_STYLE = {"rationeel": (PALETTE[0], ""), "emotioneel": (PALETTE[1], "//")}


def _example_motives():
    from ..proposition import win_rate_by_motive

    motives = ["E"] * 6 + ["S"] * 5 + ["A"] * 4 + ["B"] * 4 + ["O"] * 3 + ["N"] * 3
    outcomes = (["gewonnen"] * 3 + ["verloren"] * 3 + ["gewonnen"] * 3 + ["verloren"] * 2
                + ["gewonnen"] * 3 + ["verloren"] + ["gewonnen", "verloren", "verloren", "verloren"]
                + ["gewonnen", "verloren", "verloren"] + ["verloren"] * 3)
    return {"table": win_rate_by_motive(motives, outcomes)}


@register_plot(example=_example_motives)
def plot_win_rate_by_motive(table: pd.DataFrame, *, overall=None, ax=None):
    """Win rate per dominant buying motive (§4.1), rational and emotional motives hatched apart.

    ``table`` is the output of :func:`salesnb.win_rate_by_motive`; each bar carries the win rate
    and the number of closed deals. ``overall`` (optional) draws the overall win rate as a line.

    >>> from matplotlib.figure import Figure
    >>> from salesnb import win_rate_by_motive
    >>> table = win_rate_by_motive(["E", "S", "S"], ["gewonnen", "verloren", "gewonnen"])
    >>> plot_win_rate_by_motive(table, overall=2 / 3, ax=Figure().add_subplot()).get_title()
    'Win rate per dominant koopmotief'
    """
    v.table(table, "table", ["type", "gewonnen", "verloren", "win_rate"])
    data = table.sort_values("win_rate", ascending=True, na_position="first")
    y = np.arange(len(data))
    ax = get_ax(ax, figsize=(7.0, 3.8))
    for kind, (colour, hatch) in _TYPE_STYLE.items():
        mask = (data["type"] == kind).to_numpy()
        ax.barh(y[mask], data["win_rate"].fillna(0).to_numpy()[mask], color=colour, hatch=hatch,
                edgecolor="white", height=0.65, label=f"{kind} motief")
    for yi, (rate, won, lost) in zip(y, data[["win_rate", "gewonnen", "verloren"]].itertuples(index=False)):
        text = (f"{format_percent(rate, 0)}  (n = {int(won + lost)})" if np.isfinite(rate) else "geen deals")
        ax.annotate(text, (0 if not np.isfinite(rate) else rate, yi), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize="small",
                    bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none"))
    if overall is not None:
        ax.axvline(float(overall), color="#333333", linestyle="--", linewidth=1.2,
                   label=f"gemiddeld {format_percent(float(overall), 0)}")
    ax.set_yticks(y, [str(i) for i in data.index])
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel("Win rate (gewonnen / (gewonnen + verloren))")
    ax.set_title("Win rate per dominant koopmotief")
    ax.legend(loc="lower right", fontsize="small")
    return ax


def _example_reasons():
    from ..proposition import motives_in_reasons

    reasons = ["concurrent was goedkoper", "laagste kosten per kopje", "goede klik met de accountmanager",
               "beslisser niet gesproken", "twijfel over leverzekerheid", "storingsservice binnen 24 uur",
               "premium machines passen bij de uitstraling", "concurrent was goedkoper"]
    outcomes = ["verloren", "gewonnen", "gewonnen", "verloren", "verloren", "gewonnen", "gewonnen",
                "verloren"]
    return {"table": motives_in_reasons(reasons, outcomes)}


@register_plot(example=_example_reasons)
def plot_motives_in_reasons(table: pd.DataFrame, *, won="gewonnen", lost="verloren", ax=None):
    """Buying motives in the won and lost reasons (§4.1): share of each outcome's reasons.

    ``table`` is the output of :func:`salesnb.motives_in_reasons`.

    >>> from matplotlib.figure import Figure
    >>> from salesnb import motives_in_reasons
    >>> table = motives_in_reasons(["concurrent was goedkoper", "goede klik"], ["verloren", "gewonnen"])
    >>> plot_motives_in_reasons(table, ax=Figure().add_subplot()).get_xlabel()
    'Aandeel van de redenen'
    """
    v.table(table, "table", [f"aandeel_{won}", f"aandeel_{lost}"])
    labels = [str(i) for i in table.index]
    y = np.arange(len(labels))[::-1]
    ax = get_ax(ax, figsize=(7.0, 4.0))
    for column, dy, colour, hatch, label in ((f"aandeel_{won}", 0.2, PALETTE[2], "", "reden bij gewonnen deals"),
                                             (f"aandeel_{lost}", -0.2, COLOR_NEGATIVE, HATCHES[1],
                                              "reden bij verloren deals")):
        bars = ax.barh(y + dy, table[column].fillna(0), height=0.38, color=colour, hatch=hatch,
                       edgecolor="white", label=label)
        for bar, value in zip(bars, table[column].fillna(0)):
            ax.annotate(format_percent(value, 0), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize="x-small")
    ax.set_yticks(y, labels)
    set_percent_axis(ax, "x")
    ax.set_xlim(0, max(0.1, float(table[[f"aandeel_{won}", f"aandeel_{lost}"]].max().max())) * 1.2)
    ax.set_xlabel("Aandeel van de redenen")
    ax.set_title("Koopmotieven in de redenen van winst en verlies")
    legend_below(ax, ncols=2, fontsize="small")
    return ax


def _example_criteria():
    from ..proposition import weighted_criteria

    scores = pd.DataFrame({"prijs": [6, 9, 7], "service": [9, 5, 7], "duurzaamheid": [8, 4, 6]},
                          index=["Brandwijk", "KoffieDirect", "VendingPlus"])
    return {"table": weighted_criteria(scores, {"prijs": 0.5, "service": 0.3, "duurzaamheid": 0.2})}


@register_plot(example=_example_criteria)
def plot_criteria(table: pd.DataFrame, *, own=None, ax=None):
    """Weighted criteria comparison of offers (§4.2): stacked weighted points per criterion.

    ``table`` is the output of :func:`salesnb.weighted_criteria`. Criteria differ by colour and
    hatching; the total is written at the end of each bar and the winner is marked.
    ``own`` (optional) is our own offer, printed in bold.

    >>> from matplotlib.figure import Figure
    >>> from salesnb import CASE_WEIGHTS, case_offers, weighted_criteria
    >>> ax = plot_criteria(weighted_criteria(case_offers(), CASE_WEIGHTS), ax=Figure().add_subplot())
    >>> [t.get_text() for t in ax.texts if "winnaar" in t.get_text()]
    ['7,35  ← winnaar']
    """
    v.table(table, "table", ["totaal", "rang"])
    criteria = [c for c in table.columns if c not in ("totaal", "rang")]
    offers = [str(i) for i in table.index]
    y = np.arange(len(offers))[::-1]
    ax = get_ax(ax, figsize=(7.5, 0.7 * len(offers) + 1.8))
    left = np.zeros(len(offers))
    for i, criterion in enumerate(criteria):
        values = table[criterion].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
                edgecolor="white", height=0.6, label=criterion)
        left += values
    for yi, total, rank in zip(y, table["totaal"], table["rang"]):
        ax.annotate(format_number(total, 2) + ("  ← winnaar" if rank == 1 else ""), (total, yi),
                    xytext=(4, 0), textcoords="offset points", va="center",
                    fontweight="bold" if rank == 1 else "normal")
    ax.set_yticks(y, offers)
    if own is not None:
        for tick in ax.get_yticklabels():
            if tick.get_text() == str(own):
                tick.set_fontweight("bold")
    ax.set_xlim(0, float(table["totaal"].max()) * 1.35 if len(table) else 1)
    ax.set_xlabel("Gewogen score (gewicht × score, opgeteld)")
    ax.set_title("Gewogen vergelijking van de aanbiedingen")
    legend_below(ax, ncols=len(criteria) if len(criteria) <= 5 else -(-len(criteria) // 2), fontsize="small")
    return ax
