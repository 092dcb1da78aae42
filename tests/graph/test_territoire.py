"""Issue 8: the « Feuille de route » sheet names the territory (code, kind, name); a
SIREN is checked with its Luhn key, names come from the shipped reference data."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from feuille_de_route.graph import (
    DataError,
    build_graph,
    graph_to_workbook,
    read_workbook,
    write_workbook,
)
from feuille_de_route.graph._identifiers import luhn_ok, rna_problem, siret_problem
from feuille_de_route.ontology import FDR

from .conftest import Rows, mini_rows

KIND = "type de territoire"


def _roadmap(csv_folder: Callable[[Rows], Path], **cells: str) -> Rows:
    rows = mini_rows()
    rows["Feuille de route"][0].update(cells)
    return rows


def _territory_of(rows: Rows, folder: Callable[[Rows], Path]) -> tuple[object, object]:
    graph = build_graph(read_workbook(folder(rows)))
    node = next(graph.objects(None, FDR.territoire))
    return graph, node


def test_epci_name_comes_from_the_reference_data(csv_folder: Callable[[Rows], Path]) -> None:
    graph, node = _territory_of(mini_rows(), csv_folder)
    assert "Grand Périgueux" in str(graph.value(node, RDFS.label))  # type: ignore[attr-defined]


def test_a_written_name_wins(csv_folder: Callable[[Rows], Path]) -> None:
    rows = _roadmap(csv_folder, **{"nom du territoire": "Mon agglo"})
    graph, node = _territory_of(rows, csv_folder)
    assert graph.value(node, RDFS.label) == Literal("Mon agglo", lang="fr")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "code", "cls", "name"),
    [
        ("département", "24", FDR.Departement, "Dordogne"),
        ("Région", "75", FDR.Region, ""),
        ("commune", "24322", FDR.Commune, "Périgueux"),
    ],
)
def test_territory_kinds(
    csv_folder: Callable[[Rows], Path], kind: str, code: str, cls: object, name: str
) -> None:
    rows = _roadmap(csv_folder, territoire=code, **{"type de territoire": kind})
    graph, node = _territory_of(rows, csv_folder)
    assert (node, RDF.type, cls) in graph  # type: ignore[operator]
    assert (node, RDF.type, FDR.Territoire) in graph  # type: ignore[operator]
    assert str(graph.value(node, RDFS.label) or "") == name  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        (
            {"territoire": "20004039"},
            "territoire",
            "lu « 20004039 » (8 chiffres)",
        ),
        ({"territoire": "200040393"}, "territoire", "clé de contrôle (algorithme de Luhn)"),
        (
            {"territoire": "2400", "type de territoire": "commune"},
            "territoire",
            "code INSEE de commune",
        ),
        (
            {"territoire": "24", "type de territoire": "canton"},
            "type de territoire",
            "type de territoire inconnu « canton »",
        ),
        (
            {"territoire": "240", "type de territoire": "département"},
            "territoire",
            "code de département attendu",
        ),
    ],
)
def test_bad_territory_is_a_french_error_naming_the_cell(
    csv_folder: Callable[[Rows], Path], cells: dict[str, str], column: str, words: str
) -> None:
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(_roadmap(csv_folder, **cells))))
    message = str(caught.value)
    assert "feuille « Feuille de route »" in message and "ligne 2" in message
    assert f"colonne « {column} »" in message and words in message


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
@pytest.mark.parametrize(("kind", "code"), [("département", "2A"), ("", "200040392")])
def test_territory_round_trips(
    csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str, kind: str, code: str
) -> None:
    rows = _roadmap(csv_folder, territoire=code, **{"type de territoire": kind})
    original = build_graph(read_workbook(csv_folder(rows)))
    write_workbook(graph_to_workbook(original), tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)


def test_identifier_checks() -> None:
    assert luhn_ok("200040392") and not luhn_ok("200040393")
    assert siret_problem("732 829 320 00074") is None
    assert "clé de contrôle" in (siret_problem("73282932000075") or "")
    assert "14 chiffres" in (siret_problem("7328293200007") or "")
    assert rna_problem("W243000123") is None
    assert "numéro RNA attendu" in (rna_problem("W24300012") or "")
