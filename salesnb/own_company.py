"""The student's own company (notebook 09): the assignment "Stappenplan verkoopproces" step by step.

A student fills in two kinds of cells. One cell describes the company itself
(:data:`EXAMPLE_OWN_COMPANY`: name, address, KvK, products, prospects). Then one marked cell per
phase holds a dict with the steps of that phase (:data:`EXAMPLE_PHASES`); every step has a
``waarom``: the assignment asks to "describe all along why you choose this".
:func:`own_company_plan` checks everything at once and names every empty or malformed entry in
one Dutch message (:class:`~salesnb.errors.OwnCompanyError`); the resulting :class:`SalesPlan`
computes the adoption curve, the cold / warm / hot split, the offerte, the e-mail plan and the
retention calculation, and :func:`salesnb.documents.verslag.write_verslag` turns it into Word.
The sample company lives in :mod:`salesnb.sample_company`; nothing here uses its data.
"""

from __future__ import annotations

import copy
import math
import numbers
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ._validate import Problems
from .errors import OwnCompanyError
from .process import (adoption_segments, follow_up_schedule, next_adoption_segment,
                      prospect_temperature, retention_action_value)
from .vocabulary import TEMPERATURES

__all__ = [
    "EXAMPLE_OWN_COMPANY",
    "EXAMPLE_PHASES",
    "SalesPlan",
    "validate_own_company",
    "own_company_prospects",
    "own_company_offerte",
    "own_company_plan",
]

#: A filled-in example of the company cell (notebook 09 starts from a copy of it). Fictional.
EXAMPLE_OWN_COMPANY = {
    "naam": "FruitFit Kantoor B.V.",
    "adres": "Oudegracht 101",
    "postcode": "3511 AD",
    "plaats": "Utrecht",
    "kvk": "87654321",
    "btw_id": "NL987654321B01",
    "iban": "NL91 ABNA 0417 1643 00",
    "email": "hallo@fruitfit.example",
    "afzender": {"naam": "Sanne de Wit", "functie": "accountmanager"},
    "ondertekenaar": {"naam": "Ahmed Bakker", "functie": "directeur"},
    "producten": [
        {"omschrijving": "Fruitschaal kantoor, elke week 40 stuks, bezorgd", "prijs": 98.00, "btw": 0.09,
         "eenheid": "maand"},
        {"omschrijving": "Workshop gezond eten op het werk", "prijs": 395.00, "btw": 0.21,
         "eenheid": "sessie"},
        {"omschrijving": "Fruitkoelkast huur", "prijs": 35.00, "btw": 0.21, "eenheid": "maand"},
    ],
    "prospects": [
        {"naam": "Adviesbureau De Brug", "adres": "Catharijnesingel 20", "postcode": "3511 GB",
         "plaats": "Utrecht", "interesse": True, "budget_en_planning": False},
        {"naam": "ICT Huis Zeist", "adres": "Slotlaan 8", "postcode": "3701 GJ", "plaats": "Zeist",
         "tav": "mevrouw L. Jansen", "interesse": True, "budget_en_planning": True},
        {"naam": "Notariskantoor Amersfoort", "adres": "Stadsring 55", "postcode": "3811 HN",
         "plaats": "Amersfoort", "interesse": False, "budget_en_planning": False},
    ],
}

