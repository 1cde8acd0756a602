"""The one HTML helper set for documents (offerte, accountplan, verslag) and the one document CSS.

Every text goes through :func:`escape`; only values wrapped in :class:`Raw` (built by these
helpers) are inserted as HTML. A customer called ``<script>`` therefore appears literally.
"""

from __future__ import annotations

import html as _html
import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["CSS", "Raw", "escape", "heading", "paragraph", "cell", "row", "table",
           "definition_list", "bullets", "fragment", "page"]

#: The CSS of every document. ``.sn-doc`` is the generic document; ``.sn-offerte`` and
#: ``.sn-terms`` add the offerte's layout (parties side by side, signature fields).
CSS = """
.sn-doc, .sn-offerte { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #111;
  max-width: 54em; line-height: 1.4; }
.sn-doc h1 { font-size: 1.6em; margin: 0.2em 0 0.4em 0; }
.sn-doc h2 { font-size: 1.3em; border-bottom: 2px solid #0072B2; margin-top: 1.4em; }
.sn-doc h3 { font-size: 1.1em; margin-top: 1.1em; }
.sn-doc h4 { font-size: 1em; margin-top: 0.9em; }
.sn-doc img { max-width: 100%; }
.sn-doc .sn-reason { border-left: 3px solid #0072B2; padding-left: 0.6em; color: #222; }
.sn-table { border-collapse: collapse; margin: 0.5em 0; }
.sn-table th, .sn-table td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
.sn-table th { background: #eef4fa; }
.sn-table td.sn-num, .sn-table th.sn-num { text-align: right; white-space: nowrap; }
.sn-dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em; margin: 0.5em 0; }
.sn-dl dt { font-weight: bold; }
.sn-dl dd { margin: 0; }
.sn-swot { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.sn-swot > div { border: 1px solid #ccc; padding: 4px 10px; }
.sn-offerte h2 { font-size: 1.4em; margin: 0.2em 0 0.6em 0; border: none; }
.sn-parties { display: flex; gap: 3em; margin-bottom: 1em; }
.sn-party { flex: 1; }
.sn-lines { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
.sn-lines th, .sn-lines td { border-bottom: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left;
  vertical-align: top; }
.sn-lines th { border-bottom: 2px solid #333; vertical-align: bottom; }
.sn-lines .sn-desc { min-width: 20em; width: 45%; }
.sn-lines td.sn-num { text-align: right; white-space: nowrap; }
.sn-lines th.sn-num { text-align: right; white-space: normal; }
.sn-lines .sn-unit { font-size: 0.85em; color: #555; }
.sn-lines tfoot td { border-bottom: none; padding-top: 0.15em; padding-bottom: 0.15em; }
.sn-lines tfoot td.sn-sumlabel { text-align: right; }
.sn-lines tr.sn-first td { padding-top: 0.5em; }
.sn-lines tr.sn-total td { border-top: 2px solid #333; }
.sn-lines tr.sn-head td { font-weight: bold; padding-top: 0.8em; }
.sn-sign { margin-top: 1.5em; }
.sn-fields { display: flex; gap: 2em; margin-top: 0.6em; }
.sn-field { flex: 1; border-bottom: 1px solid #333; height: 3.2em; position: relative; }
.sn-field span { position: absolute; left: 0; top: 0; font-size: 0.85em; color: #555; }
.sn-terms p { margin: 0.3em 0; }
.sn-terms p.sn-item { padding-left: 1.8em; text-indent: -1.8em; }
.sn-terms { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; max-width: 54em;
  margin-top: 3em; page-break-before: always; break-before: page; }
.sn-appendix { page-break-before: always; break-before: page; }
@media print { body { margin: 1.5cm; } .sn-offerte, .sn-doc { font-size: 12px; } }
"""


class Raw(str):
    """HTML that is already safe (built by these helpers); :func:`escape` leaves it alone.

    >>> escape(Raw("<b>x</b>")), escape("<b>x</b>")
    ('<b>x</b>', '&lt;b&gt;x&lt;/b&gt;')
    """


def escape(value) -> Raw:
    """Text as HTML: ``<``, ``>``, ``&`` and quotes escaped; ``None`` and NaN become an empty text.

    >>> escape('<script>alert(1)</script>')
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    >>> escape(None), escape(float("nan")), escape(3)
    ('', '', '3')
    """
    if isinstance(value, Raw):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Raw("")
    return Raw(_html.escape(str(value)))


def _attr(cls: str | None) -> str:
    return f" class='{_html.escape(cls)}'" if cls else ""


def heading(text, level: int = 2, *, cls: str | None = None) -> Raw:
    """A heading ``<h1>``–``<h6>`` with escaped text.

    >>> heading("Fase 1 & 2", 2)
    '<h2>Fase 1 &amp; 2</h2>'
    """
    level = min(max(int(level), 1), 6)
    return Raw(f"<h{level}{_attr(cls)}>{escape(text)}</h{level}>")


