"""The offerte as a document (stappenplan fase 3): HTML for the notebook and the browser, an A4
PDF and a CSV of the lines. The content (parties, lines, amounts) is computed by
:class:`salesnb.offerte.Offerte`; this module only lays it out.
"""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

from . import _html as h
from . import _pdf
from ..offerte import terms_lines

__all__ = ["csv_safe", "terms_html", "offerte_html", "write_html", "pdf_pages", "write_pdf", "write_csv"]


def csv_safe(value):
    """Neutralise a text cell for CSV/Excel: text starting with = + - @ (a formula) gets a ``'``.

    >>> csv_safe('=HYPERLINK("x")')
    '\\'=HYPERLINK("x")'
    >>> csv_safe("Koffie"), csv_safe(12)
    ('Koffie', 12)
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)


def _money():
    from .. import offerte as money

    return money


def terms_html(text: str) -> h.Raw:
    """Algemene voorwaarden (a Markdown subset: ``#``, ``##``, paragraphs, ``1.`` lines) as HTML.

    >>> terms_html("# Titel\\n\\n1. Eerste <regel>")
    "<h2>Titel</h2>\\n<p class='sn-item'>1.&nbsp;&nbsp;Eerste &lt;regel&gt;</p>"
    """
    out, para = [], []

    def flush():
        if para:
            out.append(h.paragraph(" ".join(para)))
            para.clear()

    for raw in terms_lines(text):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            out.append(h.heading(line[3:], 3))
        elif line.startswith("# "):
            flush()
            out.append(h.heading(line[2:], 2))
        elif line[:1].isdigit() and ". " in line[:6]:
            flush()
            number, _, rest = line.partition(". ")
            out.append(f"<p class='sn-item'>{h.escape(number)}.&nbsp;&nbsp;{h.escape(rest.replace('*', ''))}</p>")
        else:
            para.append(line.replace("*", ""))
    flush()
    return h.Raw("\n".join(out))


def _party_html(offerte, party: dict, title: str) -> str:
    rows = [party["naam"], party["adres"], f"{party['postcode']} {party['plaats']}"]
    rows += offerte.party_extras(party)
    return (f"<div class='sn-party'><strong>{h.escape(title)}</strong><br>"
            + "<br>".join(h.escape(r) for r in rows) + "</div>")


def _block_html(offerte, periode, title: str, rows, titled: bool) -> str:
    money = _money()
    body = []
    for line in offerte.line_table(periode).to_dict("records"):
        unit, note = line.get("eenheid"), offerte.line_note(line)
        price = h.escape(money.euro(line["prijs"]))
        if not money._blank(unit):
            price = h.Raw(f"{price}<br><span class='sn-unit'>per {h.escape(unit)}</span>")
        desc = h.escape(line["omschrijving"])
        if note:
            desc = h.Raw(f"{desc}<br><span class='sn-unit'>{h.escape(note)}</span>")
        body.append(h.row([h.Raw(f"<td class='sn-desc'>{desc}</td>"),
                           h.cell(offerte.quantity_text(line["aantal"]), numeric=True),
                           h.Raw(f"<td class='sn-num'>{price}</td>"),
                           h.cell(offerte.rate_text(line["btw"]), numeric=True),
                           h.cell(money.euro(line["totaal"]), numeric=True)]))
    foot = []
    for i, (label, amount) in enumerate(rows):
        last = i == len(rows) - 1
        strong = (lambda t: h.Raw(f"<strong>{h.escape(t)}</strong>")) if last else h.escape
        foot.append(h.row([h.Raw(f"<td colspan='4' class='sn-sumlabel'>{strong(label)}</td>"),
                           h.Raw(f"<td class='sn-num'>{strong(money.euro(amount))}</td>")],
                          cls="sn-total" if last else ("sn-first" if i == 0 else None)))
    caption = f"<caption>{h.escape(title)}</caption>" if titled else ""
    head = ("<thead><tr><th class='sn-desc'>Omschrijving</th><th class='sn-num'>Aantal</th>"
            "<th class='sn-num'>Prijs per eenheid (excl.&nbsp;btw)</th><th class='sn-num'>Btw</th>"
            "<th class='sn-num'>Bedrag (excl.&nbsp;btw)</th></tr></thead>")
    return (f"<table class='sn-lines'>{caption}{head}<tbody>{''.join(body)}</tbody>"
            f"<tfoot>{''.join(foot)}</tfoot></table>")


def _lines_html(offerte) -> str:
    blocks = offerte.sum_blocks()
    titled = [title for title, _ in blocks] != ["Eenmalig"]
    return "".join(_block_html(offerte, periode, title, rows, titled)
                   for periode, (title, rows) in zip(offerte.periods(), blocks))


def _body_html(offerte, appendix: bool) -> str:
    fields = "".join(f"<div class='sn-field'><span>{label}</span></div>"
                     for label in ("Naam", "Datum", "Handtekening"))
    facts = "<br>".join(h.escape(f"{label}: {value}") for label, value in offerte.fact_rows())
    signature = "<br>".join(h.escape(line) for line in offerte.signature_lines())
    return (f"<h2>Offerte {h.escape(offerte.number)}</h2>"
            f"<div class='sn-parties'>{_party_html(offerte, offerte.seller, 'Van')}"
            f"{_party_html(offerte, offerte.customer, 'Aan')}</div>"
            f"<p>{facts}</p>{_lines_html(offerte)}"
            f"{h.paragraph(offerte.closing_text(appendix))}<p>{signature}</p>"
            f"<div class='sn-sign'><strong>Voor akkoord</strong> (namens {h.escape(offerte.customer['naam'])})"
            f"<div class='sn-fields'>{fields}</div></div>")


def offerte_html(offerte, *, include_terms: bool = True, full_document: bool = True) -> h.Raw:
    """The offerte as HTML: a complete file (with the terms as an appendix), or a notebook fragment.

    >>> from salesnb.offerte import make_offerte
    >>> party = {"naam": "<b>Klant</b>", "adres": "Laan 1", "postcode": "1000 AA", "plaats": "Ede"}
    >>> o = make_offerte({**party, "kvk": "12345678"}, party, [{"omschrijving": "x", "aantal": 1, "prijs": 1, "btw": 0.21}],
    ...                  offerte_date="2026-03-02", terms=None)
    >>> "&lt;b&gt;Klant&lt;/b&gt;" in offerte_html(o), "<b>Klant" in offerte_html(o)
    (True, False)
    """
    appendix = offerte.has_appendix(include_terms)
    body = _body_html(offerte, appendix)
    if not full_document:
        return h.fragment(body, cls="sn-offerte")
    terms = ""
    if appendix:
        terms = (f"<section class='sn-terms'><p><em>Bijlage bij offerte {h.escape(offerte.number)}</em></p>"
                 f"{terms_html(offerte.terms)}</section>")
    return h.page(f"Offerte {offerte.number}", body, cls="sn-offerte", after=terms)


def write_html(offerte, path=None, *, include_terms: bool = True) -> Path:
    """Write the offerte as an HTML file (default ``offerte_<nummer>.html`` in the output folder)."""
    if path is None:
        path = _money().output_dir() / f"offerte_{_safe_name(offerte.number)}.html"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(offerte_html(offerte, include_terms=include_terms), encoding="utf-8")
    return path


# ---- PDF ------------------------------------------------------------------------------------

# columns of the lines: description left, numbers right-aligned at these x positions
_COLUMNS = ((_pdf.LEFT, "Omschrijving", "left"), (0.58, "Aantal", "right"), (0.725, "Prijs per", "right"),
            (0.795, "Btw", "right"), (_pdf.RIGHT, "Bedrag", "right"))
_LINE = _pdf.LINE


def _pdf_head(layout, offerte) -> None:
    layout.text(_pdf.LEFT, f"Offerte {offerte.number}", size=16, weight="bold")
    layout.y = 0.91
    deepest = 0
    for x, title, party in ((_pdf.LEFT, "Van", offerte.seller), (0.55, "Aan", offerte.customer)):
        rows = [party["naam"], party["adres"], f"{party['postcode']} {party['plaats']}"]
        rows += offerte.party_extras(party)
        layout.text(x, title, weight="bold")
        for i, row in enumerate(rows, start=1):
            layout.text(x, textwrap.shorten(str(row), 60, placeholder="…"), y=0.91 - i * _LINE)
        deepest = max(deepest, len(rows))
    layout.down(deepest + 2)
    layout.lines(_pdf.LEFT, [f"{label}: {value}" for label, value in offerte.fact_rows()])
    layout.down()


def _pdf_table_header(layout) -> None:
    for x, title, ha in _COLUMNS:
        layout.text(x, title, weight="bold", ha=ha)
    layout.text(_COLUMNS[2][0], "eenheid", y=layout.y - _LINE * 0.85, weight="bold", ha="right")
    layout.down(2.0)
    layout.rule(offset=_LINE * 0.3)


def _pdf_line(layout, offerte, line: dict) -> None:
    money = _money()
    wrapped = textwrap.wrap(str(line["omschrijving"]), 58) or [""]
    note = offerte.line_note(line)
    unit = [] if money._blank(line["eenheid"]) else [f"per {line['eenheid']}"]
    layout.room(max(2, 1 + len(unit)) * _LINE)
    values = (offerte.quantity_text(line["aantal"]), money.euro(line["prijs"]),
              offerte.rate_text(line["btw"]), money.euro(line["totaal"]))
    for (x, _, ha), value in zip(_COLUMNS[1:], values):
        layout.text(x, value, ha=ha)
    for part in unit:
        layout.text(_COLUMNS[2][0], part, y=layout.y - _LINE, ha="right", size=7.5, color="#444")
    # a long description runs on over the next pages under a repeated header
    layout.lines(_pdf.LEFT, wrapped)
    shown = len(wrapped)
    if note:
        layout.lines(_pdf.LEFT, textwrap.wrap(note, 70), size=7.5, color="#444")
        shown += 1
    layout.down(max(0, 1 + len(unit) - shown) + 0.45)


def _pdf_sums(layout, rows) -> None:
    money = _money()
    layout.room((len(rows) + 1) * _LINE)
    layout.rule(offset=_LINE * 0.2)
    layout.down(0.4)
    for i, (label, value) in enumerate(rows):
        last = i == len(rows) - 1
        if last:
            layout.rule(0.50, _pdf.RIGHT, offset=_LINE * 0.25)
            layout.down(0.2)
        weight = "bold" if last else "normal"
        layout.text(0.50, label, weight=weight)
        layout.text(_pdf.RIGHT, money.euro(value), ha="right", weight=weight)
        layout.down()


def _pdf_lines(layout, offerte) -> None:
    blocks = offerte.sum_blocks()
    titled = [title for title, _ in blocks] != ["Eenmalig"]
    for periode, (title, rows) in zip(offerte.periods(), blocks):
        if titled:
            layout.room(4 * _LINE)
            layout.text(_pdf.LEFT, title, size=10, weight="bold")
            layout.down(1.4)
        _pdf_table_header(layout)
        layout.on_new_page = lambda: _pdf_table_header(layout)
        for line in offerte.line_table(periode).to_dict("records"):
            _pdf_line(layout, offerte, line)
        layout.on_new_page = None
        layout.bottom = 0.05
        _pdf_sums(layout, rows)
        layout.down()
        layout.bottom = 0.12


def _pdf_totals(layout, offerte, appendix: bool) -> None:
    closing = textwrap.wrap(offerte.closing_text(appendix), 100)
    signature = offerte.signature_lines()
    layout.room((len(closing) + len(signature) + 10) * _LINE)
    layout.lines(_pdf.LEFT, closing)
    layout.down()
    layout.lines(_pdf.LEFT, signature)
    layout.down(1.5)
    layout.text(_pdf.LEFT, "Voor akkoord", weight="bold")
    layout.text(_pdf.LEFT + 0.135, f"(namens {textwrap.shorten(offerte.customer['naam'], 60, placeholder='…')})")
    layout.down(2.2)
    for label in ("Naam", "Datum", "Handtekening"):
        layout.text(_pdf.LEFT, f"{label}:")
        layout.ax.plot([_pdf.LEFT + 0.13, 0.55], [layout.y - _LINE * 0.75] * 2, color="black", lw=0.5)
        layout.down(2.2 if label != "Handtekening" else 3)


def _pdf_terms(layout, offerte) -> None:
    layout.new_page()
    layout.text(_pdf.LEFT, f"Bijlage bij offerte {offerte.number}", style="italic", size=8)
    layout.down(1.5)
    for raw in terms_lines(offerte.terms):
        text = raw.strip().replace("*", "")
        if not text:
            layout.down(0.4)
        elif text.startswith("# "):
            layout.paragraph(text[2:], width=70, size=12, weight="bold")
        elif text.startswith("## "):
            layout.paragraph(text[3:], width=100, weight="bold")
        elif text[:1].isdigit() and ". " in text[:6]:
            number, _, rest = text.partition(". ")
            layout.room(_LINE * 8 / 9)
            layout.text(_pdf.LEFT, f"{number}.", size=8)
            layout.paragraph(rest, x=_pdf.LEFT + 0.03, width=104, size=8)
        else:
            layout.paragraph(text, width=110, size=8)


def pdf_pages(offerte, include_terms: bool = True, font=_pdf.EMBEDDED_FONT) -> list:
    """The offerte (and the terms) laid out on numbered A4 pages; long text runs on, never cut.

    >>> from salesnb.offerte import make_offerte
    >>> party = {"naam": "Klant", "adres": "Laan 1", "postcode": "1000 AA", "plaats": "Ede"}
    >>> long = "Een zeer uitgebreide omschrijving. " * 400
    >>> o = make_offerte({**party, "kvk": "12345678"}, party, [{"omschrijving": long, "aantal": 1, "prijs": 1, "btw": 0.21}],
    ...                  offerte_date="2026-03-02", terms=None)
    >>> len(pdf_pages(o, include_terms=False)) >= 3
    True
    """
    layout = _pdf.Layout(font=font, running_head=f"Offerte {offerte.number} (vervolg)", bottom=0.12)
    _pdf_head(layout, offerte)
    _pdf_lines(layout, offerte)
    layout.bottom = 0.05
    _pdf_totals(layout, offerte, offerte.has_appendix(include_terms))
    if offerte.has_appendix(include_terms):
        layout.bottom = 0.06
        _pdf_terms(layout, offerte)
    return layout.finish()


def write_pdf(offerte, path=None, *, include_terms: bool = True) -> Path:
    """Write the offerte as an A4 PDF (matplotlib, no extra library); returns the path.

    Helvetica (a PDF core font) is drawn without font files and is several times faster than an
    embedded TrueType font; it only covers cp1252, so other characters use DejaVu Sans.
    """
    if path is None:
        path = _money().output_dir() / f"offerte_{_safe_name(offerte.number)}.pdf"
    pages = pdf_pages(offerte, include_terms, font=_pdf.CORE_FONT)
    core = _pdf.fits_core_font(t.get_text() for page in pages for t in page.axes[0].texts)
    if not core:
        pages = pdf_pages(offerte, include_terms, font=_pdf.EMBEDDED_FONT)
    return _pdf.save(pages, path, title=f"Offerte {offerte.number}", core_font=core)


def write_csv(offerte, path) -> Path:
    """Write the lines as CSV (``;``-separated, Dutch Excel); text cells are neutralised (:func:`csv_safe`)."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["offerte", "klant", "omschrijving", "aantal", "prijs_excl_btw", "btw", "totaal_excl_btw",
                         "periode"])
        for _, line in offerte.line_table().iterrows():
            writer.writerow([csv_safe(offerte.number), csv_safe(offerte.customer["naam"]),
                             csv_safe(line["omschrijving"]), str(line["aantal"]), str(line["prijs"]),
                             str(line["btw"]), str(line["totaal"]), line["periode"] or "eenmalig"])
    return path
