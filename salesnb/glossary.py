"""The course's glossary: one Dutch term per concept, with its definition, paragraph and the variants not to use.

Every notebook's begrippenlijst comes from here (:func:`glossary_table`), so a term is
defined once and written the same way in every chapter. ``avoid`` lists the variants
that mean the same concept but must not be used (tests check notebooks and package
strings against them); :func:`preferred_term` says which term to write instead.

>>> glossary_terms("H3")[0].term
'suspect'
>>> preferred_term("belletjes")
'telefoongesprek'
>>> print(glossary_markdown("H1").splitlines()[2])
| klant | persoon of organisatie die een product of dienst ontvangt en daar een betaling of iets anders van waarde tegenover stelt | §1.1 |
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Term", "GLOSSARY", "glossary_terms", "glossary_table", "glossary_markdown", "preferred_term",
           "find_variants", "GLOSSARY_CHAPTERS"]


@dataclass(frozen=True)
class Term:
    """One glossary entry: the term, a short Dutch definition, chapter ("H3"), paragraph ("§3.2"),
    the variants of the same concept that must not be used, and the later chapters whose
    begrippenlijst repeats the term (``also``)."""

    term: str
    definition: str
    chapter: str
    section: str
    avoid: tuple[str, ...] = ()
    also: tuple[str, ...] = ()


def _t(term, definition, section, *avoid, also=()):
    chapter = "H" + section.lstrip("§").split(".")[0]
    return Term(term, definition, chapter, section, tuple(avoid), tuple(also))


#: Every term of the course in chapter order (H1-H7 the textbook, H8 the stappenplan verkoopproces).
GLOSSARY: tuple[Term, ...] = (
    # H1 De klant centraal
    _t("klant", "persoon of organisatie die een product of dienst ontvangt en daar een betaling of iets anders "
       "van waarde tegenover stelt", "§1.1"),
    _t("new business development", "relaties leggen met organisaties die nog geen klant zijn", "§1.1"),
    _t("account management", "de relaties met bestaande klanten beheren en laten groeien", "§1.1"),
    _t("klantrelatiecyclus", "potentiële klant → nieuwe klant → loyale klant → ex-klant", "§1.1", also=("H6",)),
    _t("klantbewustheid … klanttevredenheid", "de vijf treden van klantgericht werken: klantbewustheid, "
       "klantinzicht, klantgerichtheid, klantvriendelijkheid, klanttevredenheid", "§1.1"),
    _t("verwachting (E) en ervaring (P)", "wat de klant verwacht en wat hij van de prestatie ervaart; P < E is een "
       "negatieve ervaring, P = E is tevreden", "§1.1"),
    _t("customer delight", "de verwachting duidelijk overtreffen, met warmte en ego-streling; pas dat maakt loyaal",
       "§1.1"),
    _t("verwachtingsmanagement", "de verwachting van de klant bewust en eerlijk sturen", "§1.1"),
    _t("NPS", "Net Promoter Score: % promotors (9–10) − % criticasters (0–6), een getal van −100 tot +100",
       "§1.1", "net promotor score", also=("H8",)),
    _t("passief", "NPS-score 7 of 8: tevreden, maar niet enthousiast", "§1.1", "passives", "neutralen"),
    _t("service recovery paradox", "na een goed afgehandelde klacht is de klant soms tevredener dan vóór het "
       "probleem", "§1.1"),
    _t("waardestrategie", "operational excellence, product leadership of customer intimacy (Treacy & Wiersema)",
       "§1.2"),
    _t("operationeel / analytisch / collaboratief CRM", "klantgegevens vastleggen / analyseren / delen tussen "
       "afdelingen en met de klant", "§1.3", "samenwerkend CRM", "collaboratie-CRM"),
    _t("processen (CRM)", "de vaste werkwijzen rond de klant (offerte, levering, klacht, service), met normen "
       "die je meet", "§1.4"),
    _t("mensen (CRM)", "de medewerkers met klantcontact: hun houding, kennis en vaardigheden, hun rol en hoe ze "
       "gecoacht worden", "§1.5"),
    # H2 Marktonderzoek, analyse en verkoopplan
    _t("target", "doel voor een periode, bij voorkeur SMART", "§2.1"),
    _t("SMART", "Specifiek, Meetbaar, Acceptabel, Realistisch, Tijdgebonden", "§2.1"),
    _t("resultaattarget", "doel voor een uitkomst: omzet, afzet, brutomarge, marktaandeel, nieuwe klanten", "§2.1"),
    _t("activiteitentarget", "doel voor een activiteit: telefoongesprekken, bezoeken, offertes", "§2.1"),
    _t("top-down / bottom-up", "target van bovenaf verdeeld / opgeteld uit de schattingen van de verkopers",
       "§2.1"),
    _t("deskresearch", "onderzoek met gegevens die er al zijn: eigen CRM- en ordergegevens, CBS, KvK, "
       "branche-organisaties, vakbladen", "§2.2", "bureauonderzoek"),
    _t("fieldresearch", "nieuwe gegevens zelf verzamelen: enquête, interview, klantpanel, observatie", "§2.2",
       "veldonderzoek"),
    _t("marktpotentieel", "potentiële kopers × verwachte aankoop per koper", "§2.2"),
    _t("marktomvang", "omzet van alle aanbieders samen (de actuele vraag)", "§2.2"),
    _t("verzadigingsgraad", "marktomvang / marktpotentieel", "§2.2"),
    _t("restvraag", "marktpotentieel − marktomvang", "§2.2"),
    _t("marktaandeel", "eigen omzet / marktomvang", "§2.2"),
    _t("relatief marktaandeel", "eigen marktaandeel / marktaandeel van de grootste concurrent (voor de "
       "marktleider: van de nummer twee)", "§2.2", also=("H8",)),
    _t("penetratiegraad", "kopers / potentiële kopers (eigen merk: eigen kopers / kopers in de productklasse)",
       "§2.2", also=("H8",)),
    _t("bestedingsindex", "eigen omzet per eigen koper / omzet per koper in de productklasse", "§2.2"),
    _t("ABCD-analyse", "externe analyse van Afnemers, Bedrijfstak, Concurrenten en Distributie", "§2.2", also=("H8",)),
    _t("SWOT", "sterktes en zwaktes (intern) naast kansen en bedreigingen (extern)", "§2.2", also=("H8",)),
    _t("confrontatiematrix", "zet elke sterkte en zwakte tegen elke kans en bedreiging; de sterke combinaties "
       "worden strategische opties", "§2.2", "confrontatietabel", also=("H7",)),
    # H3 Lead management
    _t("suspect", "past in het klantprofiel, nog geen contact", "§3.1", also=("H6",)),
    _t("lead", "organisatie of persoon die contact had of interesse toonde", "§3.1"),
    _t("MQL", "marketing qualified lead: leadscore op of boven de drempel", "§3.1"),
    _t("SQL", "sales qualified lead: BANT door sales bevestigd", "§3.1"),
    _t("opportunity", "concrete verkoopkans, vaak met een offerte", "§3.1"),
    _t("leadscore", "fitpunten + gedragspunten", "§3.1"),
    _t("BANT", "Budget, Authority, Need, Timeline", "§3.1", also=("H8",)),
    _t("nurturing", "leads die nog niet klaar zijn met relevante inhoud blijven voeden", "§3.1"),
    _t("CTR", "click-through rate: klikken / vertoningen", "§3.1"),
    _t("CPL", "cost per lead: kosten / aantal leads", "§3.1"),
    _t("conversie (landingspagina)", "leads / bezoekers", "§3.1"),
    _t("cold / warm / hot prospect", "geen relatie en geen bekende behoefte / interesse getoond of doorverwezen / "
       "concrete behoefte, budget en termijn", "§3.2", "koude prospect", "koude prospects", "hete prospect",
       "hete prospects", "heet prospect", "hete lead", "hete leads", also=("H8",)),
    _t("koude acquisitie", "organisaties benaderen zonder eerder contact, meestal met een telefoongesprek",
       "§3.2", "cold calling"),
    _t("telefoongesprek", "één gesprek of belpoging in de koude acquisitie of het verkoopplan", "§3.2",
       "belletje", "belletjes", "belgesprek", "belgesprekken"),
    _t("poortwachter", "wie vóór de beslisser staat (receptie, secretariaat)", "§3.2", "gatekeeper"),
    _t("ratioketen", "de verhoudingen tussen de stappen telefoongesprek → beslisser → afspraak → offerte → order",
       "§3.2"),
    _t("Aanbestedingswet 2012", "de wet die regelt hoe publieke organisaties opdrachten in de markt zetten",
       "§3.4"),
    _t("Europese drempel", "bedrag (excl. btw) waarboven Europees aanbesteden verplicht is", "§3.4"),
    _t("openbare / niet-openbare procedure", "Europese procedures: iedereen schrijft in / eerst een selectie",
       "§3.4"),
    _t("meervoudig / enkelvoudig onderhands", "onder de drempel: enkele / één leverancier uitnodigen", "§3.4"),
    _t("BPKV", "beste prijs-kwaliteitverhouding (vroeger EMVI)", "§3.4"),
    # H4 Waardepropositie
    _t("waardepropositie", "de waarde die je een bepaalde klant belooft: welk probleem je oplost of welk voordeel "
       "je levert, in de woorden van de klant en beter dan het alternatief", "§4.1"),
    _t("manifeste / latente behoefte", "een behoefte die de klant wel / nog niet kent", "§4.1"),
    _t("koopmotief", "de reden waarom een klant kiest voor een product of leverancier", "§4.1"),
    _t("rationeel / emotioneel motief", "een motief dat met argumenten / met gevoel te maken heeft", "§4.1"),
    _t("SABONE", "Security, Affection, Bequemlichkeit, Opinion, Novelty, Economy", "§4.1"),
    _t("fysiek, uitgebreid, totaal product", "het product zelf, de diensten eromheen, de hele beleving", "§4.1"),
    _t("koffiemachine", "de machine die Brandwijk plaatst; een bean-to-cup koffiemachine maalt per kop verse bonen",
       "§4.1", "koffieautomaat", "koffieautomaten", "bonen-to-cup"),
    _t("sellogram", "tabel van koopmotief, eigenschap, voordeel, verkoopargument en bewijs", "§4.2", also=("H8",)),
    _t("verkoopargument", "een voordeel in de woorden van de klant: \"Doordat …, kunt u …, zodat …\"", "§4.2"),
    _t("bewijs", "wat een argument aantoont: rapport, referentie, keurmerk, demonstratie", "§4.2"),
    _t("USP", "unique selling point: wat de verkoper uniek vindt aan zijn aanbod", "§4.2", also=("H8",)),
    _t("UBR", "unique buying reason: waarom de klant werkelijk bij jou koopt (vaker genoemd bij winst dan bij "
       "verlies)", "§4.2"),
    _t("gewogen criteriamethode", "aanbiedingen vergelijken met Σ gewicht × score", "§4.3"),
    _t("beïnvloedingsprincipes", "de vuistregels van Cialdini waarop mensen beslissen (zes, plus eenheid)", "§4.3"),
    # H5 Sales funnel management
    _t("buygrid", "koopsituaties (new task, modified rebuy, straight rebuy) tegen de koopfasen, gezien vanuit de "
       "koper", "§5.1"),
    _t("new task / modified rebuy / straight rebuy", "nieuwe behoefte voor de koper / bekende aankoop met iets "
       "nieuws (product, leverancier of voorwaarden) / herhaalaankoop zonder wijziging", "§5.1"),
    _t("koopfasen", "de acht stappen van probleemherkenning tot evaluatie", "§5.1"),
    _t("inkoopproces van Van Weele", "specificeren, selecteren, contracteren, bestellen, bewaken, nazorg", "§5.1"),
    _t("DMU", "decision making unit: iedereen die meebeslist over een aankoop", "§5.2", also=("H7",)),
    _t("team buying / team selling", "een groep (de DMU) die samen koopt / een verkoopteam dat elke rol van de DMU "
       "op zijn niveau benadert", "§5.2"),
    _t("sales funnel", "het aantal opportunities per fase van het verkoopproces", "§5.3", "salestrechter"),
    _t("conversie", "n(volgende fase) / n(deze fase)", "§5.3"),
    _t("hit rate", "orders / offertes", "§5.3"),
    _t("win rate", "gewonnen / (gewonnen + verloren)", "§5.3", "winratio", "scoringspercentage", also=("H4",)),
    _t("gemiddelde deal", "gemiddelde waarde van de gewonnen deals", "§5.3"),
    _t("verkoopcyclus", "gemiddelde doorlooptijd van aanmaken tot sluiten van gewonnen deals", "§5.3"),
    _t("gewogen pijplijn", "Σ waarde × kans van de fase, over de open deals", "§5.3", "gewogen pipeline"),
    _t("sales velocity", "omzet per dag uit de funnel: (open opportunities × win rate × gemiddelde deal) / cyclus",
       "§5.3"),
    _t("verkoopplan", "het aantal activiteiten per fase dat nodig is om een omzetdoel te halen", "§5.4"),
    _t("werkweken", "de weken waarin verkocht wordt (52 min vakantie, feestdagen, beurzen, opleiding)", "§5.4"),
    # H6 Klantportfoliomanagement
    _t("klantenpiramide", "indeling van (mogelijke) klanten in lagen naar omzet en activiteit (Curry)", "§6.1"),
    _t("inactieve klant", "kocht eerder, maar niet in de laatste 12 maanden", "§6.1"),
    _t("prospect", "had contact of kreeg een offerte, maar kocht nog nooit", "§6.1"),
    _t("migratie", "verschuiving van klanten tussen de lagen van de piramide", "§6.1"),
    _t("Bonoma & Shapiro", "genest segmentatiemodel voor zakelijke markten", "§6.2"),
    _t("ABC-analyse", "indeling van klanten op cumulatief omzetaandeel (A ≤ 80%, B ≤ 95%, C de rest)", "§6.2"),
    _t("Paretocurve / Lorenzcurve", "cumulatief omzetaandeel tegen cumulatief aandeel klanten", "§6.2"),
    _t("Gini-coëfficiënt", "maat voor ongelijke verdeling: 0 = iedereen evenveel omzet, bijna 1 = zeer scheef",
       "§6.2"),
    _t("RFM", "recency, frequency, monetary: drie scores van 1 tot 5", "§6.2"),
    _t("klantrelatiestrategie", "aanpak per fase van de cyclus: werven, ontwikkelen, behouden, terugwinnen of "
       "afscheid", "§6.3"),
    _t("retentiegraad", "deel van de klanten dat een jaar later nog klant is", "§6.4", "retentiepercentage", also=("H8",)),
    _t("disconteringsvoet", "rente waarmee je toekomstige marge terugrekent naar nu", "§6.4", "discontovoet"),
    _t("CLV", "Customer Lifetime Value: verwachte, verdisconteerde marge over de hele klantrelatie", "§6.4"),
    _t("CAC", "acquisitiekosten: wat het kost om één nieuwe klant te werven", "§6.4"),
    _t("CLV/CAC", "hoeveel keer de CLV de acquisitiekosten terugverdient (vuistregel: minstens 3)", "§6.4"),
    # H7 Account management
    _t("account", "een klant die je als relatie beheert", "§7.1"),
    _t("hunter / farmer", "verkoper die nieuwe klanten werft / die bestaande klanten ontwikkelt", "§7.1",
       also=("H5",)),
    _t("rayon", "geografisch gebied van een accountmanager", "§7.3"),
    _t("bezoeknorm", "aantal bezoeken per jaar dat een klant krijgt, naar zijn waarde", "§7.6"),
    _t("werklast", "wat een accountmanager per jaar moet doen, hier gemeten in bezoeken", "§7.6"),
    _t("key / major / minor account", "waardeklassen: klanten ingedeeld op hun omzet per jaar (grenzen kiest het "
       "bedrijf); de key accounts zijn de kandidaten voor de portfoliomatrix", "§7.6"),
    _t("strategisch account", "kwadrant rechtsboven van de portfoliomatrix: een aantrekkelijke klant waar de eigen "
       "positie sterk is; krijgt key account management met een eigen accountplan", "§7.7",
       "key-accountkwadrant"),
    _t("key account management (KAM)", "het beheren van de strategisch belangrijkste klanten met een eigen team en "
       "accountplan", "§7.7"),
    _t("portfoliomatrix", "klantaantrekkelijkheid tegen eigen relatieve sterkte", "§7.7", "key-accountmatrix"),
    _t("Millman & Wilson", "model van zes fasen in de relatie met een key account", "§7.7"),
    _t("vlinderdas / diamant", "contactpatroon: één op één / veel afdelingen direct met elkaar", "§7.7"),
    _t("share of wallet", "ons deel van de besteding van de klant in onze categorie", "§7.7",
       "klantaandeel", "portemonnee-aandeel"),
    _t("accountplan", "plan per key account: analyse, doelen, acties, budget, monitoring", "§7.9"),
    # H8 Stappenplan verkoopproces (§8.1 = fase 1, …, §8.6 = fase 6)
    _t("SDP-model", "segmenteren, een doelmarkt kiezen en positioneren", "§8.1"),
    _t("adoptiecurve", "verdeling van de afnemers naar het moment waarop ze een innovatie gaan gebruiken (Rogers): "
       "innovators 2,5%, early adopters 13,5%, early majority 34%, late majority 34%, laggards 16%", "§8.1"),
    _t("positioneren", "bepalen hoe je in de doelmarkt gezien wilt worden (de P van SDP)", "§8.1"),
    _t("concurrentieanalyse", "het aanbod van elke concurrent per criterium naast het eigen aanbod; een USP is een "
       "criterium waarop je elke concurrent verslaat", "§8.2"),
    _t("offerte", "schriftelijk aanbod met prijs en voorwaarden; met een termijn voor aanvaarding kan het aanbod tot die "
       "datum niet worden ingetrokken", "§8.3"),
    _t("btw-tarief", "21% (algemeen) of 9% (laag: onder meer voedingsmiddelen en alcoholvrije dranken)", "§8.3"),
    _t("algemene voorwaarden", "standaardafspraken voor al je overeenkomsten; ze binden de klant als het aanbod ernaar "
       "verwijst en hij het aanvaardt (art. 6:232 BW); heeft hij ze niet vooraf gekregen, dan kan een kleine klant een "
       "onredelijk bezwarend beding vernietigen (6:233–6:234), een grote niet (6:235)", "§8.4"),
    _t("after sales", "contact na de levering: tevredenheid, feedback, cross- en up-selling", "§8.5"),
    _t("cross-selling / up-selling", "een ander product erbij verkopen / een duurdere of grotere uitvoering verkopen",
       "§8.5"),
    _t("cohort", "groep klanten die in hetzelfde jaar is geworven", "§8.6"),
    _t("bindingsactie", "actie die de klantorganisatie aan het bedrijf bindt (nieuwsbrief, evaluatiegesprek, "
       "servicegarantie, contractkorting); een winactie of spaarkaart past bij consumenten, niet bij zakelijke en "
       "publieke inkopers", "§8.6"),
)

GLOSSARY_CHAPTERS = tuple(dict.fromkeys(t.chapter for t in GLOSSARY))


def _chapter(chapter) -> str:
    text = str(chapter).strip().upper()
    key = text if text.startswith("H") else f"H{text}"
    if key not in GLOSSARY_CHAPTERS:
        from .errors import InputError

        raise InputError(f"Hoofdstuk {chapter!r} staat niet in de begrippenlijst. Kies uit: {', '.join(GLOSSARY_CHAPTERS)} "
                         f"(bijvoorbeeld glossary_table(\"H3\") of glossary_table(3)).")
    return key


def glossary_terms(chapter) -> list[Term]:
    """The terms of one chapter ("H3" or 3), in the order of the chapter (begrippenlijst).

    A term defined in an earlier chapter and repeated here comes last, with its own paragraph.

    >>> [t.term for t in glossary_terms(2)][:2]
    ['target', 'SMART']
    >>> [t.section for t in glossary_terms("H7")][-2:]
    ['§2.2', '§5.2']
    """
    key = _chapter(chapter)
    return [t for t in GLOSSARY if t.chapter == key] + [t for t in GLOSSARY if key in t.also]


def glossary_table(chapter):
    """The begrippenlijst of one chapter as a table (begrip, betekenis, paragraaf) via salesnb.display.

    >>> glossary_table("H5").cells.columns.tolist()
    ['begrip', 'betekenis', 'paragraaf']
    """
    import pandas as pd

    from .display import show_table

    terms = glossary_terms(chapter)
    frame = pd.DataFrame({"begrip": [t.term for t in terms], "betekenis": [t.definition for t in terms],
                          "paragraaf": [t.section for t in terms]})
    return show_table(frame, formats={c: "text" for c in frame.columns}, index=False, max_rows=len(frame))


def glossary_markdown(chapter) -> str:
    """The begrippenlijst of one chapter as a Markdown table (for documents and the README).

    >>> glossary_markdown("H4").splitlines()[0]
    '| begrip | betekenis | § |'
    """
    rows = ["| begrip | betekenis | § |", "|---|---|---|"]
    rows += [f"| {t.term} | {t.definition.replace('|', '/')} | {t.section} |" for t in glossary_terms(chapter)]
    return "\n".join(rows)


def _variant_pattern(variant: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w-])", re.IGNORECASE)


_VARIANTS = tuple((v, t.term, _variant_pattern(v)) for t in GLOSSARY for v in t.avoid)


def preferred_term(variant: str) -> str | None:
    """The glossary term to write instead of a variant (None when the word is not a variant).

    >>> preferred_term("koffieautomaat"), preferred_term("koffiemachine")
    ('koffiemachine', None)
    """
    wanted = variant.strip().casefold()
    return next((term for v, term, _ in _VARIANTS if v.casefold() == wanted), None)


def find_variants(text: str) -> list[tuple[str, str]]:
    """The not-to-use variants in a text, each with the term to use instead (one term per concept).

    >>> find_variants("Hoeveel belletjes voor een hete prospect?")
    [('belletjes', 'telefoongesprek'), ('hete prospect', 'cold / warm / hot prospect')]
    """
    found = []
    for variant, term, pattern in _VARIANTS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.group(0), term))
    return [(word, term) for _, word, term in sorted(found)]
