"""The course's fixed lists and the sample company's constants, each written down once.

The generator (:mod:`salesnb.data`), the data contract and the theme modules import
these names from here, so a stage, role or threshold is never typed twice. A list in
course order is a tuple; a mapping is a dict whose keys are in course order.

>>> from salesnb import vocabulary as voc
>>> voc.LEAD_STAGES[0], voc.LEAD_FUNNEL_STAGES[0]
('suspect', 'lead')
>>> voc.FUNNEL_STAGES[-1], voc.STAGE_PROBABILITY["offerte"]
('gewonnen', 0.5)
>>> voc.OWN_NAME
'Brandwijk Koffie & Vending'
"""

from __future__ import annotations

import pandas as pd

__all__ = [
    "COMPANY",
    "OWN_NAME",
    "REGIONS",
    "SECTORS",
    "SIZE_CLASSES",
    "CUSTOMER_STATUSES",
    "PRODUCT_GROUPS",
    "LEAD_SOURCES",
    "CAMPAIGN_CHANNELS",
    "LEAD_CHANNELS",
    "RELATION_CHANNELS",
    "LEAD_STAGES",
    "LEAD_FUNNEL_STAGES",
    "MQL_THRESHOLD",
    "OPPORTUNITY_STAGES",
    "OPEN_STAGES",
    "FUNNEL_STAGES",
    "STAGE_PROBABILITY",
    "OPPORTUNITY_OUTCOMES",
    "SABONE",
    "MOTIVES",
    "MOTIVE_TYPES",
    "BUYING_SITUATIONS",
    "DMU_ROLES",
    "TEAM_MEMBERS",
    "ACCOUNT_MANAGER_ROLES",
    "TEMPERATURES",
    "KAM_STAGES",
    "NPS_MOMENTS",
    "COMPLAINT_CATEGORIES",
    "COMPETITORS",
    "BUYER_TYPES",
    "CONTRACT_TYPES",
    "PROCEDURES",
    "AWARD_CRITERIA",
    "THRESHOLD_CATEGORIES",
    "BUYER_CATEGORY",
    "EU_THRESHOLDS",
]

# --------------------------------------------------------------------------- the sample company

#: The fictional sample company's letterhead (sender of offertes and accountplans).
COMPANY = {
    "name": "Brandwijk Koffie & Vending B.V.",
    "street": "Kapelweg 12",
    "postcode": "3818 BN",
    "city": "Amersfoort",
    "kvk": "12345678 (fictief)",
    "btw": "NL000000000B00 (fictief)",
    "iban": "NL00 FICT 0000 0000 00",
    "email": "verkoop@brandwijk-koffie.example",
    "phone": "033 000 00 00",
    "website": "www.brandwijk-koffie.example",
}

#: The company's name as it appears in the data (tender bids, offers): without the legal form.
OWN_NAME = COMPANY["name"].removesuffix(" B.V.")

# --------------------------------------------------------------------------- market and customers

#: The five regions of the Netherlands used in the market tables (§2); the company sits in Midden.
REGIONS = ("Noord", "Oost", "Midden", "West", "Zuid")

#: The sectors the company sells to (market segmentation, §2).
SECTORS = ("Zorg", "Onderwijs", "Overheid", "Zakelijke dienstverlening", "Industrie", "Horeca & recreatie")

#: Size classes by employees: klein < 50 <= middelgroot < 250 <= groot.
SIZE_CLASSES = ("klein", "middelgroot", "groot")

#: A customer's status at the peildatum, from its last order (§6): within 365 days, 365-730, longer.
CUSTOMER_STATUSES = ("actief", "inactief", "ex-klant")

#: The company's product groups (the assortment of the sellogram, §4.2).
PRODUCT_GROUPS = ("Koffiemachines", "Koffie & thee", "Snacks & frisdrank", "Waterkoelers",
                  "Service & onderhoud", "Verbruiksartikelen")

