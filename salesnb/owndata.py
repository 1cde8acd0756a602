"""Loading a student's own data: CSV and Excel files as Dutch software exports them.

:func:`read_own_data` reads a CSV (separator ``;``, ``,``, tab or ``|``; UTF-8 with or
without BOM, cp1252 or UTF-16 as Excel's "Unicode-tekst") or an ``.xlsx`` sheet, finds the
header row below title lines, drops empty rows and empty unnamed columns (and says so),
renames columns with a mapping and checks the table against the data contract
(:mod:`salesnb.schema`). The notation of a number column is decided from all of its values
(``1.234,50`` and ``2.500`` Dutch, ``1,234.50`` English); a column that could be read both
ways is refused with the choice to make (``decimal=`` or ``thousands=``). Excel cells keep
their own types. Every problem is reported at once, in Dutch, with the column, the first
row numbers (as Excel shows them) and the fix; nothing is ever read silently wrong.

Exports made from data (:func:`to_csv_safe`, :func:`to_excel_safe`) neutralise text
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import numbers
import re
import string
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from ._validate import Problems, naive_dates, number_text, parse_dates
from .errors import OwnDataError
from .schema import OWN_TABLES, own_columns

__all__ = [
    "read_own_data",
    "validate_own_data",
    "neutralise_formulas",
    "to_csv_safe",
    "to_excel_safe",
    "write_examples",
]

#: The columns of each table a student's own file has or may have (from :mod:`salesnb.schema`).
SCHEMAS = {table: own_columns(table) for table in OWN_TABLES}

_MAX_ROWS_SHOWN = 5
_HEADER_SEARCH = 30
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SEPARATORS = (";", ",", "\t", "|")
_TOTAL = re.compile(r"((sub|eind|generaal |grand )?tota(a)?l(en)?|som)(\b.*)?", re.IGNORECASE)
_BOOL_TEXT = {"true", "false", "waar", "onwaar", "ja", "nee"}
_EARLIEST = pd.Timestamp("1900-01-01")  # an earlier year is a typing error (and beyond pandas' dates)


class _Notes(list):
    """What the loader did on its own (skipped title lines, dropped empty rows): told to the student."""


def _rows(mask: np.ndarray, row_numbers: np.ndarray) -> str:
    """Row numbers as the student sees them in Excel."""
    rows = row_numbers[np.flatnonzero(mask)]
    text = ", ".join(str(r) for r in rows[:_MAX_ROWS_SHOWN])
    if len(rows) > _MAX_ROWS_SHOWN:
        text += f" (en nog {len(rows) - _MAX_ROWS_SHOWN} rijen)"
    return text


def _letter(position: int) -> str:
    """Excel's column letter of a 0-based position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 4] + "...'"


# --------------------------------------------------------------------------- reading the file
def _check_arguments(path, kind, columns, decimal, thousands) -> Path:
    if path is None or (isinstance(path, str) and not path.strip()):
        raise OwnDataError("Geef het pad van je bestand, bijvoorbeeld read_own_data('mijn_orders.csv', 'orders').")
    if not isinstance(path, (str, Path)):
        raise OwnDataError(f"Het pad moet tekst zijn, zoals 'data/orders.csv', maar is {type(path).__name__}.")
    if kind not in SCHEMAS:
        raise OwnDataError(
            f"Onbekend soort bestand {kind!r}; kies uit {', '.join(repr(k) for k in SCHEMAS)}."
        )
    if columns is not None and not isinstance(columns, dict):
        raise OwnDataError(
            f"'columns' moet een dict zijn van jouw kolomnaam naar de naam die salesnb gebruikt, "
            f"bijvoorbeeld columns={{'Klantnr': 'customer_id', 'Omzet': 'revenue'}}; nu is het een "
            f"{type(columns).__name__}."
        )
    if decimal not in (None, ",", "."):
        raise OwnDataError(f"'decimal' moet ',' (komma) of '.' (punt) zijn, maar is {decimal!r}.")
    if thousands not in (None, ",", ".", "", " "):
        raise OwnDataError(f"'thousands' moet '.', ',' of '' (geen) zijn, maar is {thousands!r}.")
    if decimal is not None and thousands and decimal == thousands:
        raise OwnDataError("'decimal' en 'thousands' kunnen niet hetzelfde teken zijn.")
    path = Path(path)
    if path.is_dir():
        raise OwnDataError(f"{str(path)!r} is een map, geen bestand. Geef de naam van het bestand in die map "
                           f"erbij, bijvoorbeeld {str(path / 'orders.csv')!r}.")
    if not path.exists():
        raise OwnDataError(f"Het bestand {str(path)!r} bestaat niet. Controleer de map en de naam.")
    return path


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype", b"<html", b"<table", b"<?xml", b"<"))


