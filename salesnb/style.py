"""Chart style and colour-blind-safe palette.

This is the **only** module that changes matplotlib's global ``rcParams``, and only
when :func:`use_style` is called. Importing it (or ``salesnb``) imports neither
matplotlib nor pyplot.

Palette: Okabe–Ito (colour-blind safe). Where colour alone would carry meaning,
add labels or use :data:`HATCHES` as well. Dutch number formatting for charts,
widgets and text lives in :mod:`salesnb.display`.

>>> PALETTE[0] == OKABE_ITO["blauw"]
True
"""

from __future__ import annotations

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
