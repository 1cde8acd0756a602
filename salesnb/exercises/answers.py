"""Reading what students type as an answer: numbers, percentages, euros.

:func:`parse_number` turns ``0.15``, ``15``, ``"15%"``, ``"15,0 %"``, ``"€ 1.234,50"``
or ``"1234.5"`` into a :class:`ParsedNumber` (value + the unit sign the student
wrote). :func:`interpretations` then lists what the number can mean for the unit
an exercise asks for (fraction, percent, euro, count, number): the literal reading
first, then the alternative reading of an ambiguous answer (15 for a fraction may
mean 15% = 0,15) with the Dutch note that tells the student what was assumed.

>>> parse_number("€ 1.234,50").value
1234.5
>>> parse_number("15,0 %")
ParsedNumber(value=15.0, sign='%', note=None)
>>> [round(i.value, 4) for i in interpretations(parse_number(15), "fraction")]
[15.0, 0.15]
>>> interpretations(parse_number("15%"), "fraction")[0].value
0.15
"""

from __future__ import annotations

import math
import numbers
import re
from dataclasses import dataclass
from decimal import Decimal

from ..errors import AnswerError
from ..display import format_number

__all__ = ["AnswerError", "ParsedNumber", "Interpretation", "parse_number", "interpretations",
           "hint_number", "UNITS"]

#: Units a number exercise can ask for.
UNITS = ("fraction", "percent", "euro", "count", "number")


@dataclass(frozen=True)
class ParsedNumber:
    """A number read from an answer; ``sign`` is ``"%"``, ``"€"`` or None."""

    value: float
    sign: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Interpretation:
    """One reading of an answer in the exercise's unit.

    ``kind`` is ``"literal"`` (as written) or ``"percent_as_fraction"`` /
    ``"fraction_as_percent"`` (the other reading of an ambiguous number).
    """

    value: float
    kind: str
    note: str | None = None


_SPACES = re.compile(r"[\s\u00a0\u2009\u202f_']+")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*([.,]\d*)?|[.,]\d+)$")


def parse_number(answer, unit: str | None = None) -> ParsedNumber:
    """Read one number from an answer (number or text, Dutch or English notation).

    Text may hold ``€``/``euro``/``EUR`` and ``%``. With both ``.`` and ``,`` the
    last one is the decimal mark; a lone ``,`` is a decimal comma (Dutch); a lone
    ``.`` is a decimal point, except ``"1.234"`` for euros or counts (Dutch
    thousands). Raises :class:`AnswerError` with a Dutch message otherwise.

    >>> parse_number("1.234.567").value, parse_number("1,5").value, parse_number("1234.5").value
    (1234567.0, 1.5, 1234.5)
    >>> parse_number("1.234", unit="euro").value
    1234.0
    >>> parse_number("twaalf")
    Traceback (most recent call last):
    ...
    salesnb.errors.AnswerError: Ik kan 'twaalf' niet lezen als getal. Schrijf het getal in cijfers, bijvoorbeeld 0.15 of '15%'.
    """
    value = _as_real(answer)
    if value is not None:
        return ParsedNumber(value)
    comma = _comma_tuple(answer)
    if comma is not None:
        raise AnswerError(comma)
    single = _single_value(answer)
    if single is not None:
        inner = parse_number(single, unit)
        kind = type(answer).__name__
        return ParsedNumber(inner.value, inner.sign,
                            f"Je antwoord was een {kind} met één waarde; ik heb die waarde gebruikt.")
    if not isinstance(answer, str):
        raise AnswerError(_not_a_number(answer))
    if len(answer) > _MAX_TEXT:
        raise AnswerError(f"Je antwoord is een tekst van {len(answer)} tekens; gevraagd is één getal. "
                          f"Typ alleen het getal, bijvoorbeeld 0.15 of '15%'.")
    text = answer.strip().lower().replace("−", "-")
    sign = None
    if "%" in text or "procent" in text:
        sign = "%"
        text = text.replace("procent", "").replace("%", "")
    if any(s in text for s in ("€", "eur", "euro")):
        if sign:
            raise AnswerError(f"In {_short(answer)} staan zowel € als %; kies één eenheid.")
        sign = "€"
        text = re.sub(r"€|euro|eur", "", text)
    text = _SPACES.sub("", text)
    if text.endswith(",-") or text.endswith(".-"):  # "€ 25,-"
        text = text[:-2]
    if not _NUMBER.match(text):
        raise AnswerError(_not_a_number(answer))
    negative = text.startswith("-")
    text = text.lstrip("+-")
    note = None
    if "." in text and "," in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        text = text.replace(thousands, "").replace(decimal, ".")
    elif "," in text:
        text = text.replace(",", "") if text.count(",") > 1 else text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    elif "." in text and re.fullmatch(r"\d{1,3}\.\d{3}", text) and (sign == "€" or unit in ("euro", "count")):
        note = f"Ik las {answer!r} als {text.replace('.', '')} (de punt als scheiding van duizendtallen)."
        text = text.replace(".", "")
    digits = len(text.replace(".", ""))
    value = float(text)
    if not math.isfinite(value) or digits > _MAX_DIGITS:
        raise AnswerError(_too_large(digits))
    return ParsedNumber(-value if negative else value, sign, note)


