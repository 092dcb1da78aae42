"""Catalogue query rows as typed records: one frozen dataclass per query the maps read.

Rows become records once, where they leave :func:`~feuille_de_route.queries.run_query`
(``from_row`` of each record class); everything after reads English attributes. IRIs are ``str``,
missing text is ``""``; a kind of resource and a link status stay ontology terms (the
class and concept IRIs) with the ontology's labels beside them.
"""

import dataclasses
import datetime
import functools
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Self

__all__ = [
    "ActionRow",
    "ActorRow",
    "AnnotationRow",
    "CoordinationRow",
    "FicheRow",
    "GovernanceRow",
    "MobilisationRow",
    "ResourceRow",
    "ResourceToActivateRow",
    "SharedResourceRow",
    "TreeRow",
    "UnoperatedChantierRow",
]

Row = Mapping[str, object]


def _text(row: Row, column: str) -> str:
    value = row.get(column)
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _count(row: Row, column: str) -> int:
    value = row.get(column)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _flag(row: Row, column: str) -> bool:
    return row.get(column) is True


# How a column's value becomes a field, by the field's type.
_CONVERT: dict[object, Callable[[Row, str], object]] = {str: _text, int: _count, bool: _flag}


@functools.cache
def _columns(cls: type) -> tuple[tuple[str, Callable[[Row, str], object]], ...]:
    """Each field's query column and conversion, read from its ``Annotated`` type."""
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(
        (hints[field.name].__metadata__[0], _CONVERT[typing.get_args(hints[field.name])[0]])
        for field in dataclasses.fields(cls)
    )


class _Record:
    """A record made from a query row; each field is ``Annotated`` with its column's name."""

    @classmethod
    def from_row(cls, row: Row) -> Self:
        """The record of ``row``: text as ``str`` (``""`` when unbound), counts as ``int``."""
        record_class: type = cls  # a class is hashable; mypy does not know it of type[Self]
        return cls(*(convert(row, column) for column, convert in _columns(record_class)))


@dataclass(frozen=True)
class TreeRow(_Record):
    """``arbre``: an enjeu, one of its défis and one of that défi's chantiers."""

    enjeu: Annotated[str, "enjeu"]
    enjeu_id: Annotated[str, "enjeuId"]
    enjeu_label: Annotated[str, "enjeuLabel"]
    defi: Annotated[str, "defi"]
    defi_id: Annotated[str, "defiId"]
    defi_label: Annotated[str, "defiLabel"]
    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    chantier_label: Annotated[str, "chantierLabel"]
    action_count: Annotated[int, "nbActions"]


@dataclass(frozen=True)
class ActionRow(_Record):
    """``actions``: a concrete action of a chantier, with its follow-up status (the
    concept's IRI and label, ``""`` when the action has none)."""

    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    action: Annotated[str, "action"]
    action_id: Annotated[str, "actionId"]
    action_label: Annotated[str, "actionLabel"]
    status: Annotated[str, "statut"]
    status_label: Annotated[str, "statutLabel"]


@dataclass(frozen=True)
class MobilisationRow(_Record):
    """``mobilisations``: a chantier's link to a resource, with its status.

    ``resource_class`` is the resource's class IRI (its kind), ``status`` the status
    concept's IRI; ``kind_label`` and ``status_label`` are their ontology labels.
    """

    mobilisation: Annotated[str, "mobilisation"]
    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    chantier_label: Annotated[str, "chantierLabel"]
    resource: Annotated[str, "ressource"]
    resource_id: Annotated[str, "ressourceId"]
    resource_label: Annotated[str, "ressourceLabel"]
    resource_class: Annotated[str, "type"]
    kind_label: Annotated[str, "typeLabel"]
    status: Annotated[str, "statut"]
    status_label: Annotated[str, "statutLabel"]
    since: Annotated[str, "depuis"]
    assumption: Annotated[str, "hypothese"]


