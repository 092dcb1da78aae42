"""The empty workbook a territory starts from, optionally with its EPCI's communes."""

from pathlib import Path

from feuille_de_route import UserError

from . import _reference as reference
from ._sheet_replace import replace_sheet
from ._sheets import SCORE_MAX, SCORE_MIN
from ._vocabulary import IFN_COLUMNS
from ._workbook import Workbook
from ._workbook_io import read_workbook, write_workbook

__all__ = ["epci_communes", "fill_communes", "write_template"]

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
        row.update(_scores(member.insee))
        rows.append(row)
    return rows


def _scores(insee: str) -> dict[str, str]:
    """The IFN columns of a commune: each published score from 1 to 10, the one range of
    the workbook; a score outside it (0 where the IFN has no data, as for the communes
    with no inhabitant) is left empty and the row's note says so."""
    scores = reference.fragility(insee)
    values = scores.scores() if scores is not None else {}
    cells: dict[str, str] = {}
    left_out = []
    for column, (_indicator, notation) in IFN_COLUMNS.items():
        value = values.get(notation)
        if value is not None and not SCORE_MIN <= value <= SCORE_MAX:
            left_out.append(f"{column} = {value:g}")
            value = None
        cells[column] = "" if value is None else repr(value)
    if left_out:
        cells["note"] = (
            f"scores de l'indice de fragilité numérique hors de l'échelle {SCORE_MIN} à "
            f"{SCORE_MAX} dans la source ({', '.join(left_out)}), laissés vides"
        )
    return cells


def fill_communes(path: Path, siren: str, *, force: bool = False) -> list[Path]:
    """Fill (with ``force``, replace) the Communes sheet of the existing workbook at
    ``path`` (``.xlsx``, ``.ods`` or CSV folder) with the member communes of the EPCI
    ``siren``, as :func:`write_template` does; every other sheet is left as it is.
    Returns the files written. A French :class:`UserError` for an unknown EPCI or a
    sheet that already lists communes (without ``force``), before anything is written."""
    rows = epci_communes(siren)
    path = Path(path)
    workbook = read_workbook(path)
    already = len(workbook.rows("Communes"))
    if already and not force:
        raise UserError(
            f"la feuille Communes de {path} contient déjà {already} ligne"
            f"{'s' if already > 1 else ''} : elle n'est pas remplacée (une colonne « classe » "
            "ou une note saisie serait perdue). Ajoutez --force pour la remplacer par les "
            "communes de l'EPCI."
        )
    sheet = Workbook.from_rows(str(path), {"Communes": rows}).sheets["Communes"]
    return replace_sheet(path, workbook, sheet)
