"""The display layer: Dutch number formatting and the one way to show a table.

Everything a student reads goes through this module: sentences in notebooks, table
cells, chart labels and widget readouts all call the same formatters, so a number
looks the same everywhere (thousands ``.``, decimals ``,``, ``€ 1.234``, ``12,3%``,
``NPS +20``, dates ``31-12-2025``, ``ja``/``nee``).

>>> format_euro(1234.5, decimals=2), format_euro(5500)
('€ 1.234,50', '€ 5.500')
>>> format_percent(0.123), format_number(1773), format_nps(20), format_nps(-5)
('12,3%', '1.773', '+20', '-5')
>>> format_date("2025-12-31"), yes_no(True), plural(2, "bezoek", "bezoeken")
('31-12-2025', 'ja', '2 bezoeken')

Missing and non-finite values: every formatter shows **'–'** (an en dash) for a
missing value (``None``, ``NaN``, ``pd.NA``, ``NaT``) and for ``inf``/``-inf`` (a
division by zero has no value a reader can use). Anything that is not a number (text,
``True``) raises an :class:`~salesnb.errors.InputError`. Negative numbers use the
ASCII minus so that a student can copy a shown number into an answer cell.

Tables: :func:`show_table` formats each column by, in this order, the explicit
``formats=`` argument, the registry :data:`COLUMN_FORMATS` (exact column names,
never a name fragment), and the column's dtype (bool → ja/nee, dates → dd-mm-jjjj,
whole numbers → ``1.773``, other numbers → decimals). A percentage is never guessed:
a share shows as a percentage only when the registry or ``formats=`` says so.
"""

from __future__ import annotations

import datetime as _dt
import html
import math
import numbers
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from .errors import InputError

__all__ = [
    "format_number",
    "format_decimal",
    "format_euro",
    "format_percent",
    "format_points",
    "format_nps",
    "format_date",
    "yes_no",
    "plural",
    "dutch_list",
    "show_table",
]

#: What a missing (or infinite) value looks like in text and tables.
MISSING = "–"

# --------------------------------------------------------------------------- formatters


def _is_missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, bool, int)):
        return False
    import pandas as pd

    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return isinstance(result, (bool, np.bool_)) and bool(result)


def _real(value, func: str):
    """The value as a float, or None when it is missing or infinite; InputError otherwise."""
    if _is_missing(value):
        return None
    if isinstance(value, Decimal):
        value = float(value)  # amounts in the offerte are exact Decimals
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        # numpy bools are not numbers.Real, numpy ints/floats are
        raise InputError(f"{func}() verwacht een getal, maar kreeg {value!r}. Geef een getal, bijvoorbeeld 1234.5.")
    value = float(value)
    if math.isinf(value):
        return None
    return value


def _dutch(value: float, decimals: int) -> str:
    # Round half up (as people do: 2,5 -> 3), on the shortest decimal repr of the float.
    rounded = Decimal(repr(round(value, 12))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]  # no "-0"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_number(value, decimals: int = 0) -> str:
    """A number the Dutch way (thousands ``.``, decimals ``,``); rounds half up.

    Used for every count in the course (aantal klanten, leads, bezoeken).

    >>> format_number(1773), format_number(-0.5, decimals=2), format_number(2.5)
    ('1.773', '-0,50', '3')
    >>> format_number(float("nan")), format_number(float("inf"))
    ('–', '–')
    """
    value = _real(value, "format_number")
    return MISSING if value is None else _dutch(value, decimals)


def format_decimal(value, decimals: int = 1) -> str:
    """A measured quantity with decimals (scores, ratios, years): ``7,5``.

    >>> format_decimal(7.25), format_decimal(1234.5678, decimals=2)
    ('7,3', '1.234,57')
    """
    return format_number(value, decimals)


def format_euro(value, decimals: int = 0) -> str:
    """An amount in euros (omzet, marge, kosten): ``€ 1.234`` or ``€ 1.234,50``.

    The space after ``€`` is a no-break space in HTML tables, so the sign never
    ends up alone on a line there.

    >>> format_euro(1234), format_euro(-250.5, decimals=2), format_euro(None)
    ('€ 1.234', '€ -250,50', '–')
    """
    value = _real(value, "format_euro")
    return MISSING if value is None else f"€ {_dutch(value, decimals)}"


