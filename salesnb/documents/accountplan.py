"""The accountplan (§7.9): its content computed from one account's facts, and its HTML.

:func:`account_plan` turns an :class:`AccountFacts` (a case typed by hand, or
:func:`salesnb.sample_company.account_facts` on the sample company) into an
:class:`AccountPlan`: plain data (dicts and DataFrames with numbers). :func:`plan_html`
renders that content with the document helpers of :mod:`salesnb.documents._html`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import _validate as _v
from ..accounts import KAM_STAGE_DESCRIPTIONS, share_of_wallet
from ..display import format_euro, format_number, format_nps, format_percent, plural
from ..errors import InputError
from ..vocabulary import COMPANY, KAM_STAGES
from . import _html

__all__ = ["AccountFacts", "AccountPlan", "MIN_NPS_ANSWERS", "account_plan", "plan_html"]

#: The accountplan uses a customer's NPS only when it rests on at least this many answers.
MIN_NPS_ANSWERS = 5


@dataclass(frozen=True)
class AccountFacts:
    """What the accountplan is built from: the facts about one account (§7.9).

    Build it by hand (a case) or from the sample company with
    :func:`salesnb.sample_company.account_facts`. ``revenue_history`` maps year → our revenue;
    ``spend`` is the customer's yearly spend in our category; ``nps`` the customer's NPS over its
    most recent answers as a number -100..100 or None; ``nps_answers`` how many answers that NPS
    rests on (None: not known, e.g. in a case).

    >>> AccountFacts(name="Zorggroep Eem", customer_id=1, sector="zorg", region="Utrecht", size="groot",
    ...     account_manager="Sanne", revenue_history={2025: 50_000}, spend=200_000, kam_stage="mid KAM").kam_stage
    'mid KAM'
    """

    name: str
    customer_id: object
    sector: str
    region: str
    size: str
    account_manager: str
    revenue_history: Mapping[int, float]
    spend: float
    kam_stage: str
    purchasing: str = "onbekend"
    nps: float | None = None
    nps_answers: int | None = None
    competitors: Sequence[str] = ()
    roles_met: Sequence[str] = ()
    roles_missing: Sequence[str] = ()
    products_bought: Sequence[str] = ()
    products_not_bought: Sequence[str] = ()
    complaints_open: int = 0
    relationship_years: float | None = None
    seller: str = COMPANY["name"]


@dataclass
class AccountPlan:
    """A complete accountplan for one key account (§7.9): a data structure and a readable document.

    Sections: ``customer_analysis`` (klantanalyse), ``dmu`` (DMU-contactmatrix), ``relationship``
    (relatieanalyse), ``revenue`` (omzethistorie), ``swot``, ``confrontation``
    (confrontatiematrix), ``goals`` (SMART-doelen), ``actions`` (actieplan: wie, wat, wanneer),
    ``budget`` and ``monitoring``. Show it in a notebook (it renders itself as HTML), get the
    HTML with :meth:`to_html` or write it to a file with :meth:`write`.
    """

    title: str
    facts: AccountFacts
    plan_year: int
    customer_analysis: dict[str, str]
    dmu: pd.DataFrame
    revenue: pd.DataFrame
    relationship: dict[str, str]
    swot: dict[str, list[str]]
    confrontation: pd.DataFrame
    goals: pd.DataFrame
    actions: pd.DataFrame
    budget: pd.DataFrame
    monitoring: pd.DataFrame
    strategy: str = ""

    def __repr__(self) -> str:
        return f"<{self.title}: toon het in een notebook, of gebruik .to_html() / .write('plan.html')>"

    def to_html(self) -> str:
        """The plan as one HTML document; every text from the data is escaped."""
        return plan_html(self)

    def _repr_html_(self) -> str:
        return plan_html(self, full_document=False)

    def write(self, path) -> Path:
        """Write the plan as an HTML file (UTF-8) and return its path."""
        target = Path(path)
        if target.suffix.lower() not in (".html", ".htm"):
            raise InputError(f"Geef een bestandsnaam die eindigt op .html, niet {target.name!r}.")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(self.to_html(), encoding="utf-8")
        return target


def _euro(value: float) -> str:
    return format_euro(value)


def _pct(value: float) -> str:
    return format_percent(value, 1)


def _nps_text(value: float) -> str:
    return format_nps(value)


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class _Situation:
    """The validated facts and settings, and the numbers every section of the plan uses."""

    facts: AccountFacts
    year: int
    until: str
    step: float
    cap: float
    nps_step: float
    min_n: int
    visit_cost: float
    visits: float
    service: float
    recovery: float
    history: pd.Series
    last_year: int
    last: float
    prev: float | None
    spend: float
    sow: float
    stage_nr: int
    next_stage: str
    n_answers: int | None
    measure_nps: bool
    unhappy: bool
    all_roles: list

    @property
    def n_text(self) -> str:
        return "" if self.n_answers is None else f", n={self.n_answers}"

    @property
    def nps_shown(self) -> str:
        if self.facts.nps is None:
            return "niet gemeten"
        if self.measure_nps:
            return f"te weinig metingen (n={self.n_answers})"
        return _nps_text(self.facts.nps) + ("" if self.n_answers is None else f" (n={self.n_answers})")


def _settings(plan_year, sow_step, sow_cap, nps_step, min_nps_answers, visit_cost, visits_per_year,
              service_cost, recovery_cost, deadline) -> dict:
    year = int(_v.number(plan_year, "plan_year", minimum=2000, maximum=2100, integer=True))
    return {
        "year": year, "until": deadline or f"31-12-{year}",
        "step": _v.fraction(sow_step, "sow_step"), "cap": _v.fraction(sow_cap, "sow_cap"),
        "nps_step": _v.number(nps_step, "nps_step", minimum=0, maximum=200),
        "min_n": int(_v.number(min_nps_answers, "min_nps_answers", minimum=1, integer=True)),
        "visit_cost": _v.number(visit_cost, "visit_cost", minimum=0),
        "visits": _v.number(visits_per_year, "visits_per_year", minimum=0),
        "service": _v.number(service_cost, "service_cost", minimum=0),
        "recovery": _v.number(recovery_cost, "recovery_cost", minimum=0),
    }


def _situation(facts: AccountFacts, settings: dict) -> _Situation:
    """Validate the facts and derive the numbers the sections share: share of wallet, the next
    Millman & Wilson stage, and whether the NPS is usable (too few answers: measure first;
    negative: recover first)."""
    if not isinstance(facts, AccountFacts):
        raise InputError("'facts' moet een AccountFacts zijn; maak die met account_facts(klantnummer).")
    if not facts.revenue_history:
        raise InputError("De omzethistorie van het account is leeg; een accountplan heeft omzetcijfers nodig.")
    history = pd.Series({int(k): float(v) for k, v in dict(facts.revenue_history).items()}).sort_index()
    _v.numbers_array(history, "revenue_history", minimum=0)
    last = float(history.iloc[-1])
    spend = _v.number(facts.spend, "spend", minimum=0, min_inclusive=False)
    sow = share_of_wallet(last, spend)
    _v.choice(facts.kam_stage, "kam_stage", list(KAM_STAGES))
    n_answers = None if facts.nps_answers is None else int(
        _v.number(facts.nps_answers, "nps_answers", minimum=0, integer=True))
    if facts.nps is not None:
        _v.number(facts.nps, "nps", minimum=-100, maximum=100)
    stage_names = list(KAM_STAGES)
    stage_nr = stage_names.index(facts.kam_stage)
    next_stage = stage_names[min(stage_nr + 1, 4)] if facts.kam_stage != "uncoupling KAM" else "mid KAM"
    measure_nps = facts.nps is None or (n_answers is not None and n_answers < settings["min_n"])
    return _Situation(
        facts=facts, **settings, history=history, last_year=int(history.index[-1]), last=last,
        prev=float(history.iloc[-2]) if len(history) > 1 else None, spend=spend, sow=sow,
        stage_nr=stage_nr, next_stage=next_stage, n_answers=n_answers, measure_nps=measure_nps,
        unhappy=not measure_nps and facts.nps < 0,
        all_roles=list(facts.roles_met) + [r for r in facts.roles_missing if r not in facts.roles_met])


def _customer_analysis(facts: AccountFacts) -> dict[str, str]:
    return {
        "Klant": facts.name, "Klantnummer": str(facts.customer_id), "Branche": facts.sector,
        "Regio": facts.region, "Omvang": facts.size, "Inkoopbeleid": facts.purchasing,
        "Accountmanager": facts.account_manager,
        "Producten die de klant al afneemt": ", ".join(facts.products_bought) or "geen",
        "Producten die de klant nog niet afneemt": ", ".join(facts.products_not_bought) or "geen",
    }


def _relationship(sit: _Situation) -> dict[str, str]:
    facts = sit.facts
    return {
        f"Omzet {sit.last_year}": _euro(sit.last),
        "Totale besteding klant in onze categorie": _euro(sit.spend),
        "Share of wallet": _pct(sit.sow),
        "NPS (laatste meting)": sit.nps_shown,
        "Fase Millman & Wilson": f"{facts.kam_stage}: {KAM_STAGE_DESCRIPTIONS[facts.kam_stage][0]}",
        "Contactpatroon": KAM_STAGE_DESCRIPTIONS[facts.kam_stage][1],
        "Concurrenten bij de klant": ", ".join(facts.competitors) or "niet bekend",
        "Klant sinds": "onbekend" if facts.relationship_years is None
        else f"{facts.relationship_years:.0f} jaar",
    }


def _swot_items(sit: _Situation) -> tuple[list, list, list, list]:
    """SWOT items from the facts: (text, phrase for the confrontation matrix[, risk])."""
    facts, last, prev, sow = sit.facts, sit.last, sit.prev, sit.sow
    s, w, o, t = [], [], [], []
    if sit.unhappy:
        w.append((f"ontevreden klant (NPS {_nps_text(facts.nps)}{sit.n_text})",
                  "neem eerst de oorzaken van de ontevredenheid weg"))
    if facts.complaints_open:
        w.append((f"{plural(facts.complaints_open, 'klacht', 'klachten')} niet goed afgehandeld",
                  "los de open klachten op"))
    if sow >= 0.5:
        s.append((f"grote share of wallet ({_pct(sow)}): wij zijn hoofdleverancier",
                  f"ons aandeel van {_pct(sow)} in de besteding"))
    else:
        w.append((f"kleine share of wallet ({_pct(sow)}): de klant koopt het meeste elders",
                  "laat zien wat wij nog meer kunnen leveren"))
    if prev is not None and last > prev:
        change = _pct(last / prev - 1) if prev else "n.v.t."
        s.append((f"omzet groeide in {sit.last_year} met {change}",
                  f"de omzetgroei in {sit.last_year} ({change})"))
    elif prev is not None and last < prev:
        w.append((f"omzet daalde in {sit.last_year} met {_pct(1 - last / prev)}",
                  "achterhaal waarom de omzet daalde"))
    if not sit.measure_nps and facts.nps >= 30:
        s.append((f"tevreden klant (NPS {_nps_text(facts.nps)}{sit.n_text})",
                  f"de tevredenheid van de klant (NPS {_nps_text(facts.nps)})"))
    if facts.roles_met:
        s.append((f"contact met {', '.join(facts.roles_met)}", "onze contacten in de DMU"))
    if facts.roles_missing:
        w.append((f"geen contact met {', '.join(facts.roles_missing)} in de DMU",
                  f"leg contact met {', '.join(facts.roles_missing)}"))
    if sit.stage_nr >= 3 and facts.kam_stage != "uncoupling KAM":
        s.append((f"hechte relatie ({facts.kam_stage})", "de hechte relatie"))
    if sit.measure_nps:
        w.append(("tevredenheid van de klant niet gemeten" if facts.nps is None
                  else f"tevredenheid nauwelijks gemeten (n={sit.n_answers} NPS-antwoorden)",
                  "meet de tevredenheid bij de hele DMU"))
    o, t = _opportunities_threats(sit)
    return s, w, o, t


def _opportunities_threats(sit: _Situation) -> tuple[list, list]:
    facts, last, spend = sit.facts, sit.last, sit.spend
    o, t = [], []
    if spend > last:
        o.append((f"{_euro(spend - last)} besteding gaat nog naar anderen (restant van de wallet)",
                  f"vraag een groter deel van de resterende {_euro(spend - last)}"))
    if facts.products_not_bought:
        o.append((f"cross-selling: {', '.join(facts.products_not_bought)}",
                  f"bied {facts.products_not_bought[0]} aan"))
    if facts.kam_stage != "synergistic KAM":
        o.append((f"relatie herstellen en daarna verdiepen naar {sit.next_stage}" if sit.unhappy
                  else f"relatie verdiepen naar {sit.next_stage}", f"werk toe naar {sit.next_stage}"))
    if facts.competitors:
        t.append((f"concurrenten actief bij de klant: {', '.join(facts.competitors)}",
                  "houd de concurrenten buiten de deur", "nemen de concurrenten omzet over"))
    if "aanbesteding" in facts.purchasing.lower():
        t.append(("inkoop via aanbesteding: het contract kan bij een nieuwe ronde verloren gaan",
                  "bereid de volgende aanbesteding goed voor", "verliezen we de volgende aanbesteding"))
    if facts.kam_stage == "uncoupling KAM":
        t.append(("de relatie is aan het ontkoppelen", "stop de ontkoppeling", "loopt de relatie verder af"))
    if sit.prev is not None and last < sit.prev:
        t.append(("dalende omzet kan wijzen op overstap naar een concurrent",
                  "voorkom een overstap naar een concurrent", "stapt de klant over naar een concurrent"))
    return o, t


_NO_S, _NO_W = "nog geen duidelijke sterkte in de data", "geen duidelijke zwakte in de data"
_NO_O, _NO_T = "geen duidelijke kans in de data", "geen duidelijke bedreiging in de data"


def _swot(s: list, w: list, o: list, t: list) -> dict[str, list[str]]:
    swot = {}
    for key, code, items, filler in (("Sterktes", "S", s, _NO_S), ("Zwaktes", "W", w, _NO_W),
                                     ("Kansen", "O", o, _NO_O), ("Bedreigingen", "T", t, _NO_T)):
        swot[key] = [f"{code}{i}: {item[0]}" for i, item in enumerate(items, start=1)] or [filler]
    return swot


def _swot_options(s: list, w: list, o: list, t: list) -> pd.DataFrame:
    """The confrontation matrix (§7.9): one short option per quadrant, combining numbered SWOT items.

    Items are tuples (text, phrase[, phrase]): a strength's phrase is a noun phrase ("de hechte
    relatie"), a weakness's and an opportunity's an imperative ("los de open klachten op"), a
    threat has an imperative to defend and the risk if nothing is done.
    """
    def pick(items, code, i):
        if not items:
            return None
        i = min(i, len(items) - 1)
        return f"{code}{i + 1}", items[i]

    def option(a, b, make, missing):
        if a is None or b is None:
            return f"geen optie: {missing}"
        return f"{a[0]} × {b[0]}: {make(a[1], b[1])}"

    rows = [
        ("sterkte × kans", "aanvallen",
         option(pick(s, "S", 0), pick(o, "O", 0), lambda a, b: f"{b[1]}, met {a[1]} als argument.",
                _NO_S if not s else _NO_O)),
        ("sterkte × bedreiging", "verdedigen",
         option(pick(s, "S", len(s) - 1), pick(t, "T", 0), lambda a, b: f"{b[1]}; zet daarbij {a[1]} in.",
                _NO_S if not s else _NO_T)),
        ("zwakte × kans", "versterken",
         option(pick(w, "W", 0), pick(o, "O", 0), lambda a, b: f"{a[1]} en {b[1]}.",
                _NO_W if not w else _NO_O)),
        ("zwakte × bedreiging", "terugtrekken of beperken",
         option(pick(w, "W", 0), pick(t, "T", len(t) - 1), lambda a, b: f"{a[1]}, anders {b[2]}.",
                _NO_W if not w else _NO_T)),
    ]
    return pd.DataFrame(rows, columns=["combinatie", "strategie", "optie"])


def _sow_goal(sit: _Situation) -> float:
    return round(min(max(sit.cap, sit.sow), sit.sow + sit.step), 9)


def _nps_goal(sit: _Situation) -> float | None:
    return None if sit.measure_nps else min(100.0, sit.facts.nps + sit.nps_step)


def _goals(sit: _Situation) -> pd.DataFrame:
    """The SMART goals, computed: share of wallet, missing DMU roles, NPS (or enough NPS
    answers first), and the Millman & Wilson stage (kept while the customer is unhappy)."""
    facts, year, until = sit.facts, sit.year, sit.until
    sow_goal = _sow_goal(sit)
    goals = [{"doel_id": "D1", "omschrijving":
              f"Share of wallet van {_pct(sit.sow)} naar {_pct(sow_goal)} uiterlijk {until} "
              f"(omzet van {_euro(sit.last)} naar {_euro(sow_goal * sit.spend)}).",
              "kpi": "share of wallet", "nu": round(sit.sow, 9), "doel": sow_goal, "deadline": until}]
    if facts.roles_missing:
        goals.append({"doel_id": "D2", "omschrijving":
                      f"Uiterlijk 30-06-{year} een gesprek gehad met elke ontbrekende DMU-rol "
                      f"({', '.join(facts.roles_missing)}).",
                      "kpi": "DMU-rollen gesproken", "nu": float(len(facts.roles_met)),
                      "doel": float(len(sit.all_roles)), "deadline": f"30-06-{year}"})
    number = f"D{len(goals) + 1}"
    if sit.measure_nps:
        have = 0 if sit.n_answers is None else sit.n_answers
        goals.append({"doel_id": number, "omschrijving":
                      f"Uiterlijk 30-06-{year} minstens {sit.min_n} NPS-antwoorden van deze klant (nu {have}), "
                      f"van verschillende DMU-rollen, zodat de tevredenheid betrouwbaar gemeten is.",
                      "kpi": "NPS-antwoorden", "nu": float(have), "doel": float(sit.min_n),
                      "deadline": f"30-06-{year}"})
    else:
        goals.append({"doel_id": number, "omschrijving":
                      f"NPS bij deze klant van {_nps_text(facts.nps)} naar {_nps_text(_nps_goal(sit))} "
                      f"bij de meting van {until}.",
                      "kpi": "NPS", "nu": float(facts.nps), "doel": _nps_goal(sit), "deadline": until})
    number = f"D{len(goals) + 1}"
    stage = float(sit.stage_nr + 1)
    if sit.unhappy:
        goals.append({"doel_id": number, "omschrijving":
                      f"Relatie behouden in {facts.kam_stage} tot en met {until}: eerst de ontevredenheid "
                      f"wegnemen, pas daarna de volgende fase.",
                      "kpi": "fase Millman & Wilson", "nu": stage, "doel": stage, "deadline": until})
    else:
        goals.append({"doel_id": number, "omschrijving":
                      f"Relatie van {facts.kam_stage} naar {sit.next_stage} uiterlijk {until} "
                      f"(contactpatroon: {KAM_STAGE_DESCRIPTIONS[sit.next_stage][1]}).",
                      "kpi": "fase Millman & Wilson", "nu": stage,
                      "doel": float(list(KAM_STAGES).index(sit.next_stage) + 1), "deadline": until})
    return pd.DataFrame(goals)


def _strategy(sit: _Situation) -> str:
    facts = sit.facts
    cross = f"met {', '.join(facts.products_not_bought[:2])} " if facts.products_not_bought else ""
    if sit.unhappy:
        return (f"Eerst herstellen, dan groeien: {facts.name} is ontevreden (NPS {_nps_text(facts.nps)}"
                f"{sit.n_text}). Neem de oorzaken weg en behoud de relatie in {facts.kam_stage}; vergroot "
                f"daarna de share of wallet {cross}".rstrip() + ".")
    strategy = (f"Groeien bij {facts.name} door de share of wallet te vergroten {cross}"
                + ("en de hele DMU te bereiken" if facts.roles_missing else "en de relatie te verdiepen")
                + f", op weg naar {sit.next_stage}.")
    if sit.measure_nps:
        strategy += (" De tevredenheid is nog niet gemeten" if facts.nps is None
                     else f" De tevredenheid is nog niet betrouwbaar gemeten (n={sit.n_answers})")
        strategy += ": meet die eerst en stuur pas daarna op de NPS."
    return strategy


def _actions(sit: _Situation) -> pd.DataFrame:
    """The action plan: who does what when, with its yearly cost."""
    facts, year, am = sit.facts, sit.year, sit.facts.account_manager
    actions = [{"wie": am, "wat": "Jaargesprek met de inkoper en beslisser: accountplan en doelen bespreken",
                "wanneer": f"januari {year}", "kosten": 0.0}]
    if sit.unhappy:
        actions.append({"wie": f"{am} + servicemanager",
                        "wat": "Herstelgesprek: oorzaken van de ontevredenheid bespreken en een verbeterplan afspreken",
                        "wanneer": f"januari {year}", "kosten": sit.recovery})
        actions.append({"wie": am, "wat": "Tussenmeting NPS na het verbeterplan", "wanneer": f"juni {year}",
                        "kosten": 0.0})
    if sit.measure_nps:
        actions.append({"wie": am, "wat": f"NPS-vraag uitzetten bij alle contactpersonen in de DMU "
                                          f"(doel: minstens {sit.min_n} antwoorden)",
                        "wanneer": f"voor 30-06-{year}", "kosten": 0.0})
    if facts.roles_missing:
        actions.append({"wie": am, "wat": f"Kennismaking met {', '.join(facts.roles_missing)}",
                        "wanneer": f"voor 30-06-{year}", "kosten": 250.0})
    if facts.products_not_bought:
        actions.append({"wie": f"{am} + productspecialist",
                        "wat": f"Voorstel en proefplaatsing {facts.products_not_bought[0]}",
                        "wanneer": f"2e kwartaal {year}", "kosten": 1_500.0})
    actions.append({"wie": "servicedienst",
                    "wat": f"Onderhoudsrapport en storingsanalyse delen (4 × {_euro(sit.service)} per kwartaal)",
                    "wanneer": "elk kwartaal", "kosten": 4 * sit.service})
    if facts.complaints_open:
        actions.append({"wie": "klantenservice", "wat": "Openstaande klachten oplossen en terugkoppelen",
                        "wanneer": f"februari {year}", "kosten": 300.0})
    actions.append({"wie": am, "wat": "NPS-meting en evaluatie accountplan", "wanneer": f"december {year}",
                    "kosten": 0.0})
    return pd.DataFrame(actions)


def _budget(sit: _Situation, actions: pd.DataFrame) -> pd.DataFrame:
    budget = pd.DataFrame([
        {"post": f"Accountbezoeken ({sit.visits:.0f} × {_euro(sit.visit_cost)})",
         "bedrag": sit.visits * sit.visit_cost},
        *({"post": a["wat"], "bedrag": a["kosten"]} for _, a in actions.iterrows() if a["kosten"] > 0),
    ])
    return pd.concat([budget, pd.DataFrame([{"post": "Totaal", "bedrag": budget["bedrag"].sum()}])],
                     ignore_index=True)


def _monitoring(sit: _Situation) -> pd.DataFrame:
    facts, sow_goal = sit.facts, _sow_goal(sit)
    if sit.measure_nps:
        nps_now = "niet gemeten" if facts.nps is None else f"te weinig metingen (n={sit.n_answers})"
        nps_target = f"minstens {sit.min_n} antwoorden"
    else:
        nps_now, nps_target = sit.nps_shown, _nps_text(_nps_goal(sit))
    return pd.DataFrame([
        {"kpi": "omzet bij de klant", "nu": _euro(sit.last), "doel": _euro(sow_goal * sit.spend),
         "meten": "elke maand", "bron": "orders"},
        {"kpi": "share of wallet", "nu": _pct(sit.sow), "doel": _pct(sow_goal), "meten": "elk kwartaal",
         "bron": "orders en besteding klant"},
        {"kpi": "DMU-rollen gesproken", "nu": str(len(facts.roles_met)), "doel": str(len(sit.all_roles)),
         "meten": "elk kwartaal", "bron": "CRM-contacten"},
        {"kpi": "NPS", "nu": nps_now, "doel": nps_target,
         "meten": "elk half jaar" if (sit.measure_nps or sit.unhappy) else "elk jaar", "bron": "NPS-enquête"},
        {"kpi": "fase Millman & Wilson", "nu": facts.kam_stage,
         "doel": facts.kam_stage if sit.unhappy else sit.next_stage, "meten": "elk half jaar",
         "bron": "beoordeling accountteam"},
    ])


def account_plan(facts: AccountFacts, *, plan_year: int = 2026, sow_step: float = 0.10,
                 sow_cap: float = 0.80, nps_step: float = 10.0, min_nps_answers: int = MIN_NPS_ANSWERS,
                 visit_cost: float = 150.0, visits_per_year: float = 12.0, service_cost: float = 400.0,
                 recovery_cost: float = 500.0, deadline: str | None = None) -> AccountPlan:
    """Generate the accountplan (§7.9) for one key account from its facts.

    The SMART goals are computed: share of wallet from its current value up by ``sow_step``
    (at most ``sow_cap``) by the deadline (default 31 December of ``plan_year``), the revenue
    that takes at the customer's spend, every missing DMU role met, NPS up by ``nps_step``,
    and one step further in Millman & Wilson. An NPS on fewer than ``min_nps_answers`` answers
    is not used: the plan shows "te weinig metingen" and sets a measurement goal instead. A
    negative NPS (on enough answers) adds a recovery action and makes the strategy "eerst
    herstellen". Budget = visits × ``visit_cost`` + the actions (the service report costs
    ``service_cost`` per quarter, the recovery talk ``recovery_cost``), all per year.

    >>> facts = AccountFacts(name="Zorggroep Eem", customer_id=1, sector="zorg", region="Utrecht",
    ...     size="250+ medewerkers", account_manager="Sanne de Vries",
    ...     revenue_history={2024: 40_000, 2025: 50_000}, spend=200_000, kam_stage="mid KAM",
    ...     roles_met=["inkoper"], roles_missing=["beslisser"], nps=-100, nps_answers=2)
    >>> plan = account_plan(facts)
    >>> float(plan.goals.loc[0, "doel"]), float(plan.goals.loc[0, "nu"])
    (0.35, 0.25)
    >>> plan.relationship["NPS (laatste meting)"]
    'te weinig metingen (n=2)'
    >>> "Zorggroep Eem" in plan.to_html()
    True
    """
    settings = _settings(plan_year, sow_step, sow_cap, nps_step, min_nps_answers, visit_cost,
                         visits_per_year, service_cost, recovery_cost, deadline)
    sit = _situation(facts, settings)
    s, w, o, t = _swot_items(sit)
    actions = _actions(sit)
    history = sit.history
    return AccountPlan(
        title=f"Accountplan {sit.year}: {facts.name}", facts=facts, plan_year=sit.year,
        customer_analysis=_customer_analysis(facts),
        dmu=pd.DataFrame({"rol": sit.all_roles,
                          "contact": ["ja" if r in facts.roles_met else "nee" for r in sit.all_roles]}),
        revenue=pd.DataFrame({"jaar": history.index.astype(int), "omzet": history.to_numpy(),
                              "groei": history.pct_change().to_numpy()}),
        relationship=_relationship(sit), swot=_swot(s, w, o, t), confrontation=_swot_options(s, w, o, t),
        goals=_goals(sit), actions=actions, budget=_budget(sit, actions), monitoring=_monitoring(sit),
        strategy=_strategy(sit))


# --------------------------------------------------------------------------- rendering

_EURO_COLUMNS = ("omzet", "bedrag", "kosten")
_HEADERS = {"rol": "DMU-rol", "doel_id": "nr"}


def _cell_text(value, column: str) -> str:
    """A number in one of the plan's tables as text, by its column; text stays as it is."""
    if pd.isna(value):
        return "—"
    if column in _EURO_COLUMNS:
        return _euro(float(value))
    if column == "groei":
        return _pct(float(value))
    if column == "jaar":
        return str(int(value))
    return format_number(float(value), 0 if float(value) == int(value) else 1)


