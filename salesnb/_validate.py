"""Input validation shared by all calculation functions.

The helpers turn what a student passes (lists, Series, arrays, scalars) into clean
numpy/pandas objects, or raise :class:`~salesnb.errors.InputError` with a Dutch
message naming the argument, the first offending positions and the fix.

The same rules hold for every public function: a ``dict`` where values are expected,
a generator, a 2-D array or a number typed as text with a separator (``"1.000"``) is
refused with the fix; ``Decimal`` is a number like any other; ``pd.NA`` is a missing
value; dates with a time zone are read as Dutch local time.

:class:`Problems` is the one collector for checks that report every problem at once
(own data, the offerte, the own company).
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import numbers
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation

import numpy as np
import pandas as pd

from .errors import ColumnError, InputError, ProblemsError

_MAX_SHOWN = 5


def _positions(mask: np.ndarray, index=None) -> str:
    where = np.flatnonzero(mask)
    labels = list(where[:_MAX_SHOWN]) if index is None else list(index[where[:_MAX_SHOWN]])
    text = ", ".join(str(label) for label in labels)
    if len(where) > _MAX_SHOWN:
        text += f" (en nog {len(where) - _MAX_SHOWN})"
    return text


def is_number(value) -> bool:
    """True for one real number (int, float, numpy number, ``Decimal``), False for bool and the rest.

    >>> is_number(Decimal("1.5")), is_number(np.float32(2)), is_number(True), is_number("3")
    (True, True, False, False)
    """
    if isinstance(value, (bool, np.bool_)):
        return False
    return isinstance(value, (numbers.Real, Decimal))


#: Inputs beyond a million billion are typing errors (and would overflow in sums and products).
MAX_MAGNITUDE = 1e15


def _too_large(name: str, value: float) -> str:
    return (f"'{name}' is {value:g}: meer dan een miljoen miljard is vast een tikfout (of een bedrag in "
            f"centen). Controleer het getal.")


def short_repr(value, limit: int = 60) -> str:
    """``repr`` of a value, cut to ``limit`` characters (a pasted text is never echoed whole).

    >>> short_repr("x" * 1000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' (1002 tekens)"
    """
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 5] + "...'" + f" ({len(text)} tekens)"


_short = short_repr


def number(value, name: str, *, minimum=None, maximum=None, integer=False,
           min_inclusive=True, max_inclusive=True) -> float:
    """Return ``value`` as a float after checking type and range.

    >>> number(Decimal("2.5"), "x")
    2.5
    >>> number("1.000", "omzet")
    Traceback (most recent call last):
    ...
    salesnb.errors.InputError: 'omzet' moet een getal zijn, maar is tekst: '1.000'. ...
    """
    if isinstance(value, str):
        raise InputError(
            f"'{name}' moet een getal zijn, maar is tekst: {_short(value)}. Typ het getal zonder "
            f"aanhalingstekens en zonder punt voor duizendtallen, bijvoorbeeld {name}=1000 of {name}=12.5."
        )
    if not is_number(value):
        raise InputError(
            f"'{name}' moet een getal zijn, maar is {_short(value)} ({type(value).__name__}). "
            f"Geef een getal zonder aanhalingstekens, bijvoorbeeld {name}=10."
        )
    try:
        value = float(value)
    except OverflowError:
        value = math.inf
    if math.isnan(value) or math.isinf(value):
        raise InputError(f"'{name}' is {value}; geef een gewoon (eindig) getal.")
    if abs(value) > MAX_MAGNITUDE:
        raise InputError(_too_large(name, value))
    if integer and value != int(value):
        raise InputError(f"'{name}' moet een geheel getal zijn, maar is {value}.")
    if minimum is not None and (value < minimum or (not min_inclusive and value == minimum)):
        op = "minstens" if min_inclusive else "groter dan"
        raise InputError(f"'{name}' moet {op} {minimum} zijn, maar is {value}.")
    if maximum is not None and (value > maximum or (not max_inclusive and value == maximum)):
        op = "hoogstens" if max_inclusive else "kleiner dan"
        hint = ""
        if maximum == 1 and 1 < value <= 100:
            hint = f" Is het een percentage? Schrijf dan {value / 100:g} in plaats van {value:g}."
        raise InputError(f"'{name}' moet {op} {maximum} zijn, maar is {value}.{hint}")
    return value


def fraction(value, name: str, *, allow_zero=True, allow_one=True) -> float:
    """Return a share or rate as a fraction between 0 and 1 (0.15, not 15)."""
    return number(value, name, minimum=0.0, maximum=1.0,
                  min_inclusive=allow_zero, max_inclusive=allow_one)


def numbers_array(values, name: str, *, minimum=None, maximum=None, integer=False,
                  allow_empty=False, allow_nan=False) -> np.ndarray:
    """Return ``values`` (list, tuple, array, Series) as a float numpy array.

    Raises InputError for strings, None, NaN (unless ``allow_nan``), values out of
    range or non-integers (when ``integer``), naming the first bad positions.
    """
    if isinstance(values, str) and number_text(values) is not None:
        raise InputError(
            f"'{name}' moet een rij getallen zijn (lijst, Series of array) of een getal, maar is tekst: "
            f"{_short(values)}. Typ getallen zonder aanhalingstekens en zonder punt voor duizendtallen, "
            f"bijvoorbeeld 1000 of [1000, 12.5]."
        )
    if isinstance(values, (str, bytes)) or values is None:
        raise InputError(
            f"'{name}' moet een rij getallen zijn (lijst, Series of array), maar is {_short(values)}."
        )
    check_shape(values, name)
    if isinstance(values, pd.DataFrame):
        raise InputError(
            f"'{name}' moet één kolom zijn, maar is een hele tabel. "
            f"Kies een kolom, bijvoorbeeld tabel['kolomnaam']."
        )
    index = values.index if isinstance(values, pd.Series) else None
    if np.isscalar(values) or isinstance(values, Decimal):
        values = [values]
    raw = pd.Series(list(values) if not isinstance(values, (pd.Series, np.ndarray)) else values,
                    dtype=object if not isinstance(values, np.ndarray) else None)
    raw = raw.reset_index(drop=True)
    if len(raw) == 0 and not allow_empty:
        raise InputError(f"'{name}' is leeg; er is niets om mee te rekenen.")
    is_bool = raw.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
    _refuse_text_numbers(raw, name, index)
    converted = pd.to_numeric(raw.where(~is_bool, np.nan), errors="coerce")
    missing = raw.isna().to_numpy()
    bad = (converted.isna().to_numpy() & ~missing) | is_bool
    if bad.any():
        examples = ", ".join(repr(v) for v in raw[bad].head(3))
        raise InputError(
            f"'{name}' bevat waarden die geen getal zijn ({examples}) op positie "
            f"{_positions(bad, index)}. Maak er getallen van of laat die rijen weg."
        )
    array = converted.to_numpy(dtype=float)
    if missing.any() and not allow_nan:
        raise InputError(
            f"'{name}' mist waarden (leeg/None/NaN) op positie {_positions(missing, index)}. "
            f"Vul ze aan of laat die rijen weg, bijvoorbeeld met .dropna()."
        )
    finite = array[~np.isnan(array)]
    if np.isinf(finite).any():
        raise InputError(f"'{name}' bevat oneindige waarden; geef gewone getallen.")
    huge = np.abs(finite) > MAX_MAGNITUDE
    if huge.any():
        raise InputError(_too_large(name, finite[huge][0]))
    valid = ~np.isnan(array)
    if integer:
        frac = valid & (array != np.round(array))
        if frac.any():
            raise InputError(
                f"'{name}' moet hele getallen bevatten, maar op positie {_positions(frac, index)} "
                f"staat een kommagetal ({array[frac][0]:g})."
            )
    if minimum is not None:
        low = valid & (array < minimum)
        if low.any():
            raise InputError(
                f"'{name}' moet minstens {minimum:g} zijn, maar op positie {_positions(low, index)} "
                f"staat {array[low][0]:g}."
            )
    if maximum is not None:
        high = valid & (array > maximum)
        if high.any():
            hint = ""
            if maximum == 1 and (array[high] <= 100).all():
                hint = " Zijn het percentages? Deel ze dan door 100 (15% is 0.15)."
            raise InputError(
                f"'{name}' mag hoogstens {maximum:g} zijn, maar op positie {_positions(high, index)} "
                f"staat {array[high][0]:g}.{hint}"
            )
    return array


def check_shape(values, name: str) -> None:
    """Refuse a dict, a generator or a 2-D array with the fix, before anything reads it.

    >>> check_shape({2024: 100, 2025: 200}, "sales")
    Traceback (most recent call last):
    ...
    salesnb.errors.InputError: 'sales' is een dict; ik weet niet of je de sleutels of de waarden bedoelt. ...
    """
    if isinstance(values, dict):
        raise InputError(
            f"'{name}' is een dict; ik weet niet of je de sleutels of de waarden bedoelt. "
            f"Geef de waarden als lijst: list(jouw_dict.values())."
        )
    if isinstance(values, Iterator):
        raise InputError(
            f"'{name}' is een generator of iterator (die kan maar één keer gelezen worden). "
            f"Maak er eerst een lijst van: list(...)."
        )
    if isinstance(values, (set, frozenset)):
        raise InputError(f"'{name}' is een set (zonder volgorde); geef een lijst: sorted(...) of list(...).")
    if getattr(values, "ndim", 1) > 1:
        raise InputError(
            f"'{name}' moet één rij getallen zijn, maar is een tabel van "
            f"{' x '.join(map(str, values.shape))}. Kies één kolom of rij, bijvoorbeeld waarden[:, 0]."
        )


def _refuse_text_numbers(raw: pd.Series, name: str, index) -> None:
    """Numbers typed as text with a separator are ambiguous ('1.000': one thousand or one?)."""
    is_text = raw.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    if not is_text.any():
        return
    marked = is_text & raw.map(lambda v: isinstance(v, str) and bool(re.search(r"\d[.,]\d", v))).to_numpy(dtype=bool)
    if marked.any():
        example = raw[marked].iloc[0]
        raise InputError(
            f"'{name}' bevat getallen als tekst met een punt of komma ({_short(example)}) op positie "
            f"{_positions(marked, index)}; is {example!r} duizend of één? Geef getallen zonder "
            f"aanhalingstekens (1000 of 1.0), of lees je bestand met salesnb.read_own_data."
        )


def finite(result, what: str):
    """Return ``result`` (a number or array) when every value is finite; else a Dutch InputError.

    Inputs that are each fine can still overflow (1e200 x 1e200 is infinite).

    >>> finite(2.5, "het marktpotentieel")
    2.5
    >>> finite(1e200 * 1e200, "het marktpotentieel")
    Traceback (most recent call last):
    ...
    salesnb.errors.InputError: De uitkomst van het marktpotentieel is te groot om te berekenen (inf). ...
    """
    array = np.asarray(result, dtype=float)
    if not np.isfinite(array).all():
        bad = array[~np.isfinite(array)].flat[0]
        raise InputError(
            f"De uitkomst van {what} is te groot om te berekenen ({bad}). Controleer de invoer: "
            f"staan er bedragen in centen of met te veel nullen in?"
        )
    return result


def same_length(**arrays: Sequence) -> int:
    """Check that all named sequences have one length and return it."""
    lengths = {name: len(values) for name, values in arrays.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"'{name}' heeft {n}" for name, n in lengths.items())
        raise InputError(
            f"De invoer moet even lang zijn, maar {described} waarden. "
            f"Zorg dat elke waarde bij precies één andere hoort."
        )
    return next(iter(lengths.values()), 0)


def table(df, name: str, columns: Iterable[str], *, allow_empty=False) -> pd.DataFrame:
    """Check that ``df`` is a DataFrame with ``columns``; return it unchanged.

    A missing column is reported together with the columns that are there and the
    closest match, so that a typo ('omzet ' or 'Revenue') is easy to mend.
    """
    if not isinstance(df, pd.DataFrame):
        raise InputError(
            f"'{name}' moet een tabel (pandas DataFrame) zijn, maar is {type(df).__name__}."
        )
    columns = list(columns)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        present = [str(c) for c in df.columns]
        tips = []
        for column in missing:
            close = difflib.get_close_matches(column, present, n=1, cutoff=0.6)
            if close:
                tips.append(f"bedoel je '{close[0]}' voor '{column}'?")
        tip = (" " + " ".join(tips)) if tips else ""
        raise ColumnError(
            f"De tabel '{name}' mist de kolom(men) {', '.join(repr(c) for c in missing)}. "
            f"Aanwezig zijn: {', '.join(repr(c) for c in present) or 'geen'}.{tip} "
            f"Hernoem een kolom met tabel.rename(columns={{'oude naam': 'nieuwe naam'}})."
        )
    double = sorted({str(c) for c in df.columns[df.columns.duplicated()] if c in columns})
    if double:
        raise ColumnError(
            f"De tabel '{name}' heeft de kolom {', '.join(repr(c) for c in double)} meer dan eens; ik weet dan "
            f"niet welke je bedoelt. Geef elke kolom een eigen naam, bijvoorbeeld met tabel.rename(columns=...), "
            f"of laat er een weg met tabel.loc[:, ~tabel.columns.duplicated()]."
        )
    if len(df) == 0 and not allow_empty:
        raise InputError(f"De tabel '{name}' is leeg; er is niets om mee te rekenen.")
    return df


def column_numbers(df: pd.DataFrame, column: str, table_name: str, **kwargs) -> np.ndarray:
    """Validate one numeric column of a table (see :func:`numbers_array`)."""
    return numbers_array(df[column], f"{table_name}['{column}']", **kwargs)


DATE_FORMATS = ("ISO8601", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%d.%m.%Y")
_TIME_ZONE = "Europe/Amsterdam"
_OFFSET = r"(?:Z|[+-]\d{2}:?\d{2})"


def _local(value):
    """A time-zone-aware timestamp as Dutch local time without zone; anything else unchanged."""
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        return pd.Timestamp(value).tz_convert(_TIME_ZONE).tz_localize(None)
    return value


def naive_dates(values: pd.Series) -> pd.Series:
    """Dates with a time zone (alone or next to dates without one) as Dutch local time, no zone.

    >>> naive_dates(pd.Series([pd.Timestamp("2025-01-05 23:30", tz="UTC"), pd.Timestamp("2025-01-05")])).tolist()
    [Timestamp('2025-01-06 00:30:00'), Timestamp('2025-01-05 00:00:00')]
    """
    series = pd.Series(values)
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return series.dt.tz_convert(_TIME_ZONE).dt.tz_localize(None)
    if series.dtype == object and series.map(lambda v: _local(v) is not v).any():
        mapped = series.map(_local)
        if mapped.map(lambda v: isinstance(v, _dt.datetime) or v is None or v is pd.NaT).all():
            return pd.to_datetime(mapped).astype("datetime64[ns]")
        return mapped
    return series


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse text dates written as jjjj-mm-dd (ISO) or dd-mm-jjjj (Dutch); NaT where neither fits.

    Each format is tried explicitly: a free-for-all parser with ``dayfirst`` reads
    2025-01-05 as 1 May, which would be a silently wrong date. A time zone
    (``2025-01-05T23:30:00Z``) is converted to Dutch local time.

    >>> parse_dates(pd.Series(["2025-01-05", "05-01-2025", "5/1/2025", "x"])).dt.strftime("%d %b").tolist()
    ['05 Jan', '05 Jan', '05 Jan', nan]
    >>> parse_dates(pd.Series(["2025-01-05T23:30:00+00:00"])).tolist()
    [Timestamp('2025-01-06 00:30:00')]
    """
    text = pd.Series(values).astype("string").str.strip()
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    zoned = text.str.contains(rf"\d:\d\d(?::\d\d(?:\.\d+)?)?\s*{_OFFSET}$", regex=True).fillna(False).to_numpy(dtype=bool)
    if zoned.any():
        aware = pd.to_datetime(text[zoned], format="ISO8601", utc=True, errors="coerce")
        parsed[zoned] = aware.dt.tz_convert(_TIME_ZONE).dt.tz_localize(None).astype("datetime64[us]")
    for fmt in DATE_FORMATS:
        todo = parsed.isna() & text.notna() & ~zoned
        if not todo.any():
            break
        attempt = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        parsed[todo] = attempt.astype("datetime64[us]")
    return parsed


def dates(values, name: str, *, allow_nat=False) -> pd.Series:
    """Return ``values`` as a datetime Series, or explain which entries are not dates.

    >>> dates([pd.Timestamp("2025-03-01", tz="Europe/Amsterdam"), "2025-03-02"], "datum").dt.day.tolist()
    [1, 2]
    """
    check_shape(values, name)
    series = naive_dates(pd.Series(values).reset_index(drop=True))
    if pd.api.types.is_datetime64_any_dtype(series):
        parsed = series
    else:
        as_text = series.map(lambda v: v.isoformat() if isinstance(v, (_dt.date, pd.Timestamp)) else v)
        parsed = parse_dates(as_text)
        bad = parsed.isna().to_numpy() & ~series.isna().to_numpy()
        if bad.any():
            raise InputError(
                f"'{name}' bevat waarden die geen datum zijn ({_short(series[bad].iloc[0])}) op positie "
                f"{_positions(bad)}. Schrijf datums als dd-mm-jjjj of jjjj-mm-dd."
            )
    if not allow_nat and parsed.isna().any():
        raise InputError(
            f"'{name}' mist datums op positie {_positions(parsed.isna().to_numpy())}."
        )
    return parsed


def choice(value, name: str, options: Iterable[str]) -> str:
    """Check that ``value`` is one of ``options`` and return it."""
    options = list(options)
    if value not in options:
        close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1)
        tip = f" Bedoel je '{close[0]}'?" if close else ""
        raise InputError(
            f"'{name}' moet een van {', '.join(repr(o) for o in options)} zijn, "
            f"maar is {value!r}.{tip}"
        )
    return value


