"""What each field of the lieux standard becomes in RDF, read by the CSV reader
(``_lieux.py``) and by the export back to the standard (``_lieux_export.py``).

A lieu is a territory's resource (``{base}lieu/{id}``, ``fdr:PartenaireDeProjet``: a
partner structure of the territory's mediation offer); a resource with an address
(``fdr:adresse``) is a lieu for the export.
"""

from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef

from ._namespaces import DCTERMS, FDR, RDFS

__all__ = ["LIEU_CLASS", "LIEU_FIELDS", "LIEU_MARK", "LIEU_SEGMENT", "LieuField", "LieuForm"]

LIEU_CLASS = FDR.PartenaireDeProjet
LIEU_MARK = FDR.adresse  # the standard requires an address: a resource with one is a lieu
LIEU_SEGMENT = "lieu"


class LieuForm(Enum):
    """How a cell becomes RDF: a plain literal, a French one, several plain literals
    (``|``), a decimal, a date, the standard's concepts, or a field with its own rule."""

    TEXT = "text"
    TEXT_FR = "text@fr"
    LIST = "list"
    DECIMAL = "decimal"
    DATE = "date"
    CONCEPTS = "concepts"
    SPECIAL = "special"


@dataclass(frozen=True)
class LieuField:
    predicate: URIRef
    form: LieuForm


LIEU_FIELDS: dict[str, LieuField] = {
    "id": LieuField(DCTERMS.identifier, LieuForm.SPECIAL),
    "pivot": LieuField(FDR.pivot, LieuForm.SPECIAL),
    "nom": LieuField(RDFS.label, LieuForm.TEXT_FR),
    "commune": LieuField(FDR.nomDeCommune, LieuForm.TEXT),
    "code_postal": LieuField(FDR.codePostal, LieuForm.TEXT),
    "code_insee": LieuField(FDR.communeOfficielle, LieuForm.SPECIAL),
    "adresse": LieuField(FDR.adresse, LieuForm.TEXT),
    "complement_adresse": LieuField(FDR.complementAdresse, LieuForm.TEXT),
    "latitude": LieuField(FDR.latitude, LieuForm.DECIMAL),
    "longitude": LieuField(FDR.longitude, LieuForm.DECIMAL),
    "typologie": LieuField(FDR.typologieDeStructure, LieuForm.LIST),
    "telephone": LieuField(FDR.telephone, LieuForm.TEXT),
    "courriels": LieuField(FDR.courriel, LieuForm.LIST),
    "site_web": LieuField(FDR.siteWeb, LieuForm.LIST),
    "horaires": LieuField(FDR.horaires, LieuForm.TEXT),
    "presentation_resume": LieuField(DCTERMS.abstract, LieuForm.TEXT_FR),
    "presentation_detail": LieuField(DCTERMS.description, LieuForm.TEXT_FR),
    "source": LieuField(DCTERMS.source, LieuForm.TEXT),
    "itinerance": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "structure_parente": LieuField(FDR.structureParente, LieuForm.TEXT),
    "date_maj": LieuField(DCTERMS.modified, LieuForm.DATE),
    "services": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "publics_specifiquement_adresses": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "prise_en_charge_specifique": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "frais_a_charge": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "dispositif_programmes_nationaux": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "formations_labels": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "autres_formations_labels": LieuField(FDR.autresFormationsLabels, LieuForm.TEXT),
    "modalites_acces": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "modalites_accompagnement": LieuField(FDR.offreDeMediation, LieuForm.CONCEPTS),
    "fiche_acces_libre": LieuField(FDR.ficheAccesLibre, LieuForm.TEXT),
    "prise_rdv": LieuField(FDR.priseDeRendezVous, LieuForm.TEXT),
}
