"""Tests for the offerte (stappenplan fase 3) and the algemene voorwaarden (fase 4)."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesnb.errors import InputError
from salesnb.documents.offerte import csv_safe
from salesnb.offerte import OfferteError, euro, make_offerte, terms_text

SELLER = {"naam": "Brandwijk Koffie & Vending B.V.", "adres": "Stationsstraat 1",
          "postcode": "3811 AA", "plaats": "Amersfoort", "kvk": "12345678"}
CUSTOMER = {"naam": "Zorggroep De Linde", "adres": "Lindelaan 12", "postcode": "3500 AB",
            "plaats": "Utrecht"}
LINES = [
    {"omschrijving": "Koffiebonen espresso 1 kg", "aantal": 12, "prijs": 18.95, "btw": 0.09},
    {"omschrijving": "Thee assortiment 100 zakjes", "aantal": 3, "prijs": 7.49, "btw": 0.09},
    {"omschrijving": "Koffiemachine Barista 300", "aantal": 2, "prijs": 1249.00, "btw": 0.21},
    {"omschrijving": "Servicecontract (jaar)", "aantal": 2, "prijs": 312.50, "btw": 0.21},
]


def offerte(**kwargs):
    args = dict(seller=SELLER, client=CUSTOMER, lines=LINES, offerte_date="2026-03-02")
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
    ("client", "naam", "naam van de klant"),
    ("client", "adres", "adres (straat en huisnummer) van de klant"),
    ("client", "postcode", "postcode van de klant"),
    ("client", "plaats", "plaats van de klant"),
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
    ("prijs", "regel 2: de prijs per eenheid (excl. btw) ontbreekt"),
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
        make_offerte(SELLER, CUSTOMER, [], offerte_date="", valid_days=None, terms_title="")
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
        make_offerte(seller, None, lines, offerte_date="31-02-2026")
    problems = info.value.problems
    assert "adres (straat en huisnummer) van de verkoper ontbreekt" in problems
    assert any("gegevens van de klant ontbreken" in p for p in problems)
    assert any("geen datum" in p for p in problems)
    assert any("aantal moet een getal groter dan 0" in p for p in problems)
    assert any("prijs moet een bedrag" in p for p in problems)
    assert any("btw-tarief 0.19 bestaat niet" in p for p in problems)
    assert any("KvK-nummer" in p for p in problems)
    assert len(problems) == 9  # adres, postcode, plaats, kvk, klant, datum, aantal, prijs, btw


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
    o = offerte(client=evil, lines=lines)
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
    o = make_offerte(seller, CUSTOMER, lines, offerte_date=dt.date(2026, 1, 5))
    # 4 × 6.50 = 26.00 ; VAT 2.34 ; incl 28.34
    assert o.totals()["totaal_incl_btw"] == Decimal("28.34")
    assert "KvK: 12345678" in o._repr_html_()


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
               "kvk": "12345678"}
    customer = pd.Series({"name": "Hotel X", "street": "Dijk 3", "postcode": "1234 AB", "city": "Ede"})
    o = offerte_for(customer, [("Koffiebonen 1 kg", 10), ("Koffiemachine", 1)], products=products,
                    company=company, offerte_date="2026-01-10")
    # 185.00 at 9% -> 16.65 ; 4950.00 at 21% -> 1039.50 ; incl 6191.15
    assert o.totals()["totaal_incl_btw"] == Decimal("6191.15")
    assert o.seller == seller_from_company(company)
    assert o.line_table()["omschrijving"].tolist() == ["Koffiebonen 1 kg", "Koffiemachine"]
    assert o.line_table()["eenheid"].tolist() == ["kg", "stuk"]
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

    o = offerte(client=dict(CUSTOMER, naam="Prijs $5$ <b>&</b>"))  # '$' must not start math mode
    path = o.write_pdf(tmp_path / "offerte.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    with_terms = len(re.findall(rb"/Type /Page\b", data))
    without = len(re.findall(rb"/Type /Page\b", o.write_pdf(tmp_path / "kort.pdf", include_terms=False).read_bytes()))
    assert without == 1 and with_terms >= 2


# ---- review fixes: terms text, wording, layout, totals, voor akkoord, PDF, repr -------------------

import re  # noqa: E402


def _text(markup: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)).strip()


OWN_TERMS = "# Algemene voorwaarden Eigen B.V.\n\n## Artikel 1 Betaling\n\n1. Betaling binnen 14 dagen."


def test_other_company_never_gets_sample_terms():
    o = offerte(terms_title="Algemene voorwaarden Eigen B.V.")
    assert o.terms is None
    page = o.to_html()
    assert "Fictief voorbeeld" not in page
    assert "Artikel 1 Toepasselijkheid" not in page
    assert "als bijlage" not in page


def test_own_terms_text_is_attached():
    o = offerte(terms_title="Algemene voorwaarden Eigen B.V.", terms=OWN_TERMS)
    page = o.to_html()
    assert "Betaling binnen 14 dagen." in page
    assert "Artikel 1 Toepasselijkheid" not in page
    assert "<p class='sn-item'>1.&nbsp;&nbsp;Betaling binnen 14 dagen.</p>" in page  # hanging indent
    assert "u vindt ze als bijlage bij deze offerte" in page


def test_sample_terms_by_default_and_bad_terms_refused():
    assert offerte().terms == terms_text()
    with pytest.raises(OfferteError, match="voorwaarden"):
        offerte(terms="   ")


def test_wording_depends_on_appendix():
    o = offerte()
    assert "u vindt ze als bijlage" in o.to_html(include_terms=True)
    without = o.to_html(include_terms=False)
    assert "bijlage" not in without
    assert "als apart document" in without
    assert "Artikel 1 Toepasselijkheid" not in without


def test_company_offerte_passes_own_terms():
    from salesnb.own_company import EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, own_company_offerte

    offer = EXAMPLE_PHASES["fase_3"]["offerte"]
    plain = own_company_offerte(EXAMPLE_OWN_COMPANY, offer)
    assert plain.terms is None and "Toepasselijkheid" not in plain.to_html()
    own = own_company_offerte(EXAMPLE_OWN_COMPANY, offer, terms=OWN_TERMS)
    assert "Betaling binnen 14 dagen." in own.to_html()


def test_header_says_per_eenheid_and_shows_unit():
    lines = [{"omschrijving": "Koffiebonen", "aantal": 2, "prijs": 18.5, "btw": 0.09, "eenheid": "kg"}]
    page = offerte(lines=lines)._repr_html_()
    assert "Prijs per stuk" not in page
    assert "Prijs per eenheid" in page
    assert "per kg" in _text(page)


def test_css_number_headers_wrap_and_description_has_width():
    from salesnb.documents._html import CSS

    css = CSS.replace(" ", "")
    assert re.search(r"th\.sn-num\{[^}]*white-space:normal", css)
    width = re.search(r"\.sn-desc\{[^}]*min-width:(\d+)em", css)
    assert width and int(width.group(1)) >= 16


def test_totals_block_order_two_rates():
    # excl 3372.87, btw 21% over 3123.00 = 655.83, btw 9% over 249.87 = 22.49, incl 4051.19
    rows = offerte().sum_rows()
    assert [label for label, _ in rows] == ["Totaal excl. btw", "Btw 21% over € 3.123,00",
                                            "Btw 9% over € 249,87", "Totaal incl. btw"]
    assert [v for _, v in rows] == [Decimal("3372.87"), Decimal("655.83"), Decimal("22.49"),
                                    Decimal("4051.19")]
    text = _text(offerte()._repr_html_())
    assert "Subtotaal" not in text and "Totaal btw" not in text
    order = [text.index(s) for s in ("Totaal excl. btw", "Btw 21% over", "Btw 9% over", "Totaal incl. btw")]
    assert order == sorted(order)


def test_totals_block_one_rate_no_repeats():
    # 2 × 100.00 at 21%: excl 200.00, btw 42.00, incl 242.00; 200.00 appears once in the totals
    o = offerte(lines=[{"omschrijving": "Onderhoud", "aantal": 2, "prijs": 100, "btw": 0.21}])
    assert o.sum_rows() == [("Totaal excl. btw", Decimal("200.00")), ("Btw 21%", Decimal("42.00")),
                            ("Totaal incl. btw", Decimal("242.00"))]
    foot = _text(o._repr_html_().split("<tfoot>")[1].split("</tfoot>")[0])
    assert foot.count("€ 200,00") == 1


def test_voor_akkoord_block():
    text = _text(offerte()._repr_html_())
    assert "Voor akkoord" in text
    tail = text[text.index("Voor akkoord"):]
    for label in ("Naam", "Datum", "Handtekening"):
        assert label in tail


def _pdf_strings(o, include_terms=True):
    pages = __import__("salesnb.documents.offerte", fromlist=["pdf_pages"]).pdf_pages(o, include_terms)
    return pages, [[t.get_text() for t in page.axes[0].texts] for page in pages]


def test_pdf_page_numbers_and_akkoord():
    pages, texts = _pdf_strings(offerte())
    assert len(pages) >= 2
    for i, page in enumerate(texts, start=1):
        assert f"pagina {i} van {len(pages)}" in page
    assert "Voor akkoord" in texts[0] and "Handtekening:" in texts[0]
    assert not any(t.startswith("Subtotaal") for t in texts[0])
    _, without = _pdf_strings(offerte(), include_terms=False)
    assert len(without) == 1 and "pagina 1 van 1" in without[0]


def test_pdf_wraps_descriptions_near_60_chars_with_spacing():
    text = "Koffiemachine lease met installatie en uitleg voor het team (per kwartaal)"  # 74 chars
    o = offerte(lines=[{"omschrijving": text, "aantal": 1, "prijs": 10, "btw": 0.21},
                       {"omschrijving": "Tweede regel", "aantal": 1, "prijs": 10, "btw": 0.21}])
    pages, _ = _pdf_strings(o, include_terms=False)
    items = {t.get_text(): t for t in pages[0].axes[0].texts}
    first = next(k for k in items if k and text.startswith(k))
    assert 50 < len(first) <= 60
    rest = text[len(first):].strip()
    gap_in = items[first].get_position()[1] - items[rest].get_position()[1]
    gap_next = items[rest].get_position()[1] - items["Tweede regel"].get_position()[1]
    assert gap_next > gap_in * 1.2  # extra space before the next row


def test_pdf_price_and_vat_headers_apart():
    pages, _ = _pdf_strings(offerte(), include_terms=False)
    ax = pages[0].axes[0]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(pages[0]).get_renderer()
    boxes = {t.get_text(): t.get_window_extent(renderer) for t in ax.texts if t.get_text() in ("Prijs per", "Btw")}
    assert boxes["Btw"].x0 - boxes["Prijs per"].x1 > 10  # pixels of white space between the headers


def test_pdf_terms_continuation_lines_indented():
    long_item = "1. " + "Deze bepaling is met opzet lang genoeg om over meer dan een regel te lopen " * 3
    o = offerte(terms=f"# Titel\n\n{long_item}")
    pages, _ = _pdf_strings(o)
    texts = pages[-1].axes[0].texts
    number = next(t for t in texts if t.get_text() == "1.")
    body = [t for t in texts if t.get_text().startswith(("Deze", "lang", "om", "over", "een", "regel", "te"))]
    assert len(body) >= 2
    xs = {round(t.get_position()[0], 4) for t in body}
    assert xs == {round(number.get_position()[0] + 0.03, 4)}


def test_repr_singular_plural():
    one = offerte(lines=LINES[:1], number="OF-1")
    assert ": 1 regel," in repr(one)
    assert ": 4 regels," in repr(offerte(number="OF-2"))


# ---- PDF speed: Helvetica core font when the text fits cp1252, DejaVu Sans (embedded) otherwise -----

def _pdf_fonts(data: bytes) -> set[bytes]:
    return set(re.findall(rb"/BaseFont /([A-Za-z0-9+_-]+)", data))


def _pdf_content(data: bytes) -> bytes:
    import zlib

    streams = re.findall(rb"/FlateDecode.*?>>\s*stream\r?\n(.*?)endstream", data, flags=re.S)
    return b"".join(zlib.decompressobj().decompress(s) for s in streams)


def test_pdf_uses_core_font_and_leaves_rcparams_alone(tmp_path, caplog):
    import logging

    import matplotlib

    before = dict(matplotlib.rcParams)
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        data = offerte(client=dict(CUSTOMER, naam="Café Zoë €")).write_pdf(tmp_path / "o.pdf").read_bytes()
    fonts = _pdf_fonts(data)
    assert b"Helvetica" in fonts and b"Helvetica-Bold" in fonts
    assert not any(b"DejaVu" in f for f in fonts)
    assert b"FontFile" not in data  # core font: nothing embedded
    assert "Café Zoë €".encode("cp1252") in _pdf_content(data)  # shown as one cp1252 string
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
    assert dict(matplotlib.rcParams) == before


def test_pdf_falls_back_to_dejavu_for_characters_outside_cp1252(tmp_path):
    data = offerte(client=dict(CUSTOMER, naam="Łódź Ĳzer → Ω")).write_pdf(tmp_path / "o.pdf").read_bytes()
    fonts = _pdf_fonts(data)
    assert any(b"DejaVu" in f for f in fonts)
    assert not any(f.startswith(b"Helvetica") for f in fonts)


def test_pdf_three_page_description_runs_on_without_cutting():
    words = [f"woord{i}" for i in range(2400)]
    o = offerte(lines=[{"omschrijving": " ".join(words), "aantal": 1, "prijs": 10, "btw": 0.21},
                       {"omschrijving": "Tweede regel", "aantal": 1, "prijs": 10, "btw": 0.21}],
                terms=None)
    pages, texts = _pdf_strings(o, include_terms=False)
    assert len(pages) >= 3
    drawn = " ".join(t for page in texts for t in page).split()
    assert [w for w in drawn if w.startswith("woord")] == words  # every word, in order
    for page in pages:
        for t in page.axes[0].texts:
            assert 0.02 <= t.get_position()[1] <= 0.97  # nothing below the bottom margin
    assert all("Omschrijving" in page for page in texts[:-1])  # header repeated on every page
    assert "Voor akkoord" in texts[-1]


# ---- what a Dutch business customer expects on an offerte -------------------------------------

def test_kvk_required_and_checked():
    seller = {k: v for k, v in SELLER.items() if k != "kvk"}
    with pytest.raises(OfferteError, match="KvK-nummer .*van de verkoper ontbreekt"):
        offerte(seller=seller)
    with pytest.raises(OfferteError, match="8 cijfers"):
        offerte(seller=dict(SELLER, kvk="1234"))


def test_unknown_fields_are_errors_that_name_the_known_ones():
    with pytest.raises(OfferteError) as info:
        offerte(seller=dict(SELLER, kvk_nr="12345678"), client=dict(CUSTOMER, contact="Jan"),
                lines=[dict(LINES[0], korting=0.1)], sender={"naam": "A", "functie": "B", "tel": "1"})
    problems = info.value.problems
    assert len(problems) == 4, problems
    assert "onbekend veld 'kvk_nr'; bekende velden zijn naam, adres, postcode, plaats, kvk, btw_id" in problems[0]
    assert "onbekend veld 'contact'" in problems[1] and "tav" in problems[1]
    assert any("onbekend veld 'tel'" in p for p in problems)
    assert any("regel 1: onbekend veld 'korting'" in p and "periode" in p for p in problems)


def test_all_business_fields_appear_in_html_and_pdf():
    o = offerte(seller=dict(SELLER, btw_id="NL123456789B01", iban="NL91 ABNA 0417 1643 00"),
                client=dict(CUSTOMER, tav="de heer P. Smit"), delivery_date="2026-03-20", payment_days=14,
                sender={"naam": "Eva Kok", "functie": "accountmanager"},
                signatory={"naam": "Tom Brand", "functie": "directeur"},
                lines=[dict(LINES[0], eenheid="kg"),
                       {"omschrijving": "Koffiemachine huur", "aantal": 1, "prijs": 89, "btw": 0.21,
                        "eenheid": "machine", "periode": "maand", "looptijd_maanden": 24,
                        "opzegtermijn_maanden": 3}])
    page = _text(o.to_html())
    pdf = " ".join(t for page_ in _pdf_strings(o)[1] for t in page_)
    for text in ("KvK: 12345678", "btw-id: NL123456789B01", "IBAN: NL91 ABNA 0417 1643 00", "t.a.v. de heer P. Smit",
                 "Leverdatum: 20-03-2026", "Betalingstermijn: 14 dagen na factuurdatum",
                 "Contactpersoon: Eva Kok (accountmanager)", "Tom Brand", "directeur", "per kg",
                 "looptijd 24 maanden, opzegtermijn 3 maanden", "Eenmalig", "Per maand"):
        assert text in page, text
        assert text in pdf, text


def test_one_off_and_recurring_amounts_apart():
    lines = [{"omschrijving": "Installatie", "aantal": 1, "prijs": 100, "btw": 0.21},
             {"omschrijving": "Huur", "aantal": 2, "prijs": 50, "btw": 0.21, "periode": "maand",
              "looptijd_maanden": 12, "opzegtermijn_maanden": 1},
             {"omschrijving": "Onderhoud", "aantal": 1, "prijs": 40, "btw": 0.21, "periode": "kwartaal",
              "looptijd_maanden": 12, "opzegtermijn_maanden": 3}]
    o = offerte(lines=lines)
    assert o.periods() == [None, "maand", "kwartaal"]
    assert o.totals()["totaal_incl_btw"] == Decimal("121.00")
    assert o.totals("maand")["totaal_incl_btw"] == Decimal("121.00")
    assert o.totals("kwartaal")["totaal_incl_btw"] == Decimal("48.40")
    assert [title for title, _ in o.sum_blocks()] == ["Eenmalig", "Per maand", "Per kwartaal"]
    assert "eenmalig € 121,00, per maand € 121,00, per kwartaal € 48,40" in repr(o)


def test_recurring_line_needs_contract_term_and_notice():
    with pytest.raises(OfferteError) as info:
        offerte(lines=[{"omschrijving": "Huur", "aantal": 1, "prijs": 50, "btw": 0.21, "periode": "week"},
                       {"omschrijving": "Huur", "aantal": 1, "prijs": 50, "btw": 0.21, "periode": "maand"},
                       {"omschrijving": "Los", "aantal": 1, "prijs": 5, "btw": 0.21, "looptijd_maanden": 3}])
    text = "\n".join(info.value.problems)
    assert "periode 'week' bestaat niet" in text
    assert "regel 2: de looptijd van het contract" in text and "regel 2: de opzegtermijn" in text
    assert "regel 3: looptijd en opzegtermijn horen bij een terugkerende regel" in text


def test_zero_rate_and_kor():
    zero = offerte(lines=[{"omschrijving": "Export", "aantal": 1, "prijs": 100, "btw": 0}])
    assert zero.totals()["btw"] == Decimal("0.00") and "Btw 0%" in _text(zero.to_html())
    kor = offerte(lines=[{"omschrijving": "Advies", "aantal": 2, "prijs": 50, "btw": "KOR"}])
    assert kor.kor and kor.totals()["totaal_incl_btw"] == Decimal("100.00")
    page = _text(kor.to_html())
    assert "geen btw (KOR)" in page and "kleineondernemersregeling" in page
    with pytest.raises(OfferteError, match="kleineondernemersregeling geldt voor al je omzet"):
        offerte(lines=[{"omschrijving": "A", "aantal": 1, "prijs": 1, "btw": "KOR"},
                       {"omschrijving": "B", "aantal": 1, "prijs": 1, "btw": 0.21}])


def test_default_number_is_unique_per_content():
    a, b = offerte(), offerte(lines=LINES[:2])
    c = offerte(client=dict(CUSTOMER, naam="Zorggroep De Eik"))
    assert len({a.number, b.number, c.number}) == 3
    assert a.number == offerte().number  # the same offerte keeps its number
    assert a.number.startswith("OF-20260302-")
