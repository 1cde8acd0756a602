"""pyproject.toml is the single source of dependencies; environment.yml must agree with it."""

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# conda-forge names where they differ from PyPI's.
CONDA_NAMES = {"matplotlib": "matplotlib-base"}


def pinned_pypi():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["lab"]
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement} is not pinned with =="
        pins[CONDA_NAMES.get(name.strip().lower(), name.strip().lower())] = version.strip()
    return pins


def pinned_conda():
    pins = {}
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\s*-\s*([A-Za-z0-9_.\-]+)\s*=\s*([0-9][^\s#]*)\s*(#.*)?", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_every_pin_is_exact():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    everything = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    loose = [r for r in everything if "==" not in r]
    assert not loose, f"unpinned requirements: {loose}"


def test_environment_yml_matches_pyproject():
    conda = pinned_conda()
    python = conda.pop("python")
    assert pinned_pypi() == conda
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    minimum = tuple(int(p) for p in requires.removeprefix(">=").split("."))
    assert tuple(int(p) for p in python.split(".")) >= minimum


def test_environment_yml_installs_the_package():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*-\s*-e\s+\.\s*$", text, re.MULTILINE), "environment.yml must pip-install salesnb"


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"]:
        name, _, pinned = requirement.partition("==")
        assert version(name) == pinned, f"{name} {version(name)} installed, {pinned} pinned"


def test_package_imports_from_any_directory(tmp_path):
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", "import salesnb; print(salesnb.nps([10, 9, 6]))"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    assert abs(float(result.stdout) - 100 / 3) < 1e-9
