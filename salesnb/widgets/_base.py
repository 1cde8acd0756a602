"""The redraw mechanism behind every slider exploration.

A :class:`ChartExplorer` is an ipywidgets ``VBox``: controls on top, below them the
chart (a PNG in a ``widgets.Image``) with a Dutch text readout of the key numbers
beside it (for screen readers and quick reading). You give it four things:

``controls``
    ``{name: widget}``; build them with :func:`slider`, :func:`int_slider`,
    :func:`percent_slider`, :func:`euro_slider`, :func:`dropdown` (Dutch
    description, unit in the label). The names are the keyword arguments of
    ``compute``.
``compute(**values) -> dict``
    a pure calculation (call the salesnb theme functions) returning the numbers.
``draw(ax, result) -> artists``
    creates the artists ONCE (bars, lines, texts) and returns them (any object,
    usually a dict). Called once, at construction.
``update(artists, result)``
    changes those artists in place (``set_height``, ``set_data``, ``set_text``,
    ``ax.set_ylim``...). Called on every change. (``update=None`` clears the
    Axes and calls ``draw`` again: simpler, slower.)
``readout(result) -> str | dict``
    the key numbers in Dutch: an HTML string, or ``{"label": "value text"}``.

The figure is a ``matplotlib.figure.Figure`` on an Agg canvas (no pyplot), made
once and rendered to PNG on each change, so the inline backend never shows it and
nothing flickers. A widget function registers itself with
``@register_widget(example=lambda: {...})`` so tests/test_widgets_all.py moves every
control and benchmarks/widget_callbacks.py times it. A new module
``widgets/<theme>.py`` must also be imported in ``salesnb/widgets/__init__.py``: that
import is what registers its widgets.

Complete minimal example (copy this pattern into ``salesnb/widgets/<theme>.py``)::

    from ._base import ChartExplorer, register_widget, slider, percent_slider
    from ..style import PALETTE
    from ..display import format_euro, format_number, format_percent

    @register_widget(example=lambda: {"prijs": 100.0})
    def omzet_explorer(prijs=100.0, aantal=50):
        \"\"\"Omzet = prijs × aantal (§2.1).\"\"\"
        def compute(prijs, aantal):
            return {"omzet": prijs * aantal}

        def draw(ax, r):
            bar = ax.bar(["Omzet"], [r["omzet"]], color=PALETTE[0])[0]
            ax.set_ylim(0, 25_000)
            ax.set_title("Omzet")
            return {"bar": bar}

        def update(artists, r):
            artists["bar"].set_height(r["omzet"])

        return ChartExplorer(
            controls={"prijs": slider("Prijs", 10, 200, 5, prijs, unit="€"),
                      "aantal": int_slider("Aantal", 0, 100, 1, aantal, unit="stuks")},
            compute=compute, draw=draw, update=update,
            readout=lambda r: {"Omzet": format_euro(r["omzet"])},
            title="Omzet uit prijs en aantal")

Comparing: a widget that asks the student to compare before and after a move registers
with ``compares=True``; its axes must then stay put for moves within the slider ranges
(fixed limits over every slider position, or :meth:`FlexibleScale.hold` with room above the
start), so a bar that does not change keeps its length (tested). Start a widget at the
numbers of the static result above it in the notebook; a slider's minimum is moved onto the
start value's grid, so the browser does not snap it to another number.

Speed (target: under 30 ms per move): only the artists returned by ``draw`` (and those
stacked above them) are redrawn on a move, over a cached background. Set axis limits,
ticks, titles and legends in ``draw``, wide enough for every slider position; changing
them in ``update`` is allowed but costs a full redraw. Never create or remove artists
in ``update`` (hide them with ``set_visible``); keep ``compute`` vectorised.

What tests/test_widgets_all.py enforces for every registered widget: it builds with its
example data without creating pyplot figures; EVERY control moved to its min, max and
another value (every option of a dropdown) changes the PNG, the readout text and the
result (which must equal ``compute(**w.values)``), with exactly one redraw and no error;
the blitted PNG equals a full redraw. So show every control's effect in the chart AND
in the readout (e.g. echo the chosen option). An ``InputError`` raised by ``compute``
does not crash the widget: its Dutch message appears in the readout (``w.error``).

Headless use (tests, benchmark): ``w.set(prijs=150)`` sets controls and runs the
same callback as a slider move; then read ``w.result``, ``w.image.value`` (PNG
bytes), ``w.readout.value``, ``w.error`` and ``w.callback_times``.

>>> w = demo_explorer()
>>> w.result["omzet"]
5000.0
>>> png = w.image.value
>>> w.set(prijs=150)
>>> w.result["omzet"], w.image.value != png, "7.500" in w.readout.value
(7500.0, True, True)
"""

