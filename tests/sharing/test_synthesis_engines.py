"""Issue 11: a roadmap's synthèse (``graph/synthese.rq``) is standard SPARQL 1.1 — rdflib,
Oxigraph and Jena ARQ compute the same lines on the three test territories; and the
synthèse of an exported roadmap is the one computed again on import."""

import re
from typing import cast

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic
from rdflib.query import ResultRow

from feuille_de_route.graph._synthesis import _query, synthesis_quads, without_synthesis
from feuille_de_route.graph.store._terms import ntriples

from ..queries.territoires_essai import three_territories
from .arq import Arq, Table, cells

_TEMPLATE = re.compile(r"CONSTRUCT\s*\{(?P<template>.*?)\}\s*WHERE", re.S)


def _as_select(construct: str) -> str:
    """The synthesis query's WHERE clause as a SELECT of its template's variables: ARQ's
    helper runs SELECT queries only, and equal solutions make equal triples."""
    match = _TEMPLATE.search(construct)
    assert match is not None
    names = sorted(set(re.findall(r"\?(\w+)", match["template"])))
    head = "SELECT DISTINCT " + " ".join(f"?{n}" for n in names) + "\nWHERE"
    return construct[: match.start()] + head + construct[match.end() :]


@pytest.fixture(scope="module")
def union(tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """The three territories in one graph, their synthèse left out."""
    graph = Graph()
    for roadmap in three_territories(tmp_path_factory.mktemp("classeurs")).values():
        graph += roadmap
    store = ox.Store()
    store.load(ntriples(graph), format=ox.RdfFormat.N_TRIPLES)
    kept, dropped = without_synthesis(list(store))
    assert dropped, "les feuilles de route construites portent leur synthèse"
    bare = Graph()
    for quad in kept:
        bare.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    return bare


def _sorted(table: Table) -> Table:
    return table[0], tuple(sorted(table[1], key=repr))


def test_rdflib_and_oxigraph_construct_the_same_synthesis(union: Graph) -> None:
    store = ox.Store()
    store.load(ntriples(union), format=ox.RdfFormat.N_TRIPLES)
    on_oxigraph = Graph().parse(
        data="\n".join(
            f"{q.subject} {q.predicate} {q.object} ." for q in synthesis_quads(list(store))
        ),
        format="nt",
    )
    on_rdflib = Graph()
    for triple in union.query(_query()):
        on_rdflib.add(triple)  # type: ignore[arg-type]
    assert len(on_oxigraph) > 150
    assert to_isomorphic(on_rdflib) == to_isomorphic(on_oxigraph)


def test_jena_arq_finds_the_same_lines(
    union: Graph, arq: Arq, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("synthese-arq")
    data = folder / "trois.nt"
    data.write_bytes(ntriples(union))
    text = _as_select(_query())
    (on_arq,) = arq.select(data, [text], folder)
    result = union.query(text)
    names = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple(cells(cast(ResultRow, row).get(n)) for n in names) for row in result)
    assert len(rows) > 30
    assert _sorted(on_arq) == _sorted((names, rows))
