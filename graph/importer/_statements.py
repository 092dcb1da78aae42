"""The statements of one source as Oxigraph terms, from reading to writing.

A source's triples are read straight into pyoxigraph terms (``_quads``) and stay so: the
scope rule (``_scope``) reads them, the compiled shapes run on an in-memory Oxigraph
store made from them, and ``OxigraphStore.add_quads`` writes them in the roadmap's named
graph. An rdflib graph is made only where rdflib is needed: sources rdflib reads
(workbooks, JSON-LD, RDF/XML, CSV of lieux), pyshacl (``--validation complete``), and
stores that take an rdflib graph (memory, a server).
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from .._namespaces import PREFIXES
from ..store._errors import StoreError
from ..store._naming import FEUILLE_DE_ROUTE, the_one_roadmap
from ..store._terms import from_oxigraph

__all__ = ["RDF_TYPE", "Statements"]

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ROADMAP_CLASS = ox.NamedNode(str(FEUILLE_DE_ROUTE))
_DEFAULT = ox.DefaultGraph()


@dataclass(frozen=True)
class Statements:
    """The distinct triples of one source, as quads of the default graph."""

    quads: tuple[ox.Quad, ...]

    @classmethod
    def of(cls, quads: Iterable[ox.Quad]) -> "Statements":
        """The triples of ``quads`` (graph names dropped), each once, in reading order."""
        triples = dict.fromkeys(
            q if isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(*q.triple) for q in quads
        )
        return cls(tuple(triples))

    @classmethod
    def from_rdflib(cls, graph: Graph) -> "Statements":
        """The triples of an rdflib graph (blank nodes made fresh, so that no two sources
        share one in the store); an IRI Oxigraph refuses is a French error."""
        blanks: dict[BNode, ox.BlankNode] = {}
        try:
            return cls(tuple(ox.Quad(*(_term(t, blanks) for t in triple)) for triple in graph))
        except (ValueError, TypeError) as exc:
            raise StoreError(f"le graphe contient un terme invalide : {exc}") from None

    def __len__(self) -> int:
        return len(self.quads)

    def __iter__(self) -> Iterator[ox.Quad]:
        return iter(self.quads)

    def roadmaps(self) -> list[str]:
        """The IRIs of the ``fdr:FeuilleDeRoute`` stated, sorted."""
        return sorted(
            {
                q.subject.value
                for q in self.quads
                if q.predicate == RDF_TYPE
                and q.object == _ROADMAP_CLASS
                and isinstance(q.subject, ox.NamedNode)
            }
        )

    def roadmap(self) -> str:
        """The IRI of the one roadmap stated (``roadmap_graph_name``'s rule and message)."""
        return the_one_roadmap(self.roadmaps())

    def in_graph(self, name: str) -> Iterator[ox.Quad]:
        """The triples as quads of the named graph ``name``."""
        graph = ox.NamedNode(name)
        return (ox.Quad(q.subject, q.predicate, q.object, graph) for q in self.quads)

    def memory_store(self) -> ox.Store:
        """A new in-memory Oxigraph store holding the triples in its default graph."""
        store = ox.Store()
        store.extend(self.quads)
        return store

    def graph(self) -> Graph:
        """The triples as an rdflib graph (for pyshacl, or a store that takes one)."""
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        cache: dict[Any, Identifier | None] = {}
        for quad in self.quads:
            terms = (quad.subject, quad.predicate, quad.object)
            graph.add(tuple(from_oxigraph(term, cache) for term in terms))  # type: ignore[arg-type]
        return graph


def _term(term: Any, blanks: dict[BNode, ox.BlankNode]) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return blanks.setdefault(term, ox.BlankNode())
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"terme non pris en charge : {term!r}")
