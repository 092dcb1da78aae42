"""IRI minting: the same workbook always names its nodes with the same IRIs.

Every IRI is the territory's base IRI followed by a kind segment and the territory's own
IDs, percent-encoded (contract: "IRIs of a territory's data"). A ``/`` in an ID is written
``~2F`` (and ``~`` itself ``~7E``), never ``%2F``: Apache-based resolvers (w3id.org)
refuse an encoded slash by default; an ID made only of dots has them written ``~2E``, so
that no segment reads as ``.`` or ``..``. The mapping stays one-to-one.
"""

import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from ._vocabulary import notation

__all__ = ["GEO", "Minter", "geo"]

# The national IRIs of the official geography, shared by every territory's graph.
GEO = "https://w3id.org/feuille-de-route/geo/"


def _segment(local_id: str) -> str:
    text = unicodedata.normalize("NFC", local_id).replace("~", "~7E").replace("/", "~2F")
    if text and not text.strip("."):
        text = text.replace(".", "~2E")
    return quote(text, safe="~")


def geo(kind: str, code: str) -> URIRef:
    """``{GEO}{kind}/{code}``: the commune, EPCI, département or région of this INSEE code
    or SIREN, whatever the territory that names it (contract: "National IRIs")."""
    return URIRef(GEO + kind + "/" + _segment(code))


class Minter:
    """Mints the IRIs of one territory's nodes under ``base`` (which ends with ``/``)."""

    def __init__(self, base: str) -> None:
        self.base = base

    def iri(self, *segments: str) -> URIRef:
        return URIRef(self.base + "/".join(_segment(s) for s in segments))

    def roadmap(self) -> URIRef:
        return URIRef(self.base)

    def node(self, kind: str, local_id: str) -> URIRef:
        """``{base}{kind}/{id}`` for enjeu, defi, chantier, action, ressource, service, acteur,
        critere, frein, etape, livrable, typologie, groupe, commune, epci, territoire."""
        return self.iri(kind, local_id)

    def mobilisation(self, chantier: str, ressource: str) -> URIRef:
        return self.iri("mobilisation", chantier, ressource)

    def coordination(self, objet_kind: str, objet: str, service: str) -> URIRef:
        """``{base}coordination/{defi|chantier}/{objet}/{service}``: the kind segment keeps
        a défi and a chantier sharing an ID (the Grand Périgueux's 5 and 6) apart."""
        return self.iri("coordination", objet_kind, objet, service)

    def participation(self, chantier: str, acteur: str, role: URIRef) -> URIRef:
        """``{base}participation/{chantier}/{acteur}/{notation}``: the role's skos:notation
        (``pilote``, ``realise``, ``associe``)."""
        return self.iri("participation", chantier, acteur, notation(role))

    def mesure(self, code_insee: str, notation: str) -> URIRef:
        return self.iri("commune", code_insee, "ifn", notation)
