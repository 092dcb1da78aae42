"""pyoxigraph in memory: the default engine of :class:`MemoryStore` (``engine="oxigraph"``).

The rdflib graph is copied once into an ``ox.Store()`` without a folder: rdflib writes
it as N-Triples (its fastest way out), each line gets its roadmap's graph name (one
roadmap: all of it; several: by the subject's IRI, ``_split.owner``) and Oxigraph parses
the whole text in one call, so blank nodes keep their identity across graphs. About
30 ms for the Grand Périgueux (4,000 triples; ``benchmarks/requetes.py``). Queries then
run as on the disk store (``_oxigraph_query``).
"""

import functools
from collections.abc import Collection, Iterator, Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, ConjunctiveGraph, Graph, URIRef
from rdflib.term import Identifier

from ._errors import StoreError
from ._oxigraph_query import ask_answer, query_answer, scoped_dataset, select_result
from ._result import SelectResult
from ._split import owner, roadmap_iris
from ._terms import check_iri, ntriples
from ._vocabulary import VOCABULARY_GRAPH, is_vocabulary, vocabulary_graph

__all__ = ["OxigraphMemory", "default_vocabulary_data"]

_WHERE = "le moteur Oxigraph en mémoire"


@functools.cache
def default_vocabulary_data() -> bytes:
    """The default vocabulary as N-Triples, written once per process."""
    return ntriples(vocabulary_graph())


def _graph_label(name: Identifier | None) -> str:
    """A graph name as N-Quads writes it ('' for the default graph)."""
    if name is None:
        return ""
    if isinstance(name, BNode):
        return "_:" + ("".join(c for c in str(name) if c.isalnum()) or "graphe") + " "
    return f"<{check_iri(str(name), 'le nom du graphe')}> "


def _quads(lines: Iterator[tuple[Identifier | None, str]]) -> bytes:
    """N-Triples lines, each with its graph name: one N-Quads text."""
    out = []
    for name, line in lines:
        if line:  # "<s> <p> o ." → "<s> <p> o <g> ."
            out.append(f"{line[:-1]}{_graph_label(name)}.\n")
    return "".join(out).encode("utf-8")


def _split_lines(graph: Graph) -> Iterator[tuple[Identifier | None, str]]:
    """Each N-Triples line of ``graph`` with the roadmap graph it goes in."""
    longest_first = roadmap_iris(graph)
    for line in ntriples(graph).decode("utf-8").split("\n"):
        subject = line[1 : line.index(">")] if line.startswith("<") else ""
        iri = owner(subject, longest_first)
        yield (URIRef(iri) if iri is not None else None), line


def _dataset_lines(dataset: ConjunctiveGraph) -> Iterator[tuple[Identifier | None, str]]:
    """Each N-Triples line of every graph of ``dataset`` with its graph's name."""
    default = dataset.default_context.identifier
    for context in dataset.contexts():
        name = None if context.identifier == default else context.identifier
        for line in ntriples(context).decode("utf-8").split("\n"):
            yield name, line


class OxigraphMemory:
    """A pyoxigraph store in memory holding a copy of rdflib graphs."""

    def __init__(self, graph: Graph | None) -> None:
        self._store = ox.Store()
        if graph is None:
            return
        if isinstance(graph, ConjunctiveGraph):  # Dataset is one too
            self._load(_quads(_dataset_lines(graph)), ox.RdfFormat.N_QUADS)
            return
        roadmaps = roadmap_iris(graph)
        if len(roadmaps) == 1:
            self._load(ntriples(graph), ox.RdfFormat.N_TRIPLES, roadmaps[0])
        else:
            self._load(_quads(_split_lines(graph)), ox.RdfFormat.N_QUADS)

    def _load(self, data: bytes, fmt: ox.RdfFormat, name: str | None = None) -> None:
        to_graph = ox.NamedNode(check_iri(name, "le nom du graphe")) if name else None
        try:
            self._store.load(data, format=fmt, to_graph=to_graph)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{_WHERE} n'a pas pu lire le graphe : {exc}") from exc

    def hold_vocabulary(self, vocabulary: Graph | None) -> None:
        """Put the vocabulary (default: the ontology's, written once) in its graph."""
        data = default_vocabulary_data() if vocabulary is None else ntriples(vocabulary)
        self._replace(data, VOCABULARY_GRAPH)

    def _replace(self, data: bytes, name: str) -> None:
        target = ox.NamedNode(check_iri(name, "le nom du graphe"))
        self._store.remove_graph(target)
        self._load(data, ox.RdfFormat.N_TRIPLES, name)

    def _answer(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str]
    ) -> Any:
        dataset = scoped_dataset(self._store, query, scope)
        return query_answer(self._store, query, bindings, dataset, _WHERE)

    def select(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> SelectResult:
        """A SELECT query's rows over the union of the graphs (or ``scope``'s roadmaps)."""
        return select_result(self._answer(query, bindings, scope), _WHERE)

    def ask(
        self, query: str, bindings: Mapping[str, Identifier], scope: Collection[str] = ()
    ) -> bool:
        """An ASK query's answer over the union of the graphs (or ``scope``'s roadmaps)."""
        return ask_answer(self._answer(query, bindings, scope))

    def add_graph(self, graph: Graph, name: str) -> None:
        """Copy ``graph`` into the named graph ``name``, replacing what it held."""
        check_iri(name, "le nom du graphe")
        self._replace(ntriples(graph), name)

    def graph_names(self) -> list[str]:
        """IRIs of the non-empty named graphs held, the vocabulary's left out."""
        return sorted(
            g.value
            for g in self._store.named_graphs()
            if isinstance(g, ox.NamedNode)
            and not is_vocabulary(g.value)
            and next(iter(self._store.quads_for_pattern(None, None, None, g)), None) is not None
        )
