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
import hashlib
import math
import numbers
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import pandas as pd

from ._validate import Problems, text_decimal
from ._validate import short_repr as _short
from .errors import InputError, OfferteError
from .vocabulary import COMPANY

__all__ = [
    "Offerte",
    "make_offerte",
    "euro",
    "VAT_RATES",
    "KOR",
    "PERIODS",
    "TERMS_TITLE",
    "terms_text",
    "seller_from_company",
    "offerte_lines",
    "offerte_for",
    "prospect_address",
    "output_dir",
    "display_path",
]

#: The Dutch VAT rates: 21% (algemeen), 9% (laag: food and non-alcoholic drinks) and 0% (nultarief, e.g.
#: export). A seller under the kleineondernemersregeling charges none: write ``"KOR"``.
VAT_RATES = (Decimal("0.21"), Decimal("0.09"), Decimal("0"))

#: The ``btw`` value of a line when the seller uses the kleineondernemersregeling (no VAT at all).
KOR = "KOR"
_KOR_TEXT = "geen btw (KOR)"

#: Recurring periods a line can have (``periode``), with the Dutch word shown.
PERIODS = {"maand": "maand", "kwartaal": "kwartaal", "jaar": "jaar"}

#: Title of the company's general terms, referred to on every offerte.
TERMS_TITLE = f"Algemene voorwaarden {COMPANY['name']}"

CENT = Decimal("0.01")

# Sentinel: "attach the sample company's terms when the title is theirs".
_SAMPLE_TERMS = object()

# Required fields of a party: key -> Dutch label; the optional ones are shown with their label.
_PARTY_FIELDS = {"naam": "naam", "adres": "adres (straat en huisnummer)", "postcode": "postcode",
                 "plaats": "plaats"}
_SELLER_REQUIRED = {**_PARTY_FIELDS, "kvk": "KvK-nummer (8 cijfers, verplicht op een offerte)"}
_SELLER_OPTIONAL = ("btw_id", "iban", "email", "telefoon", "website")
_CUSTOMER_OPTIONAL = ("tav", "kvk", "btw_id", "email", "telefoon")
_LABELS = {"kvk": "KvK", "btw_id": "btw-id", "iban": "IBAN", "email": "e-mail", "telefoon": "telefoon",
           "website": "website", "tav": "t.a.v."}
# English or spelled-out keys accepted for the same field.
_ALIASES = {"naam": ("naam", "name"), "adres": ("adres", "address", "straat", "street"),
            "postcode": ("postcode", "postal_code", "zip"), "plaats": ("plaats", "city", "woonplaats"),
            "kvk": ("kvk", "kvk_nummer"), "btw_id": ("btw_id", "btw_nummer", "vat_id"),
            "iban": ("iban",), "email": ("email", "e-mail"), "telefoon": ("telefoon", "phone"),
            "website": ("website",), "tav": ("tav", "t.a.v.", "contactpersoon")}
_LINE_ALIASES = {"omschrijving": ("omschrijving", "description", "product", "product_name"),
                 "aantal": ("aantal", "quantity", "qty"),
                 "prijs": ("prijs", "price", "unit_price", "stukprijs"),
                 "btw": ("btw", "vat_rate", "vat", "btw_tarief"),
                 "eenheid": ("eenheid", "unit"),
                 "periode": ("periode",),
                 "looptijd_maanden": ("looptijd_maanden",),
                 "opzegtermijn_maanden": ("opzegtermijn_maanden",)}
_PERSON_FIELDS = ("naam", "functie")


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


def terms_lines(text: str) -> list[str]:
    r"""The lines of algemene voorwaarden as written, with continuation lines joined.

    A line that starts with spaces continues the line above it, so a long article can be typed
    over several short lines in a notebook cell.

    >>> terms_lines("1. Eerste zin\n   loopt door.\n\n2. Tweede")
    ['1. Eerste zin loopt door.', '', '2. Tweede']
    """
    lines: list[str] = []
    for raw in str(text).splitlines():
        if raw[:1].isspace() and raw.strip() and lines and lines[-1].strip():
            lines[-1] = f"{lines[-1].rstrip()} {raw.strip()}"
        else:
            lines.append(raw)
    return lines