#: A filled-in example of the six phase cells, one dict per phase, one dict per step.
EXAMPLE_PHASES = {
    "fase_1": {
        "afnemers": {"afnemers": "bedrijven en instellingen met kantoorpersoneel in de provincie Utrecht",
                     "waarom": "Uit onze ABCD-analyse: de werkgever betaalt het fruit, niet de medewerker."},
        "sdp": {"segmenten": [{"segment": "kantoren 20-200 medewerkers", "omvang": 640},
                              {"segment": "kantoren > 200 medewerkers", "omvang": 85},
                              {"segment": "scholen", "omvang": 310}],
                "doelmarkt": "kantoren 20-200 medewerkers",
                "positionering": "het verse, afvalvrije fruit voor het middelgrote kantoor",
                "waarom": "Groot genoeg, en de office manager beslist zelf; grote kantoren hebben een cateraar."},
        "adoptie": {"innovatie": "fruit zonder verpakking in herbruikbare schalen, binnen 24 uur van de veiling",
                    "penetratie": 0.08,
                    "waarom": "Een klein deel van de kantoren krijgt al fruit bezorgd: de vroege groep doet mee."},
        "usps": {"usps": ["vers fruit binnen 24 uur na de veiling", "zonder afval: schalen worden hergebruikt"],
                 "waarom": "Uit de SWOT: versheid en duurzaamheid zijn onze sterktes, de concurrent levert in plastic."},
        "verdeling": {"cold": 520, "warm": 95, "hot": 25,
                      "regel": "hot: vraagt een offerte aan; warm: reageerde op een post of kent ons via via; "
                               "cold: de rest van de doelmarkt",
                      "waarom": "Schatting uit onze LinkedIn-reacties en de gesprekken op de beurs."},
        "werving": {"cold": "LinkedIn-content en een stand op de ondernemersbeurs",
                    "warm": "proefweek met gratis fruit", "hot": "offerte en bezoek",
                    "waarom": "Office managers zitten op LinkedIn; proeven overtuigt meer dan een folder."},
    },
    "fase_2": {
        "swot": {"sterktes": ["vers van de veiling", "geen afval"], "zwaktes": ["klein team", "alleen Utrecht"],
                 "kansen": ["werkgevers investeren in vitaliteit"], "bedreigingen": ["supermarkt bezorgt ook"],
                 "concurrenten": [{"naam": "Fruit@Work", "sterk": "landelijk", "zwak": "plastic verpakking"}],
                 "waarom": "De argumenten moeten passen bij wat wij beter doen dan Fruit@Work."},
        "argumenten": {"prospect": "Adviesbureau De Brug",
                       "argumenten": [{"doordat": "wij binnen 24 uur van de veiling leveren",
                                       "kunt_u": "uw team elke week vers fruit geven",
                                       "zodat": "minder fruit weggegooid wordt"}],
                       "waarom": "De Brug vroeg naar duurzaamheid: daar beginnen we mee."},
    },
    "fase_3": {
        "offerte": {"offerte_voor": "ICT Huis Zeist",
                    "regels": [{"product": "Fruitschaal kantoor, elke week 40 stuks, bezorgd", "aantal": 1,
                                "periode": "maand", "looptijd_maanden": 12, "opzegtermijn_maanden": 1},
                               {"product": "Workshop gezond eten op het werk", "aantal": 1}],
                    "offerte_datum": "2026-03-02", "geldigheid_dagen": 30, "betalingstermijn_dagen": 14,
                    "leverdatum": "2026-03-16",
                    "waarom": "ICT Huis Zeist is hot: een vast abonnement met een workshop als start."},
    },
    "fase_4": {
        "voorwaarden": {"tekst": "", "van_toepassing": "als bijlage bij elke offerte; de klant tekent voor akkoord",
                        "waarom": "Zo kent de klant de voorwaarden vóór het sluiten van de overeenkomst."},
    },
    "fase_5": {
        "emails": {"emails": [{"dagen": 1, "onderwerp": "Uw eerste fruitschaal: smaakt het?"},
                              {"dagen": 14, "onderwerp": "Hoe tevreden bent u? (één vraag)"},
                              {"dagen": 60, "onderwerp": "Tip: de workshop gezond eten"}],
                   "waarom": "Eerst tevredenheid, dan feedback, pas daarna een aanbod."},
        "upsell": {"ideeen": ["workshop gezond eten", "fruitkoelkast huren"],
                   "waarom": "Klanten die vaak bestellen, vragen naar koeling en uitleg."},
    },
    "fase_6": {
        "behoud": {"klanten": 40, "marge_per_klant": 600.0, "behoud_zonder_actie": 0.80,
                   "acties": [{"actie": "nieuwsbrief", "kosten_per_klant": 1.0, "vaste_kosten": 100.0,
                               "extra_behoud": 0.03},
                              {"actie": "spaarkaart", "kosten_per_klant": 10.0, "vaste_kosten": 300.0,
                               "extra_behoud": 0.08}],
                   "waarom": "Een spaarkaart past bij een wekelijkse levering; de nieuwsbrief is goedkoop."},
    },
}

