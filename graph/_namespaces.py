"""The namespaces the built graph uses (the contract's "Namespaces" table)."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

from feuille_de_route.ontology import FDR, PREFIXES

__all__ = [
    "DCTERMS",
    "FDR",
    "IGEO",
    "INSEE_COMMUNE",
    "INSEE_EPCI",
    "ORG",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "XSD",
]

# INSEE's published IRIs for the official geography, linked by rdfs:seeAlso.
INSEE_COMMUNE = Namespace("http://id.insee.fr/geo/commune/")
INSEE_EPCI = Namespace("http://id.insee.fr/geo/intercommunalite/")
# INSEE's geography vocabulary: the classes and code of the national nodes.
IGEO = PREFIXES["igeo"]
