"""SPARQL servers on both sides of ``importer``, with a real ``oxigraph serve``: a roadmap
read from a server (one bounded CONSTRUCT of its named graph), and sources imported into
a server (one Graph Store PUT each), where the scope rule sees the roadmaps it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import RDFS, Literal, URIRef

from feuille_de_route.graph.importer import EndpointSource, import_sources, stored_roadmaps
from feuille_de_route.graph.store import EndpointStore, MemoryStore, publish

from .import_territories import FOYEN_IRI, ISLE_IRI, Territories

pytestmark = [pytest.mark.server, pytest.mark.timeout(300)]


def test_a_roadmap_read_from_a_server(oxigraph_server: Any, territories: Territories) -> None:
    graph = territories.graphs[ISLE_IRI]
    publish(graph, oxigraph_server.url, ISLE_IRI)
    store = MemoryStore()
    [outcome] = import_sources([EndpointSource(oxigraph_server.url, ISLE_IRI)], store)
    assert outcome.imported, outcome.error
    assert outcome.triples == len(graph)
    assert store.graph_names() == [ISLE_IRI]
    assert outcome.source == f"{oxigraph_server.url} (feuille de route <{ISLE_IRI}>)"


def test_a_roadmap_the_server_lacks_is_named(oxigraph_server: Any) -> None:
    absent = "https://example.org/territoires/absent/"
    [outcome] = import_sources([EndpointSource(oxigraph_server.url, absent)], MemoryStore())
    assert outcome.error is not None
    assert f"ne tient aucun triplet dans le graphe <{absent}>" in outcome.error


def test_an_iri_that_is_not_one_is_refused_before_any_request(oxigraph_server: Any) -> None:
    [outcome] = import_sources(
        [EndpointSource(oxigraph_server.url, "https://x/> } DROP ALL #")], MemoryStore()
    )
    assert outcome.error is not None and "n'est pas une IRI absolue valide" in outcome.error


def test_sources_imported_into_a_server(
    oxigraph_server: Any, territories: Territories, tmp_path: Path
) -> None:
    store = EndpointStore(oxigraph_server.url, timeout=30)
    outcomes = import_sources([territories.isle_xlsx, territories.foyen_trig], store)
    assert [o.error for o in outcomes] == [None, None]
    assert stored_roadmaps(store) == {ISLE_IRI, FOYEN_IRI}
    for name in (ISLE_IRI, FOYEN_IRI):
        assert oxigraph_server.count(name) == len(territories.graphs[name])
    # The server's roadmaps bound the next source: Pays Foyen may not rename Isle's chantier.
    claiming = territories.graphs[FOYEN_IRI]
    claiming.add((URIRef(ISLE_IRI + "chantier/1.a"), RDFS.label, Literal("volé")))
    try:
        path = tmp_path / "voleur.ttl"
        claiming.serialize(path, format="turtle", encoding="utf-8")
    finally:
        claiming.remove((URIRef(ISLE_IRI + "chantier/1.a"), RDFS.label, Literal("volé")))
    [refused] = import_sources([path], store)
    assert refused.error is not None and "IRI d'un autre territoire" in refused.error
    assert oxigraph_server.count(ISLE_IRI) == len(territories.graphs[ISLE_IRI])
    assert oxigraph_server.count(FOYEN_IRI) == len(territories.graphs[FOYEN_IRI])


def test_sources_go_to_the_depot_given(oxigraph_server: Any, territories: Territories) -> None:
    elsewhere = EndpointStore(
        oxigraph_server.url, timeout=30, store_url=f"{oxigraph_server.url}/ailleurs"
    )
    [failed] = import_sources([territories.isle_xlsx], elsewhere)
    assert failed.error is not None and "/ailleurs" in failed.error
    assert oxigraph_server.count(ISLE_IRI) == 0
    depot = EndpointStore(oxigraph_server.url, timeout=30, store_url=f"{oxigraph_server.url}/store")
    [done] = import_sources([territories.isle_xlsx], depot)
    assert done.error is None
    assert oxigraph_server.count(ISLE_IRI) == len(territories.graphs[ISLE_IRI])