def _decode(raw: bytes, encoding: str | None) -> str:
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise OwnDataError(f"De codering {encoding!r} ken ik niet. Kies 'utf-8', 'cp1252' of 'utf-16', "
                               f"of laat encoding weg: dan herken ik hem zelf.") from None
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise OwnDataError(f"Je bestand is niet in de codering {encoding!r} opgeslagen (byte {exc.start} "
                               f"past er niet in). Laat encoding weg, of probeer 'cp1252' of 'utf-16'.") from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if len(raw) >= 4 and raw[1:4:2] == b"\x00\x00" and raw[0:1] != b"\x00":
        return raw.decode("utf-16-le", errors="replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw.decode("utf-8-sig")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_cells(path: Path, sep, encoding) -> tuple[list[list], str]:
    raw = path.read_bytes()
    if not raw.strip(b"\x00\xef\xbb\xbf\xff\xfe \t\r\n;,"):
        raise OwnDataError(f"Het bestand {path.name!r} is leeg. Sla je gegevens opnieuw op en probeer het nog eens.")
    if raw.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise OwnDataError(f"{path.name!r} is een Excel-bestand met de extensie {path.suffix}. Geef het de "
                           f"extensie .xlsx, of sla het in Excel op als CSV (puntkomma-gescheiden).")
    if raw.startswith(b"%PDF"):
        raise OwnDataError(f"{path.name!r} is een PDF, geen tabel. Exporteer de gegevens uit het programma als "
                           f"CSV of Excel (.xlsx).")
    text = _decode(raw, encoding)
    if _looks_like_html(text.encode("utf-8", errors="replace")):
        raise OwnDataError(f"{path.name!r} is een webpagina (HTML), geen CSV. Open het in Excel en kies "
                           f"Opslaan als > CSV (puntkomma-gescheiden) of Excel-werkmap (.xlsx).")
    lines = [line for line in text.splitlines() if line.strip()][:_HEADER_SEARCH]
    if sep is None:
        sep = max(_SEPARATORS, key=lambda s: (sum(s in line for line in lines), sum(line.count(s) for line in lines)))
    try:
        cells = list(csv.reader(io.StringIO(text.replace("\x00", "")), delimiter=sep, skipinitialspace=True,
                                strict=True))
    except csv.Error:  # a quote that is never closed would swallow the rest of the file
        raise OwnDataError(f"{path.name!r} kan ik niet lezen als CSV: een aanhalingsteken (\") wordt niet "
                           f"gesloten, of er staat tekst direct na een afsluitend aanhalingsteken. Zoek de naam met "
                           f"een enkel \" en haal dat weg, of sla het bestand in Excel opnieuw op als CSV.") from None
    return cells, sep


def _excel_cells(path: Path, sheet_name) -> list[list]:
    head = path.read_bytes()[:8]
    if _looks_like_html(path.read_bytes()[:512]):
        raise OwnDataError(f"{path.name!r} is geen echt Excel-bestand maar een webpagina (HTML) met de extensie "
                           f"{path.suffix}. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx).")
    if head.startswith(b"\xd0\xcf\x11\xe0") or path.suffix.lower() == ".xls":
        raise OwnDataError(f"{path.name!r} is in het oude Excel-formaat (.xls). Open het in Excel en kies "
                           f"Opslaan als > Excel-werkmap (.xlsx), of als CSV.")
    if not head.startswith(b"PK"):
        raise OwnDataError(f"{path.name!r} is geen Excel-bestand (.xlsx), al heeft het die extensie. Open het in "
                           f"het programma waarmee het gemaakt is en sla het op als .xlsx of als CSV.")
    try:
        with pd.ExcelFile(path, engine="openpyxl") as book:
            sheets = book.sheet_names
            if isinstance(sheet_name, bool) or not isinstance(sheet_name, (str, numbers.Integral)) or \
                    (isinstance(sheet_name, str) and sheet_name not in sheets) or \
                    (isinstance(sheet_name, numbers.Integral) and not -len(sheets) <= sheet_name < len(sheets)):
                raise OwnDataError(f"Het werkblad {sheet_name!r} staat niet in {path.name!r}. Er zijn: "
                                   f"{', '.join(repr(s) for s in sheets)}; geef bijvoorbeeld "
                                   f"sheet_name={sheets[0]!r}.")
            frame = pd.read_excel(book, sheet_name=sheet_name, header=None, dtype=object)
    except OwnDataError:
        raise
    except Exception as exc:  # a damaged zip or workbook: openpyxl has many error types
        raise OwnDataError(f"{path.name!r} kan ik niet openen als Excel-bestand ({type(exc).__name__}). "
                           f"Open het in Excel en sla het opnieuw op als .xlsx.") from None
    return [[None if _empty(v) else v for v in row] for row in frame.itertuples(index=False)]


def _empty(value) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


# --------------------------------------------------------------------------- the notation of a number column
_NL_EVIDENCE = re.compile(r"\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,})|\d{1,3}(\.\d{3}){2,}|0,\d+")
_EN_EVIDENCE = re.compile(r"\d{1,3}(,\d{3})+\.\d+|\d+\.(\d{1,2}|\d{4,})|\d{1,3}(,\d{3}){2,}|0\.\d+")
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")     # 1.234: Dutch thousands or English decimals
_COMMA_THREE = re.compile(r"[1-9]\d{0,2},\d{3}")        # 1,234: Dutch decimals or English thousands


def _each(texts: pd.Series, function) -> pd.Series:
    """``texts.map(function)``, computed once per distinct text (exports repeat dates and amounts)."""
    results = {text: function(text) for text in dict.fromkeys(texts.tolist())}
    return texts.map(results.__getitem__)


def _clean_number_text(value: str) -> str:
    text = re.sub(r"€|\beur(o)?\b", "", value, flags=re.IGNORECASE)
    text = re.sub(r"[\s\u00a0\u2009\u202f']+", "", text).replace("−", "-")
    return text[:-2] if text.endswith((",-", ".-")) else text.lstrip("+-")


def _decimal_mark(texts: pd.Series, decimal, thousands, label: str, rows: np.ndarray, problems: Problems):
    """The decimal mark of a column of numbers typed as text, decided from all of its values."""
    if decimal is not None:
        return decimal
    if thousands:
        return "," if thousands == "." else "."
    clean = _each(texts, _clean_number_text)
    nl, en, dots, commas = (_each(clean, lambda t, p=pattern: bool(p.fullmatch(t))).to_numpy(dtype=bool)
                            for pattern in (_NL_EVIDENCE, _EN_EVIDENCE, _DOT_THOUSANDS, _COMMA_THREE))
    if nl.any() and en.any():
        problems.add(f"{label}: Nederlandse en Engelse notatie door elkaar ({texts[nl].iloc[0]!r} in rij "
                     f"{_rows(nl, rows)}, {texts[en].iloc[0]!r} in rij {_rows(en, rows)}). Maak de kolom "
                     f"eenduidig, of kies met decimal=',' (komma voor decimalen) of decimal='.'.")
        return None
    if nl.any():
        return ","
    if en.any():
        return "."
    if commas.any():
        example = texts[commas].iloc[0]
        problems.add(f"{label}: {example!r} (rij {_rows(commas, rows)}) kan {number_text(example, decimal=',')} "
                     f"zijn (komma voor decimalen) of {number_text(example, decimal='.')} (komma voor "
                     f"duizendtallen). Kies met decimal=',' of thousands=','.")
        return None
    return "," if dots.any() else "."


def _number_column(values: pd.Series, label, rows, decimal, thousands, problems: Problems):
    """Numbers from Excel cells (kept as they are) and text (one notation per column); NaN elsewhere.

    Returns the numbers, whether the text could be read (False: the notation was refused) and
    the cells already reported (booleans, impossible amounts).
    """
    out = pd.Series(np.nan, index=values.index, dtype="float64")
    is_bool = values.map(lambda v: isinstance(v, (bool, np.bool_)) or
                         (isinstance(v, str) and v.strip().lower() in _BOOL_TEXT)).to_numpy(dtype=bool)
    if is_bool.any():
        problems.add(f"{label}: ja/nee of True/False in rij {_rows(is_bool, rows)} "
                     f"({values[is_bool].iloc[0]!r}) is geen getal. Zet er het getal neer.")
    is_real = values.map(lambda v: isinstance(v, (numbers.Real, Decimal)) and not isinstance(v, (bool, np.bool_))
                         ).to_numpy(dtype=bool)
    out[is_real] = values[is_real].map(_float).to_numpy(dtype="float64")
    is_text = values.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool) & ~is_bool
    if is_text.any():
        texts = values[is_text].astype(str)
        mark = _decimal_mark(texts, decimal, thousands, label, rows[is_text], problems)
        if mark is None:
            return out, False, is_bool
        canonical = _each(texts, lambda t: number_text(t, decimal=mark))
        out[is_text] = pd.to_numeric(canonical, errors="coerce").astype("float64").to_numpy()
    huge = np.isinf(out.to_numpy())
    if huge.any():
        problems.add(f"{label}: een onmogelijk groot getal in rij {_rows(huge, rows)}. Controleer die cel.")
        out[huge] = np.nan
    return out, True, is_bool | huge


