"""Slider explorations for H2 Marktonderzoek, analyse en verkoopplan (§2.2).

- :func:`market_explorer`: potential buyers × purchase per buyer, market size and own sales
  → marktpotentieel, verzadigingsgraad, restvraag and marktaandeel.
- :func:`share_identity_explorer`: penetratiegraad (eigen merk) × bestedingsindex → marktaandeel,
  drawn as the area of a rectangle.

Both follow the pattern of :mod:`salesnb.widgets._base` (draw once, update artists).
"""

from __future__ import annotations

from functools import partial

from matplotlib.patches import Rectangle

from .. import market as mk
from ..style import COLOR_MUTED, HATCHES, PALETTE
from ..display import format_euro, format_number, format_percent
from ._base import ChartExplorer, int_slider, percent_slider, register_widget, slider
from ._scale import FlexibleScale, nice_full_scale, number_format

__all__ = ["market_explorer", "share_identity_explorer"]

_MLN = 1e6


def _mln(value: float) -> str:
    return f"€ {format_number(value / _MLN, 2)} mln"


def _compute_market(kopers, aankoop, omvang, eigen):
    potential = mk.market_potential(kopers, aankoop)
    notes = []
    size = omvang * _MLN
    if size > potential:
        notes.append(f"De ingevoerde marktomvang ({_mln(size)}) is groter dan het marktpotentieel; "
                     f"dat kan niet, dus begrensd.")
        size = potential
    own = eigen * _MLN
    if own > size:
        notes.append(f"De ingevoerde eigen omzet ({_mln(own)}) is groter dan de marktomvang; "
                     f"dat kan niet, dus begrensd.")
        own = size
    return {"potentieel": potential, "omvang": size, "eigen": own,
            "omvang_invoer": omvang * _MLN, "eigen_invoer": eigen * _MLN,
            "verzadiging": mk.saturation(size, potential),
            "restvraag": mk.remaining_demand(potential, size),
            "marktaandeel": mk.market_share(own, size), "opmerking": " ".join(notes)}


def _draw_market(ax, r, *, largest):
    bars = ax.barh([2, 1, 0], [0, 0, 0], height=0.6,
                   color=["white", PALETTE[1], PALETTE[0]], edgecolor=[PALETTE[1], "black", "black"])
    bars[0].set_hatch(HATCHES[2])
    texts = [ax.text(0, y, "", va="center", ha="left", fontsize=9) for y in (2, 1, 0)]
    rest = ax.annotate("", xy=(0, 2.35), xytext=(0, 2.35),
                       arrowprops={"arrowstyle": "<->", "color": "black", "lw": 1.2})
    rest_text = ax.text(0, 2.38, "", ha="center", va="bottom", fontsize=8.5)
    capped = [ax.plot([0, 0], [y, y], ls=":", lw=2, color="#D55E00", marker="x", ms=9,
                      markevery=[1], visible=False)[0] for y in (0.5, -0.5)]
    ax.set_yticks([2, 1, 0], ["Marktpotentieel", "Marktomvang", "Eigen omzet"])
    ax.set_ylim(-0.75, 2.75)
    ax.set_xlabel("Bedrag per jaar (€ mln)")
    # The axis covers every slider position, so a bar that does not change keeps its length.
    scale = FlexibleScale(ax.xaxis, fmt=lambda x, step: number_format(x / _MLN, step / _MLN), ticks=4,
                          upper=1.3, largest=largest)
    scale.hold(largest)
    ax.set_title("Verzadigingsgraad, restvraag en marktaandeel")
    artists = {"bars": bars, "texts": texts, "rest": rest, "rest_text": rest_text, "capped": capped,
               "scale": scale, "ticklabels": scale.labels}
    _update_market(artists, r)
    return artists


