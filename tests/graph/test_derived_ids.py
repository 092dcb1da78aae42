"""Issue 8: actions, critères and freins left without an ID get ``<chantier>-<n>``."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

from feuille_de_route.graph import (
    SHEETS,
    build_graph,
    graph_to_workbook,
    read_workbook,
    write_workbook,
)
from feuille_de_route.ontology import FDR

from .conftest import Rows, mini_rows


def _without_ids() -> Rows:
    rows = mini_rows()
    rows["Actions"] = [
        {"chantier": "1.b", "intitulé": "Première"},
        {"identifiant": "1.b-2", "chantier": "1.b", "intitulé": "Nommée"},
        {"chantier": "1.b", "intitulé": "Troisième"},
        {"chantier": "1.a", "intitulé": "Autre chantier"},
    ]
    rows["Critères"] = [{"chantier": "1.b", "intitulé": "ALSH équipés"}]
    rows["Freins"] = [{"chantier": "1.a", "intitulé": "Pas de wifi"}]
    return rows


def test_empty_ids_are_derived_skipping_taken_ones(csv_folder: Callable[[Rows], Path]) -> None:
    graph = build_graph(read_workbook(csv_folder(_without_ids())))
    actions = {
        str(graph.value(a, DCTERMS.identifier)): str(graph.value(a, DCTERMS.title) or "")
        for a in graph.subjects(None, FDR.ActionConcrete)
    }
    assert sorted(actions) == ["1.a-1", "1.b-1", "1.b-2", "1.b-3"]
    assert (None, DCTERMS.identifier, Literal("1.b-1")) in graph
    critere = next(graph.subjects(None, FDR.CritereDeReussite))
    assert str(critere).endswith("/critere/1.b-1")
    frein = next(graph.subjects(None, FDR.Frein))
    assert str(frein).endswith("/frein/1.a-1")


def test_template_notes_say_ids_may_be_derived() -> None:
    for spec in SHEETS:
        if spec.name in ("Actions", "Critères", "Freins"):
            column = spec.column("identifiant")
            assert not column.required and "1.b-1" in column.note


@pytest.mark.parametrize("target", ["classeur.xlsx", "dossier-csv"])
def test_derived_ids_round_trip(
    csv_folder: Callable[[Rows], Path], tmp_path: Path, target: str
) -> None:
    original = build_graph(read_workbook(csv_folder(_without_ids())))
    write_workbook(graph_to_workbook(original), tmp_path / target)
    assert isomorphic(build_graph(read_workbook(tmp_path / target)), original)
