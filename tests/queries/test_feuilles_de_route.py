"""``feuilles-de-route`` lists the roadmaps a store holds, as their workbooks say.

Expectations come from the ``feuille-de-route.csv`` files (read with ``csv``), never from
SPARQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.queries import run_query

CsvRows = Callable[[str], list[dict[str, str]]]
COLUMNS = ["feuilleDeRoute", "identifiant", "titre", "territoire"]


def expected_row(row: dict[str, str]) -> dict[str, object]:
    """One roadmap as its ``Feuille de route`` row describes it.

    The territory cell is an EPCI's SIREN (9 digits) in these workbooks, minted as
    ``{base}epci/{siren}``.
    """
    base = row["iri de base"]
    assert re.fullmatch(r"\d{9}", row["territoire"])
    return {
        "feuilleDeRoute": base,
        "identifiant": row["identifiant"],
        "titre": row["titre"],
        "territoire": f"{base}epci/{row['territoire']}",
    }


def test_the_grand_perigueux_is_the_only_roadmap(gp_store: MemoryStore, gp_csv: CsvRows) -> None:
    expected = [expected_row(r) for r in gp_csv("feuille-de-route")]
    rows = run_query("feuilles-de-route", gp_store)
    assert [list(r) for r in rows] == [COLUMNS] * len(rows)
    assert rows == expected and len(expected) == 1


def test_two_roadmaps_listed_in_identifier_order(
    two_territories: MemoryStore, gp_csv: CsvRows, second_folder: Path
) -> None:
    import csv

    with open(second_folder / "feuille-de-route.csv", encoding="utf-8", newline="") as handle:
        other = list(csv.DictReader(handle))
    expected = sorted(
        (expected_row(r) for r in [*gp_csv("feuille-de-route"), *other]),
        key=lambda r: str(r["identifiant"]),
    )
    rows = run_query("feuilles-de-route", two_territories)
    assert rows == expected and len(rows) == 2
    assert rows[0]["feuilleDeRoute"] != rows[1]["feuilleDeRoute"]


def test_narrowed_to_one_roadmap(two_territories: MemoryStore, other_iri: str) -> None:
    rows = run_query("feuilles-de-route", two_territories, feuilleDeRoute=other_iri)
    assert [r["feuilleDeRoute"] for r in rows] == [other_iri]
    unknown = "https://w3id.org/feuille-de-route/territoires/inconnu/"
    assert run_query("feuilles-de-route", two_territories, feuilleDeRoute=unknown) == []
