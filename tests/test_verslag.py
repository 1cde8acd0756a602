"""The verslag export: the own company's six phases as Word (read back) and HTML."""

from __future__ import annotations

import html
import re
from copy import deepcopy

import docx
import pytest

from salesnb.documents.verslag import write_verslag
from salesnb.errors import OwnCompanyError
from salesnb.own_company import EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, PHASES

TERMS = "# Algemene voorwaarden FruitFit\n\n## Artikel 1 Betaling\n1. Betaling binnen 14 dagen.\n"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("verslag")
    phases = deepcopy(EXAMPLE_PHASES)
    phases["fase_4"]["voorwaarden"]["tekst"] = TERMS
    out = write_verslag(EXAMPLE_OWN_COMPANY, phases, folder=folder)
    return out, docx.Document(out["docx"]), out["html"].read_text(encoding="utf-8"), phases


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_every_phase_and_step_has_a_word_heading(written):
    _, document, _, _ = written
    headings = {(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")}
    for title, steps in PHASES.values():
        assert ("Heading 1", title) in headings
        for step_title, _ in steps.values():
            assert ("Heading 2", step_title) in headings
    assert document.paragraphs[0].style.name == "Title"
    assert 'w:instr="TOC \\o' in document.paragraphs[1]._p.xml  # a table of contents over these headings


def test_every_reason_is_in_the_docx_and_the_html(written):
    _, document, page, phases = written
    text = _all_text(document)
    plain = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for phase in phases.values():
        for step in phase.values():
            assert step["waarom"] in text
            assert step["waarom"] in plain


def test_pictures_tables_and_appendices(written):
    _, document, page, _ = written
    assert len(document.inline_shapes) == 3  # adoption curve, prospect split, retention actions
    assert page.count("<img src='data:image/png;base64,") == 3
    assert len(document.tables) >= 10
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert any(h.startswith("Bijlage A Offerte OF-") for h in headings)
    assert "Bijlage B Algemene voorwaarden" in headings
    assert "Betaling binnen 14 dagen." in _all_text(document)


def test_offerte_required_fields_in_the_docx(written):
    _, document, _, _ = written
    text = _all_text(document)
    for fragment in ("FruitFit Kantoor B.V.", "Oudegracht 101", "3511 AD Utrecht", "KvK: 87654321",
                     "btw-id: NL987654321B01", "IBAN: NL91 ABNA 0417 1643 00", "ICT Huis Zeist", "Slotlaan 8",
                     "t.a.v. mevrouw L. Jansen", "Datum: 02-03-2026", "Offertenummer: OF-20260302-",
                     "Geldig tot en met: 01-04-2026", "Leverdatum: 16-03-2026",
                     "Betalingstermijn: 14 dagen na factuurdatum", "Workshop gezond eten op het werk",
                     "€ 395,00", "Btw 21%", "Totaal incl. btw", "Eenmalig", "Per maand",
                     "looptijd 12 maanden, opzegtermijn 1 maand", "Ahmed Bakker", "directeur",
                     "Algemene voorwaarden FruitFit Kantoor B.V.", "Voor akkoord"):
        assert fragment in text, fragment


@pytest.mark.parametrize("break_it", [
    lambda p: p["fase_3"]["offerte"].update(waarom=""),
    lambda p: p["fase_1"]["sdp"].pop("waarom"),
    lambda p: p["fase_6"]["behoud"].update(klanten="veertig"),
])
def test_missing_reason_or_malformed_entry_raises_and_writes_nothing(tmp_path, break_it):
    phases = deepcopy(EXAMPLE_PHASES)
    break_it(phases)
    with pytest.raises(OwnCompanyError) as info:
        write_verslag(EXAMPLE_OWN_COMPANY, phases, folder=tmp_path / "uit")
    assert len(info.value.problems) == 1
    assert not (tmp_path / "uit").exists()


def test_every_empty_reason_is_named_at_once(tmp_path):
    phases = deepcopy(EXAMPLE_PHASES)
    for phase in phases.values():
        for step in phase.values():
            step["waarom"] = " "
    with pytest.raises(OwnCompanyError) as info:
        write_verslag(EXAMPLE_OWN_COMPANY, phases, folder=tmp_path)
    assert len(info.value.problems) == sum(len(steps) for _, steps in PHASES.values())
    assert all("de reden ('waarom') ontbreekt" in p for p in info.value.problems)
    assert list(tmp_path.iterdir()) == []


def test_html_and_formula_characters_appear_literally(tmp_path):
    company, phases = deepcopy(EXAMPLE_OWN_COMPANY), deepcopy(EXAMPLE_PHASES)
    evil, formula = "<script>alert(1)</script>", '=HYPERLINK("http://x","klik")'
    company["prospects"][1]["naam"] = evil
    phases["fase_3"]["offerte"]["offerte_voor"] = evil
    phases["fase_1"]["afnemers"]["afnemers"] = formula
    phases["fase_2"]["swot"]["sterktes"] = [evil, formula]
    out = write_verslag(company, phases, folder=tmp_path)
    text = _all_text(docx.Document(out["docx"]))
    assert evil in text and formula in text
    page = out["html"].read_text(encoding="utf-8")
    assert "<script>" not in page
    assert html.escape(evil) in page and html.escape(formula) in page


def test_second_run_keeps_the_edited_file_as_backup(tmp_path):
    first = write_verslag(EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, folder=tmp_path)
    edited = docx.Document(first["docx"])
    edited.add_paragraph("Mijn eigen aanvulling")
    edited.save(first["docx"])
    second = write_verslag(EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, folder=tmp_path)
    backup = tmp_path / "verkoopproces_vorige_1.docx"
    assert backup in second["vorige"]
    assert "Mijn eigen aanvulling" in _all_text(docx.Document(backup))
    assert "Mijn eigen aanvulling" not in _all_text(docx.Document(second["docx"]))
    third = write_verslag(EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, folder=tmp_path)
    assert tmp_path / "verkoopproces_vorige_2.docx" in third["vorige"]
