"""Exercises of chapter 3, lead management (notebook 03_lead_management)."""

from __future__ import annotations

import math

from ..display import format_euro, format_number
from ._core import Mistake, register_exercise

__all__: list[str] = []


def _load(name):
    from ..data import load

    return load(name)


# --------------------------------------------------------------------------- 3.1 CPL (data)
# The notebook prints the CPL per channel over all months; the exercise asks for one channel in the last year.

CPL_CHANNEL = "LinkedIn"


def _campaigns_of_channel(last_year=True):
    campaigns = _load("campaigns")
    part = campaigns[campaigns["channel"] == CPL_CHANNEL]
    if last_year:
        part = part[part["month"].dt.year == campaigns["month"].dt.year.max()]
    return part


def _cpl():
    part = _campaigns_of_channel()
    return float(part["cost"].sum() / part["leads"].sum())


def _cpl_all_years():
    part = _campaigns_of_channel(last_year=False)
    return float(part["cost"].sum() / part["leads"].sum())


def _cpl_mean_of_months():
    part = _campaigns_of_channel()
    part = part[part["leads"] > 0]
    return float((part["cost"] / part["leads"]).mean())


def _cpc():
    part = _campaigns_of_channel()
    return float(part["cost"].sum() / part["clicks"].sum())


def _cost_per_visitor():
    part = _campaigns_of_channel()
    return float(part["cost"].sum() / part["visitors"].sum())


register_exercise(
    id="3.1",
    title="Kosten per lead (CPL) van een kanaal in het laatste jaar",
    question=(f"De tabel hierboven geeft de CPL per kanaal over alle jaren samen. Is {CPL_CHANNEL} in het "
              "laatste jaar duurder of goedkoper geworden? Gebruik de tabel campaigns "
              f"(salesnb.load(\"campaigns\")) en bereken de CPL (cost per lead) van het kanaal {CPL_CHANNEL} "
              "over de twaalf maanden van het laatste jaar in de data (kolom month). Geef het bedrag in euro."),
    answer=_cpl,
    unit="euro",
    mistakes=[
        Mistake(_cpl_all_years,
                "Dat is de CPL over álle jaren, het bedrag uit de tabel hierboven. Gevraagd is alleen het "
                "laatste jaar: selecteer campagnes['month'].dt.year == campagnes['month'].dt.year.max()."),
        Mistake(_cpl_mean_of_months,
                "Je nam het gemiddelde van de CPL per maand. Maanden met weinig leads tellen dan even zwaar "
                "als drukke maanden. Deel de totale kosten door het totale aantal leads."),
        Mistake(_cpc,
                "Je deelde de kosten door het aantal klikken: dat is de kosten per klik (CPC), niet per lead. "
                "CPL = kosten / leads."),
        Mistake(_cost_per_visitor,
                "Je deelde de kosten door het aantal bezoekers van de landingspagina. Niet elke bezoeker "
                "laat zijn gegevens achter: CPL = kosten / leads."),
    ],
    hints=[f"Filter de campagnes op channel == '{CPL_CHANNEL}' én op het jaar van de kolom month.",
           "CPL = kosten / aantal leads. Tel eerst de kosten en de leads van de twaalf maanden op, "
           "en deel dan pas."],
    solution=f"""
        campagnes = salesnb.load("campaigns")
        jaar = campagnes["month"].dt.year.max()
        kanaal = campagnes[(campagnes["channel"] == "{CPL_CHANNEL}") & (campagnes["month"].dt.year == jaar)]
        # CPL = totale kosten / totaal aantal leads. Eerst optellen, dan delen: een maand met veel leads
        # weegt zo zwaarder dan een rustige maand (het gemiddelde van twaalf maand-CPL's doet dat niet).
        antwoord = kanaal["cost"].sum() / kanaal["leads"].sum()
    """,
)

# --------------------------------------------------------------------------- 3.2 conversion of one source (data)
# The notebook prints the conversion per source; the exercise asks for one sector within the source.

SOURCE = "netwerken"
SOURCE_SECTOR = "Zorg"


def _source_leads(sector=SOURCE_SECTOR):
    leads = _load("leads")
    part = leads[leads["source"] == SOURCE]
    return part if sector is None else part[part["sector"] == sector]


def _conversion():
    part = _source_leads()
    return float((part["stage_reached"] == "klant").mean())


def _conversion_all_sectors():
    part = _source_leads(None)
    return float((part["stage_reached"] == "klant").mean())


def _share_of_customers():
    leads = _load("leads")
    won = (leads["stage_reached"] == "klant") & (leads["sector"] == SOURCE_SECTOR)
    return float((won & (leads["source"] == SOURCE)).sum() / won.sum())


