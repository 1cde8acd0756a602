"""The sample company: Brandwijk Koffie & Vending B.V. (fictional), Amersfoort.

A seeded generator builds every table of the company; the CSVs in ``data/`` are its
output for :data:`DEFAULT_SEED`. ``load("customers")`` returns a typed DataFrame;
``use_seed(123456)`` (or the environment variable ``SALESNB_SEED``) switches the whole
companion to a personal dataset. The column contract is ``data/README.md``.

Generation rules (all randomness from one :class:`numpy.random.Generator` per part of the
company, spawned from the seed in a fixed order (``_Streams``), no global state; vectorised).
The generator runs as named steps (``_generate`` lists them), its rules are the named
constants of this module, and the course's lists and the company's constants (stages,
roles, thresholds, :data:`~salesnb.vocabulary.MQL_THRESHOLD`, ...) come from
:mod:`salesnb.vocabulary`:

* Geography: 12 provinces in 5 regions (Noord, Oost, Midden, West, Zuid). The company
  sits in Midden (home region), so customers are over-represented there.
* Companies: employees heavy-tailed and sector-dependent: a lognormal body of small and medium
  organisations (:data:`EMPLOYEES_LOG_MEAN`, :data:`EMPLOYEES_LOG_SD`, levelling off towards
  :data:`BODY_CAP`) plus a few large institutions (:data:`LARGE_SHARE` per sector, around 7000
  employees levelling off towards the sector's :data:`EMPLOYEES_CAP`, i.e. 3000-7000: hospital
  groups, universities, government agencies, municipalities, factories; they buy through tenders
  and long contracts, so they are rarer among the leads (:data:`LEAD_LARGE_FACTOR`) and more
  common among the customers from before 2021 (:data:`OLD_LARGE_FACTOR`)); size_class klein < 50
  <= middelgroot < 250 <= groot. The name is drawn from the sector's templates whose employee
  range fits (a golf club or a notary stays small), with its own random stream.
  category_spend (what a customer spends per year on our assortment at all suppliers)
  = employees x sector spend per employee (:data:`SPEND_PER_EMPLOYEE`, 120-320 euro) x lognormal
  noise (half as wide for large institutions); our expected revenue = category_spend x share of
  wallet: beta(1.3, 2), for large institutions the narrower :data:`LARGE_SOW` (they split the
  category over lots and suppliers, so our share rarely gets very high).
* Leads 2021-2025 (online, koude acquisitie, netwerken, aanbesteding): fit_score and
  behaviour_score 0-50 each, lead_score = fit + behaviour. MQL when lead_score >= 40
  (the company's threshold, ``vocabulary.MQL_THRESHOLD``); SQL when an MQL passes BANT (all four
  true; the chance of that rises with lead_score and differs by source; tender leads are SQLs at
  once, see Tenders); SQLs become
  opportunities (chance by source); the opportunity's outcome makes the lead a klant.
  Won leads are the customers acquired 2021-2025 (acquired_on = won_on, acquisition_channel
  = source); customers acquired before 2021 are added with their own history.
* Opportunities: from leads (customer_id empty: new business) and from existing customers
  (cross-sell / rebuy). The buying situation is seen from the buyer: a new customer's deal is
  mostly a modified rebuy (a known need, a new supplier), a new task (:data:`NEW_TASK_SHARE`) only
  for a new need (a first coffee machine or water cooler); existing customers' deals are
  modified or straight rebuys. DMU contacts per opportunity; the chance to win depends on the
  source or buying situation, the dominant koopmotief and on whether the beslisser and the
  other DMU roles were met. Lost deals record the furthest stage (last_stage).
* Activity: every customer has one or two active periods. The yearly churn hazard falls
  with the customer's size (0.16 for the smallest, 0.01 for the largest); a badly handled
  complaint makes a customer leave within 10-90 days with chance 0.40 (0.08 for the top 5%,
  0.03 after a well handled one); 30% of the churned customers come back after 12-30 months
  (reactivation). Expected yearly revenue at full activity = category_spend x share of wallet;
  for customers from before 2021 (survivors) the share is larger (1 - (1 - sow) ** 2), except for
  large institutions (they re-tender). The many small and few large organisations give a
  Curry-like pyramid in which the largest customer, a large institution, holds a few percent of
  the revenue. Orders follow a replenishment rhythm (4-36 orders a year,
  more for larger customers, interval jitter +-30%, some summer orders skipped); lines pick
  product groups with a cross-selling profile (machine customers buy more coffee and service
  contracts); line values have mild seasonality and 1% yearly price growth and are scaled so that
  a customer's yearly revenue is on average its expected yearly revenue.
  revenue = quantity x list price x (1 - customer discount, up to 12%); margin = revenue -
  quantity x list price x (1 - margin_rate).
* Status at the peildatum 2025-12-31, from the orders: actief = ordered in the last 365
  days; inactief = last order 365-730 days ago; ex-klant = no order for more than 730 days.
  reactivated = a gap of more than 365 days between two consecutive orders.
* Prospects are companies that never bought: lost or open leads and suspects (no contact).
  temperature: hot = quotation and last contact within 180 days; warm = last contact within
  365 days or a quotation; cold = the rest (incl. suspects without contact).
* NPS: periodic survey each November and after purchase; score from the experience minus
  expectation gap plus sector, account manager and quarter effects.
* Complaints: satisfaction after = before + about +1 when handled well, about -2 when not
  (service recovery paradox).
* Market per year x sector x region: potential_buyers from the number of organisations
  (province weights, sector mix, 0.5% growth a year), buyers = potential x the sector's class
  penetration; own_buyers and own_sales from the orders; class_sales = what our own buyers
  spend on the category at all suppliers + the other buyers x a typical spend per buyer.
  Because our customers cluster around Amersfoort, own penetration is highest in Midden.
  marktaandeel = penetratiegraad x bestedingsindex holds by the definitions.
* Competitors per cell share 70-82% of what is left after our sales (the rest: small
  suppliers), with regional strengths per competitor.
* Tenders 2021-2025 (published January 2021 - September 2025, about 30 a year, all awarded
  35-70 days later) come from public bodies that are not yet customers: central bodies, municipalities
  and other decentral bodies (sector Overheid), schools and universities (Onderwijs), hospitals
  (Zorg). The estimated value is four years of the lot (a beta(4, 4) share of the buyer's category
  spend). The procedure follows the EU thresholds valid at the publication date (below: nationaal
  >= 100,000, meervoudig onderhands >= 50,000, below that meervoudig or enkelvoudig onderhands).
  90% (EU) / 75% (national) award on BPKV with a price weight of 30-60 points, the rest on laagste
  prijs (no quality scores). Bids: ours plus 2-6 others (one bid for enkelvoudig onderhands), prices
  around the estimated value (ours ~3% higher, quality ~4 points higher). The winner is not stored:
  compute it with BPKV. Every tender is also a lead (source aanbesteding, channel TenderNed, BANT
  all true, an opportunity a few days after publication, value = a year of the contract); the
  opportunity is won exactly when our bid wins, so the tender customers are the tenders won.
* Campaign leads equal the online leads per channel and month; an online lead's cost is its
  campaign's cost divided by that campaign's leads; vakbeurs leads share the fair's cost;
  other costs per lead: koude acquisitie 55-95, netwerken 110-210, aanbesteding 450-900 euro.
* Cold calls per account manager and month follow the koude-acquisitie leads: a lead is a decision
  maker reached who showed interest, an appointment is such a lead becoming SQL, a quotation its
  opportunity's quotation, an order its won deal (the customers acquired by koude acquisitie). Before
  the leads: decision makers without interest (about 45% of those reached give a lead) and calls that
  reach no decision maker (about 30% do), with a personal rate per account manager.
* Targets per month: revenue = the same month a year earlier x 1.06 (plan year 2026: x 1.07;
  2021 set close to what was realised); activity targets = last year's activity x 1.05.
* Key accounts: the 40 customers with the most revenue 2021-2025, per year with revenue;
  share_of_wallet = our_revenue / category_spend; kam_stage: uncoupling KAM after a revenue
  drop of more than 40%, otherwise by share of wallet (< 0.20 pre, < 0.35 early, < 0.50 mid,
  < 0.70 partnership, else synergistic KAM).
* Opportunity values: new business about the expected yearly revenue (x 0.7-1.3), existing
  customers 10-50% of it; stage probabilities ``vocabulary.STAGE_PROBABILITY``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .schema import SCHEMAS as _SCHEMAS
from .schema import dtypes as _schema_dtypes
from .vocabulary import (
    ACCOUNT_MANAGER_ROLES, AWARD_CRITERIA, BUYER_CATEGORY, BUYER_TYPES, BUYING_SITUATIONS, CAMPAIGN_CHANNELS,
    COMPANY, COMPETITORS, COMPLAINT_CATEGORIES, CONTRACT_TYPES, CUSTOMER_STATUSES, DMU_ROLES, EU_THRESHOLDS,
    KAM_STAGES, LEAD_CHANNELS, LEAD_FUNNEL_STAGES, LEAD_SOURCES, MOTIVE_TYPES, MOTIVES, MQL_THRESHOLD,
    NPS_MOMENTS, OPEN_STAGES, OPPORTUNITY_OUTCOMES, OPPORTUNITY_STAGES, OWN_NAME, PROCEDURES, PRODUCT_GROUPS,
    REGIONS, SABONE, SECTORS, SIZE_CLASSES, STAGE_PROBABILITY, TEAM_MEMBERS, TEMPERATURES, THRESHOLD_CATEGORIES,
)

__all__ = [
    "DEFAULT_SEED",
    "TABLES",
    "DATA_DIR",
    "REFERENCE_DATE",
    "generate",
    "load",
    "load_all",
    "use_seed",
    "current_seed",
    "write_csvs",
]

DEFAULT_SEED = 2026
REFERENCE_DATE = pd.Timestamp("2025-12-31")
START_DATE = pd.Timestamp("2021-01-01")
OLD_SOW_POWER = 2.0  # customers from before 2021: share of wallet 1 - (1 - sow) ** power (larger)
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

TABLES = (
    "account_managers",
    "products",
    "customers",
    "prospects",
    "orders",
    "leads",
    "campaigns",
    "cold_calls",
    "opportunities",
    "dmu_contacts",
    "nps",
    "complaints",
    "market",
    "competitors",
    "targets",
    "tenders",
    "tender_bids",
    "eu_thresholds",
    "key_accounts",
)

# --------------------------------------------------------------------------- generator settings
PROVINCES = {  # province: (region, cities, postcode range, weight of organisations)
    "Groningen": ("Noord", ("Groningen", "Delfzijl", "Veendam", "Stadskanaal"), (9700, 9999), 3.4),
    "Friesland": ("Noord", ("Leeuwarden", "Sneek", "Drachten", "Heerenveen"), (8400, 9299), 3.8),
    "Drenthe": ("Noord", ("Assen", "Emmen", "Hoogeveen", "Meppel"), (7700, 7999), 2.8),
    "Overijssel": ("Oost", ("Zwolle", "Enschede", "Deventer", "Hengelo", "Almelo"), (7400, 7699), 6.7),
    "Gelderland": ("Oost", ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Doetinchem"), (6500, 7399), 12.0),
    "Utrecht": ("Midden", ("Utrecht", "Amersfoort", "Veenendaal", "Zeist", "Nieuwegein"), (3400, 3999), 7.9),
    "Flevoland": ("Midden", ("Almere", "Lelystad", "Dronten", "Emmeloord"), (1300, 1399), 2.5),
    "Noord-Holland": ("West", ("Amsterdam", "Haarlem", "Alkmaar", "Hilversum", "Zaandam"), (1000, 2099), 17.0),
    "Zuid-Holland": ("West", ("Rotterdam", "Den Haag", "Leiden", "Dordrecht", "Delft"), (2200, 3399), 21.0),
    "Zeeland": ("Zuid", ("Middelburg", "Vlissingen", "Goes", "Terneuzen"), (4300, 4599), 2.2),
    "Noord-Brabant": ("Zuid", ("Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond"), (4600, 5799), 14.7),
    "Limburg": ("Zuid", ("Maastricht", "Venlo", "Heerlen", "Roermond", "Sittard"), (5800, 6499), 6.3),
}
PROVINCE_NAMES = tuple(PROVINCES)
REGION_PULL = {"Noord": 0.7, "Oost": 1.3, "Midden": 2.6, "West": 0.8, "Zuid": 0.6}

SECTOR_WEIGHT = np.array([0.18, 0.14, 0.08, 0.30, 0.18, 0.12])
# category spend per employee per year at all suppliers (coffee, tea, drinks, snacks, machines, service):
# shifts in zorg and industrie drink more; horeca also serves its guests
SPEND_PER_EMPLOYEE = np.array([240.0, 120.0, 160.0, 190.0, 230.0, 320.0])
EMPLOYEES_LOG_MEAN = np.array([3.2, 3.1, 4.0, 2.8, 3.2, 2.4])  # log-scale centre of the size per sector
EMPLOYEES_LOG_SD = 1.3
LARGE_SHARE = np.array([0.012, 0.012, 0.035, 0.002, 0.008, 0.0])  # large institutions per sector
# large institutions buy through tenders and long contracts: few new ones appear as leads, the
# customers from before 2021 (survivors) hold relatively many of them
LEAD_LARGE_FACTOR, OLD_LARGE_FACTOR = 0.45, 2.2
LARGE_LOG_MEAN, LARGE_LOG_SD = np.log(7000.0), 0.3  # their size: thousands of employees
BODY_CAP = 1200.0  # the size of an organisation outside the large institutions levels off here
SPEND_NOISE = 0.3  # log-scale spread of the spend per employee around the sector's value
LARGE_SOW = (12.0, 18.0)  # beta parameters of our share of a large institution's wallet
EMPLOYEES_CAP = np.array([12_000.0, 9_000.0, 12_000.0, 5_000.0, 8_000.0, 1_200.0])  # size levels off here
MOTIVE_TYPE = {SABONE[letter]: kind for letter, kind in MOTIVE_TYPES.items()}  # motive name -> type

# product, group, unit, list price (EUR excl. btw), vat rate, margin rate, weight within group
PRODUCTS = (
    ("Bean-to-cup koffiemachine (koop)", 0, "stuk", 4950.00, 0.21, 0.28, 0.20),
    ("Espressomachine professioneel (koop)", 0, "stuk", 8900.00, 0.21, 0.25, 0.05),
    ("Koffiemachine lease (per kwartaal)", 0, "kwartaal", 420.00, 0.21, 0.35, 0.60),
    ("Filterkoffiezetter groot (koop)", 0, "stuk", 1250.00, 0.21, 0.30, 0.15),
    ("Koffiebonen huismelange 1 kg", 1, "kg", 18.50, 0.09, 0.38, 0.35),
    ("Koffiebonen biologisch fairtrade 1 kg", 1, "kg", 23.90, 0.09, 0.40, 0.15),
    ("Snelfilterkoffie 1 kg", 1, "kg", 11.40, 0.09, 0.34, 0.20),
    ("Instant koffie 500 g", 1, "pak", 14.20, 0.09, 0.36, 0.08),
    ("Theezakjes assortiment (doos 100)", 1, "doos", 9.80, 0.09, 0.45, 0.14),
    ("Chocolademelkpoeder 1 kg", 1, "kg", 12.60, 0.09, 0.37, 0.08),
    ("Frisdrank blik (tray 24)", 2, "tray", 16.80, 0.09, 0.22, 0.35),
    ("Mineraalwater 0,5 l (tray 24)", 2, "tray", 9.40, 0.09, 0.24, 0.25),
    ("Snackassortiment (doos 48)", 2, "doos", 38.50, 0.09, 0.27, 0.25),
    ("Fruit- en notenmix (doos 40)", 2, "doos", 34.00, 0.09, 0.29, 0.15),
    ("Waterkoeler op waterleiding (koop)", 3, "stuk", 1090.00, 0.21, 0.30, 0.15),
    ("Waterkoeler huur (per kwartaal)", 3, "kwartaal", 89.00, 0.21, 0.42, 0.45),
    ("Waterfles 18,9 l", 3, "fles", 7.90, 0.09, 0.35, 0.40),
    ("Servicecontract basis (per kwartaal)", 4, "kwartaal", 135.00, 0.21, 0.55, 0.40),
    ("Servicecontract all-in (per kwartaal)", 4, "kwartaal", 260.00, 0.21, 0.50, 0.30),
    ("Onderhoudsbeurt", 4, "beurt", 185.00, 0.21, 0.45, 0.20),
    ("Storingsbezoek", 4, "bezoek", 145.00, 0.21, 0.40, 0.10),
    ("Bekers karton 180 ml (doos 1000)", 5, "doos", 42.00, 0.21, 0.35, 0.35),
    ("Roerstaafjes hout (doos 1000)", 5, "doos", 6.50, 0.21, 0.40, 0.15),
    ("Suikersticks (doos 500)", 5, "doos", 11.90, 0.09, 0.38, 0.15),
    ("Melkcups (doos 240)", 5, "doos", 15.60, 0.09, 0.33, 0.15),
    ("Ontkalker (fles 1 l)", 5, "fles", 13.50, 0.21, 0.42, 0.10),
    ("Reinigingstabletten (pot 150)", 5, "pot", 27.80, 0.21, 0.44, 0.10),
)
FIRST_NAMES = ("Sanne", "Daan", "Lotte", "Bram", "Femke", "Thijs", "Eva", "Ruben", "Anouk", "Jeroen",
               "Marloes", "Koen", "Iris", "Stefan", "Noor", "Martijn", "Linda", "Sander", "Esther", "Bas",
               "Fatima", "Mehmet", "Yara", "Rik", "Inge", "Wouter", "Sophie", "Joost", "Ilse", "Niels",
               "Hanneke", "Pieter", "Karin", "Youssef", "Mirjam", "Tim", "Anke", "Erik", "Nadia", "Gert")
LAST_NAMES = ("de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
              "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
              "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
              "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
              "de Bruijn", "de Jong", "Schouten", "van Beek", "Willems", "van Dijk", "Hoekstra", "Maas",
              "Verhoeven", "Koster", "Prins", "Blom", "Huisman", "Kuipers", "van Wijk", "Postma",
              "Kramer", "Timmermans", "Groen", "Lammers", "Wouters", "Hermans", "Öztürk", "El Amrani",
              "Nguyen", "Bouzid", "Veenstra", "Hofman", "Wijnands", "Scholten")
PLACE_A = ("Eem", "Bree", "Wester", "Ooster", "Zuider", "Noorder", "Hoog", "Laag", "Zand", "Heide",
           "Berk", "Linde", "Esch", "Vliet", "Dal", "Meer", "Brug", "Kamp", "Veld", "Hof", "Elzen",
           "Beuk", "Wilgen", "Rijn", "Vecht", "Gouw", "Maar", "Ter", "Holt", "Molen")
PLACE_B = ("veen", "dorp", "wijk", "horst", "loo", "dam", "hoven", "broek", "berg", "stein", "oord",
           "haven", "rode", "sum", "ward", "bergen", "zijl", "kerk", "gaarde", "mond")
NOUNS = ("Linde", "Eik", "Regenboog", "Wilg", "Horizon", "Kastanje", "Vlinder", "Zonnebloem",
         "Klimop", "Meander", "Boomgaard", "Molen", "Duinen", "Hazelaar", "Esdoorn", "Kompas",
         "Sterrenwacht", "Watermolen", "Tweesprong", "Akker")
NAME_TEMPLATES = (  # per sector: (template, min employees, max employees); {P} fictional place,
    # {S}/{T} surname, {N} noun. A name is drawn among the templates that fit the organisation's size,
    # so a golf club or a notary stays small and the largest customers are hospitals, universities,
    # municipalities, agencies and factories.
    (("Huisartsenpraktijk {S}", 3, 40), ("Fysiotherapie {P}", 3, 60), ("Tandartspraktijk {S}", 3, 40),
     ("Woonzorgcentrum De {N}", 30, 400), ("Thuiszorg {P}", 20, 1500), ("Zorgcentrum {P}", 40, 900),
     ("Revalidatiecentrum {P}", 150, 1500), ("Zorggroep {P}", 400, 25_000),
     ("Ziekenhuis {P}", 900, 25_000), ("Ziekenhuisgroep {P}", 2500, 25_000)),
    (("Kinderopvang De {N}", 3, 150), ("Basisschool De {N}", 10, 80), ("Montessorischool {P}", 10, 80),
     ("Opleidingscentrum {S}", 3, 200), ("Lyceum {P}", 50, 300), ("{P} College", 80, 900),
     ("Stichting Onderwijs {P}", 150, 2500), ("Scholengroep {P}", 200, 3000), ("ROC {P}", 800, 8000),
     ("Hogeschool {P}", 900, 12_000), ("Universiteit {P}", 2500, 25_000)),
    (("Gemeente {P}", 20, 25_000), ("Waterschap {P}", 150, 1500), ("Omgevingsdienst {P}", 40, 700),
     ("Veiligheidsregio {P}", 200, 3000), ("Belastingsamenwerking {P}", 20, 500),
     ("Sociale Dienst {P}", 20, 600), ("Rijksdienst {P}", 800, 25_000), ("Recreatieschap {P}", 3, 80),
     ("Regionaal Archief {P}", 3, 120)),
    (("{S} Advocaten", 3, 300), ("{S} & {T} Accountants", 3, 400), ("Adviesbureau {S}", 3, 200),
     ("{P} Consultancy", 3, 500), ("{S} Notarissen", 3, 60), ("ICT-bureau {P}", 3, 250),
     ("{S} Makelaardij", 3, 60), ("Uitzendbureau {P}", 5, 800), ("{P} Verzekeringen", 20, 25_000),
     ("Klantcontactcentrum {P}", 150, 3000), ("{P} IT-diensten B.V.", 250, 25_000)),
    (("{S} Metaalbewerking B.V.", 3, 400), ("{P} Techniek B.V.", 3, 600), ("{S} Verpakkingen", 10, 800),
     ("Machinefabriek {P}", 20, 3000), ("{S} Kunststoffen B.V.", 10, 600), ("{P} Logistiek B.V.", 10, 2500),
     ("Drukkerij {S}", 3, 250), ("Bouwbedrijf {S}", 3, 1500), ("{P} Foods B.V.", 150, 25_000),
     ("{P} Chemie B.V.", 300, 25_000), ("Distributiecentrum {P}", 150, 1500)),
    (("Hotel {P}", 5, 400), ("Restaurant De {N}", 3, 60), ("Sportcentrum {P}", 3, 150),
     ("Recreatiepark De {N}", 10, 400), ("Golfclub {P}", 3, 60), ("Zwembad {P}", 3, 80),
     ("Partycentrum {S}", 3, 60), ("Camping De {N}", 3, 60), ("Congrescentrum {P}", 50, 800),
     ("Attractiepark {P}", 100, 25_000)),
)
STREETS = ("Kerkstraat", "Stationsweg", "Industrieweg", "Handelsweg", "Dorpsstraat", "Molenweg",
           "Nijverheidsweg", "Schoolstraat", "Parallelweg", "Energieweg", "Ambachtsweg", "Marktplein",
           "Havenstraat", "Beukenlaan", "Eikenlaan", "Zuiderweg", "Kanaalweg", "Poortlaan",
           "Edisonstraat", "Transportweg")
POSTCODE_LETTERS = np.array(list("ABCEGHJKLMNPRTVWXZ"))


# --------------------------------------------------------------------------- helpers
def _pick(rng, values, size, p=None):
    """Draw ``size`` items from ``values`` (vectorised) as a numpy object/str array."""
    values = np.asarray(values, dtype=object)
    if p is not None:
        p = np.asarray(p, dtype=float)
        p = p / p.sum()
    return values[rng.choice(len(values), size=size, p=p)]


def _pick_rows(rng, probs):
    """One category index per row of the probability matrix ``probs``."""
    probs = probs / probs.sum(axis=1, keepdims=True)
    u = rng.random(len(probs))
    return np.minimum((probs.cumsum(axis=1) < u[:, None]).sum(axis=1), probs.shape[1] - 1)


def _weekday(dates):
    """Move Saturday to Friday and Sunday to Monday (B2B activity on workdays)."""
    dates = pd.DatetimeIndex(dates)
    dow = dates.day_of_week.to_numpy()
    shift = np.where(dow == 5, -1, np.where(dow == 6, 1, 0))
    return (dates + pd.to_timedelta(shift, unit="D")).to_numpy()


def _days(rng, low, high, size):
    return pd.to_timedelta(rng.integers(low, high + 1, size=size), unit="D").to_numpy()


def _persons(rng, n):
    first = _pick(rng, FIRST_NAMES, n)
    last = _pick(rng, LAST_NAMES, n)
    return np.array([f"{a} {b}" for a, b in zip(first, last)], dtype=object)


def _places(rng, n):
    a = _pick(rng, PLACE_A, n)
    b = _pick(rng, PLACE_B, n)
    return np.array([x + y for x, y in zip(a, b)], dtype=object)


def _cap(name):
    return name[:1].upper() + name[1:]


def _company_names(rng, sector_idx, employees, used):
    """Unique fictional company names, one per element of ``sector_idx``, fitting the size.

    A template is drawn among those of the sector whose employee range holds ``employees``.
    ``used`` is the set of names already given in this dataset; it is updated.
    """
    out = np.empty(len(sector_idx), dtype=object)
    for s, templates in enumerate(NAME_TEMPLATES):
        where = np.flatnonzero(sector_idx == s)
        lo = np.array([t[1] for t in templates])
        hi = np.array([t[2] for t in templates])
        emp = employees[where]
        fits = (emp[:, None] >= lo[None, :]) & (emp[:, None] <= hi[None, :])
        tpl_of = np.array([t[0] for t in templates], dtype=object)[_pick_rows(rng, fits.astype(float))]
        todo = np.arange(len(where))
        attempt = 0
        while len(todo):
            m = len(todo)
            places, nouns = _places(rng, m), _pick(rng, NOUNS, m)
            s1, s2 = _pick(rng, LAST_NAMES, m), _pick(rng, LAST_NAMES, m)
            extra = _places(rng, m) if attempt >= 2 else [""] * m  # crowded: add a place name
            left = []
            for i, t, p, nn, a, b, x in zip(todo, tpl_of[todo], places, nouns, s1, s2, extra):
                name = t.format(P=p, N=nn, S=_cap(a), T=_cap(b)) + (f" {x}" if x else "")
                if name in used:
                    left.append(i)
                else:
                    used.add(name)
                    out[where[i]] = name
            todo = np.array(left, dtype=int)
            attempt += 1
    return out


def _geography(rng, n, pull=1.0):
    """Province, region, city, street and postcode for ``n`` organisations."""
    weights = np.array([v[3] * REGION_PULL[v[0]] ** pull for v in PROVINCES.values()])
    prov_idx = rng.choice(len(PROVINCES), size=n, p=weights / weights.sum())
    provs = np.array(PROVINCE_NAMES, dtype=object)[prov_idx]
    info = list(PROVINCES.values())
    region = np.array([info[i][0] for i in prov_idx], dtype=object)
    city_pick = rng.random(n)
    city = np.array([info[i][1][int(u * len(info[i][1]))] for i, u in zip(prov_idx, city_pick)],
                    dtype=object)
    lo = np.array([info[i][2][0] for i in prov_idx])
    hi = np.array([info[i][2][1] for i in prov_idx])
    digits = lo + (rng.random(n) * (hi - lo + 1)).astype(int)
    letters = POSTCODE_LETTERS[rng.integers(0, len(POSTCODE_LETTERS), size=(n, 2))]
    postcode = np.array([f"{d} {a}{b}" for d, (a, b) in zip(digits, letters)], dtype=object)
    street = np.array([f"{s} {h}" for s, h in zip(_pick(rng, STREETS, n), rng.integers(1, 180, n))],
                      dtype=object)
    return provs, region, city, street, postcode


def _size_class(employees):
    return np.where(employees < 50, "klein", np.where(employees < 250, "middelgroot", "groot"))


def _companies(rng, n, used, pull=1.0, sector_weight=SECTOR_WEIGHT, large_factor=1.0):
    """Firmographics of ``n`` organisations (a dict of arrays)."""
    sector_idx = rng.choice(len(SECTORS), size=n, p=sector_weight / sector_weight.sum())
    # heavy-tailed, sector-dependent size that levels off towards the sector's largest organisation
    # a lognormal body of small and medium organisations plus a few large institutions
    large = rng.random(n) < LARGE_SHARE[sector_idx] * large_factor
    raw = np.exp(np.where(large, rng.normal(LARGE_LOG_MEAN, LARGE_LOG_SD, n),
                          rng.normal(EMPLOYEES_LOG_MEAN[sector_idx], EMPLOYEES_LOG_SD, n)))
    cap = np.where(large, EMPLOYEES_CAP[sector_idx], np.minimum(EMPLOYEES_CAP[sector_idx], BODY_CAP))
    employees = np.maximum(np.round(raw / (1 + raw / cap)), 3).astype(int)
    noise = rng.normal(0.0, SPEND_NOISE, n) * np.where(large, 0.5, 1.0)  # large: averages out
    spend = employees * SPEND_PER_EMPLOYEE[sector_idx] * np.exp(noise)
    # share of wallet; large institutions split the category over lots and suppliers (tenders),
    # so our share of their wallet varies less and rarely gets very high
    sow = np.where(large, rng.beta(*LARGE_SOW, n), rng.beta(1.3, 2.0, n))
    prov, region, city, street, postcode = _geography(rng, n, pull)
    return {
        "sector_idx": sector_idx,
        "sector": np.array(SECTORS, dtype=object)[sector_idx],
        "name": _company_names(np.random.default_rng(rng.integers(2**63)), sector_idx, employees, used),
        "employees": employees,
        "spend": spend,
        "sow": sow,
        "large": large,
        "province": prov, "region": region, "city": city, "street": street, "postcode": postcode,
    }


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def _round_money(x, digits=2):
    return np.round(np.asarray(x, dtype=float), digits)


# --------------------------------------------------------------------------- parts
def _account_managers():
    rows = [
        (1, "Sanne Willems", "Noord", "hunter", 1.0, "2019-03-01"),
        (2, "Gert Postma", "Noord", "farmer", 0.8, "2012-09-01"),
        (3, "Koen Scholten", "Oost", "hunter", 1.0, "2021-02-01"),
        (4, "Marloes Hofman", "Oost", "farmer", 1.0, "2015-01-01"),
        (5, "Ruben Veenstra", "Midden", "hunter", 1.0, "2018-06-01"),
        (6, "Iris de Graaf", "Midden", "farmer", 1.0, "2010-04-01"),
        (7, "Youssef El Amrani", "Midden", "farmer", 0.9, "2016-10-01"),
        (8, "Linda Kuipers", "West", "hunter", 1.0, "2020-01-01"),
        (9, "Bas Wijnands", "West", "farmer", 1.0, "2014-05-01"),
        (10, "Esther Lammers", "West", "farmer", 0.8, "2017-08-01"),
        (11, "Jeroen Timmermans", "Zuid", "hunter", 1.0, "2022-04-01"),
        (12, "Nadia Bouzid", "Zuid", "farmer", 1.0, "2013-11-01"),
    ]
    return pd.DataFrame(rows, columns=["manager_id", "name", "region", "role", "fte", "start_date"])


def _products():
    df = pd.DataFrame(
        [(101 + i, p[0], PRODUCT_GROUPS[p[1]], p[2], p[3], p[4], p[5]) for i, p in enumerate(PRODUCTS)],
        columns=["product_id", "product", "product_group", "unit", "unit_price", "vat_rate", "margin_rate"],
    )
    return df


def _manager_for(rng, region, ams, prefer="farmer", when=None):
    """A manager of the same region for each element (prefer ``prefer`` 2:1); with ``when``, one
    who had started by then (else any of the region)."""
    out = np.zeros(len(region), dtype=int)
    for reg in REGIONS:
        sub = ams[ams["region"] == reg]
        w = np.where(sub["role"] == prefer, 2.0, 1.0)
        where = np.flatnonzero(region == reg)
        out[where] = rng.choice(sub["manager_id"].to_numpy(), size=len(where), p=w / w.sum())
        if when is None:
            continue
        started = pd.to_datetime(sub["start_date"]).to_numpy()
        early = where[when[where] < started[np.searchsorted(sub["manager_id"].to_numpy(), out[where])]]
        for i in early:  # not yet at work: one of the region's managers who was
            ok = started <= when[i]
            ids = sub["manager_id"].to_numpy()[ok] if ok.any() else sub["manager_id"].to_numpy()
            ww = w[ok] if ok.any() else w
            out[i] = rng.choice(ids, p=ww / ww.sum())
    return out


LEADS_PER_YEAR, LEAD_GROWTH = 1650, 1.06  # leads in 2021 (Poisson mean), growing 6% a year
LEAD_SOURCE_SHARES = (0.50, 0.25, 0.15, 0.10)  # per LEAD_SOURCES: most leads come in online
FAIR_MONTHS = (3, 10)  # the vakbeurs (trade fair) is held in March and October
# per CAMPAIGN_CHANNELS: visitors -> lead conversion, click-through rate, cost per click, fixed cost a month
CAMPAIGN_CONVERSION = {"Google Ads": 0.045, "LinkedIn": 0.03, "e-mailnieuwsbrief": 0.06, "vakbeurs": 0.12}
CAMPAIGN_CTR = {"Google Ads": 0.035, "LinkedIn": 0.008, "e-mailnieuwsbrief": 0.11, "vakbeurs": 0.08}
CAMPAIGN_CPC = {"Google Ads": 2.1, "LinkedIn": 5.4, "e-mailnieuwsbrief": 0.0, "vakbeurs": 0.0}
CAMPAIGN_FIXED = {"Google Ads": 0.0, "LinkedIn": 0.0, "e-mailnieuwsbrief": 450.0, "vakbeurs": 14500.0}
# cost per lead of the sources without a campaign: uniform between these amounts (euro)
OTHER_LEAD_COST = {"koude acquisitie": (55, 95), "netwerken": (110, 210), "aanbesteding": (450, 900)}


def _leads(rng, used, buyers):
    """Leads with the forward funnel up to the opportunity; outcome decided later.

    The online, cold-acquisition and network leads are drawn here; the tender leads are the
    tenders of ``buyers`` (one lead per tender Brandwijk bid on, see :func:`_tender_leads`)."""
    years = np.arange(2021, 2026)
    src_p = np.array(LEAD_SOURCE_SHARES[:3]) / sum(LEAD_SOURCE_SHARES[:3])
    counts = rng.poisson(LEADS_PER_YEAR * (1 - LEAD_SOURCE_SHARES[3]) * LEAD_GROWTH ** (years - 2021))
    year = np.repeat(years, counts)
    n = len(year)
    doy = rng.random(n)
    # mild seasonality: fewer leads in July/August/December
    month = np.minimum((doy * 12).astype(int) + 1, 12)
    slow = np.isin(month, (7, 8, 12)) & (rng.random(n) < 0.35)
    month = np.where(slow, rng.integers(1, 13, n), month)
    day = rng.integers(1, 29, n)
    created = _weekday(pd.to_datetime(dict(year=year, month=month, day=day)))
    order = np.argsort(created, kind="stable")
    created = created[order]
    n = len(created)
    source_idx = rng.choice(3, size=n, p=src_p)
    source = np.array(LEAD_SOURCES, dtype=object)[source_idx]
    comp = _companies(rng, n, used, pull=0.6, large_factor=LEAD_LARGE_FACTOR)
    size_z = (np.log(comp["employees"]) - 3.4) / 1.7
    sector_fit = np.array([4, -2, 2, 3, 1, -3])[comp["sector_idx"]]
    fit = np.clip(np.round(22 + 7 * size_z + sector_fit + rng.normal(0, 7, n)), 0, 50).astype(int)
    beh_mean = np.array([17.0, 13.0, 28.0, 26.0])[source_idx]
    behaviour = np.clip(np.round(beh_mean + rng.normal(0, 10, n)), 0, 50).astype(int)
    score = fit + behaviour
    mql = score >= MQL_THRESHOLD
    src_off = np.array([-1.0, -0.3, 0.9, 0.4])[source_idx]
    p_sql = _sigmoid(-0.2 + 0.10 * (score - 55) + src_off)
    sql = mql & (rng.random(n) < p_sql)
    bant = rng.random((n, 4)) < np.where(mql, 0.55, 0.3)[:, None]
    p_opp = np.array([0.55, 0.65, 0.80, 0.90])[source_idx]
    opp = sql & (rng.random(n) < p_opp)
    mql_on = created + _days(rng, 0, 21, n)
    sql_on = mql_on + _days(rng, 3, 40, n)
    opp_on = sql_on + _days(rng, 2, 20, n)
    mql_on, sql_on, opp_on = _weekday(mql_on), _weekday(sql_on), _weekday(opp_on)
    ref = REFERENCE_DATE.to_datetime64()
    mql &= mql_on <= ref
    sql &= mql & (sql_on <= ref)
    opp &= sql & (opp_on <= ref)
    # BANT: an SQL has all four confirmed; every other lead misses at least one
    fix = ~sql & bant.all(axis=1)
    bant[fix, rng.integers(0, 4, n)[fix]] = False
    bant[sql] = True
    channel = np.empty(n, dtype=object)
    on = source_idx == 0
    channel[on] = _pick(rng, CAMPAIGN_CHANNELS[:3], on.sum(), (0.5, 0.3, 0.2))  # the online channels
    nw = source_idx == 2
    fair_month = np.isin(pd.DatetimeIndex(created).month, FAIR_MONTHS)
    channel[nw] = np.where(fair_month[nw] & (rng.random(nw.sum()) < 0.7), "vakbeurs",
                           _pick(rng, ("doorverwijzing", "LinkedIn-netwerk"), nw.sum(), (0.6, 0.4)))
    channel[source_idx == 1] = "telefoon"
    leads = pd.DataFrame({
        "lead_id": np.arange(1, n + 1),
        "created_on": created,
        "source": source,
        "channel": channel,
        "company": comp["name"],
        "sector": comp["sector"],
        "province": comp["province"],
        "region": comp["region"],
        "employees": comp["employees"],
        "fit_score": fit,
        "behaviour_score": behaviour,
        "lead_score": score,
        "budget": bant[:, 0], "authority": bant[:, 1], "need": bant[:, 2], "timeline": bant[:, 3],
        "mql_on": np.where(mql, mql_on, np.datetime64("NaT")),
        "sql_on": np.where(sql, sql_on, np.datetime64("NaT")),
        "opportunity_on": np.where(opp, opp_on, np.datetime64("NaT")),
    })
    extra = {k: comp[k] for k in _LEAD_EXTRA}
    extra.update(tender_won=np.full(n, np.nan), tender_closed=np.full(n, np.datetime64("NaT"), "datetime64[ns]"),
                 tender_reason=np.full(n, None, dtype=object))
    return _with_tender_leads(leads, extra, *_tender_leads(rng, buyers))


def _with_tender_leads(leads, extra, tender_leads, tender_extra):
    """All leads in order of arrival, numbered from 1, with their extra arrays in the same order."""
    leads = pd.concat([leads, tender_leads], ignore_index=True)
    extra = {k: np.concatenate([extra[k], tender_extra[k]]) for k in extra}
    order = np.argsort(leads["created_on"].to_numpy(), kind="stable")
    leads = leads.iloc[order].reset_index(drop=True)
    leads["lead_id"] = np.arange(1, len(leads) + 1)
    return leads, {k: values[order] for k, values in extra.items()}


_LEAD_EXTRA = ("sector_idx", "spend", "sow", "large", "city", "street", "postcode")


def _tender_leads(rng, buyers):
    """One lead per tender: published on TenderNed, qualified by the tender documents (need,
    budget, timeline and who decides are stated), an opportunity once Brandwijk decides to bid;
    won or lost as the tender's award says."""
    n = len(buyers["name"])
    created = buyers["published_on"]
    size_z = (np.log(buyers["employees"]) - 3.4) / 1.7
    sector_fit = np.array([4, -2, 2, 3, 1, -3])[buyers["sector_idx"]]
    fit = np.clip(np.round(22 + 7 * size_z + sector_fit + rng.normal(0, 7, n)), 0, 50).astype(int)
    behaviour = np.clip(np.round(26 + rng.normal(0, 10, n)), 0, 50).astype(int)
    behaviour = np.minimum(np.maximum(behaviour, MQL_THRESHOLD - fit), 50)  # a tender is always an MQL
    sql_on = _weekday(created + _days(rng, 2, 7, n))  # the go/no-go decision to bid
    opp_on = _weekday(sql_on + _days(rng, 1, 5, n))
    yes = np.ones(n, dtype=bool)
    leads = pd.DataFrame({
        "lead_id": np.zeros(n, int), "created_on": created, "source": LEAD_SOURCES[3], "channel": "TenderNed",
        "company": buyers["name"], "sector": np.array(SECTORS, dtype=object)[buyers["sector_idx"]],
        "province": buyers["province"], "region": buyers["region"], "employees": buyers["employees"],
        "fit_score": fit, "behaviour_score": behaviour, "lead_score": fit + behaviour,
        "budget": yes, "authority": yes, "need": yes, "timeline": yes,
        "mql_on": created, "sql_on": sql_on, "opportunity_on": opp_on,
    })
    extra = {k: buyers[k] for k in _LEAD_EXTRA}
    extra.update(tender_won=buyers["own_won"].astype(float), tender_closed=buyers["awarded_on"],
                 tender_reason=buyers["reason"])
    return leads, extra