def _goal_value(kpi: str, value) -> str:
    """A goal's 'nu' or 'doel' as text, by its KPI: a share as a percentage (also exactly 0 or 1),
    an NPS with its sign, a Millman & Wilson stage by its name, a count as a whole number."""
    if value is None or pd.isna(value):
        return "—"
    value = float(value)
    if kpi == "share of wallet":
        return _pct(value)
    if kpi == "NPS":
        return _nps_text(value)
    if kpi == "fase Millman & Wilson" and float(value).is_integer() and 1 <= value <= len(KAM_STAGES):
        return list(KAM_STAGES)[int(value) - 1]
    return format_number(value, 0 if value.is_integer() else 1)


def _frame_html(frame: pd.DataFrame, right: Sequence[str] = ()) -> str:
    """One of the plan's tables: numeric columns as text by :func:`_cell_text`, right-aligned."""
    numeric = [c for c in frame.columns
               if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])]
    shown = frame.copy()
    for column in numeric:
        shown[column] = [_cell_text(v, str(column)) for v in frame[column]]
    return _html.table(shown, numeric=[*numeric, *right], headers=_HEADERS)


def _goals_html(goals: pd.DataFrame) -> str:
    shown = goals[["doel_id", "omschrijving", "kpi", "nu", "doel", "deadline"]]
    shown = shown.assign(nu=[_goal_value(k, v) for k, v in zip(shown["kpi"], shown["nu"])],
                         doel=[_goal_value(k, v) for k, v in zip(shown["kpi"], shown["doel"])])
    return _frame_html(shown, right=("nu", "doel"))


