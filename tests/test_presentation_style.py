"""Every registered chart and widget under the presentation style (the projector in class).

Read from the renderer: titles, axis labels and legends lie inside the picture (a widget's PNG
has a fixed size, so anything outside it is clipped; a static chart is shown with a tight box),
no legend lies over an axis label or a title, and widget text grows like a static chart's.
"""

from __future__ import annotations

import io

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

import salesnb.plots  # noqa: F401  (registers the charts)
import salesnb.widgets  # noqa: F401  (registers the widgets)
from salesnb.plots._base import registered_plots
from salesnb.style import STYLES, use_style
from salesnb.widgets._base import registered_widgets

PLOTS = registered_plots()
WIDGETS = registered_widgets()


@pytest.fixture
def presentation():
    with matplotlib.rc_context():
        use_style("presentation")
        yield
    # rc_context restores every rcParam, also those use_style changed


def _boxes(figure, renderer) -> list[dict]:
    out = []
    for ax in figure.axes:
        items = {"titel": ax.title, "titel links": ax._left_title, "titel rechts": ax._right_title,
                 "x-as-label": ax.xaxis.label, "y-as-label": ax.yaxis.label}
        boxes = {k: t.get_window_extent(renderer) for k, t in items.items() if t.get_text() and t.get_visible()}
        legend = ax.get_legend()
        if legend is not None and legend.get_visible():
            boxes["legenda"] = legend.get_window_extent(renderer)
        out.append(boxes)
    out.extend({"legenda": legend.get_window_extent(renderer)} for legend in figure.legends)
    return out


def _problems(figure, *, clipped: bool) -> list[str]:
    canvas = figure.canvas if isinstance(figure.canvas, FigureCanvasAgg) else FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    frame, problems = figure.bbox, []
    for boxes in _boxes(figure, renderer):
        for name, box in boxes.items():
            if clipped and (box.x0 < frame.x0 - 1 or box.x1 > frame.x1 + 1
                            or box.y0 < frame.y0 - 1 or box.y1 > frame.y1 + 1):
                problems.append(f"{name} valt buiten het plaatje")
        legend = boxes.get("legenda")
        for name, box in boxes.items():
            if legend is not None and name != "legenda" and legend.overlaps(box):
                problems.append(f"legenda over de {name}")
    return problems


@pytest.mark.parametrize("name", sorted(PLOTS))
def test_chart_under_the_presentation_style(name, presentation):
    import matplotlib.pyplot as plt

    spec = PLOTS[name]
    try:
        ax = spec.func(**spec.example())
        assert not _problems(ax.get_figure(root=True), clipped=False), name
    finally:
        plt.close("all")


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_under_the_presentation_style(name, presentation):
    spec = WIDGETS[name]
    w = spec.func(**spec.example())
    problems = _problems(w.figure, clipped=True)
    assert not problems, f"{name}: {problems}"


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_under_the_course_style(name):
    with matplotlib.rc_context():
        use_style("course")
        spec = WIDGETS[name]
        w = spec.func(**spec.example())
        problems = _problems(w.figure, clipped=True)
    assert not problems, f"{name}: {problems}"


def test_widget_text_grows_with_the_presentation_style():
    from PIL import Image

    from salesnb.widgets._base import demo_explorer

    with matplotlib.rc_context():
        use_style("course")
        course = demo_explorer()
    with matplotlib.rc_context():
        use_style("presentation")
        big = demo_explorer()
        big.set(prijs=150)  # a move keeps the enlarged picture
    scale = STYLES["presentation"]["font.size"] / STYLES["course"]["font.size"]
    small_size = Image.open(io.BytesIO(course.png())).size
    big_size = Image.open(io.BytesIO(big.png())).size
    assert big_size[0] == pytest.approx(small_size[0] * scale, abs=2)
    assert big.image.layout.width == f"{big_size[0]}px", "shown at its natural size"

    def title_height(w):
        renderer = w._canvas.get_renderer()
        return w.axes.title.get_window_extent(renderer).height

    assert title_height(big) == pytest.approx(title_height(course) * scale, rel=0.1)