def format_percent(fraction, decimals: int = 1) -> str:
    """A share or rate, given as a fraction (0.15), as a Dutch percentage: ``15,0%``.

    Shares are fractions in salesnb (conversie, marktaandeel, share of wallet);
    this turns them into percentages for display only.

    >>> format_percent(0.15), format_percent(0.0625, decimals=2), format_percent(1.5, decimals=0)
    ('15,0%', '6,25%', '150%')
    """
    value = _real(fraction, "format_percent")
    return MISSING if value is None else f"{_dutch(value * 100, decimals)}%"


def format_points(difference, decimals: int = 1) -> str:
    """The difference of two shares (fractions) in procentpunten, signed: ``+5,0 %-punt``.

    Two percentages are subtracted, not divided: 13,6% against 8,5% is 5,1 procentpunt more,
    not 5,1% more (that would be 60% more).

    >>> format_points(0.136 - 0.085), format_points(-0.022), format_points(0.0)
    ('+5,1 %-punt', '-2,2 %-punt', '0,0 %-punt')
    """
    value = _real(difference, "format_points")
    if value is None:
        return MISSING
    text = _dutch(value * 100, decimals)
    return f"+{text} %-punt" if value > 0 and text.strip("0,") else f"{text} %-punt"


def format_nps(value, decimals: int = 0) -> str:
    """A Net Promoter Score (§1.1; -100..100, no % sign), with ``+`` when positive.

    >>> format_nps(33.333), format_nps(-12.5, decimals=1), format_nps(0)
    ('+33', '-12,5', '0')
    """
    value = _real(value, "format_nps")
    if value is None:
        return MISSING
    text = _dutch(value, decimals)
    return f"+{text}" if value > 0 and text.strip("0,") else text


def format_date(value) -> str:
    """A calendar date as dd-mm-jjjj (``31-12-2025``), the Dutch notation.

    Accepts a ``datetime.date``, a ``Timestamp``/``datetime`` (the time is dropped) or
    ISO text (``"2025-12-31"``).

    >>> import pandas as pd
    >>> format_date(pd.Timestamp("2025-01-05 14:00")), format_date(pd.NaT)
    ('05-01-2025', '–')
    """
    if _is_missing(value):
        return MISSING
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise InputError(f"format_date() kan {value!r} niet lezen als datum. "
                             "Schrijf de datum als 'jjjj-mm-dd', bijvoorbeeld '2025-12-31'.") from None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if hasattr(value, "astype") and not isinstance(value, _dt.date):  # numpy datetime64
        import pandas as pd

        value = pd.Timestamp(value).to_pydatetime()
    if not isinstance(value, _dt.date):
        raise InputError(f"format_date() verwacht een datum, maar kreeg {value!r}.")
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def yes_no(value) -> str:
    """``ja`` or ``nee`` for a yes/no value (True/False, 1/0); '–' when missing.

    >>> yes_no(True), yes_no(False), yes_no(None)
    ('ja', 'nee', '–')
    """
    if _is_missing(value):
        return MISSING
    if isinstance(value, (bool, np.bool_, numbers.Integral)) and value in (0, 1):
        return "ja" if value else "nee"
    raise InputError(f"yes_no() verwacht True of False, maar kreeg {value!r}.")


def dutch_list(items) -> str:
    """Items as a Dutch enumeration: ``a``, ``a en b``, ``a, b en c``.

    >>> dutch_list(["Overheid"]), dutch_list(["Overheid", "Zorg", "Industrie"])
    ('Overheid', 'Overheid, Zorg en Industrie')
    """
    parts = [str(x) for x in items]
    if not parts:
        raise InputError("dutch_list() kreeg een lege lijst; geef minstens één naam.")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def plural(count, singular: str, plural_form: str, *, decimals: int = 0) -> str:
    """A count with the right Dutch word form: ``1 key account``, ``2 bezoeken``, ``1.773 klanten``.

    Singular only for exactly 1 (Dutch: 0 klanten, 1 klant, 1,5 uur is not a count).

    >>> plural(1, "key account", "key accounts"), plural(2, "bezoek", "bezoeken")
    ('1 key account', '2 bezoeken')
    >>> plural(1773, "klant", "klanten"), plural(0, "lead", "leads")
    ('1.773 klanten', '0 leads')
    """
    text = format_number(count, decimals)
    word = singular if text == "1" else plural_form
    return f"{text} {word}"


