"""Run every benchmark in turn (python3 course.py bench). They measure and report; none asserts."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BENCHMARKS = ["import_time", "widget_callbacks", "scale", "notebook_suite", "slider_latency",
              "hub_capacity"]

if __name__ == "__main__":
    chosen = sys.argv[1:] or BENCHMARKS
    for name in chosen:
        print(f"\n=== {name} ===", flush=True)
        importlib.import_module(name).main()