def _campaigns(rng, leads):
    """Monthly campaign figures; leads equal the online/vakbeurs leads of the month."""
    months = pd.date_range(START_DATE, REFERENCE_DATE, freq="MS")
    ch = leads["channel"].to_numpy()
    month_of = pd.DatetimeIndex(leads["created_on"]).to_period("M").to_timestamp()
    rows = []
    counts = pd.crosstab(month_of, ch)
    for c in CAMPAIGN_CHANNELS:
        for m in months:
            if c == "vakbeurs" and m.month not in FAIR_MONTHS:
                continue
            k = int(counts.at[m, c]) if (m in counts.index and c in counts.columns) else 0
            rows.append((m, c, k))
    df = pd.DataFrame(rows, columns=["month", "channel", "leads"])
    nn = len(df)
    cv = df["channel"].map(CAMPAIGN_CONVERSION).to_numpy() * np.exp(rng.normal(0, 0.15, nn))
    visitors = np.maximum(np.round((df["leads"].to_numpy() + 1) / cv), df["leads"].to_numpy() + 1)
    clicks = np.round(visitors / rng.uniform(0.82, 0.95, nn))
    impressions = np.round(clicks / (df["channel"].map(CAMPAIGN_CTR).to_numpy() * np.exp(rng.normal(0, 0.12, nn))))
    cpc = df["channel"].map(CAMPAIGN_CPC)
    fixed = df["channel"].map(CAMPAIGN_FIXED).to_numpy()
    cost = _round_money(clicks * cpc.to_numpy() * np.exp(rng.normal(0, 0.08, nn)) + fixed
                        * np.exp(rng.normal(0, 0.1, nn)))
    df["impressions"] = impressions.astype(int)
    df["clicks"] = clicks.astype(int)
    df["visitors"] = visitors.astype(int)
    df["cost"] = cost
    return df[["month", "channel", "impressions", "clicks", "visitors", "leads", "cost"]]