# --------------------------------------------------------------------------- leads (H3)

#: Where a lead comes from (the leads' ``source``, the customers' ``acquisition_channel``, §3.1–3.4).
LEAD_SOURCES = ("online", "koude acquisitie", "netwerken", "aanbesteding")

#: The online campaigns' channels (§3.1: CTR, CPL).
CAMPAIGN_CHANNELS = ("Google Ads", "LinkedIn", "e-mailnieuwsbrief", "vakbeurs")

#: The channel a lead came in through: the campaign channels plus the offline ones.
LEAD_CHANNELS = CAMPAIGN_CHANNELS + ("doorverwijzing", "LinkedIn-netwerk", "telefoon", "TenderNed")

#: The lead channels that reach only people with a relation or a choice of their own: a newsletter goes to
#: subscribers (unsolicited commercial e-mail needs prior consent, also at business addresses), a referral
#: and the LinkedIn network run through a relation, and a buyer publishes a tender itself. Cold prospects
#: (no relation, §3.2) are reached through the other channels.
RELATION_CHANNELS = ("e-mailnieuwsbrief", "doorverwijzing", "LinkedIn-netwerk", "TenderNed")

#: The course's lead stages, from suspect (fits the profile, no contact yet) to klant (§3.1).
#: Sources disagree on the order, so every function takes ``stages=`` as a parameter.
LEAD_STAGES = ("suspect", "lead", "MQL", "SQL", "opportunity", "klant")

#: The lead stages a recorded lead can reach (the leads' ``stage_reached``): a suspect has had
#: no contact yet, so it is not in the leads table. The default of the lead-funnel functions.
LEAD_FUNNEL_STAGES = LEAD_STAGES[1:]

#: The company's MQL threshold: a lead with lead_score (fit + behaviour, 0–100 points) of at
#: least this many points is a marketing qualified lead (§3.1).
MQL_THRESHOLD = 40

# --------------------------------------------------------------------------- opportunities (H5)

#: The opportunity stages of the company's sales funnel, the two closed outcomes last (§5.3).
OPPORTUNITY_STAGES = ("kwalificatie", "behoeftebepaling", "offerte", "onderhandeling", "gewonnen", "verloren")

#: The stages of an open opportunity (not yet won or lost).
OPEN_STAGES = OPPORTUNITY_STAGES[:4]

#: The funnel from first qualification to a won deal (the default of the funnel functions).
FUNNEL_STAGES = OPEN_STAGES + ("gewonnen",)

#: The company's chance to win per stage, for the weighted pipeline (§5.3).
STAGE_PROBABILITY = {"kwalificatie": 0.10, "behoeftebepaling": 0.25, "offerte": 0.50,
                     "onderhandeling": 0.75, "gewonnen": 1.0, "verloren": 0.0}

#: An opportunity's outcome.
OPPORTUNITY_OUTCOMES = ("open", "gewonnen", "verloren")

#: The SABONE buying motives (§4.1): letter → Dutch name.
SABONE = {"S": "zekerheid", "A": "sympathie", "B": "gemak", "O": "trots", "N": "nieuwigheid", "E": "economie"}

#: The buying motives' Dutch names in SABONE order (the opportunities' ``motive``).
MOTIVES = tuple(SABONE.values())

#: Whether a SABONE motive is rational or emotional (§4.1): letter → type. The package's convention:
#: B2B buyers justify security, convenience and economy with arguments; affection, pride and
#: novelty are feelings. A parameter where used.
MOTIVE_TYPES = {"S": "rationeel", "A": "emotioneel", "B": "rationeel",
                "O": "emotioneel", "N": "emotioneel", "E": "rationeel"}

#: The buying situations of the buygrid (Robinson, Faris & Wind, §5.1), most to least effort.
BUYING_SITUATIONS = ("new task", "modified rebuy", "straight rebuy")