def _float(value) -> float:
    try:
        return float(value)
    except OverflowError:  # a 400-digit whole number
        return float("inf")


def _date_column(values: pd.Series, label, rows, problems: Problems) -> pd.Series:
    is_number = values.map(lambda v: isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))
                           ).to_numpy(dtype=bool)
    if is_number.any():
        problems.add(f"{label}: een getal ({values[is_number].iloc[0]!r}) in plaats van een datum in rij "
                     f"{_rows(is_number, rows)}. Maak die cellen in Excel op als datum (dd-mm-jjjj).")
    cells = naive_dates(values.where(~is_number, None))
    as_text = cells.map(lambda v: v.isoformat() if isinstance(v, (_dt.date, pd.Timestamp)) else v)
    as_text = _day_first(as_text.where(pd.notna(as_text), None), label, rows, problems)
    return parse_dates(as_text)


_SLASHED = re.compile(r"\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})(.*)")


def _day_first(texts: pd.Series, label, rows, problems: Problems) -> pd.Series:
    """Dates with slashes in the American order (mm/dd/jjjj, seen from a day above 12 in second place)
    are turned round; a column with both orders is refused. Without such evidence: Dutch, day first."""
    parts = _each(texts, lambda t: _SLASHED.fullmatch(t) if isinstance(t, str) else None)
    first = np.array([bool(m) and int(m.group(1)) > 12 for m in parts], dtype=bool)
    second = np.array([bool(m) and int(m.group(2)) > 12 for m in parts], dtype=bool)
    if not second.any():
        return texts
    if first.any():
        problems.add(f"{label}: datums in twee volgordes door elkaar ({texts[first].iloc[0]!r} in rij "
                     f"{_rows(first, rows)} is dag-maand, {texts[second].iloc[0]!r} in rij {_rows(second, rows)} "
                     f"maand-dag). Schrijf alle datums als dd-mm-jjjj.")
        return texts
    return pd.Series([f"{m.group(2)}-{m.group(1)}-{m.group(3)}{m.group(4)}" if m else t
                      for t, m in zip(texts, parts)], index=texts.index, dtype=object)