# ---- the form: phases, steps and the kind of every field -----------------------------------
# kinds: "tekst", "teksten" (a list of texts), "aantal" (whole number >= 0), "bedrag" (number >= 0),
# "fractie" (0..1), "datum" (text jjjj-mm-dd), "optioneel" (text, may be empty), or a dict: a table
# (list of rows) with these columns.
_SEGMENT = {"segment": "tekst", "omvang": "aantal"}
_COMPETITOR = {"naam": "tekst", "sterk": "tekst", "zwak": "tekst"}
_ARGUMENT = {"doordat": "tekst", "kunt_u": "tekst", "zodat": "tekst"}
_LINE = {"product": "tekst", "aantal": "bedrag"}
_LINE_OPTIONAL = ("periode", "looptijd_maanden", "opzegtermijn_maanden")
_EMAIL = {"dagen": "aantal", "onderwerp": "tekst"}
_ACTION = {"actie": "tekst", "kosten_per_klant": "bedrag", "vaste_kosten": "bedrag", "extra_behoud": "fractie"}

#: The six phases of the assignment: phase key -> (title, {step key: (title, {field: kind})}).
PHASES = {
    "fase_1": ("Fase 1 Klanten vaststellen en werven", {
        "afnemers": ("Stap 1 Afnemers uit de ABCD-analyse", {"afnemers": "tekst"}),
        "sdp": ("Stap 2 Doelgroep met het SDP-model",
                {"segmenten": _SEGMENT, "doelmarkt": "tekst", "positionering": "tekst"}),
        "adoptie": ("Stap 3 De innovatie op de adoptiecurve", {"innovatie": "tekst", "penetratie": "fractie"}),
        "usps": ("Stap 3 Unique selling points", {"usps": "teksten"}),
        "verdeling": ("Stap 4 Cold, warm en hot", {"cold": "aantal", "warm": "aantal", "hot": "aantal",
                                                   "regel": "tekst"}),
        "werving": ("Stap 5 Werving per groep", {"cold": "tekst", "warm": "tekst", "hot": "tekst"}),
    }),
    "fase_2": ("Fase 2 Onderhandelen", {
        "swot": ("SWOT en concurrenten", {"sterktes": "teksten", "zwaktes": "teksten", "kansen": "teksten",
                                          "bedreigingen": "teksten", "concurrenten": _COMPETITOR}),
        "argumenten": ("Argumenten voor een warme prospect", {"prospect": "tekst", "argumenten": _ARGUMENT}),
    }),
    "fase_3": ("Fase 3 Van prospect naar verkoop", {
        "offerte": ("De offerte", {"offerte_voor": "tekst", "regels": _LINE, "offerte_datum": "datum",
                                   "geldigheid_dagen": "aantal", "betalingstermijn_dagen": "aantal",
                                   "leverdatum": "datum"}),
    }),
    "fase_4": ("Fase 4 Algemene voorwaarden", {
        "voorwaarden": ("Algemene voorwaarden", {"tekst": "optioneel", "van_toepassing": "tekst"}),
    }),
    "fase_5": ("Fase 5 After sales", {
        "emails": ("After-sales e-mails", {"emails": _EMAIL}),
        "upsell": ("Up- en cross-selling", {"ideeen": "teksten"}),
    }),
    "fase_6": ("Fase 6 Klantenbeheer", {
        "behoud": ("Klanten behouden", {"klanten": "aantal", "marge_per_klant": "bedrag",
                                        "behoud_zonder_actie": "fractie", "acties": _ACTION}),
    }),
}

_KIND_HELP = {"tekst": "tekst tussen aanhalingstekens", "teksten": "een lijst met minstens één tekst",
              "aantal": "een geheel getal van 0 of meer", "bedrag": "een getal van 0 of meer, zonder €-teken",
              "fractie": "een fractie tussen 0 en 1 (0.08 = 8%)", "datum": "een datum als 'jjjj-mm-dd'",
              "optioneel": "tekst (mag leeg zijn)"}


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)) and math.isfinite(value)


