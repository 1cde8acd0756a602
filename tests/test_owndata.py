"""Students' own files: Dutch CSV/Excel formats, schema checks with every problem at once."""

import pandas as pd
import pytest

import salesnb
from salesnb.owndata import (
    EXAMPLE_COLUMN_NAMES,
    OwnDataError,
    neutralise_formulas,
    read_own_data,
    to_csv_safe,
    validate_own_data,
    write_examples,
)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_dutch_csv_with_semicolon_decimal_comma_dates_and_cp1252(tmp_path):
    path = write(tmp_path, "orders.csv",
                 "Klantnr;Orderdatum;Omzet;Marge;Productgroep\r\n"
                 "1;05-01-2024;1.234,50;300,25;Koffie & thee\r\n"
                 "2;31-12-2024;99,95;10;Caféservice\r\n", encoding="cp1252")
    orders = read_own_data(path, "orders", columns=EXAMPLE_COLUMN_NAMES["orders"], today="2025-01-01")
    assert orders["revenue"].tolist() == [1234.50, 99.95]
    assert orders["margin"].tolist() == [300.25, 10.0]
    assert orders["date"].tolist() == [pd.Timestamp("2024-01-05"), pd.Timestamp("2024-12-31")]
    assert orders["product_group"].tolist() == ["Koffie & thee", "Caféservice"]


def test_utf8_with_bom_and_comma_separator_keeps_decimal_point(tmp_path):
    path = write(tmp_path, "nps.csv", "\ufeffcustomer_id,date,score\n7,2024-03-01,9\n8,2024-03-02,6\n")
    nps = read_own_data(path, "nps", today="2025-01-01")
    assert list(nps.columns) == ["customer_id", "date", "score"]
    assert salesnb.nps(nps["score"]) == pytest.approx(0.0)


def test_point_decimals_in_a_semicolon_file_are_not_multiplied(tmp_path):
    path = write(tmp_path, "orders.csv", "customer_id;date;revenue\n1;2024-01-01;1234.50\n")
    assert read_own_data(path, "orders", today="2025-01-01")["revenue"].tolist() == [1234.5]


def test_every_problem_is_reported_at_once_with_excel_row_numbers():
    frame = pd.DataFrame({
        "customer_id": ["1", "2", "3", "4"],
        "date": ["01-02-2024", "31-02-2024", "01-01-2999", "02-02-2024"],
        "revenue": ["10", "-5", "abc", ""],
    })
    with pytest.raises(OwnDataError) as info:
        validate_own_data(frame, "orders", today="2025-01-01")
    message = str(info.value)
    assert "5 problemen" in message
    assert "'revenue'" in message and "rij 5" in message        # empty cell, Excel row 5
    assert "geen getal in rij 4 ('abc')" in message
    assert "negatieve waarde in rij 3" in message
    assert "geen datum in rij 3" in message                     # 31-02 does not exist
    assert "toekomst in rij 4" in message


def test_missing_and_misnamed_columns_name_the_fix(tmp_path):
    with pytest.raises(OwnDataError, match="columns=\\{'jouw kolomnaam': 'score'\\}"):
        validate_own_data(pd.DataFrame({"Score": [9]}), "nps")
    with pytest.raises(OwnDataError, match="niet in je bestand"):
        read_own_data(write(tmp_path, "nps.csv", "Score\n9\n"), "nps", columns={"Cijfer": "score"})


def test_duplicate_ids_are_refused():
    frame = pd.DataFrame({"customer_id": ["1", "1", "2"], "name": ["A", "B", "C"]})
    with pytest.raises(OwnDataError, match="meer dan eens voor in rij 2, 3"):
        validate_own_data(frame, "customers")


def test_unknown_kind_and_file_type(tmp_path):
    with pytest.raises(OwnDataError, match="kies uit"):
        validate_own_data(pd.DataFrame({"a": [1]}), "klantjes")
    with pytest.raises(OwnDataError, match=".pdf"):
        read_own_data(write(tmp_path, "x.pdf", "x"), "nps")
    with pytest.raises(OwnDataError, match="bestaat niet"):
        read_own_data(tmp_path / "nope.csv", "nps")


def test_validation_does_not_modify_the_input():
    frame = pd.DataFrame({"score": ["9", "10"]})
    before = frame.copy()
    validate_own_data(frame, "nps")
    pd.testing.assert_frame_equal(frame, before)


