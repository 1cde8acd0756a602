"""Exercises of chapter 1, De klant centraal (notebook 01_klant_centraal).

1.1 klantrelatiecyclus on the data; 1.2 NPS of a short case (diagnoses passives counted as
criticasters and a percentage instead of NPS points); 1.3 NPS of the last survey year on the
data; 1.4 service recovery on the complaints; 1.5 waardestrategie (multiple choice, reasoning);
1.6 soort CRM (multiple choice).
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []


def _load(name):
    import salesnb

    return salesnb.load(name)


# ------------------------------------------------------------------ 1.1 klantrelatiecyclus

def _status():
    import salesnb

    orders = _load("orders")
    return salesnb.relationship_status(orders, customers=_load("customers")["customer_id"])


def _new_customers():
    return int((_status()["status"] == "nieuwe klant").sum())


def _active_customers():
    return int((_load("customers")["status"] == "actief").sum())


def _share_new():
    status = _status()
    return float((status["status"] == "nieuwe klant").mean())


register_exercise(
    id="1.1",
    title="Nieuwe klanten in de klantrelatiecyclus",
    question=("Bepaal met salesnb.relationship_status de fase van elke klant op de laatste orderdatum "
              "(standaardregels: eerste order in de laatste 12 maanden = nieuwe klant). "
              "Hoeveel klanten zijn een 'nieuwe klant'?"),
    answer=_new_customers,
    unit="count",
    mistakes=[
        Mistake(_active_customers,
                "Je telde alle actieve klanten (kolom status in customers). Een nieuwe klant is alleen "
                "een klant met zijn éérste order in de laatste 12 maanden; de rest van de actieve "
                "klanten is loyaal."),
        Mistake(_share_new,
                "Je gaf het aandeel nieuwe klanten; gevraagd is het aantal."),
    ],
    hints=["status = salesnb.relationship_status(orders, customers=klanten['customer_id'])",
           "Tel de rijen waar status['status'] == 'nieuwe klant' (met .sum())."],
    solution="""
        orders = salesnb.load("orders")
        klanten = salesnb.load("customers")
        status = salesnb.relationship_status(orders, customers=klanten["customer_id"])
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
        scores = [10] * 14 + [8] * 16 + [3] * 10
        antwoord = salesnb.nps(scores)
    """,
)

# ------------------------------------------------------------------ 1.3 NPS on the data


def _last_year_scores():
    answers = _load("nps")
    year = answers["date"].dt.year.max()
    return answers.loc[answers["date"].dt.year == year, "score"]


def _nps_last_year():
    import salesnb

    return salesnb.nps(_last_year_scores())


def _nps_passives_as_detractors():
    s = _last_year_scores()
    return 100.0 * ((s >= 9).mean() - (s <= 8).mean())


def _nps_as_fraction():
    s = _last_year_scores()
    return float((s >= 9).mean() - (s <= 6).mean())


def _nps_all_years():
    import salesnb

    return salesnb.nps(_load("nps")["score"])


register_exercise(
    id="1.3",
    title="NPS van het laatste jaar",
    question=("Bereken de NPS van alle antwoorden in de tabel nps uit het laatste jaar in de data "
              "(kolom date). Geef de NPS in punten, zonder afronden."),
    answer=_nps_last_year,
    unit="number",
    tolerance=0.05,
    mistakes=[
        Mistake(_nps_passives_as_detractors,
                "Je telde de passieven (7–8) mee als criticasters. Criticasters scoren 0 t/m 6."),
        Mistake(_nps_as_fraction,
                "Je gaf een fractie. De NPS is in punten: (aandeel promotors − aandeel criticasters) × 100."),
        Mistake(_nps_all_years,
                "Je nam alle jaren samen. Selecteer eerst de antwoorden van het laatste jaar."),
    ],
    hints=["nps = salesnb.load('nps'); jaar = nps['date'].dt.year.max()",
           "Selecteer nps.loc[nps['date'].dt.year == jaar, 'score'] en geef die aan salesnb.nps(...)."],
    solution="""
        nps = salesnb.load("nps")
        jaar = nps["date"].dt.year.max()
        antwoord = salesnb.nps(nps.loc[nps["date"].dt.year == jaar, "score"])
    """,
)

# ------------------------------------------------------------------ 1.4 service recovery


def _recovery():
    import salesnb

    return salesnb.service_recovery(_load("complaints")).set_index("afhandeling")


def _gain_well_handled():
    return float(_recovery().loc["goed afgehandeld", "verschil"])


def _gain_all():
    c = _load("complaints")
    return float((c["satisfaction_after"] - c["satisfaction_before"]).mean())


def _after_well_handled():
    return float(_recovery().loc["goed afgehandeld", "na"])


register_exercise(
    id="1.4",
    title="Service recovery paradox in de klachten",
    question=("Met hoeveel punten verandert de gemiddelde tevredenheid (na − vóór) bij klachten die "
              "goed zijn afgehandeld? Gebruik de tabel complaints; geef het getal met het juiste teken."),
    answer=_gain_well_handled,
    unit="number",
    tolerance=0.01,
    mistakes=[
        Mistake(_gain_all,
                "Je nam alle klachten samen. Kijk alleen naar de klachten die goed zijn afgehandeld "
                "(handled_well is True): daar zie je de paradox."),
        Mistake(_after_well_handled,
                "Je gaf de tevredenheid ná de afhandeling; gevraagd is het verschil na − vóór."),
    ],
    hints=["salesnb.service_recovery(klachten) geeft per soort afhandeling voor, na en verschil.",
           "Neem de rij 'goed afgehandeld' en de kolom 'verschil'."],
    solution="""
        klachten = salesnb.load("complaints")
        herstel = salesnb.service_recovery(klachten).set_index("afhandeling")
        antwoord = herstel.loc["goed afgehandeld", "verschil"]
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
        antwoord = "b"
    """,
)
