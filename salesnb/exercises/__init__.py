"""Self-checking exercises: ``check``, ``hint``, ``solution``, ``exercise``, ``exercises``.

The mechanism lives in :mod:`salesnb.exercises._core` (read its docstring to add
exercises); answers are read by :mod:`salesnb.exercises.answers`. This package
imports every chapter module that exists (``start``, ``h1`` ... ``h7``, ``process``)
so their exercises register themselves; a new chapter module only has to be added.

The package itself is callable as the listing: ``salesnb.exercises(6)`` is
``salesnb.exercises.exercises(6)``.

>>> import salesnb.exercises as ex
>>> ex.check("0.1", ...)
✏️ Opgave 0.1: nog niet ingevuld. Vervang de ... door je antwoord en voer de cel opnieuw uit.
"""

from __future__ import annotations

from .._reexport import reexport as _reexport
import sys
import types

from . import answers  # noqa: F401
from ._core import *  # noqa: F401,F403
from ._core import __all__ as _core_all
from .answers import parse_number  # noqa: F401

#: Chapter modules picked up when present (exercises/<name>.py).
CHAPTERS = ("start", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "process")

__all__ = list(_core_all) + ["parse_number"]
_reexport(__name__, CHAPTERS, globals(), __all__, optional=True)


class _CallableModule(types.ModuleType):
    """``salesnb.exercises(chapter)`` lists the exercises (the package is also the function)."""

    def __call__(self, chapter=None):
        return exercises(chapter)  # noqa: F405


sys.modules[__name__].__class__ = _CallableModule
