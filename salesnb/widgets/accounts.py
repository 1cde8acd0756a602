"""Slider explorations for H7 account management.

- :func:`key_account_explorer`: criteria weights → which accounts become key accounts (matrix redraw).
- :func:`workload_explorer`: form of account management (dropdown) and team size → workload per manager.
- :func:`wallet_goal_explorer`: share-of-wallet goal → revenue growth needed at one account.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib import rcParams
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from .. import accounts as acc
from .. import sample_company
from ..style import COLOR_HIGHLIGHT, COLOR_MUTED, COLOR_NEUTRAL, PALETTE
from ..display import format_euro, format_number, format_percent
from ._base import ChartExplorer, dropdown, int_slider, percent_slider, register_widget
from ._scale import FlexibleScale

__all__ = ["key_account_explorer", "workload_explorer", "wallet_goal_explorer", "FORM_OPTIONS"]


def _example_scores() -> dict:
    rng = np.random.default_rng(3)
    n = 40
    scores = pd.DataFrame({
        "omvang": rng.integers(1, 6, n), "groei": rng.integers(1, 6, n), "marge": rng.integers(1, 6, n),
        "share of wallet": rng.integers(1, 6, n), "relatie": rng.integers(1, 6, n),
    }, index=[f"Klant {i + 1}" for i in range(n)])
    return {"scores": scores, "revenue": rng.uniform(5_000, 200_000, n),
            "attractiveness": ["omvang", "groei", "marge"], "strength": ["share of wallet", "relatie"]}


def _example():
    """Company data when it is available, else a small made-up set."""
    try:
        return sample_company.key_account_example()
    except Exception:  # data not generated: fall back to the made-up example
        return _example_scores()


@register_widget(example=_example)
def key_account_explorer(scores: pd.DataFrame, revenue, attractiveness, strength, *,
                         cutoff: float = 3.0, weights: dict | None = None, scale=None) -> ChartExplorer:
    """Weights of the key-account criteria (§7.7) → which accounts land in the key account quadrant.

    ``scores`` holds one score column (1–5) per criterion, index = account names; ``attractiveness``
    and ``strength`` name the criterion columns of each axis. One slider per criterion (weight 0–10).
    """
    criteria = list(attractiveness) + list(strength)
    if scale is None:
        scale = (1.0, 10.0) if float(scores[criteria].to_numpy().max()) > 5 else (1.0, 5.0)
    low, high = scale
    pad = (high - low) * 0.06
    weights = dict(weights or {})
    names = {f"w{i}": c for i, c in enumerate(criteria)}
    rev = np.asarray(revenue, dtype=float)
    sizes = 20 + 700 * np.sqrt(np.clip(rev, 0, None) / max(rev.max(), 1e-9))
    labels = np.array([str(n) for n in scores.index], dtype=object)

    def compute(**w):
        wa = {names[k]: v for k, v in w.items() if names[k] in attractiveness}
        ws = {names[k]: v for k, v in w.items() if names[k] in strength}
        matrix = acc.key_account_matrix(scores, wa, ws, cutoff=cutoff)
        return {"matrix": matrix, "keys": list(labels[matrix["key_account"].to_numpy()]), "wa": wa, "ws": ws}

    def draw(ax, r):
        m = r["matrix"]
        ax.axvline(cutoff, color=COLOR_NEUTRAL, ls="--", lw=1)
        ax.axhline(cutoff, color=COLOR_NEUTRAL, ls="--", lw=1)
        ax.set_xlim(low - pad, high + pad)
        ax.set_ylim(low - pad, high + pad)
        for (qa, qs), (name, _) in acc.QUADRANTS.items():
            ax.text(high + pad * 0.8 if qs else low - pad * 0.8, high + pad * 0.8 if qa else low - pad * 0.8,
                    name, ha="right" if qs else "left",
                    va="top" if qa else "bottom", fontsize=9, fontweight="bold", color="#444444")
        other = ax.scatter([], [], color=PALETTE[0], alpha=0.45, edgecolor="white", label="overige accounts")
        key = ax.scatter([], [], color=COLOR_HIGHLIGHT, marker="D", edgecolor="black", alpha=0.85,
                         label="strategisch account")
        ax.set_xlabel("Eigen relatieve sterkte (gewogen score)")
        ax.set_ylabel("Aantrekkelijkheid (gewogen score)")
        ax.set_title("Portfoliomatrix (bolgrootte = omzet)")
        ax.legend(loc="lower right", fontsize=8, markerscale=0.5, framealpha=0.9,
                  bbox_to_anchor=(1.0, 0.08))
        artists = {"other": other, "key": key}
        update(artists, r)
        return artists

    def update(artists, r):
        m = r["matrix"]
        k = m["key_account"].to_numpy()
        xy = np.column_stack([m["sterkte"].to_numpy(), m["aantrekkelijkheid"].to_numpy()])
        artists["other"].set_offsets(xy[~k] if (~k).any() else np.empty((0, 2)))
        artists["other"].set_sizes(sizes[~k])
        artists["key"].set_offsets(xy[k] if k.any() else np.empty((0, 2)))
        artists["key"].set_sizes(sizes[k])

    def readout(r):
        keys = r["keys"]
        shown = ", ".join(keys[:8]) + (f" en nog {len(keys) - 8}" if len(keys) > 8 else "")
        share = rev[r["matrix"]["key_account"].to_numpy()].sum() / max(rev.sum(), 1e-9)
        def weighting(w):
            total = sum(w.values())
            return " · ".join(f"{c} {format_percent(v / total, 0)}" for c, v in w.items())

        return {"Weging aantrekkelijkheid": weighting(r["wa"]), "Weging sterkte": weighting(r["ws"]),
                "Aantal strategische accounts": format_number(len(keys)),
                "Omzetaandeel strategische accounts": format_percent(share, 1),
                "Key accounts": shown or "geen"}

    controls = {key: int_slider(f"Gewicht {'aantrekkelijkheid' if c in attractiveness else 'sterkte'}: {c}",
                                0, 10, 1, int(weights.get(c, 1)))
                for key, c in names.items()}
    return ChartExplorer(controls=controls, compute=compute, draw=draw, update=update, readout=readout,
                         title="Welke kandidaten worden strategisch account? Verschuif de gewichten van de criteria.",
                         figsize=(6.4, 4.8), readout_width="280px")


#: Forms of account management in the dropdown: label -> form (one or a combination).
FORM_OPTIONS: dict[str, object] = {
    "Geografie (rayons)": "geografie",
    "Branche": "branche",
    "Product/dienst": "product",
    "Waarde van de klant": "waarde",
    "Combinatie: waarde, dan geografie": ("waarde", "geografie"),
    "Combinatie: branche, dan geografie": ("branche", "geografie"),
}


def _example_workload():
    try:
        return {"accounts": sample_company.account_table()}
    except Exception:  # data not generated: a small made-up set
        rng = np.random.default_rng(5)
        n = 300
        revenue = rng.pareto(1.3, n) * 8_000 + 1_000
        tiers = acc.value_tiers(revenue)
        return {"accounts": pd.DataFrame({
            "province": rng.choice(["Utrecht", "Gelderland", "Noord-Holland", "Zuid-Holland", "Overig"], n),
            "sector": rng.choice(["zorg", "onderwijs", "overheid", "industrie"], n),
            "product_group": rng.choice(["koffie", "automaten", "water"], n),
            "klasse": tiers, "bezoeken": acc.visits_needed(tiers).to_numpy(), "revenue": revenue})}


def _update_workload(artists, r):
    visits = r["load"]["bezoeken"].to_numpy()
    n = len(visits)
    slots = max(n, 2) + 0.2  # the old x range 0.4 .. n + 0.6, mapped onto 0 .. 1
    y = artists["scale"]
    y.rescale(visits.max() + 1 / 1.18)
    for i, (bar, label, number) in enumerate(zip(artists["bars"], artists["labels"], artists["numbers"])):
        height = visits[i] if i < n else 0.0
        center = (i + 0.6) / slots
        bar.set_x(center - 0.4 / slots)
        bar.set_width(0.8 / slots)
        bar.set_height(y(height))
        bar.set_visible(i < n)
        label.set_position((center, y(height)))
        label.set_text(format_number(height) if i < n else "")
        number.set_x(center)
        number.set_text(str(i + 1) if i < n else "")
    mean = visits.mean()
    artists["mean"].set_ydata([y(mean), y(mean)])
    artists["mean"].set_label(f"gemiddeld {format_number(mean)}")
    artists["title"].set_text(f"Werklast per accountmanager: {r['vorm'].lower()}")


@register_widget(example=_example_workload, compares=True)
def workload_explorer(accounts: pd.DataFrame, *, n_managers: int = 12, form: str = "geografie",
                      max_managers: int = 20, form_cols=sample_company.COMPANY_FORMS) -> ChartExplorer:
    """Form of account management (§7.3–7.8) → visits per year per account manager.

    ``accounts`` is the accounts table (see :func:`salesnb.sample_company.account_table`): province,
    sector, product_group, klasse, bezoeken, revenue (``form_cols`` maps each form to its column).
    """
    start = next((label for label, f in FORM_OPTIONS.items() if f == form), "Geografie (rayons)")

    def compute(vorm, managers):
        chosen = FORM_OPTIONS[vorm]
        who = acc.assign_account_managers(accounts, chosen, n_managers=managers, form_cols=form_cols)
        load = acc.manager_workload(accounts, who)
        return {"load": load, "spread": acc.workload_inequality(load["bezoeken"]), "vorm": vorm}

    def draw(ax, r):
        # Fixed limits (a move stays a blit): the n bars are spread over x 0..1 (as xlim 0.4..n+0.6
        # would), their numbers are texts below the axis; the visits axis follows the busiest manager.
        bars = ax.bar(np.arange(max_managers) / max_managers, np.zeros(max_managers), color=PALETTE[0])
        labels = [ax.text(0, 0, "", ha="center", va="bottom", fontsize=7) for _ in range(max_managers)]
        mean = ax.axhline(0, color=COLOR_HIGHLIGHT, ls="--", lw=1.5, label="gemiddelde")
        ax.set_xlim(0, 1)
        ax.set_xticks([])
        down = ScaledTranslation(0, -(rcParams["xtick.major.size"] + rcParams["xtick.major.pad"]) / 72,
                                 ax.get_figure(root=True).dpi_scale_trans)
        numbers = [ax.text(0, 0, "", ha="center", va="top", fontsize=rcParams["xtick.labelsize"],
                           transform=blended_transform_factory(ax.transData, ax.transAxes) + down)
                   for _ in range(max_managers)]
        number_height = FontProperties(size=rcParams["xtick.labelsize"]).get_size_in_points() * 1.2
        ax.set_xlabel("Accountmanager (nummer)", labelpad=rcParams["xtick.major.size"] + rcParams["xtick.major.pad"]
                      + number_height + rcParams["axes.labelpad"])
        ax.set_ylabel("Bezoeken per jaar")
        scale = FlexibleScale(ax.yaxis, integer=True, upper=1.18,
                              largest=float(accounts["bezoeken"].sum()) if "bezoeken" in accounts else None)
        # Comparing forms and team sizes: the axis keeps twice the starting busiest manager's room.
        scale.hold(2 * float(r["load"]["bezoeken"].max()))
        title = ax.set_title("", fontsize=10)
        ax.legend(loc="upper right", frameon=False, fontsize=8)
        artists = {"bars": bars, "labels": labels, "mean": mean, "title": title, "ax": ax, "numbers": numbers,
                   "scale": scale, "ticklabels": scale.labels}
        _update_workload(artists, r)
        return artists

    def readout(r):
        load, spread = r["load"], r["spread"]
        ratio = "oneindig" if not np.isfinite(spread["max_min"]) else format_number(spread["max_min"], 1)
        return {"Accountmanagers met klanten": format_number(len(load)),
                "Bezoeken per manager (gem.)": format_number(load["bezoeken"].mean()),
                "Drukste / rustigste": ratio + " ×",
                "Klanten per manager": f"{format_number(load['klanten'].min())} – "
                                       f"{format_number(load['klanten'].max())}",
                "Omzet per manager": f"{format_euro(load['omzet'].min())} – {format_euro(load['omzet'].max())}"}

    return ChartExplorer(
        controls={"vorm": dropdown("Vorm van account management", list(FORM_OPTIONS), start),
                  "managers": int_slider("Aantal accountmanagers", 2, max_managers, 1, n_managers,
                                         unit="personen")},
        compute=compute, draw=draw, update=_update_workload, readout=readout,
        title="Wat betekent de vorm van account management voor de werklast?", readout_width="300px")


@register_widget(example=lambda: {"revenue": 60_000.0, "spend": 240_000.0, "name": "Voorbeeldklant"})
def wallet_goal_explorer(revenue: float, spend: float, *, name: str = "de klant",
                         goal: float | None = None, spend_growth: float = 0.0) -> ChartExplorer:
    """Share-of-wallet goal (§7.7, §7.9) → revenue we need at the account and the growth it means.

    Needed revenue = goal × the customer's spend (next year's spend grows by ``spend_growth``).
    """
    current = acc.share_of_wallet(revenue, spend)
    start = goal if goal is not None else min(0.95, round(current + 0.10, 2))

    def compute(doel, besteding_groei):
        new_spend = spend * (1 + besteding_groei)
        needed = doel * new_spend
        return {"needed": needed, "growth": needed - revenue,
                "growth_rate": needed / revenue - 1 if revenue > 0 else np.inf, "spend": new_spend}

    def draw(ax, r):
        bars = ax.bar(["Nu", "Doel"], [revenue, r["needed"]], color=[COLOR_MUTED, PALETTE[0]])
        bars[0].set_hatch("//")
        spend_line = ax.axhline(r["spend"], color="black", ls="--", lw=1.2, label="totale besteding klant")
        labels = [ax.text(i, h, format_euro(h), ha="center", va="bottom", fontsize=9)
                  for i, h in enumerate([revenue, r["needed"]])]
        ax.set_ylim(0, spend * 1.6)
        ax.set_ylabel("Omzet bij de klant (€)")
        from ..plots._base import set_euro_axis

        set_euro_axis(ax, "y")
        ax.set_title(f"Share-of-walletdoel voor {name}", fontsize=10)
        ax.legend(loc="upper left", frameon=False, fontsize=8)
        return {"bars": bars, "labels": labels, "spend": spend_line}

    def update(artists, r):
        artists["bars"][1].set_height(r["needed"])
        artists["labels"][1].set_y(r["needed"])
        artists["labels"][1].set_text(format_euro(r["needed"]))
        artists["spend"].set_ydata([r["spend"], r["spend"]])

    def readout(r):
        return {"Share of wallet nu": format_percent(current, 1),
                "Omzet nodig": format_euro(r["needed"]),
                "Extra omzet": format_euro(r["growth"]),
                "Groei": format_percent(r["growth_rate"], 1) if np.isfinite(r["growth_rate"]) else "—"}

    return ChartExplorer(
        controls={"doel": percent_slider("Doel share of wallet", 0.05, 1.0, 0.05, start),
                  "besteding_groei": percent_slider("Groei totale besteding klant", -0.2, 0.3, 0.05,
                                                    spend_growth)},
        compute=compute, draw=draw, update=update, readout=readout,
        title="Van share-of-walletdoel naar omzetdoel")