def _last_step():
    part = _source_leads()
    return float((part["stage_reached"] == "klant").sum() / part["stage_reached"].isin(["opportunity", "klant"]).sum())


def _won_count():
    return int((_source_leads()["stage_reached"] == "klant").sum())


register_exercise(
    id="3.2",
    title="Conversie van een leadbron in één sector",
    question=(f"Hierboven staat de conversie van lead tot klant per bron. Geldt die ook in de zorg? Gebruik de "
              f"tabel leads. Welk deel van de leads uit de bron '{SOURCE}' in de sector {SOURCE_SECTOR} is "
              "uiteindelijk klant geworden (stage_reached == 'klant')? Geef een fractie (bijvoorbeeld 0.15)."),
    answer=_conversion,
    unit="fraction",
    mistakes=[
        Mistake(_conversion_all_sectors,
                f"Dat is de conversie van álle leads uit {SOURCE}, het getal uit de tabel hierboven. Selecteer "
                f"ook de sector: sector == '{SOURCE_SECTOR}'."),
        Mistake(_share_of_customers,
                f"Je berekende welk deel van de nieuwe klanten in de zorg uit {SOURCE} komt. Gevraagd is de "
                f"conversie van de bron: deel de klanten door alle leads uit {SOURCE} in de zorg."),
        Mistake(_last_step,
                "Je nam alleen de laatste stap (opportunity → klant). Gevraagd is de conversie van lead tot "
                "klant: deel door alle leads van de bron in deze sector."),
        Mistake(_won_count,
                "Dat is het aantal klanten. Gevraagd is een aandeel: deel door het aantal leads."),
    ],
    hints=[f"Selecteer de leads met source == '{SOURCE}' én sector == '{SOURCE_SECTOR}'.",
           "Het gemiddelde van een kolom True/False is het aandeel True."],
    solution=f"""
        leads = salesnb.load("leads")
        groep = leads[(leads["source"] == "{SOURCE}") & (leads["sector"] == "{SOURCE_SECTOR}")]
        # Conversie van lead tot klant = aantal klanten / aantal leads in dezelfde groep.
        # (groep["stage_reached"] == "klant") is True/False per lead; het gemiddelde is het aandeel True.
        antwoord = (groep["stage_reached"] == "klant").mean()
    """,
)

# --------------------------------------------------------------------------- 3.3 BPKV case

BPKV_PRICE_WEIGHT = 40
BPKV_QUALITY_WEIGHT = 60
BPKV_MAX = 10
BPKV_BIDS = {  # bidder: (price in €, quality score out of 10)
    "Brandwijk": (96_000, 8),
    "Aroma Bedrijfscatering": (80_000, 6),
    "VendoPlus": (110_000, 9),
}


def _bpkv_points(name, *, inverse=False, weights=(BPKV_PRICE_WEIGHT, BPKV_QUALITY_WEIGHT)):
    lowest = min(p for p, _ in BPKV_BIDS.values())
    price, quality = BPKV_BIDS[name]
    ratio = price / lowest if inverse else lowest / price
    return ratio * weights[0] + quality / BPKV_MAX * weights[1]


_bids_text = "; ".join(f"{n}: {format_euro(p)}, kwaliteit {q}" for n, (p, q) in BPKV_BIDS.items())