def _check_value(value, kind, where: str, problems: list[str]) -> None:
    if isinstance(kind, dict):
        if not isinstance(value, (list, tuple)) or not value:
            problems.append(f"{where}: geef een lijst met minstens één rij {{{', '.join(kind)}}}")
            return
        optional = _LINE_OPTIONAL if kind is _LINE else ()
        for i, row in enumerate(value, start=1):
            _check_fields(row, kind, f"{where} rij {i}", problems, optional)
        return
    ok = {"tekst": _is_text(value), "optioneel": value is None or isinstance(value, str),
          "teksten": isinstance(value, (list, tuple)) and bool(value) and all(_is_text(v) for v in value),
          "aantal": _is_number(value) and float(value).is_integer() and value >= 0,
          "bedrag": _is_number(value) and value >= 0,
          "fractie": _is_number(value) and 0 <= value <= 1,
          "datum": _is_text(value) and not pd.isna(pd.to_datetime(value, errors="coerce", format="ISO8601"))}[kind]
    if not ok:
        shown = "leeg" if value is None or (isinstance(value, str) and not value.strip()) else repr(value)
        problems.append(f"{where}: moet {_KIND_HELP[kind]} zijn, maar is {shown}")


def _check_fields(entry, spec: dict, where: str, problems: list[str], optional=()) -> None:
    if not isinstance(entry, dict):
        problems.append(f"{where}: moet een dict zijn met {', '.join(spec)}")
        return
    for key in entry:
        if key not in spec and key not in optional:
            problems.append(f"{where}: onbekend veld {key!r}; bekende velden zijn {', '.join((*spec, *optional))}")
    for key, kind in spec.items():
        if key not in entry:
            problems.append(f"{where}: {key!r} ontbreekt ({_KIND_HELP.get(kind, 'een lijst') if isinstance(kind, str) else 'een lijst met rijen'})")
        else:
            _check_value(entry[key], kind, f"{where} '{key}'", problems)


def _check_phase(name: str, phase, problems: list[str]) -> None:
    title, steps = PHASES[name]
    if not isinstance(phase, dict):
        problems.append(f"{name}: moet een dict zijn met de stappen {', '.join(steps)}")
        return
    for key in phase:
        if key not in steps:
            problems.append(f"{name}: onbekende stap {key!r}; de stappen zijn {', '.join(steps)}")
    for key, (_, spec) in steps.items():
        where = f"{name} stap '{key}'"
        step = phase.get(key)
        if step is None:
            problems.append(f"{where} ontbreekt")
            continue
        _check_fields({k: v for k, v in step.items() if k != "waarom"} if isinstance(step, dict) else step,
                      spec, where, problems)
        if isinstance(step, dict) and not _is_text(step.get("waarom")):
            problems.append(f"{where}: de reden ('waarom') ontbreekt; schrijf in een zin waarom je dit kiest")


def _check_links(company: dict, phases: dict, problems: list[str]) -> None:
    """Entries that must name something given elsewhere: the doelmarkt, prospects, products."""
    try:
        sdp = phases["fase_1"]["sdp"]
        names = [s["segment"] for s in sdp["segmenten"]]
        if _is_text(sdp["doelmarkt"]) and sdp["doelmarkt"] not in names:
            problems.append(f"fase_1 stap 'sdp' 'doelmarkt': kies een van de segmenten ({', '.join(names)}), "
                            f"maar het is {sdp['doelmarkt']!r}")
    except (KeyError, TypeError):
        pass
    prospects = [p.get("naam") for p in company.get("prospects") or () if isinstance(p, dict)]
    products = [p.get("omschrijving") for p in company.get("producten") or () if isinstance(p, dict)]
    links = ((("fase_2", "argumenten", "prospect"), prospects), (("fase_3", "offerte", "offerte_voor"), prospects))
    for (phase, step, key), known in links:
        value = (phases.get(phase) or {}).get(step, {}).get(key) if isinstance(phases.get(phase), dict) else None
        if _is_text(value) and value not in known:
            problems.append(f"{phase} stap '{step}' '{key}': de naam van een van je prospects "
                            f"({', '.join(map(str, known)) or 'geen'}), maar is {value!r}")
    offer = (phases.get("fase_3") or {}).get("offerte") if isinstance(phases.get("fase_3"), dict) else None
    for i, row in enumerate((offer or {}).get("regels") or [], start=1):
        if isinstance(row, dict) and _is_text(row.get("product")) and row["product"] not in products:
            problems.append(f"fase_3 stap 'offerte' 'regels' rij {i}: product {row['product']!r} staat niet bij "
                            f"'producten' (schrijf de omschrijving precies hetzelfde)")
        if isinstance(row, dict):
            _check_recurring(row, f"fase_3 stap 'offerte' 'regels' rij {i}", problems)
    _check_warm(company, phases, problems)


