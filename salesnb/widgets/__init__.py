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

from .._reexport import reexport as _reexport
from ._base import *  # noqa: F401,F403
from ._base import __all__ as _base_all
from ._base import demo_explorer  # noqa: F401

#: Theme modules picked up when present (widgets/<name>.py).
THEMES = ("satisfaction", "market", "leads", "proposition", "funnel", "portfolio",
          "accounts", "process")

__all__ = list(_base_all)
_reexport(__name__, THEMES, globals(), __all__, optional=True)
