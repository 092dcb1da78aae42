"""The embedded stores give rdflib's answers: same rows, same terms, same bindings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import RDFS, XSD, Graph, Literal, URIRef

from feuille_de_route.graph.store import (
    VOCABULARY_GRAPH,
    EndpointStore,
    MemoryStore,
    OxigraphStore,
    SelectResult,
    Store,
    StoreError,
    roadmap_graph_name,
    vocabulary_graph,
)

PREFIXES = """
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Queries of the catalogue's kinds: joins, OPTIONAL, aggregates, a subquery, a parameter
# that may stay unbound ("no restriction"), a FILTER on a bound parameter.
QUERIES = {
    "arbre": """
        SELECT ?enjeu ?defi ?chantier ?chantierId ?chantierLabel (COUNT(?action) AS ?nbActions)
        WHERE {
          ?defi fdr:repondA ?enjeu . ?chantier fdr:defi ?defi ;
            dcterms:identifier ?chantierId ; rdfs:label ?chantierLabel .
          OPTIONAL { ?action fdr:chantier ?chantier }
        } GROUP BY ?enjeu ?defi ?chantier ?chantierId ?chantierLabel""",
    "mobilisations": """
        SELECT ?mobilisation ?chantierId ?ressource ?ressourceLabel ?statut ?depuis ?hypothese
        WHERE {
          ?mobilisation fdr:chantier ?chantier ; fdr:ressource ?ressource ; fdr:statut ?statut .
          ?chantier dcterms:identifier ?chantierId . ?ressource rdfs:label ?ressourceLabel .
          OPTIONAL { ?mobilisation fdr:depuis ?depuis }
          OPTIONAL { ?mobilisation fdr:hypothese ?hypothese }
          FILTER(!BOUND(?_chantier) || ?chantierId = ?_chantier)
        }""",
    "sous-requete": """
        SELECT ?chantier ?n WHERE {
          ?chantier dcterms:identifier ?_chantier .
          { SELECT ?chantier (COUNT(?a) AS ?n) WHERE { ?a fdr:chantier ?chantier }
            GROUP BY ?chantier }
        }""",
    # A bound value is seen in the WHERE group, not in HAVING (outside it for a VALUES
    # block): aggregates are filtered in an outer group, as the contract asks.
    "partagees": """
        SELECT ?ressource ?nb WHERE {
          { SELECT ?ressource (COUNT(DISTINCT ?chantier) AS ?nb) WHERE {
              ?m fdr:ressource ?ressource ; fdr:chantier ?chantier .
            } GROUP BY ?ressource }
          FILTER(?nb >= ?_minimum)
        }""",
    "textes": """
        SELECT ?s ?texte (LANG(?texte) AS ?langue) (DATATYPE(?texte) AS ?type) WHERE {
          ?s dcterms:description|fdr:hypothese|dcterms:source|fdr:codeInsee|fdr:valeur ?texte
        }""",
}

BINDINGS: dict[str, dict[str, Literal]] = {
    "arbre": {},
    "mobilisations": {"_chantier": Literal("1.b")},
    "sous-requete": {"_chantier": Literal("1.b")},
    "partagees": {"_minimum": Literal(1)},
    "textes": {},
}


def key(result: SelectResult) -> list[tuple[str, ...]]:
    """Rows in an engine-independent order and form (values compared as RDF terms)."""
    return sorted(
        tuple(repr(row[name]) if row[name] is not None else "None" for name in result.variables)
        for row in result.rows
    )


@pytest.fixture
def stores(
    tmp_path: Path, make_roadmap: Callable[[str, str], Graph]
) -> tuple[MemoryStore, OxigraphStore]:
    perigueux = make_roadmap("Perigueux", "200040392")
    bergerac = make_roadmap("Bergerac", "200027183")
    memory = MemoryStore(perigueux, engine="rdflib")
    memory.add_graph(bergerac, roadmap_graph_name(bergerac))
    oxigraph = OxigraphStore(tmp_path / "stockage")
    for graph in (perigueux, bergerac):
        oxigraph.add_graph(graph, roadmap_graph_name(graph))
    return memory, oxigraph


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_memory_and_oxigraph_agree(name: str, stores: tuple[MemoryStore, OxigraphStore]) -> None:
    memory, oxigraph = stores
    query = PREFIXES + QUERIES[name]
    expected = memory.select(query, BINDINGS[name])
    got = oxigraph.select(query, BINDINGS[name])
    assert got.variables == expected.variables
    assert expected.rows, "the query should find something in the two roadmaps"
    assert key(got) == key(expected)