def _check_recurring(row: dict, where: str, problems: list[str]) -> None:
    """A recurring line names its period, contract term and notice period; a one-off line none of them."""
    from .offerte import PERIODS

    given = [k for k in _LINE_OPTIONAL if k in row]
    if not given:
        return
    if row.get("periode") not in PERIODS:
        problems.append(f"{where}: 'periode' moet een van {', '.join(map(repr, PERIODS))} zijn (een bedrag dat "
                        f"terugkomt), maar is {row.get('periode')!r}; laat de drie velden weg bij een eenmalig bedrag")
    for key, minimum in (("looptijd_maanden", 1), ("opzegtermijn_maanden", 0)):
        value = row.get(key)
        if not (_is_number(value) and float(value).is_integer() and value >= minimum):
            problems.append(f"{where}: {key!r} moet een geheel aantal maanden van minstens {minimum} zijn, "
                            f"maar is {value!r}")


def _check_warm(company: dict, phases: dict, problems: list[str]) -> None:
    """Phase 2 argues for a warm prospect: by the student's own rules, not a cold or hot one."""
    step = (phases.get("fase_2") or {}).get("argumenten") if isinstance(phases.get("fase_2"), dict) else None
    name = step.get("prospect") if isinstance(step, dict) else None
    prospect = next((p for p in company.get("prospects") or () if isinstance(p, dict) and p.get("naam") == name), None)
    if prospect is None or not all(isinstance(prospect.get(k), (bool, np.bool_)) for k in _TEMPERATURE_FIELDS):
        return
    if prospect["budget_en_planning"] or not prospect["interesse"]:
        group = "hot" if prospect["budget_en_planning"] else "cold"
        problems.append(f"fase_2 stap 'argumenten' 'prospect': {name!r} is {group} volgens je prospects "
                        f"(interesse en budget_en_planning); kies een warme prospect, die ga je overtuigen")


_COMPANY_TEXT = {"naam": "de naam van je bedrijf", "adres": "het adres (straat en huisnummer)",
                 "postcode": "de postcode", "plaats": "de plaats", "kvk": "je KvK-nummer (8 cijfers)"}
_COMPANY_OPTIONAL = ("btw_id", "iban", "email", "telefoon", "website", "afzender", "ondertekenaar")
_TEMPERATURE_FIELDS = ("interesse", "budget_en_planning")
_PROSPECT_FIELDS = ("naam", "adres", "postcode", "plaats")


def _dict_rows(value, label: str, hint: str, known: tuple, problems: list[str]) -> list[tuple[str, dict]]:
    """The rows of a list of dicts as (where, row); an empty list, a non-dict or an unknown key is a problem."""
    if not isinstance(value, (list, tuple)) or not value:
        problems.append(f"'{label}': geef een lijst met minstens één {hint}")
        return []
    rows = []
    for i, item in enumerate(value, start=1):
        where = f"'{label}' nummer {i}"
        if not isinstance(item, dict):
            problems.append(f"{where}: moet een dict zijn met {', '.join(known)}")
            continue
        problems.extend(f"{where}: onbekend veld {k!r}; bekende velden zijn {', '.join(known)}"
                        for k in item if k not in known)
        rows.append((where, item))
    return rows


