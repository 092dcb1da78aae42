"""Taking a territory's lieux de médiation numérique in: a CSV of the national standard.

A CSV holds no IRI: the lieux belong to the territory whose base IRI the user gives
(``--base-iri B``; ``read_lieux`` makes each lieu ``{B}lieu/{id}``, attached to the
roadmap ``<B>``). They are checked like a roadmap — the scope rule of ``_scope`` with
``B`` as the base (so a base inside another territory's space, or in the ontology's or
the project's shared spaces, is refused), then the SHACL shapes — and replace, in one
step, the named graph ``{B}lieux`` (``lieux_graph_name``): apart from the roadmap's own
graph, so importing either never removes the other.
"""

from dataclasses import dataclass

from rdflib import Graph, URIRef

from feuille_de_route import UserError

from .._namespaces import FDR, RDF
from ..store._naming import lieux_graph_name
from ..store._result import Store

__all__ = ["Lieux", "count_lieux", "graph_held"]

_HELD = "ASK { GRAPH ?_graphe { ?s ?p ?o } }"


@dataclass(frozen=True)
class Lieux:
    """The lieux of one CSV, as the resources of the territory whose base is ``base_iri``."""

    graph: Graph
    base_iri: str

    @property
    def graph_name(self) -> str:
        """The named graph they go in: ``{base_iri}lieux``."""
        return lieux_graph_name(self.base_iri)


def count_lieux(lieux: Lieux) -> int:
    """How many lieux the graph describes (each a resource attached to the territory)."""
    attached = set(lieux.graph.subjects(FDR.feuilleDeRoute, URIRef(lieux.base_iri)))
    return sum(1 for s in attached if (s, RDF.type, FDR.Ressource) in lieux.graph)


def graph_held(store: Store, name: str) -> bool:
    """Whether ``store`` holds a non-empty named graph ``name``."""
    try:
        return store.ask(_HELD, {"_graphe": URIRef(name)})
    except UserError:
        return False
