"""The package's naming and size rules (DEVELOPMENT.md, "Naming rules"), checked by introspection.

* A parameter that names a DataFrame column ends in ``_col``. Concretely: a parameter whose default
  is the name of a column of the data contract (salesnb.schema) ends in ``_col``; ``by=`` (the
  grouping column(s), as in pandas) and the few parameters in NOT_A_COLUMN are the exceptions.
* No parameter is called ``date``, ``column``, ``customer``, ``account`` or
  ``moment_column`` (a column is ``<what>_col``, a calendar date ``<what>_date`` or ``as_of``).
* Columns a function computes are Dutch snake_case without spaces (checked on the tables the theme
  modules' doctests show and on their table constants); the data contract's columns, the course's
  fixed values (a pivot on DMU roles or product groups) and the RFM letters keep their spelling.
* A widget's keyword arguments are the parameter names of the calculation it wraps.
* No function in salesnb/ is longer than 80 lines, unless a comment on its ``def`` line says why.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import pathlib
import pkgutil
import re

import pandas as pd
import pytest

import salesnb

PACKAGE = pathlib.Path(salesnb.__file__).parent
MAX_LINES = 80

#: Parameter names that never name a column or a date unambiguously.
BANNED = {"date", "column", "customer", "account", "moment_column"}

#: (module, function, parameter) whose default happens to equal a contract column but is not one.
NOT_A_COLUMN = {
    ("salesnb.funnel", "sales_plan", "order_stage"): "the label of the plan's last stage",
    ("salesnb.leads", "source_costs", "costs"): "a cost column or a mapping source -> amount",
}

#: Functions longer than MAX_LINES that their owners are still shortening: "path::qualname".
#: Keep this empty; an entry is a debt, not a permission.
LONG_FUNCTIONS_TODO: set[str] = set()

#: Theme modules whose computed columns are checked.
THEMES = ("satisfaction", "market", "leads", "proposition", "funnel", "portfolio", "accounts", "process")

SNAKE = re.compile(r"[a-z0-9_àáäéëïöü]+")

#: English words that once named computed columns (their Dutch names: nodig, ratio, conversie, ...).
ENGLISH = {"n", "needed", "rate", "conversion", "share_of_start", "weighted", "difference", "won", "lost",
           "per_account_manager", "win_rate_met", "win_rate_missed", "count", "total", "share"}


def _contract_columns() -> set[str]:
    try:
        from salesnb.schema import SCHEMAS
        return {c.name for table in SCHEMAS.values() for c in table}
    except ImportError:  # before the one schema module existed
        from salesnb.data import SCHEMA
        return {c for table in SCHEMA.values() for c in table}


def _course_values() -> set[str]:
    """Every text value of the course's fixed lists (a pivot may turn them into columns)."""
    try:
        vocabulary = importlib.import_module("salesnb.vocabulary")
    except ImportError:
        return set()
    values = set()
    for name in getattr(vocabulary, "__all__", []):
        obj = getattr(vocabulary, name)
        items = obj.keys() if isinstance(obj, dict) else obj if isinstance(obj, (tuple, list)) else ()
        values |= {item for item in items if isinstance(item, str)}
        if isinstance(obj, dict):
            values |= {item for item in obj.values() if isinstance(item, str)}
    return values


def _public_modules():
    names = ["salesnb"] + [m.name for m in pkgutil.walk_packages(salesnb.__path__, "salesnb.")]
    for name in sorted(names):
        if any(part.startswith("_") for part in name.split(".")[1:]) and not name.endswith("._base"):
            continue
        yield importlib.import_module(name)


def _public_callables():
    """(module name, qualified name, callable) of every public function and class method."""
    seen = set()
    for module in _public_modules():
        for name, obj in vars(module).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
                continue
            if inspect.isfunction(obj) and id(obj) not in seen:
                seen.add(id(obj))
                yield module.__name__, name, obj
            elif inspect.isclass(obj) and id(obj) not in seen:
                seen.add(id(obj))
                for attr, member in vars(obj).items():
                    if inspect.isfunction(member) and (attr == "__init__" or not attr.startswith("_")):
                        yield module.__name__, f"{name}.{attr}", member


CALLABLES = list(_public_callables())


def test_the_check_sees_the_package():
    names = {f"{m}.{q}" for m, q, _ in CALLABLES}
    assert {"salesnb.satisfaction.nps", "salesnb.plots.funnel.plot_funnel"} <= names
    assert len(names) > 300


def test_parameters_naming_a_contract_column_end_in_col():
    columns = _contract_columns()
    wrong = []
    for module, qualname, func in CALLABLES:
        for p in inspect.signature(func).parameters.values():
            if (isinstance(p.default, str) and p.default in columns and not p.name.endswith("_col")
                    and p.name != "by" and (module, qualname, p.name) not in NOT_A_COLUMN):
                wrong.append(f"{module}.{qualname}({p.name}={p.default!r})")
    assert not wrong, "a parameter that names a column ends in '_col': " + ", ".join(wrong)


def test_no_parameter_has_an_ambiguous_name():
    wrong = [f"{module}.{qualname}({p})" for module, qualname, func in CALLABLES
             for p in inspect.signature(func).parameters if p in BANNED]
    assert not wrong, ("a column is '<what>_col', a calendar date '<what>_date' or 'as_of': "
                       + ", ".join(wrong))


