"""Benchmark: in-kernel callback time of every registered widget (target median < 30 ms).

Builds every widget registered with ``@register_widget`` (with its example data), moves
each control at least 20 times across its range (sliders) or through its options
(dropdowns), and reads ``ChartExplorer.callback_times`` (time.perf_counter around
compute + update + PNG render + readout). Also times the PNG render alone and counts
the moves that needed a full redraw instead of a blit. Prints a
table and writes benchmarks/results/widget_callbacks.json. Measures; never asserts.

    .venv/bin/python benchmarks/widget_callbacks.py [name ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import save, summary  # noqa: E402

MOVES = 20
TARGET_MS = 30.0


def move_values(control, moves: int = MOVES) -> list:
    """``moves`` values spread over a control's range, alternating low and high."""
    import ipywidgets as widgets

    if isinstance(control, widgets.Dropdown):
        options = list(control._options_values)
        start = options.index(control.value)
        return [options[(start + 1 + i) % len(options)] for i in range(moves)]
    lo, hi, step = control.min, control.max, control.step
    n_steps = max(int(round((hi - lo) / step)), 1)
    values = []
    for i in range(moves):
        k = (i * 7 + 3) % (n_steps + 1)  # jump around the range, not only neighbours
        value = lo + k * step
        values.append(int(value) if isinstance(control, widgets.IntSlider) else value)
    # Avoid a no-op first move (no callback when the value does not change).
    return [v for v in values if v != control.value] or [hi if control.value != hi else lo]


def bench_widget(spec) -> dict:
    start = time.perf_counter()
    widget = spec.func(**spec.example())
    build = time.perf_counter() - start
    per_control = {}
    times: list[float] = []
    full_before = widget.full_draws
    for name, control in widget.controls.items():
        before = len(widget.callback_times)
        for value in move_values(control):
            widget.set(**{name: value})
        moved = widget.callback_times[before:]
        per_control[name] = summary([t * 1000 for t in moved])
        times.extend(moved)
    render = []
    for _ in range(10):
        t0 = time.perf_counter()
        widget._render_png()
        render.append(time.perf_counter() - t0)
    return {
        "module": spec.module,
        "build_ms": build * 1000,
        "callbacks_ms": summary([t * 1000 for t in times]),
        "render_png_ms": summary([t * 1000 for t in render]),
        "per_control_ms": per_control,
        "full_redraws": widget.full_draws - full_before,  # the other moves were blitted
        "png_bytes": len(widget.image.value),
        "errors": widget.error,
    }


def main(names=None) -> dict:
    import salesnb.widgets  # noqa: F401  (imports every theme module: fills the registry)
    from salesnb.widgets._base import registered_widgets

    specs = registered_widgets()
    chosen = sorted(names or specs)
    results, failed = {}, {}
    for name in chosen:
        try:
            results[name] = bench_widget(specs[name])
        except Exception as exc:  # report, keep measuring the others
            failed[name] = f"{type(exc).__name__}: {exc}"
    header = (f"{'widget':34} {'moves':>5} {'median ms':>9} {'p90 ms':>7} {'png ms':>7} "
              f"{'full':>5} {'build ms':>8}")
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        c = r["callbacks_ms"]
        flag = "" if c["median"] < TARGET_MS else "  > target"
        print(f"{name:34} {c['n']:5d} {c['median']:9.1f} {c['p90']:7.1f} "
              f"{r['render_png_ms']['median']:7.1f} {r['full_redraws']:5d} {r['build_ms']:8.0f}{flag}")
    for name, message in failed.items():
        print(f"{name:34} FAILED: {message}")
    print("\n'full' counts moves that redrew the whole figure (update changed axis limits, ticks or\n"
          "titles, or added artists); all other moves only redrew the changed artists (blitting).")
    medians = [r["callbacks_ms"]["median"] for r in results.values()]
    if medians:
        within = sum(m < TARGET_MS for m in medians)
        print(f"\n{within} of {len(medians)} widgets have a median callback under {TARGET_MS:.0f} ms.")
    path = save("widget_callbacks", {"target_median_ms": TARGET_MS, "moves_per_control": MOVES,
                                     "widgets": results, "failed": failed})
    print(f"Results: {path}")
    return results


if __name__ == "__main__":
    main(sys.argv[1:] or None)
