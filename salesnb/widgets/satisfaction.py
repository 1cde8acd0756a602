"""Slider explorations for H1 De klant centraal (§1.1).

- :func:`nps_explorer`: move respondents between promotors, passief and criticasters → NPS.
- :func:`expectation_explorer`: verwachting (E) against ervaring (P) → tevredenheid, customer delight.

Both follow the pattern of :mod:`salesnb.widgets._base` (draw once, update artists).
"""

from __future__ import annotations

import numpy as np

from .. import satisfaction as sat
from ..style import COLOR_NEGATIVE, COLOR_NEUTRAL, COLOR_POSITIVE, HATCHES, PALETTE
from ..display import format_nps, format_number, format_percent
from ._base import ChartExplorer, dropdown, int_slider, register_widget, slider

__all__ = ["nps_explorer", "expectation_explorer"]

_GROUP_COLORS = (COLOR_POSITIVE, COLOR_NEUTRAL, COLOR_NEGATIVE)
_GROUP_HATCHES = ("", HATCHES[1], HATCHES[3])
_GROUP_LABELS = ("Promotors (9–10)", "Passief (7–8)", "Criticasters (0–6)")


@register_widget(example=lambda: {"promotors": 45, "passief": 30, "criticasters": 25})
def nps_explorer(promotors: int = 45, passief: int = 30, criticasters: int = 25, *,
                 maximum: int = 200) -> ChartExplorer:
    """Verschuif respondenten tussen de NPS-groepen (§1.1) en zie de NPS veranderen.

    Shows why passives do not count: moving a passive to promotor raises the NPS,
    moving a criticaster to passief raises it as well.

    >>> w = nps_explorer(45, 30, 25)
    >>> w.result["nps"]
    20.0
    >>> w.set(passief=0); w.result["nps"]
    28.57142857142857
    """

    def compute(promotors, passief, criticasters):
        # 10, 8 and 3 stand for any score in the group; the NPS only counts groups.
        scores = np.repeat([10, 8, 3], [promotors, passief, criticasters])
        breakdown = sat.nps_breakdown(scores)
        return {"nps": sat.nps(scores), "aantal": breakdown["aantal"].to_numpy(),
                "aandeel": breakdown["aandeel"].to_numpy(), "totaal": int(scores.size)}

    def draw(ax, r):
        bars = ax.barh([0, 0, 0], [0, 0, 0], height=0.5, color=_GROUP_COLORS,
                       edgecolor="white", linewidth=1.5)
        for bar, hatch, label in zip(bars, _GROUP_HATCHES, _GROUP_LABELS):
            bar.set_hatch(hatch)
            bar.set_label(label)
        labels = [ax.text(0, 0, "", ha="center", va="center", fontsize=10, fontweight="bold",
                          color="black", bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                               "ec": "none", "alpha": 0.9})
                  for _ in range(3)]
        score = ax.text(0.5, 0.62, "", ha="center", va="bottom", fontsize=15, fontweight="bold",
                        transform=ax.transAxes)
        ax.set_xlim(0, 1)
        ax.set_ylim(-0.4, 1.0)
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(_percent_ticks())
        ax.set_xlabel("Aandeel van de respondenten")
        ax.set_title("NPS = % promotors − % criticasters")
        ax.legend(loc="upper center", ncols=3, fontsize=8, bbox_to_anchor=(0.5, -0.3), frameon=False)
        ax.grid(False)
        artists = {"bars": bars, "labels": labels, "score": score}
        update(artists, r)
        return artists

    def update(artists, r):
        left = 0.0
        for bar, label, share in zip(artists["bars"], artists["labels"], r["aandeel"]):
            bar.set_x(left)
            bar.set_width(share)
            label.set_position((left + share / 2, 0))
            label.set_text(format_percent(share, 0) if share >= 0.06 else "")
            left += share
        artists["score"].set_text(f"NPS = {format_nps(r['nps'], 1)}")

    def readout(r):
        counts, shares = r["aantal"], r["aandeel"]
        return {
            "NPS": format_nps(r["nps"], 1),
            "Promotors": f"{counts[0]} ({format_percent(shares[0])})",
            "Passief": f"{counts[1]} ({format_percent(shares[1])})",
            "Criticasters": f"{counts[2]} ({format_percent(shares[2])})",
            "Respondenten": format_number(r["totaal"]),
        }

    return ChartExplorer(
        controls={
            "promotors": int_slider("Promotors", 0, maximum, 1, promotors, unit="aantal"),
            "passief": int_slider("Passief", 0, maximum, 1, passief, unit="aantal"),
            "criticasters": int_slider("Criticasters", 0, maximum, 1, criticasters, unit="aantal"),
        },
        compute=compute, draw=draw, update=update, readout=readout,
        title="Net Promoter Score: verschuif respondenten tussen de groepen", figsize=(6.4, 3.3))


