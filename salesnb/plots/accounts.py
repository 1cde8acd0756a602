"""Charts for H7 account management: key account matrix, DMU coverage, share of wallet,
workload per account manager."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..accounts import QUADRANTS
from ..vocabulary import DMU_ROLES
from ._base import (
    legend_above,
    COLOR_HIGHLIGHT,
    COLOR_MUTED,
    COLOR_NEUTRAL,
    PALETTE,
    format_euro,
    format_number,
    format_percent,
    get_ax,
    label_bars,
    register_plot,
    set_percent_axis,
)

__all__ = ["plot_key_account_matrix", "plot_dmu_coverage", "plot_share_of_wallet", "plot_workload"]


def _example_matrix():
    frame = pd.DataFrame({"aantrekkelijkheid": [4.2, 3.6, 2.1, 1.5, 4.6],
                          "sterkte": [4.0, 2.2, 3.9, 1.8, 3.2],
                          "key_account": [True, False, False, False, True]},
                         index=["Zorggroep Eem", "ROC Midden", "Gemeente Baarn", "Bakkerij Vos", "TechPark"])
    return {"matrix": frame, "revenue": [220_000, 90_000, 60_000, 8_000, 150_000]}


@register_plot(example=_example_matrix)
def plot_key_account_matrix(matrix: pd.DataFrame, revenue=None, *, cutoff: float = 3.0,
                            scale=None, label_top: int = 10, ax=None):
    """Key account matrix (§7.7): attractiveness (y) × own relative strength (x), bubble = revenue.

    ``matrix`` comes from :func:`salesnb.key_account_matrix` (columns aantrekkelijkheid, sterkte,
    key_account); its index gives the account names. Key accounts are orange diamonds; the
    ``label_top`` largest carry a number that the list beside the chart names. The other
    accounts are blue circles; the quadrants carry their names.
    """
    ax = get_ax(ax, figsize=(9.5, 6))
    x = matrix["sterkte"].to_numpy(dtype=float)
    y = matrix["aantrekkelijkheid"].to_numpy(dtype=float)
    key = matrix["key_account"].to_numpy(dtype=bool)
    rev = np.ones(len(matrix)) if revenue is None else np.asarray(revenue, dtype=float)
    sizes = 30 + 900 * np.sqrt(np.clip(rev, 0, None) / max(rev.max(), 1e-9))
    if scale is None:  # 1-5 scores, or 1-10 as in the company data
        scale = (1.0, 10.0) if max(x.max(), y.max()) > 5 else (1.0, 5.0)
    low, high = scale
    margin = (high - low) * 0.08
    lo = max(low - margin, min(x.min(), y.min(), cutoff) - margin)
    hi = min(high + margin, max(x.max(), y.max(), cutoff) + margin)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.axvline(cutoff, color=COLOR_NEUTRAL, lw=1, ls="--", zorder=1)
    ax.axhline(cutoff, color=COLOR_NEUTRAL, lw=1, ls="--", zorder=1)
    corners = {(True, True): (hi, hi, "right", "top"), (True, False): (lo, hi, "left", "top"),
               (False, True): (hi, lo, "right", "bottom"), (False, False): (lo, lo, "left", "bottom")}
    for quadrant, (qx, qy, ha, va) in corners.items():
        ax.annotate(QUADRANTS[quadrant][0], (qx, qy), xytext=(-6 if ha == "right" else 6, -6 if va == "top" else 6),
                    textcoords="offset points", ha=ha, va=va, fontsize=10, fontweight="bold",
                    color="#444444", zorder=5)
    ax.scatter(x[~key], y[~key], s=sizes[~key], color=PALETTE[0], alpha=0.45, edgecolor="white",
               linewidth=0.6, label="overige accounts", zorder=2)
    ax.scatter(x[key], y[key], s=sizes[key], color=COLOR_HIGHLIGHT, alpha=0.75, edgecolor="black",
               linewidth=1.0, marker="D", label="strategisch account", zorder=3)
    names = [str(n) for n in matrix.index]
    keys = [i for i in np.argsort(-rev, kind="stable") if key[i]][:label_top]
    lines = []
    for numbers, (px, py) in _label_groups(keys, x, y, near=(hi - lo) * 0.03):
        ax.annotate(", ".join(str(n) for n in numbers), (px, py), ha="center", va="center", fontsize=8,
                    fontweight="bold", zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7})
    for number, i in enumerate(keys, start=1):
        lines.append(f"{number}. {names[i]}")
    if lines:
        more = int(key.sum()) - len(lines)
        text = "Grootste strategische accounts (omzet):\n" + "\n".join(lines)
        if more > 0:
            text += f"\n(en nog {more} andere)"
        ax.text(1.03, 1.0, text, transform=ax.transAxes, va="top", ha="left", fontsize=8, linespacing=1.5)
    ax.set_xlabel("Eigen relatieve sterkte bij de klant (score)")
    ax.set_ylabel("Aantrekkelijkheid van de klant (score)")
    ax.set_title("Portfoliomatrix (bolgrootte = omzet)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False, markerscale=0.4)
    return ax


def _label_groups(keys, x, y, *, near: float):
    """Group the numbered key accounts whose points lie within ``near`` of each other (scores are
    averages of whole numbers, so several accounts often share a point): one label "2, 5" per
    group, at the point of its largest account. Deterministic: keys are in revenue order."""
    groups: list[tuple[list[int], tuple[float, float]]] = []
    for number, i in enumerate(keys, start=1):
        for numbers, (px, py) in groups:
            if abs(x[i] - px) <= near and abs(y[i] - py) <= near:
                numbers.append(number)
                break
        else:
            groups.append(([number], (float(x[i]), float(y[i]))))
    return groups


def _example_dmu():
    from ..accounts import dmu_coverage

    contacts = pd.DataFrame({"customer_id": ["Zorggroep Eem"] * 3 + ["ROC Midden"] * 2,
                             "role": ["beslisser", "inkoper", "gebruiker", "inkoper", "poortwachter"]})
    return {"coverage": dmu_coverage(contacts)}


@register_plot(example=_example_dmu)
def plot_dmu_coverage(coverage: pd.DataFrame, *, roles=DMU_ROLES, ax=None):
    """DMU contact matrix (§7.7, §7.9): per account (row) which DMU roles we have met (✓) or not (–)."""
    roles = [r for r in roles if r in coverage.columns]
    grid = coverage[roles].to_numpy(dtype=bool)
    n_rows = len(coverage)
    ax = get_ax(ax, figsize=(1.2 * len(roles) + 3, 0.45 * n_rows + 1.5))
    from matplotlib.colors import ListedColormap

    ax.imshow(grid.astype(int), cmap=ListedColormap(["#F2F2F2", PALETTE[2]]), vmin=0, vmax=1, aspect="auto")
    for i in range(n_rows):
        for j in range(len(roles)):
            ax.text(j, i, "✓" if grid[i, j] else "–", ha="center", va="center",
                    color="white" if grid[i, j] else "#555555", fontsize=11, fontweight="bold")
    ax.set_xticks(range(len(roles)), roles, rotation=30, ha="right")
    labels = [f"{name}  ({format_percent(c, 0)})" for name, c in zip(coverage.index, coverage["dekking"])]
    ax.set_yticks(range(n_rows), labels)
    ax.set_xticks(np.arange(-0.5, len(roles)), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel("DMU-rol (✓ = contact gehad, – = nog niet gesproken)")
    ax.set_title("DMU-contactdekking per account (tussen haakjes: dekking)")
    return ax


@register_plot(example=lambda: {"share": pd.Series([0.62, 0.35, 0.18], index=["A", "B", "C"]),
                                "target": 0.5})
def plot_share_of_wallet(share, *, target: float | None = None, ax=None):
    """Share of wallet per account (§7.7): our part of the customer's spend (bar) and the rest (grey)."""
    share = pd.Series(share).sort_values()
    ax = get_ax(ax, figsize=(7, 0.4 * len(share) + 1.6))
    names = [str(n) for n in share.index]
    ours = ax.barh(names, share.to_numpy(), color=PALETTE[0], label="bij ons")
    ax.barh(names, 1 - share.to_numpy(), left=share.to_numpy(), color=COLOR_MUTED, hatch="//",
            edgecolor="white", label="bij concurrenten")
    label_bars(ax, ours, fmt=lambda v: format_percent(v, 0), inside=True, color="white", fontsize=8)
    if target is not None:
        ax.axvline(target, color="black", ls="--", lw=1.2, label=f"doel {format_percent(target, 0)}")
    ax.set_xlim(0, 1)
    set_percent_axis(ax, "x")
    ax.set_xlabel("Share of wallet (deel van de klantbesteding in onze categorie)")
    ax.set_title("Share of wallet per account", pad=26)
    legend_above(ax, ncols=3)
    return ax