def _swot_html(swot: Mapping[str, list[str]]) -> str:
    quadrants = "".join(f"<div>{_html.heading(k, 4)}{_html.bullets(items)}</div>" for k, items in swot.items())
    return f"<div class='sn-swot'>{quadrants}</div>"


def plan_html(plan: AccountPlan, *, full_document: bool = True) -> str:
    """The accountplan (§7.9) as HTML: a complete page, or a fragment for a notebook cell.

    >>> facts = AccountFacts(name="<Eem>", customer_id=1, sector="zorg", region="Utrecht", size="groot",
    ...     account_manager="Sanne", revenue_history={2025: 50_000}, spend=200_000, kam_stage="mid KAM")
    >>> text = plan_html(account_plan(facts))
    >>> text.startswith("<!DOCTYPE html>"), "&lt;Eem&gt;" in text, "<Eem>" in text
    (True, True, False)
    """
    facts = plan.facts
    body = "".join([
        _html.heading(plan.title, 1),
        _html.paragraph(f"{facts.seller} · accountmanager {facts.account_manager}"),
        _html.heading("1. Klantanalyse", 2), _html.definition_list(plan.customer_analysis),
        _html.heading("DMU-contactmatrix", 3), _frame_html(plan.dmu),
        _html.heading("2. Relatieanalyse", 2), _html.definition_list(plan.relationship),
        _html.heading("Omzethistorie", 3), _frame_html(plan.revenue),
        _html.heading("3. SWOT", 2), _swot_html(plan.swot),
        _html.heading("Confrontatiematrix", 3), _frame_html(plan.confrontation),
        _html.heading("4. SMART-doelen", 2), _goals_html(plan.goals),
        _html.heading("5. Strategie en actieplan", 2), _html.paragraph(plan.strategy),
        _frame_html(plan.actions),
        _html.heading(f"6. Budget {plan.plan_year} (per jaar)", 2), _frame_html(plan.budget),
        _html.heading("7. Monitoring", 2), _frame_html(plan.monitoring),
    ])
    return str(_html.page(plan.title, body) if full_document else _html.fragment(body))
