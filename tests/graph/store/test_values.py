"""Bindings in query text: a VALUES block in the body's group, terms escaped; the
projection rewrite that lets Oxigraph substitute natively."""

from __future__ import annotations

import pytest
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result, ResultRow

from feuille_de_route.graph.store import StoreError
from feuille_de_route.graph.store._terms import to_sparql
from feuille_de_route.graph.store._values import with_values

DATA = """
<http://x/a> <http://x/p> "un" .
<http://x/b> <http://x/p> "deux" .
"""


def _first_column(result: Result) -> list[str]:
    """The first column of a SELECT result, as text."""
    return [str(row[0]) for row in result if isinstance(row, ResultRow)]


def _graph() -> Graph:
    graph = Graph()
    graph.parse(data=DATA, format="nt")
    return graph


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s <http://x/p> ?o }",
        '# a comment with { and "quote\nSELECT ?s WHERE { ?s <http://x/p> ?o }',
        "PREFIX x: <http://x/> SELECT ?s (CONCAT(\"{\", ?o, '}') AS ?t) WHERE { ?s x:p ?o }",
        'SELECT ?s (IF(1 < 2, """a { b""", "c") AS ?t) { ?s <http://x/p> ?o }',
    ],
)
def test_block_opens_the_where_group(query: str) -> None:
    text = with_values(query, {"o": Literal("deux")})
    assert 'VALUES (?o) { ("deux") }' in text
    assert _first_column(_graph().query(text)) == ["http://x/b"]


def test_no_bindings_leaves_the_query_alone() -> None:
    assert with_values("SELECT * { ?s ?p ?o }", {}) == "SELECT * { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("term", "text"),
    [
        (Literal('a"b\\c\nd\te'), '"a\\"b\\\\c\\nd\\te"'),
        (Literal("x\u0000"), '"x\\u0000"'),
        (Literal("été", lang="fr"), '"été"@fr'),
        (Literal("5", datatype=XSD.integer), '"5"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        (Literal("s", datatype=XSD.string), '"s"'),
        (URIRef("https://w3id.org/x#y"), "<https://w3id.org/x#y>"),
    ],
)
def test_terms_are_escaped(term: Literal | URIRef, text: str) -> None:
    assert to_sparql(term) == text


@pytest.mark.parametrize(
    "term",
    [URIRef("http://x/a> ?p ?o . <http://y"), URIRef("relative"), URIRef("http://x/a b"), BNode()],
)
def test_unsendable_terms_are_refused(term: URIRef | BNode) -> None:
    with pytest.raises(StoreError):
        to_sparql(term)


def test_bad_variable_names_and_missing_group_are_refused() -> None:
    with pytest.raises(StoreError, match="nom de variable"):
        with_values("SELECT * { ?s ?p ?o }", {"o) } #": Literal("x")})
    with pytest.raises(StoreError, match="WHERE"):
        with_values('SELECT * "{"', {"o": Literal("x")})


NAMED = """
<http://x/a> <http://x/p> "1" <http://x/g1> .
<http://x/b> <http://x/p> "2" <http://x/g1> .
<http://x/c> <http://x/p> "1" <http://x/g2> .
"""


def _dataset() -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(data=NAMED, format="nquads")
    return dataset


def test_block_opens_the_graph_group_the_body_starts_with() -> None:
    # A FILTER inside the GRAPH group must see the value: a block outside it would not.
    query = "SELECT ?s WHERE {\n  # body\n  GRAPH ?_g { ?s <http://x/p> ?o FILTER(?o = ?_v) }\n}"
    text = with_values(query, {"_g": URIRef("http://x/g1"), "_v": Literal("1")})
    assert text.index("VALUES") > text.index("GRAPH ?_g {")
    assert _first_column(_dataset().query(text)) == ["http://x/a"]


def test_block_stays_in_the_where_group_when_the_graph_is_not_first() -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o . GRAPH ?_g { ?s ?p ?o } }"
    text = with_values(query, {"_g": URIRef("http://x/g2")})
    assert text.index("VALUES") < text.index("GRAPH")
    assert _first_column(_dataset().query(text)) == ["http://x/c"]