def test_formula_cells_are_neutralised_in_exports(tmp_path):
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "+31 6", "@SUM(A1)", "-x", "Jansen"],
                          "revenue": [-1.5, 2.0, 3.0, 4.0, 5.0]})
    safe = neutralise_formulas(frame)
    assert safe["name"].tolist()[:4] == ["'=HYPERLINK(\"http://x\")", "'+31 6", "'@SUM(A1)", "'-x"]
    assert safe["revenue"].tolist() == frame["revenue"].tolist()      # numbers stay numbers
    text = to_csv_safe(frame, tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "-1,5" in text


def test_example_files_match_the_generator_and_load(tmp_path):
    from salesnb import data

    fresh = write_examples(tmp_path)
    committed = data.DATA_DIR / "voorbeelden"
    for name in ("klanten_nl.csv", "orders_nl.csv"):
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name
    pd.testing.assert_frame_equal(pd.read_excel(fresh / "nps_antwoorden.xlsx"),
                                  pd.read_excel(committed / "nps_antwoorden.xlsx"))
    customers = read_own_data(committed / "klanten_nl.csv", "customers",
                              columns=EXAMPLE_COLUMN_NAMES["customers"])
    orders = read_own_data(committed / "orders_nl.csv", "orders",
                           columns=EXAMPLE_COLUMN_NAMES["orders"])
    nps = read_own_data(committed / "nps_antwoorden.xlsx", "nps", columns=EXAMPLE_COLUMN_NAMES["nps"])
    assert len(customers) > 0 and orders["revenue"].gt(0).all()
    assert -100 <= salesnb.nps(nps["score"]) <= 100
    assert set(orders["customer_id"]) <= set(customers["customer_id"])


def test_what_the_loader_did_on_its_own_is_said(tmp_path):
    path = write(tmp_path, "orders.csv", "Export uit het boekhoudpakket\n\ncustomer_id;;date;revenue\n"
                                         "1;;01-02-2024;1.250\n;;;\n2;;02-02-2024;2.500\n")
    with pytest.warns(UserWarning, match="boven de kolomkoppen.*lege rij.*lege kolom"):
        orders = read_own_data(path, "orders", today="2025-01-01")
    assert orders["revenue"].tolist() == [1250.0, 2500.0]
    assert len(orders.attrs["opmerkingen"]) == 3


def test_excel_cells_keep_their_types(tmp_path):
    frame = pd.DataFrame({"Klantnr": [1001, "1002"], "Datum": [pd.Timestamp("2024-03-01"), "02-03-2024"],
                          "Score": [9, "10"]})
    frame.to_excel(tmp_path / "nps.xlsx", index=False)
    nps = read_own_data(tmp_path / "nps.xlsx", "nps", columns={"Klantnr": "customer_id", "Datum": "date",
                                                               "Score": "score"}, today="2025-01-01")
    assert nps["customer_id"].tolist() == ["1001", "1002"]
    assert nps["date"].tolist() == [pd.Timestamp("2024-03-01"), pd.Timestamp("2024-03-02")]
    assert nps["score"].tolist() == [9, 10]


def test_validating_an_object_frame_leaves_it_unchanged():
    from decimal import Decimal

    frame = pd.DataFrame({"customer_id": [1, "2"], "date": ["2024-01-01", pd.Timestamp("2024-01-02", tz="UTC")],
                          "revenue": [Decimal("12.5"), "1.234,50"]}, dtype=object)
    before = frame.copy()
    orders = validate_own_data(frame, "orders", today="2025-01-01")
    pd.testing.assert_frame_equal(frame, before)
    assert orders["revenue"].tolist() == [12.5, 1234.5]


def test_one_notation_per_column_not_per_value(tmp_path):
    # '1.500' next to '12,50' is Dutch (1500); next to '12.50' it is English (1.5)
    dutch = write(tmp_path, "nl.csv", "customer_id;date;revenue\n1;2024-01-01;1.500\n2;2024-01-01;12,50\n")
    english = write(tmp_path, "en.csv", "customer_id;date;revenue\n1;2024-01-01;1.500\n2;2024-01-01;12.50\n")
    assert read_own_data(dutch, "orders", today="2025-01-01")["revenue"].tolist() == [1500.0, 12.5]
    assert read_own_data(english, "orders", today="2025-01-01")["revenue"].tolist() == [1.5, 12.5]
