"""Slider explorations: one module per theme (``widgets/<theme>.py``).

Each exploration is a function returning a ready :class:`ChartExplorer`
(ipywidgets 8) built with the redraw mechanism of :mod:`salesnb.widgets._base`
(read its docstring to add a widget). This package imports every theme module
that exists and re-exports its ``__all__``, so a new widget module only has to be
added, never registered here.

>>> import salesnb.widgets as w
>>> w.demo_explorer().result
{'omzet': 5000.0}
"""

from __future__ import annotations

import importlib
import importlib.util

from ._base import *  # noqa: F401,F403
from ._base import __all__ as _base_all
from ._base import demo_explorer  # noqa: F401

#: Theme modules picked up when present (widgets/<name>.py).
THEMES = ("satisfaction", "market", "leads", "proposition", "funnel", "portfolio",
          "accounts", "process")

__all__ = list(_base_all)
for _theme in THEMES:
    if importlib.util.find_spec(f"{__name__}.{_theme}") is None:
        continue
    _module = importlib.import_module(f".{_theme}", __name__)
    for _name in getattr(_module, "__all__", []):
        globals()[_name] = getattr(_module, _name)
        if _name not in __all__:
            __all__.append(_name)
del _theme
