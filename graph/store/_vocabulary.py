"""The ontology's vocabulary (SKOS schemes and concepts) as a named graph every store holds.

Queries read labels from it, after the roadmap's patterns (in an OPTIONAL): ``skos:prefLabel`` of
a status or a role, and for a resource's class the concept that names it
(``?concept fdr:classe ?type ; skos:prefLabel ?typeLabel``). It is named by the
ontology's IRI and kept apart from the roadmaps (``graph_names`` leaves it out).
"""

import functools
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import OWL, RDF, SKOS, Graph

from feuille_de_route.ontology import ONTOLOGY_IRI, ONTOLOGY_PATH, SCHEME_PATHS

from ._terms import from_oxigraph, ntriples

__all__ = [
    "VOCABULARY_GRAPH",
    "is_vocabulary",
    "vocabulary_graph",
    "vocabulary_triples",
]

VocabularyTriple = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]

VOCABULARY_GRAPH = str(ONTOLOGY_IRI)
_KINDS = frozenset(ox.NamedNode(str(kind)) for kind in (SKOS.Concept, SKOS.ConceptScheme))
_TYPE = ox.NamedNode(str(RDF.type))
_ONTOLOGY = ox.NamedNode(str(ONTOLOGY_IRI))
_VERSION = ox.NamedNode(str(OWL.versionIRI))


def vocabulary_triples(ontology: Graph | None = None) -> frozenset[VocabularyTriple]:
    """The SKOS part of ``ontology`` (default: ``fdr.ttl`` and the national schemes, as
    pyoxigraph parses them: 6 ms, where rdflib's parser took 0.2 s of every command
    opening a ``--stockage``): schemes, concepts and their annotations (labels,
    notations, ``fdr:classe``), plus the ontology's version IRI."""
    if ontology is None:
        return _default_triples()
    return _skos_part(q.triple for q in ox.parse(ntriples(ontology), ox.RdfFormat.N_TRIPLES))


def vocabulary_graph(ontology: Graph | None = None) -> Graph:
    """:func:`vocabulary_triples` as an rdflib graph."""
    if ontology is None:
        return _default_vocabulary()
    return _as_graph(vocabulary_triples(ontology))


@functools.cache
def _default_triples() -> frozenset[VocabularyTriple]:
    # With the national schemes (programmes, themes, the mednum standard's enumerations):
    # the cross-territory queries read their labels too.
    return _skos_part(
        quad.triple
        for path in (ONTOLOGY_PATH, *SCHEME_PATHS)
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    )


@functools.cache
def _default_vocabulary() -> Graph:
    return _as_graph(_default_triples())


def _skos_part(triples: Iterable[ox.Triple]) -> frozenset[VocabularyTriple]:
    every = list(triples)
    subjects = {t.subject for t in every if t.predicate == _TYPE and t.object in _KINDS}
    return frozenset(
        (t.subject, t.predicate, t.object)  # type: ignore[misc]
        for t in every
        if t.subject in subjects or (t.subject == _ONTOLOGY and t.predicate == _VERSION)
    )


def _as_graph(triples: Iterable[VocabularyTriple]) -> Graph:
    graph = Graph()
    cache: dict[object, object] = {}
    for triple in triples:
        graph.add(tuple(from_oxigraph(term, cache) for term in triple))  # type: ignore[arg-type]
    return graph


def is_vocabulary(name: object) -> bool:
    """Whether ``name`` (a graph name) is the vocabulary graph's."""
    return str(name) == VOCABULARY_GRAPH
