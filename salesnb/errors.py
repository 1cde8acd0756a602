"""Exceptions raised by salesnb.

Every error a student can cause raises :class:`InputError` (a ``ValueError``)
with a Dutch message that says what is wrong and how to mend it.
"""

__all__ = ["SalesnbError", "InputError", "ColumnError", "ProblemsError"]


class SalesnbError(Exception):
    """Base class of all salesnb errors."""


class InputError(SalesnbError, ValueError):
    """Bad input: the message says (in Dutch) what is wrong and how to fix it."""


class ColumnError(InputError):
    """A table misses a column the calculation needs, or a column has bad values."""


class ProblemsError(InputError):
    """Several problems found at once: ``problems`` lists them, the message shows one per line
    between an introduction and the remedy.

    >>> print(ProblemsError(["'naam' ontbreekt", "'plaats' ontbreekt"], "Twee punten", "Vul ze aan."))
    Twee punten:
      - 'naam' ontbreekt
      - 'plaats' ontbreekt
    Vul ze aan.
    """

    def __init__(self, problems: list[str], intro: str, remedy: str):
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{intro}:\n{lines}\n{remedy}")