# --------------------------------------------------------------------------- computed columns


def _bad_columns(frame: pd.DataFrame, allowed: set[str]) -> set[str]:
    names = list(frame.columns) + [n for n in (frame.index.names or []) if n is not None]
    return {c for c in names if isinstance(c, str) and c not in allowed
            and (not SNAKE.fullmatch(c) or c in ENGLISH)}


def _allowed_columns() -> set[str]:
    return _contract_columns() | _course_values() | {"R", "F", "M"}


@pytest.mark.parametrize("theme", THEMES)
def test_computed_columns_are_dutch_snake_case(theme, monkeypatch):
    module = importlib.import_module(f"salesnb.{theme}")
    allowed, found = _allowed_columns(), {}
    for name, obj in vars(module).items():
        if isinstance(obj, pd.DataFrame) and not name.startswith("_"):
            found.update({c: name for c in _bad_columns(obj, allowed)})
    shown = pd.DataFrame.__repr__
    current = [""]

    def recording_repr(frame):
        found.update({c: current[0] for c in _bad_columns(frame, allowed)})
        return shown(frame)

    monkeypatch.setattr(pd.DataFrame, "__repr__", recording_repr)
    for test in doctest.DocTestFinder().find(module):
        current[0] = test.name
        doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE).run(
            test, out=lambda _: None)
    assert not found, f"computed columns must be Dutch snake_case without spaces: {found}"


# --------------------------------------------------------------------------- widgets

#: widget -> (the calculations it wraps, its own parameters that are not theirs).
#: Every registered widget is either here or in STANDALONE_WIDGETS.
WIDGET_WRAPS = {
    "clv_explorer": ("portfolio.clv", set()),
    "bpkv_explorer": ("leads.bpkv_scores leads.tender_results", {"tenders", "tender"}),
    "temperature_explorer": ("process.prospect_temperature", set()),
    "retention_action_explorer": ("process.retention_action_value", set()),
    "sales_plan_explorer": ("funnel.sales_plan funnel.weekly_activities",
                            {"hit_rate", "quotations_per_visit", "visits_per_call"}),
    "mql_threshold_explorer": ("leads.mql_tradeoff", {"threshold", "min_mql"}),
    "abc_explorer": ("portfolio.abc_classes", {"revenue"}),
    "key_account_explorer": ("accounts.key_account_matrix", {"scores", "revenue", "weights", "scale"}),
    "workload_explorer": ("accounts.assign_account_managers", {"max_managers"}),
}

#: Widgets whose arguments are the start values of their sliders, not a calculation's parameters.
STANDALONE_WIDGETS = {
    "nps_explorer", "expectation_explorer", "market_explorer", "share_identity_explorer",
    "cold_call_explorer", "criteria_explorer", "motive_explorer", "pitch_explorer",
    "funnel_explorer", "pyramid_quota_explorer", "wallet_goal_explorer", "adoption_explorer",
}


def _widgets():
    from salesnb.widgets._base import registered_widgets

    importlib.import_module("salesnb.widgets")
    return registered_widgets()


def test_every_widget_is_classified():
    unknown = set(_widgets()) - set(WIDGET_WRAPS) - STANDALONE_WIDGETS
    assert not unknown, f"add these widgets to WIDGET_WRAPS or STANDALONE_WIDGETS: {sorted(unknown)}"


@pytest.mark.parametrize("name", sorted(WIDGET_WRAPS))
def test_widget_arguments_are_the_wrapped_parameters(name):
    wrapped, own = WIDGET_WRAPS[name]
    names = set()
    for path in wrapped.split():
        module, func = path.rsplit(".", 1)
        names |= set(inspect.signature(getattr(importlib.import_module(f"salesnb.{module}"), func)).parameters)
    params = inspect.signature(_widgets()[name].func).parameters.values()
    extra = {p.name for p in params if p.kind is not p.VAR_KEYWORD} - names - own
    assert not extra, f"{name}: {sorted(extra)} are not parameters of {wrapped}"


# --------------------------------------------------------------------------- function length


def _long_functions():
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        stack = [(node, "") for node in tree.body]
        while stack:
            node, prefix = stack.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qualname = prefix + node.name
                stack.extend((child, qualname + ".") for child in node.body)
                if isinstance(node, ast.ClassDef):
                    continue
                length = node.end_lineno - node.lineno + 1
                if length > MAX_LINES and "#" not in lines[node.lineno - 1]:
                    yield f"{path.relative_to(PACKAGE.parent)}::{qualname}", length


def test_no_function_is_longer_than_80_lines():
    long = {key: n for key, n in _long_functions() if key not in LONG_FUNCTIONS_TODO}
    assert not long, (f"functions longer than {MAX_LINES} lines (split them, or say why on the def "
                      f"line in a comment): {long}")


def test_the_todo_list_holds_only_long_functions():
    stale = LONG_FUNCTIONS_TODO - {key for key, _ in _long_functions()}
    assert not stale, f"no longer too long, remove from LONG_FUNCTIONS_TODO: {sorted(stale)}"
