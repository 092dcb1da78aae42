"""The catalogue queries the maps read to show every fact: annotations, ressources,
gouvernance (and coordination's row IRI), on the Grand Périgueux and on a store holding
a second roadmap, on rdflib and Oxigraph alike."""

from typing import Any

import pytest
from rdflib import Graph

from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.queries import run_query

pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")


@pytest.fixture(scope="module", params=["memory", "oxigraph"])
def store(
    request: pytest.FixtureRequest, gp_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Store:
    if request.param == "memory":
        return MemoryStore(gp_graph, engine="rdflib")
    oxigraph = OxigraphStore(tmp_path_factory.mktemp("cartes") / "stockage")
    oxigraph.add_graph(gp_graph, roadmap_graph_name(gp_graph))
    return oxigraph


def _rows(name: str, store: Store, gp_iri: str) -> list[dict[str, Any]]:
    return run_query(name, store, feuilleDeRoute=gp_iri)


def test_annotations_hold_the_ten_resource_assumptions(store: Store, gp_iri: str) -> None:
    rows = _rows("annotations", store, gp_iri)
    assert {r["rubrique"] for r in rows} == {"hypothese", "note", "description"}
    resources = {r["ressource"] for r in _rows("ressources", store, gp_iri)}
    assumed = {r["sujet"] for r in rows if r["rubrique"] == "hypothese" and r["sujet"] in resources}
    assert len(assumed) == 10
    coordinations = {r["coordination"] for r in _rows("coordination", store, gp_iri)}
    assert coordinations & {r["sujet"] for r in rows if r["rubrique"] == "hypothese"}


def test_ressources_lists_every_resource_with_its_kind(store: Store, gp_iri: str) -> None:
    rows = _rows("ressources", store, gp_iri)
    mobilised = {r["ressource"] for r in _rows("mobilisations", store, gp_iri)}
    assert {r["ressource"] for r in rows} >= mobilised
    assert all(r["typeLabel"] and r["type"].startswith("https://") for r in rows)
    assert all(r["mobilisee"] is (r["ressource"] in mobilised) for r in rows)


def test_gouvernance_names_acteurs_services_and_resources(store: Store, gp_iri: str) -> None:
    rows = _rows("gouvernance", store, gp_iri)
    kinds = {r["acteurType"].rsplit("#", 1)[1] for r in rows}
    assert kinds == {"Acteur", "Service", "Ressource"}
    assert all(r["roleLabel"] and r["chantierId"] for r in rows)