def _as_real(answer) -> float | None:
    if isinstance(answer, bool):
        raise AnswerError("Je antwoord is True of False; gevraagd is een getal.")
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool) and \
            len(str(abs(int(answer)))) > _MAX_DIGITS:
        raise AnswerError(_too_large(len(str(abs(int(answer))))))
    if isinstance(answer, (numbers.Real, Decimal)):
        try:
            value = float(answer)
        except OverflowError:
            raise AnswerError(_too_large(len(str(answer)))) from None
    elif hasattr(answer, "shape") and getattr(answer, "shape", None) == () and hasattr(answer, "item"):
        item = answer.item()  # numpy 0-d array
        return _as_real(item)
    else:
        return None
    if math.isnan(value):
        raise AnswerError("Je antwoord is NaN (geen getal). Controleer je berekening: "
                          "misschien deel je door nul of ontbreken er gegevens.")
    if math.isinf(value):
        raise AnswerError("Je antwoord is oneindig (inf). Controleer je berekening: misschien deel je "
                          "door nul, bijvoorbeeld doordat een totaal 0 is.")
    return value


#: Longer text is not an answer but pasted output; more digits are a typing error.
_MAX_TEXT = 200
_MAX_DIGITS = 30


def _short(answer, limit: int = 60) -> str:
    """``repr`` of an answer, cut to ``limit`` characters (a pasted text is never echoed whole)."""
    text = repr(answer)
    return text if len(text) <= limit else text[:limit - 5] + "...'"


def _too_large(digits: int) -> str:
    return (f"Je antwoord is een getal van {digits} cijfers; dat kan geen uitkomst zijn. Controleer je "
            f"berekening (of je niet per ongeluk tekst aan elkaar plakt of machtsverheft).")


def _comma_tuple(answer) -> str | None:
    """The message for ``antwoord = 0,375``: Python made a tuple of the digits around the comma."""
    if not isinstance(answer, tuple) or len(answer) < 2 or \
            not all(isinstance(a, numbers.Integral) and not isinstance(a, bool) for a in answer):
        return None
    if any(a < 0 for a in answer[1:]):
        return None
    typed = ",".join(str(a) for a in answer)
    if len(answer) == 2:
        return (f"Je antwoord is {answer!r}: in Python maakt een komma van {typed} twee getallen. Typ "
                f"{answer[0]}.{answer[1]} (met een punt) of '{typed}' (tussen aanhalingstekens).")
    return (f"Je antwoord is {answer!r}: in Python maken de komma's van {typed} {len(answer)} getallen. "
            f"Typ het getal zonder komma's en met een punt voor de decimalen, of zet het tussen "
            f"aanhalingstekens: '{typed}'.")


def _single_value(answer):
    """The only element of a one-element list, tuple, array, Series or 1×1 DataFrame, else None."""
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__len__"):
        return None
    try:
        if len(answer) != 1:
            return None
        if hasattr(answer, "to_numpy"):
            values = answer.to_numpy().ravel()
            return values[0] if values.size == 1 else None
        if hasattr(answer, "ravel"):
            return answer.ravel()[0]
        return next(iter(answer))
    except (TypeError, IndexError, StopIteration):
        return None


