"""Slider explorations for H6 klantportfoliomanagement: CLV against retention, pyramid quotas,
ABC limits."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from .. import portfolio as pf
from ..style import COLOR_HIGHLIGHT, COLOR_MUTED, OKABE_ITO, PALETTE
from ..display import format_euro, format_number, format_percent
from ._base import ChartExplorer, euro_slider, int_slider, percent_slider, register_widget
from ._scale import FlexibleScale, nice_full_scale

__all__ = ["clv_explorer", "pyramid_quota_explorer", "abc_explorer"]


def _update_clv(artists, r):
    scale = artists["scale"]
    scale.rescale(max(float(np.max(r["curve"])), 1.0))
    artists["line"].set_ydata(scale(r["curve"]))
    artists["finite"].set_ydata(scale(r["finite_curve"]))
    artists["legend"].get_texts()[1].set_text(f"CLV over {r['years']} jaar")
    artists["dot"].set_data([r["retention"]], [scale(r["clv"])])
    artists["label"].xy = (r["retention"], scale(r["clv"]))
    artists["label"].set_text(f"{format_percent(r['retention'], 0)}: {format_euro(r['clv'])}")


@register_widget(example=lambda: {"margin": 1500.0, "retention": 0.8, "discount_rate": 0.08}, compares=True)
def clv_explorer(margin: float = 1500.0, retention: float = 0.8, discount_rate: float = 0.08,
                 years: int = 5, acquisition_cost: float = 0.0) -> ChartExplorer:
    """CLV from margin, retention and discount rate (§6.4): shows how non-linear CLV is in retention.

    The solid curve is the infinite-horizon CLV for every retention rate, the dashed curve the
    finite horizon of ``years``; the dot is the chosen rate.
    The readout gives the CLV, the finite horizon, the expected lifetime 1/(1−r) and what five
    percentage points more retention would add.
    """
    grid = np.linspace(0, 0.95, 96)

    def compute(margin, retention, discount_rate, years):
        curve = pf.clv(margin, retention=grid, discount_rate=discount_rate,
                       acquisition_cost=acquisition_cost).to_numpy()
        value = pf.clv(margin, retention=retention, discount_rate=discount_rate,
                       acquisition_cost=acquisition_cost)
        finite = pf.clv(margin, retention=retention, years=years, discount_rate=discount_rate,
                        acquisition_cost=acquisition_cost)
        finite_curve = pf.clv(margin, retention=grid, years=years, discount_rate=discount_rate,
                              acquisition_cost=acquisition_cost).to_numpy()
        better = min(retention + 0.05, 0.95)
        plus = pf.clv(margin, retention=better, discount_rate=discount_rate,
                      acquisition_cost=acquisition_cost)
        return {"curve": curve, "finite_curve": finite_curve, "clv": value, "horizon": finite, "lifetime": 1 / (1 - retention),
                "retention": retention, "plus": plus, "better": better, "years": years}

    def draw(ax, r):
        line, = ax.plot(grid, r["curve"], color=PALETTE[0], lw=2.2, label="CLV, oneindige horizon")
        finite, = ax.plot(grid, r["finite_curve"], color=PALETTE[1], lw=1.8, ls="--",
                          label=f"CLV over {r['years']} jaar")
        dot, = ax.plot([r["retention"]], [r["clv"]], "o", color=COLOR_HIGHLIGHT, markersize=9)
        label = ax.annotate("", (r["retention"], r["clv"]), xytext=(-10, 10), textcoords="offset points",
                            ha="right", fontsize=9)
        ax.set_xlim(0, 1)
        ax.set_xlabel("Retentiegraad")
        ax.set_ylabel("CLV per klant (€)")
        ax.set_title("CLV stijgt steeds sneller met de retentie")
        ax.xaxis.set_major_formatter(lambda x, _p: format_percent(x, 0))
        # CLV from a few hundred to 200.000 euros: fixed limits, the € labels follow the curve's top
        # (a move stays a blit). Below zero only with an acquisition cost (the CLV at 0% retention).
        top_min = pf.clv(100.0, retention=grid[-1], discount_rate=0.20, acquisition_cost=acquisition_cost)
        lower = min(0.0, -1.1 * acquisition_cost / nice_full_scale(max(top_min, 1.0)))
        scale = FlexibleScale(ax.yaxis, fmt=lambda x, _step: format_euro(x), lower=lower, upper=1.08,
                              largest=pf.clv(10_000.0, retention=grid[-1]))
        # Comparing before and after a move: the axis keeps twice the starting curve's room.
        scale.hold(2 * float(np.max(r["curve"])))
        legend = ax.legend(loc="upper left", fontsize=8.5)
        legend.get_texts()[1].set_animated(True)  # redrawn with the legend; a new text is then no full redraw
        artists = {"line": line, "finite": finite, "dot": dot, "label": label, "ax": ax, "legend": legend,
                   "scale": scale, "ticklabels": scale.labels}
        _update_clv(artists, r)
        return artists

    def readout(r):
        gain = r["plus"] / r["clv"] - 1 if r["clv"] > 0 else float("nan")
        return {
            "CLV (oneindige horizon)": format_euro(r["clv"]),
            f"CLV over {r['years']} jaar": format_euro(r["horizon"]),
            "Verwachte levensduur": f"{format_number(r['lifetime'], 1)} jaar",
            f"Bij {format_percent(r['better'], 0)} retentie": f"{format_euro(r['plus'])} "
                                                             f"({format_percent(gain, 0)} meer)",
        }

    return ChartExplorer(
        controls={"margin": euro_slider("Marge per klant per jaar", 100, max(1_000, 100 * -(-3 * margin // 100)),
                                        100, margin),
                  "retention": percent_slider("Retentiegraad", 0.0, 0.95, 0.01, retention),
                  "discount_rate": percent_slider("Disconteringsvoet", 0.0, 0.20, 0.01, discount_rate),
                  "years": int_slider("Horizon", 1, 20, 1, years, unit="jaren")},
        compute=compute, draw=draw, update=_update_clv, readout=readout,
        title="Customer Lifetime Value: marge, retentie en disconteringsvoet", readout_width="300px")


def _example_revenue():
    rng = np.random.default_rng(11)
    return {"revenue": pd.Series(np.round(rng.pareto(1.1, 1200) * 1500 + 200, 2))}


@register_widget(example=_example_revenue)
def pyramid_quota_explorer(revenue, top: float = 0.01, groot: float = 0.05,
                           middelgroot: float = 0.20) -> ChartExplorer:
    """Curry's rank quotas → layer sizes and revenue shares (§6.1).

    ``revenue``: revenue per active customer (e.g. ``customer_revenue(...)`` of the customers with
    an order in the last 12 months). The sliders are the cumulative quotas (top 1%, top+groot
    5%, top+groot+middelgroot 20%); the bars show per layer the share of customers and of revenue.
    """
    array = v.numbers_array(revenue, "revenue", minimum=0)
    layers = list(pf.PYRAMID_LAYERS[:4])

    def compute(top, groot, middelgroot):
        labels = pf.quota_layers(array, (top, groot, middelgroot))
        summary = pf._layer_table(labels.to_numpy(), array, layers)
        return {"summary": summary, "n": len(array)}

    def draw(ax, r):
        x = np.arange(len(layers))
        s = r["summary"]
        b1 = ax.bar(x - 0.2, s["aandeel_klanten"], 0.4, color=PALETTE[4], hatch="//",
                    edgecolor="white", label="Aandeel klanten")
        b2 = ax.bar(x + 0.2, s["aandeel_omzet"], 0.4, color=PALETTE[0], label="Aandeel omzet")
        texts = [ax.text(0, 0, "", ha="center", va="bottom", fontsize=8.5) for _ in range(2 * len(layers))]
        ax.set_xticks(x, layers)
        ax.set_ylim(0, 1.12)
        ax.yaxis.set_major_formatter(lambda y, _p: format_percent(y, 0))
        ax.set_title("Klantenpiramide: aandeel klanten en omzet per laag")
        ax.legend(loc="upper center", fontsize=8.5, ncol=2)
        artists = {"b1": b1, "b2": b2, "texts": texts}
        update(artists, r)
        return artists

    def update(artists, r):
        s = r["summary"]
        for i, layer in enumerate(layers):
            for j, (bars, col) in enumerate(((artists["b1"], "aandeel_klanten"), (artists["b2"], "aandeel_omzet"))):
                value = float(s.loc[layer, col])
                bars[i].set_height(value)
                text = artists["texts"][2 * i + j]
                text.set_position((bars[i].get_x() + bars[i].get_width() / 2, value + 0.01))
                text.set_text(format_percent(value, 0))

    def readout(r):
        s = r["summary"]
        items = {layer: f"{format_number(s.loc[layer, 'klanten'])} klanten, "
                        f"{format_percent(s.loc[layer, 'aandeel_omzet'], 0)} van de omzet" for layer in layers}
        items["Actieve klanten"] = format_number(r["n"])
        return items

    return ChartExplorer(
        controls={"top": percent_slider("Top: bovenste", 0.005, 0.05, 0.005, top, decimals=1),
                  "groot": percent_slider("Top + groot: bovenste", 0.02, 0.15, 0.01, groot),
                  "middelgroot": percent_slider("Top + groot + middelgroot: bovenste", 0.10, 0.50, 0.01,
                                                middelgroot)},
        compute=compute, draw=draw, update=update, readout=readout,
        title="Quota van de klantenpiramide", readout_width="300px")


@register_widget(example=_example_revenue)
def abc_explorer(revenue, a: float = 0.80, b: float = 0.95) -> ChartExplorer:
    """ABC limits → class sizes on the Pareto curve (§6.2)."""
    array = v.numbers_array(revenue, "revenue", minimum=0)
    points = pf.lorenz_points(array)
    x, y = points["aandeel_klanten"].to_numpy(), points["aandeel_omzet"].to_numpy()
    colors = {"A": OKABE_ITO["blauw"], "B": OKABE_ITO["oranje"], "C": OKABE_ITO["hemelsblauw"]}

    def compute(a, b):
        summary = pf.abc_summary(array, a, b)
        return {"summary": summary, "a": a, "b": b}

    def draw(ax, r):
        ax.plot(x, y, color=PALETTE[0], lw=2)
        ax.plot([0, 1], [0, 1], color=COLOR_MUTED, lw=1, ls=":")
        lines = {k: ax.axvline(0, color=colors[k], lw=1.5, ls="--") for k in ("A", "B")}
        hl = {k: ax.axhline(0, color=colors[k], lw=0.8, ls=":") for k in ("A", "B")}
        ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="Cumulatief aandeel klanten",
               ylabel="Cumulatief aandeel omzet", title="ABC-grenzen op de paretocurve")
        ax.xaxis.set_major_formatter(lambda v_, _p: format_percent(v_, 0))
        ax.yaxis.set_major_formatter(lambda v_, _p: format_percent(v_, 0))
        artists = {"v": lines, "h": hl}
        update(artists, r)
        return artists

    def update(artists, r):
        s = r["summary"]
        share_a = float(s.loc["A", "aandeel_klanten"])
        share_ab = share_a + float(s.loc["B", "aandeel_klanten"])
        artists["v"]["A"].set_xdata([share_a, share_a])
        artists["v"]["B"].set_xdata([share_ab, share_ab])
        artists["h"]["A"].set_ydata([r["a"], r["a"]])
        artists["h"]["B"].set_ydata([r["b"], r["b"]])

    def readout(r):
        s = r["summary"]
        return {f"Klasse {k}": f"{format_number(s.loc[k, 'klanten'])} klanten "
                               f"({format_percent(s.loc[k, 'aandeel_klanten'], 0)}), "
                               f"{format_percent(s.loc[k, 'aandeel_omzet'], 0)} van de omzet"
                for k in ("A", "B", "C")}

    def compute_checked(a, b):
        if a >= b:
            from ..errors import InputError
            raise InputError("De A-grens moet lager liggen dan de B-grens.")
        return compute(a, b)

    return ChartExplorer(
        controls={"a": percent_slider("A-grens (cumulatief omzetaandeel)", 0.5, 0.9, 0.05, a),
                  "b": percent_slider("B-grens (cumulatief omzetaandeel)", 0.85, 0.99, 0.01, b)},
        compute=compute_checked, draw=draw, update=update, readout=readout,
        title="ABC-analyse: waar leg je de grenzen?", readout_width="300px")
