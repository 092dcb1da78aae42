"""What the maps add to the tree and the links so that every fact of the workbook shows:
assumptions, notes and descriptions (``annotations``), resources no chantier mobilises
(``ressources``), the acteurs in a role on a chantier (``gouvernance``) and those in none
(``acteurs``: « sans rôle »)."""

from collections import defaultdict

from feuille_de_route.ontology import FDR

from ._builder import Builder, item, labelled
from ._records import ActorRow, AnnotationRow, GovernanceRow, ResourceRow
from ._style import is_resource, resource_kind

__all__ = [
    "ACTEUR_KINDS",
    "Annotations",
    "add_actors",
    "add_governance",
    "add_resources",
    "annotate",
    "annotations_index",
    "with_note",
]

# The general class of a governance acteur (``acteurType``) → its node kind.
ACTEUR_KINDS = {str(FDR.Service): "service", str(FDR.Ressource): "ressource"}

Annotations = dict[str, dict[str, list[str]]]


def annotations_index(rows: list[AnnotationRow]) -> Annotations:
    """The ``annotations`` records by subject IRI, then by section."""
    index: Annotations = defaultdict(lambda: defaultdict(list))
    for row in rows:
        if row.text and row.text not in index[row.subject][row.section]:
            index[row.subject][row.section].append(row.text)
    return index


def with_note(text: str, notes: Annotations, subject: str) -> str:
    """``text`` followed by the notes written on ``subject`` (a link's IRI)."""
    found = notes.get(subject, {}).get("note", []) if subject else []
    return f"{text} — note : {' ; '.join(found)}" if found else text


def annotate(b: Builder, notes: Annotations) -> None:
    """Each node's assumptions (marked « hypothèse »), notes and description, in details."""
    for node, data in b.graph.nodes(data=True):
        found = notes.get(node)
        if not found:
            continue
        assumptions = found.get("hypothese", [])
        if assumptions:
            data["hypothese"] = " ; ".join(assumptions)
            for text in assumptions:
                b.detail(node, "Hypothèse", item("Ce fait n'est pas dans la source.", text))
        for text in found.get("description", []):
            b.detail(node, "Description", item(text))
        for text in found.get("note", []):
            b.detail(node, "Notes", item(text))


def add_resources(b: Builder, rows: list[ResourceRow]) -> None:
    """Every resource of the roadmap: those no chantier mobilises « à mobiliser »."""
    for row in rows:
        if row.resource not in b.graph:
            if row.mobilised:  # linked to a chantier not drawn here
                continue
            kind = resource_kind(row.resource_class)
            b.node(row.resource, kind, row.resource_label, row.resource_id)
        data = b.graph.nodes[row.resource]
        data["resource"] = True
        data.setdefault("typeLabel", row.kind_label)
        if row.programme:
            b.detail(row.resource, "Programme national", item(row.programme))
        if not row.mobilised:
            data["aMobiliser"] = True
            b.detail(row.resource, "Statut", item("À mobiliser : aucun chantier ne la mobilise"))


def add_governance(b: Builder, rows: list[GovernanceRow], notes: Annotations) -> None:
    """Who pilots, carries out or joins each chantier drawn: services and acteurs are
    linked to it with their role; a resource in a role says so in its details."""
    for row in rows:
        if row.chantier not in b.graph:
            continue
        chantier = row.chantier
        if row.actor in b.graph:
            actor = row.actor
        else:
            kind = ACTEUR_KINDS.get(row.actor_class, "acteur")
            actor = b.node(row.actor, kind, row.actor_label, row.actor_id)
            b.graph.nodes[actor]["resource"] = kind == "ressource"
        data = b.graph.nodes[actor]
        data["ident"] = data["ident"] or row.actor_id
        data["chantiers"].add(chantier)
        data["defis"] |= b.graph.nodes[chantier]["defis"]
        role = row.role_label or row.role
        assumption = " ; ".join(notes.get(row.participation, {}).get("hypothese", []))
        text = with_note(f"{data['label']} — {role}", notes, row.participation)
        b.detail(chantier, "Gouvernance", item(text, assumption))
        own = with_note(f"{labelled(b, chantier)} — {role}", notes, row.participation)
        b.detail(actor, "Gouvernance", item(own, assumption))
        if not is_resource(data):
            b.edge(actor, chantier, "coordination", role, assumption or None)


def add_actors(b: Builder, rows: list[ActorRow]) -> None:
    """Every acteur and service of the roadmap: those in no role drawn « sans rôle »."""
    for row in rows:
        if row.actor in b.graph:
            continue
        kind = ACTEUR_KINDS.get(row.actor_class, "acteur")
        actor = b.node(row.actor, kind, row.actor_label, row.actor_id)
        b.graph.nodes[actor]["sansRole"] = True
        b.detail(
            actor,
            "Statut",
            item("Sans rôle : aucun chantier ni défi ne le nomme dans sa gouvernance."),
        )
