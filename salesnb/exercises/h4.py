"""Exercises of notebook 04 (H4 Waardepropositie), ids "4.1" ... "4.4".

4.1 win rate of one dominant buying motive in the last year (data), 4.2 weighted criteria score of an offer (case),
4.3 which sales argument fits this customer's sellogram row (multiple choice),
4.4 which Cialdini principle a sentence uses (multiple choice).
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []

# ---- 4.1 win rate by motive ---------------------------------------------------------------
MOTIVE = "nieuwigheid"


def _opps():
    from ..data import load

    return load("opportunities")


def _motive_rows(last_year=True):
    o = _opps()
    rows = o[o["motive"].astype(str) == MOTIVE]
    if last_year:
        rows = rows[rows["created_on"].dt.year == o["created_on"].dt.year.max()]
    return rows


def _win_rate(rows):
    won = (rows["outcome"] == "gewonnen").sum()
    lost = (rows["outcome"] == "verloren").sum()
    return float(won / (won + lost))


def _win_rate_motive():
    return _win_rate(_motive_rows())


def _win_rate_motive_all_years():
    return _win_rate(_motive_rows(last_year=False))


def _won_share_of_all_rows():
    rows = _motive_rows()
    return float((rows["outcome"] == "gewonnen").sum() / len(rows))


def _share_of_won_deals():
    o = _opps()
    won = o[(o["outcome"] == "gewonnen") & (o["created_on"].dt.year == o["created_on"].dt.year.max())]
    return float((won["motive"].astype(str) == MOTIVE).mean())


def _hit_rate_motive():
    rows = _motive_rows()
    return float((rows["outcome"] == "gewonnen").sum() / rows["quotation_sent"].sum())


# The notebook prints the win rate per motive over all years; the exercise asks for the last year, where
# some deals are still open (so the win-rate denominator matters).
register_exercise(
    id="4.1",
    title="Win rate bij het koopmotief nieuwigheid in het laatste jaar",
    question=(f"Hierboven staat de win rate per koopmotief over alle jaren. Is het motief '{MOTIVE}' in het "
              "laatste jaar beter of slechter gegaan? Neem de opportunities van Brandwijk "
              f"(salesnb.load('opportunities')) met dominant koopmotief (kolom 'motive') '{MOTIVE}' die in het "
              "laatste jaar van de data zijn aangemaakt (kolom created_on). Wat is hun win rate? "
              "Geef een fractie (bijvoorbeeld 0.42)."),
    answer=_win_rate_motive,
    unit="fraction",
    mistakes=[
        Mistake(_win_rate_motive_all_years,
                "Dat is de win rate over álle jaren, het getal hierboven. Selecteer ook het laatste jaar: "
                "opps['created_on'].dt.year == opps['created_on'].dt.year.max()."),
        Mistake(_won_share_of_all_rows,
                "Je deelde door alle opportunities met dit motief, ook de open deals. De win rate is "
                "gewonnen / (gewonnen + verloren): deals die nog lopen tellen niet mee."),
        Mistake(_share_of_won_deals,
                "Je berekende welk deel van alle gewonnen deals dit motief heeft. Gevraagd is iets "
                "anders: welk deel van de afgesloten deals mét dit motief gewonnen is."),
        Mistake(_hit_rate_motive,
                "Je deelde het aantal gewonnen deals door het aantal verstuurde offertes: dat is de hit "
                "rate. De win rate deelt door gewonnen + verloren."),
    ],
    hints=["Filter eerst de rijen: het motief 'nieuwigheid' én het laatste jaar van created_on.",
           "Tel daarin de gewonnen en de verloren deals (kolom 'outcome'); open deals laat je weg.",
           "salesnb.win_rate_by_motive(selectie['motive'], selectie['outcome']) geeft de win rate per motief."],
    solution="""
        opps = salesnb.load("opportunities")
        jaar = opps["created_on"].dt.year.max()
        deals = opps[(opps["motive"] == "nieuwigheid") & (opps["created_on"].dt.year == jaar)]
        gewonnen = (deals["outcome"] == "gewonnen").sum()
        verloren = (deals["outcome"] == "verloren").sum()
        # Win rate = gewonnen / (gewonnen + verloren). Deals die nog open zijn, hebben geen uitkomst
        # en tellen daarom niet mee; in het laatste jaar zijn dat er meer dan in de oudere jaren.
        antwoord = gewonnen / (gewonnen + verloren)
    """,
)

# ---- 4.2 weighted criteria ------------------------------------------------------------------
OFFER = "VendoPlus"


def _case_total():
    from ..proposition import CASE_WEIGHTS, case_offers

    row = case_offers().loc[OFFER]
    return float(sum(row[c] * w for c, w in CASE_WEIGHTS.items()))


def _case_mean():
    from ..proposition import case_offers

    return float(case_offers().loc[OFFER].mean())


def _case_percent_weights():
    return _case_total() * 100


def _case_sum():
    from ..proposition import case_offers

    return float(case_offers().loc[OFFER].sum())


register_exercise(
    id="4.2",
    title="Gewogen score van een aanbieding",
    question=("Een zorginstelling vergelijkt drie aanbiedingen (salesnb.case_offers(): scores 1–10 per "
              "criterium) met de gewichten salesnb.CASE_WEIGHTS (prijs 30%, leverzekerheid 25%, gemak 15%, "
              f"relatie, uitstraling en innovatie elk 10%). Wat is de gewogen score van {OFFER}? "
              "Geef het getal op twee decimalen."),
    answer=_case_total,
    unit="number",
    mistakes=[
        Mistake(_case_mean,
                "Je nam het gewone gemiddelde van de scores. Dan telt elk criterium even zwaar; "
                "vermenigvuldig elke score eerst met zijn gewicht en tel die op."),
        Mistake(_case_percent_weights,
                "Je rekende met de gewichten als percentages (30 in plaats van 0,30). Met gewichten die "
                "samen 1 zijn blijft de gewogen score op dezelfde schaal als de scores (1–10)."),
        Mistake(_case_sum,
                "Je telde de scores op zonder ze te wegen. Vermenigvuldig elke score met het gewicht van "
                "zijn criterium."),
    ],
    hints=["Gewogen score = Σ gewicht × score over alle criteria.",
           "Voor prijs: 0,30 × de prijsscore van VendoPlus; doe dat voor elk criterium en tel op.",
           "salesnb.weighted_criteria(salesnb.case_offers(), salesnb.CASE_WEIGHTS) rekent alles voor je uit."],
    solution="""
        # Gewogen score = Σ gewicht × score over de criteria: prijs × 0,30 + leverzekerheid × 0,25 + gemak × 0,15
        # + (relatie + uitstraling + innovatie) × 0,10. De gewichten tellen op tot 1, dus de uitkomst
        # blijft op de schaal 1–10.
        tabel = salesnb.weighted_criteria(salesnb.case_offers(), salesnb.CASE_WEIGHTS)
        antwoord = tabel.loc["VendoPlus", "totaal"]
    """,
)

# ---- 4.3 sellogram argument (multiple choice) --------------------------------------------
register_exercise(
    id="4.3",
    title="Het juiste verkoopargument uit het sellogram",
    question=("De facilitair manager van een scholengroep zegt: 'Ik heb geen tijd om ook nog snacks en "
              "drankjes bij te houden; ik wil er geen omkijken naar hebben.' Welk verkoopargument past "
              "het best bij deze klant?"),
    choices={
        "a": ("Onze automaten hebben een aanraakscherm met 16 barista-dranken.",
              "Dit is alleen een eigenschap van het product. Er staat geen voordeel in en het sluit niet aan "
              "bij wat deze klant zoekt (gemak). In het sellogram vertaal je een eigenschap via het voordeel "
              "naar een argument in de woorden van de klant."),
        "b": ("Doordat onze vuller het verbruik uitleest en op tijd aanvult, kunt u het bestellen volledig aan "
              "ons overlaten, zodat u tijd overhoudt voor ander werk.",
              "Juist. De klant noemt het koopmotief gemak (de B van SABONE). Dit argument volgt de vorm "
              "'Doordat …, kunt u …, zodat …' en gebruikt precies de sellogramregel die bij dat motief hoort."),
        "c": ("Doordat wij de prijs per kop drie jaar vastzetten, kunt u uw koffiebudget nu al vastleggen, "
              "zodat u geen last hebt van stijgende prijzen.",
              "De vorm klopt, maar dit argument hoort bij het motief economie. Deze klant vroeg om gemak. "
              "In een gesprek gebruik je alleen de rijen van het sellogram die passen bij de motieven van "
              "déze klant."),
        "d": ("Wij zijn de beste leverancier van Nederland; vraag het maar aan onze klanten.",
              "Dit is een bewering zonder bewijs en zonder koppeling aan een motief, eigenschap of voordeel. "
              "Een sterk argument noemt een concreet voordeel en kan het bewijzen (referentie, rapport, "
              "demonstratie)."),
    },
    answer="b",
    hints=["Welk SABONE-motief hoor je in de woorden van de klant?",
           "Een goed verkoopargument heeft de vorm 'Doordat …, kunt u …, zodat …' en past bij het motief van "
           "deze klant. Bekijk salesnb.sellogram('gemak')."],
    solution="""
        # De klant zoekt gemak (B); b is het sellogramargument bij gemak.
        antwoord = "b"
    """,
)

# ---- 4.4 Cialdini (multiple choice) ---------------------------------------------------------
register_exercise(
    id="4.4",
    title="Welk beïnvloedingsprincipe?",
    question=("In een gesprek met een ziekenhuis zegt de accountmanager van Brandwijk: 'Van de ziekenhuizen "
              "in de provincie Utrecht werken er al vijf met ons servicecontract.' Welk principe van Cialdini "
              "gebruikt zij?"),
    choices={
        "a": ("autoriteit",
              "Niet helemaal: bij autoriteit leun je op deskundigheid of een erkend keurmerk (gecertificeerde "
              "monteurs, een hygiënecertificaat). Hier gaat het om wat vergelijkbare organisaties doen."),
        "b": ("sociale bewijskracht",
              "Juist: mensen en organisaties volgen wat vergelijkbare anderen doen. Vijf ziekenhuizen in "
              "dezelfde provincie zijn voor dit ziekenhuis een overtuigend voorbeeld."),
        "c": ("schaarste",
              "Nee: schaarste gebruik je als iets beperkt beschikbaar is (een actieprijs tot 1 maart, nog "
              "twee installatiedata). Deze zin zegt niets over een beperking."),
        "d": ("wederkerigheid",
              "Nee: bij wederkerigheid geef je eerst iets (een gratis proefperiode, een advies), waarna de "
              "klant iets terug wil doen. Hier krijgt de klant niets."),
        "e": ("commitment & consistentie",
              "Nee: dan laat je de klant eerst iets toezeggen en bouw je daarop voort ('U zei net dat "
              "duurzaamheid vooropstaat, dan…'). Deze zin verwijst naar anderen, niet naar de klant zelf."),
    },
    answer="b",
    hints=["Naar wie verwijst de zin: naar de klant zelf, naar een deskundige, of naar vergelijkbare organisaties?",
           "Bekijk salesnb.cialdini_examples() voor een voorbeeld van elk principe."],
    solution="""
        # De zin verwijst naar vergelijkbare organisaties: sociale bewijskracht.
        antwoord = "b"
    """,
)
