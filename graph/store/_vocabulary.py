"""The ontology's vocabulary (SKOS schemes and concepts) as a named graph every store holds.

Queries read labels from it, after the roadmap's patterns (in an OPTIONAL): ``skos:prefLabel`` of
a status or a role, and for a resource's class the concept that names it
(``?concept fdr:classe ?type ; skos:prefLabel ?typeLabel``). It is named by the
ontology's IRI and kept apart from the roadmaps (``graph_names`` leaves it out).
"""

import functools

import pyoxigraph as ox
from rdflib import OWL, RDF, SKOS, Graph

from feuille_de_route.ontology import (
    ONTOLOGY_IRI,
    ONTOLOGY_PATH,
    SCHEME_PATHS,
    load_ontology,
    load_schemes,
)

__all__ = [
    "VOCABULARY_GRAPH",
    "VocabularyTriple",
    "default_vocabulary_triples",
    "is_vocabulary",
    "vocabulary_graph",
]

VocabularyTriple = tuple[
    ox.NamedNode | ox.BlankNode, ox.NamedNode, ox.NamedNode | ox.BlankNode | ox.Literal
]

VOCABULARY_GRAPH = str(ONTOLOGY_IRI)


def vocabulary_graph(ontology: Graph | None = None) -> Graph:
    """The SKOS part of ``ontology`` (default: ``fdr.ttl`` and the national schemes):
    schemes, concepts and their annotations (labels, notations, ``fdr:classe``), plus the
    ontology's version IRI."""
    if ontology is None:
        return _default_vocabulary()
    return _skos_part(ontology)


@functools.cache
def _default_vocabulary() -> Graph:
    # With the national schemes (programmes, themes, the mednum standard's enumerations):
    # the cross-territory queries read their labels too.
    return _skos_part(load_ontology() + load_schemes())


def _skos_part(ontology: Graph) -> Graph:
    part = Graph()
    subjects = set(ontology.subjects(RDF.type, SKOS.Concept)) | set(
        ontology.subjects(RDF.type, SKOS.ConceptScheme)
    )
    for subject in subjects:
        for triple in ontology.triples((subject, None, None)):
            part.add(triple)
    for version in ontology.objects(ONTOLOGY_IRI, OWL.versionIRI):
        part.add((ONTOLOGY_IRI, OWL.versionIRI, version))
    return part


@functools.cache
def default_vocabulary_triples() -> frozenset[VocabularyTriple]:
    """The triples of :func:`vocabulary_graph`'s default, as pyoxigraph parses the same
    files: what a store compares with the vocabulary it holds each time it is opened
    (rdflib's parser took 0.2 s of every command opening a ``--stockage``). The same
    selection as ``_skos_part``; ``tests/graph/store/test_stores.py`` checks both agree."""
    triples = [
        quad.triple
        for path in (ONTOLOGY_PATH, *SCHEME_PATHS)
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
    ]
    kinds = {ox.NamedNode(str(SKOS.Concept)), ox.NamedNode(str(SKOS.ConceptScheme))}
    typed = ox.NamedNode(str(RDF.type))
    subjects = {t.subject for t in triples if t.predicate == typed and t.object in kinds}
    ontology, version = ox.NamedNode(str(ONTOLOGY_IRI)), ox.NamedNode(str(OWL.versionIRI))
    return frozenset(
        (t.subject, t.predicate, t.object)
        for t in triples
        if t.subject in subjects or (t.subject == ontology and t.predicate == version)
    )


def is_vocabulary(name: object) -> bool:
    """Whether ``name`` (a graph name) is the vocabulary graph's."""
    return str(name) == VOCABULARY_GRAPH
