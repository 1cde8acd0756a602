"""Exercises of notebook 05 (H5 Sales funnel management): "5.1" ... "5.6" in the notebook's order.

5.1 win rate of one product group (data; hit rate confusion diagnosed), 5.2 weighted pipeline of one
product group (data),
5.3 sales plan rounding only the end result (case; rounding too early diagnosed), 5.4 hit rate against
win rate (multiple choice), 5.5 weekly calls per account manager (case), 5.6 win rate when the
beïnvloeder was missed (data).
"""

from __future__ import annotations

import math

from ._core import Mistake, register_exercise

__all__: list[str] = []


def _opps():
    from ..data import load

    return load("opportunities")


def _counts():
    o = _opps()
    return (int((o["outcome"] == "gewonnen").sum()), int((o["outcome"] == "verloren").sum()),
            int((o["outcome"] == "open").sum()), int(o["quotation_sent"].sum()))


# ---- 5.1 win rate -------------------------------------------------------------------------
# The notebook prints the win rate of all opportunities; the exercise asks for one product group.
WIN_GROUP = "Waterkoelers"


def _group_counts():
    o = _opps()
    o = o[o["product_group"].astype(str) == WIN_GROUP]
    return (int((o["outcome"] == "gewonnen").sum()), int((o["outcome"] == "verloren").sum()),
            int((o["outcome"] == "open").sum()), int(o["quotation_sent"].sum()))


register_exercise(
    id="5.2",
    title="Win rate van één productgroep",
    question=("Hierboven staat de win rate van alle opportunities samen. Wint Brandwijk bij waterkoelers, een "
              "aankoop die vaak nieuw is voor de klant, even vaak? Wat is de win rate van de opportunities in de productgroep "
              f"'{WIN_GROUP}' (salesnb.load('opportunities'), kolommen 'product_group' en 'outcome': gewonnen, "
              "verloren of open)? Geef een fractie."),
    answer=lambda: (lambda w, lo, op, q: w / (w + lo))(*_group_counts()),
    unit="fraction",
    mistakes=[
        Mistake(lambda: (lambda w, lo, op, q: w / (w + lo))(*_counts()),
                "Dat is de win rate van álle opportunities, het getal hierboven. Selecteer eerst de "
                f"productgroep: opps['product_group'] == '{WIN_GROUP}'."),
        Mistake(lambda: (lambda w, lo, op, q: w / q)(*_group_counts()),
                "Je deelde de gewonnen deals door het aantal offertes: dat is de hit rate (orders / offertes). "
                "De win rate deelt door de afgesloten deals: gewonnen + verloren."),
        Mistake(lambda: (lambda w, lo, op, q: w / (w + lo + op))(*_group_counts()),
                "Je telde de open deals mee in de noemer. Die zijn nog niet gewonnen of verloren; de win rate "
                "is gewonnen / (gewonnen + verloren)."),
        Mistake(lambda: (lambda w, lo, op, q: lo / (w + lo))(*_group_counts()),
                "Je berekende het aandeel verloren deals (de loss rate). De win rate telt de gewonnen deals."),
    ],
    hints=[f"Selecteer opps[opps['product_group'] == '{WIN_GROUP}'] en tel met ['outcome'].value_counts() "
           "hoeveel deals gewonnen, verloren en open zijn.",
           "Win rate = gewonnen / (gewonnen + verloren); open deals tellen niet mee."],
    solution=f"""
        opps = salesnb.load("opportunities")
        groep = opps[opps["product_group"] == "{WIN_GROUP}"]
        gewonnen = (groep["outcome"] == "gewonnen").sum()
        verloren = (groep["outcome"] == "verloren").sum()
        # Win rate = gewonnen / (gewonnen + verloren): alleen afgesloten deals, open deals tellen niet mee.
        # (De hit rate deelt juist door het aantal verstuurde offertes.)
        antwoord = gewonnen / (gewonnen + verloren)
    """,
)


# ---- 5.2 weighted pipeline ------------------------------------------------------------------
# The notebook prints the weighted pipeline of all open deals; the exercise asks for one product group.
PIPELINE_GROUP = "Koffie & thee"


def _open(group=PIPELINE_GROUP):
    o = _opps()
    o = o[o["outcome"] == "open"]
    return o if group is None else o[o["product_group"].astype(str) == group]