from __future__ import annotations

import builtins
import io
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..errors import InputError
from ..style import PALETTE
from ..display import format_euro, format_number, format_percent

__all__ = [
    "ChartExplorer",
    "register_widget",
    "registered_widgets",
    "WidgetSpec",
    "slider",
    "int_slider",
    "percent_slider",
    "euro_slider",
    "dropdown",
    "readout_html",
    "value_text",
]

# One grid for every control row, so that in one widget all slider tracks have the same
# usable length and start at the same x: a label column that wraps long Dutch labels, the
# track, and a value column. The browser's own readout is switched off because it formats
# with d3-format, which knows only English notation ("5,500" for five thousand five hundred);
# the value text is formatted in Python by salesnb.display instead.
LABEL_WIDTH = 210
TRACK_WIDTH = 260
VALUE_WIDTH = 110
_HIDDEN_DESCRIPTION = {"description_width": "0px"}


def _label(description: str, unit: str | None) -> str:
    return f"{description} ({unit})" if unit else description


def _control_layout() -> dict:
    return {"width": f"{TRACK_WIDTH}px"}


def _grid_min(min, value, step):
    """The slider's minimum moved (by less than one step) so that ``value`` lies on its grid.

    The browser snaps a slider to ``min + k × step``: a start value between two grid
    points (985 calls from ratios on three decimals, 751 opportunities in steps of 10)
    would silently become another number than the table above the widget shows.
    """
    if not (step and min <= value):
        return min
    steps = builtins.int((value - min) / step + 1e-9)
    lowest = value - steps * step
    return lowest if isinstance(lowest, builtins.int) else round(lowest, 12)


def _with_value_text(control, value_text: Callable[[float], str]):
    """Attach the Dutch formatter for the value shown beside the slider."""
    control.salesnb_value_text = value_text
    return control


def value_text(control) -> str:
    """The Dutch text shown beside a control for its current value ('' for a dropdown).

    >>> value_text(euro_slider("Omzetdoel", 0, 2_000_000, 10_000, 1_200_000))
    '€ 1.200.000'
    >>> value_text(percent_slider("Groei", 0, 0.2, 0.005, 0.06, decimals=1))
    '6,0%'
    >>> value_text(slider("Bezoeken", 0, 10, 0.5, 7.0))
    '7,0'
    """
    formatter = getattr(control, "salesnb_value_text", None)
    return "" if formatter is None else formatter(control.value)


def _value_html(control) -> str:
    return f'<span style="white-space:nowrap">{escape(value_text(control))}</span>'


def slider(description: str, min: float, max: float, step: float, value: float, *,
           unit: str | None = None, decimals: int | None = None,
           continuous_update: bool = True) -> widgets.FloatSlider:
    """A FloatSlider with a Dutch description and the unit in its label: "Prijs (€)".

    >>> s = slider("Marge per jaar", 0, 5000, 100, 1200, unit="€")
    >>> s.description, s.value, value_text(s)
    ('Marge per jaar (€)', 1200.0, '1.200')
    """
    if decimals is None:
        decimals = builtins.max(0, -int(f"{step:e}".split("e")[1]))
    control = widgets.FloatSlider(
        value=value, min=_grid_min(min, value, step), max=max, step=step,
        description=_label(description, unit), readout=False, readout_format=f".{decimals}f", continuous_update=continuous_update,
        style=_HIDDEN_DESCRIPTION, layout=_control_layout())
    return _with_value_text(control, lambda v: format_number(v, decimals))


def int_slider(description: str, min: int, max: int, step: int, value: int, *,
               unit: str | None = None, continuous_update: bool = True) -> widgets.IntSlider:
    """An IntSlider with a Dutch description and unit: "Looptijd (jaren)".

    >>> s = int_slider("Aantal belpogingen", 0, 5000, 10, 2000, unit="stuks")
    >>> s.description, value_text(s)
    ('Aantal belpogingen (stuks)', '2.000')
    """
    control = widgets.IntSlider(
        value=value, min=_grid_min(min, value, step), max=max, step=step,
        description=_label(description, unit),
        readout=False, continuous_update=continuous_update, style=_HIDDEN_DESCRIPTION,
        layout=_control_layout())
    return _with_value_text(control, lambda v: format_number(v, 0))