# --------------------------------------------------------------------------- numbers typed as text
_CURRENCY = re.compile(r"€|\beuro?s?\b|\beur\b", re.IGNORECASE)
_BLANKS = re.compile(r"[\s\u00a0\u2009\u202f']+")
_GROUPED_DOTS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+")
_GROUPED_COMMAS = re.compile(r"[1-9]\d{0,2}(,\d{3})+")


def number_text(text: str, *, decimal: str | None = None) -> str | None:
    """A number typed as text in canonical form (``"1234.5"``), or None when it is no number.

    Dutch and English notation: with both ``.`` and ``,`` the last one is the decimal mark;
    ``1.234.567`` and ``1.250`` have thousands dots (Dutch whole euros); a lone comma is a
    decimal comma; ``1,234,567`` has thousands commas. ``decimal`` (``","`` or ``"."``)
    overrules the guess. ``€``, spaces and ``,-`` are ignored.

    >>> [number_text(t) for t in ["1.250", "€ 1.234,50", "1,234.50", "12.5", "1,5", "25,-", "x"]]
    ['1250', '1234.50', '1234.50', '12.5', '1.5', '25', None]
    >>> number_text("1.250", decimal=".")
    '1.250'
    """
    text = _BLANKS.sub("", _CURRENCY.sub("", str(text))).replace("−", "-")
    if text.endswith((",-", ".-")):
        text = text[:-2]
    sign = ""
    if text[:1] in "+-" and text[:1]:
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    if not re.fullmatch(r"(\d+([.,]\d+)*|[.,]\d+|\d+[.,])", text):
        return None
    if decimal is None:
        decimal = _guess_decimal(text)
    thousands = "," if decimal == "." else "."
    whole, _, fraction_part = text.rpartition(decimal) if decimal in text else (text, "", "")
    if decimal in fraction_part or thousands in fraction_part:
        return None
    if thousands in whole:
        grouped = _GROUPED_DOTS if thousands == "." else _GROUPED_COMMAS
        if not grouped.fullmatch(whole):
            return None
        whole = whole.replace(thousands, "")
    if decimal in whole:
        return None
    return sign + (whole or "0") + ("." + fraction_part if fraction_part else "")


