"""Short, readable names for the IRIs that appear in French reports."""

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from ._paths import FDR

__all__ = ["short_name"]

_PREFIXES = (
    ("fdr:", str(FDR)),
    ("rdf:", str(RDF)),
    ("rdfs:", str(RDFS)),
    ("owl:", str(OWL)),
    ("xsd:", str(XSD)),
    ("skos:", str(SKOS)),
    ("dcterms:", str(DCTERMS)),
    ("prov:", str(PROV)),
    ("org:", "http://www.w3.org/ns/org#"),
    ("sh:", str(SH)),
)


def short_name(node: Node) -> str:
    """``fdr:Chantier`` for a known namespace, ``<iri>`` otherwise, a literal quoted."""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in _PREFIXES:
            if text.startswith(namespace) and len(text) > len(namespace):
                return prefix + text[len(namespace) :]
        return f"<{text}>"
    if isinstance(node, Literal):
        return f"« {node} »"
    if isinstance(node, BNode):
        return "(nœud anonyme)"
    return str(node)
