"""Exercises of the start notebook (00_start): getting to know the company data.

They demonstrate the exercise mechanism (see :mod:`salesnb.exercises._core`).
"""

from __future__ import annotations

from ._core import Mistake, register_exercise

__all__: list[str] = []

# The notebook prints the number of customers and the share per sector; the exercises ask for what
# it does not print: the active customers, and the share in the company's own province.
PROVINCE = "Utrecht"


def _customers():
    import salesnb

    return salesnb.load("customers")


def _active_customers():
    return int((_customers()["status"] == "actief").sum())


def _all_customers():
    return len(_customers())


def _number_of_orders():
    import salesnb

    return len(salesnb.load("orders"))


def _share_province():
    return float((_customers()["province"] == PROVINCE).mean())


def _count_province():
    return int((_customers()["province"] == PROVINCE).sum())


register_exercise(
    id="0.1",
    title="Aantal actieve klanten",
    question=("Hierboven staat hoeveel klanten de tabel customers heeft. Niet al die klanten kopen nog: de "
              "kolom 'status' zegt per klant of hij actief, inactief of ex-klant is. Hoeveel klanten zijn "
              "actief (status 'actief')?"),
    answer=_active_customers,
    unit="count",
    mistakes=[Mistake(_all_customers,
                      "Je telde alle klanten, ook de inactieve en de ex-klanten. Tel alleen de rijen met "
                      "status 'actief'."),
              Mistake(_number_of_orders,
                      "Je telde de rijen van de tabel orders: dat zijn bestellingen, geen klanten. "
                      "Gebruik de tabel customers.")],
    hints=["Laad de klanten met klanten = salesnb.load(\"customers\").",
           "klanten[\"status\"] == \"actief\" geeft per klant True of False; .sum() telt de True's."],
    solution="""
        klanten = salesnb.load("customers")
        # Een vergelijking geeft per klant True (actief) of False; de som telt de True's.
        antwoord = (klanten["status"] == "actief").sum()
    """,
)

register_exercise(
    id="0.2",
    title=f"Aandeel klanten in de provincie {PROVINCE}",
    question=(f"Brandwijk zit in Amersfoort, in de provincie {PROVINCE}. Welk deel van alle klanten zit in "
              f"die provincie (kolom 'province')? Geef het antwoord als fractie, bijvoorbeeld 0.15 voor 15%."),
    answer=_share_province,
    unit="fraction",
    mistakes=[Mistake(_count_province,
                      f"Je gaf het aantal klanten in de provincie {PROVINCE}. Gevraagd is het "
                      "aandeel: deel dat aantal door het totale aantal klanten.")],
    hints=[f"Vergelijk de kolom met de provincie: klanten[\"province\"] == \"{PROVINCE}\" geeft "
           "True of False per klant.",
           "Het gemiddelde (.mean()) van True/False is het aandeel True: een fractie."],
    solution=f"""
        klanten = salesnb.load("customers")
        # Het gemiddelde van True/False is het aandeel klanten in de provincie: aantal / totaal.
        antwoord = (klanten["province"] == "{PROVINCE}").mean()
    """,
)
