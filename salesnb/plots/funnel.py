"""Charts for H5 Sales funnel management: the funnel with conversion labels, the pipeline
forecast per stage, DMU coverage and win rate per DMU role, and the steps of the verkoopplan."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ..vocabulary import DMU_ROLES, OPEN_STAGES
from ._base import (
    COLOR_MUTED,
    COLOR_NEGATIVE,
    HATCHES,
    PALETTE,
    format_euro,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_euro_axis,
    set_number_axis,
    set_percent_axis,
)

__all__ = ["plot_funnel", "plot_pipeline", "plot_dmu_roles", "plot_dmu_win_rate", "plot_sales_plan"]


# --------------------------------------------------------------------------- funnel

def _example_funnel():
    from ..funnel import stage_conversion

    return {"funnel": stage_conversion({"kwalificatie": 400, "behoeftebepaling": 300, "offerte": 180,
                                        "onderhandeling": 90, "gewonnen": 60})}


def funnel_geometry(n):
    """Bar lefts and widths of a centred funnel (helper for widgets): widths relative to the top."""
    n = np.asarray(n, dtype=float)
    widths = n / n[0] if n[0] > 0 else np.zeros_like(n)
    return -widths / 2, widths


@register_plot(example=_example_funnel)
def plot_funnel(funnel: pd.DataFrame, *, title="Sales funnel", unit="opportunities", color=None, ax=None):
    """The sales funnel (§5.3): one centred bar per stage, width = number that reached it.

    ``funnel`` is the table of :func:`salesnb.stage_conversion` (or
    :func:`salesnb.opportunity_funnel`): columns stage, n, conversion. Each bar carries the
    number; between two bars the stage conversion n(next) / n(this) is written.
    Also usable for a lead funnel (pass the lead stages' counts).

    >>> from matplotlib.figure import Figure
    >>> from salesnb import stage_conversion
    >>> ax = plot_funnel(stage_conversion({"offerte": 50, "order": 10}), ax=Figure().add_subplot())
    >>> [t.get_text() for t in ax.texts]
    ['50', '10', '↓ 20,0%']
    """
    v.table(funnel, "funnel", ["stage", "aantal", "conversie"])
    stages = [str(s) for s in funnel["stage"]]
    n = funnel["aantal"].to_numpy(dtype=float)
    ax = get_ax(ax, figsize=(7.0, 0.6 * len(stages) + 1.6))
    y = np.arange(len(stages))[::-1] * 1.0
    left, width = funnel_geometry(n)
    bars = ax.barh(y, width, left=left, height=0.62, color=color or PALETTE[0], edgecolor="white")
    for yi, wi, ni in zip(y, width, n):
        inside = wi > 0.18
        ax.text(0 if inside else wi / 2 + 0.02, yi, format_number(ni), ha="center" if inside else "left",
                va="center", color="white" if inside else "black", fontweight="bold")
    conv = funnel["conversie"].to_numpy(dtype=float)
    for i in range(len(stages) - 1):
        if np.isfinite(conv[i]):
            ax.text(0.56, (y[i] + y[i + 1]) / 2, f"↓ {format_percent(conv[i])}", ha="left", va="center",
                    fontsize="small", color="#333333")
    ax.set_yticks(y, stages)
    ax.set_xlim(-0.55, 0.82)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title)
    ax.set_xlabel(f"breedte = aantal {unit}; ↓ = conversie naar de volgende fase")
    return ax


# --------------------------------------------------------------------------- pipeline

def _example_pipeline():
    return {"pipeline": pd.DataFrame({
        "stage": list(OPEN_STAGES),
        "aantal": [40.0, 30.0, 25.0, 10.0],
        "value": [200_000.0, 160_000.0, 140_000.0, 60_000.0],
        "probability": [0.10, 0.25, 0.50, 0.75],
        "gewogen": [20_000.0, 40_000.0, 70_000.0, 45_000.0],
    })}


@register_plot(example=_example_pipeline)
def plot_pipeline(pipeline: pd.DataFrame, *, ax=None):
    """Pipeline forecast (gewogen pijplijn, §5.3): open value and weighted value per stage.

    ``pipeline`` is the table of :func:`salesnb.pipeline_by_stage`. Light hatched bars show
    the total open value, solid bars the value × stage probability; the title gives the
    weighted total, the expected revenue from the pipeline.

    >>> from matplotlib.figure import Figure
    >>> plot_pipeline(_example_pipeline()["pipeline"], ax=Figure().add_subplot()).get_title()
    'Pijplijn per fase: gewogen € 175.000'
    """
    v.table(pipeline, "pipeline", ["stage", "value", "gewogen", "probability"])
    stages = [str(s) for s in pipeline["stage"]]
    x = np.arange(len(stages))
    ax = get_ax(ax, figsize=(7.5, 4.2))
    total = ax.bar(x - 0.2, pipeline["value"], width=0.4, color=COLOR_MUTED, hatch=HATCHES[1],
                   edgecolor="white", label="open waarde")
    weighted = ax.bar(x + 0.2, pipeline["gewogen"], width=0.4, color=PALETTE[0],
                      label="gewogen (× kans)")
    for bar, value in zip(weighted, pipeline["gewogen"]):
        ax.annotate(format_euro(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize="small")
    labels = [f"{s}\n(kans {format_percent(p, 0)})" if np.isfinite(p) else s
              for s, p in zip(stages, pipeline["probability"])]
    ax.set_xticks(x, labels)
    set_euro_axis(ax, "y")
    ax.set_ylabel("Waarde (€)")
    ax.set_title(f"Pijplijn per fase: gewogen {format_euro(pipeline['gewogen'].sum())}")
    ax.legend(loc="upper right")
    return ax


# --------------------------------------------------------------------------- DMU

_STATE_STYLE = {  # state: (colour, hatch, Dutch label)
    "gesproken": (PALETTE[0], "", "rol gesproken"),
    "niet gesproken": (COLOR_NEGATIVE, "//", "rol gemist (niet gesproken)"),
    "geen rol": (COLOR_MUTED, "..", "rol niet in deze DMU"),
}


def _example_dmu():
    from ..funnel import dmu_per_opportunity

    contacts = pd.DataFrame({
        "opportunity_id": [1, 1, 1, 2, 2, 3, 3, 3],
        "role": ["gebruiker", "beslisser", "inkoper", "gebruiker", "beslisser", "initiator", "gebruiker",
                 "beslisser"],
        "met": [True, True, False, True, False, True, True, True],
    })
    return {"coverage": dmu_per_opportunity(contacts)}


@register_plot(example=_example_dmu)
def plot_dmu_roles(coverage: pd.DataFrame, *, roles=None, ax=None):
    """DMU coverage (§5.2): per DMU role the share of opportunities where we spoke to it,
    missed it, or where the buyer had nobody in that role (stacked bars, hatched).

    ``coverage`` is the table of :func:`salesnb.dmu_per_opportunity`.

    >>> from matplotlib.figure import Figure
    >>> plot_dmu_roles(_example_dmu()["coverage"], ax=Figure().add_subplot()).get_xlabel()
    'Aandeel van de 3 opportunities'
    """
    from ..funnel import DMU_STATES

    roles = list(DMU_ROLES if roles is None else roles)
    v.table(coverage, "coverage", roles)
    shares = pd.DataFrame({s: (coverage[roles] == s).mean() for s in DMU_STATES}).reindex(roles)
    ax = get_ax(ax, figsize=(7.5, 3.8))
    y = np.arange(len(roles))[::-1]
    left = np.zeros(len(roles))
    for state in DMU_STATES:
        colour, hatch, label = _STATE_STYLE[state]
        bars = ax.barh(y, shares[state], left=left, color=colour, hatch=hatch, edgecolor="white",
                       label=label, height=0.65)
        for bar, share in zip(bars, shares[state]):
            if share >= 0.08:
                ax.text(bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2,
                        format_percent(share, 0), ha="center", va="center",
                        color="white" if state != "geen rol" else "black", fontsize="small",
                        bbox=dict(boxstyle="round,pad=0.15", fc=colour, ec="none"))
        left += shares[state].to_numpy()
    ax.set_yticks(y, roles)
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel(f"Aandeel van de {len(coverage)} opportunities")
    ax.set_title("DMU-dekking per rol")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize="small", frameon=False)
    return ax


def _example_dmu_win():
    return {"table": pd.DataFrame({
        "win_rate_gesproken": [0.45, 0.40, 0.42, 0.48, 0.41, 0.40, 0.50],
        "win_rate_gemist": [0.35, 0.33, 0.38, 0.18, 0.36, 0.39, 0.30],
    }, index=pd.Index([*DMU_ROLES, "alle rollen"], name="rol"))}


@register_plot(example=_example_dmu_win)
def plot_dmu_win_rate(table: pd.DataFrame, *, ax=None):
    """Win rate per DMU role, spoken to against missed (§5.2).

    ``table`` is the output of :func:`salesnb.win_rate_by_dmu`; the gap shows which missed
    role costs most deals.

    >>> from matplotlib.figure import Figure
    >>> plot_dmu_win_rate(_example_dmu_win()["table"], ax=Figure().add_subplot()).get_title()
    'Win rate: DMU-rol gesproken of gemist'
    """
    v.table(table, "table", ["win_rate_gesproken", "win_rate_gemist"])
    labels = [str(i) for i in table.index]
    y = np.arange(len(labels))[::-1]
    ax = get_ax(ax, figsize=(7.5, 4.0))
    met = ax.barh(y + 0.2, table["win_rate_gesproken"].fillna(0), height=0.38, color=PALETTE[0],
                  label="rol gesproken")
    missed = ax.barh(y - 0.2, table["win_rate_gemist"].fillna(0), height=0.38, color=COLOR_NEGATIVE,
                     hatch=HATCHES[1], edgecolor="white", label="rol gemist")
    for bars, values in ((met, table["win_rate_gesproken"]), (missed, table["win_rate_gemist"])):
        for bar, value in zip(bars, values):
            text = format_percent(value, 0) if np.isfinite(value) else "geen"
            ax.annotate(text, (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize="small")
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel("Win rate (gewonnen / afgesloten)")
    ax.set_title("Win rate: DMU-rol gesproken of gemist")
    ax.legend(loc="lower right", fontsize="small")
    return ax


# --------------------------------------------------------------------------- sales plan

def _example_plan():
    from ..funnel import sales_plan

    rates = {"offertes": 0.3, "bezoeken": 0.5, "telefoongesprekken": 0.25}
    return {"plan": sales_plan(400_000, 2_500, rates),
            "compare": sales_plan(400_000, 2_500, rates, round_each_stage=False)}


@register_plot(example=_example_plan)
def plot_sales_plan(plan: pd.DataFrame, *, compare=None, labels=("elke fase afgerond", "alleen eindresultaat"),
                    log=True, ax=None):
    """The steps of the verkoopplan (§5.4): activities needed per stage, from the orders back.

    ``plan`` is the table of :func:`salesnb.sales_plan`; pass the other rounding convention as
    ``compare`` to draw both side by side. Under each stage: the rate divided by.

    The stages differ by factors of ten (a few dozen orders, thousands of calls), so by
    default the value axis is logarithmic (``log=True``): every stage stays readable, equal
    steps on the axis are equal ratios, and the ticks are plain Dutch numbers (1, 10, 100,
    1.000). The exact number stands on each bar. ``log=False`` gives a linear axis.

    >>> from matplotlib.figure import Figure
    >>> from salesnb import sales_plan
    >>> ax = plot_sales_plan(sales_plan(9_000, 300, {"offertes": 0.25}), ax=Figure().add_subplot())
    >>> [t.get_text().split()[-1] for t in ax.get_xticklabels()], [t.get_text() for t in ax.texts]
    (['orders', '25%)'], ['30', '120'])
    >>> ax.get_yscale(), [float(t) for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    ('log', [1.0, 10.0, 100.0])
    """
    v.table(plan, "plan", ["stage", "ratio", "nodig"])
    stages = [str(s) for s in plan["stage"]]
    x = np.arange(len(stages))
    ax = get_ax(ax, figsize=(7.5, 4.2))
    width = 0.38 if compare is not None else 0.6
    shift = width / 2 if compare is not None else 0.0
    series = [(plan, labels[0], PALETTE[0], HATCHES[0], -shift)]
    if compare is not None:
        v.table(compare, "compare", ["stage", "nodig"])
        series.append((compare, labels[1], PALETTE[1], HATCHES[1], shift))
    for table, label, colour, hatch, dx in series:
        bars = ax.bar(x + dx, table["nodig"], width=width, color=colour, hatch=hatch, edgecolor="white",
                      label=label)
        for bar, value in zip(bars, table["nodig"]):
            decimals = 0 if float(value).is_integer() else 1
            ax.annotate(format_number(value, decimals), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        fontsize="small")
    rates = plan["ratio"].to_numpy(dtype=float)
    values = np.concatenate([t["nodig"].to_numpy(dtype=float) for t, *_ in series]) if len(plan) else np.ones(1)
    top = max(float(np.nanmax(values)), 1.0)
    ax.set_xticks(x, [s if not np.isfinite(r) else f"{s}\n(÷ {format_percent(r, 0 if r >= 0.1 else 1)})"
                      for s, r in zip(stages, rates)])
    if log:
        from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

        positive = values[values > 0]
        # one decade below the smallest stage, so the smallest bar is still clearly visible
        low = 10.0 ** (np.floor(np.log10(positive.min())) - 1) if positive.size else 1.0
        high = 10.0 ** np.ceil(np.log10(top * 1.6))
        ax.set_yscale("log")
        ax.set_ylim(low, top * 2.2)  # room above the tallest bar for its number
        decades = 10.0 ** np.arange(np.log10(low), np.log10(high) + 1)
        ax.yaxis.set_major_locator(FixedLocator(decades))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, pos: format_number(value, 0 if value >= 1 else 2)))
        ax.set_ylabel("Aantal per jaar (logaritmische schaal)")
    else:
        ax.set_ylim(0, top * 1.15)
        set_number_axis(ax, "y")
        ax.set_ylabel("Aantal per jaar")
    ax.set_title("Verkoopplan: van omzetdoel terug naar activiteiten")
    if compare is not None:
        ax.legend(loc="upper left", fontsize="small")
    return ax
