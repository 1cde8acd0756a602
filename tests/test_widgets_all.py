"""Every registered widget, headless: move every control, check chart, numbers and readout.

Also tests the ChartExplorer mechanism itself with small widgets defined here.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import salesnb.widgets as W
from salesnb.errors import InputError
from salesnb.widgets._base import (ChartExplorer, demo_explorer, dropdown, euro_slider, int_slider,
                                   percent_slider, readout_html, register_widget,
                                   registered_widgets, slider)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SPECS = registered_widgets()


def same(a, b) -> bool:
    """Deep equality for compute results (dicts of numbers, arrays, Series, DataFrames...)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (pd.DataFrame, pd.Series)) or isinstance(b, (pd.DataFrame, pd.Series)):
        if type(a) is not type(b):
            return False
        try:
            (pd.testing.assert_frame_equal if isinstance(a, pd.DataFrame)
             else pd.testing.assert_series_equal)(a, b)
        except AssertionError:
            return False
        return True
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape:
            return False
        if a.dtype.kind in "fc" or b.dtype.kind in "fc":
            return bool(np.allclose(a, b, equal_nan=True, rtol=1e-12, atol=0))
        return bool((a == b).all())
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    result = a == b
    return bool(result.all()) if hasattr(result, "all") else bool(result)


def targets(control) -> list:
    """Values to move a control to: min, max and a value in between (or every dropdown option)."""
    if isinstance(control, widgets.Dropdown):
        values = list(control._options_values)
        current = values.index(control.value)
        return values[current + 1:] + values[:current + 1]  # every other option, then back
    lo, hi, step = control.min, control.max, control.step
    middle = lo + round((hi - lo) / 3 / step) * step
    if isinstance(control, widgets.IntSlider):
        middle = int(middle)
    out = []
    for value in (lo, hi, middle):
        if not out or out[-1] != value:
            out.append(value)
    if out[0] == control.value:  # the first move must change something
        out = out[1:] + [out[0]]
    return out


def build(name):
    spec = SPECS[name]
    return spec.func(**spec.example())


# --------------------------------------------------------------------------- every widget


def test_registry_holds_the_example_widgets():
    assert {"nps_explorer", "expectation_explorer"} <= set(SPECS)
    assert all(callable(s.example) for s in SPECS.values())


def test_package_reexports_every_registered_widget():
    for name, spec in SPECS.items():
        assert name in W.__all__ and getattr(W, name) is spec.func, f"salesnb.widgets.{name} is not {spec.module}.{name}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_widget_builds_headless_with_dutch_controls(name):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    w = build(name)
    assert isinstance(w, ChartExplorer)
    assert plt.get_fignums() == before, "a widget must not create pyplot figures (they show twice)"
    assert isinstance(w.figure.canvas, FigureCanvasAgg)
    assert w.image.value[:8] == PNG_MAGIC
    assert w.readout.value.strip(), "the readout must show the key numbers as text"
    assert w.error is None, w.error
    assert w.controls, "a widget needs at least one control"
    for control_name, control in w.controls.items():
        assert control.description.strip(), f"control {control_name} has no (Dutch) description"
        assert control in w.children or any(control in getattr(c, "children", ()) for c in w.children)
    assert same(w.result, w.compute(**w.values))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_control_changes_chart_numbers_and_readout(name):
    w = build(name)
    moves = 0
    for control_name, control in w.controls.items():
        for target in targets(control):
            png, text, result = w.png(), w.readout.value, w.result
            calls = len(w.callback_times)
            w.set(**{control_name: target})
            where = f"{name}: {control_name} → {target!r}"
            assert w.error is None, f"{where}: {w.error}"
            assert len(w.callback_times) == calls + 1, f"{where}: expected exactly one redraw"
            assert same(w.result, w.compute(**w.values)), f"{where}: result is not compute(values)"
            assert not same(w.result, result), f"{where}: the numbers did not change"
            assert w.png() != png, f"{where}: the chart did not change"
            assert w.readout.value != text, f"{where}: the readout text did not change"
            moves += 1
    assert moves >= len(w.controls)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_moving_a_slider_directly_uses_the_same_callback(name):
    w = build(name)
    control_name, control = next(iter(w.controls.items()))
    target = targets(control)[0]
    calls = len(w.callback_times)
    control.value = target  # what the browser does
    assert len(w.callback_times) == calls + 1
    assert same(w.result, w.compute(**w.values))


