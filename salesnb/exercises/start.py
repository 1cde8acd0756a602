"""Exercises of the start notebook (00_start): getting to know the company data.

They demonstrate the exercise mechanism (see :mod:`salesnb.exercises._core`).
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []

SECTOR = "Zorg"


def _customers():
    import salesnb

    return salesnb.load("customers")


def _number_of_customers():
    return len(_customers())


def _number_of_orders():
    import salesnb

    return len(salesnb.load("orders"))


def _share_sector():
    return float((_customers()["sector"] == SECTOR).mean())


def _count_sector():
    return int((_customers()["sector"] == SECTOR).sum())


register_exercise(
    id="0.1",
    title="Aantal klanten",
    question=("Hoeveel klanten heeft Brandwijk Koffie & Vending in de tabel met klanten "
              "(salesnb.load(\"customers\"))? Elke rij is één klant."),
    answer=_number_of_customers,
    unit="count",
    mistakes=[Mistake(_number_of_orders,
                      "Je telde de rijen van de tabel orders: dat zijn bestellingen, geen klanten. "
                      "Gebruik de tabel customers.")],
    hints=["Laad de klanten met klanten = salesnb.load(\"customers\").",
           "Het aantal rijen van een tabel geeft len(tabel)."],
    solution="""
        klanten = salesnb.load("customers")
        antwoord = len(klanten)
    """,
)

register_exercise(
    id="0.2",
    title=f"Aandeel klanten in de sector {SECTOR.lower()}",
    question=(f"Welk deel van alle klanten zit in de sector {SECTOR.lower()} (kolom 'sector')? "
              "Geef het antwoord als fractie, bijvoorbeeld 0.15 voor 15%."),
    answer=_share_sector,
    unit="fraction",
    mistakes=[Mistake(_count_sector,
                      f"Je gaf het aantal klanten in de sector {SECTOR.lower()}. Gevraagd is het "
                      "aandeel: deel dat aantal door het totale aantal klanten.")],
    hints=[f"Vergelijk de kolom met de sector: klanten[\"sector\"] == \"{SECTOR}\" geeft "
           "True of False per klant.",
           "Het gemiddelde (.mean()) van True/False is het aandeel True: een fractie."],
    solution=f"""
        klanten = salesnb.load("customers")
        antwoord = (klanten["sector"] == "{SECTOR}").mean()
    """,
)
