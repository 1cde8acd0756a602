#!/usr/bin/env python3
# The module docstring is the usage text course.py prints, so it is Dutch like every message here.
"""Zet de salesnb-cursus klaar en start hem met één opdracht.

    python3 course.py lab        klaarzetten (alleen de eerste keer) en JupyterLab openen op je eigen
                                 kopieën van de notebooks in mijn-notebooks/ (lab --cursus: de
                                 notebooks van de cursus zelf, bijvoorbeeld om in de les te tonen)
    python3 course.py test       klaarzetten (alleen de eerste keer) en alle tests draaien

Opdrachten voor beheerders:

    python3 course.py execute [NOTEBOOK ...]   notebooks opnieuw uitvoeren in een verse kernel en de uitvoer bewaren
    python3 course.py data                     data/ (en data/voorbeelden/) opnieuw maken met de generator
    python3 course.py copy                     mijn-notebooks/ bijwerken zonder JupyterLab te openen
    python3 course.py bench                    alle benchmarks draaien en de resultaten tonen

Voor docenten:

    python3 course.py nakijken MAP-OF-ZIP [--klassenlijst LIJST] [--uit cijfers.xlsx]
                                 de ingeleverde notebooks van een klas nakijken op ieders eigen
                                 dataset en een Excel-cijferlijst schrijven (zonder iets uit de
                                 notebooks uit te voeren)

Het klaarzetten maakt een virtuele omgeving in .venv/ met de vastgezette versies uit
pyproject.toml en installeert salesnb uit deze map (editable), zodat de notebooks het
vanuit elke map kunnen importeren. Je hebt alleen Python 3.11 of nieuwer nodig.
"""

from __future__ import annotations

