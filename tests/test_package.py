"""The package's public surface: static re-exports, lazy subpackages, no import side effects.

``salesnb/__init__.py`` imports the student-facing names explicitly. These tests keep that list
complete: a name added to a module's ``__all__`` (or a new module) that is not imported there
fails here, and so does a chart, widget or exercise module its package does not import (its
registrations would silently be missing).
"""

from __future__ import annotations

import importlib
import json
import pathlib
import pkgutil
import subprocess
import sys
import types
from collections import defaultdict

import pytest

import salesnb

#: Modules whose public names are not copied into ``salesnb``, and why.
SEPARATE = {
    "salesnb.grading": "a teacher tool (course.py nakijken), not for students",
    "salesnb.schema": "the data contract for data.py, owndata.py and data/README.md (salesnb.schema.SCHEMAS)",
    "salesnb.documents": "the renderers' package; each document's content is re-exported from its module",
    "salesnb.documents.offerte": "renders an Offerte (HTML, PDF, CSV) for its methods",
    "salesnb.plots": "loaded on first use: salesnb.plots.<name>",
    "salesnb.widgets": "loaded on first use: salesnb.widgets.<name>",
    "salesnb.exercises": "loaded on first use; check, hint, solution, exercise, teacher_view are lazy names",
    "salesnb.style": "loaded on first use (matplotlib); use_style is a lazy name",
}

#: Names in a re-exported module's ``__all__`` that stay in their module: infrastructure for
#: maintainers (``salesnb.data.write_csvs()``), not something a student types.
INFRASTRUCTURE = {
    "salesnb.data": {"DATA_DIR", "generate", "write_csvs"},
    "salesnb.offerte": {"output_dir"},
}

#: Names in salesnb's namespace that resolve on first access (they import matplotlib or ipywidgets).
LAZY = {"plots", "widgets", "exercises", "style", "use_style", "check", "hint", "solution", "exercise",
        "teacher_view"}

SUBPACKAGES = ("plots", "widgets", "exercises")


def _public_module_names() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(salesnb.__path__, "salesnb.")]
    return sorted(n for n in names if not any(part.startswith("_") for part in n.split(".")[1:]))


def reexported_modules() -> list[str]:
    """Every public module except the separate ones and those inside a lazy subpackage."""
    return [name for name in _public_module_names()
            if name not in SEPARATE and name.split(".")[1] not in SUBPACKAGES]


def exports() -> dict[str, list[str]]:
    out = {}
    for name in reexported_modules():
        module = importlib.import_module(name)
        out[name] = [n for n in getattr(module, "__all__", []) if n not in INFRASTRUCTURE.get(name, ())]
    return out


def test_every_module_is_reexported_or_listed_as_separate():
    assert "salesnb.satisfaction" in reexported_modules()
    for name in reexported_modules():
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), f"{name} has no __all__: list its public names"


@pytest.mark.parametrize("module", reexported_modules())
def test_every_name_of_a_modules_all_is_in_salesnb(module):
    missing = [n for n in exports()[module] if n not in salesnb.__all__]
    assert not missing, (f"{module}.__all__ names missing from salesnb: {missing}; import them in "
                         f"salesnb/__init__.py (or list them in INFRASTRUCTURE with a reason)")
    mod = importlib.import_module(module)
    for name in exports()[module]:
        assert getattr(salesnb, name) is getattr(mod, name), f"salesnb.{name} is not {module}.{name}"


def test_no_two_modules_export_the_same_name_for_different_objects():
    owners = defaultdict(list)
    for module, names in exports().items():
        for name in names:
            owners[name].append(module)
    clashes = {name: mods for name, mods in owners.items() if len(mods) > 1
               and len({id(getattr(importlib.import_module(m), name)) for m in mods}) > 1}
    assert not clashes, f"names exported by more than one module (one silently hides the other): {clashes}"


def test_infrastructure_stays_in_its_module():
    for module, names in INFRASTRUCTURE.items():
        for name in names:
            assert hasattr(importlib.import_module(module), name), f"{module}.{name} is gone: update INFRASTRUCTURE"
            assert name not in dir(salesnb) and name not in salesnb.__all__, f"salesnb.{name} is infrastructure"


def test_tab_completion_shows_only_the_public_surface():
    shown = set(dir(salesnb))
    for junk in ("annotations", "importlib", "write_csvs", "DATA_DIR", "generate", "csv_safe", "output_dir"):
        assert junk not in shown, junk
    modules = {n for n in shown if isinstance(getattr(salesnb, n, None), types.ModuleType)}
    assert shown - modules - LAZY <= set(salesnb.__all__) | {"__version__"}
    assert LAZY <= shown
    assert set(salesnb.__all__) <= shown


def test_lazy_names_resolve():
    for name in LAZY:
        assert getattr(salesnb, name) is not None
    assert salesnb.check is importlib.import_module("salesnb.exercises").check
    with pytest.raises(AttributeError):
        salesnb.does_not_exist  # noqa: B018


@pytest.mark.parametrize("package", SUBPACKAGES)
def test_subpackage_imports_and_reexports_every_module(package):
    pkg = importlib.import_module(f"salesnb.{package}")
    folder = pathlib.Path(pkg.__file__).parent
    for path in sorted(folder.glob("*.py")):
        if path.stem == "__init__":
            continue
        name = f"salesnb.{package}.{path.stem}"
        if path.stem in ("_base", "_core") or not path.stem.startswith("_"):
            assert name in sys.modules, (f"{name} is not imported by salesnb/{package}/__init__.py: "
                                         f"its registrations (charts, widgets, exercises) are missing")
            module = sys.modules[name]
            missing = [n for n in getattr(module, "__all__", []) if getattr(pkg, n, None) is not getattr(module, n)]
            assert not missing, f"{name}.__all__ names missing from salesnb.{package}: {missing}"


def test_import_has_no_side_effects(tmp_path):
    probe = ("import json, os, sys; before = set(os.listdir()); import salesnb; "
             "print(json.dumps({'modules': [m for m in ('matplotlib', 'ipywidgets', 'IPython') "
             "if m in sys.modules], 'files': sorted(set(os.listdir()) - before)}))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=tmp_path).stdout
    assert json.loads(out) == {"modules": [], "files": []}


def test_every_public_function_has_a_docstring_with_an_example():
    missing = []
    for module, names in exports().items():
        mod = importlib.import_module(module)
        for name in names:
            obj = getattr(mod, name)
            if callable(obj) and not isinstance(obj, type) and getattr(obj, "__module__", "").startswith("salesnb"):
                if ">>>" not in (obj.__doc__ or ""):
                    missing.append(f"{module}.{name}")
    assert not missing, f"public functions without a docstring example: {missing}"