def _pixels(png: bytes):
    import io

    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_blitted_chart_equals_a_full_redraw(name):
    from salesnb.widgets._base import _encode_png

    w = build(name)
    for control_name, control in w.controls.items():
        w.set(**{control_name: targets(control)[0]})
    blitted = _pixels(w.png())
    for artist in w.figure.findobj():
        artist.set_animated(False)
    w._canvas.draw()
    full = _pixels(_encode_png(w._canvas))
    differing = (np.abs(blitted - full).max(axis=2) > 8).mean()
    assert differing < 0.001, f"{name}: {differing:.2%} of the pixels differ from a full redraw"


# --------------------------------------------------------------------------- the mechanism


def test_demo_explorer_computes_and_redraws():
    w = demo_explorer(prijs=100.0, aantal=50)
    assert w.result == {"omzet": 5000.0}  # 100 × 50
    first = w.png()
    w.set(prijs=20.0, aantal=10)
    assert w.result == {"omzet": 200.0}  # 20 × 10
    assert w.png() != first
    assert "€ 200" in w.readout.value
    assert len(w.callback_times) == 1, "set() with two values redraws once"
    assert all(t > 0 for t in w.callback_times)


def test_png_has_the_figure_size_in_pixels():
    from PIL import Image
    import io

    w = demo_explorer()
    image = Image.open(io.BytesIO(w.png()))
    assert image.size == (320, 240)  # figsize (4.0, 3.0) inches × 80 dpi
    assert w.image.format == "png"


def test_set_unknown_control_raises_dutch_error():
    w = demo_explorer()
    with pytest.raises(InputError, match="Onbekende schuif"):
        w.set(korting=0.1)


def _counting_widget(update=True):
    calls = {"draw": 0, "update": 0}

    def compute(a, keuze):
        if a < 0:
            raise InputError("a mag niet negatief zijn.")
        return {"y": np.arange(5) * a * keuze, "a": a}

    def draw(ax, r):
        calls["draw"] += 1
        (line,) = ax.plot(np.arange(5), r["y"])
        ax.set_ylim(-1, 100)
        return {"line": line}

    def upd(artists, r):
        calls["update"] += 1
        artists["line"].set_ydata(r["y"])

    w = ChartExplorer(
        controls={"a": slider("A", -2, 5, 0.5, 1.0), "keuze": dropdown("Keuze", {"één": 1, "twee": 2})},
        compute=compute, draw=draw, update=upd if update else None,
        readout=lambda r: {"A": f"{r['a']:.1f}", "<tag>": "x & y"})
    return w, calls


def test_draw_once_then_update():
    w, calls = _counting_widget()
    w.set(a=2.0)
    w.set(keuze=2)
    assert calls == {"draw": 1, "update": 2}
    assert w.full_draws == 1, "fixed limits: later moves only blit the line"
    np.testing.assert_array_equal(w.artists["line"].get_ydata(), [0, 4, 8, 12, 16])  # 2 × 2 × i


def test_changing_limits_in_update_triggers_a_full_redraw():
    def draw(ax, r):
        (line,) = ax.plot([0, 1], [0, r["a"]])
        ax.set_ylim(0, 1)
        return {"line": line, "ax": ax}

    def update(artists, r):
        artists["line"].set_ydata([0, r["a"]])
        artists["ax"].set_ylim(0, max(1.0, r["a"]))

    w = ChartExplorer({"a": slider("A", 0, 10, 1, 1)}, compute=lambda a: {"a": a},
                      draw=draw, update=update)
    w.set(a=5)
    assert w.full_draws == 2 and w.axes.get_ylim() == (0, 5)
    labels = [t.get_text() for t in w.axes.get_yticklabels()]
    assert "5" in labels or "5.0" in labels or "5,0" in labels


def test_without_update_the_axes_are_redrawn():
    w, calls = _counting_widget(update=False)
    png = w.png()
    w.set(a=3.0)
    assert calls == {"draw": 2, "update": 0}
    assert len(w.axes.lines) == 1, "the Axes is cleared before drawing again"
    assert w.png() != png


def test_input_error_is_shown_in_the_readout_not_raised():
    w, _ = _counting_widget()
    png, result = w.png(), w.result
    w.set(a=-1.0)
    assert w.error == "a mag niet negatief zijn."
    assert "Let op" in w.readout.value and "negatief" in w.readout.value
    assert w.png() == png and w.result is result
    w.set(a=4.0)
    assert w.error is None and w.result["a"] == 4.0


def test_readout_is_escaped_html():
    w, _ = _counting_widget()
    assert "&lt;tag&gt;" in w.readout.value and "x &amp; y" in w.readout.value
    assert readout_html("<b>al HTML</b>") == "<b>al HTML</b>"


