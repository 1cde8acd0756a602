"""Charts for the stappenplan verkoopproces: Rogers' adoption curve, the cold/warm/hot
prospect split, recruitment channels, cohort retention and the cross-sell table."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._base import (
    COLOR_HIGHLIGHT,
    COLOR_MUTED,
    HATCHES,
    PALETTE,
    format_euro,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_percent_axis,
)

__all__ = ["plot_adoption_curve", "plot_prospect_split", "plot_channels", "plot_cohort_retention",
           "plot_cross_sell", "plot_retention_actions"]

# Okabe-Ito colours for the five segments, each paired with a hatch.
_SEGMENT_COLORS = [PALETTE[5], PALETTE[0], PALETTE[2], PALETTE[4], PALETTE[6]]
_TEMPERATURE_COLORS = {"cold": PALETTE[4], "warm": PALETTE[1], "hot": PALETTE[3]}


def _example_adoption():
    from ..process import adoption_segments

    return {"segments": adoption_segments(1200), "target": "early adopters"}


@register_plot(example=_example_adoption)
def plot_adoption_curve(segments=None, *, target=None, ax=None):
    """Adoptiecurve van Rogers (stappenplan fase 1): the bell curve with the five segments.

    ``segments`` is the table of :func:`salesnb.adoption_segments` (default: the course
    shares without counts). Every segment is shaded in its own colour and hatch and labelled
    with its name, share and (if present) count; ``target`` (a segment name or a list of
    names) is highlighted with a thick outline and the word "doelgroep".

    >>> from matplotlib.figure import Figure
    >>> from salesnb.process import adoption_segments
    >>> plot_adoption_curve(adoption_segments(100), target="early adopters", ax=Figure().add_subplot()).get_title()
    'Adoptiecurve van Rogers'
    """
    from ..process import adoption_segments

    if segments is None:
        segments = adoption_segments(0)
    targets = {target} if isinstance(target, str) else set(target or ())
    unknown = targets - set(segments["segment"])
    if unknown:
        from ..errors import InputError

        raise InputError(f"Onbekend doelsegment {sorted(unknown)[0]!r}; kies uit "
                         f"{', '.join(segments['segment'])}.")
    ax = get_ax(ax, figsize=(9, 4.2))
    artists = _draw_adoption(ax, segments)
    _update_adoption(artists, segments, targets)
    return ax


def _draw_adoption(ax, segments) -> dict:
    """Create the curve, the five fills, labels and 'doelgroep' markers once (widgets update them)."""
    x = np.linspace(-3.5, 3.5, 351)
    pdf = np.exp(-x ** 2 / 2) / math.sqrt(2 * math.pi)
    ax.plot(x, pdf, color="black", lw=1.5)
    fills, labels, markers = [], [], []
    for i, row in enumerate(segments.itertuples(index=False)):
        lo, hi = max(row.z_van, -3.5), min(row.z_tot, 3.5)
        mask = (x >= lo) & (x <= hi)
        fills.append(ax.fill_between(x[mask], 0, pdf[mask], facecolor=_SEGMENT_COLORS[i % 5],
                                     hatch=HATCHES[i % len(HATCHES)]))
        centre = (lo + hi) / 2 if math.isfinite(row.z_van) and math.isfinite(row.z_tot) else \
            (-2.55 if not math.isfinite(row.z_van) else 1.75)
        height = 0.44 if i % 2 == 0 else 0.56
        labels.append(ax.text(centre, height, "", ha="center", va="bottom", fontsize=9,
                              bbox=dict(boxstyle="round,pad=0.25", fc="white")))
        markers.append(ax.text(centre, pdf[np.argmin(np.abs(x - centre))] * 0.5, "doelgroep", ha="center",
                               fontsize=10, fontweight="bold", visible=False,
                               bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="black")))
    for z in (-2, -1, 0, 1):
        ax.axvline(z, color="black", lw=0.6, ls=":")
    ax.set_xticks([-2, -1, 0, 1], ["μ−2σ", "μ−σ", "μ", "μ+σ"])
    ax.set_xlim(-3.5, 3.5)
    ax.set_ylim(0, 0.74)
    ax.set_yticks([])
    ax.set_xlabel("Moment van adoptie (vroeg → laat)")
    ax.set_title("Adoptiecurve van Rogers")
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return {"fills": fills, "labels": labels, "markers": markers}


def _update_adoption(artists, segments, targets) -> None:
    """Write counts and shares into the labels and highlight the target segment(s)."""
    show_counts = segments["aantal"].sum() > 0
    for i, row in enumerate(segments.itertuples(index=False)):
        is_target = row.segment in targets
        fill, label, marker = artists["fills"][i], artists["labels"][i], artists["markers"][i]
        fill.set_alpha(0.95 if is_target else 0.45)
        fill.set_edgecolor("black" if is_target else "white")
        fill.set_linewidth(2.5 if is_target else 0.5)
        text = f"{row.segment}\n{format_percent(row.aandeel, 1)}"
        if show_counts:
            text += f"\n{format_number(row.aantal)} afnemers"
        label.set_text(text)
        label.set_fontweight("bold" if is_target else "normal")
        label.get_bbox_patch().set_edgecolor(COLOR_HIGHLIGHT if is_target else COLOR_MUTED)
        label.get_bbox_patch().set_linewidth(2 if is_target else 0.8)
        marker.set_visible(is_target)


def _example_split():
    from ..process import temperature_counts

    return {"counts": temperature_counts(["cold"] * 50 + ["warm"] * 30 + ["hot"] * 8)}


@register_plot(example=_example_split)
def plot_prospect_split(counts, *, ax=None):
    """Verdeling cold / warm / hot prospects (stappenplan fase 1) as labelled bars.

    ``counts`` is the table of :func:`salesnb.temperature_counts`; warm (the group to
    recruit) gets a thick outline.

    >>> from matplotlib.figure import Figure
    >>> from salesnb.process import temperature_counts
    >>> ax = plot_prospect_split(temperature_counts(["cold", "warm", "hot"]), ax=Figure().add_subplot())
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['cold', 'warm', 'hot']
    >>> all(float(x).is_integer() for x in ax.get_xticks())
    True
    """
    ax = get_ax(ax, figsize=(6.5, 3.2))
    labels = counts["temperatuur"].astype(str).tolist()
    values = counts["aantal"].to_numpy(float)
    shares = counts["aandeel"].to_numpy(float)
    colors = [_TEMPERATURE_COLORS.get(t, PALETTE[0]) for t in labels]
    bars = ax.barh(labels, values, color=colors, edgecolor="black",
                   linewidth=[2.5 if t == "warm" else 0.5 for t in labels])
    for bar, hatch in zip(bars, ["..", "//", "xx"]):
        bar.set_hatch(hatch)
    for bar, n, s in zip(bars, values, shares):
        ax.annotate(f"{format_number(n)} ({format_percent(s, 0)})", (bar.get_width(), bar.get_y()
                    + bar.get_height() / 2), xytext=(4, 0), textcoords="offset points", va="center")
    from matplotlib.ticker import MaxNLocator

    ax.set_xlim(0, max(values.max(), 1) * 1.3)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 prospects on the axis
    ax.invert_yaxis()
    ax.set(title="Prospects naar temperatuur (warm = werven)", xlabel="Aantal prospects")
    return ax


def _example_channels():
    return {"channels": pd.DataFrame({"source": ["online", "netwerken", "koude acquisitie"],
                                      "conversie": [0.05, 0.2, 0.03],
                                      "kosten_per_klant": [900.0, 600.0, 1500.0]})}


@register_plot(example=_example_channels)
def plot_channels(channels, *, channel_col="source", ax=None):
    """Wervingskanalen (stappenplan fase 1): conversion (bars) and cost per customer (labels).

    ``channels`` is the table of :func:`salesnb.channel_table` (one row per channel).

    >>> from matplotlib.figure import Figure
    >>> plot_channels(**_example_channels(), ax=Figure().add_subplot()).get_xlabel()
    'Conversie (lead → klant)'
    """
    ax = get_ax(ax, figsize=(7, 3.4))
    table = channels.sort_values("conversie")
    bars = ax.barh(table[channel_col].astype(str), table["conversie"], color=PALETTE[0])
    for bar, conv, cost in zip(bars, table["conversie"], table["kosten_per_klant"]):
        cost_text = "geen klanten" if pd.isna(cost) else f"{format_euro(cost)} per klant"
        ax.annotate(f"{format_percent(conv, 1)} · {cost_text}",
                    (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=9)
    ax.set_xlim(0, max(float(table["conversie"].max()), 0.01) * 1.9)
    set_percent_axis(ax, "x")
    ax.set(title="Conversie lead → klant per kanaal", xlabel="Conversie (lead → klant)")
    return ax


def _example_cohorts():
    return {"table": pd.DataFrame([[1.0, 0.8, 0.7], [1.0, 0.85, np.nan], [1.0, np.nan, np.nan]],
                                  index=pd.Index([2023, 2024, 2025], name="cohort"),
                                  columns=pd.Index([0, 1, 2], name="jaren_sinds"))}


def _heatmap(ax, values, rows, cols, fmt, vmin=0.0):
    data = np.ma.masked_invalid(np.asarray(values, dtype=float))
    image = ax.imshow(data, cmap="cividis", vmin=vmin, vmax=1, aspect="auto")
    middle = vmin + 0.55 * (1 - vmin)
    for (i, j), value in np.ndenumerate(np.asarray(values, dtype=float)):
        if not np.isnan(value):
            ax.text(j, i, fmt(value), ha="center", va="center", fontsize=9,
                    color="black" if value > middle else "white")
    ax.set_xticks(range(len(cols)), [str(c) for c in cols])
    ax.set_yticks(range(len(rows)), [str(r) for r in rows])
    return image


@register_plot(example=_example_cohorts)
def plot_cohort_retention(table, *, ax=None):
    """Klantbehoud per cohort (stappenplan fase 6): heatmap with the share in every cell.

    ``table`` is :func:`salesnb.cohort_retention` (shares). Light = many customers kept;
    every cell also carries its percentage, so colour is not needed to read it.

    >>> from matplotlib.figure import Figure
    >>> ax = plot_cohort_retention(**_example_cohorts(), ax=Figure().add_subplot())
    >>> sorted(t.get_text() for t in ax.texts)[:2]
    ['100%', '100%']
    """
    ax = get_ax(ax, figsize=(7, 0.45 * len(table) + 2))
    values = table.to_numpy(dtype=float)
    low = float(np.nanmin(values)) if np.isfinite(values).any() else 0.0
    _heatmap(ax, values, table.index, table.columns, lambda x: format_percent(x, 0),
             vmin=max(0.0, min(low, 0.9) - 0.1))
    ax.set(title="Klantbehoud per cohort (deel dat nog koopt)",
           xlabel="Jaren sinds het jaar van werving", ylabel="Cohort (jaar van werving)")
    ax.grid(False)
    return ax


def _example_cross_sell():
    from ..process import co_purchase

    orders = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3, 3, 3],
                           "product_group": ["koffie", "snacks", "koffie", "water", "koffie", "snacks",
                                             "water"]})
    return {"table": co_purchase(orders)}


@register_plot(example=_example_cross_sell)
def plot_cross_sell(table, *, ax=None):
    """Cross-selltabel (stappenplan fase 5): "klanten van rij X kopen ook kolom Y".

    ``table`` is :func:`salesnb.co_purchase`; the diagonal (always 100%) is left blank.

    >>> from matplotlib.figure import Figure
    >>> len(plot_cross_sell(**_example_cross_sell(), ax=Figure().add_subplot()).texts)  # 3×3 minus diagonal
    6
    """
    values = table.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    ax = get_ax(ax, figsize=(0.9 * len(table.columns) + 3, 0.5 * len(table) + 2))
    _heatmap(ax, values, table.index, table.columns, lambda x: format_percent(x, 0))
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns], rotation=30, ha="right")
    ax.set(title="Klanten van … (rij) kopen ook … (kolom)", xlabel="Kopen ook", ylabel="Klanten van")
    ax.grid(False)
    return ax


def _example_actions():
    from ..process import retention_action_value

    return {"actions": retention_action_value(1500, 900)}


@register_plot(example=_example_actions)
def plot_retention_actions(actions, *, ax=None):
    """Bindingsacties (stappenplan fase 6): extra marge against kosten per action.

    ``actions`` is :func:`salesnb.retention_action_value`; the net result is written on the bars.

    >>> from matplotlib.figure import Figure
    >>> plot_retention_actions(**_example_actions(), ax=Figure().add_subplot()).get_title()
    'Wat levert een bindingsactie op? (per jaar)'
    """
    ax = get_ax(ax, figsize=(7, 3.4))
    y = np.arange(len(actions))
    h = 0.38
    gain = ax.barh(y - h / 2, actions["extra_marge"], h, color=PALETTE[2], label="Extra marge")
    cost = ax.barh(y + h / 2, actions["kosten"], h, color=PALETTE[3], hatch="//", label="Kosten")
    for bar, result in zip(gain, actions["resultaat"]):
        ax.annotate(f"resultaat {format_euro(result)}", (bar.get_width(), bar.get_y() + h / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9)
    del cost
    ax.set_yticks(y, actions["actie"].astype(str))
    top = float(max(actions["extra_marge"].max(), actions["kosten"].max(), 1.0))
    ax.set_xlim(0, top * 1.6)
    from ._base import set_euro_axis

    from matplotlib.ticker import MaxNLocator

    set_euro_axis(ax, "x")
    ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.invert_yaxis()
    ax.legend(loc="lower right")
    ax.set(title="Wat levert een bindingsactie op? (per jaar)", xlabel="Bedrag (€)")
    return ax