def _lead_costs(rng, leads, campaigns):
    n = len(leads)
    month_of = pd.DatetimeIndex(leads["created_on"]).to_period("M").to_timestamp()
    key = pd.MultiIndex.from_arrays([month_of, leads["channel"]])
    per = campaigns.assign(cpl=campaigns["cost"] / campaigns["leads"].where(campaigns["leads"] > 0))
    per = per.set_index(["month", "channel"])["cpl"]
    cost = per.reindex(key).to_numpy()
    src = leads["source"].to_numpy()
    other = np.select([src == source for source in OTHER_LEAD_COST],
                      [rng.uniform(low, high, n) for low, high in OTHER_LEAD_COST.values()], np.nan)
    return _round_money(np.where(np.isnan(cost), other, cost))


# opportunities: the dominant motive's share (per MOTIVES) and its effect on the chance to win
MOTIVE_SHARES = (0.22, 0.12, 0.18, 0.08, 0.10, 0.30)
MOTIVE_WIN_EFFECT = np.array([0.25, 0.45, 0.1, -0.25, -0.6, 0.05])
# per DMU_ROLES: the chance the role is in the buying centre, and that we met it when it is
DMU_PRESENT = np.array([0.7, 1.0, 0.6, 1.0, 0.5, 0.5])
DMU_MET = np.array([0.85, 0.85, 0.6, 0.68, 0.75, 0.92])
BESLISSER_MISSED_EFFECT, OTHER_MISSED_EFFECT = -1.3, -0.3  # logit: not meeting the beslisser costs most
LOST_STAGE_SHARES = (0.22, 0.28, 0.35, 0.15)  # per OPEN_STAGES: where a lost deal stopped
WIN_REASONS = {"zekerheid": "storingsservice binnen 24 uur gaf de doorslag",
               "sympathie": "goede klik met de accountmanager",
               "gemak": "alles bij één leverancier, ook het onderhoud",
               "trots": "premium machines passen bij de uitstraling",
               "nieuwigheid": "nieuwe bean-to-cup techniek sprak aan",
               "economie": "laagste kosten per kopje over de looptijd"}
