"""The ontology's vocabulary (SKOS schemes and concepts) as a named graph every store holds.

Queries read labels from it, after the roadmap's patterns (in an OPTIONAL): ``skos:prefLabel`` of
a status or a role, and for a resource's class the concept that names it
(``?concept fdr:classe ?type ; skos:prefLabel ?typeLabel``). It is named by the
ontology's IRI and kept apart from the roadmaps (``graph_names`` leaves it out).
"""

import functools

from rdflib import OWL, RDF, SKOS, Graph

from feuille_de_route.ontology import ONTOLOGY_IRI, load_ontology, load_schemes

__all__ = ["VOCABULARY_GRAPH", "is_vocabulary", "vocabulary_graph"]

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


def is_vocabulary(name: object) -> bool:
    """Whether ``name`` (a graph name) is the vocabulary graph's."""
    return str(name) == VOCABULARY_GRAPH
