"""De offerte (stappenplan fase 3) with the algemene voorwaarden (fase 4).

:func:`make_offerte` checks that a quotation holds everything the course asks for (name and
address of the seller and the customer, date, description, quantity and price of every
product or service, the VAT rate, the validity period and the general terms) and refuses
with one Dutch message that names *every* missing or malformed field
(:class:`OfferteError`). The resulting :class:`Offerte` computes its amounts with
:class:`decimal.Decimal` (exact cents, no float rounding), shows itself as HTML in a
notebook and writes an HTML file a student can print (to PDF from the browser: Ctrl+P →
"Opslaan als PDF"). All text is escaped: a customer called ``<script>`` appears literally.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import math
import numbers
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import InputError, OfferteError

__all__ = [
    "Offerte",
    "make_offerte",
    "euro",
    "VAT_RATES",
    "TERMS_TITLE",
    "terms_text",
    "csv_safe",
    "seller_from_company",
    "offerte_lines",
    "offerte_for",
    "prospect_address",
    "output_dir",
    "display_path",
]

#: The Dutch VAT rates the course uses: 21% (algemeen) and 9% (laag: food, drinks, water).
VAT_RATES = (Decimal("0.21"), Decimal("0.09"))

#: Title of the company's general terms, referred to on every offerte.
TERMS_TITLE = "Algemene voorwaarden Brandwijk Koffie & Vending B.V."

CENT = Decimal("0.01")

# Sentinel: "attach the sample company's terms when the title is theirs".
_SAMPLE_TERMS = object()

# Required fields of a party: key -> Dutch label. English keys are accepted as aliases.
_PARTY_FIELDS = {"naam": "naam", "adres": "adres (straat en huisnummer)", "postcode": "postcode",
                 "plaats": "plaats"}
_ALIASES = {"naam": ("naam", "name"), "adres": ("adres", "address", "straat", "street"),
            "postcode": ("postcode", "postal_code", "zip"), "plaats": ("plaats", "city", "woonplaats")}
_LINE_ALIASES = {"omschrijving": ("omschrijving", "description", "product", "product_name"),
                 "aantal": ("aantal", "quantity", "qty"),
                 "prijs": ("prijs", "price", "unit_price", "stukprijs"),
                 "btw": ("btw", "vat_rate", "vat", "btw_tarief"),
                 "eenheid": ("eenheid", "unit")}


def euro(amount, *, sign=True) -> str:
    """Bedrag in euro's in Nederlandse notatie: € 1.234,56 (punt voor duizendtallen, komma voor centen).

    >>> euro(Decimal("1234.5"))
    '€ 1.234,50'
    >>> euro(-0.5)
    '€ -0,50'
    """
    value = _decimal(amount)
    if value is None:
        raise InputError(f"{amount!r} is geen bedrag.")
    value = value.quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{abs(value):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    text = ("-" if value < 0 else "") + text
    return f"€ {text}" if sign else text


def _pct(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}".replace(".", ",") + "%"


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


def terms_text() -> str:
    """De algemene voorwaarden van het voorbeeldbedrijf (stappenplan fase 4), as Markdown text.

    >>> terms_text().splitlines()[0]
    '# Algemene voorwaarden Brandwijk Koffie & Vending B.V.'
    """
    return resources.files("salesnb").joinpath("resources/algemene_voorwaarden.md").read_text("utf-8")


def _terms_html(text: str) -> str:
    """A tiny Markdown subset (#, ##, paragraphs, '1.' lines) to HTML, all text escaped."""
    out, para = [], []

    def flush():
        if para:
            out.append(f"<p>{html.escape(' '.join(para))}</p>")
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            out.append(f"<h3>{html.escape(line[3:])}</h3>")
        elif line.startswith("# "):
            flush()
            out.append(f"<h2>{html.escape(line[2:])}</h2>")
        elif line[:1].isdigit() and ". " in line[:6]:
            flush()
            number, _, rest = line.partition(". ")
            out.append(f"<p class='sn-item'>{html.escape(number)}.&nbsp;&nbsp;{html.escape(rest.replace('*', ''))}</p>")
        else:
            para.append(line.replace("*", ""))
    flush()
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# validation helpers: each returns (value, problem) so that all problems are collected
# ---------------------------------------------------------------------------------------------

def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, numbers.Integral):
        return Decimal(int(value))
    if isinstance(value, numbers.Real):
        if not math.isfinite(float(value)):
            return None
        return Decimal(repr(float(value)))  # 0.1 -> Decimal('0.1'), not 0.1000000000000000055...
    if isinstance(value, str):
        try:
            d = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None


