"""Slider explorations for H4 Waardepropositie.

- :func:`criteria_explorer`: the weight of each buying criterion (motive) → which offer wins.
- :func:`motive_explorer`: product group, buying situation and customer type (dropdowns) → the
  win rate per dominant buying motive in the company's opportunities.
- :func:`pitch_explorer`: how much each SABONE motive weighs for one customer (sliders) and the
  product group → the rational/emotional balance and the sellogram argument to open with.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from .. import proposition as prop
from ..style import HATCHES, PALETTE
from ..display import format_number, format_percent
from ..vocabulary import BUYING_SITUATIONS
from ._base import ChartExplorer, dropdown, int_slider, register_widget

#: Starting weights of the pitch explorer: a customer who mostly wants certainty and low costs.
PITCH_WEIGHTS = {"zekerheid": 8, "sympathie": 3, "gemak": 5, "trots": 2, "nieuwigheid": 1, "economie": 6}

__all__ = ["criteria_explorer", "motive_explorer", "pitch_explorer"]


@register_widget(example=lambda: {})
def criteria_explorer(scores: pd.DataFrame | None = None, weights=None) -> ChartExplorer:
    """Weighted criteria comparison (§4.2): motive weights → which offer wins.

    ``scores``: one row per offer, one column per criterion (default: the case of
    :func:`salesnb.case_offers`); ``weights``: starting weights (default
    :data:`salesnb.CASE_WEIGHTS`). One slider per criterion (0–10 points); the weights are
    scaled to add up to 100%.

    >>> w = criteria_explorer()
    >>> w.result["winner"]
    'Brandwijk Koffie & Vending'
    >>> w.set(w0=10, w1=0, w2=0, w3=0, w4=0, w5=0); w.result["winner"]
    'VendoPlus'
    """
    scores = prop.case_offers() if scores is None else scores
    weights = prop.CASE_WEIGHTS if weights is None else weights
    criteria = [str(c) for c in scores.columns]
    start = prop.weights_checked(weights, criteria, normalize=True)
    names = {f"w{i}": c for i, c in enumerate(criteria)}
    offers = [str(i) for i in scores.index]

    def compute(**w):
        raw = {names[k]: v for k, v in w.items()}
        if sum(raw.values()) == 0:
            from ..errors import InputError

            raise InputError("Alle gewichten staan op 0; geef minstens één criterium punten.")
        table = prop.weighted_criteria(scores, raw, normalize=True).reindex(offers)
        return {"table": table, "weights": prop.weights_checked(raw, criteria, normalize=True),
                "winner": str(table["totaal"].idxmax())}

    def draw(ax, r):
        y = np.arange(len(offers))[::-1]
        segments = []
        for i, c in enumerate(criteria):
            segments.append(ax.barh(y, np.zeros(len(offers)), color=PALETTE[i % len(PALETTE)],
                                    hatch=HATCHES[i % len(HATCHES)], edgecolor="white", height=0.6,
                                    label=c))
        totals = [ax.text(0, yi, "", va="center", fontsize=9) for yi in y]
        ax.set_yticks(y, offers, fontsize=8)
        ax.set_xlim(0, 10 * 1.3)
        ax.set_xlabel("Gewogen score (0–10)")
        ax.set_title("Welke aanbieding wint?")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=7, frameon=False)
        artists = {"segments": segments, "totals": totals}
        update(artists, r)
        return artists

    def update(artists, r):
        table = r["table"]
        left = np.zeros(len(offers))
        for c, bars in zip(criteria, artists["segments"]):
            values = table[c].to_numpy(dtype=float)
            for bar, lx, value in zip(bars, left, values):
                bar.set_x(lx)
                bar.set_width(value)
            left = left + values
        for text, offer, total in zip(artists["totals"], offers, table["totaal"]):
            winner = offer == r["winner"]
            text.set_x(total + 0.1)
            text.set_text(format_number(total, 2) + ("  ← wint" if winner else ""))
            text.set_fontweight("bold" if winner else "normal")

    def readout(r):
        items = {"Winnaar": r["winner"]}
        items.update({f"Gewicht {c}": format_percent(r["weights"][c], 0) for c in criteria})
        items.update({f"Score {o}": format_number(r["table"].loc[o, "totaal"], 2) for o in offers})
        return items

    controls = {k: int_slider(f"Gewicht {c}", 0, 10, 1, int(round(start[c] * 20)), unit="punten")
                for k, c in names.items()}
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title="Koopmotieven wegen: welke aanbieding wint?", figsize=(6.4, 3.6),
                         readout_width="280px")


_ALL = "alle"


def _example_motives():
    try:
        from ..data import load

        return {"opportunities": load("opportunities")}
    except Exception:  # data unavailable: a small made-up table
        rng = np.random.default_rng(4)
        n = 300
        return {"opportunities": pd.DataFrame({
            "motive": rng.choice(list(prop.SABONE.values()), n),
            "outcome": rng.choice(["gewonnen", "verloren", "open"], n, p=[0.45, 0.45, 0.1]),
            "product_group": rng.choice(["Koffiemachines", "Waterkoelers"], n),
            "buying_situation": rng.choice(list(BUYING_SITUATIONS), n),
            "customer_id": pd.array(np.where(rng.random(n) < 0.4, pd.NA, 1), dtype="Int64"),
        })}


@register_widget(example=_example_motives)
def motive_explorer(opportunities: pd.DataFrame, *, motive_col="motive", outcome_col="outcome",
                    group_col="product_group", situation_col="buying_situation",
                    customer_col="customer_id") -> ChartExplorer:
    """Win rate per dominant buying motive (§4.1), filtered by dropdowns: product group,
    buying situation and new against existing customers (``customer_col`` empty = new business).

    >>> w = motive_explorer(_example_motives()["opportunities"])
    >>> sorted(w.controls)
    ['buying_situation', 'klanttype', 'product_group']
    """
    from .. import _validate as v

    v.table(opportunities, "opportunities", [motive_col, outcome_col, group_col, situation_col, customer_col])
    data = opportunities[[motive_col, outcome_col, group_col, situation_col, customer_col]].copy()
    data["_klant"] = np.where(data[customer_col].isna(), "nieuwe klant", "bestaande klant")
    letters = list(prop.SABONE)
    labels = [prop.SABONE[m] for m in letters]
    types = [prop.MOTIVE_TYPES[m] for m in letters]

    def options(column):
        values = [str(x) for x in pd.unique(data[column].dropna().astype(str))]
        return [_ALL] + sorted(values)

    def compute(product_group, buying_situation, klanttype):
        sel = data
        for column, value in ((group_col, product_group), (situation_col, buying_situation), ("_klant", klanttype)):
            if value != _ALL:
                sel = sel[sel[column].astype(str) == value]
        if sel.empty or not sel[outcome_col].isin(["gewonnen", "verloren"]).any():
            from ..errors import InputError

            raise InputError("Geen afgesloten deals in deze selectie; kies een bredere selectie.")
        table = prop.win_rate_by_motive(sel[motive_col], sel[outcome_col])
        closed = sel[outcome_col].isin(["gewonnen", "verloren"])
        overall = float((sel[outcome_col] == "gewonnen").sum() / closed.sum())
        return {"table": table, "overall": overall, "n": int(closed.sum())}

    def draw(ax, r):
        y = np.arange(len(letters))[::-1]
        bars = []
        for yi, kind in zip(y, types):
            colour, hatch = (PALETTE[0], "") if kind == "rationeel" else (PALETTE[1], "//")
            bars.append(ax.barh([yi], [0.0], color=colour, hatch=hatch, edgecolor="white", height=0.6)[0])
        texts = [ax.text(0, yi, "", va="center", fontsize=8, zorder=4,
                         bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none")) for yi in y]
        line = ax.axvline(0, color="#333333", linestyle="--", linewidth=1.2)
        ax.set_yticks(y, [f"{lab} ({kind[:3]}.)" for lab, kind in zip(labels, types)], fontsize=8)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(_percent_ticks())
        ax.set_xlabel("Win rate; stippellijn = gemiddelde van de selectie", fontsize=8)
        ax.set_title("Win rate per dominant koopmotief")
        artists = {"bars": bars, "texts": texts, "line": line}
        update(artists, r)
        return artists

    def update(artists, r):
        table = r["table"]
        for bar, text, m in zip(artists["bars"], artists["texts"], labels):
            rate = table.loc[m, "win_rate"]
            n = int(table.loc[m, "gewonnen"] + table.loc[m, "verloren"])
            bar.set_width(0.0 if not np.isfinite(rate) else rate)
            text.set_x(0.01 + (0.0 if not np.isfinite(rate) else rate))
            text.set_text(f"{format_percent(rate, 0)} (n = {n})" if np.isfinite(rate) else "geen deals")
        artists["line"].set_xdata([r["overall"], r["overall"]])

    def readout(r):
        from ..evidence import compare_rates

        table = r["table"].dropna(subset=["win_rate"])
        # a selection can hold few deals: name a motive only when its difference exceeds the noise
        verdict = compare_rates(table["gewonnen"], table["gewonnen"] + table["verloren"])
        return {"Afgesloten deals": format_number(r["n"]),
                "Gemiddelde win rate": format_percent(r["overall"]),
                "Verschil tussen motieven": verdict.sentence("de win rate", at="bij motief")}

    controls = {"product_group": dropdown("Productgroep", options(group_col), _ALL),
                "buying_situation": dropdown("Koopsituatie", options(situation_col), _ALL),
                "klanttype": dropdown("Klant", [_ALL, "nieuwe klant", "bestaande klant"], _ALL)}
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title="Koopmotieven en win rate", figsize=(6.2, 3.4), readout_width="260px")


def _percent_ticks():
    from ..plots._base import percent_formatter

    return percent_formatter(0)


def _pitch_text(r):
    # short on purpose (long texts are slow to draw): the full argument is in the readout
    row = r["table"].iloc[0]
    head = f"{r['product']}: openen met {r['lead']} ({format_percent(row['gewicht'], 0)})"
    body = row["eigenschap"] or "nog geen argument in het sellogram"
    lines = [head] + textwrap.wrap(body, 80)
    return "\n".join((lines + [""] * 3)[:3])


def _draw_pitch(ax, r):
    letters = list(prop.SABONE)
    motives = [prop.SABONE[x] for x in letters]
    y = np.arange(len(motives))[::-1]
    bars = []
    for yi, letter in zip(y, letters):
        emotional = prop.MOTIVE_TYPES[letter] == "emotioneel"
        bars.append(ax.barh([yi], [0.0], height=0.6, color=PALETTE[1] if emotional else PALETTE[0],
                            hatch="//" if emotional else "", edgecolor="white")[0])
    texts = [ax.text(0, yi, "", va="center", fontsize=8) for yi in y]
    ax.set_yticks(y, [f"{m} ({prop.MOTIVE_TYPES[x][:3]}.)" for m, x in zip(motives, letters)], fontsize=8)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(_percent_ticks())
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel("Gewicht in de aankoopbeslissing (blauw = rationeel, gearceerd = emotioneel)", fontsize=8)
    ax.set_title("Koopmotieven van deze klant", fontsize=10, loc="left", pad=40)
    balance = ax.text(0.98, 0.04, "", transform=ax.transAxes, ha="right", va="bottom", fontsize=8,
                      bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="#999999"))
    pitch = ax.text(0.0, 1.02, "", transform=ax.transAxes, va="bottom", ha="left", fontsize=8)
    artists = {"bars": bars, "texts": texts, "balance": balance, "pitch": pitch}
    _update_pitch(artists, r)
    return artists


def _update_pitch(artists, r):
    motives = list(prop.SABONE.values())
    table = r["table"]
    for bar, text, m in zip(artists["bars"], artists["texts"], motives):
        share = float(table.loc[m, "gewicht"])
        bar.set_width(share)
        text.set_x(share + 0.01)
        text.set_text(format_percent(share, 0))
        text.set_fontweight("bold" if m == r["lead"] else "normal")
    artists["balance"].set_text(f"rationeel {format_percent(r['rational'], 0)} · "
                                f"emotioneel {format_percent(1 - r['rational'], 0)}")
    artists["pitch"].set_text(_pitch_text(r))


@register_widget(example=lambda: {})
def pitch_explorer(product="Koffiemachines", weights=None) -> ChartExplorer:
    """One customer's buying motives → the sales argument to open with (§4.1–4.2).

    One slider per SABONE motive (0–10 points: how much it weighs for this customer) and a
    dropdown for the product group. The chart shows the motives' weights (rational plain,
    emotional hatched), the rational/emotional balance and, above, the product feature of the
    heaviest motive (via :func:`salesnb.customer_pitch`); the readout gives the full sales
    argument to open with, its proof and the next argument.

    >>> w = pitch_explorer()
    >>> w.result["lead"], round(w.result["rational"], 2)
    ('zekerheid', 0.76)
    >>> w.set(w5=10); w.result["lead"]
    'economie'
    """
    letters = list(prop.SABONE)
    motives = [prop.SABONE[x] for x in letters]
    start = dict(PITCH_WEIGHTS if weights is None else weights)
    products = sorted(set(prop.sellogram()["product"]))
    names = {f"w{i}": m for i, m in enumerate(motives)}

    def compute(product, **w):
        raw = {names[k]: value for k, value in w.items()}
        if sum(raw.values()) == 0:
            from ..errors import InputError

            raise InputError("Alle koopmotieven staan op 0; geef minstens één motief punten.")
        table = prop.customer_pitch(raw, product)
        rational = float(table.loc[table["type"] == "rationeel", "gewicht"].sum())
        return {"table": table, "lead": str(table.index[0]), "rational": rational, "product": product}

    def readout(r):
        table = r["table"]
        items = {"Productgroep": r["product"],
                 "Rationeel / emotioneel": f"{format_percent(r['rational'], 0)} / "
                                           f"{format_percent(1 - r['rational'], 0)}"}
        items.update({f"Gewicht {m}": format_percent(table.loc[m, "gewicht"], 0) for m in motives})
        lead = table.iloc[0]
        items[f"Openingsargument ({r['lead']})"] = lead["verkoopargument"] or "nog geen argument in het sellogram"
        if lead["bewijs"]:
            items["Bewijs"] = lead["bewijs"]
        second = table.index[1]
        items[f"Daarna ({second})"] = table.loc[second, "eigenschap"] or "nog geen argument in het sellogram"
        return items

    controls = {"product": dropdown("Productgroep", products, product)}
    controls.update({k: int_slider(f"Belang {m}", 0, 10, 1, int(start.get(m, 0)), unit="punten")
                     for k, m in names.items()})
    return ChartExplorer(controls=controls, compute=compute, draw=_draw_pitch, update=_update_pitch,
                         readout=readout,
                         title="Van koopmotieven naar het openingsargument", figsize=(6.4, 3.8),
                         readout_width="320px")