def test_layout_has_controls_image_and_readout_side_by_side():
    w = ChartExplorer({"a": slider("A", 0, 1, 0.1, 0.5)}, compute=lambda a: {"a": a},
                      draw=lambda axes, r: [ax.bar([0], [r["a"]]) for ax in axes], readout=lambda r: "x",
                      title="Titel", nrows=1, ncols=2)
    assert isinstance(w, widgets.VBox)
    assert len(w.axes) == 2, "ncols=2 gives draw an array of two Axes"
    row = w.children[-1]
    assert isinstance(row, widgets.HBox) and row.children == (w.image, w.readout)
    assert "Titel" in w.children[0].value


def test_control_helpers_put_units_in_dutch_labels():
    assert slider("Prijs", 0, 10, 0.5, 5, unit="€").readout_format == ".1f"
    assert int_slider("Looptijd", 1, 10, 1, 3, unit="jaren").description == "Looptijd (jaren)"
    p = percent_slider("Retentie", 0, 1, 0.05, 0.8)
    assert p.readout_format == ".0%" and p.value == 0.8
    assert euro_slider("Doel", 0, 1e6, 1e4, 2e5).description == "Doel (€)"


def test_register_widget_adds_to_registry():
    @register_widget(example=lambda: {"prijs": 50.0})
    def tijdelijke_widget(prijs=10.0):
        return demo_explorer(prijs=prijs)

    try:
        assert registered_widgets()["tijdelijke_widget"].example() == {"prijs": 50.0}
    finally:
        from salesnb.widgets import _base
        _base._WIDGETS.pop("tijdelijke_widget")
    with pytest.raises(TypeError):
        register_widget(example={"niet": "callable"})


# --------------------------------------------------------------------------- the H1 examples


def test_nps_explorer_passives_do_not_count():
    w = W.nps_explorer(promotors=45, passief=30, criticasters=25)
    assert w.result["nps"] == pytest.approx(20.0)  # (45 - 25) / 100 × 100
    w.set(passief=0)
    assert w.result["nps"] == pytest.approx(100 * 20 / 70)  # same difference, fewer respondents
    w.set(passief=30, criticasters=5)
    assert w.result["nps"] == pytest.approx(100 * 40 / 80)  # (45 - 5) / 80
    assert "+50" in w.readout.value


def test_nps_explorer_with_nobody_shows_a_message():
    w = W.nps_explorer(promotors=0, passief=0, criticasters=1)
    w.set(criticasters=0)
    assert w.error is not None


def test_expectation_explorer_classes():
    w = W.expectation_explorer(verwachting=7.0, ervaring=7.0)
    assert w.result["oordeel"] == "tevreden"
    w.set(ervaring=9.5)  # 2.5 above expectation ≥ delight threshold 2
    assert w.result["oordeel"] == "customer delight"
    w.set(delight_from=3.0)
    assert w.result["oordeel"] == "positieve ervaring"
    w.set(verwachting=10.0)
    assert w.result["oordeel"] == "negatieve ervaring"
    assert w.result["verschil"] == pytest.approx(-0.5)


ENGLISH_NUMBER = __import__("re").compile(r"\d,\d{3}\b|\d\.\d\b(?!\d*\.)|^\d{4,}$")


@pytest.mark.parametrize("name", sorted(SPECS))
def test_slider_values_are_shown_in_dutch_notation_in_one_grid(name):
    """The browser's d3 readout is off; the value beside each slider is formatted by salesnb."""
    from salesnb.widgets._base import LABEL_WIDTH, TRACK_WIDTH, value_text

    w = build(name)
    for control_name, control in w.controls.items():
        if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
            assert control.readout is False, f"{control_name}: the browser would format in English"
            text = value_text(control)
            assert text and not ENGLISH_NUMBER.search(text), f"{control_name}: {text!r}"
            assert control.layout.width == f"{TRACK_WIDTH}px", f"{control_name}: track width differs"
        row = next(c for c in w.children if control in getattr(c, "children", ()))
        label = row.children[0]
        assert label.layout.width == f"{LABEL_WIDTH}px", "every label column has the same width"
        assert control.description in label.value.replace("&amp;", "&")
    for control_name, control in w.controls.items():
        if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
            before = w.value_texts[control_name].value
            target = next(t for t in targets(control) if t != control.value)
            control.value = target
            assert w.value_texts[control_name].value != before or value_text(control) in before
            assert value_text(control) in w.value_texts[control_name].value
            break


