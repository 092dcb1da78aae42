"""The empty workbook a territory starts from, optionally with its EPCI's communes."""

from pathlib import Path

from . import _reference as reference
from ._vocabulary import IFN_COLUMNS
from ._workbook import Workbook
from ._workbook_io import write_workbook

__all__ = ["epci_communes", "write_template"]

_SOURCE = (
    "code, nom, population (municipale) : @etalab/decoupage-administratif 6.0.0 (membres "
    "de l'EPCI {siren}) ; scores : Indice de fragilité numérique (La MedNum et ANSA), "
    "données de référence embarquées dans feuille-de-route"
)


def write_template(path: Path, epci: str | None = None) -> list[Path]:
    """Write an empty workbook (``.xlsx``, ``.ods``, or a folder of CSV headers): every
    sheet of the contract, its headers, a French note per column and drop-down lists for
    the controlled values (statuts, types de ressource, rôles). With ``epci`` (a SIREN),
    the Communes sheet lists its member communes and the roadmap's row names the EPCI.
    Returns the files written; a French :class:`UserError` for an unknown EPCI."""
    rows = {} if epci is None else _epci_rows(epci)
    return write_workbook(Workbook.from_rows("modèle", rows), Path(path))


def _epci_rows(siren: str) -> dict[str, list[dict[str, str]]]:
    found = reference.epci(siren)
    roadmap = {
        "territoire": found.siren,
        "type de territoire": "EPCI",
        "nom du territoire": found.name,
    }
    return {"Feuille de route": [roadmap], "Communes": epci_communes(found.siren)}


def epci_communes(siren: str) -> list[dict[str, str]]:
    """The Communes sheet's rows of the EPCI ``siren`` from the shipped reference data:
    code, name, population, EPCI and IFN scores (1 to 10), sorted by INSEE code."""
    found = reference.epci(siren)
    communes = reference.communes()
    rows = []
    for member in found.members:
        commune = communes.get(member.insee)
        population = commune.population if commune is not None else None
        row = {
            "code insee": member.insee,
            "nom": commune.name if commune is not None else member.name,
            "population": "" if population is None else str(population),
            "epci": found.siren,
            "source": _SOURCE.format(siren=found.siren),
        }
        scores = reference.fragility(member.insee)
        values = scores.scores() if scores is not None else {}
        for column, (_indicator, notation) in IFN_COLUMNS.items():
            value = values.get(notation)
            row[column] = "" if value is None else repr(value)
        rows.append(row)
    return rows
