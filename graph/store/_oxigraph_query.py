"""Running a query on a pyoxigraph store, on disk or in memory: one way for both.

Values are bound by a ``VALUES`` block of escaped terms (``_values.with_values``); the
query reads the union of the store's graphs as its default graph, unless its text names
its own dataset (``FROM`` / ``FROM NAMED``: the query guard lets it name only graphs the
store holds), which Oxigraph then reads as SPARQL says. Solutions come back as rdflib
terms in normal form, read one at a time so that an abandoned query stops between rows
(``_deadline.cancelled``).
"""

from collections.abc import Collection, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib.term import Identifier

from ._deadline import cancelled
from ._errors import StoreError
from ._result import SelectResult
from ._terms import from_oxigraph
from ._values import names_its_dataset, with_values
from ._vocabulary import VOCABULARY_GRAPH

__all__ = ["ask_answer", "dataset_options", "query_answer", "scoped_dataset", "select_result"]

_VOCABULARY = ox.NamedNode(VOCABULARY_GRAPH)


def dataset_options(query: str) -> dict[str, Any]:
    """The union of the graphs as default graph, unless ``query`` has a ``FROM`` clause."""
    return {} if names_its_dataset(query) else {"use_default_graph_as_union": True}


def scoped_dataset(store: ox.Store, query: str, scope: Collection[str]) -> dict[str, Any]:
    """The default graph ``query`` reads, given the roadmaps it reads (``scope``).

    Without a scope, or with a roadmap the store does not hold in the graph of its IRI
    (its data may then be anywhere), the union of the graphs (:func:`dataset_options`);
    else the graphs whose name starts with a roadmap's IRI of the scope (its own, and
    those imported apart in its space, such as its lieux: the scope rule keeps other
    territories out of that space), the vocabulary's and the store's default graph
    (triples of no roadmap: the national nodes of a graph of several roadmaps that
    ``MemoryStore`` splits; empty in a store the project fills). The catalogue finds a roadmap
    by its data, which the union holds too: where each roadmap is in the graph of its
    IRI (the layout every store keeps), narrowing changes no row, and spares Oxigraph
    every other roadmap's triples (an OPTIONAL's right side, the national nodes'
    triples repeated in each roadmap's graph). A query naming its own dataset (``FROM``)
    reads that one.
    """
    options = dataset_options(query)
    if not options or not scope:
        return options
    try:
        held = all(store.contains_named_graph(ox.NamedNode(iri)) for iri in scope)
    except ValueError:  # not an IRI: nothing to narrow to
        return options
    if not held:
        return options
    prefixes = tuple(scope)
    graphs = [
        graph
        for graph in store.named_graphs()
        if isinstance(graph, ox.NamedNode) and graph.value.startswith(prefixes)
    ]
    return {"default_graph": list(dict.fromkeys([*graphs, _VOCABULARY, ox.DefaultGraph()]))}


def query_answer(
    store: ox.Store,
    query: str,
    bindings: Mapping[str, Identifier],
    dataset: Mapping[str, Any],
    where: str,
) -> Any:
    """The engine's answer; a syntax or engine error is a French :class:`StoreError`."""
    try:
        return store.query(with_values(query, bindings), **dataset)
    except SyntaxError as exc:
        raise StoreError(f"requête SPARQL invalide : {exc}") from exc
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{where} a échoué : {exc}") from exc


def select_result(answer: Any, where: str) -> SelectResult:
    """The rows of a SELECT answer, in rdflib terms; stops when the query is abandoned."""
    if not isinstance(answer, ox.QuerySolutions):
        raise StoreError("la requête n'est pas un SELECT.")
    names = [v.value for v in answer.variables]
    cache: dict[Any, Identifier | None] = {}
    rows = []
    try:
        # A solution iterates over its values in the variables' order (None: unbound),
        # three times faster than looking each variable up.
        for solution in answer:
            if cancelled():
                break
            values = [from_oxigraph(term, cache) for term in solution]
            rows.append(dict(zip(names, values, strict=True)))
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{where} a échoué : {exc}") from exc
    return SelectResult(names, rows)


def ask_answer(answer: Any) -> bool:
    """The truth of an ASK answer."""
    if not isinstance(answer, ox.QueryBoolean):
        raise StoreError("la requête n'est pas un ASK.")
    return bool(answer)
