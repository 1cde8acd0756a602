"""Exercises of chapter 7, account management (notebook 07_account_management)."""

from __future__ import annotations

from ..accounts import KEY_THRESHOLD
from ..display import format_euro
from ._core import Mistake, register_exercise

__all__: list[str] = []

# --------------------------------------------------------------------------- 7.1 share of wallet (case)

SOW_REVENUE = 36_000.0
SOW_SPEND = 144_000.0

register_exercise(
    id="7.5",
    title="Share of wallet van een account",
    question=(f"Brandwijk levert Hogeschool De Eem dit jaar voor {format_euro(SOW_REVENUE)} aan koffie, "
              f"automaten en service. De hogeschool besteedt in totaal {format_euro(SOW_SPEND)} per jaar aan "
              f"koffie en vending (bij alle leveranciers samen). Wat is onze share of wallet? Geef een "
              f"fractie (bijvoorbeeld 0.15)."),
    answer=lambda: SOW_REVENUE / SOW_SPEND,
    unit="fraction",
    mistakes=[
        Mistake(SOW_SPEND / SOW_REVENUE,
                "Je deelde de besteding van de klant door onze omzet: dat is omgekeerd. Share of wallet = "
                "onze omzet bij de klant / de totale besteding van de klant in onze categorie, en ligt dus "
                "altijd tussen 0 en 1."),
        Mistake(SOW_REVENUE / (SOW_SPEND + SOW_REVENUE),
                "Je telde onze omzet nog eens bij de besteding op. De totale besteding van de klant bevat "
                "onze omzet al: deel alleen door die totale besteding."),
        Mistake(1 - SOW_REVENUE / SOW_SPEND,
                "Dat is het deel dat de klant bij concurrenten koopt. Gevraagd is ons deel."),
    ],
    hints=["Share of wallet = onze omzet bij de klant / totale besteding van de klant in onze categorie.",
           "Een fractie is een getal tussen 0 en 1; 25% schrijf je als 0.25."],
    solution=f"""
        # Share of wallet = onze omzet bij de klant / zijn totale besteding in onze categorie
        # = 36.000 / 144.000 = 0,25: een kwart van zijn koffie- en vendingbudget gaat naar Brandwijk.
        onze_omzet = {SOW_REVENUE:.0f}
        besteding_klant = {SOW_SPEND:.0f}
        antwoord = salesnb.share_of_wallet(onze_omzet, besteding_klant)
    """,
)

# --------------------------------------------------------------------------- 7.2 weighted attractiveness (case)

CRITERIA = {  # criterion: (weight, score 1-5)
    "omzetpotentieel": (0.40, 4),
    "groei van de klant": (0.20, 2),
    "verwachte marge": (0.25, 5),
    "referentiewaarde": (0.15, 3),
}


def _weighted():
    return sum(w * s for w, s in CRITERIA.values()) / sum(w for w, _ in CRITERIA.values())


_table = "; ".join(f"{c}: gewicht {round(w * 100)}%, score {s}" for c, (w, s) in CRITERIA.items())

