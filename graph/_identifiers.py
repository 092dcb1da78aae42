"""Official identifiers a workbook may hold (SIREN, SIRET, RNA) and their checks: each
check gives a French reason when the text cannot be one, None when it can."""

import re

__all__ = ["luhn_ok", "rna_problem", "siren_problem", "siret_problem"]

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
