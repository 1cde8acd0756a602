"""Capacity of one hub: N students at once, each running a chapter notebook top to bottom.

For 5, 10, 20 and 30 simultaneous students on this machine: the time from asking for the
servers until each was ready (spawn), the time each student needed to run the whole
notebook when everybody starts together, and the peak memory per student (their
single-user server and their kernel, resident set size). Measures, never asserts.

    python3 benchmarks/hub_capacity.py [--levels 5,10,20,30] [--notebook 06_klantportfoliomanagement.ipynb]

Uses deploy/localhub.py (JupyterHub with SimpleLocalProcessSpawner and configurable-http-proxy
on 127.0.0.1). It hogs every core for several minutes: run it on an otherwise quiet machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil

from _common import RESULTS, ROOT, machine, save, summary

LEVELS = (5, 10, 20, 30)
NOTEBOOK = "06_klantportfoliomanagement.ipynb"
BUDGET_S = 12 * 60  # the whole run; later levels are skipped (and reported) beyond it


def _localhub():
    spec = importlib.util.spec_from_file_location("localhub", ROOT / "deploy" / "localhub.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class MemorySampler(threading.Thread):
    """Peak RSS per user of their server and kernel(s), and of the machine, every 0.5 s."""

    def __init__(self, hub, users):
        super().__init__(daemon=True)
        self.hub, self.users = hub, set(users)
        self.peak = {u: {"server": 0, "kernel": 0, "total": 0} for u in users}
        self.used_peak = psutil.virtual_memory().used
        self.done = threading.Event()

    def _servers(self):
        servers = {}
        for proc in psutil.Process(self.hub.process.pid).children(recursive=True):
            try:
                if "jupyterhub.singleuser" in " ".join(proc.cmdline()):
                    user = proc.environ().get("JUPYTERHUB_USER")
                    if user in self.users:
                        servers[user] = proc
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return servers

    def sample(self):
        for user, server in self._servers().items():
            try:
                own = server.memory_info().rss
                kernels = sum(k.memory_info().rss for k in server.children(recursive=True))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            peak = self.peak[user]
            peak["server"] = max(peak["server"], own)
            peak["kernel"] = max(peak["kernel"], kernels)
            peak["total"] = max(peak["total"], own + kernels)
        self.used_peak = max(self.used_peak, psutil.virtual_memory().used)

    def run(self):
        while not self.done.is_set():
            self.sample()
            self.done.wait(0.5)


def _code_cells(notebook: Path) -> list[str]:
    nb = nbformat.read(notebook, as_version=4)
    return [cell.source for cell in nb.cells if cell.cell_type == "code" and cell.source.strip()]


def _student_run(hub, user, cells, results, reconnects):
    start = time.monotonic()
    try:
        with hub.kernel(user, path="cursus") as kernel:
            for source in cells:
                kernel.run(source, timeout=900)
            reconnects[user] = kernel.reconnects
        results[user] = time.monotonic() - start
    except Exception as exc:  # a failed student is reported, the others go on
        results[user] = exc


def run_level(hub, n, cells, notebook):
    users = [f"c{n:02d}s{i:02d}" for i in range(n)]
    hub.add_users(users)
    baseline = psutil.virtual_memory().used
    t0 = time.monotonic()
    spawn = hub.start_servers(users)
    spawn_all = time.monotonic() - t0
    for user in users:
        (hub.home(user) / "cursus").mkdir(exist_ok=True)
        (hub.home(user) / "cursus" / notebook.name).write_bytes(notebook.read_bytes())
        hub.user_token(user)
    sampler = MemorySampler(hub, users)
    sampler.start()
    results: dict = {}
    reconnects: dict = {}
    threads = [threading.Thread(target=_student_run, args=(hub, u, cells, results, reconnects))
               for u in users]
    t0 = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run_all = time.monotonic() - t0
    sampler.sample()
    sampler.done.set()
    sampler.join()
    for user in users:
        hub.api("DELETE", f"/users/{user}/server")
    finished = [t for t in results.values() if isinstance(t, float)]
    failed = {u: repr(e)[:300] for u, e in results.items() if not isinstance(e, float)}
    mb = 1024 * 1024
    peaks = list(sampler.peak.values())
    return {
        "students": n,
        "spawn_s": summary(list(spawn.values())),
        "spawn_all_s": spawn_all,
        "finish_s": summary(finished) if finished else None,
        "run_all_s": run_all,
        "failed": failed,
        "websocket_reconnects": sum(reconnects.values()),
        "peak_server_mb": statistics.median(p["server"] for p in peaks) / mb,
        "peak_kernel_mb": statistics.median(p["kernel"] for p in peaks) / mb,
        "peak_total_mb": {"median": statistics.median(p["total"] for p in peaks) / mb,
                          "max": max(p["total"] for p in peaks) / mb},
        "machine_used_per_student_mb": (sampler.used_peak - baseline) / n / mb,
    }


def _wait_stopped(hub, users, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(hub.api("GET", f"/users/{u}")[1]["servers"] for u in users):
            return
        time.sleep(1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    parser.add_argument("--notebook", default=NOTEBOOK)
    args = parser.parse_args([] if argv is None else argv)
    levels = [int(n) for n in args.levels.split(",")]
    notebook = ROOT / "notebooks" / args.notebook
    cells = _code_cells(notebook)
    localhub = _localhub()
    report = {"notebook": notebook.name, "code_cells": len(cells), "levels": [], "skipped": [],
              "load_before": psutil.getloadavg()}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hub-capacity-") as tmp:
        with localhub.LocalHub(Path(tmp), timeout=600) as hub:
            per_student = 0.0  # seconds of the whole run per student, from the previous level
            for n in levels:
                if time.monotonic() - started + per_student * n > BUDGET_S:
                    report["skipped"].append(n)
                    continue
                print(f"{n} students ...", flush=True)
                level_start = time.monotonic()
                level = run_level(hub, n, cells, notebook)
                report["levels"].append(level)
                _print_level(level)
                _wait_stopped(hub, [f"c{n:02d}s{i:02d}" for i in range(n)])
                per_student = (time.monotonic() - level_start) / n
            (RESULTS / "hub_capacity.log").parent.mkdir(parents=True, exist_ok=True)
            (RESULTS / "hub_capacity.log").write_text(hub.log_tail(100_000), encoding="utf-8")
    report["total_s"] = time.monotonic() - started
    path = save("hub_capacity", report)
    print(f"{machine()['date']}: {report['total_s']:.0f} s in all; skipped {report['skipped'] or 'none'}; "
          f"results in {path.relative_to(ROOT)}")
    return report


def _print_level(level):
    finish = level["finish_s"] or {"median": float("nan"), "max": float("nan")}
    print(f"  spawn median {level['spawn_s']['median']:.1f} s, all ready after {level['spawn_all_s']:.1f} s; "
          f"notebook median {finish['median']:.1f} s, slowest {finish['max']:.1f} s; "
          f"peak per student: server {level['peak_server_mb']:.0f} MB + kernel "
          f"{level['peak_kernel_mb']:.0f} MB (machine: {level['machine_used_per_student_mb']:.0f} MB); "
          f"failed: {len(level['failed'])}, websocket reconnects: {level['websocket_reconnects']}",
          flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
