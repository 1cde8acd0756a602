"""Charts for H6 klantportfoliomanagement: Pareto/Lorenz with ABC classes, Curry's customer
pyramid (drawn as a pyramid), RFM R × F heatmap, CLV against retention, pyramid migration,
CLV per segment."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import portfolio as pf
from ._base import (
    COLOR_HIGHLIGHT,
    COLOR_MUTED,
    COLOR_NEUTRAL,
    HATCHES,
    OKABE_ITO,
    PALETTE,
    format_euro,
    format_number,
    format_percent,
    get_ax,
    label_bars,
    register_plot,
    set_euro_axis,
    set_percent_axis,
)

__all__ = ["plot_pareto", "plot_pyramid", "plot_rfm_heatmap", "plot_clv_retention",
           "plot_pyramid_migration", "plot_clv_segments"]

_ABC_COLORS = {"A": OKABE_ITO["blauw"], "B": OKABE_ITO["oranje"], "C": OKABE_ITO["hemelsblauw"]}
_ABC_HATCH = {"A": "", "B": "//", "C": ".."}


def _example_revenue():
    rng = np.random.default_rng(6)
    return {"values": pd.Series(rng.pareto(1.2, 300) * 2000 + 100)}


@register_plot(example=_example_revenue)
def plot_pareto(values, *, a=0.80, b=0.95, lorenz=True, ax=None):
    """Pareto curve with the ABC classes (§6.2), and the Lorenz curve with the equality line.

    x: cumulative share of customers (largest first), y: cumulative share of revenue. The
    A, B and C parts under the curve are shaded and hatched and labelled with their size.
    """
    ax = get_ax(ax, figsize=(7, 4.6))
    points = pf.lorenz_points(values, a=a, b=b)
    x, y = points["aandeel_klanten"].to_numpy(), points["aandeel_omzet"].to_numpy()
    classes = points["klasse"].astype(object).to_numpy()
    summary = pf.abc_summary(values, a, b)
    start = 0
    for label in ("A", "B", "C"):
        count = int(summary.loc[label, "klanten"])
        if count == 0:
            continue
        stop = start + count
        sl = slice(start, stop + 1)
        ax.fill_between(x[sl], 0, y[sl], color=_ABC_COLORS[label], alpha=0.35,
                        hatch=_ABC_HATCH[label], edgecolor="#333333", linewidth=0)
        mid = (x[start] + x[stop]) / 2
        ax.text(mid, 0.05 if label != "A" else 0.12,
                f"{label}\n{format_percent(summary.loc[label, 'aandeel_klanten'], 0)} klanten\n"
                f"{format_percent(summary.loc[label, 'aandeel_omzet'], 0)} omzet",
                ha="center", va="bottom", fontsize=8.5,
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 1.5})
        start = stop
    ax.plot(x, y, color=PALETTE[0], lw=2, label="Paretocurve (grootste klanten eerst)")
    if lorenz:
        low = pf.lorenz_points(values, order="lorenz")
        ax.plot(low["aandeel_klanten"], low["aandeel_omzet"], color=OKABE_ITO["vermiljoen"], lw=1.8,
                ls="--", label="Lorenzcurve (kleinste klanten eerst)")
    ax.plot([0, 1], [0, 1], color=COLOR_NEUTRAL, lw=1, ls=":", label="Gelijke verdeling")
    for level in (a, b):
        ax.axhline(level, color=COLOR_NEUTRAL, lw=0.8, ls="--")
        ax.text(1.0, level, f" {format_percent(level, 0)}", va="center", ha="left", fontsize=8.5)
    n_a = int(summary.loc["A", "klanten"])
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="Cumulatief aandeel klanten",
           ylabel="Cumulatief aandeel omzet",
           title=f"ABC-analyse: {format_percent(n_a / len(classes[1:]), 0)} van de klanten is klasse A")
    set_percent_axis(ax, "x", 0)
    set_percent_axis(ax, "y", 0)
    ax.legend(loc="center right", fontsize=8.5)
    return ax


def _example_pyramid():
    summary = pd.DataFrame(
        {"klanten": [12, 48, 180, 960, 300, 700, 900],
         "aandeel_omzet": [0.38, 0.26, 0.18, 0.18, 0.0, 0.0, 0.0]},
        index=pd.Index(list(pf.PYRAMID_LAYERS), name="laag"))
    return {"summary": summary}


@register_plot(example=_example_pyramid)
def plot_pyramid(summary, *, show_strategy=False, ax=None):
    """Curry's klantenpiramide (§6.1), drawn as a pyramid of trapezoid layers.

    ``summary`` comes from :func:`salesnb.pyramid_summary` (or :func:`salesnb.pyramid_strategy`
    with ``show_strategy=True``). Every layer carries its name, number of customers and revenue
    share; the layers without revenue (inactief, prospect, suspect) are hatched and grey-toned.
    The layer heights are equal: the width shows the position, the labels the numbers.
    """
    ax = get_ax(ax, figsize=(8, 5.2))
    layers = list(summary.index.astype(str))
    n = len(layers)
    colors = [PALETTE[0], PALETTE[4], PALETTE[2], OKABE_ITO["geel"], COLOR_MUTED, "#DDDDDD", "#F2F2F2"]
    hatches = ["", "", "", "", "//", "..", "xx"]
    height = 1.0
    for i, layer in enumerate(layers):
        top_w = 0.12 + 0.88 * i / n
        bottom_w = 0.12 + 0.88 * (i + 1) / n
        y_top = (n - i) * height
        y_bottom = y_top - height
        xs = [-top_w / 2, top_w / 2, bottom_w / 2, -bottom_w / 2]
        ys = [y_top, y_top, y_bottom, y_bottom]
        ax.fill(xs, ys, facecolor=colors[i % len(colors)], hatch=hatches[i % len(hatches)],
                edgecolor="white", linewidth=2)
        row = summary.iloc[i]
        count = format_number(row["klanten"])
        share = row.get("aandeel_omzet", np.nan)
        dark = i in (0,)
        ax.text(0, y_bottom + height / 2, layer, ha="center", va="center", fontsize=10,
                fontweight="bold", color="white" if dark else "black",
                bbox=None if dark else {"facecolor": "white", "alpha": 0.7, "edgecolor": "none", "pad": 1})
        detail = f"{count} klanten"
        if pd.notna(share) and share > 0:
            detail += f" · {format_percent(share, 0)} van de omzet"
        if show_strategy and "strategie" in summary.columns:
            detail += f" · {row['strategie']}"
        ax.text(bottom_w / 2 + 0.03, y_bottom + height / 2, detail, ha="left", va="center", fontsize=9)
    ax.set_xlim(-0.55, 1.25)
    ax.set_ylim(-0.05, n * height + 0.1)
    ax.set_axis_off()
    ax.set_title("Klantenpiramide van Curry: klanten en omzetaandeel per laag")
    return ax


def _example_rfm():
    rng = np.random.default_rng(3)
    return {"rfm": pd.DataFrame({"R": rng.integers(1, 6, 400), "F": rng.integers(1, 6, 400),
                                 "monetary": rng.gamma(2, 500, 400)})}


@register_plot(example=_example_rfm)
def plot_rfm_heatmap(rfm, *, value="klanten", ax=None):
    """RFM heatmap (§6.2): number of customers (or average monetary) per R × F cell.

    Rows: recency score 5 (recent) at the top to 1; columns: frequency score 1 to 5. Every cell
    shows its number, so colour is never the only carrier of meaning (colour map cividis).
    """
    ax = get_ax(ax, figsize=(6.2, 4.8))
    grid = pf.rfm_grid(rfm, value=value)
    data = grid.to_numpy(dtype=float)
    image = ax.imshow(np.nan_to_num(data), cmap="cividis", aspect="auto", vmin=0)
    vmax = np.nanmax(data) if np.isfinite(data).any() else 1
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            cell = data[i, j]
            text = "–" if np.isnan(cell) else (format_number(cell) if value == "klanten" else format_euro(cell))
            ax.text(j, i, text, ha="center", va="center", fontsize=9,
                    color="black" if (np.nan_to_num(cell) > 0.55 * vmax) else "white")
    ax.set_xticks(range(5), [str(c) for c in grid.columns])
    ax.set_yticks(range(5), [str(r) for r in grid.index])
    ax.set_xlabel("F-score (frequentie: 5 = koopt het vaakst)")
    ax.set_ylabel("R-score (recency: 5 = kocht het kortst geleden)")
    ax.grid(False)
    what = "Aantal klanten" if value == "klanten" else "Gemiddelde omzet per klant"
    ax.set_title(f"RFM: {what.lower()} per R × F")
    colorbar = ax.figure.colorbar(image, ax=ax, shrink=0.85)
    colorbar.set_label(what + (" (€)" if value == "monetary" else ""))
    return ax


@register_plot(example=lambda: {"margin": 1500.0, "discount_rate": 0.08, "retention": 0.8})
def plot_clv_retention(margin, *, discount_rate=0.0, retention=None, years=None,
                       acquisition_cost=0.0, max_retention=0.95, ax=None):
    """CLV against retention (§6.4): how fast CLV rises as the retention rate nears 100%.

    Draws the infinite-horizon CLV m·r/(1+d−r) and, with ``years``, the finite horizon; with
    ``retention`` the current point is marked and labelled.
    """
    ax = get_ax(ax, figsize=(7, 4.2))
    r = np.linspace(0, max_retention, 96)
    infinite = pf.clv(margin, retention=r, discount_rate=discount_rate,
                      acquisition_cost=acquisition_cost).to_numpy()
    ax.plot(r, infinite, color=PALETTE[0], lw=2.2, label="CLV, oneindige horizon")
    if years is not None:
        finite = pf.clv(margin, retention=r, years=years, discount_rate=discount_rate,
                        acquisition_cost=acquisition_cost).to_numpy()
        ax.plot(r, finite, color=PALETTE[1], lw=2, ls="--", label=f"CLV, horizon {format_number(years)} jaar")
    if retention is not None:
        point = pf.clv(margin, retention=retention, discount_rate=discount_rate,
                       acquisition_cost=acquisition_cost)
        ax.plot([retention], [point], "o", color=COLOR_HIGHLIGHT, markersize=9, zorder=5)
        ax.annotate(f"retentie {format_percent(retention, 0)}\nCLV {format_euro(point)}",
                    (retention, point), xytext=(-12, 12), textcoords="offset points", ha="right",
                    fontsize=9)
    if acquisition_cost:
        ax.axhline(0, color=COLOR_NEUTRAL, lw=1)
    ax.set(xlim=(0, 1), xlabel="Retentiegraad (deel van de klanten dat blijft)", ylabel="CLV per klant (€)",
           title=f"CLV bij een marge van {format_euro(margin)} per jaar"
                 f" en {format_percent(discount_rate, 0)} disconteringsvoet")
    set_percent_axis(ax, "x", 0)
    set_euro_axis(ax, "y")
    ax.legend(loc="upper left")
    return ax


def _example_migration():
    layers = list(pf.PYRAMID_LAYERS)
    table = pd.DataFrame(np.diag([8, 30, 120, 700, 250, 600, 800]), index=layers, columns=layers)
    table.loc["groot", "top"] = 3
    table.loc["klein", "inactief"] = 90
    table.loc["prospect", "klein"] = 60
    table.index.name, table.columns.name = "van", "naar"
    return {"table": table}


@register_plot(example=_example_migration)
def plot_pyramid_migration(table, *, ax=None):
    """Migration in the klantenpiramide between two years (§6.1) as a table-heatmap.

    Rows: layer in the first year; columns: layer in the second year. Cells above the diagonal
    (to a higher layer) are marked ▲, below ▼; every cell shows its count.
    """
    ax = get_ax(ax, figsize=(7.4, 5.2))
    data = table.to_numpy(dtype=float)
    shown = np.log1p(data)
    vmax = shown.max() if shown.max() > 0 else 1
    ax.imshow(shown, cmap="Blues", aspect="auto", vmin=0, vmax=vmax * 1.1)
    size = len(table.index)
    ax.plot([-0.5, size - 0.5], [-0.5, size - 0.5], color=COLOR_NEUTRAL, lw=0.8, ls=":")
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            if data[i, j] == 0:
                continue
            arrow = "" if i == j else (" ▲" if j < i else " ▼")
            ax.text(j, i, f"{format_number(data[i, j])}{arrow}", ha="center", va="center", fontsize=8.5,
                    color="white" if shown[i, j] > 0.6 * vmax else "black")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=30, ha="right")
    ax.set_yticks(range(len(table.index)), [str(c) for c in table.index])
    ax.set_xlabel(f"Laag in het tweede jaar ({table.columns.name or 'naar'})")
    ax.set_ylabel(f"Laag in het eerste jaar ({table.index.name or 'van'})")
    ax.grid(False)
    ax.set_title("Migratie in de klantenpiramide (▲ omhoog, ▼ omlaag)")
    return ax


def _example_clv_segments():
    return {"table": pd.DataFrame({"clv_oneindig": [9000.0, 4000.0, 2500.0], "cac": [1500.0, 1800.0, 900.0]},
                                  index=["zorg", "onderwijs", "horeca & recreatie"]),
            "cac_col": "cac"}


@register_plot(example=_example_clv_segments)
def plot_clv_segments(table, *, clv_col="clv_oneindig", cac_col=None, ax=None):
    """CLV per segment as horizontal bars (§6.4), with the acquisition cost (CAC) as a marker
    and the ratio CLV/CAC in the label."""
    ax = get_ax(ax, figsize=(7, 0.6 * len(table) + 1.6))
    data = table.sort_values(clv_col)
    names = [str(i) for i in data.index]
    values = data[clv_col].to_numpy(dtype=float)
    bars = ax.barh(names, values, color=PALETTE[0], label="CLV per klant")
    labels = [format_euro(x) for x in values]
    if cac_col:
        cac = data[cac_col].to_numpy(dtype=float)
        ax.plot(cac, names, "D", color=COLOR_HIGHLIGHT, markersize=8, label="Acquisitiekosten (CAC)")
        labels = [f"{format_euro(x)}  (CLV/CAC {format_number(x / c, 1) if c else '–'})"
                  for x, c in zip(values, cac)]
    label_bars(ax, bars, labels, fontsize=8.5)
    ax.set_xlim(0, max(values.max(), 1) * 1.45)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(5))  # euro labels are wide: at most five ticks
    set_euro_axis(ax, "x")
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set(xlabel="CLV per klant (€)", title="Customer Lifetime Value per segment")
    ax.legend(loc="lower right", fontsize=8.5)
    return ax