def _get(mapping, key, aliases):
    for name in aliases.get(key, (key,)):
        if name in mapping:
            return mapping[name]
    return None


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _party(value, who: str, problems: list[str]) -> dict:
    if isinstance(value, pd.Series):
        value = value.to_dict()
    if not isinstance(value, dict):
        problems.append(f"de gegevens van {who} ontbreken (geef een dict met naam, adres, postcode en plaats)")
        return {}
    party = {}
    for key, label in _PARTY_FIELDS.items():
        item = _get(value, key, _ALIASES)
        if _blank(item):
            problems.append(f"{label} van {who} ontbreekt")
        elif not isinstance(item, str):
            problems.append(f"{label} van {who} moet tekst zijn, maar is {item!r}")
        else:
            party[key] = item.strip()
    for key, item in value.items():
        if key not in party and not _blank(item) and key not in sum(_ALIASES.values(), ()):
            party[key] = str(item)
    return party


def _date(value, label: str, problems: list[str]) -> _dt.date | None:
    if _blank(value):
        problems.append(f"{label} ontbreekt")
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return _dt.datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                pass
    problems.append(f"{label} is geen datum ({value!r}); schrijf bijvoorbeeld '2026-03-15' of '15-03-2026'")
    return None


def _lines(lines, vat_rates, problems: list[str]) -> list[dict]:
    if isinstance(lines, pd.DataFrame):
        lines = lines.to_dict("records")
    if lines is None or isinstance(lines, (str, bytes, dict)) or len(lines) == 0:
        problems.append("de offerte heeft geen regels met producten of diensten (geef minstens één regel)")
        return []
    allowed = ", ".join(_pct(r) for r in vat_rates)
    clean = []
    for i, line in enumerate(lines, start=1):
        where = f"regel {i}"
        if not isinstance(line, dict):
            problems.append(f"{where} moet een dict zijn met omschrijving, aantal, prijs en btw")
            continue
        text = _get(line, "omschrijving", _LINE_ALIASES)
        qty = _get(line, "aantal", _LINE_ALIASES)
        price = _get(line, "prijs", _LINE_ALIASES)
        rate = _get(line, "btw", _LINE_ALIASES)
        ok = True
        if _blank(text):
            problems.append(f"{where}: de omschrijving van het product of de dienst ontbreekt")
            ok = False
        for value, label in ((qty, "het aantal"), (price, "de prijs per stuk (excl. btw)"),
                             (rate, "het btw-tarief")):
            if _blank(value):
                problems.append(f"{where}: {label} ontbreekt")
                ok = False
        q, p, r = _decimal(qty), _decimal(price), _decimal(rate)
        if not _blank(qty) and (q is None or q <= 0):
            problems.append(f"{where}: het aantal moet een getal groter dan 0 zijn, maar is {qty!r}")
            ok = False
        if not _blank(price) and (p is None or p < 0):
            problems.append(f"{where}: de prijs moet een bedrag van 0 of meer zijn, maar is {price!r}")
            ok = False
        if not _blank(rate):
            if r is not None and r > 1 and r / 100 in vat_rates:
                problems.append(f"{where}: btw-tarief {rate!r} is een percentage; schrijf {r / 100} "
                                f"(een fractie, {_pct(r / 100)})")
                ok = False
            elif r is None or r not in vat_rates:
                problems.append(f"{where}: btw-tarief {rate!r} bestaat niet; kies {allowed} "
                                f"(als fractie: {' of '.join(str(x) for x in vat_rates)})")
                ok = False
        if ok:
            unit = _get(line, "eenheid", _LINE_ALIASES)
            clean.append({"omschrijving": str(text).strip(), "aantal": q, "prijs": p,
                          "btw": next(x for x in vat_rates if x == r),
                          "eenheid": None if _blank(unit) else str(unit).strip()})
    return clean


