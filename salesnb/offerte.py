"""De offerte (stappenplan fase 3) with the algemene voorwaarden (fase 4).

:func:`make_offerte` checks that a quotation holds everything the course asks for (name and
address of the seller and the customer, date, description, quantity and price of every
product or service, the VAT rate, the validity period and the general terms) and refuses
with one Dutch message that names *every* missing or malformed field
(:class:`OfferteError`). The resulting :class:`Offerte` computes its amounts with
:class:`decimal.Decimal` (exact cents, no float rounding), shows itself as HTML in a
notebook and writes HTML, PDF and CSV files through the renderers in
:mod:`salesnb.documents.offerte`. All text is escaped: a customer called ``<script>`` appears literally.
"""

from __future__ import annotations

import datetime as _dt
import math
import numbers
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import InputError, OfferteError
from .vocabulary import COMPANY

__all__ = [
    "Offerte",
    "make_offerte",
    "euro",
    "VAT_RATES",
    "TERMS_TITLE",
    "terms_text",
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
TERMS_TITLE = f"Algemene voorwaarden {COMPANY['name']}"

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


def terms_text() -> str:
    """De algemene voorwaarden van het voorbeeldbedrijf (stappenplan fase 4), as Markdown text.

    >>> terms_text().splitlines()[0]
    '# Algemene voorwaarden Brandwijk Koffie & Vending B.V.'
    """
    return resources.files("salesnb").joinpath("resources/algemene_voorwaarden.md").read_text("utf-8")


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

    # ---- content for the renderers (salesnb.documents.offerte) -------------------------------
    def party_extras(self, party: dict) -> list[str]:
        """The lines of a party block after name and address ("KvK: 123", "e-mail: ...")."""
        return [f"{k}: {v}" for k, v in party.items() if k not in _PARTY_FIELDS]

    def quantity_text(self, value) -> str:
        """A quantity in Dutch notation: 2,5 (no trailing zeros)."""
        return f"{value.normalize():f}".replace(".", ",")

    def fact_rows(self) -> list[tuple[str, str]]:
        """The offerte's facts below the parties, as (label, text) rows."""
        return [("Datum", f"{self.date:%d-%m-%Y}"), ("Offertenummer", self.number),
                ("Geldig tot en met", f"{self.valid_until:%d-%m-%Y}")]

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

    # ---- output: the renderers live in salesnb.documents.offerte ------------------------------
    def _repr_html_(self) -> str:
        from .documents.offerte import offerte_html

        return offerte_html(self, full_document=False)

    def to_html(self, *, include_terms=True) -> str:
        """A complete HTML document (UTF-8), with the algemene voorwaarden (``terms``) as an appendix
        when ``include_terms`` and the offerte has a terms text."""
        from .documents.offerte import offerte_html

        return offerte_html(self, include_terms=include_terms)

    def write(self, path=None, *, include_terms=True) -> Path:
        """Write the offerte as an HTML file; returns the path.

        Default: ``offerte_<nummer>.html`` in :func:`output_dir` (``mijn-notebooks/uitvoer``
        in the course folder, which git ignores). Open the file in a browser and print it,
        or save it as PDF (Ctrl+P → Opslaan als PDF).
        """
        from .documents.offerte import write_html

        return write_html(self, path, include_terms=include_terms)

    def write_pdf(self, path=None, *, include_terms=True) -> Path:
        """Write the offerte as an A4 PDF (matplotlib, no extra library); returns the path.

        Page 1 holds the offerte, the next pages the algemene voorwaarden; long descriptions run
        on over the next pages. All text is drawn literally (no math parsing of ``$``).
        """
        from .documents.offerte import write_pdf

        return write_pdf(self, path, include_terms=include_terms)

    def to_csv(self, path) -> Path:
        """Write the lines as CSV (``;``-separated, Dutch Excel); text cells are neutralised."""
        from .documents.offerte import write_csv

        return write_csv(self, path)

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


# ---------------------------------------------------------------------------------------------
# the sample company's offerte for a prospect
# ---------------------------------------------------------------------------------------------

_EXTRA_LABELS = {"kvk": "KvK", "btw": "btw-nummer", "iban": "IBAN", "email": "e-mail",
                 "phone": "telefoon", "website": "website"}


def seller_from_company(company=None) -> dict:
    """The seller block of an offerte from ``salesnb.vocabulary.COMPANY`` (or another dict like it).

    >>> seller_from_company({"name": "X B.V.", "street": "Weg 1", "postcode": "1234 AB",
    ...                      "city": "Ede", "kvk": "123"})
    {'naam': 'X B.V.', 'adres': 'Weg 1', 'postcode': '1234 AB', 'plaats': 'Ede', 'KvK': '123'}
    """
    if company is None:
        company = COMPANY
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
