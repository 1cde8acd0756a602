"""Slider explorations for the stappenplan verkoopproces.

- :func:`adoption_explorer`: number of buyers and target segment → Rogers' curve (fase 1).
- :func:`temperature_explorer`: the cold/warm/hot rules → counts of prospects (fase 1).
- :func:`retention_action_explorer`: assumptions of newsletter, contest and loyalty card →
  extra margin against cost (fase 6).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .. import _validate as v
from ..process import (
    ADOPTION_SEGMENTS,
    RETENTION_ACTIONS,
    adoption_segments,
    prospect_temperature,
    retention_action_value,
    temperature_counts,
)
from ..display import format_euro, format_number, format_percent
from ..vocabulary import TEMPERATURES
from ._base import ChartExplorer, dropdown, euro_slider, int_slider, percent_slider, register_widget
from ._scale import FlexibleScale

__all__ = ["adoption_explorer", "temperature_explorer", "retention_action_explorer"]

_SEGMENTS = [segment[0] for segment in ADOPTION_SEGMENTS]


# --------------------------------------------------------------------------- adoption curve

@register_widget(example=lambda: {"n": 1200})
def adoption_explorer(n: int = 1000, *, target: str = "early adopters") -> ChartExplorer:
    """Rogers' adoption curve: how many buyers in each segment, and which one is the target.

    ``n`` is the number of potential buyers in the doelmarkt; the slider runs up to four
    times ``n``. The chart shades the five segments and highlights the target segment.

    >>> w = adoption_explorer(200)
    >>> w.set(target="laggards"); w.result["aantal"]  # 16% of 200
    32
    """
    from ..plots.process import _draw_adoption, _update_adoption

    n = int(v.number(n, "n", minimum=1, integer=True))
    target = v.choice(target, "target", _SEGMENTS)

    def compute(n, target):
        table = adoption_segments(n)
        row = table.set_index("segment").loc[target]
        return {"table": table, "target": target, "aantal": int(row["aantal"]), "n": int(n)}

    def draw(ax, r):
        artists = _draw_adoption(ax, r["table"])
        update(artists, r)
        return artists

    def update(artists, r):
        _update_adoption(artists, r["table"], {r["target"]})

    def readout(r):
        items = {"Afnemers in doelmarkt": format_number(r["n"])}
        for row in r["table"].itertuples(index=False):
            mark = " ← doelgroep" if row.segment == r["target"] else ""
            items[row.segment] = f"{format_number(row.aantal)}{mark}"
        return items

    return ChartExplorer(
        controls={"n": int_slider("Aantal afnemers", 10, max(4 * n, 100), 10, n, unit="bedrijven"),
                  "target": dropdown("Doelsegment", _SEGMENTS, target)},
        compute=compute, draw=draw, update=update, readout=readout,
        title="Adoptiecurve: op welk segment richt je je?", figsize=(8.0, 3.8))


# --------------------------------------------------------------------------- temperature rules

def _example_prospects():
    rng = np.random.default_rng(3)
    n = 300
    table = pd.DataFrame({"score": rng.integers(0, 101, n),
                          "source": rng.choice(["online", "netwerken", "koude acquisitie"], n)})
    for i, col in enumerate(["budget", "authority", "need", "timeline"]):
        table[col] = rng.random(n) < table["score"] / (120 + 20 * i)
    return {"prospects": table}


@register_widget(example=_example_prospects)
def temperature_explorer(prospects: pd.DataFrame, *, warm_score: int = 40, hot_min_bant: int = 4,
                         **rules) -> ChartExplorer:
    """Cold / warm / hot rules → counts (stappenplan fase 1).

    Sliders: the score from which a prospect counts as warm, and how many BANT items must be
    confirmed for hot. Other rule parameters of :func:`salesnb.prospect_temperature`
    (``warm_sources``, ``score``, ``source``, ``bant``) pass through ``rules``.

    >>> w = temperature_explorer(**_example_prospects())
    >>> w.set(warm_score=0); int(w.result["counts"].set_index("temperatuur").loc["cold", "aantal"])
    0
    """
    prospect_temperature(prospects, warm_score=warm_score, hot_min_bant=hot_min_bant, **rules)
    labels = list(TEMPERATURES)
    colors = ["#56B4E9", "#E69F00", "#D55E00"]
    bant_count = len(rules.get("bant", ("budget", "authority", "need", "timeline")))

    def compute(warm_score, hot_min_bant):
        temp = prospect_temperature(prospects, warm_score=warm_score, hot_min_bant=hot_min_bant, **rules)
        return {"counts": temperature_counts(temp)}

    def draw(ax, r):
        counts = r["counts"]
        bars = ax.barh(labels, counts["aantal"], color=colors, edgecolor="black",
                       linewidth=[0.5, 2.5, 0.5])
        for bar, hatch in zip(bars, ["..", "//", "xx"]):
            bar.set_hatch(hatch)
        texts = [ax.text(0, i, "", va="center", fontsize=10) for i in range(3)]
        ax.set_xlim(0, len(prospects) * 1.25)
        ax.invert_yaxis()
        ax.set(title="Prospects naar temperatuur", xlabel="Aantal prospects")
        artists = {"bars": bars, "texts": texts}
        update(artists, r)
        return artists

    def update(artists, r):
        counts = r["counts"]
        for bar, text, n, s in zip(artists["bars"], artists["texts"], counts["aantal"], counts["aandeel"]):
            bar.set_width(n)
            text.set_x(n + len(prospects) * 0.01)
            text.set_text(f"{format_number(n)} ({format_percent(s, 0)})")

    def readout(r):
        c = r["counts"].set_index("temperatuur")
        return {t: f"{format_number(c.loc[t, 'aantal'])} ({format_percent(c.loc[t, 'aandeel'], 0)})"
                for t in labels}

    return ChartExplorer(
        controls={"warm_score": int_slider("Warm vanaf leadscore", 0, 100, 5, int(warm_score), unit="punten"),
                  "hot_min_bant": int_slider("Hot bij BANT-punten bevestigd", 1, max(bant_count, 1), 1,
                                             int(hot_min_bant), unit="van 4" if bant_count == 4 else None)},
        compute=compute, draw=draw, update=update, readout=readout,
        title="Regels voor cold, warm en hot")


# --------------------------------------------------------------------------- retention actions

@register_widget(example=lambda: {"customers": 1500, "margin_per_customer": 900.0}, compares=True)
def retention_action_explorer(customers: int, margin_per_customer: float, *, base_retention: float = 0.80,
                              actions: pd.DataFrame | None = None) -> ChartExplorer:
    """Bindingsacties (stappenplan fase 6): what do newsletter, review, service guarantee and contract discount earn?

    Sliders: the margin per customer per year and the extra retention each action brings
    (percentage points). Costs come from ``actions`` (default :data:`salesnb.RETENTION_ACTIONS`).

    >>> w = retention_action_explorer(1000, 500.0)
    >>> w.set(extra_0=0.02); float(w.result["table"].loc[0, "extra_marge"])  # 1000 × 2% × € 500
    10000.0
    """
    acts = (RETENTION_ACTIONS if actions is None else actions).reset_index(drop=True)
    retention_action_value(customers, margin_per_customer, actions=acts, base_retention=base_retention)
    names = acts["actie"].astype(str).tolist()
    keys = [f"extra_{i}" for i in range(len(names))]

    def compute(margin, **uplifts):
        table = acts.copy()
        table["extra_behoud"] = [uplifts[k] for k in keys]
        return {"table": retention_action_value(customers, margin, actions=table,
                                                base_retention=base_retention)}

    def draw(ax, r):
        t = r["table"]
        y = np.arange(len(t))
        gain = ax.barh(y - 0.2, t["extra_marge"], 0.38, color="#009E73", label="Extra marge")
        cost = ax.barh(y + 0.2, t["kosten"], 0.38, color="#D55E00", hatch="//", label="Kosten")
        texts = [ax.text(0, y[i] - 0.2, "", va="center", fontsize=9) for i in range(len(t))]
        ax.set_yticks(y, names)
        ax.invert_yaxis()
        ax.legend(loc="lower right", fontsize=8)
        ax.set(title="Extra marge tegenover kosten (per jaar)", xlabel="Bedrag (€)")
        # Fixed limits, € labels that follow the largest bar: a move stays a blit.
        scale = FlexibleScale(ax.xaxis, fmt=lambda x, _step: format_euro(x), ticks=2, upper=1.7,
                              largest=max(customers * extra_top * margin_top, float(t["kosten"].max())))
        # Comparing the actions before and after a move: the axis keeps twice the starting room.
        scale.hold(2 * max(float(t["extra_marge"].max()), float(t["kosten"].max())))
        artists = {"gain": gain, "cost": cost, "texts": texts, "ax": ax, "scale": scale,
                   "ticklabels": scale.labels}
        update(artists, r)
        return artists

    def update(artists, r):
        t = r["table"]
        x = artists["scale"]
        x.rescale(max(float(t["extra_marge"].max()), float(t["kosten"].max()), 1.0))
        for bar, text, value, result in zip(artists["gain"], artists["texts"], t["extra_marge"], t["resultaat"]):
            bar.set_width(x(value))
            text.set_x(x(value))
            text.set_text(f" resultaat {format_euro(result)}")
        for bar, value in zip(artists["cost"], t["kosten"]):
            bar.set_width(x(value))

    def readout(r):
        t = r["table"]
        items = {row.actie: f"{format_euro(row.resultaat)} ({format_number(row.extra_klanten)} klanten extra)"
                 for row in t.itertuples(index=False)}
        best = t.loc[t["resultaat"].idxmax()]
        items["Beste actie"] = f"{best['actie']}" if best["resultaat"] > 0 else "geen (alle acties verliesgevend)"
        return items

    # The sliders reach every value that matters: twice the margin (at least € 2.500), and extra
    # retention up to 10 points or up to 100% behoud, whichever comes first (beyond it no customer is left).
    margin_top = max(2500.0, math.ceil(2 * float(margin_per_customer) / 500) * 500)
    room = math.floor(round((1.0 - float(base_retention)) / 0.005, 9)) * 0.005
    extra_top = max(min(0.10, round(room, 3)), 0.005)
    controls = {"margin": euro_slider("Marge per klant per jaar", 0, margin_top, 50, float(margin_per_customer))}
    for key, name, value in zip(keys, names, acts["extra_behoud"]):
        controls[key] = percent_slider(f"Extra behoud door {name}", 0.0, extra_top, 0.005, min(float(value), extra_top),
                                       decimals=1)
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title=f"Bindingsacties voor {format_number(customers)} klanten "
                               f"(basisbehoud {format_percent(base_retention, 0)})")
