"""A catalogue of bad input across the public functions and loaders.

Every entry must raise salesnb's InputError (a ValueError subclass) with a Dutch message
that names the problem (the regex) — never a traceback from inside pandas, never a
silently wrong number. READ_RIGHT lists input students really have (Dutch and English
exports, Excel cells, answers typed the Dutch way) that must give the right value.
"""

import atexit
import math
import re
import shutil
import tempfile
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import salesnb
from salesnb import _validate as v
from salesnb.errors import InputError
from salesnb.exercises.answers import hint_number, interpretations, parse_number
from salesnb.offerte import make_offerte
from salesnb.owndata import read_own_data

ORDERS = pd.DataFrame({
    "customer_id": [1, 1, 2, 3],
    "date": pd.to_datetime(["2025-01-05", "2025-06-01", "2025-03-03", "2024-02-02"]),
    "revenue": [100.0, 250.0, 80.0, 40.0],
})
BIDS = pd.DataFrame({"bidder": ["A", "B"], "price": [100_000.0, 120_000.0], "quality_score": [7.0, 9.0]})
NAN = float("nan")
_FOLDER = Path(tempfile.mkdtemp(prefix="salesnb-catalogue-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
ORDERS_HEAD = "customer_id;date;revenue\n"
SELLER = {"naam": "Verkoper BV", "adres": "Markt 1", "postcode": "3811 AA", "plaats": "Amersfoort",
          "kvk": "12345678"}
CUSTOMER = {"naam": "Klant BV", "adres": "Laan 2", "postcode": "1000 AA", "plaats": "Amsterdam"}


def file(name: str, content, encoding="utf-8") -> Path:
    """A student's file in a scratch folder: text in ``encoding``, bytes as they are, or a frame as .xlsx."""
    path = _FOLDER / name
    if isinstance(content, pd.DataFrame):
        content.to_excel(path, index=False, sheet_name="Export")
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def orders_file(name: str, rows: str, **kwargs) -> pd.DataFrame:
    return read_own_data(file(name, ORDERS_HEAD + rows), "orders", today="2026-01-01", **kwargs)


def line(**fields) -> dict:
    return {"omschrijving": "Koffiebonen", "aantal": 1, "prijs": 10, "btw": 0.09, **fields}


def offerte_total(**fields):
    return make_offerte(SELLER, CUSTOMER, [line(**fields)], offerte_date="2026-03-02").totals()["totaal_excl_btw"]


def _generator():
    yield from (100, 200)

CATALOGUE = [
    # NPS: scores outside 0-10, not whole, not numbers, missing, empty
    ("nps score 11", lambda: salesnb.nps([9, 11]), r"10"),
    ("nps negative score", lambda: salesnb.nps([-1, 9]), r"0"),
    ("nps decimal score", lambda: salesnb.nps([8.5, 9]), r"hel|geheel"),
    ("nps string", lambda: salesnb.nps(["negen", 9]), r"getal"),
    ("nps None", lambda: salesnb.nps([None, 9]), r"mist|leeg|ontbre"),
    ("nps NaN", lambda: salesnb.nps([NAN, 9]), r"mist|leeg|ontbre"),
    ("nps empty", lambda: salesnb.nps([]), r"leeg"),
    ("nps a whole table", lambda: salesnb.nps(pd.DataFrame({"score": [9]})), r"kolom|tabel"),
    ("nps_breakdown text", lambda: salesnb.nps_breakdown("9, 10"), r"rij|getal|lijst"),
    # Market formulas: negative amounts, shares above 1, impossible combinations
    ("market potential negative buyers", lambda: salesnb.market_potential(-5, 100), r"buyers|kopers|negatief|minstens"),
    ("market share own > market", lambda: salesnb.market_share(200, 100), r"groter|hoogstens|meer dan"),
    ("market share zero market", lambda: salesnb.market_share(10, 0), r"0|nul"),
    ("relative share as percentage", lambda: salesnb.relative_market_share(15, 0.3), r"percentage|0\.15|fractie|1"),
    ("saturation string", lambda: salesnb.saturation("veel", 100), r"getal"),
    ("penetration buyers > potential", lambda: salesnb.penetration_rate(120, 100), r"groter|hoogstens|meer dan"),
    ("spending index zero buyers", lambda: salesnb.spending_index(100, 0, 1000, 10), r"0|nul"),
    ("market mismatched lengths", lambda: salesnb.market_potential([1, 2, 3], [10, 20]), r"even lang|lengte"),
    # Funnel and plans
    ("hit rate more orders than quotations", lambda: salesnb.hit_rate(12, 10), r"meer|groter|hoogstens"),
    ("hit rate zero quotations", lambda: salesnb.hit_rate(0, 0), r"0|nul|geen"),
    ("win rate negative", lambda: salesnb.win_rate(-1, 5), r"negatief|minstens|0"),
    ("weighted pipeline probability 60", lambda: salesnb.weighted_pipeline([1000], [60]), r"percentage|0\.6|1"),
    ("weighted pipeline mismatched", lambda: salesnb.weighted_pipeline([1000, 2000], [0.5]), r"even lang"),
    ("sales plan rate above 1", lambda: salesnb.sales_plan(100_000, 1_000, {"offertes": 1.5}), r"1"),
    ("sales plan rate zero", lambda: salesnb.sales_plan(100_000, 1_000, {"offertes": 0}), r"0|nul"),
    ("sales plan negative target", lambda: salesnb.sales_plan(-5, 1_000, {"offertes": 0.3}), r"0|negatief"),
    ("sales plan rates not a mapping", lambda: salesnb.sales_plan(100_000, 1_000, 0.3), r"rates|ratio|conversie"),
    # Portfolio
    ("clv retention 1.2", lambda: salesnb.clv(1000, retention=1.2), r"retentie|retention|1"),
    ("clv retention >= 1 + d", lambda: salesnb.clv(1000, retention=1.0, discount_rate=0.0), r"retentie|retention|1"),
    ("clv negative discount", lambda: salesnb.clv(1000, retention=0.8, discount_rate=-0.1), r"disconto|discount|0"),
    ("clv nothing to compute with", lambda: salesnb.clv(1000), r"years|retention|jaren|retentie"),
    ("clv margin string", lambda: salesnb.clv("duizend", years=3), r"getal"),
    ("abc negative revenue", lambda: salesnb.abc_classes([100, -5, 20]), r"negatief|minstens|0"),
    ("abc a > b", lambda: salesnb.abc_classes([100, 50], a=0.95, b=0.8), r"a|b|kleiner|groter"),
    ("abc empty", lambda: salesnb.abc_classes([]), r"leeg"),
    ("rfm missing column", lambda: salesnb.rfm_scores(ORDERS.drop(columns="revenue")), r"revenue"),
    ("rfm misnamed column suggests fix", lambda: salesnb.rfm_scores(ORDERS.rename(columns={"revenue": "Revenue"})), r"Revenue"),
    ("rfm unknown method", lambda: salesnb.rfm_scores(ORDERS, method="deciles"), r"quintiles|bands"),
    ("pyramid quotas not increasing", lambda: salesnb.customer_pyramid(ORDERS, quotas=(0.2, 0.05, 0.01)), r"oplop|groter|kleiner|volgorde"),
    ("pyramid empty orders", lambda: salesnb.customer_pyramid(ORDERS.iloc[0:0]), r"leeg"),
    # Leads and tenders
    ("bpkv weights above 1", lambda: salesnb.bpkv_scores(BIDS, price_weight=60, quality_weight=0.4), r"gewicht|weight|1|100"),
    ("bpkv zero price", lambda: salesnb.bpkv_scores(BIDS.assign(price=[0.0, 10.0]), price_weight=60, quality_weight=40), r"prijs|price|0"),
    ("bpkv missing quality column", lambda: salesnb.bpkv_scores(BIDS.drop(columns="quality_score"), price_weight=60, quality_weight=40), r"quality_score"),
    ("eu threshold unknown category", lambda: salesnb.eu_threshold("2026-03-01", "snoepgoed"), r"categorie|category|snoepgoed"),
    ("stage counts unknown stage", lambda: salesnb.stage_counts(["lead", "MQL", "klantje"]), r"klantje"),
    ("ctr more clicks than impressions", lambda: salesnb.ctr(200, 100), r"meer|groter|hoogstens"),
    # Accounts and process
    ("share of wallet spend zero", lambda: salesnb.share_of_wallet(100, 0), r"0|nul"),
    ("share of wallet revenue above spend", lambda: salesnb.share_of_wallet(200, 100), r"groter|meer|hoogstens"),
    ("adoption segments negative n", lambda: salesnb.adoption_segments(-10), r"0|negatief"),
    ("adoption segments fractional n", lambda: salesnb.adoption_segments(10.5), r"geheel|hele"),
    # Loaders and the personal seed
    ("load unknown table", lambda: salesnb.load("klanten"), r"customers"),
    ("use_seed text", lambda: salesnb.use_seed("mijn nummer"), r"getal|cijfers|nummer"),
    ("own data future dates", lambda: salesnb.validate_own_data(
        pd.DataFrame({"score": [9], "date": ["01-01-2999"]}), "nps", today="2025-01-01"), r"toekomst"),
    ("own data duplicate ids", lambda: salesnb.validate_own_data(
        pd.DataFrame({"customer_id": ["1", "1"], "name": ["A", "B"]}), "customers"), r"meer dan eens"),
    # Own files, kind 1: a number that could be read two ways is refused, never guessed wrong
    ("own data Totaal row", lambda: orders_file("totaal.csv", "1;2024-01-01;10\n2;2024-01-02;20\nTotaal;;30\n"),
     r"rij 4 is een totaalregel"),
    ("own data Subtotaal row in Excel", lambda: read_own_data(file("sub.xlsx", pd.DataFrame(
        {"customer_id": ["1", "Subtotaal"], "name": ["A", None]})), "customers"), r"totaalregel"),
    ("own data 'Totaal 2024' row", lambda: orders_file("totaal2.csv", "1;2024-01-01;10\nTotaal 2024;;10\n"),
     r"rij 3 is een totaalregel"),
    ("own data duplicate headings", lambda: read_own_data(
        file("dubbel.csv", "customer_id;date;revenue;revenue\n1;2024-01-01;10;5\n"), "orders"),
     r"'revenue' in kolom C en D"),
    ("own data duplicate after renaming", lambda: read_own_data(
        file("hernoem.csv", "Klantnr;Klant;Omzet\n1;2;10\n"), "orders",
        columns={"Klantnr": "customer_id", "Klant": "customer_id"}), r"hernoemen.*'customer_id'"),
    ("own data True/False as NPS", lambda: read_own_data(file("bool.csv", "score\nTrue\nFalse\n9\n"), "nps"),
     r"True/False in rij 2, 3"),
    ("own data Excel booleans as NPS", lambda: read_own_data(file("bool.xlsx", pd.DataFrame(
        {"score": [True, 9]})), "nps"), r"True/False in rij 2"),
    ("own data Dutch and English notation mixed", lambda: orders_file(
        "gemengd.csv", "1;2024-01-01;1.234,50\n2;2024-01-02;1,234.50\n"), r"door elkaar.*decimal="),
    ("own data 1,234 is ambiguous", lambda: orders_file("komma.csv", "1;2024-01-01;1,234\n2;2024-01-02;2,500\n"),
     r"1\.234.*1234.*decimal=','.*thousands=','"),
    ("own data decimal argument checked", lambda: orders_file("x.csv", "1;2024-01-01;1\n", decimal=";"),
     r"'decimal' moet"),
    ("own data impossibly large amount", lambda: orders_file("groot.csv", "1;2024-01-01;" + "9" * 400 + "\n"),
     r"onmogelijk groot"),
    # Own files, kind 2: every reading failure is a Dutch OwnDataError
    ("own data separator inside a name", lambda: read_own_data(
        file("naam.csv", "customer_id;name\n1;Jansen; Zn\n2;Piet\n"), "customers"), r"Rij 2.*aanhalingstekens"),
    ("own data empty file", lambda: read_own_data(file("leeg.csv", ""), "orders"), r"leeg"),
    ("own data header only", lambda: read_own_data(file("kop.csv", ORDERS_HEAD), "orders"), r"geen rijen"),
    ("own data missing sheet lists the sheets", lambda: read_own_data(file("blad.xlsx", pd.DataFrame(
        {"score": [9]})), "nps", sheet_name="Blad1"), r"'Blad1' staat niet.*'Export'"),
    ("own data sheet number out of range", lambda: read_own_data(file("blad2.xlsx", pd.DataFrame(
        {"score": [9]})), "nps", sheet_name=3), r"Er zijn: 'Export'"),
    ("own data HTML renamed to .xlsx", lambda: read_own_data(
        file("web.xlsx", "<html><table><tr><td>9</td></tr></table></html>"), "nps"), r"webpagina \(HTML\)"),
    ("own data HTML renamed to .xls", lambda: read_own_data(
        file("web.xls", "<!DOCTYPE html><html></html>"), "nps"), r"webpagina"),
    ("own data old .xls", lambda: read_own_data(file("oud.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100), "nps"),
     r"oude Excel-formaat"),
    ("own data text renamed to .xlsx", lambda: read_own_data(file("tekst.xlsx", "score\n9\n"), "nps"),
     r"geen Excel-bestand"),
    ("own data a folder", lambda: read_own_data(_FOLDER, "nps"), r"een map, geen bestand"),
    ("own data Excel file renamed to .csv", lambda: read_own_data(file("excel.csv", b"PK\x03\x04" + b"\x00" * 60),
                                                                  "nps"), r"Excel-bestand met de extensie .csv"),
    ("own data PDF renamed to .csv", lambda: read_own_data(file("rapport.csv", b"%PDF-1.7\n"), "nps"), r"PDF"),
    ("own data quote never closed", lambda: read_own_data(
        file("quote.csv", 'customer_id;name\n1;"Jansen\n2;Piet\n'), "customers"), r"aanhalingsteken"),
    ("own data None as path", lambda: read_own_data(None, "nps"), r"pad van je bestand"),
    ("own data a number as path", lambda: read_own_data(12, "nps"), r"pad moet tekst"),
    ("own data columns as a list", lambda: read_own_data(file("lijst.csv", "score\n9\n"), "nps",
                                                         columns=["score"]), r"'columns' moet een dict"),
    ("validate own data columns as a list", lambda: salesnb.validate_own_data(
        pd.DataFrame({"score": [9]}), "nps", columns=["score"]), r"'columns' moet een dict"),
    ("own data unknown encoding", lambda: read_own_data(file("enc.csv", "score\n9\n"), "nps", encoding="utf-9"),
     r"codering 'utf-9' ken ik niet"),
    ("own data wrong encoding", lambda: read_own_data(file("cp.csv", "customer_id;name\n1;Café\n", "cp1252"),
                                                      "customers", encoding="utf-8"), r"niet in de codering"),
    ("own data a year of two digits", lambda: orders_file("jaar.csv", "1;05-01-24;1\n"), r"geen datum"),
    ("own data the year 24", lambda: orders_file("jaar24.csv", "1;05-01-0024;1\n"), r"jaartal 24.*vier cijfers"),
    ("own data dates in two orders", lambda: orders_file("datums.csv", "1;13/02/2024;1\n2;12/31/2024;2\n"),
     r"twee volgordes"),
    ("own data Excel number in a date column", lambda: read_own_data(file("serie.xlsx", pd.DataFrame(
        {"customer_id": ["1"], "date": [45292], "revenue": [10.0]})), "orders"), r"in plaats van een datum"),
    # Calculation inputs of the wrong shape, refused once in the validation layer
    ("market size of a dict", lambda: salesnb.market_size({2024: 100, 2025: 200}), r"dict.*values\(\)"),
    ("market size of a generator", lambda: salesnb.market_size(_generator()), r"generator.*list"),
    ("abc classes of a 2-D array", lambda: salesnb.abc_classes(np.ones((2, 3))), r"tabel van 2 x 3"),
    ("nps of a dict", lambda: salesnb.nps({"a": 9, "b": 10}), r"dict"),
    ("nps of a generator", lambda: salesnb.nps(s for s in [9, 10]), r"generator"),
    ("nps with pd.NA", lambda: salesnb.nps(pd.Series([9, pd.NA], dtype=object)), r"mist"),
    ("market size with pd.NA", lambda: salesnb.market_size([100, pd.NA]), r"mist"),
    ("text with thousands dots in a list", lambda: salesnb.weighted_pipeline(["1.000"], [0.5]),
     r"'1\.000'.*duizend of één"),
    ("text with thousands dots as a scalar", lambda: salesnb.market_share("1.000", 10_000), r"tekst: '1\.000'"),
    ("market potential of impossible amounts", lambda: salesnb.market_potential(1e200, 1e200), r"tikfout"),
    ("spending index overflows", lambda: salesnb.spending_index(1e15, 1, 1e-300, 1), r"te groot om te berekenen"),
    ("clv of an impossible margin", lambda: salesnb.clv(1e308, years=3), r"tikfout"),
    ("weighted pipeline of impossible values", lambda: salesnb.weighted_pipeline([1e308, 1e308], [1, 1]),
     r"tikfout"),
    ("sales plan of an impossible target", lambda: salesnb.sales_plan(1e308, 1e-300, {"offertes": 0.3}),
     r"tikfout"),
    ("a table with a column twice", lambda: salesnb.rfm_scores(
        pd.concat([ORDERS, ORDERS[["revenue"]]], axis=1), reference_date="2026-01-01"), r"'revenue' meer dan eens"),
    ("a set has no order", lambda: salesnb.market_size({100, 200}), r"set"),
    ("dates of a generator", lambda: v.dates((d for d in ["2025-01-01"]), "datums"), r"generator"),
    # Exercise answers as students type them
    ("answer 0,375 is a tuple", lambda: parse_number((0, 375)), r"typ 0\.375 .*'0,375'"),
    ("answer 1,234,50 is a tuple", lambda: parse_number((1, 234, 50)), r"'1,234,50'"),
    ("answer infinity", lambda: parse_number(float("inf")), r"oneindig"),
    ("answer a 400-digit number", lambda: parse_number(10 ** 400), r"401 cijfers"),
    ("answer 400 digits as text", lambda: parse_number("1" * 400), r"400 tekens|cijfers"),
    ("answer a million characters", lambda: parse_number("x" * 1_000_000), r"1000000 tekens"),
    ("answer pd.NA", lambda: parse_number(pd.NA), r"leeg"),
    ("answer a complex number", lambda: parse_number(1 + 2j), r"niet lezen als getal"),
    ("hint number as a word", lambda: salesnb.hint("2.1", "twee"), r"hintnummer"),
    ("hint number zero", lambda: hint_number(0, 2), r"hintnummer"),
    # The offerte
    ("offerte price beyond Decimal", lambda: offerte_total(prijs=Decimal("1e999999")), r"prijs"),
    ("offerte price of 31 digits", lambda: offerte_total(prijs=10 ** 30), r"prijs"),
    ("offerte quantity x price beyond Decimal", lambda: offerte_total(aantal=10 ** 15, prijs=10 ** 15),
     r"aantal|prijs"),
    ("offerte price 1e308", lambda: offerte_total(prijs=1e308), r"prijs"),
    ("offerte price with broken grouping", lambda: offerte_total(prijs="12,345,67"), r"prijs"),
]


def test_catalogue_is_large_enough():
    assert len(CATALOGUE) >= 95
    assert len(CATALOGUE) + len(READ_RIGHT) >= 120


def test_a_million_character_answer_is_never_echoed_whole():
    with pytest.raises(InputError) as info:
        parse_number("x" * 1_000_000)
    assert len(str(info.value)) < 300


def _quiet(call):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return call()


READ_RIGHT = [
    # Own files: whole euros with thousands dots, English exports, Excel's own cell types
    ("thousands dots are whole euros", lambda: orders_file("dots.csv", "1;2024-01-01;1.234\n2;2024-01-02;2.500\n")
     ["revenue"].tolist(), [1234.0, 2500.0]),
    ("English export", lambda: read_own_data(file("en.csv", 'customer_id,date,revenue\n1,2024-01-01,"1,234.50"\n'
                                                  '2,2024-01-02,99.95\n'), "orders")["revenue"].tolist(),
     [1234.5, 99.95]),
    ("Dutch export with € and spaces", lambda: orders_file("euro.csv", "1;2024-01-01;€ 1.234,50\n")["revenue"]
     .tolist(), [1234.5]),
    ("Excel numbers next to Dutch text numbers", lambda: read_own_data(file("mix.xlsx", pd.DataFrame(
        {"customer_id": [1, 2], "date": ["2024-01-01"] * 2, "revenue": [1234.5, "1.234,50"]})), "orders")
     ["revenue"].tolist(), [1234.5, 1234.5]),
    ("Excel id numbers are the ids", lambda: read_own_data(file("ids.xlsx", pd.DataFrame(
        {"customer_id": [1001, 1002], "name": ["A", "B"]})), "customers")["customer_id"].tolist(), ["1001", "1002"]),
    ("a customer called Totaalinstallatie is a customer", lambda: read_own_data(file("naam2.csv", (
        "name;customer_id\nTotaalinstallatie BV;1\nSommelier Jansen;2\n")), "customers")["name"].tolist(),
     ["Totaalinstallatie BV", "Sommelier Jansen"]),
    ("trailing separator on every row", lambda: orders_file("trail.csv", "1;2024-01-01;10;\n2;2024-01-02;20;\n")
     ["revenue"].tolist(), [10.0, 20.0]),
    ("ambiguous column with decimal=','", lambda: orders_file(
        "komma2.csv", "1;2024-01-01;1,234\n2;2024-01-02;2,500\n", decimal=",")["revenue"].tolist(), [1.234, 2.5]),
    ("ambiguous column with thousands=','", lambda: orders_file(
        "komma3.csv", "1;2024-01-01;1,234\n2;2024-01-02;2,500\n", thousands=",")["revenue"].tolist(),
     [1234.0, 2500.0]),
    ("English decimals with decimal='.'", lambda: orders_file("punt.csv", "1;2024-01-01;1.234\n", decimal=".")
     ["revenue"].tolist(), [1.234]),
    # Own files: title lines, empty rows and columns, UTF-16, time zones
    ("title lines above the header", lambda: _quiet(lambda: read_own_data(
        file("titel.csv", "Omzetrapport 2024\n\n" + ORDERS_HEAD + "1;2024-01-01;10\n"), "orders"))
     .attrs["opmerkingen"],
     ["1 regel boven de kolomkoppen (rij 3) heb ik overgeslagen"]),
    ("empty rows and empty unnamed columns are dropped and said", lambda: _quiet(lambda: read_own_data(
        file("gaten.csv", "customer_id;;date;revenue\n1;;2024-01-01;10\n;;;\n2;;2024-01-02;5\n"), "orders"))
     .attrs["opmerkingen"], ["1 lege rij heb ik weggelaten", "de lege kolom zonder kop (B) heb ik weggelaten"]),
    ("UTF-16 (Excel's Unicode-tekst)", lambda: read_own_data(file("uni.txt", "customer_id\tname\n1\tCafé\n",
                                                                  "utf-16"), "customers")["name"].tolist(), ["Café"]),
    ("dates with a time zone are Dutch local time", lambda: orders_file(
        "tz.csv", "1;2024-01-01T23:30:00+00:00;10\n")["date"].tolist(), [pd.Timestamp("2024-01-02 00:30")]),
    ("American dates are turned round", lambda: orders_file("us.csv", "1;01/02/2024;1\n2;12/31/2024;2\n")
     ["date"].dt.strftime("%d-%m-%Y").tolist(), ["02-01-2024", "31-12-2024"]),
    # Calculation inputs: Decimal is a number everywhere, one answer type
    ("Decimal market share is a float", lambda: salesnb.market_share(Decimal("10"), Decimal("100")), 0.1),
    ("Decimal clv is a float", lambda: round(salesnb.clv(Decimal("100"), retention=Decimal("0.8"),
                                                          discount_rate=0.1), 6), 266.666667),
    ("Decimal hit rate", lambda: salesnb.hit_rate(Decimal("3"), Decimal("10")), 0.3),
    ("Decimal market size", lambda: salesnb.market_size([Decimal("100"), 200]), 300.0),
    ("time-zone-aware next to naive dates", lambda: v.dates(
        [pd.Timestamp("2025-03-01 23:30", tz="UTC"), pd.Timestamp("2025-03-01")], "datum").dt.day.tolist(), [2, 1]),
    # Exercise answers
    ("answer Decimal", lambda: parse_number(Decimal("0.375")).value, 0.375),
    ("answer '99,4%' for a ratio", lambda: round(interpretations(parse_number("99,4%"), "number")[0].value, 6), 0.994),
    ("answer '125%' for a ratio above 1", lambda: interpretations(parse_number("125%"), "number")[0].value, 1.25),
    ("hint number typed as text", lambda: hint_number("2", 3), 2),
    ("check() of 0,375 says how to type it", lambda: "Typ 0.375" in salesnb.check("0.2", (0, 375)).message, True),
    ("check() of a Dutch decimal comma as text", lambda: salesnb.check(
        "0.2", str(salesnb.exercises.expected_answer("0.2")).replace(".", ",")).correct, True),
    # The offerte
    ("offerte price typed '1.250'", lambda: offerte_total(prijs="1.250"), Decimal("1250")),
    ("offerte price typed '€ 1.250,50'", lambda: offerte_total(prijs="€ 1.250,50"), Decimal("1250.50")),
    ("offerte price typed '1,250.50'", lambda: offerte_total(prijs="1,250.50"), Decimal("1250.50")),
    ("offerte price typed '12,50'", lambda: offerte_total(prijs="12,50"), Decimal("12.50")),
    ("offerte btw=0 is 0%", lambda: make_offerte(SELLER, CUSTOMER, [line(btw=0)], offerte_date="2026-03-02")
     .totals()["btw"], Decimal("0")),
]


@pytest.mark.parametrize("label,call,expected", READ_RIGHT, ids=[r[0] for r in READ_RIGHT])
def test_real_input_is_read_right(label, call, expected):
    result = call()
    assert result == expected, (label, result)


@pytest.mark.parametrize("label,call,pattern", CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_bad_input_gets_a_clear_dutch_error(label, call, pattern):
    with pytest.raises(InputError) as info:
        call()
    message = str(info.value)
    assert len(message) > 25, "a message must say what is wrong and how to fix it"
    assert re.search(pattern, message, re.IGNORECASE), message
    # the error is raised by salesnb itself, not deep inside pandas or numpy
    frames = [tb.tb_frame.f_code.co_filename for tb in _walk(info.tb)]
    assert "salesnb" in frames[-1], frames[-1]


def _walk(tb):
    while tb is not None:
        yield tb
        tb = tb.tb_next


GOOD_CALLS = [
    ("nps", lambda a: salesnb.nps(a), lambda: [pd.Series([10, 9, 6, 7])]),
    ("nps_breakdown", lambda a: salesnb.nps_breakdown(a), lambda: [[10, 9, 6, 7]]),
    ("abc_classes", lambda a: salesnb.abc_classes(a), lambda: [pd.Series([500.0, 300, 100, 50, 50])]),
    ("rfm_scores", lambda a: salesnb.rfm_scores(a, reference_date="2026-01-01"), lambda: [ORDERS.copy()]),
    ("customer_pyramid", lambda a: salesnb.customer_pyramid(a, reference_date="2026-01-01"), lambda: [ORDERS.copy()]),
    ("clv", lambda a: salesnb.clv(a, retention=0.8, discount_rate=0.1), lambda: [pd.Series([100.0, 200.0])]),
    ("weighted_pipeline", lambda a, b: salesnb.weighted_pipeline(a, b), lambda: [[1000.0, 500.0], np.array([0.5, 0.2])]),
    ("bpkv_scores", lambda a: salesnb.bpkv_scores(a, price_weight=60, quality_weight=40), lambda: [BIDS.copy()]),
    ("sales_plan", lambda a: salesnb.sales_plan(100_000, 2_000, a), lambda: [{"offertes": 0.3, "bezoeken": 0.5}]),
    ("share_of_wallet", lambda a, b: salesnb.share_of_wallet(a, b), lambda: [pd.Series([10.0, 20.0]), pd.Series([100.0, 80.0])]),
    ("market_share", lambda a, b: salesnb.market_share(a, b), lambda: [np.array([10.0, 20.0]), np.array([100.0, 80.0])]),
    ("validate_own_data", lambda a: salesnb.validate_own_data(a, "nps"), lambda: [pd.DataFrame({"score": ["9", "7"]})]),
    ("neutralise_formulas", lambda a: salesnb.neutralise_formulas(a), lambda: [pd.DataFrame({"n": ["=1", "x"]})]),
    ("market_size of Decimals", lambda a: salesnb.market_size(a), lambda: [[Decimal("100"), Decimal("250.5")]]),
    ("validate_own_data of Excel-like cells", lambda a: salesnb.validate_own_data(a, "orders", today="2026-01-01"),
     lambda: [pd.DataFrame({"customer_id": [1001, "1002"], "date": [pd.Timestamp("2025-01-02", tz="UTC"), "03-01-2025"],
                            "revenue": [Decimal("12.5"), "1.234,50"]}, dtype=object)]),
    ("dates next to zoned dates", lambda a: v.dates(a, "datum"),
     lambda: [pd.Series([pd.Timestamp("2025-01-02", tz="UTC"), pd.Timestamp("2025-01-03")], dtype=object)]),
]


def _snapshot(value):
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=True)
    if isinstance(value, np.ndarray):
        return value.copy()
    import copy

    return copy.deepcopy(value)


def _same(a, b):
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b)
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b)
    else:
        assert a == b


@pytest.mark.parametrize("name,call,make", GOOD_CALLS, ids=[g[0] for g in GOOD_CALLS])
def test_public_functions_do_not_modify_their_inputs(name, call, make):
    args = make()
    before = [_snapshot(a) for a in args]
    call(*args)
    for original, after in zip(before, args):
        _same(original, after)


def test_numbers_stored_as_text_are_refused_with_the_fix():
    # a common Excel export: the student is told how to mend it, never given a wrong NPS
    with pytest.raises(InputError, match="Schrijf 9 in plaats van '9'"):
        salesnb.nps(pd.Series(["10", "9", "6"]))
    assert math.isclose(salesnb.nps(pd.Series(["10", "9", "6"]).astype(int)), 100 / 3)


DECIMAL_CALLS = [
    ("ctr", (10, 100)), ("hit_rate", (3, 10)), ("win_rate", (3, 10)), ("share_of_wallet", (10, 100)),
    ("market_potential", (10, 100)), ("market_share", (10, 100)), ("penetration_rate", (10, 100)),
    ("saturation", (10, 100)), ("remaining_demand", (100, 10)), ("spending_index", (100, 10, 1000, 50)),
    ("relative_market_share", (0.2, 0.1)), ("satisfaction_gap", (7, 8)), ("market_size", ([100, 200],)),
]


@pytest.mark.parametrize("name,args", DECIMAL_CALLS, ids=[c[0] for c in DECIMAL_CALLS])
def test_decimal_is_a_number_like_any_other(name, args):
    def as_decimal(a):
        return [Decimal(str(x)) for x in a] if isinstance(a, list) else Decimal(str(a))

    function = getattr(salesnb, name)
    expected = function(*args)
    result = function(*(as_decimal(a) for a in args))
    assert type(result) is type(expected) is float
    assert result == pytest.approx(expected)
