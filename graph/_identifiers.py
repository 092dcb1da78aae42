"""Official identifiers a workbook may hold (SIREN, SIRET, RNA) and their checks: each
check gives a French reason when the text cannot be one, None when it can. An identifier
that passes names a national organisation node, the same in every territory's graph
(contract: "National IRIs")."""

import re

from rdflib import Literal, URIRef

from ._namespaces import DCTERMS, FDR, ORG, RDF

__all__ = [
    "ORGANISATION",
    "luhn_ok",
    "organisation",
    "organisation_triples",
    "rna_problem",
    "siren_problem",
    "siret_problem",
]

# The national IRIs of organisations: {ORGANISATION}{siret|siren|rna}/{number}.
ORGANISATION = "https://w3id.org/feuille-de-route/organisation/"

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_DIGITS = re.compile(r"[0-9]+")
_RNA = re.compile(r"W[0-9A-Z][0-9]{8}")


def luhn_ok(digits: str) -> bool:
    """Whether the Luhn key of ``digits`` (the last one) is right."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _numbered(what: str, size: int, text: str) -> str | None:
    if not _DIGITS.fullmatch(text):
        return f"{what} de {size} chiffres attendu, lu « {text} »"
    if len(text) != size:
        return f"{what} de {size} chiffres attendu, lu « {text} » ({len(text)} chiffres)"
    if not luhn_ok(text):
        return (
            f"{what} « {text} » invalide : sa clé de contrôle (algorithme de Luhn) ne "
            "correspond pas ; vérifiez le numéro (annuaire-entreprises.data.gouv.fr)"
        )
    return None


def siren_problem(text: str) -> str | None:
    """Why ``text`` is no SIREN (9 digits, Luhn key)."""
    return _numbered("SIREN", 9, text)


def siret_problem(text: str) -> str | None:
    """Why ``text`` is no SIRET (14 digits, Luhn key; La Poste's establishments, whose
    SIREN is 356000000, use another key and are accepted)."""
    compact = "".join(text.split())
    if compact.startswith("356000000") and _DIGITS.fullmatch(compact) and len(compact) == 14:
        return None
    return _numbered("SIRET", 14, compact)


def rna_problem(text: str) -> str | None:
    """Why ``text`` is no RNA number (W then 9 characters, e.g. W243000123)."""
    if _RNA.fullmatch(text.strip().upper()):
        return None
    return f"numéro RNA attendu (W suivi de 9 caractères, ex. W243000123), lu « {text} »"


def organisation(kind: str, number: str) -> URIRef:
    """``{ORGANISATION}{kind}/{number}`` (kind ``siret``, ``siren`` or ``rna``; ``number``
    already checked and compacted)."""
    return URIRef(f"{ORGANISATION}{kind}/{number}")


def organisation_triples(kind: str, number: str) -> tuple[URIRef, list[Triple]]:
    """The national node of a checked SIRET or RNA ``number`` and its triples: its class and
    identifier only, and for a SIRET its legal unit (the SIREN, its first nine digits)."""
    node = organisation(kind, number)
    triples: list[Triple] = [
        (node, RDF.type, FDR.Organisation),
        (node, DCTERMS.identifier, Literal(number)),
    ]
    if kind == "siret":
        unit, unit_triples = organisation_triples("siren", number[:9])
        triples += [(node, ORG.subOrganizationOf, unit), *unit_triples]
    return node, triples
