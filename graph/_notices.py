"""Notices: what a user should know about a workbook that is not an error (an older
template's missing columns, values normalised on reading).

They go to the ``feuille_de_route.graph`` logger at WARNING level, in French, each line
starting with « Remarque : ». A program that configures no logging sees them on
standard error (Python's last-resort handler prints the bare message).
"""

import logging
from collections.abc import Iterable, Mapping

from ._sheets import SHEETS_BY_NAME
from ._workbook import Workbook

__all__ = [
    "LOGGER",
    "NEW_COLUMNS",
    "notice",
    "notice_normalisations",
    "notice_older_template",
]

LOGGER = logging.getLogger("feuille_de_route.graph")
# Row numbers listed in one notice before « … (N lignes) ».
_MAX_LINES = 10

# Columns a workbook from an older template lacks (issue 8), by sheet.
_SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "Feuille de route": ("type de territoire", "nom du territoire"),
    "Enjeux": ("prioritaire", "rang"),
    "Chantiers": ("pilote", "co-pilotes", "partenaires"),
    "Ressources": ("programme national", "siret", "rna"),
}
# Sheets that had no note column before.
_NOTE_ADDED = frozenset(SHEETS_BY_NAME) - {"Feuille de route", "Gouvernance", "Mobilisations"}
NEW_COLUMNS: dict[str, tuple[str, ...]] = {
    name: _SHEET_COLUMNS.get(name, ()) + (("note",) if name in _NOTE_ADDED else ())
    for name in SHEETS_BY_NAME
}


def notice(text: str) -> None:
    """Tell the user ``text`` (French), which is no error."""
    LOGGER.warning("Remarque : %s", text)


def notice_older_template(workbook: Workbook) -> None:
    """One notice naming the new columns ``workbook``'s sheets lack, if any."""
    missing = []
    for name, sheet in workbook.sheets.items():
        absent = _absent(NEW_COLUMNS.get(name, ()), sheet.columns)
        if absent:
            missing.append(f"{name} : {', '.join(absent)}")
    if missing:
        notice(
            "ce classeur suit un modèle antérieur ; il est lu tel quel. Colonnes nouvelles "
            "(facultatives) qu'il n'a pas : "
            + " ; ".join(missing)
            + ". « feuille-de-route modele » écrit le modèle à jour."
        )


def notice_normalisations(normalised: Mapping[tuple[str, str, str, str, str], list[int]]) -> None:
    """One notice per value read as another (« Opérante » → « opérante ») in one column
    of one sheet, naming the file and listing the rows that hold it."""
    for (file, sheet, column, raw, meant), rows in normalised.items():
        notice(
            f"valeur lue comme celle de la liste, « {raw} » → « {meant} » (feuille "
            f"« {sheet} », colonne « {column} », {_lines(rows)}) dans le fichier {file} ; "
            f"écrivez « {meant} » pour ne plus voir cette remarque."
        )


def _lines(rows: list[int]) -> str:
    """« ligne 2 », « lignes 2, 5, 9 », at most ten numbers then how many in all."""
    numbers = sorted(set(rows))
    if len(numbers) == 1:
        return f"ligne {numbers[0]}"
    shown = ", ".join(str(n) for n in numbers[:_MAX_LINES])
    rest = f"… ({len(numbers)} lignes)" if len(numbers) > _MAX_LINES else ""
    return f"lignes {shown}{rest}"


def _absent(wanted: Iterable[str], present: tuple[str, ...]) -> list[str]:
    return [column for column in wanted if column not in present]
