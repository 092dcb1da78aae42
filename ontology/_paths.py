"""Where the vocabulary lives: its namespace, IRIs and the files shipped with the package."""

from pathlib import Path

from rdflib import Namespace, URIRef

__all__ = ["FDR", "ONTOLOGY_IRI", "ONTOLOGY_PATH", "SHAPES_PATH", "VERSION_IRI"]

FDR = Namespace("https://w3id.org/feuille-de-route/ontologie#")
ONTOLOGY_IRI = URIRef("https://w3id.org/feuille-de-route/ontologie")
VERSION_IRI = URIRef("https://w3id.org/feuille-de-route/ontologie/0.1.0")

_HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = _HERE / "fdr.ttl"
SHAPES_PATH = _HERE / "shapes.ttl"