def _update_market(artists, r):
    x = artists["scale"]
    x.rescale(max(r["potentieel"], r["omvang_invoer"], r["eigen_invoer"], 1.0))
    values = (r["potentieel"], r["omvang"], r["eigen"])
    for bar, text, value in zip(artists["bars"], artists["texts"], values):
        bar.set_width(x(value))
        text.set_x(x(value))
    artists["texts"][0].set_text(f"  {_mln(r['potentieel'])}")
    artists["texts"][1].set_text(f"  {_mln(r['omvang'])} (verzadigd {format_percent(r['verzadiging'], 0)})")
    artists["texts"][2].set_text(f"  {_mln(r['eigen'])} (marktaandeel {format_percent(r['marktaandeel'], 1)})")
    artists["rest"].xy = (x(r["potentieel"]), 2.35)
    artists["rest"].set_position((x(r["omvang"]), 2.35))
    artists["rest_text"].set_x(x((r["potentieel"] + r["omvang"]) / 2))
    artists["rest_text"].set_text(f"restvraag {_mln(r['restvraag'])}")
    for line, real, entered in zip(artists["capped"], (r["omvang"], r["eigen"]),
                                   (r["omvang_invoer"], r["eigen_invoer"])):
        line.set_xdata([x(real), x(entered)])
        line.set_visible(entered > real)


@register_widget(example=lambda: {"kopers": 2000, "aankoop": 5000.0, "omvang": 6.0, "eigen": 0.9},
                 compares=True)
def market_explorer(kopers: int = 2000, aankoop: float = 5000.0, omvang: float = 6.0,
                    eigen: float = 0.9) -> ChartExplorer:
    """Marktpotentieel, marktomvang en eigen omzet → verzadiging, restvraag, marktaandeel (§2.2).

    ``kopers``: potential buyers; ``aankoop``: expected purchase per buyer per year (€);
    ``omvang``: marktomvang (€ mln, all suppliers); ``eigen``: own sales (€ mln). The market
    size cannot exceed the potential, nor own sales the market size: the widget caps them and
    says so.

    >>> w = market_explorer(2000, 5000.0, 6.0, 0.9)
    >>> w.result["potentieel"], w.result["verzadiging"], w.result["marktaandeel"]
    (10000000.0, 0.6, 0.15)
    >>> w.set(omvang=12.0); w.result["omvang"], w.result["restvraag"]
    (10000000.0, 0.0)
    """

    def readout(r):
        out = {
            "Marktpotentieel": format_euro(r["potentieel"]),
            "Marktomvang": format_euro(r["omvang"]),
            "Verzadigingsgraad": format_percent(r["verzadiging"]),
            "Restvraag": format_euro(r["restvraag"]),
            "Eigen omzet": format_euro(r["eigen"]),
            "Marktaandeel": format_percent(r["marktaandeel"]),
        }
        if r["opmerking"]:
            out["Let op"] = r["opmerking"]
        return out

    controls = {
        "kopers": int_slider("Potentiële kopers", *_span(kopers, integer=True), int(kopers), unit="aantal"),
        "aankoop": slider("Verwachte aankoop per koper", *_span(aankoop), float(aankoop), unit="€ per jaar",
                          decimals=0),
        "omvang": slider("Marktomvang", *_span(omvang, top=1.5 * kopers * aankoop / _MLN), float(omvang),
                         unit="€ mln", decimals=2),
        "eigen": slider("Eigen omzet", *_span(eigen, top=1.5 * omvang), float(eigen), unit="€ mln",
                        decimals=2),
    }
    largest = max(controls["kopers"].max * controls["aankoop"].max, controls["omvang"].max * _MLN,
                  controls["eigen"].max * _MLN)
    return ChartExplorer(
        controls=controls, compute=_compute_market, draw=partial(_draw_market, largest=largest),
        update=_update_market, readout=readout,
        title="Marktpotentieel, marktomvang en eigen omzet", figsize=(6.8, 3.2))


def _span(value: float, *, top: float | None = None, integer: bool = False) -> tuple:
    """Slider ``(min, max, step)`` around a starting value: a step of 1, 2 or 5 × 10^k near a
    40th of it, up to 1.5 times the value (or ``top``), so the start lies well inside.

    >>> _span(2000, integer=True), _span(0.9), _span(6.0, top=20.0)
    ((50, 3000, 50), (0.05, 1.4, 0.05), (0.2, 20.0, 0.2))
    """
    import math

    rough = max(float(value), 1e-9) / 40
    exponent = math.floor(math.log10(rough))
    step = next(m * 10.0 ** exponent for m in (1, 2, 5, 10) if m * 10.0 ** exponent >= rough * (1 - 1e-9))
    step = round(step, max(0, 1 - exponent))
    if integer:
        step = max(1, int(round(step)))
    high = max(top if top is not None else 1.5 * value, value + 2 * step)
    high = round(step * math.ceil(high / step - 1e-9), max(0, 1 - exponent))
    if integer:
        return step, int(high), step
    return step, high, step


