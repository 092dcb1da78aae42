"""Removing roadmaps: each with the graphs of its space, from a store in one transaction or
from a real ``oxigraph serve`` by the Graph Store Protocol; an unknown IRI removes nothing."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from feuille_de_route.cli import main
from feuille_de_route.graph.store import (
    VOCABULARY_GRAPH,
    EndpointStore,
    OxigraphStore,
    StoreError,
    publish,
    remove_roadmaps,
    roadmap_graph_name,
    roadmap_space,
)
from feuille_de_route.ontology import FDR


def test_the_space_of_a_roadmap_is_its_graph_and_those_under_its_path() -> None:
    names = ["https://a.fr/t/", "https://a.fr/t/lieux", "https://a.fr/t2/", "https://a.fr/x#"]
    assert roadmap_space("https://a.fr/t/", names) == ["https://a.fr/t/", "https://a.fr/t/lieux"]
    assert roadmap_space("https://a.fr/x#", [*names, "https://a.fr/x#y"]) == [
        "https://a.fr/x#",
        "https://a.fr/x#y",
    ]
    # Without a closing / or #, only its own graph: never its neighbour's.
    assert roadmap_space("https://a.fr/t", [*names, "https://a.fr/t"]) == ["https://a.fr/t"]
    assert roadmap_space("https://a.fr/u/", names) == []


def _lieux(base: str) -> Graph:
    lieux = Graph()
    lieux.parse(
        data=f'<{base}lieu/1> <http://www.w3.org/2000/01/rdf-schema#label> "Lieu" .',
        format="turtle",
    )
    return lieux


@pytest.fixture
def two(tmp_path: Path, perigueux: Graph, bergerac: Graph) -> tuple[Path, str, str]:
    folder = tmp_path / "stockage"
    with closing(OxigraphStore(folder)) as store:
        for graph in (perigueux, bergerac):
            store.add_graph(graph, roadmap_graph_name(graph))
        store.add_graph(
            _lieux(roadmap_graph_name(perigueux)), roadmap_graph_name(perigueux) + "lieux"
        )
    return folder, roadmap_graph_name(perigueux), roadmap_graph_name(bergerac)


def test_a_roadmap_goes_with_its_lieux_and_the_others_stay(two: tuple[Path, str, str]) -> None:
    folder, perigueux, bergerac = two
    with closing(OxigraphStore(folder)) as store:
        removed = remove_roadmaps(store, [perigueux])
        assert removed == {perigueux: [perigueux, perigueux + "lieux"]}
        assert store.graph_names() == [bergerac]
        assert store.holds(VOCABULARY_GRAPH)
        rows = store.select(f"SELECT ?r WHERE {{ ?r a <{FDR}FeuilleDeRoute> }}", {}).rows
        assert rows == [{"r": URIRef(bergerac)}]


def test_an_unknown_iri_among_known_ones_removes_nothing(two: tuple[Path, str, str]) -> None:
    folder, perigueux, bergerac = two
    with closing(OxigraphStore(folder)) as store:
        with pytest.raises(StoreError, match=r"nulle-part.*Rien n'a été retiré"):
            remove_roadmaps(store, [perigueux, "https://exemple.fr/nulle-part/"])
        assert store.graph_names() == sorted([perigueux, perigueux + "lieux", bergerac])
        with pytest.raises(StoreError, match="vocabulaire"):
            store.remove_graphs([VOCABULARY_GRAPH])
        # A name is checked as an IRI before it enters the update: no way out of <…>.
        with pytest.raises(StoreError):
            store.remove_graphs([perigueux, "https://x.fr/> ; DROP ALL ; <https://x.fr/"])
        assert store.graph_names() == sorted([perigueux, perigueux + "lieux", bergerac])


@pytest.mark.server
def test_retirer_on_a_real_server(
    oxigraph_server: Any, perigueux: Graph, bergerac: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = f"{oxigraph_server.url}/query"
    for graph in (perigueux, bergerac):
        publish(graph, endpoint, roadmap_graph_name(graph))
    first, second = roadmap_graph_name(perigueux), roadmap_graph_name(bergerac)
    publish(_lieux(first), endpoint, first + "lieux")
    assert EndpointStore(endpoint).graph_names() == sorted([first, first + "lieux", second])
    assert main(["retirer", first, "--endpoint", oxigraph_server.url]) == 0
    assert "Retirée" in capsys.readouterr().out
    assert oxigraph_server.count(first) == 0 and oxigraph_server.count(first + "lieux") == 0
    assert oxigraph_server.count(second) > 10
    assert oxigraph_server.count(VOCABULARY_GRAPH) > 10
    assert EndpointStore(endpoint).graph_names() == [second]


@pytest.mark.server
def test_retirer_sends_its_deletes_to_the_depot_given(
    oxigraph_server: Any, perigueux: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = f"{oxigraph_server.url}/query"
    first = roadmap_graph_name(perigueux)
    publish(perigueux, endpoint, first)
    # No Graph Store there: the DELETE goes to the address given, fails, and says where.
    elsewhere = f"{oxigraph_server.url}/ailleurs"
    assert main(["retirer", first, "--endpoint", endpoint, "--depot", elsewhere]) == 2
    assert "/ailleurs" in capsys.readouterr().err
    assert oxigraph_server.count(first) == len(perigueux)
    depot = f"{oxigraph_server.url}/store"
    assert main(["retirer", first, "--endpoint", endpoint, "--depot", depot]) == 0
    assert oxigraph_server.count(first) == 0


def test_a_depot_goes_with_a_server_only(
    two: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, perigueux, _ = two
    arguments = ["retirer", perigueux, "--stockage", str(folder), "--depot", "http://x.fr/store"]
    assert main(arguments) == 2
    assert "--depot va avec --endpoint" in capsys.readouterr().err
    with closing(OxigraphStore(folder)) as store:
        assert perigueux in store.graph_names()
    with pytest.raises(StoreError, match=r"adresse Graph Store \(--depot\) invalide"):
        EndpointStore("http://127.0.0.1:9/query", store_url="file:///etc/passwd")
