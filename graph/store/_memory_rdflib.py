"""rdflib in memory: the reference engine of :class:`MemoryStore` (``engine="rdflib"``)."""

import functools
from collections.abc import Iterable, Mapping
from typing import cast

import rdflib.plugins.sparql
from rdflib import ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow
from rdflib.term import Identifier

from ._deadline import cancelled
from ._result import SelectResult
from ._split import owner, roadmap_iris
from ._terms import check_iri, normalise
from ._vocabulary import is_vocabulary

__all__ = ["RdflibMemory"]

# rdflib fetches (or reads from disk) every graph a query names with FROM / FROM NAMED;
# a query must never reach outside the store, so that loading is switched off.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


@functools.lru_cache(maxsize=256)
def _prepared(query: str) -> Query:
    """Parsed and translated once: rdflib spends tens of ms on that for a catalogue query."""
    return prepareQuery(query)


def _as_dataset(graph: Graph) -> Dataset:
    """``graph``'s triples in a Dataset, each roadmap in the named graph of its IRI
    (``_split.owner``); triples of no roadmap stay in the default graph."""
    dataset = Dataset(default_union=True)
    longest_first = roadmap_iris(graph)
    if len(longest_first) == 1:
        target = dataset.graph(URIRef(longest_first[0]))
        target.addN((s, p, o, target) for s, p, o in graph)
        return dataset
    targets = {iri: dataset.graph(URIRef(iri)) for iri in longest_first}
    default = dataset.default_graph
    for s, p, o in graph:
        iri = owner(str(s) if isinstance(s, URIRef) else "", longest_first)
        (targets[iri] if iri is not None else default).add((s, p, o))
    return dataset


class RdflibMemory:
    """An rdflib ``Dataset`` (``default_union``) queried with ``initBindings``.

    A plain graph is copied into a new Dataset (``_as_dataset``); a ``Dataset`` or
    ``ConjunctiveGraph`` is queried as it is, as the union of its graphs.
    """

    def __init__(self, graph: Graph | None) -> None:
        self._graph: ConjunctiveGraph
        if graph is None:
            self._graph = Dataset(default_union=True)
        elif isinstance(graph, ConjunctiveGraph):  # Dataset is one too
            graph.default_union = True
            self._graph = graph
        else:
            self._graph = _as_dataset(graph)

    def select(self, query: str, bindings: Mapping[str, Identifier]) -> SelectResult:
        """A SELECT query's rows over the union of the graphs."""
        result = self._graph.query(_prepared(query), initBindings=dict(bindings))
        names = [str(v) for v in result.vars or []]
        rows = []
        for row in cast(Iterable[ResultRow], result):
            if cancelled():
                break
            rows.append({name: normalise(value) for name, value in zip(names, row, strict=True)})
        return SelectResult(names, rows)

    def ask(self, query: str, bindings: Mapping[str, Identifier]) -> bool:
        """An ASK query's answer over the union of the graphs."""
        return bool(self._graph.query(_prepared(query), initBindings=dict(bindings)).askAnswer)

    def add_graph(self, graph: Graph, name: str) -> None:
        """Copy ``graph`` into the named graph ``name``, replacing what it held."""
        iri = URIRef(check_iri(name, "le nom du graphe"))
        target = self._graph.get_context(iri)
        self._graph.remove_context(target)
        target.addN((s, p, o, target) for s, p, o in graph)

    def graph_names(self) -> list[str]:
        """IRIs of the non-empty named graphs held, the vocabulary's left out."""
        default = self._graph.default_context.identifier
        return sorted(
            str(g.identifier)
            for g in self._graph.contexts()
            if isinstance(g.identifier, URIRef)
            and g.identifier != default
            and not is_vocabulary(g.identifier)
            and len(g)
        )
