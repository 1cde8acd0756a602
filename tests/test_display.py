"""salesnb.display: the Dutch number formatters, the column-format registry and show_table."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesnb.display import (AMBIGUOUS_COLUMNS, COLUMN_FORMATS, KINDS, MISSING, format_date, format_decimal, format_euro,
                             format_nps, format_number, format_percent, format_value, plural, show_table, yes_no)
from salesnb.errors import InputError

README = Path(__file__).resolve().parents[1] / "data" / "README.md"


# --------------------------------------------------------------------------- formatters

@pytest.mark.parametrize("func, args, text", [
    (format_number, (1234,), "1.234"),
    (format_number, (1773,), "1.773"),
    (format_number, (9745,), "9.745"),
    (format_number, (1234567.891, 2), "1.234.567,89"),
    (format_number, (0.5,), "1"),            # half up, not to even
    (format_number, (2.675, 2), "2,68"),     # the decimal value, not the binary float below it
    (format_number, (-0.004, 2), "0,00"),    # no "-0,00"
    (format_number, (np.int64(12000),), "12.000"),
    (format_decimal, (7.25,), "7,3"),
    (format_decimal, (7.0,), "7,0"),
    (format_euro, (1234.5, 2), "€ 1.234,50"),
    (format_euro, (5500,), "€ 5.500"),
    (format_euro, (1_000_000,), "€ 1.000.000"),
    (format_euro, (-1250.0,), "€ -1.250"),
    (format_percent, (0.123,), "12,3%"),
    (format_percent, (0.15,), "15,0%"),
    (format_percent, (0.07, 0), "7%"),
    (format_percent, (1.0,), "100,0%"),
    (format_nps, (20.0,), "+20"),
    (format_nps, (0.0,), "0"),
    (format_nps, (-5,), "-5"),
    (format_nps, (-33.333, 1), "-33,3"),
])
def test_dutch_formatting(func, args, text):
    assert func(*args) == text


@pytest.mark.parametrize("func", [format_number, format_decimal, format_euro, format_percent, format_nps])
@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, float("inf"), -np.inf])
def test_missing_and_infinite_show_a_dash(func, missing):
    assert func(missing) == MISSING == "–"


@pytest.mark.parametrize("func", [format_number, format_euro, format_percent, format_nps])
@pytest.mark.parametrize("bad", ["12", True, [1, 2]])
def test_formatting_refuses_non_numbers(func, bad):
    with pytest.raises(InputError, match="verwacht een getal"):
        func(bad)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_number_round_trips(x):
    text = format_number(x, 2)
    assert "," in text and text.count(",") == 1
    assert abs(float(text.replace(".", "").replace(",", ".")) - x) <= 0.005 + 1e-9 * abs(x)


@pytest.mark.parametrize("value", [dt.date(2025, 12, 31), dt.datetime(2025, 12, 31, 23, 59),
                                   pd.Timestamp("2025-12-31"), np.datetime64("2025-12-31"), "2025-12-31"])
def test_dates_are_dd_mm_jjjj(value):
    assert format_date(value) == "31-12-2025"


def test_date_missing_and_bad():
    assert format_date(pd.NaT) == format_date(None) == "–"
    with pytest.raises(InputError, match="jjjj-mm-dd"):
        format_date("31 december")
    with pytest.raises(InputError):
        format_date(12)


def test_yes_no():
    assert [yes_no(v) for v in (True, False, np.bool_(True), 1, 0, None)] == ["ja", "nee", "ja", "ja", "nee", "–"]
    with pytest.raises(InputError):
        yes_no("misschien")


@pytest.mark.parametrize("count, text", [
    (1, "1 key account"), (2, "2 key accounts"), (0, "0 key accounts"), (1773, "1.773 key accounts"),
])
def test_plural(count, text):
    assert plural(count, "key account", "key accounts") == text


def test_plural_of_bezoek_is_not_bezoek_en():
    assert plural(2, "bezoek", "bezoeken") == "2 bezoeken"
    assert plural(1, "bezoek", "bezoeken") == "1 bezoek"


# --------------------------------------------------------------------------- show_table

def cells(table):
    return table.cells


def test_score_column_named_aandeel_is_not_a_percentage():
    scores = pd.DataFrame({"customer_id": [101, 102], "aandeel": [4, 7], "marge": [10, 1]})
    shown = cells(show_table(scores))
    assert shown.iloc[:, 1].tolist() == ["4", "7"] and shown.iloc[:, 2].tolist() == ["10", "1"]
    assert not any("%" in v or "€" in v for v in shown.values.ravel())
    assert "aandeel" in AMBIGUOUS_COLUMNS and "aandeel" not in COLUMN_FORMATS


def test_registered_number_kind_leaves_a_text_column_alone():
    t = pd.DataFrame({"relatie": ["goed", "matig"], "omzet": ["veel", None]})
    assert cells(show_table(t)).values.tolist() == [["goed", "veel"], ["matig", "–"]]


def test_a_share_is_a_percentage_only_when_told():
    shares = pd.DataFrame({"aandeel": [0.25, 0.5]})
    assert cells(show_table(shares, formats={"aandeel": "percent"})).iloc[:, 0].tolist() == ["25,0%", "50,0%"]
    # a name fragment never makes a percentage: an unregistered 'aandeel_x' stays a number
    fragment = pd.DataFrame({"aandeel_onbekend": [0.25]})
    assert cells(show_table(fragment)).iloc[0, 0] == "0,25"


def test_booleans_become_ja_nee():
    t = pd.DataFrame({"voldoet": [True, False], "iets": [False, True], "los": pd.Series([True, None], dtype=object)})
    shown = cells(show_table(t))
    assert shown.values.tolist() == [["ja", "nee", "ja"], ["nee", "ja", "–"]]


def test_nan_and_inf_become_a_dash():
    t = pd.DataFrame({"omzet": [np.nan, 1.0], "conversie": [np.inf, 0.5], "x": [np.nan, 2.5],
                      "naam": [None, "A"], "datum_x": pd.to_datetime([None, "2025-01-01"])})
    shown = cells(show_table(t))
    assert shown.iloc[0].tolist() == ["–"] * 5
    text = repr(show_table(t)) + show_table(t)._repr_html_()
    for word in ("NaN", "nan", "inf", "NaT", "None", "<NA>"):
        assert not re.search(rf"\b{re.escape(word)}\b", text), word


def test_dates_in_tables():
    t = pd.DataFrame({"valid_from": pd.to_datetime(["2024-01-01", "2026-01-01"]),
                      "los": [dt.date(2025, 3, 9), None]})
    shown = show_table(t)
    assert cells(shown).values.tolist() == [["01-01-2024", "09-03-2025"], ["01-01-2026", "–"]]
    assert list(cells(shown).columns) == ["geldig vanaf", "los"]


def test_negative_euros_and_thousands_separators():
    t = pd.DataFrame({"omzet": [2213316.91, -4549776.0], "klanten": [1773, 9745], "employees": [12000, 5]})
    shown = cells(show_table(t))
    assert shown.values.tolist() == [["€ 2.213.317", "1.773", "12.000"], ["€ -4.549.776", "9.745", "5"]]


def test_explicit_formats_beat_the_registry_and_take_decimals():
    t = pd.DataFrame({"omzet": [1234.5], "waarde": [0.236922]})
    shown = cells(show_table(t, formats={"omzet": ("euro", 2), "waarde": ("decimal", 3)},
                             headers={"waarde": "gewicht"}))
    assert shown.iloc[0].tolist() == ["€ 1.234,50", "0,237"]
    assert list(shown.columns) == ["omzet", "gewicht"]


def test_dutch_headers_from_the_registry():
    t = pd.DataFrame({"impressions": [1000], "bidder": ["X"], "valid_from": pd.to_datetime(["2024-01-01"]),
                      "is_own": [True], "share_of_wallet": [0.3], "nps": [12.4]})
    shown = cells(show_table(t))
    assert list(shown.columns) == ["vertoningen", "inschrijver", "geldig vanaf", "eigen inschrijving",
                                   "share of wallet", "NPS"]
    assert shown.iloc[0].tolist() == ["1.000", "X", "01-01-2024", "ja", "30,0%", "+12"]


def test_unregistered_snake_case_gets_spaces_and_ids_no_separator():
    t = pd.DataFrame({"customer_id": [12345], "year": [2025], "mijn_kolom": ["a"]})
    shown = cells(show_table(t))
    assert list(shown.columns) == ["klantnr.", "jaar", "mijn kolom"]
    assert shown.iloc[0].tolist() == ["12345", "2025", "a"]


def test_decimal_amounts_are_numbers():
    from decimal import Decimal

    assert format_euro(Decimal("1234.50"), 2) == "€ 1.234,50"
    t = pd.DataFrame({"bedrag": [Decimal("1234.5"), None], "amount": [Decimal("100"), Decimal("2.5")]})
    shown = cells(show_table(t, formats={"bedrag": ("euro", 2)}))
    assert shown.values.tolist() == [["€ 1.234,50", "€ 100"], ["–", "€ 3"]]
    assert cells(show_table(pd.DataFrame({"x": [Decimal("0.25")]}))).iloc[0, 0] == "0,25"


def test_no_python_reprs_in_cells():
    t = pd.DataFrame({"rollen": [["beslisser", "inkoper"], ()], "scores": [{"a": 1, "b": 2.5}, {}],
                      "paar": [(1, 2), ("x",)]})
    shown = cells(show_table(t))
    assert shown.values.tolist() == [["beslisser, inkoper", "a: 1; b: 2,50", "1, 2"], ["", "", "x"]]


def test_text_left_numbers_right_in_html_and_deterministic():
    t = pd.DataFrame({"sector": ["Zorg & welzijn"], "omzet": [1500.0]})
    html = show_table(t)._repr_html_()
    assert html == show_table(t)._repr_html_()
    assert re.search(r'<td style="text-align:left[^"]*">Zorg &amp; welzijn</td>', html)
    assert re.search(r'<td style="text-align:right[^"]*">€&nbsp;1.500</td>', html)
    assert "overflow-x:auto" in html  # a wide table scrolls inside the notebook instead of widening it
    assert "dtype" not in html and "dtype" not in repr(show_table(t))


def test_plain_text_repr_aligns():
    t = pd.DataFrame({"sector": ["Zorg", "Onderwijs"], "klanten": [5, 1773]})
    lines = repr(show_table(t)).splitlines()
    assert lines == ["branche    klanten", "Zorg             5", "Onderwijs    1.773"]


def test_index_and_series():
    s = pd.Series([3, 1], index=pd.Index(["Zorg", "Onderwijs"], name="sector"), name="klanten")
    shown = cells(show_table(s))
    assert list(shown.columns) == ["branche", "klanten"]
    plain = pd.DataFrame({"klanten": [3]})
    assert list(cells(show_table(plain)).columns) == ["klanten"]
    assert list(cells(show_table(plain, index=True)).columns) == ["", "klanten"]


def test_long_tables_are_cut_with_a_note():
    shown = show_table(pd.DataFrame({"klanten": range(2000)}), max_rows=10)
    assert len(cells(shown)) == 10
    assert "(de eerste 10 van 2.000 rijen)" in repr(shown)


def test_bad_input_is_a_dutch_error():
    with pytest.raises(InputError, match="verwacht een tabel"):
        show_table([1, 2])
    with pytest.raises(InputError, match="staan niet in de tabel"):
        show_table(pd.DataFrame({"a": [1]}), formats={"b": "euro"})
    with pytest.raises(InputError, match="Onbekende soort"):
        show_table(pd.DataFrame({"a": [1]}), formats={"a": "geld"})


def test_format_value_every_kind():
    assert [format_value(0.5, k) for k in ("euro", "percent", "points", "nps", "count", "decimal")] == [
        "€ 1", "50,0%", "+50,0 %-punt", "+1", "1", "0,5"]
    assert set(KINDS) == {"euro", "percent", "points", "nps", "count", "decimal", "date", "yesno", "text"}


def test_a_difference_of_percentages_is_shown_in_procentpunten():
    shown = show_table(pd.DataFrame({"verschil": [0.071, -0.2]}), formats={"verschil": "points"})
    assert cells(shown).iloc[:, 0].tolist() == ["+7,1 %-punt", "-20,0 %-punt"]


# --------------------------------------------------------------------------- registry

def _contract_columns():
    """(table, column, unit, type) for every column in the data contract."""
    rows, table = [], None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            table = line.split()[1]
        cells_ = [c.strip() for c in line.strip().strip("|").split("|")]
        if table and line.startswith("| ") and len(cells_) >= 5 and cells_[0] not in ("column", "---"):
            for name in cells_[0].split(","):
                rows.append((table, name.strip(), cells_[3], cells_[4]))
    return rows


def test_registry_covers_the_data_contract():
    rows = _contract_columns()
    assert len(rows) > 100
    missing = sorted({name for _, name, _, _ in rows if name not in COLUMN_FORMATS} - AMBIGUOUS_COLUMNS)
    assert missing == [], f"add these data-contract columns to salesnb.display: {missing}"


def test_registry_kinds_follow_the_contract_units():
    for table, name, unit, typ in _contract_columns():
        if name in AMBIGUOUS_COLUMNS:
            continue
        kind = COLUMN_FORMATS[name].kind
        if typ.startswith("bool"):
            assert kind == "yesno", (table, name)
        elif typ == "date":
            assert kind == "date", (table, name)
        elif unit.startswith("€"):
            assert kind == "euro", (table, name)
        elif unit.startswith("fraction"):
            assert kind == "percent", (table, name)
        elif unit.endswith("_id") or name.endswith("_id"):
            assert kind == "text", (table, name)  # an id never gets a thousands separator


def test_registry_headers_are_dutch_without_snake_case():
    for name, fmt in COLUMN_FORMATS.items():
        assert fmt.kind in KINDS
        assert "_" not in fmt.header, (name, fmt.header)
