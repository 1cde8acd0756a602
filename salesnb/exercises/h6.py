"""Exercises of chapter 6, klantportfoliomanagement (notebook 06).

6.1 CLV with retention and discount (case), 6.2 share of A-customers in 2024 (data),
6.3 revenue share of the top layer in 2024 (data), 6.4 RFM code (case),
6.5 strategy per layer (multiple choice), 6.6 CLV/CAC (case).
"""

from __future__ import annotations

import math

from ..display import format_euro, format_percent
from ._core import Mistake, register_exercise

__all__: list[str] = []

#: Reference date of the exercises: the last 12 months are the calendar year 2025.
PEILDATUM = "2026-01-01"


def _orders():
    import salesnb

    return salesnb.load("orders")


def _active_revenue(months=12, reference_date=PEILDATUM):
    import salesnb

    rev = salesnb.customer_revenue(_orders(), reference_date=reference_date, months=months)
    return rev.loc[rev["orders_in_periode"] > 0, "omzet"]


# --------------------------------------------------------------------------- 6.1 CLV case

_M, _R, _D, _REV = 2400.0, 0.75, 0.10, 8000.0

register_exercise(
    id="6.5",
    title="CLV met retentie en disconteringsvoet",
    question=(f"Een klant van Brandwijk neemt per jaar voor {format_euro(_REV)} af; de marge daarop is "
              f"{format_euro(_M)} per jaar. De retentiegraad is {format_percent(_R, 0)} en de disconteringsvoet "
              f"{format_percent(_D, 0)}. De marge valt aan het eind van elk jaar. Bereken de CLV (oneindige "
              "horizon) in euro's."),
    answer=lambda: _M * _R / (1 + _D - _R),
    unit="euro",
    mistakes=[
        Mistake(_REV * _R / (1 + _D - _R),
                "Je rekende met de omzet (€ 8.000). CLV gaat over wat de klant oplevert: gebruik de "
                "marge (€ 2.400)."),
        Mistake(_M * _R / (1 - _R),
                "Je vergat de disconteringsvoet: een euro over vijf jaar is minder waard dan nu. "
                "De noemer is 1 + d − r, niet 1 − r."),
        Mistake(_M / (1 - _R),
                "Je vermenigvuldigde de marge met de verwachte levensduur 1/(1 − r). Dat is de "
                "eenvoudige vorm zonder disconteren, en die telt het eerste jaar alsof de klant "
                "zeker blijft. Gebruik m·r/(1 + d − r)."),
        Mistake(_M * (1 + _D) / (1 + _D - _R),
                "Dat is de formule voor een marge aan het begin van elk jaar. Hier valt de marge "
                "aan het eind van het jaar: m·r/(1 + d − r)."),
        Mistake(_M / _D,
                "Je rekende zonder retentie (m / d): dan blijft de klant eeuwig. Elk jaar blijft maar "
                f"{format_percent(_R, 0)} van de klanten; neem r mee: m·r/(1 + d − r)."),
    ],
    hints=["Gebruik de marge, niet de omzet.",
           "CLV = m · r / (1 + d − r) met m de marge per jaar, r de retentie en d de disconteringsvoet.",
           "Reken met fracties: 75% is 0.75."],
    solution=f"""
        # CLV = m · r / (1 + d − r): de marge m weegt elk jaar met de kans r dat de klant er nog is,
        # en een euro later is minder waard (disconteringsvoet d). Met de cijfers:
        # 2400 × 0,75 / (1 + 0,10 − 0,75) = 1800 / 0,35 ≈ 5142,86 euro (rond af, kap niet af).
        marge, retentie, disconto = {_M}, {_R}, {_D}
        antwoord = marge * retentie / (1 + disconto - retentie)   # hetzelfde als salesnb.clv(...)
    """,
)


# --------------------------------------------------------------------------- 6.2 ABC share (data)
# The notebook prints the ABC analysis of 2025; the exercises 6.2 and 6.3 ask for the year before.

#: Reference date of 6.2 and 6.3: the 12 months before it are the calendar year 2024.
PEILDATUM_VORIG_JAAR = "2025-01-01"


def _share_a(reference_date=PEILDATUM_VORIG_JAAR):
    import salesnb

    return float((salesnb.abc_classes(_active_revenue(reference_date=reference_date)) == "A").mean())


def _share_a_2025():
    return _share_a(PEILDATUM)


def _revenue_share_a():
    import salesnb

    rev = _active_revenue(reference_date=PEILDATUM_VORIG_JAAR)
    return float(salesnb.abc_summary(rev).loc["A", "aandeel_omzet"])


def _share_a_all_history():
    import salesnb

    rev = _active_revenue(months=120, reference_date=PEILDATUM_VORIG_JAAR)
    return float((salesnb.abc_classes(rev) == "A").mean())


