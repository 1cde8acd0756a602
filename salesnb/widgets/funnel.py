"""Slider explorations for H5 Sales funnel management.

- :func:`sales_plan_explorer`: revenue target, average order and conversion rates → the activities
  needed per stage (both rounding conventions) and per week per account manager, and how many
  calls a better hit rate saves.
- :func:`funnel_explorer`: number of opportunities and stage conversions → the funnel, the orders
  and the revenue at the bottom.
"""

from __future__ import annotations

import math

import numpy as np

from .. import funnel as fn
from ..style import COLOR_MUTED, HATCHES, PALETTE
from ..display import format_euro, format_number, format_percent
from ..vocabulary import FUNNEL_STAGES
from ._base import ChartExplorer, euro_slider, int_slider, percent_slider, register_widget
from ._scale import FlexibleScale

__all__ = ["sales_plan_explorer", "funnel_explorer"]

_PLAN_STAGES = ("offertes", "bezoeken", "telefoongesprekken")


def _company_plan() -> dict:
    """Next year's plan inputs from the company data (fallback: round course numbers)."""
    try:
        from ..data import load

        p = fn.plan_inputs(load("opportunities"), load("cold_calls"), load("targets"), load("orders"),
                           load("leads"))
        managers = int((load("account_managers")["role"] == "hunter").sum())
    except Exception:  # data unavailable: a plain example
        p = {"target_revenue": 300_000.0, "average_order": 8_000.0,
             "rates": {"offertes": 0.30, "bezoeken": 0.55, "telefoongesprekken": 0.06}}
        managers = 5
    r = p["rates"]
    return {"target_revenue": float(round(p["target_revenue"], -4)),
            "average_order": float(round(p["average_order"], -2)),
            "hit_rate": round(r["offertes"], 2), "quotations_per_visit": round(r["bezoeken"], 2),
            "visits_per_call": round(r["telefoongesprekken"], 3), "account_managers": managers}


def _draw_plan(axes, r):
    ax, wax = axes
    x = np.arange(len(r["stages"]))
    y = x[::-1] * 1.0
    b1 = ax.barh(y + 0.2, r["each"], height=0.4, color=PALETTE[0], label="elke fase afgerond")
    b2 = ax.barh(y - 0.2, r["end"], height=0.4, color=PALETTE[1], hatch=HATCHES[1], edgecolor="white",
                 label="alleen eindresultaat")
    texts = [ax.text(b.get_width(), b.get_y() + b.get_height() / 2, "", ha="left", va="center",
                     fontsize=7) for b in (*b1, *b2)]
    ax.set_yticks(y, r["stages"], fontsize=7)
    ax.set_xlabel("Aantal per jaar (hele team)", fontsize=8)
    ax.set_title("Per jaar", fontsize=9)
    ax.legend(loc="upper right", fontsize=7)
    # Fixed limits on both value axes, tick labels that follow the numbers: a move stays a blit.
    # Largest: the slider's top target in orders of € 1.000 at the lowest rates (5%, 10%, 1%).
    largest = r["target_top"] / 1_000 / 0.05 / 0.10 / 0.01
    scale = FlexibleScale(ax.xaxis, integer=True, ticks=2, upper=1.35, largest=largest, fontsize=7)
    wbars = wax.bar(x, r["per_week"], width=0.6, color=PALETTE[2])
    wtexts = [wax.text(b.get_x() + b.get_width() / 2, b.get_height(), "", ha="center", va="bottom",
                       fontsize=7) for b in wbars]
    wax.set_xticks(x, [st[:8] + "." if len(st) > 9 else st for st in r["stages"]], fontsize=7)
    wax.set_title("Per week per accountmanager", fontsize=9)
    wscale = FlexibleScale(wax.yaxis, upper=1.15, fontsize=7)
    # Comparing before and after a move: both axes keep twice the starting values' room.
    scale.hold(2 * float(max(np.max(r["each"]), np.max(r["end"]))))
    wscale.hold(2 * float(np.max(r["per_week"])))
    artists = {"bars": (*b1, *b2), "texts": texts, "ax": ax, "wbars": wbars, "wtexts": wtexts, "wax": wax,
               "scale": scale, "wscale": wscale, "ticklabels": (*scale.labels, *wscale.labels)}
    _update_plan(artists, r)
    return artists