LOSS_REASONS = {"zekerheid": "twijfel over leverzekerheid",
                "sympathie": "klant bleef bij vertrouwde relatie",
                "gemak": "overstappen vond de klant te veel gedoe",
                "trots": "merk van de concurrent sprak meer aan",
                "nieuwigheid": "concurrent had een nieuwer concept",
                "economie": "concurrent was goedkoper"}
# buygrid seen from the buyer (funnel.buygrid_class): a new customer almost always had coffee,
# water and snacks before, from another supplier, so its first deal with us is a modified rebuy;
# a new task only for a need it did not have (its first coffee machine or water cooler)
NEW_TASK_SHARE = 0.12
# product groups per PRODUCT_GROUPS of a new task (a new need: a machine or a water cooler) and of
# the other deals (the known needs)
NEW_TASK_GROUP_SHARES = (0.60, 0.0, 0.04, 0.30, 0.06, 0.0)
REBUY_GROUP_SHARES = (0.12, 0.25, 0.15, 0.13, 0.25, 0.10)
LARGE_EMPLOYEES = 250  # size_class groot: the inkoper is more often in the DMU, deals take longer


def _opportunities(rng, leads, lead_extra, cust, ams):
    """Opportunities from leads (new business) and from existing customers, with DMU."""
    new = _lead_opportunities(rng, leads, lead_extra, ams)
    old = _customer_opportunities(rng, cust)
    return _opportunity_outcomes(rng, pd.concat([new, old], ignore_index=True))


def _lead_opportunities(rng, leads, lead_extra, ams):
    """New business: one opportunity per lead that reached the opportunity stage."""
    lo = leads[leads["opportunity_on"].notna()]
    n1 = len(lo)
    idx = lo.index.to_numpy()
    annual = lead_extra["spend"][idx] * lead_extra["sow"][idx]
    src_i = pd.Categorical(lo["source"], categories=LEAD_SOURCES).codes
    tender = ~np.isnan(lead_extra["tender_won"][idx])
    value = np.maximum(np.round(annual * rng.uniform(0.7, 1.3, n1), -2), 500.0)
    return pd.DataFrame({
        "customer_id": pd.array([pd.NA] * n1, dtype="Int64"),
        "lead_id": lo["lead_id"].to_numpy(),
        "account_manager": _manager_for(rng, lo["region"].to_numpy(), ams, prefer="hunter",
                                        when=lo["created_on"].to_numpy()),
        "created_on": lo["opportunity_on"].to_numpy(),
        # a tender's yearly value: the contract value over its term
        "value": np.where(tender, np.round(annual, -2), value),
        "buying_situation": np.where(rng.random(n1) < NEW_TASK_SHARE, "new task", "modified rebuy"),
        # logit of the chance to win by source (per LEAD_SOURCES) and lead score
        "base": np.array([-0.5, -0.3, 0.6, -0.4])[src_i] + 0.03 * (lo["lead_score"].to_numpy() - 60),
        "large": lo["employees"].to_numpy() >= LARGE_EMPLOYEES,
        "forced_won": lead_extra["tender_won"][idx],  # tenders: won or lost as awarded
        "forced_closed": lead_extra["tender_closed"][idx],
        "forced_reason": lead_extra["tender_reason"][idx],
    })


def _customer_opportunities(rng, cust):
    """Cross-sell and rebuy: opportunities of existing customers while they are active."""
    ref = REFERENCE_DATE.to_datetime64()
    c = cust
    years = (np.minimum(c["end"], ref) - c["start"]) / np.timedelta64(365, "D")
    rate = 0.25 + 0.12 * np.log10(np.maximum(c["annual"], 100) / 100)  # a year: more for larger customers
    k = rng.poisson(np.clip(rate, 0.1, 1.5) * np.maximum(years, 0))
    ci = np.repeat(np.arange(len(c["customer_id"])), k)
    n2 = len(ci)
    span = (np.minimum(c["end"], ref) - c["start"])[ci] / np.timedelta64(1, "D")
    created2 = c["start"][ci] + pd.to_timedelta(np.floor(rng.random(n2) * span), unit="D").to_numpy()
    situation2 = np.where(rng.random(n2) < 0.55, "modified rebuy", "straight rebuy")
    return pd.DataFrame({
        "customer_id": pd.array(c["customer_id"][ci], dtype="Int64"),
        "lead_id": pd.array([pd.NA] * n2, dtype="Int64"),
        "account_manager": c["manager"][ci],
        "created_on": _weekday(created2),
        "value": np.maximum(np.round(c["annual"][ci] * rng.uniform(0.1, 0.5, n2), -2), 300.0),
        "buying_situation": situation2,
        "base": np.where(situation2 == "straight rebuy", 0.9, 0.35),  # a rebuy is won more easily
        "large": c["employees"][ci] >= LARGE_EMPLOYEES,
    })