def _guess_decimal(text: str) -> str:
    if "." in text and "," in text:
        return "." if text.rfind(".") > text.rfind(",") else ","
    if "," in text:
        return "." if text.count(",") > 1 else ","
    if text.count(".") > 1 or _GROUPED_DOTS.fullmatch(text):
        return ","
    return "."


def text_decimal(value) -> Decimal | None:
    """A number, or a number typed as text (see :func:`number_text`), as an exact ``Decimal``.

    None for anything else, for NaN/infinity and for amounts of a trillion or more (a typing error;
    quantity x price must still fit Decimal's precision to the cent).

    >>> text_decimal("1.250"), text_decimal(0.1), text_decimal("1e999999999")
    (Decimal('1250'), Decimal('0.1'), None)
    """
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    try:
        if isinstance(value, Decimal):
            result = value
        elif isinstance(value, numbers.Integral):
            result = Decimal(int(value))
        elif isinstance(value, numbers.Real):
            result = Decimal(repr(float(value)))  # 0.1 -> Decimal('0.1'), not 0.1000000000000000055...
        elif isinstance(value, str):
            canonical = number_text(value)
            if canonical is None:
                canonical = value.strip() if re.fullmatch(r"[+-]?\d+(\.\d+)?[eE][+-]?\d+", value.strip()) else None
            result = Decimal(canonical) if canonical is not None else None
        else:
            return None
    except (InvalidOperation, ValueError, OverflowError):
        return None
    if result is None or not result.is_finite() or abs(result.adjusted()) > _MAX_EXPONENT:
        return None
    return result