def _group_rows():
    o = _opps()
    return o[o["product_group"].astype(str) == PIPELINE_GROUP]


register_exercise(
    id="5.3",
    title="Gewogen pijplijn van één productgroep",
    question=("Hierboven staat de gewogen pijplijn van alle open deals. Hoeveel daarvan komt uit koffie en thee? "
              f"Hoeveel omzet verwacht Brandwijk uit de open opportunities in de productgroep '{PIPELINE_GROUP}' "
              "als je elke deal weegt met de kans van zijn fase (kolom 'probability')? Geef het bedrag in euro's."),
    answer=lambda: float((_open()["value"] * _open()["probability"]).sum()),
    unit="euro",
    mistakes=[
        Mistake(lambda: float((_open(None)["value"] * _open(None)["probability"]).sum()),
                "Dat is de gewogen pijplijn van álle open deals, het bedrag hierboven. Selecteer ook de "
                f"productgroep '{PIPELINE_GROUP}'."),
        Mistake(lambda: float(_open()["value"].sum()),
                "Je telde de waarde van alle open deals op zonder te wegen. Niet elke deal wordt gewonnen: "
                "vermenigvuldig elke waarde met de kans van zijn fase."),
        Mistake(lambda: float((_group_rows()["value"] * _group_rows()["probability"]).sum()),
                "Je nam ook de afgesloten deals mee; gewonnen deals hebben kans 1 en blazen het getal op. "
                "De pijplijn bestaat alleen uit open deals."),
        Mistake(lambda: float((_open()["value"] * _open()["probability"]).mean()),
                "Je nam het gemiddelde per deal; de gewogen pijplijn is de som over alle open deals."),
    ],
    hints=[f"Filter de open deals van de productgroep: outcome == 'open' én product_group == '{PIPELINE_GROUP}'.",
           "Gewogen pijplijn = Σ waarde × kans. salesnb.weighted_pipeline(waarden, kansen) rekent het uit."],
    solution=f"""
        opps = salesnb.load("opportunities")
        open_deals = opps[(opps["outcome"] == "open") & (opps["product_group"] == "{PIPELINE_GROUP}")]
        # Elke open deal telt mee voor waarde × kans van zijn fase: een deal van € 1.000 in een fase met
        # kans 0,4 telt voor € 400. De som daarvan is de omzet die je uit deze pijplijn mag verwachten.
        antwoord = (open_deals["value"] * open_deals["probability"]).sum()
    """,
)

# ---- 5.3 sales plan, rounding only the end result ------------------------------------------
PLAN = {"target": 500_000, "average": 3_200, "rates": {"offertes": 0.30, "bezoeken": 0.55,
                                                        "telefoongesprekken": 0.12}}


def _plan(each):
    from ..funnel import sales_plan

    return float(sales_plan(PLAN["target"], PLAN["average"], PLAN["rates"], round_each_stage=each)["nodig"].iloc[-1])


def _plan_nearest():
    x = round(PLAN["target"] / PLAN["average"])
    for rate in PLAN["rates"].values():
        x = round(x / rate)
    return float(x)


def _plan_floor():
    from fractions import Fraction

    x = Fraction(PLAN["target"], PLAN["average"])
    for rate in PLAN["rates"].values():
        x /= Fraction(str(rate))
    return float(math.floor(x))


