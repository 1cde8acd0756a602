"""Exceptions raised by salesnb: one hierarchy under :class:`SalesnbError`.

Every error a student can cause is an :class:`InputError` (a ``ValueError``) with a
Dutch message that says what is wrong and how to mend it. The specialised errors
(own data, exercise answers, the offerte, the own company) live here too, so that
``except salesnb.errors.SalesnbError`` catches all of them.

>>> issubclass(AnswerError, SalesnbError) and issubclass(OwnDataError, InputError)
True
"""

__all__ = ["SalesnbError", "InputError", "ColumnError", "ProblemsError", "OwnDataError",
           "AnswerError", "OfferteError", "OwnCompanyError"]


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


class OwnDataError(InputError):
    """A student's own file does not fit: the message lists every problem and its fix."""


class AnswerError(InputError):
    """An exercise answer cannot be read as the kind of answer asked for (Dutch message)."""


class OfferteError(ProblemsError):
    """The offerte misses fields or has malformed ones; ``problems`` lists them all (Dutch).

    >>> print(OfferteError(["de prijs ontbreekt"]))
    De offerte is niet compleet of niet juist (1 punt):
      - de prijs ontbreekt
    Vul deze gegevens aan en maak de offerte opnieuw.
    """

    def __init__(self, problems: list[str]):
        n = len(problems)
        super().__init__(problems, f"De offerte is niet compleet of niet juist ({n} "
                                   f"{'punt' if n == 1 else 'punten'})",
                         "Vul deze gegevens aan en maak de offerte opnieuw.")


class OwnCompanyError(ProblemsError):
    """The facts of the student's own company have problems; ``problems`` lists them all (Dutch).

    >>> OwnCompanyError(["'naam' ontbreekt"]).problems
    ["'naam' ontbreekt"]
    """

    def __init__(self, problems: list[str]):
        n = len(problems)
        super().__init__(problems, f"In de gegevens van je eigen bedrijf {'zit' if n == 1 else 'zitten'} "
                                   f"{n} {'probleem' if n == 1 else 'problemen'}",
                         "Pas de invulcel aan en voer de cellen opnieuw uit.")
