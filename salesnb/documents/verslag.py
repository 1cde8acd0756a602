"""The verslag export (stappenplan verkoopproces): the six phases of the own company as a Word file.

:func:`verslag_content` turns a checked :class:`~salesnb.own_company.SalesPlan` into a
:class:`Verslag`: a list of blocks (headings, prose, the student's reasons, lists, tables,
charts) with the offerte and the algemene voorwaarden as appendices. Two renderers lay it out:
:func:`verslag_docx` (python-docx, Word's own heading styles so that a table of contents works)
and :func:`verslag_html` (the same content as one HTML page). :func:`write_verslag` writes both
in one call; an earlier ``verkoopproces.docx`` (perhaps edited by the student) is kept as a
numbered backup instead of being overwritten.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import _html as h

__all__ = ["write_verslag"]


@dataclass
class Block:
    """One piece of the verslag: ``kind`` is heading, text, reason, list, table, picture or pagebreak."""

    kind: str
    text: str = ""
    level: int = 1
    items: list = field(default_factory=list)
    frame: pd.DataFrame | None = None
    image: bytes | None = None


@dataclass
class Verslag:
    """The content of the verslag: a title, the blocks of the six phases and the appendices."""

    title: str
    blocks: list[Block]


# ---- content -------------------------------------------------------------------------------

_LABELS = {"afnemers": "Afnemers", "doelmarkt": "Doelmarkt", "positionering": "Positionering",
           "innovatie": "Innovatie in het aanbod", "penetratie": "Penetratiegraad van de productklasse",
           "regel": "Regel voor de indeling", "van_toepassing": "Zo verklaren we ze van toepassing",
           "usps": "USP's", "ideeen": "Ideeën voor up- en cross-selling", "sterktes": "Sterktes",
           "zwaktes": "Zwaktes", "kansen": "Kansen", "bedreigingen": "Bedreigingen", "prospect": "Prospect",
           "offerte_voor": "Offerte voor", "klanten": "Klanten na een jaar", "marge_per_klant": "Marge per klant",
           "behoud_zonder_actie": "Behoud zonder actie", "offerte_datum": "Offertedatum",
           "geldigheid_dagen": "Geldig (dagen)", "betalingstermijn_dagen": "Betalingstermijn (dagen)",
           "looptijd_maanden": "Looptijd (maanden)", "opzegtermijn_maanden": "Opzegtermijn (maanden)",
           "kunt_u": "Kunt u", "extra_behoud": "Extra behoud"}


def _label(key: str) -> str:
    return _LABELS.get(key, key.replace("_", " ").capitalize())


def _value_text(key: str, value, kind: str = "tekst") -> str:
    from ..display import format_date, format_euro, format_number, format_percent

    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if kind == "datum":
        return format_date(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if kind == "fractie":
        return format_percent(value)
    if "marge" in key or "kosten" in key or "prijs" in key:
        return format_euro(value)
    return format_number(value, 0 if float(value).is_integer() else 2)


def _rows_table(rows: list, spec: dict) -> pd.DataFrame:
    columns = list(spec) + [k for row in rows for k in row if k not in spec]
    columns = list(dict.fromkeys(columns))
    return pd.DataFrame({_label(c): [_value_text(c, row.get(c), spec.get(c, "tekst")) for row in rows]
                         for c in columns})


def _picture(draw, *args, size=(7.0, 3.6), **kwargs) -> bytes:
    from matplotlib.figure import Figure

    fig = Figure(figsize=size)
    draw(*args, ax=fig.add_subplot(), **kwargs)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
    return buffer.getvalue()


def _step_blocks(entry: dict, spec: dict) -> list[Block]:
    """The student's own entries of one step: texts as prose, lists as bullets, rows as a table."""
    blocks = []
    for key, kind in spec.items():
        value = entry.get(key)
        if isinstance(kind, dict):
            if key != "emails":  # the dated schedule below shows them
                blocks.append(Block("table", frame=_rows_table(value, kind)))
        elif kind == "teksten":
            blocks.append(Block("text", f"{_label(key)}:"))
            blocks.append(Block("list", items=[str(v) for v in value]))
        elif kind == "optioneel":
            continue
        elif key in ("cold", "warm", "hot"):
            continue
        else:
            blocks.append(Block("text", f"{_label(key)}: {_value_text(key, value, kind)}"))
    return blocks