register_exercise(
    id="6.3",
    title="Hoeveel klanten waren A-klant in 2024?",
    question=("Hierboven staat de ABC-analyse van 2025. Hoe zag die er een jaar eerder uit? Maak een "
              "ABC-analyse van de actieve klanten op hun omzet in 2024 (de 12 maanden vóór de peildatum "
              "1-1-2025), met de grenzen 80% en 95%. Welk deel van de actieve klanten was A-klant? "
              "Geef een fractie."),
    answer=_share_a,
    unit="fraction",
    mistakes=[
        Mistake(_share_a_2025,
                "Dat is het aandeel A-klanten in 2025, uit de tabel hierboven. Gevraagd is 2024: gebruik "
                "reference_date=\"2025-01-01\"."),
        Mistake(_revenue_share_a,
                "Je gaf het omzetaandeel van de A-klanten (ongeveer 80%). Gevraagd is welk deel van "
                "de klanten A-klant is."),
        Mistake(_share_a_all_history,
                "Je nam de omzet over de hele historie. Neem alleen de omzet in 2024 (de 12 maanden "
                "vóór 1-1-2025) van de klanten die in 2024 kochten."),
    ],
    hints=["Omzet per klant in 2024: salesnb.customer_revenue(orders, reference_date=\"2025-01-01\").",
           "Houd alleen klanten met orders_in_periode > 0 over en geef de kolom 'omzet' aan "
           "salesnb.abc_classes.",
           "Het gemiddelde van (klassen == \"A\") is het aandeel A-klanten."],
    solution="""
        orders = salesnb.load("orders")
        # Omzet per klant in de 12 maanden vóór 1-1-2025, dus in 2024; actief = minstens één order in 2024.
        omzet = salesnb.customer_revenue(orders, reference_date="2025-01-01")
        actief = omzet[omzet["orders_in_periode"] > 0]
        # ABC: sorteer van hoog naar laag en tel de omzetaandelen op. A zolang het cumulatieve aandeel
        # hoogstens 80% is, B tot 95%, de rest C. abc_classes doet dat sorteren en optellen.
        klassen = salesnb.abc_classes(actief["omzet"])
        # (klassen == "A") is True/False per klant; het gemiddelde is het aandeel A-klanten.
        antwoord = (klassen == "A").mean()
    """,
)


# --------------------------------------------------------------------------- 6.3 top layer (data)

def _top_share(quotas=(0.01, 0.05, 0.20), reference_date=PEILDATUM_VORIG_JAAR):
    import salesnb

    pyramid = salesnb.customer_pyramid(_orders(), reference_date=reference_date, quotas=quotas)
    return float(salesnb.pyramid_summary(pyramid).loc["top", "aandeel_omzet"])


def _top_share_2025():
    return _top_share(reference_date=PEILDATUM)


def _top_customer_share():
    import salesnb

    pyramid = salesnb.customer_pyramid(_orders(), reference_date=PEILDATUM_VORIG_JAAR)
    return float(salesnb.pyramid_summary(pyramid).loc["top", "aandeel_klanten"])


def _top_and_big_share():
    import salesnb

    summary = salesnb.pyramid_summary(salesnb.customer_pyramid(_orders(), reference_date=PEILDATUM_VORIG_JAAR))
    return float(summary.loc["top", "aandeel_omzet"] + summary.loc["groot", "aandeel_omzet"])


def _top_share_floor():
    revenue = _active_revenue(reference_date=PEILDATUM_VORIG_JAAR).sort_values(ascending=False)
    n_top = math.floor(0.01 * len(revenue))
    if n_top == math.ceil(round(0.01 * len(revenue), 9)):
        n_top -= 1  # 1% of N is whole: any other rounding gives one customer fewer
    return float(revenue.iloc[:n_top].sum() / revenue.sum())