# --------------------------------------------------------------------------- registry

#: The kinds a column can have, with the formatter of one cell.
KINDS = ("euro", "percent", "points", "nps", "count", "decimal", "date", "yesno", "text")

_DEFAULT_DECIMALS = {"euro": 0, "percent": 1, "points": 1, "nps": 0, "count": 0, "decimal": 1}


@dataclass(frozen=True)
class ColumnFormat:
    """How a column is shown: its Dutch header, its kind (one of :data:`KINDS`) and,
    for numbers, the decimals (None: the kind's default).

    >>> ColumnFormat("omzet", "euro").kind
    'euro'
    """

    header: str
    kind: str
    decimals: int | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise InputError(f"Onbekende soort kolom {self.kind!r}. Kies uit: {', '.join(KINDS)}.")



# Column name -> Dutch header, per kind. The data contract's columns (data/README.md) first,
# then the columns the theme functions compute.
_CONTRACT = {
    "text": {
        "manager_id": "accountmanager (nr.)", "name": "naam", "region": "regio", "role": "rol",
        "product_id": "productnr.", "product": "product", "product_group": "productgroep", "unit": "eenheid",
        "customer_id": "klantnr.", "sector": "branche", "province": "provincie", "city": "plaats",
        "street": "straat", "postcode": "postcode", "size_class": "grootteklasse",
        "account_manager": "accountmanager", "acquisition_channel": "wervingskanaal", "status": "status",
        "contact_person": "contactpersoon", "prospect_id": "prospectnr.", "temperature": "temperatuur",
        "order_id": "ordernr.", "line_id": "regelnr.", "lead_id": "leadnr.", "source": "bron",
        "channel": "kanaal", "company": "organisatie", "stage_reached": "verste fase",
        "opportunity_id": "kansnr.", "stage": "fase", "last_stage": "verste open fase", "outcome": "uitkomst",
        "reason": "reden", "motive": "koopmotief", "motive_type": "soort koopmotief",
        "buying_situation": "koopsituatie", "contact": "contactpersoon", "team_member": "gesproken door",
        "response_id": "antwoordnr.", "moment": "moment", "complaint_id": "klachtnr.", "category": "soort",
        "year": "jaar", "largest_competitor": "grootste concurrent", "competitor": "concurrent",
        "tender_id": "aanbestedingsnr.", "buyer": "aanbestedende dienst", "buyer_type": "soort dienst",
        "contract_type": "soort opdracht", "procedure": "procedure", "award_criterion": "gunningscriterium",
        "bidder": "inschrijver", "kam_stage": "fase (Millman & Wilson)",
        "competitors_at_customer": "concurrenten bij de klant",
    },
    "date": {
        "start_date": "in dienst sinds", "acquired_on": "klant sinds", "last_contact": "laatste contact",
        "date": "datum", "created_on": "aangemaakt op", "mql_on": "MQL op", "sql_on": "SQL op",
        "opportunity_on": "opportunity op", "won_on": "klant geworden op", "closed_on": "gesloten op",
        "published_on": "gepubliceerd op", "valid_from": "geldig vanaf", "valid_to": "geldig tot en met",
        "month": "maand",
    },
    "yesno": {
        "reactivated": "teruggekomen", "had_quotation": "offerte gehad", "budget": "budget",
        "authority": "beslissingsbevoegdheid", "need": "behoefte", "timeline": "tijdpad",
        "quotation_sent": "offerte verstuurd", "met": "gesproken", "handled_well": "goed afgehandeld",
        "is_own": "eigen inschrijving",
    },
    "euro": {
        "unit_price": "prijs per eenheid", "category_spend": "categoriebesteding", "revenue": "omzet",
        "margin": "marge", "cost": "kosten", "value": "verwachte waarde",
        "purchase_per_buyer": "besteding per afnemer", "class_sales": "marktomvang", "own_sales": "eigen omzet",
        "largest_competitor_sales": "omzet grootste concurrent",
        "second_competitor_sales": "omzet tweede concurrent", "sales": "omzet", "revenue_target": "omzetdoel",
        "estimated_value": "geraamde waarde", "price": "inschrijfprijs", "amount": "drempelbedrag",
        "our_revenue": "onze omzet",
    },
    "percent": {
        "vat_rate": "btw-tarief", "margin_rate": "margepercentage", "probability": "kans",
        "share_of_wallet": "share of wallet",
    },
    "count": {
        "employees": "medewerkers", "quantity": "aantal", "fit_score": "fitscore",
        "behaviour_score": "gedragsscore", "lead_score": "leadscore", "impressions": "vertoningen",
        "clicks": "kliks", "visitors": "bezoekers", "leads": "leads", "calls": "belpogingen",
        "decision_maker_reached": "beslisser gesproken", "appointments": "afspraken", "quotations": "offertes",
        "orders": "orders", "score": "score", "expectation": "verwachting (E)",
        "experience": "ervaren prestatie (P)", "satisfaction_before": "tevredenheid vóór",
        "satisfaction_after": "tevredenheid na", "potential_buyers": "potentiële afnemers",
        "buyers": "afnemers", "own_buyers": "eigen afnemers", "new_customers_target": "doel nieuwe klanten",
        "calls_target": "doel belpogingen", "appointments_target": "doel afspraken",
        "quotations_target": "doel offertes", "price_weight": "gewicht prijs",
        "quality_weight": "gewicht kwaliteit", "max_quality_score": "max. kwaliteitsscore",
        # key_accounts: scores 1-10 (its "aandeel" and "marge" are in AMBIGUOUS_COLUMNS)
        "omvang": "omvang", "groeipotentieel": "groeipotentieel", "imago": "imago", "relatie": "relatie",
        "productfit": "productfit",
    },
    "decimal": {"fte": "fte", "quality_score": "kwaliteitsscore"},
}

