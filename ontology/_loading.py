"""Reading the ontology and the shapes into rdflib graphs."""

from pathlib import Path

from rdflib import Graph

from ._paths import ONTOLOGY_PATH, SCHEME_PATHS, SHAPES_PATH

__all__ = ["load_ontology", "load_schemes", "load_shapes"]


def _parse(path: Path) -> Graph:
    graph = Graph()
    graph.parse(path, format="turtle")
    return graph


def load_ontology() -> Graph:
    """Return a fresh graph of ``fdr.ttl`` (classes, properties and SKOS schemes).

    Each call parses the file again, so callers may add to the graph they get.
    """
    return _parse(ONTOLOGY_PATH)


def load_shapes() -> Graph:
    """Return a fresh graph of ``shapes.ttl`` (the SHACL shapes)."""
    return _parse(SHAPES_PATH)


def load_schemes() -> Graph:
    """Return a fresh graph of the national SKOS schemes shipped with the ontology
    (``programmes.ttl``, ``mednum.ttl``, ``themes.ttl``): reference vocabularies at their
    own IRIs, kept out of :func:`load_ontology` (no OWL term, French-only labels for the
    standard's)."""
    graph = Graph()
    for path in SCHEME_PATHS:
        graph.parse(path, format="turtle")
    return graph
