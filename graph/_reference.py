"""National reference data shipped with the package: communes, EPCI and their members,
départements, and the fragility index (IFN) per commune and per EPCI.

The tables live in ``donnees/reference/`` as gzip'd CSV (sources, licences and the rebuild
script: ``donnees/reference/SOURCES.md``). Each table is read once, on first use.
"""

import csv
import functools
import gzip
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from feuille_de_route import UserError

__all__ = [
    "IFN_INDICATORS",
    "REFERENCE",
    "Commune",
    "Departement",
    "Epci",
    "Fragility",
    "Member",
    "commune",
    "communes",
    "departements",
    "epci",
    "epci_fragility",
    "epcis",
    "fragility",
    "members",
]

REFERENCE: Path = Path(__file__).resolve().parent / "donnees" / "reference"

# IFN columns, in the order of the published files; ``total`` is the mean of the others.
IFN_INDICATORS: tuple[str, ...] = (
    "no_thd_coverage_rate",
    "no_4g_coverage_rate",
    "poverty_rate",
    "older_65_rate",
    "nscol15p_rate",
    "total",
)

_SIREN = re.compile(r"\d{9}")


@dataclass(frozen=True, slots=True)
class Commune:
    """A current commune (« commune actuelle ») of the administrative division."""

    insee: str
    name: str
    population: int | None  # population municipale; None where the source gives none
    departement: str
    region: str
    siren: str | None
    epci: str | None  # SIREN of its EPCI; None for communes in no EPCI


@dataclass(frozen=True, slots=True)
class Member:
    """A member commune of an EPCI, as the EPCI table names it."""

    insee: str
    siren: str
    name: str


@dataclass(frozen=True, slots=True)
class Epci:
    """An EPCI, with its members (sorted by INSEE code)."""

    siren: str
    name: str
    kind: str  # CC, CA, CU, METRO, MET69
    population: int  # population municipale
    total_population: int  # population totale

    @property
    def members(self) -> tuple[Member, ...]:
        """Its member communes, sorted by INSEE code: the table of every EPCI's members
        (35,000 rows) is read at the first use, not with the EPCI, which ``similaires``
        reads for their names only."""
        return _members().get(self.siren, ())


@dataclass(frozen=True, slots=True)
class Departement:
    code: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class Fragility:
    """IFN scores of one territory, each from 1 to 10 (10 = most fragile), as published.

    ``None`` where the published file leaves the score empty. At EPCI level the scores
    are those the IFN publishes for the EPCI, not an aggregate computed here.
    """

    code: str
    name: str
    no_thd_coverage_rate: float | None
    no_4g_coverage_rate: float | None
    poverty_rate: float | None
    older_65_rate: float | None
    nscol15p_rate: float | None
    total: float | None

    def scores(self) -> dict[str, float | None]:
        """Indicator (IFN column name) → score, in :data:`IFN_INDICATORS` order."""
        return {name: getattr(self, name) for name in IFN_INDICATORS}


def _rows(name: str) -> list[list[str]]:
    path = REFERENCE / name
    try:
        with gzip.open(path, "rb") as handle:
            text = handle.read().decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise UserError(
            f"{path} : données de référence illisibles ({exc}) ; réinstallez le paquet ou "
            "reconstruisez-les avec tools/construire_reference.py"
        ) from exc
    if '"' in text:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    else:  # no quoted cell (most tables): splitting is the CSV reading, several times faster
        rows = [line.split(",") for line in text.replace("\r\n", "\n").split("\n") if line]
    width = len(rows[0]) if rows else 0
    bad = next((n for n, row in enumerate(rows, start=1) if len(row) != width), None)
    if not rows or bad is not None:
        raise UserError(
            f"{path} : données de référence illisibles (ligne {bad or 1} : nombre de colonnes "
            "inattendu) ; réinstallez le paquet ou reconstruisez-les avec "
            "tools/construire_reference.py"
        )
    return rows[1:]


def _int(text: str) -> int | None:
    return int(text) if text else None


@functools.cache
def communes() -> Mapping[str, Commune]:
    """Every current commune, by INSEE code (sorted)."""
    return MappingProxyType(
        {
            row[0]: Commune(
                row[0], row[1], _int(row[2]), row[3], row[4], row[5] or None, row[6] or None
            )
            for row in _rows("communes.csv.gz")
        }
    )


@functools.cache
def epcis() -> Mapping[str, Epci]:
    """Every EPCI, by SIREN (sorted), with its members."""
    return MappingProxyType(
        {
            row[0]: Epci(row[0], row[1], row[2], int(row[3]), int(row[4]))
            for row in _rows("epci.csv.gz")
        }
    )


@functools.cache
def _members() -> Mapping[str, tuple[Member, ...]]:
    members: dict[str, list[Member]] = {}
    for siren, insee, member_siren, name in _rows("membres.csv.gz"):
        members.setdefault(siren, []).append(Member(insee, member_siren, name))
    return MappingProxyType({siren: tuple(found) for siren, found in members.items()})


@functools.cache
def departements() -> Mapping[str, Departement]:
    """Every département, by code."""
    return MappingProxyType({row[0]: Departement(*row) for row in _rows("departements.csv.gz")})


@functools.cache
def _fragility_table(name: str) -> Mapping[str, Fragility]:
    table = {}
    for code, label, thd, g4, poverty, older, nscol, total in _rows(name):
        table[code] = Fragility(
            code,
            label,
            float(thd) if thd else None,
            float(g4) if g4 else None,
            float(poverty) if poverty else None,
            float(older) if older else None,
            float(nscol) if nscol else None,
            float(total) if total else None,
        )
    return MappingProxyType(table)


def commune(insee: str) -> Commune:
    """The current commune of this INSEE code; a French :class:`UserError` if unknown."""
    found = communes().get(insee.strip())
    if found is None:
        raise UserError(
            f"commune « {insee} » inconnue : code INSEE d'une commune actuelle attendu "
            "(découpage administratif embarqué)"
        )
    return found


def epci(siren: str) -> Epci:
    """The EPCI of this SIREN; a French :class:`UserError` if malformed or unknown."""
    siren = siren.strip()
    if not _SIREN.fullmatch(siren):
        raise UserError(f"SIREN d'EPCI « {siren} » invalide : 9 chiffres attendus")
    found = epcis().get(siren)
    if found is None:
        from ._identifiers import luhn_ok  # rdflib behind it: only for this message

        key = (
            ""
            if luhn_ok(siren)
            else " ; de plus, sa clé de contrôle (algorithme de Luhn) ne correspond pas : "
            "vérifiez le numéro (annuaire-entreprises.data.gouv.fr)"
        )
        raise UserError(
            f"EPCI « {siren} » inconnu : aucun EPCI de ce SIREN dans le découpage "
            f"administratif embarqué{key}"
        )
    return found


def members(siren: str) -> tuple[Member, ...]:
    """The member communes of the EPCI ``siren``, sorted by INSEE code."""
    return epci(siren).members


def fragility(insee: str) -> Fragility | None:
    """The IFN scores of a commune, None if the IFN has no row for it."""
    return _fragility_table("ifn-communes.csv.gz").get(insee.strip())


def epci_fragility(siren: str) -> Fragility | None:
    """The IFN scores the IFN publishes for an EPCI, None if it has no row for it."""
    return _fragility_table("ifn-epci.csv.gz").get(siren.strip())
