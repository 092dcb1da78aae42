"""Controlled values of the workbook: the SKOS concepts of ``ontology/fdr.ttl``.

Each controlled column is a SKOS scheme of the ontology; its values are the scheme's
concepts, the words a workbook uses their ``skos:prefLabel``@fr (no label is written
here). Cells are matched forgiving case, accents and spaces.
"""

import functools
import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from feuille_de_route.ontology import THEMES, load_ontology, load_schemes

from ._namespaces import FDR, SKOS
from ._sheets import Kind, fold

__all__ = ["IFN_COLUMNS", "Choices", "all_choices", "choices", "notation"]


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


# Controlled column kind → the SKOS scheme whose concepts are its values.
_SCHEMES: dict[Kind, URIRef] = {
    Kind.STATUS: FDR.StatutsDeLien,
    Kind.COORDINATION_ROLE: FDR.RolesDeCoordination,
    Kind.GOVERNANCE_ROLE: FDR.RolesDeGouvernance,
    Kind.RESOURCE_TYPE: FDR.TypesDeRessource,
    Kind.THEMES: THEMES,
}

# The follow-up's controlled columns (issue 12): schemes of ``suivi.ttl``, kept apart from
# :func:`choices` (which gives fdr.ttl's and the themes' kinds) and added by
# :func:`all_choices`, the table the build, the reverse and the drop-downs read.
_FOLLOW_UP_SCHEMES: dict[Kind, URIRef] = {Kind.ACTION_STATUS: FDR.StatutsAction}

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


def choices(ontology: Graph | None = None) -> dict[Kind, Choices]:
    """The allowed values of each controlled column kind, read from the SKOS schemes of
    ``ontology`` (default: ``fdr.ttl`` and the national schemes of ``load_schemes``, for
    the themes).

    A scheme's members (``skos:inScheme``) are its values, labelled by their
    ``skos:prefLabel``@fr and listed by ``fdr:rang`` (then label); a resource type
    stands for its class (``fdr:classe``). A concept added to a scheme in the ontology
    is a new allowed value, with no code change.
    """
    if ontology is None:
        return _default_choices()
    return {kind: _scheme_choices(ontology, kind, scheme) for kind, scheme in _SCHEMES.items()}


@functools.cache
def _default_choices() -> dict[Kind, Choices]:
    # The themes are a national scheme (themes.ttl), shipped beside fdr.ttl.
    return choices(load_ontology() + load_schemes())


def all_choices() -> dict[Kind, Choices]:
    """Every controlled column kind's values: :func:`choices` and the follow-up's
    (the action statuses of ``suivi.ttl``), read from the shipped ontology."""
    return {**_default_choices(), **_follow_up_choices()}


@functools.cache
def _follow_up_choices() -> dict[Kind, Choices]:
    schemes = load_schemes()
    return {
        kind: _scheme_choices(schemes, kind, scheme) for kind, scheme in _FOLLOW_UP_SCHEMES.items()
    }


def _scheme_choices(ontology: Graph, kind: Kind, scheme: URIRef) -> Choices:
    members: list[tuple[int, str, URIRef]] = []
    for concept in ontology.subjects(SKOS.inScheme, scheme):
        label = _pref_label(ontology, concept) if isinstance(concept, URIRef) else None
        if label is None or not isinstance(concept, URIRef):
            continue
        value = ontology.value(concept, FDR.classe) if kind is Kind.RESOURCE_TYPE else concept
        if isinstance(value, URIRef):
            members.append((_rank(ontology, concept), label, value))
    members.sort(key=lambda m: (m[0], m[1]))
    return Choices(kind.value, {label: value for _, label, value in members})


def _rank(ontology: Graph, concept: URIRef) -> int:
    value = ontology.value(concept, FDR.rang)
    if isinstance(value, Literal) and isinstance(value.toPython(), int):
        return int(value.toPython())
    return 1_000_000  # unranked concepts come last, by label


@functools.cache
def notation(concept: URIRef) -> str:
    """The concept's ASCII ``skos:notation`` (used in IRIs), its local name if it has none."""
    value = load_ontology().value(concept, SKOS.notation)
    if isinstance(value, Literal) and str(value).strip():
        return str(value).strip()
    return str(concept).removeprefix(str(FDR))