def make_offerte(seller, customer, lines, *, date=None, valid_days=30, valid_until=None,
                 number=None, terms_title=TERMS_TITLE, terms=_SAMPLE_TERMS, vat_rates=VAT_RATES,
                 vat_rounding="per_tarief") -> "Offerte":
    """Maak een offerte (stappenplan fase 3): check every required field, then compute.

    ``seller`` and ``customer``: dicts with ``naam``, ``adres``, ``postcode``, ``plaats``
    (English keys name/address/postal_code/city also work; extra keys such as ``kvk`` or
    ``email`` are shown). ``lines``: a list of dicts (or a DataFrame) with ``omschrijving``,
    ``aantal``, ``prijs`` (per unit, excl. btw) and ``btw`` (0.21 or 0.09), optionally
    ``eenheid`` (the unit of the price: "kg", "kwartaal"; shown as "per kg"). ``date``: the
    offerte date (default today); the offerte is valid ``valid_days`` days, or until
    ``valid_until``. ``terms_title`` names the algemene voorwaarden declared applicable.

    ``terms`` is the text of those voorwaarden (Markdown: ``#``/``##`` headings, numbered
    lines), attached as an appendix to the file; ``None`` means there is no text to attach
    (the offerte then says the customer receives them as a separate document). By default
    the sample company's :func:`terms_text` is attached only when ``terms_title`` is its
    title :data:`TERMS_TITLE`; another company never gets Brandwijk's terms by accident.

    VAT: ``vat_rounding="per_tarief"`` (default) computes the VAT once per rate on the subtotal
    of that rate, rounded half up to the cent; ``"per_regel"`` rounds the VAT of every line
    and adds them up. Both are allowed in the Netherlands; they can differ by a cent.

    Raises :class:`OfferteError` naming every missing or malformed field at once.

    >>> o = make_offerte({"naam": "Verkoper BV", "adres": "Markt 1", "postcode": "3811 AA",
    ...                   "plaats": "Amersfoort"},
    ...                  {"naam": "Klant BV", "adres": "Laan 2", "postcode": "1000 AA",
    ...                   "plaats": "Amsterdam"},
    ...                  [{"omschrijving": "Koffiebonen 1 kg", "aantal": 10, "prijs": 12.5, "btw": 0.09},
    ...                   {"omschrijving": "Koffiemachine", "aantal": 1, "prijs": 1000, "btw": 0.21}],
    ...                  date="2026-03-02")
    >>> o.totals()["totaal_incl_btw"], o.valid_until
    (Decimal('1346.25'), datetime.date(2026, 4, 1))
    >>> make_offerte({"naam": "Verkoper BV"}, {}, [], date="2026-03-02")
    Traceback (most recent call last):
    ...
    salesnb.errors.OfferteError: De offerte is niet compleet of niet juist (8 punten):
      - adres (straat en huisnummer) van de verkoper ontbreekt
    ...
    """
    problems: list[str] = []
    rates = tuple(_decimal(r) for r in vat_rates)
    if any(r is None or not (0 <= r < 1) for r in rates) or not rates:
        raise InputError("'vat_rates' moet een lijst van btw-tarieven als fractie zijn, bv. (0.21, 0.09).")
    if vat_rounding not in ("per_tarief", "per_regel"):
        raise InputError(f"'vat_rounding' moet 'per_tarief' of 'per_regel' zijn, maar is {vat_rounding!r}.")
    seller_ = _party(seller, "de verkoper", problems)
    customer_ = _party(customer, "de klant", problems)
    when = _date(_dt.date.today() if date is None else date, "de datum van de offerte", problems)
    until = None
    if valid_until is not None:
        until = _date(valid_until, "de geldigheidsdatum (geldig tot)", problems)
    elif valid_days is None or isinstance(valid_days, bool) or not isinstance(valid_days, numbers.Integral) \
            or valid_days <= 0:
        problems.append(f"de geldigheidsduur ontbreekt of is geen geheel aantal dagen groter dan 0 "
                        f"(valid_days={valid_days!r}); gebruikelijk is 30 dagen")
    elif when is not None:
        until = when + _dt.timedelta(days=int(valid_days))
    if when is not None and until is not None and until <= when:
        problems.append(f"de offerte moet na de datum ({when:%d-%m-%Y}) geldig blijven, maar 'geldig tot' "
                        f"is {until:%d-%m-%Y}")
    if _blank(terms_title):
        problems.append("de algemene voorwaarden ontbreken: geef de titel van het document dat van "
                        "toepassing is (terms_title)")
    if terms is _SAMPLE_TERMS:
        terms = terms_text() if terms_title == TERMS_TITLE else None
    elif terms is not None and (not isinstance(terms, str) or not terms.strip()):
        problems.append("de tekst van de algemene voorwaarden (terms) moet tekst zijn, of None als je ze "
                        "apart meestuurt")
    clean_lines = _lines(lines, rates, problems)
    if number is not None and _blank(number):
        problems.append("het offertenummer is leeg; laat het weg of geef een nummer")
    if problems:
        raise OfferteError(problems)
    if number is None:
        # Deterministic default: date plus a checksum of the customer's name.
        number = f"OF-{when:%Y%m%d}-{sum(map(ord, customer_['naam'])) % 1000:03d}"
    return Offerte(seller_, customer_, clean_lines, when, until, str(number), str(terms_title), vat_rounding,
                   terms=terms)