def _text_column(values: pd.Series) -> pd.Series:
    """Text and ids: an Excel number 1001.0 in an id column is the id '1001'."""
    def one(v):
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return None if _empty(v) else str(v).strip()
    return values.map(one).astype("string")


# --------------------------------------------------------------------------- from cells to a table
def _header_row(cells: list[list], expected: set[str]) -> int:
    """The row with the column headings: the first naming an expected column, else the widest one on top."""
    top = cells[:_HEADER_SEARCH]
    filled = [sum(not _empty(v) for v in row) for row in top]
    for i, row in enumerate(top):
        if any(isinstance(v, str) and v.strip().lower() in expected for v in row) and filled[i] > 0:
            return i
    widest = max(filled, default=0)
    if widest == 0:
        raise OwnDataError("Je bestand heeft geen kolomkoppen en geen gegevens: het is leeg.")
    return filled.index(widest)


def _table(cells: list[list], expected: set[str], sep: str | None, notes: _Notes) -> tuple[pd.DataFrame, np.ndarray]:
    """Header, rows and Excel row numbers; title lines, empty rows and empty unnamed columns left out."""
    start = _header_row(cells, expected)
    titles = sum(any(not _empty(v) for v in row) for row in cells[:start])
    if titles:
        notes.append(f"{_count(titles, 'regel', 'regels')} boven de kolomkoppen (rij {start + 1}) heb ik "
                     f"overgeslagen")
    header = [None if _empty(v) else str(v).strip() for v in cells[start]]
    body = [[None if _empty(v) else (v.strip() if isinstance(v, str) else v) for v in row]
            for row in cells[start + 1:]]
    width = len(header)
    too_long = [start + 2 + i for i, row in enumerate(body) if any(not _empty(v) for v in row[width:])]
    if too_long:
        where = ", ".join(map(str, too_long[:_MAX_ROWS_SHOWN]))
        hint = f" (het scheidingsteken {sep!r})" if sep else ""
        raise OwnDataError(
            f"Rij {where} van je bestand heeft meer waarden dan er kolomkoppen zijn ({width}). Meestal staat "
            f"er een scheidingsteken{hint} in een naam of bedrag. Zet zulke tekst tussen aanhalingstekens "
            f"(\"Jansen; Zn\"), of sla het bestand in Excel opnieuw op als CSV.")
    body = [(row + [None] * width)[:width] for row in body]
    numbers_ = np.arange(start + 2, start + 2 + len(body))
    keep = [any(not _empty(v) for v in row) for row in body]
    last = max((i for i, k in enumerate(keep) if k), default=-1)
    inner_empty = sum(not k for k in keep[:last + 1])
    if inner_empty:
        notes.append(f"{_count(inner_empty, 'lege rij', 'lege rijen')} heb ik weggelaten")
    numbers_ = numbers_[np.array(keep, dtype=bool)] if body else numbers_
    body = [row for row, k in zip(body, keep) if k]
    columns, dropped = [], []
    for j, name in enumerate(header):
        if name is None and all(_empty(row[j]) for row in body):
            dropped.append(j)
        else:
            columns.append((j, name if name is not None else f"kolom {_letter(j)}"))
    if dropped:
        notes.append(f"{'de lege kolom' if len(dropped) == 1 else 'de lege kolommen'} zonder kop "
                     f"({', '.join(_letter(j) for j in dropped)}) heb ik weggelaten")
    _refuse_duplicate_headings([(j, n) for j, n in columns])
    frame = pd.DataFrame({name: pd.Series([row[j] for row in body], dtype=object) for j, name in columns})
    return frame, numbers_