# --------------------------------------------------------------------------- start values and fixed axes


def _sliders(w):
    return {n: c for n, c in w.controls.items() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider))}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_slider_starts_at_the_value_passed_in_on_its_grid(name):
    """The browser snaps a slider to min + k × step: a start value off that grid would change."""
    kwargs = SPECS[name].example()
    w = SPECS[name].func(**kwargs)
    for control_name, control in _sliders(w).items():
        given = kwargs.get(control_name)
        if isinstance(given, (int, float, np.number)) and not isinstance(given, bool):
            assert control.value == pytest.approx(float(given), abs=1e-12), \
                f"{name}: {control_name} starts at {control.value}, not at {given}"
        steps = (control.value - control.min) / control.step
        assert abs(steps - round(steps)) < 1e-6, \
            f"{name}: {control_name} = {control.value} is not min {control.min} + k × step {control.step}"


# A slider whose start is its natural bound (all four BANT points, zero extra retention).
AT_A_BOUND = {("temperature_explorer", "hot_min_bant")}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_slider_range_holds_its_start_with_room(name):
    w = build(name)
    for control_name, control in _sliders(w).items():
        if (name, control_name) in AT_A_BOUND:
            continue
        assert control.min <= control.value < control.max, \
            f"{name}: {control_name} = {control.value} outside [{control.min}, {control.max})"


def _axes_state(w):
    from salesnb.widgets._scale import FlexibleScale

    state = []
    for ax in w.figure.axes:
        state.append((ax.get_xlim(), ax.get_ylim(),
                      tuple(t.get_text() for t in ax.get_xticklabels()),
                      tuple(t.get_text() for t in ax.get_yticklabels())))
    artists = w.artists.values() if isinstance(w.artists, dict) else ()
    state.append(tuple(a.full for a in artists if isinstance(a, FlexibleScale)))
    return state


def _halfway(control):
    """Values halfway between the start and each end of a slider (on its grid), or every option."""
    if isinstance(control, widgets.Dropdown):
        return [v for v in control._options_values if v != control.value]
    out = []
    for end in (control.min, control.max):
        steps = round((end - control.value) / 2 / control.step)
        if steps:
            value = control.value + steps * control.step
            out.append(int(value) if isinstance(control, widgets.IntSlider) else round(value, 12))
    return out


COMPARING = sorted(name for name, spec in SPECS.items() if spec.compares)


def test_the_comparing_widgets_are_declared():
    assert {"market_explorer", "cold_call_explorer", "sales_plan_explorer", "clv_explorer"} <= set(COMPARING)


@pytest.mark.parametrize("name", COMPARING)
def test_a_comparing_widget_keeps_its_axes_while_you_move(name):
    """Before and after a move on the same axes: a bar that does not change keeps its length."""
    w = build(name)
    start = _axes_state(w)
    for control_name, control in w.controls.items():
        begin = control.value
        for target in _halfway(control):
            w.set(**{control_name: target})
            assert _axes_state(w) == start, f"{name}: the axes moved with {control_name} → {target!r}"
        w.set(**{control_name: begin})


def test_market_explorer_axis_covers_every_slider_position():
    w = build("market_explorer")
    size_bar = w.artists["bars"][1]
    width = size_bar.get_width()
    for name in ("kopers", "aankoop"):
        w.set(**{name: w.controls[name].max})
    assert w.result["omvang"] == pytest.approx(6e6)  # the market size did not change ...
    assert size_bar.get_width() == pytest.approx(width)  # ... and neither did its bar
    assert w.artists["bars"][0].get_width() <= 1.0, "the largest potential fits the axis"


def test_funnel_width_is_the_number_of_opportunities():
    w = W.funnel_explorer(800, [0.5, 0.5, 0.5, 0.5], 1_000.0)
    top = w.artists["bars"][0]
    before = top.get_width()
    w.set(opportunities=400)
    assert top.get_width() == pytest.approx(before / 2)  # half the opportunities, half the width
    assert w.artists["bars"][1].get_width() == pytest.approx(before / 4)


def test_cold_call_explorer_starts_at_the_table_numbers():
    """Ratios on three decimals stay exact: 985 calls in the widget as in the table."""
    from salesnb import calls_needed

    rates = [0.271, 0.218, 0.544, 0.316]
    w = W.cold_call_explorer(orders=10, rates=rates)
    assert [w.controls[n].value for n in ("beslisser", "afspraak", "offerte", "order")] == rates
    assert int(w.result["plan"]["nodig"].iloc[0]) == int(calls_needed(10, rates)["nodig"].iloc[0])
