"""Which roadmap's named graph a triple goes in, when one graph holds several roadmaps."""

from collections.abc import Sequence

from rdflib import RDF, Graph

from ._naming import FEUILLE_DE_ROUTE

__all__ = ["owner", "roadmap_iris"]


def roadmap_iris(graph: Graph) -> list[str]:
    """The IRIs of the ``fdr:FeuilleDeRoute`` nodes of ``graph``, longest first."""
    found = {str(s) for s in graph.subjects(RDF.type, FEUILLE_DE_ROUTE)}
    return sorted(found, key=lambda iri: (-len(iri), iri))


def owner(subject: str, longest_first: Sequence[str]) -> str | None:
    """The roadmap whose IRI (the base of all its nodes' IRIs) is the longest prefix of
    ``subject``, or None (a triple of no roadmap: the default graph)."""
    return next((iri for iri in longest_first if subject.startswith(iri)), None)
