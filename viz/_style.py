"""How each kind of node and link looks: shapes, colours, sizes and line patterns.

Kinds of resource and link statuses are ontology terms: a resource's kind comes from
its class (``fdr:Intervenant``), a link's from its status concept (``fdr:operante``),
compared as terms. Their French words are never written here: they come with the query
rows (``typeLabel``, ``statutLabel``: the concepts' ``skos:prefLabel`` in the ontology).
A kind the palette does not know (a concept added to the ontology) gets a shape and a
colour chosen deterministically from its IRI.
"""

import hashlib
from dataclasses import dataclass

from rdflib import URIRef

from feuille_de_route.ontology import FDR

__all__ = [
    "ASSUMPTION_COLOR",
    "ASSUMPTION_LABEL",
    "EDGE_STYLES",
    "NODE_STYLES",
    "NO_ACTION_STATUS",
    "STATUS_LINES",
    "EdgeStyle",
    "NodeStyle",
    "action_status_color",
    "action_status_kind",
    "action_status_order",
    "edge_style",
    "is_resource",
    "node_style",
    "resource_kind",
    "resource_kind_order",
    "status_kind",
]


@dataclass(frozen=True)
class NodeStyle:
    """A node kind's vis-network shape, colour, default size and legend wording.

    A kind of resource has no wording here: its label is the ontology's.
    """

    label: str
    plural: str
    shape: str
    color: str
    size: int


@dataclass(frozen=True)
class EdgeStyle:
    """A link kind's line: colour, width, dash pattern (empty = solid) and legend wording.

    A status's legend wording is its line (``Trait plein``) followed by the status's
    label from the ontology.
    """

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
    "ressource": NodeStyle("Ressource", "Ressources", "dot", "#7f7f7f", 12),
    "service": NodeStyle("Service de la collectivité", "Services", "square", "#4d4d4d", 11),
    "acteur": NodeStyle("Acteur", "Acteurs", "square", "#8c6d5a", 10),
    "groupe": NodeStyle("Groupe", "Groupes", "text", "#333333", 0),
}

# Class of a resource → (node kind, shape, colour, size), in legend order.
_RESOURCE_PALETTE: dict[URIRef, tuple[str, str, str, int]] = {
    FDR.PartenaireDeProjet: ("partenaire", "dot", "#1b9e77", 13),
    FDR.RessourceMaterielle: ("materielle", "triangle", "#a6761d", 13),
    FDR.Intervenant: ("intervenant", "star", "#0a8fb5", 14),
    FDR.Financement: ("financement", "diamond", "#d0307a", 12),
}
_RESOURCE_STYLES = {
    kind: NodeStyle("", "", shape, color, size)
    for kind, shape, color, size in _RESOURCE_PALETTE.values()
}
# For kinds the palette does not know: shapes and colours kept apart from the above.
_SPARE_SHAPES = ("dot", "triangleDown", "star", "square", "diamond")
_SPARE_COLORS = ("#66a61e", "#e7298a", "#7570b3", "#b15928", "#1f78b4", "#6a3d9a")

# An action's follow-up status concept → (its kind on the page, its node colour), in
# legend order; an action without status keeps the action's grey.
_ACTION_STATUSES: dict[URIRef, tuple[str, str]] = {
    FDR.aLancer: ("aLancer", "#3b7dd8"),
    FDR.enCours: ("enCours", "#e69f00"),
    FDR.realisee: ("realisee", "#2e8540"),
    FDR.abandonnee: ("abandonnee", "#5a5a5a"),
}
NO_ACTION_STATUS = "sansStatut"

# Link status concept → link kind.
_STATUS_KINDS: dict[URIRef, str] = {FDR.operante: "operante", FDR.connueSansLien: "connueSansLien"}