def _percent_ticks():
    from ..plots._base import percent_formatter

    return percent_formatter(0)


_DELIGHT_OPTIONS = {"+1 punt": 1.0, "+2 punten": 2.0, "+3 punten": 3.0}


@register_widget(example=lambda: {"verwachting": 7.0, "ervaring": 8.0})
def expectation_explorer(verwachting: float = 7.0, ervaring: float = 8.0, *,
                         delight_from: float = 2.0) -> ChartExplorer:
    """Verwachting (E) tegenover ervaring (P) → tevredenheid (§1.1).

    P < E: negatieve ervaring; P = E: tevreden (nog niet loyaal);
    P ≥ E + drempel: customer delight. Verwachtingsmanagement verlaagt E.

    >>> w = expectation_explorer(7.0, 8.0)
    >>> w.result["oordeel"]
    'positieve ervaring'
    >>> w.set(ervaring=6.0); w.result["oordeel"], w.result["verschil"]
    ('negatieve ervaring', -1.0)
    """
    class_colors = {sat.SATISFACTION_CLASSES[0]: COLOR_NEGATIVE,
                    sat.SATISFACTION_CLASSES[1]: COLOR_NEUTRAL,
                    sat.SATISFACTION_CLASSES[2]: PALETTE[0],
                    sat.SATISFACTION_CLASSES[3]: COLOR_POSITIVE}

    def compute(verwachting, ervaring, delight_from):
        gap = sat.satisfaction_gap(verwachting, ervaring)
        return {"verwachting": verwachting, "ervaring": ervaring, "verschil": gap,
                "oordeel": sat.satisfaction_class(gap, delight_from=delight_from),
                "delight_from": delight_from}

    def draw(ax, r):
        bars = ax.bar(["Verwachting (E)", "Ervaring (P)"], [0, 0], width=0.55,
                      color=[COLOR_NEUTRAL, PALETTE[0]], edgecolor="black", linewidth=0.8)
        bars[0].set_hatch(HATCHES[2])
        values = [ax.text(i, 0, "", ha="center", va="bottom", fontsize=11, fontweight="bold")
                  for i in range(2)]
        (delight_line,) = ax.plot([-0.4, 1.4], [0, 0], ls="--", lw=1.5, color=COLOR_POSITIVE)
        delight_text = ax.text(1.42, 0, "grens customer delight", va="center", ha="left", fontsize=8,
                               color="#333333", clip_on=False)
        verdict = ax.text(0.5, 0.97, "", transform=ax.transAxes, ha="center", va="top",
                          fontsize=13, fontweight="bold")
        ax.set_ylim(0, 14)
        ax.set_xlim(-0.6, 2.1)
        ax.set_yticks(range(0, 11, 2))
        ax.set_ylabel("Score (1–10)")
        ax.set_title("Tevredenheid = ervaring tegenover verwachting")
        artists = {"bars": bars, "values": values, "delight_line": delight_line,
                   "delight_text": delight_text, "verdict": verdict}
        update(artists, r)
        return artists

    def update(artists, r):
        for bar, text, value in zip(artists["bars"], artists["values"],
                                    (r["verwachting"], r["ervaring"])):
            bar.set_height(value)
            text.set_position((text.get_position()[0], value + 0.15))
            text.set_text(format_number(value, 1))
        artists["bars"][1].set_color(class_colors[r["oordeel"]])
        artists["bars"][1].set_edgecolor("black")
        level = r["verwachting"] + r["delight_from"]
        artists["delight_line"].set_ydata([level, level])
        artists["delight_text"].set_y(level)
        artists["verdict"].set_text(f"P − E = {format_number(r['verschil'], 1)}: {r['oordeel']}")

    def readout(r):
        return {
            "Verwachting (E)": format_number(r["verwachting"], 1),
            "Ervaring (P)": format_number(r["ervaring"], 1),
            "Verschil P − E": format_number(r["verschil"], 1),
            "Oordeel": r["oordeel"],
            "Customer delight vanaf": f"E + {format_number(r['delight_from'], 0)}",
        }

    return ChartExplorer(
        controls={
            "verwachting": slider("Verwachting", 1, 10, 0.5, verwachting, unit="score 1–10"),
            "ervaring": slider("Ervaring", 1, 10, 0.5, ervaring, unit="score 1–10"),
            "delight_from": dropdown("Customer delight vanaf", _DELIGHT_OPTIONS, delight_from),
        },
        compute=compute, draw=draw, update=update, readout=readout,
        title="Verwachting tegenover ervaring", figsize=(6.4, 3.4))