def _extras(plan, phase: str, step: str) -> list[Block]:
    """What salesnb computed for a step: the charts and tables next to the student's entries."""
    from ..display import format_date, format_number, format_percent
    from ..plots.process import plot_adoption_curve, plot_prospect_split, plot_retention_actions

    if step == "adoptie":
        target = plan.adoption.set_index("segment").loc[plan.target_segment]
        return [Block("text", f"Met deze penetratiegraad is de volgende groep op de adoptiecurve: de "
                              f"{plan.target_segment} ({format_number(target['aantal'])} organisaties in de "
                              f"doelmarkt)."),
                Block("picture", "Adoptiecurve van de doelmarkt",
                      image=_picture(plot_adoption_curve, plan.adoption, target=plan.target_segment))]
    if step == "verdeling":
        split = plan.split.assign(aandeel=[format_percent(a) for a in plan.split["aandeel"]])
        return [Block("table", frame=split.rename(columns=_label).astype(str)),
                Block("picture", "Verdeling cold, warm en hot", image=_picture(plot_prospect_split, plan.split))]
    if step == "werving":
        channels = plan.step("fase_1", "werving")
        table = pd.DataFrame({"Groep": ["cold", "warm", "hot"], "Kanaal": [channels[t] for t in ("cold", "warm", "hot")]})
        named = plan.prospects.assign(temperatuur=plan.prospects["temperatuur"].astype(str))
        return [Block("table", frame=table),
                Block("text", "Onze bekende prospects, ingedeeld met dezelfde regel:"),
                Block("table", frame=named[["naam", "plaats", "temperatuur", "kanaal"]].rename(columns=_label).astype(str))]
    if step == "offerte":
        from ..offerte import euro

        amounts = "; ".join(f"{title.lower()} {euro(rows[-1][1])} incl. btw" for title, rows in plan.offerte.sum_blocks())
        return [Block("text", f"De offerte {plan.offerte.number} ({amounts}) staat in bijlage A.")]
    if step == "voorwaarden":
        has = bool(plan.offerte.terms)
        return [Block("text", "Onze algemene voorwaarden staan in bijlage B." if has else
                      "De tekst van de algemene voorwaarden leveren we als apart document mee.")]
    if step == "emails":
        mails = pd.DataFrame({"Dagen na levering": [format_number(d) for d in plan.emails["dagen_na_levering"]],
                              "Verzenddatum": [format_date(d) for d in plan.emails["verzenddatum"]],
                              "Onderwerp": plan.emails["onderwerp"].astype(str)})
        return [Block("text", "Het e-mailschema na de eerste levering:"), Block("table", frame=mails)]
    if step == "behoud":
        return [Block("table", frame=_retention_table(plan.retention)),
                Block("picture", "Wat levert een bindingsactie op?",
                      image=_picture(plot_retention_actions, plan.retention))]
    return []


def _retention_table(actions: pd.DataFrame) -> pd.DataFrame:
    from ..display import format_euro, format_number

    return pd.DataFrame({"Actie": actions["actie"].astype(str),
                         "Extra klanten": [format_number(v, 1) for v in actions["extra_klanten"]],
                         "Extra marge": [format_euro(v) for v in actions["extra_marge"]],
                         "Kosten": [format_euro(v) for v in actions["kosten"]],
                         "Resultaat": [format_euro(v) for v in actions["resultaat"]]})


def _offerte_blocks(offerte) -> list[Block]:
    from ..offerte import euro

    def party(title, data):
        return Block("text", "\n".join([title, data["naam"], data["adres"], f"{data['postcode']} {data['plaats']}",
                                        *offerte.party_extras(data)]))

    blocks = [Block("heading", f"Bijlage A Offerte {offerte.number}", level=1),
              party("Van", offerte.seller), party("Aan", offerte.customer),
              Block("text", "\n".join(f"{label}: {value}" for label, value in offerte.fact_rows()))]
    for periode, (title, rows) in zip(offerte.periods(), offerte.sum_blocks()):
        lines = offerte.line_table(periode)
        table = pd.DataFrame({
            "Omschrijving": [d if not offerte.line_note(r) else f"{d} ({offerte.line_note(r)})"
                             for d, r in zip(lines["omschrijving"], lines.to_dict("records"))],
            "Aantal": [offerte.quantity_text(q) for q in lines["aantal"]],
            "Prijs per eenheid": [euro(p) + (f" per {u}" if isinstance(u, str) else "")
                                  for p, u in zip(lines["prijs"], lines["eenheid"])],
            "Btw": [offerte.rate_text(r) for r in lines["btw"]],
            "Bedrag excl. btw": [euro(t) for t in lines["totaal"]]})
        blocks += [Block("heading", title, level=2), Block("table", frame=table),
                   Block("table", frame=pd.DataFrame({"": [r[0] for r in rows], "Bedrag": [euro(r[1]) for r in rows]}))]
    blocks += [Block("text", offerte.closing_text(bool(offerte.terms))),
               Block("text", "\n".join(offerte.signature_lines())),
               Block("text", f"Voor akkoord (namens {offerte.customer['naam']}):\nNaam:\nDatum:\nHandtekening:")]
    return blocks


