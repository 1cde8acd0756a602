"""Tests for the offerte (stappenplan fase 3) and the algemene voorwaarden (fase 4)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb.errors import InputError
from salesnb.offerte import OfferteError, csv_safe, euro, make_offerte, terms_text

SELLER = {"naam": "Brandwijk Koffie & Vending B.V.", "adres": "Stationsstraat 1",
          "postcode": "3811 AA", "plaats": "Amersfoort"}
CUSTOMER = {"naam": "Zorggroep De Linde", "adres": "Lindelaan 12", "postcode": "3500 AB",
            "plaats": "Utrecht"}
LINES = [
    {"omschrijving": "Koffiebonen espresso 1 kg", "aantal": 12, "prijs": 18.95, "btw": 0.09},
    {"omschrijving": "Thee assortiment 100 zakjes", "aantal": 3, "prijs": 7.49, "btw": 0.09},
    {"omschrijving": "Koffiemachine Barista 300", "aantal": 2, "prijs": 1249.00, "btw": 0.21},
    {"omschrijving": "Servicecontract (jaar)", "aantal": 2, "prijs": 312.50, "btw": 0.21},
]


def offerte(**kwargs):
    args = dict(seller=SELLER, customer=CUSTOMER, lines=LINES, date="2026-03-02")
    args.update(kwargs)
    return make_offerte(**args)


def test_vat_per_rate_by_hand():
    # 9%:  12 × 18.95 = 227.40 ; 3 × 7.49 = 22.47 ; subtotal 249.87 ; VAT 22.4883 -> 22.49
    # 21%: 2 × 1249.00 = 2498.00 ; 2 × 312.50 = 625.00 ; subtotal 3123.00 ; VAT 655.83
    # excl 3372.87 ; VAT 678.32 ; incl 4051.19
    o = offerte()
    vat = o.vat_table().set_index("btw")
    assert vat.loc[Decimal("0.09"), "grondslag"] == Decimal("249.87")
    assert vat.loc[Decimal("0.09"), "btw_bedrag"] == Decimal("22.49")
    assert vat.loc[Decimal("0.21"), "grondslag"] == Decimal("3123.00")
    assert vat.loc[Decimal("0.21"), "btw_bedrag"] == Decimal("655.83")
    t = o.totals()
    assert t == {"totaal_excl_btw": Decimal("3372.87"), "btw": Decimal("678.32"),
                 "totaal_incl_btw": Decimal("4051.19")}


def test_vat_per_line_can_differ_by_a_cent():
    # Three lines of 0.05 at 9%: each VAT 0.0045 -> 0.00 per line; per rate 0.15 × 0.09 = 0.0135 -> 0.01
    lines = [{"omschrijving": "Suikerzakje", "aantal": 1, "prijs": 0.05, "btw": 0.09}] * 3
    assert offerte(lines=lines).totals()["btw"] == Decimal("0.01")
    assert offerte(lines=lines, vat_rounding="per_regel").totals()["btw"] == Decimal("0.00")


def test_no_float_error_in_cents():
    # 3 × 0.10 is 0.30 exactly (0.1 + 0.1 + 0.1 == 0.30000000000000004 in floats)
    o = offerte(lines=[{"omschrijving": "Bekertje", "aantal": 3, "prijs": 0.1, "btw": 0.21}])
    assert o.line_table()["totaal"].iloc[0] == Decimal("0.30")
    # 0.30 × 0.21 = 0.063 -> 0.06 ; total 0.36
    assert o.totals()["totaal_incl_btw"] == Decimal("0.36")


@pytest.mark.parametrize("party,key,label", [
    ("seller", "naam", "naam van de verkoper"),
    ("seller", "adres", "adres (straat en huisnummer) van de verkoper"),
    ("seller", "postcode", "postcode van de verkoper"),
    ("seller", "plaats", "plaats van de verkoper"),
    ("customer", "naam", "naam van de klant"),
    ("customer", "adres", "adres (straat en huisnummer) van de klant"),
    ("customer", "postcode", "postcode van de klant"),
    ("customer", "plaats", "plaats van de klant"),
])
def test_each_party_field_missing_is_named(party, key, label):
    data = dict(SELLER if party == "seller" else CUSTOMER)
    del data[key]
    with pytest.raises(OfferteError) as info:
        offerte(**{party: data})
    assert info.value.problems == [f"{label} ontbreekt"]
    # Blank text counts as missing too.
    data[key] = "   "
    with pytest.raises(OfferteError, match=label.replace("(", r"\(").replace(")", r"\)")):
        offerte(**{party: data})


@pytest.mark.parametrize("key,fragment", [
    ("omschrijving", "regel 2: de omschrijving"),
    ("aantal", "regel 2: het aantal ontbreekt"),
    ("prijs", "regel 2: de prijs per stuk (excl. btw) ontbreekt"),
    ("btw", "regel 2: het btw-tarief ontbreekt"),
])
def test_each_line_field_missing_is_named(key, fragment):
    lines = [dict(line) for line in LINES]
    del lines[1][key]
    with pytest.raises(OfferteError) as info:
        offerte(lines=lines)
    assert len(info.value.problems) == 1
    assert info.value.problems[0].startswith(fragment)


def test_missing_date_validity_terms_and_lines():
    with pytest.raises(OfferteError) as info:
        make_offerte(SELLER, CUSTOMER, [], date="", valid_days=None, terms_title="")
    text = str(info.value)
    for fragment in ("datum van de offerte ontbreekt", "geldigheidsduur ontbreekt",
                     "algemene voorwaarden ontbreken", "geen regels"):
        assert fragment in text
    assert len(info.value.problems) == 4
    assert isinstance(info.value, InputError)


def test_all_problems_reported_at_once():
    seller = {"naam": "Brandwijk"}
    lines = [{"omschrijving": "Koffie", "aantal": -1, "prijs": "gratis", "btw": 0.19}]
    with pytest.raises(OfferteError) as info:
        make_offerte(seller, None, lines, date="31-02-2026")
    problems = info.value.problems
    assert "adres (straat en huisnummer) van de verkoper ontbreekt" in problems
    assert any("gegevens van de klant ontbreken" in p for p in problems)
    assert any("geen datum" in p for p in problems)
    assert any("aantal moet een getal groter dan 0" in p for p in problems)
    assert any("prijs moet een bedrag" in p for p in problems)
    assert any("btw-tarief 0.19 bestaat niet" in p for p in problems)
    assert len(problems) == 8  # adres, postcode, plaats, klant, datum, aantal, prijs, btw


def test_vat_as_percentage_is_diagnosed():
    lines = [{"omschrijving": "Koffie", "aantal": 1, "prijs": 10, "btw": 21}]
    with pytest.raises(OfferteError, match="is een percentage"):
        offerte(lines=lines)


def test_validity_date():
    o = offerte(valid_days=30)
    assert o.date == dt.date(2026, 3, 2)
    assert o.valid_until == dt.date(2026, 4, 1)  # 2 March + 30 days (March has 31 days)
    assert offerte(valid_until="15-04-2026").valid_until == dt.date(2026, 4, 15)
    with pytest.raises(OfferteError, match="geldig blijven"):
        offerte(valid_until="2026-03-01")
    assert "Geldig tot en met: 01-04-2026" in o._repr_html_()


def test_escaping_in_html_and_csv(tmp_path):
    evil = dict(CUSTOMER, naam="<script>alert(1)</script>", plaats='=HYPERLINK("x")')
    lines = [dict(LINES[0], omschrijving="<b>Koffie</b> & thee"),
             dict(LINES[1], omschrijving="=1+2")]
    o = offerte(customer=evil, lines=lines)
    page = o.to_html()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Koffie&lt;/b&gt; &amp; thee" in page
    assert "=HYPERLINK(&quot;x&quot;)" in page
    path = o.to_csv(tmp_path / "regels.csv")
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter=";"))
    assert rows[1][1] == "<script>alert(1)</script>"  # not a formula: unchanged
    assert rows[2][2] == "'=1+2"
    assert csv_safe("-5") == "'-5" and csv_safe("@x") == "'@x" and csv_safe("+x") == "'+x"


def test_file_written_with_terms(tmp_path):
    o = offerte()
    path = o.write(tmp_path / "offerte.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<meta charset='utf-8'>" in text
    assert "algemene voorwaarden van toepassing" in text
    assert "Artikel 7 Aansprakelijkheid" in text
    assert "€ 4.051,19" in text
    assert "Zorggroep De Linde" in text


def test_terms_have_the_required_articles():
    text = terms_text().lower()
    for topic in ("toepasselijkheid", "offertes en totstandkoming", "prijzen", "levering", "betaling",
                  "garantie", "aansprakelijkheid", "klachten", "toepasselijk recht", "fictief"):
        assert topic in text


def test_euro_formatting():
    assert euro(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert euro(0) == "€ 0,00"
    assert euro(Decimal("0.005")) == "€ 0,01"  # half up
    assert euro(2.675) == "€ 2,68"  # the float 2.675 is 2.67499999...; repr gives '2.675'
    with pytest.raises(InputError):
        euro("veel")


def test_english_keys_and_dataframe_lines():
    import pandas as pd
    seller = {"name": "A", "address": "B 1", "postal_code": "1234 AB", "city": "C", "kvk": "12345678"}
    lines = pd.DataFrame({"description": ["Water 19 l"], "quantity": [4], "unit_price": [6.5],
                          "vat_rate": [0.09]})
    o = make_offerte(seller, CUSTOMER, lines, date=dt.date(2026, 1, 5))
    # 4 × 6.50 = 26.00 ; VAT 2.34 ; incl 28.34
    assert o.totals()["totaal_incl_btw"] == Decimal("28.34")
    assert "kvk: 12345678" in o._repr_html_()


def test_inputs_not_modified():
    lines = [dict(line) for line in LINES]
    before = [dict(line) for line in lines]
    offerte(lines=lines)
    assert lines == before


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 50), st.integers(0, 500_000), st.sampled_from([0.09, 0.21])),
                min_size=1, max_size=8))
def test_totals_add_up(rows):
    lines = [{"omschrijving": f"p{i}", "aantal": q, "prijs": Decimal(c) / 100, "btw": r}
             for i, (q, c, r) in enumerate(rows)]
    o = offerte(lines=lines)
    t = o.totals()
    cents = sum(q * c for q, c, _ in rows)
    assert t["totaal_excl_btw"] == Decimal(cents) / 100
    assert t["totaal_incl_btw"] == t["totaal_excl_btw"] + t["btw"]
    # VAT per rate is within half a cent of the exact VAT of that rate.
    for rate in (Decimal("0.09"), Decimal("0.21")):
        exact = sum(Decimal(q * c) / 100 for q, c, r in rows if Decimal(str(r)) == rate) * rate
        vat = o.vat_table()
        got = sum(vat.loc[vat["btw"] == rate, "btw_bedrag"], Decimal(0))
        assert abs(got - exact) <= Decimal("0.005")


def test_offerte_for_uses_product_prices_and_company():
    import pandas as pd

    from salesnb.offerte import offerte_for, seller_from_company

    products = pd.DataFrame({"product": ["Koffiebonen 1 kg", "Koffiemachine"], "unit": ["kg", "stuk"],
                             "unit_price": [18.50, 4950.00], "vat_rate": [0.09, 0.21]})
    company = {"name": "Brandwijk", "street": "Kapelweg 12", "postcode": "3818 BN", "city": "Amersfoort",
               "kvk": "1"}
    customer = pd.Series({"name": "Hotel X", "street": "Dijk 3", "postcode": "1234 AB", "city": "Ede"})
    o = offerte_for(customer, [("Koffiebonen 1 kg", 10), ("Koffiemachine", 1)], products=products,
                    company=company, date="2026-01-10")
    # 185.00 at 9% -> 16.65 ; 4950.00 at 21% -> 1039.50 ; incl 6191.15
    assert o.totals()["totaal_incl_btw"] == Decimal("6191.15")
    assert o.seller == seller_from_company(company)
    assert o.line_table()["omschrijving"].tolist() == ["Koffiebonen 1 kg", "Koffiemachine (per stuk)"]
    with pytest.raises(OfferteError, match="'Thee' staat niet"):
        offerte_for(customer, [("Thee", 1)], products=products, company=company)
    with pytest.raises(OfferteError, match="postcode van de klant ontbreekt"):
        offerte_for(customer.drop("postcode"), [("Koffiemachine", 1)], products=products, company=company)


def test_prospect_address_is_deterministic_and_complete():
    from salesnb.offerte import prospect_address

    row = {"company": "Hotel Y", "lead_id": 123, "province": "Gelderland"}
    a, b = prospect_address(row), prospect_address(dict(row))
    assert a == b
    assert a["naam"] == "Hotel Y"
    assert a["plaats"] in ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem")
    digits = int(a["postcode"].split()[0])
    assert 6500 <= digits <= 7399  # Gelderland's postcode range in the sample data
    assert prospect_address(dict(row, lead_id=124)) != a


def test_default_output_dir_is_ignored_folder(tmp_path, monkeypatch):
    from salesnb.offerte import display_path, output_dir

    (tmp_path / "course.py").write_text("")
    (tmp_path / "salesnb").mkdir()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert output_dir() == (tmp_path / "mijn-notebooks" / "uitvoer").resolve()
    path = offerte().write()
    assert path.exists() and path.parent == output_dir()
    assert display_path(path) == f"mijn-notebooks/uitvoer/{path.name}"


def test_pdf_written_with_terms_pages(tmp_path):
    import re

    o = offerte(customer=dict(CUSTOMER, naam="Prijs $5$ <b>&</b>"))  # '$' must not start math mode
    path = o.write_pdf(tmp_path / "offerte.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    with_terms = len(re.findall(rb"/Type /Page\b", data))
    without = len(re.findall(rb"/Type /Page\b", o.write_pdf(tmp_path / "kort.pdf", include_terms=False).read_bytes()))
    assert without == 1 and with_terms >= 2
