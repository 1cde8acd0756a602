"""Overview charts of the company data for the start notebook."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import _validate as v
from ._base import HATCHES, PALETTE, get_ax, register_plot, set_euro_axis

__all__ = ["revenue_by_year", "plot_revenue_by_year"]


def revenue_by_year(orders: pd.DataFrame, *, by: str = "product_group",
                    date_col: str = "date", revenue_col: str = "revenue") -> pd.DataFrame:
    """Revenue (omzet, excl. btw) per calendar year (rows) and per ``by`` (columns).

    >>> orders = pd.DataFrame({"date": pd.to_datetime(["2024-03-01", "2024-05-01", "2025-01-01"]),
    ...                        "product_group": ["koffie", "thee", "koffie"],
    ...                        "revenue": [100.0, 50.0, 80.0]})
    >>> revenue_by_year(orders)
    product_group  koffie  thee
    jaar
    2024            100.0  50.0
    2025             80.0   0.0
    """
    v.table(orders, "orders", [date_col, revenue_col, by])
    revenue = v.column_numbers(orders, revenue_col, "orders")
    years = v.dates(orders[date_col], f"orders['{date_col}']").dt.year.to_numpy()
    frame = pd.DataFrame({"jaar": years, by: orders[by].to_numpy(), "omzet": revenue})
    table = frame.pivot_table(index="jaar", columns=by, values="omzet", aggfunc="sum",
                              fill_value=0.0, observed=True)
    table.columns = table.columns.astype(str)
    table.columns.name = by
    return table


@register_plot(example=lambda: {"orders": __import__("salesnb").load("orders")})
def plot_revenue_by_year(orders: pd.DataFrame, *, by: str = "product_group", ax=None):
    """Stacked bars: revenue per year, split by ``by`` (default the product group)."""
    table = revenue_by_year(orders, by=by)
    ax = get_ax(ax)
    bottom = np.zeros(len(table))
    for i, column in enumerate(table.columns):
        ax.bar(table.index.astype(str), table[column].to_numpy(), bottom=bottom, label=column,
               color=PALETTE[i % len(PALETTE)], hatch=HATCHES[i % len(HATCHES)],
               edgecolor="white", linewidth=0.5)
        bottom += table[column].to_numpy()
    ax.set_title("Omzet per jaar per productgroep")
    ax.set_xlabel("jaar")
    ax.set_ylabel("omzet (excl. btw)")
    set_euro_axis(ax, "y")
    ax.legend(title="productgroep", fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax
