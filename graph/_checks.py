"""Checks of a workbook before any triple is made: the sheets it must have, the cells a
row must fill, and the shape of the IDs other sheets refer to.

Each check reports through a :data:`Report` (sheet, row, column, French detail) and
says whether the row may go on.
"""

import re
from collections.abc import Callable

from ._cells import parse_integer
from ._sheets import CORE_SHEETS, SHEETS, SHEETS_BY_NAME
from ._workbook import Row, Workbook

__all__ = ["INSEE", "SIREN", "Report", "check_core_sheets", "check_id", "check_required"]

Report = Callable[[str, Row | None, str | None, str], None]
"""Records one problem: (sheet, row or None, column or None, French detail)."""

INSEE = re.compile(r"[0-9][0-9AB][0-9]{3}")
SIREN = re.compile(r"[0-9]{9}")


def check_core_sheets(workbook: Workbook, report: Report) -> None:
    """Report each sheet every roadmap needs and ``workbook`` lacks."""
    for name in sorted(CORE_SHEETS, key=[s.name for s in SHEETS].index):
        if name not in workbook:
            report(
                name,
                None,
                None,
                f"feuille obligatoire absente (fichier {SHEETS_BY_NAME[name].csv} dans un "
                "dossier CSV) ; feuilles obligatoires : "
                + ", ".join(f"« {s} »" for s in sorted(CORE_SHEETS)),
            )


def check_required(sheet: str, row: Row, report: Report) -> bool:
    """Report each required cell of ``row`` left empty; True when none is."""
    ok = True
    for column in SHEETS_BY_NAME[sheet].columns:
        if column.required and not row[column.name]:
            ok = False
            report(sheet, row, column.name, "cellule obligatoire vide")
    return ok


def check_id(sheet: str, row: Row, column: str, local: str, report: Report) -> bool:
    """Whether ``local`` can be the row's own ID: a positive step number, an INSEE code for
    a commune, one line without ``|`` for anything else."""
    if sheet == "Étapes":
        return _check_step(sheet, row, column, local, report)
    if sheet == "Communes":
        if INSEE.fullmatch(local):
            return True
        report(
            sheet,
            row,
            column,
            f"code INSEE de 5 caractères attendu (ex. 24322, 2A004), lu « {local} » ; "
            "un zéro initial perdu par le tableur se garde en saisissant la cellule "
            "comme texte",
        )
        return False
    if "|" in local or "\n" in local or "\t" in local:
        report(
            sheet,
            row,
            column,
            f"identifiant « {local} » invalide : il tient sur une ligne et ne contient pas "
            "« | » (séparateur de liste)",
        )
        return False
    return True


def _check_step(sheet: str, row: Row, column: str, local: str, report: Report) -> bool:
    try:
        number = parse_integer(local)
    except ValueError as reason:
        report(sheet, row, column, str(reason))
        return False
    if number < 1:
        report(sheet, row, column, f"numéro d'étape positif attendu, lu « {local} »")
        return False
    return True