def _check_products(products, vat_rates, problems: list[str]) -> None:
    hint = "product ({'omschrijving': ..., 'prijs': ..., 'btw': 0.21, 0.09, 0 of 'KOR'})"
    for where, item in _dict_rows(products, "producten", hint, ("omschrijving", "prijs", "btw", "eenheid"), problems):
        if not _is_text(item.get("omschrijving")):
            problems.append(f"{where}: de omschrijving ontbreekt")
        price = item.get("prijs")
        if not _is_number(price) or price < 0:
            problems.append(f"{where}: de prijs moet een getal van 0 of meer zijn "
                            f"(zonder €-teken of aanhalingstekens), maar is {price!r}")
        rate = item.get("btw")
        if _is_number(rate) and rate in (21, 9):
            problems.append(f"{where}: btw {rate!r} is een percentage; schrijf {rate / 100}")
        elif rate != "KOR" and (not _is_number(rate) or rate not in vat_rates):
            problems.append(f"{where}: btw moet {', '.join(map(str, vat_rates))} of 'KOR' zijn "
                            f"(21%, 9% of 0% als fractie; 'KOR' bij de kleineondernemersregeling), maar is {rate!r}")


def _check_prospects(prospects, problems: list[str]) -> None:
    known = (*_PROSPECT_FIELDS, "tav", *_TEMPERATURE_FIELDS)
    for where, item in _dict_rows(prospects, "prospects", "prospect", known, problems):
        for key in _PROSPECT_FIELDS:
            if not _is_text(item.get(key)):
                problems.append(f"{where}: '{key}' ontbreekt of is leeg")
        for key in _TEMPERATURE_FIELDS:
            if not isinstance(item.get(key), (bool, np.bool_)):
                problems.append(f"{where}: '{key}' moet True of False zijn, maar is {item.get(key)!r}")


def _company_problems(facts, vat_rates) -> Problems:
    if not isinstance(facts, dict):
        return [f"de gegevens moeten een dict zijn ({{'naam': ..., ...}}), maar zijn {type(facts).__name__}"]
    problems = Problems()
    known = (*_COMPANY_TEXT, *_COMPANY_OPTIONAL, "producten", "prospects")
    problems.extend(f"onbekend veld {k!r}; bekende velden zijn {', '.join(known)}" for k in facts if k not in known)
    for key, label in _COMPANY_TEXT.items():
        if not _is_text(facts.get(key)):
            problems.append(f"'{key}': {label} ontbreekt of is leeg (schrijf tekst tussen aanhalingstekens)")
    if _is_text(facts.get("kvk")) and sum(ch.isdigit() for ch in facts["kvk"]) != 8:
        problems.append(f"'kvk': een KvK-nummer heeft 8 cijfers, maar is {facts['kvk']!r}")
    for key in ("afzender", "ondertekenaar"):
        if facts.get(key) is not None:
            _check_fields(facts[key], {"naam": "tekst", "functie": "tekst"}, f"'{key}'", problems)
    _check_products(facts.get("producten"), vat_rates, problems)
    _check_prospects(facts.get("prospects"), problems)
    return problems


def validate_own_company(facts, *, vat_rates=(0.21, 0.09, 0)) -> dict:
    """Check the company cell of notebook 09 (stappenplan, the seller of the offerte) at once.

    ``facts`` is a dict like :data:`EXAMPLE_OWN_COMPANY`. Returns a checked deep copy; raises
    :class:`~salesnb.errors.OwnCompanyError` naming all missing, unknown or malformed entries.

    >>> validate_own_company(EXAMPLE_OWN_COMPANY)["naam"]
    'FruitFit Kantoor B.V.'
    >>> validate_own_company({"naam": "X"})
    Traceback (most recent call last):
    ...
    salesnb.errors.OwnCompanyError: In de gegevens van je eigen bedrijf zitten 6 problemen:
    ...
    """
    problems = _company_problems(facts, vat_rates)
    if problems:
        raise OwnCompanyError(problems)
    return copy.deepcopy(facts)