class Offerte:
    """A checked quotation; build it with :func:`make_offerte`.

    Attributes: ``seller``, ``customer`` (dicts), ``lines`` (list of dicts with Decimal
    ``aantal``, ``prijs``, ``btw``), ``date``, ``valid_until``, ``number``, ``terms_title``,
    ``terms`` (the text of the algemene voorwaarden to attach, or ``None``).
    """

    def __init__(self, seller, customer, lines, date, valid_until, number, terms_title,
                 vat_rounding="per_tarief", *, terms=None):
        self.seller = dict(seller)
        self.customer = dict(customer)
        self.lines = [dict(line) for line in lines]
        self.date = date
        self.valid_until = valid_until
        self.number = number
        self.terms_title = terms_title
        self.vat_rounding = vat_rounding
        self.terms = terms

    # ---- amounts -----------------------------------------------------------------------------
    def line_table(self) -> pd.DataFrame:
        """The lines with ``totaal`` (aantal × prijs, rounded to the cent) and ``btw_bedrag``."""
        rows = []
        for line in self.lines:
            total = (line["aantal"] * line["prijs"]).quantize(CENT, rounding=ROUND_HALF_UP)
            rows.append({**line, "totaal": total,
                         "btw_bedrag": (total * line["btw"]).quantize(CENT, rounding=ROUND_HALF_UP)})
        return pd.DataFrame(rows, columns=["omschrijving", "eenheid", "aantal", "prijs", "btw", "totaal",
                                           "btw_bedrag"])

    def vat_table(self) -> pd.DataFrame:
        """Per VAT rate: ``grondslag`` (subtotal excl. btw) and ``btw_bedrag``."""
        table = self.line_table()
        rows = []
        for rate in sorted(set(table["btw"]), reverse=True):
            part = table[table["btw"] == rate]
            base = sum(part["totaal"], Decimal("0"))
            if self.vat_rounding == "per_tarief":
                vat = (base * rate).quantize(CENT, rounding=ROUND_HALF_UP)
            else:
                vat = sum(part["btw_bedrag"], Decimal("0"))
            rows.append({"btw": rate, "grondslag": base, "btw_bedrag": vat})
        return pd.DataFrame(rows, columns=["btw", "grondslag", "btw_bedrag"])

    def totals(self) -> dict:
        """``totaal_excl_btw``, ``btw`` and ``totaal_incl_btw`` as Decimals (exact cents)."""
        vat = self.vat_table()
        excl = sum(vat["grondslag"], Decimal("0"))
        tax = sum(vat["btw_bedrag"], Decimal("0"))
        return {"totaal_excl_btw": excl, "btw": tax, "totaal_incl_btw": excl + tax}

    # ---- output ------------------------------------------------------------------------------
    def _party_html(self, party: dict, title: str) -> str:
        e = html.escape
        extra = "".join(f"<br>{e(str(k))}: {e(str(v))}" for k, v in party.items()
                        if k not in _PARTY_FIELDS)
        return (f"<div class='sn-party'><strong>{e(title)}</strong><br>{e(party['naam'])}<br>"
                f"{e(party['adres'])}<br>{e(party['postcode'])} {e(party['plaats'])}{extra}</div>")

    def _qty(self, value) -> str:
        return f"{value.normalize():f}".replace(".", ",")

    def sum_rows(self) -> list[tuple[str, Decimal]]:
        """The totals block as (label, amount) rows, in the usual Dutch order.

        Totaal excl. btw, then the btw per tarief ("Btw 9% over € …" when there is more than one
        rate; with one rate the base equals the total and is not repeated), then Totaal incl. btw.
        """
        vat = self.vat_table()
        t = self.totals()
        rows = [("Totaal excl. btw", t["totaal_excl_btw"])]
        for _, r in vat.iterrows():
            label = f"Btw {_pct(r['btw'])}"
            if len(vat) > 1:
                label += f" over {euro(r['grondslag'])}"
            rows.append((label, r["btw_bedrag"]))
        rows.append(("Totaal incl. btw", t["totaal_incl_btw"]))
        return rows

    def has_appendix(self, include_terms=True) -> bool:
        """Whether a written file carries the algemene voorwaarden as an appendix."""
        return bool(include_terms) and self.terms is not None

    def closing_text(self, appendix: bool) -> str:
        """The closing sentence: validity and the algemene voorwaarden (where the customer finds them)."""
        where = ("u vindt ze als bijlage bij deze offerte" if appendix else
                 "u ontvangt ze als apart document bij deze offerte en op verzoek kosteloos opnieuw")
        return (f"Deze offerte is geldig tot en met {self.valid_until:%d-%m-%Y}. Op deze offerte zijn onze "
                f"algemene voorwaarden van toepassing ({self.terms_title}); {where}.")

    def _body_html(self, appendix: bool) -> str:
        e = html.escape
        rows = []
        for line in self.line_table().to_dict("records"):
            unit = line.get("eenheid")
            unit_html = "" if _blank(unit) else f"<br><span class='sn-unit'>per {e(str(unit))}</span>"
            rows.append(f"<tr><td class='sn-desc'>{e(line['omschrijving'])}</td>"
                        f"<td class='sn-num'>{e(self._qty(line['aantal']))}</td>"
                        f"<td class='sn-num'>{euro(line['prijs'])}{unit_html}</td>"
                        f"<td class='sn-num'>{_pct(line['btw'])}</td>"
                        f"<td class='sn-num'>{euro(line['totaal'])}</td></tr>")
        sums = []
        body = self.sum_rows()
        for i, (label, amount) in enumerate(body):
            last = i == len(body) - 1
            cls = " class='sn-total'" if last else (" class='sn-first'" if i == 0 else "")
            text = f"<strong>{e(label)}</strong>" if last else e(label)
            value = f"<strong>{euro(amount)}</strong>" if last else euro(amount)
            sums.append(f"<tr{cls}><td colspan='4' class='sn-sumlabel'>{text}</td>"
                        f"<td class='sn-num'>{value}</td></tr>")
        sign = "".join(f"<div class='sn-field'><span>{label}</span></div>"
                       for label in ("Naam", "Datum", "Handtekening"))
        return (
            f"<h2>Offerte {e(self.number)}</h2>"
            f"<div class='sn-parties'>{self._party_html(self.seller, 'Van')}"
            f"{self._party_html(self.customer, 'Aan')}</div>"
            f"<p>Datum: {self.date:%d-%m-%Y}<br>Offertenummer: {e(self.number)}<br>"
            f"Geldig tot en met: {self.valid_until:%d-%m-%Y}</p>"
            f"<table class='sn-lines'><thead><tr><th class='sn-desc'>Omschrijving</th>"
            f"<th class='sn-num'>Aantal</th><th class='sn-num'>Prijs per eenheid (excl.&nbsp;btw)</th>"
            f"<th class='sn-num'>Btw</th><th class='sn-num'>Bedrag (excl.&nbsp;btw)</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody><tfoot>{''.join(sums)}</tfoot></table>"
            f"<p>{e(self.closing_text(appendix))}</p>"
            f"<div class='sn-sign'><strong>Voor akkoord</strong> (namens {e(self.customer['naam'])})"
            f"<div class='sn-fields'>{sign}</div></div>"
        )

    def _repr_html_(self) -> str:
        return (f"<div class='sn-offerte'><style>{_css()}</style>"
                f"{self._body_html(self.has_appendix())}</div>")

    def to_html(self, *, include_terms=True) -> str:
        """A complete HTML document (UTF-8), with the algemene voorwaarden (``terms``) as an appendix
        when ``include_terms`` and the offerte has a terms text."""
        appendix = self.has_appendix(include_terms)
        terms = ""
        if appendix:
            terms = f"<section class='sn-terms'><p><em>Bijlage bij offerte {html.escape(self.number)}</em></p>" \
                    f"{_terms_html(self.terms)}</section>"
        return (
            "<!DOCTYPE html>\n<html lang='nl'><head><meta charset='utf-8'>"
            f"<title>Offerte {html.escape(self.number)}</title><style>{_css()}</style></head>"
            f"<body><div class='sn-offerte'>{self._body_html(appendix)}</div>{terms}</body></html>\n"
        )

    def write(self, path=None, *, include_terms=True) -> Path:
        """Write the offerte as an HTML file; returns the path.

        Default: ``offerte_<nummer>.html`` in :func:`output_dir` (``mijn-notebooks/uitvoer``
        in the course folder, which git ignores). Open the file in a browser and print it,
        or save it as PDF (Ctrl+P → Opslaan als PDF).
        """
        if path is None:
            path = output_dir() / f"offerte_{_safe_name(self.number)}.html"
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.to_html(include_terms=include_terms), encoding="utf-8")
        return path

    def write_pdf(self, path=None, *, include_terms=True) -> Path:
        """Write the offerte as an A4 PDF (matplotlib, no extra library); returns the path.

        Page 1 holds the offerte, the next pages the algemene voorwaarden. All text is drawn
        literally (no math parsing of ``$``). Default path: :func:`output_dir`.
        """
        import matplotlib
        from matplotlib.backends.backend_pdf import PdfPages

        if path is None:
            path = output_dir() / f"offerte_{_safe_name(self.number)}.pdf"
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pages = _pdf_pages(self, include_terms, font=_PDF_CORE)
        # Helvetica (a PDF core font) is drawn without font files and is several times faster than
        # an embedded TrueType font; it only covers cp1252, so other characters use DejaVu Sans.
        core = all(_cp1252(text.get_text()) for page in pages for text in page.axes[0].texts)
        if not core:
            pages = _pdf_pages(self, include_terms, font=_PDF_EMBEDDED)
        # local rc settings: nothing global changes
        with matplotlib.rc_context({"pdf.use14corefonts": core}), \
                PdfPages(path, metadata={"Title": f"Offerte {self.number}", "Creator": "salesnb"}) as pdf:
            for page in pages:
                pdf.savefig(page)
        return path

    def to_csv(self, path) -> Path:
        """Write the lines as CSV (``;``-separated, Dutch Excel); text cells are neutralised (csv_safe)."""
        path = Path(path)
        table = self.line_table()
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["offerte", "klant", "omschrijving", "aantal", "prijs_excl_btw", "btw", "totaal_excl_btw"])
            for _, line in table.iterrows():
                writer.writerow([csv_safe(self.number), csv_safe(self.customer["naam"]),
                                 csv_safe(line["omschrijving"]), str(line["aantal"]), str(line["prijs"]),
                                 str(line["btw"]), str(line["totaal"])])
        return path

    def __repr__(self) -> str:
        t = self.totals()
        return (f"Offerte {self.number} aan {self.customer['naam']} ({self.date:%d-%m-%Y}, geldig tot "
                f"{self.valid_until:%d-%m-%Y}): {len(self.lines)} {'regel' if len(self.lines) == 1 else 'regels'}, "
                f"totaal incl. btw "
                f"{euro(t['totaal_incl_btw'])}")


