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
    # every cell fully rendered (no windowing), so that layout checks see the whole notebook
    notebook_settings = settings / "@jupyterlab" / "notebook-extension"
    notebook_settings.mkdir(parents=True)
    (notebook_settings / "tracker.jupyterlab-settings").write_text(
        json.dumps({"windowingMode": "none"}))
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


# What a student must never see in an output: checked in the browser on the rendered page.
PRESENTATION_CHECKS_JS = r"""
(panelSelector) => {
    const panel = document.querySelector(panelSelector);
    const problems = [];
    const cells = [...panel.querySelectorAll('.jp-Notebook .jp-Cell')];
    const englishNumber = /(^|[^\d.,])\d{1,3}(,\d{3})+(?![\d,])|(^|[^\d.,])\d+\.\d{1,2}(?![\d.])/;
    const rawValue = /\b(NaN|nan|inf|-inf|True|False|None)\b|dtype:|<NA>|NaT/;
    const panelWidth = panel.querySelector('.jp-WindowedPanel-outer, .jp-Notebook').clientWidth;
    cells.forEach((cell, index) => {
        const where = `cel ${index}`;
        // a code line past the cell edge
        cell.querySelectorAll('.jp-InputArea .cm-scroller').forEach(scroller => {
            if (scroller.scrollWidth > scroller.clientWidth + 2)
                problems.push(`${where}: een coderegel loopt voorbij de rand van de cel`);
        });
        const outputs = [...cell.querySelectorAll('.jp-OutputArea-output')];
        outputs.forEach(out => {
            if (out.closest('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')) return;
            const text = out.innerText || '';
            const raw = text.match(rawValue);
            if (raw) problems.push(`${where}: ruwe waarde ${JSON.stringify(raw[0])} zichtbaar`);
            if (out.scrollWidth > out.clientWidth + 2 || out.getBoundingClientRect().width > panelWidth + 2)
                problems.push(`${where}: uitvoer breder dan het notebook (${out.scrollWidth} px)`);
            out.querySelectorAll('img').forEach(img => {
                if (!img.naturalWidth || !img.clientWidth) return;
                const natural = img.naturalWidth / img.naturalHeight;
                const shown = img.clientWidth / img.clientHeight;
                if (Math.abs(shown / natural - 1) > 0.02)
                    problems.push(`${where}: afbeelding vervormd (${img.clientWidth}x${img.clientHeight}, `
                                  + `eigen maat ${img.naturalWidth}x${img.naturalHeight})`);
            });
        });
        // widget text: labels, readouts, slider values (the browser's own readout included)
        cell.querySelectorAll('.jp-OutputArea .widget-html, .jp-OutputArea .widget-label, '
                              + '.jp-OutputArea .widget-readout, .jp-OutputArea .widget-dropdown select')
            .forEach(el => {
                if (el.offsetParent === null) return;  // hidden (e.g. the browser readout switched off)
                const text = (el.innerText || el.textContent || '').trim();
                const hit = text.match(englishNumber);
                if (hit) problems.push(`${where}: Engelse getalnotatie in widgettekst: ${JSON.stringify(text.slice(0, 80))}`);
            });
        cell.querySelectorAll('.jp-OutputArea .widget-html-content').forEach(el => {
            if (el.scrollWidth > el.clientWidth + 2)
                problems.push(`${where}: widgettekst afgesneden: ${JSON.stringify((el.innerText || '').slice(0, 60))}`);
        });
        cell.querySelectorAll('.jp-OutputArea .widget-slider .slider-container, '
                              + '.jp-OutputArea .widget-hslider .slider-container').forEach(track => {
            const width = track.getBoundingClientRect().width;
            if (width < 150) problems.push(`${where}: schuifbalk maar ${Math.round(width)} px breed`);
        });
    });
    return problems;
}
"""


def presentation_problems(page, panel: str = ".jp-NotebookPanel:not(.lm-mod-hidden)") -> list[str]:
    """Everything on the open notebook that a student should not see (Dutch descriptions).

    Needs the notebook rendered without windowing (``jupyterlab()`` sets that), so that
    every cell is laid out, not only those near the viewport.
    """
    problems = page.evaluate(PRESENTATION_CHECKS_JS, panel)
    return list(dict.fromkeys(problems))


def scroll_screenshots(page, directory: Path, stem: str, *, max_shots: int = 40,
                       panel: str = ".jp-NotebookPanel:not(.lm-mod-hidden)") -> list[Path]:
    """Screenshots of the whole open notebook, one viewport at a time, as a student scrolls."""
    directory.mkdir(parents=True, exist_ok=True)
    scroller = f"{panel} .jp-WindowedPanel-outer"
    height = page.evaluate("(sel) => { const s = document.querySelector(sel);"
                           " return s ? [s.scrollHeight, s.clientHeight] : [0, 0]; }", scroller)
    total, step = height
    paths = []
    position = 0
    for shot in range(max_shots):
        page.evaluate("([sel, y]) => { const s = document.querySelector(sel); if (s) s.scrollTop = y; }",
                      [scroller, position])
        page.wait_for_timeout(150)
        path = directory / f"{stem}-{shot + 1:02d}.png"
        page.screenshot(path=path)
        paths.append(path)
        position += max(step - 80, 200)
        if not step or position >= total:
            break
    return paths
