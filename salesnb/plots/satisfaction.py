"""Charts for H1 De klant centraal: NPS distribution, expectation vs experience, service
recovery and the klantrelatiecyclus."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import (
    legend_above,
    COLOR_NEGATIVE,
    COLOR_NEUTRAL,
    COLOR_POSITIVE,
    HATCHES,
    PALETTE,
    format_nps,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_number_axis,
    set_percent_axis,
)

__all__ = ["plot_nps_distribution", "plot_expectation_experience", "plot_service_recovery",
           "plot_relationship_cycle"]

_GROUPS = ("promotors", "passief", "criticasters")
_GROUP_LABELS = ("Promotors (9–10)", "Passief (7–8)", "Criticasters (0–6)")
_GROUP_COLORS = (COLOR_POSITIVE, COLOR_NEUTRAL, COLOR_NEGATIVE)
_GROUP_HATCHES = ("", HATCHES[1], HATCHES[3])


def _example_nps():
    from ..satisfaction import nps_by

    answers = pd.DataFrame({"sector": ["Zorg"] * 6 + ["Horeca & recreatie"] * 5 + ["Industrie"] * 4,
                            "score": [10, 9, 9, 8, 6, 3, 10, 7, 6, 5, 2, 9, 8, 8, 7]})
    return {"table": nps_by(answers, "sector"), "by": "sector"}


@register_plot(example=_example_nps)
def plot_nps_distribution(table, *, by=None, sort=True, ax=None):
    """NPS-verdeling (§1.1): stacked bars of promotors / passief / criticasters per segment.

    ``table`` is the output of :func:`salesnb.nps_by` (one row per segment, ``by`` names the
    segment column) or of :func:`salesnb.nps_breakdown` (one bar "Totaal"). Each bar is 100%
    of the respondents; the NPS is written at the right end. Groups differ by colour AND
    hatching, and each part carries its percentage.

    >>> from matplotlib.figure import Figure
    >>> from salesnb.satisfaction import nps_breakdown
    >>> ax = plot_nps_distribution(nps_breakdown([10, 9, 7, 3]), ax=Figure().add_subplot())
    >>> [t.get_text() for t in ax.texts][-1]
    'NPS +25  (n = 4)'
    """
    from .. import _validate as v

    if "aandeel" in getattr(table, "columns", []) and by is None:  # nps_breakdown
        shares = table["aandeel"].reindex(list(_GROUPS)).to_numpy(dtype=float)[None, :]
        labels = ["Totaal"]
        counts = [int(table["aantal"].sum())]
    else:
        cols = [f"aandeel_{g}" for g in _GROUPS]
        v.table(table, "table", cols + ["nps", "respondenten"] + ([by] if by else []))
        frame = table.sort_values("nps") if sort else table
        shares = frame[cols].to_numpy(dtype=float)
        labels = [str(x) for x in (frame[by] if by else frame.index)]
        counts = frame["respondenten"].astype(int).tolist()
    nps_values = 100 * (shares[:, 0] - shares[:, 2])
    ax = get_ax(ax, figsize=(8, 0.55 * len(labels) + 1.8))
    y = np.arange(len(labels))
    left = np.zeros(len(labels))
    for j in range(3):
        bars = ax.barh(y, shares[:, j], left=left, height=0.66, color=_GROUP_COLORS[j],
                       hatch=_GROUP_HATCHES[j], edgecolor="white", linewidth=0.8, label=_GROUP_LABELS[j])
        for i, bar in enumerate(bars):
            if shares[i, j] >= 0.07:
                ax.text(left[i] + shares[i, j] / 2, y[i], format_percent(shares[i, j], 0), ha="center",
                        va="center", fontsize=8.5, bbox={"boxstyle": "round,pad=0.1", "fc": "white",
                                                          "ec": "none", "alpha": 0.75})
        left += shares[:, j]
    for i in range(len(labels)):
        ax.text(1.02, y[i], f"NPS {format_nps(nps_values[i])}  (n = {format_number(counts[i])})",
                va="center", ha="left", fontsize=9)
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel("Aandeel van de respondenten")
    ax.set_title("NPS-verdeling: promotors, passief en criticasters", pad=24)
    if not sort and len(labels) > 1:
        ax.invert_yaxis()  # keep the given order (e.g. quarters) from top to bottom
    legend_above(ax, ncols=3)
    ax.grid(False)
    return ax


def _example_gap():
    return {"table": pd.DataFrame({"segment": ["Zorg", "Onderwijs", "Industrie"],
                                   "verwachting": [7.5, 7.0, 6.8], "ervaring": [7.1, 7.6, 8.9]}),
            "label_col": "segment"}


@register_plot(example=_example_gap)
def plot_expectation_experience(table, *, label_col=None, expectation_col="verwachting", experience_col="ervaring",
                                delight_from=2.0, tolerance=0.0, ax=None):
    """Verwachting tegenover ervaring (§1.1) per segment: a dumbbell chart.

    Each row shows the expectation (open square) and the experience (filled circle) joined
    by an arrow; the verdict (negatieve ervaring ... customer delight) is written beside it.
    ``table`` has the columns ``expectation_col`` and ``experience_col`` (e.g. means per sector);
    ``label_col`` names the column with the row labels (default: the index).

    >>> from matplotlib.figure import Figure
    >>> t = pd.DataFrame({"verwachting": [7.0], "ervaring": [9.5]}, index=["Zorg"])
    >>> ax = plot_expectation_experience(t, ax=Figure().add_subplot())
    >>> [t.get_text() for t in ax.texts if t.get_text()]
    ['+2,5: customer delight']
    """
    from .. import _validate as v
    from ..satisfaction import satisfaction_class

    v.table(table, "table", [expectation_col, experience_col] + ([label_col] if label_col else []))
    e = v.column_numbers(table, expectation_col, "table")
    p = v.column_numbers(table, experience_col, "table")
    names = [str(x) for x in (table[label_col] if label_col else table.index)]
    verdict = satisfaction_class(pd.Series(p - e), tolerance=tolerance, delight_from=delight_from)
    colors = {"negatieve ervaring": COLOR_NEGATIVE, "tevreden": COLOR_NEUTRAL,
              "positieve ervaring": PALETTE[0], "customer delight": COLOR_POSITIVE}
    ax = get_ax(ax, figsize=(8, 0.6 * len(names) + 1.6))
    y = np.arange(len(names))
    for i in range(len(names)):
        color = colors[verdict.iloc[i]]
        ax.annotate("", xy=(p[i], y[i]), xytext=(e[i], y[i]),
                    arrowprops={"arrowstyle": "-|>", "color": color, "lw": 2, "shrinkA": 4, "shrinkB": 5})
        diff = p[i] - e[i]
        ax.text(max(e[i], p[i]) + 0.15, y[i], f"{'+' if diff > 0 else ''}{format_number(diff, 1)}: "
                f"{verdict.iloc[i]}",
                va="center", fontsize=9, color="black")
    ax.scatter(e, y, marker="s", s=60, facecolor="white", edgecolor="black", zorder=3,
               label="Verwachting (E)")
    ax.scatter(p, y, marker="o", s=60, color=[colors[c] for c in verdict], edgecolor="black", zorder=3,
               label="Ervaring (P)")
    lo = float(min(e.min(), p.min()))
    hi = float(max(e.max(), p.max()))
    ax.set_xlim(max(0.0, lo - 0.8), hi + 2.6)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.set_yticks(y, names)
    ax.set_xlabel("Score")
    ax.set_title("Verwachting (E) tegenover ervaring (P)")
    ax.legend(loc="lower right", fontsize=8.5)
    return ax


def _example_recovery():
    from ..satisfaction import service_recovery

    c = pd.DataFrame({"handled_well": [True, True, False, False],
                      "satisfaction_before": [7, 6, 7, 8], "satisfaction_after": [8, 8, 5, 5]})
    return {"table": service_recovery(c)}


@register_plot(example=_example_recovery)
def plot_service_recovery(table, *, ax=None):
    """Service recovery paradox (§1.1): mean satisfaction before and after a complaint.

    ``table`` is the output of :func:`salesnb.service_recovery`; one line per kind of
    handling from "voor de klacht" to "na de afhandeling", labelled with the values.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_service_recovery(_example_recovery()["table"], ax=Figure().add_subplot())
    >>> len(ax.lines)
    2
    """
    from .. import _validate as v

    v.table(table, "table", ["afhandeling", "voor", "na", "klachten"])
    ax = get_ax(ax, figsize=(6.4, 4))
    styles = [(COLOR_POSITIVE, "o", "-"), (COLOR_NEGATIVE, "s", "--")]
    before = table["voor"].to_numpy(dtype=float)
    span = max(float(np.ptp(np.r_[before, table["na"].to_numpy(dtype=float)])), 1.0)
    for i, row in enumerate(table.itertuples()):
        color, marker, ls = styles[i % 2]
        ax.plot([0, 1], [row.voor, row.na], color=color, marker=marker, ls=ls, lw=2.5, ms=8,
                label=f"{row.afhandeling} (n = {format_number(row.klachten)})")
        # start values often coincide: put the labels of the lines above and below each other
        nudge = 0.0 if len(table) < 2 or abs(before[0] - before[-1]) > 0.08 * span else \
            (0.04 if i == 0 else -0.04) * span
        ax.text(-0.04, row.voor + nudge, format_number(row.voor, 1), ha="right", va="center",
                fontsize=9, color=color)
        ax.text(1.04, row.na, format_number(row.na, 1), ha="left", va="center", fontsize=9, color=color)
    ax.set_xticks([0, 1], ["Vóór de klacht", "Na de afhandeling"])
    ax.set_xlim(-0.3, 1.3)
    ax.set_ylabel("Gemiddelde tevredenheid")
    ax.set_title("Service recovery paradox: tevredenheid rond een klacht")
    ax.legend(loc="best", fontsize=8.5)
    return ax


def _example_cycle():
    from ..satisfaction import RELATIONSHIP_STAGES

    return {"counts": pd.DataFrame({"aantal": [120, 80, 600, 200]},
                                   index=pd.Index(list(RELATIONSHIP_STAGES), name="status"))}


@register_plot(example=_example_cycle)
def plot_relationship_cycle(counts, *, ax=None):
    """Klantrelatiecyclus (§1.1): number of customers per stage, in the order of the cycle.

    ``counts`` is the output of :func:`salesnb.relationship_counts`. The stage names are wrapped
    under their bars with an arrow between two stages; the width grows with the number of stages
    and the count axis has Dutch thousands separators.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_relationship_cycle(_example_cycle()["counts"], ax=Figure().add_subplot())
    >>> ax.texts[0].get_text()
    '120 (12%)'
    """
    import textwrap

    from .. import _validate as v

    v.table(counts, "counts", ["aantal"])
    values = counts["aantal"].to_numpy(dtype=float)
    total = values.sum() if values.sum() > 0 else 1.0
    ax = get_ax(ax, figsize=(max(7.0, 1.9 * len(values) + 1.0), 4.2))
    x = np.arange(len(values))
    bars = ax.bar(x, values, width=0.62, color=[PALETTE[i % len(PALETTE)] for i in range(len(values))],
                  edgecolor="black", linewidth=0.6)
    for i, bar in enumerate(bars):
        bar.set_hatch(HATCHES[i % len(HATCHES)])
        ax.annotate(f"{format_number(values[i])} ({format_percent(values[i] / total, 0)})",
                    (bar.get_x() + bar.get_width() / 2, values[i]), xytext=(0, 3),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9)
    names = [str(s) for s in counts.index]
    ax.set_xticks(x, [textwrap.fill(n, 14) for n in names])
    for i in range(len(names) - 1):  # the cycle: an arrow between two stages, in the label row
        ax.annotate("→", (i + 0.5, 0), xycoords=("data", "axes fraction"), xytext=(0, -6),
                    textcoords="offset points", ha="center", va="top", fontsize=14, color="#444444")
    ax.set_xlim(-0.5, len(values) - 0.5)
    ax.set_ylim(0, values.max() * 1.22 if values.max() > 0 else 1)
    set_number_axis(ax, "y")
    ax.set_ylabel("Aantal klanten")
    ax.set_title("Klantrelatiecyclus: klanten per fase")
    return ax