def _refuse_duplicate_headings(columns: list[tuple[int, str]], renamed: bool = False) -> None:
    seen: dict[str, list[int]] = {}
    for j, name in columns:
        seen.setdefault(name, []).append(j)
    double = {name: js for name, js in seen.items() if len(js) > 1}
    if double:
        described = "; ".join(f"{name!r} in kolom {' en '.join(_letter(j) for j in js)}" for name, js in double.items())
        what = "Na het hernoemen met columns= heten twee kolommen hetzelfde" if renamed \
            else "Twee kolommen hebben dezelfde kop"
        raise OwnDataError(f"{what}: {described}. Ik weet dan niet welke je bedoelt; geef elke kolom een "
                           f"eigen naam (of haal er een weg).")


def _total_rows(frame: pd.DataFrame) -> np.ndarray:
    """Rows whose first filled cell says Totaal / Subtotaal / Som: a sum, not a customer or order."""
    mask = np.zeros(len(frame), dtype=bool)
    for i, row in enumerate(frame.itertuples(index=False)):
        first = next((v for v in row if not _empty(v)), None)
        mask[i] = isinstance(first, str) and bool(_TOTAL.fullmatch(first.strip()))
    return mask


def read_own_data(path, kind: str, *, columns: dict | None = None, sep: str | None = None,
                  decimal: str | None = None, thousands: str | None = None, encoding: str | None = None,
                  sheet_name=0, today=None) -> pd.DataFrame:
    """Read your own CSV or Excel file and check it for ``kind`` (customers, orders, leads, nps).

    ``columns`` renames your headings to the names salesnb uses, e.g.
    ``{"Klantnaam": "name", "Klantnr": "customer_id"}``. The separator, the header row (below
    any title lines), the notation of every number column (decided from all of its values)
    and the encoding (BOM, UTF-8, UTF-16, else cp1252) are detected; pass ``sep``, ``decimal``
    (``","`` or ``"."``), ``thousands`` or ``encoding`` to overrule the detection.
    What the loader did on its own (skipped lines, dropped empty rows) is shown as a warning
    and kept in ``result.attrs["opmerkingen"]``.

    >>> import salesnb, pathlib
    >>> folder = salesnb.write_examples(pathlib.Path(getfixture("tmp_path")))
    >>> orders = salesnb.read_own_data(folder / "orders_nl.csv", "orders",
    ...                                columns=salesnb.EXAMPLE_COLUMN_NAMES["orders"])
    >>> orders.dtypes["revenue"], orders.dtypes["date"]
    (dtype('float64'), dtype('<M8[ns]'))
    """
    path = _check_arguments(path, kind, columns, decimal, thousands)
    suffix = path.suffix.lower()
    notes = _Notes()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        cells, used_sep = _excel_cells(path, sheet_name), None
    elif suffix in (".csv", ".txt", ".tsv", ".tab"):
        cells, used_sep = _csv_cells(path, sep, encoding)
    else:
        raise OwnDataError(
            f"Bestanden met {suffix or 'geen'} als extensie kan ik niet lezen. Sla je bestand in "
            f"Excel op als .xlsx of als CSV (puntkomma-gescheiden) en probeer het opnieuw."
        )
    expected = {c.name.lower() for c in SCHEMAS[kind]} | {str(k).strip().lower() for k in (columns or {})}
    frame, row_numbers = _table(cells, expected, used_sep, notes)
    if columns:
        unknown = [c for c in columns if c not in frame.columns]
        if unknown:
            raise OwnDataError(
                f"In 'columns' staan kolommen die niet in je bestand staan: "
                f"{', '.join(repr(c) for c in unknown)}. Je bestand heeft: "
                f"{', '.join(repr(c) for c in frame.columns)}."
            )
        frame = frame.rename(columns=columns)
        _refuse_duplicate_headings(list(enumerate(frame.columns)), renamed=True)
    result = _checked(frame, kind, today=today, row_numbers=row_numbers, decimal=decimal, thousands=thousands)
    if notes:
        result.attrs["opmerkingen"] = list(notes)
        warnings.warn(f"{path.name}: " + "; ".join(notes) + ".", UserWarning, stacklevel=2)
    return result