register_exercise(
    id="7.3",
    title="Gewogen aantrekkelijkheidsscore",
    question=("Brandwijk beoordeelt de aantrekkelijkheid van Zorggroep Amstelland op vier criteria "
              f"(scores 1 tot 5): {_table}. Bereken de gewogen aantrekkelijkheidsscore (op dezelfde "
              "schaal 1–5, twee decimalen)."),
    answer=_weighted,
    unit="number",
    tolerance=0.005,
    mistakes=[
        Mistake(sum(s for _, s in CRITERIA.values()) / len(CRITERIA),
                "Je nam het gewone gemiddelde van de scores. Bij een gewogen score tellen belangrijke "
                "criteria zwaarder: vermenigvuldig elke score met zijn gewicht en tel op."),
        Mistake(sum(round(w * 100) * s for w, s in CRITERIA.values()),
                "Je rekende met de gewichten als hele getallen (40 in plaats van 0,40). Deel door de som "
                "van de gewichten (100) om weer op de schaal 1–5 uit te komen."),
        Mistake(sum(s for _, s in CRITERIA.values()),
                "Je telde alleen de scores op, zonder gewichten. Vermenigvuldig elke score met zijn gewicht."),
    ],
    hints=["Gewogen score = som van (gewicht × score) / som van de gewichten.",
           "De gewichten tellen op tot 100% = 1, dus hier is het gewoon de som van gewicht × score.",
           "Met salesnb: salesnb.weighted_score(tabel_met_scores, {criterium: gewicht, ...})."],
    solution="""
        import pandas as pd
        # Gewogen score = Σ gewicht × score = 0,40 × 4 + 0,20 × 2 + 0,25 × 5 + 0,15 × 3
        # = 1,60 + 0,40 + 1,25 + 0,45 = 3,70 (de gewichten tellen op tot 1, dus de schaal blijft 1–5).
        scores = pd.DataFrame({"omzetpotentieel": [4], "groei van de klant": [2],
                               "verwachte marge": [5], "referentiewaarde": [3]})
        gewichten = {"omzetpotentieel": 0.40, "groei van de klant": 0.20,
                     "verwachte marge": 0.25, "referentiewaarde": 0.15}
        antwoord = salesnb.weighted_score(scores, gewichten).iloc[0]
    """,
)

# --------------------------------------------------------------------------- 7.3 Millman & Wilson (reasoning)

register_exercise(
    id="7.4",
    title="Fase van Millman & Wilson herkennen",
    question=("Bij Zorggroep Eem praten de facilitair manager, de financieel directeur en de ICT-afdeling "
              "inmiddels rechtstreeks met de servicedienst, de planning en de directie van Brandwijk. Er ligt "
              "een meerjarencontract en de zorggroep deelt haar bezettingsprognoses, zodat Brandwijk de "
              "bevoorrading kan plannen. Samen nieuwe diensten ontwikkelen of als één team werken doen ze "
              "nog niet. In welke fase van Millman & Wilson zit deze relatie? Kies a, b, c, d, e of f."),
    answer="d",
    choices={
        "a": ("pre-KAM",
              "Nee: in pre-KAM is er nog geen echte relatie en onderzoek je pas of de klant een key account "
              "kan worden. Hier is al een meerjarencontract."),
        "b": ("early KAM",
              "Nee: in early KAM loopt het contact vooral via één verkoper en één inkoper (de vlinderdas) en "
              "test de klant de leverancier nog. Hier praten veel afdelingen rechtstreeks met elkaar."),
        "c": ("mid KAM",
              "Bijna: in mid KAM groeit het vertrouwen en komen er meer contacten, maar de klant deelt nog "
              "geen vertrouwelijke informatie zoals prognoses en ziet ons nog niet als strategische partner."),
        "d": ("partnership KAM",
              "Juist: veel afdelingen praten direct met elkaar (de diamant), er is een langlopend contract en "
              "er wordt vertrouwelijke informatie gedeeld. Dat is partnership KAM."),
        "e": ("synergistic KAM",
              "Nee: in synergistic KAM werken beide bedrijven als één geheel en ontwikkelen ze samen nieuwe "
              "waarde. Dat doen ze hier uitdrukkelijk nog niet."),
        "f": ("uncoupling KAM",
              "Nee: uncoupling is het afbouwen van de relatie. Hier groeit de relatie juist."),
    },
    hints=["Let op wie met wie praat: één contactpersoon aan elke kant (vlinderdas) of veel afdelingen "
           "direct met elkaar (diamant)?",
           "Wat wordt er gedeeld? Vertrouwelijke informatie en lange contracten horen bij een partnerschap."],
    solution="""
        # Veel directe contacten (diamant) + meerjarencontract + gedeelde prognoses,
        # maar nog geen gezamenlijke innovatie: partnership KAM.
        antwoord = "d"
    """,
)

# --------------------------------------------------------------------------- 7.4 workload (case)

PORTFOLIO = {"key account": (4, 12), "major account": (24, 4), "minor account": (115, 1)}  # (accounts, visits)


def _visits():
    return sum(n * v for n, v in PORTFOLIO.values())


