"""Issue 8: a resource's SIRET or RNA number and national programme; a note on every
sheet."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from feuille_de_route.graph import (
    SHEETS,
    DataError,
    build_graph,
    graph_to_workbook,
    read_workbook,
    write_workbook,
)
from feuille_de_route.ontology import FDR, validate

from .conftest import Rows, mini_rows


def _resources() -> Rows:
    rows = mini_rows()
    rows["Ressources"][0].update(
        {
            "programme national": "Conseillers numériques",
            "siret": "732 829 320 00074",
            "note": "deux conseillers",
        }
    )
    rows["Ressources"][1]["rna"] = "w243000123"
    rows["Enjeux"][0]["note"] = "à revoir en comité"
    return rows


def test_every_sheet_has_a_note_column() -> None:
    assert [s.name for s in SHEETS if "note" not in s.headers] == ["Feuille de route"]


def test_identifiers_programme_and_notes_reach_the_graph(
    csv_folder: Callable[[Rows], Path],
) -> None:
    graph = build_graph(read_workbook(csv_folder(_resources())))
    assert (None, FDR.siret, Literal("73282932000074")) in graph
    assert (None, FDR.rna, Literal("W243000123")) in graph
    assert (None, FDR.programmeNational, Literal("Conseillers numériques", lang="fr")) in graph
    assert (None, SKOS.note, Literal("à revoir en comité", lang="fr")) in graph
    assert validate(graph).violations == []


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("siret", "73282932000075", "clé de contrôle (algorithme de Luhn)"),
        ("siret", "732829320", "SIRET de 14 chiffres attendu"),
        ("rna", "243000123", "numéro RNA attendu"),
    ],
)
def test_bad_identifiers_are_located_french_errors(
    csv_folder: Callable[[Rows], Path], column: str, value: str, words: str
) -> None:
    rows = mini_rows()
    rows["Ressources"][0][column] = value
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(rows)))
    message = str(caught.value)
    assert "feuille « Ressources »" in message and f"colonne « {column} »" in message
    assert words in message


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_identifiers_round_trip(
    csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str
) -> None:
    original = build_graph(read_workbook(csv_folder(_resources())))
    write_workbook(graph_to_workbook(original), tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)
