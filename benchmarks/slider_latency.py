"""Benchmark 2: key press on a slider to new chart pixels, in JupyterLab in Chromium.

For every slider of every widget in every notebook: >= 20 moves (ArrowRight and
ArrowLeft in turn); each move is timed in the page from the keydown event to the
decoded new chart image on the next animation frame. Reports median and p90 per
slider (target median <= 60 ms). The in-kernel callback time per widget is measured
by benchmarks/widget_callbacks.py (target <= 30 ms). Measures; never asserts.
"""

import sys
from pathlib import Path

from _common import ROOT, save, summary

sys.path.insert(0, str(ROOT / "tools"))
import labharness  # noqa: E402

MOVES = 20

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


def measure_notebook(page, base, token, path: Path) -> dict:
    labharness.open_and_run_all(page, base, token, path.name)
    results = {}
    for index in labharness.widget_cells(path):
        cell = labharness.cell_locator(page, index)
        cell.scroll_into_view_if_needed()
        handles = cell.locator(".jp-OutputArea .noUi-handle")
        for h in range(handles.count()):
            page.evaluate(INSTALL, [cell.element_handle()])
            handles.nth(h).focus()
            for move in range(MOVES):
                page.keyboard.press("ArrowRight" if move % 2 == 0 else "ArrowLeft")
                page.wait_for_function(f"() => window.__lat.length >= {move + 1}", timeout=15_000)
            latencies = page.evaluate("() => window.__lat")
            results[f"cell {index} slider {h}"] = summary(latencies)
    return results


def main() -> dict:
    reason = labharness.chromium_missing_reason()
    if reason:
        print(f"slider latency not measured: {reason}")
        return {}
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    results = {}
    with labharness.jupyterlab() as (base, token, _), labharness.chromium() as page:
        for path in notebooks:
            if labharness.widget_cells(path):
                results[path.name] = measure_notebook(page, base, token, path)
    save("slider_latency", {"sliders": results, "target_median_ms": 60})
    print(f"{'notebook / slider':60s} {'median ms':>10s} {'p90 ms':>8s}")
    for name, sliders in results.items():
        for slider, stats in sliders.items():
            print(f"{name + ' ' + slider:60s} {stats['median']:10.1f} {stats['p90']:8.1f}")
    return results


if __name__ == "__main__":
    main()
