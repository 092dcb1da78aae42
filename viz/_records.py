"""Catalogue query rows as typed records: one frozen dataclass per query the maps read.

Rows become records once, where they leave :func:`~feuille_de_route.queries.run_query`
(:func:`record_rows`); everything after reads English attributes. IRIs are ``str``,
missing text is ``""``; a kind of resource and a link status stay ontology terms (the
class and concept IRIs) with the ontology's labels beside them.
"""

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "ActionRow",
    "AnnotationRow",
    "CoordinationRow",
    "FicheRow",
    "GovernanceRow",
    "MobilisationRow",
    "Record",
    "ResourceRow",
    "ResourceToActivateRow",
    "SharedResourceRow",
    "TreeRow",
    "UnoperatedChantierRow",
    "record_rows",
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


@dataclass(frozen=True)
class TreeRow:
    """``arbre``: an enjeu, one of its défis and one of that défi's chantiers."""

    enjeu: str
    enjeu_id: str
    enjeu_label: str
    defi: str
    defi_id: str
    defi_label: str
    chantier: str
    chantier_id: str
    chantier_label: str
    action_count: int

    @classmethod
    def from_row(cls, row: Row) -> "TreeRow":
        t = _text
        return cls(
            t(row, "enjeu"), t(row, "enjeuId"), t(row, "enjeuLabel"),
            t(row, "defi"), t(row, "defiId"), t(row, "defiLabel"),
            t(row, "chantier"), t(row, "chantierId"), t(row, "chantierLabel"),
            _count(row, "nbActions"),
        )  # fmt: skip


@dataclass(frozen=True)
class ActionRow:
    """``actions``: a concrete action of a chantier."""

    chantier: str
    chantier_id: str
    action: str
    action_id: str
    action_label: str

    @classmethod
    def from_row(cls, row: Row) -> "ActionRow":
        t = _text
        return cls(
            t(row, "chantier"), t(row, "chantierId"),
            t(row, "action"), t(row, "actionId"), t(row, "actionLabel"),
        )  # fmt: skip


@dataclass(frozen=True)
class MobilisationRow:
    """``mobilisations``: a chantier's link to a resource, with its status.

    ``resource_class`` is the resource's class IRI (its kind), ``status`` the status
    concept's IRI; ``kind_label`` and ``status_label`` are their ontology labels.
    """

    mobilisation: str
    chantier: str
    chantier_id: str
    chantier_label: str
    resource: str
    resource_id: str
    resource_label: str
    resource_class: str
    kind_label: str
    status: str
    status_label: str
    since: str
    assumption: str

    @classmethod
    def from_row(cls, row: Row) -> "MobilisationRow":
        t = _text
        return cls(
            t(row, "mobilisation"), t(row, "chantier"), t(row, "chantierId"),
            t(row, "chantierLabel"), t(row, "ressource"), t(row, "ressourceId"),
            t(row, "ressourceLabel"), t(row, "type"), t(row, "typeLabel"),
            t(row, "statut"), t(row, "statutLabel"), t(row, "depuis"), t(row, "hypothese"),
        )  # fmt: skip


@dataclass(frozen=True)
class CoordinationRow:
    """``coordination``: a service coordinating a défi or a chantier, in a role."""

    target: str
    target_id: str
    target_label: str
    service: str
    service_label: str
    role: str
    role_label: str
    assumption: str
    coordination: str = ""

    @classmethod
    def from_row(cls, row: Row) -> "CoordinationRow":
        t = _text
        return cls(
            t(row, "objet"), t(row, "objetId"), t(row, "objetLabel"),
            t(row, "service"), t(row, "serviceLabel"),
            t(row, "role"), t(row, "roleLabel"), t(row, "hypothese"), t(row, "coordination"),
        )  # fmt: skip


@dataclass(frozen=True)
class FicheRow:
    """``fiche-chantier``: one line of a chantier's fiche (``section`` is the rubrique:
    ``description``, ``critere``, ``frein`` or ``gouvernance``)."""

    section: str
    text: str
    actor: str
    actor_label: str
    actor_class: str
    role: str
    role_label: str
    chantier: str

    @classmethod
    def from_row(cls, row: Row) -> "FicheRow":
        t = _text
        return cls(
            t(row, "rubrique"), t(row, "texte"), t(row, "acteur"), t(row, "acteurLabel"),
            t(row, "acteurType"), t(row, "role"), t(row, "roleLabel"), t(row, "chantier"),
        )  # fmt: skip


