"""Reading the ontology and the shapes into rdflib graphs."""

from pathlib import Path

from rdflib import Graph

from ._paths import ONTOLOGY_PATH, SHAPES_PATH

__all__ = ["load_ontology", "load_shapes"]


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