def percent_slider(description: str, min: float, max: float, step: float, value: float, *,
                   decimals: int = 0, continuous_update: bool = True) -> widgets.FloatSlider:
    """A slider over a FRACTION (0.15) whose readout shows a percentage (15%).

    The value stays a fraction, as everywhere in salesnb.

    >>> s = percent_slider("Retentie", 0.0, 0.95, 0.05, 0.8)
    >>> s.description, s.value, s.readout_format, value_text(s)
    ('Retentie (%)', 0.8, '.0%', '80%')
    """
    control = widgets.FloatSlider(
        value=value, min=_grid_min(min, value, step), max=max, step=step,
        description=_label(description, "%"),
        readout=False, readout_format=f".{decimals}%", continuous_update=continuous_update,
        style=_HIDDEN_DESCRIPTION, layout=_control_layout())
    return _with_value_text(control, lambda v: format_percent(v, decimals))


def euro_slider(description: str, min: float, max: float, step: float, value: float, *,
                continuous_update: bool = True) -> widgets.FloatSlider:
    """A slider over an amount in euros: "Omzetdoel (€)", readout "€ 250.000".

    >>> s = euro_slider("Omzetdoel", 0, 1_000_000, 10_000, 250_000)
    >>> s.description, value_text(s)
    ('Omzetdoel (€)', '€ 250.000')
    """
    control = widgets.FloatSlider(
        value=value, min=_grid_min(min, value, step), max=max, step=step,
        description=_label(description, "€"),
        readout=False, readout_format=",.0f", continuous_update=continuous_update,
        style=_HIDDEN_DESCRIPTION, layout=_control_layout())
    return _with_value_text(control, lambda v: format_euro(v))


def dropdown(description: str, options, value=None) -> widgets.Dropdown:
    """A Dropdown with a Dutch description. ``options``: list, or ``{label: value}``.

    >>> d = dropdown("Weging", {"Prijs zwaar": 0.7, "Kwaliteit zwaar": 0.3})
    >>> d.value
    0.7
    """
    kwargs = {}
    if value is not None:
        kwargs["value"] = value
    return widgets.Dropdown(options=options, description=description,
                            style=_HIDDEN_DESCRIPTION, layout=_control_layout(), **kwargs)


def _keep_together(text: str) -> str:
    """A short value ("€ 5.500", "12,3%") never wraps on its own; a long text wraps as prose."""
    if len(text) <= 24:
        return f'<span style="white-space:nowrap">{escape(text)}</span>'
    return escape(text)


def readout_html(items: Mapping[str, str] | str) -> str:
    """Render the readout: a dict ``{label: value text}`` becomes an HTML list.

    >>> readout_html({"NPS": "+20"})
    '<ul style="list-style:none;padding-left:0;margin:0"><li><b>NPS:</b> <span style="white-space:nowrap">+20</span></li></ul>'
    """
    if isinstance(items, str):
        return items
    rows = "".join(f"<li><b>{escape(str(k))}:</b> {_keep_together(str(v))}</li>"
                   for k, v in items.items())
    return f'<ul style="list-style:none;padding-left:0;margin:0">{rows}</ul>'


