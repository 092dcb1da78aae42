"""How each kind of node and link looks, and the French words the legend uses for them."""

from dataclasses import dataclass

from feuille_de_route.ontology import FDR as _FDR

__all__ = [
    "EDGE_STYLES",
    "NODE_STYLES",
    "RESOURCE_KINDS",
    "STATUS_KINDS",
    "EdgeStyle",
    "NodeStyle",
    "resource_kind",
    "status_kind",
]

FDR = str(_FDR)


@dataclass(frozen=True)
class NodeStyle:
    """A node kind's vis-network shape, colour, default size and legend wording."""

    label: str
    plural: str
    shape: str
    color: str
    size: int


@dataclass(frozen=True)
class EdgeStyle:
    """A link kind's line: colour, width, dash pattern (empty = solid) and legend wording."""

    label: str
    color: str
    width: float
    dashes: tuple[int, ...]


# Colours are distinguishable for the common colour-vision deficiencies and the
# resource kinds also differ by shape, so the legend never relies on colour alone.
NODE_STYLES: dict[str, NodeStyle] = {
    "enjeu": NodeStyle("Enjeu", "Enjeux", "hexagon", "#5e3c99", 26),
    "defi": NodeStyle("Défi", "Défis", "diamond", "#1f5f9e", 22),
    "chantier": NodeStyle("Chantier", "Chantiers", "dot", "#e66100", 20),
    "action": NodeStyle("Action concrète", "Actions concrètes", "dot", "#9aa5b1", 7),
    "partenaire": NodeStyle("Partenaire de projet", "Partenaires de projet", "dot", "#1b9e77", 13),
    "materielle": NodeStyle(
        "Ressource matérielle", "Ressources matérielles", "triangle", "#a6761d", 13
    ),
    "intervenant": NodeStyle("Intervenant", "Intervenants", "star", "#0a8fb5", 14),
    "financement": NodeStyle("Financement", "Financements", "diamond", "#d0307a", 12),
    "ressource": NodeStyle("Autre ressource", "Autres ressources", "dot", "#7f7f7f", 12),
    "service": NodeStyle("Service de la collectivité", "Services", "square", "#4d4d4d", 11),
    "acteur": NodeStyle("Acteur", "Acteurs", "square", "#8c6d5a", 10),
    "groupe": NodeStyle("Groupe", "Groupes", "text", "#333333", 0),
}

RESOURCE_KINDS = ("partenaire", "materielle", "intervenant", "financement", "ressource")

# Class local name (fdr:) of a resource → node kind.
_RESOURCE_CLASSES = {
    "PartenaireDeProjet": "partenaire",
    "RessourceMaterielle": "materielle",
    "Intervenant": "intervenant",
    "Financement": "financement",
}

EDGE_STYLES: dict[str, EdgeStyle] = {
    "operante": EdgeStyle("Trait plein : la ressource est déjà opérante", "#2f4858", 2.6, ()),
    "connueSansLien": EdgeStyle(
        "Trait pointillé : ressource connue, pas encore de lien", "#6c8ea0", 2.0, (7, 6)
    ),
    "structure": EdgeStyle("Trait fin : enjeu → défi → chantier → action", "#c3cdd6", 1.0, ()),
    "coordination": EdgeStyle(
        "Trait gris : coordination ou gouvernance par un service ou un acteur",
        "#8f8f8f",
        1.2,
        (2, 4),
    ),
}

STATUS_KINDS = ("operante", "connueSansLien")


def resource_kind(class_iri: object) -> str:
    """The node kind of a resource from its class IRI (``fdr:Intervenant`` → ``intervenant``)."""
    if isinstance(class_iri, str) and class_iri.startswith(FDR):
        return _RESOURCE_CLASSES.get(class_iri[len(FDR) :], "ressource")
    return "ressource"


def status_kind(status_iri: object) -> str:
    """The link status from its SKOS concept IRI (``fdr:operante`` → ``operante``)."""
    if isinstance(status_iri, str) and status_iri.startswith(FDR):
        local = status_iri[len(FDR) :]
        if local in STATUS_KINDS:
            return local
    return "connueSansLien"
