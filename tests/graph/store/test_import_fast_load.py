"""The import writes a roadmap's quads once (issue 11, performance): a graph the Oxigraph
store does not hold yet by one ``extend`` (one transaction), a graph held by one SPARQL
update that drops and inserts (atomic), its terms given by functions, never written as
SPARQL text. Either way the store then holds exactly the new version, and bad data leave
it as it was."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from feuille_de_route.graph.store import OxigraphStore, StoreError
from feuille_de_route.graph.store._terms import ntriples

NAME = "https://example.org/territoires/essai/"
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")


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


def _all(store: OxigraphStore) -> set[str]:
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?_g { ?s ?p ?o } }", {"_g": URIRef(NAME)})
    return {" ".join(repr(row[k]) for k in ("s", "p", "o")) for row in rows.rows}


def test_a_replaced_graph_takes_its_terms_verbatim_and_keeps_its_blank_nodes(
    tmp_path: Path,
) -> None:
    """Literals that would end a SPARQL string or group, and blank nodes shared by two
    triples, go in as they are: the data never go through the update's text."""
    store = OxigraphStore(tmp_path / "s")
    store.add_graph(_graph("ancien"), NAME)
    hostile = '"} } ; DROP ALL ; INSERT DATA { <urn:x> <urn:y> "z" } #\n\\'
    node, label = ox.BlankNode(), ox.NamedNode(NAME + "label")
    quads = [
        ox.Quad(ox.NamedNode(NAME + "a"), label, ox.Literal(hostile, language="fr")),
        ox.Quad(ox.NamedNode(NAME + "a"), ox.NamedNode(NAME + "lien"), node),
        ox.Quad(node, label, ox.Literal("3", datatype=ox.NamedNode(str(XSD_INTEGER)))),
    ]
    store.add_quads(quads, NAME)
    held = _all(store)
    assert len(held) == 3
    assert repr(Literal(hostile, lang="fr")) in " ".join(held)
    rows = store.select(
        "SELECT ?n WHERE { GRAPH ?_g { ?a ?lien ?b . ?b ?label ?n . FILTER(isBlank(?b)) } }",
        {"_g": URIRef(NAME)},
    ).rows
    assert [int(row["n"]) for row in rows] == [3]  # type: ignore[arg-type]
    assert store.graph_names() == [NAME]
