"""Short, readable names for the IRIs that appear in French reports."""

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from ._paths import FDR

__all__ = ["PREFIXES", "short_name"]

# The one prefix table: Turtle and JSON-LD exports bind it, reports and query tables
# shorten IRIs with it.
PREFIXES: dict[str, Namespace] = {
    "fdr": FDR,
    "dcterms": Namespace(str(DCTERMS)),
    "skos": Namespace(str(SKOS)),
    "org": Namespace(str(ORG)),
    "prov": Namespace(str(PROV)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "sh": Namespace(str(SH)),
    # The shared vocabularies' own prefixes, as their Turtle files declare them: an
    # export of a roadmap names its themes, programmes and national places with them
    # (rdflib would otherwise invent ns1:, ns2:… for the INSEE geography).
    "igeo": Namespace("http://rdf.insee.fr/def/geo#"),
    "th": Namespace("https://w3id.org/feuille-de-route/themes/"),
    "pn": Namespace("https://w3id.org/feuille-de-route/programmes/"),
    "mednum": Namespace("https://w3id.org/feuille-de-route/mednum/"),
    # W3C Data Cube and its SDMX dimension and measure: the IFN observations (issue 12).
    "qb": Namespace("http://purl.org/linked-data/cube#"),
    "sdmx-dimension": Namespace("http://purl.org/linked-data/sdmx/2009/dimension#"),
    "sdmx-measure": Namespace("http://purl.org/linked-data/sdmx/2009/measure#"),
}


def short_name(node: Node) -> str:
    """``fdr:Chantier`` for a known namespace, ``<iri>`` otherwise, a literal quoted."""
    if isinstance(node, URIRef):
        text = str(node)
        for prefix, namespace in PREFIXES.items():
            if text.startswith(namespace) and len(text) > len(namespace):
                return f"{prefix}:{text[len(namespace) :]}"
        return f"<{text}>"
    if isinstance(node, Literal):
        return f"« {node} »"
    if isinstance(node, BNode):
        return "(nœud anonyme)"
    return str(node)