@register_plot(example=lambda: {"workload": pd.DataFrame(
    {"klanten": [120.0, 80.0, 95.0], "omzet": [1.2e6, 0.9e6, 1.0e6], "bezoeken": [300.0, 180.0, 240.0]},
    index=pd.Index(["AM 1", "AM 2", "AM 3"], name="accountmanager")), "form": "geografie"})
def plot_workload(workload: pd.DataFrame, *, measure_col: str = "bezoeken", form: str | None = None,
                  title: str | None = None, ax=None):
    """Workload per account manager under one form of account management (§7.3–7.8).

    ``workload`` comes from :func:`salesnb.manager_workload`; ``measure_col`` is ``"bezoeken"``,
    ``"klanten"`` or ``"omzet"``. A dashed line marks the average.
    """
    units = {"bezoeken": "Bezoeken per jaar", "klanten": "Aantal klanten", "omzet": "Omzet (€)"}
    fmt = format_euro if measure_col == "omzet" else format_number
    ax = get_ax(ax, figsize=(7, 4))
    values = workload[measure_col].to_numpy(dtype=float)
    bars = ax.bar([str(n) for n in workload.index], values, color=PALETTE[0])
    label_bars(ax, bars, fmt=fmt, fontsize=8)
    mean = values.mean() if len(values) else 0.0
    ax.axhline(mean, color=COLOR_HIGHLIGHT, ls="--", lw=1.5, label=f"gemiddeld {fmt(mean)}")
    ax.set_ylim(0, max(values.max() if len(values) else 1, 1) * 1.15)
    if measure_col == "omzet":
        from ._base import set_euro_axis

        set_euro_axis(ax, "y")
    ax.set_ylabel(units.get(measure_col, measure_col))
    ax.set_xlabel("Accountmanager")
    names = [str(n) for n in workload.index]
    if len(values) > 8 or max((len(n) for n in names), default=0) > 8:
        for label in ax.get_xticklabels():
            label.set_rotation(40)
            label.set_horizontalalignment("right")
    suffix = f" bij indeling naar {form}" if form else ""
    ax.set_title(title or f"Werklast per accountmanager{suffix}")
    ax.legend(loc="upper right", frameon=False)
    return ax