register_exercise(
    id="5.5",
    title="Verkoopplan: hoeveel telefoongesprekken?",
    question=("Brandwijk wil volgend jaar € 500.000 omzet uit nieuwe orders halen. Een gemiddelde order is "
              "€ 3.200. De hit rate is 30% (orders per offerte), per bezoek komt er 0,55 offerte en per "
              "telefoongesprek 0,12 bezoek. Hoeveel telefoongesprekken zijn er per jaar nodig? Reken de hele "
              "keten onafgerond door en rond alleen het eindresultaat naar boven af."),
    answer=lambda: _plan(False),
    unit="count",
    mistakes=[
        Mistake(lambda: _plan(True),
                "Je rondde elke tussenstap al naar boven af (157 orders, 524 offertes, ...). Dat is te vroeg "
                "afronden voor deze vraag: reken onafgerond door en rond alleen het aantal gesprekken af. "
                "(Elke fase afronden is de andere conventie; die geeft een iets groter plan.)"),
        Mistake(_plan_nearest,
                "Je rondde tussendoor af naar het dichtstbijzijnde gehele getal. Daardoor kan het plan te "
                "klein uitvallen; reken onafgerond door en rond alleen het eind naar boven af."),
        Mistake(_plan_floor,
                "Je rondde naar beneden af. Dan haal je het doel net niet: een plan rond je altijd naar boven af."),
    ],
    hints=["Orders = omzetdoel / gemiddelde order; offertes = orders / hit rate; bezoeken = offertes / 0,55; "
           "gesprekken = bezoeken / 0,12.",
           "Rond pas aan het eind af, en dan naar boven (math.ceil). salesnb.sales_plan(..., "
           "round_each_stage=False) doet dit zonder afrondingsfouten."],
    solution="""
        # Terugrekenen: orders = 500.000 / 3.200 = 156,25; offertes = 156,25 / 0,30 = 520,83;
        # bezoeken = 520,83 / 0,55 = 946,97; telefoongesprekken = 946,97 / 0,12 = 7.891,4.
        # Alleen het eindresultaat naar boven afronden: 7.892.
        ratios = {"offertes": 0.30, "bezoeken": 0.55, "telefoongesprekken": 0.12}
        plan = salesnb.sales_plan(500_000, 3_200, ratios, round_each_stage=False)
        antwoord = plan["nodig"].iloc[-1]
    """,
)

# ---- 5.4 hit rate against win rate (multiple choice) ----------------------------------------
register_exercise(
    id="5.4",
    title="Hit rate of win rate?",
    question=("Accountmanager Daan vertelt: 'Dit jaar verstuurde ik 40 offertes. Daarvan heb ik er 10 "
              "gewonnen, 20 verloren en 10 lopen nog. Mijn win rate is dus 25%.' Wat klopt?"),
    choices={
        "a": ("Daan heeft gelijk: win rate = gewonnen / offertes = 10 / 40 = 25%.",
              "Nee: gewonnen / offertes is de hit rate. De win rate kijkt alleen naar de afgesloten deals: "
              "10 / (10 + 20)."),
        "b": ("Nee: 25% is zijn hit rate. Zijn win rate is 10 / (10 + 20) ≈ 33%, omdat de lopende offertes "
              "nog niet beslist zijn.",
              "Juist. Hit rate = orders / offertes = 25%; win rate = gewonnen / (gewonnen + verloren) ≈ 33%. "
              "Zolang er offertes open staan, is de win rate hoger dan de hit rate."),
        "c": ("Nee: zijn win rate is (10 + 10) / 40 = 50%, want de lopende offertes worden nog gewonnen.",
              "Nee: je weet nog niet of de lopende offertes gewonnen worden. Ze tellen in de win rate niet "
              "mee, ook niet als gewonnen."),
        "d": ("Nee: zijn win rate is 20 / 30 ≈ 67%.",
              "Nee: 20 / 30 is het aandeel verloren deals (loss rate). De win rate telt de gewonnen deals: "
              "10 / 30."),
    },
    answer="b",
    hints=["Hit rate = orders / offertes; win rate = gewonnen / (gewonnen + verloren).",
           "Tellen de offertes die nog lopen mee in de win rate?"],
    solution="""
        # hit rate = 10 / 40 = 25%; win rate = 10 / (10 + 20) = 33%
        antwoord = "b"
    """,
)

# ---- 5.5 weekly calls per account manager -------------------------------------------------
WEEK = {"calls": 7_892, "managers": 4, "weeks": 46}


