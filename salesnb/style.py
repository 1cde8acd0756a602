"""Chart style, colour-blind-safe palette and Dutch number formatting.

This is the **only** module that changes matplotlib's global ``rcParams``, and only
when :func:`use_style` is called. Importing it (or ``salesnb``) imports neither
matplotlib nor pyplot.

Palette: Okabe–Ito (colour-blind safe). Where colour alone would carry meaning,
add labels or use :data:`HATCHES` as well.

Dutch number formatting (thousands ``.``, decimals ``,``) for chart labels,
widget readouts, exercise feedback and notebooks:

>>> format_euro(1234.5)
'€ 1.235'
>>> format_euro(1234.5, decimals=2)
'€ 1.234,50'
>>> format_percent(0.15)
'15,0%'
>>> format_number(1234567.891, decimals=2)
'1.234.567,89'

The module is callable: ``salesnb.style("presentation")`` is ``use_style("presentation")``.
"""

from __future__ import annotations

import math
import sys
import types
from decimal import ROUND_HALF_UP, Decimal
import numbers

__all__ = [
    "use_style",
    "STYLES",
    "OKABE_ITO",
    "PALETTE",
    "HATCHES",
    "COLOR_POSITIVE",
    "COLOR_NEUTRAL",
    "COLOR_NEGATIVE",
    "COLOR_HIGHLIGHT",
    "COLOR_MUTED",
    "format_number",
    "format_euro",
    "format_percent",
    "format_nps",
]

#: The eight Okabe–Ito colours by name.
OKABE_ITO = {
    "zwart": "#000000",
    "oranje": "#E69F00",
    "hemelsblauw": "#56B4E9",
    "blauwgroen": "#009E73",
    "geel": "#F0E442",
    "blauw": "#0072B2",
    "vermiljoen": "#D55E00",
    "paars": "#CC79A7",
}

#: Colour cycle for categories, in the order charts should use them.
PALETTE = [
    OKABE_ITO["blauw"],
    OKABE_ITO["oranje"],
    OKABE_ITO["blauwgroen"],
    OKABE_ITO["vermiljoen"],
    OKABE_ITO["hemelsblauw"],
    OKABE_ITO["paars"],
    OKABE_ITO["geel"],
    OKABE_ITO["zwart"],
]

#: Hatch patterns to pair with PALETTE where colour alone would carry meaning.
HATCHES = ["", "//", "..", "xx", "\\\\", "oo", "--", "++"]

#: Semantic colours: good (promotors, growth), neutral (passief), bad (criticasters, loss).
COLOR_POSITIVE = OKABE_ITO["blauwgroen"]
COLOR_NEUTRAL = "#999999"
COLOR_NEGATIVE = OKABE_ITO["vermiljoen"]
#: Emphasis (the one bar or line the chart is about) and de-emphasis.
COLOR_HIGHLIGHT = OKABE_ITO["oranje"]
COLOR_MUTED = "#BBBBBB"

_COMMON = {
    "axes.prop_cycle": None,  # filled in lazily (needs matplotlib's cycler)
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "axes.axisbelow": True,
    "grid.color": "#DDDDDD",
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "hatch.color": "#333333",
}

#: rcParams per style name (on top of matplotlib's defaults).
STYLES = {
    "course": {
        **_COMMON,
        "figure.figsize": (7.0, 4.2),
        "figure.dpi": 100,
        "font.size": 10.5,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "axes.labelsize": 10.5,
        "lines.linewidth": 2.0,
        "lines.markersize": 6,
        "legend.fontsize": 9.5,
    },
    "presentation": {
        **_COMMON,
        "figure.figsize": (10.0, 6.0),
        "figure.dpi": 100,
        "font.size": 17,
        "axes.titlesize": 21,
        "axes.titleweight": "bold",
        "axes.labelsize": 18,
        "xtick.labelsize": 15,
        "ytick.labelsize": 15,
        "legend.fontsize": 15,
        "lines.linewidth": 4.0,
        "lines.markersize": 11,
        "axes.linewidth": 1.6,
        "patch.linewidth": 1.4,
        "xtick.major.width": 1.6,
        "ytick.major.width": 1.6,
        "grid.linewidth": 1.2,
    },
}