_COMPUTED = {
    "text": {
        "jaar": "jaar", "cohort": "cohort", "rfm_code": "RFM-code", "kwadrant": "kwadrant",
        "strategie": "strategie", "toelichting": "toelichting", "fase": "fase", "klasse": "klasse",
        "temperatuur": "temperatuur", "kanaal": "kanaal", "bron": "bron", "naam": "naam", "plaats": "plaats",
        "winnaar": "winnaar", "grootste_concurrent": "grootste concurrent", "nps_groep": "NPS-groep",
        "oordeel": "oordeel", "afhandeling": "afhandeling", "doelmarkt": "doelmarkt",
        "portefeuille": "portefeuille", "reden": "reden", "resultaat": "resultaat",
        "soort_crm": "soort CRM",
        "regio": "regio", "rol": "rol", "vorm": "vorm", "kenmerk": "kenmerk", "contactpatroon": "contactpatroon",
        "volgende_stap": "volgende stap", "gesproken": "gesproken", "niet_gesproken": "niet gesproken",
        "beste_concurrent": "beste concurrent", "concurrent": "concurrent",
    },
    "yesno": {
        "voldoet": "voldoet", "europees_verplicht": "Europees verplicht", "europees_gekozen": "Europees gekozen",
        "compleet": "compleet", "key_account": "strategisch account", "is_ubr": "UBR",
    },
    "euro": {
        "omzet": "omzet", "omzet_voor": "omzet vóór", "omzet_na": "omzet na",
        "omzet_vorig_jaar": "omzet vorig jaar", "omzet_per_klant": "omzet per klant",
        "omzet_cum": "omzet cumulatief", "top_down": "top-down", "bottom_up": "bottom-up",
        "marktpotentieel": "marktpotentieel", "marktomvang": "marktomvang", "restvraag": "restvraag",
        "eigen_omzet": "eigen omzet", "kosten": "kosten", "kosten_per_lead": "kosten per lead",
        "kosten_per_klant": "kosten per klant", "cpl": "kosten per lead", "eu_drempel": "EU-drempel",
        "cac": "CAC", "clv_eenvoudig": "CLV (eenvoudig)", "clv_netto": "CLV (netto)",
        "clv_oneindig": "CLV (oneindig)", "clv_horizon": "CLV (horizon)", "monetary": "monetary (omzet)",
        "marge_per_klant": "marge per klant", "extra_marge": "extra marge", "vaste_kosten": "vaste kosten",
        "btw_bedrag": "btw-bedrag", "grondslag": "grondslag", "gewogen": "gewogen waarde",
        "omzet_nieuwe_klanten": "omzet nieuwe klanten",
    },
    "percent": {
        "conversie": "conversie", "vanaf_start": "vanaf de start", "precisie": "precisie",
        "dekking": "dekking", "ctr": "CTR", "aandeel_omzet": "aandeel omzet",
        "aandeel_klanten": "aandeel klanten", "aandeel_goed": "aandeel goed", "aandeel_hoger": "aandeel hoger",
        "aandeel_blijft_kopen": "aandeel blijft kopen", "aandeel_gewonnen": "aandeel gewonnen",
        "aandeel_verloren": "aandeel verloren", "aandeel_grootste_concurrent": "aandeel grootste concurrent",
        "normaal_aandeel": "normaal aandeel", "verandering": "verandering", "groei": "groei",
        "retentie": "retentie", "marktaandeel": "marktaandeel", "penetratiegraad_klasse": "penetratiegraad klasse",
        "penetratiegraad_merk": "penetratiegraad merk", "verzadigingsgraad": "verzadigingsgraad",
        "realisatiegraad": "realisatiegraad", "win_rate": "win rate", "omzetaandeel": "omzetaandeel",
        "aandeel_nieuw": "aandeel nieuw",
    },
    "nps": {"nps": "NPS"},
    "count": {
        "klanten": "klanten", "klachten": "klachten", "aantal": "aantal", "aanbestedingen": "aanbestedingen",
        "gewonnen": "gewonnen", "verloren": "verloren", "rang": "rang", "rollen_in_dmu": "rollen in de DMU",
        "rollen_gesproken": "rollen gesproken", "rollen_gemist": "rollen gemist", "prospects": "prospects",
        "extra_klanten": "extra klanten", "rfm_score": "RFM-score", "mql": "MQL's",
        "recency": "recency (dagen)", "frequency": "frequency (orders)",
        "bezoeken": "bezoeken", "nieuwe_klanten": "nieuwe klanten", "fase_nr": "fase (nr.)",
        "bezoeken_minst": "bezoeken minst", "bezoeken_meest": "bezoeken meest",
        "hersteltijd_storing_uur": "hersteltijd bij storing (uur)",
        "productgroepen_per_contract": "productgroepen in één contract",
    },
    ("euro", 2): {"prijs_per_kop": "prijs per kop"},
    ("decimal", 1): {
        "een_op": "één op", "prijspunten": "prijspunten", "kwaliteitspunten": "kwaliteitspunten",
        "tekort_gemiddeld": "gemiddeld tekort", "levensduur": "levensduur (jaren)", "clv_cac": "CLV/CAC",
        "bezoeken_gemiddeld": "bezoeken gemiddeld",
    },
    ("decimal", 2): {"relatief_marktaandeel": "relatief marktaandeel", "bestedingsindex": "bestedingsindex",
                     "bezoeken_max_min": "bezoeken max/min", "bezoeken_cv": "bezoeken cv",
                     "omzet_max_min": "omzet max/min", "klanten_max_min": "klanten max/min",
                     "aantrekkelijkheid": "aantrekkelijkheid", "sterkte": "sterkte"},
}


