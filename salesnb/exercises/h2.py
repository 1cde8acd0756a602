"""Exercises of chapter 2, Marktonderzoek, analyse en verkoopplan (notebook 02).

2.1 SMART activity target (multiple choice, reasoning); 2.2 realisation of the revenue target
on the data; 2.3 market share of one sector a year before the notebook's table (diagnoses market size vs market
potential confused, and a percentage instead of a fraction); 2.4 saturation of the whole market
on the data; 2.5 remaining demand of a short case (diagnoses size vs potential confused);
2.6 the identity share = penetration × spending index (case); 2.7 spending index on the data.
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []

SECTOR = "Zorg"


def _load(name):
    import salesnb

    return salesnb.load(name)


def _last_market_year():
    return int(_load("market")["year"].max())


def _market_rows(sector=None, years_back=0):
    market = _load("market")
    rows = market[market["year"] == market["year"].max() - years_back]
    if sector is not None:
        rows = rows[rows["sector"] == sector]
    return rows


# ------------------------------------------------------------------ 2.1 SMART

register_exercise(
    id="2.1",
    title="Een SMART activiteitentarget",
    question="Welke van deze doelen is een SMART geformuleerd activiteitentarget?",
    answer="b",
    choices={
        "a": ("In 2026 willen we meer omzet halen in de zorg.",
              "Dit is een resultaattarget (omzet) en het is niet SMART: hoeveel meer, en wanneer precies "
              "in 2026 meet je het?"),
        "b": ("Elke accountmanager bezoekt in het eerste kwartaal van 2026 minstens 30 zorginstellingen "
              "die nog geen klant zijn.",
              "Juist: het gaat over een activiteit (bezoeken), het is specifiek (welke klanten), meetbaar "
              "(30), tijdgebonden (Q1 2026) en per accountmanager haalbaar en bespreekbaar."),
        "c": ("Ons marktaandeel in de zorg stijgt in 2026 van 9% naar 10%.",
              "Dit is goed meetbaar en tijdgebonden, maar het is een resultaattarget (marktaandeel), geen "
              "activiteitentarget."),
        "d": ("We versturen zo veel mogelijk offertes.",
              "Offertes versturen is wel een activiteit, maar 'zo veel mogelijk' is niet meetbaar en er "
              "staat geen termijn bij."),
    },
    hints=["Resultaattargets gaan over omzet, afzet, marge, marktaandeel; activiteitentargets over "
           "bellen, bezoeken, offertes.",
           "Check daarna elke letter van SMART: specifiek, meetbaar, acceptabel, realistisch, tijdgebonden."],
    solution="""
        # Een activiteitentarget gaat over wat de verkoper doet (bezoeken), niet over een uitkomst (omzet,
        # marktaandeel). Alleen b noemt wie, wat, hoeveel (30) en wanneer (het eerste kwartaal van 2026).
        antwoord = "b"
    """,
)

# ------------------------------------------------------------------ 2.2 revenue against target


def _last_target_year():
    orders = _load("orders")
    return int(orders["date"].dt.year.max())


def _year_frames():
    year = _last_target_year()
    orders = _load("orders")
    targets = _load("targets")
    revenue = orders.loc[orders["date"].dt.year == year, "revenue"].sum()
    target = targets.loc[targets["month"].dt.year == year, "revenue_target"].sum()
    return float(revenue), float(target)


def _realisation():
    revenue, target = _year_frames()
    return revenue / target


def _realisation_inverted():
    revenue, target = _year_frames()
    return target / revenue


def _gap_fraction():
    revenue, target = _year_frames()
    return revenue / target - 1.0


register_exercise(
    id="2.2",
    title="Realisatie van het omzettarget",
    question=("Welk deel van het omzettarget voor het laatste jaar in de orders is gerealiseerd? "
              "Deel de omzet van dat jaar (orders) door de som van de maandtargets (targets, kolom "
              "revenue_target). Geef een fractie (1.05 betekent 105%)."),
    answer=_realisation,
    unit="number",
    tolerance=0.0005,
    mistakes=[
        Mistake(_realisation_inverted,
                "Je deelde het target door de omzet. Realisatie = omzet / target."),
        Mistake(_gap_fraction,
                "Je gaf de afwijking van het target (omzet / target − 1). Gevraagd is de realisatie: "
                "omzet / target."),
    ],
    hints=["jaar = orders['date'].dt.year.max(); tel de omzet van dat jaar op.",
           "salesnb.revenue_vs_target(orders, maandtargets) geeft ook realisatie_cum in de laatste maand."],
    solution="""
        # Realisatie = behaalde omzet / target over dezelfde periode. Tel de twaalf maandtargets van het
        # laatste orderjaar op en deel de omzet van dat jaar erdoor: 1,05 betekent 5% boven het target.
        orders = salesnb.load("orders")
        targets = salesnb.load("targets")
        jaar = orders["date"].dt.year.max()
        maandtargets = targets.loc[targets["month"].dt.year == jaar, "revenue_target"].to_numpy()
        tabel = salesnb.revenue_vs_target(orders, maandtargets, year=jaar)
        antwoord = tabel["realisatie_cum"].iloc[-1]
    """,
)

# ------------------------------------------------------------------ 2.3 market share
# The notebook prints the market share per sector for the last year; the exercise asks for the year before.


def _share_sector(years_back=1):
    rows = _market_rows(SECTOR, years_back)
    return float(rows["own_sales"].sum() / rows["class_sales"].sum())


def _share_sector_last_year():
    return _share_sector(0)


def _share_of_potential():
    rows = _market_rows(SECTOR, 1)
    return float(rows["own_sales"].sum() / (rows["potential_buyers"] * rows["purchase_per_buyer"]).sum())


def _mean_of_region_shares():
    rows = _market_rows(SECTOR, 1)
    return float((rows["own_sales"] / rows["class_sales"]).mean())


register_exercise(
    id="2.3",
    title=f"Marktaandeel in de sector {SECTOR.lower()}, een jaar eerder",
    question=(f"De tabel hierboven geeft het marktaandeel per sector in het laatste jaar. Was het marktaandeel "
              f"van Brandwijk in de sector {SECTOR} een jaar eerder hoger of lager? Bereken het marktaandeel "
              f"in de sector {SECTOR} in het op één na laatste jaar van de tabel market (alle regio's samen). "
              "Geef een fractie (0.15 voor 15%)."),
    answer=_share_sector,
    unit="fraction",
    mistakes=[
        Mistake(_share_sector_last_year,
                "Dat is het marktaandeel van het láátste jaar, uit de tabel hierboven. Gevraagd is het jaar "
                "daarvóór: selecteer markt['year'] == markt['year'].max() - 1."),
        Mistake(_share_of_potential,
                "Je deelde door het marktpotentieel. Het marktaandeel is eigen omzet / marktomvang "
                "(wat alle aanbieders samen verkopen, kolom class_sales), niet / marktpotentieel."),
        Mistake(_mean_of_region_shares,
                "Je nam het gemiddelde van de marktaandelen per regio. Tel eerst de omzetten van alle regio's "
                "op en deel dan: grote regio's wegen zwaarder."),
    ],
    hints=["Selecteer de rijen van het jaar vóór het laatste en van de sector; tel own_sales en class_sales op.",
           "Of: salesnb.market_table(markt[markt['year'] == jaar]).loc['Zorg', 'marktaandeel']."],
    solution=f"""
        markt = salesnb.load("market")
        jaar = markt["year"].max() - 1                 # het jaar vóór het laatste
        rijen = markt[(markt["year"] == jaar) & (markt["sector"] == "{SECTOR}")]
        # Marktaandeel = eigen omzet / marktomvang (de omzet van álle aanbieders samen, class_sales).
        # Eerst optellen over de regio's, dan delen: een grote regio weegt zo zwaarder dan een kleine.
        antwoord = rijen["own_sales"].sum() / rijen["class_sales"].sum()
    """,
)

# ------------------------------------------------------------------ 2.4 saturation


def _totals():
    rows = _market_rows()
    potential = float((rows["potential_buyers"] * rows["purchase_per_buyer"]).sum())
    size = float(rows["class_sales"].sum())
    return potential, size


def _saturation_total():
    potential, size = _totals()
    return size / potential


def _saturation_inverted():
    potential, size = _totals()
    return potential / size


def _unused_share():
    potential, size = _totals()
    return 1.0 - size / potential


register_exercise(
    id="2.4",
    title="Verzadigingsgraad van de hele markt",
    question=("Wat is de verzadigingsgraad van de hele markt (alle sectoren en regio's samen) in het "
              "laatste jaar van de tabel market? Geef een fractie."),
    answer=_saturation_total,
    unit="fraction",
    mistakes=[
        Mistake(_saturation_inverted,
                "Je deelde het marktpotentieel door de marktomvang; dat is andersom. Verzadigingsgraad = "
                "marktomvang / marktpotentieel (en dus nooit meer dan 1)."),
        Mistake(_unused_share,
                "Je gaf het deel dat nog niet benut is (restvraag / marktpotentieel). De verzadigingsgraad "
                "is het benutte deel: marktomvang / marktpotentieel."),
    ],
    hints=["Marktpotentieel per rij = potential_buyers × purchase_per_buyer; tel op over alle rijen.",
           "Of: salesnb.market_table(markt, by=()) geeft één rij voor de hele markt."],
    solution="""
        markt = salesnb.load("market")
        # Verzadigingsgraad = marktomvang / marktpotentieel, over alle sectoren en regio's samen.
        # Marktomvang = som van class_sales; marktpotentieel = som van potentiële kopers × aankoop per koper.
        # Eerst optellen, dan delen (niet het gemiddelde van de graden per rij).
        totaal = salesnb.market_table(markt, by=())
        antwoord = totaal["verzadigingsgraad"].iloc[0]
    """,
)

# ------------------------------------------------------------------ 2.5 remaining demand (case)

register_exercise(
    id="2.5",
    title="Restvraag in de kinderopvang",
    question=("In een regio zijn 1.200 kinderdagverblijven die koffie en thee voor hun personeel kopen. "
              "Een kinderdagverblijf koopt daarvoor naar verwachting € 2.500 per jaar in. Alle aanbieders "
              "samen verkopen er nu € 1.800.000 per jaar. Hoe groot is de restvraag in euro's?"),
    answer=1_200_000.0,
    unit="euro",
    mistakes=[
        Mistake(3_000_000.0,
                "Je gaf het marktpotentieel (1.200 × € 2.500). De restvraag is marktpotentieel − marktomvang."),
        Mistake(1_800_000.0,
                "Je gaf de marktomvang (wat er nu verkocht wordt). De restvraag is wat er nog bij kan: "
                "marktpotentieel − marktomvang."),
        Mistake(-1_200_000.0,
                "Je verwisselde marktomvang en marktpotentieel: marktomvang − marktpotentieel is negatief. "
                "Restvraag = marktpotentieel − marktomvang."),
        Mistake(0.4,
                "Je gaf de restvraag als deel van het marktpotentieel. Gevraagd is het bedrag in euro's."),
    ],
    hints=["Marktpotentieel = aantal potentiële kopers × verwachte aankoop per koper.",
           "Restvraag = marktpotentieel − marktomvang."],
    solution="""
        # Marktpotentieel = 1.200 kopers × € 2.500 = € 3.000.000 per jaar.
        # Restvraag = marktpotentieel − marktomvang = € 3.000.000 − € 1.800.000 = € 1.200.000.
        potentieel = salesnb.market_potential(1200, 2500)
        antwoord = salesnb.remaining_demand(potentieel, 1_800_000)
    """,
)

# ------------------------------------------------------------------ 2.6 identity (case)

register_exercise(
    id="2.6",
    title="Marktaandeel uit penetratie en bestedingsindex",
    question=("Van alle bedrijven die waterkoelers huren in Zuid-Holland huurt 8% bij Brandwijk. "
              "Die klanten besteden gemiddeld 1,5 keer zoveel als de gemiddelde huurder in de markt. "
              "Wat is het marktaandeel van Brandwijk in die markt? Geef een fractie."),
    answer=0.12,
    unit="fraction",
    mistakes=[
        Mistake(0.08 / 1.5,
                "Je deelde de penetratiegraad door de bestedingsindex. Marktaandeel = penetratiegraad × "
                "bestedingsindex."),
        Mistake(0.08,
                "Je gaf alleen de penetratiegraad. Brandwijks klanten besteden meer dan gemiddeld: "
                "vermenigvuldig met de bestedingsindex."),
        Mistake(0.08 + 1.5,
                "Je telde op. Marktaandeel = penetratiegraad × bestedingsindex."),
    ],
    hints=["Marktaandeel = penetratiegraad (eigen merk) × bestedingsindex."],
    solution="""
        # Marktaandeel = penetratiegraad (eigen merk) × bestedingsindex = 0,08 × 1,5 = 0,12, dus 12%:
        # 8% van de huurders, die elk anderhalf keer zoveel besteden als gemiddeld.
        antwoord = 0.08 * 1.5
    """,
)

# ------------------------------------------------------------------ 2.7 spending index (data)


def _index_parts():
    rows = _market_rows(SECTOR)
    own = rows["own_sales"].sum() / rows["own_buyers"].sum()
    klass = rows["class_sales"].sum() / rows["buyers"].sum()
    return float(own), float(klass)


def _spending_index():
    own, klass = _index_parts()
    return own / klass


def _spending_index_inverted():
    own, klass = _index_parts()
    return klass / own


def _own_per_buyer():
    return _index_parts()[0]


register_exercise(
    id="2.7",
    title=f"Bestedingsindex in de sector {SECTOR.lower()}",
    question=(f"Wat is de bestedingsindex van Brandwijk in de sector {SECTOR} in het laatste jaar van de "
              "tabel market (alle regio's samen)? Geef een getal (1.2 betekent: 20% meer dan gemiddeld)."),
    answer=_spending_index,
    unit="number",
    tolerance=0.0005,
    mistakes=[
        Mistake(_spending_index_inverted,
                "Je deelde andersom. Bestedingsindex = (eigen omzet per eigen koper) / (omzet per koper in "
                "de hele productklasse)."),
        Mistake(_own_per_buyer,
                "Je gaf de eigen omzet per eigen koper in euro's. Deel die door de omzet per koper in de "
                "hele productklasse (class_sales / buyers)."),
    ],
    hints=["Eigen omzet per eigen koper = own_sales / own_buyers (na optellen over de regio's).",
           "Productklasse: class_sales / buyers. Of: salesnb.market_table(markt).loc['Zorg', 'bestedingsindex']."],
    solution=f"""
        markt = salesnb.load("market")
        # Bestedingsindex = (eigen omzet / eigen kopers) / (omzet productklasse / kopers productklasse),
        # in het laatste jaar en over alle regio's van de zorg samen. Onder 1: onze klanten besteden bij ons
        # minder dan een gemiddelde koper in de markt uitgeeft.
        antwoord = salesnb.market_table(markt).loc["{SECTOR}", "bestedingsindex"]
    """,
)
