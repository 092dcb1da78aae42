"""The changes between two versions of a roadmap, as French text and as stable JSON."""

from collections.abc import Sequence
from dataclasses import dataclass

from ._changes import ELEMENTS, Change

__all__ = ["CHANGE_KEYS", "ComparedRoadmap", "change_line", "changes_json", "changes_text"]

# The keys of each change in the JSON form, always all present (null when not relevant).
CHANGE_KEYS = (
    "element",
    "changement",
    "identifiant",
    "libelle",
    "iri",
    "ancienIdentifiant",
    "ancienLibelle",
    "ancienIri",
    "parent",
    "ancienParent",
    "ressourceIdentifiant",
    "ressourceLibelle",
    "ressourceIri",
    "statut",
    "statutLibelle",
    "ancienStatut",
    "ancienStatutLibelle",
)


@dataclass(frozen=True)
class ComparedRoadmap:
    """One of the two versions compared: what the user named, its roadmap's IRI and title."""

    source: str
    roadmap: str
    title: str


_HEADINGS = {
    "enjeu": "Enjeux",
    "defi": "Défis",
    "chantier": "Chantiers",
    "action": "Actions",
    "ressource": "Ressources",
    "lien": "Liens entre chantiers et ressources",
}
_NOUNS = {
    "enjeu": ("enjeu", False),
    "defi": ("défi", False),
    "chantier": ("chantier", False),
    "action": ("action", True),
    "ressource": ("ressource", True),
    "lien": ("lien", False),
}
_VERBS = {
    "ajoute": ("+", "ajouté"),
    "supprime": ("−", "supprimé"),
    "renomme": ("~", "renommé"),
    "identifiant": ("~", "identifiant changé"),
    "deplace": ("~", "déplacé"),
    "statut": ("~", "statut changé"),
}


def changes_text(changes: Sequence[Change], first: ComparedRoadmap, second: ComparedRoadmap) -> str:
    """The changes from ``first`` to ``second``, in French, grouped by kind of element."""
    head = f"V1 : {_side(first)}\nV2 : {_side(second)}\n"
    if not changes:
        return (
            head + "\nAucun changement : mêmes enjeux, défis, chantiers, actions, ressources "
            "et statuts des liens.\n"
        )
    count = len(changes)
    lines = [head, f"{count} changement{'s' if count > 1 else ''} de V1 à V2 :"]
    for element in ELEMENTS:
        mine = [c for c in changes if c.element == element]
        if mine:
            lines.append(f"\n{_HEADINGS[element]} ({len(mine)})")
            lines += [f"  {change_line(c)}" for c in mine]
    return "\n".join(lines) + "\n"


def _side(side: ComparedRoadmap) -> str:
    title = f"« {side.title} » " if side.title else ""
    return f"{side.source} — {title}<{side.roadmap}>"


def change_line(change: Change) -> str:
    """One change in French, e.g. ``~ chantier 2.a renommé : « … » → « … »``."""
    sign, verb = _VERBS[change.change]
    noun, feminine = _NOUNS[change.element]
    if feminine and change.change != "identifiant":
        verb += "e"
    if change.element == "lien":
        return f"{sign} {_link(change)} : {verb}{_status(change)}"
    what = f"{noun} {change.ident} « {change.label} »"
    if change.change == "renomme":
        return f"{sign} {noun} {change.ident} {verb} : « {change.old_label} » → « {change.label} »"
    if change.change == "identifiant":
        return f"{sign} {what} : {verb}, {change.old_ident} → {change.ident}"
    if change.change == "deplace":
        parent = "défi" if change.element == "chantier" else "chantier"
        return f"{sign} {what} {verb} : {parent} {change.old_parent} → {parent} {change.parent}"
    return f"{sign} {what} {verb}"


def _link(change: Change) -> str:
    return (
        f"chantier {change.ident} → ressource « {change.resource_label or change.resource_ident} »"
    )


def _status(change: Change) -> str:
    if change.change == "statut":
        return f", « {change.old_status_label} » → « {change.status_label} »"
    label = change.old_status_label if change.change == "supprime" else change.status_label
    return f" (« {label} »)" if label else ""


def changes_json(
    changes: Sequence[Change], first: ComparedRoadmap, second: ComparedRoadmap
) -> dict[str, object]:
    """The changes as a JSON-ready object: ``v1``, ``v2`` (``source``, ``feuilleDeRoute``,
    ``titre``), ``nombre`` and ``changements`` (each with every key of :data:`CHANGE_KEYS`)."""
    return {
        "v1": _side_json(first),
        "v2": _side_json(second),
        "nombre": len(changes),
        "changements": [_change_json(c) for c in changes],
    }


def _side_json(side: ComparedRoadmap) -> dict[str, object]:
    return {"source": side.source, "feuilleDeRoute": side.roadmap, "titre": side.title}


def _change_json(c: Change) -> dict[str, object]:
    values = (
        c.element,
        c.change,
        c.ident,
        c.label,
        c.iri,
        c.old_ident,
        c.old_label,
        c.old_iri,
        c.parent,
        c.old_parent,
        c.resource_ident,
        c.resource_label,
        c.resource_iri,
        c.status,
        c.status_label,
        c.old_status,
        c.old_status_label,
    )
    return dict(zip(CHANGE_KEYS, values, strict=True))
