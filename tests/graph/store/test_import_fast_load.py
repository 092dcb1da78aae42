"""The import writes a roadmap's N-Triples once (issue 11, performance): a graph the
Oxigraph store does not hold yet by one ``load`` (one transaction), a graph held by one
SPARQL update that drops and inserts (atomic). Either way the store then holds exactly
the new version, and bad data leave it as it was."""

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from feuille_de_route.graph.store import OxigraphStore, StoreError
from feuille_de_route.graph.store._terms import ntriples

NAME = "https://example.org/territoires/essai/"


def _graph(*labels: str) -> Graph:
    graph = Graph()
    for number, label in enumerate(labels):
        graph.add((URIRef(f"{NAME}n{number}"), URIRef(NAME + "label"), Literal(label)))
    return graph


def _held(store: OxigraphStore) -> set[str]:
    rows = store.select("SELECT ?o WHERE { GRAPH ?_g { ?s ?p ?o } }", {"_g": URIRef(NAME)}).rows
    return {str(row["o"]) for row in rows}


def test_new_then_replaced_graph_holds_exactly_the_last_version(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    store.add_ntriples(ntriples(_graph("un", "deux")), NAME)
    assert _held(store) == {"un", "deux"}
    store.add_ntriples(ntriples(_graph("trois")), NAME)
    assert _held(store) == {"trois"}
    assert store.graph_names() == [NAME]


@pytest.mark.parametrize("held", [False, True], ids=["nouveau", "remplace"])
def test_bad_data_leave_the_store_unchanged(tmp_path: Path, held: bool) -> None:
    store = OxigraphStore(tmp_path / "s")
    if held:
        store.add_graph(_graph("ancien"), NAME)
    broken = ntriples(_graph("bon")) + b"<https://example.org/a> <https://example.org/b> .\n"
    with pytest.raises(StoreError, match="impossible d'enregistrer le graphe"):
        store.add_ntriples(broken, NAME)
    assert _held(store) == ({"ancien"} if held else set())
