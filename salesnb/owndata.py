"""Loading a student's own data: CSV and Excel files as Dutch software exports them.

Dutch exports often use ``;`` as separator, a decimal comma (``1.234,50``), dates as
``dd-mm-jjjj`` and the cp1252 encoding or UTF-8 with a BOM. :func:`read_own_data`
detects these with what pandas offers (or takes them as parameters), renames columns
with a mapping, and checks the table against the schema the calculations need. All
problems are reported at once, in Dutch, with the column, the first row numbers (as
Excel shows them) and the fix.

Exports made from data (:func:`to_csv_safe`, :func:`to_excel_safe`) neutralise text
cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ._validate import parse_dates
from .errors import OwnDataError

__all__ = [
    "SCHEMAS",
    "read_own_data",
    "validate_own_data",
    "neutralise_formulas",
    "to_csv_safe",
    "to_excel_safe",
    "write_examples",
]


@dataclass(frozen=True)
class Column:
    """What one column must hold."""

    name: str
    kind: str  # "id", "text", "number", "integer", "date", "bool"
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False
    meaning: str = ""


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "customers": (
        Column("customer_id", "id", unique=True, meaning="klantnummer"),
        Column("name", "text", meaning="klantnaam"),
        Column("sector", "text", required=False, meaning="branche"),
        Column("region", "text", required=False, meaning="regio"),
        Column("acquired_on", "date", required=False, meaning="klant sinds"),
    ),
    "orders": (
        Column("customer_id", "id", meaning="klantnummer"),
        Column("date", "date", meaning="orderdatum"),
        Column("revenue", "number", minimum=0, meaning="omzet in euro (excl. btw)"),
        Column("margin", "number", required=False, meaning="brutomarge in euro"),
        Column("product_group", "text", required=False, meaning="productgroep"),
    ),
    "leads": (
        Column("lead_id", "id", unique=True, meaning="leadnummer"),
        Column("created_on", "date", meaning="datum binnengekomen"),
        Column("source", "text", meaning="bron (online, koude acquisitie, netwerken, ...)"),
        Column("stage_reached", "text", meaning="hoogste fase (lead, MQL, SQL, opportunity, klant)"),
        Column("lead_score", "number", required=False, minimum=0, maximum=100, meaning="leadscore"),
    ),
    "nps": (
        Column("customer_id", "id", required=False, meaning="klantnummer"),
        Column("date", "date", required=False, meaning="datum van het antwoord"),
        Column("score", "integer", minimum=0, maximum=10, meaning="aanbevelingscijfer 0-10"),
    ),
}

_MAX_ROWS_SHOWN = 5
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _rows(mask: np.ndarray, first_data_row: int) -> str:
    """Row numbers as the student sees them in Excel (header on row 1)."""
    rows = np.flatnonzero(mask) + first_data_row
    text = ", ".join(str(r) for r in rows[:_MAX_ROWS_SHOWN])
    if len(rows) > _MAX_ROWS_SHOWN:
        text += f" (en nog {len(rows) - _MAX_ROWS_SHOWN} rijen)"
    return text


def _detect_encoding(raw: bytes, encoding: str | None) -> str:
    if encoding:
        return encoding
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _read_csv(path: Path, sep, encoding) -> pd.DataFrame:
    raw = path.read_bytes()
    text = raw.decode(_detect_encoding(raw, encoding))
    if sep is None:
        header = text.split("\n", 1)[0]
        sep = max([";", ",", "\t"], key=header.count)
    return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, skipinitialspace=True)


def read_own_data(path, kind: str, *, columns: dict | None = None, sep: str | None = None,
                  decimal: str | None = None, encoding: str | None = None,
                  sheet_name=0, today=None) -> pd.DataFrame:
    """Read your own CSV or Excel file and check it for ``kind`` (customers, orders, leads, nps).

    ``columns`` renames your headings to the names salesnb uses, e.g.
    ``{"Klantnaam": "name", "Klantnr": "customer_id"}``. The separator (the most frequent of
    ``;``, ``,`` and tab in the header), the decimal comma (per column: any value like
    ``1.234,50``) and the encoding (BOM, UTF-8, else cp1252) are detected; pass ``sep``,
    ``decimal`` or ``encoding`` to overrule the detection.

    >>> import salesnb, pathlib
    >>> folder = salesnb.write_examples(pathlib.Path(getfixture("tmp_path")))
    >>> orders = salesnb.read_own_data(folder / "orders_nl.csv", "orders",
    ...                                columns=salesnb.EXAMPLE_COLUMN_NAMES["orders"])
    >>> orders.dtypes["revenue"], orders.dtypes["date"]
    (dtype('float64'), dtype('<M8[ns]'))
    """
    path = Path(path)
    if kind not in SCHEMAS:
        raise OwnDataError(
            f"Onbekend soort bestand {kind!r}; kies uit {', '.join(repr(k) for k in SCHEMAS)}."
        )
    if not path.exists():
        raise OwnDataError(f"Het bestand {str(path)!r} bestaat niet. Controleer de map en de naam.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame = pd.read_excel(path, sheet_name=sheet_name, dtype=str)
    elif suffix in (".csv", ".txt", ".tsv"):
        frame = _read_csv(path, sep, encoding)
    else:
        raise OwnDataError(
            f"Bestanden met {suffix or 'geen'} als extensie kan ik niet lezen. Sla je bestand in "
            f"Excel op als .xlsx of als CSV (puntkomma-gescheiden) en probeer het opnieuw."
        )
    frame.columns = [str(c).strip() for c in frame.columns]
    if columns:
        unknown = [c for c in columns if c not in frame.columns]
        if unknown:
            raise OwnDataError(
                f"In 'columns' staan kolommen die niet in je bestand staan: "
                f"{', '.join(repr(c) for c in unknown)}. Je bestand heeft: "
                f"{', '.join(repr(c) for c in frame.columns)}."
            )
        frame = frame.rename(columns=columns)
    return validate_own_data(frame, kind, today=today, first_data_row=2,
                             decimal_comma=None if decimal is None else decimal == ",")


_COMMA_DECIMAL = r"-?\d{1,3}(\.\d{3})*,\d+|-?\d+,\d+"


def _to_number(values: pd.Series, decimal_comma: bool | None) -> pd.Series:
    """Numbers from text; a column that holds any '1.234,50'-style value uses the decimal comma."""
    text = values.astype("string").str.strip().str.replace("€", "", regex=False).str.strip()
    if decimal_comma is None:
        decimal_comma = bool(text.str.fullmatch(_COMMA_DECIMAL).fillna(False).any())
    if decimal_comma:
        text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return pd.to_numeric(text, errors="coerce").astype("float64")


def _to_date(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        return values
    return parse_dates(values)


def validate_own_data(frame: pd.DataFrame, kind: str, *, columns: dict | None = None, today=None,
                      first_data_row: int = 2, decimal_comma: bool | None = None) -> pd.DataFrame:
    """Check a table against the schema for ``kind``; return a typed copy or raise OwnDataError.

    ``columns`` renames your headings first (``{"Klantnaam": "name"}``). Every problem is
    collected first, so the student sees them all at once.

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
    schema = SCHEMAS[kind]
    problems: list[str] = []
    out = frame.rename(columns=columns) if columns else frame.copy()
    if len(out) == 0:
        raise OwnDataError(f"Je {kind}-bestand heeft geen rijen met gegevens.")
    present = set(out.columns)
    for column in schema:
        if column.required and column.name not in present:
            problems.append(
                f"- de kolom '{column.name}' ({column.meaning}) ontbreekt. Aanwezig: "
                f"{', '.join(repr(c) for c in out.columns)}. Hernoem jouw kolom met "
                f"columns={{'jouw kolomnaam': '{column.name}'}}."
            )
    today = pd.Timestamp(today) if today is not None else pd.Timestamp.today().normalize()
    for column in schema:
        if column.name not in present:
            continue
        label = f"- kolom '{column.name}' ({column.meaning})"
        values = out[column.name]
        missing = values.isna().to_numpy() | values.astype("string").str.strip().eq("").fillna(False).to_numpy()
        if missing.any() and column.required:
            problems.append(f"{label}: lege cel in rij {_rows(missing, first_data_row)}. "
                            f"Vul de waarde in of verwijder de rij.")
        if column.kind in ("number", "integer"):
            numbers = _to_number(values, decimal_comma) if not pd.api.types.is_numeric_dtype(values) \
                else values.astype(float)
            bad = numbers.isna().to_numpy() & ~missing
            if bad.any():
                example = values[bad].iloc[0]
                problems.append(f"{label}: geen getal in rij {_rows(bad, first_data_row)} "
                                f"({example!r}). Schrijf alleen cijfers, bijvoorbeeld 1234,50.")
            valid = ~numbers.isna().to_numpy()
            if column.kind == "integer":
                fraction = valid & (numbers.to_numpy() != np.round(numbers.to_numpy()))
                if fraction.any():
                    problems.append(f"{label}: geen heel getal in rij {_rows(fraction, first_data_row)}.")
            low = valid & (numbers.to_numpy() < column.minimum) if column.minimum is not None else None
            high = valid & (numbers.to_numpy() > column.maximum) if column.maximum is not None else None
            if column.minimum is not None and column.maximum is not None:
                outside = low | high
                if outside.any():
                    problems.append(
                        f"{label}: waarden buiten {column.minimum:g} tot {column.maximum:g} in rij "
                        f"{_rows(outside, first_data_row)} ({numbers[outside].iloc[0]:g}). "
                        f"Controleer de invoer.")
            elif low is not None and low.any():
                problems.append(f"{label}: negatieve waarde in rij {_rows(low, first_data_row)} "
                                f"({numbers[low].iloc[0]:g}). Een creditnota hoort niet in deze "
                                f"kolom; laat die rijen weg of verwerk ze apart.")
            out[column.name] = numbers
        elif column.kind == "date":
            dates = _to_date(values)
            bad = dates.isna().to_numpy() & ~missing
            if bad.any():
                problems.append(f"{label}: geen datum in rij {_rows(bad, first_data_row)} "
                                f"({values[bad].iloc[0]!r}). Schrijf datums als dd-mm-jjjj.")
            future = (dates > today).fillna(False).to_numpy()
            if future.any():
                problems.append(f"{label}: datum in de toekomst in rij {_rows(future, first_data_row)} "
                                f"({dates[future].iloc[0]:%d-%m-%Y}). Controleer het jaartal.")
            out[column.name] = dates
        elif column.kind in ("id", "text"):
            out[column.name] = values.astype("string").str.strip()
        if column.unique:
            duplicated = out[column.name].duplicated(keep=False).to_numpy() & ~missing
            if duplicated.any():
                problems.append(f"{label}: hetzelfde nummer komt meer dan eens voor in rij "
                                f"{_rows(duplicated, first_data_row)}. Elk nummer mag maar één keer "
                                f"voorkomen.")
    if problems:
        raise OwnDataError(
            f"Je {kind}-bestand heeft {len(problems)} "
            f"{'probleem' if len(problems) == 1 else 'problemen'}:\n" + "\n".join(problems)
        )
    for column in schema:
        if column.name not in out:
            continue
        if column.kind == "integer":
            out[column.name] = out[column.name].astype("int64")
        elif column.kind == "date":
            # the same resolution as salesnb.load, so own and sample data combine
            out[column.name] = out[column.name].astype("datetime64[ns]")
    return out


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
