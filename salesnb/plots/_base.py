"""Shared building blocks for the chart functions in ``salesnb.plots.<theme>``.

Every chart function follows one pattern (copy it)::

    from ._base import get_ax, register_plot, set_euro_axis, label_bars, PALETTE

    @register_plot(example=lambda: {"labels": ["A", "B"], "values": [1200.0, 800.0]})
    def plot_omzet(labels, values, *, ax=None):
        \"\"\"Omzet per klant as bars (§6.2).\"\"\"
        ax = get_ax(ax)
        bars = ax.bar(labels, values, color=PALETTE[0])
        label_bars(ax, bars, fmt=format_euro)
        set_euro_axis(ax, "y")
        ax.set(title="Omzet per klant", ylabel="Omzet (€)")
        return ax

Rules: take ``ax=None`` (keyword), draw on it, return the Axes; Dutch title and
axis labels; colours from :data:`PALETTE` (Okabe–Ito), plus hatching or text labels
where colour alone would carry meaning; never call ``plt.show()``, ``tight_layout``
on a passed ax's figure, or change rcParams. ``register_plot(example=...)`` makes
tests/test_plots_all.py call the function with ``example()``'s keyword arguments
(on a new Axes and with ``ax=None``) and check it draws with Dutch labels. A new
module ``plots/<theme>.py`` must also be imported in ``salesnb/plots/__init__.py``:
that import is what registers its charts.

>>> from matplotlib.figure import Figure
>>> ax = Figure().add_subplot()
>>> bars = ax.bar(["A", "B"], [1200.0, 800.0])
>>> [t.get_text() for t in label_bars(ax, bars, fmt=format_euro)]
['€ 1.200', '€ 800']
>>> set_euro_axis(ax, "y"); ax.yaxis.get_major_formatter()(1500, 0)
'€ 1.500'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..style import (COLOR_HIGHLIGHT, COLOR_MUTED, COLOR_NEGATIVE, COLOR_NEUTRAL, COLOR_POSITIVE, HATCHES,
                     OKABE_ITO, PALETTE)
from ..display import format_euro, format_nps, format_number, format_percent

__all__ = [
    "get_ax",
    "register_plot",
    "registered_plots",
    "PlotSpec",
    "PALETTE",
    "HATCHES",
    "OKABE_ITO",
    "COLOR_POSITIVE",
    "COLOR_NEUTRAL",
    "COLOR_NEGATIVE",
    "COLOR_HIGHLIGHT",
    "COLOR_MUTED",
    "euro_formatter",
    "percent_formatter",
    "number_formatter",
    "set_euro_axis",
    "set_percent_axis",
    "set_number_axis",
    "label_bars",
    "legend_above",
    "legend_below",
    "format_euro",
    "format_percent",
    "format_number",
    "format_nps",
]


def get_ax(ax=None, *, figsize=None):
    """Return ``ax``, or a new Axes from ``plt.subplots()`` when ``ax`` is None.

    pyplot is imported here, on first use, never at import time.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> get_ax(ax) is ax
    True
    """
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new_ax = plt.subplots(figsize=figsize)
    return new_ax


# --------------------------------------------------------------------------- formatters


def euro_formatter(decimals: int = 0):
    """A tick formatter showing Dutch euros: ``€ 1.500``.

    >>> euro_formatter()(1500, 0)
    '€ 1.500'
    """
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos=None: format_euro(x, decimals))


def percent_formatter(decimals: int = 0):
    """A tick formatter for fractions shown as Dutch percentages: 0.15 → ``15%``.

    >>> percent_formatter(1)(0.155, 0)
    '15,5%'
    """
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos=None: format_percent(x, decimals))


def number_formatter(decimals: int = 0):
    """A tick formatter with Dutch thousands/decimal separators: ``12.500``.

    >>> number_formatter()(12500, 0)
    '12.500'
    """
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos=None: format_number(x, decimals))


def _axis(ax, which: str):
    if which not in ("x", "y"):
        raise ValueError("which must be 'x' or 'y'")
    return ax.xaxis if which == "x" else ax.yaxis


def set_euro_axis(ax, which: str = "y", decimals: int = 0) -> None:
    """Show the ``which`` axis ("x" or "y") in Dutch euros."""
    _axis(ax, which).set_major_formatter(euro_formatter(decimals))


def set_percent_axis(ax, which: str = "y", decimals: int = 0) -> None:
    """Show the ``which`` axis (holding fractions) as Dutch percentages."""
    _axis(ax, which).set_major_formatter(percent_formatter(decimals))


def set_number_axis(ax, which: str = "y", decimals: int = 0) -> None:
    """Show the ``which`` axis with Dutch thousands separators."""
    _axis(ax, which).set_major_formatter(number_formatter(decimals))


def _points(size) -> float:
    from matplotlib.font_manager import FontProperties

    return FontProperties(size=size).get_size_in_points()


def legend_above(ax, *, ncols: int = 3, **kwargs):
    """A legend in a row above the Axes, the title moved up above it (course and presentation style).

    The room is computed from the current font sizes, so the title never lies under the legend
    when :func:`salesnb.use_style` enlarges the text.

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot(); _ = ax.bar([0, 1], [1, 2], label="a"); _ = ax.set_title("T")
    >>> legend_above(ax).get_frame_on(), ax.title.get_text()
    (False, 'T')
    """
    import matplotlib as mpl

    legend = ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=ncols, frameon=False, **kwargs)
    rows = -(-len(legend.get_texts()) // max(ncols, 1))
    size = _points(legend.get_texts()[0].get_fontsize()) if legend.get_texts() else 0.0
    height = size * (rows * (1 + mpl.rcParams["legend.labelspacing"]) + 2 * mpl.rcParams["legend.borderpad"])
    if ax.get_title():
        ax.set_title(ax.get_title(), pad=height + mpl.rcParams["axes.titlepad"])
    return legend


def legend_below(ax, *, ncols: int = 2, **kwargs):
    """A legend centred under the x-axis label (course and presentation style).

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot(); _ = ax.bar([0, 1], [1, 2], label="a"); _ = ax.set_xlabel("x")
    >>> legend_below(ax).get_frame_on()
    False
    """
    import matplotlib as mpl
    from matplotlib.transforms import ScaledTranslation

    rc = mpl.rcParams
    offset = (rc["xtick.major.size"] + rc["xtick.major.pad"] + 1.25 * _points(rc["xtick.labelsize"])
              + (rc["axes.labelpad"] + 1.25 * _points(rc["axes.labelsize"]) if ax.get_xlabel() else 0) + 4)
    anchor = ax.transAxes + ScaledTranslation(0, -offset / 72, ax.get_figure(root=True).dpi_scale_trans)
    return ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.0), bbox_transform=anchor, ncols=ncols,
                     frameon=False, **kwargs)


def label_bars(ax, bars, labels=None, *, fmt: Callable = format_number, inside: bool = False,
               fontsize=None, color=None) -> list:
    """Write a value label on each bar of ``bars`` (from ``ax.bar``/``ax.barh``).

    ``labels`` overrides the text per bar; otherwise ``fmt(height)`` (or width for
    horizontal bars). Returns the Text artists (update them with ``set_text``).

    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> bars = ax.barh(["x", "y"], [0.25, 0.5])
    >>> [t.get_text() for t in label_bars(ax, bars, fmt=format_percent)]
    ['25,0%', '50,0%']
    """
    texts = []
    patches = list(bars)
    if labels is not None:
        labels = list(labels)
        if len(labels) != len(patches):
            raise ValueError("labels must have one entry per bar")
    horizontal = bool(patches) and _is_horizontal(bars, patches)
    for i, patch in enumerate(patches):
        if horizontal:
            value = patch.get_width()
            x = patch.get_x() + (value / 2 if inside else value)
            y = patch.get_y() + patch.get_height() / 2
            ha, va = ("center" if inside else ("left" if value >= 0 else "right")), "center"
            offset = (0 if inside else (3 if value >= 0 else -3), 0)
        else:
            value = patch.get_height()
            x = patch.get_x() + patch.get_width() / 2
            y = patch.get_y() + (value / 2 if inside else value)
            ha, va = "center", ("center" if inside else ("bottom" if value >= 0 else "top"))
            offset = (0, 0 if inside else (3 if value >= 0 else -3))
        text = labels[i] if labels is not None else fmt(value)
        texts.append(ax.annotate(text, (x, y), xytext=offset, textcoords="offset points",
                                 ha=ha, va=va, fontsize=fontsize, color=color))
    return texts


def _is_horizontal(bars, patches) -> bool:
    orientation = getattr(bars, "orientation", None)
    if orientation is not None:
        return orientation == "horizontal"
    return False


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class PlotSpec:
    """A registered chart function and its example keyword arguments."""

    name: str
    func: Callable
    example: Callable[[], dict]
    module: str


_PLOTS: dict[str, PlotSpec] = {}


def register_plot(example: Callable[[], dict]):
    """Decorator: register a chart function with an example call for the generic tests.

    ``example`` is a zero-argument function returning the keyword arguments of a
    typical call (without ``ax``); it may load company data (``salesnb.load``).

    >>> @register_plot(example=lambda: {"values": [1, 2]})
    ... def plot_demo(values, *, ax=None):
    ...     ax = get_ax(ax); ax.plot(values); ax.set_title("Voorbeeld"); return ax
    >>> "plot_demo" in registered_plots()
    True
    >>> _ = _PLOTS.pop("plot_demo")
    """
    if not callable(example):
        raise TypeError("example must be a zero-argument callable returning kwargs")

    def decorator(func):
        _PLOTS[func.__name__] = PlotSpec(func.__name__, func, example, func.__module__)
        return func

    return decorator


def registered_plots() -> dict[str, PlotSpec]:
    """All registered chart functions by name (after ``import salesnb.plots``)."""
    return dict(_PLOTS)

