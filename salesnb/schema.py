"""The data contract: one schema per table, used by the loader, the own-data checks and data/README.md.

Each table is a tuple of :class:`Column` in the order of the CSV: the column's name, its kind
(``int``, ``Int64`` (a whole number that may be empty), ``float``, ``bool``, ``str``, ``date`` or
``cat`` with its allowed ``values`` from :mod:`salesnb.vocabulary`), the Dutch description of
``data/README.md``, and, for the tables a student can load from their own files
(:func:`salesnb.read_own_data`), whether their file must have it (``own="required"``) or may
(``own="optional"``), with the range and uniqueness it must satisfy.

>>> [c.name for c in SCHEMAS["nps"]][:4]
['response_id', 'customer_id', 'date', 'score']
>>> [c.name for c in own_columns("nps")]
['customer_id', 'date', 'score']
>>> dtypes("account_managers")["region"].categories.tolist()
['Noord', 'Oost', 'Midden', 'West', 'Zuid']
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .vocabulary import (
    ACCOUNT_MANAGER_ROLES, AWARD_CRITERIA, BUYER_TYPES, BUYING_SITUATIONS, CAMPAIGN_CHANNELS, COMPETITORS,
    COMPLAINT_CATEGORIES, CONTRACT_TYPES, CUSTOMER_STATUSES, DMU_ROLES, KAM_STAGES, LEAD_CHANNELS,
    LEAD_FUNNEL_STAGES, LEAD_SOURCES, MOTIVE_TYPES, MOTIVES, NPS_MOMENTS, OPPORTUNITY_OUTCOMES,
    OPPORTUNITY_STAGES, PROCEDURES, PRODUCT_GROUPS, REGIONS, SECTORS, SIZE_CLASSES, TEAM_MEMBERS,
    TEMPERATURES, THRESHOLD_CATEGORIES,
)

__all__ = ["Column", "SCHEMAS", "PROVINCES", "dtypes", "own_columns", "OWN_TABLES"]

#: The twelve provinces, region by region (Noord, Oost, Midden, West, Zuid).
PROVINCES = ("Groningen", "Friesland", "Drenthe", "Overijssel", "Gelderland", "Utrecht", "Flevoland",
             "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg")

#: The two kinds of buying motive (rationeel, emotioneel), in the order of the SABONE letters.
MOTIVE_KINDS = tuple(dict.fromkeys(MOTIVE_TYPES.values()))

_KINDS = ("int", "Int64", "float", "bool", "str", "date", "cat")


@dataclass(frozen=True)
class Column:
    """One column of a table: name, kind, Dutch description and what a value must satisfy."""

    name: str
    kind: str
    meaning: str
    values: tuple | None = None
    ordered: bool = False
    own: str | None = None  # "required" / "optional" in a student's own file; None: not read from it
    minimum: float | None = None
    maximum: float | None = None
    unique: bool = False

    def __post_init__(self):
        if self.kind not in _KINDS or (self.kind == "cat") != (self.values is not None):
            raise ValueError(f"column {self.name!r}: kind {self.kind!r} with values {self.values!r}")

    @property
    def dtype(self):
        """The pandas dtype the loader gives the column (a CategoricalDtype for ``cat``)."""
        if self.kind == "cat":
            return pd.CategoricalDtype(list(self.values), ordered=self.ordered)
        return self.kind

    @property
    def own_kind(self) -> str:
        """How a student's file is read: ``id`` (text), ``integer``, ``number``, ``date``, ``bool`` or ``text``."""
        if self.name.endswith("_id"):
            return "id"
        return {"int": "integer", "Int64": "integer", "float": "number", "date": "date",
                "bool": "bool"}.get(self.kind, "text")


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "account_managers": (
        Column("manager_id", "int", "nummer van de accountmanager"),
        Column("name", "str", "naam"),
        Column("region", "cat", "regio waarvoor hij/zij werkt", values=REGIONS),
        Column("role", "cat", "rol: hunter (nieuwe klanten werven) of farmer (bestaande klanten uitbouwen)", values=ACCOUNT_MANAGER_ROLES),
        Column("fte", "float", "omvang van het dienstverband"),
        Column("start_date", "date", "datum in dienst"),
    ),
    "products": (
        Column("product_id", "int", "productnummer"),
        Column("product", "str", "productomschrijving"),
        Column("product_group", "cat", "productgroep", values=PRODUCT_GROUPS),
        Column("unit", "str", "verkoopeenheid"),
        Column("unit_price", "float", "lijstprijs per eenheid"),
        Column("vat_rate", "float", "btw-tarief (9% voedingsmiddelen en alcoholvrije dranken, 21% machines, koelers, service, bekers en andere non-food)"),
        Column("margin_rate", "float", "brutomarge als deel van de lijstprijs"),
    ),
    "customers": (
        Column("customer_id", "int", "klantnummer", own="required", unique=True),
        Column("name", "str", "naam van de organisatie", own="required"),
        Column("sector", "cat", "branche", values=SECTORS, own="optional"),
        Column("province", "cat", "provincie", values=PROVINCES),
        Column("region", "cat", "regio (Noord: Groningen, Friesland, Drenthe; Oost: Overijssel, Gelderland; Midden: Utrecht, Flevoland; West: Noord- en Zuid-Holland; Zuid: Zeeland, Noord-Brabant, Limburg)", values=REGIONS, own="optional"),
        Column("city", "str", "plaats"),
        Column("street", "str", "straat en huisnummer (fictief)"),
        Column("postcode", "str", "postcode (fictief)"),
        Column("employees", "int", "aantal medewerkers"),
        Column("size_class", "cat", "grootteklasse: klein < 50, middelgroot 50–249, groot ≥ 250 medewerkers", values=SIZE_CLASSES, ordered=True),
        Column("account_manager", "int", "vaste accountmanager"),
        Column("acquired_on", "date", "datum klant geworden (eerste order; kan vóór 2021 liggen)", own="optional"),
        Column("acquisition_channel", "cat", "hoe de klant is geworven", values=LEAD_SOURCES),
        Column("status", "cat", "klantstatus op de peildatum (zie regels)", values=CUSTOMER_STATUSES, ordered=True),
        Column("reactivated", "bool", "ooit meer dan 365 dagen niets besteld en daarna teruggekomen"),
        Column("contact_person", "str", "vaste contactpersoon bij de klant"),
        Column("category_spend", "float", "jaarlijkse besteding van de klant aan ons soort producten bij álle leveranciers (2025)"),
    ),
    "prospects": (
        Column("prospect_id", "int", "nummer"),
        Column("name", "str", "naam"),
        Column("sector", "cat", "branche", values=SECTORS),
        Column("province", "cat", "provincie", values=PROVINCES),
        Column("region", "cat", "regio (Noord: Groningen, Friesland, Drenthe; Oost: Overijssel, Gelderland; Midden: Utrecht, Flevoland; West: Noord- en Zuid-Holland; Zuid: Zeeland, Noord-Brabant, Limburg)", values=REGIONS),
        Column("employees", "int", "aantal medewerkers"),
        Column("last_contact", "date", "datum laatste contact (leeg = nooit: suspect)"),
        Column("had_quotation", "bool", "heeft ooit een offerte gekregen"),
        Column("temperature", "cat", "koud / warm / heet (zie regels)", values=TEMPERATURES, ordered=True),
    ),
    "orders": (
        Column("order_id", "int", "ordernummer"),
        Column("line_id", "int", "regelnummer binnen de order"),
        Column("customer_id", "int", "klant", own="required"),
        Column("date", "date", "orderdatum", own="required"),
        Column("product_id", "int", "product"),
        Column("product_group", "cat", "productgroep", values=PRODUCT_GROUPS, own="optional"),
        Column("quantity", "int", "aantal eenheden"),
        Column("revenue", "float", "omzet van de regel (na klantkorting)", own="required", minimum=0),
        Column("margin", "float", "brutomarge van de regel (omzet − inkoopwaarde)", own="optional"),
    ),
    "leads": (
        Column("lead_id", "int", "leadnummer", own="required", unique=True),
        Column("created_on", "date", "datum binnengekomen", own="required"),
        Column("source", "cat", "leadbron", values=LEAD_SOURCES, own="required"),
        Column("channel", "cat", "kanaal binnen de bron", values=LEAD_CHANNELS),
        Column("company", "str", "naam van de organisatie"),
        Column("sector", "cat", "branche", values=SECTORS),
        Column("province", "cat", "provincie", values=PROVINCES),
        Column("region", "cat", "regio (Noord: Groningen, Friesland, Drenthe; Oost: Overijssel, Gelderland; Midden: Utrecht, Flevoland; West: Noord- en Zuid-Holland; Zuid: Zeeland, Noord-Brabant, Limburg)", values=REGIONS),
        Column("employees", "int", "aantal medewerkers"),
        Column("fit_score", "int", "punten voor profiel (grootte, branche)"),
        Column("behaviour_score", "int", "punten voor gedrag (downloads, bezoek, reacties)"),
        Column("lead_score", "int", "fit_score + behaviour_score", own="optional", minimum=0, maximum=100),
        Column("budget", "bool", "BANT-criteria die sales heeft bevestigd"),
        Column("authority", "bool", "BANT-criteria die sales heeft bevestigd"),
        Column("need", "bool", "BANT-criteria die sales heeft bevestigd"),
        Column("timeline", "bool", "BANT-criteria die sales heeft bevestigd"),
        Column("stage_reached", "cat", "verste fase bereikt", values=LEAD_FUNNEL_STAGES, ordered=True, own="required"),
        Column("mql_on", "date", "datum MQL (leeg als niet bereikt)"),
        Column("sql_on", "date", "datum SQL"),
        Column("opportunity_on", "date", "datum opportunity"),
        Column("won_on", "date", "datum klant geworden (= acquired_on van de klant)"),
        Column("cost", "float", "toegerekende kosten van deze lead (online: kosten campagne / leads campagne van die maand)"),
        Column("customer_id", "Int64", "klantnummer als de lead klant werd"),
    ),
    "campaigns": (
        Column("month", "date", "maand (eerste dag)"),
        Column("channel", "cat", "kanaal (vakbeurs alleen in maart en oktober)", values=CAMPAIGN_CHANNELS),
        Column("impressions", "int", "vertoningen (nieuwsbrief: geopende mails; vakbeurs: bezoekers langs de stand)"),
        Column("clicks", "int", "kliks (vakbeurs: bezoekers in de stand)"),
        Column("visitors", "int", "bezoekers landingspagina (vakbeurs: gesprekken)"),
        Column("leads", "int", "leads"),
        Column("cost", "float", "kosten"),
    ),
    "cold_calls": (
        Column("month", "date", "maand (eerste dag)"),
        Column("manager_id", "int", "accountmanager"),
        Column("calls", "int", "gevoerde belpogingen"),
        Column("decision_maker_reached", "int", "beslisser gesproken (voorbij de poortwachter)"),
        Column("appointments", "int", "afspraken"),
        Column("quotations", "int", "offertes"),
        Column("orders", "int", "orders"),
    ),
    "opportunities": (
        Column("opportunity_id", "int", "nummer"),
        Column("customer_id", "Int64", "bestaande klant (leeg = nieuwe klant via een lead)"),
        Column("lead_id", "Int64", "lead waaruit de kans kwam"),
        Column("account_manager", "int", "verantwoordelijke accountmanager"),
        Column("created_on", "date", "datum geopend"),
        Column("closed_on", "date", "datum gewonnen/verloren (leeg = nog open)"),
        Column("stage", "cat", "huidige fase", values=OPPORTUNITY_STAGES, ordered=True),
        Column("last_stage", "cat", "verste open fase bereikt (bij verloren: waar het misging)", values=OPPORTUNITY_STAGES, ordered=True),
        Column("value", "float", "verwachte waarde (eerste jaar)"),
        Column("probability", "float", "kans op succes bij deze fase (zie regels)"),
        Column("outcome", "cat", "uitkomst", values=OPPORTUNITY_OUTCOMES),
        Column("reason", "str", "reden van winst of verlies (leeg bij open)"),
        Column("motive", "cat", "dominant koopmotief (SABONE)", values=MOTIVES),
        Column("motive_type", "cat", "rationeel of emotioneel koopmotief", values=MOTIVE_KINDS),
        Column("buying_situation", "cat", "koopsituatie (buygrid)", values=BUYING_SITUATIONS),
        Column("product_group", "cat", "belangrijkste productgroep", values=PRODUCT_GROUPS),
        Column("quotation_sent", "bool", "offerte verstuurd"),
    ),
    "dmu_contacts": (
        Column("opportunity_id", "int", "verkoopkans"),
        Column("contact", "str", "naam contactpersoon"),
        Column("role", "cat", "rol in de DMU (Webster & Wind)", values=DMU_ROLES),
        Column("met", "bool", "heeft ons team deze persoon gesproken"),
        Column("team_member", "cat", "wie van ons team (leeg als niet gesproken)", values=TEAM_MEMBERS),
    ),
    "nps": (
        Column("response_id", "int", "nummer"),
        Column("customer_id", "int", "klant", own="optional"),
        Column("date", "date", "datum van het antwoord", own="optional"),
        Column("score", "int", "aanbevelingscijfer 0-10", own="required", minimum=0, maximum=10),
        Column("moment", "cat", "periodieke meting (november) of na aankoop", values=NPS_MOMENTS),
        Column("expectation", "int", "verwachting vooraf (E)"),
        Column("experience", "int", "ervaren prestatie (P)"),
    ),
    "complaints": (
        Column("complaint_id", "int", "nummer"),
        Column("customer_id", "int", "klant"),
        Column("date", "date", "datum klacht"),
        Column("category", "cat", "soort klacht", values=COMPLAINT_CATEGORIES),
        Column("handled_well", "bool", "klacht goed afgehandeld"),
        Column("satisfaction_before", "int", "tevredenheid vóór het probleem"),
        Column("satisfaction_after", "int", "tevredenheid na de afhandeling"),
    ),
    "market": (
        Column("year", "int", "jaar"),
        Column("sector", "cat", "branche", values=SECTORS),
        Column("region", "cat", "regio", values=REGIONS),
        Column("potential_buyers", "int", "potentiële afnemers (organisaties)"),
        Column("buyers", "int", "afnemers in de productklasse"),
        Column("purchase_per_buyer", "float", "verwachte besteding per potentiële afnemer (voor het marktpotentieel)"),
        Column("class_sales", "float", "marktomvang: omzet van alle aanbieders"),
        Column("own_buyers", "int", "eigen afnemers (klanten met omzet dat jaar; uit orders)"),
        Column("own_sales", "float", "eigen omzet (uit orders)"),
        Column("largest_competitor", "cat", "grootste concurrent", values=COMPETITORS),
        Column("largest_competitor_sales", "float", "omzet grootste concurrent"),
        Column("second_competitor_sales", "float", "omzet nummer twee onder de concurrenten"),
    ),
    "competitors": (
        Column("year", "int", "jaar"),
        Column("sector", "cat", "branche", values=SECTORS),
        Column("region", "cat", "regio", values=REGIONS),
        Column("competitor", "cat", "concurrent (fictief)", values=COMPETITORS),
        Column("sales", "float", "omzet"),
    ),
    "targets": (
        Column("month", "date", "maand (eerste dag)"),
        Column("revenue_target", "float", "omzetdoelstelling"),
        Column("new_customers_target", "int", "doel nieuwe klanten"),
        Column("calls_target", "int", "doel belpogingen (alle accountmanagers samen)"),
        Column("appointments_target", "int", "doel afspraken"),
        Column("quotations_target", "int", "doel offertes"),
    ),
    "tenders": (
        Column("tender_id", "int", "nummer"),
        Column("buyer", "str", "aanbestedende dienst (fictief)"),
        Column("buyer_type", "cat", "soort aanbestedende dienst", values=BUYER_TYPES),
        Column("published_on", "date", "publicatiedatum"),
        Column("contract_type", "cat", "soort opdracht", values=CONTRACT_TYPES),
        Column("estimated_value", "float", "geraamde waarde"),
        Column("procedure", "cat", "procedure (zie regels)", values=PROCEDURES),
        Column("award_criterion", "cat", "gunningscriterium", values=AWARD_CRITERIA),
        Column("price_weight", "int", "gewicht prijs (punten)"),
        Column("quality_weight", "int", "gewicht kwaliteit (punten)"),
        Column("max_quality_score", "int", "maximale kwaliteitsscore (0 bij laagste prijs)"),
    ),
    "tender_bids": (
        Column("tender_id", "int", "aanbesteding"),
        Column("bidder", "str", "inschrijver"),
        Column("price", "float", "inschrijfprijs"),
        Column("quality_score", "float", "kwaliteitsscore (leeg bij laagste prijs)"),
        Column("is_own", "bool", "onze eigen inschrijving"),
    ),
    "eu_thresholds": (
        Column("valid_from", "date", "geldig vanaf"),
        Column("valid_to", "date", "geldig tot en met"),
        Column("category", "cat", "soort opdracht/dienst", values=THRESHOLD_CATEGORIES),
        Column("amount", "float", "drempelbedrag"),
    ),
    "key_accounts": (
        Column("customer_id", "int", "klant"),
        Column("year", "int", "jaar"),
        Column("category_spend", "float", "totale besteding van de klant in onze categorie"),
        Column("our_revenue", "float", "onze omzet bij de klant (uit orders)"),
        Column("share_of_wallet", "float", "our_revenue / category_spend"),
        Column("kam_stage", "cat", "fase volgens Millman & Wilson (uncoupling bij > 40% omzetdaling; anders naar share of wallet: < 0.20 pre, < 0.35 early, < 0.50 mid, < 0.70 partnership, anders synergistic)", values=KAM_STAGES, ordered=True),
        Column("omvang", "int", "aantrekkelijkheid: omvang"),
        Column("groeipotentieel", "int", "aantrekkelijkheid: groeipotentieel"),
        Column("marge", "int", "aantrekkelijkheid: marge"),
        Column("imago", "int", "aantrekkelijkheid: imago / referentiewaarde"),
        Column("relatie", "int", "eigen sterkte: relatie (uit NPS)"),
        Column("aandeel", "int", "eigen sterkte: aandeel (uit share of wallet)"),
        Column("productfit", "int", "eigen sterkte: productfit"),
        Column("competitors_at_customer", "str", "concurrenten die ook leveren, gescheiden door \"; \""),
    ),
}

#: The tables a student can load from their own files.
OWN_TABLES = tuple(name for name, columns in SCHEMAS.items() if any(c.own for c in columns))


def dtypes(table: str) -> dict[str, object]:
    """``{column: dtype}`` of ``table`` in CSV order: ``"int"``, ``"float"``, ... or a CategoricalDtype.

    >>> list(dtypes("eu_thresholds").items())[-1]
    ('amount', 'float')
    """
    return {column.name: column.dtype for column in SCHEMAS[table]}


def own_columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` a student's own file has (required) or may have (optional).

    >>> {c.name: (c.own, c.own_kind) for c in own_columns("orders")}["revenue"]
    ('required', 'number')
    """
    return tuple(column for column in SCHEMAS[table] if column.own)
