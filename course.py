#!/usr/bin/env python3
"""Set up and run the salesnb course companion with one command.

    python3 course.py lab        set up (first time only) and open JupyterLab on the notebooks
    python3 course.py test       set up (first time only) and run the whole test suite

Maintainer commands:

    python3 course.py execute [NOTEBOOK ...]   re-run notebooks in a fresh kernel and store the outputs
    python3 course.py data                     regenerate data/ (and data/voorbeelden/) from the generator
    python3 course.py copy                     copy the notebooks to mijn-notebooks/ (your own work space)
    python3 course.py bench                    run every benchmark and print the results

The set-up makes a virtual environment in .venv/ with the pinned versions from
pyproject.toml and installs salesnb from this folder (editable), so the notebooks
import it from any working directory. It only needs Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
NOTEBOOKS = ROOT / "notebooks"
OWN_COPY = ROOT / "mijn-notebooks"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def inside_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


def ensure_environment(extras: str) -> Path:
    """Create .venv and install salesnb[extras] unless pyproject.toml is unchanged since last time."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(
            f"salesnb needs Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer; this is "
            f"{sys.version.split()[0]}. Install a newer Python from python.org and run this again."
        )
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".salesnb-installed-{extras.replace(',', '-')}-{fingerprint}"
    if not stamp.exists():
        print(f"Installing salesnb[{extras}] and its pinned dependencies ...", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "-e", f"{ROOT}[{extras}]"],
            check=True,
        )
        for old in VENV.glob(f".salesnb-installed-{extras.replace(',', '-')}-*"):
            old.unlink()
        stamp.touch()
    return python


def run_in_venv(python: Path, args: list[str], **kwargs) -> int:
    return subprocess.run([str(python), *args], cwd=ROOT, **kwargs).returncode


def cmd_lab(extra: list[str]) -> int:
    python = ensure_environment("lab")
    return run_in_venv(python, ["-m", "jupyterlab", f"--notebook-dir={NOTEBOOKS}", *extra])


def cmd_test(extra: list[str]) -> int:
    python = ensure_environment("lab,test")
    env = {k: v for k, v in os.environ.items() if k not in ("SALESNB_SEED", "SALESNB_TEACHER")}
    code = run_in_venv(python, ["-m", "pytest", *extra], env=env)
    # pytest's exit code 5 means "no tests collected": that is a failure here, never a pass.
    return 1 if code == 5 else code


def execute_notebook(path: Path, timeout: int = 600) -> None:
    """Run one notebook top to bottom in a fresh kernel and store it with its outputs."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,
    )
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    raise SystemExit(f"{path.name}: a cell raised {output.get('ename')}: "
                                     f"{output.get('evalue')}")
    nbformat.write(notebook, path)


def cmd_execute(extra: list[str]) -> int:
    if not inside_venv():
        python = ensure_environment("lab,test")
        return run_in_venv(python, [str(ROOT / "course.py"), "execute", *extra])
    for name in ("SALESNB_SEED", "SALESNB_TEACHER"):
        os.environ.pop(name, None)
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    paths = [Path(p).resolve() for p in extra] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.relative_to(ROOT)}", flush=True)
        execute_notebook(path)
    return 0


def cmd_data(extra: list[str]) -> int:
    if not inside_venv():
        python = ensure_environment("lab")
        return run_in_venv(python, [str(ROOT / "course.py"), "data", *extra])
    from salesnb import data, owndata

    data.write_csvs()
    owndata.write_examples()
    print(f"data written to {data.DATA_DIR} (and the example files of data/voorbeelden)")
    return 0


def cmd_copy(extra: list[str]) -> int:
    """Copy the course notebooks to mijn-notebooks/ without overwriting earlier work."""
    OWN_COPY.mkdir(exist_ok=True)
    copied, kept = [], []
    for source in sorted(NOTEBOOKS.glob("*.ipynb")):
        target = OWN_COPY / source.name
        if target.exists():
            kept.append(target.name)
        else:
            shutil.copy2(source, target)
            copied.append(target.name)
    print(f"Gekopieerd naar {OWN_COPY.name}/: {', '.join(copied) or 'niets nieuws'}")
    if kept:
        print(f"Niet overschreven (daar staat al jouw eigen werk): {', '.join(kept)}")
    return 0


def cmd_bench(extra: list[str]) -> int:
    python = ensure_environment("lab,test,bench")
    return run_in_venv(python, [str(ROOT / "benchmarks" / "run_all.py"), *extra])


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "execute": cmd_execute,
    "data": cmd_data,
    "copy": cmd_copy,
    "bench": cmd_bench,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
