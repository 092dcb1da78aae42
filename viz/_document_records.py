"""Rows of the catalogue queries only the documents read, as typed records.

Same convention as :mod:`._records`: one frozen dataclass per query, each field
``Annotated`` with its column; IRIs and text as ``str`` (``""`` when unbound), a date as
its ISO text, a decimal as its canonical text (``1500.5``), counts as ``int``.
"""

from dataclasses import dataclass
from typing import Annotated

from ._records import _Record

__all__ = ["ActionSheetRow", "ClassCountRow", "HeadRow"]


@dataclass(frozen=True)
class HeadRow(_Record):
    """``document-feuille-de-route``: what a document's title page names."""

    roadmap: Annotated[str, "feuilleDeRoute"]
    identifier: Annotated[str, "identifiant"]
    title: Annotated[str, "titre"]
    territory: Annotated[str, "territoire"]
    territory_label: Annotated[str, "territoireLabel"]
    source: Annotated[str, "source"]
    licence: Annotated[str, "licence"]


@dataclass(frozen=True)
class ClassCountRow(_Record):
    """``communes-par-classe``: a typology class (``""``: no class), its communes, their
    population."""

    classe: Annotated[str, "classe"]
    classe_id: Annotated[str, "classeId"]
    classe_label: Annotated[str, "classeLabel"]
    commune_count: Annotated[int, "nbCommunes"]
    population: Annotated[int, "population"]


@dataclass(frozen=True)
class ActionSheetRow(_Record):
    """``fiche-action``: one line of an action's fiche. ``section`` is ``action`` (the
    follow-up fields), ``commune``, ``financement`` (``lead``: the funder, ``label``:
    its name, ``amount``) or ``indicateur`` (``label``, ``target``, ``value``, ``unit``)."""

    section: Annotated[str, "rubrique"]
    chantier: Annotated[str, "chantier"]
    chantier_id: Annotated[str, "chantierId"]
    action: Annotated[str, "action"]
    action_id: Annotated[str, "actionId"]
    action_label: Annotated[str, "actionLabel"]
    objective: Annotated[str, "objectif"]
    steps: Annotated[str, "etapes"]
    status: Annotated[str, "statut"]
    status_label: Annotated[str, "statutLabel"]
    status_rank: Annotated[int, "statutRang"]
    start: Annotated[str, "debut"]
    end: Annotated[str, "fin"]
    lead: Annotated[str, "porteur"]
    lead_label: Annotated[str, "porteurLabel"]
    budget: Annotated[str, "budget"]
    element: Annotated[str, "element"]
    label: Annotated[str, "libelle"]
    amount: Annotated[str, "montant"]
    target: Annotated[str, "cible"]
    value: Annotated[str, "valeur"]
    unit: Annotated[str, "unite"]
    assumption: Annotated[str, "hypothese"]
