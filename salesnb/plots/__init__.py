"""Charts for the course pictures: one module per theme (``plots/<theme>.py``).

Every chart function takes ``ax=None``, draws on it and returns the Axes, with
Dutch labels and the Okabe–Ito palette. The shared helpers are in
:mod:`salesnb.plots._base` (read its docstring to add a chart). This package
imports every theme module that exists and re-exports its ``__all__``, so a new
chart module only has to be added, never registered here.

>>> import salesnb.plots as plots
>>> callable(plots.get_ax)
True
"""

from __future__ import annotations

from .._reexport import reexport as _reexport
from ._base import *  # noqa: F401,F403
from ._base import __all__ as _base_all

#: Theme modules picked up when present (plots/<name>.py).
THEMES = ("satisfaction", "market", "leads", "proposition", "funnel", "portfolio",
          "accounts", "process", "overview")

__all__ = list(_base_all)
_reexport(__name__, THEMES, globals(), __all__, optional=True)