# An amount of a trillion or more (or a trillionth) is a typing error; and two such amounts
# multiplied (quantity x price) must still fit Decimal's 28 digits with the cents.
_MAX_EXPONENT = 11


# --------------------------------------------------------------------------- one problems collector
class Problems:
    """Collect every problem of a form (own data, offerte, own company) before raising once.

    Each check returns the clean value, or None after noting the problem in Dutch.

    >>> p = Problems()
    >>> p.require_text("  ", "de naam"), p.number("1.250", "de prijs", minimum=0)
    (None, Decimal('1250'))
    >>> p.choice(0.19, "het btw-tarief", (0.21, 0.09)), p.date("31-02-2026", "de datum")
    (None, None)
    >>> p.raise_if_any(InputError, "Het formulier heeft problemen")
    Traceback (most recent call last):
    ...
    salesnb.errors.InputError: Het formulier heeft problemen (3):
      - de naam ontbreekt
    ...
    """

    def __init__(self):
        self.items: list[str] = []

    def __len__(self) -> int:
        return len(self.items)

    def add(self, problem: str) -> None:
        """Note one problem (a Dutch phrase that says what is wrong and how to fix it)."""
        self.items.append(problem)

    # A collector stands in for the list of problems the older checks append to.
    append = add

    def extend(self, problems: Iterable[str]) -> None:
        """Note several problems."""
        self.items.extend(problems)

    def __iter__(self):
        return iter(self.items)

    def require_text(self, value, label: str) -> str | None:
        """Non-empty text, stripped; otherwise the problem '<label> ontbreekt' or 'moet tekst zijn'."""
        if value is None or (isinstance(value, float) and math.isnan(value)) or \
                (isinstance(value, str) and not value.strip()):
            self.add(f"{label} ontbreekt")
            return None
        if not isinstance(value, str):
            self.add(f"{label} moet tekst zijn, maar is {_short(value)}")
            return None
        return value.strip()

    def number(self, value, label: str, *, minimum=None, maximum=None, above=None,
               integer=False) -> Decimal | None:
        """A number (also typed as text, ``"1.250"`` or ``"12,50"``) as an exact Decimal within range."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(f"{label} ontbreekt")
            return None
        result = text_decimal(value)
        if result is None:
            huge = isinstance(value, (numbers.Number, Decimal, str)) and bool(re.search(r"\d{16}", str(value)))
            self.add(f"{label} moet een getal zijn, maar is {_short(value)}"
                     + ("; zo'n groot getal is een tikfout" if huge else ""))
            return None
        if integer and result != result.to_integral_value():
            self.add(f"{label} moet een geheel getal zijn, maar is {_short(value)}")
        elif minimum is not None and result < Decimal(str(minimum)):
            self.add(f"{label} moet minstens {minimum} zijn, maar is {_short(value)}")
        elif above is not None and result <= Decimal(str(above)):
            self.add(f"{label} moet groter dan {above} zijn, maar is {_short(value)}")
        elif maximum is not None and result > Decimal(str(maximum)):
            self.add(f"{label} mag hoogstens {maximum} zijn, maar is {_short(value)}")
        else:
            return result
        return None

    def date(self, value, label: str) -> _dt.date | None:
        """A calendar date from a date, a Timestamp or text jjjj-mm-dd / dd-mm-jjjj."""
        if value is None or (isinstance(value, str) and not value.strip()) or value is pd.NaT:
            self.add(f"{label} ontbreekt")
            return None
        if isinstance(value, _dt.datetime):
            return _local(value).date()
        if isinstance(value, _dt.date):
            return value
        if isinstance(value, str):
            parsed = parse_dates(pd.Series([value])).iloc[0]
            if not pd.isna(parsed):
                return parsed.date()
        self.add(f"{label} is geen datum ({_short(value)}); schrijf bijvoorbeeld '2026-03-15' of '15-03-2026'")
        return None

    def choice(self, value, label: str, options: Iterable, *, shown: str | None = None):
        """One of ``options`` (the matching option is returned), else the problem naming them."""
        options = list(options)
        for option in options:
            try:
                if value == option and not isinstance(value, (bool, np.bool_)):
                    return option
            except (TypeError, ValueError):
                pass
        allowed = shown or ", ".join(repr(o) for o in options)
        self.add(f"{label} moet een van {allowed} zijn, maar is {_short(value)}")
        return None

    def raise_if_any(self, error_class=InputError, title: str | None = None) -> None:
        """Raise ``error_class`` listing every problem; nothing when there are none.

        A :class:`~salesnb.errors.ProblemsError` subclass with its own introduction
        (OfferteError, OwnCompanyError) is given the list; any other class a message
        with ``title`` above the problems.
        """
        if not self.items:
            return
        if issubclass(error_class, ProblemsError) and title is None:
            raise error_class(list(self.items))
        lines = "\n".join(f"  - {p}" for p in self.items)
        raise error_class(f"{title or 'Er zijn problemen'} ({len(self.items)}):\n{lines}")