def validate_own_data(frame: pd.DataFrame, kind: str, *, columns: dict | None = None, today=None,
                      first_data_row: int = 2, decimal: str | None = None,
                      thousands: str | None = None) -> pd.DataFrame:
    """Check a table against the schema for ``kind``; return a typed copy or raise OwnDataError.

    ``columns`` renames your headings first (``{"Klantnaam": "name"}``). Every problem is
    collected first, so the student sees them all at once. ``decimal`` / ``thousands``
    choose the notation of numbers typed as text when a column could be read two ways.

    >>> import pandas as pd
    >>> validate_own_data(pd.DataFrame({"score": ["9", "11", "x"]}), "nps")
    Traceback (most recent call last):
    ...
    salesnb.errors.OwnDataError: Je nps-bestand heeft 2 problemen:
    - kolom 'score' (aanbevelingscijfer 0-10): geen getal in rij 4 ('x'). ...
    - kolom 'score' (aanbevelingscijfer 0-10): waarden buiten 0 tot 10 in rij 3 (11). ...
    """
    if not isinstance(frame, pd.DataFrame):
        raise OwnDataError(f"Verwacht een tabel (DataFrame), maar kreeg {type(frame).__name__}.")
    if kind not in SCHEMAS:
        raise OwnDataError(f"Onbekend soort tabel {kind!r}; kies uit {', '.join(SCHEMAS)}.")
    if columns is not None and not isinstance(columns, dict):
        raise OwnDataError("'columns' moet een dict zijn, bijvoorbeeld columns={'Klantnr': 'customer_id'}.")
    out = frame.rename(columns=columns) if columns else frame
    _refuse_duplicate_headings(list(enumerate(map(str, out.columns))), renamed=bool(columns))
    rows = np.arange(first_data_row, first_data_row + len(out))
    return _checked(out, kind, today=today, row_numbers=rows, decimal=decimal, thousands=thousands)


def _checked(frame: pd.DataFrame, kind: str, *, today, row_numbers, decimal, thousands) -> pd.DataFrame:
    """The schema checks of one table (all problems at once) and its typed copy."""
    schema = SCHEMAS[kind]
    out = frame.copy()
    out.columns = [str(c).strip() for c in out.columns]
    if len(out) == 0:
        raise OwnDataError(f"Je {kind}-bestand heeft geen rijen met gegevens.")
    problems = Problems()
    totals = _total_rows(out)
    if totals.any():
        problems.add(f"- rij {_rows(totals, row_numbers)} is een totaalregel "
                     f"({out.iloc[int(np.flatnonzero(totals)[0])].dropna().iloc[0]!r}), geen "
                     f"{'klant' if kind == 'customers' else 'gegeven'}. Haal die rij weg; salesnb telt zelf op.")
    present = set(out.columns)
    for column in schema:
        if column.own == "required" and column.name not in present:
            problems.add(
                f"- de kolom '{column.name}' ({column.meaning}) ontbreekt. Aanwezig: "
                f"{', '.join(repr(c) for c in out.columns)}. Hernoem jouw kolom met "
                f"columns={{'jouw kolomnaam': '{column.name}'}}."
            )
    today = pd.Timestamp(today) if today is not None else pd.Timestamp.today().normalize()
    keep = ~totals
    for column in schema:
        if column.name in present:
            out[column.name] = _check_column(out[column.name], column, row_numbers, keep, today,
                                             decimal, thousands, problems)
    if len(problems):
        n = len(problems)
        raise OwnDataError(f"Je {kind}-bestand heeft {n} {'probleem' if n == 1 else 'problemen'}:\n"
                           + "\n".join(problems.items))
    for column in schema:
        if column.name not in out:
            continue
        if column.own_kind == "integer":
            out[column.name] = out[column.name].astype("int64" if out[column.name].notna().all() else "Int64")
        elif column.own_kind == "date":
            # the same resolution as salesnb.load, so own and sample data combine
            out[column.name] = out[column.name].astype("datetime64[ns]")
    return out


