"""rdflib in memory: the default store for one territory."""

import functools
from collections.abc import Iterable, Mapping
from typing import cast

import rdflib.plugins.sparql
from rdflib import RDF, ConjunctiveGraph, Dataset, Graph, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import ResultRow
from rdflib.term import Identifier

from ._deadline import cancelled, within_deadline
from ._naming import FEUILLE_DE_ROUTE
from ._result import SelectResult
from ._terms import check_iri, normalise
from ._vocabulary import VOCABULARY_GRAPH, is_vocabulary, vocabulary_graph

__all__ = ["MemoryStore"]

# rdflib fetches (or reads from disk) every graph a query names with FROM / FROM NAMED;
# a query must never reach outside the store, so that loading is switched off.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


@functools.lru_cache(maxsize=256)
def _prepared(query: str) -> Query:
    """Parsed and translated once: rdflib spends tens of ms on that for a catalogue query."""
    return prepareQuery(query)


def _as_dataset(graph: Graph) -> Dataset:
    """``graph``'s triples in a Dataset, each roadmap in the named graph of its IRI.

    One roadmap: every triple goes in its graph. Several: a triple goes in the graph of
    the roadmap whose IRI (the base of all its nodes' IRIs) is the longest prefix of its
    subject. Triples of no roadmap stay in the default graph. The catalogue reads the
    union and finds each roadmap by its data, so this split only names the graphs.
    """
    dataset = Dataset(default_union=True)
    roadmaps = sorted({str(s) for s in graph.subjects(RDF.type, FEUILLE_DE_ROUTE)}, key=len)
    if len(roadmaps) == 1:
        target = dataset.graph(URIRef(roadmaps[0]))
        target.addN((s, p, o, target) for s, p, o in graph)
        return dataset
    targets = {iri: dataset.graph(URIRef(iri)) for iri in roadmaps}
    default = dataset.default_graph
    longest_first = roadmaps[::-1]
    for s, p, o in graph:
        subject = str(s) if isinstance(s, URIRef) else ""
        iri = next((r for r in longest_first if subject.startswith(r)), None)
        (targets[iri] if iri is not None else default).add((s, p, o))
    return dataset


class MemoryStore:
    """Queries rdflib graphs in memory, binding values with ``initBindings``.

    The store is a ``Dataset`` whose named graphs are the roadmaps, each named by its
    ``fdr:FeuilleDeRoute`` IRI, as in every store; queries read their union (the
    catalogue finds a roadmap by its data, whatever graph holds it).
    ``MemoryStore(graph)`` copies a plain graph into such a Dataset (see ``_as_dataset``:
    a few ms for a territory); a ``Dataset`` (or ``ConjunctiveGraph``) is queried as it
    is, as the union of its graphs.
    ``timeout``: seconds a query may run (None: no limit), see ``within_deadline``.
    The ontology's vocabulary (``vocabulary``, default ``fdr.ttl``'s SKOS part) is
    added as the named graph of the ontology's IRI, where queries read labels.
    """

    def __init__(
        self,
        graph: Graph | None = None,
        timeout: float | None = None,
        vocabulary: Graph | None = None,
    ) -> None:
        self.timeout = timeout
        self._graph: ConjunctiveGraph
        if graph is None:
            self._graph = Dataset(default_union=True)
        elif isinstance(graph, ConjunctiveGraph):  # Dataset is one too
            graph.default_union = True
            self._graph = graph
        else:
            self._graph = _as_dataset(graph)
        self.add_graph(vocabulary_graph(vocabulary), VOCABULARY_GRAPH)

    def _select(self, query: str, bindings: Mapping[str, Identifier]) -> SelectResult:
        result = self._graph.query(_prepared(query), initBindings=dict(bindings))
        names = [str(v) for v in result.vars or []]
        rows = []
        for row in cast(Iterable[ResultRow], result):
            if cancelled():
                break
            rows.append({name: normalise(value) for name, value in zip(names, row, strict=True)})
        return SelectResult(names, rows)

    def select(self, query: str, bindings: Mapping[str, Identifier]) -> SelectResult:
        """Run a SELECT query over the union of the graphs."""
        return within_deadline(
            lambda: self._select(query, bindings), self.timeout, "requête en mémoire"
        )

    def ask(self, query: str, bindings: Mapping[str, Identifier]) -> bool:
        """Run an ASK query over the union of the graphs."""
        return within_deadline(
            lambda: bool(
                self._graph.query(_prepared(query), initBindings=dict(bindings)).askAnswer
            ),
            self.timeout,
            "requête en mémoire",
        )

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