def output_dir() -> Path:
    """Where offertes are written: ``mijn-notebooks/uitvoer`` in the course folder (found from the
    working directory upwards by its ``course.py``), else ``uitvoer`` in the working directory.

    >>> output_dir().name
    'uitvoer'
    """
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "course.py").is_file() and (folder / "salesnb").is_dir():
            return folder / "mijn-notebooks" / "uitvoer"
    return here / "uitvoer"


def display_path(path) -> str:
    """A path for display: relative to the course folder when inside it (stable across machines).

    >>> display_path(output_dir() / "offerte_1.html").endswith("uitvoer/offerte_1.html")
    True
    """
    path = Path(path).resolve()
    base = output_dir().parent.parent if output_dir().parent.name == "mijn-notebooks" else Path.cwd()
    try:
        return path.relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.name


def prospect_address(prospect) -> dict:
    """Name and address of a prospect or lead for an offerte (stappenplan fase 3).

    Uses the row's own ``street``/``postcode``/``city`` when present. The sample data keeps no
    address for prospects and leads, so otherwise a fictional address is derived from the row's
    id and province (deterministic: the same prospect always gets the same address).

    >>> prospect_address({"name": "Zorggroep X", "street": "Laan 1", "postcode": "1234 AB",
    ...                   "city": "Ede"})
    {'naam': 'Zorggroep X', 'adres': 'Laan 1', 'postcode': '1234 AB', 'plaats': 'Ede'}
    >>> prospect_address({"name": "Y", "lead_id": 7, "province": "Utrecht"})["plaats"] in (
    ...     "Utrecht", "Amersfoort", "Veenendaal", "Zeist", "Nieuwegein")
    True
    """
    row = prospect.to_dict() if isinstance(prospect, pd.Series) else dict(prospect)
    out = {key: _get(row, key, _ALIASES) for key in _PARTY_FIELDS}
    out["naam"] = _get(row, "naam", {"naam": ("naam", "name", "company")})
    if all(not _blank(out[k]) for k in ("adres", "postcode", "plaats")):
        return out
    from . import data

    provinces = getattr(data, "PROVINCES", {})
    streets = getattr(data, "STREETS", ("Stationsweg",))
    key = next((row[k] for k in ("prospect_id", "lead_id", "customer_id") if k in row and not _blank(row[k])),
               None)
    number = int(key) if key is not None else sum(map(ord, str(out["naam"] or "")))
    info = provinces.get(str(row.get("province")))
    if info is None:
        city, low, high = "Amersfoort", 3800, 3829
    else:
        city, (low, high) = info[1][number % len(info[1])], info[2]
    letters = "ABCEGHJKLMNPRTVWXZ"
    out["adres"] = f"{streets[number % len(streets)]} {1 + number * 7 % 179}"
    out["postcode"] = (f"{low + number * 37 % (high - low + 1)} "
                       f"{letters[number % len(letters)]}{letters[number // 7 % len(letters)]}")
    out["plaats"] = city
    return out