def _opportunity_outcomes(rng, opp):
    """Motive, DMU, outcome, stage, reason and product group of each opportunity; with the DMU
    roles present and met (arrays of opportunities x DMU_ROLES)."""
    ref = REFERENCE_DATE.to_datetime64()
    n = len(opp)
    motive = rng.choice(len(MOTIVES), size=n, p=list(MOTIVE_SHARES))
    present = rng.random((n, len(DMU_ROLES))) < DMU_PRESENT
    present[:, DMU_ROLES.index("inkoper")] |= opp["large"].to_numpy() & (rng.random(n) < 0.8)
    met = present & (rng.random((n, len(DMU_ROLES))) < DMU_MET)
    b = DMU_ROLES.index("beslisser")
    beslisser_missing = present[:, b] & ~met[:, b]
    other_missing = (present & ~met).sum(axis=1) - beslisser_missing
    logit = (opp["base"].to_numpy() + MOTIVE_WIN_EFFECT[motive] + BESLISSER_MISSED_EFFECT * beslisser_missing
             + OTHER_MISSED_EFFECT * other_missing + 0.2)
    won = rng.random(n) < _sigmoid(logit)
    cycle = np.round(rng.gamma(4.0, 14.0, n) * np.where(opp["large"], 1.5, 1.0)).astype(int) + 10
    closed = _weekday(opp["created_on"].to_numpy() + pd.to_timedelta(cycle, unit="D").to_numpy())
    forced = opp["forced_won"].notna().to_numpy() if "forced_won" in opp else np.zeros(n, bool)
    if forced.any():  # a tender: the award decides, on the award date
        won = np.where(forced, opp["forced_won"].fillna(0).to_numpy() > 0, won)
        closed = np.where(forced, opp["forced_closed"].to_numpy(), closed)
        cycle = np.where(forced, (closed - opp["created_on"].to_numpy()) // np.timedelta64(1, "D"), cycle)
    is_open = closed > ref
    # furthest open stage reached
    lost_stage = rng.choice(len(OPEN_STAGES), size=n, p=list(LOST_STAGE_SHARES))
    age = (ref - opp["created_on"].to_numpy()) / np.timedelta64(1, "D")
    open_stage = np.minimum((age / np.maximum(cycle, 1) * 4).astype(int), 3)
    lost_stage = np.where(forced, OPEN_STAGES.index("offerte"), lost_stage)  # a bid is a quotation
    last = np.where(is_open, open_stage, np.where(won, 3, lost_stage))
    stage = np.where(is_open, np.array(OPPORTUNITY_STAGES)[last], np.where(won, "gewonnen", "verloren"))
    mot = np.array(MOTIVES)[motive]
    reason = np.where(won, pd.Series(mot).map(WIN_REASONS).to_numpy(),
                      np.where(beslisser_missing & (rng.random(n) < 0.6), "beslisser niet gesproken",
                               pd.Series(mot).map(LOSS_REASONS).to_numpy()))
    if forced.any():
        reason = np.where(forced, opp["forced_reason"].to_numpy(), reason)
    groups = np.where(opp["buying_situation"] == "new task",
                      _pick(rng, PRODUCT_GROUPS, n, NEW_TASK_GROUP_SHARES),
                      _pick(rng, PRODUCT_GROUPS, n, REBUY_GROUP_SHARES))
    out = pd.DataFrame({
        "customer_id": opp["customer_id"],
        "lead_id": pd.array(opp["lead_id"], dtype="Int64"),
        "account_manager": opp["account_manager"].astype(int),
        "created_on": opp["created_on"],
        "closed_on": np.where(is_open, np.datetime64("NaT"), closed),
        "stage": stage,
        "last_stage": np.array(OPPORTUNITY_STAGES)[last],
        "value": opp["value"].astype(float),
        "probability": pd.Series(stage).map(STAGE_PROBABILITY).to_numpy(),
        "outcome": np.where(is_open, "open", np.where(won, "gewonnen", "verloren")),
        "reason": np.where(is_open, None, reason),
        "motive": mot,
        "motive_type": pd.Series(mot).map(MOTIVE_TYPE).to_numpy(),
        "buying_situation": opp["buying_situation"],
        "product_group": groups,
        "quotation_sent": last >= 2,
    })
    return out, present, met


def _dmu(rng, opp_ids, present, met):
    """DMU contacts: one row per role present in an opportunity's buying centre."""
    oi, ri = np.nonzero(present)
    m = met[oi, ri]
    k = len(oi)
    # beslisser: management or account manager; gebruiker: specialist; others mostly accountmanager
    tm_p = np.array([[0.8, 0.15, 0.05], [0.35, 0.6, 0.05], [0.6, 0.35, 0.05],
                     [0.55, 0.05, 0.40], [0.85, 0.05, 0.10], [0.95, 0.05, 0.0]])
    team_idx = _pick_rows(rng, tm_p[ri])
    team = np.array(TEAM_MEMBERS, dtype=object)[team_idx]
    team = np.where(m, team, None)
    return pd.DataFrame({
        "opportunity_id": opp_ids[oi],
        "contact": _persons(rng, k),
        "role": np.array(DMU_ROLES, dtype=object)[ri],
        "met": m,
        "team_member": team,
    })


# --------------------------------------------------------------------------- main generator
# The generator's rules, named; the module docstring says where each comes from.
FIRST_CUSTOMER_ID, FIRST_ORDER_ID = 10001, 100001
OLD_CUSTOMERS_MEAN = 1250  # customers from before 2021 (Poisson mean): the base the company started 2021 with
OLD_ACQUIRED_FROM = "2008-01-01"  # the oldest customers date from here; sqrt of a uniform: more recent ones
OLD_ACQUIRED_DAYS = 4749  # 2008-01-01 + 4749 days = 2020-12-31: all before the data's start
OLD_CHANNEL_SHARES = (0.15, 0.35, 0.35, 0.15)  # per LEAD_SOURCES: before online marketing, mostly people
# yearly churn hazard HAZARD_FLOOR + HAZARD_RANGE * (1 - size quantile) ** HAZARD_POWER: small customers
# leave sooner (0.16 for the smallest, 0.01 for the largest); a customer stays at most MAX_LIFE_YEARS
HAZARD_FLOOR, HAZARD_RANGE, HAZARD_POWER, MAX_LIFE_YEARS = 0.01, 0.15, 1.5, 30.0
HANDLED_WELL = 0.62  # share of complaints handled well
# chance that a complaint makes the customer leave: handled well, handled badly, handled badly at a top
# customer (its account team rescues it more often); within LEAVE_DAYS of the complaint
LEAVE_AFTER_GOOD, LEAVE_AFTER_BAD, LEAVE_AFTER_BAD_TOP, TOP_QUANTILE = 0.03, 0.40, 0.08, 0.95
LEAVE_DAYS = (10, 90)
REACTIVATION = 0.30  # share of the churned customers that come back ...
RETURN_DAYS = (380, 900)  # ... this many days (12-30 months) after they left
ORDERS_PER_YEAR = (4.0, 36.0)  # replenishment rhythm, more orders for larger customers
INTERVAL_JITTER = 0.3  # +-30% around the customer's order interval
SUMMER_SKIP = 0.15  # chance that an order in July/August is skipped (holidays)
LINE_NOISE_SD = 0.45  # log-scale spread of a line's value
SEASON_AMPLITUDE = 0.08  # line values peak in winter (coffee), dip in summer
PRICE_GROWTH = 1.01  # yearly price growth
# the product groups' relative line value (machines are bought rarely but are expensive)
GROUP_VALUE = np.array([2.5, 1.25, 0.9, 0.7, 1.3, 0.55])
SNACK_SHARE = np.array([0.30, 0.50, 0.30, 0.40, 0.60, 0.75])  # per sector: buys snacks and drinks
ACTIVE_DAYS, INACTIVE_DAYS = 365, 730  # status: actief / inactief / ex-klant at the peildatum
REACTIVATED_GAP_DAYS = 365  # a gap this long between two orders is a reactivation
SUSPECTS_MEAN = 900  # organisations that fit the profile but had no contact (Poisson mean)
SUSPECT_PULL = 0.4  # suspects are spread more evenly over the regions than customers
HOT_DAYS, WARM_DAYS = 180, 365  # prospect temperature: days since the last contact
NPS_SURVEY_SHARE = 0.30  # share of the active customers answering the November survey
NPS_AFTER_PURCHASE = 0.045  # share of the orders followed by an NPS question
NPS_SECTOR_EFFECT = np.array([0.45, 0.15, -0.55, 0.1, -0.25, -0.4])  # per sector: experience vs expectation
NPS_BAD_YEAR = 1  # 2022 (years since 2021): supply problems lower the experience that year


@dataclass(frozen=True)
class _Streams:
    """One random stream per part of the company. They are spawned from the seed in this order,
    so the order fixes the data: a new part gets a new stream at the end."""

    leads: np.random.Generator
    campaigns: np.random.Generator  # the campaigns, then the cost per lead that follows from them
    old_customers: np.random.Generator
    lead_opportunities: np.random.Generator
    # account manager, activity periods and complaint dates, buying profile, contact person
    customers: np.random.Generator
    orders: np.random.Generator
    customer_opportunities: np.random.Generator
    dmu: np.random.Generator
    prospects: np.random.Generator
    complaints: np.random.Generator
    nps: np.random.Generator
    market: np.random.Generator
    sales_activity: np.random.Generator  # the cold calls, then the targets built on them
    tenders: np.random.Generator
    key_accounts: np.random.Generator

    @classmethod
    def from_seed(cls, seed: int) -> "_Streams":
        children = np.random.SeedSequence(seed).spawn(len(fields(cls)))
        return cls(*(np.random.default_rng(child) for child in children))


def _generate(seed: int) -> dict[str, pd.DataFrame]:
    rng = _Streams.from_seed(seed)
    ams, products = _account_managers(), _products()
    used: set[str] = set()  # company names given so far: all organisations are distinct
    tenders, bids, thresholds, buyers = _tenders(rng.tenders, used)
    leads, lead_extra = _leads(rng.leads, used, buyers)
    campaigns = _campaigns(rng.campaigns, leads)
    leads["cost"] = _lead_costs(rng.campaigns, leads, campaigns)
    old = _old_customers(rng.old_customers, used)
    # new customers come from won lead opportunities, and existing customers' opportunities need the
    # customers: pass 1 decides the lead opportunities with an empty customer base
    new_business = _opportunities(rng.lead_opportunities, leads, lead_extra, _NO_CUSTOMERS, ams)
    lead_won = _record_won_leads(leads, new_business[0])
    cust = _customer_base(old, leads, lead_extra, lead_won)
    _customer_economics(rng.customers, cust, ams, new_business[0])
    life = _activity(rng.customers, cust)
    line_weights = _buying_profile(rng.customers, cust)
    orders = _orders(rng.orders, cust, life, line_weights, products)
    customers = _customers_table(rng.customers, cust, orders)
    opportunities, dmu = _all_opportunities(rng.customer_opportunities, rng.dmu, new_business,
                                            leads, lead_extra, cust, life, ams)
    _lead_stages(leads, cust)
    cold_calls = _cold_calls(rng.sales_activity, ams, leads, opportunities)
    market, competitors = _market(rng.market, orders, customers)
    nps = _nps(rng.nps, cust, life, orders, ams)
    tables = {
        "account_managers": ams, "products": products, "customers": customers,
        "prospects": _prospects(rng.prospects, leads, opportunities, used),
        "orders": orders, "leads": leads[list(_LEAD_COLUMNS)], "campaigns": campaigns,
        "cold_calls": cold_calls, "opportunities": opportunities, "dmu_contacts": dmu, "nps": nps,
        "complaints": _complaints(rng.complaints, cust, life), "market": market,
        "competitors": competitors, "targets": _targets(rng.sales_activity, orders, cold_calls, customers),
        "tenders": tenders, "tender_bids": bids, "eu_thresholds": thresholds,
        "key_accounts": _key_accounts(rng.key_accounts, orders, customers, nps),
    }
    return {name: _typed(name, tables[name]) for name in TABLES}


_LEAD_COLUMNS = (
    "lead_id", "created_on", "source", "channel", "company", "sector", "province", "region",
    "employees", "fit_score", "behaviour_score", "lead_score", "budget", "authority", "need",
    "timeline", "stage_reached", "mql_on", "sql_on", "opportunity_on", "won_on", "cost", "customer_id")

# pass 1 of the opportunities: no customers yet
_NO_CUSTOMERS = {"customer_id": np.zeros(0, int), "end": np.zeros(0, "datetime64[ns]"),
                 "start": np.zeros(0, "datetime64[ns]"), "annual": np.zeros(0),
                 "manager": np.zeros(0, int), "employees": np.zeros(0, int)}


def _old_customers(rng, used):
    """The customers acquired before 2021: companies, acquisition date and channel."""
    n_old = int(rng.poisson(OLD_CUSTOMERS_MEAN))
    old = _companies(rng, n_old, used, pull=1.0, large_factor=OLD_LARGE_FACTOR)
    acquired = pd.to_datetime(OLD_ACQUIRED_FROM).to_datetime64() + pd.to_timedelta(
        np.floor(np.sqrt(rng.random(n_old)) * OLD_ACQUIRED_DAYS), unit="D").to_numpy()
    old["acquired"] = _weekday(acquired)
    old["channel"] = _pick(rng, LEAD_SOURCES, n_old, OLD_CHANNEL_SHARES)
    return old


def _record_won_leads(leads, lead_opportunities):
    """Set the leads' ``won_on`` from the won lead opportunities; return which leads were won."""
    won = lead_opportunities[lead_opportunities["outcome"] == "gewonnen"]
    won_on = pd.Series(won["closed_on"].to_numpy(), index=won["lead_id"].astype(int).to_numpy())
    leads["won_on"] = leads["lead_id"].map(won_on).astype("datetime64[ns]")
    return leads["lead_id"].isin(won["lead_id"].astype(int))


_CUSTOMER_FIELDS = ("name", "sector", "sector_idx", "province", "region", "city", "street", "postcode",
                    "employees", "spend", "sow", "large", "acquired", "channel", "lead_of")


def _customer_base(old, leads, lead_extra, lead_won):
    """All customers, old ones and won leads, in order of acquisition: a dict of arrays."""
    wl = leads[lead_won]
    wi = wl.index.to_numpy()
    new = {"name": wl["company"].to_numpy(), "sector": wl["sector"].to_numpy(),
           "province": wl["province"].to_numpy(), "region": wl["region"].to_numpy(),
           "employees": wl["employees"].to_numpy(), "acquired": wl["won_on"].to_numpy(),
           "channel": wl["source"].to_numpy(), "lead_of": wl["lead_id"].to_numpy()}
    new.update({key: lead_extra[key][wi] for key in ("sector_idx", "city", "street", "postcode",
                                                     "spend", "sow", "large")})
    old = {**old, "lead_of": np.zeros(len(old["name"]), int)}
    cust = {key: np.concatenate([old[key], new[key]]) for key in _CUSTOMER_FIELDS}
    order = np.argsort(cust["acquired"], kind="stable")
    cust = {key: values[order] for key, values in cust.items()}
    cust["customer_id"] = np.arange(FIRST_CUSTOMER_ID, FIRST_CUSTOMER_ID + len(order))
    cust["p_start"] = np.maximum(cust["acquired"], START_DATE.to_datetime64())  # start within the data
    return cust


def _customer_economics(rng, cust, ams, lead_opportunities):
    """Account manager, share of wallet, expected yearly revenue, size quantile and discount.

    A customer won from a lead keeps the account manager who won the deal (mostly a hunter);
    the customers from before the data are spread over the region's managers (mostly farmers)."""
    start = START_DATE.to_datetime64()
    cust["manager"] = _manager_for(rng, cust["region"], ams, prefer="farmer")
    won = lead_opportunities[lead_opportunities["outcome"] == "gewonnen"]
    winner = pd.Series(won["account_manager"].to_numpy(), index=won["lead_id"].astype(int).to_numpy())
    from_lead = cust["lead_of"] > 0
    cust["manager"][from_lead] = winner.loc[cust["lead_of"][from_lead]].to_numpy()
    # expected yearly revenue at full activity: what the organisation spends on the category
    # (employees x sector spend per employee x noise) x our share of wallet; customers from
    # before 2021 survived long, so we hold a larger share of their wallet (not of a large
    # institution's: it re-tenders its lots)
    sow = cust["sow"]
    sow = np.where((cust["acquired"] < start) & ~cust["large"], 1 - (1 - sow) ** OLD_SOW_POWER, sow)
    annual = cust["spend"] * sow
    cust["annual"] = annual
    cust["q"] = (np.argsort(np.argsort(annual, kind="stable"), kind="stable") + 0.5) / len(annual)
    cust["discount"] = np.clip(0.025 * np.log10(np.maximum(annual, 1) / 2000) * 2, 0, 0.12)


def _activity(rng, cust):
    """Activity periods: the first period (ended by churn or a badly handled complaint), the
    complaints in it, and a second period for the reactivated customers."""
    ref = REFERENCE_DATE.to_datetime64()
    p_start, q, nc = cust["p_start"], cust["q"], len(cust["q"])
    hazard = HAZARD_FLOOR + HAZARD_RANGE * (1 - q) ** HAZARD_POWER
    life = np.minimum(rng.exponential(1.0 / hazard), MAX_LIFE_YEARS) * 365.25
    end1 = p_start + pd.to_timedelta(np.round(life), unit="D").to_numpy()
    span1 = np.maximum((np.minimum(end1, ref) - p_start) / np.timedelta64(1, "D"), 0)
    # larger organisations complain more often (more people, more machines)
    lam = (0.05 + 0.05 * np.log10(np.maximum(cust["employees"], 10) / 10)) * span1 / 365.25
    cc = np.repeat(np.arange(nc), rng.poisson(lam))
    nk = len(cc)
    c_date = _weekday(p_start[cc] + pd.to_timedelta(np.floor(rng.random(nk) * span1[cc]),
                                                    unit="D").to_numpy())
    handled = rng.random(nk) < HANDLED_WELL
    leave = rng.random(nk) < np.where(handled, LEAVE_AFTER_GOOD,
                                      np.where(q[cc] >= TOP_QUANTILE, LEAVE_AFTER_BAD_TOP, LEAVE_AFTER_BAD))
    leave_at = c_date + _days(rng, *LEAVE_DAYS, nk)
    cand = pd.Series(np.where(leave, leave_at, np.datetime64("NaT")).astype("datetime64[ns]")).groupby(cc).min()
    end1 = end1.copy()
    ci = cand.dropna().index.to_numpy()
    end1[ci] = np.minimum(end1[ci], cand.dropna().to_numpy().astype("datetime64[ns]"))
    keep = c_date <= end1[cc]
    # reactivation of part of the churned customers (churned early enough to come back in the data)
    churned = end1 < ref - np.timedelta64(200, "D")
    back = churned & (rng.random(nc) < REACTIVATION)
    ret = _weekday(end1 + _days(rng, *RETURN_DAYS, nc))
    back &= ret < ref - np.timedelta64(20, "D")
    life2 = np.minimum(rng.exponential(1.0 / hazard), MAX_LIFE_YEARS) * 365.25
    end2 = ret + pd.to_timedelta(np.round(life2), unit="D").to_numpy()
    return {"end1": end1, "back": back, "ret": ret, "end2": end2,
            "cc": cc[keep], "c_date": c_date[keep], "handled": handled[keep]}


def _buying_profile(rng, cust):
    """Cross-selling profile: each customer's weights over the product groups of its order lines
    (machine customers buy more coffee and service contracts)."""
    nc = len(cust["q"])
    pm = np.clip(0.25 + 0.15 * np.log10(cust["employees"] / 10), 0.1, 0.8)
    has_machine = rng.random(nc) < pm
    has_service = np.where(has_machine, rng.random(nc) < 0.75, rng.random(nc) < 0.06)
    has_snacks = rng.random(nc) < SNACK_SHARE[cust["sector_idx"]]
    has_water = rng.random(nc) < 0.30
    return np.column_stack([
        0.08 * has_machine + 0.003,
        0.40 + 0.45 * has_machine,
        0.30 * has_snacks + 0.02,
        0.15 * has_water + 0.02,
        0.14 * has_service + 0.002,
        0.16 + 0.04 * has_machine,
    ])


def _orders(rng, cust, life, line_weights, products):
    """Order lines: order dates in each customer's rhythm, then lines with product and value."""
    freq = np.clip(ORDERS_PER_YEAR[0] * (np.maximum(cust["annual"], 100) / 5000) ** 0.45, *ORDERS_PER_YEAR)
    o_c, o_date = _order_dates(rng, cust, life, 365.25 / freq)
    return _order_lines(rng, cust, freq, line_weights, o_c, o_date, products)


def _order_dates(rng, cust, life, interval):
    """(customer index, date) of every order: a regular replenishment rhythm per active period."""
    ref, start = REFERENCE_DATE.to_datetime64(), START_DATE.to_datetime64()
    acquired, p_start, nc = cust["acquired"], cust["p_start"], len(interval)
    end1, end2, ret = life["end1"], life["end2"], life["ret"]
    first = _weekday(np.where(acquired >= start, acquired, p_start + _days(rng, 1, 60, nc)))
    first = np.minimum(first, np.minimum(end1, ref))
    b_c = np.flatnonzero(life["back"])
    per_c = np.concatenate([np.arange(nc), b_c])
    per_s = np.concatenate([first, ret[b_c]])
    per_e = np.minimum(np.concatenate([end1, end2[b_c]]), ref)
    span = (per_e - per_s) / np.timedelta64(1, "D")
    n_slot = np.floor(np.maximum(span, 0) / interval[per_c]).astype(int) + 1
    s_p = np.repeat(np.arange(len(per_c)), n_slot)
    s_k = np.arange(len(s_p)) - np.repeat(np.cumsum(n_slot) - n_slot, n_slot)
    iv = interval[per_c][s_p]
    jitter = rng.uniform(-INTERVAL_JITTER, INTERVAL_JITTER, len(s_p))
    offset = s_k * iv + np.where(s_k > 0, jitter * iv, 0.0)
    o_date = _weekday(per_s[s_p] + pd.to_timedelta(np.round(offset), unit="D").to_numpy())
    o_c = per_c[s_p]
    okk = (o_date <= per_e[s_p] + np.timedelta64(2, "D")) & (o_date >= per_s[s_p] - np.timedelta64(2, "D"))
    summer = np.isin(pd.DatetimeIndex(o_date).month, (7, 8)) & (s_k > 0)
    okk &= ~(summer & (rng.random(len(o_c)) < SUMMER_SKIP))
    o_c, o_date = o_c[okk], np.minimum(o_date[okk], ref)
    srt = np.lexsort((cust["customer_id"][o_c], o_date))
    return o_c[srt], o_date[srt]


def _order_lines(rng, cust, freq, w, o_c, o_date, products):
    """The orders table: lines per order, product group from the buying profile, a value that
    makes a customer's yearly revenue on average its expected yearly revenue."""
    annual, discount = cust["annual"], cust["discount"]
    mean_lines = np.clip(0.25 + 0.4 * np.log10(np.maximum(annual, 100) / 500), 0.1, 2.2)
    n_lines = 1 + rng.poisson(mean_lines[o_c])
    l_o = np.repeat(np.arange(len(o_c)), n_lines)
    l_c = o_c[l_o]
    line_no = np.arange(len(l_o)) - np.repeat(np.cumsum(n_lines) - n_lines, n_lines) + 1
    g = _pick_rows(rng, w[l_c])
    prod_group_idx = np.array([p[1] for p in PRODUCTS])
    pw = np.array([p[6] for p in PRODUCTS])
    pi = _pick_rows(rng, (prod_group_idx[None, :] == g[:, None]) * pw[None, :])
    price = products["unit_price"].to_numpy()[pi]
    mrate = products["margin_rate"].to_numpy()[pi]
    # a line is worth the customer's expected revenue per line on average: divide by the
    # customer's mean group value and the mean of the lognormal noise
    mean_gfac = (w * GROUP_VALUE).sum(axis=1) / w.sum(axis=1)
    l_date = pd.DatetimeIndex(o_date[l_o])
    season = 1 + SEASON_AMPLITUDE * np.cos(2 * np.pi * (l_date.month.to_numpy() - 1) / 12)
    growth = PRICE_GROWTH ** (l_date.year.to_numpy() - 2021)
    target = (annual[l_c] / (freq[l_c] * (1 + mean_lines[l_c]) * mean_gfac[l_c] * np.exp(LINE_NOISE_SD ** 2 / 2))
              * GROUP_VALUE[g] * season * growth * np.exp(rng.normal(0, LINE_NOISE_SD, len(l_o))))
    unit_net = price * (1 - discount[l_c])
    qty = np.maximum(1, np.round(target / unit_net)).astype(int)
    revenue = _round_money(qty * unit_net)
    return pd.DataFrame({
        "order_id": FIRST_ORDER_ID + l_o,
        "line_id": line_no,
        "customer_id": cust["customer_id"][l_c],
        "date": o_date[l_o],
        "product_id": products["product_id"].to_numpy()[pi],
        "product_group": np.array(PRODUCT_GROUPS, dtype=object)[g],
        "quantity": qty,
        "revenue": revenue,
        "margin": _round_money(revenue - qty * price * (1 - mrate)),
    })


def _customers_table(rng, cust, orders):
    """The customers table: status and reactivation from the orders, category spend, contact person."""
    ref, customer_id = REFERENCE_DATE.to_datetime64(), cust["customer_id"]
    last = orders.groupby("customer_id")["date"].max().reindex(customer_id).to_numpy()
    d_last = (ref - last) / np.timedelta64(1, "D")
    status = np.where(d_last <= ACTIVE_DAYS, "actief", np.where(d_last <= INACTIVE_DAYS, "inactief", "ex-klant"))
    od = orders.drop_duplicates(["order_id"])[["customer_id", "date"]]
    gaps = od.groupby("customer_id")["date"].diff().dt.days
    reactivated = gaps.gt(REACTIVATED_GAP_DAYS).groupby(od["customer_id"]).any()
    rev25 = orders[orders["date"].dt.year == 2025].groupby("customer_id")["revenue"].sum()
    rev25 = rev25.reindex(customer_id).fillna(0).to_numpy()
    # what a customer spends on the category at all suppliers is at least what it spent with us
    cat_spend = np.maximum(np.round(cust["spend"], -2), np.round(rev25 * 1.08, -2) + 100)
    employees = cust["employees"]
    return pd.DataFrame({
        "customer_id": customer_id, "name": cust["name"], "sector": cust["sector"],
        "province": cust["province"], "region": cust["region"], "city": cust["city"],
        "street": cust["street"], "postcode": cust["postcode"], "employees": employees,
        "size_class": _size_class(employees), "account_manager": cust["manager"],
        "acquired_on": cust["acquired"], "acquisition_channel": cust["channel"], "status": status,
        "reactivated": reactivated.reindex(customer_id).fillna(False).to_numpy(),
        "contact_person": _persons(rng, len(customer_id)),
        "category_spend": cat_spend.astype(float),
    })


def _all_opportunities(rng, dmu_rng, new_business, leads, lead_extra, cust, life, ams):
    """The opportunities table (new business and existing customers, by creation) and the DMU contacts."""
    opp_new, pres_new, met_new = new_business
    end = np.minimum(np.where(life["back"], life["end2"], life["end1"]), REFERENCE_DATE.to_datetime64())
    cust_info = {"customer_id": cust["customer_id"], "start": cust["p_start"], "end": end,
                 "annual": cust["annual"], "manager": cust["manager"], "employees": cust["employees"]}
    opp_old, pres_old, met_old = _opportunities(rng, leads.iloc[0:0], lead_extra, cust_info, ams)
    opp_all = pd.concat([opp_new, opp_old], ignore_index=True)
    pres = np.vstack([pres_new, pres_old])
    met = np.vstack([met_new, met_old])
    perm = opp_all.sort_values(["created_on", "account_manager"], kind="stable").index.to_numpy()
    opp_all = opp_all.loc[perm].reset_index(drop=True)
    opp_all.insert(0, "opportunity_id", np.arange(1, len(opp_all) + 1))
    return opp_all, _dmu(dmu_rng, opp_all["opportunity_id"].to_numpy(), pres[perm], met[perm])


def _lead_stages(leads, cust):
    """The leads' customer link and the furthest stage each reached."""
    lead_of = cust["lead_of"]
    lead_cust = pd.Series(cust["customer_id"][lead_of > 0], index=lead_of[lead_of > 0])
    leads["customer_id"] = leads["lead_id"].map(lead_cust).astype("Int64")
    leads["stage_reached"] = np.select(
        [leads["customer_id"].notna().to_numpy(), leads["opportunity_on"].notna().to_numpy(),
         leads["sql_on"].notna().to_numpy(), leads["mql_on"].notna().to_numpy()],
        ["klant", "opportunity", "SQL", "MQL"], "lead")


def _prospects(rng, leads, opportunities, used):
    """Prospects: lead companies that never bought, and suspects (no contact); with temperature."""
    ref = REFERENCE_DATE.to_datetime64()
    nl_ = leads[leads["customer_id"].isna()]
    last_contact = nl_[["created_on", "mql_on", "sql_on", "opportunity_on"]].max(axis=1).to_numpy()
    quoted = opportunities[opportunities["lead_id"].notna() & opportunities["quotation_sent"]]
    had_q = nl_["lead_id"].isin(quoted["lead_id"].astype(int)).to_numpy()
    n_s = int(rng.poisson(SUSPECTS_MEAN))
    sus = _companies(rng, n_s, used, pull=SUSPECT_PULL)
    prospects = pd.DataFrame({
        **{col: np.concatenate([nl_[col].to_numpy(), sus[col]])
           for col in ("sector", "province", "region", "employees")},
        "last_contact": np.concatenate([last_contact, np.full(n_s, np.datetime64("NaT"), "datetime64[ns]")]),
        "had_quotation": np.concatenate([had_q, np.zeros(n_s, bool)]),
    })
    prospects.insert(0, "name", np.concatenate([nl_["company"].to_numpy(), sus["name"]]))
    days = (ref - prospects["last_contact"].to_numpy()) / np.timedelta64(1, "D")
    hot = prospects["had_quotation"].to_numpy() & (days <= HOT_DAYS)
    warm = ~hot & ((days <= WARM_DAYS) | prospects["had_quotation"].to_numpy())
    prospects["temperature"] = np.where(hot, "hot", np.where(warm, "warm", "cold"))
    prospects = prospects.sort_values(["name"], kind="stable").reset_index(drop=True)
    prospects.insert(0, "prospect_id", np.arange(1, len(prospects) + 1))
    return prospects


def _complaints(rng, cust, life):
    """Complaints with satisfaction before and after (service recovery paradox)."""
    cc, handled = life["cc"], life["handled"]
    nk = len(cc)
    before = np.clip(np.round(rng.normal(7.2, 1.1, nk)), 1, 10)
    change = np.where(handled, rng.normal(1.0, 0.9, nk), rng.normal(-2.2, 1.1, nk))
    after = np.clip(np.round(before + change), 1, 10)
    complaints = pd.DataFrame({
        "customer_id": cust["customer_id"][cc],
        "date": life["c_date"],
        "category": _pick(rng, COMPLAINT_CATEGORIES, nk, (0.25, 0.22, 0.15, 0.15, 0.15, 0.08)),
        "handled_well": handled,
        "satisfaction_before": before.astype(int),
        "satisfaction_after": after.astype(int),
    }).sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)
    complaints.insert(0, "complaint_id", np.arange(1, nk + 1))
    return complaints