def _terms_blocks(text: str) -> list[Block]:
    from ..offerte import terms_lines

    blocks = [Block("heading", "Bijlage B Algemene voorwaarden", level=1)]
    for raw in terms_lines(text):
        line = raw.strip().replace("*", "")
        if line.startswith("## "):
            blocks.append(Block("heading", line[3:], level=3))
        elif line.startswith("# "):
            blocks.append(Block("heading", line[2:], level=2))
        elif line:
            blocks.append(Block("text", line))
    return blocks


def verslag_content(plan) -> Verslag:
    """The verslag of a checked sales plan (:func:`salesnb.own_company_plan`) as blocks.

    >>> from salesnb.own_company import EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, own_company_plan
    >>> content = verslag_content(own_company_plan(EXAMPLE_OWN_COMPANY, **EXAMPLE_PHASES))
    >>> [b.text for b in content.blocks if b.kind == "heading" and b.level == 1][:2]
    ['Fase 1 Klanten vaststellen en werven', 'Fase 2 Onderhandelen']
    """
    from ..own_company import PHASES

    name = plan.company["naam"]
    blocks = [Block("text", f"Het verkoopproces van {name} in zes fasen: per stap onze keuze en waarom.")]
    for phase, (title, steps) in PHASES.items():
        blocks.append(Block("heading", title, level=1))
        for step, (step_title, spec) in steps.items():
            blocks.append(Block("heading", step_title, level=2))
            entry = plan.step(phase, step)
            blocks += _step_blocks(entry, spec)
            blocks += _extras(plan, phase, step)
            blocks.append(Block("reason", f"Waarom: {entry['waarom']}"))
    blocks.append(Block("pagebreak"))
    blocks += _offerte_blocks(plan.offerte)
    if plan.offerte.terms:
        blocks.append(Block("pagebreak"))
        blocks += _terms_blocks(plan.offerte.terms)
    return Verslag(f"Verkoopproces {name}", blocks)


# ---- renderers -----------------------------------------------------------------------------

# Characters XML 1.0 cannot hold (control characters other than tab and newline).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text) -> str:
    return _NOT_XML.sub("", str(text))


def verslag_html(verslag: Verslag) -> str:
    """The verslag as one HTML page (the charts embedded); every text escaped.

    >>> page = verslag_html(Verslag("<x>", [Block("heading", "Fase 1", level=1), Block("reason", "Waarom: <b>")]))
    >>> page[page.index("<body>"):].strip()
    "<body><div class='sn-doc'><h1>&lt;x&gt;</h1><h2>Fase 1</h2><p class='sn-reason'>Waarom: &lt;b&gt;</p></div></body></html>"
    """
    parts = [h.heading(verslag.title, 1)]
    for block in verslag.blocks:
        if block.kind == "heading":
            parts.append(h.heading(block.text, block.level + 1))
        elif block.kind == "text":
            parts.append(h.paragraph(block.text))
        elif block.kind == "reason":
            parts.append(h.paragraph(block.text, cls="sn-reason"))
        elif block.kind == "list":
            parts.append(h.bullets(block.items))
        elif block.kind == "table":
            parts.append(h.table(block.frame))
        elif block.kind == "picture":
            data = base64.b64encode(block.image).decode("ascii")
            parts.append(f"<figure><img src='data:image/png;base64,{data}' alt='{h.escape(block.text)}'>"
                         f"<figcaption>{h.escape(block.text)}</figcaption></figure>")
        elif block.kind == "pagebreak":
            parts.append("<div class='sn-appendix'></div>")
    return h.page(verslag.title, "".join(parts))