class ChartExplorer(widgets.VBox):
    """Sliders/dropdowns over a pure calculation, redrawing one chart (see module doc).

    Parameters: ``controls``, ``compute``, ``draw``, ``update``, ``readout`` as in
    the module docstring; ``title`` (Dutch, shown above the controls);
    ``figsize`` in inches and ``dpi`` (small = fast; default 6.4×3.6 in at 80 dpi);
    ``nrows``/``ncols`` (``draw`` then gets an array of Axes instead of one Axes);
    ``blit`` (default True: only the artists returned by ``draw`` are redrawn on a
    change, over a cached background; changing limits or titles in ``update`` is
    detected and triggers a full redraw, so it is always safe).

    Attributes for tests and notebooks: ``controls`` (name → widget), ``image``
    (``widgets.Image``, PNG bytes in ``.value``), ``readout`` (``widgets.HTML``),
    ``result`` (last compute result), ``values`` (current control values),
    ``figure``, ``artists``, ``error`` (Dutch message of the last InputError or
    None), ``callback_times`` (seconds per redraw, ``time.perf_counter``).
    """

    def __init__(self, controls: Mapping[str, widgets.ValueWidget], compute: Callable[..., dict],
                 draw: Callable, update: Callable | None = None,
                 readout: Callable[[dict], Mapping[str, str] | str] | None = None, *,
                 title: str | None = None, figsize=(6.4, 3.6), dpi: int = 80,
                 nrows: int = 1, ncols: int = 1, readout_width: str = "240px",
                 blit: bool = True):
        self.controls = dict(controls)
        self.compute = compute
        self._draw = draw
        self._update = update
        self._readout_func = readout
        self.callback_times: list[float] = []
        self.error: str | None = None
        self._hold = False

        # Under the presentation style the chart is laid out as in the course style and rendered
        # larger as a whole: its text grows like a static chart's, and nothing is clipped.
        scale, self._style = _style_scale()
        dpi = dpi * scale
        with _rc(self._style):
            self.figure = Figure(figsize=figsize, dpi=dpi)
            self._canvas = FigureCanvasAgg(self.figure)
            if nrows == 1 and ncols == 1:
                self.axes = self.figure.add_subplot()
            else:
                self.axes = self.figure.subplots(nrows, ncols, squeeze=True)

            self.result = self.compute(**self.values)
            self.artists = self._draw(self.axes, self.result)
            self.figure.tight_layout()  # once; no layout engine on later redraws
            _fit_titles(self.figure, self._canvas)
            self.blit = blit and update is not None
            self._background = None
            self._overlay: list = []
            self.full_draws = 0  # full figure draws (the rest are blitted)
            first_png = self._render_png()

        # The chart at its natural pixel size: a flex row would otherwise stretch it.
        width, height = (int(round(size * dpi)) for size in figsize)
        self.image = widgets.Image(format="png", value=first_png,
                                   layout=widgets.Layout(width=f"{width}px", height=f"{height}px",
                                                         flex="0 0 auto"))
        self.readout = widgets.HTML(value=self._readout_text(self.result),
                                    layout=widgets.Layout(min_width=readout_width, flex="1 1 auto",
                                                          padding="0 0 0 12px"))
        self.value_texts = {name: widgets.HTML(value=_value_html(control),
                                               layout=widgets.Layout(width=f"{VALUE_WIDTH}px"))
                            for name, control in self.controls.items()}
        children = []
        if title:
            children.append(widgets.HTML(f"<b>{escape(title)}</b>"))
        children.extend(self._control_row(name, control) for name, control in self.controls.items())
        children.append(widgets.HBox([self.image, self.readout],
                                     layout=widgets.Layout(align_items="flex-start")))
        super().__init__(children)
        for name, control in self.controls.items():
            control.observe(self._on_change, names="value")

    def _control_row(self, name: str, control) -> widgets.HBox:
        """Label column (wraps), the control, and the Dutch value text beside it."""
        label = widgets.HTML(f'<span style="line-height:1.2">{escape(control.description)}</span>',
                             layout=widgets.Layout(width=f"{LABEL_WIDTH}px", margin="0 8px 0 0"))
        return widgets.HBox([label, control, self.value_texts[name]],
                            layout=widgets.Layout(align_items="center"))

    # -- state ---------------------------------------------------------------------
    @property
    def values(self) -> dict:
        """Current control values by name (the keyword arguments of ``compute``)."""
        return {name: control.value for name, control in self.controls.items()}

    def set(self, **values) -> None:
        """Set one or more controls (by name) and redraw once, like a slider move."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise InputError(
                f"Onbekende schuif(en): {', '.join(sorted(unknown))}. "
                f"Deze widget heeft: {', '.join(self.controls)}.")
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        self._refresh()

    # -- callback path ---------------------------------------------------------------
    def _on_change(self, change=None) -> None:
        if change is not None:
            for name, control in self.controls.items():
                if control is change.get("owner"):
                    self.value_texts[name].value = _value_html(control)
        if not self._hold:
            self._refresh()

    def _refresh(self) -> None:
        start = time.perf_counter()
        try:
            result = self.compute(**self.values)
        except InputError as exc:  # a combination of values the calculation refuses
            self.error = str(exc)
            self.readout.value = (f'<p role="alert"><b>Let op:</b> {escape(self.error)}</p>')
            self.callback_times.append(time.perf_counter() - start)
            return
        self.error = None
        self.result = result
        with _rc(self._style):
            if self._update is None:
                for ax in self._all_axes():
                    ax.clear()
                self.artists = self._draw(self.axes, result)
                self._background = None
            else:
                self._update(self.artists, result)
            # The numbers first, then the picture: whoever sees the new chart also reads the new numbers.
            self.readout.value = self._readout_text(result)
            self.image.value = self._render_png()
        self.callback_times.append(time.perf_counter() - start)

    def _all_axes(self):
        try:
            return list(self.axes.flat)
        except AttributeError:
            return [self.axes]

    def _render_png(self) -> bytes:
        """Draw the figure and return it as PNG bytes.

        Blitting: the artists returned by ``draw`` and every artist stacked above
        them (higher zorder: texts, spines, legend) form the overlay; they are
        "animated", so the cached background holds only what lies beneath (axes
        patch, grid, ticks, labels). A redraw restores the background and draws
        the overlay in zorder order: the same pixels as a full draw, for less work.
        Matplotlib does not mark the figure stale when an animated artist changes,
        so ``figure.stale`` after ``update`` means a background artist changed (axis
        limits, ticks, a new artist): then everything is drawn again and re-cached.
        """
        canvas = self._canvas
        if not self.blit:
            canvas.draw()
            return _encode_png(canvas)
        dynamic = [a for a in _flatten_artists(self.artists)
                   if a.get_figure(root=True) is self.figure]
        overlay = [a for a in self._overlay if a.get_figure(root=True) is self.figure]
        if (self._background is None or self.figure.stale
                or len(overlay) != len(self._overlay)
                or any(not a.get_animated() for a in dynamic)):
            self._overlay = overlay = self._overlay_artists(dynamic)
            for artist in overlay:
                artist.set_animated(True)
            canvas.draw()  # everything except the overlay
            self.full_draws += 1
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in overlay:
            self.figure.draw_artist(artist)
        # Drawing itself marks internals stale (tick positions, legend box): all is drawn now.
        for ax in self.figure.axes:
            ax.stale = False
        self.figure.stale = False
        return _encode_png(canvas)

    def _overlay_artists(self, dynamic: list) -> list:
        """Animated artists plus the static ones drawn above them inside the same Axes area.

        A static artist with a higher zorder is redrawn with the overlay (so it stays on
        top) when it lies over its Axes' area, where the dynamic artists are drawn;
        static artists outside it (titles, axis labels, a legend placed outside) stay
        in the cached background.
        """
        from matplotlib.axis import Axis

        renderer = self._canvas.get_renderer()
        dynamic_ids = {id(a) for a in dynamic}
        overlay, placed = [], set()
        for ax in self.figure.axes:
            own = [a for a in dynamic if a.axes is ax]
            if not own:
                continue
            lowest = min(a.get_zorder() for a in own)
            area = ax.bbox.padded(2)

            def over_area(artist) -> bool:
                try:
                    return artist.get_window_extent(renderer).overlaps(area)
                except Exception:  # no extent known: keep it on top to be safe
                    return True

            # Axes.draw order: children sorted by zorder (stable).
            chosen = [c for c in ax.get_children()
                      if id(c) in dynamic_ids
                      or (c is not ax.patch and not isinstance(c, Axis) and c.get_visible()
                          and c.get_zorder() > lowest and over_area(c))]
            chosen += [a for a in own if a not in chosen]
            overlay.extend(sorted(chosen, key=lambda a: a.get_zorder()))
            placed.update(id(a) for a in own)
        overlay.extend(a for a in dynamic if id(a) not in placed)
        return overlay

    def _readout_text(self, result: dict) -> str:
        if self._readout_func is None:
            return ""
        return readout_html(self._readout_func(result))

    def png(self) -> bytes:
        """The current chart as PNG bytes (same as ``self.image.value``)."""
        return bytes(self.image.value)


def _fit_titles(figure, canvas) -> None:
    """Shrink an Axes title that is wider than the figure (the PNG would clip it), to 60% at most."""
    renderer = canvas.get_renderer()
    box = figure.bbox
    for ax in figure.axes:
        for title in (ax.title, ax._left_title, ax._right_title):
            if not title.get_text():
                continue
            size = title.get_fontsize()
            for _ in range(6):
                extent = title.get_window_extent(renderer)
                if extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1:
                    break
                size *= 0.92
                title.set_fontsize(size)


def _style_scale() -> tuple[float, dict | None]:
    """How much larger the current chart style's text is than the course style's, and the course rcParams.

    ``(1.0, None)`` under the course style (nothing to do on a move); under the presentation
    style the factor (17 / 10.5) and the rcParams to lay the chart out in the course style.
    """
    import matplotlib as mpl

    from ..style import STYLES

    base = STYLES["course"]["font.size"]
    scale = float(mpl.rcParams["font.size"]) / base
    if abs(scale - 1.0) < 0.05:
        return 1.0, None
    keys = set(STYLES["course"]) | {k for style in STYLES.values() for k in style}
    params = {k: mpl.rcParamsDefault[k] for k in keys if k in mpl.rcParamsDefault}
    params.update({k: v for k, v in STYLES["course"].items() if v is not None})
    params.pop("axes.prop_cycle", None)  # the palette is the same in every style
    return max(scale, 1.0), params


def _rc(params: dict | None):
    """``matplotlib.rc_context(params)``, or no context at all for the course style (fast path)."""
    from contextlib import nullcontext

    if params is None:
        return nullcontext()
    import matplotlib as mpl

    return mpl.rc_context(params)


def _flatten_artists(obj) -> list:
    """The matplotlib Artists inside ``obj`` (an Artist, or dicts/lists/tuples/arrays of them)."""
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes

    out, stack = [], [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, (Axes, Figure)):
            continue  # containers, not data artists: they stay static
        if isinstance(item, Artist):
            out.append(item)
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif hasattr(item, "dtype") and getattr(item, "dtype", None) == object:
            stack.extend(item.flat)
    out.reverse()
    return list({id(a): a for a in out}.values())


def _encode_png(canvas) -> bytes:
    from PIL import Image

    rgba = canvas.buffer_rgba()
    image = Image.frombuffer("RGBA", (rgba.shape[1], rgba.shape[0]), rgba, "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class WidgetSpec:
    """A registered widget function and its example keyword arguments."""

    name: str
    func: Callable[..., ChartExplorer]
    example: Callable[[], dict]
    module: str
    compares: bool = False


_WIDGETS: dict[str, WidgetSpec] = {}


def register_widget(example: Callable[[], dict] = dict, *, compares: bool = False):
    """Decorator: register a widget function (returning a ChartExplorer) with example kwargs.

    ``example`` is a zero-argument function returning keyword arguments for a
    typical call (it may load company data). The generic tests build the widget
    with them and move every control; the benchmark times each move.
    ``compares=True`` says the widget asks the student to compare before and after a
    move: its axes then stay put for moves within the slider ranges (tested).
    """
    if not callable(example):
        raise TypeError("example must be a zero-argument callable returning kwargs")

    def decorator(func):
        _WIDGETS[func.__name__] = WidgetSpec(func.__name__, func, example, func.__module__, compares)
        return func

    return decorator


def registered_widgets() -> dict[str, WidgetSpec]:
    """All registered widget functions by name (after ``import salesnb.widgets``)."""
    return dict(_WIDGETS)


# --------------------------------------------------------------------------- demo


def demo_explorer(prijs: float = 100.0, aantal: int = 50) -> ChartExplorer:
    """A tiny example widget: omzet = prijs × aantal (used in doctests and tests).

    >>> demo_explorer().values
    {'prijs': 100.0, 'aantal': 50}
    """

    def compute(prijs, aantal):
        return {"omzet": prijs * aantal}

    def draw(ax, r):
        bar = ax.bar(["Omzet"], [r["omzet"]], color=PALETTE[0], width=0.5)[0]
        label = ax.text(0, r["omzet"], format_euro(r["omzet"]), ha="center", va="bottom")
        ax.set_ylim(0, 200 * 100 * 1.15)
        ax.set_title("Omzet = prijs × aantal")
        ax.set_ylabel("Omzet (€)")
        return {"bar": bar, "label": label}

    def update(artists, r):
        artists["bar"].set_height(r["omzet"])
        artists["label"].set_y(r["omzet"])
        artists["label"].set_text(format_euro(r["omzet"]))

    return ChartExplorer(
        controls={"prijs": slider("Prijs", 10, 200, 5, prijs, unit="€"),
                  "aantal": int_slider("Aantal", 0, 100, 1, aantal, unit="stuks")},
        compute=compute, draw=draw, update=update,
        readout=lambda r: {"Omzet": format_euro(r["omzet"])},
        title="Omzet uit prijs en aantal", figsize=(4.0, 3.0))