def own_company_prospects(facts, channels=None) -> pd.DataFrame:
    """Cold / warm / hot for the own company's named prospects (stappenplan fase 1, notebook 09).

    Rules: hot when ``budget_en_planning`` is True (concrete need, budget and timing), warm when
    ``interesse`` is True (showed interest, or came by referral), cold otherwise. ``channels``
    (``{"cold": ..., "warm": ..., "hot": ...}``, the step ``werving``) adds the ``kanaal`` column.

    >>> own_company_prospects(EXAMPLE_OWN_COMPANY)[["naam", "temperatuur"]]
                           naam temperatuur
    0      Adviesbureau De Brug        warm
    1            ICT Huis Zeist         hot
    2  Notariskantoor Amersfoort        cold
    """
    facts = validate_own_company(facts)
    table = pd.DataFrame(facts["prospects"])
    rules = pd.DataFrame({"score": table["interesse"].astype(int), "hot": table["budget_en_planning"]})
    temp = prospect_temperature(rules, score_col="score", warm_score=1, source_col=None, bant=("hot",),
                                hot_min_bant=1)
    out = table[["naam", "plaats", "interesse", "budget_en_planning"]].copy()
    out["temperatuur"] = temp.to_numpy()
    if channels is not None:
        out["kanaal"] = out["temperatuur"].astype(str).map({t: channels.get(t) for t in TEMPERATURES})
    return out


def own_company_offerte(facts, offer, *, terms=None):
    """The offerte of the own company (fase 3) from the step ``offerte`` of ``fase_3``.

    ``offer`` names the prospect (``offerte_voor``), the ``regels`` (product and aantal; a
    recurring line adds ``periode``, ``looptijd_maanden``, ``opzegtermijn_maanden``), the date,
    validity, payment term and delivery date. ``terms`` is the text of the company's own algemene
    voorwaarden (Markdown), attached as an appendix; without it the offerte says the customer
    receives them separately: the sample company's terms are never used.

    One-off: the workshop, € 395,00 + 21% = € 477,95; per month: the fruit, € 98,00 + 9% = € 106,82:

    >>> o = own_company_offerte(EXAMPLE_OWN_COMPANY, EXAMPLE_PHASES["fase_3"]["offerte"])
    >>> o.totals()["totaal_incl_btw"], o.totals("maand")["totaal_incl_btw"]
    (Decimal('477.95'), Decimal('106.82'))
    """
    from .offerte import make_offerte

    facts = validate_own_company(facts)
    problems = Problems()
    _check_fields({k: v for k, v in offer.items() if k != "waarom"} if isinstance(offer, dict) else offer,
                  PHASES["fase_3"][1]["offerte"][1], "fase_3 stap 'offerte'", problems)
    _check_links(facts, {"fase_3": {"offerte": offer}}, problems)
    if problems:
        raise OwnCompanyError(problems)
    seller = {k: facts[k] for k in (*_COMPANY_TEXT, "btw_id", "iban", "email", "telefoon", "website") if k in facts}
    customer = next(p for p in facts["prospects"] if p["naam"] == offer["offerte_voor"])
    customer = {k: customer[k] for k in (*_PROSPECT_FIELDS, "tav") if k in customer}
    prices = {p["omschrijving"]: p for p in facts["producten"]}
    lines = [{"omschrijving": line["product"], "aantal": line["aantal"], "prijs": prices[line["product"]]["prijs"],
              "btw": prices[line["product"]]["btw"], "eenheid": prices[line["product"]].get("eenheid"),
              **{k: line[k] for k in _LINE_OPTIONAL if k in line}} for line in offer["regels"]]
    return make_offerte(seller, customer, lines, offerte_date=offer["offerte_datum"],
                        valid_days=int(offer["geldigheid_dagen"]), payment_days=int(offer["betalingstermijn_dagen"]),
                        delivery_date=offer["leverdatum"], sender=facts.get("afzender"),
                        signatory=facts.get("ondertekenaar"),
                        terms_title=f"Algemene voorwaarden {facts['naam']}", terms=terms or None,
                        vat_rates=(0.21, 0.09, 0))


