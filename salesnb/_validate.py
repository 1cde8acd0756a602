"""Input validation shared by all calculation functions.

The helpers turn what a student passes (lists, Series, arrays, scalars) into clean
numpy/pandas objects, or raise :class:`~salesnb.errors.InputError` with a Dutch
message naming the argument, the first offending positions and the fix.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .errors import ColumnError, InputError

_MAX_SHOWN = 5


def _positions(mask: np.ndarray, index=None) -> str:
    where = np.flatnonzero(mask)
    labels = list(where[:_MAX_SHOWN]) if index is None else list(index[where[:_MAX_SHOWN]])
    text = ", ".join(str(label) for label in labels)
    if len(where) > _MAX_SHOWN:
        text += f" (en nog {len(where) - _MAX_SHOWN})"
    return text


def number(value, name: str, *, minimum=None, maximum=None, integer=False,
           min_inclusive=True, max_inclusive=True) -> float:
    """Return ``value`` as a float after checking type and range."""
    if isinstance(value, bool) or value is None or not isinstance(value, numbers.Real):
        raise InputError(
            f"'{name}' moet een getal zijn, maar is {value!r} ({type(value).__name__}). "
            f"Geef een getal zonder aanhalingstekens, bijvoorbeeld {name}=10."
        )
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        raise InputError(f"'{name}' is {value}; geef een gewoon (eindig) getal.")
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
    if isinstance(values, (str, bytes)) or values is None:
        raise InputError(
            f"'{name}' moet een rij getallen zijn (lijst, Series of array), maar is {values!r}."
        )
    if isinstance(values, pd.DataFrame):
        raise InputError(
            f"'{name}' moet één kolom zijn, maar is een hele tabel. "
            f"Kies een kolom, bijvoorbeeld tabel['kolomnaam']."
        )
    index = values.index if isinstance(values, pd.Series) else None
    if np.isscalar(values):
        values = [values]
    raw = pd.Series(list(values) if not isinstance(values, (pd.Series, np.ndarray)) else values,
                    dtype=object if not isinstance(values, np.ndarray) else None)
    raw = raw.reset_index(drop=True)
    if len(raw) == 0 and not allow_empty:
        raise InputError(f"'{name}' is leeg; er is niets om mee te rekenen.")
    is_bool = raw.map(lambda v: isinstance(v, (bool, np.bool_))).to_numpy(dtype=bool)
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
    if len(df) == 0 and not allow_empty:
        raise InputError(f"De tabel '{name}' is leeg; er is niets om mee te rekenen.")
    return df


def column_numbers(df: pd.DataFrame, column: str, table_name: str, **kwargs) -> np.ndarray:
    """Validate one numeric column of a table (see :func:`numbers_array`)."""
    return numbers_array(df[column], f"{table_name}['{column}']", **kwargs)


DATE_FORMATS = ("ISO8601", "%d-%m-%Y", "%d/%m/%Y", "%d-%m-%Y %H:%M", "%d.%m.%Y")


def parse_dates(values: pd.Series) -> pd.Series:
    """Parse text dates written as jjjj-mm-dd (ISO) or dd-mm-jjjj (Dutch); NaT where neither fits.

    Each format is tried explicitly: a free-for-all parser with ``dayfirst`` reads
    2025-01-05 as 1 May, which would be a silently wrong date.

    >>> parse_dates(pd.Series(["2025-01-05", "05-01-2025", "5/1/2025", "x"])).dt.strftime("%d %b").tolist()
    ['05 Jan', '05 Jan', '05 Jan', nan]
    """
    text = pd.Series(values).astype("string").str.strip()
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
    for fmt in DATE_FORMATS:
        todo = parsed.isna() & text.notna()
        if not todo.any():
            break
        attempt = pd.to_datetime(text[todo], format=fmt, errors="coerce")
        parsed[todo] = attempt.astype("datetime64[us]")
    return parsed


def dates(values, name: str, *, allow_nat=False) -> pd.Series:
    """Return ``values`` as a datetime Series, or explain which entries are not dates."""
    series = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_datetime64_any_dtype(series):
        parsed = series
    else:
        parsed = parse_dates(series)
        bad = parsed.isna().to_numpy() & ~series.isna().to_numpy()
        if bad.any():
            raise InputError(
                f"'{name}' bevat waarden die geen datum zijn ({series[bad].iloc[0]!r}) op positie "
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
