"""Exceptions raised by salesnb.

Every error a student can cause raises :class:`InputError` (a ``ValueError``)
with a Dutch message that says what is wrong and how to mend it.
"""

__all__ = ["SalesnbError", "InputError", "ColumnError"]


class SalesnbError(Exception):
    """Base class of all salesnb errors."""


class InputError(SalesnbError, ValueError):
    """Bad input: the message says (in Dutch) what is wrong and how to fix it."""


class ColumnError(InputError):
    """A table misses a column the calculation needs, or a column has bad values."""