def paragraph(text, *, cls: str | None = None) -> Raw:
    """A paragraph; line breaks in the text become ``<br>``.

    >>> paragraph("regel 1\\nregel <2>")
    '<p>regel 1<br>regel &lt;2&gt;</p>'
    """
    return Raw(f"<p{_attr(cls)}>" + "<br>".join(escape(part) for part in str(text).split("\n")) + "</p>")


def bullets(items: Iterable) -> Raw:
    """A bulleted list.

    >>> bullets(["a", "<b>"])
    '<ul><li>a</li><li>&lt;b&gt;</li></ul>'
    """
    return Raw("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")


def cell(value, *, numeric: bool = False, header: bool = False, colspan: int = 1,
         cls: str | None = None) -> Raw:
    """One table cell; ``numeric`` right-aligns it (class ``sn-num``).

    >>> cell("€ 1,00", numeric=True)
    "<td class='sn-num'>€ 1,00</td>"
    >>> cell("Totaal", colspan=4, header=True)
    "<th colspan='4'>Totaal</th>"
    """
    tag = "th" if header else "td"
    classes = " ".join(c for c in ("sn-num" if numeric else "", cls or "") if c)
    span = f" colspan='{int(colspan)}'" if colspan != 1 else ""
    return Raw(f"<{tag}{_attr(classes)}{span}>{escape(value)}</{tag}>")


def row(cells: Iterable, *, cls: str | None = None) -> Raw:
    """A table row; cells made by :func:`cell` are kept, other values become plain ``<td>`` cells.

    >>> row(["a", cell(1, numeric=True)], cls="sn-total")
    "<tr class='sn-total'><td>a</td><td class='sn-num'>1</td></tr>"
    """
    parts = (c if isinstance(c, Raw) and c.startswith(("<td", "<th")) else cell(c) for c in cells)
    return Raw(f"<tr{_attr(cls)}>" + "".join(parts) + "</tr>")


def table(rows, columns: Sequence[str] | None = None, *, numeric: Iterable[str] = (),
          headers: Mapping[str, str] | None = None, footer: Iterable[Raw] = (),
          cls: str = "sn-table") -> Raw:
    """A table from a DataFrame or a list of dicts (or of sequences, with ``columns``).

    ``numeric`` names the columns shown right-aligned; ``headers`` maps a column to its shown
    header; ``footer`` holds rows made by :func:`row`. Cell values are escaped unless :class:`Raw`.

    >>> table([{"naam": "<b>", "omzet": "€ 5"}], numeric=["omzet"])
    "<table class='sn-table'><thead><tr><th>naam</th><th class='sn-num'>omzet</th></tr></thead><tbody><tr><td>&lt;b&gt;</td><td class='sn-num'>€ 5</td></tr></tbody></table>"
    """
    if hasattr(rows, "to_dict") and hasattr(rows, "columns"):
        columns = list(rows.columns) if columns is None else list(columns)
        records = rows.to_dict("records")
    else:
        records = list(rows)
        if columns is None:
            columns = list(records[0]) if records and isinstance(records[0], Mapping) else []
    numeric = set(numeric)
    headers = dict(headers or {})
    head = "".join(cell(headers.get(c, c), header=True, numeric=c in numeric) for c in columns)
    body = []
    for record in records:
        values = ([record.get(c) for c in columns] if isinstance(record, Mapping) else list(record))
        body.append(row(cell(v, numeric=c in numeric) for c, v in zip(columns, values)))
    foot = "".join(footer)
    foot = f"<tfoot>{foot}</tfoot>" if foot else ""
    return Raw(f"<table{_attr(cls)}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
               f"{foot}</table>")


def definition_list(items: Mapping) -> Raw:
    """Label–value pairs as a definition list (``<dl>``), labels bold.

    >>> definition_list({"KvK": "12345678", "naam": "<x>"})
    "<dl class='sn-dl'><dt>KvK</dt><dd>12345678</dd><dt>naam</dt><dd>&lt;x&gt;</dd></dl>"
    """
    pairs = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in items.items())
    return Raw(f"<dl class='sn-dl'>{pairs}</dl>")


def fragment(body: str, *, cls: str = "sn-doc") -> Raw:
    """A document for a notebook cell (``_repr_html_``): the body with the CSS, no ``<html>``.

    >>> fragment(heading("x")).startswith("<div class='sn-doc'><style>")
    True
    """
    return Raw(f"<div{_attr(cls)}><style>{CSS}</style>{body}</div>")


def page(title, body: str, *, cls: str = "sn-doc", after: str = "") -> Raw:
    """A complete HTML file (UTF-8, Dutch) with the title, the CSS and the body; ``after`` goes
    below the main block (an appendix).

    >>> text = page("Offerte <1>", paragraph("hallo"))
    >>> text.startswith("<!DOCTYPE html>"), "<title>Offerte &lt;1&gt;</title>" in text
    (True, True)
    """
    return Raw("<!DOCTYPE html>\n<html lang='nl'><head><meta charset='utf-8'>"
               f"<title>{escape(title)}</title><style>{CSS}</style></head>"
               f"<body><div{_attr(cls)}>{body}</div>{after}</body></html>\n")
