"""Layering: the theme modules compute on the tables they are given and never read the sample data.

Reading the sample company (``salesnb.data.load``) belongs in :mod:`salesnb.sample_company`;
a theme module that loads a table itself gets a calling convention of its own. The check reads
each module's syntax tree, so a docstring that mentions ``salesnb.load("orders")`` is fine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "salesnb"

#: Modules that compute on what they are given (the course themes and the documents).
THEME_MODULES = ("satisfaction", "market", "leads", "proposition", "funnel", "portfolio", "accounts",
                 "process", "offerte", "documents/accountplan")

_LOADERS = {"load", "load_all", "generate"}
# Where a loader can come from: salesnb.data (relative or absolute), or salesnb itself.
_DATA_MODULES = {"data", "salesnb.data", "salesnb"}
_UPWARD = {"sample_company", "salesnb.sample_company"}


def _imported_module(node: ast.ImportFrom) -> str:
    """The module named in ``from <module> import ...`` ("" for ``from . import x``)."""
    return node.module or ""


def loading_calls(source: str, filename: str = "<module>") -> list[str]:
    """Where ``source`` reads the sample data or imports the sample company, as 'line: what'.

    >>> loading_calls('from .data import load\\nx = load("orders")')
    ['1: imports load from data', '2: calls load()']
    >>> loading_calls('\"\"\"Use salesnb.load("orders") to get the table.\"\"\"')
    []
    """
    tree = ast.parse(source, filename)
    problems = []
    data_names = set()  # local names bound to salesnb.data or salesnb
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _imported_module(node)
            for alias in node.names:
                if module in _DATA_MODULES and alias.name in _LOADERS:
                    problems.append(f"{node.lineno}: imports {alias.name} from {module}")
                if not module and alias.name == "data":
                    data_names.add(alias.asname or alias.name)
                if module in _UPWARD or (not module and alias.name == "sample_company"):
                    problems.append(f"{node.lineno}: imports the sample company")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("salesnb", "salesnb.data"):
                    data_names.add((alias.asname or alias.name).split(".")[0])
                if alias.name in _UPWARD:
                    problems.append(f"{node.lineno}: imports the sample company")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in _LOADERS:
            problems.append(f"{node.lineno}: calls {func.id}()")
        elif isinstance(func, ast.Attribute) and func.attr in _LOADERS:
            base = func.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in data_names | {"data", "salesnb"}:
                problems.append(f"{node.lineno}: calls {ast.unparse(func)}()")
    return sorted(set(problems), key=lambda p: int(p.split(":")[0]))


@pytest.mark.parametrize("module", THEME_MODULES)
def test_theme_module_does_not_load_the_sample_data(module):
    path = PACKAGE / f"{module}.py"
    if not path.exists():
        pytest.skip(f"{module}.py does not exist")
    problems = loading_calls(path.read_text(encoding="utf-8"), str(path))
    assert not problems, (
        f"salesnb/{module}.py reads the sample company itself ({'; '.join(problems)}). Let the function "
        f"take the table as an argument and put the loading in salesnb/sample_company.py."
    )


@pytest.mark.parametrize("source", [
    "from .data import load\n",
    "from salesnb.data import load as l\n",
    "from . import data\ndef f():\n    return data.load('orders')\n",
    "import salesnb\ndef f():\n    return salesnb.load('orders')\n",
    "def f():\n    from .data import load_all\n    return load_all()\n",
    "from .sample_company import account_table\n",
])
def test_the_check_finds_loading(source):
    assert loading_calls(source)


@pytest.mark.parametrize("source", [
    '"""Pass ``salesnb.load("orders")``."""\n',
    "def f(frame):\n    return frame.load\n",
    "from .data import REFERENCE_DATE\n",
    "import json\njson.loads('{}')\n",
])
def test_the_check_passes_clean_code(source):
    assert not loading_calls(source)