def _nps_moments(rng, cust, life, orders):
    """(customer index, date, moment) of every NPS answer: the November survey and after purchase."""
    ref, p_start, customer_id = REFERENCE_DATE.to_datetime64(), cust["p_start"], cust["customer_id"]
    end1, back, ret, end2 = life["end1"][:, None], life["back"][:, None], life["ret"][:, None], life["end2"][:, None]
    nov = np.array([np.datetime64(f"{y}-11-01") for y in range(2021, 2026)])[None, :]
    act_y = (p_start[:, None] <= nov) & ((end1 >= nov) | (back & (ret <= nov) & (end2 >= nov)))
    pc, py = np.nonzero(act_y & (rng.random(act_y.shape) < NPS_SURVEY_SHARE))
    p_date = _weekday(nov[0, py] + _days(rng, 0, 27, len(pc)))
    oo = orders.drop_duplicates("order_id")
    pick = rng.random(len(oo)) < NPS_AFTER_PURCHASE
    ac = pd.Series(np.arange(len(customer_id)), index=customer_id).loc[oo["customer_id"].to_numpy()[pick]].to_numpy()
    a_date = _weekday(oo["date"].to_numpy()[pick] + _days(rng, 5, 20, pick.sum()))
    a_ok = a_date <= ref
    moment = np.concatenate([np.full(len(pc), "periodiek"), np.full(a_ok.sum(), "na aankoop")])
    return np.concatenate([pc, ac[a_ok]]), np.concatenate([p_date, a_date[a_ok]]), moment