def _check_column(values: pd.Series, column, rows, keep, today, decimal, thousands, problems: Problems):
    """One column's checks (missing, type, range, future dates, uniqueness); its typed values."""
    label = f"- kolom '{column.name}' ({column.meaning})"
    values = values.reset_index(drop=True)
    missing = values.map(_empty).to_numpy(dtype=bool) & keep
    if missing.any() and column.own == "required":
        problems.add(f"{label}: lege cel in rij {_rows(missing, rows)}. Vul de waarde in of verwijder de rij.")
    kind = column.own_kind
    if kind in ("number", "integer"):
        parsed, readable, reported = _number_column(values.where(keep, None), label, rows, decimal, thousands,
                                                    problems)
        bad = parsed.isna().to_numpy() & ~missing & keep & ~reported
        if bad.any() and readable:
            problems.add(f"{label}: geen getal in rij {_rows(bad, rows)} ({_short(values[bad].iloc[0])}). "
                         f"Schrijf alleen cijfers, bijvoorbeeld 1234,50.")
        _check_range(parsed, column, label, rows, problems)
        return parsed.where(keep, np.nan).set_axis(values.index)
    if kind == "date":
        parsed = _date_column(values, label, rows, problems)
        bad = parsed.isna().to_numpy() & ~missing & keep & ~values.map(
            lambda v: isinstance(v, numbers.Real) and not isinstance(v, bool)).to_numpy(dtype=bool)
        if bad.any():
            problems.add(f"{label}: geen datum in rij {_rows(bad, rows)} "
                         f"({_short(values[bad].iloc[0])}). Schrijf datums als dd-mm-jjjj.")
        ancient = (parsed < _EARLIEST).fillna(False).to_numpy(dtype=bool) & keep
        if ancient.any():
            problems.add(f"{label}: jaartal {parsed[ancient].iloc[0].year} in rij {_rows(ancient, rows)}. Schrijf "
                         f"het jaar met vier cijfers (dd-mm-jjjj).")
            parsed = parsed.where(~ancient)
        future = (parsed > today).fillna(False).to_numpy(dtype=bool) & keep
        if future.any():
            problems.add(f"{label}: datum in de toekomst in rij {_rows(future, rows)} "
                         f"({parsed[future].iloc[0]:%d-%m-%Y}). Controleer het jaartal.")
        return parsed
    text = _text_column(values)
    if column.unique:
        duplicated = text.duplicated(keep=False).to_numpy() & ~missing & keep
        if duplicated.any():
            problems.add(f"{label}: hetzelfde nummer komt meer dan eens voor in rij {_rows(duplicated, rows)}. "
                         f"Elk nummer mag maar één keer voorkomen.")
    return text


def _check_range(numbers_: pd.Series, column, label, rows, problems: Problems) -> None:
    array = numbers_.to_numpy()
    valid = ~np.isnan(array)
    if column.own_kind == "integer":
        fraction = valid & (array != np.round(array))
        if fraction.any():
            problems.add(f"{label}: geen heel getal in rij {_rows(fraction, rows)} ({array[fraction][0]:g}).")
    low = valid & (array < column.minimum) if column.minimum is not None else np.zeros(len(array), bool)
    high = valid & (array > column.maximum) if column.maximum is not None else np.zeros(len(array), bool)
    if column.minimum is not None and column.maximum is not None:
        outside = low | high
        if outside.any():
            problems.add(f"{label}: waarden buiten {column.minimum:g} tot {column.maximum:g} in rij "
                         f"{_rows(outside, rows)} ({array[outside][0]:g}). Controleer de invoer.")
    elif low.any():
        problems.add(f"{label}: negatieve waarde in rij {_rows(low, rows)} ({array[low][0]:g}). Een creditnota "
                     f"hoort niet in deze kolom; laat die rijen weg of verwerk ze apart.")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy in which text cells a spreadsheet would run as a formula start with ``'``.

    >>> neutralise_formulas(pd.DataFrame({"naam": ["=HYPERLINK(1)", "Jansen"], "x": [-1, 2]}))
                 naam  x
    0  '=HYPERLINK(1) -1
    1          Jansen  2
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            text = out[column]
            risky = text.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START))
            out[column] = text.where(~risky, "'" + text.astype("string"))
    return out