register_exercise(
    id="7.1",
    title="Werklast van een accountmanager",
    question=("Bij een indeling naar waarde van de klant krijgt een accountmanager "
              + ", ".join(f"{n} {t}s ({v} bezoek{'en' if v > 1 else ''} per jaar per klant)"
                          for t, (n, v) in PORTFOLIO.items())
              + ". Hoeveel bezoeken per jaar moet deze accountmanager afleggen?"),
    answer=_visits,
    unit="count",
    mistakes=[
        Mistake(sum(n for n, _ in PORTFOLIO.values()),
                "Je telde de klanten, niet de bezoeken. Vermenigvuldig per klasse het aantal klanten met het "
                "aantal bezoeken per klant."),
        Mistake(sum(n * v for t, (n, v) in PORTFOLIO.items() if t != "minor account"),
                "Je vergat de minor accounts: ook die krijgen een bezoek per jaar."),
        Mistake(sum(v for _, v in PORTFOLIO.values()),
                "Je telde alleen de bezoeknormen op. Vermenigvuldig ze met het aantal klanten per klasse."),
    ],
    hints=["Werk per klasse: aantal klanten × bezoeken per klant per jaar.",
           "Tel de drie uitkomsten op."],
    solution="""
        # Werklast = Σ aantal klanten × bezoeknorm: 4 × 12 + 24 × 4 + 115 × 1 = 48 + 96 + 115 = 259 bezoeken.
        klassen = {"key account": (4, 12), "major account": (24, 4), "minor account": (115, 1)}
        antwoord = sum(aantal * bezoeken for aantal, bezoeken in klassen.values())
    """,
)

# --------------------------------------------------------------------------- 7.5 share of wallet on the data


def _key_accounts_2025():
    import salesnb

    ka = salesnb.load("key_accounts")
    return ka[ka["year"] == 2025]


def _largest_account():
    ka = _key_accounts_2025()
    return ka.loc[ka["our_revenue"].idxmax()]


def _largest_sow():
    row = _largest_account()
    return float(row["our_revenue"] / row["category_spend"])


def _largest_sow_all_years():
    import salesnb

    ka = salesnb.load("key_accounts")
    rows = ka[ka["customer_id"] == _largest_account()["customer_id"]]
    return float(rows["our_revenue"].sum() / rows["category_spend"].sum())


register_exercise(
    id="7.6",
    title="Share of wallet van het grootste key account",
    question=("Neem in de tabel key_accounts (salesnb.load(\"key_accounts\")) het jaar 2025. Welk account heeft "
              "de meeste omzet bij ons (kolom our_revenue)? Bereken zijn share of wallet in 2025 uit our_revenue "
              "en category_spend (de totale besteding van de klant in onze categorie). Geef een fractie."),
    answer=_largest_sow,
    unit="fraction",
    mistakes=[
        Mistake(lambda: 1 / _largest_sow(),
                "Je deelde de besteding door onze omzet: omgekeerd. Share of wallet = our_revenue / "
                "category_spend, een getal tussen 0 en 1."),
        Mistake(lambda: 1 - _largest_sow(),
                "Dat is het deel van de besteding dat naar concurrenten gaat, niet ons deel."),
        Mistake(_largest_sow_all_years,
                "Je telde de omzet en de besteding van alle jaren (2021–2025) bij elkaar op. Gevraagd is de "
                "share of wallet in 2025: filter eerst de rijen met year == 2025 en deel dan our_revenue "
                "door category_spend van dat ene jaar."),
    ],
    hints=["Filter eerst: ka = salesnb.load(\"key_accounts\"); ka2025 = ka[ka[\"year\"] == 2025].",
           "De rij met de meeste omzet vind je met ka2025.loc[ka2025[\"our_revenue\"].idxmax()].",
           "salesnb.share_of_wallet(onze_omzet, besteding) rekent het voor je uit."],
    solution="""
        ka = salesnb.load("key_accounts")
        # Eerst het jaar 2025, dan het account met de hoogste our_revenue; share of wallet = our_revenue /
        # category_spend van dát account (zijn besteding bij alle leveranciers in onze categorie).
        ka2025 = ka[ka["year"] == 2025]
        grootste = ka2025.loc[ka2025["our_revenue"].idxmax()]
        antwoord = salesnb.share_of_wallet(grootste["our_revenue"], grootste["category_spend"])
    """,
)

