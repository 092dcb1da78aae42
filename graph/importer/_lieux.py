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

import pyoxigraph as ox
from rdflib import URIRef

from feuille_de_route import UserError

from .._namespaces import FDR
from ..store._naming import lieux_graph_name
from ..store._result import Store
from ._statements import RDF_TYPE, Statements

__all__ = ["Lieux", "count_lieux", "graph_held"]

_HELD = "ASK { GRAPH ?_graphe { ?s ?p ?o } }"


@dataclass(frozen=True)
class Lieux:
    """The lieux of one CSV, as the resources of the territory whose base is ``base_iri``."""

    graph: Statements
    base_iri: str

    @property
    def graph_name(self) -> str:
        """The named graph they go in: ``{base_iri}lieux``."""
        return lieux_graph_name(self.base_iri)


def count_lieux(lieux: Lieux) -> int:
    """How many lieux the graph describes (each a resource attached to the territory)."""
    attach, territory = ox.NamedNode(str(FDR.feuilleDeRoute)), ox.NamedNode(lieux.base_iri)
    resource = ox.NamedNode(str(FDR.Ressource))
    attached = {q.subject for q in lieux.graph if q.predicate == attach and q.object == territory}
    return len(
        {q.subject for q in lieux.graph if q.predicate == RDF_TYPE and q.object == resource}
        & attached
    )


def graph_held(store: Store, name: str) -> bool:
    """Whether ``store`` holds a non-empty named graph ``name``."""
    try:
        return store.ask(_HELD, {"_graphe": URIRef(name)})
    except UserError:
        return False