register_exercise(
    id="6.1",
    title="Omzetaandeel van de toplaag in 2024",
    question=("Hierboven staat de klantenpiramide van 2025. Was de toplaag een jaar eerder even belangrijk? "
              "Deel de actieve klanten van 2024 (omzet in de 12 maanden vóór de peildatum 1-1-2025) in met "
              "de quota van Curry: de bovenste 1% (afgerond naar boven) is de toplaag. Welk deel van de "
              "omzet in 2024 komt van de toplaag? Geef een fractie."),
    answer=_top_share,
    unit="fraction",
    mistakes=[
        Mistake(_top_share_2025,
                "Dat is het omzetaandeel van de toplaag in 2025, uit de tabel hierboven. Gevraagd is 2024: "
                "gebruik reference_date=\"2025-01-01\"."),
        Mistake(_top_customer_share,
                "Je gaf het aandeel klanten in de toplaag (ongeveer 1%). Gevraagd is het aandeel van "
                "de omzet."),
        Mistake(_top_and_big_share,
                "Je telde de laag 'groot' mee. De toplaag is alleen de bovenste 1% van de klanten."),
        Mistake(_top_share_floor,
                "Je rondde 1% van het aantal klanten anders af. Curry's quota rond je naar boven af "
                "(ceil), zodat er altijd minstens één topklant is."),
    ],
    hints=["salesnb.customer_pyramid(orders, reference_date=\"2025-01-01\") deelt elke klant in.",
           "salesnb.pyramid_summary(piramide) geeft per laag het aandeel van de omzet."],
    solution="""
        orders = salesnb.load("orders")
        # Peildatum 1-1-2025: de actieve klanten van 2024, gesorteerd op omzet. De toplaag is de
        # bovenste 1%, naar boven afgerond: bij 1.234 actieve klanten is 1% 12,34, dus 13 topklanten.
        piramide = salesnb.customer_pyramid(orders, reference_date="2025-01-01")
        per_laag = salesnb.pyramid_summary(piramide)
        # aandeel_omzet = omzet van de laag / omzet van alle actieve klanten samen.
        antwoord = per_laag.loc["top", "aandeel_omzet"]
    """,
)


# --------------------------------------------------------------------------- 6.4 RFM code (case)

register_exercise(
    id="6.4",
    title="RFM-code van een klant",
    question=("Brandwijk scoort RFM met vaste klassen. Recency (dagen sinds de laatste order): "
              "≤ 30 → 5, ≤ 90 → 4, ≤ 180 → 3, ≤ 365 → 2, meer → 1. Frequency (orders in 12 "
              "maanden): ≥ 16 → 5, ≥ 8 → 4, ≥ 4 → 3, ≥ 2 → 2, anders 1. Monetary (omzet in 12 "
              "maanden): ≥ € 50.000 → 5, ≥ € 20.000 → 4, ≥ € 5.000 → 3, ≥ € 1.000 → 2, anders 1. "
              "Zorgcentrum De Linde bestelde 20 dagen geleden voor het laatst, plaatste 6 orders "
              "en nam voor € 23.000 af. Wat is de RFM-code? Geef drie cijfers als tekst, bijv. \"545\"."),
    answer=lambda: "534",
    kind="text",
    mistakes=[
        Mistake("134", "Bij recency is kort geleden juist goed: 20 dagen geleden geeft de hoogste "
                       "score, 5."),
        Mistake("543", "Je draaide F en M om. De volgorde is R, F, M: recency, frequency, monetary."),
        Mistake("544", "Kijk nog eens naar de frequentie: 6 orders is minstens 4 maar minder dan 8, "
                       "dat is score 3."),
        Mistake("12", "Je gaf de som (5 + 3 + 4). Gevraagd is de code: de drie cijfers achter elkaar."),
    ],
    hints=["Zoek per letter de klasse op: eerst R, dan F, dan M.",
           "Recency: hoe korter geleden, hoe hoger de score."],
    solution="""
        import pandas as pd
        # Recency: 20 dagen ≤ 30 → 5. Frequency: 6 orders, ≥ 4 maar < 8 → 3. Monetary: € 23.000,
        # ≥ € 20.000 maar < € 50.000 → 4. De code is R, F, M achter elkaar: "534".
        orders = pd.DataFrame({"customer_id": ["De Linde"] * 6,
                               "date": pd.Timestamp("2025-12-12") - pd.to_timedelta([0, 40, 90, 150, 200, 300], unit="D"),
                               "revenue": [23000 / 6] * 6})
        rfm = salesnb.rfm_scores(orders, reference_date="2026-01-01", method="bands")
        antwoord = rfm.loc["De Linde", "rfm_code"]
    """,
)


# --------------------------------------------------------------------------- 6.5 strategy (choice)