_A4 = (8.27, 11.69)


def _pdf_page():
    from matplotlib.figure import Figure

    fig = Figure(figsize=_A4)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    return fig, ax


# (family, weight of normal text): Helvetica's AFM metrics say "Medium"; asking for "normal"
# would make matplotlib log a font-weight warning for every text.
_PDF_CORE = ("Helvetica", "medium")
_PDF_EMBEDDED = ("DejaVu Sans", "normal")


def _cp1252(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _pdf_text(ax, x, y, text, *, font=_PDF_EMBEDDED, **kwargs):
    kwargs.setdefault("fontsize", 9)
    kwargs.setdefault("va", "top")
    if kwargs.get("fontweight", "normal") == "normal":
        kwargs["fontweight"] = font[1]
    return ax.text(x, y, str(text), parse_math=False, family=font[0], **kwargs)


def _pdf_pages(offerte: "Offerte", include_terms: bool, font=_PDF_EMBEDDED) -> list:
    """Lay out the offerte (and the terms) on A4 pages with matplotlib text, numbered "pagina 1 van 2".

    ``font`` is (family, weight of normal text): :data:`_PDF_CORE` (Helvetica, needs the rc
    setting ``pdf.use14corefonts``) or :data:`_PDF_EMBEDDED` (DejaVu Sans, any character).
    """
    import functools
    import textwrap

    _text = functools.partial(_pdf_text, font=font)

    line = 0.0155
    left, right = 0.08, 0.92
    appendix = offerte.has_appendix(include_terms)
    fig, ax = _pdf_page()
    pages = [fig]

    def new_page():
        nonlocal fig, ax
        fig, ax = _pdf_page()
        pages.append(fig)
        _text(ax, left, 0.965, f"Offerte {offerte.number} (vervolg)", fontsize=7, color="#555")
        return 0.94

    _text(ax, left, 0.95, f"Offerte {offerte.number}", fontsize=16, fontweight="bold")
    deepest = 0
    for x, title, party in ((left, "Van", offerte.seller), (0.55, "Aan", offerte.customer)):
        rows = [party["naam"], party["adres"], f"{party['postcode']} {party['plaats']}"]
        rows += [f"{k}: {v}" for k, v in party.items() if k not in _PARTY_FIELDS]
        _text(ax, x, 0.91, title, fontweight="bold")
        for i, row in enumerate(rows, start=1):
            _text(ax, x, 0.91 - i * line, textwrap.shorten(str(row), 60, placeholder="…"))
        deepest = max(deepest, len(rows))
    y = 0.91 - (deepest + 2) * line
    for row in (f"Datum: {offerte.date:%d-%m-%Y}", f"Offertenummer: {offerte.number}",
                f"Geldig tot en met: {offerte.valid_until:%d-%m-%Y}"):
        _text(ax, left, y, row)
        y -= line
    y -= line
    # columns: description left, numbers right-aligned at these x positions
    columns = ((left, "Omschrijving", "left"), (0.58, "Aantal", "right"), (0.725, "Prijs per", "right"),
               (0.795, "Btw", "right"), (right, "Bedrag", "right"))

    def header(y):
        for x, title, ha in columns:
            _text(ax, x, y, title, fontweight="bold", ha=ha)
        _text(ax, columns[2][0], y - line * 0.85, "eenheid", fontweight="bold", ha="right")
        y -= line * 2.0
        ax.plot([left, right], [y + line * 0.3] * 2, color="black", lw=0.8)
        return y

    y = header(y)
    for line_ in offerte.line_table().to_dict("records"):
        wrapped = textwrap.wrap(str(line_["omschrijving"]), 58) or [""]
        unit = [] if _blank(line_["eenheid"]) else [f"per {line_['eenheid']}"]
        height = max(len(wrapped), 1 + len(unit))
        if y - height * line < 0.12:
            y = header(new_page())
        values = (offerte._qty(line_["aantal"]), euro(line_["prijs"]), _pct(line_["btw"]), euro(line_["totaal"]))
        for (x, _, ha), value in zip(columns[1:], values):
            _text(ax, x, y, value, ha=ha)
        for part in unit:
            _text(ax, columns[2][0], y - line, part, ha="right", fontsize=7.5, color="#444")
        for i, part in enumerate(wrapped):
            _text(ax, left, y - i * line, part)
        y -= height * line + line * 0.45
    rows = offerte.sum_rows()
    closing = textwrap.wrap(offerte.closing_text(appendix), 100)
    needed = (len(rows) + len(closing) + 10) * line
    if y - needed < 0.05:
        y = new_page()
    ax.plot([left, right], [y + line * 0.2] * 2, color="black", lw=0.8)
    y -= line * 0.4
    for i, (label, value) in enumerate(rows):
        last = i == len(rows) - 1
        if last:
            ax.plot([0.50, right], [y + line * 0.25] * 2, color="black", lw=0.8)
            y -= line * 0.2
        bold = "bold" if last else "normal"
        _text(ax, 0.50, y, label, fontweight=bold)
        _text(ax, right, y, euro(value), ha="right", fontweight=bold)
        y -= line
    y -= line
    for part in closing:
        _text(ax, left, y, part)
        y -= line
    y -= line * 1.5
    _text(ax, left, y, "Voor akkoord", fontweight="bold")
    _text(ax, left + 0.135, y, f"(namens {textwrap.shorten(offerte.customer['naam'], 60, placeholder='…')})")
    y -= line * 2.2
    for label in ("Naam", "Datum", "Handtekening"):
        _text(ax, left, y, f"{label}:")
        ax.plot([left + 0.13, 0.55], [y - line * 0.75] * 2, color="black", lw=0.5)
        y -= line * (2.2 if label != "Handtekening" else 3)
    if appendix:
        y = new_page()
        _text(ax, left, y, f"Bijlage bij offerte {offerte.number}", fontstyle="italic", fontsize=8)
        y -= line * 1.5
        for raw in offerte.terms.splitlines():
            text = raw.strip().replace("*", "")
            if not text:
                y -= line * 0.4
                continue
            size, weight, width, indent = 8, "normal", 110, 0.0
            if text.startswith("# "):
                text, size, weight, width = text[2:], 12, "bold", 70
            elif text.startswith("## "):
                text, size, weight, width = text[3:], 9, "bold", 100
            elif text[:1].isdigit() and ". " in text[:6]:
                number, _, rest = text.partition(". ")
                parts = textwrap.wrap(rest, 104)
                for i, part in enumerate(parts):
                    if y < 0.06:
                        y = new_page()
                    if i == 0:
                        _text(ax, left, y, f"{number}.", fontsize=size)
                    _text(ax, left + 0.03, y, part, fontsize=size)
                    y -= line * (size / 9)
                continue
            for part in textwrap.wrap(text, width):
                if y < 0.06:
                    y = new_page()
                _text(ax, left + indent, y, part, fontsize=size, fontweight=weight)
                y -= line * (size / 9)
    for number, page in enumerate(pages, start=1):
        page.axes[0].text(0.5, 0.025, f"pagina {number} van {len(pages)}", ha="center", va="bottom",
                          fontsize=7.5, color="#555", parse_math=False, family=font[0],
                          fontweight=font[1])
    return pages


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text)