@dataclass
class SalesPlan:
    """The checked sales process of the own company with everything computed from it.

    ``company`` and ``phases`` are checked copies of the input; ``adoption`` (Rogers' segments of
    the doelmarkt), ``target_segment`` (next to win at the given penetration), ``split`` (cold /
    warm / hot counts and shares), ``prospects`` (the named prospects with their temperature and
    channel), ``offerte``, ``emails`` (dated after-sales schedule) and ``retention`` (per action).
    """

    company: dict
    phases: dict
    adoption: pd.DataFrame
    target_segment: str
    split: pd.DataFrame
    prospects: pd.DataFrame
    offerte: object
    emails: pd.DataFrame
    retention: pd.DataFrame
    extra: dict = field(default_factory=dict)

    def step(self, phase: str, step: str) -> dict:
        """The student's entry for one step, e.g. ``plan.step("fase_1", "sdp")``."""
        return self.phases[phase][step]


def _compute(company: dict, phases: dict) -> SalesPlan:
    f1, f5, f6 = phases["fase_1"], phases["fase_5"], phases["fase_6"]
    size = next(s["omvang"] for s in f1["sdp"]["segmenten"] if s["segment"] == f1["sdp"]["doelmarkt"])
    counts = {t: int(f1["verdeling"][t]) for t in TEMPERATURES}
    total = sum(counts.values())
    split = pd.DataFrame({"temperatuur": list(TEMPERATURES), "aantal": list(counts.values()),
                          "aandeel": [c / total if total else 0.0 for c in counts.values()]})
    terms = phases["fase_4"]["voorwaarden"].get("tekst") or None
    offerte = own_company_offerte(company, phases["fase_3"]["offerte"], terms=terms)
    delivery = pd.Timestamp(phases["fase_3"]["offerte"]["leverdatum"])
    steps = [(int(e["dagen"]), e["onderwerp"]) for e in f5["emails"]["emails"]]
    behoud = f6["behoud"]
    retention = retention_action_value(int(behoud["klanten"]), float(behoud["marge_per_klant"]),
                                       actions=pd.DataFrame(behoud["acties"]),
                                       base_retention=float(behoud["behoud_zonder_actie"]))
    return SalesPlan(company=company, phases=phases, adoption=adoption_segments(int(size)),
                     target_segment=next_adoption_segment(float(f1["adoptie"]["penetratie"])),
                     split=split, prospects=own_company_prospects(company, f1["werving"]), offerte=offerte,
                     emails=follow_up_schedule(delivery, steps=steps), retention=retention)


def own_company_plan(company, fase_1, fase_2, fase_3, fase_4, fase_5, fase_6) -> SalesPlan:
    """Check the company cell and the six phase cells at once and compute the sales process.

    Every step needs its fields and a filled-in ``waarom`` (the reason for the choice); a
    missing, empty, unknown or malformed entry anywhere is named in one
    :class:`~salesnb.errors.OwnCompanyError`, so a student mends them all in one go.

    >>> plan = own_company_plan(EXAMPLE_OWN_COMPANY, **EXAMPLE_PHASES)
    >>> plan.target_segment, plan.split["aantal"].tolist()
    ('early adopters', [520, 95, 25])
    >>> kapot = {**EXAMPLE_PHASES, "fase_2": {"swot": {**EXAMPLE_PHASES["fase_2"]["swot"], "waarom": ""}}}
    >>> own_company_plan(EXAMPLE_OWN_COMPANY, **kapot)
    Traceback (most recent call last):
    ...
    salesnb.errors.OwnCompanyError: In de gegevens van je eigen bedrijf zitten 2 problemen:
      - fase_2 stap 'swot': de reden ('waarom') ontbreekt; schrijf in een zin waarom je dit kiest
      - fase_2 stap 'argumenten' ontbreekt
    ...
    """
    phases = {"fase_1": fase_1, "fase_2": fase_2, "fase_3": fase_3, "fase_4": fase_4, "fase_5": fase_5,
              "fase_6": fase_6}
    problems = _company_problems(company, (0.21, 0.09, 0))
    for name, phase in phases.items():
        _check_phase(name, phase, problems)
    if isinstance(company, dict):
        _check_links(company, {k: v for k, v in phases.items() if isinstance(v, dict)}, problems)
    if problems:
        raise OwnCompanyError(problems)
    return _compute(copy.deepcopy(company), copy.deepcopy(phases))
