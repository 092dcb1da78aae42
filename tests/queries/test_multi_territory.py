"""Several roadmaps in one store: ``feuilleDeRoute`` picks one, and none leak into another."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from feuille_de_route.graph import load_roadmap
from feuille_de_route.graph.store import MemoryStore, OxigraphStore, Store, roadmap_graph_name
from feuille_de_route.ontology import FDR
from feuille_de_route.queries import QueryDef, catalogue, run_query

QUERIES = [q for q in catalogue() if q.parameter("feuilleDeRoute") is not None]
GEO = "https://w3id.org/feuille-de-route/geo"
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
ACROSS = {
    "carte-comparaison",
    "carte-comparaison-siren",
    "chantiers-memes-themes",
    "comparaison",
    "comptes-nationaux",
    "comptes-regionaux",
    "defis-par-departement",
    "defis-par-region",
    "operant-ailleurs",
    "operant-ailleurs-classement",
    "territoires-memes-themes",
}


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


def _code(query: QueryDef) -> str:
    return "\n".join(line.split("#", 1)[0] for line in query.text.splitlines())


@pytest.mark.parametrize("query", SCOPED, ids=[q.name for q in SCOPED])
def test_the_body_reads_the_default_graph_and_scopes_by_the_data(query: QueryDef) -> None:
    code = _code(query)
    # No graph name: a roadmap is found however it was loaded (issue 10, item 1).
    assert "GRAPH" not in code.upper()
    assert "?_feuilleDeRoute" in code
    # The anti-join is OPTIONAL + !BOUND: FILTER NOT EXISTS and MINUS are each slow on
    # one of the engines.
    assert "NOT EXISTS" not in code.upper() and "MINUS" not in code.upper()


def _everything_in_the_default_graph(*graphs: Graph) -> Dataset:
    dataset = Dataset(default_union=True)
    for graph in graphs:
        dataset.default_context.addN((s, p, o, dataset.default_context) for s, p, o in graph)
    return dataset


# Late actions need the follow-up's end dates, which the Grand Périgueux source does not
# give: test_suivi_queries.py makes the same check on a territory that has some.
FOUND_IN_GP = [q for q in SCOPED if q.name != "actions-en-retard"]


@pytest.mark.parametrize("query", FOUND_IN_GP, ids=[q.name for q in FOUND_IN_GP])
def test_a_roadmap_is_found_whatever_graph_it_was_loaded_in(
    query: QueryDef, gp_graph: Graph, gp_store: MemoryStore, gp_iri: str
) -> None:
    """Regression test for issue 10: loaded in the default graph or in a graph of any
    name, the Grand Périgueux gave no row to any catalogue query."""
    example = {**VALID, "minimum": 1}  # values that give rows on the Grand Périgueux
    params = {p.name: example[p.name] for p in query.parameters if p.name in example}
    expected = run_query(query.name, gp_store, feuilleDeRoute=gp_iri, **params)
    assert expected
    misnamed = MemoryStore()
    misnamed.add_graph(gp_graph, "https://exemple.fr/graphe/autre-nom")
    default = MemoryStore(_everything_in_the_default_graph(gp_graph))
    for store in (misnamed, default):
        assert run_query(query.name, store, feuilleDeRoute=gp_iri, **params) == expected
        assert run_query(query.name, store, **params) == expected


@pytest.fixture(scope="module")
def two_in_default_graphs(
    gp_graph: Graph, second_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Store]:
    """The two roadmaps in the default graph of one store, mixed: rdflib and Oxigraph."""
    both = _everything_in_the_default_graph(gp_graph, load_roadmap(second_folder))
    folder = tmp_path_factory.mktemp("defaut")
    path = folder / "deux.nt"
    both.default_context.serialize(path, format="nt", encoding="utf-8")
    oxigraph = OxigraphStore(folder / "stockage")
    oxigraph.load_file(path)
    return {"memoire-defaut": MemoryStore(both, engine="rdflib"), "oxigraph-defaut": oxigraph}


@pytest.mark.parametrize("engine", ["memoire-defaut", "oxigraph-defaut"])
@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_one_roadmap_out_of_two_in_one_default_graph(
    query: QueryDef,
    engine: str,
    two_in_default_graphs: dict[str, Store],
    gp_store: MemoryStore,
    other_store: MemoryStore,
    gp_iri: str,
    other_iri: str,
) -> None:
    """No graph keeps the roadmaps apart, and they share the national nodes (same
    communes, département, EPCI): each roadmap's answer is still its own."""
    store = two_in_default_graphs[engine]
    params = {p.name: VALID[p.name] for p in query.parameters if p.required}
    for iri, alone in ((gp_iri, gp_store), (other_iri, other_store)):
        expected = _canonical(run_query(query.name, alone, **params))
        assert _canonical(run_query(query.name, store, feuilleDeRoute=iri, **params)) == expected


def _subjects(graph: Graph) -> set[str]:
    return {str(s) for s in graph.subjects() if isinstance(s, URIRef)}


@pytest.mark.parametrize("which", ["grand-perigueux", "second"])
def test_annotations_reach_every_node_of_the_roadmap_and_no_national_node(
    which: str, gp_graph: Graph, second_folder: Path, gp_iri: str, other_iri: str
) -> None:
    """The block of annotations.rq and hypotheses.rq that finds a roadmap's nodes by the
    data: with a note on every subject of both roadmaps and of the national nodes, one
    roadmap's annotations name each of its own nodes and nothing else."""
    graphs = {"grand-perigueux": gp_graph, "second": load_roadmap(second_folder)}
    noted = Graph()
    for graph in graphs.values():
        for triple in graph:
            noted.add(triple)
    for subject in _subjects(noted):
        noted.add((URIRef(subject), SKOS.note, Literal("note d'essai", lang="fr")))
        noted.add((URIRef(subject), FDR.hypothese, Literal("hypothèse d'essai")))
    store = MemoryStore(_everything_in_the_default_graph(noted))
    iri = gp_iri if which == "grand-perigueux" else other_iri
    # Its synthèse is computed, never annotated (what a source says of it is dropped).
    own = {
        s
        for s in _subjects(graphs[which])
        if s.startswith(iri) and not s.startswith(f"{iri}synthese")
    }
    national = {s for s in _subjects(graphs[which]) if not s.startswith(iri)}
    assert len(own) > 400
    assert national and all(s.startswith(f"{GEO}/") for s in national)
    for name in ("annotations", "hypotheses"):
        rows = run_query(name, store, feuilleDeRoute=iri)
        assert {str(r["sujet"]) for r in rows} == own, name
