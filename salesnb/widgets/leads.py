"""Slider explorations for H3 lead management.

- :func:`mql_threshold_explorer`: the MQL threshold → volume against precision (§3.1).
- :func:`bpkv_explorer`: the price weight of a tender → which bidder wins, on real bids (§3.4).
- :func:`cold_call_explorer`: the cold-acquisition ratios → calls needed for N orders (§3.2).
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd
from matplotlib import rcParams
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from .. import _validate as v
from ..errors import InputError
from ..leads import bpkv_scores, calls_needed, mql_tradeoff
from ..vocabulary import MQL_THRESHOLD
from ..style import COLOR_HIGHLIGHT, PALETTE
from ..display import format_number, format_percent
from ._base import ChartExplorer, dropdown, int_slider, percent_slider, register_widget
from ._scale import FlexibleScale

__all__ = ["mql_threshold_explorer", "bpkv_explorer", "cold_call_explorer"]


# --------------------------------------------------------------------------- MQL threshold

def _example_scores():
    from ..data import load

    leads = load("leads")
    return {"scores": leads["lead_score"], "converted": leads["stage_reached"] == "klant"}


@register_widget(example=_example_scores)
def mql_threshold_explorer(scores, converted, *, threshold: int = MQL_THRESHOLD,
                           min_mql: int = 20) -> ChartExplorer:
    """MQL threshold → volume against precision (leadscoring, §3.1).

    ``scores`` are the lead scores (0–100 points), ``converted`` says per lead whether it
    became a customer (or SQL). Moving the threshold shows how many leads marketing hands
    to sales (volume), how many of those convert (precision) and how many future
    customers stay below the threshold (missed).

    Precision is left out (NaN, with a note in the readout) where fewer than ``min_mql``
    leads reach the threshold: a share of a handful of leads jumps between 0% and 100%.

    >>> w = mql_threshold_explorer([10, 30, 50, 70, 90], [0, 0, 1, 0, 1], threshold=40, min_mql=3)
    >>> round(w.result["precisie"], 3), w.result["mql"]
    (0.667, 3)
    >>> w.set(threshold=60)
    >>> w.result["precisie"], "te weinig MQL&#x27;s (n=2)" in w.readout.value
    (nan, True)
    """
    min_mql = int(v.number(min_mql, "min_mql", minimum=1, integer=True))
    thresholds = np.arange(0, 101, 1)
    curve = mql_tradeoff(scores, converted, thresholds=thresholds)
    total = int(curve["mql"].iloc[0])
    precision = curve["precisie"].where(curve["mql"] >= min_mql)  # NaN where too few MQLs

    def compute(threshold):
        i = int(threshold)
        row = curve.iloc[i]
        return {"drempel": i, "mql": int(row["mql"]), "aandeel": float(row["aandeel"]),
                "precisie": float(precision.iloc[i]), "dekking": float(row["dekking"]),
                "gemist": int(row["gemist"]), "raak": int(row["raak"])}

    def draw(ax, r):
        x = curve["drempel"].to_numpy(float)
        ax.plot(x, curve["aandeel"], color=PALETTE[0], label="volume (aandeel leads MQL)")
        ax.plot(x, precision, color=PALETTE[1], ls="--",
                label=f"precisie (MQL → klant; pas vanaf {format_number(min_mql)} MQL's)")
        ax.plot(x, curve["dekking"], color=PALETTE[2], ls=":", label="dekking (klanten gevonden)")
        line = ax.axvline(r["drempel"], color="#333333", lw=1.5)
        points = ax.plot([r["drempel"]] * 3, [r["aandeel"], r["precisie"], r["dekking"]], "o",
                         color="#333333", ms=5)[0]
        ax.set_ylim(0, 1.05)
        ax.set_xlim(0, 100)
        ax.yaxis.set_major_formatter(lambda y, _p=None: format_percent(y, 0))
        ax.set_xlabel("MQL-drempel (punten)")
        ax.set_ylabel("Aandeel")
        ax.set_title("Volume tegenover precisie")
        # below the axes: the curves fill every corner of the plot area at some threshold
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8, frameon=False)
        return {"line": line, "points": points}

    def update(artists, r):
        artists["line"].set_xdata([r["drempel"], r["drempel"]])
        # a NaN precision hides its point (never drawn at 0%)
        artists["points"].set_data([r["drempel"]] * 3, [r["aandeel"], r["precisie"], r["dekking"]])

    def readout(r):
        if np.isnan(r["precisie"]):
            note = (f"te weinig MQL's (n={format_number(r['mql'])}) voor een betrouwbare precisie"
                    if r["mql"] < min_mql else "geen MQL's")
            precision_text = f"– ({note})"
        else:
            precision_text = (f"{format_percent(r['precisie'], 0)} "
                              f"({format_number(r['raak'])} worden klant)")
        return {"MQL's naar sales": f"{format_number(r['mql'])} van {format_number(total)} "
                                    f"({format_percent(r['aandeel'], 0)})",
                "Precisie": precision_text,
                "Gemiste klanten": format_number(r["gemist"])}

    return ChartExplorer(
        controls={"threshold": int_slider("MQL-drempel", 0, 100, 5, int(threshold), unit="punten")},
        compute=compute, draw=draw, update=update, readout=readout,
        title="Leadscoring: waar leg je de MQL-drempel?", figsize=(6.4, 4.0))


# --------------------------------------------------------------------------- BPKV

def _example_bids():
    from ..data import load

    return {"bids": load("tender_bids"), "tenders": load("tenders")}


def _tender_options(bids, tenders, tender_col, quality):
    """Tenders with quality scores (BPKV) and at least two bids, labelled '12 · Gemeente X (05-2024)'."""
    scored = bids.groupby(tender_col, sort=True)[quality].apply(lambda q: bool(q.notna().all() and len(q) >= 2))
    ids = [t for t in scored.index if scored[t]]
    if not ids:
        raise InputError("Er zijn geen aanbestedingen met kwaliteitsscores (BPKV) en minstens twee "
                         "inschrijvers om te vergelijken.")
    labels, max_q, weights = {}, {}, {}
    info = tenders.set_index(tender_col) if tenders is not None else None
    for t in ids:
        if info is not None and t in info.index:
            row = info.loc[t]
            when = pd.Timestamp(row["published_on"]) if "published_on" in info.columns else None
            text = f"{t} · {row['buyer']}" if "buyer" in info.columns else str(t)
            labels[f"{text} ({when:%m-%Y})" if when is not None else text] = t
            max_q[t] = float(row["max_quality_score"]) if "max_quality_score" in info.columns else None
            if "price_weight" in info.columns:
                weights[t] = int(row["price_weight"])
        else:
            labels[str(t)] = t
            max_q[t] = None
    return labels, max_q, weights


def _draw_bpkv(ax, r, *, most, widest, bidder_col):
    zeros = np.zeros(most)
    price_bars = ax.barh(zeros, zeros, color=PALETTE[0], height=0.6, label="prijspunten")
    quality_bars = ax.barh(zeros, zeros, color=PALETTE[4], hatch="//", edgecolor="white",
                           height=0.6, label="kwaliteitspunten")
    texts = [ax.text(0, 0, "", va="center", fontsize=9) for _ in range(most)]
    left = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(
        -(rcParams["ytick.major.pad"]) / 72, 0, ax.get_figure(root=True).dpi_scale_trans)
    names = [ax.text(0, 0, "", transform=left, ha="right", va="center", fontsize=8.5) for _ in range(most)]
    ax.text(0, 0.5, widest, transform=left, ha="right", va="center", fontsize=8.5,
            color="none")  # reserves room for the longest name in the layout
    ax.set_yticks([])
    ax.set_ylim(0, 1)
    ax.set_xlim(0, 135)
    ax.set_xlabel("Punten")
    ax.set_title("")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8, frameon=False)
    artists = {"tender": None, "labels": [], "price": price_bars, "quality": quality_bars,
               "texts": texts, "names": names, "title": ax.title, "ax": ax, "most": most,
               "bidder_col": bidder_col}
    _update_bpkv(artists, r)
    return artists


def _update_bpkv(artists, r):
    most, bidder_col = artists["most"], artists["bidder_col"]
    if artists["tender"] != r["tender"]:  # other bidders: new order and names
        order = r["scores"].sort_values("totaal", kind="stable")
        artists["tender"] = r["tender"]
        artists["labels"] = order[bidder_col].astype(str).tolist()
        artists["title"].set_text(f"BPKV-score, aanbesteding {r['tender']}")
        n = len(artists["labels"])
        for i in range(most):
            shown = i < n
            y, height = (i + 0.5) / n, 0.6 / n
            for bar in (artists["price"][i], artists["quality"][i]):
                bar.set_y(y - height / 2)
                bar.set_height(height)
                bar.set_visible(shown)
            artists["texts"][i].set_y(y)
            artists["texts"][i].set_visible(shown)
            name = artists["labels"][i] if shown else ""
            artists["names"][i].set_y(y)
            artists["names"][i].set_text(f"{name} (wij)" if name in r["own"] else name)
    table = r["scores"].set_index(r["scores"][bidder_col].astype(str))
    for i, name in enumerate(artists["labels"]):
        pp, qp = table.loc[name, "prijspunten"], table.loc[name, "kwaliteitspunten"]
        win = bool(table.loc[name, "winnaar"])
        artists["price"][i].set_width(pp)
        artists["quality"][i].set_x(pp)
        artists["quality"][i].set_width(qp)
        artists["texts"][i].set_x(pp + qp + 1)
        artists["texts"][i].set_text(format_number(pp + qp, 1) + ("  ★ winnaar" if win else ""))
        artists["texts"][i].set_fontweight("bold" if win else "normal")


@register_widget(example=_example_bids)
def bpkv_explorer(bids: pd.DataFrame, tenders: pd.DataFrame | None = None, *, tender=None,
                  price_weight: int = 40, max_quality: float = 10, tender_col: str = "tender_id",
                  bidder_col: str = "bidder", price_col: str = "price", quality_col: str = "quality_score",
                  own_col: str = "is_own") -> ChartExplorer:
    """BPKV price weight → which bidder wins, on the real bids of a tender (§3.4).

    ``bids`` has one row per bid (``salesnb.load("tender_bids")``); ``tenders``
    (``salesnb.load("tenders")``) gives each tender's buyer, date, own weights and
    maximum quality score (else ``max_quality`` is used). A dropdown chooses a BPKV
    tender with at least two bids, a slider the price weight in points; the quality weight is 100 minus it.
    """
    v.table(bids, "bids", [tender_col, bidder_col, price_col, quality_col, own_col])
    options, max_q, own_weights = _tender_options(bids, tenders, tender_col, quality_col)
    ids = list(options.values())
    if tender is None:
        tender = ids[0]
    if tender not in ids:
        raise InputError(f"Aanbesteding {tender!r} staat niet in de lijst met BPKV-aanbestedingen.")
    names = {t: label for label, t in options.items()}
    groups = {t: part for t, part in bids.groupby(tender_col, sort=False) if t in max_q}

    def compute(tender, price_weight):
        part = groups[tender]
        scores = bpkv_scores(part, price_weight=price_weight, quality_weight=100 - price_weight,
                             max_quality=max_q[tender] or max_quality, bidder_col=bidder_col, price_col=price_col,
                             quality_col=quality_col)
        mine = set(part.loc[part[own_col].astype(bool).to_numpy(), bidder_col].astype(str))
        return {"tender": tender, "scores": scores, "own": mine, "price_weight": price_weight}

    # Fixed limits for every tender (a move, also to another tender, stays a blit): bars for the
    # largest tender are made once; a tender's n bars fill the y range 0..1 as ylim -0.5..n-0.5
    # would, and the bidder names are texts left of the axis (unused bars are hidden).
    most = max(len(part) for part in groups.values())
    widest = max((f"{n} (wij)" for part in groups.values() for n in part[bidder_col].astype(str)), key=len)

    def readout(r):
        s = r["scores"]
        out = {"Aanbesteding": names[r["tender"]],
               "Weging": f"prijs {format_number(r['price_weight'])} / kwaliteit "
                         f"{format_number(100 - r['price_weight'])} punten"}
        if r["tender"] in own_weights:
            w = own_weights[r["tender"]]
            out["Weging van de aanbesteder"] = f"prijs {w} / kwaliteit {100 - w}"
        out["Winnaar"] = ", ".join(s.loc[s["winnaar"], bidder_col].astype(str))
        mine = s[s[bidder_col].astype(str).isin(r["own"])]
        if len(mine):
            row = mine.iloc[0]
            out["Wij"] = f"plaats {int(row['rang'])} van {len(s)} met {format_number(row['totaal'], 1)} punten"
        else:
            out["Wij"] = "geen inschrijving"
        return out

    return ChartExplorer(
        controls={"tender": dropdown("Aanbesteding", options, value=tender),
                  "price_weight": int_slider("Gewicht prijs", 0, 100, 5, int(price_weight), unit="punten")},
        compute=compute, draw=partial(_draw_bpkv, most=most, widest=widest, bidder_col=bidder_col),
        update=_update_bpkv, readout=readout,
        title="BPKV: wie wint bij welke weging van de prijs?", readout_width="300px", figsize=(6.8, 3.8))


# --------------------------------------------------------------------------- cold calling

@register_widget(example=dict, compares=True)
def cold_call_explorer(*, orders: int = 5, rates=(0.3, 0.25, 0.5, 0.35)) -> ChartExplorer:
    """Cold-acquisition ratios → calls needed for N orders (koude acquisitie, §3.2).

    Four percentage sliders (call → decision maker, → appointment, → quotation,
    → order) and the number of orders; the chart shows how many are needed at each stage,
    rounded up once at each stage from the exact numbers (no rounding in between).
    """
    rates = v.numbers_array(rates, "rates", minimum=0, maximum=1)
    if len(rates) != 4:
        raise InputError("'rates' moet vier ratio's bevatten: gebeld → beslisser → afspraak → offerte → order.")
    names = ["beslisser", "afspraak", "offerte", "order"]

    def compute(orders, beslisser, afspraak, offerte, order):
        plan = calls_needed(orders, [beslisser, afspraak, offerte, order])
        each = calls_needed(orders, [beslisser, afspraak, offerte, order], round_each_stage=True)
        return {"plan": plan, "each": each, "orders": orders}

    def draw(ax, r):
        plan = r["plan"]
        x = np.arange(len(plan))
        colors = [PALETTE[0]] * (len(plan) - 1) + [COLOR_HIGHLIGHT]
        bars = ax.bar(x, plan["nodig"], color=colors, width=0.6)
        texts = [ax.text(i, 0, "", ha="center", va="bottom", fontsize=9) for i in x]
        ax.set_xticks(x, plan["fase"].tolist(), fontsize=8.5)
        ax.set_ylabel("Nodig (aantal)")
        ax.set_title("Terugrekenen: hoeveel telefoongesprekken voor je orders?")
        # 1 to 4.800.000 calls: fixed limits, tick labels follow the numbers (a move stays a blit).
        scale = FlexibleScale(ax.yaxis, integer=True, upper=1.15, largest=30 / 0.05 ** 4)
        # Comparing before and after a move: the axis keeps twice the starting values' room.
        scale.hold(2 * float(plan["nodig"].max()))
        artists = {"bars": bars, "texts": texts, "ax": ax, "scale": scale, "ticklabels": scale.labels}
        update(artists, r)
        return artists

    def update(artists, r):
        values = r["plan"]["nodig"].to_numpy(float)
        scale = artists["scale"]
        scale.rescale(max(values.max(), 1))
        for bar, text, value in zip(artists["bars"], artists["texts"], values):
            bar.set_height(scale(value))
            text.set_y(scale(value))
            text.set_text(format_number(value))

    def readout(r):
        calls = int(r["plan"]["nodig"].iloc[0])
        each = int(r["each"]["nodig"].iloc[0])
        return {"Orders": format_number(r["orders"]),
                "Telefoongesprekken nodig": format_number(calls),
                "Elke fase apart afgerond": f"{format_number(each)} telefoongesprekken",
                "Telefoongesprekken per order": format_number(calls / r["orders"], 1) if r["orders"] else "–"}

    controls = {"orders": int_slider("Gewenste orders", 1, max(10, 3 * int(orders)), 1, int(orders), unit="stuks")}
    labels = ["Gebeld → beslisser", "Beslisser → afspraak", "Afspraak → offerte", "Offerte → order"]
    for name, label, rate in zip(names, labels, rates):
        controls[name] = percent_slider(label, 0.05, 1.0, 0.005, float(rate), decimals=1)
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title="Koude acquisitie: de ratioketen terugrekenen")
