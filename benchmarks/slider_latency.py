"""Benchmark 2: key press on a slider to new chart pixels, in JupyterLab in Chromium.

For every slider of every widget in every notebook: >= 20 moves (ArrowRight and
ArrowLeft in turn, PAUSE_MS apart); each move is timed in the page from the keydown event to the
decoded new chart image on the next animation frame. Reports median and p90 per
slider (target median <= 60 ms), and the same for the floor: a slider that only swaps two
ready-made tiny PNGs, measured in the same run (what the kernel, server, browser and frame
timing cost without any work of ours). The in-kernel callback time per widget is measured
by benchmarks/widget_callbacks.py (target <= 30 ms). Measures; never asserts.
"""

import sys
from pathlib import Path

from _common import ROOT, save, summary

sys.path.insert(0, str(ROOT / "tools"))
import labharness  # noqa: E402

MOVES = 20
# Pause after each new chart, as a student who presses, looks and presses again. Back to back,
# a press meets the tail of the previous move (its echo and the kernel's idle message): even the
# floor slider then takes about twice as long, which measures the queue rather than the response.
PAUSE_MS = 200

INSTALL = """
([cell]) => {
    window.__lat = [];
    if (!window.__keyListener) {
        window.__keyListener = true;
        document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    }
    if (window.__observer) window.__observer.disconnect();
    window.__observer = new MutationObserver(records => {
        for (const record of records) {
            const img = record.target;
            const t0 = window.__t0;
            img.decode().then(() => requestAnimationFrame(
                () => window.__lat.push(performance.now() - t0)));
        }
    });
    for (const img of cell.querySelectorAll('.jp-OutputArea img'))
        window.__observer.observe(img, {attributes: true, attributeFilter: ['src']});
}
"""


def _redrawn(page, count: int, timeout_ms: int) -> bool:
    """Wait until ``count`` redraws are timed; False when none came in time."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"() => window.__lat.length >= {count}", timeout=timeout_ms)
    except PlaywrightTimeout:
        return False
    return True


def measure_slider(page, cell, handle) -> dict:
    """MOVES key presses on one slider handle, alternating direction; a move that brings no new
    chart within 10 s is counted in ``moves_without_redraw`` instead of timed."""
    page.evaluate(INSTALL, [cell.element_handle()])
    handle.focus()
    keys = ["ArrowRight", "ArrowLeft"]
    page.keyboard.press(keys[0])
    if not _redrawn(page, 1, 5_000):
        keys.reverse()  # the slider starts at the end of its range: go the other way first
        page.keyboard.press(keys[0])
        if not _redrawn(page, 1, 10_000):
            return {"moves_without_redraw": MOVES}
    misses = 0
    for move in range(1, MOVES):
        page.wait_for_timeout(PAUSE_MS)
        page.keyboard.press(keys[move % 2])
        if not _redrawn(page, move + 1 - misses, 10_000):
            misses += 1
    return {**summary(page.evaluate("() => window.__lat")), "moves_without_redraw": misses}


FLOOR_CODE = """\
import io
import ipywidgets as widgets
from PIL import Image

def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), colour).save(buffer, format="png")
    return buffer.getvalue()

pictures = [png("white"), png("black")]
slider, image, label = widgets.IntSlider(value=50), widgets.Image(value=pictures[0]), widgets.Label("50")
def move(change):
    label.value = str(change["new"])
    image.value = pictures[change["new"] % 2]
slider.observe(move, names="value")
widgets.VBox([slider, image, label])
"""


def write_floor_notebook(directory: Path) -> Path:
    """The floor: a slider that swaps two ready-made tiny PNGs, with no computation or drawing."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FLOOR_CODE)]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = directory / "floor.ipynb"
    nbformat.write(notebook, path)
    return path


def measure_notebook(page, base, token, path: Path, cells: list[int] | None = None) -> dict:
    labharness.open_and_run_all(page, base, token, path.name)
    results = {}
    for index in labharness.widget_cells(path) if cells is None else cells:
        cell = labharness.cell_locator(page, index)
        cell.scroll_into_view_if_needed()
        cell.locator(".jp-OutputArea .jupyter-widgets").first.wait_for(state="attached", timeout=60_000)
        handles = cell.locator(".jp-OutputArea .noUi-handle")
        for h in range(handles.count()):
            stats = measure_slider(page, cell, handles.nth(h))
            results[f"cell {index} slider {h}"] = stats
            median = f"{stats['median']:10.1f} {stats['p90']:8.1f}" if "median" in stats else f"{'-':>10s} {'-':>8s}"
            print(f"{path.name + f' cell {index} slider {h}':60s} {median} {stats['moves_without_redraw']:6d}",
                  flush=True)
    return results


def main(names=None) -> dict:
    """Measure every notebook, or those whose file name starts with one of ``names``."""
    reason = labharness.chromium_missing_reason()
    if reason:
        print(f"slider latency not measured: {reason}")
        return {}
    notebooks = [p for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
                 if not names or p.name.startswith(tuple(names))]
    results = {}
    print(f"{'notebook / slider':60s} {'median ms':>10s} {'p90 ms':>8s} {'missed':>6s}")
    with labharness.jupyterlab() as (base, token, workdir), labharness.chromium() as page:
        results["(floor)"] = measure_notebook(page, base, token, write_floor_notebook(workdir), cells=[0])
        for path in notebooks:
            if labharness.widget_cells(path):
                results[path.name] = measure_notebook(page, base, token, path)
    save("slider_latency", {"sliders": results, "target_median_ms": 60})
    medians = [stats["median"] for name, sliders in results.items() for stats in sliders.values()
               if "median" in stats and name != "(floor)"]
    if medians:
        print(f"{sum(m <= 60 for m in medians)} of {len(medians)} sliders have a median under 60 ms; "
              f"median of the medians {sorted(medians)[len(medians) // 2]:.0f} ms")
    floor = results.get("(floor)", {}).get("cell 0 slider 0", {})
    if "median" in floor:
        print(f"floor (a slider swapping two ready PNGs): median {floor['median']:.0f} ms, "
              f"p90 {floor['p90']:.0f} ms")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