# --------------------------------------------------------------------------- 7.6 key accounts by value on the data

def _orders():
    import salesnb

    return salesnb.load("orders")


# The notebook prints the value tiers of 2025; the exercise asks for the key accounts' revenue share a year
# earlier (a count of about 33 key accounts collides with other small counts the notebook prints).
KEY_YEAR = 2024


def _revenue(year=KEY_YEAR):
    orders = _orders()
    return orders[orders["date"].dt.year == year].groupby("customer_id")["revenue"].sum()


def _key_share(year=KEY_YEAR):
    revenue = _revenue(year)
    return float(revenue[revenue >= KEY_THRESHOLD].sum() / revenue.sum())


def _key_share_2025():
    return _key_share(2025)


def _key_count():
    return int((_revenue() >= KEY_THRESHOLD).sum())


def _key_customer_share():
    return float((_revenue() >= KEY_THRESHOLD).mean())


def _key_share_all_years():
    revenue = _orders().groupby("customer_id")["revenue"].sum()
    return float(revenue[revenue >= KEY_THRESHOLD].sum() / revenue.sum())


def _key_share_order_lines():
    orders = _orders()
    lines = orders.loc[orders["date"].dt.year == KEY_YEAR, "revenue"]
    return float(lines[lines >= KEY_THRESHOLD].sum() / lines.sum())


register_exercise(
    id="7.2",
    title="Omzetaandeel van de key accounts, een jaar eerder",
    question=(f"Hierboven staat welk deel van de omzet van 2025 van de key accounts kwam. Was dat een jaar eerder "
              f"anders? Brandwijk noemt een klant een key account als hij in een jaar voor minstens "
              f"{format_euro(KEY_THRESHOLD)} bij ons kocht (omzet in de tabel orders). Welk deel van de omzet "
              f"van {KEY_YEAR} kwam van de key accounts van {KEY_YEAR}? Geef een fractie."),
    answer=_key_share,
    unit="fraction",
    mistakes=[
        Mistake(_key_share_2025,
                "Dat is het omzetaandeel van de key accounts in 2025, uit de tabel hierboven. Gevraagd is "
                f"{KEY_YEAR}: filter de orders op dat jaar."),
        Mistake(_key_customer_share,
                "Je gaf het aandeel klanten dat key account is. Gevraagd is het aandeel van de omzet: "
                "de omzet van de key accounts gedeeld door de omzet van alle klanten."),
        Mistake(_key_share_all_years,
                "Je telde de omzet over alle jaren (2021–2025) op. De grens geldt voor de omzet in één jaar: "
                f"filter eerst de orders van {KEY_YEAR}."),
        Mistake(_key_share_order_lines,
                f"Je selecteerde orderregels van minstens {format_euro(KEY_THRESHOLD)}, niet klanten. Tel eerst "
                f"per klant de omzet op (groupby op customer_id)."),
    ],
    hints=[f"Filter de orders op orders[\"date\"].dt.year == {KEY_YEAR} en tel per klant de omzet op met "
           "groupby(\"customer_id\")[\"revenue\"].sum().",
           f"Key accounts: omzet >= {KEY_THRESHOLD:_.0f}. Deel hun omzet door de omzet van alle klanten."],
    solution=f"""
        orders = salesnb.load("orders")
        # Een key account is een waardeklasse: de omzet van één klant in één jaar ligt boven de grens.
        # Dus: eerst de orders van {KEY_YEAR}, dan per klant optellen, dan de klanten boven de grens kiezen.
        omzet = orders[orders["date"].dt.year == {KEY_YEAR}].groupby("customer_id")["revenue"].sum()
        key = omzet[omzet >= {KEY_THRESHOLD:_.0f}]
        # Omzetaandeel = omzet van de key accounts / omzet van alle klanten in hetzelfde jaar.
        antwoord = key.sum() / omzet.sum()
    """,
)