def _docx_table(document, frame: pd.DataFrame) -> None:
    table = document.add_table(rows=1, cols=len(frame.columns), style="Table Grid")
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = _clean(name)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in frame.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = _clean(value)
    document.add_paragraph()


def _docx_toc(document) -> None:
    """A table-of-contents field over the heading styles; Word fills it in on "Veld bijwerken" (F9)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.add_paragraph()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), 'TOC \\o "1-2" \\h \\z \\u')
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Inhoudsopgave: klik met de rechtermuisknop en kies 'Veld bijwerken'."
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def verslag_docx(verslag: Verslag) -> bytes:
    """The verslag as a Word document (bytes): Word's heading styles, tables, pictures, appendices.

    >>> import docx, io
    >>> data = verslag_docx(Verslag("Titel", [Block("heading", "Fase 1", level=1), Block("text", "=HYPERLINK(1)")]))
    >>> [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]
    [('Title', 'Titel'), ('Normal', ''), ('Heading 1', 'Fase 1'), ('Normal', '=HYPERLINK(1)')]
    """
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.core_properties.title = _clean(verslag.title)
    document.add_heading(_clean(verslag.title), level=0)
    _docx_toc(document)
    for block in verslag.blocks:
        if block.kind == "heading":
            document.add_heading(_clean(block.text), level=block.level)
        elif block.kind == "text":
            document.add_paragraph(_clean(block.text))
        elif block.kind == "reason":
            paragraph = document.add_paragraph()
            label, _, rest = _clean(block.text).partition(": ")
            paragraph.add_run(label + ": ").bold = True
            paragraph.add_run(rest).italic = True
        elif block.kind == "list":
            for item in block.items:
                document.add_paragraph(_clean(item), style="List Bullet")
        elif block.kind == "table":
            _docx_table(document, block.frame)
        elif block.kind == "picture":
            document.add_picture(io.BytesIO(block.image), width=Cm(15))
            caption = document.add_paragraph(_clean(block.text))
            caption.runs[0].font.size = Pt(9)
        elif block.kind == "pagebreak":
            document.add_page_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _backup(path: Path) -> Path | None:
    """Move an existing file to ``<name>_vorige_<n><suffix>`` (the first free n); return the backup."""
    if not path.exists():
        return None
    n = 1
    while (backup := path.with_name(f"{path.stem}_vorige_{n}{path.suffix}")).exists():
        n += 1
    path.rename(backup)
    return backup


def write_verslag(plan, phases: dict | None = None, *, folder=None, name: str = "verkoopproces") -> dict:
    """Schrijf het verslag van het verkoopproces: ``verkoopproces.docx`` and ``verkoopproces.html``.

    ``plan`` is a :class:`~salesnb.own_company.SalesPlan`, or the company cell with ``phases``
    (``{"fase_1": ..., ..., "fase_6": ...}``), checked first: a missing reason or a malformed entry
    raises :class:`~salesnb.errors.OwnCompanyError` and nothing is written. Default ``folder``: the
    course's output folder (``mijn-notebooks/uitvoer``). A file already there is kept as
    ``verkoopproces_vorige_1.docx`` (then ``_2``, ...): your edited copy is never overwritten.
    Returns ``{"docx": path, "html": path, "vorige": [backups]}``.

    >>> from salesnb.own_company import EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES
    >>> out = write_verslag(EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES, folder=getfixture("tmp_path"))
    >>> out["docx"].name, out["html"].name, out["vorige"]
    ('verkoopproces.docx', 'verkoopproces.html', [])
    """
    from ..offerte import output_dir
    from ..own_company import SalesPlan, own_company_plan

    if not isinstance(plan, SalesPlan):
        plan = own_company_plan(plan, **(phases or {}))
    content = verslag_content(plan)
    # everything is rendered before anything is written: an error leaves the folder as it was
    files = {"docx": verslag_docx(content), "html": verslag_html(content).encode("utf-8")}
    folder = Path(output_dir() if folder is None else folder)
    folder.mkdir(parents=True, exist_ok=True)
    out: dict = {"vorige": []}
    for suffix, data in files.items():
        path = folder / f"{name}.{suffix}"
        backup = _backup(path)
        if backup is not None:
            out["vorige"].append(backup)
        path.write_bytes(data)
        out[suffix] = path
    return out