def _registry(*parts: dict) -> dict:
    out = {}
    for part in parts:
        for kind, columns in part.items():
            kind, decimals = kind if isinstance(kind, tuple) else (kind, None)
            for name, header in columns.items():
                out.setdefault(name, ColumnFormat(header, kind, decimals))
    return out


#: Column name -> :class:`ColumnFormat` for the data contract's columns (data/README.md) and the
#: columns the theme functions compute. Exact names only. A registered number kind applies only
#: to a column that holds numbers (a text column called ``relatie`` stays text).
COLUMN_FORMATS: dict[str, ColumnFormat] = _registry(_CONTRACT, _COMPUTED)

#: Names with two meanings, deliberately not in the registry: ``aandeel`` and ``marge`` are 1–10
#: scores in key_accounts but a share and an amount in other tables. Such a column is shown by
#: its dtype (4 -> "4", 0.25 -> "0,25"), never as a guessed percentage; a table states the
#: meaning with ``formats=`` (``{"aandeel": "percent"}``, ``{"marge": "euro"}``).
AMBIGUOUS_COLUMNS = frozenset({"aandeel", "marge"})

# --------------------------------------------------------------------------- tables


def _text(value) -> str:
    if _is_missing(value):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return yes_no(value)
    if isinstance(value, dict):
        return "; ".join(f"{_text(k)}: {_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, (_dt.date, np.datetime64)):
        return format_date(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))  # ids and years: no thousands separator
    if isinstance(value, (numbers.Real, Decimal)):
        return format_number(value, 2) if not float(value).is_integer() else format_number(value)
    return str(value)


