"""Controlled values of the workbook: the SKOS concepts of ``ontology/fdr.ttl``.

The concept IRIs are fixed by the contract; the words a workbook uses are their
``skos:prefLabel``@fr, read from the ontology (the contract's label stands in for a
concept the ontology leaves unlabelled). Cells are matched forgiving case, accents
and spaces.
"""

import functools
import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from feuille_de_route.ontology import load_ontology

from ._namespaces import FDR, SKOS
from ._sheets import Kind, fold

__all__ = ["IFN_COLUMNS", "Choices", "choices", "notation"]


def _loose(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


@dataclass(frozen=True)
class Choices:
    """The allowed values of one controlled column: label → IRI (a concept, or for
    resource types the resource's class)."""

    what: str
    by_label: dict[str, URIRef]

    def lookup(self, text: str) -> URIRef | None:
        """The value ``text`` names, forgiving case, accents, spaces and punctuation
        ("Connue sans lien" is "connue, sans lien")."""
        key = _loose(text)
        for label, iri in self.by_label.items():
            if _loose(label) == key:
                return iri
        return None

    def label(self, iri: URIRef) -> str | None:
        for label, known in self.by_label.items():
            if known == iri:
                return label
        return None

    @property
    def labels(self) -> list[str]:
        return list(self.by_label)

    def allowed(self) -> str:
        return " | ".join(self.by_label)


# (concept, contract label, value the workbook stands for)
_CONTRACT: dict[Kind, tuple[str, tuple[tuple[URIRef, str, URIRef], ...]]] = {
    Kind.STATUS: (
        "statut",
        (
            (FDR.operante, "opérante", FDR.operante),
            (FDR.connueSansLien, "connue, sans lien", FDR.connueSansLien),
        ),
    ),
    Kind.COORDINATION_ROLE: (
        "rôle de coordination",
        (
            (FDR.pilote, "pilote", FDR.pilote),
            (FDR.coCoordinateur, "co-coordinateur", FDR.coCoordinateur),
        ),
    ),
    Kind.GOVERNANCE_ROLE: (
        "rôle de gouvernance",
        (
            (FDR.pilote, "pilote", FDR.pilote),
            (FDR.realisateur, "réalise", FDR.realisateur),
            (FDR.associe, "associé", FDR.associe),
        ),
    ),
    Kind.RESOURCE_TYPE: (
        "type de ressource",
        (
            (FDR.typePartenaireDeProjet, "partenaire de projet", FDR.PartenaireDeProjet),
            (FDR.typeRessourceMaterielle, "ressource matérielle", FDR.RessourceMaterielle),
            (FDR.typeIntervenant, "intervenant", FDR.Intervenant),
            (FDR.typeFinancement, "financement", FDR.Financement),
        ),
    ),
}

# Communes sheet column → (IFN indicator individual, its notation = IFN CSV column).
IFN_COLUMNS: dict[str, tuple[URIRef, str]] = {
    "ifn total": (FDR.ifnTotal, "total"),
    "ifn sans thd": (FDR.ifnSansTHD, "no_thd_coverage_rate"),
    "ifn sans 4g": (FDR.ifnSans4G, "no_4g_coverage_rate"),
    "ifn pauvreté": (FDR.ifnPauvrete, "poverty_rate"),
    "ifn plus de 65 ans": (FDR.ifnPlus65, "older_65_rate"),
    "ifn non scolarisés": (FDR.ifnNonScolarises, "nscol15p_rate"),
}


def _pref_label(ontology: Graph, concept: URIRef) -> str | None:
    for label in ontology.objects(concept, SKOS.prefLabel):
        if isinstance(label, Literal) and label.language == "fr" and str(label).strip():
            return str(label).strip()
    return None


@functools.cache
def choices() -> dict[Kind, Choices]:
    """The allowed values of each controlled column kind."""
    ontology = load_ontology()
    result = {}
    for kind, (what, concepts) in _CONTRACT.items():
        by_label = {}
        for concept, label, value in concepts:
            by_label[_pref_label(ontology, concept) or label] = value
        result[kind] = Choices(what, by_label)
    return result


@functools.cache
def notation(concept: URIRef) -> str:
    """The concept's ASCII ``skos:notation`` (used in IRIs), its local name if it has none."""
    value = load_ontology().value(concept, SKOS.notation)
    if isinstance(value, Literal) and str(value).strip():
        return str(value).strip()
    return str(concept).removeprefix(str(FDR))