import hashlib
import json
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
# Which course version each own copy started from: tells an edited copy from an untouched one.
COPY_RECORD = ".cursusversies.json"
# Set by a hub or a student; the test suite and `execute` need the default data.
DATASET_VARS = ("SALESNB_SEED", "SALESNB_TEACHER", "SALESNB_DEFAULT_DATA", "SALESNB_TEACHERS",
                "JUPYTERHUB_USER")
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
            f"salesnb heeft Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} of nieuwer nodig; dit is "
            f"{sys.version.split()[0]}. Installeer een nieuwere Python van python.org en start dit opnieuw."
        )
    python = venv_python()
    if not python.exists():
        print(f"De virtuele omgeving wordt gemaakt in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]
    stamp = VENV / f".salesnb-installed-{extras.replace(',', '-')}-{fingerprint}"
    if not stamp.exists():
        print(f"salesnb[{extras}] en de vastgezette versies van wat het nodig heeft worden "
              f"geïnstalleerd (de eerste keer duurt dit een paar minuten) ...", flush=True)
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
    folder = NOTEBOOKS
    if "--cursus" in extra:
        extra = [arg for arg in extra if arg != "--cursus"]
    else:
        report_own_copies(update_own_copies())
        folder = OWN_COPY
    return run_in_venv(python, ["-m", "jupyterlab", f"--notebook-dir={folder}", *extra])


def cmd_test(extra: list[str]) -> int:
    python = ensure_environment("lab,test")
    env = {k: v for k, v in os.environ.items() if k not in DATASET_VARS}
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
                    raise SystemExit(f"{path.name}: een cel gaf de fout {output.get('ename')}: "
                                     f"{output.get('evalue')}")
    nbformat.write(notebook, path)


def cmd_execute(extra: list[str]) -> int:
    if not inside_venv():
        python = ensure_environment("lab,test")
        return run_in_venv(python, [str(ROOT / "course.py"), "execute", *extra])
    for name in DATASET_VARS:
        os.environ.pop(name, None)
    os.environ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"
    paths = [Path(p).resolve() for p in extra] or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        print(f"uitvoeren: {path.relative_to(ROOT)}", flush=True)
        execute_notebook(path)
    return 0


def cmd_data(extra: list[str]) -> int:
    if not inside_venv():
        python = ensure_environment("lab")
        return run_in_venv(python, [str(ROOT / "course.py"), "data", *extra])
    from salesnb import data, owndata

    data.write_csvs()
    owndata.write_examples()
    print(f"data geschreven naar {data.DATA_DIR} (en de voorbeeldbestanden in data/voorbeelden)")
    return 0


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def update_own_copies() -> dict[str, list[str]]:
    """Bring mijn-notebooks/ up to date with the course without ever losing a student's work.

    A notebook the student does not have yet is copied; an untouched copy (same bytes as
    the version it was copied from) follows a newer course version; a copy the student
    changed is left alone and listed under "nieuwer" when the course has a newer version.
    """
    OWN_COPY.mkdir(exist_ok=True)
    record_path = OWN_COPY / COPY_RECORD
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    result: dict[str, list[str]] = {"nieuw": [], "bijgewerkt": [], "nieuwer": [], "anders": []}
    for source in sorted(NOTEBOOKS.glob("*.ipynb")):
        target, course = OWN_COPY / source.name, _digest(source)
        if not target.exists():
            shutil.copy2(source, target)
            result["nieuw"].append(source.name)
        elif _digest(target) == course:
            pass
        elif record.get(source.name) == course:
            continue  # edited by the student; the course has not changed since the copy
        elif _digest(target) == record.get(source.name):
            shutil.copy2(source, target)
            result["bijgewerkt"].append(source.name)
        elif source.name not in record:
            # Copied before versions were recorded: say it once, then take today's course as the base.
            result["anders"].append(source.name)
        else:
            result["nieuwer"].append(source.name)
            continue
        record[source.name] = course
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    return result


def report_own_copies(result: dict[str, list[str]]) -> None:
    """Tell the student (in Dutch) what update_own_copies did."""
    folder = f"{OWN_COPY.name}/"
    if result["nieuw"]:
        print(f"Nieuw in {folder}: {', '.join(result['nieuw'])}")
    if result["bijgewerkt"]:
        print(f"Bijgewerkt naar de nieuwe versie van de cursus (je had ze niet veranderd): "
              f"{', '.join(result['bijgewerkt'])}")
    for name in result["nieuwer"]:
        print(f"Let op: de cursus heeft een nieuwere versie van {name}. Jouw versie in {folder} "
              f"blijft staan. De nieuwe versie staat in {NOTEBOOKS.name}/{name}; wil je die als "
              f"jouw kopie, hernoem dan jouw bestand (bijvoorbeeld naar {Path(name).stem}-oud.ipynb) "
              f"en start opnieuw.")
    for name in result["anders"]:
        print(f"Let op: {name} in {folder} verschilt van de versie in de cursus ({NOTEBOOKS.name}/{name}): "
              f"jouw versie blijft staan. Wil je de versie van de cursus, hernoem dan jouw bestand "
              f"(bijvoorbeeld naar {Path(name).stem}-oud.ipynb) en start opnieuw.")
    if not any(result.values()):
        print(f"Je notebooks in {folder} zijn bij met de cursus.")


def cmd_copy(extra: list[str]) -> int:
    """Bring mijn-notebooks/ up to date (see update_own_copies) without starting JupyterLab."""
    report_own_copies(update_own_copies())
    return 0


def cmd_bench(extra: list[str]) -> int:
    python = ensure_environment("lab,test,bench")
    return run_in_venv(python, [str(ROOT / "benchmarks" / "run_all.py"), *extra])


def cmd_nakijken(extra: list[str]) -> int:
    """Grade a class's hand-ins (salesnb.grading); paths count from the caller's working directory."""
    if not inside_venv():
        python = ensure_environment("lab")
        return subprocess.run([str(python), str(ROOT / "course.py"), "nakijken", *extra]).returncode
    from salesnb import grading

    return grading.main(extra)


COMMANDS = {
    "lab": cmd_lab,
    "test": cmd_test,
    "execute": cmd_execute,
    "data": cmd_data,
    "copy": cmd_copy,
    "bench": cmd_bench,
    "nakijken": cmd_nakijken,
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[argv[0]](argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