@dataclass(frozen=True)
class UnoperatedChantierRow:
    """``chantiers-sans-ressource-operante``: a chantier with no operating resource."""

    chantier: str
    chantier_id: str
    chantier_label: str

    @classmethod
    def from_row(cls, row: Row) -> "UnoperatedChantierRow":
        return cls(_text(row, "chantier"), _text(row, "chantierId"), _text(row, "chantierLabel"))


@dataclass(frozen=True)
class ResourceToActivateRow:
    """``ressources-a-activer``: a resource known to a chantier but not linked yet."""

    chantier: str
    chantier_id: str
    resource: str
    resource_label: str
    kind_label: str

    @classmethod
    def from_row(cls, row: Row) -> "ResourceToActivateRow":
        t = _text
        return cls(
            t(row, "chantier"), t(row, "chantierId"),
            t(row, "ressource"), t(row, "ressourceLabel"), t(row, "typeLabel"),
        )  # fmt: skip


@dataclass(frozen=True)
class SharedResourceRow:
    """``ressources-partagees``: a resource several chantiers depend on."""

    resource: str
    resource_label: str
    kind_label: str
    chantier_count: int

    @classmethod
    def from_row(cls, row: Row) -> "SharedResourceRow":
        return cls(
            _text(row, "ressource"),
            _text(row, "ressourceLabel"),
            _text(row, "typeLabel"),
            _count(row, "nbChantiers"),
        )


@dataclass(frozen=True)
class AnnotationRow:
    """``annotations``: one assumption, note or description of a node or a link.

    ``section`` is ``hypothese``, ``note`` or ``description``; ``subject`` the IRI of the
    node (enjeu, ressource…) or of the link (mobilisation, participation…) it is about.
    """

    subject: str
    section: str
    text: str

    @classmethod
    def from_row(cls, row: Row) -> "AnnotationRow":
        return cls(_text(row, "sujet"), _text(row, "rubrique"), _text(row, "texte"))


@dataclass(frozen=True)
class ResourceRow:
    """``ressources``: a resource of the roadmap, mobilised by a chantier or not."""

    resource: str
    resource_id: str
    resource_label: str
    resource_class: str
    kind_label: str
    programme: str
    mobilised: bool

    @classmethod
    def from_row(cls, row: Row) -> "ResourceRow":
        t = _text
        return cls(
            t(row, "ressource"), t(row, "ressourceId"), t(row, "ressourceLabel"),
            t(row, "type"), t(row, "typeLabel"), t(row, "programmeNational"),
            row.get("mobilisee") is True,
        )  # fmt: skip


@dataclass(frozen=True)
class GovernanceRow:
    """``gouvernance``: an acteur (service, resource or other) in a role on a chantier."""

    participation: str
    chantier: str
    chantier_id: str
    actor: str
    actor_id: str
    actor_label: str
    actor_class: str
    role: str
    role_label: str

    @classmethod
    def from_row(cls, row: Row) -> "GovernanceRow":
        t = _text
        return cls(
            t(row, "participation"), t(row, "chantier"), t(row, "chantierId"),
            t(row, "acteur"), t(row, "acteurId"), t(row, "acteurLabel"),
            t(row, "acteurType"), t(row, "role"), t(row, "roleLabel"),
        )  # fmt: skip


Record = (
    TreeRow
    | ActionRow
    | MobilisationRow
    | CoordinationRow
    | FicheRow
    | UnoperatedChantierRow
    | ResourceToActivateRow
    | SharedResourceRow
    | AnnotationRow
    | ResourceRow
    | GovernanceRow
)
R = TypeVar("R", bound=Record)


def record_rows(rows: list[Row] | list[dict[str, object]], make: Callable[[Row], R]) -> list[R]:
    """``rows`` as records made by ``make`` (a record class's ``from_row``)."""
    return [make(row) for row in rows]