def _update_plan(artists, r):
    values = np.concatenate([r["each"], r["end"]])
    x = artists["scale"]
    x.rescale(max(float(values.max()), 1.0))
    for bar, text, value in zip(artists["bars"], artists["texts"], values):
        bar.set_width(x(value))
        text.set_x(x(value))
        text.set_text(" " + format_number(value, 0 if float(value).is_integer() else 1))
    y = artists["wscale"]
    y.rescale(max(float(np.max(r["per_week"])), 1.0))
    for bar, text, value in zip(artists["wbars"], artists["wtexts"], r["per_week"]):
        bar.set_height(y(value))
        text.set_y(y(value))
        text.set_text(format_number(value, 1))


@register_widget(example=_company_plan, compares=True)
def sales_plan_explorer(target_revenue=300_000.0, average_order=8_000.0, hit_rate=0.30,
                        quotations_per_visit=0.55, visits_per_call=0.06, account_managers=5,
                        working_weeks=46) -> ChartExplorer:
    """Verkoopplan (§5.4): target and conversion rates → activities per stage and per week.

    The chart shows the yearly numbers per stage for both rounding conventions (every stage
    rounded up, or only the end result); the readout gives the calls per week per account
    manager and how many calls the hit rate saves compared with its starting value.

    >>> w = sales_plan_explorer(480_000, 3_000, 0.35, 0.6, 0.15, account_managers=4)
    >>> w.result["each"].tolist(), float(w.result["end"][-1])
    ([160.0, 458.0, 764.0, 5094.0], 5080.0)
    >>> w.set(hit_rate=0.40); w.result["saved_calls"]
    647.0
    """
    start_hit = float(hit_rate)
    # The target slider reaches about twice the start (at least € 100.000): room to explore, while a
    # halfway move stays within the room the axes keep for comparing (twice the start).
    target_top = max(100_000.0, math.ceil(2 * float(target_revenue) / 50_000) * 50_000)

    def plans(target, average, hit, qpv, vpc, each):
        rates = dict(zip(_PLAN_STAGES, (hit, qpv, vpc)))
        return fn.sales_plan(target, average, rates, round_each_stage=each)

    def compute(target_revenue, average_order, hit_rate, quotations_per_visit, visits_per_call,
                account_managers, working_weeks):
        args = (target_revenue, average_order, hit_rate, quotations_per_visit, visits_per_call)
        each = plans(*args, True)
        end = plans(*args, False)
        # Weekly averages, not rounded up: 0,1 order a week is not one order a week (§5.4).
        week = fn.weekly_activities(each, account_managers=account_managers, working_weeks=working_weeks,
                                    round_up=False)
        base = plans(target_revenue, average_order, start_hit, quotations_per_visit, visits_per_call, True)
        return {"each": each["nodig"].to_numpy(), "end": end["nodig"].to_numpy(),
                "stages": each["stage"].tolist(), "per_week": week["per_week"].to_numpy(),
                "saved_calls": float(base["nodig"].iloc[-1] - each["nodig"].iloc[-1]),
                "hit_rate": hit_rate, "target_top": target_top}

    def readout(r):
        saved = r["saved_calls"]
        if saved > 0:
            saving = f"{format_number(saved)} gesprekken minder per jaar"
        elif saved < 0:
            saving = f"{format_number(-saved)} gesprekken méér per jaar"
        else:
            saving = "geen verschil"
        # the last stage of "alleen eind" is rounded up to a whole number: no decimal there
        items = {f"{s} (elke fase / alleen eind)":
                 f"{format_number(a, 0)} / {format_number(b, 0 if float(b).is_integer() else 1)}"
                 for s, a, b in zip(r["stages"], r["each"], r["end"])}
        items["Gesprekken per week per accountmanager"] = format_number(r["per_week"][-1], 1)
        items["Bezoeken per week per accountmanager"] = format_number(r["per_week"][-2], 1)
        items[f"Hit rate {format_percent(r['hit_rate'], 0)} t.o.v. start {format_percent(start_hit, 0)}"] = saving
        return items

    return ChartExplorer(
        controls={
            "target_revenue": euro_slider("Omzetdoel koude acquisitie", 50_000, target_top, 10_000, target_revenue),
            "average_order": euro_slider("Gemiddelde order", 1_000, 25_000, 250, average_order),
            "hit_rate": percent_slider("Hit rate (orders per offerte)", 0.05, 0.90, 0.005, hit_rate, decimals=1),
            "quotations_per_visit": percent_slider("Offertes per bezoek", 0.10, 1.0, 0.005, quotations_per_visit,
                                                   decimals=1),
            "visits_per_call": percent_slider("Bezoeken per gesprek", 0.01, 0.30, 0.005, visits_per_call,
                                              decimals=1),
            "account_managers": int_slider("Accountmanagers", 1, 12, 1, account_managers, unit="personen"),
            "working_weeks": int_slider("Werkweken per jaar", 40, 52, 1, working_weeks, unit="weken"),
        },
        compute=compute, draw=_draw_plan, update=_update_plan, readout=readout,
        title="Verkoopplan: van omzetdoel naar activiteiten per week", figsize=(7.2, 3.6),
        ncols=2, readout_width="300px")


