"""Shared helpers for the benchmark scripts: timing statistics and the results file."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def machine() -> dict:
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def quantile(values, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def summary(values) -> dict:
    return {"n": len(values), "median": statistics.median(values), "p90": quantile(values, 0.9),
            "min": min(values), "max": max(values)}


def wall_time(command: list[str], *, cwd=ROOT, env=None, check=True) -> float:
    """Seconds the command took; with check=False a failing command is timed too."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=check,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def save(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **payload}, indent=2), encoding="utf-8")
    return path
