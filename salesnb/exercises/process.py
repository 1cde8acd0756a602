"""Exercises of notebook 08 (stappenplan verkoopproces): "8.1" ... "8.5" in the notebook's order.

8.1 adoption segment counts (case), 8.2 VAT of an offerte line (case), 8.3 which prospect is
warm (multiple choice), 8.4 cohort retention (data), 8.5 cross-sell share (data).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ._core import Mistake, register_exercise

__all__: list[str] = []

# ---- 8.1 Rogers ---------------------------------------------------------------------------
N_BUYERS = 250


def _early_adopters(n=N_BUYERS):
    from ..process import adoption_segments

    table = adoption_segments(n)
    return int(table.loc[table["segment"] == "early adopters", "aantal"].iloc[0])


register_exercise(
    id="8.1",
    title="Early adopters in de doelmarkt",
    question=(f"De doelmarkt telt {N_BUYERS} zorginstellingen. Hoeveel daarvan zijn early adopters "
              "volgens de adoptiecurve van Rogers? Rond zo af dat de vijf segmenten samen precies "
              f"{N_BUYERS} instellingen tellen (de methode van salesnb.adoption_segments)."),
    answer=_early_adopters,
    unit="count",
    mistakes=[
        Mistake(lambda: int(N_BUYERS * 0.135),
                "Je rondde 33,75 naar beneden af. Dan tellen de vijf segmenten samen niet op tot "
                f"{N_BUYERS}: er blijft één instelling over, en die gaat naar het segment met de "
                "grootste rest (0,75)."),
        Mistake(N_BUYERS * 0.135,
                "Je gaf 33,75: een aantal instellingen is een heel getal. Rond af zodat de segmenten "
                f"samen {N_BUYERS} blijven."),
        Mistake(round(N_BUYERS * (0.025 + 0.135)),
                "Je rekende met 16%. Dat zijn de laggards (na μ+σ), of de innovators en early adopters "
                "samen (2,5% + 13,5%). Early adopters zijn alleen de 13,5% tussen μ−2σ en μ−σ."),
        Mistake(round(N_BUYERS * 0.34),
                "34% is de early majority of de late majority; early adopters zijn 13,5%."),
    ],
    hints=["De early adopters zijn 13,5% van de doelmarkt: 0,135 × 250.",
           "Dat geeft 33,75. Rond je elk segment los af, dan tellen de vijf segmenten niet altijd op "
           "tot 250. Rond eerst alles naar beneden af en geef de overgebleven instellingen aan de "
           "segmenten met de grootste rest."],
    solution="""
        segmenten = salesnb.adoption_segments(250)
        antwoord = segmenten.set_index("segment").loc["early adopters", "aantal"]
    """,
)

# ---- 8.2 VAT on an offerte line -----------------------------------------------------------
QTY, PRICE = 20, Decimal("18.50")


def _vat(rate):
    return float((QTY * PRICE * Decimal(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


register_exercise(
    id="8.3",
    title="Btw op een offerteregel",
    question=(f"Op een offerte staat de regel: {QTY} × 'Koffiebonen huismelange 1 kg' à € 18,50 per kg "
              "(excl. btw). Hoeveel euro btw hoort bij deze regel? Geef het bedrag in centen nauwkeurig."),
    answer=lambda: _vat("0.09"),
    unit="euro",
    tolerance=0.005,
    mistakes=[
        Mistake(lambda: _vat("0.21"),
                "Je rekende 21% btw. Koffie is een voedingsmiddel: daarvoor geldt het lage tarief van 9%. "
                "Het hoge tarief (21%) hoort bij bijvoorbeeld koffiemachines en service."),
        Mistake(lambda: float(QTY * PRICE * Decimal("1.09")),
                "Je gaf het bedrag inclusief btw (€ 370 + btw). Gevraagd is alleen de btw."),
        Mistake(lambda: float(PRICE * Decimal("0.09")),
                "Je rekende de btw over één kilo. De regel telt 20 kilo: reken over het regelbedrag."),
        Mistake(lambda: float((QTY * PRICE / Decimal("1.09") * Decimal("0.09")).quantize(Decimal("0.01"))),
                "Je haalde de btw uit het bedrag alsof € 18,50 inclusief btw is. De prijs is exclusief btw: "
                "de btw komt erbovenop."),
    ],
    hints=["Reken eerst het regelbedrag uit: aantal × prijs per stuk.",
           "Koffie valt onder het lage btw-tarief (9%); machines en service onder 21%."],
    solution="""
        regelbedrag = 20 * 18.50
        antwoord = round(regelbedrag * 0.09, 2)
    """,
)

# ---- 8.3 warm prospect (multiple choice) --------------------------------------------------
register_exercise(
    id="8.2",
    title="Welke prospect is warm?",
    question=("In fase 1 werf je vooral de warme prospects. Welke van deze vier organisaties is een "
              "warm prospect voor Brandwijk?"),
    choices={
        "a": ("Een fabriek met 300 medewerkers in Amersfoort die past bij de doelgroep, maar waarmee "
              "Brandwijk nog nooit contact had.",
              "Dit is een cold prospect (of suspect): er is geen relatie en geen bekende behoefte. "
              "Die moet je eerst opwarmen, bijvoorbeeld met content of een beursbezoek."),
        "b": ("Een kantoormanager die het e-book 'Koffie op de werkvloer' downloadde en op de vakbeurs "
              "langs de stand kwam, maar nog geen budget of planning heeft.",
              "Juist: er is interesse getoond (download, beursbezoek) en er is contact, maar nog geen "
              "concrete behoefte met budget en timing. Dat is warm: hier werf je."),
        "c": ("Een facilitair manager met een goedgekeurd budget die vóór 1 maart nieuwe machines wil "
              "en om een offerte vraagt.",
              "Dit is een hot prospect: behoefte, budget en timing zijn concreet (BANT). Die ga je niet "
              "meer werven; die help je nu naar een offerte (fase 3)."),
        "d": ("Een zorginstelling die al vijf jaar koffie en service bij Brandwijk afneemt.",
              "Dit is geen prospect maar een bestaande klant. Daar gaat fase 6 (klantenbeheer) over: "
              "behouden, cross-sell en up-sell."),
    },
    answer="b",
    hints=["Cold: geen relatie en geen bekende behoefte. Warm: interesse getoond of via via "
           "binnengekomen. Hot: concrete behoefte, budget en timing.",
           "Welke organisatie heeft al interesse getoond, maar nog geen budget en planning?"],
    solution="""
        # b: interesse getoond (download, vakbeurs), nog geen budget of timing -> warm
        antwoord = "b"
    """,
)

# ---- 8.4 cohort retention (data) ----------------------------------------------------------
COHORT, YEARS_SINCE = 2022, 2


def _cohorts():
    import salesnb

    from ..process import cohort_retention

    return cohort_retention(salesnb.load("orders"), customers=salesnb.load("customers"))


def _cohort_share(t=YEARS_SINCE):
    return float(_cohorts().loc[COHORT, t])


register_exercise(
    id="8.5",
    title="Klantbehoud van een cohort",
    question=(f"Het cohort {COHORT} bestaat uit de klanten die Brandwijk in {COHORT} wierf (kolom "
              f"'acquired_on' van de klanten). Welk deel van dit cohort bestelde {YEARS_SINCE} jaar later "
              f"(in {COHORT + YEARS_SINCE}) nog iets? Gebruik de orders en de klanten. Geef een fractie "
              "(0.60 voor 60%)."),
    answer=_cohort_share,
    unit="fraction",
    mistakes=[
        Mistake(lambda: 1 - _cohort_share(),
                "Je gaf het deel dat níet meer bestelde (het klantverloop). Gevraagd is het klantbehoud: "
                "het deel dat nog wel kocht."),
        Mistake(lambda: _cohort_share(1),
                f"Je keek één jaar na het jaar van werving ({COHORT + 1}); gevraagd is {COHORT + YEARS_SINCE}."),
        Mistake(lambda: _cohort_share(3),
                f"Je telde een jaar te veel: {COHORT + 3} is drie jaar na {COHORT}. Het startjaar zelf "
                "is 'jaren_sinds' 0."),
    ],
    hints=["salesnb.cohort_retention(orders, customers=klanten) geeft een tabel: rijen zijn cohorten "
           "(jaar van werving), kolommen het aantal jaren sinds dat jaar.",
           f"Kijk in rij {COHORT}, kolom {YEARS_SINCE}."],
    solution=f"""
        orders = salesnb.load("orders")
        klanten = salesnb.load("customers")
        cohorten = salesnb.cohort_retention(orders, customers=klanten)
        antwoord = cohorten.loc[{COHORT}, {YEARS_SINCE}]
    """,
)

# ---- 8.5 cross-sell share (data) ----------------------------------------------------------
GROUP_X, GROUP_Y = "Koffiemachines", "Waterkoelers"


def _co(x=GROUP_X, y=GROUP_Y):
    import salesnb

    from ..process import co_purchase

    return float(co_purchase(salesnb.load("orders")).loc[x, y])


def _share_all_buy_y():
    import salesnb

    orders = salesnb.load("orders")
    buyers = orders.loc[orders["product_group"] == GROUP_Y, "customer_id"].nunique()
    return buyers / orders["customer_id"].nunique()


register_exercise(
    id="8.4",
    title="Cross-sell: klanten van X kopen ook Y",
    question=(f"Welk deel van de klanten die ooit iets uit de productgroep '{GROUP_X}' kochten, kocht "
              f"ook iets uit '{GROUP_Y}'? Geef een fractie."),
    answer=_co,
    unit="fraction",
    mistakes=[
        Mistake(lambda: _co(GROUP_Y, GROUP_X),
                f"Je las de tabel andersom: dit is het deel van de klanten van {GROUP_Y} dat ook "
                f"{GROUP_X} koopt. De rij is 'klanten van', de kolom 'kopen ook'."),
        Mistake(_share_all_buy_y,
                f"Je gaf het deel van álle klanten dat {GROUP_Y} koopt. Gevraagd is het deel van de "
                f"klanten van {GROUP_X}."),
    ],
    hints=["salesnb.co_purchase(orders) maakt de tabel 'klanten van (rij) kopen ook (kolom)'.",
           f"Kijk in rij '{GROUP_X}', kolom '{GROUP_Y}'."],
    solution=f"""
        orders = salesnb.load("orders")
        tabel = salesnb.co_purchase(orders)
        antwoord = tabel.loc["{GROUP_X}", "{GROUP_Y}"]
    """,
)
