"""Charts for H3 lead management: funnel per lead source, MQL threshold trade-off,
cold-acquisition ratio chain and the BPKV scores of one tender."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import (
    COLOR_HIGHLIGHT,
    COLOR_MUTED,
    HATCHES,
    PALETTE,
    format_number,
    format_percent,
    get_ax,
    register_plot,
    set_number_axis,
    set_percent_axis,
)

__all__ = ["plot_funnel_by_source", "plot_lead_funnel", "plot_mql_tradeoff", "plot_ratio_chain",
           "plot_bpkv"]


def _example_funnel():
    from ..data import load
    from ..leads import funnel_by_source

    return {"funnel": funnel_by_source(load("leads"))}


def _funnel_columns(funnel: pd.DataFrame):
    from .. import _validate as v

    v.table(funnel, "funnel", ["bron", "fase", "aantal", "conversie", "vanaf_start"])
    sources = list(dict.fromkeys(funnel["bron"].astype(str)))
    stages = list(dict.fromkeys(funnel["fase"].astype(str)))
    return sources, stages


@register_plot(example=_example_funnel)
def plot_funnel_by_source(funnel: pd.DataFrame, *, sources=None, ax=None):
    """Funnel per lead source side by side (conversie per leadbron, §3.1).

    ``funnel`` is the output of :func:`salesnb.funnel_by_source`. Each source is one
    funnel in the look of the sales funnel of H5 (:func:`plot_funnel`): centred bars,
    width = share of the source's leads that reached the stage (the top bar is 100%),
    the number in the bar and "↓ x%" = conversion to the next stage between the bars.
    Sources differ by colour and hatching, and are named above their column.
    """
    from .funnel import funnel_geometry

    all_sources, stages = _funnel_columns(funnel)
    sources = all_sources if sources is None else [str(s) for s in sources]
    ax = get_ax(ax, figsize=(max(6.5, 2.7 * len(sources)), 0.6 * len(stages) + 1.8))
    y = np.arange(len(stages))[::-1] * 1.0
    scale = 0.8  # a funnel's top bar spans 0.8 of its column
    for i, source in enumerate(sources):
        part = funnel[funnel["bron"].astype(str) == source].set_index("fase").reindex(stages)
        n = part["aantal"].fillna(0).to_numpy(dtype=float)
        left, width = funnel_geometry(n)
        ax.barh(y, width * scale, left=i + left * scale, height=0.62, color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[i % len(HATCHES)], edgecolor="white", linewidth=0.5)
        for j in range(len(stages)):
            ax.text(i, y[j], format_number(n[j]), ha="center", va="center", fontsize=8.5, fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85})
            if j + 1 < len(stages) and n[j] > 0:
                ax.text(i + 0.08, (y[j] + y[j + 1]) / 2, f"↓ {format_percent(n[j + 1] / n[j], 0)}",
                        ha="left", va="center", fontsize=8, color="#333333")
    ax.set_yticks(y, stages)
    ax.set_xticks(range(len(sources)), sources)
    ax.xaxis.set_ticks_position("top")
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.5, len(sources) - 0.5)
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title("Leadfunnel per bron", pad=24)
    ax.set_xlabel("breedte = aandeel van de leads van die bron; ↓ = conversie naar de volgende fase")
    return ax


@register_plot(example=lambda: {"funnel": _example_funnel()["funnel"], "source": "online"})
def plot_lead_funnel(funnel: pd.DataFrame, *, source=None, ax=None):
    """One lead funnel (leadfasen, §3.1), drawn exactly like the sales funnel of H5
    (:func:`plot_funnel`). ``source=None`` adds all sources up."""
    from .funnel import plot_funnel

    _, stages = _funnel_columns(funnel)
    if source is None:
        counts = funnel.groupby("fase", sort=False)["aantal"].sum().reindex(stages)
        title = "Leadfunnel, alle bronnen"
    else:
        part = funnel[funnel["bron"].astype(str) == str(source)]
        if part.empty:
            from ..errors import InputError

            raise InputError(f"Bron {source!r} staat niet in de tabel; kies uit "
                             f"{', '.join(repr(s) for s in funnel['bron'].unique())}.")
        counts = part.set_index("fase")["aantal"].reindex(stages)
        title = f"Leadfunnel: {source}"
    n = counts.fillna(0).to_numpy(dtype=float)
    nxt = np.append(n[1:], np.nan)
    conversion = np.divide(nxt, n, out=np.full(len(n), np.nan), where=n > 0)
    table = pd.DataFrame({"stage": stages, "aantal": n, "conversie": conversion})
    return plot_funnel(table, title=title, unit="leads", ax=ax)


def _example_tradeoff():
    from ..data import load
    from ..leads import mql_tradeoff
    from ..vocabulary import MQL_THRESHOLD

    leads = load("leads")
    return {"tradeoff": mql_tradeoff(leads["lead_score"], leads["stage_reached"] == "klant",
                                     thresholds=range(0, 101, 5)), "threshold": MQL_THRESHOLD}


@register_plot(example=_example_tradeoff)
def plot_mql_tradeoff(tradeoff: pd.DataFrame, *, threshold=None, ax=None):
    """MQL threshold trade-off (leadscoring, §3.1): share of leads that become MQL
    (volume), precision (share of MQLs that convert) and coverage (share of converters
    caught) against the threshold. ``tradeoff`` comes from :func:`salesnb.mql_tradeoff`.
    """
    from .. import _validate as v

    v.table(tradeoff, "tradeoff", ["drempel", "aandeel", "precisie", "dekking"])
    ax = get_ax(ax)
    x = tradeoff["drempel"].to_numpy(dtype=float)
    ax.plot(x, tradeoff["aandeel"], color=PALETTE[0], marker="o", ms=4, label="volume: aandeel leads dat MQL wordt")
    ax.plot(x, tradeoff["precisie"], color=PALETTE[1], marker="s", ms=4, ls="--",
            label="precisie: aandeel MQL's dat klant wordt")
    ax.plot(x, tradeoff["dekking"], color=PALETTE[2], marker="^", ms=4, ls=":",
            label="dekking: aandeel klanten dat MQL was")
    if threshold is not None:
        ax.axvline(threshold, color="#444444", lw=1.2)
        ax.annotate(f"drempel {format_number(threshold)}", (threshold, 1.02), xycoords=("data", "axes fraction"),
                    ha="center", va="bottom", fontsize=9)
    ax.set_ylim(0, 1.05)
    set_percent_axis(ax, "y")
    ax.set_xlabel("MQL-drempel (leadscore in punten)")
    ax.set_ylabel("Aandeel")
    ax.set_title("Leadscoring: volume tegenover precisie", pad=18)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=1, fontsize=8.5)
    return ax


def _example_chain():
    from ..leads import ratio_chain

    return {"chain": ratio_chain([400, 120, 30, 15, 5])}


@register_plot(example=_example_chain)
def plot_ratio_chain(chain: pd.DataFrame, *, log: bool = True, ax=None):
    """The cold-acquisition ratio chain (koude acquisitie, §3.2) as bars per stage with
    the ratio "1 op x" on arrows between the stages. ``chain`` comes from
    :func:`salesnb.ratio_chain` or :func:`salesnb.calls_needed` (column ``nodig``).

    The stages differ by factors of ten (hundreds of calls, a handful of orders), so by
    default the value axis is logarithmic (``log=True``) with plain Dutch ticks (1, 10,
    100, 1.000): the order bar stays visible and equal steps are equal ratios. The exact
    number stands on each bar; the legend says the hatched bar is the result (the orders).

    >>> from matplotlib.figure import Figure
    >>> from salesnb.leads import ratio_chain
    >>> ax = plot_ratio_chain(ratio_chain([400, 120, 30, 15, 5]), ax=Figure().add_subplot())
    >>> ax.get_yscale(), [t.get_text() for t in ax.texts if t.get_text().startswith("1 op")][:2]
    ('log', ['1 op 3,3', '1 op 4,0'])
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['activiteit (tussenfase)', 'resultaat: order']
    """
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

    from .. import _validate as v

    column = "aantal" if "aantal" in chain.columns else "nodig"
    v.table(chain, "chain", ["fase", column])
    ax = get_ax(ax)
    values = chain[column].to_numpy(dtype=float)
    stages = chain["fase"].astype(str).tolist()
    x = np.arange(len(stages))
    colors = [PALETTE[0]] * (len(stages) - 1) + [COLOR_HIGHLIGHT]
    top = max(float(np.nanmax(values)) if len(values) else 1.0, 1.0)
    positive = values[values > 0]
    if log:
        smallest = float(positive.min()) if positive.size else 1.0
        low = 10.0 ** np.floor(np.log10(smallest))
        if smallest / low < 2.5:  # the smallest bar at least a few millimetres tall
            low /= 10
        span = np.log10(top) - np.log10(low)
        # bars fill the lower 70%: room above for their numbers and the arrows
        high = 10.0 ** (np.log10(low) + span / 0.70)
        bottom, limits = low, (low, high)
    else:
        bottom, limits = 0.0, (0.0, top / 0.70)
    heights = np.where(values > 0, values, bottom) - bottom if log else values
    bars = ax.bar(x, heights, bottom=bottom, color=colors, width=0.6, edgecolor="white", linewidth=0.5)
    bars[-1].set_hatch("//")
    for i, bar in enumerate(bars):
        ax.annotate(format_number(values[i]), (bar.get_x() + bar.get_width() / 2, max(values[i], bottom)),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom", fontsize=9,
                    fontweight="bold" if i == len(bars) - 1 else "normal")
    # the conversion between stages on arrows in a band above all bars (never over a bar)
    for i in range(1, len(stages)):
        if values[i] > 0:
            ax.annotate(f"1 op {format_number(values[i - 1] / values[i], 1)}", ((x[i - 1] + x[i]) / 2, 0.9),
                        xycoords=("data", "axes fraction"), ha="center", va="center", fontsize=8.5,
                        color="#333333", bbox={"boxstyle": "rarrow,pad=0.25", "fc": "#F2F2F2", "ec": "#999999"})
    ax.set_xticks(x, stages)
    ax.set_xlim(-0.5, len(stages) - 0.5)
    ax.set_ylim(*limits)
    if log:
        ax.set_yscale("log")
        ax.set_ylim(*limits)
        decades = 10.0 ** np.arange(np.log10(low), np.log10(top) + 1.0 + 1e-9)
        ax.yaxis.set_major_locator(FixedLocator([d for d in decades if d <= limits[1]]))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.yaxis.set_major_formatter(FuncFormatter(lambda value, pos: format_number(value, 0 if value >= 1 else 1)))
        ax.set_ylabel("Aantal (logaritmische schaal)")
    else:
        set_number_axis(ax, "y")
        ax.set_ylabel("Aantal")
    ax.legend(handles=[Patch(facecolor=PALETTE[0], edgecolor="white", label="activiteit (tussenfase)"),
                       Patch(facecolor=COLOR_HIGHLIGHT, edgecolor="white", hatch="//",
                             label=f"resultaat: {stages[-1]}")],
              loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8.5, frameon=False)
    ax.set_title("Koude acquisitie: de ratioketen (1 op x = van de vorige fase nodig voor één)", fontsize=10)
    return ax


def _example_bpkv():
    from ..data import load
    from ..leads import tender_results

    results = tender_results(load("tender_bids"), load("tenders"))
    sizes = results.groupby("tender_id")["bidder"].transform("size")
    tender = results.loc[(sizes >= 3) & results["quality_score"].notna(), "tender_id"].iloc[0]
    scores = results[results["tender_id"] == tender].drop(columns=["tender_id"])
    own = scores.loc[scores["is_own"], "bidder"].tolist()
    return {"scores": scores, "own": own}


def _bpkv_bar_data(scores: pd.DataFrame, own=None):
    """Labels and bar lengths for :func:`plot_bpkv` (shared with the BPKV widget)."""
    order = scores.sort_values("totaal", ascending=True, kind="stable")
    bidder_col = order.columns[0]
    names = order[bidder_col].astype(str).tolist()
    own_names = {str(o) for o in ([own] if isinstance(own, str) else (own or []))}
    labels = [f"{n} (wij)" if n in own_names else n for n in names]
    return (labels, order["prijspunten"].to_numpy(float), order["kwaliteitspunten"].to_numpy(float),
            order["winnaar"].to_numpy(bool))


@register_plot(example=_example_bpkv)
def plot_bpkv(scores: pd.DataFrame, *, own=None, total_points: float = 100, ax=None):
    """BPKV scores of one tender (beste prijs-kwaliteitverhouding, §3.4): stacked price
    points (solid) and quality points (hatched) per bidder, the winner marked.

    ``scores`` is the output of :func:`salesnb.bpkv_scores` (first column = bidder);
    ``own`` names our own bid(s), shown with "(wij)".
    """
    from .. import _validate as v

    v.table(scores, "scores", ["prijspunten", "kwaliteitspunten", "totaal", "winnaar"])
    labels, price, quality, winner = _bpkv_bar_data(scores, own)
    ax = get_ax(ax, figsize=(7, 0.6 * len(labels) + 1.8))
    y = np.arange(len(labels))
    ax.barh(y, price, color=PALETTE[0], height=0.6, label="prijspunten")
    ax.barh(y, quality, left=price, color=PALETTE[4], hatch="//", edgecolor="white", height=0.6,
            label="kwaliteitspunten")
    for i in range(len(labels)):
        total = price[i] + quality[i]
        text = format_number(total, 1) + ("  ★ winnaar" if winner[i] else "")
        ax.annotate(text, (total, y[i]), xytext=(4, 0), textcoords="offset points", va="center",
                    fontsize=9, fontweight="bold" if winner[i] else "normal")
    ax.set_yticks(y, labels)
    for tick, win in zip(ax.get_yticklabels(), winner):
        if win:
            tick.set_fontweight("bold")
    ax.set_xlim(0, total_points * 1.22)
    ax.grid(axis="x")
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Punten")
    ax.set_title("BPKV-score per inschrijver")
    ax.legend(loc="lower right", fontsize=8.5)
    return ax