register_exercise(
    id="5.6",
    title="Gesprekken per week per accountmanager",
    question=(f"Het verkoopplan vraagt {WEEK['calls']:,} telefoongesprekken per jaar".replace(",", ".")
              + f". Het team heeft {WEEK['managers']} accountmanagers en {WEEK['weeks']} werkweken per jaar "
              "(vakanties, beurzen en opleidingen gaan eraf). Hoeveel gesprekken moet elke accountmanager "
              "per week voeren? Rond naar boven af op een heel gesprek."),
    answer=lambda: float(math.ceil(WEEK["calls"] / WEEK["managers"] / WEEK["weeks"])),
    unit="count",
    mistakes=[
        Mistake(lambda: float(math.floor(WEEK["calls"] / WEEK["managers"] / WEEK["weeks"])),
                "Je rondde naar beneden af. Dan haalt het team het plan net niet: rond een plan naar boven af."),
        Mistake(lambda: float(math.ceil(WEEK["calls"] / WEEK["managers"] / 52)),
                "Je deelde door 52 weken. Niet elke week wordt er gebeld (vakantie, beurzen): deel door de "
                f"{WEEK['weeks']} werkweken."),
        Mistake(lambda: float(math.ceil(WEEK["calls"] / WEEK["weeks"])),
                "Dit is het aantal voor het hele team per week. Deel ook nog door het aantal accountmanagers."),
    ],
    hints=["Deel het jaartotaal door het aantal accountmanagers en door het aantal werkweken.",
           "salesnb.weekly_activities({'telefoongesprekken': 7892}, account_managers=4, working_weeks=46)"],
    solution="""
        # Per accountmanager per week: 7.892 / 4 / 46 = 42,9 gesprekken; een heel gesprek, naar boven
        # afgerond: 43 (met 42 haalt het team het jaartotaal niet).
        week = salesnb.weekly_activities({"telefoongesprekken": 7_892}, account_managers=4, working_weeks=46)
        antwoord = week["per_week"].iloc[0]
    """,
)


# ---- 5.6 win rate when the beslisser was missed ----------------------------------------------
def _dmu_table():
    from ..data import load
    from ..funnel import dmu_per_opportunity, win_rate_by_dmu

    opps = _opps()
    coverage = dmu_per_opportunity(load("dmu_contacts"), opportunities=opps["opportunity_id"])
    return win_rate_by_dmu(coverage, opps.set_index("opportunity_id")["outcome"].astype(object))


def _overall_win_rate():
    w, lo, _, _ = _counts()
    return w / (w + lo)


# The notebook prints the win rate when the beslisser was missed; the exercise asks for another role.
DMU_ROLE = "beïnvloeder"

register_exercise(
    id="5.1",
    title="Win rate als de beïnvloeder niet gesproken is",
    question=("Hierboven staat hoeveel het kost om de beslisser te missen. Geldt dat ook voor de beïnvloeder "
              "(bijvoorbeeld een adviseur of de arbocoördinator)? Wat is de win rate van de afgesloten "
              f"opportunities waarbij een {DMU_ROLE} wél in de DMU zat, maar niemand van Brandwijk hem gesproken "
              "heeft? Gebruik salesnb.load('dmu_contacts') (kolommen role en met). Geef een fractie."),
    answer=lambda: float(_dmu_table().loc[DMU_ROLE, "win_rate_gemist"]),
    unit="fraction",
    mistakes=[
        Mistake(lambda: float(_dmu_table().loc["beslisser", "win_rate_gemist"]),
                "Dat is de win rate als de béslisser gemist is, het getal hierboven. Gevraagd is de rol "
                f"{DMU_ROLE}."),
        Mistake(lambda: float(_dmu_table().loc[DMU_ROLE, "win_rate_gesproken"]),
                f"Dit is de win rate als de {DMU_ROLE} wél gesproken is. Gevraagd is de win rate als hij gemist is."),
        Mistake(_overall_win_rate,
                "Dit is de win rate van alle opportunities samen. Kijk alleen naar de deals waarbij de "
                f"{DMU_ROLE} in de DMU zat maar niet gesproken is."),
    ],
    hints=["salesnb.dmu_per_opportunity(contacts, opportunities=opps['opportunity_id']) geeft per opportunity "
           "en rol: gesproken, niet gesproken of geen rol.",
           "salesnb.win_rate_by_dmu(tabel, uitkomst) vergelijkt per rol de win rate bij gesproken en gemist; "
           "uitkomst = opps.set_index('opportunity_id')['outcome']."],
    solution="""
        opps = salesnb.load("opportunities")
        dmu = salesnb.dmu_per_opportunity(salesnb.load("dmu_contacts"), opportunities=opps["opportunity_id"])
        # Per opportunity en rol: 'gesproken', 'niet gesproken' of 'geen rol'. Neem de deals waar de
        # beïnvloeder 'niet gesproken' is en die afgesloten zijn; win rate = gewonnen / (gewonnen + verloren).
        uitkomst = opps.set_index("opportunity_id")["outcome"].astype(str)
        gemist = dmu.index[dmu["beïnvloeder"] == "niet gesproken"]
        afgesloten = uitkomst.loc[gemist]
        afgesloten = afgesloten[afgesloten != "open"]
        antwoord = (afgesloten == "gewonnen").sum() / len(afgesloten)
    """,
)
