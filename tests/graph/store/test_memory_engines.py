"""The in-memory store on its two engines: Oxigraph (default) and rdflib (the reference).

Each thing ``MemoryStore`` does is checked on both, with the same expectations: named
graphs per roadmap, a Dataset's own graphs, ``add_graph``, bound values as terms, ASK,
the vocabulary graph, ``FROM``, the time limit. The whole catalogue on both engines is in
``test_catalogue_stores.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDFS, BNode, Dataset, Graph, Literal, URIRef

from feuille_de_route.graph.store import (
    MemoryStore,
    OxigraphStore,
    Store,
    StoreError,
    roadmap_graph_name,
    vocabulary_graph,
)
from feuille_de_route.graph.store._deadline import QueryTimeout
from feuille_de_route.graph.store._values import names_its_dataset

ENGINES = ["oxigraph", "rdflib"]
PREFIXES = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
COUNT_IN = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"


def _count(store: MemoryStore, query: str, **bindings: URIRef) -> int:
    return int(store.select(query, bindings).rows[0]["n"])  # type: ignore[arg-type]


def test_the_default_engine_is_oxigraph(perigueux: Graph) -> None:
    assert MemoryStore(perigueux).engine == "oxigraph"


def test_an_unknown_engine_is_a_french_error() -> None:
    with pytest.raises(StoreError, match="moteur en mémoire inconnu"):
        MemoryStore(engine="jena")  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_several_roadmaps_are_split_by_iri(
    engine: str, make_roadmap: Callable[[str, str], Graph]
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    bergerac = make_roadmap("Bergerac", "200027183")
    both = perigueux + bergerac
    stray = URIRef("http://ailleurs.example/x")
    both.add((stray, RDFS.label, Literal("hors de toute feuille de route")))
    store = MemoryStore(both, engine=engine)  # type: ignore[arg-type]
    assert store.graph_names() == sorted(roadmap_graph_name(g) for g in (perigueux, bergerac))
    for graph in (perigueux, bergerac):
        assert _count(store, COUNT_IN, _g=URIRef(roadmap_graph_name(graph))) == len(graph)
    assert store.ask("ASK { ?_x ?p ?o }", {"_x": stray})
    assert not store.ask("ASK { GRAPH ?g { ?_x ?p ?o } }", {"_x": stray})


@pytest.mark.parametrize("engine", ENGINES)
def test_a_dataset_keeps_its_graphs_and_blank_nodes(engine: str, perigueux: Graph) -> None:
    dataset = Dataset()
    name = URIRef(roadmap_graph_name(perigueux))
    roadmap = dataset.graph(name)
    for triple in perigueux:
        roadmap.add(triple)
    note = BNode()
    roadmap.add((name, RDFS.comment, note))
    other = dataset.graph(URIRef("https://exemple.fr/notes"))
    other.add((note, RDFS.label, Literal("note « partagée »", lang="fr")))
    dataset.add((URIRef("https://exemple.fr/x"), RDFS.label, Literal("défaut")))
    store = MemoryStore(dataset, engine=engine)  # type: ignore[arg-type]
    assert store.graph_names() == sorted([str(name), "https://exemple.fr/notes"])
    assert _count(store, COUNT_IN, _g=name) == len(perigueux) + 1
    # The blank node joins across the two graphs; the default graph is in the union.
    query = "SELECT ?l WHERE { ?_r <http://www.w3.org/2000/01/rdf-schema#comment> ?n . ?n ?p ?l }"
    rows = store.select(query, {"_r": name}).rows
    assert [row["l"] for row in rows] == [Literal("note « partagée »", lang="fr")]
    assert store.ask("ASK { ?s ?p ?_o }", {"_o": Literal("défaut")})


@pytest.mark.parametrize("engine", ENGINES)
def test_add_graph_replaces_and_names(
    engine: str, make_roadmap: Callable[[str, str], Graph]
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    name = roadmap_graph_name(perigueux)
    store = MemoryStore(engine=engine)  # type: ignore[arg-type]
    assert store.graph_names() == []
    store.add_graph(perigueux, name)
    smaller = Graph()
    for triple in perigueux:
        if "action/" not in str(triple[0]):
            smaller.add(triple)
    store.add_graph(smaller, name)
    assert store.graph_names() == [name]
    assert _count(store, COUNT_IN, _g=URIRef(name)) == len(smaller) < len(perigueux)
    total = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert _count(store, total) == len(smaller) + len(vocabulary_graph())
    store.add_graph(Graph(), name)  # an emptied graph is no longer named
    assert store.graph_names() == []
    with pytest.raises(StoreError, match="IRI"):
        store.add_graph(perigueux, "pas une iri")


@pytest.mark.parametrize("engine", ENGINES)
def test_bound_values_are_terms_never_text(engine: str, perigueux: Graph) -> None:
    store = MemoryStore(perigueux, engine=engine)  # type: ignore[arg-type]
    query = PREFIXES + "SELECT ?c WHERE { ?c dcterms:identifier ?_id ; a fdr:Chantier }"
    assert len(store.select(query, {"_id": Literal("1.b")}).rows) == 1
    for hostile in ['1.b" } ?s ?p ?o #', "1.b\n} UNION { ?c ?p ?o }", "\u0000\\u0022"]:
        assert store.select(query, {"_id": Literal(hostile)}).rows == []
    ask = PREFIXES + "ASK { ?c dcterms:identifier ?_id ; a fdr:Chantier }"
    assert store.ask(ask, {"_id": Literal("1.a")}) and not store.ask(ask, {"_id": Literal("9")})
    if engine == "oxigraph":  # written into the query text: checked (rdflib binds the term)
        with pytest.raises(StoreError, match="IRI"):
            store.select(query, {"_id": URIRef("http://x/a> . ?s ?p <http://y")})


@pytest.mark.parametrize("engine", ENGINES)
def test_labels_come_from_the_vocabulary_given(engine: str, perigueux: Graph) -> None:
    vocabulary = vocabulary_graph()
    changed = Graph()
    for s, p, o in vocabulary:
        if p == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel") and o == Literal(
            "opérante", lang="fr"
        ):
            o = Literal("en marche", lang="fr")
        changed.add((s, p, o))
    query = PREFIXES + "SELECT ?l WHERE { ?m fdr:statut ?s . ?s skos:prefLabel ?l }"
    default = MemoryStore(perigueux, engine=engine)  # type: ignore[arg-type]
    other = MemoryStore(perigueux, vocabulary=changed, engine=engine)  # type: ignore[arg-type]
    assert Literal("opérante", lang="fr") in [r["l"] for r in default.select(query, {}).rows]
    labels = [r["l"] for r in other.select(query, {}).rows]
    assert Literal("en marche", lang="fr") in labels
    assert Literal("opérante", lang="fr") not in labels
    assert other.graph_names() == [roadmap_graph_name(perigueux)]


def test_from_reads_only_the_named_graph_on_every_engine(
    make_roadmap: Callable[[str, str], Graph], tmp_path: Path
) -> None:
    """Regression: Oxigraph read the union whatever the query's FROM said."""
    perigueux = make_roadmap("Perigueux", "200040392")
    bergerac = make_roadmap("Bergerac", "200027183")
    name = roadmap_graph_name(perigueux)
    disk = OxigraphStore(tmp_path / "s")
    stores: list[Store] = [MemoryStore(perigueux), MemoryStore(perigueux, engine="rdflib"), disk]
    for store in stores:
        store.add_graph(perigueux, name)
        store.add_graph(bergerac, roadmap_graph_name(bergerac))
        query = f"SELECT (COUNT(*) AS ?n) FROM <{name}> WHERE {{ ?s ?p ?o }}"
        assert int(store.select(query, {}).rows[0]["n"]) == len(perigueux)  # type: ignore[arg-type]
        named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{name}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
        assert int(store.select(named, {}).rows[0]["n"]) == len(perigueux)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
        ("select * from named <urn:g> where { graph ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?from ?p ?o }", False),
        ("PREFIX from: <urn:x#> SELECT (from:f(?s) AS ?x) WHERE { ?s ?p ?o }", False),
        ('# FROM <urn:g>\nSELECT ("FROM" AS ?x) WHERE { ?s ?p <urn:FROM> }', False),
        ("SELECT * WHERE { ?s ?p ?o . FILTER(?o != 'x') } # FROM", False),
    ],
)
def test_a_from_clause_is_found_in_code_only(query: str, names: bool) -> None:
    assert names_its_dataset(query) is names


def test_a_query_past_its_time_limit_stops_in_french(perigueux: Graph) -> None:
    store = MemoryStore(perigueux, timeout=0.5)
    cartesian = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryTimeout, match=r"délai de 0\.5 s"):
        store.select(cartesian, {})


def test_a_syntax_error_is_a_french_store_error(perigueux: Graph) -> None:
    with pytest.raises(StoreError, match="requête SPARQL invalide"):
        MemoryStore(perigueux).select("SELECT WHERE {", {})
