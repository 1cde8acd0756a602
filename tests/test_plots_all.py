"""Every registered chart: returns its Axes, draws on a passed Axes, Dutch labels, no global state.

Plus the helpers of salesnb.plots._base (get_ax, Dutch formatters, label_bars, registry).
"""

from __future__ import annotations

import re

import matplotlib
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import salesnb.plots as P
from salesnb.plots._base import (euro_formatter, get_ax, label_bars, number_formatter,
                                 percent_formatter, register_plot, registered_plots,
                                 set_euro_axis, set_number_axis, set_percent_axis)

SPECS = registered_plots()

# English words that should have been Dutch in a student-facing label (course terms such as
# "share of wallet", "customer lifetime value" or "customer delight" are allowed).
ENGLISH = re.compile(r"\b(count|revenue|customers|number of|amount|frequency|probability|"
                     r"percentage|years?|months?|total|sales per)\b", re.IGNORECASE)


def _texts(ax) -> list[str]:
    texts = [ax.get_title(), ax.get_title("left"), ax.get_title("right"), ax.get_xlabel(),
             ax.get_ylabel()]
    legend = ax.get_legend()
    if legend is not None:
        texts += [t.get_text() for t in legend.get_texts()]
        texts.append(legend.get_title().get_text())
    texts += [t.get_text() for t in ax.texts]
    return [t for t in texts if t]


def _artists(ax) -> int:
    return (len(ax.patches) + len(ax.lines) + len(ax.collections) + len(ax.images)
            + len(ax.texts) + len(ax.containers))


def _rc_snapshot() -> dict:
    return {k: repr(v) for k, v in dict.items(matplotlib.rcParams)}  # without resolving the backend


def test_registry_is_filled_by_the_theme_modules():
    assert all(callable(spec.func) and callable(spec.example) for spec in SPECS.values())
    for spec in SPECS.values():
        assert spec.module.startswith("salesnb.plots."), spec


@pytest.mark.parametrize("name", sorted(SPECS))
def test_plot_draws_on_a_passed_axes(name):
    import matplotlib.pyplot as plt

    spec = SPECS[name]
    kwargs = spec.example()
    figures, rc = plt.get_fignums(), _rc_snapshot()
    ax = Figure(figsize=(6, 4)).add_subplot()
    returned = spec.func(**kwargs, ax=ax)
    assert returned is ax, f"{name} must draw on the passed ax and return it"
    assert _artists(ax) > 0, f"{name} drew nothing"
    texts = _texts(ax)
    assert ax.get_title() or ax.get_xlabel() or ax.get_ylabel() or ax.figure._suptitle, \
        f"{name} has no title or axis label"
    english = [t for t in texts if ENGLISH.search(t)]
    assert not english, f"{name}: labels must be Dutch, found {english}"
    assert plt.get_fignums() == figures, f"{name} created a pyplot figure although ax was given"
    assert _rc_snapshot() == rc, f"{name} changed rcParams (only use_style may)"
    FigureCanvasAgg(ax.figure).draw()  # renders without error


@pytest.mark.parametrize("name", sorted(SPECS))
def test_plot_without_ax_makes_one_figure(name):
    import matplotlib.pyplot as plt

    spec = SPECS[name]
    before = set(plt.get_fignums())
    ax = spec.func(**spec.example())
    try:
        assert isinstance(ax, Axes), f"{name} must return the Axes"
        new = set(plt.get_fignums()) - before
        assert len(new) == 1, f"{name} must create exactly one figure when ax is None"
        assert ax.figure.number in new
        assert _artists(ax) > 0
    finally:
        plt.close("all")
    assert set(plt.get_fignums()) <= before


def test_plot_does_not_modify_its_input():
    import copy

    for name, spec in SPECS.items():
        kwargs = spec.example()
        original = copy.deepcopy(kwargs)
        spec.func(**kwargs, ax=Figure().add_subplot())
        for key, value in original.items():
            current = kwargs[key]
            if hasattr(value, "equals"):
                assert value.equals(current), f"{name} modified its argument {key}"
            else:
                assert repr(value) == repr(current), f"{name} modified its argument {key}"


# --------------------------------------------------------------------------- helpers


def test_get_ax_returns_the_given_axes_and_creates_one_otherwise():
    import matplotlib.pyplot as plt

    ax = Figure().add_subplot()
    assert get_ax(ax) is ax
    before = len(plt.get_fignums())
    new = get_ax(None)
    try:
        assert isinstance(new, Axes) and len(plt.get_fignums()) == before + 1
    finally:
        plt.close(new.figure)


@pytest.mark.parametrize("formatter, value, text", [
    (euro_formatter(), 1500, "€ 1.500"),
    (euro_formatter(2), 1234.5, "€ 1.234,50"),
    (percent_formatter(), 0.15, "15%"),
    (percent_formatter(1), 0.1234, "12,3%"),
    (number_formatter(), 2_500_000, "2.500.000"),
    (number_formatter(1), -0.25, "-0,3"),  # half up, away from zero
])
def test_dutch_tick_formatters(formatter, value, text):
    assert formatter(value, 0) == text


def test_axis_setters():
    ax = Figure().add_subplot()
    set_euro_axis(ax, "y")
    set_percent_axis(ax, "x")
    assert ax.yaxis.get_major_formatter()(2000, 0) == "€ 2.000"
    assert ax.xaxis.get_major_formatter()(0.5, 0) == "50%"
    set_number_axis(ax, "x")
    assert ax.xaxis.get_major_formatter()(12345, 0) == "12.345"
    with pytest.raises(ValueError):
        set_euro_axis(ax, "z")


def test_label_bars_vertical_horizontal_and_custom():
    ax = Figure().add_subplot()
    bars = ax.bar(["a", "b"], [1500.0, -20.0])
    texts = label_bars(ax, bars)
    assert [t.get_text() for t in texts] == ["1.500", "-20"]
    assert texts[0].get_va() == "bottom" and texts[1].get_va() == "top"
    hbars = ax.barh(["x"], [0.4])
    (text,) = label_bars(ax, hbars, ["veertig procent"], inside=True)
    assert text.get_text() == "veertig procent" and text.get_ha() == "center"
    assert text.xy == pytest.approx((0.2, 0.0))  # middle of the bar
    with pytest.raises(ValueError):
        label_bars(ax, bars, ["te weinig"])


def test_register_plot():
    @register_plot(example=lambda: {"values": [3, 1]})
    def plot_tijdelijk(values, *, ax=None):
        ax = get_ax(ax)
        ax.plot(values)
        return ax

    try:
        assert registered_plots()["plot_tijdelijk"].example() == {"values": [3, 1]}
    finally:
        from salesnb.plots import _base
        _base._PLOTS.pop("plot_tijdelijk")
    with pytest.raises(TypeError):
        register_plot(example=[1, 2])


def test_package_reexports_every_registered_chart():
    for name, spec in SPECS.items():
        assert name in P.__all__ and getattr(P, name) is spec.func, f"salesnb.plots.{name} is not {spec.module}.{name}"