def _css() -> str:
    return resources.files("salesnb").joinpath("resources/offerte.css").read_text("utf-8")


# ---------------------------------------------------------------------------------------------
# the sample company's offerte for a prospect
# ---------------------------------------------------------------------------------------------

_EXTRA_LABELS = {"kvk": "KvK", "btw": "btw-nummer", "iban": "IBAN", "email": "e-mail",
                 "phone": "telefoon", "website": "website"}


def seller_from_company(company=None) -> dict:
    """The seller block of an offerte from ``salesnb.data.COMPANY`` (or another dict like it).

    >>> seller_from_company({"name": "X B.V.", "street": "Weg 1", "postcode": "1234 AB",
    ...                      "city": "Ede", "kvk": "123"})
    {'naam': 'X B.V.', 'adres': 'Weg 1', 'postcode': '1234 AB', 'plaats': 'Ede', 'KvK': '123'}
    """
    if company is None:
        from .data import COMPANY as company
    out = {}
    for key in _PARTY_FIELDS:
        value = _get(company, key, _ALIASES)
        if value is not None:
            out[key] = value
    for key, label in _EXTRA_LABELS.items():
        if key in company and not _blank(company[key]):
            out[label] = str(company[key])
    return out


def offerte_lines(items, products, *, product="product", price="unit_price", vat="vat_rate",
                  unit="unit") -> list[dict]:
    """Offerte lines from (product name, quantity) pairs, with price and VAT from ``products``.

    The unit goes into the line's ``eenheid`` (shown as "per kg" under the price).

    >>> products = pd.DataFrame({"product": ["Koffiebonen", "Thee (doos 100)"], "unit": ["kg", "doos"],
    ...                          "unit_price": [18.5, 9.8], "vat_rate": [0.09, 0.09]})
    >>> [(line["omschrijving"], line["eenheid"])
    ...  for line in offerte_lines([("Koffiebonen", 20), ("Thee (doos 100)", 2)], products)]
    [('Koffiebonen', 'kg'), ('Thee (doos 100)', 'doos')]
    """
    from . import _validate as v

    v.table(products, "products", [product, price, vat])
    lookup = products.set_index(products[product].astype(str))
    lines, unknown = [], []
    for name, qty in items:
        if str(name) not in lookup.index:
            unknown.append(str(name))
            continue
        row = lookup.loc[str(name)]
        eenheid = str(row[unit]) if unit in lookup.columns and not _blank(row[unit]) else None
        lines.append({"omschrijving": str(name), "aantal": qty, "prijs": float(row[price]),
                      "btw": float(row[vat]), "eenheid": eenheid})
    if unknown:
        raise OfferteError([f"product {u!r} staat niet in de productenlijst" for u in unknown])
    return lines