def _not_a_number(answer) -> str:
    if answer is None or type(answer).__name__ in ("NAType", "NaTType"):
        return (f"Je antwoord is leeg ({answer}). Vaak betekent dat: er ontbreken gegevens, of je berekening "
                f"geeft niets terug. Controleer de cel boven antwoord = ... en geef één getal.")
    if hasattr(answer, "__len__") and not isinstance(answer, str):
        kind = type(answer).__name__
        return (f"Je antwoord is een {kind} met {len(answer)} waarden; gevraagd is één getal. "
                f"Kies de juiste waarde, of tel op met .sum() of neem het gemiddelde met .mean().")
    return (f"Ik kan {_short(answer)} niet lezen als getal. Schrijf het getal in cijfers, "
            f"bijvoorbeeld 0.15 of '15%'.")


def interpretations(parsed: ParsedNumber, unit: str) -> list[Interpretation]:
    """The readings of ``parsed`` in ``unit``: the literal one first, then an alternative.

    For ``"fraction"`` (expected 0.15): ``"15%"`` is 0.15 (explicit); a bare number
    above 1 may be meant as a percentage (second reading 0.15). For ``"percent"``
    (expected 15.0): a bare number between -1 and 1 may be a fraction (second reading
    15.0). Other units have one reading.

    >>> [i.kind for i in interpretations(ParsedNumber(0.15), "percent")]
    ['literal', 'fraction_as_percent']
    """
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}; use one of {UNITS}")
    value = parsed.value
    if unit == "fraction":
        if parsed.sign == "%":
            return [Interpretation(value / 100, "literal")]
        readings = [Interpretation(value, "literal", parsed.note)]
        if 1 < abs(value) <= 100:
            readings.append(Interpretation(
                value / 100, "percent_as_fraction",
                f"Ik heb {format_number(value, _decimals(value))} opgevat als "
                f"{format_number(value, _decimals(value))}% = "
                f"{format_number(value / 100, _decimals(value) + 2)} als fractie."))
        return readings
    if unit == "percent":
        readings = [Interpretation(value, "literal", parsed.note)]
        if parsed.sign is None and 0 < abs(value) <= 1:
            readings.append(Interpretation(
                value * 100, "fraction_as_percent",
                f"Ik heb {format_number(value, _decimals(value))} opgevat als fractie, "
                f"dus {format_number(value * 100, max(_decimals(value) - 2, 0))}%."))
        return readings
    if unit == "number" and parsed.sign == "%":
        return [Interpretation(value / 100, "literal",
                               f"Ik las {format_number(value, _decimals(value))}% als "
                               f"{format_number(value / 100, _decimals(value) + 2)}.")]
    return [Interpretation(value, "literal", parsed.note)]


def hint_number(n, count: int) -> int:
    """The hint number a student asked for (a whole number from 1; ``"2"`` is 2), or a Dutch AnswerError.

    >>> hint_number("2", 3), hint_number(2.0, 3), hint_number(None, 3)
    (2, 2, None)
    >>> hint_number("twee", 3)
    Traceback (most recent call last):
    ...
    salesnb.errors.AnswerError: Het hintnummer moet een geheel getal van 1 tot en met 3 zijn, bijvoorbeeld hint("2.1", 2); je gaf 'twee'.
    """
    if n is None:
        return None
    value = n.strip() if isinstance(n, str) else n
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
        raise AnswerError(f"Het hintnummer moet een geheel getal van 1 tot en met {max(count, 1)} zijn, "
                          f"bijvoorbeeld hint(\"2.1\", 2); je gaf {_short(n)}.")
    return int(value)


def _decimals(value: float) -> int:
    """Number of decimals in the shortest repr of ``value`` (0.15 → 2)."""
    text = repr(float(value))
    if "e" in text:
        mantissa, exponent = text.split("e")
        digits = len(mantissa.split(".")[1].rstrip("0")) if "." in mantissa else 0
        return max(digits - int(exponent), 0)
    return len(text.split(".")[1].rstrip("0"))