register_exercise(
    id="3.6",
    title="BPKV-score van een inschrijving",
    question=(f"Een hogeschool gunt op beste prijs-kwaliteitverhouding: prijs {BPKV_PRICE_WEIGHT} punten, "
              f"kwaliteit {BPKV_QUALITY_WEIGHT} punten (kwaliteitsscore op een schaal tot {BPKV_MAX}). "
              f"Inschrijvingen: {_bids_text}. Hoeveel punten scoort Brandwijk in totaal? "
              f"(Kijk daarna ook wie wint.)"),
    answer=lambda: _bpkv_points("Brandwijk"),
    unit="number",
    tolerance=0.05,
    mistakes=[
        Mistake(lambda: _bpkv_points("Brandwijk", inverse=True),
                "Je deelde de eigen prijs door de laagste prijs. Dan krijgt een duurdere inschrijving méér "
                "punten. Prijspunten = (laagste inschrijving / deze inschrijving) × prijsgewicht."),
        Mistake(lambda: _bpkv_points("Brandwijk", weights=(BPKV_PRICE_WEIGHT / 100, BPKV_QUALITY_WEIGHT / 100)),
                "Je rekende met de gewichten als fracties (0,4 en 0,6). De gewichten zijn hier punten: "
                "gebruik 40 en 60, zodat het maximum 100 punten is."),
        Mistake(lambda: 8 / BPKV_MAX * BPKV_QUALITY_WEIGHT,
                "Dat zijn alleen de kwaliteitspunten. Tel de prijspunten erbij op."),
        Mistake(lambda: min(p for p, _ in BPKV_BIDS.values()) / BPKV_BIDS["Brandwijk"][0] * BPKV_PRICE_WEIGHT,
                "Dat zijn alleen de prijspunten. Tel de kwaliteitspunten erbij op."),
    ],
    hints=["Zoek eerst de laagste inschrijving: die krijgt alle prijspunten.",
           "Prijspunten = (laagste prijs / eigen prijs) × 40; kwaliteitspunten = (score / 10) × 60."],
    solution="""
        import pandas as pd
        # Prijspunten = laagste prijs / eigen prijs × 40 = 80.000 / 96.000 × 40 = 33,33.
        # Kwaliteitspunten = score / maximum × 60 = 8 / 10 × 60 = 48. Totaal 33,33 + 48 = 81,33.
        bids = pd.DataFrame({"bidder": ["Brandwijk", "Aroma Bedrijfscatering", "VendoPlus"],
                             "price": [96_000, 80_000, 110_000], "quality_score": [8, 6, 9]})
        scores = salesnb.bpkv_scores(bids, price_weight=40, quality_weight=60, max_quality=10)
        antwoord = scores.loc[scores["bidder"] == "Brandwijk", "totaal"].iloc[0]
    """,
)

# --------------------------------------------------------------------------- 3.4 calls for N orders (case)

CALL_ORDERS = 7
CALL_RATES = (0.25, 0.20, 0.50, 0.30)  # call -> DM, DM -> appointment, appointment -> quotation, -> order


def _calls(round_each_stage=False, rounding=math.ceil):
    from fractions import Fraction

    needed = Fraction(CALL_ORDERS)
    for rate in reversed(CALL_RATES):
        needed = needed / Fraction(str(rate))
        if round_each_stage:
            needed = Fraction(rounding(needed))
    return needed if rounding is None else rounding(needed)


register_exercise(
    id="3.4",
    title="Hoeveel telefoongesprekken voor je orders?",
    question=(f"Een accountmanager wil met koude acquisitie {CALL_ORDERS} orders binnenhalen. Uit het "
              f"verleden: {format_number(CALL_RATES[0] * 100)}% van de telefoongesprekken bereikt de beslisser, "
              f"{format_number(CALL_RATES[1] * 100)}% daarvan geeft een afspraak, "
              f"{format_number(CALL_RATES[2] * 100)}% van de afspraken leidt tot een offerte en "
              f"{format_number(CALL_RATES[3] * 100)}% van de offertes tot een order. Hoeveel telefoongesprekken zijn "
              f"nodig? Reken met de exacte aantallen en rond alleen het eindantwoord naar boven af."),
    answer=lambda: _calls(),
    unit="count",
    mistakes=[
        Mistake(lambda: _calls(round_each_stage=True),
                "Je rondde elke tussenstap al naar boven af (offertes, afspraken, beslissers). Dat mag in een "
                "plan, maar dan plan je meer telefoongesprekken dan nodig. In deze opgave reken je door met de exacte "
                "aantallen en rond je alleen het eindantwoord af."),
        Mistake(lambda: math.floor(_calls(rounding=None)),
                "Je rondde naar beneden af. Met dat aantal telefoongesprekken haal je gemiddeld net niet genoeg orders: "
                "rond een benodigd aantal altijd naar boven af."),
        Mistake(lambda: float(_calls(rounding=None)),
                "Je rekende goed, maar rondde niet af. Een half telefoongesprek bestaat niet: rond naar boven af."),
        Mistake(lambda: CALL_ORDERS / (CALL_RATES[0] + CALL_RATES[1] + CALL_RATES[2] + CALL_RATES[3]),
                "Je telde de ratio's op. Ze moeten met elkaar vermenigvuldigd worden: van elk telefoongesprek "
                "wordt maar een klein deel uiteindelijk een order."),
    ],
    hints=["Reken terug: offertes = orders / 0,30; afspraken = offertes / 0,50; enzovoort.",
           "Of in één keer: telefoongesprekken = orders / (0,25 × 0,20 × 0,50 × 0,30). Rond pas aan het eind naar boven af.",
           "salesnb.calls_needed(orders, ratio's) rekent zonder afrondfouten."],
    solution=f"""
        # Terugrekenen zonder tussentijds afronden: offertes = 7 / 0,30 = 23,33; afspraken = 23,33 / 0,50 = 46,67;
        # beslissers = 46,67 / 0,20 = 233,3; telefoongesprekken = 233,3 / 0,25 = 933,3. Alleen het eind
        # rond je naar boven af: 934 (met 933 haal je gemiddeld net geen 7 orders).
        plan = salesnb.calls_needed({CALL_ORDERS}, {list(CALL_RATES)})
        antwoord = plan["nodig"].iloc[0]
    """,
)