def format_value(value, kind: str, decimals: int | None = None) -> str:
    """One table cell of the given kind (see :data:`KINDS`) as Dutch text; '–' when missing.

    >>> format_value(0.5, "percent"), format_value(7, "count"), format_value(True, "yesno")
    ('50,0%', '7', 'ja')
    >>> format_value(2025, "text"), format_value(["a", "b"], "text")
    ('2025', 'a, b')
    """
    if kind not in KINDS:
        raise InputError(f"Onbekende soort kolom {kind!r}. Kies uit: {', '.join(KINDS)}.")
    if kind == "text":
        return _text(value)
    if kind == "date":
        return format_date(value)
    if kind == "yesno":
        return yes_no(value)
    if _is_missing(value):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return yes_no(value)
    places = _DEFAULT_DECIMALS[kind] if decimals is None else decimals
    formatter = {"euro": format_euro, "percent": format_percent, "points": format_points, "nps": format_nps,
                 "count": format_number, "decimal": format_number}[kind]
    return formatter(value, places)


def _dtype_format(values) -> ColumnFormat:
    """The format a column gets from its dtype alone (no name, so never a percentage)."""
    import pandas as pd

    name = str(values.name)
    header = name.replace("_", " ")
    if pd.api.types.is_bool_dtype(values):
        return ColumnFormat(header, "yesno")
    if pd.api.types.is_datetime64_any_dtype(values):
        return ColumnFormat(header, "date")
    if pd.api.types.is_numeric_dtype(values) and not isinstance(values.dtype, pd.CategoricalDtype):
        finite = pd.to_numeric(values, errors="coerce").astype(float)
        finite = finite[np.isfinite(finite)]
        if (finite % 1 == 0).all():
            return ColumnFormat(header, "count")
        return ColumnFormat(header, "decimal", 2 if (finite.abs() < 10).all() else 1)
    present = values.dropna()
    if len(present) and present.map(lambda x: isinstance(x, (bool, np.bool_))).all():
        return ColumnFormat(header, "yesno")
    return ColumnFormat(header, "text")


def _holds_numbers(values) -> bool:
    import pandas as pd

    if pd.api.types.is_bool_dtype(values):
        return False
    if pd.api.types.is_numeric_dtype(values):
        return True
    present = values.dropna()
    return bool(len(present)) and present.map(
        lambda x: isinstance(x, (numbers.Real, Decimal)) and not isinstance(x, (bool, np.bool_))).all()


def _column_format(name, values, formats: dict, headers: dict) -> ColumnFormat:
    registered = COLUMN_FORMATS.get(name) if isinstance(name, str) else None
    if registered and registered.kind in _DEFAULT_DECIMALS and not _holds_numbers(values):
        registered = None
    spec = formats.get(name)
    if spec is None:
        fmt = registered or _dtype_format(values)
    else:
        kind, decimals = (spec, None) if isinstance(spec, str) else tuple(spec)
        header = registered.header if registered and registered.kind == kind else str(name).replace("_", " ")
        fmt = ColumnFormat(header, kind, decimals)
    if name in headers:
        fmt = ColumnFormat(headers[name], fmt.kind, fmt.decimals)
    return fmt