@dataclass(frozen=True)
class CoordinationRow(_Record):
    """``coordination``: a service coordinating a défi or a chantier, in a role."""

    target: Annotated[str, "objet"]
    target_id: Annotated[str, "objetId"]
    target_label: Annotated[str, "objetLabel"]
    service: Annotated[str, "service"]
    service_label: Annotated[str, "serviceLabel"]
    role: Annotated[str, "role"]
    role_label: Annotated[str, "roleLabel"]
    assumption: Annotated[str, "hypothese"]
    coordination: Annotated[str, "coordination"] = ""


@dataclass(frozen=True)
class FicheRow(_Record):
    """``fiche-chantier``: one line of a chantier's fiche (``section`` is the rubrique:
    ``description``, ``critere``, ``frein`` or ``gouvernance``)."""

    section: Annotated[str, "rubrique"]
    text: Annotated[str, "texte"]
    actor: Annotated[str, "acteur"]
    actor_label: Annotated[str, "acteurLabel"]
    actor_class: Annotated[str, "acteurType"]
    role: Annotated[str, "role"]
    role_label: Annotated[str, "roleLabel"]
    chantier: Annotated[str, "chantier"]


@dataclass(frozen=True)
class UnoperatedChantierRow(_Record):
    """``chantiers-sans-ressource-operante``: a chantier with no operating resource."""

    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    chantier_label: Annotated[str, "chantierLabel"]


@dataclass(frozen=True)
class ResourceToActivateRow(_Record):
    """``ressources-a-activer``: a resource known to a chantier but not linked yet."""

    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    resource: Annotated[str, "ressource"]
    resource_label: Annotated[str, "ressourceLabel"]
    kind_label: Annotated[str, "typeLabel"]


@dataclass(frozen=True)
class SharedResourceRow(_Record):
    """``ressources-partagees``: a resource several chantiers depend on."""

    resource: Annotated[str, "ressource"]
    resource_label: Annotated[str, "ressourceLabel"]
    kind_label: Annotated[str, "typeLabel"]
    chantier_count: Annotated[int, "nbChantiers"]


@dataclass(frozen=True)
class AnnotationRow(_Record):
    """``annotations``: one assumption, note or description of a node or a link.

    ``section`` is ``hypothese``, ``note`` or ``description``; ``subject`` the IRI of the
    node (enjeu, ressource…) or of the link (mobilisation, participation…) it is about.
    """

    subject: Annotated[str, "sujet"]
    section: Annotated[str, "rubrique"]
    text: Annotated[str, "texte"]


@dataclass(frozen=True)
class ResourceRow(_Record):
    """``ressources``: a resource of the roadmap, mobilised by a chantier or not."""

    resource: Annotated[str, "ressource"]
    resource_id: Annotated[str, "ressourceId"]
    resource_label: Annotated[str, "ressourceLabel"]
    resource_class: Annotated[str, "type"]
    kind_label: Annotated[str, "typeLabel"]
    programme: Annotated[str, "programmeNational"]
    mobilised: Annotated[bool, "mobilisee"]


@dataclass(frozen=True)
class GovernanceRow(_Record):
    """``gouvernance``: an acteur (service, resource or other) in a role on a chantier."""

    participation: Annotated[str, "participation"]
    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    actor: Annotated[str, "acteur"]
    actor_id: Annotated[str, "acteurId"]
    actor_label: Annotated[str, "acteurLabel"]
    actor_class: Annotated[str, "acteurType"]
    role: Annotated[str, "role"]
    role_label: Annotated[str, "roleLabel"]


@dataclass(frozen=True)
class ActorRow(_Record):
    """``acteurs``: an acteur or a service of the roadmap, with a role or not."""

    actor: Annotated[str, "acteur"]
    actor_id: Annotated[str, "acteurId"]
    actor_label: Annotated[str, "acteurLabel"]
    actor_class: Annotated[str, "acteurType"]
