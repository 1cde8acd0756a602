"""Exercises of chapter 1, De klant centraal (notebook 01_klant_centraal).

1.1 klantrelatiecyclus on the data (a year before the notebook's date); 1.2 NPS of a short case
(diagnoses passives counted as criticasters and a percentage instead of NPS points); 1.3 NPS of the
year before the last survey year; 1.4 service recovery on one category of complaints; 1.5 waardestrategie (multiple choice, reasoning);
1.6 soort CRM (multiple choice).
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []


def _load(name):
    import salesnb

    return salesnb.load(name)


# ------------------------------------------------------------------ 1.1 klantrelatiecyclus

#: The exercise asks for the year before the one the notebook prints (31-12-2025), so the answer is computed.
_PEILDATUM_1_1 = "2024-12-31"


def _status(as_of=_PEILDATUM_1_1):
    import salesnb

    orders = _load("orders")
    return salesnb.relationship_status(orders, customers=_load("customers")["customer_id"], as_of=as_of)


def _new_customers():
    return int((_status()["status"] == "nieuwe klant").sum())


def _new_customers_last_date():
    return int((_status(None)["status"] == "nieuwe klant").sum())


def _active_customers():
    return int((_load("customers")["status"] == "actief").sum())


def _share_new():
    status = _status()
    return float((status["status"] == "nieuwe klant").mean())


register_exercise(
    id="1.1",
    title="Nieuwe klanten in de klantrelatiecyclus",
    question=("In het notebook staat de klantrelatiecyclus op de laatste orderdatum (31-12-2025). Hoe zag die "
              "een jaar eerder uit? Bepaal met salesnb.relationship_status de fase van elke klant op "
              "peildatum 31-12-2024 (as_of=\"31-12-2024\"; standaardregels: eerste order in de 12 maanden "
              "vóór de peildatum = nieuwe klant). Hoeveel klanten waren toen een 'nieuwe klant'?"),
    answer=_new_customers,
    unit="count",
    mistakes=[
        Mistake(_new_customers_last_date,
                "Dat is het aantal nieuwe klanten op de laatste orderdatum (31-12-2025), het getal uit de "
                "tabel hierboven. Gevraagd is de peildatum een jaar eerder: geef as_of=\"31-12-2024\" mee."),
        Mistake(_active_customers,
                "Je telde alle actieve klanten (kolom status in customers). Een nieuwe klant is alleen "
                "een klant met zijn éérste order in de 12 maanden vóór de peildatum; de rest van de "
                "actieve klanten is loyaal."),
        Mistake(_share_new,
                "Je gaf het aandeel nieuwe klanten; gevraagd is het aantal."),
    ],
    hints=["status = salesnb.relationship_status(orders, customers=klanten['customer_id'], as_of='31-12-2024')",
           "Tel de rijen waar status['status'] == 'nieuwe klant' (met .sum())."],
    solution="""
        # Een fase hangt af van de peildatum: op 31-12-2024 tellen alleen de orders tot en met die dag.
        # Nieuwe klant = eerste order ná 31-12-2023 (de 12 maanden vóór de peildatum); wie al eerder kocht
        # en in die 12 maanden bestelde, is loyaal; wie 12 maanden niets bestelde, is ex-klant.
        orders = salesnb.load("orders")
        klanten = salesnb.load("customers")
        status = salesnb.relationship_status(orders, customers=klanten["customer_id"], as_of="31-12-2024")
        # Een vergelijking geeft True/False per klant; de som telt de True's, dus het aantal nieuwe klanten.
        antwoord = (status["status"] == "nieuwe klant").sum()
    """,
)

# ------------------------------------------------------------------ 1.2 NPS case

register_exercise(
    id="1.2",
    title="NPS van een kleine enquête",
    question=("Na een proefperiode vult een zorginstelling met 40 medewerkers de NPS-vraag in: "
              "14 geven een 9 of 10, 16 een 7 of 8 en 10 een 0 tot en met 6. "
              "Wat is de NPS? Geef een getal tussen -100 en 100 (zonder %-teken)."),
    answer=10.0,
    unit="number",
    mistakes=[
        Mistake(-30.0,
                "Je telde de passieven (7–8) mee als criticasters. Criticasters zijn alleen de scores "
                "0 t/m 6; passieven tellen wel mee in het totaal, maar niet als plus of min."),
        Mistake(0.1,
                "Je gaf de NPS als fractie (0,10). De NPS wordt uitgedrukt in punten van -100 tot +100: "
                "% promotors − % criticasters, dus vermenigvuldig met 100."),
        Mistake(35.0,
                "Je gaf het percentage promotors. De NPS is het percentage promotors mínus het "
                "percentage criticasters, in punten."),
        Mistake(4.0,
                "Je trok de aantallen van elkaar af (14 − 10). Reken eerst de percentages uit: "
                "deel door alle 40 respondenten."),
    ],
    hints=["Promotors: 14 van de 40 = 35%. Criticasters: 10 van de 40.",
           "NPS = % promotors − % criticasters; de 16 passieven tellen alleen in het totaal mee."],
    solution="""
        # Promotors: 14 van de 40 = 35%; criticasters: 10 van de 40 = 25%; de 16 passieven tellen alleen
        # in het totaal mee. NPS = 35 − 25 = +10 (punten, geen procent).
        scores = [10] * 14 + [8] * 16 + [3] * 10
        antwoord = salesnb.nps(scores)
    """,
)

# ------------------------------------------------------------------ 1.3 NPS on the data
# The notebook prints the NPS of the last survey year; the exercise asks for the year before it.


def _year_scores(offset=1):
    answers = _load("nps")
    year = answers["date"].dt.year.max() - offset
    return answers.loc[answers["date"].dt.year == year, "score"]


def _nps_year_before():
    import salesnb

    return salesnb.nps(_year_scores())


def _nps_last_year():
    import salesnb

    return salesnb.nps(_year_scores(0))


def _nps_passives_as_detractors():
    s = _year_scores()
    return 100.0 * ((s >= 9).mean() - (s <= 8).mean())


def _nps_as_fraction():
    s = _year_scores()
    return float((s >= 9).mean() - (s <= 6).mean())


def _nps_from_rounded_percentages():
    s = _year_scores()
    return round(100 * (s >= 9).mean()) - round(100 * (s <= 6).mean())


def _nps_all_years():
    import salesnb

    return salesnb.nps(_load("nps")["score"])


register_exercise(
    id="1.3",
    title="NPS van het jaar ervoor",
    question=("Het notebook toont de NPS van het laatste enquêtejaar. Bereken nu de NPS van het jaar daarvóór: "
              "alle antwoorden in de tabel nps uit het op één na laatste jaar in de data (kolom date). "
              "Geef de NPS in punten, zonder tussentijds af te ronden."),
    answer=_nps_year_before,
    unit="number",
    tolerance=0.05,
    mistakes=[
        Mistake(_nps_last_year,
                "Dat is de NPS van het láátste jaar, die hierboven al staat. Gevraagd is het jaar daarvóór: "
                "neem jaar = nps['date'].dt.year.max() - 1."),
        Mistake(_nps_passives_as_detractors,
                "Je telde de passieven (7–8) mee als criticasters. Criticasters scoren 0 t/m 6."),
        Mistake(_nps_as_fraction,
                "Je gaf een fractie. De NPS is in punten: (aandeel promotors − aandeel criticasters) × 100."),
        Mistake(_nps_from_rounded_percentages,
                "Je rekende met afgeronde percentages (hele procenten promotors en criticasters). Dat scheelt "
                "al snel een punt: reken met de aantallen en rond pas het eindantwoord af."),
        Mistake(_nps_all_years,
                "Je nam alle jaren samen. Selecteer eerst de antwoorden van dat ene jaar."),
    ],
    hints=["nps = salesnb.load('nps'); jaar = nps['date'].dt.year.max() - 1",
           "Selecteer nps.loc[nps['date'].dt.year == jaar, 'score'] en geef die aan salesnb.nps(...)."],
    solution="""
        nps = salesnb.load("nps")
        jaar = nps["date"].dt.year.max() - 1          # het op één na laatste enquêtejaar
        scores = nps.loc[nps["date"].dt.year == jaar, "score"]
        # NPS = % promotors (9-10) − % criticasters (0-6); de passieven (7-8) tellen alleen in het totaal.
        # Bijvoorbeeld 40% promotors en 15% criticasters geeft 40 − 15 = +25 punten.
        promotors = (scores >= 9).mean() * 100
        criticasters = (scores <= 6).mean() * 100
        antwoord = promotors - criticasters           # hetzelfde als salesnb.nps(scores)
    """,
)

# ------------------------------------------------------------------ 1.4 service recovery
# The notebook prints the change over all complaints; the exercise asks for one category of complaint.

_CATEGORY_1_4 = "kwaliteit product"


def _gain(frame):
    return float((frame["satisfaction_after"] - frame["satisfaction_before"]).mean())


def _complaints_in_category():
    c = _load("complaints")
    return c[c["category"] == _CATEGORY_1_4]


def _gain_well_handled():
    c = _complaints_in_category()
    return _gain(c[c["handled_well"]])


def _gain_well_handled_all_categories():
    c = _load("complaints")
    return _gain(c[c["handled_well"]])


def _gain_category_all_handling():
    return _gain(_complaints_in_category())


def _after_well_handled():
    c = _complaints_in_category()
    return float(c.loc[c["handled_well"], "satisfaction_after"].mean())


register_exercise(
    id="1.4",
    title="Service recovery paradox bij klachten over de productkwaliteit",
    question=("Hierboven staat hoeveel de tevredenheid verandert na alle goed afgehandelde klachten. Geldt de "
              "paradox ook voor klachten over de kwaliteit van het product? Met hoeveel punten verandert de "
              "gemiddelde tevredenheid (na − vóór) bij klachten uit de categorie 'kwaliteit product' die goed "
              "zijn afgehandeld? Gebruik de tabel complaints; geef het getal met het juiste teken."),
    answer=_gain_well_handled,
    unit="number",
    tolerance=0.01,
    mistakes=[
        Mistake(_gain_well_handled_all_categories,
                "Dat is de verandering over álle goed afgehandelde klachten (het getal hierboven). Selecteer "
                "eerst de klachten met category == 'kwaliteit product'."),
        Mistake(_gain_category_all_handling,
                "Je nam alle klachten over de productkwaliteit samen, ook de slecht afgehandelde. Kijk alleen "
                "naar de klachten die goed zijn afgehandeld (handled_well is True): daar zie je de paradox."),
        Mistake(_after_well_handled,
                "Je gaf de tevredenheid ná de afhandeling; gevraagd is het verschil na − vóór."),
    ],
    hints=["Selecteer klachten[(klachten['category'] == 'kwaliteit product') & klachten['handled_well']].",
           "salesnb.service_recovery(selectie) geeft voor, na en verschil; of reken zelf het gemiddelde van "
           "satisfaction_after − satisfaction_before."],
    solution="""
        klachten = salesnb.load("complaints")
        # Twee voorwaarden tegelijk: de categorie en een goede afhandeling (& betekent 'en').
        kwaliteit = klachten[(klachten["category"] == "kwaliteit product") & klachten["handled_well"]]
        # Per klacht de verandering na − vóór; het gemiddelde daarvan is gelijk aan gemiddelde(na) − gemiddelde(vóór).
        # Positief: de klant is na de afhandeling tevredener dan vóór het probleem (de paradox).
        verschil = kwaliteit["satisfaction_after"] - kwaliteit["satisfaction_before"]
        antwoord = verschil.mean()
    """,
)

# ------------------------------------------------------------------ 1.5 waardestrategie

register_exercise(
    id="1.5",
    title="Welke waardestrategie past bij Brandwijk?",
    question=("Brandwijk Koffie & Vending plaatst koffiemachines bij bedrijven en verdient daarnaast aan "
              "service- en onderhoudscontracten en verbruiksartikelen. Elke klant heeft een vaste "
              "accountmanager, klachten worden per klant vastgelegd en de NPS wordt per klant gemeten. "
              "Welke waardestrategie van Treacy & Wiersema past het best?"),
    answer="c",
    choices={
        "a": ("Operational excellence",
              "Niet de beste keus: operational excellence draait om de laagste prijs en een standaard "
              "aanbod zonder gedoe. Vaste accountmanagers en servicecontracten per klant kosten juist geld."),
        "b": ("Product leadership",
              "Niet de beste keus: Brandwijk ontwikkelt zelf geen nieuwe machines; het verkoopt bestaande "
              "merken. Product leadership vraagt het nieuwste en beste product."),
        "c": ("Customer intimacy",
              "Juist: maatwerk per klant, service- en onderhoudscontracten, een vaste accountmanager en "
              "het vastleggen van klachten en NPS per klant passen bij customer intimacy."),
        "d": ("Alle drie tegelijk, dat is het veiligst",
              "Treacy & Wiersema raden juist aan om in één waardestrategie uit te blinken en op de andere "
              "twee 'goed genoeg' te zijn; alles tegelijk willen leidt tot middelmaat."),
    },
    hints=["Kijk naar wat Brandwijk per klant doet: vaste accountmanager, contracten, klachten per klant.",
           "Welke strategie zet de individuele klant centraal?"],
    solution="""
        # Customer intimacy: maatwerk, service per klant, vaste accountmanager.
        antwoord = "c"
    """,
)

# ------------------------------------------------------------------ 1.6 soort CRM

register_exercise(
    id="1.6",
    title="Soort CRM",
    question=("De salesmanager laat elk kwartaal de NPS per accountmanager uitrekenen uit de vastgelegde "
              "enquêtes, om te zien wie extra coaching nodig heeft. Welke soort CRM is dat?"),
    answer="b",
    choices={
        "a": ("Operationeel CRM",
              "Operationeel CRM legt contacten en transacties vast (de enquête invoeren, een klacht "
              "registreren). Hier worden vastgelegde gegevens geanalyseerd."),
        "b": ("Analytisch CRM",
              "Juist: analytisch CRM analyseert de vastgelegde klantgegevens, zoals een NPS per "
              "accountmanager en per kwartaal."),
        "c": ("Collaboratief CRM",
              "Collaboratief CRM gaat over kennis delen tussen afdelingen en met de klant (bijvoorbeeld een "
              "klantportaal). Hier gaat het om het analyseren van gegevens."),
    },
    hints=["Wordt er iets vastgelegd, geanalyseerd of gedeeld?"],
    solution="""
        # De NPS per accountmanager uitrekenen uit vastgelegde enquêtes is analyseren: analytisch CRM.
        # Vastleggen is operationeel, kennis delen met andere afdelingen of de klant is collaboratief.
        antwoord = "b"
    """,
)