# --------------------------------------------------------------------------- 3.5 procedure (reasoning)

register_exercise(
    id="3.5",
    title="Welke procedure geldt?",
    question=("Een gemeente (decentrale overheid) publiceert op 15 januari 2026 een opdracht voor "
              "koffiemachines met service, geraamd op € 218.000 excl. btw over de hele looptijd. "
              "Welke procedure moet de gemeente volgen? Kies a, b, c of d."),
    answer="a",
    choices={
        "a": ("Een Europese procedure (bijvoorbeeld openbaar of niet-openbaar)",
              "Juist: op 15 januari 2026 geldt voor decentrale overheden de drempel van € 216.000. "
              "€ 218.000 ligt daarboven, dus Europees aanbesteden is verplicht."),
        "b": ("Een nationale procedure: de opdracht blijft onder de Europese drempel",
              "Nee: je gebruikte waarschijnlijk de drempel van 2024–2025 (€ 221.000). Voor een publicatie "
              "in 2026 geldt € 216.000, en de opdracht ligt daarboven. Kijk altijd naar de drempel die "
              "geldt op de publicatiedatum."),
        "c": ("Meervoudig onderhands: de gemeente vraagt drie tot vijf leveranciers om een offerte",
              "Nee: meervoudig onderhands kan alleen ver onder de Europese drempel, volgens het eigen "
              "inkoopbeleid van de gemeente. Deze opdracht ligt boven de drempel van 2026."),
        "d": ("De gemeente mag zelf kiezen, want de drempel geldt alleen voor de centrale overheid",
              "Nee: ook decentrale overheden zoals gemeenten en provincies hebben een Europese drempel "
              "(hoger dan die van de centrale overheid). Boven die drempel is Europees aanbesteden verplicht."),
    },
    hints=["Welke drempel geldt voor een decentrale overheid op de publicatiedatum?",
           "salesnb.eu_threshold('2026-01-15', 'leveringen/diensten decentrale overheden')"],
    solution="""
        drempel = salesnb.eu_threshold("2026-01-15", "leveringen/diensten decentrale overheden")
        # 218.000 >= drempel, dus een Europese procedure
        antwoord = "a"
    """,
)

# --------------------------------------------------------------------------- 3.6 MQL or SQL (reasoning)

register_exercise(
    id="3.3",
    title="MQL of SQL?",
    question=("Een lead van een zorginstelling scoort 72 punten (de MQL-drempel is 40). Bij het eerste "
              "gesprek blijkt: er is budget en een duidelijke behoefte, maar de contactpersoon beslist niet "
              "zelf en een aankoop staat pas over twee jaar gepland. Wat is deze lead nu? Kies a, b, c of d."),
    answer="b",
    choices={
        "a": ("Een SQL: de score ligt ruim boven de drempel",
              "Nee: een hoge score maakt een lead een MQL (marketing qualified). Een SQL is pas bereikt als "
              "sales BANT heeft bevestigd, en hier ontbreken Authority en Timeline."),
        "b": ("Een MQL die (nog) geen SQL is: nurturen en de beslisser zoeken",
              "Juist: de score haalt de MQL-drempel, maar BANT is niet rond (geen beslisser, geen termijn). "
              "Blijf de lead voeden met relevante inhoud en zoek contact met de beslisser."),
        "c": ("Een suspect: er is nog geen contact geweest",
              "Nee: een suspect past alleen bij het profiel, zonder contact. Deze lead heeft al gescoord en "
              "er is een gesprek geweest."),
        "d": ("Een hot prospect: er is budget en behoefte",
              "Nee: hot betekent een concrete behoefte mét budget én timing. De aankoop ligt twee jaar weg "
              "en de beslisser is nog niet in beeld."),
    },
    hints=["MQL hoort bij de leadscore (marketing), SQL bij BANT (sales).",
           "Loop BANT na: Budget, Authority, Need, Timeline. Welke ontbreken?"],
    solution="""
        # score 72 >= 40: MQL. BANT: budget ja, authority nee, need ja, timeline nee: geen SQL.
        antwoord = "b"
    """,
)
