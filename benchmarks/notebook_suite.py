"""Benchmark 1: each notebook under nbval against the floor, measured in the same run.

The floor is an empty notebook that only imports pandas, matplotlib and ipywidgets,
run the same way. Target: every notebook within 1.5x the floor. Measures; never asserts.
"""

import sys
import tempfile
from pathlib import Path

import nbformat

from _common import ROOT, save, wall_time

REPEATS = 2


def nbval_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-n0", "-o", "addopts=", "-p", "no:cacheprovider",
            "--nbval", "--nbval-current-env", "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval_sanitize.cfg"), str(path)]


def floor_notebook(directory: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import pandas\nimport matplotlib\nimport ipywidgets")]
    notebook.cells[0].execution_count = 1
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    path = directory / "floor.ipynb"
    nbformat.write(notebook, path)
    return path


def main() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        floor = floor_notebook(Path(tmp))
        timings = {"(floor)": min(wall_time(nbval_command(floor)) for _ in range(REPEATS))}
        for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            # a notebook that fails nbval is still timed (the test suite reports the failure)
            timings[path.name] = min(wall_time(nbval_command(path), check=False)
                                     for _ in range(REPEATS))
    floor_time = timings["(floor)"]
    rows = {name: {"seconds": t, "ratio": t / floor_time} for name, t in timings.items()}
    save("notebook_suite", {"notebooks": rows, "target_ratio": 1.5})
    print(f"{'notebook':45s} {'seconds':>8s} {'x floor':>8s}")
    for name, row in rows.items():
        flag = "" if row["ratio"] <= 1.5 else "  (above target 1.5)"
        print(f"{name:45s} {row['seconds']:8.2f} {row['ratio']:8.2f}{flag}")
    return rows


if __name__ == "__main__":
    main()