@register_widget(example=lambda: {"penetratie": 0.10, "index": 1.2, "omvang": 50.0})
def share_identity_explorer(penetratie: float = 0.10, index: float = 1.2,
                            omvang: float = 50.0) -> ChartExplorer:
    """Marktaandeel = penetratiegraad (eigen merk) × bestedingsindex (§2.2).

    The rectangle's width is the penetratiegraad, its height the bestedingsindex, so its
    area is the marktaandeel. ``omvang`` (marktomvang, € mln) turns the share into own sales.

    >>> w = share_identity_explorer(0.10, 1.2, 50.0)
    >>> round(w.result["marktaandeel"], 12), round(w.result["eigen_omzet"])
    (0.12, 6000000)
    >>> w.set(index=0.6); round(w.result["marktaandeel"], 12)
    0.06
    """

    def compute(penetratie, index, omvang):
        share = penetratie * index
        return {"penetratie": penetratie, "index": index, "marktaandeel": share,
                "omvang": omvang * _MLN, "eigen_omzet": share * omvang * _MLN}

    def draw(ax, r):
        ax.axhline(1.0, color=COLOR_MUTED, ls="--", lw=1)
        ax.text(0.49, 1.02, "gemiddelde koper (index 1)", ha="right", va="bottom", fontsize=8,
                color="#555555")
        rect = ax.add_patch(Rectangle((0, 0), 0, 0, facecolor=PALETTE[0], alpha=0.85,
                                      edgecolor="black", hatch=HATCHES[1]))
        label = ax.text(0, 0, "", ha="left", va="bottom", fontsize=10, fontweight="bold")
        sales = ax.text(0.98, 0.96, "", transform=ax.transAxes, ha="right", va="top", fontsize=9,
                        bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": COLOR_MUTED})
        ax.set_xlim(0, 0.5)
        ax.set_ylim(0, 2.2)
        ax.xaxis.set_major_formatter(_percent_ticks())
        ax.set_xlabel("Penetratiegraad eigen merk (eigen kopers / kopers in de productklasse)")
        ax.set_ylabel("Bestedingsindex")
        ax.set_title("Oppervlakte = marktaandeel")
        artists = {"rect": rect, "label": label, "sales": sales}
        update(artists, r)
        return artists

    def update(artists, r):
        artists["rect"].set_width(r["penetratie"])
        artists["rect"].set_height(r["index"])
        artists["label"].set_position((r["penetratie"] + 0.01, r["index"] + 0.03))
        artists["label"].set_text(f"{format_percent(r['penetratie'], 0)} × {format_number(r['index'], 2)}"
                                  f" = {format_percent(r['marktaandeel'], 1)}")
        artists["sales"].set_text(f"eigen omzet = {format_percent(r['marktaandeel'], 1)} × "
                                  f"{_mln(r['omvang'])}\n= {_mln(r['eigen_omzet'])}")

    def readout(r):
        return {
            "Penetratiegraad eigen merk": format_percent(r["penetratie"]),
            "Bestedingsindex": format_number(r["index"], 2),
            "Marktaandeel": format_percent(r["marktaandeel"]),
            "Marktomvang": format_euro(r["omvang"]),
            "Eigen omzet": format_euro(r["eigen_omzet"]),
        }

    return ChartExplorer(
        controls={
            "penetratie": percent_slider("Penetratiegraad eigen merk", 0.005, 0.45, 0.005, float(penetratie),
                                         decimals=1),
            "index": slider("Bestedingsindex", 0.05, 2.0, 0.05, float(index), unit="× gemiddelde", decimals=2),
            "omvang": slider("Marktomvang", 5, 200, 5, float(omvang), unit="€ mln", decimals=1),
        },
        compute=compute, draw=draw, update=update, readout=readout,
        title="Marktaandeel = penetratiegraad × bestedingsindex", figsize=(6.4, 3.6))


def _percent_ticks():
    from ..plots._base import percent_formatter

    return percent_formatter(0)
