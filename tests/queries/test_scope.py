"""The explicit scope of a query (issue 11, performance): the parameters its header names
in ``portee`` are the roadmaps it reads, and the Oxigraph stores then read only those
roadmaps' graphs and the vocabulary — with the same rows as over the whole store."""

from collections.abc import Mapping
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.term import Identifier

from feuille_de_route import UserError
from feuille_de_route.graph.store import MemoryStore, OxigraphStore
from feuille_de_route.queries import catalogue, get_query, parse_query_text, run_query_text
from feuille_de_route.queries._parameters import bind_parameters
from feuille_de_route.queries._runner import scope_of

from .territoires_essai import ETE, GP, LEON, three_territories

ROADMAPS = (GP, ETE, LEON)

# A user's query that shows which roadmaps it reads.
WHICH = """#+ parametres:
#+   - nom: feuilleDeRoute
#+     type: IRI
PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
SELECT ?r WHERE { ?r a fdr:FeuilleDeRoute . ?x fdr:feuilleDeRoute ?_feuilleDeRoute }
GROUP BY ?r ORDER BY STR(?r)"""


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    return three_territories(tmp_path_factory.mktemp("classeurs"))


@pytest.fixture(scope="module", params=["disque", "memoire"])
def store(
    request: pytest.FixtureRequest,
    graphs: dict[str, Graph],
    tmp_path_factory: pytest.TempPathFactory,
) -> OxigraphStore | MemoryStore:
    """The three territories on Oxigraph: on disk, each added in the graph of its IRI;
    in memory, one graph of the three that ``MemoryStore`` splits by roadmap, the
    national nodes' triples (no roadmap's) left in its default graph."""
    if request.param == "memoire":
        union = Graph()
        for graph in graphs.values():
            union += graph
        return MemoryStore(union)
    held = OxigraphStore(tmp_path_factory.mktemp("portee") / "stockage")
    for name, graph in graphs.items():
        held.add_graph(graph, name)
    return held


def _rows(
    store: OxigraphStore | MemoryStore,
    text: str,
    bindings: Mapping[str, Identifier],
    scope: tuple[str, ...],
) -> list[tuple[str, ...]]:
    result = store.select(text, bindings, scope)
    return sorted(tuple(str(row[v]) for v in result.variables) for row in result.rows)


# A value for a required parameter outside the scope (a chantier the three roadmaps have).
SAMPLE = {"ID": "1.a", "string": "a", "integer": 1, "decimal": 0.5, "date": "2024-01-01"}


def _cases() -> list[tuple[str, dict[str, object]]]:
    """Each catalogue query with a scope, once per roadmap (or ordered pair) it names."""
    cases: list[tuple[str, dict[str, object]]] = []
    for query in catalogue():
        others = {
            p.name: SAMPLE[p.type] for p in query.parameters if p.required and p.type in SAMPLE
        }
        if len(query.scope) == 1:
            cases += [(query.name, {**others, query.scope[0]: r}) for r in ROADMAPS]
        elif len(query.scope) == 2:
            pairs = [(a, b) for a in ROADMAPS for b in ROADMAPS if a != b]
            cases += [
                (query.name, {**others, **dict(zip(query.scope, pair, strict=True))})
                for pair in pairs
            ]
    return cases


def test_the_catalogue_declares_its_scopes() -> None:
    assert get_query("comparaison").scope == ("maFeuilleDeRoute", "autreFeuilleDeRoute")
    assert get_query("arbre").scope == ("feuilleDeRoute",)  # the default rule
    for spanning in (
        "operant-ailleurs",
        "operant-ailleurs-classement",
        "territoires-memes-themes",
        "comptes-nationaux",
    ):
        assert get_query(spanning).scope == ()
    # Narrowed to a pair only when the other roadmap is given.
    assert get_query("chantiers-memes-themes").scope == ("maFeuilleDeRoute", "autreFeuilleDeRoute")
    assert len(_cases()) > 60


@pytest.mark.parametrize(("name", "params"), _cases(), ids=lambda v: str(v)[-30:])
def test_narrowing_changes_no_row(
    store: OxigraphStore | MemoryStore, name: str, params: dict[str, object]
) -> None:
    query = get_query(name)
    bindings = bind_parameters(query, params)
    scope = scope_of(query, bindings)
    assert set(scope) == {params[name] for name in query.scope}
    union = _rows(store, query.text, bindings, ())
    assert _rows(store, query.text, bindings, scope) == union


def test_a_scoped_query_reads_only_its_roadmaps(store: OxigraphStore | MemoryStore) -> None:
    # Without the scope the union shows the three roadmaps; with it, only the named one.
    text = WHICH.replace("?x fdr:feuilleDeRoute ?_feuilleDeRoute", "")
    assert len(_rows(store, text, {}, ())) == 3
    assert _rows(store, text, {}, (ETE,)) == [(ETE,)]
    assert _rows(store, text, {}, (ETE, LEON)) == [(ETE,), (LEON,)]
    # Through the runner, the header's default scope (feuilleDeRoute) narrows.
    assert run_query_text(WHICH, store, feuilleDeRoute=LEON) == [{"r": LEON}]


def test_the_national_nodes_of_a_split_graph_are_read(
    store: OxigraphStore | MemoryStore,
) -> None:
    # A national commune's département, in the default graph when the graph was split.
    text = """PREFIX fdr: <https://w3id.org/feuille-de-route/ontologie#>
    SELECT DISTINCT ?d WHERE { ?c fdr:departement ?d }"""
    union = _rows(store, text, {}, ())
    assert union
    assert _rows(store, text, {}, (ETE,)) == union


def test_a_roadmap_not_held_in_its_graph_leaves_the_union(
    store: OxigraphStore | MemoryStore,
) -> None:
    text = WHICH.replace("?x fdr:feuilleDeRoute ?_feuilleDeRoute", "")
    assert len(_rows(store, text, {}, (ETE, "https://example.org/ailleurs/"))) == 3
    assert len(_rows(store, text, {}, ("pas une IRI",))) == 3


def test_an_unbound_scope_parameter_spans_the_store() -> None:
    query = get_query("ressources-partagees")
    assert scope_of(query, bind_parameters(query, {})) == ()
    pair = get_query("comparaison")
    assert scope_of(pair, {"_maFeuilleDeRoute": URIRef(GP)}) == ()
    both = {"_maFeuilleDeRoute": URIRef(GP), "_autreFeuilleDeRoute": URIRef(GP)}
    assert scope_of(pair, both) == (GP,)


def _header(portee: str) -> str:
    return (
        "#+ parametres:\n#+   - nom: a\n#+     type: IRI\n#+   - nom: n\n#+     type: integer\n"
        f"#+ portee: {portee}\nSELECT * WHERE {{ ?s ?p ?o }}"
    )


def test_the_header_portee() -> None:
    assert parse_query_text(_header("[a]"), "q").scope == ("a",)
    assert parse_query_text(_header("a"), "q").scope == ("a",)
    assert parse_query_text(_header("[]"), "q").scope == ()
    for wrong, word in (("[n]", "n"), ("[b]", "b"), ("{a: 1}", "liste")):
        with pytest.raises(UserError, match="portee") as caught:
            parse_query_text(_header(wrong), "q", Path("q.rq"))
        assert word in str(caught.value)