def terms_text() -> str:
    """De algemene voorwaarden van het voorbeeldbedrijf (stappenplan fase 4), as Markdown text.

    The text follows Dutch law: the terms apply because the offerte refers to them and the
    customer accepts (art. 6:232 BW); they go with every offerte, so that a customer cannot
    void a clause for not having had them (6:233-6:234; a large counterparty cannot anyway,
    6:235); the customer's purchasing terms do not apply unless it explicitly rejects these
    (6:225 lid 3); an offerte with a 'geldig tot' date cannot be revoked before that date
    (6:219), so it is never 'vrijblijvend'; retention of title covers sold machines only,
    leased ones stay Brandwijk's. VAT: 9% for food and non-alcoholic drinks, 21% for the rest.

    >>> terms_text().splitlines()[0]
    '# Algemene voorwaarden Brandwijk Koffie & Vending B.V.'
    """
    return resources.files("salesnb").joinpath("resources/algemene_voorwaarden.md").read_text("utf-8")


# ---------------------------------------------------------------------------------------------
# validation helpers: each returns (value, problem) so that all problems are collected
# ---------------------------------------------------------------------------------------------

_UNREADABLE = (" (schrijf een getal als 1250 of 12.50, of als tekst '1.250' of '12,50'; vanaf een biljoen is "
               "het een tikfout)")


def _decimal(value) -> Decimal | None:
    # one reading of typed numbers for the whole package: "1.250" is 1250, "12,50" is 12.5,
    # and an amount beyond what a Decimal computes with is no amount
    return text_decimal(value)


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


def _unknown(mapping, known: dict, who: str, problems: list[str]) -> None:
    """Every key of ``mapping`` that is no field (nor an alias of one) is a problem naming the known ones."""
    aliases = {alias for key in known for alias in _ALIASES.get(key, _LINE_ALIASES.get(key, (key,)))}
    for key in mapping:
        if key not in aliases and key not in known:
            problems.append(f"{who}: onbekend veld {key!r}; bekende velden zijn {', '.join(known)}")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _party(value, who: str, problems: list[str], *, required: dict, optional: tuple) -> dict:
    if isinstance(value, pd.Series):
        value = value.to_dict()
    if not isinstance(value, dict):
        problems.append(f"de gegevens van {who} ontbreken (geef een dict met {', '.join(required)})")
        return {}
    _unknown(value, {**required, **{k: k for k in optional}}, f"de gegevens van {who}", problems)
    party = {}
    for key in (*required, *optional):
        item = _get(value, key, _ALIASES)
        label = required.get(key, _LABELS.get(key, key))
        if _blank(item):
            if key in required:
                problems.append(f"{label} van {who} ontbreekt")
        elif not isinstance(item, str):
            problems.append(f"{label} van {who} moet tekst zijn, maar is {item!r}")
        else:
            party[key] = item.strip()
    if "kvk" in party and len(_digits(party["kvk"].split("(")[0])) != 8:
        problems.append(f"het KvK-nummer van {who} heeft 8 cijfers, maar is {party['kvk']!r}")
    return party


def _person(value, who: str, problems: list[str]) -> dict | None:
    """Sender or signatory: ``{"naam": ..., "functie": ...}``, or None when not given."""
    if value is None:
        return None
    if not isinstance(value, dict):
        problems.append(f"{who} moet een dict zijn met naam en functie, maar is {value!r}")
        return None
    _unknown(value, dict.fromkeys(_PERSON_FIELDS), who, problems)
    person = {}
    for key in _PERSON_FIELDS:
        if _blank(value.get(key)) or not isinstance(value.get(key), str):
            problems.append(f"{who}: de {key} ontbreekt (tekst)")
        else:
            person[key] = value[key].strip()
    return person if len(person) == len(_PERSON_FIELDS) else None


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