def test_both_roadmaps_are_seen(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    query = PREFIXES + "SELECT ?c WHERE { ?c a fdr:Chantier }"
    for store in stores:
        assert len(store.select(query, {}).rows) == 4


def test_bound_parameter_restricts(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    query = PREFIXES + QUERIES["mobilisations"]
    for store in stores:
        everything = store.select(query, {})
        restricted = store.select(query, {"_chantier": Literal("1.a")})
        assert len(everything.rows) == 4
        assert restricted.rows == []


def test_terms_come_back_in_normal_form(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    query = PREFIXES + QUERIES["textes"]
    for store in stores:
        rows = {str(row["texte"]): row for row in store.select(query, {}).rows}
        plain = rows["24322"]["texte"]  # fdr:codeInsee "24322": a plain literal
        assert isinstance(plain, Literal) and plain == Literal("24322")
        assert plain.datatype is None and plain.language is None
        assert rows['Ligne 1\nLigne "2"']["texte"] == Literal('Ligne 1\nLigne "2"', lang="fr")
        assert rows["6.25"]["texte"] == Literal("6.25", datatype=XSD.decimal)


def test_projected_binding_uses_substitution_and_agrees(
    stores: tuple[MemoryStore, OxigraphStore],
) -> None:
    # ?chantierId is projected: Oxigraph binds it natively; it must still be returned.
    query = (
        PREFIXES + "SELECT ?chantier ?chantierId WHERE { ?chantier dcterms:identifier ?chantierId }"
    )
    bindings = {"chantierId": Literal("1.a")}
    memory, oxigraph = stores
    assert key(oxigraph.select(query, bindings)) == key(memory.select(query, bindings))
    assert {str(r["chantierId"]) for r in oxigraph.select(query, bindings).rows} == {"1.a"}


@pytest.mark.parametrize(
    "hostile",
    [
        '1.b" } } SELECT * WHERE { ?s ?p ?o } #',
        "1.b' . ?x ?y ?z #",
        '1.b\\" ) } DROP ALL #',
        "1.b\n} UNION { ?s ?p ?o }",
        "\u0000\u001f\\u0022",
    ],
)
def test_injection_strings_are_just_values(
    hostile: str, stores: tuple[MemoryStore, OxigraphStore]
) -> None:
    query = PREFIXES + QUERIES["mobilisations"]
    for store in stores:
        assert store.select(query, {"_chantier": Literal(hostile)}).rows == []


def test_ask(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    query = PREFIXES + "ASK { ?c dcterms:identifier ?_id ; a fdr:Chantier }"
    for store in stores:
        assert store.ask(query, {"_id": Literal("1.b")}) is True
        assert store.ask(query, {"_id": Literal("9.z")}) is False


def test_stores_follow_the_protocol(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    for store in stores:
        assert isinstance(store, Store)


def test_add_graph_replaces_the_named_graph(
    tmp_path: Path, make_roadmap: Callable[[str, str], Graph]
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    name = roadmap_graph_name(perigueux)
    store = OxigraphStore(tmp_path / "s")
    store.add_graph(perigueux, name)
    smaller = Graph()
    for triple in perigueux:
        if "action/" not in str(triple[0]):
            smaller.add(triple)
    store.add_graph(smaller, name)
    count = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    # The union holds the roadmap and the ontology's vocabulary graph.
    total = len(smaller) + len(vocabulary_graph())
    assert int(store.select(count, {}).rows[0]["n"]) == total  # type: ignore[arg-type]
    assert store.graph_names() == [name]


def test_oxigraph_store_persists_on_disk(
    tmp_path: Path, make_roadmap: Callable[[str, str], Graph]
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    folder = tmp_path / "s"
    first = OxigraphStore(folder)
    assert first.is_empty()
    first.add_graph(perigueux, roadmap_graph_name(perigueux))
    first.flush()
    del first
    again = OxigraphStore(folder)
    assert not again.is_empty()
    assert again.graph_names() == [roadmap_graph_name(perigueux)]


def test_an_oxigraph_folder_without_the_vocabulary_gets_it_on_opening(tmp_path: Path) -> None:
    """A folder filled before stores held the vocabulary (or holding an older one) gets
    the current one when opened, and only then: a second opening writes nothing."""
    import pyoxigraph as ox

    folder = tmp_path / "s"
    store = OxigraphStore(folder)
    store._store.update(f"DROP GRAPH <{VOCABULARY_GRAPH}>")
    store.close()
    again = OxigraphStore(folder)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{VOCABULARY_GRAPH}> {{ ?s ?p ?o }} }}"
    assert int(again.select(count, {}).rows[0]["n"]) == len(vocabulary_graph())  # type: ignore[arg-type]
    assert again.graph_names() == [] and again.is_empty()
    quads = list(again._store.quads_for_pattern(None, None, None, ox.NamedNode(VOCABULARY_GRAPH)))
    again.close()
    third = OxigraphStore(folder)
    name = ox.NamedNode(VOCABULARY_GRAPH)
    assert list(third._store.quads_for_pattern(None, None, None, name)) == quads


def test_load_file_bulk_loads_quads(
    tmp_path: Path, make_roadmap: Callable[[str, str], Graph]
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    path = tmp_path / "p.nt"
    perigueux.serialize(path, format="nt", encoding="utf-8")
    store = OxigraphStore(tmp_path / "s")
    store.load_file(path, roadmap_graph_name(perigueux))
    memory = MemoryStore(perigueux, engine="rdflib")
    query = PREFIXES + QUERIES["arbre"]
    assert key(store.select(query, {})) == key(memory.select(query, {}))


def test_bad_iri_and_bad_variable_are_refused(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    _, oxigraph = stores
    query = PREFIXES + "SELECT ?s WHERE { ?s ?p ?_o }"
    with pytest.raises(StoreError, match="IRI"):
        oxigraph.select(query, {"_o": URIRef("http://x/a> . ?s ?p <http://y")})
    with pytest.raises(StoreError, match="IRI"):
        oxigraph.add_graph(Graph(), "pas une iri")


def test_syntax_error_is_a_french_store_error(stores: tuple[MemoryStore, OxigraphStore]) -> None:
    with pytest.raises(StoreError, match="requête SPARQL invalide"):
        stores[1].select("SELECT WHERE {", {})


def test_roadmap_graph_name_needs_exactly_one(make_roadmap: Callable[[str, str], Graph]) -> None:
    both = make_roadmap("Perigueux", "200040392") + make_roadmap("Bergerac", "200027183")
    with pytest.raises(StoreError, match="exactement une feuille de route"):
        roadmap_graph_name(both)
    with pytest.raises(StoreError, match="aucune"):
        roadmap_graph_name(Graph())


def test_a_second_process_cannot_open_the_same_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    held = OxigraphStore(tmp_path / "s")  # open in this process for the whole test
    code = (
        "import sys; from pathlib import Path\n"
        "from feuille_de_route.graph.store import OxigraphStore, StoreError\n"
        "try:\n    OxigraphStore(Path(sys.argv[1]))\n"
        "except StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr
    assert "impossible d'ouvrir le stockage Oxigraph" in done.stdout
    assert held.is_empty()


def test_memory_store_keeps_a_roadmap_in_the_graph_of_its_iri(
    make_roadmap: Callable[[str, str], Graph],
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    name = roadmap_graph_name(perigueux)
    store = MemoryStore(perigueux)
    assert store.graph_names() == [name]
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"
    assert int(store.select(count, {"_g": URIRef(name)}).rows[0]["n"]) == len(perigueux)  # type: ignore[arg-type]


def test_memory_store_splits_a_graph_of_several_roadmaps(
    make_roadmap: Callable[[str, str], Graph],
) -> None:
    perigueux = make_roadmap("Perigueux", "200040392")
    bergerac = make_roadmap("Bergerac", "200027183")
    both = Graph()
    for graph in (perigueux, bergerac):
        for triple in graph:
            both.add(triple)
    stray = URIRef("http://ailleurs.example/x")
    both.add((stray, RDFS.label, Literal("hors de toute feuille de route")))
    store = MemoryStore(both)
    names = sorted(roadmap_graph_name(g) for g in (perigueux, bergerac))
    assert store.graph_names() == names
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?_g { ?s ?p ?o } }"
    for graph in (perigueux, bergerac):
        name = URIRef(roadmap_graph_name(graph))
        assert int(store.select(count, {"_g": name}).rows[0]["n"]) == len(graph)  # type: ignore[arg-type]
    # A triple of no roadmap: in the union, in no roadmap's graph.
    assert store.ask("ASK { ?_x ?p ?o }", {"_x": stray})
    assert not store.ask("ASK { GRAPH ?g { ?_x ?p ?o } }", {"_x": stray})


# The catalogue's form: the body in one roadmap's graph, a parameter compared in a FILTER
# of that group, an OPTIONAL; the second form reads a bound variable alone, which
# Oxigraph cannot substitute (the store then sends a VALUES block).
SCOPED = {
    "substitution": """
        SELECT ?chantier ?depuis ?hypothese WHERE { GRAPH ?_feuilleDeRoute {
          ?m fdr:chantier ?chantier ; fdr:statut ?statut .
          OPTIONAL { ?m fdr:depuis ?depuis }
          OPTIONAL { ?m fdr:hypothese ?hypothese }
          FILTER(?statut = ?_statut)
        } }""",
    "values": """
        SELECT (?_feuilleDeRoute AS ?f) ?chantier ?depuis ?hypothese
        WHERE { GRAPH ?_feuilleDeRoute {
          ?m fdr:chantier ?chantier ; fdr:statut ?statut .
          OPTIONAL { ?m fdr:depuis ?depuis }
          OPTIONAL { ?m fdr:hypothese ?hypothese }
          FILTER(?statut = ?_statut)
        } }""",
}


@pytest.mark.parametrize("form", sorted(SCOPED))
def test_one_roadmaps_graph_on_both_engines(
    form: str, stores: tuple[MemoryStore, OxigraphStore]
) -> None:
    query = PREFIXES + SCOPED[form]
    perigueux = URIRef("https://w3id.org/feuille-de-route/territoires/perigueux/")
    operante = URIRef("https://w3id.org/feuille-de-route/ontologie#operante")
    connue = URIRef("https://w3id.org/feuille-de-route/ontologie#connueSansLien")
    memory, oxigraph = stores
    for bindings, expected in [
        ({"_feuilleDeRoute": perigueux, "_statut": operante}, 1),
        ({"_feuilleDeRoute": perigueux, "_statut": connue}, 1),
        ({"_statut": operante}, 2),
    ]:
        rows = memory.select(query, bindings)
        assert len(rows.rows) == expected
        assert all(str(row["chantier"]).startswith(str(perigueux)) for row in rows.rows) == (
            "_feuilleDeRoute" in bindings
        )
        got = oxigraph.select(query, bindings)
        assert got.variables == rows.variables
        assert key(got) == key(rows)


def test_a_closed_oxigraph_store_frees_its_folder_and_answers_no_more(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    store.close()
    store.close()  # a second close does nothing
    OxigraphStore(tmp_path / "s").close()  # the folder's lock is free at once
    with pytest.raises(StoreError, match="est fermé"):
        store.select("SELECT * WHERE { ?s ?p ?o }", {})


def test_memory_and_endpoint_stores_can_be_closed_as_every_store() -> None:
    for store in (MemoryStore(Graph()), EndpointStore("http://127.0.0.1:9/query")):
        assert isinstance(store, Store)
        store.close()


def test_the_vocabulary_a_store_compares_on_opening_is_the_one_it_writes() -> None:
    """The triples compared at every opening (pyoxigraph's parse of the shipped files)
    and the graph written: were they to differ, every opening would rewrite the
    vocabulary. Both are also rdflib's own reading of the files' SKOS part."""
    from rdflib import OWL, RDF, SKOS

    from feuille_de_route.graph.store._terms import to_oxigraph
    from feuille_de_route.graph.store._vocabulary import vocabulary_triples
    from feuille_de_route.ontology import ONTOLOGY_IRI, load_ontology, load_schemes

    written = {tuple(map(to_oxigraph, triple)) for triple in vocabulary_graph()}  # type: ignore[arg-type]
    assert vocabulary_triples() == written
    assert len(written) > 900  # the ontology's concepts and the national schemes
    files = load_ontology() + load_schemes()
    kinds = (SKOS.Concept, SKOS.ConceptScheme)
    subjects = {s for kind in kinds for s in files.subjects(RDF.type, kind)}
    by_rdflib = {t for t in files if t[0] in subjects}
    versions = files.objects(ONTOLOGY_IRI, OWL.versionIRI)
    by_rdflib |= {(ONTOLOGY_IRI, OWL.versionIRI, version) for version in versions}
    assert set(vocabulary_graph()) == by_rdflib
