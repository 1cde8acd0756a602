"""The student's own company (notebook 09): the facts of the assignment checked at once.

A student describes the project company of the assignment "Stappenplan verkoopproces" in one
dict (:data:`EXAMPLE_OWN_COMPANY` is a filled-in example). :func:`validate_own_company` names every
missing or malformed entry in one Dutch message (:class:`~salesnb.errors.OwnCompanyError`);
:func:`own_company_prospects` splits the prospects into cold / warm / hot (fase 1) and
:func:`own_company_offerte` writes the offerte (fase 3). The sample company lives in
:mod:`salesnb.sample_company`; nothing here ever uses its data.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import OwnCompanyError
from .process import ADOPTION_SEGMENTS, TEMPERATURES, prospect_temperature

__all__ = [
    "EXAMPLE_OWN_COMPANY",
    "validate_own_company",
    "own_company_prospects",
    "own_company_offerte",
]


#: A filled-in example of the own-company facts (notebook 09 starts from a copy of it).
EXAMPLE_OWN_COMPANY = {
    "naam": "FruitFit Kantoor B.V.",
    "adres": "Oudegracht 101",
    "postcode": "3511 AD",
    "plaats": "Utrecht",
    "producten": [
        {"omschrijving": "Fruitschaal kantoor, 40 stuks (per week)", "prijs": 24.50, "btw": 0.09},
        {"omschrijving": "Workshop gezond eten op het werk (per sessie)", "prijs": 395.00, "btw": 0.21},
        {"omschrijving": "Fruitkoelkast huur (per maand)", "prijs": 35.00, "btw": 0.21},
    ],
    "doelgroep": "kantoren met 20 tot 200 medewerkers in de provincie Utrecht",
    "doelgroep_aantal": 640,
    "adoptiesegment": "early adopters",
    "usps": ["vers fruit binnen 24 uur na de veiling", "zonder afval: schalen worden hergebruikt"],
    "kanalen": {"cold": "LinkedIn-content", "warm": "proefweek met gratis fruit", "hot": "offerte en bezoek"},
    "prospects": [
        {"naam": "Adviesbureau De Brug", "adres": "Catharijnesingel 20", "postcode": "3511 GB",
         "plaats": "Utrecht", "interesse": True, "budget_en_planning": False},
        {"naam": "ICT Huis Zeist", "adres": "Slotlaan 8", "postcode": "3701 GJ", "plaats": "Zeist",
         "interesse": True, "budget_en_planning": True},
        {"naam": "Notariskantoor Amersfoort", "adres": "Stadsring 55", "postcode": "3811 HN",
         "plaats": "Amersfoort", "interesse": False, "budget_en_planning": False},
    ],
    "offerte_voor": "ICT Huis Zeist",
    "offerte_regels": [
        {"product": "Fruitschaal kantoor, 40 stuks (per week)", "aantal": 13},
        {"product": "Fruitkoelkast huur (per maand)", "aantal": 3},
    ],
    "geldigheid_dagen": 30,
    "offerte_datum": "2026-03-02",
}

_TEXT_FIELDS = {"naam": "de naam van je bedrijf", "adres": "het adres (straat en huisnummer)",
                "postcode": "de postcode", "plaats": "de plaats", "doelgroep": "de doelgroep"}
_TEMPERATURE_FIELDS = ("interesse", "budget_en_planning")


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def validate_own_company(facts, *, vat_rates=(0.21, 0.09)) -> dict:
    """Check the own-company facts of notebook 09 and report every problem at once.

    ``facts`` is a dict like :data:`EXAMPLE_OWN_COMPANY`. Returns a checked copy; raises
    :class:`OwnCompanyError` naming all missing or malformed entries.

    >>> validate_own_company(EXAMPLE_OWN_COMPANY)["naam"]
    'FruitFit Kantoor B.V.'
    >>> validate_own_company({"naam": "X"})
    Traceback (most recent call last):
    ...
    salesnb.errors.OwnCompanyError: In de gegevens van je eigen bedrijf zitten 13 problemen:
    ...
    """
    if not isinstance(facts, dict):
        raise OwnCompanyError([f"de gegevens moeten een dict zijn ({{'naam': ..., ...}}), maar zijn "
                            f"{type(facts).__name__}"])
    problems: list[str] = []
    for key, label in _TEXT_FIELDS.items():
        if not _is_text(facts.get(key)):
            problems.append(f"'{key}': {label} ontbreekt of is leeg (schrijf tekst tussen aanhalingstekens)")
    # products
    names = set()
    products = facts.get("producten")
    if not isinstance(products, (list, tuple)) or not products:
        problems.append("'producten': geef een lijst met minstens één product "
                        "({'omschrijving': ..., 'prijs': ..., 'btw': 0.21 of 0.09})")
        products = []
    for i, item in enumerate(products, start=1):
        if not isinstance(item, dict):
            problems.append(f"'producten' nummer {i}: moet een dict zijn met omschrijving, prijs en btw")
            continue
        if not _is_text(item.get("omschrijving")):
            problems.append(f"'producten' nummer {i}: de omschrijving ontbreekt")
        else:
            names.add(item["omschrijving"].strip())
        price = item.get("prijs")
        if isinstance(price, bool) or not isinstance(price, (int, float)) or not np.isfinite(price) or price < 0:
            problems.append(f"'producten' nummer {i}: de prijs moet een getal van 0 of meer zijn "
                            f"(zonder €-teken of aanhalingstekens), maar is {price!r}")
        rate = item.get("btw")
        if isinstance(rate, (int, float)) and not isinstance(rate, bool) and rate in (21, 9):
            problems.append(f"'producten' nummer {i}: btw {rate!r} is een percentage; schrijf {rate / 100}")
        elif rate not in vat_rates or isinstance(rate, bool):
            problems.append(f"'producten' nummer {i}: btw moet {' of '.join(map(str, vat_rates))} zijn "
                            f"(21% of 9% als fractie), maar is {rate!r}")
    # target group on the adoption curve
    count = facts.get("doelgroep_aantal")
    if isinstance(count, bool) or not isinstance(count, (int, np.integer)) or count < 1:
        problems.append(f"'doelgroep_aantal': het aantal organisaties in je doelgroep moet een geheel "
                        f"getal van minstens 1 zijn, maar is {count!r}")
    segment_names = [s[0] for s in ADOPTION_SEGMENTS]
    if facts.get("adoptiesegment") not in segment_names:
        problems.append(f"'adoptiesegment': kies een van {', '.join(repr(s) for s in segment_names)}, "
                        f"maar het is {facts.get('adoptiesegment')!r}")
    usps = facts.get("usps")
    if not isinstance(usps, (list, tuple)) or not usps or not all(_is_text(u) for u in usps):
        problems.append("'usps': geef een lijst met minstens één USP als tekst")
    channels = facts.get("kanalen")
    if not isinstance(channels, dict) or set(channels) != set(TEMPERATURES) or \
            not all(_is_text(c) for c in channels.values()):
        problems.append("'kanalen': geef per groep een wervingskanaal: "
                        "{'cold': ..., 'warm': ..., 'hot': ...}")
    # prospects
    prospects = facts.get("prospects")
    prospect_names = set()
    if not isinstance(prospects, (list, tuple)) or not prospects:
        problems.append("'prospects': geef een lijst met minstens één prospect")
        prospects = []
    for i, item in enumerate(prospects, start=1):
        if not isinstance(item, dict):
            problems.append(f"'prospects' nummer {i}: moet een dict zijn")
            continue
        for key in ("naam", "adres", "postcode", "plaats"):
            if not _is_text(item.get(key)):
                problems.append(f"'prospects' nummer {i}: '{key}' ontbreekt of is leeg")
        if _is_text(item.get("naam")):
            prospect_names.add(item["naam"].strip())
        for key in _TEMPERATURE_FIELDS:
            if not isinstance(item.get(key), (bool, np.bool_)):
                problems.append(f"'prospects' nummer {i}: '{key}' moet True of False zijn, maar is "
                                f"{item.get(key)!r}")
    # offerte
    target = facts.get("offerte_voor")
    if not _is_text(target) or (prospect_names and target.strip() not in prospect_names):
        problems.append(f"'offerte_voor': de naam van een van je prospects "
                        f"({', '.join(sorted(prospect_names)) or 'geen'}), maar is {target!r}")
    lines = facts.get("offerte_regels")
    if not isinstance(lines, (list, tuple)) or not lines:
        problems.append("'offerte_regels': geef minstens één regel {'product': ..., 'aantal': ...}")
        lines = []
    for i, line in enumerate(lines, start=1):
        if not isinstance(line, dict):
            problems.append(f"'offerte_regels' nummer {i}: moet een dict zijn met product en aantal")
            continue
        if line.get("product") not in names:
            problems.append(f"'offerte_regels' nummer {i}: product {line.get('product')!r} staat niet bij "
                            f"'producten' (schrijf de omschrijving precies hetzelfde)")
        qty = line.get("aantal")
        if isinstance(qty, bool) or not isinstance(qty, (int, float)) or not np.isfinite(qty) or qty <= 0:
            problems.append(f"'offerte_regels' nummer {i}: het aantal moet een getal groter dan 0 zijn, "
                            f"maar is {qty!r}")
    days = facts.get("geldigheid_dagen")
    if isinstance(days, bool) or not isinstance(days, (int, np.integer)) or days < 1:
        problems.append(f"'geldigheid_dagen': de geldigheidsduur van de offerte in dagen (geheel getal, "
                        f"bijvoorbeeld 30), maar is {days!r}")
    when = facts.get("offerte_datum")
    if when is not None and (not _is_text(when) or pd.isna(pd.to_datetime(when, errors="coerce",
                                                                           format="ISO8601"))):
        problems.append(f"'offerte_datum': schrijf de datum als 'jjjj-mm-dd', bijvoorbeeld '2026-03-02', "
                        f"maar het is {when!r}")
    if problems:
        raise OwnCompanyError(problems)
    return dict(facts)


def own_company_prospects(facts) -> pd.DataFrame:
    """Cold / warm / hot for the own company's prospects (stappenplan fase 1, notebook 09).

    Rules: hot when ``budget_en_planning`` is True (concrete need, budget and timing), warm when
    ``interesse`` is True (showed interest, or came by referral), cold otherwise; the
    ``kanaal`` column is the recruitment channel the student chose for that group.

    >>> own_company_prospects(EXAMPLE_OWN_COMPANY)[["naam", "temperatuur"]]
                           naam temperatuur
    0      Adviesbureau De Brug        warm
    1            ICT Huis Zeist         hot
    2  Notariskantoor Amersfoort        cold
    """
    facts = validate_own_company(facts)
    table = pd.DataFrame(facts["prospects"])
    rules = pd.DataFrame({"score": table["interesse"].astype(int), "hot": table["budget_en_planning"]})
    temp = prospect_temperature(rules, score="score", warm_score=1, source=None, bant=("hot",),
                                hot_min_bant=1)
    out = table[["naam", "plaats", "interesse", "budget_en_planning"]].copy()
    out["temperatuur"] = temp.to_numpy()
    out["kanaal"] = out["temperatuur"].astype(str).map(facts["kanalen"])
    return out


def own_company_offerte(facts, *, date=None, terms=None):
    """The offerte of the own company for the prospect named in ``offerte_voor`` (fase 3).

    ``date`` defaults to the entry ``offerte_datum`` (or today when that is missing).
    ``terms`` is the text of the company's own algemene voorwaarden (Markdown: ``#`` title,
    ``## Artikel`` headings, numbered lines); it becomes the appendix of the written file.
    Without it (default) the offerte declares "Algemene voorwaarden <naam>" applicable and says
    the customer receives them as a separate document: the sample company's terms are never used.

    13 × € 24,50 = € 318,50 at 9% (btw € 28,67) and 3 × € 35,00 = € 105,00 at 21% (btw € 22,05):

    >>> own_company_offerte(EXAMPLE_OWN_COMPANY, date="2026-03-02").totals()["totaal_incl_btw"]
    Decimal('474.22')
    """
    from .offerte import make_offerte

    facts = validate_own_company(facts)
    seller = {k: facts[k] for k in ("naam", "adres", "postcode", "plaats")}
    customer = next(p for p in facts["prospects"] if p["naam"].strip() == facts["offerte_voor"].strip())
    customer = {k: customer[k] for k in ("naam", "adres", "postcode", "plaats")}
    prices = {p["omschrijving"].strip(): p for p in facts["producten"]}
    lines = [{"omschrijving": line["product"], "aantal": line["aantal"],
              "prijs": prices[line["product"]]["prijs"], "btw": prices[line["product"]]["btw"]}
             for line in facts["offerte_regels"]]
    if date is None:
        date = facts.get("offerte_datum")
    return make_offerte(seller, customer, lines, date=date, valid_days=facts["geldigheid_dagen"],
                        terms_title=f"Algemene voorwaarden {facts['naam']}", terms=terms)
