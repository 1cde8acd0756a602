"""salesnb: the notebook companion to the Dutch introductory sales course.

The package computes every number the notebooks show. Calculation functions
live in one module per course theme and are re-exported here::

    >>> import salesnb
    >>> salesnb.nps([10, 9, 6])
    33.33333333333333

Charts (:mod:`salesnb.plots`), slider widgets (:mod:`salesnb.widgets`) and the
self-checking exercises (:mod:`salesnb.exercises`) are loaded on first use, so that
``import salesnb`` stays fast and never imports pyplot or touches matplotlib's
global state.
"""

from __future__ import annotations

import importlib

from . import errors as _errors
from ._reexport import reexport as _reexport_names
from .errors import *  # noqa: F401,F403

# Theme modules: each defines __all__; its public names become salesnb.<name>.
_THEMES = (
    "vocabulary",
    "data",
    "satisfaction",
    "market",
    "leads",
    "proposition",
    "funnel",
    "portfolio",
    "accounts",
    "sample_company",
    "documents.accountplan",
    "process",
    "own_company",
    "documents.verslag",
    "offerte",
    "owndata",
    "login",
    "evidence",
    "glossary",
)

__all__ = list(_errors.__all__)
_reexport_names(__name__, _THEMES, globals(), __all__)

__version__ = "0.1.0"

# Loaded on first attribute access: these pull in matplotlib or ipywidgets.
_LAZY_MODULES = {"plots", "widgets", "exercises", "style", "display"}
_LAZY_NAMES = {
    "use_style": "style",
    "show_table": "display",
    "format_euro": "display",
    "format_percent": "display",
    "format_number": "display",
    "format_decimal": "display",
    "format_nps": "display",
    "format_date": "display",
    "yes_no": "display",
    "plural": "display",
    "check": "exercises",
    "hint": "exercises",
    "solution": "exercises",
    "exercise": "exercises",
    "teacher_view": "exercises",
}


def __getattr__(name: str):
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY_NAMES:
        return getattr(importlib.import_module(f".{_LAZY_NAMES[name]}", __name__), name)
    raise AttributeError(f"module 'salesnb' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _LAZY_MODULES | set(_LAZY_NAMES))
