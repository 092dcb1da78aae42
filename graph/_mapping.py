"""What each column of a sheet becomes in the graph: the one table the build and its
inverse (:func:`graph_to_workbook`) share.

A sheet's rows are the instances of one class; each mapped column is one predicate
and a form saying how the cell becomes its object. The columns' order and kinds are
:data:`~._sheets.SHEETS`'; a column absent here (an ID, the IFN scores) is handled by
the code that mints the node or by the sheet's own mapper. The roadmap's own sheet
(« Feuille de route ») is mapped by :mod:`._map_roadmap`.
"""

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import URIRef

from ._namespaces import DCTERMS, FDR, RDF, RDFS, SKOS

__all__ = ["MAPS", "Field", "Form", "SheetMap"]


class Form(enum.Enum):
    """How a cell becomes the object of its predicate (and back)."""

    TEXT = "text"  # a French literal (@fr)
    PLAIN = "plain"  # a literal without language
    INTEGER = "integer"  # an xsd:integer literal
    BOOLEAN = "boolean"  # an xsd:boolean literal (oui/non)
    DATE = "date"  # an xsd:date literal
    DECIMAL = "decimal"  # an xsd:decimal literal (comma or point), canonical form
    AMOUNT = "amount"  # a DECIMAL in euros, positive or zero
    REF = "ref"  # the node whose ID the cell holds
    REFS = "refs"  # the nodes whose IDs the cell lists, separated by |
    STEP = "step"  # the step (Étapes) whose number the cell holds
    CONTROLLED = "controlled"  # the concept (or class) a drop-down value stands for


@dataclass(frozen=True)
class Field:
    """One mapped column: its predicate, its form and, for references, the kind of node
    (the IRI segment of :data:`~._registry.ID_COLUMNS`) it names."""

    predicate: URIRef
    form: Form = Form.TEXT
    target: str = ""


@dataclass(frozen=True)
class SheetMap:
    """One sheet: the class of its rows' nodes, its mapped columns, and how its rows sit
    in the roadmap."""

    cls: URIRef
    fields: Mapping[str, Field]
    also: tuple[URIRef, ...] = ()  # further classes every node is asserted
    exclude: tuple[URIRef, ...] = ()  # instances of these are another sheet's rows
    in_roadmap: bool = False  # the node says fdr:feuilleDeRoute of the roadmap
    identifier: bool = True  # the ID column becomes dcterms:identifier
    sort: tuple[str, ...] = ("identifiant",)  # columns ordering the rows written back


_LABEL = Field(RDFS.label)
_DESCRIPTION = Field(DCTERMS.description)
_NOTE = {"note": Field(SKOS.note)}
_SOURCE = {"source": Field(DCTERMS.source, Form.PLAIN)}
_PROVENANCE = {**_SOURCE, "hypothèse": Field(FDR.hypothese, Form.PLAIN)}
_CHANTIER = Field(FDR.chantier, Form.REF, "chantier")
_TYPOLOGIE = Field(FDR.classeDeTypologie, Form.REF, "typologie")


def _agent(predicate: URIRef) -> Field:
    """A reference to a resource, acteur or service (one ID space: see ``AGENT_KINDS``)."""
    return Field(predicate, Form.REF, "agent")


