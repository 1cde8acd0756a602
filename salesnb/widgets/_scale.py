"""A value axis that follows the numbers while its limits stay fixed (fast, blitted widgets).

:class:`~salesnb.widgets._base.ChartExplorer` blits: a move redraws only the artists
returned by ``draw``; changing axis limits in ``update`` costs a full redraw. Some
explorations span orders of magnitude (5 or 4.800.000 calls, a CLV of € 300 or
€ 200.000): limits fixed for the largest value would make the usual values invisible.

:class:`FlexibleScale` keeps the limits fixed in units of a "nice" full-scale value
``N`` (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k, at least the largest value): the data
are plotted as ``value / N`` and the tick labels (texts, ``scale.labels``) show
``tick × N``. Return ``scale.labels`` among the artists of ``draw``: they are redrawn
with the other changing artists, and a move stays a blit. The picture is the one
autoscaling would give, with the largest value between 67% and 100% of the scale.

>>> from matplotlib.figure import Figure
>>> ax = Figure().add_subplot()
>>> s = FlexibleScale(ax.yaxis, integer=True)
>>> s.rescale(4_800_000), s(2_400_000)
(5000000.0, 0.48)
>>> [label.get_text() for label in s.labels][:3]
['0', '1.000.000', '2.000.000']
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ..display import format_number

__all__ = ["FlexibleScale", "nice_full_scale", "number_format"]

_NICE = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0)


def nice_full_scale(top: float, *, ticks: int = 5, integer: bool = False) -> float:
    """The smallest nice number (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at least ``top``.

    With ``integer=True`` the tick step (full scale / ``ticks``) is a whole number.

    >>> nice_full_scale(11_500), nice_full_scale(0.29), nice_full_scale(3, integer=True)
    (15000.0, 0.3, 5.0)
    >>> nice_full_scale(0.001, integer=True), nice_full_scale(7, integer=True)
    (5.0, 10.0)
    """
    top = float(top) if np.isfinite(top) and top > 0 else 1.0
    if integer:
        top = max(top, float(ticks))  # a whole-number step of at least 1
    exponent = math.floor(math.log10(top))
    for k in range(exponent - 1, exponent + 3):
        for m in _NICE:
            full = m * 10.0 ** k
            if full < top * (1 - 1e-12):
                continue
            step = full / ticks
            if integer and (full < ticks or abs(step - round(step)) > 1e-9):
                continue
            return float(round(full, 12 - k if k < 12 else 0))
    return top  # unreachable for finite top


def number_format(value: float, step: float) -> str:
    """A tick label: Dutch number with as many decimals as the tick step needs.

    >>> number_format(1500, 300), number_format(0.9, 0.3), number_format(0.25, 0.05)
    ('1.500', '0,9', '0,25')
    """
    decimals = 0 if step >= 1 or abs(step - round(step)) < 1e-9 else min(3, -math.floor(math.log10(step) + 1e-9))
    return format_number(value, decimals)


class FlexibleScale:
    """Fixed axis limits in units of a nice full scale; tick labels follow the scale.

    ``axis``: ``ax.xaxis`` or ``ax.yaxis``. ``fmt(value, step) -> str`` formats a tick
    (default: Dutch number with the decimals the step needs). ``lower`` and ``upper``
    are the fixed limits in units of the full scale (``upper`` > 1 leaves room for
    labels beside the bars); ``ticks`` intervals between 0 and the full scale (ticks
    continue at the same step up to ``upper``). ``largest``: the largest value the
    widget can show (places the axis label clear of the widest tick label);
    ``fontsize`` of the tick labels (default: the rcParams tick label size).

    The tick marks and grid stay in the cached background; the tick labels are plain
    texts (``scale.labels``): return them among the artists of ``draw`` so only they are
    redrawn on a move (drawing a whole axis costs about as much as a full redraw).
    Call :meth:`rescale` in ``update`` before converting values, then plot ``scale(values)``.

    A widget that asks the student to compare calls :meth:`hold` in ``draw`` with a
    margin above its starting values: the scale then never shrinks below it, so a bar
    that does not change keeps its length while the student moves a slider (the axis
    only grows when a value no longer fits).
    """

    def __init__(self, axis, *, fmt: Callable[[float, float], str] | None = None, integer: bool = False,
                 lower: float = 0.0, upper: float = 1.08, ticks: int = 5, largest: float | None = None,
                 fontsize=None):
        import matplotlib as mpl
        from matplotlib.ticker import FixedLocator, NullFormatter
        from matplotlib.transforms import ScaledTranslation, blended_transform_factory

        self.axis = axis
        self.integer = integer
        self.ticks = ticks
        self.full = 1.0
        self.kept = 0.0
        self.fmt = fmt or number_format
        ax = axis.axes
        fig = ax.get_figure(root=True)
        vertical = axis is ax.yaxis
        name = "ytick" if vertical else "xtick"
        step = 1.0 / ticks
        first = math.floor(lower / step + 1e-9)
        last = math.floor(upper / step + 1e-9)
        self.locs = [k * step for k in range(first, last + 1) if lower - 1e-9 <= k * step <= upper + 1e-9]
        axis.set_major_locator(FixedLocator(self.locs))
        axis.set_major_formatter(NullFormatter())
        (ax.set_ylim if vertical else ax.set_xlim)(lower, upper)

        gap = mpl.rcParams[f"{name}.major.size"] + mpl.rcParams[f"{name}.major.pad"]  # points
        color = mpl.rcParams[f"{name}.labelcolor"]
        style = {"fontsize": mpl.rcParams[f"{name}.labelsize"] if fontsize is None else fontsize,
                 "color": mpl.rcParams[f"{name}.color"] if color == "inherit" else color}
        if vertical:
            transform = blended_transform_factory(ax.transAxes, ax.transData) + ScaledTranslation(
                -gap / 72, 0, fig.dpi_scale_trans)
            self.labels = [ax.text(0, loc, "", transform=transform, ha="right", va="center_baseline", **style)
                           for loc in self.locs]
        else:
            transform = blended_transform_factory(ax.transData, ax.transAxes) + ScaledTranslation(
                0, -gap / 72, fig.dpi_scale_trans)
            self.labels = [ax.text(loc, 0, "", transform=transform, ha="center", va="top", **style)
                           for loc in self.locs]
        self._place_axis_label(largest, gap, vertical)

    def _place_axis_label(self, largest, gap, vertical) -> None:
        """Put the axis label beyond the widest tick label the scale can produce."""
        from matplotlib.transforms import ScaledTranslation

        ax = self.axis.axes
        fig = ax.get_figure(root=True)
        if largest is None or not hasattr(fig.canvas, "get_renderer"):
            return
        candidates = set()
        top = nice_full_scale(largest, ticks=self.ticks, integer=self.integer)
        for k in range(0, 4):
            for m in (1.0, 1.5, 2.5):
                full = nice_full_scale(top * m / 10 ** k, ticks=self.ticks, integer=self.integer)
                candidates.update(self.fmt(round(loc * full, 9), full / self.ticks) for loc in self.locs)
        widest = sorted(candidates, key=len)[-3:]
        probe = self.labels[0]
        renderer = fig.canvas.get_renderer()
        size = 0.0
        for text in widest:
            probe.set_text(text)
            box = probe.get_window_extent(renderer)
            size = max(size, box.width if vertical else box.height)
        probe.set_text("")
        offset = gap + size * 72 / fig.dpi + self.axis.labelpad  # points
        if vertical:
            shift = ScaledTranslation(-offset / 72, 0, fig.dpi_scale_trans)
            self.axis.set_label_coords(0, 0.5, transform=ax.transAxes + shift)
        else:
            shift = ScaledTranslation(0, -offset / 72, fig.dpi_scale_trans)
            self.axis.set_label_coords(0.5, 0, transform=ax.transAxes + shift)

    def hold(self, top: float) -> float:
        """Keep the full scale at least ``top`` from now on (fixed axes for comparing); returns it.

        >>> from matplotlib.figure import Figure
        >>> s = FlexibleScale(Figure().add_subplot().xaxis)
        >>> s.hold(2_000), s.rescale(900), s.rescale(2_600)
        (2000.0, 2000.0, 3000.0)
        """
        self.kept = float(top) if np.isfinite(top) else 0.0
        return self.rescale(self.kept)

    def rescale(self, top: float) -> float:
        """Choose the full scale for a largest value ``top`` and relabel the ticks; returns it."""
        top = max(float(top), self.kept)
        full = nice_full_scale(top, ticks=self.ticks, integer=self.integer)
        if full == self.full and self.labels[0].get_text():
            return self.full  # same labels: nothing to redraw
        self.full = full
        step = self.full / self.ticks
        for loc, label in zip(self.locs, self.labels):
            label.set_text(self.fmt(round(loc * self.full, 9), step))
        return self.full

    def __call__(self, values):
        """Values in axis units (value / full scale): a float for a number, else an array."""
        if np.ndim(values) == 0:
            return float(values) / self.full
        return np.asarray(values, dtype=float) / self.full