def offerte_for(customer, items, *, products=None, date=None, valid_days=30, number=None,
                company=None) -> "Offerte":
    """Offerte van het voorbeeldbedrijf (stappenplan fase 3) for one customer or prospect.

    ``customer`` is a row (Series or dict) with name and address (``name``, ``street``,
    ``postcode``, ``city``, or the Dutch keys); ``items`` are (product name, quantity) pairs;
    prices and VAT rates come from ``products`` (default ``salesnb.load("products")``).

    >>> products = pd.DataFrame({"product": ["Koffiebonen 1 kg", "Koffiemachine"],
    ...     "unit_price": [20.0, 1000.0], "vat_rate": [0.09, 0.21], "unit": ["kg", "stuk"]})
    >>> klant = {"name": "Bakkerij Jansen", "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ede"}
    >>> offerte = offerte_for(klant, [("Koffiebonen 1 kg", 10), ("Koffiemachine", 1)],
    ...                       products=products, date="2026-01-15", number="OF-1")
    >>> offerte   # 9% of 200 = 18 and 21% of 1000 = 210
    Offerte OF-1 aan Bakkerij Jansen (15-01-2026, geldig tot 14-02-2026): 2 regels, totaal incl. btw € 1.428,00
    """
    if products is None:
        from .data import load

        products = load("products")
    customer = customer.to_dict() if isinstance(customer, pd.Series) else dict(customer or {})
    party = {key: _get(customer, key, _ALIASES) for key in _PARTY_FIELDS}
    if _blank(party["naam"]) and not _blank(customer.get("company")):
        party["naam"] = customer["company"]
    return make_offerte(seller_from_company(company), party, offerte_lines(items, products),
                        date=date, valid_days=valid_days, number=number)
