"""rdflib in memory: the default store for one territory."""

import functools
from collections.abc import Iterable, Mapping
from typing import cast

from rdflib import ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow
from rdflib.term import Identifier

from ._errors import StoreError
from ._naming import roadmap_graph_name
from ._result import SelectResult
from ._terms import check_iri, normalise

__all__ = ["MemoryStore"]


@functools.lru_cache(maxsize=256)
def _prepared(query: str) -> Query:
    """Parsed and translated once: rdflib spends tens of ms on that for a catalogue query."""
    return prepareQuery(query)


class MemoryStore:
    """Queries rdflib graphs in memory, binding values with ``initBindings``.

    ``MemoryStore(graph)`` queries ``graph`` itself, without copying it; a ``Dataset``
    is queried as the union of its graphs. The first ``add_graph`` moves the triples
    into a ``Dataset`` (one named graph per roadmap) and queries then see the union.
    """

    def __init__(self, graph: Graph | None = None) -> None:
        self._graph: Graph = Dataset(default_union=True) if graph is None else graph
        if isinstance(self._graph, ConjunctiveGraph):  # Dataset is one too
            self._graph.default_union = True

    def _dataset(self) -> Dataset:
        if isinstance(self._graph, Dataset):
            return self._graph
        dataset = Dataset(default_union=True)
        try:
            name: URIRef | None = URIRef(roadmap_graph_name(self._graph))
        except StoreError:
            name = None  # not one roadmap: keep it as the default graph
        target = dataset.graph(name) if name is not None else dataset.default_graph
        for triple in self._graph:
            target.add(triple)
        self._graph = dataset
        return dataset

    def select(self, query: str, bindings: Mapping[str, Identifier]) -> SelectResult:
        """Run a SELECT query over the union of the graphs."""
        result = self._graph.query(_prepared(query), initBindings=dict(bindings))
        names = [str(v) for v in result.vars or []]
        rows = [
            {name: normalise(value) for name, value in zip(names, row, strict=True)}
            for row in cast(Iterable[ResultRow], result)
        ]
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Mapping[str, Identifier]) -> bool:
        """Run an ASK query over the union of the graphs."""
        return bool(self._graph.query(_prepared(query), initBindings=dict(bindings)).askAnswer)

    def add_graph(self, graph: Graph, name: str) -> None:
        """Copy ``graph`` into the named graph ``name``, replacing what it held."""
        iri = URIRef(check_iri(name, "le nom du graphe"))
        dataset = self._dataset()
        dataset.remove_graph(iri)
        target = dataset.graph(iri)
        for triple in graph:
            target.add(triple)

    def graph_names(self) -> list[str]:
        """IRIs of the non-empty named graphs held."""
        if not isinstance(self._graph, Dataset):
            return []
        default = self._graph.default_graph.identifier
        return sorted(
            str(g.identifier)
            for g in self._graph.graphs()
            if isinstance(g.identifier, URIRef) and g.identifier != default and len(g)
        )