class Table:
    """A table formatted for reading: Dutch headers, every cell as Dutch text.

    Made by :func:`show_table`. In a notebook it renders as HTML (text left-aligned,
    numbers right-aligned, long text wrapped, wide tables scroll inside the notebook);
    ``print`` or ``repr`` gives the same table as aligned plain text. ``cells`` is the
    formatted DataFrame (strings: for reading, never for computing).
    """

    def __init__(self, cells, numeric: list[bool], caption: str | None = None, note: str | None = None):
        self.cells = cells
        self.numeric = list(numeric)
        self.caption = caption
        self.note = note

    def __repr__(self) -> str:
        headers = [str(c) for c in self.cells.columns]
        rows = [[str(v) for v in row] for row in self.cells.itertuples(index=False)]
        widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]

        def line(values):
            parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, self.numeric)]
            return "  ".join(parts).rstrip()

        out = ([self.caption] if self.caption else []) + [line(headers)] + [line(r) for r in rows]
        return "\n".join(out + ([self.note] if self.note else []))

    def _repr_html_(self) -> str:
        def cell(tag, text, numeric):
            align = "right" if numeric else "left"
            wrap = "white-space:nowrap" if numeric else "white-space:normal;min-width:4em;max-width:32em"
            text = html.escape(str(text)).replace("€ ", "€&nbsp;")
            return f'<{tag} style="text-align:{align};{wrap};vertical-align:top">{text}</{tag}>'

        head = "".join(cell("th", c, n).replace("nowrap", "normal")
                       for c, n in zip(self.cells.columns, self.numeric))
        body = "".join("<tr>" + "".join(cell("td", v, n) for v, n in zip(row, self.numeric)) + "</tr>"
                       for row in self.cells.itertuples(index=False))
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        note = f'<p style="margin:0.2em 0">{html.escape(self.note)}</p>' if self.note else ""
        return (f'<div class="salesnb-table" style="max-width:100%;overflow-x:auto">'
                f'<table style="border-collapse:collapse">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>{note}</div>")


def _as_frame(frame, index):
    import pandas as pd

    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=frame.name if frame.name is not None else "waarde")
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"show_table() verwacht een tabel (DataFrame of Series), maar kreeg "
                         f"{type(frame).__name__}. Maak er eerst een tabel van, bijvoorbeeld pd.DataFrame(...).")
    if index is None:
        index = not (isinstance(frame.index, pd.RangeIndex) and frame.index.name is None)
    if index:
        names = [n if n is not None else ("" if frame.index.nlevels == 1 else f"niveau_{i}")
                 for i, n in enumerate(frame.index.names)]
        frame = frame.rename_axis(names).reset_index()
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" ".join(str(p) for p in c if str(p)) for c in frame.columns]
    return frame


def show_table(frame, *, formats=None, headers=None, index=None, max_rows: int = 40,
               caption: str | None = None) -> Table:
    """Show a table the way the course writes numbers (every student-facing table goes here).

    Each column's format comes from ``formats`` (column -> kind, or (kind, decimals); kinds:
    euro, percent, points (procentpunten), nps, count, decimal, date, yesno, text), else from :data:`COLUMN_FORMATS`,
    else from its dtype. ``headers`` (column -> text) overrides the Dutch header. ``index``:
    True shows the index as the first column(s), False drops it, None shows it unless it is
    the default 0, 1, 2, ... Beyond ``max_rows`` rows the first rows are shown with a note.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"sector": ["Zorg", "Onderwijs"], "omzet": [1234567.8, -250.0],
    ...                   "aandeel": [4, 7], "conversie": [0.123, float("nan")],
    ...                   "is_own": [True, False], "date": pd.to_datetime(["2025-12-31", "2024-01-05"])})
    >>> show_table(t)
    branche          omzet  aandeel  conversie  eigen inschrijving  datum
    Zorg       € 1.234.568        4      12,3%  ja                  31-12-2025
    Onderwijs       € -250        7          –  nee                 05-01-2024
    >>> show_table(pd.DataFrame({"aandeel": [0.25]}), formats={"aandeel": "percent"}, headers={"aandeel": "deel"})
     deel
    25,0%
    """
    import pandas as pd

    formats, headers = dict(formats or {}), dict(headers or {})
    frame = _as_frame(frame, index)
    unknown = [c for c in list(formats) + list(headers) if c not in frame.columns]
    if unknown:
        raise InputError(f"show_table(): de kolom(men) {', '.join(map(repr, unknown))} staan niet in de tabel. "
                         f"Kies uit: {', '.join(map(repr, map(str, frame.columns)))}.")
    note = None
    if len(frame) > max_rows:
        note = f"(de eerste {format_number(max_rows)} van {plural(len(frame), 'rij', 'rijen')})"
        frame = frame.head(max_rows)
    cells, numeric, seen = {}, [], {}
    for position, name in enumerate(frame.columns):
        values = frame.iloc[:, position]
        fmt = _column_format(name, values, formats, headers)
        header = fmt.header if fmt.header not in seen else f"{fmt.header} ({name})"
        seen[header] = True
        cells[header] = [format_value(v, fmt.kind, fmt.decimals) for v in values.tolist()]
        numeric.append(fmt.kind in ("euro", "percent", "nps", "count", "decimal"))
    return Table(pd.DataFrame(cells), numeric, caption=caption, note=note)