def to_csv_safe(frame: pd.DataFrame, path, *, dutch: bool = True) -> Path:
    """Write a table as CSV that Dutch Excel opens correctly (``;``, decimal comma), formulas neutralised.

    >>> path = to_csv_safe(pd.DataFrame({"klant": ["=1+1"], "omzet": [12.5]}), getfixture("tmp_path") / "x.csv")
    >>> path.read_text(encoding="utf-8-sig").splitlines()
    ['klant;omzet', "'=1+1;12,5"]
    """
    path = Path(path)
    neutralise_formulas(frame).to_csv(path, sep=";" if dutch else ",", decimal="," if dutch else ".",
                                      index=False, encoding="utf-8-sig" if dutch else "utf-8",
                                      date_format="%d-%m-%Y" if dutch else "%Y-%m-%d")
    return path


def to_excel_safe(frame: pd.DataFrame, path) -> Path:
    """Write a table as .xlsx with formula-like text neutralised.

    >>> path = to_excel_safe(pd.DataFrame({"klant": ["@SUM(A1)"]}), getfixture("tmp_path") / "x.xlsx")
    >>> pd.read_excel(path)["klant"].tolist()
    ["'@SUM(A1)"]
    """
    path = Path(path)
    neutralise_formulas(frame).to_excel(path, index=False)
    return path


EXAMPLE_COLUMN_NAMES = {
    "customers": {"Klantnr": "customer_id", "Klantnaam": "name", "Branche": "sector",
                  "Regio": "region", "Klant sinds": "acquired_on"},
    "orders": {"Klantnr": "customer_id", "Orderdatum": "date", "Omzet": "revenue",
               "Marge": "margin", "Productgroep": "product_group"},
    "nps": {"Klantnr": "customer_id", "Datum": "date", "Score": "score"},
}
__all__.append("EXAMPLE_COLUMN_NAMES")


def example_tables(seed: int | None = None, n_customers: int = 40) -> dict[str, pd.DataFrame]:
    """Small tables in the shape of a Dutch export, taken from the sample company."""
    from . import data

    customers = data.load("customers", seed=seed).head(n_customers)
    orders = data.load("orders", seed=seed)
    orders = orders[orders["customer_id"].isin(customers["customer_id"])].head(400)
    nps = data.load("nps", seed=seed)
    nps = nps[nps["customer_id"].isin(customers["customer_id"])].head(200)
    rename = {v: k for k, v in EXAMPLE_COLUMN_NAMES["customers"].items()}
    return {
        "customers": customers[list(rename)].rename(columns=rename),
        "orders": orders[list(EXAMPLE_COLUMN_NAMES["orders"].values())].rename(
            columns={v: k for k, v in EXAMPLE_COLUMN_NAMES["orders"].items()}),
        "nps": nps[list(EXAMPLE_COLUMN_NAMES["nps"].values())].rename(
            columns={v: k for k, v in EXAMPLE_COLUMN_NAMES["nps"].items()}),
    }


def write_examples(directory=None) -> Path:
    """Write the example files of ``data/voorbeelden/`` (Dutch export formats) and return the folder.

    - ``klanten_nl.csv``: ``;``-separated, dates dd-mm-jjjj, cp1252 encoded (as old Excel saves it)
    - ``orders_nl.csv``: ``;``-separated, decimal comma, UTF-8 with BOM
    - ``nps_antwoorden.xlsx``: an Excel sheet

    >>> sorted(p.name for p in write_examples(getfixture("tmp_path")).iterdir())
    ['klanten_nl.csv', 'nps_antwoorden.xlsx', 'orders_nl.csv']
    """
    from . import data

    directory = Path(directory) if directory is not None else data.DATA_DIR / "voorbeelden"
    directory.mkdir(parents=True, exist_ok=True)
    tables = example_tables()
    tables["customers"].to_csv(directory / "klanten_nl.csv", sep=";", index=False,
                               encoding="cp1252", errors="replace", date_format="%d-%m-%Y",
                               lineterminator="\r\n")
    tables["orders"].to_csv(directory / "orders_nl.csv", sep=";", decimal=",", index=False,
                            encoding="utf-8-sig", date_format="%d-%m-%Y", float_format="%.2f",
                            lineterminator="\r\n")
    tables["nps"].to_excel(directory / "nps_antwoorden.xlsx", index=False)
    return directory
