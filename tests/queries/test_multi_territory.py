"""Several roadmaps in one store: ``feuilleDeRoute`` picks one, and none leak into another."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from rdflib import Graph

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.queries import QueryDef, catalogue, run_query

QUERIES = [q for q in catalogue() if q.parameter("feuilleDeRoute") is not None]
VALID = {"chantier": "1.b", "date": datetime.date(2020, 1, 1)}


def _unordered(column: str, value: object) -> object:
    """GROUP_CONCAT joins in the engine's order (SPARQL fixes none): sort its parts."""
    if column == "pilotes" and isinstance(value, str):
        return " | ".join(sorted(value.split(" | ")))
    return value


def _canonical(rows: list[dict[str, object]]) -> list[str]:
    return sorted(repr(sorted((k, _unordered(k, v)) for k, v in row.items())) for row in rows)


@pytest.fixture(scope="module")
def other_store(second_folder: Path) -> MemoryStore:
    return MemoryStore(load_roadmap(second_folder))


# Issue 11's questions span roadmaps: they name theirs (maFeuilleDeRoute…) instead.
ACROSS = {"chantiers-memes-themes", "comparaison", "comptes-nationaux", "operant-ailleurs"}


def test_every_query_that_can_be_narrowed_says_so() -> None:
    assert {q.name for q in QUERIES} == {q.name for q in catalogue()} - ACROSS


@pytest.fixture(scope="module")
def two_on_oxigraph(
    gp_graph: Graph, second_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> OxigraphStore:
    """The two roadmaps in an Oxigraph store, one named graph each."""
    store = OxigraphStore(tmp_path_factory.mktemp("deux") / "stockage")
    for graph in (gp_graph, load_roadmap(second_folder)):
        store.add_graph(graph, roadmap_graph_name(graph))
    return store


@pytest.mark.parametrize("engine", ["memory", "oxigraph"])
@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_one_roadmap_out_of_two(
    query: QueryDef,
    engine: str,
    two_territories: MemoryStore,
    two_on_oxigraph: OxigraphStore,
    gp_store: MemoryStore,
    other_store: MemoryStore,
    gp_iri: str,
    other_iri: str,
) -> None:
    store: Store = two_territories if engine == "memory" else two_on_oxigraph
    params = {p.name: VALID[p.name] for p in query.parameters if p.required}
    alone_gp = run_query(query.name, gp_store, **params)
    alone_other = run_query(query.name, other_store, **params)
    both = run_query(query.name, store, **params)
    only_gp = run_query(query.name, store, feuilleDeRoute=gp_iri, **params)
    only_other = run_query(query.name, store, feuilleDeRoute=other_iri, **params)
    assert _canonical(only_gp) == _canonical(alone_gp)
    assert _canonical(only_other) == _canonical(alone_other)
    # Rows that name no node of either roadmap (a fiche's texts) may coincide and be merged.
    assert set(_canonical(both)) == set(_canonical(alone_gp)) | set(_canonical(alone_other))
    assert len(both) <= len(alone_gp) + len(alone_other)
    for row in only_other:
        for value in row.values():
            assert not (isinstance(value, str) and value.startswith(gp_iri))


def test_the_two_roadmaps_differ_where_the_copy_was_trimmed(
    gp_store: MemoryStore, other_store: MemoryStore
) -> None:
    gp_rows = run_query("mobilisations", gp_store, chantier="1.b")
    other_rows = run_query("mobilisations", other_store, chantier="1.b")
    assert len(other_rows) == 1 < len(gp_rows)
    assert run_query("actions", other_store, chantier="1.a") == []
    assert run_query("actions", gp_store, chantier="1.a")


SCOPED = [q for q in QUERIES if q.name != "feuilles-de-route"]


@pytest.mark.parametrize("query", SCOPED, ids=[q.name for q in SCOPED])
def test_the_body_reads_one_roadmaps_graph(query: QueryDef) -> None:
    body = query.text.split("\nWHERE {", 1)[1]
    assert body.lstrip().startswith("GRAPH ?_feuilleDeRoute {")
    # The anti-join is OPTIONAL + !BOUND: FILTER NOT EXISTS and MINUS are each slow on
    # one of the engines.
    code = "\n".join(line.split("#", 1)[0] for line in query.text.splitlines())
    assert "NOT EXISTS" not in code.upper() and "MINUS" not in code.upper()
    # No subquery: Oxigraph 0.5 drops the GRAPH restriction around one.
    assert code.upper().count("SELECT") == 1


@pytest.mark.parametrize("query", SCOPED, ids=[q.name for q in SCOPED])
def test_a_roadmap_is_found_in_the_graph_named_by_its_iri_only(
    query: QueryDef, gp_graph: Graph, gp_iri: str
) -> None:
    params = {p.name: VALID[p.name] for p in query.parameters if p.required}
    misnamed = MemoryStore()
    misnamed.add_graph(gp_graph, "https://exemple.fr/graphe/autre-nom")
    assert run_query(query.name, misnamed, feuilleDeRoute=gp_iri, **params) == []
    well_named = MemoryStore()
    well_named.add_graph(gp_graph, gp_iri)
    assert run_query(query.name, well_named, feuilleDeRoute=gp_iri, **params) == run_query(
        query.name, MemoryStore(gp_graph), **params
    )