def _company_funnel() -> dict:
    try:
        from ..data import load

        table = fn.opportunity_funnel(load("opportunities"))
        metrics = fn.funnel_metrics(load("opportunities"))
        conv = table["conversie"].to_numpy()[:4]
        return {"opportunities": int(table["aantal"].iloc[0] / 5), "conversions": [float(c) for c in conv],
                "average_deal": float(metrics["average_deal"])}
    except Exception:  # data unavailable: a plain example
        return {"opportunities": 800, "conversions": [0.9, 0.85, 0.8, 0.85], "average_deal": 7_500.0}


@register_widget(example=_company_funnel)
def funnel_explorer(opportunities=800, conversions=(0.9, 0.85, 0.8, 0.85), average_deal=7_500.0, *,
                    stages=FUNNEL_STAGES) -> ChartExplorer:
    """The sales funnel (§5.3): start volume and stage conversions → orders and revenue.

    One slider per conversion between two stages (``len(stages) - 1`` of them).

    >>> w = funnel_explorer(1000, [0.5, 0.5, 0.5, 0.5], 1_000.0)
    >>> w.result["orders"], w.result["revenue"]
    (62.5, 62500.0)
    """
    stages = list(stages)
    conversions = list(conversions)
    if len(conversions) != len(stages) - 1:
        from ..errors import InputError

        raise InputError(f"Geef {len(stages) - 1} conversies, één per overgang tussen twee fasen.")
    names = [f"c{i}" for i in range(len(conversions))]

    def compute(opportunities, average_deal, **conv):
        rates = np.array([conv[n] for n in names])
        n = opportunities * np.concatenate([[1.0], np.cumprod(rates)])
        orders = float(n[-1])
        return {"n": n, "rates": rates, "orders": orders, "revenue": orders * average_deal,
                "overall": float(np.prod(rates))}

    # Width = number: relative to the slider's maximum, so more opportunities make a wider funnel.
    full_width = float(max(200, 100 * -(-2 * int(opportunities) // 100)))

    def draw(ax, r):
        y = np.arange(len(stages))[::-1] * 1.0
        width = r["n"] / full_width
        left = -width / 2
        bars = ax.barh(y, width, left=left, height=0.62, color=PALETTE[0], edgecolor="white")
        labels = [ax.text(0, yi, "", ha="center", va="center", color="white", fontweight="bold", fontsize=9)
                  for yi in y]
        conv_texts = [ax.text(0.56, (y[i] + y[i + 1]) / 2, "", fontsize=8, va="center")
                      for i in range(len(stages) - 1)]
        ax.set_yticks(y, stages, fontsize=8)
        ax.set_xlim(-0.55, 0.85)
        ax.set_xticks([])
        ax.set_title("Sales funnel: breedte = aantal opportunities")
        summary = ax.text(0.99, 0.02, "", transform=ax.transAxes, ha="right", va="bottom", fontsize=8,
                          bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=COLOR_MUTED))
        artists = {"bars": bars, "labels": labels, "conv": conv_texts, "summary": summary}
        update(artists, r)
        return artists

    def update(artists, r):
        width = r["n"] / full_width
        left = -width / 2
        for bar, label, lx, w, value in zip(artists["bars"], artists["labels"], left, width, r["n"]):
            bar.set_x(lx)
            bar.set_width(w)
            label.set_text(format_number(value))
            label.set_color("white" if w > 0.15 else "black")
        for text, rate in zip(artists["conv"], r["rates"]):
            text.set_text(f"↓ {format_percent(rate, 0)}")
        artists["summary"].set_text(f"omzet {format_euro(r['revenue'])}")

    def readout(r):
        return {"Orders (gewonnen)": format_number(r["orders"], 1),
                "Conversie van begin tot order": format_percent(r["overall"]),
                "Omzet uit de funnel": format_euro(r["revenue"])}

    controls = {"opportunities": int_slider("Opportunities aan het begin", 50, int(full_width), 10,
                                            int(opportunities), unit="aantal"),
                "average_deal": euro_slider("Gemiddelde deal", 500, 25_000, 250, float(average_deal))}
    for name, rate, a, b in zip(names, conversions, stages[:-1], stages[1:]):
        controls[name] = percent_slider(f"Conversie {a} → {b}", 0.05, 1.0, 0.005, float(rate), decimals=1)
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title="Sales funnel: conversie per fase", figsize=(6.0, 3.4), readout_width="260px")
