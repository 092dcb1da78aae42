"""A « Règles de typologie » CSV file (the territory's own rules) read into rules.

The file is untrusted: its size and rows are bounded before parsing, it must be UTF-8
with the sheet's headers, and each bad cell is reported by row and column in French.
"""

import csv
import io
from pathlib import Path

from ._errors import DataError
from ._sheets import fold
from ._typology import Rule
from ._typology_rules import RULES_SHEET, rules_from_rows
from ._workbook import Row

__all__ = ["RULE_COLUMNS", "read_rules_csv"]

RULE_COLUMNS: tuple[str, ...] = (
    "identifiant",
    "classe",
    "ordre",
    "indicateur",
    "opérateur",
    "seuil",
    "note",
    "source",
    "hypothèse",
)
_REQUIRED = ("classe", "ordre")
MAX_BYTES = 1_000_000
MAX_ROWS = 2_000


def _text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError(
                f"fichier de règles trop gros ({size} octets, au plus {MAX_BYTES})",
                file=str(path),
            )
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"fichier de règles illisible : UTF-8 attendu ({exc.reason})", file=str(path)
        ) from None
    except OSError as exc:
        raise DataError(f"fichier de règles illisible ({exc.strerror})", file=str(path)) from None


def _header(path: Path, cells: list[str]) -> list[str]:
    known = {fold(name): name for name in RULE_COLUMNS}
    header = [known.get(fold(cell), "") for cell in cells]
    missing = [name for name in _REQUIRED if name not in header]
    unknown = [cell for cell, name in zip(cells, header, strict=True) if cell and not name]
    if missing or unknown:
        raise DataError(
            "en-têtes attendus : "
            + ", ".join(RULE_COLUMNS)
            + (f" ; manquants : {', '.join(missing)}" if missing else "")
            + (f" ; inconnus : {', '.join(unknown)}" if unknown else ""),
            file=str(path),
            sheet=RULES_SHEET,
            row=1,
        )
    return header


def _cells(header: list[str], cells: list[str]) -> dict[str, str]:
    return {name: cell for name, cell in zip(header, cells, strict=False) if name}


def read_rules_csv(path: Path) -> tuple[Rule, ...]:
    """The rules of a CSV file with the « Règles de typologie » columns."""
    try:
        lines = list(csv.reader(io.StringIO(_text(path), newline="")))
    except csv.Error as exc:
        raise DataError(f"CSV illisible ({exc})", file=str(path)) from None
    if not lines:
        raise DataError("fichier de règles vide", file=str(path))
    if len(lines) > MAX_ROWS + 1:
        raise DataError(f"trop de lignes (au plus {MAX_ROWS})", file=str(path))
    header = _header(path, lines[0])
    rows = [
        Row(
            number,
            str(path),
            {name: cell for name, cell in zip(header, cells, strict=False) if name},
        )
        for number, cells in enumerate(lines[1:], start=2)
        if any(cell.strip() for cell in cells)
    ]
    return rules_from_rows(rows)
