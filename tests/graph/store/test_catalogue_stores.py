"""The whole catalogue on the Grand Périgueux gives the same rows on every store."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from rdflib import Graph

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import (
    EndpointStore,
    MemoryStore,
    OxigraphStore,
    Store,
    roadmap_graph_name,
)
from feuille_de_route.queries import QueryDef, catalogue, run_query


@pytest.fixture(scope="module")
def grand_perigueux() -> Graph:
    return load_roadmap(None)


def _chantier_ids(graph: Graph) -> list[str]:
    rows = (
        MemoryStore(graph)
        .select(
            "PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT ?id WHERE { ?c a fdr:Chantier ; dcterms:identifier ?id } ORDER BY ?id",
            {},
        )
        .rows
    )
    return [str(row["id"]) for row in rows]


def _parameter_sets(query: QueryDef, graph: Graph) -> list[dict[str, object]]:
    """Several realistic parameter sets: every optional one left out, then each given."""
    values: dict[str, object] = {
        "chantier": _chantier_ids(graph)[1],
        "feuilleDeRoute": roadmap_graph_name(graph),
        # The cross-territory questions (issue 11), asked about the one roadmap here.
        "maFeuilleDeRoute": roadmap_graph_name(graph),
        "autreFeuilleDeRoute": roadmap_graph_name(graph),
        "departement": "https://w3id.org/feuille-de-route/geo/departement/24",
        "region": "https://w3id.org/feuille-de-route/geo/region/75",
        "date": datetime.date(2020, 1, 1),
        "seuil": 5,
        "minimum": 1,
    }
    required = {p.name: values[p.name] for p in query.parameters if p.required}
    sets = [required]
    for parameter in query.parameters:
        if not parameter.required and parameter.name in values:
            sets.append({**required, parameter.name: values[parameter.name]})
    return sets


def _unordered(column: str, value: object) -> object:
    """GROUP_CONCAT joins in the engine's order (SPARQL fixes none): sort its parts."""
    if column == "pilotes" and isinstance(value, str):
        return " | ".join(sorted(value.split(" | ")))
    return value


def _canonical(rows: list[dict[str, object]]) -> list[str]:
    return sorted(repr(sorted((k, _unordered(k, v)) for k, v in row.items())) for row in rows)


Rows = list[dict[str, object]]
Asked = tuple[str, str, str]


@pytest.fixture(scope="module")
def answers() -> dict[Asked, Rows]:
    """Rows already fetched in this module, by (store, query, parameters): the memory and
    Oxigraph stores answer the whole catalogue once, for both tests (rdflib takes minutes
    under load)."""
    return {}


@pytest.fixture(scope="module")
def memory(grand_perigueux: Graph) -> MemoryStore:
    return MemoryStore(grand_perigueux, engine="rdflib")


@pytest.fixture(scope="module")
def oxigraph(grand_perigueux: Graph, tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    store = OxigraphStore(tmp_path_factory.mktemp("oxigraph") / "stockage")
    store.add_graph(grand_perigueux, roadmap_graph_name(grand_perigueux))
    return store


def _check_catalogue(stores: dict[str, Store], graph: Graph, answers: dict[Asked, Rows]) -> int:
    queries = catalogue()
    assert len(queries) >= 8, "the contract's catalogue queries should all be there"
    nonempty = 0
    for query in queries:
        for params in _parameter_sets(query, graph):
            results = {}
            for name, store in stores.items():
                asked = (name, query.name, repr(sorted(params.items())))
                if asked not in answers:
                    answers[asked] = run_query(query.name, store, **params)
                results[name] = answers[asked]
            expected = _canonical(results["memory"])
            nonempty += bool(expected)
            for name, rows in results.items():
                assert _canonical(rows) == expected, (query.name, params, name)
    return nonempty


def test_catalogue_memory_and_oxigraph(
    grand_perigueux: Graph,
    memory: MemoryStore,
    oxigraph: OxigraphStore,
    answers: dict[Asked, Rows],
) -> None:
    stores: dict[str, Store] = {
        "memory": memory,
        "oxigraph": oxigraph,
        "oxigraph-memoire": MemoryStore(grand_perigueux, engine="oxigraph"),
    }
    assert _check_catalogue(stores, grand_perigueux, answers) > 10  # most queries find rows


@pytest.mark.server
@pytest.mark.timeout(300)
def test_catalogue_on_three_stores(
    grand_perigueux: Graph,
    memory: MemoryStore,
    oxigraph: OxigraphStore,
    answers: dict[Asked, Rows],
    oxigraph_server: Any,
) -> None:
    name = roadmap_graph_name(grand_perigueux)
    endpoint = EndpointStore(oxigraph_server.url, timeout=30)
    endpoint.add_graph(grand_perigueux, name)
    stores: dict[str, Store] = {"memory": memory, "oxigraph": oxigraph, "endpoint": endpoint}
    assert _check_catalogue(stores, grand_perigueux, answers) > 10