MAPS: dict[str, SheetMap] = {
    "Étapes": SheetMap(
        FDR.EtapeDeLaMethode,
        {
            "numéro": Field(FDR.numero, Form.INTEGER),
            "intitulé": _LABEL,
            "description": _DESCRIPTION,
            **_NOTE,
        },
        in_roadmap=True,
        identifier=False,
        sort=("numéro",),
    ),
    "Livrables": SheetMap(
        FDR.Livrable,
        {"étape": Field(FDR.etape, Form.STEP, "etape"), "intitulé": _LABEL, **_NOTE, **_PROVENANCE},
    ),
    "Typologie": SheetMap(
        FDR.ClasseDeTypologie,
        {"intitulé": _LABEL, "description": _DESCRIPTION, **_NOTE},
        in_roadmap=True,
    ),
    "Groupes": SheetMap(
        FDR.GroupeDePopulation,
        {
            "description": _DESCRIPTION,
            "classe": _TYPOLOGIE,
            "communes": Field(FDR.commune, Form.REFS, "commune"),
            **_NOTE,
            **_PROVENANCE,
        },
        in_roadmap=True,
    ),
    "Communes": SheetMap(
        FDR.Commune,
        {
            "code insee": Field(FDR.codeInsee, Form.PLAIN),
            "nom": _LABEL,
            "population": Field(FDR.population, Form.INTEGER),
            "epci": Field(FDR.epci, Form.REF, "epci"),
            "classe": _TYPOLOGIE,
            **_NOTE,
            **_PROVENANCE,
        },
        also=(FDR.Territoire,),
        identifier=False,
        sort=("code insee",),
    ),
    "Enjeux": SheetMap(
        FDR.Enjeu,
        {
            "intitulé": _LABEL,
            "prioritaire": Field(FDR.prioritaire, Form.BOOLEAN),
            "rang": Field(FDR.rangDePriorite, Form.INTEGER),
            **_NOTE,
            **_PROVENANCE,
        },
        in_roadmap=True,
    ),
    "Défis": SheetMap(
        FDR.Defi,
        {
            "intitulé": _LABEL,
            "enjeux": Field(FDR.repondA, Form.REFS, "enjeu"),
            **_NOTE,
            **_PROVENANCE,
        },
    ),
    "Chantiers": SheetMap(
        FDR.Chantier,
        {
            "défi": Field(FDR.defi, Form.REF, "defi"),
            "intitulé": _LABEL,
            "description": _DESCRIPTION,
            "en lien avec": Field(FDR.enLienAvec, Form.REFS, "chantier"),
            "thèmes": Field(FDR.theme, Form.CONTROLLED),
            **_NOTE,
            **_PROVENANCE,
        },
    ),
    "Actions": SheetMap(
        FDR.ActionConcrete,
        {
            "chantier": _CHANTIER,
            "intitulé": _LABEL,
            "communes": Field(FDR.concerne, Form.REFS, "commune"),
            # The follow-up (issue 12, suivi.ttl).
            "objectif": Field(FDR.objectif),
            "étapes": Field(FDR.etapes),
            "statut": Field(FDR.statutAction, Form.CONTROLLED),
            "début": Field(FDR.dateDebut, Form.DATE),
            "fin": Field(FDR.dateFin, Form.DATE),
            "porteur": _agent(FDR.porteur),
            "budget (€)": Field(FDR.budget, Form.AMOUNT),
            **_NOTE,
            **_PROVENANCE,
        },
    ),
    # The « action » column is the inverse of its predicate: the action → this node.
    "Co-financements": SheetMap(
        FDR.CoFinancement,
        {
            "action": Field(FDR.coFinancement, Form.REF, "action"),
            "financeur": _agent(FDR.financeur),
            "montant (€)": Field(FDR.montant, Form.AMOUNT),
            **_NOTE,
            **_PROVENANCE,
        },
        identifier=False,
        sort=("action", "financeur"),
    ),
    "Indicateurs": SheetMap(
        FDR.IndicateurDeSuivi,
        {
            "action": Field(FDR.indicateur, Form.REF, "action"),
            "intitulé": _LABEL,
            "cible": Field(FDR.cible, Form.DECIMAL),
            "valeur": Field(FDR.valeur, Form.DECIMAL),
            "unité": Field(FDR.unite, Form.PLAIN),
            **_NOTE,
            **_PROVENANCE,
        },
        identifier=False,
        sort=("action", "intitulé"),
    ),
    "Critères": SheetMap(
        FDR.CritereDeReussite, {"chantier": _CHANTIER, "intitulé": _LABEL, **_NOTE, **_SOURCE}
    ),
    "Freins": SheetMap(FDR.Frein, {"chantier": _CHANTIER, "intitulé": _LABEL, **_NOTE, **_SOURCE}),
    "Services": SheetMap(
        FDR.Service,
        {
            "nom": _LABEL,
            "rattachement": Field(FDR.uniteDe, Form.REF, "service"),
            **_NOTE,
            **_PROVENANCE,
        },
        also=(FDR.Acteur,),
        in_roadmap=True,
    ),
    "Coordination": SheetMap(
        FDR.Coordination,
        {
            "objet": Field(FDR.objetCoordonne, Form.REF),
            "service": Field(FDR.service, Form.REF, "service"),
            "rôle": Field(FDR.role, Form.CONTROLLED),
            **_NOTE,
            **_PROVENANCE,
        },
        identifier=False,
        sort=("objet", "service"),
    ),
    "Acteurs": SheetMap(
        FDR.Acteur,
        {"nom": _LABEL, "description": _DESCRIPTION, **_NOTE, **_SOURCE},
        exclude=(FDR.Service, FDR.Ressource),
        in_roadmap=True,
    ),
    "Gouvernance": SheetMap(
        FDR.Participation,
        {
            "chantier": _CHANTIER,
            "acteur": Field(FDR.acteur, Form.REF),
            "rôle": Field(FDR.role, Form.CONTROLLED),
            **_NOTE,
            **_PROVENANCE,
        },
        identifier=False,
        sort=("chantier", "acteur", "rôle"),
    ),
    "Ressources": SheetMap(
        FDR.Ressource,
        {
            "nom": _LABEL,
            "type": Field(RDF.type, Form.CONTROLLED),
            "description": _DESCRIPTION,
            "programme national": Field(FDR.programmeNational),
            "siret": Field(FDR.siret, Form.PLAIN),
            "rna": Field(FDR.rna, Form.PLAIN),
            **_NOTE,
            **_PROVENANCE,
        },
        in_roadmap=True,
    ),
    "Mobilisations": SheetMap(
        FDR.Mobilisation,
        {
            "chantier": _CHANTIER,
            "ressource": Field(FDR.ressource, Form.REF, "ressource"),
            "statut": Field(FDR.statut, Form.CONTROLLED),
            "depuis": Field(FDR.depuis, Form.DATE),
            **_NOTE,
            **_PROVENANCE,
        },
        identifier=False,
        sort=("chantier", "ressource"),
    ),
    "Règles de typologie": SheetMap(
        FDR.RegleDeTypologie,
        {
            "classe": Field(FDR.classeAttribuee, Form.REF, "typologie"),
            "ordre": Field(FDR.ordre, Form.INTEGER),
            "indicateur": Field(FDR.indicateurCompare, Form.PLAIN),
            "opérateur": Field(FDR.operateur, Form.PLAIN),
            "seuil": Field(FDR.seuil, Form.PLAIN),
            **_NOTE,
            **_PROVENANCE,
        },
        sort=("ordre", "classe", "identifiant"),
    ),
}