register_exercise(
    id="6.2",
    title="Strategie per laag van de piramide",
    question=("Hotel De Eemhof kocht tot eind 2024 elk jaar voor ruim € 40.000 koffie en service bij "
              "Brandwijk, maar heeft in de afgelopen 12 maanden niets meer besteld. Wat is de beste "
              "aanpak volgens de klantenpiramide?"),
    answer="c",
    choices={
        "a": ("Vasthouden: de Eemhof is een topklant en krijgt het hoogste serviceniveau.",
              "De Eemhof was een grote klant, maar de piramide kijkt naar de laatste 12 maanden: "
              "zonder orders is de klant inactief, geen topklant meer."),
        "b": ("Werven: behandel de Eemhof als prospect en stuur een eerste offerte.",
              "Een prospect heeft nog nooit gekocht. De Eemhof kocht jarenlang: het is een "
              "inactieve klant, met een geschiedenis waar je op kunt voortbouwen."),
        "c": ("Reactiveren of afstoten: zoek uit waarom de Eemhof wegbleef en win de klant terug "
              "als dat rendabel is.",
              "Juist. Een klant die eerder kocht maar 12 maanden niets bestelde is inactief. Achterhaal "
              "de reden (prijs, service, concurrent) en doe een gericht aanbod; is de klant niet "
              "rendabel terug te winnen, dan stop je de inspanning."),
        "d": ("Promoveren: probeer met cross-selling meer omzet bij de Eemhof te halen.",
              "Promoveren is voor actieve klanten die kunnen doorgroeien. De Eemhof koopt nu niets; "
              "eerst moet de relatie weer op gang komen."),
    },
    hints=["In welke laag zit een klant die eerder kocht, maar niet in de laatste 12 maanden?",
           "Bekijk salesnb.LAYER_STRATEGIES."],
    solution="""
        antwoord = "c"  # inactief: reactiveren of afstoten
    """,
)


# --------------------------------------------------------------------------- 6.6 CLV/CAC (case)

_M6, _R6, _D6, _YEARS6, _CAC6 = 3000.0, 0.8, 0.08, 5, 2500.0


def _net_horizon():
    q = _R6 / (1 + _D6)
    return _M6 * sum(q ** t for t in range(1, _YEARS6 + 1)) - _CAC6


register_exercise(
    id="6.6",
    title="Netto CLV over vijf jaar",
    question=(f"Een nieuwe zorgklant levert € 3.000 marge per jaar (aan het eind van elk jaar). De "
              f"retentie is 80%, de disconteringsvoet 8% en het werven van de klant kostte € 2.500 "
              f"(CAC). Wat is de netto CLV over een horizon van {_YEARS6} jaar?"),
    answer=_net_horizon,
    unit="euro",
    mistakes=[
        Mistake(lambda: _net_horizon() + _CAC6,
                "Je vergat de acquisitiekosten af te trekken: netto CLV = CLV − CAC."),
        Mistake(_M6 * _R6 / (1 + _D6 - _R6) - _CAC6,
                "Je rekende met een oneindige horizon. Tel alleen de eerste vijf jaar op: "
                "som van m·(r/(1+d))^t voor t = 1 tot en met 5."),
        Mistake(_M6 * _YEARS6 - _CAC6,
                "Je rekende marge × 5 jaar: dan blijft elke klant vijf jaar en tel je geen "
                "disconteringsvoet. Neem de retentie en de disconteringsvoet mee."),
        Mistake(_M6 * sum((1 / (1 + _D6)) ** t for t in range(1, _YEARS6 + 1)) - _CAC6,
                "Je rekende zonder retentie: je verdisconteerde wel, maar deed alsof de klant zeker vijf jaar "
                "blijft. Elk jaar blijft maar 80% van de klanten: vermenigvuldig de marge van jaar t met 0,8^t."),
        Mistake(_M6 * sum(_R6 ** t for t in range(1, _YEARS6 + 1)) - _CAC6,
                "Je rekende zonder disconteren: je nam de retentie mee, maar een euro over vijf jaar is minder "
                "waard dan een euro nu. Deel de marge van jaar t ook door 1,08^t."),
        Mistake(_M6 * sum((_R6 / (1 + _D6)) ** t for t in range(0, _YEARS6)) - _CAC6,
                "Je rekende alsof de marge aan het begin van elk jaar binnenkomt (jaar 0 tot en met 4). Hier "
                "valt de marge aan het eind van het jaar: tel m·(r/(1+d))^t op voor t = 1 tot en met 5."),
    ],
    hints=["Per jaar t is de verwachte, verdisconteerde marge m·(r/(1+d))^t.",
           "salesnb.clv(marge, years=..., retention=..., discount_rate=..., acquisition_cost=...)."],
    solution="""
        # Per jaar t (1 t/m 5) is de klant er nog met kans 0,8^t, en is een euro dan 1/1,08^t waard.
        # Verwachte, verdisconteerde marge van jaar t = 3000 × (0,8 / 1,08)^t:
        # jaar 1: 3000 × 0,7407 ≈ 2222; jaar 2 ≈ 1646; jaar 3 ≈ 1219; jaar 4 ≈ 903; jaar 5 ≈ 669.
        # Samen ≈ 6660; min de wervingskosten (CAC) van 2500 geeft de netto CLV ≈ 4160.
        factor = 0.8 / 1.08
        clv = sum(3000 * factor ** t for t in range(1, 6))
        antwoord = clv - 2500      # hetzelfde als salesnb.clv(3000, years=5, retention=0.8, ...)
    """,
)
