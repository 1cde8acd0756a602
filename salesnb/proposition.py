"""H4 Waardepropositie (§4.1–4.3).

Buying motives (rational / emotional, SABONE) and what they do to the win rate, the
sellogram of the sample company (koopmotief → eigenschap → voordeel → verkoopargument →
bewijs), USP against UBR, Cialdini's principles of persuasion with example sentences from
the company's sales conversations, and the weighted criteria comparison of offers.

The sellogram rows and the Cialdini sentences are data of this module: they describe
Brandwijk Koffie & Vending, the fictional company of the companion.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from . import _validate as v
from .errors import InputError
from .evidence import MIN_COUNT, Z_MARGIN, compare_rates
from .vocabulary import MOTIVE_TYPES, OWN_NAME, SABONE

__all__ = [
    "REASON_MOTIVES",
    "PRODUCT_LEVELS",
    "CIALDINI",
    "buying_motives",
    "motive_of",
    "motive_profile",
    "motives_in_reasons",
    "win_rate_by_motive",
    "sales_argument",
    "sellogram",
    "sellogram_argument",
    "customer_pitch",
    "COMPANY_USPS",
    "usp_vs_ubr",
    "usp_findings",
    "ubr_findings",
    "cialdini_examples",
    "case_offers",
    "CASE_WEIGHTS",
    "weights_checked",
    "weighted_criteria",
    "winning_offer",
]

# ---------------------------------------------------------------------------------------------
# §4.1 Koopmotieven
# ---------------------------------------------------------------------------------------------

_SABONE_ORIGIN = {
    "S": "Security",
    "A": "Affection",
    "B": "Bequemlichkeit",
    "O": "Opinion (Orgueil)",
    "N": "Novelty",
    "E": "Economy",
}

_SABONE_MEANING = {
    "S": "risico's vermijden: betrouwbaarheid, garantie, continuïteit van levering",
    "A": "een goede relatie en een prettig contact met de leverancier",
    "B": "ontzorgd worden: weinig werk, snel geregeld, alles bij één adres",
    "O": "status en uitstraling: indruk maken op medewerkers, klanten en bezoekers",
    "N": "het nieuwste willen hebben: innovatie, duurzaamheid, primeurs",
    "E": "geld besparen of verdienen: lage totale kosten, korting, minder verspilling",
}


#: Keywords in won/lost reasons → SABONE letter (first match wins; matching ignores case).
REASON_MOTIVES = {
    "prijs": "E", "kosten": "E", "korting": "E", "goedkoper": "E", "tco": "E", "budget": "E",
    "storing": "S", "betrouwba": "S", "garantie": "S", "levering": "S", "zekerheid": "S",
    "reactietijd": "S", "kwaliteit": "S",
    "relatie": "A", "contact": "A", "klik": "A", "vertrouwen": "A", "accountmanager": "A",
    "gemak": "B", "ontzorg": "B", "service": "B", "één leverancier": "B", "snel": "B",
    "uitstraling": "O", "imago": "O", "design": "O", "barista": "O", "beleving": "O",
    "nieuw": "N", "innovat": "N", "duurzaam": "N", "smart": "N",
    "gedoe": "B", "overstap": "B", "merk": "O", "premium": "O",
}

#: The three product levels, with the company's example.
PRODUCT_LEVELS = {
    "fysiek product": "de koffiemachine zelf: bean-to-cup, 2 soorten melk, 150 koppen per uur",
    "uitgebreid product": "installatie, servicecontract met reactietijd, vullen van de automaat, "
                          "betaling per kop",
    "totaal product": "de beleving: een koffiemoment waar medewerkers voor blijven, de naam "
                      "Brandwijk, de vaste accountmanager die meedenkt",
}


def buying_motives(*, types: Mapping[str, str] = MOTIVE_TYPES) -> pd.DataFrame:
    """The SABONE buying motives (§4.1) with their type, rational or emotional.

    >>> buying_motives().loc["economie", ["letter", "type"]].tolist()
    ['E', 'rationeel']
    """
    letters = list(SABONE)
    missing = [m for m in letters if m not in types]
    if missing:
        raise InputError(f"'types' mist het type (rationeel/emotioneel) van {', '.join(missing)}.")
    for letter in letters:
        v.choice(types[letter], f"types['{letter}']", ("rationeel", "emotioneel"))
    return pd.DataFrame({
        "letter": letters,
        "sabone": [_SABONE_ORIGIN[m] for m in letters],
        "type": [types[m] for m in letters],
        "betekenis": [_SABONE_MEANING[m] for m in letters],
    }, index=pd.Index([SABONE[m] for m in letters], name="motief"))


def _motive_letter(value, name="motive") -> str:
    """Accept a SABONE letter ('E'), Dutch name ('economie') or English name ('Economy')."""
    text = str(value).strip()
    if text.upper() in SABONE:
        return text.upper()
    lower = text.lower()
    if lower == "nieuwheid":
        return "N"
    for letter in SABONE:
        if lower in (SABONE[letter], _SABONE_ORIGIN[letter].split()[0].lower()):
            return letter
    choices = [f"{k} ({n})" for k, n in SABONE.items()]
    raise InputError(f"'{name}' = {value!r} is geen SABONE-koopmotief. Kies uit: {', '.join(choices)}.")


def motive_of(reasons, *, keywords: Mapping[str, str] = REASON_MOTIVES) -> pd.Series:
    """The SABONE motive (letter) behind each won/lost reason (§4.1), by keywords.

    A reason without any keyword gets NaN. ``keywords`` maps a piece of text to a letter.

    >>> motive_of(["Prijs te hoog", "Snelle service", "weet niet"]).tolist()
    ['E', 'B', nan]
    """
    if isinstance(reasons, (str, bytes)) or reasons is None:
        raise InputError("'reasons' moet een rij redenen zijn (lijst of Series), niet één tekst.")
    series = pd.Series(reasons, dtype=object)
    index = series.index
    if not keywords:
        raise InputError("'keywords' is leeg; geef minstens één trefwoord → motief.")
    pairs = [(str(k).lower(), _motive_letter(m, f"keywords['{k}']")) for k, m in keywords.items()]
    # Match each distinct reason once (a table repeats the same few reasons many times).
    unique = pd.unique(series.dropna().astype(str))
    found = {}
    for reason in unique:
        lower = reason.lower()
        found[reason] = next((letter for word, letter in pairs if word in lower), np.nan)
    result = series.map(lambda r: found.get(str(r), np.nan) if pd.notna(r) else np.nan).astype(object)
    result.index = index
    result.name = "motief"
    return result


def motive_profile(motives, *, types: Mapping[str, str] = MOTIVE_TYPES) -> pd.DataFrame:
    """How often each SABONE motive occurs (§4.1): count, share and rational/emotional type.

    ``motives`` holds motives (letters or names) per reason or opportunity; missing values
    are left out. One row per motive (index: the Dutch name).

    >>> t = motive_profile(["E", "economie", "S", "O"])
    >>> int(t.loc["economie", "aantal"]), float(t.loc["economie", "aandeel"])
    (2, 0.5)
    """
    series = pd.Series(motives, dtype=object).dropna()
    if series.empty:
        raise InputError("'motives' bevat geen motieven; niets om te tellen.")
    letters = series.map(_motive_letter)
    counts = letters.value_counts().reindex(list(SABONE), fill_value=0).astype(int)
    table = buying_motives(types=types)[["letter", "type"]].copy()
    table["aantal"] = counts.to_numpy()
    table["aandeel"] = table["aantal"] / table["aantal"].sum()
    return table


def motives_in_reasons(reasons, outcomes, *, won="gewonnen", lost="verloren",
                       keywords: Mapping[str, str] = REASON_MOTIVES) -> pd.DataFrame:
    """Buying motives named in the won and lost reasons (§4.1), counted per outcome.

    Each reason is traced to a SABONE motive with :func:`motive_of`; reasons without a motive
    (e.g. 'beslisser niet gesproken') are counted as ``geen motief``. Returns counts per motive
    (rows) for won and lost deals, with each column's share.

    >>> t = motives_in_reasons(["concurrent was goedkoper", "goede klik", "geen idee"],
    ...                        ["verloren", "gewonnen", "verloren"])
    >>> t.loc["economie", ["gewonnen", "verloren"]].tolist()
    [0, 1]
    """
    r = pd.Series(reasons, dtype=object).reset_index(drop=True)
    o = pd.Series(outcomes, dtype=object).reset_index(drop=True)
    v.same_length(reasons=r, outcomes=o)
    closed = o.isin([won, lost]).to_numpy()
    if not closed.any():
        raise InputError(f"Er zijn geen afgesloten deals ('{won}' of '{lost}') met een reden.")
    letters = motive_of(r[closed], keywords=keywords)
    names = letters.map(SABONE).fillna("geen motief")
    order = [SABONE[x] for x in SABONE] + ["geen motief"]
    table = pd.crosstab(pd.Categorical(names, categories=order),
                        pd.Categorical(o[closed], categories=[won, lost]), dropna=False)
    table.index.name, table.columns.name = "motief", None
    table = table.astype(int)
    totals = table.sum()
    for col in [won, lost]:
        table[f"aandeel_{col}"] = table[col] / totals[col] if totals[col] else np.nan
    return table


def win_rate_by_motive(motives, outcomes, *, won="gewonnen", lost="verloren",
                       types: Mapping[str, str] = MOTIVE_TYPES) -> pd.DataFrame:
    """Win rate per (dominant) buying motive (§4.1) = won / (won + lost) within the motive.

    ``motives`` gives the customer's dominant SABONE motive per opportunity; ``outcomes``
    the result ('gewonnen', 'verloren'; anything else is still open and is left out).

    >>> t = win_rate_by_motive(["E", "E", "S", "S", "S"],
    ...                        ["gewonnen", "verloren", "gewonnen", "gewonnen", "open"])
    >>> t.loc[["economie", "zekerheid"], "win_rate"].tolist()
    [0.5, 1.0]
    """
    m = pd.Series(motives, dtype=object).reset_index(drop=True)
    o = pd.Series(outcomes, dtype=object).reset_index(drop=True)
    v.same_length(motives=m, outcomes=o)
    if m.isna().any():
        raise InputError("'motives' mist waarden; geef bij elke opportunity het dominante motief.")
    letters = m.map(_motive_letter)
    closed = o.isin([won, lost])
    if not closed.any():
        raise InputError(f"Er zijn geen afgesloten opportunities ('{won}' of '{lost}'); "
                         f"een win rate kan dan niet.")
    frame = pd.DataFrame({"letter": letters[closed], "gewonnen": (o[closed] == won).astype(int)})
    grouped = frame.groupby("letter")["gewonnen"].agg(["sum", "count"]).reindex(list(SABONE))
    table = buying_motives(types=types)[["letter", "type"]].copy()
    table["gewonnen"] = grouped["sum"].fillna(0).astype(int).to_numpy()
    table["verloren"] = (grouped["count"] - grouped["sum"]).fillna(0).astype(int).to_numpy()
    closed_n = table["gewonnen"] + table["verloren"]
    table["win_rate"] = (table["gewonnen"] / closed_n.where(closed_n > 0)).astype(float)
    return table


# ---------------------------------------------------------------------------------------------
# §4.2 Het sellogram
# ---------------------------------------------------------------------------------------------

def sales_argument(doordat: str, kunt_u: str, zodat: str) -> str:
    """A sales argument in the customer's words (§4.2): "Doordat …, kunt u …, zodat …".

    >>> sales_argument("de automaat zelf storingen meldt", "rekenen op een monteur binnen 4 uur",
    ...                "uw medewerkers nooit zonder koffie zitten")
    'Doordat de automaat zelf storingen meldt, kunt u rekenen op een monteur binnen 4 uur, zodat uw medewerkers nooit zonder koffie zitten.'
    """
    parts = {"doordat": doordat, "kunt_u": kunt_u, "zodat": zodat}
    for name, text in parts.items():
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"'{name}' moet een stukje tekst zijn, bijvoorbeeld een eigenschap of voordeel.")
    clean = {k: t.strip().rstrip(".,") for k, t in parts.items()}
    return f"Doordat {clean['doordat']}, kunt u {clean['kunt_u']}, zodat {clean['zodat']}."


# (product, motive, eigenschap, voordeel, doordat, kunt u, zodat, bewijs)
_SELLOGRAM_ROWS = (
    ("Koffiemachines", "S", "telemetrie: de automaat meldt zelf storingen",
     "storingen worden verholpen voordat iemand het merkt",
     "de automaat zelf storingen doorgeeft aan onze servicedienst",
     "rekenen op een monteur binnen 4 uur", "uw medewerkers nooit lang zonder koffie zitten",
     "servicerapport 2025: bij 97% van de storingen een monteur binnen 4 uur ter plaatse, "
     "99% binnen 24 uur verholpen"),
    ("Koffiemachines", "O", "bean-to-cup met barista-menu en aanraakscherm",
     "koffie van horecakwaliteit op kantoor",
     "de automaat verse bonen maalt en 16 barista-dranken zet",
     "uw bezoekers een cappuccino als in een koffiebar aanbieden",
     "uw ontvangst de uitstraling krijgt die bij uw bedrijf past",
     "proeverij op locatie; referentie van een advocatenkantoor in Utrecht"),
    ("Koffiemachines", "A", "vaste servicemonteur en accountmanager voor uw locatie",
     "een vertrouwd gezicht dat uw automaat en uw mensen kent",
     "steeds dezelfde monteur uw automaten onderhoudt",
     "wensen en klachten rechtstreeks met hem bespreken",
     "de automaat afgesteld blijft op de smaak van uw medewerkers",
     "klantbeoordeling monteurs 2025; gespreksverslagen van servicebezoeken"),
    ("Koffiemachines", "B", "plaatsen, vullen en schoonmaken door Brandwijk",
     "de automaat vraagt geen werk van uw eigen mensen",
     "wij de automaat plaatsen, vullen en schoonmaken",
     "de koffievoorziening volledig uit handen geven",
     "uw facilitaire dienst er geen omkijken naar heeft",
     "serviceplan met vulschema; referentie van een hogeschool"),
    ("Koffiemachines", "E", "energiezuinige automaat die per kop precies doseert",
     "lage totale kosten per kop over de looptijd",
     "de automaat in slaapstand weinig stroom gebruikt en per kop precies doseert",
     "de kosten per kop over vijf jaar vooraf vastleggen",
     "u vooraf precies weet wat elke kop over de hele looptijd kost",
     "berekening kosten per kop over 5 jaar (TCO); energielabel van de fabrikant"),
    ("Koffiemachines", "N", "app om vooraf een drank te kiezen en contactloos te tappen",
     "geen wachtrij en geen knoppen aanraken",
     "medewerkers hun koffie vooraf in de app bestellen",
     "de drukte rond de automaat in de pauze spreiden",
     "iedereen sneller terug aan het werk is",
     "demonstratie van de app; pilot bij een ziekenhuis in Amersfoort"),
    ("Koffie & thee", "E", "prijs per kop vast voor drie jaar",
     "voorspelbare kosten zonder verrassingen",
     "wij de prijs per kop drie jaar vastzetten",
     "uw koffiebudget nu al voor drie jaar vastleggen",
     "u geen last hebt van stijgende koffieprijzen",
     "contractvoorwaarde in de offerte; prijsontwikkeling koffie 2021–2025"),
    ("Koffie & thee", "N", "fairtrade en biologische bonen met CO2-compensatie",
     "een duurzaam assortiment dat past bij het MVO-beleid",
     "al onze bonen fairtrade en biologisch zijn en het transport CO2-gecompenseerd is",
     "in uw duurzaamheidsverslag laten zien wat u doet",
     "uw organisatie aantoonbaar werk maakt van maatschappelijk verantwoord inkopen",
     "keurmerken Fairtrade en EKO; jaarlijkse CO2-verklaring"),
    ("Koffie & thee", "S", "vaste leverdag en voorraad in ons eigen magazijn",
     "nooit zonder koffie of thee",
     "wij uw koffie en thee op een vaste dag uit onze eigen voorraad leveren",
     "op levering rekenen, ook als de markt krap is",
     "uw automaten nooit leeg staan",
     "leverbetrouwbaarheid 2025: 99% op de afgesproken dag"),
    ("Koffie & thee", "A", "koffieproeverij met uw medewerkers",
     "een melange die uw mensen zelf hebben gekozen",
     "wij met uw medewerkers een proeverij houden",
     "samen de melange kiezen die het best smaakt",
     "uw mensen de koffie echt hun eigen koffie vinden",
     "verslag van een proeverij; klanttevredenheid na de proeverij"),
    ("Koffie & thee", "B", "automatisch bestellen op basis van het verbruik",
     "nooit zelf de voorraad tellen",
     "de automaat het verbruik doorgeeft en wij automatisch bijleveren",
     "het bestellen van koffie en thee aan ons overlaten",
     "uw medewerkers tijd overhouden voor hun eigen werk",
     "verbruiksrapport per maand; voorbeeld van een automatische bestelling"),
    ("Snacks & frisdrank", "B", "automatische bijvulling op basis van verbruik",
     "nooit zelf bestellen of tellen",
     "onze vuller het verbruik uitleest en op tijd aanvult",
     "het bestellen van snacks en dranken volledig aan ons overlaten",
     "uw facilitair medewerker tijd overhoudt voor ander werk",
     "verbruiksrapport per maand; gemiddeld 1 vulbeurt per week"),
    ("Snacks & frisdrank", "A", "vaste vuller die de locatie en de mensen kent",
     "een bekend gezicht dat meedenkt",
     "steeds dezelfde vuller bij u komt",
     "wensen van uw medewerkers direct doorgeven",
     "het assortiment past bij wat uw mensen lekker vinden",
     "klantbeoordeling vullers: 8,6 gemiddeld"),
    ("Snacks & frisdrank", "S", "gekoelde automaat met temperatuurbewaking en houdbaarheidscontrole",
     "altijd verse en veilige producten",
     "de automaat de temperatuur bewaakt en onze vuller bij elke vulbeurt de houdbaarheid controleert",
     "zonder zorgen snacks en dranken aanbieden",
     "u voldoet aan de eisen voor voedselveiligheid (HACCP)",
     "HACCP-logboek; temperatuurrapport van de automaat"),
    ("Snacks & frisdrank", "E", "automaat op basis van omzet, zonder aanschaf",
     "geen investering en geen vaste kosten",
     "wij de automaat neerzetten en per verkocht product betaald worden",
     "snacks en dranken aanbieden zonder te investeren",
     "uw budget vrij blijft voor andere zaken",
     "voorbeeldcontract op omzetbasis; kostenoverzicht per maand"),
    ("Snacks & frisdrank", "N", "wisselend assortiment met elk kwartaal nieuwe en gezonde producten",
     "steeds iets nieuws in de automaat",
     "wij elk kwartaal nieuwe producten in het assortiment opnemen en de minst verkochte vervangen",
     "uw medewerkers de nieuwste snacks en dranken laten proberen",
     "de automaat aantrekkelijk blijft en vaker gebruikt wordt",
     "kwartaaloverzicht van nieuwe producten; verkoopcijfers voor en na een wissel"),
    ("Waterkoelers", "S", "koelers met UV-ontsmetting en halfjaarlijkse hygiënebeurt",
     "schoon en veilig drinkwater",
     "de koeler het water met UV-licht ontsmet en wij hem twee keer per jaar reinigen",
     "zonder zorgen water aanbieden aan patiënten, leerlingen of medewerkers",
     "u voldoet aan de hygiëne-eisen van uw sector",
     "certificaat hygiënebeurt; labrapport waterkwaliteit"),
    ("Waterkoelers", "E", "aansluiting op de waterleiding in plaats van flessen",
     "geen flessen kopen, opslaan of sjouwen",
     "de koeler op de waterleiding is aangesloten",
     "besparen op flessenwater en opslagruimte",
     "uw kosten per liter dalen en u minder plastic gebruikt",
     "rekenvoorbeeld kosten per liter: leiding tegen flessen"),
    ("Waterkoelers", "A", "vaste servicemonteur voor de hygiënebeurten",
     "een bekend gezicht dat uw locatie kent",
     "steeds dezelfde monteur uw koelers reinigt",
     "afspraken maken die passen bij uw roosters",
     "de hygiënebeurt uw medewerkers en cliënten niet stoort",
     "klantbeoordeling monteurs 2025"),
    ("Waterkoelers", "B", "plaatsen, aansluiten en onderhouden in één contract",
     "geen omkijken naar de koelers",
     "wij de koelers plaatsen, aansluiten en onderhouden",
     "water aanbieden zonder zelf iets te regelen",
     "uw facilitaire dienst tijd overhoudt",
     "onderhoudsplanning; referentie van een school"),
    ("Waterkoelers", "N", "koeler met bruiswater en smaakcartridges",
     "meer keus dan kraanwater, zonder suiker",
     "de koeler ook bruisend water en water met een smaakje tapt",
     "uw medewerkers een gezond alternatief voor frisdrank bieden",
     "uw vitaliteitsbeleid zichtbaar wordt in de pauze",
     "demonstratie op locatie; verbruikscijfers van een pilotklant"),
    ("Service & onderhoud", "S", "all-in servicecontract met vaste reactietijd",
     "geen onverwachte reparatiekosten",
     "onderdelen, arbeid en voorrijkosten in het contract zitten",
     "storingen laten verhelpen zonder een nieuwe offerte af te wachten",
     "uw kosten vastliggen en de automaat blijft draaien",
     "contractvoorwaarden; 8 jaar gemiddelde levensduur van onze automaten"),
    ("Service & onderhoud", "B", "één aanspreekpunt voor koffie, snacks, water en service",
     "één factuur en één telefoonnummer",
     "u alles via één accountmanager en één factuur regelt",
     "leveranciersbeheer en administratie sterk vereenvoudigen",
     "uw inkoopafdeling minder tijd kwijt is aan leveranciers",
     "voorbeeldfactuur; referentie van een gemeente"),
    ("Service & onderhoud", "A", "vaste accountmanager met kwartaaloverleg",
     "iemand die uw organisatie kent en meedenkt",
     "u een vaste accountmanager hebt die elk kwartaal langskomt",
     "veranderingen in uw organisatie op tijd bespreken",
     "de dienstverlening blijft passen bij uw mensen",
     "NPS-score van onze klanten; gespreksverslagen kwartaaloverleg"),
    ("Service & onderhoud", "E", "preventief onderhoud volgens een vast schema",
     "minder storingen en een langere levensduur",
     "onze monteur de automaat op vaste momenten preventief onderhoudt",
     "dure reparaties en vroegtijdige vervanging voorkomen",
     "u langer met dezelfde automaat doet en uw kosten per jaar dalen",
     "storingscijfers 2025 van automaten met en zonder preventief onderhoud"),
    ("Service & onderhoud", "N", "onderhoud op afstand via telemetrie",
     "updates en nieuwe instellingen zonder bezoek van een monteur",
     "wij de automaat op afstand bijwerken en instellen",
     "nieuwe dranken en prijzen direct laten doorvoeren",
     "uw automaten altijd met de nieuwste software werken",
     "demonstratie van het serviceportaal; overzicht van uitgevoerde updates"),
    ("Verbruiksartikelen", "E", "bekers, suiker en melk in grootverpakking tegen staffelprijs",
     "lagere prijs per eenheid",
     "u verbruiksartikelen in grootverpakking tegen een staffelprijs afneemt",
     "per kop koffie besparen op bekers en melk",
     "uw totale kosten per kop omlaag gaan",
     "staffelprijslijst 2026"),
    ("Verbruiksartikelen", "O", "bekers met uw eigen logo",
     "uw merk in elke pauze zichtbaar",
     "wij de bekers met uw logo laten bedrukken",
     "uw huisstijl tot in de koffiehoek doortrekken",
     "medewerkers en bezoekers uw merk steeds zien",
     "proefdruk en voorbeeldbekers"),
    ("Verbruiksartikelen", "S", "bekers die precies passen in de automaten van Brandwijk",
     "geen storingen door verkeerde bekers",
     "onze bekers precies passen in de automaten die wij leveren",
     "storingen door vastgelopen bekers voorkomen",
     "de automaat blijft werken",
     "storingscijfers: vastgelopen bekers met eigen en met andere bekers"),
    ("Verbruiksartikelen", "A", "vaste contactpersoon bij de binnendienst",
     "één bekende stem voor elke bestelling",
     "u steeds dezelfde medewerker van onze binnendienst spreekt",
     "bijzondere wensen snel en persoonlijk regelen",
     "bestellen prettig en zonder misverstanden gaat",
     "klantbeoordeling binnendienst 2025"),
    ("Verbruiksartikelen", "B", "verbruiksartikelen meegeleverd met de koffie",
     "één levering en één factuur",
     "wij bekers, suiker en melk met de koffie meeleveren",
     "alles in één bestelling regelen",
     "u minder leveringen hoeft aan te nemen en te controleren",
     "voorbeeldfactuur; leverschema"),
    ("Verbruiksartikelen", "N", "composteerbare papieren bekers en houten roerstaafjes",
     "minder plastic afval",
     "onze bekers composteerbaar zijn en de roerstaafjes van hout",
     "plastic wegwerpbekers uit uw organisatie laten verdwijnen",
     "u aan de regels voor wegwerpplastic voldoet en uw duurzaamheidsdoelen haalt",
     "certificaat composteerbaarheid (EN 13432)"),
)

_SELLOGRAM_COLUMNS = ["product", "letter", "koopmotief", "eigenschap", "voordeel", "verkoopargument", "bewijs"]


def sellogram(motives=None, *, products=None) -> pd.DataFrame:
    """The sellogram of Brandwijk Koffie & Vending (§4.2).

    One row per link koopmotief → eigenschap → voordeel → verkoopargument ("Doordat …,
    kunt u …, zodat …") → bewijs. Pass a customer's ``motives`` (SABONE letters or names)
    and/or ``products`` to keep only the rows that matter in that conversation.

    >>> s = sellogram(["zekerheid"], products=["Waterkoelers"])
    >>> s[["product", "koopmotief"]].values.tolist()
    [['Waterkoelers', 'zekerheid']]
    >>> s["verkoopargument"].iloc[0].split(",")[0]
    'Doordat de koeler het water met UV-licht ontsmet en wij hem twee keer per jaar reinigen'
    """
    rows = [(p, m, SABONE[m], eig, voordeel, sales_argument(d, k, z), bewijs)
            for p, m, eig, voordeel, d, k, z, bewijs in _SELLOGRAM_ROWS]
    table = pd.DataFrame(rows, columns=_SELLOGRAM_COLUMNS)
    if motives is not None:
        if isinstance(motives, str):
            motives = [motives]
        letters = [_motive_letter(m, "motives") for m in motives]
        if not letters:
            raise InputError("'motives' is leeg; geef minstens één koopmotief van de klant.")
        table = table[table["letter"].isin(letters)]
    if products is not None:
        if isinstance(products, str):
            products = [products]
        known = sorted(set(p for p, *_ in _SELLOGRAM_ROWS))
        for p in products:
            v.choice(p, "products", known)
        table = table[table["product"].isin(list(products))]
    return table.reset_index(drop=True)


def sellogram_argument(motive: str, product: str) -> dict:
    """The sellogram's argument for one customer's motive and one product (§4.2), in parts.

    Returns ``doordat``, ``kunt_u`` and ``zodat`` (the three parts of "Doordat …, kunt u …,
    zodat …", in the customer's words) and ``bewijs``: the argument that matches this customer's
    motive, not the company's strongest USP.

    >>> a = sellogram_argument("economie", "Koffie & thee")
    >>> a["zodat"]
    'u geen last hebt van stijgende koffieprijzen'
    """
    letter = _motive_letter(motive)
    known = sorted(set(p for p, *_ in _SELLOGRAM_ROWS))
    v.choice(product, "product", known)
    for p, m, _eig, _voordeel, doordat, kunt_u, zodat, bewijs in _SELLOGRAM_ROWS:
        if p == product and m == letter:
            return {"doordat": doordat, "kunt_u": kunt_u, "zodat": zodat, "bewijs": bewijs}
    raise InputError(f"Het sellogram heeft voor {product} geen argument bij het motief {SABONE[letter]}. "
                     f"Kies een ander product of bekijk salesnb.sellogram(products=[{product!r}]).")


def customer_pitch(weights, product: str, *, types: Mapping[str, str] = MOTIVE_TYPES) -> pd.DataFrame:
    """The sellogram of one customer (§4.1–4.2): his motive weights → the arguments, in order.

    ``weights`` maps SABONE motives (letters or names) to how much they weigh for this
    customer (any non-negative numbers; scaled to add up to 1, missing motives weigh 0);
    ``product`` is a product group of the sellogram. One row per motive (index: Dutch name),
    heaviest first: ``gewicht`` (fraction), ``type`` (rationeel/emotioneel), and the
    sellogram row for that product (``eigenschap``, ``verkoopargument``, ``bewijs``; empty
    text when the sellogram has no argument for that motive yet). The first row is the
    argument to open with; weights of 0 are motives to leave out of the conversation.

    >>> t = customer_pitch({"zekerheid": 3, "E": 1}, "Waterkoelers")
    >>> t.index[:2].tolist(), t["gewicht"].iloc[:2].tolist()
    (['zekerheid', 'economie'], [0.75, 0.25])
    >>> t["eigenschap"].iloc[0]
    'koelers met UV-ontsmetting en halfjaarlijkse hygiënebeurt'
    """
    if not isinstance(weights, Mapping) or not weights:
        raise InputError("'weights' moet een dict zijn van koopmotief → gewicht, bijvoorbeeld "
                         "{'zekerheid': 3, 'economie': 1}.")
    raw = {letter: 0.0 for letter in SABONE}
    for motive, weight in weights.items():
        raw[_motive_letter(motive, "weights")] += float(v.number(weight, f"weights['{motive}']", minimum=0))
    share = weights_checked(raw, list(SABONE), normalize=True)
    known = sorted(set(p for p, *_ in _SELLOGRAM_ROWS))
    v.choice(product, "product", known)
    rows = sellogram(products=[product]).drop_duplicates("letter").set_index("letter")
    table = pd.DataFrame({
        "letter": list(SABONE),
        "type": [types[x] for x in SABONE],
        "gewicht": share.to_numpy(dtype=float),
    }, index=pd.Index([SABONE[x] for x in SABONE], name="motief"))
    for column in ("eigenschap", "verkoopargument", "bewijs"):
        table[column] = [str(rows.loc[x, column]) if x in rows.index else "" for x in SABONE]
    return table.sort_values("gewicht", ascending=False, kind="stable")


#: What Brandwijk itself calls its unique selling points, each with the SABONE motive it serves.
COMPANY_USPS = {
    "storing binnen 24 uur verholpen": "S",
    "vaste accountmanager per klant": "A",
    "koffie, snacks, water en service bij één leverancier": "B",
    "premium bean-to-cup machines": "O",
    "fairtrade bonen en CO2-gecompenseerde levering": "N",
}


def usp_vs_ubr(usps: Mapping[str, str], won_reasons, lost_reasons, *,
               keywords: Mapping[str, str] = REASON_MOTIVES, min_count: int = MIN_COUNT,
               z: float = Z_MARGIN) -> pd.DataFrame:
    """USP against UBR (§4.2): do customers buy for the reasons we think make us unique?

    A USP (unique selling point) is what the seller finds unique; a UBR (unique buying
    reason) is why the customer actually buys from us and not from a competitor. A motive
    that is named as often in lost deals as in won deals does not set us apart, however
    often it is named. So per SABONE motive the table gives the share of the won reasons
    (``aandeel_gewonnen``) and of the lost reasons (``aandeel_verloren``) that name it, each
    among the reasons that name a motive, and ``verschil`` = won share − lost share;
    ``genoemd_gewonnen`` and ``genoemd_verloren`` count the reasons behind the shares. The UBR
    (``is_ubr``) is the motive with the largest positive difference among those whose
    difference is clear (:func:`salesnb.evidence.compare_rates`: at least ``min_count``
    reasons on each side and more than ``z`` standard errors): it sets won deals apart.
    ``usp`` lists the USPs (``usps``: USP → SABONE motive) we claim for that motive. Sorted by
    ``verschil``, largest first.

    >>> t = usp_vs_ubr({"reactietijd 4 uur": "S"}, ["prijs", "prijs", "storing snel opgelost", "klik"],
    ...                ["prijs te hoog", "goedkoper elders", "storing"], min_count=1, z=0)
    >>> t[["aandeel_gewonnen", "aandeel_verloren", "verschil"]].round(3).loc["economie"].tolist()
    [0.5, 0.667, -0.167]
    >>> t.index[t["is_ubr"]].tolist(), t.loc["zekerheid", "usp"]
    (['sympathie'], 'reactietijd 4 uur')
    """
    if not isinstance(usps, Mapping) or not usps:
        raise InputError("'usps' moet een dict zijn van USP → SABONE-motief, bijvoorbeeld "
                         "{'reactietijd 4 uur': 'S'}.")
    shares, counts, totals = {}, {}, {}
    for name, reasons, label in (("won_reasons", won_reasons, "gewonnen"),
                                 ("lost_reasons", lost_reasons, "verloren")):
        known = motive_of(reasons, keywords=keywords).dropna()
        if known.empty:
            raise InputError(f"Geen enkele reden in '{name}' (redenen van {label} deals) past bij een "
                             f"koopmotief; controleer de kolom of geef eigen trefwoorden mee (keywords=...).")
        counts[label] = known.value_counts().reindex(list(SABONE), fill_value=0).to_numpy(dtype=int)
        totals[label] = len(known)
        shares[label] = counts[label] / len(known)
    claimed = {letter: [] for letter in SABONE}
    for usp, motive in usps.items():
        claimed[_motive_letter(motive, f"usps['{usp}']")].append(str(usp))
    table = pd.DataFrame({
        "letter": list(SABONE),
        "usp": ["; ".join(claimed[x]) for x in SABONE],
        "aandeel_gewonnen": shares["gewonnen"],
        "aandeel_verloren": shares["verloren"],
        "verschil": shares["gewonnen"] - shares["verloren"],
        "genoemd_gewonnen": counts["gewonnen"],
        "genoemd_verloren": counts["verloren"],
    }, index=pd.Index([SABONE[x] for x in SABONE], name="motief"))
    clear = [compare_rates([w, lo], [totals["gewonnen"], totals["verloren"]], ["gewonnen", "verloren"],
                           min_count=min_count, z=z).clear
             for w, lo in zip(counts["gewonnen"], counts["verloren"])]
    candidates = table["verschil"].where(np.array(clear) & (table["verschil"] > 0).to_numpy())
    best = candidates.max()
    table["is_ubr"] = candidates.notna() & (candidates == best)
    return table.sort_values("verschil", ascending=False, kind="stable")


# ---------------------------------------------------------------------------------------------
# §4.3 Overtuigen en beïnvloeden (Cialdini)
# ---------------------------------------------------------------------------------------------

#: Cialdini's principles: name → (short explanation, example sentence from a Brandwijk sales conversation).
CIALDINI = {
    "wederkerigheid": (
        "wie iets krijgt, wil iets terugdoen",
        "We zetten de nieuwe automaat vier weken gratis bij u neer, inclusief koffie; "
        "daarna bespreken we rustig of hij bevalt.",
    ),
    "commitment & consistentie": (
        "wie een klein ja heeft gegeven, blijft graag in lijn met zichzelf",
        "U zei net dat duurzaamheid voor uw organisatie vooropstaat; dan past fairtrade "
        "koffie toch goed bij uw beleid?",
    ),
    "sociale bewijskracht": (
        "we doen wat vergelijkbare anderen doen",
        "Van de ziekenhuizen in de provincie Utrecht werken er al vijf met ons servicecontract.",
    ),
    "sympathie": (
        "we zeggen eerder ja tegen mensen die we aardig vinden of op ons lijken",
        "Ik zag dat u ook in Amersfoort bent opgegroeid; dan kent u onze eerste branderij "
        "aan de Kamp vast nog.",
    ),
    "autoriteit": (
        "we volgen deskundigen en bewezen kwaliteit",
        "Onze monteurs zijn gecertificeerd door de fabrikant en onze waterkoelers hebben "
        "het hygiënecertificaat voor de zorg.",
    ),
    "schaarste": (
        "wat beperkt beschikbaar is, lijkt waardevoller",
        "De actieprijs per kop geldt voor contracten die vóór 1 maart zijn getekend; daarna "
        "gaat de nieuwe prijslijst in.",
    ),
    "eenheid": (
        "we kiezen voor wie bij onze groep hoort",
        "Als familiebedrijf uit de regio begrijpen wij als geen ander hoe belangrijk een "
        "vaste, lokale partner voor u als regionale zorginstelling is.",
    ),
}


def _won_against_lost(row, n_won, n_lost):
    return compare_rates([row["genoemd_gewonnen"], row["genoemd_verloren"]], [n_won, n_lost],
                         ["gewonnen deals", "verloren deals"])


def usp_findings(usp_ubr: pd.DataFrame) -> list[str]:
    """Sentences on USP against UBR (§4.2): the motive won deals name most, and the weak USPs.

    ``usp_ubr`` is the table of :func:`usp_vs_ubr`. First the motive(s) named most among the
    won reasons, then every USP whose motive is clearly named more in lost deals than in won
    deals (such a USP does not convince the customer), each compared with
    :func:`salesnb.evidence.compare_rates`.

    >>> t = pd.DataFrame({"usp": ["snelle service", ""], "genoemd_gewonnen": [10, 90],
    ...                   "genoemd_verloren": [50, 50]}, index=pd.Index(["zekerheid", "economie"], name="motief"))
    >>> for line in usp_findings(t): print(line)
    Het aandeel winstredenen dat dit motief noemt is hoger bij economie (90,0%) dan bij zekerheid (10,0%); dat verschil is groter dan de ruis.
    USP 'snelle service':
      Het aandeel redenen dat het motief zekerheid noemt is hoger bij verloren deals (50,0%) dan bij gewonnen deals (10,0%); dat verschil is groter dan de ruis.
    """
    v.table(usp_ubr, "usp_ubr", ["usp", "genoemd_gewonnen", "genoemd_verloren"])
    n_won, n_lost = usp_ubr["genoemd_gewonnen"].sum(), usp_ubr["genoemd_verloren"].sum()
    named = compare_rates(usp_ubr["genoemd_gewonnen"], [n_won] * len(usp_ubr))
    lines = [named.sentence("het aandeel winstredenen dat dit motief noemt", only="high")]
    weak = []
    for motive in usp_ubr.index[usp_ubr["usp"] != ""]:
        c = _won_against_lost(usp_ubr.loc[motive], n_won, n_lost)
        if c.clear and c.highest == "verloren deals":
            weak.append((motive, c))
    for motive, c in weak:
        lines.append(f"USP '{usp_ubr.loc[motive, 'usp']}':")
        lines.append("  " + c.sentence(f"het aandeel redenen dat het motief {motive} noemt"))
    if not weak:
        lines.append("Geen enkele USP hoort bij een motief dat bij verlies duidelijk meer genoemd wordt "
                     "dan bij winst.")
    return lines


#: The notebooks' prose calls the company by its first word ("Brandwijk").
_SHORT_NAME = OWN_NAME.split()[0]


def ubr_findings(usp_ubr: pd.DataFrame, *, company: str = _SHORT_NAME) -> list[str]:
    """Sentences on the UBR (§4.2): the motive that sets won deals apart, and whether we claim a USP for it.

    ``usp_ubr`` is the table of :func:`usp_vs_ubr` (its ``is_ubr`` column marks the UBR); the
    motive's share in won against lost reasons is written with
    :func:`salesnb.evidence.compare_rates`.

    >>> t = pd.DataFrame({"usp": ["", "snelle service"], "genoemd_gewonnen": [90, 10],
    ...                   "genoemd_verloren": [50, 50], "is_ubr": [True, False]},
    ...                  index=pd.Index(["economie", "zekerheid"], name="motief"))
    >>> for line in ubr_findings(t): print(line)
    De UBR is 'economie':
      Het aandeel redenen dat het motief economie noemt is hoger bij gewonnen deals (90,0%) dan bij verloren deals (50,0%); dat verschil is groter dan de ruis.
    Brandwijk noemt daar zelf géén USP voor.
    """
    v.table(usp_ubr, "usp_ubr", ["usp", "genoemd_gewonnen", "genoemd_verloren", "is_ubr"])
    if not usp_ubr["is_ubr"].any():
        return ["Geen enkel motief wordt bij winst duidelijk meer genoemd dan bij verlies: er is geen "
                "duidelijke UBR."]
    n_won, n_lost = usp_ubr["genoemd_gewonnen"].sum(), usp_ubr["genoemd_verloren"].sum()
    ubr = usp_ubr.index[usp_ubr["is_ubr"]][0]
    c = _won_against_lost(usp_ubr.loc[ubr], n_won, n_lost)
    usp = usp_ubr.loc[ubr, "usp"]
    return [f"De UBR is '{ubr}':",
            "  " + c.sentence(f"het aandeel redenen dat het motief {ubr} noemt"),
            f"{company} heeft daar een USP voor: {usp}." if usp else f"{company} noemt daar zelf géén USP voor."]


def cialdini_examples(principles=None) -> pd.DataFrame:
    """Cialdini's principles of persuasion (§4.3) with an example from the company's conversations.

    >>> t = cialdini_examples(["schaarste"])
    >>> t.index.tolist(), t.columns.tolist()
    (['schaarste'], ['uitleg', 'voorbeeld'])
    """
    names = list(CIALDINI) if principles is None else (
        [principles] if isinstance(principles, str) else list(principles))
    for name in names:
        v.choice(name, "principles", list(CIALDINI))
    return pd.DataFrame({
        "uitleg": [CIALDINI[n][0] for n in names],
        "voorbeeld": [CIALDINI[n][1] for n in names],
    }, index=pd.Index(names, name="principe"))


# ---------------------------------------------------------------------------------------------
# Weighted criteria comparison of offers (§4.1/§4.2)
# ---------------------------------------------------------------------------------------------

#: The case of §4.2: a zorginstelling weighs its criteria (each linked to a SABONE motive).
CASE_WEIGHTS = {"prijs": 0.30, "leverzekerheid": 0.25, "gemak": 0.15, "relatie": 0.10,
                "uitstraling": 0.10, "innovatie": 0.10}


def case_offers() -> pd.DataFrame:
    """The case of §4.2: three offers for a zorginstelling, scored 1–10 per criterion.

    Column names are the criteria (prijs = economie, leverzekerheid = zekerheid, gemak,
    relatie = sympathie, uitstraling = trots, innovatie = nieuwigheid).

    >>> int(case_offers().loc["Brandwijk Koffie & Vending", "leverzekerheid"])
    9
    """
    return pd.DataFrame(
        {"prijs": [6, 9, 7], "leverzekerheid": [9, 6, 7], "gemak": [8, 5, 7], "relatie": [8, 5, 6],
         "uitstraling": [7, 5, 9], "innovatie": [6, 4, 9]},
        index=pd.Index([OWN_NAME, "VendoPlus", "Koffiemeesters Nederland"], name="aanbieder"),
    )


def weights_checked(weights, criteria=None, *, normalize=False) -> pd.Series:
    """Check the weights of a criteria comparison (§4.2) and return them as a Series.

    Weights are fractions that add up to 1 (0.4 = 40%). With ``normalize=True`` any
    non-negative weights are scaled to add up to 1 (handy for sliders). ``criteria``
    (optional) is the list of criteria the weights must cover exactly.

    >>> weights_checked({"prijs": 2, "service": 2}, normalize=True).tolist()
    [0.5, 0.5]
    """
    if isinstance(weights, Mapping):
        weights = pd.Series(dict(weights), dtype=object)
    if not isinstance(weights, pd.Series):
        raise InputError("'weights' moet een dict zijn van criterium → gewicht, bijvoorbeeld "
                         "{'prijs': 0.4, 'service': 0.6}.")
    values = v.numbers_array(weights, "weights", minimum=0)
    result = pd.Series(values, index=[str(i) for i in weights.index], name="gewicht")
    if criteria is not None:
        criteria = [str(c) for c in criteria]
        missing = [c for c in criteria if c not in result.index]
        extra = [c for c in result.index if c not in criteria]
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"er ontbreekt een gewicht voor {', '.join(missing)}")
            if extra:
                parts.append(f"{', '.join(extra)} is geen criterium in de scoretabel")
            raise InputError(f"De gewichten passen niet bij de criteria: {'; '.join(parts)}.")
        result = result.reindex(criteria)
    total = float(result.sum())
    if total == 0:
        raise InputError("Alle gewichten zijn 0; geef minstens één criterium een gewicht.")
    if normalize:
        return result / total
    if abs(total - 1) > 1e-9:
        hint = " Het lijken percentages: deel ze door 100." if abs(total - 100) < 1e-6 else ""
        raise InputError(
            f"De gewichten tellen op tot {total:g}, maar moeten samen 1 (100%) zijn.{hint} "
            f"Pas ze aan, of gebruik normalize=True om ze naar verhouding te schalen."
        )
    return result


def weighted_criteria(scores: pd.DataFrame, weights, *, normalize=False, max_score=None) -> pd.DataFrame:
    """Weighted criteria comparison of offers (§4.2): Σ weight × score per offer.

    ``scores`` has one row per offer (supplier) and one column per criterion (e.g. scores
    1–10); ``weights`` gives per criterion its weight (fractions adding up to 1). Returns the
    weighted points per criterion, ``totaal`` and ``rang`` (1 = best), best first.

    >>> scores = pd.DataFrame({"prijs": [8, 5], "service": [5, 9]}, index=["Brandwijk", "Rivaal"])
    >>> weighted_criteria(scores, {"prijs": 0.3, "service": 0.7})
               prijs  service  totaal  rang
    Rivaal       1.5      6.3     7.8     1
    Brandwijk    2.4      3.5     5.9     2
    """
    if not isinstance(scores, pd.DataFrame):
        raise InputError("'scores' moet een tabel zijn: per aanbieding een rij, per criterium een kolom.")
    v.table(scores, "scores", [])
    if scores.shape[1] == 0:
        raise InputError("'scores' heeft geen criteria (kolommen).")
    w = weights_checked(weights, scores.columns, normalize=normalize)
    values = np.column_stack([
        v.numbers_array(scores[c], f"scores['{c}']", minimum=0, maximum=max_score) for c in scores.columns
    ])
    points = pd.DataFrame(values * w.to_numpy(), index=scores.index,
                          columns=[str(c) for c in scores.columns])
    points["totaal"] = points.sum(axis=1)
    points["rang"] = points["totaal"].rank(ascending=False, method="min").astype(int)
    return points.sort_values(["rang"], kind="stable")


def winning_offer(scores: pd.DataFrame, weights, *, normalize=False) -> str:
    """The offer with the highest weighted score (§4.2); ties go to the first row.

    >>> scores = pd.DataFrame({"prijs": [8, 5], "service": [5, 9]}, index=["Brandwijk", "Rivaal"])
    >>> winning_offer(scores, {"prijs": 0.8, "service": 0.2})
    'Brandwijk'
    """
    return str(weighted_criteria(scores, weights, normalize=normalize).index[0])
