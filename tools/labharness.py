"""Drive real JupyterLab in headless Chromium, as a student would see it.

Used by tests/test_browser.py and benchmarks/slider_latency.py. It starts a JupyterLab
server on 127.0.0.1 (free port, token, news and update checks off, every Jupyter /
IPython / matplotlib config dir in a temporary folder) on a COPY of the notebooks,
so that nothing the browser saves touches the stored notebooks, and launches Debian's
Chromium through Playwright (no browser download).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def chromium_missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return ("Chromium is not installed: on Debian/Ubuntu run "
                "'sudo apt-get install chromium' (CI installs it in .ci/run).")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is missing: run 'python3 course.py test' to install it."
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def widget_cells(path: Path) -> list[int]:
    """Indices (among all cells) of the cells whose stored output is a live widget."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [i for i, c in enumerate(cells) if c["cell_type"] == "code"
            and any(WIDGET_MIME in o.get("data", {}) for o in c.get("outputs", []))]


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextlib.contextmanager
def jupyterlab(notebooks: list[Path] | None = None):
    """Start JupyterLab on a temporary copy of the notebooks; yield (base_url, token, workdir)."""
    tmp = Path(tempfile.mkdtemp(prefix="salesnb-lab-"))
    workdir = tmp / "notebooks"
    workdir.mkdir()
    for path in notebooks or sorted(NOTEBOOKS.glob("*.ipynb")):
        shutil.copy2(path, workdir / path.name)
    settings = tmp / "lab-settings"
    notification = settings / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    env = {k: v for k, v in os.environ.items() if k not in ("SALESNB_SEED", "SALESNB_TEACHER")}
    for name, sub in [("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython"),
                      ("MPLCONFIGDIR", "mpl"), ("JUPYTERLAB_WORKSPACES_DIR", "workspaces")]:
        (tmp / sub).mkdir()
        env[name] = str(tmp / sub)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(settings)
    port, token = free_port(), secrets.token_hex(16)
    log = open(tmp / "server.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={workdir}", "--LabApp.expose_app_in_browser=True",
         "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
         "jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly",
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError("JupyterLab stopped:\n" + (tmp / "server.log").read_text()[-3000:])
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("JupyterLab did not start in 90 s:\n"
                                   + (tmp / "server.log").read_text()[-3000:])
            time.sleep(0.5)
        yield base, token, workdir
    finally:
        _stop(process)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def chromium(viewport=(1280, 900)):
    """Launch Debian's Chromium headless with a fresh profile; yield a Playwright page."""
    from playwright.sync_api import sync_playwright

    profile = Path(tempfile.mkdtemp(prefix="salesnb-chromium-"))
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": viewport[0], "height": viewport[1]},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            yield page
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


def open_and_run_all(page, base: str, token: str, name: str, timeout: float = 240) -> None:
    """Open a notebook with ?reset, restart the kernel, run all cells and wait until idle."""
    page.goto(f"{base}/lab/tree/{name}?reset&token={token}")
    page.wait_for_function(
        "() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.sessionContext"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"
        " && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
        timeout=120_000,
    )
    page.evaluate("() => { window.__restart = window.jupyterapp.commands.execute('notebook:restart-run-all'); }")
    page.locator(".jp-Dialog button.jp-mod-accept").click(timeout=30_000)
    page.wait_for_function(
        """() => {
            const panel = window.jupyterapp.shell.currentWidget;
            const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
            if (!kernel || kernel.status !== 'idle') return false;
            return panel.content.widgets.every(cell => cell.model.type !== 'code'
                || cell.model.sharedModel.getSource().trim() === ''
                || (cell.model.executionCount !== null && !cell.hasClass('jp-mod-pending')
                    && cell.promptNode && !cell.promptNode.textContent.includes('*')));
        }""",
        timeout=timeout * 1000,
        polling=500,
    )


def cell_locator(page, index: int):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell").nth(index)


def slider_state(cell):
    """(chart image sources, text readouts) of the widgets in one cell's output."""
    images = cell.locator(".jp-OutputArea img").evaluate_all("els => els.map(e => e.src)")
    texts = cell.locator(".jp-OutputArea .widget-html, .jp-OutputArea .widget-label").evaluate_all(
        "els => els.map(e => e.textContent)")
    return images, texts
