"""Self-checking exercises: ``check``, ``hint``, ``solution``, ``exercise``, ``exercises``.

The mechanism lives in :mod:`salesnb.exercises._core` (read its docstring to add
exercises); answers are read by :mod:`salesnb.exercises.answers`. The chapter modules
(``start``, ``h1`` ... ``h7``, ``process``) are imported below: importing one is what
registers its exercises, so a new chapter module must be added to that import
(tests/test_package.py fails for a module this package does not import).

The notebooks list a chapter's exercises with ``salesnb.exercises(6)``: the package is
callable for that, as ``salesnb.exercises.exercises(6)``.

>>> import salesnb.exercises as ex
>>> ex.check("0.1", ...)
✏️ Opgave 0.1: nog niet ingevuld. Vervang de ... door je antwoord en voer de cel opnieuw uit.
"""

import sys as _sys
from types import ModuleType as _ModuleType

from ._core import (  # noqa: F401
    Exercise, Mistake, Feedback, CheckResult, register_exercise, register, unregister_exercise,
    get_exercise, registered_exercises, check, hint, solution, exercise, exercises, teacher_view,
    run_solution, expected_answer, DEFAULT_TOLERANCE
)

from .answers import (  # noqa: F401
    AnswerError, ParsedNumber, Interpretation, parse_number, interpretations, hint_number, UNITS
)

# The chapters register their exercises when imported (they export no names).
from . import start, h1, h2, h3, h4, h5, h6, h7, process  # noqa: E402,F401  (in course order)

__all__ = sorted(name for name, value in dict(globals()).items()
                 if not name.startswith("_") and not isinstance(value, _ModuleType))


class _CallableModule(_ModuleType):
    """``salesnb.exercises(chapter)`` lists the exercises (the notebooks call the package)."""

    def __call__(self, chapter=None):
        return exercises(chapter)


_sys.modules[__name__].__class__ = _CallableModule