EDGE_STYLES: dict[str, EdgeStyle] = {
    "operante": EdgeStyle("Trait plein", "#2f4858", 2.6, ()),
    "connueSansLien": EdgeStyle("Trait pointillé", "#6c8ea0", 2.0, (7, 6)),
    "structure": EdgeStyle("Trait fin : enjeu → défi → chantier → action", "#c3cdd6", 1.0, ()),
    "coordination": EdgeStyle(
        "Trait gris : coordination ou gouvernance par un service ou un acteur",
        "#8f8f8f",
        1.2,
        (2, 4),
    ),
}
# An assumed fact: a node's dashed border, a link's colour and « ? » mark (a link keeps
# its dash pattern, which tells its status; the legend says what the mark means).
ASSUMPTION_COLOR = "#d98e04"
ASSUMPTION_LABEL = "?"

_OTHER_STATUS = EdgeStyle("Trait tireté", "#8e6c8a", 2.0, (3, 3))

# Link kinds that are statuses of a mobilisation, known ones first.
STATUS_LINES = tuple(_STATUS_KINDS.values())


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def _pick(iri: str, choices: tuple[str, ...]) -> str:
    digest = hashlib.sha256(iri.encode("utf-8")).digest()
    return choices[digest[0] % len(choices)]


def resource_kind(class_iri: object) -> str:
    """The node kind of a resource from its class (``fdr:Intervenant`` → ``intervenant``);
    a class the palette does not know keeps its local name (``fdr:TiersLieu`` → ``TiersLieu``)."""
    if not isinstance(class_iri, str) or not class_iri:
        return "ressource"
    known = _RESOURCE_PALETTE.get(URIRef(class_iri))
    return known[0] if known else _local_name(class_iri)


def resource_kind_order(kind: str) -> tuple[int, str]:
    """Sort key of resource kinds: the palette's order, then unknown kinds by name."""
    known = [k for k, _, _, _ in _RESOURCE_PALETTE.values()]
    return (known.index(kind), "") if kind in known else (len(known), kind)


def status_kind(status_iri: object) -> str:
    """The link kind of a status concept (``fdr:operante`` → ``operante``); an unknown
    concept keeps its local name."""
    if not isinstance(status_iri, str) or not status_iri:
        return "connueSansLien"
    return _STATUS_KINDS.get(URIRef(status_iri)) or _local_name(status_iri)


def action_status_kind(status_iri: object) -> str:
    """The page's kind of an action's status concept (``fdr:enCours`` → ``enCours``); an
    unknown concept keeps its local name, no status is :data:`NO_ACTION_STATUS`."""
    if not isinstance(status_iri, str) or not status_iri:
        return NO_ACTION_STATUS
    known = _ACTION_STATUSES.get(URIRef(status_iri))
    return known[0] if known else _local_name(status_iri)


def action_status_color(kind: str) -> str:
    """The node colour of an action of that status kind (a deterministic spare colour
    for a status the palette does not know)."""
    if kind == NO_ACTION_STATUS:
        return NODE_STYLES["action"].color
    for known, color in _ACTION_STATUSES.values():
        if known == kind:
            return color
    return _pick(kind, _SPARE_COLORS)


def action_status_order(kind: str) -> tuple[int, str]:
    """Sort key of action status kinds: the palette's order, unknown ones, no status."""
    known = [k for k, _ in _ACTION_STATUSES.values()]
    if kind in known:
        return known.index(kind), ""
    return (len(known) + 1, "") if kind == NO_ACTION_STATUS else (len(known), kind)


def node_style(kind: str) -> NodeStyle:
    """The style of a node kind; an unknown kind is a resource kind the palette lacks."""
    style = NODE_STYLES.get(kind) or _RESOURCE_STYLES.get(kind)
    if style is not None:
        return style
    return NodeStyle("", "", _pick(kind, _SPARE_SHAPES), _pick(kind, _SPARE_COLORS), 12)


def edge_style(kind: str) -> EdgeStyle:
    """The style of a link kind; an unknown kind is a status the palette lacks."""
    return EDGE_STYLES.get(kind, _OTHER_STATUS)


def is_resource(data: dict[str, object]) -> bool:
    """Whether a node's data is a resource's (flagged ``resource`` when it was added)."""
    return bool(data.get("resource"))