#: The roles in the DMU (buying centre, Webster & Wind, §5.1 and §7).
DMU_ROLES = ("initiator", "gebruiker", "beïnvloeder", "beslisser", "inkoper", "poortwachter")

#: Who of the company met a DMU contact.
TEAM_MEMBERS = ("accountmanager", "specialist", "management")

#: The account managers' roles: hunters win new customers, farmers develop existing ones.
ACCOUNT_MANAGER_ROLES = ("hunter", "farmer")

#: A prospect's temperature, coldest first (stappenplan).
TEMPERATURES = ("cold", "warm", "hot")

# --------------------------------------------------------------------------- satisfaction, accounts

#: Millman & Wilson's relational development stages (§7.7), in order; uncoupling last.
KAM_STAGES = ("pre-KAM", "early KAM", "mid KAM", "partnership KAM", "synergistic KAM", "uncoupling KAM")

#: When an NPS answer was asked (§1.1).
NPS_MOMENTS = ("periodiek", "na aankoop")

#: The categories of a complaint (service recovery, §1.2).
COMPLAINT_CATEGORIES = ("levering te laat", "storing machine", "verkeerde levering",
                        "factuurfout", "kwaliteit product", "bejegening")

#: The company's competitors in the market tables (§2).
COMPETITORS = ("Koffiemeesters Nederland", "VendoPlus", "Aroma Bedrijfscatering",
               "De Automatiek Groep", "Bonenhuys Zakelijk")

# --------------------------------------------------------------------------- tenders (§3.4)

#: The kinds of public buyer (Aanbestedingswet).
BUYER_TYPES = ("centrale overheid", "decentrale overheid", "publiekrechtelijke instelling")

#: What a tender buys.
CONTRACT_TYPES = ("leveringen", "diensten")

#: The procedures in the tenders table: three European ones, then the national ones.
PROCEDURES = ("openbaar", "niet-openbaar", "mededingingsprocedure met onderhandeling",
              "nationaal", "meervoudig onderhands", "enkelvoudig onderhands")

#: How a tender is awarded: best price-quality ratio or lowest price.
AWARD_CRITERIA = ("BPKV", "laagste prijs")

#: The categories of the EU thresholds, as in ``salesnb.load("eu_thresholds")``.
THRESHOLD_CATEGORIES = ("werken", "leveringen/diensten centrale overheid",
                        "leveringen/diensten decentrale overheden", "sociale en andere specifieke diensten")

#: Which threshold category a buyer type falls in (leveringen and diensten).
BUYER_CATEGORY = {
    "centrale overheid": "leveringen/diensten centrale overheid",
    "decentrale overheid": "leveringen/diensten decentrale overheden",
    "publiekrechtelijke instelling": "leveringen/diensten decentrale overheden",
}

_EU_PERIODS = {  # validity period: amount per category of THRESHOLD_CATEGORIES, euro excl. btw
    ("2020-01-01", "2021-12-31"): (5_350_000.0, 139_000.0, 214_000.0, 750_000.0),
    ("2022-01-01", "2023-12-31"): (5_382_000.0, 140_000.0, 215_000.0, 750_000.0),
    ("2024-01-01", "2025-12-31"): (5_538_000.0, 143_000.0, 221_000.0, 750_000.0),
    ("2026-01-01", "2027-12-31"): (5_404_000.0, 140_000.0, 216_000.0, 750_000.0),
}

#: EU procurement thresholds excluding VAT (§3.4), with their validity period: one row per
#: period and category (valid_from, valid_to, category, amount); the same as the table
#: ``salesnb.load("eu_thresholds")``.
EU_THRESHOLDS = pd.DataFrame(
    [(start, end, category, amount)
     for (start, end), amounts in _EU_PERIODS.items()
     for category, amount in zip(THRESHOLD_CATEGORIES, amounts)],
    columns=["valid_from", "valid_to", "category", "amount"],
).astype({"valid_from": "datetime64[ns]", "valid_to": "datetime64[ns]"})