def _rate(rate, vat_rates, where: str, problems: list[str]):
    """The VAT rate of a line: a Decimal from ``vat_rates``, or :data:`KOR`; None after a problem."""
    if isinstance(rate, str) and rate.strip().upper() in (KOR, _KOR_TEXT.upper()):
        return KOR
    allowed = ", ".join(_pct(r) for r in vat_rates) + f" of {KOR!r} ({_KOR_TEXT})"
    r = _decimal(rate)
    if r is not None and r >= 1 and r / 100 in vat_rates:
        problems.append(f"{where}: btw-tarief {rate!r} is een percentage; schrijf {r / 100} "
                        f"(een fractie, {_pct(r / 100)})")
    elif r is None or r not in vat_rates:
        problems.append(f"{where}: btw-tarief {rate!r} bestaat niet; kies {allowed} "
                        f"(als fractie: {' of '.join(str(x) for x in vat_rates)})")
    else:
        return next(x for x in vat_rates if x == r)
    return None


def _whole(value, label: str, where: str, problems: list[str], minimum: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < minimum:
        problems.append(f"{where}: {label} moet een geheel aantal maanden van minstens {minimum} zijn, "
                        f"maar is {value!r}")
        return None
    return int(value)


def _recurrence(line: dict, where: str, problems: list[str]) -> dict | None:
    """Period, contract term and notice period of a line; one-off lines have neither term."""
    period = line.get("periode")
    term, notice = line.get("looptijd_maanden"), line.get("opzegtermijn_maanden")
    if _blank(period) or str(period).strip().lower() == "eenmalig":
        if term is not None or notice is not None:
            problems.append(f"{where}: looptijd en opzegtermijn horen bij een terugkerende regel; geef ook "
                            f"'periode' ({', '.join(PERIODS)}) of laat ze weg")
            return None
        return {"periode": None, "looptijd_maanden": None, "opzegtermijn_maanden": None}
    period = str(period).strip().lower().removeprefix("per ")
    if period not in PERIODS:
        problems.append(f"{where}: periode {line.get('periode')!r} bestaat niet; kies 'eenmalig' of "
                        f"{', '.join(repr(p) for p in PERIODS)}")
        return None
    term = _whole(term, "de looptijd van het contract (looptijd_maanden)", where, problems, 1)
    notice = _whole(notice, "de opzegtermijn (opzegtermijn_maanden)", where, problems, 0)
    if term is None or notice is None:
        return None
    return {"periode": period, "looptijd_maanden": term, "opzegtermijn_maanden": notice}


def _line(line, where: str, vat_rates, problems: list[str]) -> dict | None:
    if not isinstance(line, dict):
        problems.append(f"{where} moet een dict zijn met omschrijving, aantal, prijs en btw")
        return None
    _unknown(line, _LINE_ALIASES, where, problems)
    start = len(problems)
    text, qty, price, rate = (_get(line, key, _LINE_ALIASES) for key in ("omschrijving", "aantal", "prijs", "btw"))
    if _blank(text):
        problems.append(f"{where}: de omschrijving van het product of de dienst ontbreekt")
    for value, label in ((qty, "het aantal"), (price, "de prijs per eenheid (excl. btw)"),
                         (rate, "het btw-tarief")):
        if _blank(value):
            problems.append(f"{where}: {label} ontbreekt")
    q, p = _decimal(qty), _decimal(price)
    if not _blank(qty) and (q is None or q <= 0):
        problems.append(f"{where}: het aantal moet een getal groter dan 0 zijn, maar is {_short(qty)}"
                        + (_UNREADABLE if q is None else ""))
    if not _blank(price) and (p is None or p < 0):
        problems.append(f"{where}: de prijs moet een bedrag van 0 of meer zijn, maar is {_short(price)}"
                        + (_UNREADABLE if p is None else ""))
    r = None if _blank(rate) else _rate(rate, vat_rates, where, problems)
    recurrence = _recurrence(line, where, problems)
    if len(problems) > start:
        return None
    unit = _get(line, "eenheid", _LINE_ALIASES)
    return {"omschrijving": str(text).strip(), "aantal": q, "prijs": p, "btw": r,
            "eenheid": None if _blank(unit) else str(unit).strip(), **recurrence}


def _lines(lines, vat_rates, problems: list[str]) -> list[dict]:
    if isinstance(lines, pd.DataFrame):
        lines = lines.to_dict("records")
    if lines is None or isinstance(lines, (str, bytes, dict)) or len(lines) == 0:
        problems.append("de offerte heeft geen regels met producten of diensten (geef minstens één regel)")
        return []
    clean = [_line(line, f"regel {i}", vat_rates, problems) for i, line in enumerate(lines, start=1)]
    clean = [line for line in clean if line is not None]
    kor = [line["btw"] == KOR for line in clean]
    if any(kor) and not all(kor):
        problems.append(f"de kleineondernemersregeling geldt voor al je omzet: zet bij elke regel btw={KOR!r}, "
                        f"of bij geen enkele")
    return clean


def _validity(when, valid_days, valid_until, problems: list[str]) -> _dt.date | None:
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
    return until


def _terms(terms_title, terms, problems: list[str]):
    if _blank(terms_title):
        problems.append("de algemene voorwaarden ontbreken: geef de titel van het document dat van "
                        "toepassing is (terms_title)")
    if terms is _SAMPLE_TERMS:
        return terms_text() if terms_title == TERMS_TITLE else None
    if terms is not None and (not isinstance(terms, str) or not terms.strip()):
        problems.append("de tekst van de algemene voorwaarden (terms) moet tekst zijn, of None als je ze "
                        "apart meestuurt")
    return terms


def _offerte_number(when: _dt.date, seller: dict, customer: dict, lines: list[dict]) -> str:
    """OF-<date>-<6 hex digits of the content>: another customer, line or date gives another number."""
    content = repr((when.isoformat(), sorted(seller.items()), sorted(customer.items()),
                    [sorted((k, str(v)) for k, v in line.items()) for line in lines]))
    return f"OF-{when:%Y%m%d}-{hashlib.sha256(content.encode('utf-8')).hexdigest()[:6].upper()}"


def make_offerte(seller, client, lines, *, offerte_date=None, valid_days=30, valid_until=None,
                 delivery_date=None, payment_days=30, sender=None, signatory=None, number=None,
                 terms_title=TERMS_TITLE, terms=_SAMPLE_TERMS, vat_rates=VAT_RATES,
                 vat_rounding="per_tarief") -> "Offerte":
    """Maak een offerte (stappenplan fase 3): check every required field, then compute.

    ``seller``: dict with ``naam``, ``adres``, ``postcode``, ``plaats`` and ``kvk`` (required on
    an offerte), optionally ``btw_id``, ``iban``, ``email``, ``telefoon``, ``website``.
    ``client`` (the customer): ``naam``, ``adres``, ``postcode``, ``plaats``, optionally ``tav`` (the contact
    person), ``kvk``, ``btw_id``, ``email``, ``telefoon``. ``lines``: dicts (or a DataFrame) with
    ``omschrijving``, ``aantal``, ``prijs`` (per unit, excl. btw), ``btw`` (0.21, 0.09, 0 or
    ``"KOR"``), optionally ``eenheid`` ("kg", "uur") and for a recurring amount ``periode``
    ("maand", "kwartaal", "jaar") with ``looptijd_maanden`` and ``opzegtermijn_maanden``.
    An unknown key anywhere is an error that names the known ones: nothing is dropped silently.

    ``sender`` and ``signatory``: ``{"naam": ..., "functie": ...}`` (the signatory defaults to the
    sender). ``payment_days``: betalingstermijn; ``delivery_date``: leverdatum. The offerte is valid
    ``valid_days`` days from ``offerte_date`` (default today), or until ``valid_until``. The default
    ``number`` is unique for its content (date, parties, lines). ``terms`` is the text of the
    algemene voorwaarden (Markdown) attached as an appendix; ``None``: sent separately. The sample
    company's :func:`terms_text` is attached only when ``terms_title`` is :data:`TERMS_TITLE`.

    VAT: ``vat_rounding="per_tarief"`` (default) computes the VAT once per rate on the subtotal of
    that rate, rounded half up to the cent; ``"per_regel"`` rounds per line (both are allowed).
    Raises :class:`OfferteError` naming every missing or malformed field at once.

    >>> seller = {"naam": "Verkoper BV", "adres": "Markt 1", "postcode": "3811 AA",
    ...           "plaats": "Amersfoort", "kvk": "12345678"}
    >>> o = make_offerte(seller, {"naam": "Klant BV", "adres": "Laan 2", "postcode": "1000 AA",
    ...                           "plaats": "Amsterdam", "tav": "mevrouw J. de Vries"},
    ...                  [{"omschrijving": "Koffiebonen 1 kg", "aantal": 10, "prijs": 12.5, "btw": 0.09},
    ...                   {"omschrijving": "Koffiemachine", "aantal": 1, "prijs": 1000, "btw": 0.21}],
    ...                  offerte_date="2026-03-02")
    >>> o.totals()["totaal_incl_btw"], o.valid_until
    (Decimal('1346.25'), datetime.date(2026, 4, 1))
    >>> make_offerte({"naam": "Verkoper BV", "kleur": "rood"}, {}, [], offerte_date="2026-03-02")
    Traceback (most recent call last):
    ...
    salesnb.errors.OfferteError: De offerte is niet compleet of niet juist (10 punten):
      - de gegevens van de verkoper: onbekend veld 'kleur'; bekende velden zijn naam, adres, ...
    ...
    """
    rates = tuple(_decimal(r) for r in vat_rates)
    if any(r is None or not (0 <= r < 1) for r in rates) or not rates:
        raise InputError("'vat_rates' moet een lijst van btw-tarieven als fractie zijn, bv. (0.21, 0.09, 0).")
    if vat_rounding not in ("per_tarief", "per_regel"):
        raise InputError(f"'vat_rounding' moet 'per_tarief' of 'per_regel' zijn, maar is {vat_rounding!r}.")
    problems = Problems()
    seller_ = _party(seller, "de verkoper", problems, required=_SELLER_REQUIRED, optional=_SELLER_OPTIONAL)
    customer_ = _party(client, "de klant", problems, required=_PARTY_FIELDS, optional=_CUSTOMER_OPTIONAL)
    when = _date(_dt.date.today() if offerte_date is None else offerte_date, "de datum van de offerte", problems)
    until = _validity(when, valid_days, valid_until, problems)
    delivery = None if delivery_date is None else _date(delivery_date, "de leverdatum", problems)
    if isinstance(payment_days, bool) or not isinstance(payment_days, numbers.Integral) or payment_days < 0:
        problems.append(f"de betalingstermijn (payment_days) is een geheel aantal dagen, bijvoorbeeld 30, "
                        f"maar is {payment_days!r}")
    sender_ = _person(sender, "de afzender (sender)", problems)
    signatory_ = _person(signatory, "de ondertekenaar (signatory)", problems) or sender_
    terms = _terms(terms_title, terms, problems)
    clean_lines = _lines(lines, rates, problems)
    if number is not None and _blank(number):
        problems.append("het offertenummer is leeg; laat het weg of geef een nummer")
    if problems:
        raise OfferteError(problems)
    if number is None:
        number = _offerte_number(when, seller_, customer_, clean_lines)
    return Offerte(seller_, customer_, clean_lines, when, until, str(number), str(terms_title), vat_rounding,
                   terms=terms, delivery_date=delivery, payment_days=int(payment_days), sender=sender_,
                   signatory=signatory_)


def _months(n: int) -> str:
    return f"{n} {'maand' if n == 1 else 'maanden'}"


class Offerte:
    """A checked quotation; build it with :func:`make_offerte`.

    Attributes: ``seller``, ``customer`` (dicts), ``lines`` (list of dicts with Decimal
    ``aantal``, ``prijs``, ``btw`` (or :data:`KOR`), ``periode`` None for a one-off amount),
    ``date``, ``valid_until``, ``delivery_date``, ``payment_days``, ``sender``, ``signatory``,
    ``number``, ``terms_title``, ``terms`` (the text of the algemene voorwaarden, or ``None``).
    """

    def __init__(self, seller, client, lines, offerte_date, valid_until, number, terms_title,
                 vat_rounding="per_tarief", *, terms=None, delivery_date=None, payment_days=30,
                 sender=None, signatory=None):
        self.seller = dict(seller)
        self.customer = dict(client)
        self.lines = [dict(line) for line in lines]
        self.date = offerte_date
        self.valid_until = valid_until
        self.number = number
        self.terms_title = terms_title
        self.vat_rounding = vat_rounding
        self.terms = terms
        self.delivery_date = delivery_date
        self.payment_days = payment_days
        self.sender = sender
        self.signatory = signatory

    @property
    def kor(self) -> bool:
        """Whether the seller charges no VAT (kleineondernemersregeling)."""
        return bool(self.lines) and all(line["btw"] == KOR for line in self.lines)

    # ---- amounts -----------------------------------------------------------------------------
    def line_table(self, periode="alle") -> pd.DataFrame:
        """The lines with ``totaal`` (aantal × prijs, rounded to the cent) and ``btw_bedrag``;
        ``periode`` None keeps the one-off lines, "maand" the monthly ones, "alle" all."""
        rows = []
        for line in self.lines:
            if periode != "alle" and line["periode"] != periode:
                continue
            rate = Decimal(0) if line["btw"] == KOR else line["btw"]
            total = (line["aantal"] * line["prijs"]).quantize(CENT, rounding=ROUND_HALF_UP)
            rows.append({**line, "totaal": total,
                         "btw_bedrag": (total * rate).quantize(CENT, rounding=ROUND_HALF_UP)})
        return pd.DataFrame(rows, columns=["omschrijving", "eenheid", "periode", "looptijd_maanden",
                                           "opzegtermijn_maanden", "aantal", "prijs", "btw", "totaal",
                                           "btw_bedrag"])

    def periods(self) -> list:
        """The amounts on this offerte: None (one-off) first, then the recurring periods present."""
        present = {line["periode"] for line in self.lines}
        return [p for p in (None, *PERIODS) if p in present]

    def vat_table(self, periode=None) -> pd.DataFrame:
        """Per VAT rate: ``grondslag`` (subtotal excl. btw) and ``btw_bedrag`` of one kind of amount
        (``periode`` None: the one-off amounts; with only recurring lines: the first period)."""
        if periode is None and None not in self.periods() and self.lines:
            periode = self.periods()[0]
        table = self.line_table(periode)
        rows = []
        for rate in sorted(set(table["btw"]), key=lambda r: Decimal(-1) if r == KOR else r, reverse=True):
            part = table[table["btw"] == rate]
            base = sum(part["totaal"], Decimal("0"))
            if self.vat_rounding == "per_tarief" and rate != KOR:
                vat = (base * rate).quantize(CENT, rounding=ROUND_HALF_UP)
            else:
                vat = sum(part["btw_bedrag"], Decimal("0"))
            rows.append({"btw": rate, "grondslag": base, "btw_bedrag": vat})
        return pd.DataFrame(rows, columns=["btw", "grondslag", "btw_bedrag"])

    def totals(self, periode=None) -> dict:
        """``totaal_excl_btw``, ``btw`` and ``totaal_incl_btw`` as Decimals (exact cents), of the
        one-off amounts (``periode`` None) or of one recurring period ("maand")."""
        vat = self.vat_table(periode)
        excl = sum(vat["grondslag"], Decimal("0"))
        tax = sum(vat["btw_bedrag"], Decimal("0"))
        return {"totaal_excl_btw": excl, "btw": tax, "totaal_incl_btw": excl + tax}

    def sum_rows(self, periode=None) -> list[tuple[str, Decimal]]:
        """The totals block as (label, amount) rows, in the usual Dutch order.

        Totaal excl. btw, then the btw per tarief ("Btw 9% over € …" when there is more than one
        rate; with one rate the base equals the total and is not repeated), then Totaal incl. btw.
        """
        vat = self.vat_table(periode)
        t = self.totals(periode)
        rows = [("Totaal excl. btw", t["totaal_excl_btw"])]
        for _, r in vat.iterrows():
            label = f"Btw: {_KOR_TEXT}" if r["btw"] == KOR else f"Btw {_pct(r['btw'])}"
            if len(vat) > 1:
                label += f" over {euro(r['grondslag'])}"
            rows.append((label, r["btw_bedrag"]))
        rows.append(("Totaal incl. btw", t["totaal_incl_btw"]))
        return rows

    def sum_blocks(self) -> list[tuple[str, list[tuple[str, Decimal]]]]:
        """(title, rows) per kind of amount: "Eenmalig", then "Per maand" and so on, kept apart."""
        return [("Eenmalig" if p is None else f"Per {PERIODS[p]}", self.sum_rows(p)) for p in self.periods()]

    # ---- content for the renderers (salesnb.documents.offerte) -------------------------------
    def party_extras(self, party: dict) -> list[str]:
        """The lines of a party block after name and address ("KvK: 12345678", "t.a.v. ...")."""
        return [f"{_LABELS.get(k, k)} {v}" if k == "tav" else f"{_LABELS.get(k, k)}: {v}"
                for k, v in party.items() if k not in _PARTY_FIELDS]

    def quantity_text(self, value) -> str:
        """A quantity in Dutch notation: 2,5 (no trailing zeros)."""
        return f"{value.normalize():f}".replace(".", ",")

    def rate_text(self, rate) -> str:
        """A VAT rate as shown on a line: 21%, 0% or "geen btw (KOR)"."""
        return _KOR_TEXT if rate == KOR else _pct(rate)

    def line_note(self, line: dict) -> str | None:
        """Below a recurring line's description: period, contract term and notice period."""
        if line.get("periode") is None or pd.isna(line.get("periode")):
            return None
        return (f"per {PERIODS[line['periode']]}, looptijd {_months(int(line['looptijd_maanden']))}, "
                f"opzegtermijn {_months(int(line['opzegtermijn_maanden']))}")

    def fact_rows(self) -> list[tuple[str, str]]:
        """The offerte's facts below the parties, as (label, text) rows."""
        rows = [("Datum", f"{self.date:%d-%m-%Y}"), ("Offertenummer", self.number),
                ("Geldig tot en met", f"{self.valid_until:%d-%m-%Y}")]
        if self.delivery_date is not None:
            rows.append(("Leverdatum", f"{self.delivery_date:%d-%m-%Y}"))
        rows.append(("Betalingstermijn", f"{self.payment_days} dagen na factuurdatum"))
        if self.sender is not None:
            rows.append(("Contactpersoon", f"{self.sender['naam']} ({self.sender['functie']})"))
        return rows

    def has_appendix(self, include_terms=True) -> bool:
        """Whether a written file carries the algemene voorwaarden as an appendix."""
        return bool(include_terms) and self.terms is not None

    def closing_text(self, appendix: bool) -> str:
        """The closing sentence: validity and the algemene voorwaarden (where the customer finds them)."""
        where = ("u vindt ze als bijlage bij deze offerte" if appendix else
                 "u ontvangt ze als apart document bij deze offerte en op verzoek kosteloos opnieuw")
        kor = (" Wij maken gebruik van de kleineondernemersregeling (KOR): er wordt geen btw in rekening "
               "gebracht." if self.kor else "")
        return (f"Deze offerte is geldig tot en met {self.valid_until:%d-%m-%Y}. Op deze offerte zijn onze "
                f"algemene voorwaarden van toepassing ({self.terms_title}); {where}.{kor}")

    def signature_lines(self) -> list[str]:
        """The seller's signature: greeting, the signatory's name and function, the company."""
        if self.signatory is None:
            return ["Met vriendelijke groet,", self.seller["naam"]]
        return ["Met vriendelijke groet,", self.signatory["naam"], self.signatory["functie"], self.seller["naam"]]

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
        blocks = self.sum_blocks()
        n = len(self.lines)
        if [title for title, _ in blocks] == ["Eenmalig"]:
            amount = euro(blocks[0][1][-1][1])
        else:
            amount = ", ".join(f"{title.lower()} {euro(rows[-1][1])}" for title, rows in blocks)
        return (f"Offerte {self.number} aan {self.customer['naam']} ({self.date:%d-%m-%Y}, geldig tot "
                f"{self.valid_until:%d-%m-%Y}): {n} {'regel' if n == 1 else 'regels'}, totaal incl. btw {amount}")


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

# the sample company's keys -> the offerte's seller fields
_COMPANY_KEYS = {"kvk": "kvk", "btw": "btw_id", "iban": "iban", "email": "email", "phone": "telefoon",
                 "website": "website"}


def seller_from_company(company=None) -> dict:
    """The seller block of an offerte from ``salesnb.vocabulary.COMPANY`` (or another dict like it).

    >>> seller_from_company({"name": "X B.V.", "street": "Weg 1", "postcode": "1234 AB",
    ...                      "city": "Ede", "kvk": "12345678"})
    {'naam': 'X B.V.', 'adres': 'Weg 1', 'postcode': '1234 AB', 'plaats': 'Ede', 'kvk': '12345678'}
    """
    if company is None:
        company = COMPANY
    out = {}
    for key in _PARTY_FIELDS:
        value = _get(company, key, _ALIASES)
        if value is not None:
            out[key] = value
    for key, field in _COMPANY_KEYS.items():
        if key in company and not _blank(company[key]):
            out[field] = str(company[key])
    return out


def offerte_lines(items, products, *, product_col="product", price_col="unit_price", vat_col="vat_rate",
                  unit_col="unit") -> list[dict]:
    """Offerte lines from (product name, quantity) pairs, with price and VAT from ``products``.

    The unit goes into the line's ``eenheid`` (shown as "per kg" under the price). An item may be
    a dict instead of a pair: ``{"product": ..., "aantal": ..., "periode": "kwartaal",
    "looptijd_maanden": 12, "opzegtermijn_maanden": 3}`` for a recurring line.

    >>> products = pd.DataFrame({"product": ["Koffiebonen", "Thee (doos 100)"], "unit": ["kg", "doos"],
    ...                          "unit_price": [18.5, 9.8], "vat_rate": [0.09, 0.09]})
    >>> [(line["omschrijving"], line["eenheid"])
    ...  for line in offerte_lines([("Koffiebonen", 20), ("Thee (doos 100)", 2)], products)]
    [('Koffiebonen', 'kg'), ('Thee (doos 100)', 'doos')]
    """
    from . import _validate as v

    v.table(products, "products", [product_col, price_col, vat_col])
    lookup = products.set_index(products[product_col].astype(str))
    lines, unknown = [], []
    for item in items:
        extra = dict(item) if isinstance(item, dict) else {"product": item[0], "aantal": item[1]}
        name = str(extra.pop("product", ""))
        if name not in lookup.index:
            unknown.append(name)
            continue
        row = lookup.loc[name]
        eenheid = str(row[unit_col]) if unit_col in lookup.columns and not _blank(row[unit_col]) else None
        lines.append({"omschrijving": name, "prijs": float(row[price_col]), "btw": float(row[vat_col]),
                      "eenheid": eenheid, **extra})
    if unknown:
        raise OfferteError([f"product {u!r} staat niet in de productenlijst" for u in unknown])
    return lines


def offerte_for(client, items, *, products, offerte_date=None, valid_days=30, number=None,
                company=None, **details) -> "Offerte":
    """Offerte van het voorbeeldbedrijf (stappenplan fase 3) for one customer or prospect.

    ``client`` is a row (Series or dict) with name and address (``name``, ``street``,
    ``postcode``, ``city``, or the Dutch keys; ``tav`` names the contact person); ``items`` are
    (product name, quantity) pairs or dicts (see :func:`offerte_lines`); prices and VAT rates come
    from ``products`` (the product list, e.g. ``salesnb.load("products")``; for the sample company
    :func:`salesnb.sample_company.sample_offerte` passes it). ``details`` go to :func:`make_offerte`
    (``sender``, ``signatory``, ``delivery_date``, ``payment_days``).

    >>> products = pd.DataFrame({"product": ["Koffiebonen 1 kg", "Koffiemachine"],
    ...     "unit_price": [20.0, 1000.0], "vat_rate": [0.09, 0.21], "unit": ["kg", "stuk"]})
    >>> klant = {"name": "Bakkerij Jansen", "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Ede"}
    >>> offerte = offerte_for(klant, [("Koffiebonen 1 kg", 10), ("Koffiemachine", 1)],
    ...                       products=products, offerte_date="2026-01-15", number="OF-1")
    >>> offerte   # 9% of 200 = 18 and 21% of 1000 = 210
    Offerte OF-1 aan Bakkerij Jansen (15-01-2026, geldig tot 14-02-2026): 2 regels, totaal incl. btw € 1.428,00
    """
    customer = client.to_dict() if isinstance(client, pd.Series) else dict(client or {})
    party = {key: _get(customer, key, _ALIASES) for key in (*_PARTY_FIELDS, "tav")}
    if _blank(party["naam"]) and not _blank(customer.get("company")):
        party["naam"] = customer["company"]
    party = {k: val for k, val in party.items() if k in _PARTY_FIELDS or not _blank(val)}
    return make_offerte(seller_from_company(company), party, offerte_lines(items, products),
                        offerte_date=offerte_date, valid_days=valid_days, number=number, **details)
