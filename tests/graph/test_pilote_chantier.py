"""Issue 8: the Chantiers sheet says who pilots a chantier (« pilote », « co-pilotes »,
« partenaires »), as the same participations the Gouvernance sheet makes."""

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from feuille_de_route.graph import (
    DataError,
    build_graph,
    graph_to_workbook,
    read_workbook,
    write_workbook,
)
from feuille_de_route.graph.store import MemoryStore
from feuille_de_route.ontology import FDR
from feuille_de_route.queries import run_query

from .conftest import Rows, mini_rows, write_csv_rows


def _team(pilote: str = "", co: str = "", partenaires: str = "") -> Rows:
    rows = mini_rows()
    rows["Gouvernance"] = []
    rows["Chantiers"][0].update({"pilote": pilote, "co-pilotes": co, "partenaires": partenaires})
    return rows


def test_team_columns_make_the_gouvernance_participations(
    csv_folder: Callable[[Rows], Path],
) -> None:
    by_columns = build_graph(read_workbook(csv_folder(_team("enfance", "alsh", "francas | cnum"))))
    by_sheet = mini_rows()
    by_sheet["Gouvernance"] = [
        {"chantier": "1.a", "acteur": "enfance", "rôle": "pilote"},
        {"chantier": "1.a", "acteur": "alsh", "rôle": "co-pilote"},
        {"chantier": "1.a", "acteur": "francas", "rôle": "associé"},
        {"chantier": "1.a", "acteur": "cnum", "rôle": "associé"},
    ]
    assert isomorphic(by_columns, build_graph(read_workbook(csv_folder(by_sheet))))
    assert _agents(by_columns, FDR.pilote) == {"enfance"}
    assert _agents(by_columns, FDR.copilote) == {"alsh"}


def _agents(graph: Graph, role: URIRef) -> set[str]:
    """The IDs of the agents of the chantier 1.a's participations with ``role``."""
    return {
        str(graph.value(p, FDR.acteur)).rsplit("/", 1)[-1]
        for p in graph.subjects(FDR.role, role)
        if (p, RDF.type, FDR.Participation) in graph
        and str(graph.value(p, FDR.chantier)).endswith("/chantier/1.a")
    }


def _unpiloted(folder: Path, rows: Rows) -> list[object]:
    """The chantiers « chantiers-sans-pilote-unique » reports for ``rows``."""
    store = MemoryStore(build_graph(read_workbook(write_csv_rows(folder, rows))))
    return [row["chantierId"] for row in run_query("chantiers-sans-pilote-unique", store)]


def test_copilots_are_not_counted_as_pilots_by_chantiers_sans_pilote_unique(
    tmp_path: Path,
) -> None:
    """Regression: the « co-pilotes » column gave the role « pilote », so a chantier with
    one pilot and co-pilots was reported as having several pilots."""
    assert "1.a" not in _unpiloted(tmp_path / "un", _team("enfance", "alsh | francas"))
    assert "1.a" in _unpiloted(tmp_path / "aucun", _team("", "alsh | francas"))  # no pilot


def test_a_pilot_given_in_both_places_is_one_participation(
    csv_folder: Callable[[Rows], Path],
) -> None:
    rows = mini_rows()
    rows["Chantiers"][1]["pilote"] = "enfance"  # Gouvernance says it too, with a note
    graph = build_graph(read_workbook(csv_folder(rows)))
    assert isomorphic(graph, build_graph(read_workbook(csv_folder(mini_rows()))))


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_copilots_round_trip_as_copilots(
    csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str
) -> None:
    original = build_graph(read_workbook(csv_folder(_team("enfance", "alsh | francas", "cnum"))))
    workbook = graph_to_workbook(original)
    roles = {(r["acteur"], r["rôle"]) for r in workbook.sheets["Gouvernance"].rows}
    assert {("alsh", "co-pilote"), ("francas", "co-pilote"), ("enfance", "pilote")} <= roles
    write_workbook(workbook, tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("pilote", "inconnu", "« inconnu » ne désigne aucun acteur, service ni ressource"),
        ("pilote", "enfance | alsh", "un seul pilote attendu"),
        ("partenaires", "francas | personne", "« personne » ne désigne aucun acteur"),
    ],
)
def test_bad_team_cells_are_located_french_errors(
    csv_folder: Callable[[Rows], Path], column: str, value: str, words: str
) -> None:
    rows = mini_rows()
    rows["Chantiers"][0][column] = value
    with pytest.raises(DataError) as caught:
        build_graph(read_workbook(csv_folder(rows)))
    message = str(caught.value)
    assert "feuille « Chantiers »" in message and f"colonne « {column} »" in message
    assert words in message


@pytest.mark.parametrize("target", ["classeur.xlsx", "classeur.ods", "dossier-csv"])
def test_team_round_trips(csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str) -> None:
    original = build_graph(read_workbook(csv_folder(_team("francas", "", "cnum"))))
    write_workbook(graph_to_workbook(original), tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)


def test_the_maps_draw_the_copilot_role_label(tmp_path: Path) -> None:
    """viz reads role labels from SKOS: the new concept reaches the chantier's map."""
    from feuille_de_route.viz import build_cartography

    rows = _team("enfance", "alsh")
    store = MemoryStore(build_graph(read_workbook(write_csv_rows(tmp_path / "c", rows))))
    page = build_cartography(store, "feuille-de-route")
    found = re.search(
        r'<script id="carto-donnees" type="application/json">(.*?)</script>', page, re.S
    )
    assert found
    data = json.loads(found.group(1))
    ident = {node["id"]: node["ident"] for node in data["nodes"]}
    roles = {
        (ident[edge["from"]], ident[edge["to"]]): item["texte"]
        for edge in data["edges"]
        for section in edge.get("details", [])
        for item in section["items"]
    }
    assert roles[("enfance", "1.a")] == "pilote"
    assert roles[("alsh", "1.a")] == "co-pilote"