def use_style(name: str = "course") -> None:
    """Apply a chart style: ``"course"`` (readable defaults) or ``"presentation"``.

    ``"presentation"`` is for a projector in class: large fonts, thick lines. Call
    again to switch back. This is the only function in salesnb that changes
    matplotlib's ``rcParams``.

    >>> import matplotlib
    >>> use_style("presentation"); matplotlib.rcParams["font.size"]
    17.0
    >>> use_style("course"); matplotlib.rcParams["font.size"]
    10.5
    >>> matplotlib.rcdefaults()
    """
    if name not in STYLES:
        from .errors import InputError

        raise InputError(
            f"Onbekende stijl {name!r}. Kies uit: {', '.join(repr(s) for s in STYLES)}, "
            f"bijvoorbeeld salesnb.use_style('presentation') voor de beamer."
        )
    import matplotlib
    from cycler import cycler

    params = dict(STYLES[name])
    params["axes.prop_cycle"] = cycler(color=PALETTE)
    matplotlib.rcParams.update(params)


# --------------------------------------------------------------------------- formatting


def _check_real(value, func: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        from .errors import InputError

        raise InputError(f"{func}() verwacht een getal, maar kreeg {value!r}.")
    return float(value)


def format_number(value, decimals: int = 0) -> str:
    """Format a number the Dutch way: thousands ``.``, decimals ``,``.

    >>> format_number(1234)
    '1.234'
    >>> format_number(-0.5, decimals=2)
    '-0,50'
    >>> format_number(2.5), format_number(0.125, decimals=2)
    ('3', '0,13')
    >>> format_number(float("nan"))
    '–'
    """
    value = _check_real(value, "format_number")
    if math.isnan(value):
        return "–"
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    # Round half up (as people do: 2,5 -> 3), on the shortest decimal repr of the float.
    rounded = Decimal(repr(round(value, 12))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no "-0"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_euro(value, decimals: int = 0) -> str:
    """Format an amount in euros, Dutch style: ``€ 1.234`` or ``€ 1.234,50``.

    >>> format_euro(1234)
    '€ 1.234'
    >>> format_euro(-250.5, decimals=2)
    '€ -250,50'
    """
    return f"€ {format_number(value, decimals)}"


def format_percent(fraction, decimals: int = 1) -> str:
    """Format a fraction (0.15) as a Dutch percentage (``15,0%``).

    Shares are fractions in salesnb; this is for display only.

    >>> format_percent(0.15)
    '15,0%'
    >>> format_percent(0.0625, decimals=2)
    '6,25%'
    """
    value = _check_real(fraction, "format_percent")
    return f"{format_number(value * 100, decimals)}%"


def format_nps(value, decimals: int = 0) -> str:
    """Format an NPS (-100..100, no % sign, with a sign when positive).

    >>> format_nps(33.333)
    '+33'
    >>> format_nps(-12.5, decimals=1)
    '-12,5'
    """
    value = _check_real(value, "format_nps")
    text = format_number(value, decimals)
    return f"+{text}" if value > 0 and text.strip("0,") else text


def _readable_columns(table, formatter_for):
    """A copy of ``table`` for display: each numeric column for which ``formatter_for(name,
    column)`` returns a function is turned into text with it (NaN as "–"); the rest stays."""
    import pandas as pd

    from .errors import InputError

    if not isinstance(table, pd.DataFrame):
        raise InputError("'table' moet een tabel (DataFrame) zijn.")
    out = table.copy()
    for column in out.columns:
        values = out[column]
        if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        fmt = formatter_for(str(column), values)
        if fmt is not None:
            out[column] = [("–" if pd.isna(x) else fmt(float(x))) for x in values]
    return out


class _CallableModule(types.ModuleType):
    """``salesnb.style(name)`` applies a style, like :func:`use_style`."""

    def __call__(self, name: str = "course") -> None:
        use_style(name)


sys.modules[__name__].__class__ = _CallableModule