def _nps(rng, cust, life, orders, ams):
    """NPS answers: the score follows the experience minus expectation gap plus sector, account
    manager and quarter effects."""
    n_c, n_d, moment = _nps_moments(rng, cust, life, orders)
    nr = len(n_c)
    am_eff = rng.normal(0, 0.35, len(ams) + 1)  # by manager_id (1..12); index 0 unused
    am_eff[1:] -= am_eff[1:].mean()
    q = pd.DatetimeIndex(n_d)
    qi = (q.year.to_numpy() - 2021) * 4 + (q.quarter.to_numpy() - 1)
    n_quarters = 4 * 5  # 2021-2025
    q_eff = rng.normal(0, 0.25, n_quarters) + np.where(np.arange(n_quarters) // 4 == NPS_BAD_YEAR, -0.35, 0.0)
    expectation = np.clip(np.round(rng.normal(7.3, 1.1, nr)), 1, 10)
    eff = (NPS_SECTOR_EFFECT[cust["sector_idx"][n_c]] + am_eff[cust["manager"][n_c]] + q_eff[qi]
           + 0.2 * (moment == "na aankoop"))
    experience = np.clip(np.round(expectation + eff + rng.normal(0.1, 1.2, nr)), 1, 10)
    score = np.clip(np.round(7.9 + 0.55 * (experience - expectation) + 0.7 * eff + rng.normal(0, 1.35, nr)), 0, 10)
    nps = pd.DataFrame({
        "customer_id": cust["customer_id"][n_c],
        "date": n_d,
        "score": score.astype(int),
        "moment": moment,
        "expectation": expectation.astype(int),
        "experience": experience.astype(int),
    }).sort_values(["date", "customer_id"], kind="stable").reset_index(drop=True)
    nps.insert(0, "response_id", np.arange(1, nr + 1))
    return nps


# --------------------------------------------------------------------------- market, activity, tenders
MARKET_ORGANISATIONS = 45_000  # potential buyers in the Netherlands (organisations, 2021)
MARKET_SECTOR_WEIGHT = np.array([0.17, 0.10, 0.04, 0.40, 0.17, 0.12])
CLASS_PENETRATION = np.array([0.75, 0.6, 0.8, 0.65, 0.7, 0.85])
EXTRA_BIDDERS = ("Koffie Service Oost", "Vendingpartner Zuid", "Drankautomaten Direct")
# cold-call chain before the leads: call -> decision maker reached, decision maker -> interest (a lead)
CALL_RATES = (0.30, 0.45)
REVENUE_TARGET_GROWTH, PLAN_YEAR_GROWTH = 1.06, 1.07  # revenue target: the month a year earlier x this
ACTIVITY_TARGET_GROWTH = 1.05  # activity targets: last year's activity x this
PLAN_YEAR = 2026
# procedures below the EU threshold (the buyers' own policy): nationaal from NATIONAL_FROM,
# meervoudig onderhands from MULTIPLE_FROM, below that meervoudig or enkelvoudig onderhands
NATIONAL_FROM, MULTIPLE_FROM = 100_000, 50_000
BPKV_SHARE_EU, BPKV_SHARE_NATIONAL = 0.9, 0.75  # awarded on BPKV, the rest on laagste prijs
BPKV_PRICE_WEIGHTS = (30, 40, 50, 60)  # the price's points out of 100
KEY_ACCOUNTS = 40  # the customers with the most revenue 2021-2025
UNCOUPLING_DROP = 0.4  # a revenue drop of more than this makes a key account uncoupling KAM
KAM_SOW_FROM = (0.2, 0.35, 0.5, 0.7)  # share of wallet from which early, mid, partnership, synergistic KAM


def _market(rng, orders, customers):
    years = np.arange(2021, 2026)
    grid = pd.MultiIndex.from_product([years, SECTORS, REGIONS], names=["year", "sector", "region"])
    o = orders[["customer_id", "date", "revenue"]].assign(year=orders["date"].dt.year)
    per = o.groupby(["year", "customer_id"], as_index=False)["revenue"].sum()
    c = customers.set_index("customer_id")
    per = per.join(c[["sector", "region", "category_spend"]], on="customer_id")
    # what our customers spend on the category at all suppliers (at least what they bought from us)
    per["spend"] = np.maximum(per["category_spend"], per["revenue"] * 1.05)
    g = per.groupby(["year", "sector", "region"], observed=True)
    own = pd.DataFrame({"own_sales": g["revenue"].sum(), "own_buyers": g["customer_id"].nunique(),
                        "own_spend": g["spend"].sum()})
    own = own.reindex(grid).fillna(0).reset_index()
    n = len(own)
    s_i = pd.Categorical(own["sector"], categories=SECTORS).codes
    r_i = pd.Categorical(own["region"], categories=REGIONS).codes
    y = own["year"].to_numpy() - 2021
    region_w = np.array([sum(v[3] for v in PROVINCES.values() if v[0] == reg) for reg in REGIONS])
    region_w = region_w / region_w.sum()
    cell = np.exp(rng.normal(0, 0.08, (len(SECTORS), len(REGIONS))))[s_i, r_i]
    potential = np.round(MARKET_ORGANISATIONS * region_w[r_i] * MARKET_SECTOR_WEIGHT[s_i] * cell
                         * (1 + 0.005 * y))
    buyers = np.round(potential * CLASS_PENETRATION[s_i] * np.exp(rng.normal(0, 0.03, n)) * (1 + 0.01 * y))
    own_buyers = own["own_buyers"].to_numpy().astype(int)
    buyers = np.maximum(buyers, own_buyers + 5).astype(int)
    potential = np.maximum(potential, buyers + 1).astype(int)
    typical = SPEND_PER_EMPLOYEE[s_i] * 60 * np.exp(rng.normal(0, 0.08, n)) * 1.02 ** y
    class_sales = np.round(own["own_spend"].to_numpy() + (buyers - own_buyers) * typical, -3)
    ppb = np.round(class_sales / buyers * rng.uniform(1.15, 1.35, n), -1)
    market = pd.DataFrame({
        "year": own["year"].to_numpy(), "sector": own["sector"], "region": own["region"],
        "potential_buyers": potential, "buyers": buyers, "purchase_per_buyer": ppb,
        "class_sales": class_sales, "own_buyers": own_buyers,
        "own_sales": _round_money(own["own_sales"].to_numpy()),
    })
    # competitors share what is left after own sales and small suppliers
    strength = np.exp(rng.normal(0, 0.5, (len(REGIONS), len(COMPETITORS))))
    strength[:, 0] *= 1.6
    w = strength[r_i] * np.exp(rng.normal(0, 0.25, (n, len(COMPETITORS))))
    w = w / w.sum(axis=1, keepdims=True)
    rest = class_sales - market["own_sales"].to_numpy()
    comp_total = rest * rng.uniform(0.70, 0.82, n)
    sales = np.round(w * comp_total[:, None], -3)
    comp = pd.DataFrame({
        "year": np.repeat(market["year"].to_numpy(), len(COMPETITORS)),
        "sector": np.repeat(market["sector"].to_numpy(), len(COMPETITORS)),
        "region": np.repeat(market["region"].to_numpy(), len(COMPETITORS)),
        "competitor": np.tile(np.array(COMPETITORS, dtype=object), n),
        "sales": sales.ravel(),
    })
    order = np.argsort(-sales, axis=1, kind="stable")
    market["largest_competitor"] = np.array(COMPETITORS, dtype=object)[order[:, 0]]
    market["largest_competitor_sales"] = sales[np.arange(n), order[:, 0]]
    market["second_competitor_sales"] = sales[np.arange(n), order[:, 1]]
    return market, comp


def _cold_calls(rng, ams, leads, opportunities):
    """The cold-acquisition chain a month per account manager, the same story as the leads: every
    koude-acquisitie lead is a decision maker reached who showed interest, an SQL among them an
    appointment, its opportunity's quotation a quotation and a won one an order (a new customer);
    the other decision makers reached and the calls before them are drawn around CALL_RATES."""
    months = pd.date_range(START_DATE, REFERENCE_DATE, freq="MS")
    grid = pd.MultiIndex.from_product([months, ams["manager_id"]], names=["month", "manager_id"]).to_frame(index=False)
    a = ams.set_index("manager_id")
    grid = grid[grid["month"].to_numpy() >= pd.to_datetime(a.loc[grid["manager_id"], "start_date"]).to_numpy()]
    grid = grid.reset_index(drop=True)
    cold = leads[leads["source"] == LEAD_SOURCES[1]]
    opp = opportunities[opportunities["lead_id"].isin(cold["lead_id"])]
    manager = pd.Series(opp["account_manager"].to_numpy(), index=opp["lead_id"].astype(int).to_numpy())
    month = pd.DatetimeIndex(cold["created_on"]).to_period("M").to_timestamp()
    # the lead's own manager when it became an opportunity, else a manager of its region active that month
    who = cold["lead_id"].map(manager).to_numpy(dtype=float, na_value=np.nan, copy=True)
    todo = np.flatnonzero(np.isnan(who))
    for i in todo:
        active = grid[(grid["month"] == month[i])
                      & (a.loc[grid["manager_id"], "region"].to_numpy() == cold["region"].iloc[i])]
        ids = active["manager_id"].to_numpy()
        weight = np.where(a.loc[ids, "role"].to_numpy() == "hunter", 3.0, 1.0)
        who[i] = rng.choice(ids, p=weight / weight.sum())
    who = who.astype(int)

    def per_cell(when, managers):
        key = pd.MultiIndex.from_arrays([pd.DatetimeIndex(when).to_period("M").to_timestamp(), managers])
        counts = pd.Series(1, index=key).groupby(level=[0, 1]).sum()
        return counts.reindex(pd.MultiIndex.from_frame(grid)).fillna(0).astype(int).to_numpy()

    reached = per_cell(cold["created_on"], who)
    sql = cold["sql_on"].notna().to_numpy()
    appt = per_cell(cold["sql_on"][sql], who[sql])
    quoted = opp[opp["quotation_sent"].to_numpy()]
    quot = per_cell(quoted["created_on"], quoted["account_manager"].to_numpy())
    won = opp[opp["outcome"] == "gewonnen"]
    orders = per_cell(won["closed_on"], won["account_manager"].to_numpy())
    m_eff = rng.normal(0, 0.15, (len(ams) + 1, 2))  # by manager_id; row 0 unused
    mi = grid["manager_id"].to_numpy()
    # before the leads: decision makers reached who showed no interest (no lead) and calls that
    # did not reach a decision maker, around the typical rates
    p_lead = np.clip(CALL_RATES[1] * np.exp(m_eff[mi, 1]), 0.05, 0.9)
    p_dm = np.clip(CALL_RATES[0] * np.exp(m_eff[mi, 0]), 0.05, 0.9)
    dm = reached + rng.negative_binomial(np.maximum(reached, 1), p_lead) * (reached > 0)
    calls = dm + rng.negative_binomial(np.maximum(dm, 1), p_dm) * (dm > 0)
    return pd.DataFrame({"month": grid["month"], "manager_id": mi, "calls": calls,
                         "decision_maker_reached": dm, "appointments": appt,
                         "quotations": quot, "orders": orders})


def _targets(rng, orders, cold_calls, customers):
    months = pd.date_range(START_DATE, f"{PLAN_YEAR}-12-01", freq="MS")
    rev = orders.groupby(orders["date"].dt.to_period("M").dt.to_timestamp())["revenue"].sum()
    cc = cold_calls.groupby("month")[["calls", "appointments", "quotations"]].sum()
    new = customers[customers["acquired_on"] >= START_DATE]
    new_y = new.groupby(pd.DatetimeIndex(new["acquired_on"]).year).size()
    out = []
    for m in months:
        prev = m - pd.DateOffset(years=1)
        if m.year == 2021:
            base_rev = rev.get(m, 0.0) * rng.uniform(0.93, 1.03)
            base_cc = cc.loc[m] * rng.uniform(0.95, 1.05)
            base_new = new_y.get(2021, 0) * rng.uniform(0.9, 1.0)
            f = 1.0
        else:
            base_rev, base_cc, base_new = rev.get(prev, 0.0), cc.loc[prev], new_y.get(prev.year, 0)
            f = PLAN_YEAR_GROWTH if m.year == PLAN_YEAR else REVENUE_TARGET_GROWTH
        out.append((m, round(base_rev * f, -3), int(np.ceil(round(base_new * f / 12, 9))),
                    int(round(base_cc["calls"] * ACTIVITY_TARGET_GROWTH, -1)),
                    int(np.ceil(base_cc["appointments"] * ACTIVITY_TARGET_GROWTH)),
                    int(np.ceil(base_cc["quotations"] * ACTIVITY_TARGET_GROWTH))))
    return pd.DataFrame(out, columns=["month", "revenue_target", "new_customers_target", "calls_target",
                                      "appointments_target", "quotations_target"])


TENDERS_PER_YEAR = 30  # tenders Brandwijk bids on (Poisson mean)
TENDER_FIRST, TENDER_LAST = "2021-01-04", "2025-09-30"  # publication window: all awarded by 2025-12-31
CONTRACT_YEARS = 4  # a tender's contract term: its estimated value is this many years of the lot
# the buyers: per BUYER_TYPES, the share of tenders, the kinds of organisation and their sector
TENDER_BUYER_SHARES = (0.15, 0.55, 0.30)
CENTRAL_BODIES = tuple(f"{kind} {topic}" for kind in ("Rijksdienst voor", "Dienst", "Agentschap")
                       for topic in ("Voorbeeldbeheer", "Oefendata", "Proefuitvoering", "Testbeleid",
                                     "Fictieve Zaken", "Modelregistratie", "Casusbeheer", "Leerlijnen"))
DECENTRAL_KINDS = ("Gemeente", "Waterschap", "Omgevingsdienst", "Veiligheidsregio")
INSTITUTION_KINDS = {"Hogeschool": "Onderwijs", "Ziekenhuis": "Zorg", "ROC": "Onderwijs",
                     "Universiteit": "Onderwijs"}


def _tender_buyer_names(rng, btype, used):
    """A unique name per tender's buyer: every tender comes from an organisation that is not yet a
    customer or lead (a re-tender of a customer is a contract renewal, not a new lead)."""
    central = [name for name in CENTRAL_BODIES if name not in used]
    rng.shuffle(central)
    names, kinds = np.empty(len(btype), dtype=object), np.empty(len(btype), dtype=object)
    for i, t in enumerate(btype):
        if t == 0 and central:
            names[i], kinds[i] = central.pop(), "centraal"
            used.add(names[i])
            continue
        pool = DECENTRAL_KINDS if t != 2 else tuple(INSTITUTION_KINDS)
        while True:
            kind = pool[rng.integers(len(pool))]
            name = f"{kind} {_places(rng, 1)[0]}"
            if name not in used:
                break
        used.add(name)
        names[i], kinds[i] = name, kind
    return names, kinds


def _tenders(rng, used):
    """The tenders Brandwijk bid on, the bids, the thresholds, and each tender's buyer with the award
    (the tender leads follow from these buyers)."""
    first, last = pd.Timestamp(TENDER_FIRST), pd.Timestamp(TENDER_LAST)
    n = int(rng.poisson(TENDERS_PER_YEAR * (last - first).days / 365))
    published = np.sort(_weekday(first.to_datetime64() + _days(rng, 0, (last - first).days, n)))
    btype = rng.choice(3, size=n, p=list(TENDER_BUYER_SHARES))
    names, kinds = _tender_buyer_names(rng, btype, used)
    btype = np.where((btype == 0) & (kinds != "centraal"), 1, btype)  # no central body left: decentral
    sector = np.where(btype < 2, "Overheid", pd.Series(kinds).map(INSTITUTION_KINDS).to_numpy())
    sector_idx = pd.Categorical(sector, categories=SECTORS).codes
    # public bodies that tender are larger than the average organisation of their sector
    employees = np.round(np.exp(rng.normal(np.log(450.0), 1.1, n)))
    employees = np.clip(employees / (1 + employees / EMPLOYEES_CAP[sector_idx]), 20, None).astype(int)
    spend = employees * SPEND_PER_EMPLOYEE[sector_idx] * np.exp(rng.normal(0.0, SPEND_NOISE, n))
    lot = rng.beta(4.0, 4.0, n)  # the lot's share of the buyer's category spend
    value = np.maximum(np.round(spend * lot * CONTRACT_YEARS, -3), 5_000.0)
    prov, region, city, street, postcode = _geography(rng, n)
    contract = np.where(rng.random(n) < 0.6, "leveringen", "diensten")
    thresholds = EU_THRESHOLDS.copy()
    category = np.array([BUYER_CATEGORY[BUYER_TYPES[b]] for b in btype], dtype=object)
    limit = np.array([thresholds.loc[(thresholds["category"] == c) & (thresholds["valid_from"] <= d)
                                     & (thresholds["valid_to"] >= d), "amount"].iloc[0]
                      for c, d in zip(category, published)])
    eu = value >= limit
    eu_proc = _pick(rng, PROCEDURES[:3], n, (0.7, 0.2, 0.1))
    low = np.where(rng.random(n) < 0.5, "meervoudig onderhands", "enkelvoudig onderhands")
    proc = np.where(eu, eu_proc, np.where(value >= NATIONAL_FROM, "nationaal",
                                          np.where(value >= MULTIPLE_FROM, "meervoudig onderhands", low)))
    bpkv = rng.random(n) < np.where(eu, BPKV_SHARE_EU, BPKV_SHARE_NATIONAL)
    pw = np.where(bpkv, _pick(rng, BPKV_PRICE_WEIGHTS, n).astype(int), 100)
    maxq = np.where(bpkv, _pick(rng, (10, 100), n).astype(int), 0)
    tenders = pd.DataFrame({
        "tender_id": np.arange(1, n + 1), "buyer": names,
        "buyer_type": np.array(BUYER_TYPES, dtype=object)[btype], "published_on": published,
        "contract_type": contract, "estimated_value": value, "procedure": proc,
        "award_criterion": np.where(bpkv, "BPKV", "laagste prijs"),
        "price_weight": pw, "quality_weight": 100 - pw, "max_quality_score": maxq,
    })
    nb = np.where(proc == "enkelvoudig onderhands", 1,
                  np.where(proc == "meervoudig onderhands", rng.integers(3, 6, n), rng.integers(3, 8, n)))
    pool = np.array(COMPETITORS + EXTRA_BIDDERS, dtype=object)
    rows, own_won = [], np.zeros(n, bool)
    for t in range(n):
        others = pool[rng.permutation(len(pool))[: nb[t] - 1]]
        names_t = np.concatenate([[OWN_NAME], others])
        k = len(names_t)
        own = np.arange(k) == 0
        price = np.round(value[t] * np.exp(rng.normal(-0.03, 0.09, k)) * np.where(own, 1.03, 1.0), -1)
        if bpkv[t]:
            qual = np.clip(rng.normal(0.70, 0.12, k) + 0.04 * own, 0.2, 1.0) * maxq[t]
            qual = np.round(qual, 1)
            total = price.min() / price * pw[t] + qual / maxq[t] * (100 - pw[t])
        else:
            qual = np.full(k, np.nan)
            total = price.min() / price * 100
        own_won[t] = total[0].round(9) >= total.max().round(9)  # as leads.tender_results ranks
        rows.append(pd.DataFrame({"tender_id": t + 1, "bidder": names_t, "price": price,
                                  "quality_score": qual, "is_own": own}))
    bids = pd.concat(rows, ignore_index=True)
    awarded = _weekday(published + _days(rng, 35, 70, n))
    how = np.where(bpkv, "beste prijs-kwaliteitverhouding", "laagste prijs")
    reason = np.where(own_won, "aanbesteding gegund op " + how,
                      "aanbesteding gegund aan een andere inschrijver (" + how + ")")
    buyers = {"name": names, "sector_idx": sector_idx, "employees": employees, "spend": spend,
              "sow": lot, "large": employees >= LARGE_EMPLOYEES * 10, "province": prov, "region": region,
              "city": city, "street": street, "postcode": postcode, "published_on": published,
              "own_won": own_won, "awarded_on": awarded, "reason": reason.astype(object)}
    return tenders, bids, thresholds, buyers


def _key_accounts(rng, orders, customers, nps, n_accounts=KEY_ACCOUNTS):
    o = orders.assign(year=orders["date"].dt.year)
    total = o.groupby("customer_id")["revenue"].sum().sort_values(ascending=False, kind="stable")
    top = total.index[:n_accounts].to_numpy()
    yr = o[o["customer_id"].isin(top)].groupby(["customer_id", "year"])[["revenue", "margin"]].sum()
    yr = yr.reset_index()
    c = customers.set_index("customer_id")
    n = len(yr)
    spend = c.loc[yr["customer_id"], "category_spend"].to_numpy() * 1.03 ** (yr["year"].to_numpy() - 2025)
    spend = spend * np.exp(rng.normal(0, 0.05, n))
    spend = np.maximum(np.round(spend, -2), np.round(yr["revenue"].to_numpy() * 1.05, -2) + 100)
    spend = np.where(yr["year"].to_numpy() == 2025, np.maximum(c.loc[yr["customer_id"], "category_spend"].to_numpy(), spend), spend)
    rev = _round_money(yr["revenue"].to_numpy())
    sow = np.round(rev / spend, 4)
    prev = yr.groupby("customer_id")["revenue"].shift(1).to_numpy()
    dropping = (prev > 0) & (yr["revenue"].to_numpy() < (1 - UNCOUPLING_DROP) * np.nan_to_num(prev))
    # KAM_STAGES: pre, early, mid, partnership, synergistic KAM by share of wallet; uncoupling last
    stage = np.select([dropping] + [sow < cut for cut in KAM_SOW_FROM],
                      [KAM_STAGES[-1]] + list(KAM_STAGES[:4]), KAM_STAGES[4])
    cust_ids = yr["customer_id"].to_numpy()
    uid, inv = np.unique(cust_ids, return_inverse=True)
    k = len(uid)
    spend_rank = pd.Series(c.loc[uid, "category_spend"].to_numpy()).rank(pct=True).to_numpy()
    marg = (yr.groupby("customer_id")["margin"].sum() / yr.groupby("customer_id")["revenue"].sum()).loc[uid].to_numpy()
    marg_rank = pd.Series(marg).rank(pct=True).to_numpy()
    nps_mean = nps.groupby("customer_id")["score"].mean().reindex(uid).fillna(7.0).to_numpy()
    grow = rng.integers(3, 10, k)
    imago = rng.integers(4, 11, k)
    fit = rng.integers(4, 10, k)
    ncomp = rng.integers(1, 4, k)
    comp_names = ["; ".join(sorted(rng.choice(COMPETITORS, size=m, replace=False))) for m in ncomp]
    ka = pd.DataFrame({
        "customer_id": cust_ids, "year": yr["year"].to_numpy(), "category_spend": spend.astype(float),
        "our_revenue": rev, "share_of_wallet": sow, "kam_stage": stage,
        "omvang": np.clip(np.round(4 + 6 * spend_rank[inv]), 1, 10).astype(int),
        "groeipotentieel": grow[inv],
        "marge": np.clip(np.round(2 + 8 * marg_rank[inv]), 1, 10).astype(int),
        "imago": imago[inv],
        "relatie": np.clip(np.round(nps_mean[inv] - 1), 1, 10).astype(int),
        "aandeel": np.clip(np.round(1 + 9 * sow), 1, 10).astype(int),
        "productfit": fit[inv],
        "competitors_at_customer": np.array(comp_names, dtype=object)[inv],
    })
    return ka


# --------------------------------------------------------------------------- types
#: {table: {column: dtype}}: the data contract of salesnb/schema.py, in CSV column order.
SCHEMA: dict[str, dict[str, object]] = {table: _schema_dtypes(table) for table in _SCHEMAS}


def _typed(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Apply the column contract (order and dtypes) of ``table``."""
    spec = SCHEMA[table]
    out = {}
    for col, kind in spec.items():
        s = pd.Series(df[col]).reset_index(drop=True)
        if isinstance(kind, pd.CategoricalDtype):
            if isinstance(s.dtype, pd.CategoricalDtype) and not (  # parsed as category: recode
                    s.cat.ordered == kind.ordered and s.cat.categories.equals(kind.categories)):
                if not set(s.cat.categories) <= set(kind.categories):
                    raise ValueError(f"{table}.{col}: value outside {list(kind.categories)}")
                s = s.cat.set_categories(kind.categories, ordered=kind.ordered)
            elif s.dtype != kind:
                values = s.to_numpy(dtype=object)
                s = pd.Series(pd.Categorical(values, dtype=kind))
                if s.isna().sum() != pd.isna(values).sum():  # a value outside the categories
                    raise ValueError(f"{table}.{col}: value outside {list(kind.categories)}")
        elif kind == "int":
            s = s.astype("int64")
        elif kind == "Int64":
            s = s.astype("Int64")
        elif kind == "float":
            s = s.astype("float64")
        elif kind == "bool":
            s = s.astype(bool)
        elif kind == "date":
            s = pd.to_datetime(s, format="ISO8601") if s.dtype == object or pd.api.types.is_string_dtype(s) else s
            s = s.astype("datetime64[ns]")
        else:
            s = s.astype("str")
        out[col] = s
    return pd.DataFrame(out)


# --------------------------------------------------------------------------- public API
def _env_seed() -> int:
    raw = os.environ.get("SALESNB_SEED", "").strip()
    if not raw:
        from .login import login_seed  # on a JupyterHub the login picks the dataset

        seed = login_seed()
        return DEFAULT_SEED if seed is None else seed
    try:
        return _check_seed(raw)
    except InputError:
        import warnings

        warnings.warn(f"SALESNB_SEED={raw!r} is geen geldig seednummer; de standaarddataset "
                      f"({DEFAULT_SEED}) wordt gebruikt.", stacklevel=2)
        return DEFAULT_SEED


def _check_seed(seed) -> int:
    if isinstance(seed, (bool, np.bool_)):
        seed = None
    if isinstance(seed, (int, np.integer)) and seed >= 0:
        return int(seed)
    if isinstance(seed, str) and seed.strip().isdigit() and seed.strip().isascii():
        return int(seed.strip())
    raise InputError(
        f"Het seednummer moet een geheel getal van 0 of meer zijn (bijvoorbeeld je studentnummer), "
        f"maar is {seed!r}. Schrijf bijvoorbeeld use_seed(123456) of use_seed('123456')."
    )


_STATE = {"seed": None}


def current_seed() -> int:
    """The seed of the dataset in use (the default unless ``use_seed`` or SALESNB_SEED changed it).

    >>> current_seed() == (_STATE["seed"] if _STATE["seed"] is not None else _env_seed())
    True
    """
    if _STATE["seed"] is None:
        _STATE["seed"] = _env_seed()
    return _STATE["seed"]


def use_seed(seed) -> int:
    """Switch the whole companion to a personal dataset (e.g. your student number).

    ``use_seed(None)`` returns to the standard dataset. Returns the seed now in use.

    >>> use_seed("123456")
    123456
    >>> use_seed(None) == DEFAULT_SEED
    True
    """
    _STATE["seed"] = DEFAULT_SEED if seed is None else _check_seed(seed)
    return _STATE["seed"]


@functools.lru_cache(maxsize=8)
def _cached(seed: int) -> dict[str, pd.DataFrame]:
    return _generate(seed)


_READ_DTYPES = {"int": "int64", "Int64": "Int64", "float": "float64", "str": str}


def _read_options(table: str) -> tuple[dict, list[str]]:
    """read_csv dtypes and date columns for ``table``: typed while parsing (faster than afterwards).

    Categories are read as plain categoricals and checked against the contract in :func:`_typed`;
    bools are left to the parser (a missing value stays visible); dates have one fixed format
    (anything else stays text and is parsed as ISO 8601 in :func:`_typed`).

    >>> _read_options("eu_thresholds")
    ({'category': 'category', 'amount': 'float64'}, ['valid_from', 'valid_to'])
    """
    dtypes, dates = {}, []
    for col, kind in SCHEMA[table].items():
        if kind == "date":
            dates.append(col)
        elif isinstance(kind, pd.CategoricalDtype):
            dtypes[col] = "category"
        elif kind in _READ_DTYPES:
            dtypes[col] = _READ_DTYPES[kind]
    return dtypes, dates


@functools.lru_cache(maxsize=None)
def _csv_table(table: str, mtime: float) -> pd.DataFrame:
    path = DATA_DIR / f"{table}.csv"
    dtypes, dates = _read_options(table)
    df = pd.read_csv(path, encoding="utf-8", dtype=dtypes, keep_default_na=False, na_values=[""],
                     parse_dates=dates, date_format="%Y-%m-%d")
    return _typed(table, df)


def _check_table(table) -> str:
    if not isinstance(table, str) or table not in TABLES:
        import difflib

        close = difflib.get_close_matches(str(table), TABLES, n=1)
        hint = f" Bedoel je '{close[0]}'?" if close else ""
        raise InputError(
            f"Er is geen tabel {table!r}.{hint} Kies uit: {', '.join(TABLES)}."
        )
    return table


def generate(seed=DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """Generate every table of the sample company for ``seed`` (reproducible).

    >>> tables = generate()
    >>> sorted(tables) == sorted(TABLES)
    True
    >>> tables["customers"]["customer_id"].is_unique
    True
    """
    tables = _cached(_check_seed(seed))
    return {name: df.copy() for name, df in tables.items()}


def load(table: str, seed=None) -> pd.DataFrame:
    """One table of the sample company as a typed DataFrame (dates, categories, ids).

    ``seed=None`` uses the current seed (see :func:`use_seed`).

    >>> klanten = load("customers")
    >>> klanten["status"].cat.categories.tolist()
    ['actief', 'inactief', 'ex-klant']
    >>> load("klanten")
    Traceback (most recent call last):
    ...
    salesnb.errors.InputError: Er is geen tabel 'klanten'. Kies uit: ...
    """
    table = _check_table(table)
    seed = current_seed() if seed is None else _check_seed(seed)
    path = DATA_DIR / f"{table}.csv"
    if seed == DEFAULT_SEED and path.exists():
        df = _csv_table(table, path.stat().st_mtime)
    else:
        df = _cached(seed)[table]
    return df.copy()


def load_all(seed=None) -> dict[str, pd.DataFrame]:
    """All tables as a dict {name: DataFrame} (see :func:`load`).

    >>> sorted(load_all()) == sorted(TABLES)
    True
    """
    return {name: load(name, seed) for name in TABLES}


def write_csvs(directory=DATA_DIR, seed=DEFAULT_SEED) -> list[Path]:
    """Write every table as CSV (UTF-8, ISO dates, '.' decimals); returns the paths.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_csvs(tmp)
    >>> len(paths) == len(TABLES)
    True
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tables = _cached(_check_seed(seed))
    paths = []
    for name in TABLES:
        path = directory / f"{name}.csv"
        tables[name].to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d",
                            lineterminator="\n")
        paths.append(path)
    return paths
